// DocumentReader: one document into claims. Segments and tags the whole document first, then
// reads it sentence by sentence: each event type triggered in a sentence becomes one claim with
// its participants, place and counts (this file), its date (reader_dates.cpp) and its
// attribution and modality (attribution.cpp).
#include "reader.h"

#include <algorithm>
#include <map>

#include "recon/text_util.h"

namespace recon {

namespace {

// Reads a number at token i: digits ("33,000") or a number word; -1 when there is none.
long NumberAt(const std::vector<Token>& tokens, uint32_t i, const StringMap<long>& words) {
  const Token& t = tokens[i];
  if (t.kind == TokenKind::kNumber) {
    std::string digits;
    for (char c : t.text)
      if (IsAsciiDigit(c)) digits += c;
      else if (c == '.') break;
    if (digits.empty() || digits.size() > 9) return -1;
    return std::stol(digits);
  }
  auto it = words.find(t.lower);
  if (it == words.end()) return -1;
  // "a" and "an" count only directly before a noun they quantify; callers check adjacency.
  return it->second;
}

bool IsClauseBreak(const Token& t) {
  return t.kind == TokenKind::kPunct && (t.text == "," || t.text == ";" || t.text == ":" ||
                                         t.text == "(" || t.text == ")" || t.text == "\"");
}

bool IsYear(const Token& t, long n) { return t.kind == TokenKind::kNumber && n >= 1900 && n <= 2100; }

}  // namespace

bool HasNamedSubject(const Claim& c) {
  for (const auto& p : c.participants)
    if (p.role == "subject" && !p.name.empty()) return true;
  return false;
}

DocumentReader::DocumentReader(const ExtractorTables& tables, const Document& doc, uint32_t doc_index)
    : t_(tables), rules_(tables.rules), doc_(doc), doc_index_(doc_index), text_(doc.text) {}

DocResult DocumentReader::Read(bool keep_removed) {
  Prepare(keep_removed);
  size_t mention_cursor = 0;
  for (uint32_t s = 0; s < sentences_.size(); ++s) {
    SentenceView sv;
    sv.index = s;
    std::tie(sv.from, sv.to) = sentence_tokens_[s];
    while (mention_cursor < mentions_.size() && mentions_[mention_cursor].sentence < s) ++mention_cursor;
    sv.mention_begin = sv.mention_end = mention_cursor;
    while (sv.mention_end < mentions_.size() && mentions_[sv.mention_end].sentence == s) ++sv.mention_end;
    sv.triggers = t_.triggers.FindAll(tokens_, sv.from, sv.to);
    ReadSentence(sv);
  }
  HarmonizeSubjects();
  ShareUnnamedStory();
  for (size_t i = 0; i < out_.claims.size(); ++i) {
    Claim& c = out_.claims[i];
    c.id = doc_.id + "#" + std::to_string(i + 1);
    // Claims outlive the reader by the whole run: drop the slack that growing left behind.
    c.participants.shrink_to_fit();
    c.attributed_to.shrink_to_fit();
    c.attributes.shrink_to_fit();
  }
  return std::move(out_);
}

void DocumentReader::Prepare(bool keep_removed) {
  lower_ = ToLower(text_);
  std::vector<RemovedSpan> removed;
  t_.segmenter.Segment(text_, &sentences_, &removed);
  out_.sentences = sentences_.size();
  out_.boilerplate = removed.size();
  for (const auto& r : removed) {
    out_.hits.emplace_back(rules_.boilerplate[r.rule].id, 1);
    if (keep_removed)
      out_.removed.push_back({doc_index_, doc_.first_line + r.line - 1, rules_.boilerplate[r.rule].id,
                              std::string(Trim(text_.substr(r.begin, r.end - r.begin)))});
  }
  // About one token per five bytes of news text: one allocation instead of a dozen regrowths.
  tokens_.reserve(text_.size() / 4 + 16);
  sentence_tokens_.reserve(sentences_.size());
  for (const auto& s : sentences_) {
    uint32_t first = uint32_t(tokens_.size());
    Tokenize(text_, lower_, s.begin, s.end, &tokens_);
    sentence_tokens_.emplace_back(first, uint32_t(tokens_.size()));
  }
  for (uint32_t s = 0; s < sentences_.size(); ++s)
    t_.mentions.Find(tokens_, sentence_tokens_[s].first, sentence_tokens_[s].second, s, &mentions_, &ranks_);
  // The headline's people, found as in the body; they make no claims of their own.
  std::vector<std::string> headline;
  if (!doc_.title.empty()) {
    const std::string lower = ToLower(doc_.title);
    std::vector<Token> tokens;
    Tokenize(doc_.title, lower, 0, doc_.title.size(), &tokens);
    std::vector<Mention> found;
    std::vector<RankMention> ranks;
    t_.mentions.Find(tokens, 0, uint32_t(tokens.size()), 0, &found, &ranks);
    for (const auto& m : found)
      if (m.type == EntityType::kPerson && !m.coreferent) headline.push_back(m.name);
  }
  ResolveDocumentMentions(tokens_, &mentions_, ranks_, headline);
  out_.mentions = mentions_.size();
  timexes_ = t_.tagger.Tag(text_, doc_.published);
  out_.timexes = timexes_.size();

  // The document's focus: the person named most often (ties: first named). Pronouns and
  // unnamed references in a claim fall back to them.
  std::map<std::string, std::pair<int, uint32_t>> person_counts;
  for (const auto& m : mentions_)
    if (m.type == EntityType::kPerson) {
      auto& c = person_counts[m.name];
      if (c.first++ == 0) c.second = m.first;
    }
  std::pair<int, int64_t> focus_score{0, 0};
  for (const auto& [name, c] : person_counts) {
    std::pair<int, int64_t> score{c.first, -int64_t(c.second)};
    if (score > focus_score) focus_score = score, focus_ = name;
  }
}

void DocumentReader::ReadSentence(SentenceView& sv) {
  const size_t first_claim = out_.claims.size();
  if (sv.triggers.empty()) {
    AddStance(sv, first_claim);
    if (out_.claims.size() == first_claim) CarryRanks(sv);
    return;
  }
  auto by_type = TriggersByType(sv);
  if (by_type.empty()) {
    AddStance(sv, first_claim);
    if (out_.claims.size() == first_claim) CarryRanks(sv);
    return;
  }
  sv.kept.clear();
  for (const auto& [key, ms] : by_type) sv.kept.insert(sv.kept.end(), ms.begin(), ms.end());
  std::sort(sv.kept.begin(), sv.kept.end(),
            [](const PhraseMatcher::Match& a, const PhraseMatcher::Match& b) { return a.first < b.first; });
  // Sentence-level cues, computed once for every claim of the sentence.
  sv.modality = t_.modality.FindAll(tokens_, sv.from, sv.to);
  sv.counts = t_.counts.FindAll(tokens_, sv.from, sv.to);
  sv.cues_found = true;
  const auto& mods = sv.modality;
  Cited cited = CitedParties(sv);
  for (auto& [type_and_kind, ms] : by_type) {
    const size_t first_of_type = out_.claims.size();
    for (const PhraseMatcher::Match& anchor : ClauseAnchors(ms)) {
    const TriggerRule& rule = rules_.triggers[anchor.pattern];
    Claim c;
    c.doc_index = doc_index_;
    c.document = doc_.id;
    c.source = doc_.source;
    c.type = rule.event_type;
    c.begin = sentences_[sv.index].begin;
    c.end = sentences_[sv.index].end;
    c.text = text_.substr(c.begin, c.end - c.begin);
    c.trigger_begin = tokens_[anchor.first].begin;
    c.trigger_end = tokens_[anchor.last - 1].end;
    c.rule = rule.id;
    c.confidence = rule.confidence;
    FindParticipants(sv, anchor, &c);
    FindPlace(sv, anchor, &c);
    FindCounts(sv, &c);
    FindDate(sv, anchor, &c);
    if (rule.answers && !c.date.known()) AnswerDate(&c);
    t_.relations.Find(tokens_, sv.from, sv.to, timexes_, sv.triggers, &c);  // "four days after his arrest"
    MarkGeneric(sv, rule, anchor, &c);
    const Cited own = CitedInClause(sv, cited, anchor);
    Attribute(own, &c);
    FindModality(sv, mods, rule, anchor, !own.empty(), &c);
    // "issued an order for him to be killed soon after taking power": the relation times the
    // order, not the deed it asks for. (A plan keeps its own: "plans to launch it two weeks
    // after the congress".)
    if (c.modality == Modality::kOrdered) c.relations.clear();
    out_.hits.emplace_back(rule.id, 1);
    out_.claims.push_back(std::move(c));
    }
    MergeRetellings(first_of_type);
  }
  AddStance(sv, first_claim);
}

bool DocumentReader::StartsClause(uint32_t k, uint32_t limit) const {
  const Token& t = tokens_[k];
  return t_.event_separators.count(t.lower) > 0 || t.text == ";" ||
         (t.text == "," && k + 1 < limit && (tokens_[k + 1].lower == "and" || tokens_[k + 1].lower == "but"));
}

bool DocumentReader::OneClause(const PhraseMatcher::Match& x, const PhraseMatcher::Match& y) const {
  const auto& [a, b] = x.first < y.first ? std::tie(x, y) : std::tie(y, x);
  for (uint32_t k = a.last; k < b.first; ++k)
    if (StartsClause(k, b.first)) return false;
  return true;
}

std::vector<PhraseMatcher::Match> DocumentReader::ClauseAnchors(const std::vector<PhraseMatcher::Match>& ms) const {
  std::vector<PhraseMatcher::Match> anchors{ms.front()};
  for (size_t i = 1; i < ms.size(); ++i) {
    bool separated = false;
    for (uint32_t k = anchors.back().last; k < ms[i].first && !separated; ++k) separated = StartsClause(k, ms[i].first);
    if (separated) anchors.push_back(ms[i]);
  }
  return anchors;
}

void DocumentReader::MergeRetellings(size_t first) {
  auto subject = [](const Claim& c) -> std::pair<std::string, std::string> {
    for (const auto& p : c.participants)
      if (p.role == "subject") return {p.name, p.descriptor};
    return {};
  };
  for (size_t i = first + 1; i < out_.claims.size();) {
    Claim& later = out_.claims[i];
    size_t same = i;
    for (size_t j = first; j < i && same == i; ++j) {
      const Claim& earlier = out_.claims[j];
      bool dates_fit = !earlier.date.known() || !later.date.known() || earlier.date.Overlaps(later.date);
      // Two unnamed people ("the acting ambassador ... since the deputy ambassador fled in
      // 2016") are one only when nothing tells them apart.
      bool named = !subject(earlier).first.empty();
      if (!named) dates_fit = earlier.date.known() == later.date.known() && dates_fit;
      if (subject(earlier) == subject(later) && dates_fit && earlier.generic == later.generic) same = j;
    }
    if (same == i) {
      ++i;
      continue;
    }
    Claim& kept = out_.claims[same];
    for (const auto& [k, v] : later.attributes)
      if (!kept.attributes.count(k)) kept.attributes[k] = v;
    if (!kept.date.known() && later.date.known()) {
      kept.date = later.date;
      kept.date_expression = std::move(later.date_expression);
      kept.date_value = std::move(later.date_value);
    }
    for (auto& r : later.relations) kept.relations.push_back(std::move(r));
    out_.claims.erase(out_.claims.begin() + std::ptrdiff_t(i));
  }
}

// The triggers that make claims, grouped by event type and kind ("attack", "attack/return
// fire"); ClauseAnchors then makes one claim per group and clause.
std::map<std::string, std::vector<PhraseMatcher::Match>> DocumentReader::TriggersByType(
    const SentenceView& sv) const {
  std::map<std::string, std::vector<PhraseMatcher::Match>> by_type;
  for (const auto& m : sv.triggers) {
    const TriggerRule& rule = rules_.triggers[m.pattern];
    if (!rule.requires_near.empty() && !Near(sv, m, rule)) continue;
    if (rule.requires_subject && !DoneToSomeone(sv, m)) continue;
    // A trigger inside a longer trigger of another type or kind yields to it ("attempted
    // defection", the fire of "returned fire").
    bool covered = false;
    for (const auto& o : sv.triggers) {
      const TriggerRule& other = rules_.triggers[o.pattern];
      if (&o != &m && o.first <= m.first && o.last >= m.last && (o.last - o.first) > (m.last - m.first) &&
          (other.event_type != rule.event_type || other.kind != rule.kind))
        covered = true;
    }
    // A kind of the type ("return fire") is told apart from its plain events in one sentence too.
    if (!covered) by_type[rule.kind.empty() ? rule.event_type : rule.event_type + "/" + rule.kind].push_back(m);
  }
  // "executed by anti-aircraft gunfire": in one clause, a type another type absorbs is that
  // event's means, not an event of its own. ("Ri was executed in 2012, and his deputy was
  // purged a year later": another clause, another event.)
  std::map<std::string, std::vector<PhraseMatcher::Match>> absorbed;  // type -> its matches left
  for (const auto& [type, ms] : by_type)
    if (const EventTypeRule* et = rules_.FindEventType(type.substr(0, type.find('/'))))
      for (const auto& a : et->absorbs) {
        auto it = by_type.find(a);
        if (it == by_type.end()) continue;
        auto& left = absorbed.try_emplace(a, it->second).first->second;
        std::erase_if(left, [&](const PhraseMatcher::Match& m) {
          return std::any_of(ms.begin(), ms.end(), [&](const auto& o) { return OneClause(m, o); });
        });
      }
  for (auto& [a, left] : absorbed) {
    if (left.empty()) by_type.erase(a);
    else by_type[a] = std::move(left);
  }
  return by_type;
}

bool DocumentReader::Near(const SentenceView& sv, const PhraseMatcher::Match& m, const TriggerRule& rule) const {
  const uint32_t w = uint32_t(rule.near_within);
  uint32_t lo = w == 0 || m.first < sv.from + w ? sv.from : m.first - w;
  uint32_t hi = w == 0 ? sv.to : std::min(sv.to, m.last + w);
  if (rule.near_side == TriggerRule::Side::kBefore) hi = m.first;
  if (rule.near_side == TriggerRule::Side::kAfter) lo = m.last;
  // Each entry is a word or words in a row ("attempt on"); quote marks between them do not count.
  auto at = [&](uint32_t k, std::string_view phrase) {
    for (size_t pos = 0; pos <= phrase.size(); ++k) {
      if (pos > 0)
        while (k < hi && tokens_[k].kind == TokenKind::kPunct && IsQuoteMark(tokens_[k].text)) ++k;
      size_t space = std::min(phrase.find(' ', pos), phrase.size());
      if (k >= hi || tokens_[k].lower != phrase.substr(pos, space - pos)) return false;
      pos = space + 1;
    }
    return true;
  };
  for (uint32_t k = lo; k < hi; ++k)
    for (const auto& phrase : rule.requires_near)
      if (at(k, phrase)) return true;
  return false;
}

bool DocumentReader::DoneToSomeone(const SentenceView& sv, const PhraseMatcher::Match& m) const {
  auto person_at = [&](uint32_t k) {
    std::string_view w = tokens_[k].lower;
    return t_.descriptors.count(w) || (w.size() > 3 && w.back() == 's' && t_.descriptors.count(w.substr(0, w.size() - 1))) ||
           CoveredBy(sv, k, EntityType::kPerson);
  };
  // Active: someone right after the verb, its direct object ("held a North Korean man, Ri Jong
  // Chol"; not "held talks with North Korean officials").
  for (uint32_t k = m.last; k < sv.to && k < m.last + 6; ++k) {
    if (tokens_[k].kind == TokenKind::kPunct || StartsClause(k, sv.to)) break;
    // A preposition ends the object, unless it counts it ("holding about 50", "dozens of defectors").
    if (t_.prepositions.count(tokens_[k].lower) &&
        !(k + 1 < sv.to && tokens_[k + 1].kind == TokenKind::kNumber) &&
        !(k > m.last && (tokens_[k - 1].kind == TokenKind::kNumber || t_.numbers.count(tokens_[k - 1].lower))))
      break;
    if (person_at(k)) return true;
  }
  // Passive: someone before the auxiliary ("Park had already been charged").
  if (m.first > sv.from && t_.auxiliaries.count(tokens_[m.first - 1].lower))
    for (uint32_t k = m.first - 1; k-- > sv.from && k + 8 > m.first;) {
      if (tokens_[k].kind == TokenKind::kPunct || StartsClause(k, m.first)) break;
      if (person_at(k)) return true;
    }
  return false;
}

bool DocumentReader::CoveredBy(const SentenceView& sv, uint32_t k, EntityType type) const {
  for (size_t i = sv.mention_begin; i < sv.mention_end; ++i)
    if (mentions_[i].type == type && mentions_[i].first <= k && k < mentions_[i].last) return true;
  return false;
}

bool DocumentReader::Possessive(const Mention& m, uint32_t to) const {
  return m.last < to && (tokens_[m.last].lower == "'s" || tokens_[m.last].lower == "\xE2\x80\x99s");
}

uint32_t DocumentReader::TokenAt(size_t byte, uint32_t from, uint32_t to) const {
  auto it = std::lower_bound(tokens_.begin() + from, tokens_.begin() + to, byte,
                             [](const Token& tk, size_t b) { return tk.begin < b; });
  return uint32_t(it - tokens_.begin());
}

bool DocumentReader::Qualifier(const Mention& m) const {
  // Also "the half-brother of North Korean leader Kim Jong Un": "of" a few words before.
  const uint32_t from = sentence_tokens_[m.sentence].first;
  for (uint32_t k = m.first; k > from && k + 7 > m.first; --k) {
    if (tokens_[k - 1].kind == TokenKind::kPunct) break;
    if (tokens_[k - 1].lower == "of") return true;
  }
  return false;
}

bool DocumentReader::Agent(const Mention& m) const {
  const uint32_t from = sentence_tokens_[m.sentence].first;
  for (uint32_t k = m.first; k > from && k + 3 > m.first; --k) {
    if (tokens_[k - 1].kind == TokenKind::kPunct) break;
    if (t_.agent_markers.count(tokens_[k - 1].lower)) return true;
  }
  return false;
}

std::string DocumentReader::Antecedent(const SentenceView& sv, uint32_t at) const {
  for (size_t k = sv.mention_end; k-- > 0;) {
    const Mention& m = mentions_[k];
    if (m.sentence + 3 < sv.index) break;
    if (m.type != EntityType::kPerson || m.last > at) continue;
    if (Possessive(m, sentence_tokens_[m.sentence].second) || Qualifier(m) || Agent(m)) continue;
    return m.name;
  }
  return focus_;
}

std::string DocumentReader::UnnamedDescriptor(const SentenceView& sv) const {
  for (uint32_t k = sv.from; k < sv.to; ++k) {
    if (!t_.descriptors.count(tokens_[k].lower)) continue;
    // "the spy agency", "the defector group": a modifier of an institution, not a person.
    if (k + 1 < sv.to && !t_.descriptors.count(tokens_[k + 1].lower) &&
        (t_.source_nouns.count(tokens_[k + 1].lower) || t_.stance.outlet_nouns.count(tokens_[k + 1].lower)))
      continue;
    // "North Korea's General Staff said": a word of an organisation's name.
    if (CoveredBy(sv, k, EntityType::kOrganization)) continue;
    // "citing a military official", "an official said": a cited party, not the event's subject.
    auto party = std::lower_bound(party_tokens_.begin(), party_tokens_.end(), k > sv.from + 3 ? k - 3 : sv.from);
    if (party != party_tokens_.end() && *party <= k) continue;
    // "Thae Yong-ho, the former deputy ambassador in London": the name's apposition.
    if (!ApposedToPerson(sv, k)) return std::string(tokens_[k].lower);
  }
  return "";
}

bool DocumentReader::ApposedToPerson(const SentenceView& sv, uint32_t k) const {
  uint32_t j = k;
  while (j > sv.from && j + 6 > k && tokens_[j - 1].kind != TokenKind::kPunct) --j;
  if (j == sv.from || j + 6 <= k || tokens_[j - 1].text != ",") return false;
  for (size_t m = sv.mention_begin; m < sv.mention_end; ++m)
    if (mentions_[m].type == EntityType::kPerson && mentions_[m].last == j - 1) return true;
  return false;
}

int DocumentReader::RankOf(const std::string& name) const {
  for (const auto& m : mentions_)
    if (m.name == name && m.rank >= 0) return m.rank;
  return -1;
}

std::string DocumentReader::EntityOf(const std::string& name) const {
  for (const auto& m : mentions_)
    if (m.name == name && !m.entity.empty()) return m.entity;
  return "";
}

std::string DocumentReader::Surface(const Mention& m) const {
  return std::string(text_.substr(tokens_[m.first].begin, tokens_[m.last - 1].end - tokens_[m.first].begin));
}

// Whom the event is about depends on voice and on the event type. "The execution of Jang" and
// "executed his uncle Jang" take the person after the trigger; "Jang was executed" and "Thae
// defected" the nearest person before it. A possessive ("Kim Jong Un's uncle") is never the
// subject. Every other mention joins as a participant by its type; the subject's rank, from
// this sentence or anywhere in the document, becomes the claim's rank.
void DocumentReader::FindParticipants(const SentenceView& sv, const PhraseMatcher::Match& anchor, Claim* c) {
  const uint32_t from = sv.from, to = sv.to;
  auto auxiliary_in = [&](uint32_t lo, uint32_t hi) {
    for (uint32_t k = lo; k < hi; ++k)
      if (t_.auxiliaries.count(tokens_[k].lower)) return true;
    return false;
  };
  bool passive = auxiliary_in(anchor.first > from + 2 ? anchor.first - 2 : from, anchor.first);
  // "He was arrested and executed": a participle coordinated with a passive one is passive too.
  if (!passive && anchor.first >= from + 4 && tokens_[anchor.first - 1].lower == "and")
    passive = auxiliary_in(anchor.first - 4, anchor.first - 2);
  bool nominal_of = (anchor.last < to && tokens_[anchor.last].lower == "of") ||
                    tokens_[anchor.last - 1].lower == "of";
  const EventTypeRule* et = rules_.FindEventType(c->type);
  const bool patient = rules_.triggers[anchor.pattern].patient_subject.value_or(et && et->patient_subject);
  bool after_first = nominal_of || (patient && !passive);
  int subject = -1, before = -1, after = -1;
  // "70 officials have been executed since Kim took over", "aides were executed in November,
  // and that Jang himself had been removed": a person past a clause opener after the trigger
  // belongs to that other clause.
  uint32_t clause_end = anchor.last;
  while (clause_end < to && !StartsClause(clause_end, to)) ++clause_end;
  for (size_t k = sv.mention_begin; k < sv.mention_end; ++k) {
    const Mention& m = mentions_[k];
    if (m.type != EntityType::kPerson || Possessive(m, to)) continue;
    // "Yonhap reported, citing Thae, that the girl had been taken back": a source, not the subject.
    if (auto it = std::lower_bound(party_tokens_.begin(), party_tokens_.end(), m.first);
        it != party_tokens_.end() && *it < m.last)
      continue;
    bool qualifier = Qualifier(m), agent = Agent(m);
    if (m.last <= anchor.first && !(qualifier && before >= 0)) before = int(k);
    else if (after < 0 && !agent && m.first >= anchor.last && m.first <= anchor.last + 8 && m.first < clause_end)
      after = int(k);
  }
  // "Jang's execution": a possessive right before a nominal trigger is its subject.
  for (size_t k = sv.mention_begin; k < sv.mention_end; ++k) {
    const Mention& m = mentions_[k];
    if (m.type == EntityType::kPerson && Possessive(m, to) && m.last + 1 == anchor.first) subject = int(k);
  }
  // "the purge of Hyon Yong-chol, who was reportedly executed": a passive trigger in a relative
  // clause is about the person the clause hangs on.
  if (subject < 0 && passive) {
    for (uint32_t w = anchor.first; w > from + 1 && w + 5 > anchor.first; --w) {
      const Token& tk = tokens_[w - 1];
      if (tk.kind == TokenKind::kPunct) break;
      if (tk.lower != "who" && tk.lower != "whom") continue;
      const uint32_t end = tokens_[w - 2].text == "," ? w - 2 : w - 1;
      for (size_t k = sv.mention_begin; k < sv.mention_end; ++k)
        if (mentions_[k].type == EntityType::kPerson && mentions_[k].last == end && !Possessive(mentions_[k], to))
          subject = int(k);
      break;
    }
  }
  // For an active patient trigger the person before it is the doer ("Kim Jong Un purged ..."),
  // never the one it was done to.
  bool active_patient = patient && !passive && !nominal_of;
  // With two people before an active patient trigger ("Kim had his uncle, Jang, executed"),
  // the nearer is the patient and the first the doer; with one, it is the doer.
  int persons_before = 0;
  for (size_t k = sv.mention_begin; k < sv.mention_end; ++k)
    persons_before += mentions_[k].type == EntityType::kPerson && mentions_[k].last <= anchor.first;
  if (et && et->no_person_subject) {
    // Every person is only mentioned; no unnamed subject is looked for either.
    AddOtherMentions(sv, -1, "", c);
    return;
  }
  if (subject < 0)
    subject = after_first ? (after >= 0 ? after : (active_patient && persons_before < 2 ? -1 : before))
                          : (before >= 0 ? before : after);
  std::string subject_name;
  if (subject >= 0) {
    const Mention& m = mentions_[subject];
    subject_name = m.name;
    c->participants.push_back({"subject", m.entity.empty() ? EntityOf(m.name) : m.entity, Surface(m), m.name, ""});
  } else {
    // Unnamed. A pronoun in subject position ("he fled", "she pleaded guilty and was
    // sentenced", "his defection") stands for the latest claim's subject, else the document's
    // focus, unless a descriptor stands before it in the sentence ("the soldier who ... as he
    // fled"). For an active patient trigger the pronoun before it is the doer, not the subject.
    std::string descriptor = UnnamedDescriptor(sv);
    int pronoun = -1;
    for (uint32_t k = anchor.first; k > from && pronoun < 0;) {
      --k;
      if (!t_.pronouns.count(tokens_[k].lower)) continue;
      // "His younger half-brother took over": someone else, whom the sentence does not name (a
      // relation or role right before the trigger; "his dramatic defection" is still his).
      if (t_.possessives.count(tokens_[k].lower) && k + 1 < anchor.first && anchor.first - k <= 4 &&
          t_.relation_nouns.count(tokens_[anchor.first - 1].lower))
        break;
      pronoun = int(k);
    }
    bool possessive_pronoun = pronoun >= 0 && uint32_t(pronoun) + 1 == anchor.first;
    if (pronoun >= 0 && active_patient && !possessive_pronoun) pronoun = -1;
    bool descriptor_first = false;
    for (uint32_t k = from; pronoun >= 0 && k < uint32_t(pronoun); ++k)
      descriptor_first = descriptor_first || t_.descriptors.count(tokens_[k].lower) > 0;
    // "The execution was carried out ...": a definite mention of an event of a type this
    // document already told about a named person is that event again.
    bool definite = false;
    for (uint32_t k = anchor.first > from + 2 ? anchor.first - 2 : from; k < anchor.first; ++k)
      definite = definite || tokens_[k].lower == "the" || tokens_[k].lower == "this" || tokens_[k].lower == "that";
    std::string earlier;
    for (auto it = out_.claims.rbegin(); it != out_.claims.rend() && earlier.empty(); ++it)
      if (it->type == c->type && !it->generic)
        for (const auto& p : it->participants)
          if (p.role == "subject" && !p.name.empty()) earlier = p.name;
    std::string antecedent = pronoun >= 0 ? Antecedent(sv, uint32_t(pronoun)) : "";
    // "I left Hyesan in 2009 and reached Seoul the following year, said Kim Ryon-hui".
    // ("My father was executed": the father, not the speaker.)
    for (uint32_t k = anchor.first; k > from && k + 7 > anchor.first && pronoun < 0;) {
      --k;
      const bool my = tokens_[k].lower == "my" && k + 1 == anchor.first;  // "my defection"
      if (t_.first_person.count(tokens_[k].lower) && (tokens_[k].text == "I" || my)) {
        bool subject_of_trigger = true;  // only auxiliaries or adverbs between "I" and the trigger
        for (uint32_t j = k + 1; j < anchor.first && subject_of_trigger; ++j)
          subject_of_trigger = t_.auxiliaries.count(tokens_[j].lower) || t_.finite_markers.count(tokens_[j].lower) ||
                               tokens_[j].lower.ends_with("ly") || t_.adverbs.count(tokens_[j].lower);
        if (std::string speaker = subject_of_trigger ? Speaker(sv) : ""; !speaker.empty())
          pronoun = int(k), antecedent = speaker;
        break;
      }
      if (tokens_[k].kind == TokenKind::kPunct) break;
    }
    // "The 43-year-old was detained": the person the article gave that age.
    std::string aged;
    for (uint32_t k = from + 2; k < anchor.first && aged.empty(); ++k)
      if (tokens_[k].lower == "year-old" && tokens_[k - 1].text == "-" && tokens_[k - 2].kind == TokenKind::kNumber &&
          (k + 1 == anchor.first || tokens_[k + 1].kind != TokenKind::kWord || t_.auxiliaries.count(tokens_[k + 1].lower)))
        aged = PersonAged(tokens_[k - 2].text, k - 2);
    if (!aged.empty()) {
      subject_name = aged;
      c->participants.push_back({"subject", EntityOf(aged), "(the same age)", aged, ""});
      c->confidence *= 0.85;
    } else if (pronoun >= 0 && !descriptor_first && !antecedent.empty()) {
      subject_name = antecedent;
      c->participants.push_back({"subject", EntityOf(antecedent), "(pronoun)", antecedent, ""});
      c->confidence *= 0.85;
    } else if (pronoun < 0 && !earlier.empty() && definite) {
      subject_name = earlier;
      c->participants.push_back({"subject", EntityOf(earlier), "(the same event)", earlier, ""});
      c->confidence *= 0.8;
    } else if (!descriptor.empty()) {
      c->participants.push_back({"subject", "", descriptor, "", descriptor});
      c->confidence *= 0.8;
      // "The patient, a sergeant in the North's army, was struck five times": a rank that
      // describes the unnamed subject is its rank.
      for (const auto& r : ranks_)
        if (r.sentence == sv.index)
          for (uint32_t k = r.first; k < r.last; ++k)
            if (tokens_[k].lower == descriptor && !c->attributes.count("rank"))
              c->attributes["rank"] = rules_.ranks[r.rank].id;
    } else {
      c->confidence *= 0.6;
    }
  }
  AddOtherMentions(sv, subject, subject_name, c);
  if (!subject_name.empty()) {
    int rank = subject >= 0 ? mentions_[subject].rank : -1;
    if (rank < 0) rank = RankOf(subject_name);
    if (rank >= 0) c->attributes["rank"] = rules_.ranks[rank].id;
  }
}

std::string DocumentReader::Speaker(const SentenceView& sv) {
  for (const auto& [key, party] : CitedParties(sv)) {
    if (key.first != 1) continue;  // a speaker, not a relaying outlet or the speaker's source
    for (const auto& m : mentions_)
      if (m.type == EntityType::kPerson && m.name == party) return party;
  }
  return "";
}

std::string DocumentReader::PersonAged(std::string_view age, uint32_t before) const {
  // "Ri Chol-min, 43, crossed ...", "Ri Chol-min, a 43-year-old former officer, ...".
  for (size_t k = mentions_.size(); k-- > 0;) {
    const Mention& m = mentions_[k];
    if (m.type != EntityType::kPerson || m.last >= before || m.last + 2 >= tokens_.size()) continue;
    if (tokens_[m.last].text != ",") continue;
    uint32_t n = m.last + 1;
    if (tokens_[n].lower == "a" || tokens_[n].lower == "aged") ++n;
    if (n < tokens_.size() && tokens_[n].kind == TokenKind::kNumber && tokens_[n].text == age) return m.name;
  }
  return "";
}

uint32_t DocumentReader::ParagraphOf(size_t byte) const {
  auto s = std::upper_bound(sentences_.begin(), sentences_.end(), byte,
                            [](size_t b, const Sentence& x) { return b < x.begin; });
  return s == sentences_.begin() ? 0 : std::prev(s)->paragraph;
}

std::string DocumentReader::PersonRankKey(const Mention& m) const {
  // A bare surname ("Kim") is too many people to hold a rank for.
  if (m.type != EntityType::kPerson || m.rank < 0 || m.name.find(' ') == std::string::npos) return "";
  return std::string(kPersonRankPrefix) + m.name;
}

void DocumentReader::CarryRanks(const SentenceView& sv) {
  if (out_.claims.empty()) return;
  const size_t told = out_.claims.back().begin;
  if (ParagraphOf(told) != sentences_[sv.index].paragraph) return;
  // Every claim of the sentence before: "Kim was arrested and his deputy executed. Kim, a colonel, ..."
  for (size_t i = out_.claims.size(); i-- > 0 && out_.claims[i].begin == told;) {
    Claim& c = out_.claims[i];
    for (size_t k = sv.mention_begin; k < sv.mention_end; ++k) {
      const Mention& m = mentions_[k];
      const std::string key = PersonRankKey(m);
      if (key.empty()) continue;
      bool subject = false;
      for (const auto& p : c.participants) subject = subject || (p.role == "subject" && p.name == m.name);
      if (!subject) c.attributes[key] = rules_.ranks[m.rank].id;
    }
  }
}

void DocumentReader::AddOtherMentions(const SentenceView& sv, int subject, const std::string& subject_name,
                                      Claim* c) const {
  for (size_t k = sv.mention_begin; k < sv.mention_end; ++k) {
    const Mention& m = mentions_[k];
    if (int(k) == subject || (!subject_name.empty() && m.name == subject_name)) continue;
    std::string role = m.type == EntityType::kPerson ? "mentioned" : m.type == EntityType::kPlace ? "place" : "organization";
    bool dup = false;
    for (const auto& p : c->participants) dup = dup || (p.name == m.name && p.role == role);
    if (!dup) c->participants.push_back({role, m.entity, Surface(m), m.name, ""});
    // "rescued by soldiers led by Colonel Kwon": the rank this sentence gives them.
    if (const std::string key = PersonRankKey(m); !key.empty()) c->attributes[key] = rules_.ranks[m.rank].id;
  }
}

// Place: the first place after the trigger, else the first in the sentence. A place someone
// went to ("defected to South Korea") is the destination instead.
void DocumentReader::FindPlace(const SentenceView& sv, const PhraseMatcher::Match& anchor, Claim* c) const {
  const Mention* place = nullptr;
  const Mention* destination = nullptr;
  for (size_t k = sv.mention_begin; k < sv.mention_end; ++k) {
    const Mention& m = mentions_[k];
    // "South Korea's spy agency" names who spoke, not where the event happened.
    if (m.type != EntityType::kPlace || Possessive(m, sv.to)) continue;
    // "SEOUL/LONDON, Aug 17 (AWS) -": a dateline says where the story was filed.
    const size_t begin = tokens_[m.first].begin, size = tokens_[m.last - 1].end - begin;
    std::string_view surface = text_.substr(begin, size);
    if (surface.size() > 1 && std::none_of(surface.begin(), surface.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; }))
      continue;
    // "Seoul made the defection public": a capital speaking for its state is a party.
    if ((m.first == sv.from || !t_.place_prepositions.count(tokens_[m.first - 1].lower)) &&
        t_.stance.metonyms.count(std::string_view(lower_).substr(begin, size)))
      continue;
    uint32_t before = m.first;  // "to the South": skip an article
    if (before > sv.from && tokens_[before - 1].lower == "the") --before;
    if (before > sv.from + 1 && t_.destination_markers.count(tokens_[before - 1].lower) &&
        !t_.descriptors.count(tokens_[before - 2].lower)) {
      if (!destination && m.first >= anchor.last) destination = &m;
      continue;
    }
    if (!place || (m.first >= anchor.last && place->first < anchor.last)) place = &m;
  }
  if (place && !place->entity.empty()) c->attributes["place"] = place->entity;
  if (destination && !destination->entity.empty()) c->attributes["destination"] = destination->entity;
}

// "executed on April 30", "four days after his arrest": a number inside a time expression
// counts days, not people.
bool DocumentReader::InTimex(const Token& t) const {
  auto it = std::upper_bound(timexes_.begin(), timexes_.end(), t.begin,
                             [](size_t b, const TimeExpression& x) { return b < x.begin; });
  return it != timexes_.begin() && t.begin < std::prev(it)->end;
}

// Counts: a number (or parts joined by "and") just before a cue, or just after it.
void DocumentReader::FindCounts(const SentenceView& sv, Claim* c) {
  const uint32_t from = sv.from, to = sv.to;
  for (const auto& cm : sv.counts) {
    const CountRule& cr = rules_.counts[cm.pattern];
    long total = -1;
    bool at_least = false, none = false;
    uint32_t k = cm.first;
    uint32_t lo = cm.first > from + 6 ? cm.first - 6 : from;
    // "fired 200 shells at the island, killing two marines": a number ahead of another cue
    // counts that cue's things.
    auto other_cue = [&](uint32_t at) {
      for (const auto& o : sv.counts)
        if (&o != &cm && o.first <= at && at < o.last) return true;
      return false;
    };
    while (k > lo) {
      --k;
      if ((IsClauseBreak(tokens_[k]) && tokens_[k].text != ",") || other_cue(k)) break;
      long n = NumberAt(tokens_, k, t_.numbers);
      if (n < 0 || IsYear(tokens_[k], n) || InTimex(tokens_[k])) continue;
      if ((tokens_[k].lower == "a" || tokens_[k].lower == "an") && k + 1 != cm.first) continue;
      // "No one was killed": no count at all, not one (nor the wounded told after it).
      if (k > from && tokens_[k - 1].lower == "no") {
        none = true;
        break;
      }
      total = total < 0 ? n : total + n;
      // Keep summing parts joined by "and" or commas: "nine soldiers and three civilians".
      if (k > lo && (tokens_[k - 1].lower == "than" || tokens_[k - 1].lower == "over" ||
                     tokens_[k - 1].lower == "least"))
        at_least = true;
      // "possibly 50 or more"
      if (k + 2 < cm.first && tokens_[k + 1].lower == "or" && tokens_[k + 2].lower == "more") at_least = true;
    }
    if (total < 0 && !none) {
      // "killed nine soldiers and three civilians": parts after the cue, up to the clause end.
      for (uint32_t f = cm.last; f < to && f < cm.last + 8; ++f) {
        if ((IsClauseBreak(tokens_[f]) && tokens_[f].text != ",") || other_cue(f)) break;
        if (tokens_[f].kind == TokenKind::kPunct && tokens_[f].text == ".") break;
        long n = NumberAt(tokens_, f, t_.numbers);
        if (n <= 1 || IsYear(tokens_[f], n) || InTimex(tokens_[f])) continue;
        if (total >= 0 && !(tokens_[f - 1].lower == "and" || tokens_[f - 2].lower == "and" ||
                            tokens_[f - 1].text == "," || tokens_[f - 2].text == ","))
          break;
        total = total < 0 ? n : total + n;
      }
    }
    if (total > 0 && !c->attributes.count(cr.role)) {
      c->attributes[cr.role] = std::to_string(total) + (at_least ? "+" : "");
      out_.hits.emplace_back(cr.id, 1);
    }
  }
}

void DocumentReader::MarkGeneric(const SentenceView& sv, const TriggerRule& rule,
                                 const PhraseMatcher::Match& anchor, Claim* c) const {
  if (rule.generic) {
    c->generic = true;
    return;
  }
  // "a series of reported purges", "the number arriving": counted or classed, not told.
  for (uint32_t k = anchor.first > sv.from + 3 ? anchor.first - 3 : sv.from; k < anchor.first; ++k)
    if (t_.generic_cues.count(tokens_[k].lower) && tokens_[k + 1].lower != "as") {  // not 'such as'
      c->generic = true;
      return;
    }
  // "About 30,000 have fled since 1953", "70 officials executed since he took power": a
  // running total over a span, with no one named, is a class of events.
  bool named = HasNamedSubject(*c);
  if (named) return;
  // "Kim had executed 15 senior officials this year alone", "about 70 officials have been
  // executed since he took over": many unnamed people counted at the trigger, over a span of a
  // season or more or since some event, are a tally.
  uint32_t lo = anchor.first > sv.from + 5 ? anchor.first - 5 : sv.from;
  uint32_t hi = std::min(sv.to, anchor.last + 3);
  long many = 0;
  for (uint32_t k = lo; k < hi; ++k) {
    long n = InTimex(tokens_[k]) ? -1 : NumberAt(tokens_, k, t_.numbers);
    if (n >= 2 && !IsYear(tokens_[k], n)) many = std::max(many, n);
  }
  if (many >= 2) {
    bool span = c->date.known() && (!c->date.bounded() || c->date.days() > 92);
    for (uint32_t k = anchor.last; k < sv.to && !span; ++k)
      span = t_.event_separators.count(tokens_[k].lower) && !t_.clause_openers.count(tokens_[k].lower);
    if (span) {
      c->generic = true;
      return;
    }
  }
  for (const auto& t : timexes_) {
    if (t.begin < c->begin || t.end > c->end || t.range.qualifier != Qualifier::kSince) continue;
    if (t.begin >= c->trigger_end) {
      c->generic = true;
      return;
    }
  }
}

// One article tells one event of a type about one person, often several times: a claim whose
// subject differs from the article's usual subject for that type takes the usual one when the
// sentence names them too ("accused of killing Kim Jong-nam, the half-brother of Kim Jong Un").
void DocumentReader::HarmonizeSubjects() {
  std::map<std::string, std::map<std::string, int>> subjects_by_type;
  for (const auto& c : out_.claims)
    for (const auto& p : c.participants)
      if (p.role == "subject" && !p.name.empty()) subjects_by_type[c.type][p.name]++;
  for (auto& c : out_.claims) {
    const auto& counts = subjects_by_type[c.type];
    std::string usual;
    int best = 0;
    for (const auto& [name, n] : counts)
      if (n > best) best = n, usual = name;
    if (best < 2) continue;
    auto subject = std::find_if(c.participants.begin(), c.participants.end(),
                                [](const Participant& p) { return p.role == "subject"; });
    if (subject == c.participants.end() || subject->name == usual || subject->name.empty()) continue;
    if (counts.at(subject->name) >= best) continue;
    auto other = std::find_if(c.participants.begin(), c.participants.end(),
                              [&](const Participant& p) { return p.name == usual; });
    if (other == c.participants.end()) continue;
    // "Hyun would be the most senior since Jang ... was executed after being charged": the
    // usual subject in another clause than the trigger is not this event's.
    if (size_t at = c.text.find(other->mention); at != std::string_view::npos) {
      const uint32_t n = uint32_t(tokens_.size());
      uint32_t o = TokenAt(c.begin + at, 0, n), tr = TokenAt(c.trigger_begin, 0, n);
      bool apart = false;
      for (uint32_t k = std::min(o, tr) + 1; k < std::max(o, tr) && !apart; ++k) apart = StartsClause(k, std::max(o, tr));
      if (apart) continue;
    }
    // "Thae, who defected four years ago, said Jo ...": a date of its own, disjoint from every
    // dated telling of the usual subject's event, makes it another event.
    if (c.date.bounded()) {
      bool any_dated = false, overlaps = false;
      for (const auto& o : out_.claims) {
        if (o.type != c.type || !o.date.bounded() || &o == &c) continue;
        bool theirs = false;
        for (const auto& p : o.participants) theirs = theirs || (p.role == "subject" && p.name == usual);
        if (!theirs) continue;
        any_dated = true;
        overlaps = overlaps || o.date.Overlaps(c.date);
      }
      if (any_dated && !overlaps) continue;
    }
    std::swap(subject->entity, other->entity);
    std::swap(subject->mention, other->mention);
    std::swap(subject->name, other->name);
  }
}

}  // namespace recon

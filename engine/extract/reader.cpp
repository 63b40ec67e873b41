// DocumentReader: one document into claims. Segments and tags the whole document first, then
// reads it sentence by sentence: each event type triggered in a sentence becomes one claim with
// its participants (reader_participants.cpp), place (this file), counts (reader_counts.cpp), its date
// (reader_dates.cpp) and its attribution and modality (attribution.cpp).
#include "reader.h"

#include <algorithm>
#include <map>

#include "recon/text_util.h"

namespace recon {

bool HasNamedSubject(const Claim& c) {
  for (const auto& p : c.participants)
    if (p.role == "subject" && !p.name.empty()) return true;
  return false;
}

const Participant* SubjectParticipant(const Claim& c) {
  for (const auto& p : c.participants)
    if (p.role == "subject") return &p;
  return nullptr;
}

DocumentReader::DocumentReader(const ExtractorTables& tables, const Document& doc, uint32_t doc_index)
    : t_(tables), rules_(tables.rules), doc_(doc), doc_index_(doc_index), text_(doc.text) {}

DocResult DocumentReader::Read(bool keep_removed) {
  Prepare(keep_removed);
  // Most trigger matches make a claim, and few claims come otherwise: one allocation, and no
  // claims moved as the vector grows.
  out_.claims.reserve(cues_[ExtractorTables::kTriggerCue].size());
  size_t mention_cursor = 0;
  for (uint32_t s = 0; s < sentences_.size(); ++s) {
    SentenceView sv;
    sv.index = s;
    std::tie(sv.from, sv.to) = sentence_tokens_[s];
    while (mention_cursor < mentions_.size() && mentions_[mention_cursor].sentence < s) ++mention_cursor;
    sv.mention_begin = sv.mention_end = mention_cursor;
    while (sv.mention_end < mentions_.size() && mentions_[sv.mention_end].sentence == s) ++sv.mention_end;
    sv.triggers = Cues(ExtractorTables::kTriggerCue, s);
    sv.modality = Cues(ExtractorTables::kModalityCue, s);
    sv.counts = Cues(ExtractorTables::kCountCue, s);
    ReadSentence(sv);
  }
  HarmonizeSubjects();
  ShareUnnamedStory();
  NameDescribedSubjects();
  MarkHeadline();
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
    out_.hits.emplace_back(rules_.boilerplate[r.rule].id);
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
  // About one mention per sixteen tokens of news text.
  mentions_.reserve(tokens_.size() / 16 + 8);
  for (uint32_t s = 0; s < sentences_.size(); ++s)
    t_.mentions.Find(tokens_, sentence_tokens_[s].first, sentence_tokens_[s].second, s, &mentions_, &ranks_);
  t_.mentions.AddWesternSurnames(tokens_, sentence_tokens_, &mentions_);
  FindCues();
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
    // The events it announces: "Senior North Korean diplomat in Britain said to have fled".
    for (PhraseMatcher::Match m : t_.cues.FindAll(tokens, 0, uint32_t(tokens.size())))
      if (t_.KindOf(&m.pattern) == ExtractorTables::kTriggerCue)
        if (const TriggerRule& r = rules_.triggers[m.pattern]; !r.generic && r.requires_near.empty() && !r.requires_subject)
          title_types_.insert(r.event_type);
  }
  ResolveDocumentMentions(tokens_, &mentions_, ranks_, headline, t_.leaders, &t_.possessives);
  out_.mentions = mentions_.size();
  timexes_ = t_.tagger.Tag(text_, doc_.published);
  out_.timexes = timexes_.size();
  PlaceInNarrative();

  // The document's focus: the person named most often (ties: first named). Pronouns and
  // unnamed references in a claim fall back to them.
  focus_ = MostNamed([](const Mention&) { return true; });
}

void DocumentReader::FindCues() {
  for (int k = 0; k < ExtractorTables::kCueKinds; ++k) {
    cue_starts_[k].reserve(sentences_.size() + 1);
    cue_starts_[k].push_back(0);
  }
  // PhraseMatcher::FindAll's matches per sentence, into one scratch vector rather than a
  // vector per sentence.
  std::vector<PhraseMatcher::Match> found;
  for (const auto& [from, to] : sentence_tokens_) {
    found.clear();
    for (uint32_t i = from; i < to; ++i) t_.cues.MatchAt(tokens_, i, &found);
    for (PhraseMatcher::Match m : found)
      if (m.last <= to) cues_[t_.KindOf(&m.pattern)].push_back(m);
    for (int k = 0; k < ExtractorTables::kCueKinds; ++k) cue_starts_[k].push_back(uint32_t(cues_[k].size()));
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
  const auto mods = sv.modality;
  const Cited& cited = CitedParties(sv);
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
    const Cited& own = CitedInClause(sv, cited, anchor);
    Attribute(own, &c);
    FindModality(sv, mods, rule, anchor, !own.empty(), &c);
    // "issued an order for him to be killed soon after taking power": the relation times the
    // order, not the deed it asks for. (A plan keeps its own: "plans to launch it two weeks
    // after the congress".)
    if (c.modality == Modality::kOrdered) c.relations.clear();
    out_.hits.emplace_back(rule.id);
    out_.claims.push_back(std::move(c));
    }
    MergeRetellings(first_of_type);
  }
  AddStance(sv, first_claim);
}

void DocumentReader::MarkHeadline() {
  // The lead: the first sentences of the body, past the furniture the segmenter kept.
  constexpr size_t kLead = 5;
  const size_t lead_end = sentences_.size() > kLead ? sentences_[kLead].begin : SIZE_MAX;
  for (const std::string& type : title_types_)
    for (Claim& c : out_.claims) {
      if (c.type != type || c.generic) continue;
      // "Kim Jong Un crosses into South Korea for historic summit": a leader's visit, whatever
      // the title's verb; a leader's events rest on their own claims.
      const bool leader = std::ranges::any_of(c.participants, [&](const Participant& p) {
        return p.role == "subject" && std::ranges::find(t_.leaders, p.entity) != t_.leaders.end();
      });
      if (c.begin < lead_end && !leader && c.modality != Modality::kNegated && c.modality != Modality::kDenied)
        c.headline = true;
      break;
    }
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
  // The triggers whose conditions hold: words required near, words that must not stand right
  // before or after ("heart attack", "fired at least") or in the sentence ("collided"), a
  // subject it must be done to.
  std::vector<bool> valid(sv.triggers.size(), false);
  for (size_t i = 0; i < sv.triggers.size(); ++i) {
    const PhraseMatcher::Match& m = sv.triggers[i];
    const TriggerRule& rule = rules_.triggers[m.pattern];
    valid[i] = (rule.requires_near.empty() || Near(sv, m)) &&
               !(m.first > sv.from && std::ranges::find(rule.not_after, tokens_[m.first - 1].lower) != rule.not_after.end()) &&
               !(m.last < sv.to && std::ranges::find(rule.not_before, tokens_[m.last].lower) != rule.not_before.end()) &&
               !(rule.requires_subject && !DoneToSomeone(sv, m)) &&
               !(!rule.not_near.empty() && NotNear(sv, m));
  }
  for (size_t i = 0; i < sv.triggers.size(); ++i) {
    if (!valid[i]) continue;
    const PhraseMatcher::Match& m = sv.triggers[i];
    const TriggerRule& rule = rules_.triggers[m.pattern];
    // A trigger inside a longer trigger of another type or kind yields to it ("attempted
    // defection", the fire of "returned fire"), if that one holds.
    bool covered = false;
    for (size_t j = 0; j < sv.triggers.size(); ++j) {
      const PhraseMatcher::Match& o = sv.triggers[j];
      const TriggerRule& other = rules_.triggers[o.pattern];
      if (j != i && valid[j] && o.first <= m.first && o.last >= m.last && (o.last - o.first) > (m.last - m.first) &&
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

bool DocumentReader::Near(const SentenceView& sv, const PhraseMatcher::Match& m) const {
  const TriggerRule& rule = rules_.triggers[m.pattern];
  const uint32_t w = uint32_t(rule.near_within);
  uint32_t lo = w == 0 || m.first < sv.from + w ? sv.from : m.first - w;
  uint32_t hi = w == 0 ? sv.to : std::min(sv.to, m.last + w);
  if (rule.near_side == TriggerRule::Side::kBefore) hi = m.first;
  if (rule.near_side == TriggerRule::Side::kAfter) lo = m.last;
  return t_.requires_near[m.pattern].AnyIn(tokens_, lo, hi);
}

bool DocumentReader::NotNear(const SentenceView& sv, const PhraseMatcher::Match& m) const {
  // From the start of the trigger's clause (a comma, a semicolon or a clause opener before it:
  // "Following the floods, soldiers killed two civilians"; "ruled out an accident and concluded
  // that a torpedo sank the Cheonan") to the end of the sentence or a semicolon ("sank on
  // Monday, after it collided"; "has killed dozens, officials said, blaming a collision").
  uint32_t lo = m.first;
  while (lo > sv.from && tokens_[lo - 1].text != "," && tokens_[lo - 1].text != ";" &&
         !t_.clause_openers.count(tokens_[lo - 1].lower) && tokens_[lo - 1].lower != "that")
    --lo;
  uint32_t hi = m.last;
  while (hi < sv.to && tokens_[hi].text != ";") ++hi;
  const PhraseList& words = t_.not_near[m.pattern];
  for (uint32_t k = words.Find(tokens_, lo, hi); k < hi; k = words.Find(tokens_, k + 1, hi)) {
    // "not in an accident", "ruled out a collision", "in what Pyongyang called an accident".
    bool doubted = false;
    for (uint32_t j = k > lo + 3 ? k - 3 : lo; j < k; ++j) doubted = doubted || t_.cause_doubters.count(tokens_[j].lower);
    if (!doubted) return true;
  }
  return false;
}

bool DocumentReader::DoneToSomeone(const SentenceView& sv, const PhraseMatcher::Match& m) const {
  auto person_at = [&](uint32_t k) {
    return t_.PersonWord(tokens_[k].lower) || CoveredBy(sv, k, EntityType::kPerson);
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
    if (person_at(k)) {
      // Not someone's thing ("removed the soldier's body", "dismissed the woman's appeal") nor
      // what someone is called ("dismissed Thae as human scum").
      uint32_t end = k + 1;
      while (end < sv.to && CoveredBy(sv, end, EntityType::kPerson)) ++end;
      const bool owner = end < sv.to && (IsPossessiveMark(tokens_[end].lower) || tokens_[end].lower == "'" ||
                                         tokens_[end].lower == "\xE2\x80\x99");
      return !owner && !(end < sv.to && tokens_[end].lower == "as");
    }
  }
  // Passive: someone before the auxiliary ("Park had already been charged"), also past a
  // parenthesis set off by commas ("Kim Jong Nam, 45, was killed").
  if (m.first > sv.from && t_.auxiliaries.count(tokens_[m.first - 1].lower)) {
    bool skipped = false;
    for (uint32_t k = m.first - 1, reach = 8; k-- > sv.from && k + reach > m.first;) {
      if (tokens_[k].text == "," && !skipped && k + 1 < m.first) {
        const uint32_t open = AfterCommaBefore(sv.from, k);
        if (open > sv.from + 1 && open + 10 > k) {
          skipped = true;
          reach += m.first - (open - 1);
          k = open - 1;  // the comma that opens it; the loop steps past it
          continue;
        }
      }
      if (tokens_[k].kind == TokenKind::kPunct || StartsClause(k, m.first)) break;
      if (person_at(k)) return true;
    }
  }
  return false;
}

uint32_t DocumentReader::TokenAt(size_t byte, uint32_t from, uint32_t to) const {
  auto it = std::lower_bound(tokens_.begin() + from, tokens_.begin() + to, byte,
                             [](const Token& tk, size_t b) { return tk.begin < b; });
  return uint32_t(it - tokens_.begin());
}

uint32_t DocumentReader::ParagraphOf(size_t byte) const {
  auto s = std::upper_bound(sentences_.begin(), sentences_.end(), byte,
                            [](size_t b, const Sentence& x) { return b < x.begin; });
  return s == sentences_.begin() ? 0 : std::prev(s)->paragraph;
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
    // "SEOUL/LONDON, Aug 17 (AWS) -": a dateline says where the story was filed; "a source in
    // Ryanggang Province told": where the speaker is.
    const size_t begin = tokens_[m.first].begin, size = tokens_[m.last - 1].end - begin;
    if (AllCapitals(m) || SpeakersPlace(sv, m)) continue;
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

bool DocumentReader::AllCapitals(const Mention& m) const {
  const std::string_view surface = text_.substr(tokens_[m.first].begin, tokens_[m.last - 1].end - tokens_[m.first].begin);
  return surface.size() > 1 && std::none_of(surface.begin(), surface.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
}

bool DocumentReader::Dateline(const SentenceView& sv, const Mention& m) const {
  if (m.last >= sv.to) return false;
  // Only words in capitals and slashes in tokens [sv.from, end): "KUALA LUMPUR/SEOUL".
  auto capitals_to = [&](uint32_t end) {
    for (uint32_t k = sv.from; k < end; ++k)
      if (tokens_[k].text != "/" && !AllCapitals(Mention{k, k + 1})) return false;
    return true;
  };
  const std::string_view next = tokens_[m.last].text;
  // "SEOUL, South Korea (AP) --": the country after a dateline's city, before the agency.
  if (!AllCapitals(m))
    return m.first >= sv.from + 2 && tokens_[m.first - 1].text == "," && m.first <= sv.from + 6 &&
           (next == "(" || IsDash(next)) && capitals_to(m.first - 1);
  // Only capitals and slashes before it ("KUALA LUMPUR/SEOUL, Feb 14"), a comma or a slash after.
  return m.first < sv.from + 6 && (next == "," || next == "/") && capitals_to(m.first);
}

bool DocumentReader::SpeakersPlace(const SentenceView& sv, const Mention& m) const {
  if (m.first < sv.from + 2) return false;
  const std::string_view prep = tokens_[m.first - 1].lower;
  if ((prep != "in" && prep != "from") || !t_.source_nouns.count(tokens_[m.first - 2].lower)) return false;
  // The speaker speaks right after the place: "a source in Ryanggang Province told Daily NK",
  // "officials in Seoul said" (not "police in Hyesan arrested 20 people").
  uint32_t after = m.last;
  if (after < sv.to && tokens_[after].text == ",") ++after;
  if (after < sv.to && t_.reporting_verbs.count(tokens_[after].lower)) return true;
  // ... or a cue before it cites them: "according to a source in North Hamgyong".
  for (uint32_t k = m.first - 2; k > sv.from && k + 5 > m.first;) {
    --k;
    const std::string_view w = tokens_[k].lower;
    if (w == "citing" || w == "quoting" || (w == "to" && k > sv.from && tokens_[k - 1].lower == "according")) return true;
    if (tokens_[k].kind == TokenKind::kPunct) break;
  }
  return false;
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

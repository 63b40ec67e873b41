// Extractor: per document, segment, tokenize, tag time expressions and mentions, then turn
// each trigger into a claim with its participants, attributes, date, attribution and modality.
// Documents run in parallel; results are joined in document order, so output does not depend
// on the thread count.
#include "recon/extract.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "mentions.h"
#include "recon/text_util.h"
#include "recon/timex.h"
#include "relations.h"
#include "segment.h"
#include "tokens.h"

namespace recon {

namespace {

// Strength order when several modality cues fire: the most telling wins.
int ModalityStrength(Modality m) {
  switch (m) {
    case Modality::kDenied: return 6;
    case Modality::kNegated: return 5;
    case Modality::kHedged: return 4;
    case Modality::kAttempted: return 3;
    case Modality::kPlanned: return 3;
    case Modality::kOrdered: return 3;
    case Modality::kReported: return 1;
    case Modality::kAsserted: return 0;
  }
  return 0;
}

struct AttributionPattern {
  uint32_t rule = 0;
  bool source_first = false;  // "{source} said" (capture leftwards) vs "according to {source}"
};

struct DocResult {
  std::vector<Claim> claims;
  std::vector<RemovedLine> removed;
  std::vector<std::pair<std::string, size_t>> hits;
  size_t sentences = 0, mentions = 0, timexes = 0, boilerplate = 0;
};

}  // namespace

namespace {
std::string CaptureSource(const std::vector<Token>& tokens, uint32_t from, uint32_t to,
                          uint32_t at, bool leftwards, const StringMap<bool>& source_nouns,
                          const StringMap<bool>& stop_words, const StringMap<bool>& function_words);
}  // namespace

struct Extractor::Impl {
  explicit Impl(const RuleSet& r)
      : rules(r), segmenter(r), tagger(r.timex), mentions(r), relation_finder(r) {
    for (uint32_t i = 0; i < r.triggers.size(); ++i)
      for (const auto& p : r.triggers[i].patterns) triggers.Add(p, i);
    for (uint32_t i = 0; i < r.modality.size(); ++i)
      for (const auto& p : r.modality[i].patterns) modality.Add(p, i);
    for (uint32_t i = 0; i < r.counts.size(); ++i)
      for (const auto& p : r.counts[i].cues) counts.Add(p, i);
    for (uint32_t i = 0; i < r.attribution.size(); ++i) {
      for (const auto& p : r.attribution[i].patterns) {
        bool first = p.rfind("{source}", 0) == 0;
        std::string literal = first ? p.substr(8) : p.substr(0, p.size() - 8);
        uint32_t id = uint32_t(attribution_patterns.size());
        if (attribution.Add(literal, id)) attribution_patterns.push_back({i, first});
      }
    }
    for (const auto& n : r.numbers) numbers[n.first] = n.second;
    for (const auto& v : r.names.reporting_verbs) reporting_verbs[ToLower(v)] = true;
    for (const auto& d : r.names.descriptors) descriptors[ToLower(d)] = true;
    for (const auto& d : r.names.source_nouns) source_nouns[ToLower(d)] = true;
    for (const auto& d : r.names.auxiliaries) auxiliaries[ToLower(d)] = true;
    for (const auto& d : r.names.pronouns) pronouns[ToLower(d)] = true;
    for (const auto& e : r.entities) {
      if (e.type != EntityType::kOrganization && e.type != EntityType::kPlace) continue;
      canonical_party[ToLower(e.name)] = e.name;
      for (const auto& a : e.aliases) canonical_party[ToLower(a)] = e.name;
    }
    for (const auto& d : r.names.stop_words) {
      stop_words[d] = true;
      function_words[ToLower(d)] = true;
    }
  }

  DocResult ExtractDocument(const Document& doc, uint32_t doc_index, bool keep_removed) const;

  // The party an attribution match cites, read leftwards or rightwards as its pattern says.
  std::string CaptureParty(const std::vector<Token>& tokens, uint32_t from, uint32_t to,
                           const PhraseMatcher::Match& a) const {
    bool left = attribution_patterns[a.pattern].source_first;
    return CaptureSource(tokens, from, to, left ? a.first : a.last, left, source_nouns, stop_words,
                         function_words);
  }

  // The gazetteer's name for a cited organisation, also when qualified ("South Korea's
  // Unification Ministry"); "" when it is not known.
  std::string CanonicalParty(const std::string& party) const {
    std::string lower = ToLower(party);
    for (size_t pos = 0; pos != std::string::npos; pos = lower.find(' ', pos + 1)) {
      std::string_view tail = std::string_view(lower).substr(pos == 0 ? 0 : pos + 1);
      if (auto it = canonical_party.find(tail); it != canonical_party.end()) return it->second;
      if (pos == 0 && lower.find(' ') == std::string::npos) break;
    }
    return "";
  }

  const RuleSet& rules;
  Segmenter segmenter;
  TimexTagger tagger;
  MentionFinder mentions;
  RelationFinder relation_finder;
  PhraseMatcher triggers, modality, counts, attribution;
  std::vector<AttributionPattern> attribution_patterns;
  StringMap<long> numbers;
  StringMap<bool> reporting_verbs;
  StringMap<bool> descriptors;
  StringMap<bool> source_nouns;
  StringMap<bool> auxiliaries;                // "was", "were": a passive trigger before them
  StringMap<bool> pronouns;                   // "he", "his": stand for the focus person
  StringMap<std::string> canonical_party;     // organisation alias -> canonical name
  StringMap<bool> stop_words;
  StringMap<bool> function_words;  // stop words in lower case: "when", "after", "the"
  // Cited parties named so far in each document are tracked per call, not here.
};

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

// The cited party next to an attribution cue: a capitalised name ("the Unification Ministry",
// "South Korea's spy agency") or a short noun phrase headed by a source noun ("officials",
// "a government source"). Returns "" when what stands there is no plausible party.
std::string CaptureSource(const std::vector<Token>& tokens, uint32_t from, uint32_t to,
                          uint32_t at, bool leftwards, const StringMap<bool>& source_nouns,
                          const StringMap<bool>& stop_words, const StringMap<bool>& function_words) {
  auto is_det = [](const Token& t) { return t.lower == "the" || t.lower == "a" || t.lower == "an"; };
  auto joins = [](const Token& t) {
    return t.lower == "of" || t.lower == "for" || t.lower == "s" || t.text == "'" ||
           t.text == "\xE2\x80\x99" || t.lower == "'s";
  };
  auto word = [](const Token& t) { return t.kind != TokenKind::kPunct || t.text == "'" || t.text == "\xE2\x80\x99"; };
  uint32_t a, b;
  if (leftwards && at > from && tokens[at - 1].text == ",") {
    // "A government official, speaking on condition of anonymity, said": the party stands
    // before the first comma of the sentence.
    uint32_t first_comma = from;
    while (first_comma < at - 1 && tokens[first_comma].text != ",") ++first_comma;
    if (first_comma < at - 1) at = first_comma;
  }
  if (leftwards) {
    // Walk left over the noun phrase that ends right before the cue.
    uint32_t k = at;
    while (k > from && k > at - std::min<uint32_t>(at - from, 7)) {
      const Token& t = tokens[k - 1];
      if (!word(t)) break;
      if (is_det(t)) { --k; break; }
      if (!t.capitalized() && function_words.count(t.lower)) break;
      if (!t.capitalized() && !joins(t) && !source_nouns.count(t.lower) &&
          !(k < at && (tokens[k].capitalized() || source_nouns.count(tokens[k].lower))))
        break;
      --k;
    }
    a = k, b = at;
  } else {
    uint32_t k = at;
    if (k < to && is_det(tokens[k])) ++k;
    // Skip a few lower-case modifiers before a name: "the official Korean Central News Agency".
    for (uint32_t look = k; look < to && look < k + 3; ++look) {
      if (!word(tokens[look])) break;
      if (tokens[look].capitalized()) { k = look; break; }
    }
    a = k;
    bool capital = k < to && tokens[k].capitalized();
    while (k < to && k < a + 7) {
      const Token& t = tokens[k];
      if (!word(t)) break;
      if (capital ? !(t.capitalized() || (joins(t) && k + 1 < to && tokens[k + 1].capitalized()))
                  : !(source_nouns.count(t.lower) || (k + 1 < to && source_nouns.count(tokens[k + 1].lower))))
        break;
      ++k;
    }
    b = k;
    // The party ends the clause ("according to Yonhap," / "told Reuters on Monday"), else it is
    // the subject of a reported clause ("said Thae had left"), not a cited party.
    if (b < to && word(tokens[b]) && tokens[b].lower != "on" && tokens[b].lower != "in" &&
        tokens[b].lower != "at" && tokens[b].lower != "that" && tokens[b].lower != "last" &&
        tokens[b].lower != "this" && tokens[b].lower != "earlier" && tokens[b].lower != "citing" &&
        tokens[b].lower != "as" && tokens[b].lower != "and")
      return "";
  }
  if (b <= a) return "";
  // A party needs a name or a source noun; a date word or a pronoun is none.
  bool named = false, noun = false;
  for (uint32_t k = a; k < b; ++k) {
    if (tokens[k].capitalized() && !function_words.count(tokens[k].lower)) named = true;
    if (tokens[k].capitalized() && stop_words.count(tokens[k].text) && k + 1 < b) named = true;
    if (source_nouns.count(tokens[k].lower)) noun = true;
  }
  if (!named && !noun) return "";
  // "South Korean broadcaster TV Chosun": the name after the descriptor is the party.
  for (uint32_t k = b; k-- > a + 1;) {
    if (!tokens[k].capitalized()) break;
    if (!tokens[k - 1].capitalized() && tokens[k - 1].kind == TokenKind::kWord &&
        source_nouns.count(tokens[k - 1].lower)) {
      a = k;
      break;
    }
  }
  std::string s;
  for (uint32_t k = a; k < b; ++k) {
    if (k > a && tokens[k].begin > tokens[k - 1].end) s += ' ';
    s += tokens[k].text;
  }
  for (std::string_view det : {"the ", "a ", "an ", "The ", "A ", "An "})
    if (s.rfind(det, 0) == 0) return s.substr(det.size());
  return s;
}

}  // namespace

DocResult Extractor::Impl::ExtractDocument(const Document& doc, uint32_t doc_index,
                                           bool keep_removed) const {
  DocResult out;
  std::string_view text = doc.text;
  std::string lower = ToLower(text);
  std::vector<Sentence> sentences;
  std::vector<RemovedSpan> removed;
  segmenter.Segment(text, &sentences, &removed);
  out.sentences = sentences.size();
  out.boilerplate = removed.size();
  for (const auto& r : removed) {
    out.hits.emplace_back(rules.boilerplate[r.rule].id, 1);
    if (keep_removed)
      out.removed.push_back({doc_index, doc.first_line + r.line - 1, rules.boilerplate[r.rule].id,
                             std::string(Trim(text.substr(r.begin, r.end - r.begin)))});
  }

  std::vector<Token> tokens;
  std::vector<std::pair<uint32_t, uint32_t>> sentence_tokens;
  std::vector<Mention> mentions_in_doc;
  std::vector<RankMention> ranks;
  for (uint32_t s = 0; s < sentences.size(); ++s) {
    uint32_t first = uint32_t(tokens.size());
    Tokenize(text, lower, sentences[s].begin, sentences[s].end, &tokens);
    sentence_tokens.emplace_back(first, uint32_t(tokens.size()));
  }
  for (uint32_t s = 0; s < sentences.size(); ++s)
    mentions.Find(tokens, sentence_tokens[s].first, sentence_tokens[s].second, s, &mentions_in_doc, &ranks);
  ResolveDocumentMentions(tokens, &mentions_in_doc, ranks);
  out.mentions = mentions_in_doc.size();

  std::vector<TimeExpression> timexes = tagger.Tag(text, doc.published);
  out.timexes = timexes.size();

  // The document's focus: the person named most often (ties: first named). Pronouns and
  // unnamed references in a claim fall back to them.
  std::map<std::string, std::pair<int, uint32_t>> person_counts;
  for (const auto& m : mentions_in_doc)
    if (m.type == EntityType::kPerson) {
      auto& c = person_counts[m.name];
      if (c.first++ == 0) c.second = m.first;
    }
  std::string focus;
  std::pair<int, int64_t> focus_score{0, 0};
  for (const auto& [name, c] : person_counts) {
    std::pair<int, int64_t> score{c.first, -int64_t(c.second)};
    if (score > focus_score) focus_score = score, focus = name;
  }
  auto rank_of = [&](const std::string& name) -> int {
    for (const auto& m : mentions_in_doc)
      if (m.name == name && m.rank >= 0) return m.rank;
    return -1;
  };
  auto entity_of = [&](const std::string& name) -> std::string {
    for (const auto& m : mentions_in_doc)
      if (m.name == name && !m.entity.empty()) return m.entity;
    return "";
  };

  std::vector<std::string> named_parties;  // cited so far, for "the agency" and "the outlet"
  const uint32_t first_sentences = 3;  // where a dateline may stand, after a headline or byline
  size_t mention_cursor = 0;
  for (uint32_t s = 0; s < sentences.size(); ++s) {
    auto [from, to] = sentence_tokens[s];
    while (mention_cursor < mentions_in_doc.size() && mentions_in_doc[mention_cursor].sentence < s)
      ++mention_cursor;
    size_t mention_end = mention_cursor;
    while (mention_end < mentions_in_doc.size() && mentions_in_doc[mention_end].sentence == s) ++mention_end;

    auto trig = triggers.FindAll(tokens, from, to);
    if (trig.empty()) {
      // "Pyongyang has always denied any involvement": a denial with no trigger of its own
      // denies the event the article was just telling (a claim within the last two sentences).
      if (!out.claims.empty() && out.claims.back().end + 1 >= sentences[s > 2 ? s - 2 : 0].begin) {
        bool denial = false;
        std::string cue;
        for (const auto& mm : modality.FindAll(tokens, from, to))
          if (rules.modality[mm.pattern].modality == Modality::kDenied) denial = true, cue = rules.modality[mm.pattern].id;
        if (denial) {
          Claim c = out.claims.back();
          c.begin = sentences[s].begin;
          c.end = sentences[s].end;
          c.text = text.substr(c.begin, c.end - c.begin);
          c.trigger_begin = c.trigger_end = c.begin;
          c.date = DateRange();
          c.date_expression.clear();
          c.date_value.clear();
          c.relations.clear();
          c.attributes.clear();
          c.modality = Modality::kDenied;
          c.rule = cue;
          c.confidence = 0.5;
          c.attributed_to.assign(1, doc.source);
          c.attributed_to.erase(std::remove(c.attributed_to.begin(), c.attributed_to.end(), ""), c.attributed_to.end());
          for (const auto& a : attribution.FindAll(tokens, from, to)) {
            const auto& ap = attribution_patterns[a.pattern];
            if (rules.attribution[ap.rule].relay) continue;
            std::string party = CaptureParty(tokens, from, to, a);
            if (std::string canon = CanonicalParty(party); !canon.empty()) party = canon;
            if (!party.empty() && std::find(c.attributed_to.begin(), c.attributed_to.end(), party) == c.attributed_to.end())
              c.attributed_to.push_back(party);
          }
          out.hits.emplace_back(cue, 1);
          out.claims.push_back(std::move(c));
        }
      }
      continue;
    }
    // One claim per event type per sentence; the first trigger of a type anchors it.
    std::map<std::string, std::vector<PhraseMatcher::Match>> by_type;
    for (const auto& m : trig) {
      const TriggerRule& rule = rules.triggers[m.pattern];
      if (!rule.requires_near.empty()) {
        bool near = false;
        for (uint32_t k = from; k < to && !near; ++k)
          for (const auto& w : rule.requires_near) near = near || tokens[k].lower == w;
        if (!near) continue;
      }
      // A trigger inside a longer trigger of another type yields to it ("attempted defection").
      bool covered = false;
      for (const auto& o : trig)
        if (&o != &m && o.first <= m.first && o.last >= m.last && (o.last - o.first) > (m.last - m.first) &&
            rules.triggers[o.pattern].event_type != rule.event_type)
          covered = true;
      if (!covered) by_type[rule.event_type].push_back(m);
    }
    if (by_type.empty()) continue;
    // Sentence-level cues, computed once for every claim of the sentence.
    auto mods = modality.FindAll(tokens, from, to);
    auto attrs = attribution.FindAll(tokens, from, to);
    std::vector<std::pair<uint32_t, std::string>> cited;  // token position, party
    for (const auto& a : attrs) {
      const auto& ap = attribution_patterns[a.pattern];
      std::string party = CaptureParty(tokens, from, to, a);
      if (party.empty()) continue;
      const bool relay = rules.attribution[ap.rule].relay;
      if (const OutletRule* o = rules.FindOutlet(party)) {
        party = o->name;
      } else if (std::string canon = CanonicalParty(party); !canon.empty()) {
        party = canon;
      } else if (party.find(' ') == std::string::npos && source_nouns.count(ToLower(party))) {
        // "the agency said": the latest named party this document cited that is such a noun.
        std::string noun = ToLower(party);
        for (auto it = named_parties.rbegin(); it != named_parties.rend(); ++it)
          if (ToLower(*it).find(noun) != std::string::npos ||
              (noun == "outlet" && rules.FindOutlet(*it))) {
            party = *it;
            break;
          }
      }
      if (ToLower(party) == ToLower(doc.source)) continue;
      if (relay && !rules.FindOutlet(party)) continue;
      if (party.find(' ') != std::string::npos || IsAsciiUpper(party[0])) named_parties.push_back(party);
      // A relaying outlet comes before the party it quotes.
      cited.emplace_back(relay ? 0 : a.first + 1, party);
      out.hits.emplace_back(rules.attribution[ap.rule].id, 1);
    }
    std::sort(cited.begin(), cited.end());

    for (auto& [type, ms] : by_type) {
      const PhraseMatcher::Match& anchor = ms.front();
      const TriggerRule& rule = rules.triggers[anchor.pattern];
      Claim c;
      c.doc_index = doc_index;
      c.document = doc.id;
      c.source = doc.source;
      c.type = type;
      c.begin = sentences[s].begin;
      c.end = sentences[s].end;
      c.text = text.substr(c.begin, c.end - c.begin);
      c.trigger_begin = tokens[anchor.first].begin;
      c.trigger_end = tokens[anchor.last - 1].end;
      c.rule = rule.id;
      c.confidence = rule.confidence;

      // Participants: whom the event is about depends on voice and on the event type. "The
      // execution of Jang" and "executed his uncle Jang" take the person after the trigger;
      // "Jang was executed" and "Thae defected" the nearest person before it. A possessive
      // ("Kim Jong Un's uncle") is never the subject.
      auto possessive = [&](const Mention& m) {
        return m.last < to && (tokens[m.last].lower == "'s" || tokens[m.last].lower == "\xE2\x80\x99s");
      };
      bool passive = false;
      for (uint32_t k = anchor.first > from + 2 ? anchor.first - 2 : from; k < anchor.first; ++k)
        passive = passive || auxiliaries.count(tokens[k].lower) > 0;
      bool nominal_of = (anchor.last < to && tokens[anchor.last].lower == "of") ||
                        tokens[anchor.last - 1].lower == "of";
      const EventTypeRule* et = rules.FindEventType(type);
      bool after_first = nominal_of || (et && et->patient_subject && !passive);
      int subject = -1, before = -1, after = -1;
      for (size_t k = mention_cursor; k < mention_end; ++k) {
        const Mention& m = mentions_in_doc[k];
        if (m.type != EntityType::kPerson || possessive(m)) continue;
        // "the half-brother of Kim Jong Un": a person after "of" qualifies someone else.
        // Also "the half-brother of North Korean leader Kim Jong Un": "of" a few words before.
        bool qualifier = false;
        for (uint32_t k = m.first; k > from && k + 4 > m.first; --k) {
          if (tokens[k - 1].kind == TokenKind::kPunct) break;
          if (tokens[k - 1].lower == "of") qualifier = true;
        }
        if (m.last <= anchor.first && !(qualifier && before >= 0)) before = int(k);
        else if (after < 0 && m.first >= anchor.last && m.first <= anchor.last + 8) after = int(k);
      }
      // "Jang's execution": a possessive right before a nominal trigger is its subject.
      for (size_t k = mention_cursor; k < mention_end; ++k) {
        const Mention& m = mentions_in_doc[k];
        if (m.type == EntityType::kPerson && possessive(m) && m.last + 1 == anchor.first) subject = int(k);
      }
      // For an active patient trigger the person before it is the doer ("Kim Jong Un purged ..."),
      // never the one it was done to.
      bool active_patient = et && et->patient_subject && !passive && !nominal_of;
      // With two people before an active patient trigger ("Kim had his uncle, Jang, executed"),
      // the nearer is the patient and the first the doer; with one, it is the doer.
      int persons_before = 0;
      for (size_t k = mention_cursor; k < mention_end; ++k)
        persons_before += mentions_in_doc[k].type == EntityType::kPerson && mentions_in_doc[k].last <= anchor.first;
      if (subject < 0)
        subject = after_first ? (after >= 0 ? after : (active_patient && persons_before < 2 ? -1 : before))
                              : (before >= 0 ? before : after);
      std::string subject_name;
      if (subject >= 0) {
        const Mention& m = mentions_in_doc[subject];
        subject_name = m.name;
        std::string surface(text.substr(tokens[m.first].begin, tokens[m.last - 1].end - tokens[m.first].begin));
        c.participants.push_back({"subject", m.entity.empty() ? entity_of(m.name) : m.entity, surface, m.name, ""});
      } else {
        // Unnamed: "a senior diplomat whose name was withheld", or a pronoun for the focus person.
        std::string descriptor;
        for (uint32_t k = from; k < to && descriptor.empty(); ++k)
          if (descriptors.count(tokens[k].lower)) descriptor = std::string(tokens[k].lower);
        // A pronoun stands for the document's focus person only in subject position: just
        // before the trigger ("he fled", "she was arrested", "his defection").
        bool pronoun = false;
        for (uint32_t k = anchor.first > from + 3 ? anchor.first - 3 : from; k < anchor.first && !pronoun; ++k)
          pronoun = pronouns.count(tokens[k].lower) > 0;
        if (pronoun && !focus.empty()) {
          subject_name = focus;
          c.participants.push_back({"subject", entity_of(focus), pronoun ? "(pronoun)" : "", focus, ""});
          c.confidence *= 0.85;
        } else if (!descriptor.empty()) {
          c.participants.push_back({"subject", "", descriptor, "", descriptor});
          c.confidence *= 0.8;
        } else {
          c.confidence *= 0.6;
        }
      }
      for (size_t k = mention_cursor; k < mention_end; ++k) {
        const Mention& m = mentions_in_doc[k];
        if (int(k) == subject || m.name == subject_name) continue;
        std::string role = m.type == EntityType::kPerson ? "mentioned" : m.type == EntityType::kPlace ? "place" : "organization";
        std::string surface(text.substr(tokens[m.first].begin, tokens[m.last - 1].end - tokens[m.first].begin));
        bool dup = false;
        for (const auto& p : c.participants) dup = dup || (p.name == m.name && p.role == role);
        if (!dup) c.participants.push_back({role, m.entity, surface, m.name, ""});
      }
      // Rank: in this sentence or anywhere in the document, for the subject.
      if (!subject_name.empty()) {
        int rank = subject >= 0 ? mentions_in_doc[subject].rank : -1;
        if (rank < 0) rank = rank_of(subject_name);
        if (rank >= 0) c.attributes["rank"] = rules.ranks[rank].id;
      }
      // Place: the first place after the trigger, else the first in the sentence.
      {
        const Mention* place = nullptr;
        for (size_t k = mention_cursor; k < mention_end; ++k) {
          const Mention& m = mentions_in_doc[k];
          // "South Korea's spy agency" names who spoke, not where the event happened.
          if (m.type != EntityType::kPlace || possessive(m)) continue;
          if (!place || (m.first >= anchor.last && place->first < anchor.last)) place = &m;
        }
        if (place && !place->entity.empty()) c.attributes["place"] = place->entity;
      }
      // Counts: a number (or parts joined by "and") just before a cue, or just after it.
      for (const auto& cm : counts.FindAll(tokens, from, to)) {
        const CountRule& cr = rules.counts[cm.pattern];
        long total = -1;
        bool at_least = false;
        uint32_t k = cm.first;
        uint32_t lo = cm.first > from + 6 ? cm.first - 6 : from;
        while (k > lo) {
          --k;
          if (IsClauseBreak(tokens[k]) && tokens[k].text != ",") break;
          long n = NumberAt(tokens, k, numbers);
          if (n < 0 || (tokens[k].kind == TokenKind::kNumber && n >= 1900 && n <= 2100)) continue;
          if ((tokens[k].lower == "a" || tokens[k].lower == "an") && k + 1 != cm.first) continue;
          total = total < 0 ? n : total + n;
          // Keep summing parts joined by "and" or commas: "nine soldiers and three civilians".
          if (k > lo && (tokens[k - 1].lower == "than" || tokens[k - 1].lower == "over" ||
                         tokens[k - 1].lower == "least"))
            at_least = true;
        }
        if (total < 0) {
          // "killed nine soldiers and three civilians": parts after the cue, up to the clause end.
          for (uint32_t f = cm.last; f < to && f < cm.last + 8; ++f) {
            if (IsClauseBreak(tokens[f]) && tokens[f].text != ",") break;
            if (tokens[f].kind == TokenKind::kPunct && tokens[f].text == ".") break;
            long n = NumberAt(tokens, f, numbers);
            if (n <= 1 || (tokens[f].kind == TokenKind::kNumber && n >= 1900 && n <= 2100)) continue;
            if (total >= 0 && !(tokens[f - 1].lower == "and" || tokens[f - 2].lower == "and" ||
                                tokens[f - 1].text == "," || tokens[f - 2].text == ","))
              break;
            total = total < 0 ? n : total + n;
          }
        }
        if (total > 0 && !c.attributes.count(cr.role)) {
          c.attributes[cr.role] = std::to_string(total) + (at_least ? "+" : "");
          out.hits.emplace_back(cr.id, 1);
        }
      }
      // Date: the time expression nearest the trigger, not one that dates a "said".
      const TimeExpression* best = nullptr;
      long best_d = 1 << 30;
      for (const auto& t : timexes) {
        if (t.begin < c.begin || t.end > c.end) continue;
        if (t.type != TimexType::kDate && t.type != TimexType::kTime) continue;
        if (!t.range.known()) continue;
        // "the ministry said Wednesday" / "said on Wednesday": the report's date, not the event's.
        auto it = std::lower_bound(tokens.begin() + from, tokens.begin() + to, t.begin,
                                   [](const Token& tk, size_t b) { return tk.begin < b; });
        uint32_t ti = uint32_t(it - tokens.begin());
        bool report_date = false;
        for (uint32_t back = 1; back <= 4 && ti >= from + back; ++back) {
          const Token& tk = tokens[ti - back];
          if (tk.kind == TokenKind::kPunct) break;
          if (tk.begin >= c.trigger_begin && tk.end <= c.trigger_end) break;
          if (reporting_verbs.count(tk.lower)) report_date = true;
        }
        // A dateline ("SEOUL, May 13 (AWS) - ...") dates the report.
        if (s < first_sentences && ti < from + 12)
          for (uint32_t k = ti; k < to && k < from + 14; ++k)
            if (tokens[k].kind == TokenKind::kPunct &&
                (tokens[k].text == "-" || tokens[k].text == "\xE2\x80\x94" || tokens[k].text == "\xE2\x80\x93")) {
              report_date = true;
              break;
            }
        if (report_date) continue;
        auto distance = [&](size_t tb, size_t te) {
          return t.begin >= te ? long(t.begin - te) : long(tb - t.end) + 5;
        };
        long d = distance(c.trigger_begin, c.trigger_end);
        // A date belongs to the trigger nearest to it: "charged on Wednesday with the murder"
        // dates the charge, not the murder.
        bool nearer_other = false;
        for (const auto& m : trig)
          if (m.first != anchor.first &&
              distance(tokens[m.first].begin, tokens[m.last - 1].end) < d)
            nearer_other = true;
        if (nearer_other) continue;
        if (d < best_d) best_d = d, best = &t;
      }
      if (best) {
        c.date = best->range;
        c.date_expression = best->text;
        c.date_value = best->value;
      }
      relation_finder.Find(tokens, from, to, timexes, trig, &c);  // "four days after his arrest"
      // Attribution chain: the outlet, then whom it cites, in the order the sentence cites them.
      if (!doc.source.empty()) c.attributed_to.push_back(doc.source);
      for (const auto& [pos, party] : cited)
        if (std::find(c.attributed_to.begin(), c.attributed_to.end(), party) == c.attributed_to.end())
          c.attributed_to.push_back(party);
      // Modality: the trigger's own, else the strongest cue; negation only close to the trigger.
      Modality mod = cited.empty() ? Modality::kAsserted : Modality::kReported;
      if (rule.modality) mod = *rule.modality;
      for (const auto& mm : mods) {
        const ModalityRule& mr = rules.modality[mm.pattern];
        if (mr.modality == Modality::kNegated &&
            !(mm.last <= anchor.first && anchor.first - mm.last <= 2))
          continue;
        if (ModalityStrength(mr.modality) > ModalityStrength(mod)) {
          mod = mr.modality;
          out.hits.emplace_back(mr.id, 1);
        }
      }
      c.modality = mod;
      out.hits.emplace_back(rule.id, 1);
      out.claims.push_back(std::move(c));
    }
  }
  // One article tells one event of a type about one person, often several times: a claim whose
  // subject differs from the article's usual subject for that type takes the usual one when the
  // sentence names them too ("accused of killing Kim Jong-nam, the half-brother of Kim Jong Un").
  std::map<std::string, std::map<std::string, int>> subjects_by_type;
  for (const auto& c : out.claims)
    for (const auto& p : c.participants)
      if (p.role == "subject" && !p.name.empty()) subjects_by_type[c.type][p.name]++;
  for (auto& c : out.claims) {
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
    std::swap(subject->entity, other->entity);
    std::swap(subject->mention, other->mention);
    std::swap(subject->name, other->name);
  }
  for (size_t i = 0; i < out.claims.size(); ++i)
    out.claims[i].id = doc.id + "#" + std::to_string(i + 1);
  return out;
}

Extractor::Extractor(const RuleSet& rules) : impl_(std::make_unique<Impl>(rules)) {}
Extractor::~Extractor() = default;

Extraction Extractor::Run(const Corpus& corpus, const ExtractOptions& options) const {
  size_t n = corpus.documents.size();
  std::vector<DocResult> results(n);
  unsigned threads = options.threads > 0 ? unsigned(options.threads)
                                         : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, std::max<size_t>(1, n));
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < n;)
      results[i] = impl_->ExtractDocument(corpus.documents[i], uint32_t(i), options.keep_removed);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();

  Extraction ex;
  for (const auto& r : impl_->rules.triggers) ex.rule_hits[r.id] = 0;
  for (const auto& r : impl_->rules.boilerplate) ex.rule_hits[r.id] = 0;
  for (const auto& r : impl_->rules.modality) ex.rule_hits[r.id] = 0;
  for (const auto& r : impl_->rules.attribution) ex.rule_hits[r.id] = 0;
  for (const auto& r : impl_->rules.counts) ex.rule_hits[r.id] = 0;
  for (auto& r : results) {
    ex.sentences += r.sentences;
    ex.mentions += r.mentions;
    ex.time_expressions += r.timexes;
    ex.boilerplate_lines += r.boilerplate;
    for (auto& [id, k] : r.hits) ex.rule_hits[id] += k;
    std::move(r.claims.begin(), r.claims.end(), std::back_inserter(ex.claims));
    std::move(r.removed.begin(), r.removed.end(), std::back_inserter(ex.removed));
  }
  return ex;
}

}  // namespace recon

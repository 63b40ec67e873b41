// Attribution and modality: whom a sentence cites (the chain from the outlet to its source),
// how firmly the claim is made, and denials that carry no trigger of their own.
#include <algorithm>

#include "reader.h"
#include "recon/text_util.h"

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

// The cited party next to an attribution cue: a capitalised name ("the Unification Ministry",
// "South Korea's spy agency") or a short noun phrase headed by a source noun ("officials",
// "a government source"). Returns "" when what stands there is no plausible party.
std::string CaptureSource(const std::vector<Token>& tokens, uint32_t from, uint32_t to,
                          uint32_t at, bool leftwards, const WordSet& source_nouns,
                          const WordSet& stop_words, const WordSet& function_words) {
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

std::string ExtractorTables::CaptureParty(const std::vector<Token>& tokens, uint32_t from, uint32_t to,
                                          const PhraseMatcher::Match& a) const {
  bool left = attribution_patterns[a.pattern].source_first;
  return CaptureSource(tokens, from, to, left ? a.first : a.last, left, source_nouns, stop_words,
                       function_words);
}

std::string ExtractorTables::CanonicalParty(const std::string& party) const {
  std::string lower = ToLower(party);
  for (size_t pos = 0; pos != std::string::npos; pos = lower.find(' ', pos + 1)) {
    std::string_view tail = std::string_view(lower).substr(pos == 0 ? 0 : pos + 1);
    if (auto it = canonical_party.find(tail); it != canonical_party.end()) return it->second;
    if (pos == 0 && lower.find(' ') == std::string::npos) break;
  }
  return "";
}

// The parties a sentence cites, canonicalised: an outlet by its rule name, an organisation by
// its gazetteer name, "the agency" by the latest cited party it names. The document's own
// outlet is no citation; a relay cue cites only outlets.
DocumentReader::Cited DocumentReader::CitedParties(const SentenceView& sv) {
  Cited cited;
  for (const auto& a : t_.attribution.FindAll(tokens_, sv.from, sv.to)) {
    const auto& ap = t_.attribution_patterns[a.pattern];
    std::string party = t_.CaptureParty(tokens_, sv.from, sv.to, a);
    if (party.empty()) continue;
    const bool relay = rules_.attribution[ap.rule].relay;
    if (const OutletRule* o = rules_.FindOutlet(party)) {
      party = o->name;
    } else if (std::string canon = t_.CanonicalParty(party); !canon.empty()) {
      party = canon;
    } else if (party.find(' ') == std::string::npos && t_.source_nouns.count(ToLower(party))) {
      // "the agency said": the latest named party this document cited that is such a noun.
      std::string noun = ToLower(party);
      for (auto it = named_parties_.rbegin(); it != named_parties_.rend(); ++it)
        if (ToLower(*it).find(noun) != std::string::npos || (noun == "outlet" && rules_.FindOutlet(*it))) {
          party = *it;
          break;
        }
    }
    if (ToLower(party) == ToLower(doc_.source)) continue;
    if (relay && !rules_.FindOutlet(party)) continue;
    if (party.find(' ') != std::string::npos || IsAsciiUpper(party[0])) named_parties_.push_back(party);
    // A relaying outlet comes before the party it quotes.
    cited.emplace_back(relay ? 0 : a.first + 1, party);
    out_.hits.emplace_back(rules_.attribution[ap.rule].id, 1);
  }
  std::sort(cited.begin(), cited.end());
  return cited;
}

// Attribution chain: the outlet, then whom it cites, in the order the sentence cites them.
void DocumentReader::Attribute(const Cited& cited, Claim* c) const {
  if (!doc_.source.empty()) c->attributed_to.push_back(doc_.source);
  for (const auto& [pos, party] : cited)
    if (std::find(c->attributed_to.begin(), c->attributed_to.end(), party) == c->attributed_to.end())
      c->attributed_to.push_back(party);
}

// Modality: the trigger's own, else the strongest cue; negation only close to the trigger.
void DocumentReader::FindModality(const SentenceView& sv, const std::vector<PhraseMatcher::Match>& mods,
                                  const TriggerRule& rule, const PhraseMatcher::Match& anchor, bool cited,
                                  Claim* c) {
  (void)sv;
  Modality mod = cited ? Modality::kReported : Modality::kAsserted;
  if (rule.modality) mod = *rule.modality;
  for (const auto& mm : mods) {
    const ModalityRule& mr = rules_.modality[mm.pattern];
    if (mr.modality == Modality::kNegated && !(mm.last <= anchor.first && anchor.first - mm.last <= 2))
      continue;
    if (ModalityStrength(mr.modality) > ModalityStrength(mod)) {
      mod = mr.modality;
      out_.hits.emplace_back(mr.id, 1);
    }
  }
  c->modality = mod;
}

void DocumentReader::AddDenial(const SentenceView& sv) {
  const uint32_t s = sv.index;
  if (out_.claims.empty() || out_.claims.back().end + 1 < sentences_[s > 2 ? s - 2 : 0].begin) return;
  bool denial = false;
  std::string cue;
  for (const auto& mm : t_.modality.FindAll(tokens_, sv.from, sv.to))
    if (rules_.modality[mm.pattern].modality == Modality::kDenied) denial = true, cue = rules_.modality[mm.pattern].id;
  if (!denial) return;
  Claim c = out_.claims.back();
  c.begin = sentences_[s].begin;
  c.end = sentences_[s].end;
  c.text = text_.substr(c.begin, c.end - c.begin);
  c.trigger_begin = c.trigger_end = c.begin;
  c.date = DateRange();
  c.date_expression.clear();
  c.date_value.clear();
  c.relations.clear();
  c.attributes.clear();
  c.modality = Modality::kDenied;
  c.rule = cue;
  c.confidence = 0.5;
  c.attributed_to.assign(1, doc_.source);
  c.attributed_to.erase(std::remove(c.attributed_to.begin(), c.attributed_to.end(), ""), c.attributed_to.end());
  for (const auto& a : t_.attribution.FindAll(tokens_, sv.from, sv.to)) {
    const auto& ap = t_.attribution_patterns[a.pattern];
    if (rules_.attribution[ap.rule].relay) continue;
    std::string party = t_.CaptureParty(tokens_, sv.from, sv.to, a);
    if (std::string canon = t_.CanonicalParty(party); !canon.empty()) party = canon;
    if (!party.empty() && std::find(c.attributed_to.begin(), c.attributed_to.end(), party) == c.attributed_to.end())
      c.attributed_to.push_back(party);
  }
  out_.hits.emplace_back(cue, 1);
  out_.claims.push_back(std::move(c));
}

}  // namespace recon

// Attribution and modality: whom a sentence cites (the chain from the outlet to its source, in
// relay order), which triggers each modality cue governs, and sentences whose only content is a
// stance (a denial, an assessment) toward an event told before.
#include <algorithm>
#include <cstdint>
#include <map>

#include "reader.h"
#include "recon/text_util.h"

namespace recon {

namespace {

// A word in capitals as a name is written: "KIM" is "Kim". "" when it is not in capitals.
std::string FromCapitals(std::string_view w) {
  if (w.size() < 2) return "";
  std::string name(w);
  for (size_t i = 0; i < name.size(); ++i) {
    if (!IsAsciiUpper(name[i])) return "";
    if (i > 0) name[i] = char(name[i] + 32);
  }
  return name;
}

// Strength order when several modality cues govern one claim: the most telling wins. What
// happened to the event (denied, did not happen, only tried, ordered, planned) says more than
// how sure the source is of it.
int ModalityStrength(Modality m) {
  switch (m) {
    case Modality::kDenied: return 7;
    case Modality::kNegated: return 6;
    case Modality::kAttempted: return 5;
    case Modality::kPlanned: return 5;
    case Modality::kOrdered: return 5;
    case Modality::kHedged: return 4;
    case Modality::kReported: return 1;
    case Modality::kAsserted: return 0;
  }
  return 0;
}

// The sort depth of a vague party ("sources"): it makes a claim reported but is no link.
constexpr int kVagueDepth = 9;

bool IsApostrophe(const Token& t) { return t.text == "'" || t.text == "\xE2\x80\x99"; }

// Where one clause ends and the next begins: a cue in one says nothing about a trigger in the
// other ("Jang was executed, and Hyon was reportedly put to death").
bool ClauseBreakAt(const std::vector<Token>& tokens, uint32_t k, uint32_t to, const WordSet& continuers) {
  const Token& t = tokens[k];
  if (t.text == ";") return true;
  if (t.lower == "but" || t.lower == "whereas") return true;
  if (t.text == "," && k + 1 < to) {
    std::string_view n = tokens[k + 1].lower;
    if (n == "and" || n == "while" || n == "but" || n == "although") return true;
    // "caught with a forged passport, reportedly telling officials ...": a participle clause
    // after a comma (English -ing, maybe after an -ly adverb) is a clause of its own, but
    // "executed, according to unconfirmed reports" goes on with its clause.
    auto ends = [](std::string_view w, std::string_view s) {
      return w.size() > s.size() + 2 && w.substr(w.size() - s.size()) == s;
    };
    if (ends(n, "ing")) return !continuers.count(n);
    return ends(n, "ly") && k + 2 < to && ends(tokens[k + 2].lower, "ing") &&
           !continuers.count(tokens[k + 2].lower);
  }
  return false;
}

bool SameClause(const std::vector<Token>& tokens, uint32_t a_first, uint32_t a_last, uint32_t b_first,
                uint32_t b_last, uint32_t to, const WordSet& continuers) {
  uint32_t lo, hi;
  if (a_last <= b_first) lo = a_last, hi = b_first;
  else if (b_last <= a_first) lo = b_last, hi = a_first;
  else return true;
  for (uint32_t k = lo; k < hi; ++k)
    if (ClauseBreakAt(tokens, k, to, continuers)) return false;
  return true;
}

// Whether a stance cue is itself negated: "did not claim that he had been kidnapped", "nor
// did it deny". Then it says nothing about the event.
bool CueNegated(const ExtractorTables& t, const std::vector<Token>& tokens, const PhraseMatcher::Match& cue,
                std::span<const PhraseMatcher::Match> mods, uint32_t from, uint32_t to) {
  const RuleSet& rules = t.rules;
  // A negated hedge is still no assertion: "did not say whether he had applied for asylum".
  if (rules.modality[cue.pattern].modality == Modality::kNegated ||
      rules.modality[cue.pattern].modality == Modality::kHedged)
    return false;
  // "was denied entry": a passive denial is something refused to someone, not a party's denial.
  if (rules.modality[cue.pattern].active_only && cue.first > from && t.auxiliaries.count(tokens[cue.first - 1].lower))
    return true;
  for (const auto& n : mods)
    if (rules.modality[n.pattern].modality == Modality::kNegated && n.last <= cue.first &&
        cue.first - n.last <= 6 && SameClause(tokens, n.first, n.last, cue.first, cue.last, to, t.clause_continuers))
      return true;
  return false;
}

}  // namespace

std::string DocumentReader::PronounSpeaker(uint32_t s, uint32_t pronoun) const {
  auto quoted = [&](const Mention& m) {  // odd number of quote marks before it in its sentence
    int marks = 0;
    for (uint32_t k = sentence_tokens_[m.sentence].first; k < m.first; ++k)
      // Double quotes only: single ones are also apostrophes.
      marks += tokens_[k].kind == TokenKind::kPunct && IsDoubleQuote(tokens_[k].text);
    return marks % 2 == 1;
  };
  auto first = std::lower_bound(mentions_.begin(), mentions_.end(), pronoun,
                                [](const Mention& m, uint32_t at) { return m.first < at; });
  for (auto it = first; it != mentions_.begin();) {
    const Mention& m = *--it;
    if (m.sentence + 2 < s) break;
    if (m.type == EntityType::kPerson && !Possessive(m, sentence_tokens_[m.sentence].second) && !quoted(m))
      return m.name;
  }
  return "";
}

// One sentence's own citations, outermost first.
DocumentReader::Cited DocumentReader::OwnCitations(uint32_t s) {
  Cited cited;
  const auto [from, to] = sentence_tokens_[s];
  for (const auto& a : Cues(ExtractorTables::kAttributionCue, s)) {
    const auto& ap = t_.attribution_patterns[a.pattern];
    const AttributionRule& rule = rules_.attribution[ap.rule];
    // "..., KCNA said, adding that ...": the participle goes on with the speaker just cited.
    if (rule.subject && !cited.empty()) continue;
    // "without quoting a named source", "without citing anyone": no one is cited.
    if (a.first > from && (tokens_[a.first - 1].lower == "without" || tokens_[a.first - 1].lower == "not")) continue;
    std::string surface = t_.CaptureParty(tokens_, from, to, a);
    // "..., he said in an interview": the person the pronoun stands for speaks: the latest person
    // named outside quotation marks in this sentence or the two before it ('"Kim Jong Un ordered
    // the execution of Jang," he said' is not Jang speaking).
    if (surface.empty() && ap.source_first && a.first > from && t_.pronouns.count(tokens_[a.first - 1].lower)) {
      surface = PronounSpeaker(s, a.first - 1);
      // No one to name: still a report, by someone the chain cannot name.
      if (surface.empty() && !rule.relay) cited.push_back({{kVagueDepth, a.first}, std::string(tokens_[a.first - 1].text)});
    }
    // "It said ...": the outlet or organisation cited in this sentence or the two before.
    if (surface.empty() && ap.source_first && a.first > from && t_.party_pronouns.count(tokens_[a.first - 1].lower))
      for (auto it = named_parties_.rbegin(); it != named_parties_.rend() && it->sentence + 2 >= s; ++it)
        if (t_.FindOutlet(it->party) || !t_.CanonicalParty(it->party).empty()) {
          surface = it->party;
          break;
        }
    if (surface.empty()) continue;
    // "a source in Ryanggang Province": an unnamed source, wherever it is, not the province.
    // ("officials in Seoul" speak for South Korea.)
    if (size_t at = surface.find(" in "); at != std::string::npos) {
      const std::string_view head = std::string_view(surface).substr(0, at);
      const size_t space = head.rfind(' ');
      if (t_.VagueSource(space == std::string_view::npos ? head : head.substr(space + 1))) surface.resize(at);
    }
    if (t_.VagueSource(surface)) {
      // "sources said": the claim is reported, but "sources" is no link of the chain.
      if (!rule.relay) cited.push_back({{kVagueDepth, a.first}, surface});
      continue;
    }
    std::string party = ResolveParty(surface, a.first);
    if (party.empty() || EqualsIgnoreCase(party, doc_.source)) continue;
    if (rule.relay && !t_.FindOutlet(party)) continue;  // "told lawmakers": an audience
    named_parties_.push_back({std::move(surface), party, s});
    if (rule.subject) following_cues_.push_back(a.first);
    if (rule.credit) credit_lines_.push_back(s);
    int depth = rule.relay ? 0 : rule.inner ? 2 : 1;
    cited.push_back({{depth, a.first}, std::move(party)});
    // The party stands right after its cue ("citing Thae") or right before it ("Thae said");
    // a subject rule's opens the sentence, away from its cue.
    bool left = t_.attribution_patterns[a.pattern].source_first;
    if (!rule.subject && (!left || a.first > from)) party_tokens_.push_back(left ? a.first - 1 : a.last);
    out_.hits.emplace_back(rule.id);
  }
  // "The agency on Thursday softened its account, saying ...": when a cue right after a subject
  // rule's already names the party, the subject rule adds no second link. (Most documents have
  // no subject rule's cue, and need no list of this sentence's cues.)
  if (!following_cues_.empty()) {
    std::vector<uint32_t> cues;
    for (const auto& e : cited) cues.push_back(e.first.second);
    std::erase_if(cited, [&](const auto& e) {
      const uint32_t at = e.first.second;
      return std::find(following_cues_.begin(), following_cues_.end(), at) != following_cues_.end() &&
             std::find(cues.begin(), cues.end(), at + 1) != cues.end();
    });
  }
  std::sort(cited.begin(), cited.end());
  return cited;
}

bool DocumentReader::ParagraphStarts(uint32_t s) const {
  return s == 0 ||
         text_.substr(sentences_[s - 1].end, sentences_[s].begin - sentences_[s - 1].end).find("\n\n") !=
             std::string_view::npos;
}

// Reads the citations of every sentence in document order (so "the agency" finds the party
// named before it), then lends a quotation's source to each sentence of the quotation.
void DocumentReader::CiteAllSentences() {
  const size_t n = sentences_.size();
  sentence_cited_.assign(n, {});
  party_tokens_.clear();
  following_cues_.clear();
  credit_lines_.clear();
  for (uint32_t s = 0; s < n; ++s) sentence_cited_[s] = OwnCitations(s);
  // "Source: JCS" under a live blog's entry: the entry's sentences that cite no one cite it.
  for (uint32_t s : credit_lines_)
    for (uint32_t k = s; k-- > 0 && sentences_[k].paragraph == sentences_[s].paragraph;)
      if (sentence_cited_[k].empty()) sentence_cited_[k] = sentence_cited_[s];
  std::sort(party_tokens_.begin(), party_tokens_.end());
  std::sort(following_cues_.begin(), following_cues_.end());
  // Quotations that span sentences: every sentence of one takes the first citation among them
  // ("\"He left in July. He took his family,\" the official said.").
  std::vector<int> group(n, -1);
  bool open = false;
  int next_group = 0;
  std::vector<bool> starts(n);  // ParagraphStarts, for the interview's labels too
  for (uint32_t s = 0; s < n; ++s) starts[s] = ParagraphStarts(s);
  for (uint32_t s = 0; s < n; ++s) {
    std::string_view st = text_.substr(sentences_[s].begin, sentences_[s].end - sentences_[s].begin);
    // A paragraph break ends the quotation, unless the quotation runs on: left open, it opens
    // the next paragraph again ("...the front.\n\n\"The men were shot ...,\" she said.").
    size_t from = 0;
    if (s > 0 && starts[s]) {
      from = !open ? 0 : st.starts_with("\"") ? 1 : st.starts_with("\xE2\x80\x9C") ? 3 : 0;
      open = from > 0;
    }
    bool open_at_start = open;
    // Every byte of the document passes here: skip to a quote or the lead byte of a curly one.
    for (size_t i = from; (i = FindEither(st, i, '"', '\xE2')) < st.size(); ++i) {
      if (st[i] == '"') open = !open;
      else if (st.compare(i, 3, "\xE2\x80\x9C") == 0) open = true;
      else if (st.compare(i, 3, "\xE2\x80\x9D") == 0) open = false;
    }
    if (open_at_start) group[s] = group[s - 1] >= 0 ? group[s - 1] : (group[s - 1] = next_group++);
    else if (open) group[s] = next_group++;
  }
  // A quotation's speaker told only by a pronoun ("\"... Nobody was allowed to leave,\" she said")
  // is the person named before the quotation opened, however many sentences it ran to.
  for (uint32_t s = 0; s < n; ++s) {
    Cited& cited = sentence_cited_[s];
    if (group[s] < 0 || cited.size() != 1 || cited[0].first.first != kVagueDepth ||
        !t_.pronouns.count(ToLower(cited[0].second)))
      continue;
    uint32_t opened = s;
    while (opened > 0 && group[opened - 1] == group[s]) --opened;
    if (std::string speaker = PronounSpeaker(opened, sentence_tokens_[opened].first); !speaker.empty())
      cited = {{{1, cited[0].first.second}, speaker}};
  }
  for (uint32_t s = 0; s < n; ++s) {
    if (group[s] < 0 || !sentence_cited_[s].empty()) continue;
    for (uint32_t o = 0; o < n; ++o)
      if (group[o] == group[s] && !sentence_cited_[o].empty()) {
        sentence_cited_[s] = sentence_cited_[o];
        break;
      }
  }
  CiteInterviewAnswers(starts);
  // "The following is a translation of a statement carried by KCNA.": what follows is that
  // party's text, until a sentence cites someone itself (the reporter's own account resumes,
  // or another preface starts another text).
  Cited statement;
  for (uint32_t s = 0; s < n; ++s) {
    if (sentence_cited_[s].empty()) {
      if (!statement.empty()) sentence_cited_[s] = statement;
      continue;
    }
    auto [from, to] = sentence_tokens_[s];
    while (from < to && tokens_[from].kind == TokenKind::kPunct) ++from;  // "*The following is ...*"
    bool preface = false;
    for (const auto& words : t_.statement_prefaces) {
      bool match = from + words.size() <= to;
      for (size_t k = 0; k < words.size() && match; ++k) match = tokens_[from + k].lower == words[k];
      preface = preface || match;
    }
    statement = preface ? sentence_cited_[s] : Cited();
  }
}

// An interview's answers are the interviewee's words: paragraphs that open "A:" or "Answer:"
// speak for the person its introduction names most (before the first question), and those
// that open with a person's name and a colon and speak in the first person ("Cho: We walked
// out ...") for that person. A question ("Q:") is the outlet's. A speaker's turn runs on over
// unlabelled paragraphs in the first person, and ends at one that is not. Only with two
// labelled paragraphs or more: one "A:" is no interview. A sentence that cites someone itself
// keeps its own citation.
void DocumentReader::CiteInterviewAnswers(const std::vector<bool>& starts) {
  const uint32_t n = uint32_t(sentences_.size());
  enum Label { kNone, kQuestion, kAnswer, kNamed };
  // Labels first, from two tokens a paragraph: most articles have none, and end here.
  std::vector<Label> label;
  std::vector<std::string> named;
  uint32_t labelled = 0;
  size_t mention = 0;
  // The person the article names most with this surname; else the surname itself.
  auto named_by = [&](const std::string& surname) {
    std::string best = MostNamed([&](const Mention& m) { return !m.coreferent && m.name.starts_with(surname + " "); });
    return best.empty() ? surname : best;
  };
  for (uint32_t s = 0; s < n; ++s) {
    auto [from, to] = sentence_tokens_[s];
    // "**Q:**": emphasis marks around a label are no part of it.
    while (from < to && (tokens_[from].text == "*" || tokens_[from].text == "_")) ++from;
    while (mention < mentions_.size() && mentions_[mention].first < from) ++mention;
    if (!starts[s] || from + 2 >= to) continue;
    Label l = kNone;
    const std::string_view w = tokens_[from].lower;
    if (tokens_[from + 1].text == ":" && (w == "q" || w == "question")) l = kQuestion;
    if (tokens_[from + 1].text == ":" && (w == "a" || w == "answer")) l = kAnswer;
    // A transcript's label may say how the words came: "KIM (through interpreter):".
    auto colon_after = [&](uint32_t k) {
      if (k < to && tokens_[k].text == "(")
        for (uint32_t close = k + 1; close < to && close < k + 6; ++close)
          if (tokens_[close].text == ")") {
            k = close + 1;
            break;
          }
      return k < to && tokens_[k].text == ":";
    };
    std::string speaker;
    if (mention < mentions_.size() && mentions_[mention].first == from &&
        mentions_[mention].type == EntityType::kPerson && colon_after(mentions_[mention].last))
      speaker = mentions_[mention].name;
    else if (const std::string surname = FromCapitals(tokens_[from].text);
             !surname.empty() && t_.mentions.IsSurname(surname) && colon_after(from + 1))
      speaker = named_by(surname);  // "KIM (through interpreter):"
    if (!speaker.empty()) l = kNamed;
    if (l == kNone) continue;
    if (label.empty()) label.assign(n, kNone), named.assign(n, "");
    label[s] = l;
    named[s] = speaker;
    ++labelled;
  }
  if (labelled < 2) return;
  // Whether each sentence's paragraph speaks in the first person.
  std::vector<bool> first_person(n, false);
  for (uint32_t s = n, any = 0; s-- > 0;) {
    const auto [from, to] = sentence_tokens_[s];
    for (uint32_t k = from; k < to && !any; ++k) any = t_.first_person.count(tokens_[k].lower) > 0;
    first_person[s] = any;
    if (starts[s]) any = 0;
  }
  for (uint32_t s = 1; s < n; ++s)
    if (!starts[s]) first_person[s] = first_person[s - 1];
  // A "Name:" paragraph not in the first person is a who's who entry, no answer.
  uint32_t first_label = n;
  labelled = 0;
  for (uint32_t s = 0; s < n; ++s) {
    if (label[s] == kNamed && !first_person[s]) label[s] = kNone;
    if (label[s] != kNone) ++labelled, first_label = std::min(first_label, s);
  }
  if (labelled < 2) return;
  // The interviewee: the person the introduction names most, the first of equals.
  std::string interviewee;
  std::map<std::string, int> times;
  int best = 0;
  for (const Mention& m : mentions_) {
    if (m.sentence >= first_label) break;
    if (m.type != EntityType::kPerson) continue;
    if (int k = ++times[m.name]; k > best) best = k, interviewee = m.name;
  }
  std::string speaker;
  for (uint32_t s = 0; s < n; ++s) {
    if (label[s] == kAnswer) speaker = interviewee;
    else if (label[s] == kNamed) speaker = named[s];
    else if (label[s] == kQuestion) speaker.clear();
    else if (starts[s] && !first_person[s]) speaker.clear();  // the interview has ended
    // The introduction before the first label speaks for no one.
    if (speaker.empty() || s < first_label || !sentence_cited_[s].empty()) continue;
    sentence_cited_[s].push_back({{1, UINT32_MAX}, speaker});
  }
}

// The parties a sentence cites: its own (or its quotation's), or, for "reportedly" with none,
// those of the sentence just before it in the same paragraph.
const DocumentReader::Cited& DocumentReader::CitedParties(const SentenceView& sv) {
  static const Cited kNone;
  if (sentence_cited_.size() != sentences_.size()) CiteAllSentences();
  const uint32_t s = sv.index;
  if (!sentence_cited_[s].empty() || s == 0) return sentence_cited_[s];
  // Most sentences follow one that cites no one: nothing to carry, so no cue to look for.
  if (sentence_cited_[s - 1].empty() || ParagraphStarts(s)) return kNone;
  if (carried_sentence_ == s) return carried_;
  bool carry = false;
  for (uint32_t k = sv.from; k < sv.to && !carry; ++k) carry = t_.stance.carry_over.count(tokens_[k].lower) > 0;
  if (!carry) return kNone;
  // "reportedly" names the report: the outlets just cited, not their own sources.
  carried_.clear();
  for (const auto& c : sentence_cited_[s - 1])
    if (c.first.first <= 1 && t_.FindOutlet(c.second)) carried_.push_back(c);
  carried_sentence_ = s;
  return carried_;
}

// "The North denied that its troops fired, but the South's military said it returned fire":
// a party cited across ";", or across a "but" or "whereas" that opens a clause with a subject of
// its own, speaks for that other clause.
const DocumentReader::Cited& DocumentReader::CitedInClause(const SentenceView& sv, const Cited& cited,
                                                           const PhraseMatcher::Match& anchor) {
  // Whether a contrast with a subject of its own falls between two positions: "..., but
  // Pyongyang denied involvement", "but the NIS said". Not "was shot five times but survived,
  // the JCS said" (one subject: all the JCS's), "not only Jang but also his relatives", nor
  // "saying he had been purged but that it had not confirmed ..." (one speaker's two points).
  auto contrast = [&](uint32_t x, uint32_t y) {
    for (uint32_t k = std::min(x, y); k < std::max(x, y); ++k) {
      if (tokens_[k].text == ";") return true;
      if (tokens_[k].lower != "but" && tokens_[k].lower != "whereas") continue;
      if (k + 1 >= sv.to) continue;
      const Token& next = tokens_[k + 1];
      if (next.lower == "that") continue;
      if (next.capitalized() || t_.pronouns.count(next.lower) ||
          (t_.function_words.count(next.lower) && next.lower != "also"))
        return true;
    }
    return false;
  };
  // A comma and a coordinator open another clause whose own speaker follows within a few words,
  // no comma between: "had his uncle executed in 2013, and last year the NIS said"; "..., and
  // officials said". (", and his aides were purged, Yonhap reported" speaks for the whole.)
  auto coordinated = [&](uint32_t at, uint32_t trigger) {
    for (uint32_t k = trigger + 1; k < at && k < sv.to; ++k) {
      if (tokens_[k - 1].text != "," || !t_.coordinators.count(tokens_[k].lower) || at - k > 6) continue;
      bool comma = false;
      for (uint32_t j = k + 1; j < at && !comma; ++j) comma = tokens_[j].text == ",";
      if (!comma) return true;
    }
    return false;
  };
  auto speaks = [&](const Cited::value_type& entry) {
    const uint32_t at = entry.first.second;
    if (anchor.first < at && std::binary_search(following_cues_.begin(), following_cues_.end(), at)) return false;
    return at < sv.from || at >= sv.to || (!contrast(at, anchor.first) && !coordinated(at, anchor.first));
  };
  // Most claims keep every citation of their sentence, and need no copy of them.
  if (std::all_of(cited.begin(), cited.end(), speaks)) return cited;
  clause_cited_.clear();
  for (const auto& entry : cited)
    if (speaks(entry)) clause_cited_.push_back(entry);
  return clause_cited_;
}

// Attribution chain: the outlet, then whom it cites, outermost first.
void DocumentReader::Attribute(const Cited& cited, Claim* c) const {
  c->attributed_to.reserve(c->attributed_to.size() + cited.size() + 1);  // one allocation
  if (!doc_.source.empty()) c->attributed_to.push_back(doc_.source);
  for (const auto& [key, party] : cited) {
    if (key.first == kVagueDepth) continue;
    bool seen = false;
    for (const auto& p : c->attributed_to) seen = seen || EqualsIgnoreCase(p, party);
    if (!seen) c->attributed_to.push_back(party);
  }
}

// Whether the cue governs the trigger at tokens [first, last) of a claim of `type`.
bool DocumentReader::Governs(const ModalityRule& mr, const PhraseMatcher::Match& cue, uint32_t first,
                             uint32_t last, const std::string& type, uint32_t to) const {
  if (!mr.event_types.empty() && std::find(mr.event_types.begin(), mr.event_types.end(), type) == mr.event_types.end())
    return false;
  switch (mr.scope) {
    case ModalityRule::Scope::kSentence:
      return true;
    case ModalityRule::Scope::kFollowing: {
      if (first < cue.first) return false;
      if (mr.reach > 0 && first > cue.last + uint32_t(mr.reach)) {
        // "no evidence that Kim Yo-jong, the leader's sister, had been purged": words between two
        // commas in apposition do not count towards the reach.
        uint32_t apposed = 0;
        for (uint32_t k = cue.last, open = UINT32_MAX; k < first; ++k)
          if (tokens_[k].text == ",") {
            if (open == UINT32_MAX) open = k;
            else apposed += k - open + 1, open = UINT32_MAX;
          }
        if (first > cue.last + uint32_t(mr.reach) + apposed) return false;
      }
      // "No. 2 diplomat defected": a stop or a bracket between them, and "no" is no cue. (Quote
      // marks are neither: 'issued a "standing order" for him to be killed'.)
      for (uint32_t k = cue.last; k < first; ++k)
        if (tokens_[k].kind == TokenKind::kPunct && tokens_[k].text != "," && !IsApostrophe(tokens_[k]) &&
            !IsQuoteMark(tokens_[k].text))
          return false;
      return SameClause(tokens_, cue.first, cue.last, first, last, to, t_.clause_continuers);
    }
    case ModalityRule::Scope::kClause:
      // "deported two fishermen who had allegedly killed 16": a cue after the trigger, past a
      // clause opener, is the subordinate clause's. (", which Pyongyang called an abduction"
      // speaks of the whole clause before it.)
      if (last <= cue.first)
        for (uint32_t k = last; k < cue.first; ++k)
          if (t_.clause_openers.count(tokens_[k].lower) && !(tokens_[k].lower == "which" && tokens_[k - 1].text == ","))
            return false;
      // "Kim made a public appearance days after reports that he had Ri executed": a sighting
      // does not reach into a clause that opens after it; nor does a denial ("denied any role in
      // the sinking, which killed 46"), nor past its speaker's own next statement ("dismissed
      // the North's claims as groundless and said its troops had shelled the island first").
      if (cue.last <= first && ((mr.standalone && !mr.event_types.empty() && mr.modality == Modality::kNegated) ||
                                mr.modality == Modality::kDenied))
        for (uint32_t k = cue.last; k < first; ++k)
          if (t_.clause_openers.count(tokens_[k].lower) ||
              (mr.modality == Modality::kDenied && t_.reporting_verbs.count(tokens_[k].lower) &&
               tokens_[k - 1].lower == "and"))
            return false;
      return SameClause(tokens_, cue.first, cue.last, first, last, to, t_.clause_continuers);
  }
  return false;
}

// Modality: the trigger's own, else the most telling cue that governs the claim's trigger.
void DocumentReader::FindModality(const SentenceView& sv, std::span<const PhraseMatcher::Match> mods,
                                  const TriggerRule& rule, const PhraseMatcher::Match& anchor, bool cited,
                                  Claim* c) {
  Modality mod = cited ? Modality::kReported : Modality::kAsserted;
  if (rule.modality) mod = *rule.modality;
  for (const auto& mm : mods) {
    const ModalityRule& mr = rules_.modality[mm.pattern];
    if (!Governs(mr, mm, anchor.first, anchor.last, c->type, sv.to)) continue;
    // "issued an order for his half-brother to be killed soon after taking power", "a soldier
    // who tried to defect was arrested": a cue that reaches forward governs the first event
    // after it, not one in a later clause. ("ordered the arrest and execution of": one order,
    // both events.)
    if (mr.scope == ModalityRule::Scope::kFollowing &&
        std::any_of(sv.triggers.begin(), sv.triggers.end(), [&](const PhraseMatcher::Match& m) {
          if (m.first < mm.last || m.last > anchor.first) return false;
          for (uint32_t k = m.last; k < anchor.first; ++k) {
            const std::string_view w = tokens_[k].lower;
            if (t_.event_separators.count(w) || t_.after_openers.count(w) || t_.when_openers.count(w) ||
                t_.finite_markers.count(w) || t_.auxiliaries.count(w))
              return true;
          }
          return false;
        }))
      continue;
    if (CueNegated(t_, tokens_, mm, mods, sv.from, sv.to)) continue;
    if (!mr.unless.empty()) {
      auto shifts = [&](uint32_t k) { return std::ranges::find(mr.unless, tokens_[k].lower) != mr.unless.end(); };
      // After the trigger only a shifting word of the trigger's own ("did not defect alone"):
      // "no defection reported along the DMZ" is still no defection, while "has not reported
      // the execution" is silence.
      bool shifted = anchor.last < sv.to && shifts(anchor.last) && !t_.reporting_verbs.count(tokens_[anchor.last].lower);
      for (uint32_t k = mm.last; k < anchor.first && !shifted; ++k) shifted = shifts(k);
      if (shifted) continue;
    }
    if (ModalityStrength(mr.modality) > ModalityStrength(mod)) {
      mod = mr.modality;
      out_.hits.emplace_back(mr.id);
    }
  }
  // "Was Hyon Yong-chol really executed in 2015?": a question asks whether it happened.
  if (ModalityStrength(Modality::kHedged) > ModalityStrength(mod) && AsksWhether(sv)) mod = Modality::kHedged;
  c->modality = mod;
}

bool DocumentReader::AsksWhether(const SentenceView& sv) const {
  uint32_t first = sv.from, last = sv.to;
  while (first < last && (tokens_[first].kind == TokenKind::kPunct)) ++first;  // an opening quote
  while (last > first && IsQuoteMark(tokens_[last - 1].text)) --last;
  return first < last && tokens_[last - 1].text == "?" && t_.question_openers.count(tokens_[first].lower) > 0;
}

bool DocumentReader::StanceSubjectFits(const SentenceView& sv, const PhraseMatcher::Match& cue, const Claim& base) const {
  std::string_view name, descriptor;
  for (const auto& p : base.participants)
    if (p.role == "subject") name = p.name, descriptor = p.descriptor;
  // The cue's subject: the word before it, past auxiliaries and adverbs, and past a parenthesis
  // set off by commas ("Ri Yong-gil, who was reported executed, is evidently alive").
  uint32_t w = VerbGroupStart(sv.from, cue.first);
  if (w > sv.from + 1 && tokens_[w - 1].text == ",") {
    const uint32_t open = AfterCommaBefore(sv.from, w - 1);
    if (open > sv.from + 1) w = open - 1;
  }
  if (w == sv.from) return true;  // nothing before it to speak of
  const uint32_t head = w - 1;
  for (size_t k = sv.mention_begin; k < sv.mention_end; ++k)
    if (mentions_[k].type == EntityType::kPerson && mentions_[k].last == head + 1)
      return !name.empty() && mentions_[k].name == name;
  const std::string_view word = tokens_[head].lower;
  // A pronoun speaks of the person named just before it, when that is someone else: "rumours
  // that Kim had died; he reappeared" is no sighting of Kim Jong-nam.
  if (t_.pronouns.count(word) && !t_.possessives.count(word)) {
    const std::string antecedent = PronounSpeaker(sv.index, head);
    return name.empty() || antecedent.empty() || antecedent == name;
  }
  return t_.report_nouns.count(word) || (!descriptor.empty() && word == descriptor);
}

void DocumentReader::AddStance(const SentenceView& sv, size_t first_claim) {
  const uint32_t s = sv.index;
  // The claims told before a cue: those of earlier sentences, and this sentence's that stand
  // before it in another clause ("X was reported executed, but he was later seen alive").
  auto told_before = [&](const PhraseMatcher::Match& mm) {
    size_t told = first_claim;
    while (told < out_.claims.size() && out_.claims[told].trigger_begin < tokens_[mm.first].begin) ++told;
    return told;
  };
  // Most sentences hold no standalone cue, or no claim was told before one.
  const auto mods = sv.modality;
  if (out_.claims.empty() ||
      std::none_of(mods.begin(), mods.end(), [&](const auto& mm) { return rules_.modality[mm.pattern].standalone; }))
    return;
  const ModalityRule* chosen = nullptr;
  PhraseMatcher::Match cue;
  for (const auto& mm : mods) {
    const ModalityRule& mr = rules_.modality[mm.pattern];
    if (!mr.standalone || CueNegated(t_, tokens_, mm, mods, sv.from, sv.to)) continue;
    bool governs = false;
    for (size_t k = first_claim; k < out_.claims.size() && !governs; ++k) {
      const Claim& c = out_.claims[k];
      governs = Governs(mr, mm, TokenAt(c.trigger_begin, sv.from, sv.to), TokenAt(c.trigger_end, sv.from, sv.to),
                        c.type, sv.to);
    }
    if (governs) continue;
    // "Seoul deports two fishermen accused of killing 16 crewmates": a cue whose own deed and
    // counted victims follow it speaks of that deed, not of one told before.
    if (mm.last + 1 < sv.to && tokens_[mm.last].lower.ends_with("ing")) {
      const Token& next = tokens_[mm.last + 1];
      const auto number = t_.numbers.find(next.lower);  // "two", not "a"
      if (next.kind == TokenKind::kNumber || (number != t_.numbers.end() && number->second > 1)) continue;
    }
    const size_t told = told_before(mm);
    if (told == 0) continue;  // nothing told before to take a stance on
    if (!mr.event_types.empty()) {
      bool fits = false;  // "reappeared" speaks to an execution, not to any event
      for (size_t k = 0; k < told; ++k)
        fits = fits || std::find(mr.event_types.begin(), mr.event_types.end(), out_.claims[k].type) != mr.event_types.end();
      if (!fits) continue;
    }
    // The strongest; of equals, the one that says which events it speaks to.
    if (!chosen || ModalityStrength(mr.modality) > ModalityStrength(chosen->modality) ||
        (ModalityStrength(mr.modality) == ModalityStrength(chosen->modality) && chosen->event_types.empty() &&
         !mr.event_types.empty()))
      chosen = &mr, cue = mm;
  }
  if (!chosen) return;
  // Which event: the latest told of the cue's types; else the latest of the sentence just
  // before; else the latest of the article's lead event type.
  const Claim* base = nullptr;
  const size_t previous = sentences_[s >= 1 ? s - 1 : 0].begin;
  const size_t told = told_before(cue);
  for (size_t k = told; k-- > 0 && !base;) {
    const Claim& c = out_.claims[k];
    if (!chosen->event_types.empty()) {
      if (std::find(chosen->event_types.begin(), chosen->event_types.end(), c.type) != chosen->event_types.end())
        base = &c;
    } else if (c.begin >= previous) {
      base = &c;
    }
  }
  if (!base && chosen->event_types.empty())
    for (size_t k = told; k-- > 0 && !base;)
      if (out_.claims[k].type == out_.claims[0].type) base = &out_.claims[k];
  if (!base) return;
  // A negation of events of some types (seen alive, a report proved false) speaks of its own
  // subject: the person the event was told of ("Ri Yong-gil made a public appearance", "She
  // reappeared"), or a report ("That report later proved false"). Not "Kim Jong Un made a
  // public appearance", "His widow reappeared", "Hopes for reform were alive but fading",
  // "Rumours that his aides had fled proved false".
  if (!chosen->event_types.empty() && chosen->modality == Modality::kNegated && !StanceSubjectFits(sv, cue, *base))
    return;
  Claim c = *base;
  c.begin = sentences_[s].begin;
  c.end = sentences_[s].end;
  c.text = text_.substr(c.begin, c.end - c.begin);
  c.trigger_begin = c.trigger_end = c.begin;
  c.date = DateRange();
  c.date_expression.clear();
  c.date_value.clear();
  c.attributes.clear();
  // "accused of smearing VX on his face on Feb. 13": a gerund right after the cue tells the
  // deed, and a date in its clause dates it. ("charged on Wednesday with murder" dates the charge.)
  if (cue.last < sv.to) {
    const Token& next = tokens_[cue.last];
    if (next.kind == TokenKind::kWord && next.lower.size() > 4 && next.lower.ends_with("ing")) {
      PhraseMatcher::Match deed{cue.pattern, cue.last, cue.last + 1};
      c.trigger_begin = next.begin;
      c.trigger_end = next.end;
      FindDate(sv, deed, &c);
      c.trigger_begin = c.trigger_end = c.begin;
    }
  }
  c.modality = chosen->modality;
  c.rule = chosen->id;
  c.confidence = chosen->confidence;
  c.attributed_to.clear();
  Attribute(CitedParties(sv), &c);
  out_.hits.emplace_back(chosen->id);
  out_.claims.push_back(std::move(c));
}

}  // namespace recon

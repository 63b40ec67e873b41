// The extract stage's compiled rule tables and the reader that turns one document into claims.
// Private to extract.
#ifndef RECON_EXTRACT_READER_H_
#define RECON_EXTRACT_READER_H_

#include <map>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "mentions.h"
#include "recon/document.h"
#include "recon/extract.h"
#include "recon/rules.h"
#include "recon/timex.h"
#include "relations.h"
#include "segment.h"
#include "tokens.h"

namespace recon {

struct AttributionPattern {
  uint32_t rule = 0;
  bool source_first = false;  // "{source} said" (capture leftwards) vs "according to {source}"
};

// Word sets for cited parties (parties.cpp), built once from the rules.
struct StanceTables {
  explicit StanceTables(const RuleSet& r);
  // Word sets, not maps: asked of most words near a cue, and a word set turns most away before
  // hashing them.
  WordSet outlet_nouns, anonymity_words, vague_sources, collective_nouns;
  std::vector<std::vector<std::string>> postmodifiers;  // "familiar with", as lower-case words
  WordSet carry_over;                                   // "reportedly"
  StringMap<std::string> metonyms;                      // "pyongyang" -> "North Korea"
};

// Matchers and word sets built once from the rules. Immutable; shared by every thread.
struct ExtractorTables {
  explicit ExtractorTables(const RuleSet& r);

  // The party an attribution match cites, read leftwards or rightwards as its pattern says
  // (parties.cpp).
  std::string CaptureParty(const std::vector<Token>& tokens, uint32_t from, uint32_t to,
                           const PhraseMatcher::Match& a) const;
  // The gazetteer's name for a cited organisation, also when qualified ("South Korea's
  // Unification Ministry"); "" when it is not known.
  std::string CanonicalParty(const std::string& party) const;
  // Whether a party as written ("Sources", "a source") is one of the vague sources, in any case.
  bool VagueSource(std::string_view party) const;
  // RuleSet::FindOutlet by a hash lookup: a party's name or variant, any case, or nullptr.
  // Reading asks it of every party an article cites, where the rule set's scan over every
  // outlet's names cost about a thousand instructions a call.
  const OutletRule* FindOutlet(std::string_view name) const;
  // A word for an unnamed person, or its regular plural: "official", "officials".
  bool PersonWord(std::string_view lower) const {
    return descriptors.count(lower) ||
           (lower.size() > 3 && lower.back() == 's' && descriptors.count(lower.substr(0, lower.size() - 1)));
  }

  const RuleSet& rules;
  StanceTables stance{rules};
  Segmenter segmenter;
  TimexTagger tagger;
  MentionFinder mentions;
  RelationFinder relations;  // "four days after his arrest"
  // The phrases a sentence is searched for, of every kind in one matcher: each token is looked
  // up once, not once per kind. A match's pattern is cue_base[kind] plus the kind's own id (the
  // trigger, modality or count rule, or the index in attribution_patterns).
  enum CueKind { kTriggerCue, kModalityCue, kCountCue, kAttributionCue, kCueKinds };
  PhraseMatcher cues;
  uint32_t cue_base[kCueKinds + 1] = {};
  // The kind of a cue match's pattern `*id`, which becomes the kind's own id.
  CueKind KindOf(uint32_t* id) const {
    int k = 0;
    while (*id >= cue_base[k + 1]) ++k;
    *id -= cue_base[k];
    return CueKind(k);
  }
  std::vector<PhraseList> requires_near, not_near;  // per trigger rule
  std::vector<AttributionPattern> attribution_patterns;
  StringMap<long> numbers;
  std::vector<std::string> leaders;  // gazetteer people with role: leader ("Kim" is Kim Jong Un)
  WordSet reporting_verbs;
  WordSet descriptors;
  WordSet source_nouns;
  WordSet auxiliaries;             // "was", "were": a passive trigger after them
  WordSet pronouns;                // "he", "his": stand for a person named before
  WordSet first_person;            // "I", "my": in quoted speech, the speaker
  WordSet female_pronouns;         // "she", "her": a woman, maybe one named by a noun only
  WordSet female_nouns;            // "daughter", "wife": a woman the article may not name
  WordSet male_pronouns;           // "he": a man, maybe one a recent claim told of by a noun only
  WordSet male_nouns;              // "father", "brother": a man the article may not name
  WordSet possessives;             // "his": "his half-brother took over" is not about him
  WordSet prepositions;            // place prepositions, agent markers and lexicon.yaml's prepositions
  WordSet relation_nouns;          // "half-brother": after a possessive, someone else
  WordSet adverbs;                 // "later": between a subject and its verb
  WordSet generic_cues;            // "series", "number": a class of events follows
  WordSet measure_words;           // "percent", "euros": the number before one counts no one
  WordSet part_pronouns;           // "them", "whom": "76 of them" is a part of the count told
  WordSet report_nouns;            // "report", "rumour": what "proved false" may be said of
  WordSet cause_doubters;          // "not", "called": "ruled out an accident" names no cause
  WordSet clause_openers;          // "who", "after": another clause starts
  WordSet finite_markers;          // "was", "had": another clause's verb
  WordSet agent_markers;           // "by": the doer follows
  WordSet place_prepositions;      // "in Seoul" is a place; "Seoul made public" is a party
  WordSet destination_markers;     // "to": the place after one is where someone went
  WordSet event_separators;        // "since", with the clause openers: another event's clause
  WordSet after_openers;           // "after": the event follows the clause's date
  WordSet when_openers;            // "when": the event happened at the clause's date
  WordSet peg_verbs;               // "comes": "the attack comes eight months after the sinking"
  WordSet coordinators;            // "and": ", and last year the NIS said" is another clause
  WordSet question_openers;        // "Was he executed?": a question, which tells nothing
  WordSet party_pronouns;          // "it": "It said" is the outlet or organisation cited just before
  WordSet clause_continuers;       // "according": ", according to ..." opens no clause of its own
  std::vector<std::vector<std::string>> statement_prefaces;  // "the following is", word by word
  WordSet identify_verbs;          // "identified the diplomat as Thae Yong Ho"
  WordSet raising_verbs;           // "said": "are said to have been shot" is one verb group
  WordSet abbreviations;           // "rep.", "gen.": lower case, with the stop
  StringMap<std::string> canonical_party;  // organisation alias -> canonical name
  StringMap<const OutletRule*> outlets;    // lower-case name, id or variant -> the first such outlet
  WordSet stop_words;
  WordSet function_words;  // stop words in lower case: "when", "after", "the"
};

// What one document yields; joined in document order by Extractor::Run.
struct DocResult {
  std::vector<Claim> claims;
  std::vector<RemovedLine> removed;
  std::vector<std::string_view> hits;  // the id of each rule as it fires: views into the rule set
  size_t sentences = 0, mentions = 0, timexes = 0, boilerplate = 0;
};

// Reads one document: segments, tokenizes, tags mentions and time expressions, then makes a
// claim for each event type triggered in a sentence. One reader per document and thread.
// True when the claim's subject is a named person.
bool HasNamedSubject(const Claim& c);
// The claim's subject, named or not; nullptr when it has none.
const Participant* SubjectParticipant(const Claim& c);

class DocumentReader {
 public:
  DocumentReader(const ExtractorTables& tables, const Document& doc, uint32_t doc_index);
  DocResult Read(bool keep_removed);

 private:
  // One sentence under reading: its tokens [from, to), its mentions [mention_begin,
  // mention_end) in mentions_, and its trigger matches.
  struct SentenceView {
    uint32_t index = 0;
    uint32_t from = 0, to = 0;
    size_t mention_begin = 0, mention_end = 0;
    std::span<const PhraseMatcher::Match> triggers;
    std::vector<PhraseMatcher::Match> kept;  // the triggers that make claims, in text order
    std::span<const PhraseMatcher::Match> modality;  // modality cues
    std::span<const PhraseMatcher::Match> counts;    // count cues
  };
  // The parties a sentence cites, outermost first, each with its sort key: (depth, token) where
  // depth is 0 for a relaying outlet, 1 for a speaker, 2 for the speaker's own source.
  using Cited = std::vector<std::pair<std::pair<int, uint32_t>, std::string>>;

  void Prepare(bool keep_removed);
  // Fills cues_ for every sentence.
  void FindCues();
  // Sentence s's cues of one kind, in text order, with the kind's own ids.
  std::span<const PhraseMatcher::Match> Cues(ExtractorTables::CueKind kind, uint32_t s) const {
    const auto& starts = cue_starts_[kind];
    return std::span(cues_[kind]).subspan(starts[s], starts[s + 1] - starts[s]);
  }
  void ReadSentence(SentenceView& sv);

  // reader.cpp: where, how many, when; reader_participants.cpp: who.
  // The sentence's triggers by event type, keyed "type" or "type/kind" for a trigger with a kind.
  std::map<std::string, std::vector<PhraseMatcher::Match>> TriggersByType(const SentenceView& sv) const;
  // Whether the verb at m is done to someone named or described: right after it, or before it
  // in the passive (a rule's requires_subject).
  bool DoneToSomeone(const SentenceView& sv, const PhraseMatcher::Match& m) const;
  // The first of the auxiliaries and adverbs right before token `at` (not before `from`): "was
  // publicly executed", "had later been seen", and a raising verb's "are said to have been shot".
  uint32_t VerbGroupStart(uint32_t from, uint32_t at) const {
    while (at > from) {
      const std::string_view w = tokens_[at - 1].lower;
      if (t_.auxiliaries.count(w) || t_.adverbs.count(w) || w == "have" || w == "has" || w == "had" ||
          (w.size() > 4 && w.ends_with("ly")))
        --at;
      else if (w == "to" && at >= from + 3 && t_.raising_verbs.count(tokens_[at - 2].lower) &&
               t_.auxiliaries.count(tokens_[at - 3].lower))
        at -= 2;  // "said to", and the auxiliary before it next
      else
        break;
    }
    return at;
  }
  // The first token after the last comma before token `at` (not before `from`); `from` when
  // there is none. A parenthesis closed by a comma at `at` opens right before it.
  uint32_t AfterCommaBefore(uint32_t from, uint32_t at) const {
    while (at > from && tokens_[at - 1].text != ",") --at;
    return at;
  }
  // Whether a word (or words in a row) the trigger rule of m requires stands near m.
  bool Near(const SentenceView& sv, const PhraseMatcher::Match& m) const;
  // Whether one of the rule's not_near words stands in the clause of m ("sank after it
  // collided"), and not right after a negator ("ruled out an accident").
  bool NotNear(const SentenceView& sv, const PhraseMatcher::Match& m) const;
  // The triggers of one type that anchor claims of their own: the first, and each later one
  // in another clause ("Jo's defection would be the most senior since Thae fled in 2016"): past
  // an event separator, a semicolon, or ", and" / ", but".
  std::vector<PhraseMatcher::Match> ClauseAnchors(const std::vector<PhraseMatcher::Match>& ms) const;
  // Token k (before `limit`) starts another clause: an event separator or clause opener, a
  // semicolon, or ", and" / ", but".
  bool StartsClause(uint32_t k, uint32_t limit) const;
  // Whether no clause starts between two trigger matches.
  bool OneClause(const PhraseMatcher::Match& x, const PhraseMatcher::Match& y) const;
  // One sentence's claims of one type from out_.claims[first] on that tell one event (the same
  // named subject and dates that fit, or the same description and no date to tell them apart)
  // become the first of them, with the others' details.
  void MergeRetellings(size_t first);
  void FindParticipants(const SentenceView& sv, const PhraseMatcher::Match& anchor, Claim* c);
  void FindPlace(const SentenceView& sv, const PhraseMatcher::Match& anchor, Claim* c) const;
  // A mention written in capitals ("SEOUL", "U.S."): no event's place attribute.
  bool AllCapitals(const Mention& m) const;
  // A place in capitals opening the sentence ("SEOUL/LONDON, Aug 17 (AWS) -"): where the story
  // was filed, no participant.
  bool Dateline(const SentenceView& sv, const Mention& m) const;
  // Where a cited speaker is: "a source in Ryanggang Province told", "officials in Seoul
  // said", "according to a source in North Hamgyong". Not where the event was.
  bool SpeakersPlace(const SentenceView& sv, const Mention& m) const;
  // The counts its type cares about ("killed": 12), from the sentence's count cues (reader_counts.cpp).
  void FindCounts(const SentenceView& sv, Claim* c);
  // Time expression `t` dates the anchor of a relation stated before it in the claim's sentence
  // ("a week before the Olympics opened on Feb. 9"), so it dates no event of the sentence.
  bool DatesAnAnchor(const TimeExpression& t, const Claim* c) const;
  // "The Cheonan sank in March 2010. That November ...": places a month after "that" in the
  // year the story last wrote out, and moves what is counted from it ("the following year").
  void PlaceInNarrative();
  void FindDate(const SentenceView& sv, const PhraseMatcher::Match& anchor, Claim* c) const;
  // "the 2013 execution of Jang", "after the 2017 killing": a date with its year written out
  // between a determiner and the trigger noun is the event's own. Dates the claim and returns
  // true when there is one.
  bool DateInNounPhrase(const SentenceView& sv, Claim* c) const;
  // "detained in January 2016, sentenced to 15 years in March 2016": date `t`, before `trigger`
  // with a comma between, follows another event's trigger of the sentence, so it is that
  // event's, not this one's.
  bool PreviousClauseDate(const SentenceView& sv, const TimeExpression& t, const PhraseMatcher::Match& trigger) const;
  // True when a word between token positions a < b starts another clause, so that a date at
  // one end does not belong to a trigger at the other. `date_first`: the date comes first;
  // `fronted`: it opens the sentence.
  bool OtherClause(uint32_t a, uint32_t b, bool date_first, bool fronted = false) const;
  // The verb at token `trigger` is a past perfect: "had been repatriated", "had fled", "had
  // reportedly been executed" (not before token `from`).
  bool Pluperfect(uint32_t from, uint32_t trigger) const;
  // "The marines answered with 80 rounds": an answer with no date of its own happened when what
  // it answers did, the latest earlier dated claim of its type (and no kind) in the article.
  void AnswerDate(Claim* c) const;
  // Whether trigger `m` tells the same claim as `anchor`: of its type, with no clause opener
  // between them ("fired about 170 rounds at the island": one claim, two triggers).
  bool SameClaim(const PhraseMatcher::Match& anchor, const PhraseMatcher::Match& m) const;
  // Dates a claim told in the anchor of "comes N after <anchor>" from the publication date.
  // `before_trigger`: the sentence's time expressions before the claim's trigger.
  bool PegDate(const SentenceView& sv, std::span<const TimeExpression> before_trigger, Claim* c) const;
  // Marks claims that tell of a class of events, not one (reader_counts.cpp).
  void MarkGeneric(const SentenceView& sv, const TriggerRule& rule, const PhraseMatcher::Match& anchor, Claim* c) const;
  void HarmonizeSubjects();
  // "The soldier was hit six times. ... The rescue was led by Lieutenant Colonel Kwon": a
  // sentence that tells no event but gives someone's rank adds it (kPersonRankPrefix) to the
  // claims of the sentence before it in the paragraph.
  void CarryRanks(const SentenceView& sv);
  // The attribute that holds a named person's rank ("rank:Kwon Young-hwan"); "" for a bare
  // surname or a mention with no rank.
  std::string PersonRankKey(const Mention& m) const;
  uint32_t ParagraphOf(size_t byte) const;  // of the sentence holding the byte
  // The person the document gave this age ("Ri, 43," or "Ri, a 43-year-old ...") in a mention
  // ending before token `before`, the latest such; "" if none.
  std::string PersonAged(std::string_view age, uint32_t before) const;
  // Whom "he" or "she" at token `pronoun` of sentence s stands for as a speaker; "" if no one.
  std::string PronounSpeaker(uint32_t s, uint32_t pronoun) const;
  // The person the sentence quotes or cites as speaking; "" if none is a named person.
  std::string Speaker(const SentenceView& sv);
  // reader_story.cpp: an article that never names its protagonist ("the soldier", "the patient,
  // a sergeant") gives every telling of them the one rank it states and the date its dated
  // tellings agree on.
  void ShareUnnamedStory();
  // "A North Korean diplomat has defected ... The ministry identified the diplomat as Thae Yong
  // Ho": a lead that withholds the name and a later sentence that gives it. Every claim whose
  // subject is only that descriptor takes the one name the article identifies it with.
  void NameDescribedSubjects();
  // The first claim of each event type the title announces, when the lead tells it (and does
  // not negate or deny it), is the article's headline event (Claim::headline).
  void MarkHeadline();
  // The names the article equates with a descriptor ("identified the diplomat as X", "the
  // soldier, identified as X,", "the diplomat, X,"), by descriptor word.
  std::map<std::string, std::set<std::string>> Identifications() const;

  // attribution.cpp: according to whom, and how firmly.
  // Whom the sentence cites; with no party of its own, a sentence inside a quotation that
  // spans sentences, or one that says "reportedly" right after a citation, keeps that source.
  // Valid until asked of another sentence.
  const Cited& CitedParties(const SentenceView& sv);
  // Whether the sentence is a yes-no question: "Was he really executed?"
  bool AsksWhether(const SentenceView& sv) const;
  void Attribute(const Cited& cited, Claim* c) const;
  // The modality of the claim anchored at `anchor`: the most telling cue that governs it.
  void FindModality(const SentenceView& sv, std::span<const PhraseMatcher::Match> mods,
                    const TriggerRule& rule, const PhraseMatcher::Match& anchor, bool cited, Claim* c);
  // A standalone cue (a denial, an assessment, "reappeared") that governs none of the claims
  // the sentence made (those from `first_claim` on) restates an event told before with its
  // modality: "Pyongyang has always denied any involvement" denies the article's event.
  void AddStance(const SentenceView& sv, size_t first_claim);
  // Whether a negation of events of some types ("made a public appearance", "proved false")
  // speaks of the event `base` tells: its subject is that person, a pronoun, or a report.
  bool StanceSubjectFits(const SentenceView& sv, const PhraseMatcher::Match& cue, const Claim& base) const;

  // attribution.cpp helpers.
  void CiteAllSentences();
  Cited OwnCitations(uint32_t s);
  // Gives the sentences of an interview's answers their speaker (attribution.cpp);
  // `paragraph_starts`: ParagraphStarts of each sentence.
  void CiteInterviewAnswers(const std::vector<bool>& paragraph_starts);
  // Sentence s opens a paragraph: the first, or one after a blank line.
  bool ParagraphStarts(uint32_t s) const;
  // Whether a modality cue governs the trigger at tokens [trigger_first, trigger_last) of a
  // claim of `type` in a sentence ending at token `to`.
  bool Governs(const ModalityRule& mr, const PhraseMatcher::Match& cue, uint32_t trigger_first,
               uint32_t trigger_last, const std::string& type, uint32_t to) const;
  // parties.cpp: a cited party as the chain names it (outlet or gazetteer name, a capital's
  // state, "the agency" as the fitting party cited before in this document).
  std::string ResolveParty(const std::string& surface, uint32_t at);  // cited at token `at`
  // The citations of `cited` that speak for the clause of the trigger `anchor`: `cited` itself
  // when all do, else a list valid until the next call.
  const Cited& CitedInClause(const SentenceView& sv, const Cited& cited, const PhraseMatcher::Match& anchor);

  bool Possessive(const Mention& m, uint32_t to) const;
  // Whether token k of the sentence lies in a mention of that type.
  bool CoveredBy(const SentenceView& sv, uint32_t k, EntityType type) const;
  // The first token in [from, to) that begins at or after `byte`; `to` when none does.
  uint32_t TokenAt(size_t byte, uint32_t from, uint32_t to) const;
  // True when the token lies inside one of the document's time expressions.
  bool InTimex(const Token& t) const;
  // "the half-brother of Kim Jong Un": a person after "of" qualifies someone else.
  bool Qualifier(const Mention& m) const;
  // "ordered by Kim", "killed by soldiers": the person after "by" did the deed.
  bool Agent(const Mention& m) const;
  // The person a pronoun at token `at` stands for: the nearest person named before it, in its
  // sentence or the three before, who is no possessive, qualifier or agent; else the focus.
  // The person a pronoun at `at` stands for; `focus` (optional) tells whether no one near it
  // named anyone and the document's focus stands in.
  std::string Antecedent(const SentenceView& sv, uint32_t at, bool* focus = nullptr) const;
  // The person the document names most often among the mentions `which` takes (ties: the first
  // named); "" when it takes none.
  template <typename Which>
  std::string MostNamed(const Which& which) const {
    std::map<std::string, std::pair<int, uint32_t>> counts;  // name -> (mentions, first token)
    for (const Mention& m : mentions_)
      if (m.type == EntityType::kPerson && which(m)) {
        auto& c = counts[m.name];
        if (c.first++ == 0) c.second = m.first;
      }
    std::string best;
    std::pair<int, int64_t> best_score{0, 0};
    for (const auto& [name, c] : counts)
      if (std::pair<int, int64_t> score{c.first, -int64_t(c.second)}; score > best_score) best_score = score, best = name;
    return best;
  }
  // The first word in the sentence, from token `start` on, that describes an unnamed person
  // ("a senior diplomat"), skipping one that modifies an institution ("the spy agency") or
  // stands in apposition to a named person ("Thae Yong-ho, the former deputy ambassador"); ""
  // when none.
  // A possessive or "of" gives the owned woman's or relation's word instead ("a diplomat's
  // daughter", "the daughter of a diplomat"), unless `trigger` (a token) stands in the
  // descriptor's own relative clause ("a diplomat who disappeared").
  std::string UnnamedDescriptor(const SentenceView& sv, uint32_t start = 0, uint32_t trigger = kNoToken) const;
  // A word for a woman ("daughter", "wife") between the last person named and the pronoun at
  // token `pronoun`, in its sentence or the two before: its token, or kNoToken.
  uint32_t WomanBefore(const SentenceView& sv, uint32_t pronoun) const;
  // The sentence holding token k.
  uint32_t SentenceOfToken(uint32_t k) const;
  // Whose the noun at token `noun` is: "Jo's daughter", "his daughter" (the pronoun's person),
  // "our daughter" (the sentence's speaker); "" when the text does not say.
  std::string Possessor(const SentenceView& sv, uint32_t noun);
  static constexpr uint32_t kNoToken = UINT32_MAX;
  // Token k follows a comma that closes a person's name, within five tokens and no other
  // punctuation: "Thae Yong-ho, the former deputy ambassador".
  bool ApposedToPerson(const SentenceView& sv, uint32_t k) const;
  // "According to lawmaker Kim Byung-kee, the spy was executed": the person is a party the
  // sentence cites after its cue, so its source, neither the subject nor the one a comma
  // apposes to. (A party named before its cue may also be the subject of a clause of its own:
  // "Thae, who defected four years ago, said ...".)
  bool CitedAfterCue(const SentenceView& sv, const Mention& m) const;
  // "A ministry spokesman, Jeong Joon-hee, told reporters": the person set off by commas after a
  // word for a speaker, right before the reporting verb, speaks; no event is theirs.
  bool SpeakerInApposition(const SentenceView& sv, const Mention& m) const;
  // Every mention of the sentence but the subject (mention index `subject`, or any mention of
  // `subject_name`) joins the claim as "mentioned", "place" or "organization", once each.
  void AddOtherMentions(const SentenceView& sv, int subject, const std::string& subject_name, Claim* c) const;
  int RankOf(const std::string& name) const;
  std::string EntityOf(const std::string& name) const;
  std::string Surface(const Mention& m) const;

  const ExtractorTables& t_;
  const RuleSet& rules_;
  const Document& doc_;
  const uint32_t doc_index_;
  std::string_view text_;
  std::string lower_;
  std::vector<Sentence> sentences_;
  std::vector<Token> tokens_;
  std::vector<std::pair<uint32_t, uint32_t>> sentence_tokens_;
  std::vector<Mention> mentions_;
  std::vector<RankMention> ranks_;
  // Every sentence's cue matches by kind (see Cues): kind k's of sentence s are cues_[k] from
  // cue_starts_[k][s] to cue_starts_[k][s + 1].
  std::vector<PhraseMatcher::Match> cues_[ExtractorTables::kCueKinds];
  std::vector<uint32_t> cue_starts_[ExtractorTables::kCueKinds];
  std::vector<TimeExpression> timexes_;
  std::string focus_;                       // the person the document names most often
  std::set<std::string> title_types_;      // event types the title has a trigger of
  // Cited so far, for "the agency", "the official", "the paper" and "it".
  struct NamedParty {
    std::string written, party;  // as written and as resolved
    uint32_t sentence = 0;
  };
  std::vector<NamedParty> named_parties_;
  std::vector<Cited> sentence_cited_;  // each sentence's own citations; filled on first use
  Cited carried_;                         // what "reportedly" carries into sentence carried_sentence_
  uint32_t carried_sentence_ = UINT32_MAX;
  Cited clause_cited_;                    // CitedInClause's when it drops some
  std::vector<uint32_t> following_cues_;  // cues of subject rules, which cite only what follows them, ascending
  std::vector<uint32_t> credit_lines_;  // sentences opened by a credit label ("Source: JCS"), ascending
  std::vector<uint32_t> party_tokens_;  // with it, the token next to its cue of each cited party, ascending
  DocResult out_;
};

}  // namespace recon

#endif  // RECON_EXTRACT_READER_H_

// RuleSet: the YAML rule packs as typed, validated data. Every domain word lives here, not in C++.
#ifndef RECON_RULES_H_
#define RECON_RULES_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "recon/claim.h"
#include "recon/diagnostic.h"
#include "recon/timex_rules.h"

namespace recon {

// Where a rule was defined, for diagnostics and for "this rule never fired".
struct RuleOrigin {
  std::string file;
  int line = 0;
  int column = 0;
};

// A trigger: word patterns that announce an event of one type.
// Pattern language: words separated by spaces, matched case-insensitively against tokens;
// `word*` matches any token starting with `word`; `a|b` matches either; `[the]` is optional.
struct TriggerRule {
  std::string id;
  std::string event_type;
  std::vector<std::string> patterns;
  std::optional<Modality> modality;  // e.g. "tried to defect" -> attempted. Default: none
  double confidence = 0.8;           // extraction confidence of claims it makes. Default: 0.8
  // When set, one of these words (or words in a row: "attempt on") must occur in the sentence.
  std::vector<std::string> requires_near;
  int near_within = 0;  // ... within this many tokens of the trigger. Default: 0, anywhere in it
  // ... on this side of the trigger ("before", "after"). Default: either
  enum class Side { kEither, kBefore, kAfter } near_side = Side::kEither;
  // `not_after: [heart, panic]`: right after one of these words the trigger is something else
  // ("died of a heart attack on his train"). Default: none
  std::vector<std::string> not_after;
  // `not_before: [least]`: right before one of these words the trigger is something else
  // ("fired at least four missiles" is no shooting at anyone). Default: none
  std::vector<std::string> not_before;
  // `not_near: [collided, derailed]`: words (or words in a row) that, anywhere in the sentence,
  // make the trigger something else: "the fishing boat sank after it collided with a patrol
  // ship" is an accident, not an attack. Default: none
  std::vector<std::string> not_near;
  // An ambiguous verb that tells the event only when done to someone the sentence names or
  // describes ("officers held Ri Jong Chol", not "police held a news conference"). Default: false
  bool requires_subject = false;
  // A class of events, not one ("executions", "defections"): its claims are kept but marked
  // generic, and no event is made from them. Default: false
  bool generic = false;
  // Overrides the event type's `subject` for this trigger: "Italy expelled the ambassador" is
  // about the ambassador although an order is about whoever gave it. Default: the type's.
  std::optional<bool> patient_subject;
  // `corroborates_only: true`: an ambiguous trigger ("went missing", "left his post") whose
  // claims join an event that other claims make but never make one alone. Default: false
  bool corroborates_only = false;
  // `kind: return fire`: a kind of the type's events that stands apart from the rest (the other
  // side's answer to an attack). Its claims join only claims of the same kind, and the event's
  // label says it. Default: "" (the type's plain events)
  std::string kind;
  // `answers: true`: the claim answers an earlier event of its type ("the marines answered with
  // 80 rounds"). With no date of its own it takes the date of the latest earlier dated claim of
  // its type, of no kind, in the article. Default: false
  bool answers = false;
  // `later_stage: true`: the trigger tells a later stage of the event ("arrived in Seoul",
  // "settled in the South"), so its date is when the event was over, not when it happened. It
  // bounds the event's date from above: an earlier date that other claims give ("fled in March
  // 2019") dates the event and is not disputed by it. Default: false
  bool later_stage = false;
  RuleOrigin origin;
};

struct EventTypeRule {
  std::string id;
  std::string label;                  // "Defection"
  std::vector<std::string> count_roles;  // counts the type cares about: killed, injured, ...
  // Whom the event is about: the doer ("agent": who defected) or the one it is done to
  // ("patient": who was executed). Decides which person an active trigger takes. Default: agent
  bool patient_subject = false;
  // `subject: none`: no person is the event's subject ("North Korea's sixth nuclear test, weeks
  // before Italy expelled its ambassador, Mun Jong-nam": a state tests). Default: false
  bool no_person_subject = false;
  // `leader_subject: false`: a pronoun that no one near it names is not the sitting leader
  // (a gazetteer person with `role: leader`), though the article names him most: "He has
  // expressed his intention to defect", "I heard he was sentenced". Default: true
  bool leader_subject = true;
  // Types whose claims about the same subject are this event told less precisely: an
  // assassination reported as an "attack" or a "death". Default: none
  std::vector<std::string> absorbs;
  RuleOrigin origin;
};

// A known entity with its aliases.
struct EntityRule {
  std::string id;
  EntityType type = EntityType::kOther;
  std::string name;
  std::vector<std::string> aliases;
  std::map<std::string, std::string> attributes;  // e.g. organization, post
  RuleOrigin origin;
};

// A rung on a ladder of ranks or posts; `level` orders the ladder (higher outranks lower).
struct RankRule {
  std::string id;
  std::string family;               // "military", "diplomatic", "government"
  std::vector<std::string> names;   // full names and abbreviations, any case
  int level = 0;
  RuleOrigin origin;
};

struct OutletRule {
  std::string id;
  std::string name;
  std::vector<std::string> variants;
  double reliability = 0.7;  // prior. Default: 0.7
  bool wire = false;         // a wire service or broadcaster others relay
  RuleOrigin origin;
};

// Words that change how a source stands behind a claim in the same sentence.
struct ModalityRule {
  std::string id;
  Modality modality = Modality::kHedged;
  std::vector<std::string> patterns;  // same pattern language as triggers
  // Which triggers the cue governs: kFollowing, those after it in its clause ("ordered the
  // killing", "did not fire"); kClause, those in its clause ("reportedly"); kSentence, every
  // trigger of the sentence. Default: kClause
  enum class Scope { kFollowing, kClause, kSentence } scope = Scope::kClause;
  // At most this many words between the cue and a trigger it governs; 0: no limit. Default: 0
  int reach = 0;
  // The event types it applies to ("abducted" denies a defection); empty: all. Default: empty
  std::vector<std::string> event_types;
  // With no trigger it governs, the sentence restates an event told before with this modality
  // ("Pyongyang has always denied any involvement"). Default: false
  bool standalone = false;
  // The extraction confidence of the claim a standalone cue makes: "reappeared on television"
  // says more surely that an execution did not happen than "our assessment" says who did it.
  // Default: 0.5
  double confidence = 0.5;
  // Not after an auxiliary: "was denied entry" is refused to someone, no one's denial.
  // Default: false
  bool active_only = false;
  // Words that, between the cue and the trigger or right after the trigger, move the cue's
  // force off the event: "did not defect alone" (he did defect), "was not only arrested".
  // Default: none
  std::vector<std::string> unless;
  RuleOrigin origin;
};

// Phrases that attribute a sentence to someone. `{source}` marks where the cited party stands.
struct AttributionRule {
  std::string id;
  std::vector<std::string> patterns;  // "according to {source}", "{source} reported"
  // The party is an outlet relaying others ("a source told {source}"): it goes first in the
  // chain, and only an outlet counts. Default: false
  bool relay = false;
  // The party is the speaker's own source ("X said, citing {source}"; "were told by {source}"):
  // it comes after the speaker in the chain. Default: false
  bool inner = false;
  // {source} is the subject that opens the sentence, not the words right before the cue, and
  // the rule cites only what follows the cue: "Yonhap went further, reporting that ...". Default:
  // false
  bool subject = false;
  // A label that opens a line and credits the text above it in its paragraph: "Source: JCS" under
  // a live blog's entry. The party, whatever follows its name, cites those of the paragraph's
  // sentences that cite no one themselves. Default: false
  bool credit = false;
  RuleOrigin origin;
};

// Lines (or leading parts of lines) that are page furniture, not article text.
struct BoilerplateRule {
  std::string id;
  std::string line_pattern;  // RE2, matched against the whole trimmed line
  // A list's heading ("Most read", "Related Topics"): the short lines after it that end no
  // sentence ("1. Missile test alarms Japan") go with it, until a line that does.
  bool block = false;
  // `spares_prose: true`: a line that reads as a sentence of the story (seven words or more and a
  // final stop) stays, though the pattern matches: "The defector, who now edits a newsletter
  // for exiles, fled in 2009." Default: false
  bool spares_prose = false;
  // `caption: true`: a picture ("![..](..)"), whose caption, the next line when it is wholly
  // emphasised ("*Kim Jong Un watches a launch in this undated photo. KCNA*"), goes with it.
  // Default: false
  bool caption = false;
  // `ends_story: true`: the heading of the readers' comments ("Comments (3)"). Once the story's
  // prose has come before it, every line after it goes with it. Default: false
  bool ends_story = false;
  RuleOrigin origin;
};

// Name shapes for people nobody listed: Korean surnames, titles before names.
struct NameRules {
  std::vector<std::string> surnames;         // "Kim", "Ri", "Thae"
  std::vector<std::string> titles;           // "Mr.", "Ms.", "Dr."
  std::vector<std::string> descriptors;      // "diplomat", "soldier": an unnamed person's role word
  std::vector<std::string> stop_words;       // capitalised words that never start a name
  std::vector<std::string> abbreviations;    // "Mr.", "Sept.": a final stop that ends no sentence
  std::vector<std::string> reporting_verbs;  // "said": a date right after one dates the report
  std::vector<std::string> source_nouns;     // "officials", "ministry": a lower-case party that can be cited
  std::map<std::string, std::string> surname_variants;  // "Lee" -> "Ri": one surname, many spellings
  // "soldier" -> "military": the rank family an unnamed person's descriptor belongs to; a
  // named person whose rank is of another family is not them.
  std::map<std::string, std::string> descriptor_families;
  std::vector<std::string> auxiliaries;      // "was", "been": mark a passive trigger
  std::vector<std::string> pronouns;         // "he", "his": refer back to the focus person
  std::vector<std::string> first_person;     // "I", "my": in quoted speech, the speaker
  std::vector<std::string> possessives;      // "his": before a noun, the subject is that noun's person
  std::vector<std::string> prepositions;     // "with", "for": what follows one is no direct object
  std::vector<std::string> relation_nouns;   // "half-brother": "his half-brother took over" is someone else
  std::vector<std::string> female_pronouns;  // "she", "her": may stand for a woman named by a noun
  std::vector<std::string> female_nouns;     // "daughter", "wife": a woman the article may not name
  std::vector<std::string> male_pronouns;    // "he": may stand for a man a claim just told of by a noun
  std::vector<std::string> male_nouns;       // "father", "brother": a man the article may not name
  std::vector<std::string> adverbs;          // "later": may stand between a subject and its verb
  std::vector<std::string> generic_cues;     // "series", "number": a trigger after one is a class of events
  std::vector<std::string> measure_words;    // "percent", "euros": a number before one counts no people
  std::vector<std::string> part_pronouns;    // "them", "whom": "76 of them" is a part of a count, not more
  std::vector<std::string> report_nouns;     // "report", "rumour": "That report later proved false"
  std::vector<std::string> cause_doubters;   // "not", "called": before a not_near word, no cause: "ruled out an accident"
  std::vector<std::string> clause_openers;   // "who", "after": a date beyond one is another clause's
  std::vector<std::string> finite_markers;   // "was", "had": a verb of another clause after the trigger
  std::vector<std::string> agent_markers;    // "by": the person after one did it, it was not done to them
  std::vector<std::string> place_prepositions;   // "in": before one, a capital is a place, not its government
  std::vector<std::string> destination_markers;  // "to": "defected to South Korea" names where they went
  std::vector<std::string> event_separators;  // "since": with the clause openers, another event's clause starts
  std::vector<std::string> when_openers;     // "when": right after a trigger, the clause's date is the event's
  std::vector<std::string> after_openers;    // "after": right after a trigger, the event follows the clause's date
  std::vector<std::string> peg_verbs;        // "comes": "the attack comes eight months after the sinking" dates the sinking from the news
  std::vector<std::string> coordinators;     // "and": after a comma, a date beyond one is another clause's
  std::vector<std::string> question_openers;  // "was", "did": a sentence opened by one and ended by "?" asks
  std::vector<std::string> party_pronouns;   // "it": "It said" cites the outlet or organisation cited just before
  std::vector<std::string> clause_continuers;  // "according": ", according to ..." goes on with the clause
  std::vector<std::string> statement_prefaces; // "the following is": what follows is the cited party's text
  std::vector<std::string> identify_verbs;   // "identified": "identified the diplomat as Thae" names the diplomat
  std::vector<std::string> raising_verbs;    // "said": "his deputies are said to have been shot" are the subject
  // Cited parties. outlet_nouns: "the agency said" names the outlet cited before;
  // anonymity_words ("unnamed") are dropped, and a party left as a bare vague_sources word
  // ("sources") is no link of the chain; collective_nouns: "a team of investigators" is the
  // investigators; source_postmodifiers: "people familiar with the matter" runs to the clause
  // end; party_metonyms: "Pyongyang" speaks for "North Korea"; carry_over_cues: "reportedly"
  // with no party of its own keeps the one the previous sentence cited.
  std::vector<std::string> outlet_nouns;
  std::vector<std::string> anonymity_words;
  std::vector<std::string> vague_sources;
  std::vector<std::string> collective_nouns;
  std::vector<std::string> source_postmodifiers;
  std::vector<std::string> carry_over_cues;
  std::map<std::string, std::string> party_metonyms;
};

// Words that say what a number counts: "killed" for the role killed; "times" for shots.
struct CountRule {
  std::string id;
  std::string role;                // "killed", "injured", "shots", "defectors"
  std::vector<std::string> cues;   // pattern language as triggers
  RuleOrigin origin;
};

// Weights and thresholds for link and resolve. Unknown keys are errors.
struct ResolverSettings {
  double same_event_threshold = 0.5;  // min compatibility for a same-event edge. Default: 0.5
  double date_tolerance_days = 0;     // slack when comparing day dates. Default: 0
  double count_tolerance = 0.0;       // relative slack before counts conflict. Default: 0
  int truth_iterations = 20;          // truth-discovery rounds. Default: 20
  double copy_penalty = 0.5;          // weight kept by a relayed claim. Default: 0.5
  double unnamed_link_threshold = 0.6;  // min score to propose an unnamed -> named link. Default: 0.6
  // At most this many candidates per unnamed claim, best first (ties by entity id): in a large
  // corpus every soldier who fled that month fits "a soldier fled". Default: 5
  int max_candidates = 5;
  // Min score at which an unnamed claim's event joins its one candidate's event (the link stays
  // a candidate, shown as such; the unnamed mention is never merged into the person). Default: 0.7
  double unnamed_merge_threshold = 0.7;
  // Slack, in days, either side of a relation's offset by its unit: "four days after" is 3..5
  // days. A unit not listed gets half its length. Default: day 1, week 3, month 15, year 120
  std::map<std::string, double> relation_tolerance_days = {
      {"day", 1}, {"week", 3}, {"month", 15}, {"year", 120}};
  // How long an event may last between its start and end points; 0 makes each event one
  // (uncertain) day. Default: 0
  double event_span_days = 0;
  // How event attributes are decided across the corpus: vote, truthfinder, accu or accucopy
  // (see docs/resolve.md). Default: accu
  std::string truth_method = "accu";
  // Platt scaling of an event's raw confidence into a probability, p = 1 / (1 + exp(-(a *
  // logit(raw) + b))); fitted on gold by `recon calibrate`. Default: a = 1, b = 0 (identity)
  double event_calibration_a = 1.0;
  double event_calibration_b = 0.0;
};

// All rule packs of a run, layered: a later pack's rule with the same id replaces the earlier one.
// Immutable after loading; safe to share across threads.
struct RuleSet {
  std::vector<EventTypeRule> event_types;
  std::vector<TriggerRule> triggers;
  std::vector<EntityRule> entities;
  std::vector<RankRule> ranks;
  std::vector<OutletRule> outlets;
  std::vector<ModalityRule> modality;
  std::vector<AttributionRule> attribution;
  std::vector<BoilerplateRule> boilerplate;
  std::vector<CountRule> counts;
  NameRules names;
  std::map<std::string, long> numbers;  // number words: "three" -> 3, "dozens" -> 24
  ResolverSettings resolver;
  TimexRules timex;
  std::vector<std::string> files;  // the pack files loaded, in order

  const OutletRule* FindOutlet(std::string_view name) const;  // by name or variant, any case
  const EventTypeRule* FindEventType(std::string_view id) const;
  const TriggerRule* FindTrigger(std::string_view id) const;
};

// Loads every `*.yaml` under each directory, in order (sorted by file name within one).
// Problems become diagnostics naming file, line and column; a rule with errors is skipped.
RuleSet LoadRules(const std::vector<std::string>& dirs, Diagnostics* diags);
// Loads one pack from text (for tests and fuzzers) and layers it over `rules`.
void LoadRulePackText(const std::string& text, const std::string& file_name, RuleSet* rules,
                      Diagnostics* diags);
// The directory of the rule packs that ship with recon.
std::string DefaultRulesDir();

}  // namespace recon

#endif  // RECON_RULES_H_

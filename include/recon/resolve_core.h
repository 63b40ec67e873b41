// The resolver's core on a compact view of the claims: clustering, date groups, the one
// truth-discovery problem of a run and the per-event decisions (date, attributes, confidence),
// over ids, dates and weights only. Resolve() builds a ResolveTable from the linked claims and
// turns these results into the Timeline's strings; bench/resolver_bench.cpp runs the same
// functions on millions of generated claims. docs/resolve.md says what each step decides.
#ifndef RECON_RESOLVE_CORE_H_
#define RECON_RESOLVE_CORE_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "recon/date_range.h"
#include "recon/rules.h"
#include "recon/timeline.h"
#include "recon/truth.h"

namespace recon {

// Interned strings: each distinct string stored once, numbered in the order first seen.
// Not safe for concurrent Intern; const use may be shared across threads.
class NameTable {
 public:
  // The id of `s`, adding it when new.
  uint32_t Intern(std::string_view s);
  // The id of `s`, or kNone when it was never interned.
  uint32_t Find(std::string_view s) const;
  std::string_view name(uint32_t id) const { return names_[id]; }
  size_t size() const { return names_.size(); }
  static constexpr uint32_t kNone = UINT32_MAX;

 private:
  std::deque<std::string> names_;  // a deque: growing it moves no string, so views stay valid
  std::unordered_map<std::string_view, uint32_t> ids_;  // views into names_
};

// The fields of the claims the resolver reads, one entry per claim (struct of arrays, all the
// same length but `attr_begin`, which has one more), about 70 bytes a claim against ~400 plus
// strings for a Claim. Strings (sources, attribute names and values) are ids in `names`; the
// order of ids matters where the resolver iterates sets of them (sources and lines: a noisy-or
// over lines multiplies in id order), so Resolve() interns those in string order. A value type.
struct ResolveTable {
  static constexpr uint8_t kGeneric = 1;  // tells of a class of events: joins none
  static constexpr uint8_t kPlanned = 2;  // modality kPlanned: its report does not date the event
  static constexpr uint8_t kNamed = 4;    // has a participant in role "subject" with an entity id
  static constexpr uint8_t kFollower = 8;  // made by a corroborates_only trigger ("went missing"):
                                          // joins an event others make, never makes one alone
  static constexpr uint8_t kNegated = 16;  // modality kNegated: says the event did not happen
  static constexpr uint8_t kDenied = 32;   // modality kDenied
  static constexpr uint8_t kHeadline = 64;  // Claim::headline: makes an event unnamed, undated or a follower
  static constexpr uint8_t kLaterStage = 128;  // made by a later_stage trigger ("arrived in Seoul"): dates
                                               // the event's end, not the event

  std::vector<DateRange> date;     // the claim's own date
  std::vector<Date> report;        // publication of its document; not_a_date_time when unknown
  std::vector<uint8_t> flags;      // kGeneric | kPlanned | kNamed | kFollower | kNegated | kDenied | kHeadline |
                                   // kLaterStage
  std::vector<uint32_t> source;    // the outlet that published it (or the document id)
  std::vector<uint32_t> line;      // its independent line of evidence: `source`, or the outlet
                                   // it relays
  std::vector<uint32_t> document;  // its document (claim index when none is given)
  std::vector<double> weight;      // prior x strength
  std::vector<double> strength;    // extraction confidence x modality (x copy penalty)
  std::vector<double> confidence;  // extraction confidence (what a negated claim weighs against)
  std::vector<uint32_t> attr_begin{0};  // claim i's attributes: attrs[attr_begin[i] .. attr_begin[i+1])
  std::vector<std::pair<uint32_t, uint32_t>> attrs;  // (name id, value id), in name order per claim
  NameTable names;

  size_t size() const { return date.size(); }
  // Appends claim size(); its attributes follow with AddAttribute before the next AddClaim.
  static constexpr uint32_t kNoDocument = UINT32_MAX;
  void AddClaim(const DateRange& d, Date reported, uint8_t claim_flags, uint32_t source_id,
                uint32_t line_id, double claim_weight, double claim_strength, double claim_confidence,
                uint32_t document_id = kNoDocument);
  void AddAttribute(uint32_t name_id, uint32_t value_id);
  void Reserve(size_t claims, size_t attributes);
  bool relayed(uint32_t i) const { return line[i] != source[i]; }
  // Approximate heap bytes held.
  size_t MemoryBytes() const;
};

// A run of claims whose dates overlap, inside one cluster: the unit both event splitting and
// date voting work on.
struct DateGroup {
  std::vector<uint32_t> members;  // claim indices, in (start, end, index) order
  DateRange range;                // the first member's date, end stretched to the furthest end
  DateRange tight;                // the narrowest interval every member allows; members that
                                  // date a later stage narrow it only when all of them do
  std::vector<uint32_t> lines;    // distinct independent lines, ascending ids
  bool later_only = false;        // every member dates a later stage (kLaterStage)
};

// One event before its attributes are decided.
struct Draft {
  std::vector<uint32_t> members;     // claim indices, ascending
  std::vector<DateGroup> dates;      // GroupDates(members)
  std::vector<bool> may_date;        // per date group: may be the event's date
  std::optional<Date> first_report;  // earliest publication of a member that is not a plan
  // Kept only for a headline claim (ResolveTable::kHeadline): unnamed and undated, or made of
  // followers. The resolver drops it when other coverage of its type may be the same event.
  bool headline_only = false;
};

// Connected components of the same-event edges over `n` claims, ordered by their smallest
// claim, members ascending, generic claims left out (empty components dropped). Union-find:
// O(N + E) and 4 bytes a claim.
std::vector<std::vector<uint32_t>> SameEventClusters(
    const ResolveTable& t, const std::vector<std::pair<uint32_t, uint32_t>>& edges);

// Claims of `members` with a bounded, non-vague date, swept by (start, end, index) into groups
// of overlapping dates.
std::vector<DateGroup> GroupDates(const ResolveTable& t, const std::vector<uint32_t>& members);

// Splits one cluster where dates disagree between groups that two independent lines support;
// a group with one line joins the nearest strong group; open-ended dates join the latest group
// they meet, undated claims (and open-ended ones that meet none) the latest group that began
// before their report.
std::vector<std::vector<uint32_t>> SplitByDate(const ResolveTable& t, const std::vector<uint32_t>& cluster);

// The draft of one event: its date groups, which of them may date it, its first report.
Draft MakeDraft(const ResolveTable& t, std::vector<uint32_t> members);

// Clusters, split by date, minus those with neither a named subject nor a date and those made
// only of kFollower claims: the events of a run, in cluster order. Draft k is truth-discovery object DraftObject(k).
std::vector<Draft> DraftEvents(const ResolveTable& t, const std::vector<std::pair<uint32_t, uint32_t>>& edges);

// "e00000042": the truth-discovery object of draft k (sorts as k does, below 10^8 drafts).
std::string DraftObject(size_t k);
// The attribute under which date groups vote; '@' keeps it apart from rule-pack attributes.
inline constexpr std::string_view kDateAttribute = "@date";
// "2016-07-01..2016-07-31": the value a date group votes for.
std::string DateKey(const DateGroup& g);

// The claims of every event as one truth-discovery problem: each attribute of each member, and
// each member of a date group that may date its event. Claims with strength 0 do not vote. A
// relayed claim votes as the outlet it cites. With `vote` the weight is the claim's `weight`
// (a plain vote knows no reliability), else its `strength`. `owner` maps each row to its claim.
TruthClaimTable BuildTruthTable(const ResolveTable& t, const std::vector<Draft>& drafts, bool vote,
                                std::vector<uint32_t>* owner);

// The truth-discovery options of the event resolver: `settings`' method and rounds, the
// sources' `priors`, unknown sources at 0.7, and Accu's n = 10 wrong values per attribute.
TruthOptions EventTruthOptions(const ResolverSettings& settings, const std::map<std::string, double>& priors);
// The method `settings` names; Accu when it names none.
TruthMethod EventTruthMethod(const ResolverSettings& settings);

// Per draft, the range of `result.decisions` that are its: decisions[begin[k] .. begin[k+1]).
// Needs the objects DraftObject names (result.decisions sorted by object).
std::vector<uint32_t> DecisionRanges(const TruthResult& result, size_t drafts);

// Whether two values of one attribute can both be true: equal; a place and a place containing
// it (`within`: place id -> the place containing it); a count and its lower bound ("5+" and 6);
// counts within `count_tolerance` of the larger. A value type.
class ValueCompatibility {
 public:
  ValueCompatibility(const std::map<std::string, std::string>& within, double count_tolerance)
      : within_(within.begin(), within.end()), count_tolerance_(count_tolerance) {}
  bool operator()(std::string_view attribute, std::string_view a, std::string_view b) const;
  // True when place `inner` lies inside place `outer` by the `within` chain (8 hops at most).
  bool Within(std::string_view inner, std::string_view outer) const;

 private:
  std::map<std::string, std::string, std::less<>> within_;
  double count_tolerance_;
};

// The candidates of one attribute of one event as truth discovery scored them, best first.
struct AttributeChoice {
  struct Candidate {
    size_t value = 0;            // index into TruthDecision::values
    double p = 0;                // the method's probability for this exact value
    double support = 0;          // p plus the compatible values' p, at most 1
    std::vector<uint32_t> lines; // distinct independent lines behind it, ascending ids
    std::vector<uint32_t> documents;  // distinct documents behind it, ascending
  };
  std::vector<Candidate> candidates;  // by support, then p, then value
  std::vector<size_t> disputed;       // indices into candidates: the chosen one, then each
                                      // incompatible rival; a conflict when size() >= 2
  double severity = 0;                // rivals' p / the chosen one's p, at most 1
};

// Decides one attribute (docs/resolve.md, "Attributes"): a value's support is the probability
// the truth is compatible with it; rivals incompatible with the best are disputed; a place
// dispute needs two independent lines on each side. `owner` maps truth rows to claims.
// Ties in support and p go to the smaller display form: `display[k]` is value k's (null: the
// values as they are).
AttributeChoice DecideAttribute(const ResolveTable& t, std::string_view attribute,
                                const TruthDecision& decision, const std::vector<uint32_t>& owner,
                                const ValueCompatibility& compatible,
                                const std::vector<std::string>* display = nullptr);

// The date of one event: the best date group that may date it, and those more than a month
// from it that dispute it.
struct DateChoice {
  bool grouped = false;        // false: no group may date it; `before` bounds it
  std::optional<Date> before;  // when !grouped: the earliest report of a member, if any
  size_t best = 0;             // index into Draft::dates
  std::vector<size_t> kept;    // best, then disputing groups by p; a conflict when size() >= 2
  std::vector<double> p;       // per date group: truth discovery's probability
  double severity = 0;
};

// `decision` is the draft's kDateAttribute decision, or null.
DateChoice DecideDate(const ResolveTable& t, const Draft& d, const TruthDecision* decision);

// How much an event is believed, and whether it is told as having happened.
struct EventScore {
  double confidence = 0;  // calibrated, rounded to 4 decimals
  EventStatus status = EventStatus::kHappened;
};

// The event's confidence: its independent lines, each weighted by `reliability` (by line id)
// times its strongest claim's strength, combined as a noisy-or; lines that say it did not happen
// (negated claims: reliability x confidence) combine the same way and scale it down, and refute
// the event when they outweigh the support; then calibrated. An event told only as planned
// (no member but planned, negated or denied ones) is kPlanned.
EventScore ScoreEvent(const ResolveTable& t, const std::vector<uint32_t>& members,
                      const std::vector<double>& reliability, const TruthCalibration& calibration);

// Per name id: the reliability truth discovery learned for that source, else its prior in
// `priors`, else `fallback`.
std::vector<double> LineReliability(const ResolveTable& t, const TruthResult& result,
                                    const std::map<std::string, double>& priors, double fallback);

// Rounds to 4 decimals, as every reported confidence is.
double Round4(double x);

}  // namespace recon

#endif  // RECON_RESOLVE_CORE_H_

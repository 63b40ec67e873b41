// Temporal constraints between events: a simple temporal network (STN) of time points and
// difference constraints, solved with Boost.Graph's Bellman-Ford, and the resolver's use of it
// to order and date events by the relations their claims state ("four days after his arrest").
#ifndef RECON_TEMPORAL_H_
#define RECON_TEMPORAL_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "recon/document.h"
#include "recon/link.h"
#include "recon/rules.h"
#include "recon/timeline.h"

namespace recon {

// One difference constraint between two time points: t[to] - t[from] <= bound (in days).
// A lower bound l <= t[to] - t[from] is the constraint (to, from, -l).
struct TemporalConstraint {
  uint32_t from = 0;
  uint32_t to = 0;
  int64_t bound = 0;
  // How much the constraint is believed, > 0. The weakest constraint of a negative cycle is the
  // one dropped. kStructural marks a constraint that is never dropped (an event starts before it
  // ends). Default: 1
  double strength = 1;
  std::string provenance;  // why it holds, for the report; opaque to the solver
};

inline constexpr double kStructural = std::numeric_limits<double>::infinity();
// An absent bound in StnResult.
inline constexpr int64_t kUnbounded = std::numeric_limits<int64_t>::max();

// What SolveStn found.
struct StnResult {
  // A constraint dropped to make the network consistent, with the negative cycle it closed.
  struct Drop {
    size_t constraint = 0;       // index into the input
    std::vector<size_t> cycle;   // the cycle's constraints (indices into the input), in path
                                 // order, starting with the dropped one
    int64_t cycle_weight = 0;    // < 0
  };
  // Bounds of every point relative to point 0, the origin: lower[v] <= t[v] - t[0] <= upper[v],
  // the tightest bounds the kept constraints allow. -kUnbounded / kUnbounded when a side is open.
  std::vector<int64_t> lower;
  std::vector<int64_t> upper;
  std::vector<Drop> dropped;  // in the order they were dropped
  size_t bellman_ford_runs = 0;
};

// Checks and tightens a network of `points` time points (point 0 is the origin, t[0] = 0).
// While the constraints are inconsistent, finds a negative cycle (Bellman-Ford from a virtual
// source, then a walk of the predecessor edges), drops its weakest constraint (ties: the last
// in the canonical order of (from, to, bound, strength, provenance)) and tries again. Then
// computes each point's bounds with two Bellman-Ford runs from the origin (forward and
// reversed). Deterministic: the result depends on the constraints, not on their order (among
// identical constraints, which index is reported may differ). Constraints naming a point
// >= `points` are ignored. Pure; safe to call from many threads.
StnResult SolveStn(size_t points, const std::vector<TemporalConstraint>& constraints);

// The resolver's temporal network over event indices, without the report's words (OrderEvents
// adds those): each event used gets a start point and an end point (end = start + 1) joined by
// structural constraints, its decided date bounds them (strength: the event's confidence), and
// relations join events to events or dates. One relation stated by several claims is one
// constraint whose strength combines theirs as a noisy-or. Not thread-safe for writing.
class EventNetwork {
 public:
  // What a constraint stands for.
  enum Kind : uint8_t { kOrder, kSpan, kDateAfter, kDateBefore, kRelation };

  // `dates` and `confidence` are per event (index); they must outlive the network.
  EventNetwork(double event_span_days, const std::vector<DateRange>& dates,
               const std::vector<double>& confidence);

  // The start point of event `e` (its end point with `end`), adding on first use its structural
  // constraints (kOrder, kSpan) and its date's bounds (kDateAfter, kDateBefore; absent ends add
  // none), in that order.
  uint32_t Point(size_t e, bool end);
  // Event `x` lies `before` or after event `a`, the gap in [lo, hi] days (hi may be
  // kUnbounded): after, start(x) - end(a) in [lo, hi]; before, start(a) - end(x) in [lo, hi].
  // Returns the relation constraints it added or merged into, and whether each is new.
  std::vector<std::pair<size_t, bool>> AddRelation(size_t x, size_t a, bool before, int64_t lo, int64_t hi,
                                                   double strength);
  // The same against a date interval [first, last] (day numbers since 1970-01-01).
  std::vector<std::pair<size_t, bool>> AddDateRelation(size_t x, int64_t first, int64_t last, bool before,
                                                       int64_t lo, int64_t hi, double strength);
  // Checks and tightens the network (SolveStn).
  StnResult Solve() const { return SolveStn(point_event_.size(), constraints_); }

  size_t points() const { return point_event_.size(); }
  const std::vector<TemporalConstraint>& constraints() const { return constraints_; }
  // For the caller's provenance strings; bounds and strengths must not change.
  TemporalConstraint& constraint(size_t c) { return constraints_[c]; }
  Kind kind(size_t c) const { return kind_[c]; }
  // The event a constraint belongs to.
  size_t event(size_t c) const { return constraint_event_[c]; }
  // Event -> its start point, for every event in the network.
  const std::map<size_t, uint32_t>& start_points() const { return start_point_; }

 private:
  // Adds t[to] - t[from] <= bound, or, for a relation equal in (from, to, bound) to an earlier
  // relation, combines the strengths.
  std::pair<size_t, bool> Add(uint32_t from, uint32_t to, int64_t bound, double strength, Kind kind, size_t e);

  double span_days_;
  const std::vector<DateRange>& dates_;
  const std::vector<double>& confidence_;
  std::map<size_t, uint32_t> start_point_;
  std::vector<size_t> point_event_{0};  // point -> event (0: the origin)
  std::vector<TemporalConstraint> constraints_;
  std::vector<Kind> kind_;
  std::vector<size_t> constraint_event_;
  struct KeyHash {
    size_t operator()(const std::tuple<uint32_t, uint32_t, int64_t>& k) const {
      return std::hash<int64_t>()(std::get<2>(k)) * 31 + (size_t(std::get<0>(k)) << 32 | std::get<1>(k));
    }
  };
  // (from, to, bound) -> the first constraint with that key.
  std::unordered_map<std::tuple<uint32_t, uint32_t, int64_t>, size_t, KeyHash> merged_;
};

// The gap in days a relation of `offset` `unit`s allows, [lo, hi] (lo >= 0): the offset in days,
// widened by the unit's tolerance in `settings` (else half the unit). A bare order (unit "")
// is [0, kUnbounded].
std::pair<int64_t, int64_t> RelationWindow(int offset, std::string_view unit, const ResolverSettings& settings);

// Narrows `date` to the bounds `result` gives the event whose start point is `start` (end point
// start + 1), never widening it; an empty intersection (its own date was dropped) leaves it.
// Returns 0 when unchanged, 1 when a bounded end narrowed, 2 when an open end got a bound.
int NarrowDate(const StnResult& result, uint32_t start, DateRange* date);

// What OrderEvents did, for statistics and tests.
struct TemporalStats {
  size_t relations = 0;    // relations carried by claims of the events
  size_t anchored = 0;     // ... whose anchor was found (another event, or a date)
  size_t constraints = 0;  // constraints in the network (structural ones included)
  size_t dropped = 0;      // constraints dropped to restore consistency
  size_t narrowed = 0;     // dated events whose interval narrowed
  size_t bounded = 0;      // events without a bounded date that got a bound they lacked
};

// The evidence weight of a claim (index into Linked::claims), as the resolver computes it.
using ClaimWeight = std::function<double(uint32_t claim)>;

// Places the events in one temporal network and narrows their dates (see docs/resolve.md,
// "Temporal constraints"): each event is a start and an end point; its date bounds them
// (strength: the event's confidence); each relation a claim states ("executed four days after
// his arrest", "fled after the purge") joins its event to the anchor's event, found in the
// claim's document first, else among events of the anchor's type with the same subject
// (strength: the claim's weight, `weight`). Dates only narrow, never widen; an event whose own
// date was dropped keeps it. Returns, for each dropped constraint, a conflict on attribute
// "order" and the index in `events` of the event it belongs to. Events need labels and claims;
// their ids may still be unset. Deterministic.
std::vector<std::pair<size_t, Conflict>> OrderEvents(const Corpus& corpus, const Linked& linked,
                                                     const RuleSet& rules,
                                                     const std::vector<Event*>& events,
                                                     const ClaimWeight& weight,
                                                     TemporalStats* stats = nullptr);

}  // namespace recon

#endif  // RECON_TEMPORAL_H_

// Temporal constraints between events: a simple temporal network (STN) of time points and
// difference constraints, solved with Boost.Graph's Bellman-Ford, and the resolver's use of it
// to order and date events by the relations their claims state ("four days after his arrest").
#ifndef RECON_TEMPORAL_H_
#define RECON_TEMPORAL_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
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

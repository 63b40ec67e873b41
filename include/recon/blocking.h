// Blocking for same-event edges on a compact view of the claims: the part of LinkClaims that
// relates claims inside blocks of (event type, subject, coarse date), over ids and dates only,
// so the same code runs on the claims of one corpus and on millions of generated ones
// (bench/resolver_bench.cpp) without building full Claims.
#ifndef RECON_BLOCKING_H_
#define RECON_BLOCKING_H_

#include <cstdint>
#include <vector>

#include "recon/date_range.h"

namespace recon {

// The fields blocking reads, one entry per claim, as parallel arrays (all the same length).
// Ids are dense numbers whose order is the order blocks are visited in: LinkClaims numbers
// types and subjects in string order, so edges come out in the order of a map keyed by strings.
// Limits: type and subject ids below 2^24. A value type.
struct BlockingKeys {
  static constexpr uint32_t kUnnamed = 0;  // subject id of a claim without a named subject
  std::vector<uint32_t> type;     // event type id
  std::vector<uint32_t> subject;  // subject entity id, kUnnamed when none; named ids start at 1
  std::vector<DateRange> date;    // the claim's own date
  // Optional (empty, or one per claim): the rank family of an unnamed subject's descriptor as a
  // number ("soldier": military), 0 when none. Unnamed claims of two families never join each
  // other; a claim without one may join either.
  std::vector<uint8_t> family;

  size_t size() const { return type.size(); }
};

// A same-event edge between two claims (indices), from < to.
struct SameEventEdge {
  uint32_t from = 0;
  uint32_t to = 0;
  double weight = 0;  // date compatibility: 1 overlap, 0.5 one undated, 0 disjoint; 0.6 unnamed
};

// Same-event edges inside blocks (docs/resolve.md, "Claim graph"): claims of one type about one
// named subject form a star around the earliest-dated claim (O(k) edges for k claims); claims
// without a named subject, dated to the month or better, block by (type, year) and join only
// when their intervals overlap, found by a sweep over start dates (one per rank family, with the
// claims of none in each, when `family` is given). Blocks are visited in
// (type, subject, year) id order and claims within a block in index order. O(N log N) time,
// O(N) memory for N claims. Deterministic. Throws std::length_error past the id limits.
std::vector<SameEventEdge> SameEventEdges(const BlockingKeys& keys);

}  // namespace recon

#endif  // RECON_BLOCKING_H_

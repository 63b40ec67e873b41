// Dense integer ids for truth discovery: sources, items (object, attribute), values and
// the deduplicated votes, laid out so each round of a method is a few linear passes.
#ifndef RECON_RESOLVE_TRUTH_INDEX_H_
#define RECON_RESOLVE_TRUTH_INDEX_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "recon/truth.h"

namespace recon {

// One voter's support for one value, after relays (`cites`) were folded into the cited source
// and repeated claims of the same (voter, value) merged keeping the largest weight.
struct TruthEntry {
  uint32_t voter;
  uint32_t value;
  double weight;
};

// Views into the claims it was built from, which must outlive it. Items are numbered in
// (object, attribute) order, values within an item in value order, entries within a value in
// voter order, so the numbering does not depend on the order of the input claims.
struct TruthIndex {
  const std::vector<TruthClaim>* claims = nullptr;
  std::vector<std::string_view> sources;  // sorted; id = position
  std::vector<std::string_view> values;   // grouped by item
  std::vector<uint32_t> item_value;       // item i owns values [item_value[i], item_value[i+1])
  std::vector<size_t> item_claim;         // one claim of each item, for its names
  std::vector<uint32_t> value_entry;      // value v owns entries [value_entry[v], value_entry[v+1])
  std::vector<TruthEntry> entries;
  std::vector<uint32_t> value_claim;      // value v owns value_claims[value_claim[v] ..)
  std::vector<size_t> value_claims;       // claim indices

  std::string_view object(size_t item) const { return (*claims)[item_claim[item]].object; }
  std::string_view attribute(size_t item) const { return (*claims)[item_claim[item]].attribute; }
};

// Builds the index in O(N log N) for N claims.
TruthIndex BuildTruthIndex(const std::vector<TruthClaim>& claims);

}  // namespace recon

#endif  // RECON_RESOLVE_TRUTH_INDEX_H_

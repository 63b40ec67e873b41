// Dense integer ids for truth discovery: sources, items (object, attribute), values and
// the deduplicated votes, laid out so each round of a method is a few linear passes.
#ifndef RECON_RESOLVE_TRUTH_INDEX_H_
#define RECON_RESOLVE_TRUTH_INDEX_H_

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "recon/truth.h"

namespace recon {

// One voter's support for one value, after relays (`cites`) were folded into the cited source
// and repeated claims of the same (voter, value) merged keeping the largest weight.
struct TruthEntry {
  uint32_t voter;  // source id
  uint32_t slot;   // reliability slot: the voter, or (voter, attribute) with per_attribute
  uint32_t value;
  float weight;
};

// Views into the table it was built from, which must outlive it. Items are numbered in
// (object, attribute) order, values within an item in value order, entries within a value in
// voter order, sources and slots in name order, so the numbering does not depend on the order
// of the input claims.
struct TruthIndex {
  const TruthClaimTable* table = nullptr;
  std::vector<std::string_view> sources;  // sorted; id = position
  std::vector<uint32_t> slot_source;      // slot -> source id
  std::vector<uint32_t> slot_attribute;   // slot -> attribute name id (kNone without per_attribute)
  std::vector<uint32_t> value_name;       // value -> name id in the table; grouped by item
  std::vector<uint32_t> item_value;       // item i owns values [item_value[i], item_value[i+1])
  std::vector<uint32_t> item_object;      // item -> object name id
  std::vector<uint32_t> item_attribute;   // item -> attribute name id
  std::vector<uint32_t> value_entry;      // value v owns entries [value_entry[v], value_entry[v+1])
  std::vector<TruthEntry> entries;
  std::vector<uint32_t> value_claim;      // value v owns value_claims[value_claim[v] ..)
  std::vector<uint32_t> value_claims;     // table rows, in claim sort order (not ascending)

  size_t items() const { return item_value.size() - 1; }
  size_t values() const { return value_name.size(); }
  std::string_view object(size_t item) const { return table->name(item_object[item]); }
  std::string_view attribute(size_t item) const { return table->name(item_attribute[item]); }
  std::string_view value(size_t v) const { return table->name(value_name[v]); }
};

// Builds the index in O(N) plus small sorts within each object, for N claims; `threads`
// workers share the per-object sorts (the result does not depend on it).
TruthIndex BuildTruthIndex(const TruthClaimTable& table, bool per_attribute, int threads);

// Runs f(chunk) for chunk in [0, chunks) on up to `threads` threads (0 = hardware concurrency);
// on the calling thread alone when `work` (rows, items) is below kMinParallelWork, where
// starting threads costs more than it saves. Callers cut work into a fixed number of chunks, so
// results never depend on `threads`.
constexpr size_t kMinParallelWork = 2048;
void ParallelFor(int threads, size_t chunks, const std::function<void(size_t)>& f, size_t work);

}  // namespace recon

#endif  // RECON_RESOLVE_TRUTH_INDEX_H_

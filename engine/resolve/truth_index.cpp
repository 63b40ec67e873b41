// Builds truth discovery's dense index: sorts claims by (object, attribute, value, voter) and
// numbers sources, items, values and votes so that the input order cannot reach the result.
#include "truth_index.h"

#include <algorithm>
#include <numeric>
#include <tuple>
#include <unordered_map>

namespace recon {
namespace {

// The source whose vote a claim carries: a relay votes as the source it cites.
std::string_view Voter(const TruthClaim& c) {
  return c.cites.empty() ? std::string_view(c.source) : std::string_view(c.cites);
}

}  // namespace

TruthIndex BuildTruthIndex(const std::vector<TruthClaim>& claims) {
  TruthIndex ix;
  ix.claims = &claims;
  std::vector<std::string_view> names;
  names.reserve(claims.size() * 2);
  for (const auto& c : claims) {
    names.push_back(c.source);
    if (!c.cites.empty()) names.push_back(c.cites);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  ix.sources = std::move(names);
  std::unordered_map<std::string_view, uint32_t> source_id;
  source_id.reserve(ix.sources.size() * 2);
  for (uint32_t s = 0; s < ix.sources.size(); ++s) source_id[ix.sources[s]] = s;

  // Total order on claims: (object, attribute, value, voter, source, weight); claims equal in
  // all of these are interchangeable, so the index tie-break cannot change the result.
  std::vector<size_t> order(claims.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const TruthClaim& a = claims[x];
    const TruthClaim& b = claims[y];
    if (int c = a.object.compare(b.object)) return c < 0;
    if (int c = a.attribute.compare(b.attribute)) return c < 0;
    if (int c = a.value.compare(b.value)) return c < 0;
    if (int c = Voter(a).compare(Voter(b))) return c < 0;
    if (int c = a.source.compare(b.source)) return c < 0;
    if (a.weight != b.weight) return a.weight > b.weight;
    return x < y;
  });

  ix.values.reserve(claims.size() / 2 + 1);
  ix.entries.reserve(claims.size());
  ix.value_claims.reserve(claims.size());
  for (size_t k = 0; k < order.size(); ++k) {
    const TruthClaim& c = claims[order[k]];
    const TruthClaim* prev = k ? &claims[order[k - 1]] : nullptr;
    bool new_item = !prev || prev->object != c.object || prev->attribute != c.attribute;
    bool new_value = new_item || prev->value != c.value;
    if (new_item) {
      ix.item_value.push_back(uint32_t(ix.values.size()));
      ix.item_claim.push_back(order[k]);
    }
    if (new_value) {
      ix.value_entry.push_back(uint32_t(ix.entries.size()));
      ix.value_claim.push_back(uint32_t(ix.value_claims.size()));
      ix.values.push_back(c.value);
    }
    ix.value_claims.push_back(order[k]);
    uint32_t voter = source_id[Voter(c)];
    double w = std::max(0.0, c.weight);
    if (!new_value && ix.entries.back().voter == voter) {
      ix.entries.back().weight = std::max(ix.entries.back().weight, w);
    } else {
      ix.entries.push_back({voter, uint32_t(ix.values.size() - 1), w});
    }
  }
  ix.item_value.push_back(uint32_t(ix.values.size()));
  ix.value_entry.push_back(uint32_t(ix.entries.size()));
  ix.value_claim.push_back(uint32_t(ix.value_claims.size()));
  return ix;
}

}  // namespace recon

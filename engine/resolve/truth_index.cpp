// Interns claims into TruthClaimTable and builds truth discovery's dense index from it: rows are
// bucketed by object name order, then sorted within each object by (attribute, value, voter,
// source, weight), so sources, items, values and votes get ids the input order cannot change.
#include "truth_index.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <numeric>
#include <unordered_map>

#include "recon/parallel.h"

namespace recon {
namespace {

constexpr size_t kChunkBytes = size_t{1} << 20;

// Rank of every name id in byte order of the strings: comparing ranks compares the strings.
std::vector<uint32_t> NameRanks(const TruthClaimTable& t, int threads) {
  size_t n = t.names();
  std::vector<uint32_t> ids(n);
  std::iota(ids.begin(), ids.end(), 0u);
  auto less = [&](uint32_t a, uint32_t b) { return t.name(a) < t.name(b); };
  // Two sorted halves and a merge: the same order whatever the thread count (names are unique).
  size_t half = n / 2;
  ParallelFor(threads, 2, [&](size_t k) {
    std::sort(ids.begin() + (k ? half : 0), k ? ids.end() : ids.begin() + half, less);
  }, n);
  std::vector<uint32_t> merged(n);
  std::merge(ids.begin(), ids.begin() + half, ids.begin() + half, ids.end(), merged.begin(), less);
  std::vector<uint32_t> rank(n);
  for (uint32_t r = 0; r < n; ++r) rank[merged[r]] = r;
  return rank;
}

}  // namespace

void ParallelFor(int threads, size_t chunks, const std::function<void(size_t)>& f, size_t work) {
  std::atomic<size_t> next{0};
  RunWorkers(work < kMinParallelWork ? 1 : WorkerCount(threads, chunks), [&](unsigned) {
    for (size_t c; (c = next.fetch_add(1)) < chunks;) f(c);
  });
}

TruthClaimTable::TruthClaimTable() = default;

uint32_t TruthClaimTable::Intern(std::string_view s) {
  auto it = ids_.find(s);
  if (it != ids_.end()) return it->second;
  char* p;
  if (s.size() > kChunkBytes / 4) {
    chunks_.emplace_back(new char[s.size()]);
    p = chunks_.back().get();
  } else {
    if (chunk_left_ < s.size()) {
      chunks_.emplace_back(new char[kChunkBytes]);
      chunk_next_ = chunks_.back().get();
      chunk_left_ = kChunkBytes;
    }
    p = chunk_next_;
    chunk_next_ += s.size();
    chunk_left_ -= s.size();
  }
  if (!s.empty()) std::memcpy(p, s.data(), s.size());
  std::string_view stored(p, s.size());
  uint32_t id = uint32_t(names_.size());
  names_.push_back(stored);
  ids_.emplace(stored, id);
  return id;
}

void TruthClaimTable::Add(std::string_view source, std::string_view object,
                          std::string_view attribute, std::string_view value,
                          std::string_view cites, double weight) {
  // Callers usually add an object's claims together, from few sources and attributes: checking
  // the previous row first skips most hash lookups.
  auto id = [&](std::string_view s, uint32_t last) {
    return last != kNone && names_[last] == s ? last : Intern(s);
  };
  Row r;
  r.source = id(source, last_.source);
  r.object = id(object, last_.object);
  r.attribute = id(attribute, last_.attribute);
  r.value = id(value, last_.value);
  r.cites = cites.empty() ? kNone : id(cites, last_.cites);
  r.weight = float(std::max(0.0, weight));
  rows_.push_back(r);
  last_ = r;
}

size_t TruthClaimTable::MemoryBytes() const {
  return rows_.capacity() * sizeof(Row) + names_.capacity() * sizeof(std::string_view) +
         chunks_.size() * kChunkBytes + ids_.size() * (sizeof(std::string_view) + 24) +
         ids_.bucket_count() * sizeof(void*);
}

TruthIndex BuildTruthIndex(const TruthClaimTable& table, bool per_attribute, int threads) {
  TruthIndex ix;
  ix.table = &table;
  const size_t n = table.size();
  const std::vector<uint32_t> rank = NameRanks(table, threads);
  const uint32_t kNone = TruthClaimTable::kNone;
  auto voter_name = [&](const TruthClaimTable::Row& r) {
    return r.cites == kNone ? r.source : r.cites;
  };

  // Sources: every name used as a source or cited, numbered in name order.
  std::vector<uint32_t> source_of(table.names(), kNone);
  std::vector<uint32_t> source_names;
  for (size_t k = 0; k < n; ++k) {
    const auto& r = table.row(k);
    for (uint32_t s : {r.source, r.cites})
      if (s != kNone && source_of[s] == kNone) {
        source_of[s] = 0;
        source_names.push_back(s);
      }
  }
  std::sort(source_names.begin(), source_names.end(),
            [&](uint32_t a, uint32_t b) { return rank[a] < rank[b]; });
  for (uint32_t s = 0; s < source_names.size(); ++s) {
    source_of[source_names[s]] = s;
    ix.sources.push_back(table.name(source_names[s]));
  }

  // Bucket rows by object (counting sort on the object's rank), then sort each object's rows.
  std::vector<uint32_t> start(table.names() + 1, 0);
  for (size_t k = 0; k < n; ++k) ++start[rank[table.row(k).object] + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<uint32_t> order(n);
  {
    std::vector<uint32_t> fill(start.begin(), start.end() - 1);
    for (size_t k = 0; k < n; ++k) order[fill[rank[table.row(k).object]]++] = uint32_t(k);
  }
  // Object buckets cut into a fixed number of chunks of about equal rows.
  const size_t kChunks = 64;
  std::vector<size_t> cut(kChunks + 1, start.size() - 1);
  cut[0] = 0;
  for (size_t c = 1, b = 0; c < kChunks; ++c) {
    size_t target = n * c / kChunks;
    while (b + 1 < start.size() && start[b] < target) ++b;
    cut[c] = std::max(cut[c - 1], b);
  }
  // Total order within an object: (attribute, value, voter, source, weight desc, row); claims
  // equal in all but the row are interchangeable, so the row tie-break cannot change a result.
  auto less = [&](uint32_t x, uint32_t y) {
    const auto& a = table.row(x);
    const auto& b = table.row(y);
    if (a.attribute != b.attribute) return rank[a.attribute] < rank[b.attribute];
    if (a.value != b.value) return rank[a.value] < rank[b.value];
    uint32_t va = voter_name(a), vb = voter_name(b);
    if (va != vb) return rank[va] < rank[vb];
    if (a.source != b.source) return rank[a.source] < rank[b.source];
    if (a.weight != b.weight) return a.weight > b.weight;
    return x < y;
  };
  ParallelFor(threads, kChunks, [&](size_t c) {
    for (size_t o = cut[c]; o < cut[c + 1]; ++o)
      if (start[o + 1] - start[o] > 1)
        std::sort(order.begin() + start[o], order.begin() + start[o + 1], less);
  }, n);
  std::vector<uint32_t>().swap(start);

  // Slots: the voter, or (voter, attribute) numbered in (source, attribute name) order.
  std::unordered_map<uint64_t, uint32_t> slot_of;
  auto slot_key = [&](uint32_t voter, uint32_t attribute) {
    return (uint64_t(voter) << 32) | rank[attribute];
  };
  if (per_attribute) {
    for (size_t k = 0; k < n; ++k) {
      const auto& r = table.row(k);
      slot_of.emplace(slot_key(source_of[voter_name(r)], r.attribute), r.attribute);
    }
    std::vector<std::pair<uint64_t, uint32_t>> keys(slot_of.begin(), slot_of.end());
    std::sort(keys.begin(), keys.end());
    for (uint32_t s = 0; s < keys.size(); ++s) {
      slot_of[keys[s].first] = s;
      ix.slot_source.push_back(uint32_t(keys[s].first >> 32));
      ix.slot_attribute.push_back(keys[s].second);
    }
  } else {
    for (uint32_t s = 0; s < ix.sources.size(); ++s) {
      ix.slot_source.push_back(s);
      ix.slot_attribute.push_back(kNone);
    }
  }

  ix.entries.reserve(n);
  ix.value_claims.reserve(n);
  for (size_t k = 0; k < n; ++k) {
    const auto& c = table.row(order[k]);
    const auto* prev = k ? &table.row(order[k - 1]) : nullptr;
    bool new_item = !prev || prev->object != c.object || prev->attribute != c.attribute;
    bool new_value = new_item || prev->value != c.value;
    if (new_item) {
      ix.item_value.push_back(uint32_t(ix.value_name.size()));
      ix.item_object.push_back(c.object);
      ix.item_attribute.push_back(c.attribute);
    }
    if (new_value) {
      ix.value_entry.push_back(uint32_t(ix.entries.size()));
      ix.value_claim.push_back(uint32_t(ix.value_claims.size()));
      ix.value_name.push_back(c.value);
    }
    ix.value_claims.push_back(order[k]);
    uint32_t voter = source_of[voter_name(c)];
    if (!new_value && ix.entries.back().voter == voter) {
      ix.entries.back().weight = std::max(ix.entries.back().weight, c.weight);
    } else {
      uint32_t slot = per_attribute ? slot_of.at(slot_key(voter, c.attribute)) : voter;
      ix.entries.push_back({voter, slot, uint32_t(ix.value_name.size() - 1), c.weight});
    }
  }
  ix.item_value.push_back(uint32_t(ix.value_name.size()));
  ix.value_entry.push_back(uint32_t(ix.entries.size()));
  ix.value_claim.push_back(uint32_t(ix.value_claims.size()));
  return ix;
}

}  // namespace recon

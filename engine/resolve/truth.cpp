// Truth discovery: majority vote, TruthFinder (Yin, Han & Yu 2007), Accu and AccuCopy
// (Dong, Berti-Equille & Srivastava 2009) over dense integer ids, plus Platt calibration and ECE.
// The value similarities TruthFinder's implication uses are in truth_similarity.cpp.
#include "recon/truth.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>
#include <string>
#include <unordered_map>
#include <vector>

#include "truth_index.h"

namespace recon {
namespace {

constexpr double kMinAccuracy = 0.01;
constexpr double kMaxAccuracy = 0.99;
// Above this many sources the pair tables of AccuCopy live in a hash map instead of a matrix.
constexpr size_t kDensePairLimit = 1500;
// TruthFinder compares values pairwise within an item; beyond this many values it skips
// implication for that item so one pathological item cannot make a round quadratic.
constexpr size_t kMaxImplicationValues = 256;

double Clamp(double x, double lo, double hi) { return std::min(hi, std::max(lo, x)); }

double Sigmoid(double x) {
  if (x >= 0) return 1.0 / (1.0 + std::exp(-x));
  double e = std::exp(x);
  return e / (1.0 + e);
}

double Logit(double p) {
  p = Clamp(p, 1e-15, 1 - 1e-15);
  return std::log(p / (1 - p));
}

// Per-item passes are cut into this many chunks of consecutive items whatever the thread count.
constexpr size_t kItemChunks = 64;

double Prior(const TruthIndex& ix, uint32_t s, const TruthOptions& o) {
  auto it = o.priors.find(std::string(ix.sources[s]));
  return it == o.priors.end() ? o.default_reliability : it->second;
}

// Runs f(item) for every item, the items cut into kItemChunks fixed ranges shared by threads.
template <typename F>
void ForEachItem(const TruthIndex& ix, const TruthOptions& o, F f) {
  size_t items = ix.items();
  ParallelFor(o.threads, kItemChunks, [&](size_t c) {
    for (size_t i = items * c / kItemChunks; i < items * (c + 1) / kItemChunks; ++i) f(i);
  }, items);
}

// Reliability of each slot (source, or source and attribute): the weighted mean score of the
// values it claims. `by_source` averages per source instead.
std::vector<double> MeanScore(const TruthIndex& ix, const std::vector<double>& score,
                              bool by_source = false) {
  size_t n = by_source ? ix.sources.size() : ix.slot_source.size();
  std::vector<double> sum(n, 0), weight(n, 0);
  for (const auto& e : ix.entries) {
    uint32_t k = by_source ? e.voter : e.slot;
    sum[k] += e.weight * score[e.value];
    weight[k] += e.weight;
  }
  std::vector<double> out(n, 0);
  for (size_t s = 0; s < out.size(); ++s) out[s] = weight[s] > 0 ? sum[s] / weight[s] : 0;
  return out;
}

void Vote(const TruthIndex& ix, const TruthOptions& o, std::vector<double>* score) {
  ForEachItem(ix, o, [&](size_t i) {
    double total = 0;
    for (uint32_t v = ix.item_value[i]; v < ix.item_value[i + 1]; ++v) {
      double s = 0;
      for (uint32_t e = ix.value_entry[v]; e < ix.value_entry[v + 1]; ++e) s += ix.entries[e].weight;
      (*score)[v] = s;
      total += s;
    }
    for (uint32_t v = ix.item_value[i]; v < ix.item_value[i + 1]; ++v)
      (*score)[v] = total > 0 ? (*score)[v] / total : 0;
  });
}

// Implication imp(v' -> v) between values of one item, stored by target value (CSR).
struct Implications {
  std::vector<uint32_t> begin;  // per value
  std::vector<std::pair<uint32_t, double>> from;
};

// imp(x -> y) = sim(x, y) - base for every ordered pair of one item's values; zeros are left out.
Implications BuildImplications(const TruthIndex& ix, const TruthOptions& o, double base) {
  Implications imp;
  imp.begin.assign(ix.values() + 1, 0);
  if (!o.similarity) return imp;
  std::vector<std::vector<std::pair<uint32_t, double>>> per(ix.values());
  for (size_t i = 0; i + 1 < ix.item_value.size(); ++i) {
    uint32_t b = ix.item_value[i], end = ix.item_value[i + 1];
    if (end - b < 2 || end - b > kMaxImplicationValues) continue;
    std::string_view attribute = ix.attribute(i);
    for (uint32_t x = b; x < end; ++x) {
      for (uint32_t y = b; y < end; ++y) {
        if (x == y) continue;
        // How much a claim of x supports y; need not be symmetric (a partial list supports
        // the full one more than the other way round).
        double d = o.similarity(attribute, ix.value(x), ix.value(y)) - base;
        if (d != 0) per[y].push_back({x, d});
      }
    }
  }
  for (size_t v = 0; v < per.size(); ++v) {
    imp.begin[v] = uint32_t(imp.from.size());
    imp.from.insert(imp.from.end(), per[v].begin(), per[v].end());
  }
  imp.begin[per.size()] = uint32_t(imp.from.size());
  return imp;
}

int TruthFinder(const TruthIndex& ix, const TruthOptions& o, std::vector<double>* score,
                std::vector<double>* trust) {
  Implications imp = BuildImplications(ix, o, o.base_similarity);
  std::vector<double>& t = *trust;
  std::vector<double> sigma(ix.values());
  int round = 0;
  while (round < o.iterations) {
    ++round;
    std::vector<double> tau(t.size());
    for (size_t s = 0; s < t.size(); ++s) tau[s] = -std::log(1 - Clamp(t[s], 0, 1 - 1e-6));
    ForEachItem(ix, o, [&](size_t i) {
      for (uint32_t v = ix.item_value[i]; v < ix.item_value[i + 1]; ++v) {
        double s = 0;
        for (uint32_t e = ix.value_entry[v]; e < ix.value_entry[v + 1]; ++e)
          s += ix.entries[e].weight * tau[ix.entries[e].slot];
        sigma[v] = s;
      }
      for (uint32_t v = ix.item_value[i]; v < ix.item_value[i + 1]; ++v) {
        double adjusted = sigma[v];
        for (uint32_t k = imp.begin[v]; k < imp.begin[v + 1]; ++k)
          adjusted += o.implication * sigma[imp.from[k].first] * imp.from[k].second;
        (*score)[v] = Sigmoid(o.dampening * adjusted);
      }
    });
    std::vector<double> next = MeanScore(ix, *score);
    double change = 0;
    for (size_t s = 0; s < t.size(); ++s) change = std::max(change, std::abs(next[s] - t[s]));
    t = std::move(next);
    if (change < o.tolerance) break;
  }
  return round;
}

// Per-pair evidence for AccuCopy: log-likelihoods of the shared items under independence,
// "lo copies hi" and "hi copies lo", for voters lo < hi.
struct PairLog {
  double ind = 0, lo_copies = 0, hi_copies = 0;
  double items = 0;  // shared items behind the sums
};

// Posterior probabilities of copying per ordered pair of sources and per group of items (one
// group, or one per attribute with TruthOptions::copy_per_attribute); dense up to
// kDensePairLimit^2 cells, hashed above.
class CopyTable {
 public:
  CopyTable(size_t sources, size_t groups)
      : n_(sources), groups_(std::max<size_t>(1, groups)),
        dense_(sources * sources * groups_ <= kDensePairLimit * kDensePairLimit) {
    if (dense_) evidence_.assign(groups_ * n_ * n_, PairLog{});
  }
  size_t groups() const { return groups_; }
  PairLog& Evidence(uint32_t g, uint32_t lo, uint32_t hi) {
    return dense_ ? evidence_[Cell(g, lo, hi)] : sparse_[Key(g, lo, hi)];
  }
  void Reset() {
    if (dense_) {
      std::fill(evidence_.begin(), evidence_.end(), PairLog{});
      std::fill(prob_.begin(), prob_.end(), 0.0);
    } else {
      sparse_.clear();
      sparse_prob_.clear();
    }
  }
  // Turns the evidence into P(a copies b) for every pair seen.
  // With max_items > 0 a pair sharing more items counts as if it shared max_items, each
  // with the pair's mean evidence.
  void Finish(double alpha, double max_items) {
    if (dense_) prob_.assign(groups_ * n_ * n_, 0.0);
    auto post = [&](uint32_t g, uint32_t lo, uint32_t hi, const PairLog& l) {
      double scale = max_items > 0 && l.items > max_items ? max_items / l.items : 1.0;
      // Prior: independent 1 - alpha, each direction alpha / 2.
      double a = std::log(1 - alpha) + scale * l.ind;
      double b = std::log(alpha / 2) + scale * l.lo_copies;
      double c = std::log(alpha / 2) + scale * l.hi_copies;
      double m = std::max(a, std::max(b, c));
      double z = std::exp(a - m) + std::exp(b - m) + std::exp(c - m);
      Set(g, lo, hi, std::exp(b - m) / z);
      Set(g, hi, lo, std::exp(c - m) / z);
    };
    if (dense_) {
      for (uint32_t g = 0; g < groups_; ++g)
        for (uint32_t lo = 0; lo < n_; ++lo)
          for (uint32_t hi = lo + 1; hi < n_; ++hi) {
            const PairLog& l = evidence_[Cell(g, lo, hi)];
            if (l.items > 0) post(g, lo, hi, l);
          }
    } else {
      for (const auto& [k, l] : sparse_) {
        uint64_t row = k >> 32;
        post(uint32_t(row / n_), uint32_t(row % n_), uint32_t(k & 0xffffffffu), l);
      }
    }
  }
  // P(a copies b) on group g; 0 for pairs that share nothing there.
  double Prob(uint32_t g, uint32_t a, uint32_t b) const {
    if (dense_) return prob_.empty() ? 0 : prob_[Cell(g, a, b)];
    auto it = sparse_prob_.find(Key(g, a, b));
    return it == sparse_prob_.end() ? 0 : it->second;
  }
  // Calls f(a, b, P(a copies b)) for every ordered pair whose dependence, P(a copies b) +
  // P(b copies a), is above threshold on some group, in id order, with the largest P(a copies b)
  // over those groups. Both directions are listed: sources of equal accuracy that share their
  // mistakes are dependent, but which one copies is a coin toss.
  template <typename F>
  void ForEachDependent(double threshold, F f) const {
    std::map<std::pair<uint32_t, uint32_t>, double> out;
    auto visit = [&](uint32_t g, uint32_t a, uint32_t b, double p) {
      if (a == b || p + Prob(g, b, a) <= threshold) return;
      auto [it, fresh] = out.emplace(std::make_pair(a, b), p);
      if (!fresh) it->second = std::max(it->second, p);
    };
    if (dense_) {
      if (prob_.empty()) return;
      for (uint32_t g = 0; g < groups_; ++g)
        for (uint32_t a = 0; a < n_; ++a)
          for (uint32_t b = 0; b < n_; ++b) visit(g, a, b, prob_[Cell(g, a, b)]);
    } else {
      for (const auto& [k, p] : sparse_prob_) {
        uint64_t row = k >> 32;
        visit(uint32_t(row / n_), uint32_t(row % n_), uint32_t(k & 0xffffffffu), p);
      }
    }
    for (const auto& [ab, p] : out) f(ab.first, ab.second, p);
  }

 private:
  size_t Cell(uint32_t g, uint32_t a, uint32_t b) const { return (g * n_ + a) * n_ + b; }
  uint64_t Key(uint32_t g, uint32_t a, uint32_t b) const {
    return (uint64_t(g) * n_ + a) << 32 | b;
  }
  void Set(uint32_t g, uint32_t a, uint32_t b, double p) {
    if (dense_) {
      prob_[Cell(g, a, b)] = p;
    } else {
      sparse_prob_[Key(g, a, b)] = p;
    }
  }
  size_t n_;
  size_t groups_;
  bool dense_;
  std::vector<PairLog> evidence_;
  std::vector<double> prob_;
  std::unordered_map<uint64_t, PairLog> sparse_;
  std::unordered_map<uint64_t, double> sparse_prob_;
};

// Each item's attribute as a dense number in attribute name order (so the numbering does not
// depend on the order of the claims).
std::vector<uint32_t> AttributeGroups(const TruthIndex& ix) {
  std::vector<uint32_t> names(ix.item_attribute);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::sort(names.begin(), names.end(), [&](uint32_t a, uint32_t b) {
    return ix.table->name(a) < ix.table->name(b);
  });
  std::unordered_map<uint32_t, uint32_t> rank;
  for (uint32_t k = 0; k < names.size(); ++k) rank[names[k]] = k;
  std::vector<uint32_t> out(ix.items());
  for (size_t i = 0; i < out.size(); ++i) out[i] = rank[ix.item_attribute[i]];
  return out;
}

size_t CountAttributes(const TruthIndex& ix) {
  std::vector<uint32_t> names(ix.item_attribute);
  std::sort(names.begin(), names.end());
  return size_t(std::unique(names.begin(), names.end()) - names.begin());
}

// Bayesian copy detection (Dong et al. 2009, section 3): for each item two voters both
// claim, the chance of what they claim under independence and under each copy direction,
// with the value's current probability of being true mixing the "same true" and "same false"
// cases. Sharing false values is what betrays a copier: independently it has chance 1/n.
// `item_group[i]` picks item i's pair table (empty: one table for all items).
void DetectCopying(const TruthIndex& ix, const TruthOptions& o, const std::vector<double>& acc,
                   const std::vector<double>& prob, const std::vector<uint32_t>& item_group,
                   CopyTable* table) {
  const double n = std::max(1, o.false_values), c = o.copy_rate;
  const double w = Clamp(o.true_copy_evidence, 0, 1);
  table->Reset();
  // Per attribute, each voter's accuracy on that attribute alone (its weighted mean score
  // there): the chance that two independent sources agree on an easy attribute is near 1, and
  // their overall accuracy would make every such agreement look like copying.
  const size_t groups = table->groups();
  std::vector<double> group_acc;
  if (!item_group.empty()) {
    std::vector<double> sum(ix.sources.size() * groups, 0), weight(sum.size(), 0);
    for (size_t i = 0; i < ix.items(); ++i) {
      uint32_t eb = ix.value_entry[ix.item_value[i]], ee = ix.value_entry[ix.item_value[i + 1]];
      for (uint32_t e = eb; e < ee; ++e) {
        const TruthEntry& en = ix.entries[e];
        size_t k = size_t(en.voter) * groups + item_group[i];
        sum[k] += en.weight * prob[en.value];
        weight[k] += en.weight;
      }
    }
    group_acc.resize(sum.size());
    for (size_t k = 0; k < sum.size(); ++k)
      group_acc[k] = Clamp(weight[k] > 0 ? sum[k] / weight[k] : 0, kMinAccuracy, kMaxAccuracy);
  }
  for (size_t i = 0; i + 1 < ix.item_value.size(); ++i) {
    uint32_t eb = ix.value_entry[ix.item_value[i]], ee = ix.value_entry[ix.item_value[i + 1]];
    uint32_t g = item_group.empty() ? 0 : item_group[i];
    auto accuracy = [&](const TruthEntry& e) {
      return group_acc.empty() ? acc[e.slot] : group_acc[size_t(e.voter) * groups + g];
    };
    for (uint32_t x = eb; x < ee; ++x) {
      const auto& ex = ix.entries[x];
      for (uint32_t y = x + 1; y < ee; ++y) {
        const auto& ey = ix.entries[y];
        if (ex.voter == ey.voter) continue;
        bool swap = ey.voter < ex.voter;
        uint32_t lo = swap ? ey.voter : ex.voter, hi = swap ? ex.voter : ey.voter;
        double a1 = accuracy(swap ? ey : ex), a2 = accuracy(swap ? ex : ey);
        double same_true = a1 * a2, same_false = (1 - a1) * (1 - a2) / n;
        PairLog& l = table->Evidence(g, lo, hi);
        l.items += 1;
        if (ex.value == ey.value) {
          double p = prob[ex.value];
          double ind = p * same_true + (1 - p) * same_false;
          // lo copies hi: with chance c lo took hi's value, which is true with chance a2.
          // With w < 1 the true case moves towards its independent chance, so agreeing on
          // the truth says less about copying.
          double lo_c = p * (w * (a2 * c + same_true * (1 - c)) + (1 - w) * same_true) +
                        (1 - p) * ((1 - a2) * c + same_false * (1 - c));
          double hi_c = p * (w * (a1 * c + same_true * (1 - c)) + (1 - w) * same_true) +
                        (1 - p) * ((1 - a1) * c + same_false * (1 - c));
          l.ind += std::log(ind);
          l.lo_copies += std::log(lo_c);
          l.hi_copies += std::log(hi_c);
        } else {
          double diff = std::max(1e-12, 1 - same_true - same_false);
          l.ind += std::log(diff);
          l.lo_copies += std::log(diff * (1 - c));
          l.hi_copies += std::log(diff * (1 - c));
        }
      }
    }
  }
  table->Finish(o.copy_prior, o.copy_evidence_items);
}

int Accu(const TruthIndex& ix, const TruthOptions& o, bool copy, std::vector<double>* score,
         std::vector<double>* accuracy, CopyTable* table) {
  const double n = std::max(1, o.false_values);
  std::vector<double>& acc = *accuracy;
  std::vector<double> count(ix.values());
  // Dong et al.'s similarity adjustment uses sim itself (no base subtracted).
  Implications imp;
  if (o.accu_similarity) imp = BuildImplications(ix, o, 0.0);
  std::vector<uint32_t> item_group;
  if (copy && table->groups() > 1) item_group = AttributeGroups(ix);
  int round = 0;
  while (round < o.iterations) {
    ++round;
    // The first round has no value probabilities yet, so copy detection starts in round 2.
    bool discount = copy && round > 1;
    if (discount && round == 2 && o.copy_seed_votes) {
      // The copy-blind first round made the largest camps' values near certain, copiers
      // included; the vote shares treat every camp alike.
      std::vector<double> share(ix.values());
      Vote(ix, o, &share);
      DetectCopying(ix, o, acc, share, item_group, table);
    } else if (discount) {
      DetectCopying(ix, o, acc, *score, item_group, table);
    }
    std::vector<double> vote(acc.size());
    for (size_t s = 0; s < acc.size(); ++s) {
      double a = Clamp(acc[s], kMinAccuracy, kMaxAccuracy);
      vote[s] = std::log(n * a / (1 - a));
    }
    ForEachItem(ix, o, [&](size_t i) {
      thread_local std::vector<uint32_t> order;
      thread_local std::vector<double> adjusted;
      uint32_t vb = ix.item_value[i], ve = ix.item_value[i + 1];
      uint32_t g = item_group.empty() ? 0 : item_group[i];
      double best = 0;  // the n + 1 - k unclaimed values have vote count 0
      for (uint32_t v = vb; v < ve; ++v) {
        uint32_t eb = ix.value_entry[v], ee = ix.value_entry[v + 1];
        double c = 0;
        if (!discount || ee - eb == 1) {
          for (uint32_t e = eb; e < ee; ++e) c += ix.entries[e].weight * vote[ix.entries[e].slot];
        } else {
          // Dong et al.: a voter's vote counts by the chance it did not copy any voter
          // before it, taking voters in decreasing accuracy (then id) order.
          order.resize(ee - eb);
          std::iota(order.begin(), order.end(), eb);
          std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
            const TruthEntry &ex = ix.entries[x], &ey = ix.entries[y];
            return acc[ex.slot] != acc[ey.slot] ? acc[ex.slot] > acc[ey.slot] : ex.voter < ey.voter;
          });
          for (size_t k = 0; k < order.size(); ++k) {
            const TruthEntry& ek = ix.entries[order[k]];
            double independent = 1;
            for (size_t j = 0; j < k; ++j)
              independent *= 1 - o.copy_rate * table->Prob(g, ek.voter, ix.entries[order[j]].voter);
            c += ek.weight * vote[ek.slot] * independent;
          }
        }
        count[v] = c;
      }
      if (!imp.from.empty()) {
        adjusted.assign(count.begin() + vb, count.begin() + ve);
        for (uint32_t v = vb; v < ve; ++v)
          for (uint32_t k = imp.begin[v]; k < imp.begin[v + 1]; ++k)
            adjusted[v - vb] += o.implication * count[imp.from[k].first] * imp.from[k].second;
        std::copy(adjusted.begin(), adjusted.end(), count.begin() + vb);
      }
      for (uint32_t v = vb; v < ve; ++v) best = std::max(best, count[v]);
      double unclaimed = std::max(0.0, n + 1 - double(ve - vb));
      double z = unclaimed * std::exp(-best);
      for (uint32_t v = vb; v < ve; ++v) z += std::exp(count[v] - best);
      for (uint32_t v = vb; v < ve; ++v) (*score)[v] = std::exp(count[v] - best) / z;
    });
    std::vector<double> next = MeanScore(ix, *score);
    double change = 0;
    for (size_t s = 0; s < acc.size(); ++s) {
      next[s] = Clamp(next[s], kMinAccuracy, kMaxAccuracy);
      change = std::max(change, std::abs(next[s] - acc[s]));
    }
    acc = std::move(next);
    if (change < o.tolerance) break;
  }
  return round;
}

}  // namespace

double TruthCalibration::Apply(double raw) const {
  if (a == 1.0 && b == 0.0) return raw;
  return Sigmoid(a * Logit(raw) + b);
}

TruthResult DiscoverTruth(const std::vector<TruthClaim>& claims, const TruthOptions& options) {
  TruthClaimTable table;
  table.Reserve(claims.size());
  for (const auto& c : claims) table.Add(c);
  return DiscoverTruth(table, options);
}

TruthResult DiscoverTruth(const TruthClaimTable& claims, const TruthOptions& options) {
  TruthIndex ix = BuildTruthIndex(claims, options.per_attribute, options.threads);
  TruthResult result;
  std::vector<double> score(ix.values(), 0);
  std::vector<double> reliability(ix.slot_source.size());
  for (uint32_t s = 0; s < reliability.size(); ++s)
    reliability[s] = Prior(ix, ix.slot_source[s], options);
  bool accucopy = options.method == TruthMethod::kAccuCopy;
  CopyTable table(accucopy ? ix.sources.size() : 0,
                  accucopy && options.copy_per_attribute ? CountAttributes(ix) : 1);
  switch (options.method) {
    case TruthMethod::kVote:
      Vote(ix, options, &score);
      reliability = MeanScore(ix, score);
      result.iterations = 1;
      break;
    case TruthMethod::kTruthFinder:
      result.iterations = TruthFinder(ix, options, &score, &reliability);
      break;
    case TruthMethod::kAccu:
    case TruthMethod::kAccuCopy:
      result.iterations = Accu(ix, options, options.method == TruthMethod::kAccuCopy, &score,
                               &reliability, &table);
      break;
  }

  // A source that only relays others has no votes of its own: it keeps its prior. With one
  // reliability per attribute, a source's overall figure is its weighted mean score.
  std::vector<bool> votes(ix.sources.size(), false);
  for (const auto& e : ix.entries) votes[e.voter] = true;
  std::vector<double> overall = options.per_attribute ? MeanScore(ix, score, true) : reliability;
  for (uint32_t s = 0; s < ix.sources.size(); ++s)
    result.reliability[std::string(ix.sources[s])] = votes[s] ? overall[s] : Prior(ix, s, options);
  if (options.per_attribute)
    for (uint32_t s = 0; s < ix.slot_source.size(); ++s)
      result.attribute_reliability[std::string(ix.sources[ix.slot_source[s]])]
                                  [std::string(claims.name(ix.slot_attribute[s]))] = reliability[s];
  // The votes are no longer needed: hand their memory to the decisions.
  std::vector<TruthEntry>().swap(ix.entries);
  if (options.method == TruthMethod::kAccuCopy) {
    table.ForEachDependent(0.5, [&](uint32_t a, uint32_t b, double p) {
      result.copying[std::string(ix.sources[a])][std::string(ix.sources[b])] = p;
    });
  }
  // Decisions, built in fixed chunks of items (each item's decision depends on it alone).
  result.decisions.resize(ix.items());
  ForEachItem(ix, options, [&](size_t i) {
    TruthDecision& d = result.decisions[i];
    d.object = ix.object(i);
    d.attribute = ix.attribute(i);
    d.values.reserve(ix.item_value[i + 1] - ix.item_value[i]);
    for (uint32_t v = ix.item_value[i]; v < ix.item_value[i + 1]; ++v) {
      TruthValue tv;
      tv.value = std::string(ix.value(v));
      tv.raw = score[v];
      tv.confidence = options.calibration.Apply(score[v]);
      tv.claims.assign(ix.value_claims.begin() + ix.value_claim[v],
                       ix.value_claims.begin() + ix.value_claim[v + 1]);
      std::sort(tv.claims.begin(), tv.claims.end());
      d.values.push_back(std::move(tv));
    }
    std::stable_sort(d.values.begin(), d.values.end(), [](const TruthValue& x, const TruthValue& y) {
      return x.raw > y.raw;  // values arrive sorted by value, so ties stay in value order
    });
  });
  for (size_t k = 0; k < claims.size(); ++k) {
    const auto& r = claims.row(k);
    if (r.cites != TruthClaimTable::kNone && r.cites != r.source)
      result.copying[std::string(claims.name(r.source))][std::string(claims.name(r.cites))] = 1.0;
  }
  return result;
}

TruthCalibration FitCalibration(const std::vector<double>& raw, const std::vector<bool>& correct) {
  TruthCalibration cal;
  size_t n = std::min(raw.size(), correct.size());
  size_t pos = 0;
  for (size_t i = 0; i < n; ++i) pos += correct[i];
  if (n < 2 || pos == 0 || pos == n) return cal;
  // Platt's smoothed targets keep the fit finite when the classes separate.
  double hi = (pos + 1.0) / (pos + 2.0), lo = 1.0 / (n - pos + 2.0);
  // A small ridge towards the identity (a = 1, b = 0) keeps the fit finite when every raw
  // score is the same (saturated TruthFinder scores); step halving keeps Newton descending.
  const double ridge = 1e-2;
  std::vector<double> x(n);
  for (size_t i = 0; i < n; ++i) x[i] = Logit(raw[i]);
  auto loss = [&](double a, double b) {
    double l = 0.5 * ridge * ((a - 1) * (a - 1) + b * b);
    for (size_t i = 0; i < n; ++i) {
      double z = a * x[i] + b, t = correct[i] ? hi : lo;
      // log(1 + e^z) - t z, computed stably
      l += (z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z))) - t * z;
    }
    return l;
  };
  double a = 1, b = 0, current = loss(a, b);
  for (int it = 0; it < 100; ++it) {
    double ga = ridge * (a - 1), gb = ridge * b, haa = ridge, hab = 0, hbb = ridge;
    for (size_t i = 0; i < n; ++i) {
      double p = Sigmoid(a * x[i] + b), t = correct[i] ? hi : lo;
      double w = p * (1 - p);
      ga += (p - t) * x[i];
      gb += p - t;
      haa += w * x[i] * x[i];
      hab += w * x[i];
      hbb += w;
    }
    double det = haa * hbb - hab * hab;
    if (det <= 0) break;
    double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
    double step = 1;
    while (step > 1e-6 && loss(a - step * da, b - step * db) > current) step /= 2;
    if (step <= 1e-6) break;
    a -= step * da;
    b -= step * db;
    double next = loss(a, b);
    bool done = current - next < 1e-12;
    current = next;
    if (done) break;
  }
  cal.a = a;
  cal.b = b;
  return cal;
}

double ExpectedCalibrationError(const std::vector<double>& confidence,
                                const std::vector<bool>& correct, int bins) {
  size_t n = std::min(confidence.size(), correct.size());
  if (n == 0 || bins < 1) return 0;
  std::vector<double> conf(bins, 0), hit(bins, 0), count(bins, 0);
  for (size_t i = 0; i < n; ++i) {
    int b = std::min(bins - 1, std::max(0, int(confidence[i] * bins)));
    conf[b] += confidence[i];
    hit[b] += correct[i];
    count[b] += 1;
  }
  double ece = 0;
  for (int b = 0; b < bins; ++b)
    if (count[b] > 0) ece += count[b] / n * std::abs(conf[b] / count[b] - hit[b] / count[b]);
  return ece;
}

std::string_view TruthMethodName(TruthMethod m) {
  switch (m) {
    case TruthMethod::kVote: return "vote";
    case TruthMethod::kTruthFinder: return "truthfinder";
    case TruthMethod::kAccu: return "accu";
    case TruthMethod::kAccuCopy: return "accucopy";
  }
  return "";
}

bool ParseTruthMethod(std::string_view name, TruthMethod* m) {
  for (TruthMethod x : {TruthMethod::kVote, TruthMethod::kTruthFinder, TruthMethod::kAccu,
                        TruthMethod::kAccuCopy}) {
    if (TruthMethodName(x) == name) {
      *m = x;
      return true;
    }
  }
  return false;
}

}  // namespace recon

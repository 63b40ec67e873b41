// A slow, obviously correct reference for truth discovery's vote and Accu, written with plain
// maps and loops straight from the formulas, to check the fast DiscoverTruth against.
#ifndef RECON_TESTS_RESOLVE_TRUTH_REFERENCE_H_
#define RECON_TESTS_RESOLVE_TRUTH_REFERENCE_H_

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "recon/truth.h"

namespace recon::reference {

using Item = std::pair<std::string, std::string>;  // (object, attribute)

struct Result {
  std::map<Item, std::map<std::string, double>> prob;  // item -> value -> raw score
  std::map<std::string, double> reliability;
  // With per_attribute: source -> attribute -> accuracy.
  std::map<std::string, std::map<std::string, double>> attribute_reliability;
};

// item -> value -> voter -> weight; a relay votes as the source it cites; repeats keep the max.
inline std::map<Item, std::map<std::string, std::map<std::string, double>>> Votes(
    const std::vector<TruthClaim>& claims) {
  std::map<Item, std::map<std::string, std::map<std::string, double>>> votes;
  for (const auto& c : claims) {
    std::string voter = c.cites.empty() ? c.source : c.cites;
    auto& w = votes[{c.object, c.attribute}][c.value];
    if (w.count(voter))
      w[voter] = std::max(w[voter], c.weight);
    else
      w[voter] = c.weight;
  }
  return votes;
}

inline std::vector<std::string> Sources(const std::vector<TruthClaim>& claims) {
  std::map<std::string, bool> seen;
  for (const auto& c : claims) {
    seen[c.source] = true;
    if (!c.cites.empty()) seen[c.cites] = true;
  }
  std::vector<std::string> out;
  for (const auto& [s, unused] : seen) out.push_back(s);
  return out;
}

// Each source's weighted mean score over the values it votes for (0 when it votes for none).
inline std::map<std::string, double> MeanScore(
    const std::vector<std::string>& sources,
    const std::map<Item, std::map<std::string, std::map<std::string, double>>>& votes,
    const std::map<Item, std::map<std::string, double>>& prob) {
  std::map<std::string, double> out;
  for (const auto& s : sources) {
    double sum = 0, weight = 0;
    for (const auto& [item, values] : votes)
      for (const auto& [value, voters] : values)
        for (const auto& [voter, w] : voters)
          if (voter == s) {
            sum += w * prob.at(item).at(value);
            weight += w;
          }
    out[s] = weight > 0 ? sum / weight : 0;
  }
  return out;
}

inline Result Vote(const std::vector<TruthClaim>& claims) {
  auto votes = Votes(claims);
  Result r;
  for (const auto& [item, values] : votes) {
    double total = 0;
    for (const auto& [value, voters] : values)
      for (const auto& [voter, w] : voters) total += w;
    for (const auto& [value, voters] : values) {
      double s = 0;
      for (const auto& [voter, w] : voters) s += w;
      r.prob[item][value] = total > 0 ? s / total : 0;
    }
  }
  r.reliability = MeanScore(Sources(claims), votes, r.prob);
  return r;
}

// Accu (Dong et al. 2009) without copy detection; with o.per_attribute one accuracy per
// (source, attribute); with o.accu_similarity and o.similarity, C*(v) = C(v) + rho * sum over
// the item's other values v' of sim(v', v) * C(v').
inline Result Accu(const std::vector<TruthClaim>& claims, const TruthOptions& o) {
  auto votes = Votes(claims);
  auto sources = Sources(claims);
  using Key = std::pair<std::string, std::string>;  // (source, attribute or "")
  auto key = [&](const std::string& source, const Item& item) {
    return Key{source, o.per_attribute ? item.second : std::string()};
  };
  std::map<Key, double> acc;
  for (const auto& [item, values] : votes)
    for (const auto& [value, voters] : values)
      for (const auto& [voter, w] : voters)
        acc[key(voter, item)] = o.priors.count(voter) ? o.priors.at(voter) : o.default_reliability;
  const double n = o.false_values;
  Result r;
  for (int round = 0; round < o.iterations; ++round) {
    for (const auto& [item, values] : votes) {
      std::map<std::string, double> count;
      for (const auto& [value, voters] : values) {
        double c = 0;
        for (const auto& [voter, w] : voters) {
          double a = std::min(0.99, std::max(0.01, acc[key(voter, item)]));
          c += w * std::log(n * a / (1 - a));
        }
        count[value] = c;
      }
      if (o.accu_similarity && o.similarity) {
        std::map<std::string, double> adjusted = count;
        for (const auto& [to, c_to] : count)
          for (const auto& [from, c_from] : count)
            if (from != to) adjusted[to] += o.implication * c_from * o.similarity(item.second, from, to);
        count = adjusted;
      }
      double z = std::max(0.0, n + 1 - double(values.size()));  // unclaimed values: exp(0) each
      for (const auto& [value, c] : count) z += std::exp(c);
      for (const auto& [value, c] : count) r.prob[item][value] = std::exp(c) / z;
    }
    std::map<Key, double> sum, weight;
    for (const auto& [item, values] : votes)
      for (const auto& [value, voters] : values)
        for (const auto& [voter, w] : voters) {
          sum[key(voter, item)] += w * r.prob[item][value];
          weight[key(voter, item)] += w;
        }
    double change = 0;
    for (auto& [k, a] : acc) {
      double next = weight[k] > 0 ? sum[k] / weight[k] : 0;
      next = std::min(0.99, std::max(0.01, next));
      change = std::max(change, std::abs(next - a));
      a = next;
    }
    if (change < o.tolerance) break;
  }
  if (o.per_attribute) {
    r.reliability = MeanScore(sources, votes, r.prob);
    for (const auto& [k, a] : acc) r.attribute_reliability[k.first][k.second] = a;
  } else {
    for (const auto& [k, a] : acc) r.reliability[k.first] = a;
  }
  return r;
}

}  // namespace recon::reference

#endif  // RECON_TESTS_RESOLVE_TRUTH_REFERENCE_H_

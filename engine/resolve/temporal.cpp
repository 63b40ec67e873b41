// The simple temporal network solver (SolveStn): consistency and negative-cycle recovery with
// boost::bellman_ford_shortest_paths, weakest-constraint dropping, and tightening by two
// single-source runs from the origin. tests/resolve/temporal_test.cpp checks it against
// Floyd-Warshall on random networks.
#include <algorithm>
#include <functional>
#include <numeric>
#include <tuple>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/bellman_ford_shortest_paths.hpp>
#include <boost/property_map/property_map.hpp>

#include "recon/disjoint_sets.h"
#include "recon/temporal.h"

namespace recon {

namespace {

struct EdgeProp {
  int64_t weight = 0;
  uint32_t constraint = 0;  // index into the caller's constraints
};
// A compressed sparse row graph: built once per run from the sorted constraints, iterated in
// that order by Bellman-Ford.
using Graph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, EdgeProp>;
using EdgeDesc = Graph::edge_descriptor;

constexpr int64_t kNoEdge = -1;

// What one consistency run shares with its visitor (Boost copies visitors, so they hold a
// pointer): per vertex, the constraint whose relaxation last lowered its distance; the edge
// still relaxable after the last pass (the witness of a negative cycle); and a periodic check
// of the predecessor graph, so that a negative cycle stops the run early instead of after
// |V| passes over every edge.
struct CycleSearch {
  std::vector<int64_t> pred;
  int64_t witness = kNoEdge;
  size_t relaxations = 0;
  size_t check_every = 0;
  std::function<bool(uint32_t)> check;  // true when a cycle was found (and kept by the caller)
};
struct CycleFound {};

class PredecessorVisitor : public boost::bellman_visitor<> {
 public:
  explicit PredecessorVisitor(CycleSearch* s) : s_(s) {}
  void edge_relaxed(EdgeDesc e, const Graph& g) {
    uint32_t v = uint32_t(boost::target(e, g));
    s_->pred[v] = g[e].constraint;
    if (++s_->relaxations >= s_->check_every) {
      s_->relaxations = 0;
      if (s_->check(v)) throw CycleFound{};  // leaves Boost's loop; caught in NegativeCycle
    }
  }
  void edge_not_minimized(EdgeDesc e, const Graph& g) {
    if (s_->witness == kNoEdge) s_->witness = g[e].constraint;
  }

 private:
  CycleSearch* s_;
};

class Solver {
 public:
  Solver(size_t points, const std::vector<TemporalConstraint>& cs) : n_(points), cs_(cs) {
    for (size_t i = 0; i < cs.size(); ++i)
      if (cs[i].from < n_ && cs[i].to < n_) order_.push_back(i);
    // The canonical order makes the graph, and so every cycle found, independent of input order.
    std::sort(order_.begin(), order_.end(), [&](size_t a, size_t b) {
      const auto& x = cs_[a];
      const auto& y = cs_[b];
      return std::tie(x.from, x.to, x.bound, x.strength, x.provenance, a) <
             std::tie(y.from, y.to, y.bound, y.strength, y.provenance, b);
    });
    rank_.assign(cs.size(), 0);
    for (size_t r = 0; r < order_.size(); ++r) rank_[order_[r]] = r;
    active_.assign(cs.size(), false);
    for (size_t i : order_) active_[i] = true;
  }

  StnResult Run() {
    StnResult out;
    if (n_ == 0) return out;
    for (;;) {
      ++out.bellman_ford_runs;
      std::vector<size_t> cycle = NegativeCycle();
      if (cycle.empty()) break;
      // The weakest constraint goes; among equals, the last in canonical order.
      size_t weakest = cycle.front();
      for (size_t c : cycle)
        if (cs_[c].strength < cs_[weakest].strength ||
            (cs_[c].strength == cs_[weakest].strength && rank_[c] > rank_[weakest]))
          weakest = c;
      StnResult::Drop d;
      d.constraint = weakest;
      auto at = std::find(cycle.begin(), cycle.end(), weakest);
      std::rotate(cycle.begin(), at, cycle.end());
      for (size_t c : cycle) d.cycle_weight += cs_[c].bound;
      d.cycle = std::move(cycle);
      active_[weakest] = false;
      // Only a cycle made wholly of structural constraints (contradictory structure from the
      // caller) drops one of them; every round drops one constraint, so the loop ends.
      out.dropped.push_back(std::move(d));
    }
    out.upper = FromOrigin(false);
    out.lower = FromOrigin(true);
    for (auto& l : out.lower) l = l == kUnbounded ? -kUnbounded : -l;
    out.bellman_ford_runs += 2;
    return out;
  }

 private:
  Graph Build(bool reversed) const {
    std::vector<std::pair<size_t, size_t>> ends;
    std::vector<EdgeProp> props;
    for (size_t i : order_) {
      if (!active_[i]) continue;
      const auto& c = cs_[i];
      ends.emplace_back(reversed ? c.to : c.from, reversed ? c.from : c.to);
      props.push_back({c.bound, uint32_t(i)});
    }
    if (reversed) {
      // CSR wants edges grouped by source; keep the canonical order within each source.
      std::vector<size_t> idx(ends.size());
      std::iota(idx.begin(), idx.end(), 0);
      std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return ends[a].first < ends[b].first; });
      std::vector<std::pair<size_t, size_t>> e2;
      std::vector<EdgeProp> p2;
      for (size_t k : idx) e2.push_back(ends[k]), p2.push_back(props[k]);
      ends.swap(e2);
      props.swap(p2);
    }
    return Graph(boost::edges_are_sorted, ends.begin(), ends.end(), props.begin(), n_);
  }

  // Bellman-Ford with every distance starting at 0 (a virtual source joined to every point by a
  // zero edge), so that cycles nobody reaches from the origin are found too. Returns the
  // constraints of one negative cycle in path order, or nothing when the network is consistent.
  // Later rounds start from the distances the last one left: any finite start converges to a
  // feasible potential when no negative cycle is left, and most points are already there.
  std::vector<size_t> NegativeCycle() {
    Graph g = Build(false);
    if (potential_.empty()) potential_.assign(n_, 0);
    std::vector<int64_t>& dist = potential_;
    CycleSearch search;
    search.pred.assign(n_, kNoEdge);
    search.check_every = std::max<size_t>(n_, boost::num_edges(g));
    std::vector<size_t> cycle;
    // Any cycle of the predecessor graph is negative: each of its edges was a strict
    // improvement when recorded, and distances only fall afterwards.
    search.check = [&](uint32_t v) {
      cycle = PredecessorCycle(search.pred, v);
      return !cycle.empty();
    };
    try {
      bool ok = boost::bellman_ford_shortest_paths(
          g, n_, boost::get(&EdgeProp::weight, g), boost::dummy_property_map(), dist.data(),
          boost::closed_plus<int64_t>(kUnbounded), std::less<int64_t>(), PredecessorVisitor(&search));
      if (ok) return {};
    } catch (const CycleFound&) {
      return cycle;
    }
    // |V| passes ended with an edge still relaxable. Relax it, then look; if no cycle shows
    // yet, keep relaxing until one does (distances cannot fall for ever along a tree).
    auto& pred = search.pred;
    auto relax = [&](size_t i) {
      const auto& c = cs_[i];
      if (dist[c.from] + c.bound < dist[c.to]) {
        dist[c.to] = dist[c.from] + c.bound;
        pred[c.to] = int64_t(i);
      }
    };
    relax(size_t(search.witness));
    uint32_t start = cs_[size_t(search.witness)].to;
    for (size_t pass = 0; pass <= n_ + 1; ++pass) {
      cycle = PredecessorCycle(pred, start);
      if (!cycle.empty()) return cycle;
      for (size_t i : order_)
        if (active_[i]) relax(i);
    }
    return {};  // unreachable for a finite network; treated as consistent
  }

  // A cycle of the predecessor graph, searched from `first` and then from every vertex in order.
  std::vector<size_t> PredecessorCycle(const std::vector<int64_t>& pred, uint32_t first) const {
    std::vector<uint8_t> state(n_, 0);  // 0 unseen, 1 on the current walk, 2 done
    std::vector<uint32_t> walk;
    auto from = [&](uint32_t s) -> std::vector<size_t> {
      walk.clear();
      uint32_t x = s;
      while (state[x] == 0) {
        state[x] = 1;
        walk.push_back(x);
        if (pred[x] == kNoEdge) break;
        x = cs_[size_t(pred[x])].from;
      }
      std::vector<size_t> cycle;
      if (state[x] == 1 && pred[x] != kNoEdge) {
        // x is on the walk: follow the predecessors round to x again.
        uint32_t y = x;
        do {
          cycle.push_back(size_t(pred[y]));
          y = cs_[size_t(pred[y])].from;
        } while (y != x);
        std::reverse(cycle.begin(), cycle.end());
      }
      for (uint32_t v : walk) state[v] = 2;
      return cycle;
    };
    if (auto c = from(first); !c.empty()) return c;
    for (uint32_t v = 0; v < n_; ++v)
      if (state[v] == 0)
        if (auto c = from(v); !c.empty()) return c;
    return {};
  }

  // Shortest paths from the origin: t[v] - t[0] <= d[v] forward; t[0] - t[v] <= d[v] reversed.
  std::vector<int64_t> FromOrigin(bool reversed) const {
    Graph g = Build(reversed);
    std::vector<int64_t> dist(n_, kUnbounded);
    dist[0] = 0;
    boost::bellman_ford_shortest_paths(g, n_, boost::get(&EdgeProp::weight, g),
                                       boost::dummy_property_map(), dist.data(),
                                       boost::closed_plus<int64_t>(kUnbounded), std::less<int64_t>(),
                                       boost::bellman_visitor<>());
    return dist;
  }

  size_t n_;
  const std::vector<TemporalConstraint>& cs_;
  std::vector<size_t> order_;  // indices of usable constraints, canonical order
  std::vector<size_t> rank_;   // index -> position in order_
  std::vector<bool> active_;
  std::vector<int64_t> potential_;  // distances the last consistency run left
};

}  // namespace

// The points other than the origin fall into components joined by constraints that do not touch
// the origin (events joined by relations). A simple cycle passes the origin at most once, so
// every negative cycle lies inside one component and the origin; and once the network is
// consistent, a shortest path from the origin never leaves a component and comes back, since
// that detour is a cycle through the origin, of weight >= 0. So each component is solved with
// the origin alone, its points renumbered in their order (which keeps the canonical order of
// its constraints), and the results put together: the cost of dropping a constraint is that of
// its component, not of the whole network. Components are solved in the order of their
// smallest point; constraints on the origin alone go with the first.
StnResult SolveStn(size_t points, const std::vector<TemporalConstraint>& constraints) {
  if (points <= 1) return Solver(points, constraints).Run();
  DisjointSets sets(points);
  for (const auto& c : constraints)
    if (c.from < points && c.to < points && c.from != 0 && c.to != 0) sets.Union(c.from, c.to);
  // Component of each point, numbered by smallest point; the origin goes with component 0.
  uint32_t count = 0;
  const std::vector<uint32_t> component = sets.Components(1, &count);
  std::vector<std::vector<uint32_t>> members(count);
  for (uint32_t v = 1; v < points; ++v) members[component[v]].push_back(v);
  if (members.size() == 1) return Solver(points, constraints).Run();
  std::vector<std::vector<size_t>> owned(members.size());  // constraint indices, ascending
  for (size_t i = 0; i < constraints.size(); ++i) {
    const auto& c = constraints[i];
    if (c.from >= points || c.to >= points) continue;
    owned[component[c.from != 0 ? c.from : c.to]].push_back(i);
  }
  StnResult out;
  out.lower.assign(points, -kUnbounded);
  out.upper.assign(points, kUnbounded);
  out.lower[0] = out.upper[0] = 0;
  std::vector<uint32_t> local(points, 0);
  std::vector<TemporalConstraint> sub;
  for (size_t k = 0; k < members.size(); ++k) {
    if (owned[k].empty()) continue;
    for (size_t j = 0; j < members[k].size(); ++j) local[members[k][j]] = uint32_t(j + 1);
    sub.clear();
    for (size_t i : owned[k]) {
      TemporalConstraint c = constraints[i];
      c.from = local[c.from], c.to = local[c.to];
      sub.push_back(std::move(c));
    }
    StnResult r = Solver(members[k].size() + 1, sub).Run();
    for (size_t j = 0; j < members[k].size(); ++j) {
      out.lower[members[k][j]] = r.lower[j + 1];
      out.upper[members[k][j]] = r.upper[j + 1];
    }
    for (auto& d : r.dropped) {
      d.constraint = owned[k][d.constraint];
      for (size_t& c : d.cycle) c = owned[k][c];
      out.dropped.push_back(std::move(d));
    }
    out.bellman_ford_runs += r.bellman_ford_runs;
  }
  return out;
}

}  // namespace recon

// ClaimGraph: claims as vertices, and the relations between them as typed, weighted edges.
#ifndef RECON_CLAIM_GRAPH_H_
#define RECON_CLAIM_GRAPH_H_

#include <cstdint>
#include <string>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "recon/timeline.h"

namespace recon {

// One edge. `from` and `to` are claim indices; for kCites `from` relays what `to` reported
// (or `to` is the wire's own claim); for the symmetric relations from < to.
struct ClaimEdge {
  uint32_t from = 0;
  uint32_t to = 0;
  Relation relation = Relation::kSameEvent;
  double weight = 0;      // compatibility or strength, 0..1
  std::string attribute;  // for kContradicts / kCorroborates: which attribute
};

// Owns the graph of one run (as ninja's State owns every node); everything else refers to
// claims by index. Not thread-safe for writing.
class ClaimGraph {
 public:
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                      boost::no_property, ClaimEdge>;

  explicit ClaimGraph(size_t claim_count = 0) : graph_(claim_count) {}

  void AddEdge(const ClaimEdge& e) { boost::add_edge(e.from, e.to, e, graph_); }
  size_t claim_count() const { return boost::num_vertices(graph_); }
  size_t edge_count() const { return boost::num_edges(graph_); }
  const Graph& graph() const { return graph_; }
  // Every edge, sorted by (from, to, relation, attribute): a deterministic order for output.
  std::vector<ClaimEdge> SortedEdges() const;

 private:
  Graph graph_;
};

}  // namespace recon

#endif  // RECON_CLAIM_GRAPH_H_

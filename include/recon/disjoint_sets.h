// DisjointSets: union-find whose root is always a set's smallest element, so that components
// come out numbered in the order of their smallest element, as a depth-first search over the
// elements in index order would number them. Used to cluster claims and to split the temporal
// network into independent parts.
#ifndef RECON_DISJOINT_SETS_H_
#define RECON_DISJOINT_SETS_H_

#include <cstdint>
#include <numeric>
#include <vector>

namespace recon {

class DisjointSets {
 public:
  explicit DisjointSets(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }

  uint32_t Find(uint32_t v) {
    while (parent_[v] != v) v = parent_[v] = parent_[parent_[v]];  // path halving
    return v;
  }
  // Joins the sets of a and b; the smaller root wins.
  void Union(uint32_t a, uint32_t b) {
    uint32_t ra = Find(a), rb = Find(b);
    if (ra < rb) parent_[rb] = ra;
    else if (rb < ra) parent_[ra] = rb;
  }
  // The component number of every element from `first` on (0 below it), numbered by smallest
  // element; `*count` is the number of components among those elements.
  std::vector<uint32_t> Components(uint32_t first, uint32_t* count) {
    std::vector<uint32_t> component(parent_.size(), 0);
    uint32_t next = 0;
    for (uint32_t v = first; v < parent_.size(); ++v) {
      uint32_t r = Find(v);
      component[v] = r == v ? next++ : component[r];
    }
    *count = next;
    return component;
  }

 private:
  std::vector<uint32_t> parent_;
};

}  // namespace recon

#endif  // RECON_DISJOINT_SETS_H_

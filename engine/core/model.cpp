// Names of the data model's enums, as they appear in output and rule packs.
#include "recon/claim.h"
#include "recon/claim_graph.h"
#include "recon/timeline.h"

#include <algorithm>
#include <stdexcept>
#include <tuple>

namespace recon {

namespace {
constexpr std::string_view kEntityTypes[] = {"person", "organization", "place", "unit", "other"};
constexpr std::string_view kModalities[] = {"asserted", "reported", "hedged",  "denied",
                                            "negated",  "attempted", "ordered", "planned"};
constexpr std::string_view kRelations[] = {"same_event", "corroborates", "contradicts", "cites",
                                           "same_entity"};

template <typename E, size_t N>
std::optional<E> Lookup(const std::string_view (&names)[N], std::string_view s) {
  for (size_t i = 0; i < N; ++i)
    if (names[i] == s) return static_cast<E>(i);
  return std::nullopt;
}
}  // namespace

Attributes::Attributes(std::initializer_list<value_type> items) {
  for (const auto& [name, value] : items)
    if (!count(name)) (*this)[name] = value;
}

Attributes::Attributes(const std::map<std::string, std::string>& items)
    : items_(items.begin(), items.end()) {}

Attributes::const_iterator Attributes::find(std::string_view name) const {
  auto it = std::lower_bound(items_.begin(), items_.end(), name,
                             [](const value_type& a, std::string_view n) { return a.first < n; });
  return it != items_.end() && it->first == name ? it : items_.end();
}

const std::string& Attributes::at(std::string_view name) const {
  auto it = find(name);
  if (it == end()) throw std::out_of_range("no attribute " + std::string(name));
  return it->second;
}

std::string& Attributes::operator[](std::string_view name) {
  auto it = std::lower_bound(items_.begin(), items_.end(), name,
                             [](const value_type& a, std::string_view n) { return a.first < n; });
  if (it == items_.end() || it->first != name) it = items_.emplace(it, std::string(name), "");
  return it->second;
}

std::string_view ToString(EntityType t) { return kEntityTypes[static_cast<int>(t)]; }
std::optional<EntityType> ParseEntityType(std::string_view s) {
  return Lookup<EntityType>(kEntityTypes, s);
}
std::string_view ToString(Modality m) { return kModalities[static_cast<int>(m)]; }
std::optional<Modality> ParseModality(std::string_view s) { return Lookup<Modality>(kModalities, s); }
std::string_view ToString(Relation r) { return kRelations[static_cast<int>(r)]; }
std::string_view ToString(EventStatus s) {
  static constexpr std::string_view kStatuses[] = {"happened", "planned", "refuted"};
  return kStatuses[static_cast<int>(s)];
}

std::vector<ClaimEdge> ClaimGraph::SortedEdges() const {
  std::vector<ClaimEdge> out;
  out.reserve(edge_count());
  for (auto [it, end] = boost::edges(graph_); it != end; ++it) out.push_back(graph_[*it]);
  std::sort(out.begin(), out.end(), [](const ClaimEdge& a, const ClaimEdge& b) {
    return std::tie(a.from, a.to, a.relation, a.attribute) <
           std::tie(b.from, b.to, b.relation, b.attribute);
  });
  return out;
}

}  // namespace recon

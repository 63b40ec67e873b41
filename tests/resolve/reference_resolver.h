// A slow, obviously correct resolver written straight from docs/resolve.md, to check the fast
// one (engine/resolve/resolve.cpp) on generated inputs, as re2 checks its engines against a
// backtracker. Every step is the plainest loop that says the rule: clusters by repeated
// relaxation over all pairs, date groups as the closure of pairwise overlap, votes by scanning
// every claim for every value. Quadratic and worse; use it only on small inputs.
// It decides attributes by the plain weighted vote (resolver.truth_method: vote), which needs
// no iteration; the fast resolver must agree with it exactly under that setting.
#ifndef RECON_TESTS_RESOLVE_REFERENCE_RESOLVER_H_
#define RECON_TESTS_RESOLVE_REFERENCE_RESOLVER_H_

#include <algorithm>
#include <map>
#include <tuple>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "recon/document.h"
#include "recon/link.h"
#include "recon/rules.h"
#include "recon/text_util.h"

namespace recon::reference {

struct RefAttribute {
  std::string value;  // display form, as Event::attributes
  double confidence = 0;
};

struct RefEvent {
  std::vector<std::string> claims;  // sorted claim ids
  DateRange date;
  std::map<std::string, RefAttribute> attributes;
  std::set<std::string> conflicts;  // attributes in conflict ("date" for dates)
};

class ReferenceResolver {
 public:
  ReferenceResolver(const Corpus& corpus, const Linked& linked, const RuleSet& rules)
      : corpus_(corpus), linked_(linked), rules_(rules) {}

  // Events sorted by their claim lists.
  std::vector<RefEvent> Run() {
    std::vector<RefEvent> out;
    for (const auto& component : Components())
      for (const auto& members : Split(component)) {
        if (Thin(members)) continue;
        out.push_back(MakeEvent(members));
      }
    std::sort(out.begin(), out.end(), [](const RefEvent& a, const RefEvent& b) { return a.claims < b.claims; });
    return out;
  }

 private:
  struct Ev {
    double weight = 0, strength = 0;
    std::string line, source;
  };

  const OutletRule* Outlet(const std::string& name) const {
    for (const auto& o : rules_.outlets) {
      if (ToLower(o.name) == ToLower(name) || ToLower(o.id) == ToLower(name)) return &o;
      for (const auto& v : o.variants)
        if (ToLower(v) == ToLower(name)) return &o;
    }
    return nullptr;
  }

  static double ModalityWeight(Modality m) {
    switch (m) {
      case Modality::kAsserted: return 1.0;
      case Modality::kReported: return 0.9;
      case Modality::kHedged: return 0.5;
      case Modality::kAttempted: return 0.8;
      case Modality::kPlanned: return 0.6;
      case Modality::kOrdered: return 0.7;
      case Modality::kDenied: return 0.15;
      case Modality::kNegated: return 0.0;
    }
    return 1.0;
  }

  // docs/resolve.md, "Evidence and independence".
  Ev EvidenceOf(size_t i) const {
    const Claim& c = linked_.claims[i];
    const Document& doc = corpus_.documents[c.doc_index];
    double prior = 0.7;
    if (const OutletRule* o = Outlet(c.source)) prior = o->reliability;
    if (doc.reliability) prior = *doc.reliability;
    Ev e;
    e.source = c.source.empty() ? doc.id : c.source;
    e.line = e.source;
    double m = c.confidence * ModalityWeight(c.modality);
    e.strength = m;
    for (size_t k = 1; k < c.attributed_to.size(); ++k) {
      const OutletRule* o = Outlet(c.attributed_to[k]);
      if (!o) continue;
      if (o != Outlet(e.source)) {
        e.line = o->name;
        prior = std::max(prior * rules_.resolver.copy_penalty, 0.05);
        e.strength = m * rules_.resolver.copy_penalty;
      }
      break;
    }
    e.weight = prior * m;
    return e;
  }

  bool Dated(size_t i) const { return linked_.claims[i].date.bounded() && !linked_.claims[i].date.vague; }

  // Connected components of same-event edges: relax labels over every edge until nothing moves.
  std::vector<std::vector<size_t>> Components() const {
    size_t n = linked_.claims.size();
    std::vector<size_t> label(n);
    for (size_t i = 0; i < n; ++i) label[i] = i;
    std::vector<ClaimEdge> edges = linked_.graph.SortedEdges();
    for (bool moved = true; moved;) {
      moved = false;
      for (const auto& e : edges) {
        if (e.relation != Relation::kSameEvent) continue;
        size_t m = std::min(label[e.from], label[e.to]);
        if (label[e.from] != m || label[e.to] != m) label[e.from] = label[e.to] = m, moved = true;
      }
    }
    std::map<size_t, std::vector<size_t>> by;
    for (size_t i = 0; i < n; ++i) by[label[i]].push_back(i);
    std::vector<std::vector<size_t>> out;
    for (auto& [l, v] : by) out.push_back(v);
    return out;
  }

  struct Group {
    std::vector<size_t> members;  // sorted by (start, end, index)
    Date start, end;
    std::set<std::string> lines;
  };

  // Date groups: dated claims joined when their intervals overlap, closed transitively.
  std::vector<Group> Groups(const std::vector<size_t>& members) const {
    std::vector<size_t> dated;
    for (size_t i : members)
      if (Dated(i)) dated.push_back(i);
    std::map<size_t, size_t> label;
    for (size_t i : dated) label[i] = i;
    for (bool moved = true; moved;) {
      moved = false;
      for (size_t a : dated)
        for (size_t b : dated)
          if (label[a] != label[b] && linked_.claims[a].date.Overlaps(linked_.claims[b].date)) {
            label[a] = label[b] = std::min(label[a], label[b]);
            moved = true;
          }
    }
    std::map<size_t, Group> by;
    for (size_t i : dated) by[label[i]].members.push_back(i);
    std::vector<Group> out;
    for (auto& [l, g] : by) {
      std::sort(g.members.begin(), g.members.end(), [&](size_t a, size_t b) {
        const auto& x = linked_.claims[a].date;
        const auto& y = linked_.claims[b].date;
        if (x.start != y.start) return x.start < y.start;
        if (x.end != y.end) return x.end < y.end;
        return a < b;
      });
      g.start = linked_.claims[g.members.front()].date.start;
      g.end = g.start;
      for (size_t i : g.members) {
        g.end = std::max(g.end, linked_.claims[i].date.end);
        g.lines.insert(EvidenceOf(i).line);
      }
      out.push_back(g);
    }
    std::sort(out.begin(), out.end(), [&](const Group& a, const Group& b) {
      const auto& x = linked_.claims[a.members.front()].date;
      const auto& y = linked_.claims[b.members.front()].date;
      if (x.start != y.start) return x.start < y.start;
      if (x.end != y.end) return x.end < y.end;
      return a.members.front() < b.members.front();
    });
    return out;
  }

  // docs/resolve.md, "Clusters", step 2.
  std::vector<std::vector<size_t>> Split(const std::vector<size_t>& component) const {
    std::vector<Group> groups = Groups(component);
    if (groups.empty()) return {component};
    std::vector<Group> strong, weak;
    if (groups.size() == 1) {
      strong = groups;
    } else {
      for (const auto& g : groups) (g.lines.size() >= 2 ? strong : weak).push_back(g);
      if (strong.empty()) strong.push_back(weak.front()), weak.erase(weak.begin());
    }
    for (const auto& w : weak) {
      size_t best = 0;
      for (size_t s = 1; s < strong.size(); ++s)
        if (std::labs((w.start - strong[s].start).days()) < std::labs((w.start - strong[best].start).days())) best = s;
      strong[best].members.insert(strong[best].members.end(), w.members.begin(), w.members.end());
    }
    std::set<size_t> grouped;
    for (const auto& g : groups) grouped.insert(g.members.begin(), g.members.end());
    for (size_t i : component) {
      if (grouped.count(i)) continue;
      const auto& pub = corpus_.documents[linked_.claims[i].doc_index].published;
      size_t target = 0;
      for (size_t s = 0; s < strong.size(); ++s)
        if (pub && strong[s].start <= *pub) target = s;
      strong[target].members.push_back(i);
    }
    std::vector<std::vector<size_t>> out;
    for (auto& g : strong) {
      std::sort(g.members.begin(), g.members.end());
      out.push_back(g.members);
    }
    return out;
  }

  // docs/resolve.md, "Clusters", step 3.
  bool Thin(const std::vector<size_t>& members) const {
    for (size_t i : members) {
      if (linked_.claims[i].date.known()) return false;
      for (const auto& p : linked_.claims[i].participants)
        if (p.role == "subject" && !p.entity.empty()) return false;
    }
    return true;
  }

  bool Within(std::string inner, const std::string& outer) const {
    for (int hops = 0; hops < 8; ++hops) {
      const EntityRule* up = nullptr;
      for (const auto& e : rules_.entities)
        if (e.id == inner && e.attributes.count("within")) up = &e;
      if (!up) return false;
      inner = up->attributes.at("within");
      if (inner == outer) return true;
    }
    return false;
  }

  bool Compatible(const std::string& attribute, const std::string& a, const std::string& b) const {
    if (a == b) return true;
    if (attribute == "place") return Within(a, b) || Within(b, a);
    auto number = [](const std::string& v) -> std::optional<long> {
      if (v.empty() || v.size() > 12 || !IsAsciiDigit(v[0])) return std::nullopt;
      return std::stol(v);
    };
    auto na = number(a), nb = number(b);
    if (!na || !nb) return false;
    if (a.back() == '+' && *nb >= *na) return true;
    if (b.back() == '+' && *na >= *nb) return true;
    return std::labs(*na - *nb) <= rules_.resolver.count_tolerance * std::max(*na, *nb);
  }

  std::string Display(const std::string& attribute, const std::string& value) const {
    if (attribute == "rank")
      for (const auto& r : rules_.ranks)
        if (r.id == value) return r.names.front();
    if (attribute == "place")
      for (const auto& e : linked_.entities)
        if (e.id == value) return e.name;
    return value;
  }

  // The plain weighted vote: each line's strongest claim for a value, summed, over the total.
  // `votes` holds (line, value, weight) for one attribute of one event.
  static std::map<std::string, double> Vote(const std::vector<std::tuple<std::string, std::string, double>>& votes) {
    std::map<std::string, std::map<std::string, double>> best;  // value -> line -> weight
    for (const auto& [line, value, w] : votes) best[value][line] = std::max(best[value][line], w);
    double total = 0;
    std::map<std::string, double> p;
    for (const auto& [value, lines] : best)
      for (const auto& [line, w] : lines) p[value] += w, total += w;
    for (auto& [value, x] : p) x = total > 0 ? x / total : 0;
    return p;
  }

  RefEvent MakeEvent(const std::vector<size_t>& members) const {
    RefEvent ev;
    for (size_t i : members) ev.claims.push_back(linked_.claims[i].id);
    std::sort(ev.claims.begin(), ev.claims.end());
    // The first report: earliest publication of a member that is not a plan.
    std::optional<Date> first, any;
    for (size_t i : members) {
      const auto& p = corpus_.documents[linked_.claims[i].doc_index].published;
      if (!p) continue;
      if (!any || *p < *any) any = p;
      if (linked_.claims[i].modality != Modality::kPlanned && (!first || *p < *first)) first = p;
    }
    if (!first) first = any;
    // Date: candidate groups start on or before the first report.
    std::vector<Group> candidates;
    for (const auto& g : Groups(members))
      if (!first || g.start <= *first) candidates.push_back(g);
    if (candidates.empty()) {
      if (any) {
        ev.date.end = *any;
        ev.date.qualifier = Qualifier::kBefore;
      }
    } else {
      std::vector<std::tuple<std::string, std::string, double>> votes;
      for (size_t k = 0; k < candidates.size(); ++k)
        for (size_t i : candidates[k].members) {
          Ev e = EvidenceOf(i);
          if (e.strength > 0) votes.emplace_back(e.line, std::to_string(k), std::min(1.0, e.weight));
        }
      auto p = Vote(votes);
      auto P = [&](size_t k) { return p.count(std::to_string(k)) ? p[std::to_string(k)] : 0.0; };
      size_t best = 0, most_lines = 0;
      for (size_t k = 0; k < candidates.size(); ++k) {
        if (P(k) > P(best) + 1e-12) best = k;
        most_lines = std::max(most_lines, candidates[k].lines.size());
      }
      if (most_lines < 2 && candidates.size() > 1 && first) {
        long best_gap = -1;
        for (size_t k = 0; k < candidates.size(); ++k) {
          if (candidates[k].start > *first) continue;
          long gap = candidates[k].end > *first ? 0 : (*first - candidates[k].end).days();
          if (best_gap < 0 || gap < best_gap) best_gap = gap, best = k;
        }
      }
      // The date: the running intersection, narrowed by each member (in start order) that
      // overlaps it.
      DateRange tight;
      for (size_t i : candidates[best].members) {
        const DateRange& d = linked_.claims[i].date;
        if (i == candidates[best].members.front()) {
          tight = d;
        } else if (tight.Overlaps(d)) {
          tight = DateRange::Between(std::max(tight.start, d.start), std::min(tight.end, d.end),
                                     std::min(tight.granularity, d.granularity));
        }
      }
      ev.date = tight;
      for (size_t k = 0; k < candidates.size(); ++k) {
        const Group& g = candidates[k];
        const Group& c = candidates[best];
        long gap = g.end < c.start ? (c.start - g.end).days() : g.start > c.end ? (g.start - c.end).days() : 0;
        // Apart by more than a month, or two whole months or years that do not overlap.
        bool disjoint = g.end < c.start || g.start > c.end;
        const Granularity gg = linked_.claims[g.members.front()].date.granularity;
        const Granularity cg = linked_.claims[c.members.front()].date.granularity;
        bool coarse = gg >= Granularity::kMonth && cg >= Granularity::kMonth && gg != Granularity::kUnknown &&
                      cg != Granularity::kUnknown;
        if (k != best && disjoint && (gap > 31 || coarse)) ev.conflicts.insert("date");
      }
    }
    // Attributes.
    std::set<std::string> names;
    for (size_t i : members)
      for (const auto& [k, v] : linked_.claims[i].attributes) names.insert(k);
    for (const auto& name : names) {
      std::vector<std::tuple<std::string, std::string, double>> votes;
      std::map<std::string, std::set<std::string>> lines;  // value -> lines
      std::map<std::string, std::set<uint32_t>> documents;  // value -> documents
      for (size_t i : members) {
        auto it = linked_.claims[i].attributes.find(name);
        if (it == linked_.claims[i].attributes.end()) continue;
        Ev e = EvidenceOf(i);
        if (e.strength <= 0) continue;
        votes.emplace_back(e.line, it->second, std::min(1.0, e.weight));
        lines[it->second].insert(e.line);
        documents[it->second].insert(linked_.claims[i].doc_index);
      }
      if (votes.empty()) continue;
      auto p = Vote(votes);
      std::string chosen;
      double chosen_support = -1;
      for (const auto& [v, pv] : p) {
        double support = pv;
        for (const auto& [o, po] : p)
          if (o != v && Compatible(name, v, o)) support += po;
        support = std::min(1.0, support);
        bool better = chosen.empty() || support > chosen_support ||
                      (support == chosen_support && (pv > p[chosen] || (pv == p[chosen] && Display(name, v) < Display(name, chosen))));
        if (better) chosen = v, chosen_support = support;
      }
      ev.attributes[name] = {Display(name, chosen), chosen_support};
      std::vector<std::string> against;
      for (const auto& [v, pv] : p)
        if (!Compatible(name, chosen, v) &&
            !std::includes(documents[chosen].begin(), documents[chosen].end(), documents[v].begin(), documents[v].end()))
          against.push_back(v);  // a value told only in the chosen value's own documents is no dispute
      if (name == "place") {
        if (lines[chosen].size() < 2) against.clear();
        against.erase(std::remove_if(against.begin(), against.end(),
                                     [&](const std::string& v) { return lines[v].size() < 2; }),
                      against.end());
      }
      if (!against.empty()) ev.conflicts.insert(name);
    }
    return ev;
  }

  const Corpus& corpus_;
  const Linked& linked_;
  const RuleSet& rules_;
};

}  // namespace recon::reference

#endif  // RECON_TESTS_RESOLVE_REFERENCE_RESOLVER_H_

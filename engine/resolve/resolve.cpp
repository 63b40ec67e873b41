// Resolve stage: claims -> events. Clusters are connected components of same-event edges
// (see docs/resolve.md), split where dates disagree between well-supported groups; then each
// attribute is decided by weighted evidence in which a relayed claim counts once, and what
// remains in dispute becomes a conflict.
#include "recon/resolve.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>

#include <boost/graph/connected_components.hpp>
#include <boost/graph/filtered_graph.hpp>

#include "recon/text_util.h"

namespace recon {

namespace {

double ModalityWeight(Modality m) {
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

// What a claim is worth as evidence, and which independent line of evidence it belongs to:
// a claim relayed from a cited outlet shares that outlet's line, so relays count once.
struct Evidence {
  double weight = 0;
  std::string line;    // the independent source this evidence comes from
  std::string source;  // the outlet that published it
};

// A run of claims whose dates overlap, inside one cluster: the unit both event splitting and
// date voting work on.
struct DateGroup {
  std::vector<uint32_t> members;        // claim indices, in (start, end, index) order
  DateRange range;                      // the first member's date, end stretched to the furthest end
  DateRange tight;                      // the narrowest interval every member allows
  std::map<std::string, double> lines;  // independent line -> its strongest claim's weight
  std::vector<std::string> claims;      // claim ids, in member order
  std::set<std::string> sources;        // outlets
};

class Resolver {
 public:
  Resolver(const Corpus& corpus, const Linked& linked, const RuleSet& rules)
      : corpus_(corpus), linked_(linked), rules_(rules) {
    for (const auto& e : linked.entities) entities_[e.id] = &e;
    for (const auto& c : linked.candidates) candidates_.emplace(c.claim, &c);
    for (const auto& o : rules.outlets) {
      outlets_[ToLower(o.name)] = &o;
      outlets_[ToLower(o.id)] = &o;
      for (const auto& v : o.variants) outlets_[ToLower(v)] = &o;
    }
    evidence_.reserve(linked.claims.size());
    for (const auto& c : linked.claims) evidence_.push_back(ComputeEvidence(c));
    for (const auto& e : rules.entities)
      if (auto it = e.attributes.find("within"); it != e.attributes.end()) within_[e.id] = it->second;
  }

  Timeline Run();

 private:
  Evidence ComputeEvidence(const Claim& c) const;
  // `c` must be one of linked_.claims: its evidence was computed once, at construction.
  const Evidence& EvidenceOf(const Claim& c) const { return evidence_[&c - linked_.claims.data()]; }
  const OutletRule* Outlet(const std::string& name) const;
  std::vector<std::vector<uint32_t>> Clusters() const;
  std::vector<DateGroup> GroupDates(const std::vector<uint32_t>& members) const;
  std::vector<std::vector<uint32_t>> SplitByDate(const std::vector<uint32_t>& cluster) const;
  Event MakeEvent(const std::vector<uint32_t>& members, std::vector<Conflict>* conflicts) const;
  void DecideDate(const std::vector<uint32_t>& members, Event* ev, std::vector<Conflict>* conflicts) const;
  void DecideAttribute(const std::string& name, const std::vector<uint32_t>& members, Event* ev,
                       std::vector<Conflict>* conflicts) const;
  std::string Display(const std::string& attribute, const std::string& value) const;
  bool Compatible(const std::string& attribute, const std::string& a, const std::string& b) const;
  // True when place `inner` lies inside place `outer` by the gazetteer's `within` chain.
  bool Within(const std::string& inner, const std::string& outer) const {
    std::string at = inner;
    for (int hops = 0; hops < 8; ++hops) {
      auto it = within_.find(at);
      if (it == within_.end()) return false;
      if (it->second == outer) return true;
      at = it->second;
    }
    return false;
  }

  const Corpus& corpus_;
  const Linked& linked_;
  const RuleSet& rules_;
  std::map<std::string, const Entity*> entities_;
  std::map<std::string, std::string> within_;  // place id -> the place containing it
  std::multimap<std::string, const CandidateLink*> candidates_;  // by claim id
  std::unordered_map<std::string, const OutletRule*> outlets_;    // lower-case name -> outlet
  std::vector<Evidence> evidence_;                                // per claim
};

const OutletRule* Resolver::Outlet(const std::string& name) const {
  auto it = outlets_.find(ToLower(name));
  return it == outlets_.end() ? nullptr : it->second;
}

Evidence Resolver::ComputeEvidence(const Claim& c) const {
  const Document& doc = corpus_.documents[c.doc_index];
  double prior = 0.7;
  if (const OutletRule* o = Outlet(c.source)) prior = o->reliability;
  if (doc.reliability) prior = *doc.reliability;
  Evidence e;
  e.source = c.source.empty() ? doc.id : c.source;
  e.line = e.source;
  // Relayed from a wire or another outlet: the evidence is the cited outlet's.
  for (size_t k = 1; k < c.attributed_to.size(); ++k) {
    if (const OutletRule* o = Outlet(c.attributed_to[k])) {
      e.line = o->name;
      prior = std::max(prior * rules_.resolver.copy_penalty, 0.05);
      break;
    }
  }
  e.weight = prior * c.confidence * ModalityWeight(c.modality);
  return e;
}

std::vector<std::vector<uint32_t>> Resolver::Clusters() const {
  using Graph = ClaimGraph::Graph;
  const Graph& g = linked_.graph.graph();
  // filtered_graph needs a default-constructible, assignable predicate.
  struct SameEvent {
    const Graph* g = nullptr;
    bool operator()(const Graph::edge_descriptor& e) const { return (*g)[e].relation == Relation::kSameEvent; }
  };
  boost::filtered_graph<Graph, SameEvent> fg(g, SameEvent{&g});
  std::vector<int> component(boost::num_vertices(g));
  int n = component.empty() ? 0 : boost::connected_components(fg, component.data());
  std::vector<std::vector<uint32_t>> clusters(n);
  for (uint32_t v = 0; v < component.size(); ++v) clusters[component[v]].push_back(v);
  return clusters;
}

// Claims with a bounded, non-vague date, sorted by (start, end, index) and swept: a claim that
// starts after the group's furthest end opens a new group. A vague date ("recently") places no
// claim in a group.
std::vector<DateGroup> Resolver::GroupDates(const std::vector<uint32_t>& members) const {
  std::vector<uint32_t> dated;
  for (uint32_t i : members)
    if (linked_.claims[i].date.bounded() && !linked_.claims[i].date.vague) dated.push_back(i);
  std::sort(dated.begin(), dated.end(), [&](uint32_t a, uint32_t b) {
    const auto& x = linked_.claims[a].date;
    const auto& y = linked_.claims[b].date;
    return std::tie(x.start, x.end, a) < std::tie(y.start, y.end, b);
  });
  std::vector<DateGroup> groups;
  for (uint32_t i : dated) {
    const Claim& c = linked_.claims[i];
    const Evidence& e = EvidenceOf(c);
    if (groups.empty() || c.date.start > groups.back().range.end) {
      groups.push_back({{}, c.date, c.date, {}, {}, {}});
    } else {
      DateGroup& g = groups.back();
      g.range.end = std::max(g.range.end, c.date.end);
      // Narrow to the finer interval when it lies inside the current one.
      if (g.tight.Overlaps(c.date)) {
        Date s = std::max(g.tight.start, c.date.start), t = std::min(g.tight.end, c.date.end);
        if (s <= t) {
          Granularity gran = std::min(g.tight.granularity, c.date.granularity);
          g.tight = DateRange::Between(s, t, gran);
        }
      }
    }
    DateGroup& g = groups.back();
    g.members.push_back(i);
    g.lines[e.line] = std::max(g.lines[e.line], e.weight);
    g.claims.push_back(c.id);
    g.sources.insert(e.source);
  }
  return groups;
}

// Inside one cluster, claims whose dates are disjoint may still be one event misdated by one
// source (a year off) or two events (left the post; arrived in Seoul months later). Groups of
// overlapping dates supported by two or more independent sources stand as events of their own;
// a group with one source joins the nearest group as a date conflict. Undated claims join the
// latest group that began before their article was published.
std::vector<std::vector<uint32_t>> Resolver::SplitByDate(const std::vector<uint32_t>& cluster) const {
  std::vector<DateGroup> groups = GroupDates(cluster);
  if (groups.size() > 1) {
    std::vector<DateGroup> strong;
    std::vector<DateGroup> weak;
    for (auto& g : groups) (g.lines.size() >= 2 ? strong : weak).push_back(std::move(g));
    if (strong.empty()) {
      // No group has two sources: keep the earliest-published majority as one event.
      strong.push_back(std::move(weak.front()));
      weak.erase(weak.begin());
    }
    for (auto& w : weak) {
      DateGroup* best = &strong.front();
      long best_gap = 1L << 40;
      for (auto& s : strong) {
        long gap = std::labs((w.range.start - s.range.start).days());
        if (gap < best_gap) best_gap = gap, best = &s;
      }
      best->members.insert(best->members.end(), w.members.begin(), w.members.end());
    }
    groups = std::move(strong);
  }
  if (groups.empty()) return {cluster};
  std::set<uint32_t> grouped;
  for (const auto& g : groups) grouped.insert(g.members.begin(), g.members.end());
  for (uint32_t i : cluster) {
    if (grouped.count(i)) continue;
    const auto& pub = corpus_.documents[linked_.claims[i].doc_index].published;
    DateGroup* target = &groups.front();
    if (pub)
      for (auto& g : groups)
        if (g.range.start <= *pub) target = &g;
    target->members.push_back(i);
  }
  std::vector<std::vector<uint32_t>> out;
  for (auto& g : groups) {
    std::sort(g.members.begin(), g.members.end());
    out.push_back(std::move(g.members));
  }
  return out;
}

std::string Resolver::Display(const std::string& attribute, const std::string& value) const {
  if (attribute == "rank")
    for (const auto& r : rules_.ranks)
      if (r.id == value) return r.names.front();
  if (attribute == "place")
    if (auto it = entities_.find(value); it != entities_.end()) return it->second->name;
  return value;
}

bool Resolver::Compatible(const std::string& attribute, const std::string& a, const std::string& b) const {
  if (a == b) return true;
  if (attribute == "place") return Within(a, b) || Within(b, a);
  // "at least 5" agrees with 6; a count and its lower bound are not in conflict.
  auto parse = [](const std::string& v, long* n, bool* plus) {
    if (v.empty() || !IsAsciiDigit(v[0])) return false;
    *n = std::stol(v);
    *plus = v.back() == '+';
    return true;
  };
  long na, nb;
  bool pa, pb;
  if (parse(a, &na, &pa) && parse(b, &nb, &pb)) {
    if (pa && nb >= na) return true;
    if (pb && na >= nb) return true;
    double tol = rules_.resolver.count_tolerance * std::max(na, nb);
    return std::labs(na - nb) <= tol;
  }
  return false;
}

void Resolver::DecideAttribute(const std::string& name, const std::vector<uint32_t>& members,
                               Event* ev, std::vector<Conflict>* conflicts) const {
  // value -> (line -> best weight), claims, sources
  struct Tally {
    std::map<std::string, double> lines;
    std::vector<std::string> claims;
    std::set<std::string> sources;
  };
  std::map<std::string, Tally> tally;
  for (uint32_t i : members) {
    const Claim& c = linked_.claims[i];
    auto it = c.attributes.find(name);
    if (it == c.attributes.end()) continue;
    Evidence e = EvidenceOf(c);
    if (e.weight <= 0) continue;
    Tally& t = tally[it->second];
    t.lines[e.line] = std::max(t.lines[e.line], e.weight);
    t.claims.push_back(c.id);
    t.sources.insert(e.source);
  }
  if (tally.empty()) return;
  // Compatible values lend each other support ("5+" and 6) but stay separate values.
  std::vector<ValueEvidence> values;
  double total = 0;
  std::map<std::string, double> raw;
  for (const auto& [v, t] : tally) {
    double w = 0;
    for (const auto& [line, x] : t.lines) w += x;
    raw[v] = w;
    total += w;
  }
  for (const auto& [v, t] : tally) {
    double w = raw[v];
    for (const auto& [o, ow] : raw)
      if (o != v && Compatible(name, v, o)) w += 0.5 * ow;
    ValueEvidence ve;
    ve.value = Display(name, v);
    ve.confidence = total > 0 ? std::min(1.0, w / total) : 0;
    ve.claims = t.claims;
    std::sort(ve.claims.begin(), ve.claims.end());
    ve.sources.assign(t.sources.begin(), t.sources.end());
    values.push_back(std::move(ve));
  }
  std::sort(values.begin(), values.end(), [](const ValueEvidence& a, const ValueEvidence& b) {
    return a.confidence != b.confidence ? a.confidence > b.confidence : a.value < b.value;
  });
  ResolvedAttribute ra;
  ra.name = name;
  ra.value = values.front().value;
  ra.confidence = values.front().confidence;
  ra.alternatives = values;
  ev->attributes.push_back(ra);
  // A conflict: some value incompatible with the chosen one.
  std::string chosen_raw;
  for (const auto& [v, t] : tally)
    if (Display(name, v) == ra.value) chosen_raw = v;
  std::vector<ValueEvidence> disputed{values.front()};
  for (size_t k = 1; k < values.size(); ++k) {
    std::string raw_v;
    for (const auto& [v, t] : tally)
      if (Display(name, v) == values[k].value) raw_v = v;
    if (!Compatible(name, chosen_raw, raw_v)) disputed.push_back(values[k]);
  }
  // Places are noisy in text ("Seoul said" is no place of the event): a place dispute needs
  // independent support on both sides.
  if (name == "place") {
    auto lines = [&](const ValueEvidence& v) {
      for (const auto& [raw_v, t] : tally)
        if (Display(name, raw_v) == v.value) return t.lines.size();
      return size_t(0);
    };
    disputed.erase(std::remove_if(disputed.begin() + 1, disputed.end(),
                                  [&](const ValueEvidence& v) { return lines(v) < 2; }),
                   disputed.end());
    if (disputed.size() >= 2 && lines(disputed.front()) < 2) disputed.resize(1);
  }
  if (disputed.size() < 2) return;
  Conflict cf;
  cf.event = ev->id;
  cf.attribute = name;
  cf.values = disputed;
  double losing = 0;
  for (size_t k = 1; k < disputed.size(); ++k) losing += disputed[k].confidence;
  cf.severity = std::min(1.0, losing / std::max(1e-9, disputed.front().confidence));
  cf.explanation = "sources disagree on " + name + ": ";
  for (size_t k = 0; k < disputed.size(); ++k) {
    if (k) cf.explanation += " vs ";
    cf.explanation += "'" + disputed[k].value + "' (";
    for (size_t s = 0; s < disputed[k].sources.size(); ++s)
      cf.explanation += (s ? ", " : "") + disputed[k].sources[s];
    cf.explanation += ")";
  }
  conflicts->push_back(std::move(cf));
}

void Resolver::DecideDate(const std::vector<uint32_t>& members, Event* ev,
                          std::vector<Conflict>* conflicts) const {
  // Groups of overlapping intervals; the group with the most independent weight wins and its
  // intersection (the tightest interval all its members allow) is the event's date.
  std::vector<DateGroup> groups = GroupDates(members);
  if (groups.empty()) {
    // No claim dates it: it happened before the earliest report of it.
    std::optional<Date> earliest;
    for (uint32_t i : members) {
      const auto& p = corpus_.documents[linked_.claims[i].doc_index].published;
      if (p && (!earliest || *p < *earliest)) earliest = p;
    }
    if (earliest) {
      ev->date.end = *earliest;
      ev->date.qualifier = Qualifier::kBefore;
    }
    return;
  }
  auto weight = [](const DateGroup& g) {
    double w = 0;
    for (const auto& [l, x] : g.lines) w += x;
    return w;
  };
  size_t best = 0;
  for (size_t k = 1; k < groups.size(); ++k)
    if (weight(groups[k]) > weight(groups[best]) + 1e-12) best = k;
  // When no group is corroborated by a second independent line, weight says little: prefer the
  // group that ends nearest before the earliest report, since first reports follow the event
  // closely and later ones date trials, anniversaries and releases.
  size_t most_lines = 0;
  for (const auto& g : groups) most_lines = std::max(most_lines, g.lines.size());
  std::optional<Date> first_report;
  for (uint32_t i : members) {
    const auto& p = corpus_.documents[linked_.claims[i].doc_index].published;
    if (p && (!first_report || *p < *first_report)) first_report = p;
  }
  if (most_lines < 2 && groups.size() > 1 && first_report) {
    long best_gap = -1;
    for (size_t k = 0; k < groups.size(); ++k) {
      if (groups[k].range.start > *first_report) continue;
      long gap = groups[k].range.end > *first_report ? 0 : (*first_report - groups[k].range.end).days();
      if (best_gap < 0 || gap < best_gap) best_gap = gap, best = k;
    }
  }
  ev->date = groups[best].tight;
  // Dates a few days or weeks apart are vagueness or a report's own date, not a dispute:
  // only groups more than a month from the chosen one are in conflict with it.
  {
    std::vector<DateGroup> kept;
    const DateRange& chosen = groups[best].range;
    for (size_t k = 0; k < groups.size(); ++k) {
      const DateRange& r = groups[k].range;
      long gap = r.end < chosen.start ? (chosen.start - r.end).days()
                                      : r.start > chosen.end ? (r.start - chosen.end).days() : 0;
      if (k == best || gap > 31) kept.push_back(groups[k]);
    }
    groups = std::move(kept);
  }
  if (groups.size() < 2) return;
  double total = 0;
  for (const auto& g : groups) total += weight(g);
  Conflict cf;
  cf.event = ev->id;
  cf.attribute = "date";
  std::vector<size_t> order(groups.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const DateRange& chosen = ev->date;
    bool ca = groups[a].tight == chosen, cb = groups[b].tight == chosen;
    if (ca != cb) return ca;
    return weight(groups[a]) > weight(groups[b]);
  });
  for (size_t k : order) {
    ValueEvidence ve;
    ve.value = Describe(groups[k].tight);
    ve.confidence = total > 0 ? weight(groups[k]) / total : 0;
    ve.claims = groups[k].claims;
    std::sort(ve.claims.begin(), ve.claims.end());
    ve.sources.assign(groups[k].sources.begin(), groups[k].sources.end());
    cf.values.push_back(std::move(ve));
  }
  cf.severity = std::min(1.0, (1 - cf.values.front().confidence) / std::max(1e-9, cf.values.front().confidence));
  cf.explanation = "sources date it differently: ";
  for (size_t k = 0; k < cf.values.size(); ++k) {
    cf.explanation += (k ? " vs " : "") + cf.values[k].value + " (";
    for (size_t s = 0; s < cf.values[k].sources.size(); ++s)
      cf.explanation += (s ? ", " : "") + cf.values[k].sources[s];
    cf.explanation += ")";
  }
  conflicts->push_back(std::move(cf));
}

Event Resolver::MakeEvent(const std::vector<uint32_t>& members, std::vector<Conflict>* conflicts) const {
  Event ev;
  const Claim& first = linked_.claims[members.front()];
  ev.type = first.type;
  std::set<std::string> sources;
  std::map<std::string, double> lines;
  std::map<std::pair<std::string, std::string>, std::pair<std::string, int>> participants;
  for (uint32_t i : members) {
    const Claim& c = linked_.claims[i];
    ev.claims.push_back(c.id);
    Evidence e = EvidenceOf(c);
    sources.insert(e.source);
    lines[e.line] = std::max(lines[e.line], e.weight);
    for (const auto& p : c.participants) {
      if (p.entity.empty()) continue;
      auto& slot = participants[{p.role, p.entity}];
      slot.second++;
      if (slot.first.empty()) {
        auto it = entities_.find(p.entity);
        slot.first = it != entities_.end() ? it->second->name : p.name;
      }
    }
  }
  std::sort(ev.claims.begin(), ev.claims.end());
  ev.sources.assign(sources.begin(), sources.end());
  // Independent lines of evidence combine as a noisy-or.
  double miss = 1;
  for (const auto& [l, w] : lines) miss *= 1 - std::min(0.95, w);
  ev.confidence = std::round((1 - miss) * 10000) / 10000;
  std::set<std::string> subjects;
  for (const auto& [key, val] : participants)
    if (key.first == "subject") subjects.insert(key.second);
  for (const auto& [key, val] : participants) {
    if (key.first != "subject" && subjects.count(key.second)) continue;
    if (key.first == "mentioned" && val.second * 2 < int(members.size())) continue;
    double conf = std::min(1.0, double(val.second) / members.size());
    ev.participants.push_back({key.first, key.second, val.first, std::round(conf * 10000) / 10000});
  }
  std::stable_sort(ev.participants.begin(), ev.participants.end(),
                   [](const EventParticipant& a, const EventParticipant& b) {
                     return (a.role == "subject") > (b.role == "subject");
                   });
  // Unnamed subjects, with the named people they may be.
  for (uint32_t i : members) {
    auto range = candidates_.equal_range(linked_.claims[i].id);
    for (auto it = range.first; it != range.second; ++it) {
    const CandidateLink& cand = *it->second;
    if (subjects.count(cand.entity)) continue;
    auto ent = entities_.find(cand.entity);
    ev.participants.push_back({"candidate", cand.entity, ent != entities_.end() ? ent->second->name : cand.entity,
                               cand.confidence});
    }
  }
  DecideDate(members, &ev, conflicts);
  std::set<std::string> attribute_names;
  for (uint32_t i : members)
    for (const auto& [k, v] : linked_.claims[i].attributes) attribute_names.insert(k);
  for (const auto& name : attribute_names) DecideAttribute(name, members, &ev, conflicts);
  // Label: "Defection of Thae Yong-ho (minister), London".
  const EventTypeRule* et = rules_.FindEventType(ev.type);
  ev.label = et ? et->label : ev.type;
  std::string who;
  for (const auto& p : ev.participants)
    if (p.role == "subject") {
      who = p.name;
      break;
    }
  if (who.empty())
    for (uint32_t i : members)
      for (const auto& p : linked_.claims[i].participants)
        if (p.role == "subject" && !p.descriptor.empty() && who.empty()) who = "unnamed " + p.descriptor;
  if (!who.empty()) ev.label += ": " + who;
  for (const auto& a : ev.attributes)
    if (a.name == "rank") ev.label += " (" + a.value + ")";
  for (const auto& a : ev.attributes)
    if (a.name == "place") ev.label += ", " + a.value;
  return ev;
}

Timeline Resolver::Run() {
  Timeline t;
  t.entities = linked_.entities;
  std::vector<std::pair<Event, std::vector<Conflict>>> made;
  for (const auto& cluster : Clusters()) {
    for (const auto& members : SplitByDate(cluster)) {
      // A lone claim with neither a named subject nor a date is too thin to be an event.
      bool named = false, dated = false;
      for (uint32_t i : members) {
        for (const auto& p : linked_.claims[i].participants)
          named = named || (p.role == "subject" && !p.entity.empty());
        dated = dated || linked_.claims[i].date.known();
      }
      if (!named && !dated) continue;
      std::vector<Conflict> conflicts;
      Event ev = MakeEvent(members, &conflicts);
      made.emplace_back(std::move(ev), std::move(conflicts));
    }
  }
  // Timeline order: by date, undated last; ties by type, label, first claim.
  std::sort(made.begin(), made.end(), [](const auto& x, const auto& y) {
    const Event& a = x.first;
    const Event& b = y.first;
    bool ua = a.date.start.is_special(), ub = b.date.start.is_special();
    if (ua != ub) return ub;
    if (!ua && a.date.start != b.date.start) return a.date.start < b.date.start;
    bool ea = a.date.end.is_special(), eb = b.date.end.is_special();
    if (ea != eb) return eb;
    if (!ea && a.date.end != b.date.end) return a.date.end < b.date.end;
    return std::tie(a.type, a.label, a.claims.front()) < std::tie(b.type, b.label, b.claims.front());
  });
  for (size_t i = 0; i < made.size(); ++i) {
    Event& ev = made[i].first;
    ev.id = "E" + std::to_string(i + 1);
    for (auto& cf : made[i].second) {
      cf.id = "C" + std::to_string(t.conflicts.size() + 1);
      cf.event = ev.id;
      ev.conflicts.push_back(cf.id);
      t.conflicts.push_back(std::move(cf));
    }
    t.events.push_back(std::move(ev));
  }
  // Links for the report: the graph's edges, plus corroborates/contradicts per attribute.
  for (const auto& e : linked_.graph.SortedEdges())
    t.links.push_back({linked_.claims[e.from].id, linked_.claims[e.to].id, e.relation, e.attribute,
                       std::round(e.weight * 10000) / 10000});
  for (const auto& cf : t.conflicts) {
    for (size_t a = 0; a + 1 < cf.values.size(); ++a)
      for (size_t b = a + 1; b < cf.values.size(); ++b)
        if (!cf.values[a].claims.empty() && !cf.values[b].claims.empty())
          t.links.push_back({cf.values[a].claims.front(), cf.values[b].claims.front(),
                             Relation::kContradicts, cf.attribute, 1.0});
  }
  for (const auto& ev : t.events)
    for (const auto& ra : ev.attributes)
      for (const auto& v : ra.alternatives)
        for (size_t k = 1; k < v.claims.size(); ++k)
          t.links.push_back({v.claims.front(), v.claims[k], Relation::kCorroborates, ra.name, 1.0});
  std::sort(t.links.begin(), t.links.end(), [](const Link& a, const Link& b) {
    return std::tie(a.from, a.to, a.relation, a.attribute) < std::tie(b.from, b.to, b.relation, b.attribute);
  });
  return t;
}

}  // namespace

Timeline Resolve(const Corpus& corpus, const Linked& linked, const RuleSet& rules) {
  return Resolver(corpus, linked, rules).Run();
}

}  // namespace recon

// Resolve stage: claims -> events. Clusters are connected components of same-event edges
// (see docs/resolve.md), split where dates disagree between well-supported groups; then every
// attribute of every event (date, rank, count, place, ...) is decided by one truth-discovery
// run over the whole corpus (DiscoverTruth: sources weighted by a reliability learned across
// all events, relayed claims voting once as the outlet they cite), and what remains in dispute
// between incompatible values becomes a conflict.
#include "recon/resolve.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

#include <boost/graph/connected_components.hpp>
#include <boost/graph/filtered_graph.hpp>

#include "recon/temporal.h"
#include "recon/text_util.h"
#include "recon/truth.h"

namespace recon {

namespace {

// The truth-discovery attribute under which a claim's date group votes; '@' keeps it apart
// from every attribute name a rule pack can give.
constexpr char kDateAttribute[] = "@date";

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

double Round4(double x) { return std::round(x * 10000) / 10000; }

// What a claim is worth as evidence, and which independent line of evidence it belongs to:
// a claim relayed from a cited outlet shares that outlet's line, so relays count once.
struct Evidence {
  double weight = 0;    // prior x strength: what the claim weighs before reliability is learned
  double strength = 0;  // extraction confidence x modality (x copy penalty when relayed)
  double prior = 0;     // the publishing source's prior reliability
  std::string line;     // the independent source this evidence comes from
  std::string source;   // the outlet that published it
  bool relayed() const { return line != source; }
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

// One event before its attributes are decided.
struct Draft {
  std::vector<uint32_t> members;   // claim indices, ascending
  std::vector<DateGroup> dates;    // GroupDates(members)
  std::vector<bool> may_date;      // per date group: may be the event's date (see DateCandidates)
  std::optional<Date> first_report;  // earliest publication of a member that is not a plan
  std::string object;              // the truth-discovery object id
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
    for (const auto& e : rules.entities)
      if (auto it = e.attributes.find("within"); it != e.attributes.end()) within_[e.id] = it->second;
    for (const auto& t : rules.triggers)
      if (t.corroborates_only) followers_.insert(t.id);
    evidence_.reserve(linked.claims.size());
    for (const auto& c : linked.claims) evidence_.push_back(ComputeEvidence(c));
    // Priors by source name: a cited wire has its rule's prior; a publishing source the largest
    // prior any of its documents gives it (the maximum does not depend on document order).
    for (const auto& e : evidence_) {
      if (e.relayed())
        if (const OutletRule* o = Outlet(e.line)) priors_.emplace(e.line, o->reliability);
      double& p = priors_[e.source];
      p = std::max(p, e.prior);
    }
    if (!ParseTruthMethod(rules.resolver.truth_method, &method_)) method_ = TruthMethod::kAccu;
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
  Draft MakeDraft(std::vector<uint32_t> members, size_t index) const;
  // The claims of every event as one truth-discovery problem; `owner` maps each back to its claim.
  std::vector<TruthClaim> TruthClaims(const std::vector<Draft>& drafts, std::vector<uint32_t>* owner) const;
  Event MakeEvent(const Draft& d, std::vector<Conflict>* conflicts) const;
  void DecideDate(const Draft& d, Event* ev, std::vector<Conflict>* conflicts) const;
  void DecideAttribute(const std::string& name, const TruthDecision& decision, Event* ev,
                       std::vector<Conflict>* conflicts) const;
  const TruthDecision* Decision(const std::string& object, const std::string& attribute) const {
    auto it = decisions_.find({object, attribute});
    return it == decisions_.end() ? nullptr : it->second;
  }
  // The learned reliability of a line of evidence, or its prior when it made no voting claim.
  double Reliability(const std::string& line) const;
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
  TruthMethod method_ = TruthMethod::kAccu;
  std::map<std::string, const Entity*> entities_;
  std::map<std::string, std::string> within_;  // place id -> the place containing it
  std::set<std::string> followers_;             // rule ids of corroborates_only triggers
  std::multimap<std::string, const CandidateLink*> candidates_;  // by claim id
  std::unordered_map<std::string, const OutletRule*> outlets_;    // lower-case name -> outlet
  std::vector<Evidence> evidence_;                                // per claim
  std::map<std::string, double> priors_;                          // source -> prior reliability
  // Filled by Run() before events are made.
  std::vector<TruthClaim> truth_claims_;
  std::vector<uint32_t> truth_owner_;  // truth claim -> claim index
  TruthResult truth_;
  std::map<std::pair<std::string, std::string>, const TruthDecision*> decisions_;
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
  e.prior = prior;
  e.strength = c.confidence * ModalityWeight(c.modality);
  // Relayed from a wire or another outlet: the evidence is the cited outlet's.
  for (size_t k = 1; k < c.attributed_to.size(); ++k) {
    if (const OutletRule* o = Outlet(c.attributed_to[k])) {
      if (o == Outlet(e.source)) break;  // an outlet citing itself relays nothing
      e.line = o->name;
      prior = std::max(prior * rules_.resolver.copy_penalty, 0.05);
      e.strength *= rules_.resolver.copy_penalty;
      break;
    }
  }
  e.weight = prior * c.confidence * ModalityWeight(c.modality);
  return e;
}

double Resolver::Reliability(const std::string& line) const {
  if (auto it = truth_.reliability.find(line); it != truth_.reliability.end()) return it->second;
  if (auto it = priors_.find(line); it != priors_.end()) return it->second;
  return 0.7;
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
  // A generic claim ("a series of purges") tells of no one event: it joins none.
  for (uint32_t v = 0; v < component.size(); ++v)
    if (!linked_.claims[v].generic) clusters[component[v]].push_back(v);
  clusters.erase(std::remove_if(clusters.begin(), clusters.end(), [](const auto& c) { return c.empty(); }),
                 clusters.end());
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
// latest group that began before their article was published; open-ended ones the latest they
// meet.
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
    // An open-ended date ("before November 2018": told in an after-clause) joins the latest
    // group it meets.
    const DateRange& date = linked_.claims[i].date;
    const auto& pub = corpus_.documents[linked_.claims[i].doc_index].published;
    DateGroup* target = &groups.front();
    bool met = false;
    if (date.known())
      for (auto& g : groups)
        if (g.range.Overlaps(date)) target = &g, met = true;
    if (pub && !met)
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


// A date group that starts after the event was first reported is a later development the
// cluster also speaks of (a trial, a release, an anniversary), not a date of the event: it may
// not date the event and is no date conflict. When every group starts after the first report,
// the event is dated as undated ones are: before its first report.
Draft Resolver::MakeDraft(std::vector<uint32_t> members, size_t index) const {
  Draft d;
  d.members = std::move(members);
  d.dates = GroupDates(d.members);
  char key[24];
  std::snprintf(key, sizeof key, "e%08zu", index);
  d.object = key;
  std::optional<Date> any_report;
  for (uint32_t i : d.members) {
    const Claim& c = linked_.claims[i];
    const auto& p = corpus_.documents[c.doc_index].published;
    if (!p) continue;
    if (!any_report || *p < *any_report) any_report = p;
    if (c.modality != Modality::kPlanned && (!d.first_report || *p < *d.first_report)) d.first_report = p;
  }
  if (!d.first_report) d.first_report = any_report;
  for (const auto& g : d.dates) d.may_date.push_back(!d.first_report || g.range.start <= *d.first_report);
  return d;
}

std::string DateKey(const DateGroup& g) { return ToIso(g.range.start) + ".." + ToIso(g.range.end); }

std::vector<TruthClaim> Resolver::TruthClaims(const std::vector<Draft>& drafts,
                                              std::vector<uint32_t>* owner) const {
  std::vector<TruthClaim> out;
  auto add = [&](uint32_t i, const std::string& object, const std::string& attribute,
                 const std::string& value) {
    const Evidence& e = evidence_[i];
    if (e.strength <= 0) return;
    TruthClaim t;
    t.source = e.source;
    t.cites = e.relayed() ? e.line : "";
    t.object = object;
    t.attribute = attribute;
    t.value = value;
    // A plain vote knows no reliability: the prior goes into the weight instead.
    t.weight = std::min(1.0, method_ == TruthMethod::kVote ? e.weight : e.strength);
    out.push_back(std::move(t));
    owner->push_back(i);
  };
  for (const Draft& d : drafts) {
    for (uint32_t i : d.members)
      for (const auto& [name, value] : linked_.claims[i].attributes) add(i, d.object, name, value);
    for (size_t k = 0; k < d.dates.size(); ++k)
      if (d.may_date[k])
        for (uint32_t i : d.dates[k].members) add(i, d.object, kDateAttribute, DateKey(d.dates[k]));
  }
  return out;
}

std::string Resolver::Display(const std::string& attribute, const std::string& value) const {
  if (attribute == "rank")
    for (const auto& r : rules_.ranks)
      if (r.id == value) return r.names.front();
  if (attribute == "place" || attribute == "destination")
    if (auto it = entities_.find(value); it != entities_.end()) return it->second->name;
  return value;
}

bool Resolver::Compatible(const std::string& attribute, const std::string& a, const std::string& b) const {
  if (a == b) return true;
  if (attribute == "place" || attribute == "destination") return Within(a, b) || Within(b, a);
  // "at least 5" agrees with 6; a count and its lower bound are not in conflict.
  auto parse = [](const std::string& v, long* n, bool* plus) {
    if (v.empty() || v.size() > 12 || !IsAsciiDigit(v[0])) return false;
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


// The candidate values of one attribute of one event as truth discovery scored them. Values
// that are compatible (a count and its lower bound; a place and the place containing it) are
// not rivals: a value's confidence is the probability that the truth is compatible with it,
// its own probability plus that of every compatible value. What is incompatible with the
// chosen value is a conflict.
void Resolver::DecideAttribute(const std::string& name, const TruthDecision& decision, Event* ev,
                               std::vector<Conflict>* conflicts) const {
  struct Candidate {
    std::string raw;
    double p = 0;        // the method's probability for this exact value
    double support = 0;  // p plus the compatible values' p
    ValueEvidence evidence;
    std::set<std::string> lines;
  };
  std::vector<Candidate> cands;
  for (const TruthValue& tv : decision.values) {
    Candidate c;
    c.raw = tv.value;
    c.p = tv.confidence;
    std::set<std::string> ids, sources;
    for (size_t t : tv.claims) {
      const Claim& claim = linked_.claims[truth_owner_[t]];
      const Evidence& e = EvidenceOf(claim);
      ids.insert(claim.id);
      sources.insert(e.source);
      c.lines.insert(e.line);
    }
    c.evidence.value = Display(name, tv.value);
    c.evidence.claims.assign(ids.begin(), ids.end());
    c.evidence.sources.assign(sources.begin(), sources.end());
    cands.push_back(std::move(c));
  }
  if (cands.empty()) return;
  for (auto& c : cands) {
    c.support = c.p;
    for (const auto& o : cands)
      if (&o != &c && Compatible(name, c.raw, o.raw)) c.support += o.p;
    c.support = std::min(1.0, c.support);
    c.evidence.confidence = Round4(c.support);
  }
  std::stable_sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    if (a.support != b.support) return a.support > b.support;
    if (a.p != b.p) return a.p > b.p;
    return a.evidence.value < b.evidence.value;
  });
  ResolvedAttribute ra;
  ra.name = name;
  ra.value = cands.front().evidence.value;
  ra.confidence = cands.front().evidence.confidence;
  for (const auto& c : cands) ra.alternatives.push_back(c.evidence);
  ev->attributes.push_back(ra);
  std::vector<const Candidate*> disputed{&cands.front()};
  for (size_t k = 1; k < cands.size(); ++k)
    if (!Compatible(name, cands.front().raw, cands[k].raw)) disputed.push_back(&cands[k]);
  // Places are noisy in text ("Seoul said" is no place of the event): a place dispute needs
  // independent support on both sides.
  if (name == "place" || name == "destination") {
    disputed.erase(std::remove_if(disputed.begin() + 1, disputed.end(),
                                  [](const Candidate* c) { return c->lines.size() < 2; }),
                   disputed.end());
    if (disputed.size() >= 2 && disputed.front()->lines.size() < 2) disputed.resize(1);
  }
  if (disputed.size() < 2) return;
  Conflict cf;
  cf.event = ev->id;
  cf.attribute = name;
  double losing = 0;
  for (size_t k = 0; k < disputed.size(); ++k) {
    // A side's confidence here is its own probability: compatible values are not its allies
    // against the other side.
    ValueEvidence ve = disputed[k]->evidence;
    ve.confidence = Round4(disputed[k]->p);
    if (k) losing += disputed[k]->p;
    cf.values.push_back(std::move(ve));
  }
  cf.severity = Round4(std::min(1.0, losing / std::max(1e-9, disputed.front()->p)));
  cf.explanation = "sources disagree on " + name + ": ";
  for (size_t k = 0; k < cf.values.size(); ++k) {
    if (k) cf.explanation += " vs ";
    cf.explanation += "'" + cf.values[k].value + "' (";
    for (size_t s = 0; s < cf.values[k].sources.size(); ++s)
      cf.explanation += (s ? ", " : "") + cf.values[k].sources[s];
    char p[32];
    std::snprintf(p, sizeof p, "; p=%.2f)", cf.values[k].confidence);
    cf.explanation += p;
  }
  conflicts->push_back(std::move(cf));
}

void Resolver::DecideDate(const Draft& d, Event* ev, std::vector<Conflict>* conflicts) const {
  const std::vector<DateGroup>& groups = d.dates;
  std::vector<size_t> candidates;
  for (size_t k = 0; k < groups.size(); ++k)
    if (d.may_date[k]) candidates.push_back(k);
  if (candidates.empty()) {
    // No claim dates it: it happened before the earliest report of it.
    std::optional<Date> earliest;
    for (uint32_t i : d.members) {
      const auto& p = corpus_.documents[linked_.claims[i].doc_index].published;
      if (p && (!earliest || *p < *earliest)) earliest = p;
    }
    if (earliest) {
      ev->date.end = *earliest;
      ev->date.qualifier = Qualifier::kBefore;
    }
    return;
  }
  // Each candidate group's probability from truth discovery.
  std::vector<double> p(groups.size(), 0);
  if (const TruthDecision* dec = Decision(d.object, kDateAttribute)) {
    std::map<std::string, double> by_key;
    for (const auto& tv : dec->values) by_key[tv.value] = tv.confidence;
    for (size_t k : candidates)
      if (auto it = by_key.find(DateKey(groups[k])); it != by_key.end()) p[k] = it->second;
  }
  size_t best = candidates.front();
  for (size_t k : candidates)
    if (p[k] > p[best] + 1e-12) best = k;
  // When no group is corroborated by a second independent line, its probability says little:
  // prefer the group that ends nearest before the first report, since first reports follow the
  // event closely and later ones date trials, anniversaries and releases.
  size_t most_lines = 0;
  for (size_t k : candidates) most_lines = std::max(most_lines, groups[k].lines.size());
  if (most_lines < 2 && candidates.size() > 1 && d.first_report) {
    long best_gap = -1;
    for (size_t k : candidates) {
      if (groups[k].range.start > *d.first_report) continue;
      long gap = groups[k].range.end > *d.first_report ? 0 : (*d.first_report - groups[k].range.end).days();
      if (best_gap < 0 || gap < best_gap) best_gap = gap, best = k;
    }
  }
  ev->date = groups[best].tight;
  // Dates a few days or weeks apart are vagueness or a report's own date, not a dispute:
  // only groups more than a month from the chosen one are in conflict with it.
  std::vector<size_t> kept{best};
  const DateRange& chosen = groups[best].range;
  for (size_t k : candidates) {
    const DateRange& r = groups[k].range;
    long gap = r.end < chosen.start ? (chosen.start - r.end).days()
                                    : r.start > chosen.end ? (r.start - chosen.end).days() : 0;
    if (k != best && gap > 31) kept.push_back(k);
  }
  if (kept.size() < 2) return;
  std::stable_sort(kept.begin() + 1, kept.end(), [&](size_t a, size_t b) { return p[a] > p[b]; });
  Conflict cf;
  cf.event = ev->id;
  cf.attribute = "date";
  double losing = 0;
  for (size_t j = 0; j < kept.size(); ++j) {
    const DateGroup& g = groups[kept[j]];
    ValueEvidence ve;
    ve.value = Describe(g.tight);
    ve.confidence = Round4(p[kept[j]]);
    ve.claims = g.claims;
    std::sort(ve.claims.begin(), ve.claims.end());
    ve.sources.assign(g.sources.begin(), g.sources.end());
    if (j) losing += p[kept[j]];
    cf.values.push_back(std::move(ve));
  }
  cf.severity = Round4(std::min(1.0, losing / std::max(1e-9, p[best])));
  cf.explanation = "sources date it differently: ";
  for (size_t k = 0; k < cf.values.size(); ++k) {
    cf.explanation += (k ? " vs " : "") + cf.values[k].value + " (";
    for (size_t s = 0; s < cf.values[k].sources.size(); ++s)
      cf.explanation += (s ? ", " : "") + cf.values[k].sources[s];
    char q[32];
    std::snprintf(q, sizeof q, "; p=%.2f)", cf.values[k].confidence);
    cf.explanation += q;
  }
  conflicts->push_back(std::move(cf));
}

Event Resolver::MakeEvent(const Draft& d, std::vector<Conflict>* conflicts) const {
  const std::vector<uint32_t>& members = d.members;
  Event ev;
  const Claim& first = linked_.claims[members.front()];
  ev.type = first.type;
  std::set<std::string> sources;
  std::map<std::string, double> lines, against;  // line -> its strongest support / refutation
  std::map<std::pair<std::string, std::string>, std::pair<std::string, int>> participants;
  for (uint32_t i : members) {
    const Claim& c = linked_.claims[i];
    ev.claims.push_back(c.id);
    const Evidence& e = EvidenceOf(c);
    sources.insert(e.source);
    double w = Reliability(e.line) * e.strength;
    lines[e.line] = std::max(lines[e.line], w);
    if (c.modality == Modality::kNegated)
      against[e.line] = std::max(against[e.line], Reliability(e.line) * c.confidence);
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
  // Independent lines of evidence, each weighted by its learned reliability, combine as a
  // noisy-or; Platt scaling fitted on gold turns that score into a probability.
  // Lines that say it did not happen ("did not defect", "reappeared alive") combine the same
  // way and scale the score down; when they outweigh the support the event is refuted.
  double miss = 1, spared = 1;
  for (const auto& [l, w] : lines) miss *= 1 - std::min(0.95, w);
  for (const auto& [l, w] : against) spared *= 1 - std::min(0.95, w);
  // Told only as intended ("had dreamt of taking power"), it is a plan, not an event.
  bool told = false, planned = false;
  for (uint32_t i : members) {
    Modality m = linked_.claims[i].modality;
    planned = planned || m == Modality::kPlanned;
    told = told || (m != Modality::kPlanned && m != Modality::kNegated && m != Modality::kDenied);
  }
  if (1 - spared > 1 - miss) ev.status = EventStatus::kRefuted;
  else if (planned && !told) ev.status = EventStatus::kPlanned;
  TruthCalibration cal{rules_.resolver.event_calibration_a, rules_.resolver.event_calibration_b};
  ev.confidence = Round4(cal.Apply((1 - miss) * spared));
  std::set<std::string> subjects;
  for (const auto& [key, val] : participants)
    if (key.first == "subject") subjects.insert(key.second);
  for (const auto& [key, val] : participants) {
    if (key.first != "subject" && subjects.count(key.second)) continue;
    if (key.first == "mentioned" && val.second * 2 < int(members.size())) continue;
    double conf = std::min(1.0, double(val.second) / members.size());
    ev.participants.push_back({key.first, key.second, val.first, Round4(conf)});
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
      ev.participants.push_back({"candidate", cand.entity,
                                 ent != entities_.end() ? ent->second->name : cand.entity, cand.confidence});
    }
  }
  DecideDate(d, &ev, conflicts);
  std::set<std::string> attribute_names;
  for (uint32_t i : members)
    for (const auto& [k, v] : linked_.claims[i].attributes) attribute_names.insert(k);
  for (const auto& name : attribute_names)
    if (const TruthDecision* dec = Decision(d.object, name)) DecideAttribute(name, *dec, &ev, conflicts);
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
  if (ev.status != EventStatus::kHappened) ev.label += " (" + std::string(ToString(ev.status)) + ")";
  return ev;
}

Timeline Resolver::Run() {
  Timeline t;
  t.entities = linked_.entities;
  std::vector<Draft> drafts;
  for (const auto& cluster : Clusters()) {
    for (auto& members : SplitByDate(cluster)) {
      // A lone claim with neither a named subject nor a date is too thin to be an event, and
      // so are claims that only ambiguous triggers ("went missing") made.
      bool named = false, dated = false, founded = false;
      for (uint32_t i : members) {
        const Claim& c = linked_.claims[i];
        for (const auto& p : c.participants) named = named || (p.role == "subject" && !p.entity.empty());
        dated = dated || c.date.known();
        founded = founded || !followers_.count(c.rule);
      }
      if ((!named && !dated) || !founded) continue;
      drafts.push_back(MakeDraft(std::move(members), drafts.size()));
    }
  }
  // One truth-discovery run over every event: a source's reliability is learned from all the
  // events it reports on, not from one.
  truth_claims_ = TruthClaims(drafts, &truth_owner_);
  TruthOptions options;
  options.method = method_;
  options.iterations = rules_.resolver.truth_iterations;
  options.priors = priors_;
  options.default_reliability = 0.7;
  // Accu's n: how many wrong values an attribute of an event plausibly has. A rank ladder or a
  // plausible count range is tens of values, not the hundred of a web-scale attribute; with a
  // hundred a lone, well-extracted report of a rank would be believed less than one time in five.
  options.false_values = 10;
  truth_ = DiscoverTruth(truth_claims_, options);
  for (const auto& dec : truth_.decisions) decisions_[{dec.object, dec.attribute}] = &dec;

  std::vector<std::pair<Event, std::vector<Conflict>>> made;
  for (const Draft& d : drafts) {
    std::vector<Conflict> conflicts;
    Event ev = MakeEvent(d, &conflicts);
    made.emplace_back(std::move(ev), std::move(conflicts));
  }
  {
    // Relations between events ("executed four days after his arrest") narrow their dates and
    // flag orders that cannot hold: engine/resolve/event_order.cpp.
    std::vector<Event*> events;
    for (auto& m : made) events.push_back(&m.first);
    for (auto& [k, cf] : OrderEvents(corpus_, linked_, rules_, events,
                                     [&](uint32_t i) { return evidence_[i].weight; }))
      made[k].second.push_back(std::move(cf));
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
                       Round4(e.weight)});
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
  // Every source that took part, with what truth discovery made of it.
  std::map<std::string, size_t> votes;
  for (const auto& tc : truth_claims_) ++votes[tc.cites.empty() ? tc.source : tc.cites];
  std::set<std::string> seen;
  for (const Draft& d : drafts)
    for (uint32_t i : d.members) {
      seen.insert(evidence_[i].source);
      seen.insert(evidence_[i].line);
    }
  for (const auto& s : seen) {
    auto prior = priors_.find(s);
    auto n = votes.find(s);
    t.sources.push_back({s, prior != priors_.end() ? prior->second : 0.7, Round4(Reliability(s)),
                         n != votes.end() ? n->second : 0});
  }
  return t;
}

}  // namespace

Timeline Resolve(const Corpus& corpus, const Linked& linked, const RuleSet& rules) {
  return Resolver(corpus, linked, rules).Run();
}

}  // namespace recon

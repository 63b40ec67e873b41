// OrderEvents: the resolver's temporal network. Events become start/end points, their dates
// and the relations their claims state ("four days after his arrest") become difference
// constraints, SolveStn checks and tightens them, and each dropped constraint becomes an
// "order" conflict. docs/resolve.md, "Temporal constraints", says exactly what is built.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "recon/temporal.h"

namespace recon {

namespace {

const Date kEpoch(1970, 1, 1);

int64_t DayNumber(Date d) { return (d - kEpoch).days(); }
Date FromDayNumber(int64_t n) { return kEpoch + boost::gregorian::date_duration(long(n)); }

// Days in a unit, on average: calendar facts, not vocabulary.
double UnitDays(std::string_view unit) {
  static const std::map<std::string, double> kDays = {
      {"day", 1},         {"week", 7},         {"weekend", 7},  {"month", 30.436875},
      {"quarter", 91.31}, {"season", 91.31},   {"half", 182.62}, {"year", 365.2425},
      {"decade", 3652.4}, {"century", 36524.2}, {"hour", 1.0 / 24}, {"minute", 1.0 / 1440}};
  auto it = kDays.find(std::string(unit));
  return it == kDays.end() ? 0 : it->second;
}

std::string Fixed2(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", x);
  return buf;
}

// What one constraint stands for, for the report.
struct Origin {
  enum Kind { kStructure, kDate, kRelation } kind = kStructure;
  size_t event = 0;                  // the event it belongs to
  std::string description;           // "Execution: Jang 4 days after Arrest: Jang"
  std::set<std::string> claims;
  std::set<std::string> sources;
};

class Builder {
 public:
  Builder(const Linked& linked, const RuleSet& rules, const std::vector<Event*>& events,
          const ClaimWeight& weight)
      : linked_(linked),
        rules_(rules),
        events_(events),
        weight_(weight),
        dates_(Dates(events)),
        confidence_(Confidences(events)),
        net_(rules.resolver.event_span_days, dates_, confidence_) {
    claim_event_.assign(linked.claims.size(), -1);
    std::unordered_map<std::string, uint32_t> index;
    index.reserve(linked.claims.size());
    for (uint32_t i = 0; i < linked.claims.size(); ++i) index.emplace(linked.claims[i].id, i);
    for (size_t e = 0; e < events.size(); ++e)
      for (const auto& id : events[e]->claims)
        if (auto it = index.find(id); it != index.end()) {
          claim_event_[it->second] = int64_t(e);
          members_[e].push_back(it->second);
        }
    for (uint32_t i = 0; i < linked.claims.size(); ++i) by_doc_[linked.claims[i].doc_index].push_back(i);
    for (size_t e = 0; e < events.size(); ++e) {
      std::string subject = Subject(*events[e]);
      if (!subject.empty()) by_type_subject_[{events[e]->type, subject}].push_back(e);
    }
  }

  std::vector<std::pair<size_t, Conflict>> Run(TemporalStats* stats);

 private:
  static std::vector<DateRange> Dates(const std::vector<Event*>& events) {
    std::vector<DateRange> out;
    for (const Event* e : events) out.push_back(e->date);
    return out;
  }
  static std::vector<double> Confidences(const std::vector<Event*>& events) {
    std::vector<double> out;
    for (const Event* e : events) out.push_back(e->confidence);
    return out;
  }
  static std::string Subject(const Event& ev) {
    for (const auto& p : ev.participants)
      if (p.role == "subject" && !p.entity.empty()) return p.entity;
    return "";
  }
  static bool ShareParticipant(const Claim& a, const Claim& b) {
    for (const auto& p : a.participants)
      for (const auto& q : b.participants)
        if ((!p.entity.empty() && p.entity == q.entity) || (!p.name.empty() && p.name == q.name))
          return true;
    return false;
  }
  // The event a relation's anchor names, or -1. Same document first (the claim whose sentence
  // holds the anchor, else the nearest claim of the anchor's type sharing a participant), else
  // the one event of that type about the same subject.
  int64_t AnchorEvent(uint32_t ci, const ClaimRelation& r) const;
  // What constraint c of the network, added by EventNetwork::Point, stands for.
  Origin PointOrigin(size_t c) const;
  // Gives each constraint the network added since `first` its origin and provenance: `relation`
  // for relation constraints, PointOrigin for the others.
  void Attach(size_t first, const Origin& relation);
  std::string Source(const Claim& c) const { return c.source.empty() ? c.document : c.source; }

  const Linked& linked_;
  const RuleSet& rules_;
  const std::vector<Event*>& events_;
  const ClaimWeight& weight_;
  std::vector<int64_t> claim_event_;                        // claim -> event, -1 when none
  std::map<size_t, std::vector<uint32_t>> members_;         // event -> its claims
  std::map<uint32_t, std::vector<uint32_t>> by_doc_;        // document -> its claims, in order
  std::map<std::pair<std::string, std::string>, std::vector<size_t>> by_type_subject_;
  std::vector<DateRange> dates_;   // per event, as decided before the network
  std::vector<double> confidence_;  // per event
  EventNetwork net_;
  std::vector<Origin> origins_;     // per constraint of net_
};

int64_t Builder::AnchorEvent(uint32_t ci, const ClaimRelation& r) const {
  const Claim& c = linked_.claims[ci];
  int64_t own = claim_event_[ci];
  auto usable = [&](uint32_t d) { return d != ci && claim_event_[d] >= 0 && claim_event_[d] != own; };
  const auto& doc = by_doc_.at(c.doc_index);
  if (!r.anchor_type.empty()) {
    // The anchor's trigger made a claim of its own in this sentence, about the same people.
    for (uint32_t d : doc) {
      const Claim& x = linked_.claims[d];
      if (usable(d) && x.type == r.anchor_type && x.begin <= r.anchor_begin && r.anchor_end <= x.end &&
          ShareParticipant(c, x))
        return claim_event_[d];
    }
    // Else the nearest claim of that type in the document, before the claim first.
    int64_t best = -1;
    size_t best_gap = 0;
    for (uint32_t d : doc) {
      const Claim& x = linked_.claims[d];
      if (!usable(d) || x.type != r.anchor_type || !ShareParticipant(c, x)) continue;
      size_t gap = x.begin <= c.begin ? c.begin - x.begin : (x.begin - c.begin) * 2;
      if (best < 0 || gap < best_gap) best = claim_event_[d], best_gap = gap;
    }
    if (best >= 0) return best;
    // Else the only event of that type about the subject; several: too ambiguous to use.
    std::string subject = Subject(*events_[size_t(own)]);
    if (subject.empty()) return -1;
    auto it = by_type_subject_.find({r.anchor_type, subject});
    if (it == by_type_subject_.end()) return -1;
    std::vector<size_t> others;
    for (size_t e : it->second)
      if (int64_t(e) != own) others.push_back(e);
    return others.size() == 1 ? int64_t(others.front()) : -1;
  }
  if (r.anchor_date.bounded()) {
    // "Jang was arrested on Dec. 8 ... four days later": the claim the anchor date dated.
    for (uint32_t d : doc) {
      const Claim& x = linked_.claims[d];
      if (usable(d) && x.begin <= r.anchor_begin && r.anchor_end <= x.end && x.date_expression == r.anchor)
        return claim_event_[d];
    }
  }
  return -1;
}

Origin Builder::PointOrigin(size_t c) const {
  size_t event = net_.event(c);
  const Event& ev = *events_[event];
  Origin o;
  o.event = event;
  switch (net_.kind(c)) {
    case EventNetwork::kOrder:
      o.description = "the start of " + ev.label + " precedes its end";
      return o;
    case EventNetwork::kSpan:
      o.description = ev.label + " lasts at most " + std::to_string(int64_t(rules_.resolver.event_span_days)) + " days";
      return o;
    default:
      break;
  }
  // Its date, as the resolver decided it, bounds it; the event's confidence is the strength.
  o.kind = Origin::kDate;
  for (uint32_t ci : members_.at(event)) {
    const Claim& c = linked_.claims[ci];
    if (c.date.known() && ev.date.known() && c.date.Overlaps(ev.date)) {
      o.claims.insert(c.id);
      o.sources.insert(Source(c));
    }
  }
  o.description = net_.kind(c) == EventNetwork::kDateAfter ? ev.label + " on or after " + ToIso(ev.date.start)
                                                           : ev.label + " on or before " + ToIso(ev.date.end);
  return o;
}

void Builder::Attach(size_t first, const Origin& relation) {
  for (size_t c = first; c < net_.constraints().size(); ++c) {
    Origin o = net_.kind(c) == EventNetwork::kRelation ? relation : PointOrigin(c);
    TemporalConstraint& tc = net_.constraint(c);
    tc.provenance = o.description;
    for (const auto& id : o.claims) tc.provenance += " " + id;
    origins_.push_back(std::move(o));
  }
}

std::vector<std::pair<size_t, Conflict>> Builder::Run(TemporalStats* stats) {
  TemporalStats st;
  // Relations, in event order then claim order, so the network is built the same way each run.
  for (const auto& [e, claims] : members_) {
    for (uint32_t ci : claims) {
      const Claim& c = linked_.claims[ci];
      for (const ClaimRelation& r : c.relations) {
        ++st.relations;
        int64_t a = AnchorEvent(ci, r);
        bool dated = a < 0 && r.anchor_date.bounded();
        if (a < 0 && !dated) continue;
        ++st.anchored;
        double w = weight_(ci);
        if (w <= 0) continue;
        // t(claim's event) - t(anchor) lies in [lo, hi] days, after or before.
        auto [lo, hi] = RelationWindow(r.offset, r.unit, rules_.resolver);
        std::string how = r.before ? "before" : "after";
        if (!r.unit.empty()) how = std::to_string(r.offset) + " " + r.unit + (r.offset == 1 ? " " : "s ") + how;
        Origin o;
        o.kind = Origin::kRelation;
        o.event = e;
        o.claims.insert(c.id);
        o.sources.insert(Source(c));
        std::string anchor_name = a >= 0 ? events_[size_t(a)]->label : Describe(r.anchor_date);
        o.description = events_[e]->label + " " + how + " " + anchor_name + " ('" + r.anchor + "')";
        size_t first = net_.constraints().size();
        auto touched = a >= 0 ? net_.AddRelation(e, size_t(a), r.before, lo, hi, w)
                              : net_.AddDateRelation(e, DayNumber(r.anchor_date.start),
                                                     DayNumber(r.anchor_date.end), r.before, lo, hi, w);
        Attach(first, o);
        for (const auto& [k, fresh] : touched) {
          if (fresh) continue;
          // Independent statements of one relation: the network combined their strengths.
          Origin& merged = origins_[k];
          merged.claims.insert(o.claims.begin(), o.claims.end());
          merged.sources.insert(o.sources.begin(), o.sources.end());
          TemporalConstraint& tc = net_.constraint(k);
          tc.provenance = merged.description;
          for (const auto& id : merged.claims) tc.provenance += " " + id;
        }
      }
    }
  }
  const std::vector<TemporalConstraint>& constraints_ = net_.constraints();
  st.constraints = constraints_.size();
  std::vector<std::pair<size_t, Conflict>> conflicts;
  if (constraints_.empty()) {
    if (stats) *stats = st;
    return conflicts;
  }
  StnResult res = net_.Solve();
  st.dropped = res.dropped.size();
  // Narrow every event in the network to what the kept constraints allow; never widen.
  for (const auto& [e, s] : net_.start_points()) {
    int how = NarrowDate(res, s, &events_[e]->date);
    if (how == 2) ++st.bounded;
    else if (how == 1) ++st.narrowed;
  }
  // Each dropped constraint is a conflict of the event it belongs to, naming the whole cycle.
  for (const auto& drop : res.dropped) {
    const Origin& lost = origins_[drop.constraint];
    Conflict cf;
    cf.attribute = "order";
    std::vector<size_t> kept;
    for (size_t c : drop.cycle)
      if (c != drop.constraint && origins_[c].kind != Origin::kStructure) kept.push_back(c);
    std::stable_sort(kept.begin(), kept.end(), [&](size_t a, size_t b) {
      return constraints_[a].strength > constraints_[b].strength;
    });
    kept.erase(std::unique(kept.begin(), kept.end(),
                           [&](size_t a, size_t b) { return origins_[a].description == origins_[b].description; }),
               kept.end());
    auto value = [&](size_t c) {
      ValueEvidence v;
      v.value = origins_[c].description;
      v.confidence = std::round(std::min(1.0, constraints_[c].strength) * 10000) / 10000;
      v.claims.assign(origins_[c].claims.begin(), origins_[c].claims.end());
      v.sources.assign(origins_[c].sources.begin(), origins_[c].sources.end());
      return v;
    };
    double weakest_kept = 1;
    for (size_t c : kept) {
      cf.values.push_back(value(c));
      weakest_kept = std::min(weakest_kept, constraints_[c].strength);
    }
    cf.values.push_back(value(drop.constraint));
    double s = constraints_[drop.constraint].strength;
    cf.severity = std::round(std::min(1.0, s / std::max(1e-9, weakest_kept)) * 10000) / 10000;
    cf.explanation = "the dates and the order the sources give cannot all hold (they miss by " +
                     std::to_string(-drop.cycle_weight) +
                     (drop.cycle_weight == -1 ? " day" : " days") + "); dropped the weakest: " +
                     lost.description + " (" + Fixed2(s) + ")";
    if (!kept.empty()) {
      cf.explanation += "; kept: ";
      for (size_t k = 0; k < kept.size(); ++k)
        cf.explanation += (k ? "; " : "") + origins_[kept[k]].description + " (" +
                          Fixed2(constraints_[kept[k]].strength) + ")";
    }
    // A conflict shows at least two sides; a cycle always has two constraints that are not
    // structure (an event's own start and end cannot contradict each other alone).
    if (cf.values.size() >= 2) conflicts.emplace_back(lost.event, std::move(cf));
  }
  if (stats) *stats = st;
  return conflicts;
}

}  // namespace

EventNetwork::EventNetwork(double event_span_days, const std::vector<DateRange>& dates,
                           const std::vector<double>& confidence)
    : span_days_(event_span_days), dates_(dates), confidence_(confidence) {}

std::pair<size_t, bool> EventNetwork::Add(uint32_t from, uint32_t to, int64_t bound, double strength, Kind kind,
                                          size_t e) {
  auto key = std::make_tuple(from, to, bound);
  if (auto it = merged_.find(key); it != merged_.end() && kind == kRelation && kind_[it->second] == kRelation) {
    // Independent statements of one relation combine as a noisy-or.
    TemporalConstraint& c = constraints_[it->second];
    c.strength = 1 - (1 - c.strength) * (1 - std::min(strength, 0.999));
    return {it->second, false};
  }
  TemporalConstraint c;
  c.from = from, c.to = to, c.bound = bound, c.strength = strength;
  merged_.emplace(key, constraints_.size());
  constraints_.push_back(std::move(c));
  kind_.push_back(kind);
  constraint_event_.push_back(e);
  return {constraints_.size() - 1, true};
}

uint32_t EventNetwork::Point(size_t e, bool end) {
  auto [it, fresh] = start_point_.emplace(e, uint32_t(point_event_.size()));
  if (fresh) {
    point_event_.push_back(e);
    point_event_.push_back(e);
    uint32_t s = it->second, t = s + 1;
    Add(t, s, 0, kStructural, kOrder, e);
    Add(s, t, int64_t(span_days_), kStructural, kSpan, e);
    const DateRange& date = dates_[e];
    double strength = std::max(1e-6, confidence_[e]);
    if (!date.start.is_special()) Add(s, 0, -DayNumber(date.start), strength, kDateAfter, e);
    if (!date.end.is_special()) Add(0, t, DayNumber(date.end), strength, kDateBefore, e);
  }
  return it->second + (end ? 1 : 0);
}

std::vector<std::pair<size_t, bool>> EventNetwork::AddRelation(size_t x, size_t a, bool before, int64_t lo,
                                                               int64_t hi, double strength) {
  std::vector<std::pair<size_t, bool>> out;
  // After: start(X) - end(A) in [lo, hi]. Before: start(A) - end(X) in [lo, hi].
  uint32_t p = before ? Point(x, true) : Point(x, false);
  uint32_t q = before ? Point(a, false) : Point(a, true);
  if (before) std::swap(p, q);  // now t[p] - t[q] in [lo, hi]
  out.push_back(Add(p, q, -lo, strength, kRelation, x));
  if (hi != kUnbounded) out.push_back(Add(q, p, hi, strength, kRelation, x));
  return out;
}

std::vector<std::pair<size_t, bool>> EventNetwork::AddDateRelation(size_t x, int64_t first, int64_t last,
                                                                   bool before, int64_t lo, int64_t hi,
                                                                   double strength) {
  std::vector<std::pair<size_t, bool>> out;
  if (!before) {
    uint32_t p = Point(x, false);
    out.push_back(Add(p, 0, -(first + lo), strength, kRelation, x));
    if (hi != kUnbounded) out.push_back(Add(0, p, last + hi, strength, kRelation, x));
  } else {
    uint32_t p = Point(x, true);
    out.push_back(Add(0, p, last - lo, strength, kRelation, x));
    if (hi != kUnbounded) out.push_back(Add(p, 0, -(first - hi), strength, kRelation, x));
  }
  return out;
}

std::pair<int64_t, int64_t> RelationWindow(int offset, std::string_view unit, const ResolverSettings& settings) {
  int64_t lo = 0, hi = kUnbounded;
  if (unit.empty()) return {lo, hi};
  double n = offset * UnitDays(unit);
  auto tol = settings.relation_tolerance_days.find(std::string(unit));
  double slack = tol != settings.relation_tolerance_days.end() ? tol->second : UnitDays(unit) / 2;
  lo = std::max<int64_t>(0, int64_t(std::floor(n - slack)));
  hi = int64_t(std::ceil(n + slack));
  return {lo, hi};
}

int NarrowDate(const StnResult& result, uint32_t start, DateRange* date) {
  DateRange d = *date;
  int64_t lo = result.lower[start], hi = result.upper[start + 1];
  Date first = d.start, last = d.end;
  if (lo != -kUnbounded && (first.is_special() || DayNumber(first) < lo)) first = FromDayNumber(lo);
  if (hi != kUnbounded && (last.is_special() || DayNumber(last) > hi)) last = FromDayNumber(hi);
  if (!first.is_special() && !last.is_special() && first > last) return 0;  // its own date was dropped
  if (first == d.start && last == d.end) return 0;
  bool was_bounded = d.bounded();
  int how = (first != d.start && d.start.is_special()) || (last != d.end && d.end.is_special()) ? 2 : 1;
  d.start = first, d.end = last;
  if (d.bounded()) {
    if (d.start == d.end) d.granularity = Granularity::kDay;
    if (!was_bounded) d.qualifier = Qualifier::kNone;
  } else {
    d.qualifier = d.start.is_special() ? Qualifier::kBefore : Qualifier::kAfter;
  }
  *date = d;
  return how;
}

std::vector<std::pair<size_t, Conflict>> OrderEvents(const Corpus& /*corpus*/, const Linked& linked,
                                                     const RuleSet& rules,
                                                     const std::vector<Event*>& events,
                                                     const ClaimWeight& weight, TemporalStats* stats) {
  return Builder(linked, rules, events, weight).Run(stats);
}

}  // namespace recon

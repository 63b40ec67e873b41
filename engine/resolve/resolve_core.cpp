// The resolver's core on a ResolveTable: same-event clusters (union-find), date groups and the
// split of clusters into events, the truth-discovery table of a run, and each event's date,
// attribute and confidence decisions. engine/resolve/resolve.cpp turns them into a Timeline.
#include "recon/resolve_core.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <tuple>

#include "recon/disjoint_sets.h"
#include "recon/text_util.h"

namespace recon {

uint32_t NameTable::Intern(std::string_view s) {
  if (auto it = ids_.find(s); it != ids_.end()) return it->second;
  names_.emplace_back(s);
  uint32_t id = uint32_t(names_.size() - 1);
  ids_.emplace(names_.back(), id);
  return id;
}

uint32_t NameTable::Find(std::string_view s) const {
  auto it = ids_.find(s);
  return it == ids_.end() ? kNone : it->second;
}

void ResolveTable::AddClaim(const DateRange& d, Date reported, uint8_t claim_flags, uint32_t source_id,
                            uint32_t line_id, double claim_weight, double claim_strength,
                            double claim_confidence, uint32_t document_id) {
  document.push_back(document_id == kNoDocument ? uint32_t(date.size()) : document_id);
  date.push_back(d);
  report.push_back(reported);
  flags.push_back(claim_flags);
  source.push_back(source_id);
  line.push_back(line_id);
  weight.push_back(claim_weight);
  strength.push_back(claim_strength);
  confidence.push_back(claim_confidence);
  attr_begin.push_back(uint32_t(attrs.size()));
}

void ResolveTable::AddAttribute(uint32_t name_id, uint32_t value_id) {
  attrs.emplace_back(name_id, value_id);
  attr_begin.back() = uint32_t(attrs.size());
}

void ResolveTable::Reserve(size_t claims, size_t attributes) {
  date.reserve(claims);
  report.reserve(claims);
  flags.reserve(claims);
  source.reserve(claims);
  line.reserve(claims);
  document.reserve(claims);
  weight.reserve(claims);
  strength.reserve(claims);
  confidence.reserve(claims);
  attr_begin.reserve(claims + 1);
  attrs.reserve(attributes);
}

size_t ResolveTable::MemoryBytes() const {
  size_t n = date.capacity() * sizeof(DateRange) + report.capacity() * sizeof(Date) + flags.capacity() +
             (source.capacity() + line.capacity() + document.capacity() + attr_begin.capacity()) * sizeof(uint32_t) +
             (weight.capacity() + strength.capacity() + confidence.capacity()) * sizeof(double) +
             attrs.capacity() * sizeof(attrs[0]);
  for (size_t i = 0; i < names.size(); ++i) n += names.name(uint32_t(i)).size() + 64;
  return n;
}

double Round4(double x) { return std::round(x * 10000) / 10000; }

std::vector<std::vector<uint32_t>> SameEventClusters(
    const ResolveTable& t, const std::vector<std::pair<uint32_t, uint32_t>>& edges) {
  const uint32_t n = uint32_t(t.size());
  DisjointSets sets(n);
  for (const auto& [a, b] : edges) sets.Union(a, b);
  uint32_t count = 0;
  const std::vector<uint32_t> component = sets.Components(0, &count);
  std::vector<std::vector<uint32_t>> clusters(count);
  // A generic claim ("a series of purges") tells of no one event: it joins none.
  for (uint32_t v = 0; v < n; ++v)
    if (!(t.flags[v] & ResolveTable::kGeneric)) clusters[component[v]].push_back(v);
  clusters.erase(std::remove_if(clusters.begin(), clusters.end(), [](const auto& c) { return c.empty(); }),
                 clusters.end());
  return clusters;
}

// Claims with a bounded, non-vague date, sorted by (start, end, index) and swept: a claim that
// starts after the group's furthest end opens a new group. A vague date ("recently") places no
// claim in a group.
std::vector<DateGroup> GroupDates(const ResolveTable& t, const std::vector<uint32_t>& members) {
  std::vector<uint32_t> dated;
  for (uint32_t i : members)
    if (t.date[i].bounded() && !t.date[i].vague) dated.push_back(i);
  std::sort(dated.begin(), dated.end(), [&](uint32_t a, uint32_t b) {
    const auto& x = t.date[a];
    const auto& y = t.date[b];
    return std::tie(x.start, x.end, a) < std::tie(y.start, y.end, b);
  });
  std::vector<DateGroup> groups;
  for (uint32_t i : dated) {
    const DateRange& d = t.date[i];
    if (groups.empty() || d.start > groups.back().range.end) {
      groups.push_back({{}, d, d, {}});
    } else {
      DateGroup& g = groups.back();
      g.range.end = std::max(g.range.end, d.end);
    }
    DateGroup& g = groups.back();
    g.members.push_back(i);
    auto at = std::lower_bound(g.lines.begin(), g.lines.end(), t.line[i]);
    if (at == g.lines.end() || *at != t.line[i]) g.lines.insert(at, t.line[i]);
  }
  // The tight interval, in member order: each date narrows it to the finer interval when they
  // overlap. "Arrived in Seoul in December 2019" ends an escape that "fled in 2019" dates: it
  // narrows only a group where every member dates a later stage.
  for (DateGroup& g : groups) {
    g.later_only = std::all_of(g.members.begin(), g.members.end(),
                               [&](uint32_t i) { return t.flags[i] & ResolveTable::kLaterStage; });
    bool first = true;
    for (uint32_t i : g.members) {
      if (!g.later_only && (t.flags[i] & ResolveTable::kLaterStage)) continue;
      const DateRange& d = t.date[i];
      if (first) {
        g.tight = d, first = false;
      } else if (g.tight.Overlaps(d)) {
        Date s = std::max(g.tight.start, d.start), e = std::min(g.tight.end, d.end);
        if (s <= e) g.tight = DateRange::Between(s, e, std::min(g.tight.granularity, d.granularity));
      }
    }
  }
  return groups;
}

// Inside one cluster, claims whose dates are disjoint may still be one event misdated by one
// source (a year off) or two events (left the post; arrived in Seoul months later). Groups of
// overlapping dates supported by two or more independent sources stand as events of their own;
// a group with one source joins the nearest group as a date conflict. Undated claims join the
// latest group that began before their article was published; open-ended ones the latest they
// meet.
namespace {

// SplitByDate; when the cluster stays whole, `whole` gets GroupDates(cluster), which its draft
// needs again.
std::vector<std::vector<uint32_t>> Split(const ResolveTable& t, const std::vector<uint32_t>& cluster,
                                         std::optional<std::vector<DateGroup>>* whole) {
  std::vector<DateGroup> groups = GroupDates(t, cluster);
  if (groups.size() <= 1) {
    // Nothing to split: undated claims would all join the one group.
    *whole = std::move(groups);
    return {cluster};
  }
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
      // A later stage ("arrived in Seoul in 2020") that one source tells joins the latest event
      // that began before it ("fled in 2019"). (Told by two, it is news of its own: the
      // diplomat who left his post in 2018 reached Seoul in 2019.)
      if (w.later_only && s.range.start <= w.range.start) {
        best = &s, best_gap = 0;
        continue;
      }
      if (w.later_only && best_gap == 0) break;
      long gap = std::labs((w.range.start - s.range.start).days());
      if (gap < best_gap) best_gap = gap, best = &s;
    }
    best->members.insert(best->members.end(), w.members.begin(), w.members.end());
  }
  groups = std::move(strong);
  std::vector<uint32_t> grouped;
  for (const auto& g : groups) grouped.insert(grouped.end(), g.members.begin(), g.members.end());
  std::sort(grouped.begin(), grouped.end());
  for (uint32_t i : cluster) {
    if (std::binary_search(grouped.begin(), grouped.end(), i)) continue;
    // An open-ended date ("before November 2018": told in an after-clause) joins the latest
    // group it meets.
    const DateRange& date = t.date[i];
    const Date& pub = t.report[i];
    DateGroup* target = &groups.front();
    bool met = false;
    if (date.known())
      for (auto& g : groups)
        if (g.range.Overlaps(date)) target = &g, met = true;
    if (!pub.is_special() && !met)
      for (auto& g : groups)
        if (g.range.start <= pub) target = &g;
    target->members.push_back(i);
  }
  std::vector<std::vector<uint32_t>> out;
  for (auto& g : groups) {
    std::sort(g.members.begin(), g.members.end());
    out.push_back(std::move(g.members));
  }
  return out;
}

// MakeDraft with the draft's date groups already known.
Draft MakeDraft(const ResolveTable& t, std::vector<uint32_t> members, std::vector<DateGroup> dates) {
  Draft d;
  d.members = std::move(members);
  d.dates = std::move(dates);
  std::optional<Date> any_report;
  for (uint32_t i : d.members) {
    const Date& p = t.report[i];
    if (p.is_special()) continue;
    if (!any_report || p < *any_report) any_report = p;
    if (!(t.flags[i] & ResolveTable::kPlanned) && (!d.first_report || p < *d.first_report)) d.first_report = p;
  }
  if (!d.first_report) d.first_report = any_report;
  for (const auto& g : d.dates) d.may_date.push_back(!d.first_report || g.range.start <= *d.first_report);
  return d;
}

}  // namespace

std::vector<std::vector<uint32_t>> SplitByDate(const ResolveTable& t, const std::vector<uint32_t>& cluster) {
  std::optional<std::vector<DateGroup>> whole;
  return Split(t, cluster, &whole);
}

// A date group that starts after the event was first reported is a later development the
// cluster also speaks of (a trial, a release, an anniversary), not a date of the event: it may
// not date the event and is no date conflict. When every group starts after the first report,
// the event is dated as undated ones are: before its first report.
Draft MakeDraft(const ResolveTable& t, std::vector<uint32_t> members) {
  std::vector<DateGroup> dates = GroupDates(t, members);
  return MakeDraft(t, std::move(members), std::move(dates));
}

std::vector<Draft> DraftEvents(const ResolveTable& t, const std::vector<std::pair<uint32_t, uint32_t>>& edges) {
  std::vector<Draft> drafts;
  for (const auto& cluster : SameEventClusters(t, edges)) {
    std::optional<std::vector<DateGroup>> whole;
    for (auto& members : Split(t, cluster, &whole)) {
      // A lone claim with neither a named subject nor a date is too thin to be an event, and
      // so are claims that only ambiguous triggers ("went missing") made, unless the article's
      // title announces the event its lead tells. A bound alone ("before August 1", from the
      // report that told it) places no event in time.
      bool named = false, dated = false, founded = false, headline = false;
      for (uint32_t i : members) {
        named = named || (t.flags[i] & ResolveTable::kNamed);
        dated = dated || (t.date[i].known() && !t.date[i].BeforeOnly());
        founded = founded || !(t.flags[i] & ResolveTable::kFollower);
        headline = headline || (t.flags[i] & ResolveTable::kHeadline);
      }
      const bool thin = (!named && !dated) || !founded;
      if (thin && !headline) continue;
      drafts.push_back(whole ? MakeDraft(t, std::move(members), std::move(*whole))
                             : MakeDraft(t, std::move(members)));
      drafts.back().headline_only = thin;
    }
  }
  return drafts;
}

std::string DraftObject(size_t k) {
  char key[24];
  std::snprintf(key, sizeof key, "e%08zu", k);
  return key;
}

std::string DateKey(const DateGroup& g) { return ToIso(g.range.start) + ".." + ToIso(g.range.end); }

TruthClaimTable BuildTruthTable(const ResolveTable& t, const std::vector<Draft>& drafts, bool vote,
                                std::vector<uint32_t>* owner) {
  TruthClaimTable out;
  out.Reserve(t.attrs.size() + t.size());
  owner->clear();
  owner->reserve(t.attrs.size() + t.size());
  auto add = [&](uint32_t i, std::string_view object, std::string_view attribute, std::string_view value) {
    if (t.strength[i] <= 0) return;
    std::string_view cites = t.relayed(i) ? t.names.name(t.line[i]) : std::string_view();
    out.Add(t.names.name(t.source[i]), object, attribute, value, cites,
            std::min(1.0, vote ? t.weight[i] : t.strength[i]));
    owner->push_back(i);
  };
  for (size_t k = 0; k < drafts.size(); ++k) {
    const Draft& d = drafts[k];
    std::string object = DraftObject(k);
    for (uint32_t i : d.members)
      for (uint32_t a = t.attr_begin[i]; a < t.attr_begin[i + 1]; ++a)
        add(i, object, t.names.name(t.attrs[a].first), t.names.name(t.attrs[a].second));
    for (size_t g = 0; g < d.dates.size(); ++g) {
      if (!d.may_date[g]) continue;
      std::string key = DateKey(d.dates[g]);
      for (uint32_t i : d.dates[g].members) add(i, object, kDateAttribute, key);
    }
  }
  return out;
}

TruthMethod EventTruthMethod(const ResolverSettings& settings) {
  TruthMethod m;
  return ParseTruthMethod(settings.truth_method, &m) ? m : TruthMethod::kAccu;
}

TruthOptions EventTruthOptions(const ResolverSettings& settings, const std::map<std::string, double>& priors) {
  TruthOptions options;
  options.method = EventTruthMethod(settings);
  options.iterations = settings.truth_iterations;
  options.priors = priors;
  options.default_reliability = 0.7;
  // Accu's n: how many wrong values an attribute of an event plausibly has. A rank ladder or a
  // plausible count range is tens of values, not the hundred of a web-scale attribute; with a
  // hundred a lone, well-extracted report of a rank would be believed less than one time in five.
  options.false_values = 10;
  return options;
}

std::vector<uint32_t> DecisionRanges(const TruthResult& result, size_t drafts) {
  std::vector<uint32_t> begin(drafts + 1, 0);
  for (const TruthDecision& dec : result.decisions) {
    size_t k = size_t(std::strtoull(dec.object.c_str() + 1, nullptr, 10));
    if (k < drafts) ++begin[k + 1];
  }
  for (size_t k = 0; k < drafts; ++k) begin[k + 1] += begin[k];
  return begin;
}

bool ValueCompatibility::Within(std::string_view inner, std::string_view outer) const {
  std::string_view at = inner;
  for (int hops = 0; hops < 8; ++hops) {
    auto it = within_.find(at);
    if (it == within_.end()) return false;
    if (it->second == outer) return true;
    at = it->second;
  }
  return false;
}

bool ValueCompatibility::operator()(std::string_view attribute, std::string_view a, std::string_view b) const {
  if (a == b) return true;
  if (attribute == "place" || attribute == "destination") return Within(a, b) || Within(b, a);
  // "at least 5" agrees with 6; a count and its lower bound are not in conflict.
  auto parse = [](std::string_view v, long* n, bool* plus) {
    if (v.empty() || v.size() > 12 || !IsAsciiDigit(v[0])) return false;
    *n = std::stol(std::string(v));
    *plus = v.back() == '+';
    return true;
  };
  long na, nb;
  bool pa, pb;
  if (parse(a, &na, &pa) && parse(b, &nb, &pb)) {
    if (pa && nb >= na) return true;
    if (pb && na >= nb) return true;
    double tol = count_tolerance_ * std::max(na, nb);
    return std::labs(na - nb) <= tol;
  }
  return false;
}

// The candidate values of one attribute of one event as truth discovery scored them. Values
// that are compatible (a count and its lower bound; a place and the place containing it) are
// not rivals: a value's confidence is the probability that the truth is compatible with it,
// its own probability plus that of every compatible value. What is incompatible with the
// chosen value is a conflict.
AttributeChoice DecideAttribute(const ResolveTable& t, std::string_view attribute,
                                const TruthDecision& decision, const std::vector<uint32_t>& owner,
                                const ValueCompatibility& compatible, const std::vector<std::string>* display) {
  using Candidate = AttributeChoice::Candidate;
  AttributeChoice out;
  std::vector<Candidate>& cands = out.candidates;
  for (size_t v = 0; v < decision.values.size(); ++v) {
    const TruthValue& tv = decision.values[v];
    Candidate c;
    c.value = v;
    c.p = tv.confidence;
    for (size_t row : tv.claims) c.lines.push_back(t.line[owner[row]]), c.documents.push_back(t.document[owner[row]]);
    std::sort(c.lines.begin(), c.lines.end());
    c.lines.erase(std::unique(c.lines.begin(), c.lines.end()), c.lines.end());
    std::sort(c.documents.begin(), c.documents.end());
    c.documents.erase(std::unique(c.documents.begin(), c.documents.end()), c.documents.end());
    cands.push_back(std::move(c));
  }
  if (cands.empty()) return out;
  auto raw = [&](const Candidate& c) -> std::string_view { return decision.values[c.value].value; };
  auto shown = [&](const Candidate& c) -> std::string_view {
    return display ? std::string_view((*display)[c.value]) : raw(c);
  };
  for (auto& c : cands) {
    c.support = c.p;
    for (const auto& o : cands)
      if (&o != &c && compatible(attribute, raw(c), raw(o))) c.support += o.p;
    c.support = std::min(1.0, c.support);
  }
  std::stable_sort(cands.begin(), cands.end(), [&](const Candidate& a, const Candidate& b) {
    if (a.support != b.support) return a.support > b.support;
    if (a.p != b.p) return a.p > b.p;
    return shown(a) < shown(b);
  });
  std::vector<size_t>& disputed = out.disputed;
  disputed.push_back(0);
  // A value told only in documents that also tell the chosen one is an article's loose wording
  // ("an army colonel" in the lede, "Lt. Col. Ri" below), not sources disagreeing. (Documents,
  // not lines: two outlets relaying one wire are one line and may still disagree.)
  auto own_line = [&](const Candidate& c) {
    return !std::includes(cands.front().documents.begin(), cands.front().documents.end(), c.documents.begin(),
                          c.documents.end());
  };
  for (size_t k = 1; k < cands.size(); ++k)
    if (!compatible(attribute, raw(cands.front()), raw(cands[k])) && own_line(cands[k])) disputed.push_back(k);
  // Places are noisy in text ("Seoul said" is no place of the event): a place dispute needs
  // independent support on both sides.
  if (attribute == "place" || attribute == "destination") {
    disputed.erase(std::remove_if(disputed.begin() + 1, disputed.end(),
                                  [&](size_t k) { return cands[k].lines.size() < 2; }),
                   disputed.end());
    if (disputed.size() >= 2 && cands[disputed.front()].lines.size() < 2) disputed.erase(disputed.begin() + 1, disputed.end());
  }
  if (disputed.size() < 2) return out;
  double losing = 0;
  for (size_t k = 1; k < disputed.size(); ++k) losing += cands[disputed[k]].p;
  out.severity = Round4(std::min(1.0, losing / std::max(1e-9, cands[disputed.front()].p)));
  return out;
}

DateChoice DecideDate(const ResolveTable& t, const Draft& d, const TruthDecision* decision) {
  DateChoice out;
  const std::vector<DateGroup>& groups = d.dates;
  std::vector<size_t> candidates;
  // A group of later stages ("arrived in Seoul in February 2020") after one that dates the event
  // ("fled in March 2019") ends it: it neither dates the event nor disputes the date.
  std::optional<Date> begun;  // the earliest start of a group that may date the event
  for (size_t k = 0; k < groups.size(); ++k) {
    if (!d.may_date[k]) continue;
    if (groups[k].later_only && begun && *begun <= groups[k].range.start) continue;
    if (!groups[k].later_only && !begun) begun = groups[k].range.start;
    candidates.push_back(k);
  }
  if (candidates.empty()) {
    // No claim dates it: it happened before the earliest report of it.
    for (uint32_t i : d.members) {
      const Date& p = t.report[i];
      if (!p.is_special() && (!out.before || p < *out.before)) out.before = p;
    }
    return out;
  }
  out.grouped = true;
  // Each candidate group's probability from truth discovery.
  std::vector<double>& p = out.p;
  p.assign(groups.size(), 0);
  if (decision) {
    std::map<std::string_view, double> by_key;
    for (const auto& tv : decision->values) by_key[tv.value] = tv.confidence;
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
  out.best = best;
  // Days a few days or weeks apart are vagueness or a report's own date, not a dispute: only
  // groups more than a month from the chosen one are in conflict with it. Two whole months or
  // years that do not overlap are ("fled last year", 2018, against "in 2017"), however close.
  std::vector<size_t>& kept = out.kept;
  kept.push_back(best);
  const DateRange& chosen = groups[best].range;
  for (size_t k : candidates) {
    const DateRange& r = groups[k].range;
    const bool disjoint = r.end < chosen.start || r.start > chosen.end;
    long gap = r.end < chosen.start ? (chosen.start - r.end).days()
                                    : r.start > chosen.end ? (r.start - chosen.end).days() : 0;
    const bool coarse = r.granularity >= Granularity::kMonth && chosen.granularity >= Granularity::kMonth &&
                        r.granularity != Granularity::kUnknown && chosen.granularity != Granularity::kUnknown;
    if (k != best && disjoint && (gap > 31 || coarse)) kept.push_back(k);
  }
  if (kept.size() < 2) return out;
  std::stable_sort(kept.begin() + 1, kept.end(), [&](size_t a, size_t b) { return p[a] > p[b]; });
  double losing = 0;
  for (size_t j = 1; j < kept.size(); ++j) losing += p[kept[j]];
  out.severity = Round4(std::min(1.0, losing / std::max(1e-9, p[best])));
  return out;
}

// Independent lines of evidence, each weighted by its learned reliability, combine as a
// noisy-or; Platt scaling fitted on gold turns that score into a probability. Lines that say it
// did not happen ("did not defect", "reappeared alive") combine the same way and scale the score
// down.
EventScore ScoreEvent(const ResolveTable& t, const std::vector<uint32_t>& members,
                      const std::vector<double>& reliability, const TruthCalibration& calibration) {
  // (line, strongest weight), by line id: a map's order without a map.
  std::vector<std::pair<uint32_t, double>> lines, against;
  auto strongest = [](std::vector<std::pair<uint32_t, double>>* v, uint32_t line, double w) {
    auto at = std::lower_bound(v->begin(), v->end(), std::make_pair(line, -1e300));
    if (at != v->end() && at->first == line) at->second = std::max(at->second, w);
    else v->insert(at, {line, std::max(0.0, w)});
  };
  bool told = false, planned = false;
  for (uint32_t i : members) {
    double r = reliability[t.line[i]];
    strongest(&lines, t.line[i], r * t.strength[i]);
    uint8_t f = t.flags[i];
    // A later stage that did not happen ("has not arrived in South Korea") says where the
    // journey did not end, not that it never began.
    if ((f & ResolveTable::kNegated) && !(f & ResolveTable::kLaterStage))
      strongest(&against, t.line[i], r * t.confidence[i]);
    // Told only as intended ("had dreamt of taking power"), it is a plan, not an event.
    planned = planned || (f & ResolveTable::kPlanned);
    told = told || !(f & (ResolveTable::kPlanned | ResolveTable::kNegated | ResolveTable::kDenied));
  }
  double miss = 1, spared = 1;
  for (const auto& [l, w] : lines) miss *= 1 - std::min(0.95, w);
  for (const auto& [l, w] : against) spared *= 1 - std::min(0.95, w);
  EventScore out;
  if (1 - spared > 1 - miss) out.status = EventStatus::kRefuted;
  else if (planned && !told) out.status = EventStatus::kPlanned;
  out.confidence = Round4(calibration.Apply((1 - miss) * spared));
  return out;
}

std::vector<double> LineReliability(const ResolveTable& t, const TruthResult& result,
                                    const std::map<std::string, double>& priors, double fallback) {
  std::vector<double> out(t.names.size(), fallback);
  for (uint32_t id = 0; id < t.names.size(); ++id) {
    std::string name(t.names.name(id));
    if (auto it = result.reliability.find(name); it != result.reliability.end()) out[id] = it->second;
    else if (auto p = priors.find(name); p != priors.end()) out[id] = p->second;
  }
  return out;
}

}  // namespace recon

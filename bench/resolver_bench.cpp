// Benchmark for the whole resolver at scale (issue #5): a generated claim graph of 10 thousand
// to 10 million claims (10 a event on average) goes through the code Resolve() and LinkClaims()
// run, on their compact views: SameEventEdges (blocking and same-event edges), DraftEvents
// (clusters, date groups, splits), BuildTruthTable + DiscoverTruth (one truth-discovery run),
// DecideDate / DecideAttribute / ScoreEvent per event (decisions and conflicts), and the
// temporal network of the relations between events (EventNetwork + SolveStn). One child
// process per run, so each row's peak memory is its own; medians of several runs for the
// smaller sizes.
//   resolver_bench [max_claims] [--runs N] [--threads N] [--sizes a,b,...] [--one N]
// What is not exercised at scale: the string work around the core (entity resolution by
// NameKey, within-article and citation edges, unnamed-to-named candidates, event labels and
// participants, the report), which is per claim and per event and runs on full Claims.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "recon/blocking.h"
#include "recon/diagnostic.h"
#include "recon/resolve_core.h"
#include "recon/rules.h"
#include "recon/temporal.h"
#include "recon/truth.h"
#include "bench_util.h"

namespace recon {
namespace {

using bench::CpuSeconds;
using bench::PeakKb;

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// A relation one claim states between its event and another ("N days after ...").
struct GenRelation {
  uint32_t claim;
  uint32_t anchor;  // the anchor event's first claim
  bool before;
  int offset;       // days
};

// The generated input: what blocking and the resolver read, plus the relations.
struct Input {
  BlockingKeys keys;  // type, subject; date moves between keys and table
  ResolveTable table;
  std::vector<GenRelation> relations;
  std::map<std::string, double> priors;
  std::map<std::string, std::string> within;
  size_t true_events = 0;
};

const Date kEpoch(1970, 1, 1);

// The generator. Sources: 40 outlets with prior reliability in [0.55, 0.95] and a true accuracy
// near it, and 8 copiers, each relaying one outlet (its claims' line is the outlet's; with
// probability 0.8 it repeats the outlet's value for the event when the outlet spoke). Events:
// 20 event types (skewed: the first few are most of them), 92% about a named subject drawn from
// a pool of half as many subjects as events (so one subject has several events, often of one
// type, and blocks must be split by date), 8% unnamed; a true day in 1990-2025, rank (12),
// count, place (200 places in 20 regions in one country). Claims per event: 70% of events have
// 2-5, the rest a Pareto tail (x_m = 6, alpha = 1.3, at most 5000): 10 a event on average. A
// claim is dated in 85% of cases (day 50%, month 35%, year 15%; wrong by weeks or a year when
// the source errs), carries each of count, place, rank with probability 0.25-0.35 (wrong
// values: another rank, a count off by 10-60% or a lower bound "N+", another place or the
// place's region, which is compatible), comes from an ambiguous trigger in 2%, is reported 0-30 days after the event (5%: years
// later), and in 3% of the claims of named events states its event's order relative to another
// event of its subject.
Input Generate(size_t n, unsigned seed) {
  Input in;
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  auto pick = [&](size_t k) { return size_t(rng() % k); };
  const int kOutlets = 40, kCopiers = 8, kTypes = 20, kRanks = 12, kPlaces = 200, kRegions = 20;
  NameTable& names = in.table.names;
  std::vector<uint32_t> outlet(kOutlets), copier(kCopiers), cited(kCopiers);
  std::vector<double> accuracy(kOutlets), prior(kOutlets);
  char buf[32];
  for (int s = 0; s < kOutlets; ++s) {
    std::snprintf(buf, sizeof buf, "outlet%02d", s);
    outlet[s] = names.Intern(buf);
    prior[s] = 0.55 + 0.4 * u(rng);
    accuracy[s] = std::clamp(prior[s] + 0.1 * (u(rng) - 0.5), 0.4, 0.97);
    in.priors[buf] = prior[s];
  }
  for (int c = 0; c < kCopiers; ++c) {
    std::snprintf(buf, sizeof buf, "copier%d", c);
    copier[c] = names.Intern(buf);
    cited[c] = uint32_t(pick(kOutlets));
    in.priors[buf] = 0.6;
  }
  const uint32_t count_name = names.Intern("count"), place_name = names.Intern("place"),
                 rank_name = names.Intern("rank");
  std::vector<uint32_t> rank(kRanks), place(kPlaces + kRegions);
  for (int r = 0; r < kRanks; ++r) rank[r] = names.Intern("rank" + std::to_string(r));
  for (int p = 0; p < kPlaces + kRegions; ++p)
    place[p] = names.Intern((p < kPlaces ? "place" : "region") + std::to_string(p));
  for (int p = 0; p < kPlaces; ++p)
    in.within["place" + std::to_string(p)] = "region" + std::to_string(kPlaces + p % kRegions);
  for (int r = 0; r < kRegions; ++r) in.within["region" + std::to_string(kPlaces + r)] = "country";
  std::vector<uint32_t> count_ids;  // "0".."999" and "0+".."999+", interned on first use
  auto count_id = [&](int v, bool plus) {
    size_t k = size_t(v) * 2 + plus;
    if (count_ids.size() <= k) count_ids.resize(k + 1, NameTable::kNone);
    if (count_ids[k] == NameTable::kNone) count_ids[k] = names.Intern(std::to_string(v) + (plus ? "+" : ""));
    return count_ids[k];
  };

  in.table.Reserve(n, n);
  in.keys.type.reserve(n);
  in.keys.subject.reserve(n);
  const size_t expected_events = n / 10 + 1;
  const size_t subjects = std::max<size_t>(1, expected_events / 2);
  const int first_day = (Date(1990, 1, 1) - kEpoch).days(), span = 36 * 365;
  // Per event, what each source said last (for copiers): a stamp marks this event's entries.
  struct Said { size_t stamp = SIZE_MAX; DateRange date; uint32_t rank = 0, count = 0, place = 0; };
  std::vector<Said> said(kOutlets);
  std::vector<std::pair<uint32_t, int>> subject_events;  // subject -> (first claim, day) of its last event
  subject_events.assign(subjects, {UINT32_MAX, 0});
  for (size_t e = 0; in.table.size() < n; ++e) {
    ++in.true_events;
    size_t k = u(rng) < 0.7 ? 2 + pick(4) : size_t(std::min(5000.0, 6 * std::pow(1 - u(rng), -1 / 1.3)));
    k = std::min(k, n - in.table.size());
    uint32_t type = uint32_t(std::min<double>(kTypes - 1, std::floor(kTypes * std::pow(u(rng), 2))));
    bool named = u(rng) < 0.92;
    uint32_t subject = named ? uint32_t(1 + pick(subjects)) : BlockingKeys::kUnnamed;
    int day = first_day + int(pick(span));
    Date truth = kEpoch + boost::gregorian::days(day);
    uint32_t true_rank = uint32_t(pick(kRanks)), true_place = uint32_t(pick(kPlaces));
    int true_count = 1 + int(pick(500));
    uint32_t first_claim = uint32_t(in.table.size());
    std::pair<uint32_t, int> earlier{UINT32_MAX, 0};
    if (named) earlier = subject_events[subject - 1], subject_events[subject - 1] = {first_claim, day};
    for (size_t c = 0; c < k; ++c) {
      uint32_t i = uint32_t(in.table.size());
      bool copies = u(rng) < 0.15;
      int cp = int(pick(kCopiers));
      int s = copies ? int(cited[cp]) : int(std::min<double>(kOutlets - 1, std::floor(kOutlets * std::pow(u(rng), 1.5))));
      bool repeat = copies && said[s].stamp == e && u(rng) < 0.8;
      double acc = accuracy[s];
      // The date.
      DateRange date;
      double g = u(rng);
      if (repeat) {
        date = said[s].date;
      } else if (u(rng) < 0.85) {
        Date d = truth;
        if (u(rng) > acc) d = d + boost::gregorian::days(u(rng) < 0.5 ? (u(rng) < 0.5 ? -365 : 365) : int(7 + pick(60)) * (u(rng) < 0.5 ? -1 : 1));
        if (g < 0.5) date = DateRange::Day(d);
        else if (g < 0.85) date = DateRange::Month(d.year(), d.month());
        else date = DateRange::Year(d.year());
        date.vague = u(rng) < 0.02;
      }
      // Attributes, in name order: count, place, rank.
      Said& mine = said[s];
      uint32_t a_count = NameTable::kNone, a_place = NameTable::kNone, a_rank = NameTable::kNone;
      if (repeat ? mine.count != 0 : u(rng) < 0.25) {
        if (repeat) a_count = mine.count;
        else if (u(rng) < acc) a_count = count_id(true_count, false);
        else if (u(rng) < 0.3) a_count = count_id(std::max(1, true_count / 2), true);
        else a_count = count_id(std::max(1, int(true_count * (u(rng) < 0.5 ? 0.4 + 0.5 * u(rng) : 1.1 + 0.5 * u(rng)))), false);
      }
      if (repeat ? mine.place != 0 : u(rng) < 0.35) {
        if (repeat) a_place = mine.place;
        else if (u(rng) < acc) a_place = place[true_place];
        else if (u(rng) < 0.4) a_place = place[kPlaces + true_place % kRegions];
        else a_place = place[pick(kPlaces)];
      }
      if (repeat ? mine.rank != 0 : u(rng) < 0.3) {
        if (repeat) a_rank = mine.rank;
        else a_rank = rank[u(rng) < acc ? true_rank : pick(kRanks)];
      }
      if (!copies) mine = {e, date, a_rank == NameTable::kNone ? 0 : a_rank,
                           a_count == NameTable::kNone ? 0 : a_count, a_place == NameTable::kNone ? 0 : a_place};
      // Evidence, as Resolve() computes it (resolve.cpp, ComputeEvidence): prior x confidence x
      // modality (asserted 85%, reported 8%, hedged 3%, planned 3%, negated 1%), a relay weighing
      // copy_penalty less.
      double confidence = 0.6 + 0.4 * u(rng);
      double m = u(rng);
      double modality = m < 0.85 ? 1.0 : m < 0.93 ? 0.9 : m < 0.96 ? 0.5 : m < 0.99 ? 0.6 : 0.0;
      uint8_t flags = 0;
      if (m >= 0.96 && m < 0.99) flags |= ResolveTable::kPlanned;
      if (m >= 0.99) flags |= ResolveTable::kNegated;
      if (named) flags |= ResolveTable::kNamed;
      if (u(rng) < 0.01) flags |= ResolveTable::kGeneric;
      if (u(rng) < 0.02) flags |= ResolveTable::kFollower;
      double p = copies ? 0.6 : prior[s];
      double strength = confidence * modality;
      if (copies) p = std::max(p * 0.5, 0.05), strength *= 0.5;
      int delay = u(rng) < 0.05 ? 365 * int(1 + pick(5)) : int(pick(31));
      in.table.AddClaim(date, truth + boost::gregorian::days(delay), flags, copies ? copier[cp] : outlet[s],
                        outlet[s], p * confidence * modality, strength, confidence);
      if (a_count != NameTable::kNone) in.table.AddAttribute(count_name, a_count);
      if (a_place != NameTable::kNone) in.table.AddAttribute(place_name, a_place);
      if (a_rank != NameTable::kNone) in.table.AddAttribute(rank_name, a_rank);
      in.keys.type.push_back(type);
      in.keys.subject.push_back(subject);
      if (named && earlier.first != UINT32_MAX && u(rng) < 0.03) {
        int gap = day - earlier.second;
        in.relations.push_back({i, earlier.first, gap < 0, std::abs(gap) + (u(rng) < 0.9 ? 0 : int(pick(400)))});
      }
    }
  }
  return in;
}

struct Row {
  size_t claims = 0, events = 0, edges = 0, truth_rows = 0, decisions = 0, conflicts = 0, constraints = 0,
         drops = 0, narrowed = 0, refuted = 0;
  double wall = 0, cpu = 0, gen = 0;
  double link = 0, cluster = 0, truth = 0, decide = 0, temporal = 0;  // wall s per stage
  long peak_kb = 0;
  long input_kb = 0;  // peak after generating, before the resolver ran
  long stage_kb[5] = {0, 0, 0, 0, 0};  // peak after link, cluster, truth, decide, order
};

Row RunOne(size_t n, int threads, const RuleSet& rules) {
  Row row;
  double t0 = Now();
  Input in = Generate(n, 1);
  row.gen = Now() - t0;
  row.input_kb = PeakKb();
  row.claims = in.table.size();
  double c0 = CpuSeconds(), w0 = Now(), t = w0;
  int stage = 0;
  auto lap = [&](double* seconds) {
    double now = Now();
    *seconds = now - t;
    t = now;
    row.stage_kb[stage++] = PeakKb();
  };
  // Link: blocking and same-event edges. The dates move into the keys and back: no copy.
  in.keys.date = std::move(in.table.date);
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  {
    std::vector<SameEventEdge> edges = SameEventEdges(in.keys);
    row.edges = edges.size();
    pairs.reserve(edges.size());
    for (const auto& e : edges) pairs.emplace_back(e.from, e.to);
  }
  in.table.date = std::move(in.keys.date);
  in.keys = BlockingKeys();
  lap(&row.link);
  // Clusters, date groups and splits.
  std::vector<Draft> drafts = DraftEvents(in.table, pairs);
  pairs = {};
  row.events = drafts.size();
  lap(&row.cluster);
  // One truth-discovery run over every event.
  TruthOptions options = EventTruthOptions(rules.resolver, in.priors);
  options.threads = threads;
  std::vector<uint32_t> owner;
  TruthResult truth;
  {
    TruthClaimTable table = BuildTruthTable(in.table, drafts, options.method == TruthMethod::kVote, &owner);
    row.truth_rows = table.size();
    truth = DiscoverTruth(table, options);
    row.decisions = truth.decisions.size();
  }
  lap(&row.truth);
  // Each event's date, attributes and confidence, and the conflicts.
  std::vector<uint32_t> begin = DecisionRanges(truth, drafts.size());
  std::vector<double> reliability = LineReliability(in.table, truth, in.priors, 0.7);
  ValueCompatibility compatible(in.within, rules.resolver.count_tolerance);
  TruthCalibration cal{rules.resolver.event_calibration_a, rules.resolver.event_calibration_b};
  std::vector<DateRange> event_date(drafts.size());
  std::vector<double> event_confidence(drafts.size());
  for (size_t k = 0; k < drafts.size(); ++k) {
    const TruthDecision* date = nullptr;
    for (uint32_t j = begin[k]; j < begin[k + 1]; ++j)
      if (truth.decisions[j].attribute == kDateAttribute) date = &truth.decisions[j];
    DateChoice dc = DecideDate(in.table, drafts[k], date);
    if (dc.grouped) event_date[k] = drafts[k].dates[dc.best].tight;
    else if (dc.before) event_date[k].end = *dc.before, event_date[k].qualifier = Qualifier::kBefore;
    row.conflicts += dc.kept.size() >= 2;
    for (uint32_t j = begin[k]; j < begin[k + 1]; ++j) {
      if (truth.decisions[j].attribute == kDateAttribute) continue;
      AttributeChoice ac = DecideAttribute(in.table, truth.decisions[j].attribute, truth.decisions[j], owner, compatible);
      row.conflicts += ac.disputed.size() >= 2;
    }
    EventScore score = ScoreEvent(in.table, drafts[k].members, reliability, cal);
    event_confidence[k] = score.confidence;
    row.refuted += score.status == EventStatus::kRefuted;
  }
  lap(&row.decide);
  // The temporal network: each relation joins its claim's event to its anchor's.
  {
    std::vector<uint32_t> claim_event(in.table.size(), UINT32_MAX);
    for (size_t k = 0; k < drafts.size(); ++k)
      for (uint32_t i : drafts[k].members) claim_event[i] = uint32_t(k);
    EventNetwork net(rules.resolver.event_span_days, event_date, event_confidence);
    for (const GenRelation& r : in.relations) {
      uint32_t a = claim_event[r.claim], b = claim_event[r.anchor];
      if (a == UINT32_MAX || b == UINT32_MAX || a == b) continue;
      auto [lo, hi] = RelationWindow(r.offset, "day", rules.resolver);
      if (in.table.weight[r.claim] > 0) net.AddRelation(a, b, r.before, lo, hi, in.table.weight[r.claim]);
    }
    row.constraints = net.constraints().size();
    StnResult res = net.Solve();
    row.drops = res.dropped.size();
    for (const auto& [e, start] : net.start_points()) row.narrowed += NarrowDate(res, start, &event_date[e]) != 0;
  }
  lap(&row.temporal);
  row.wall = Now() - w0;
  row.cpu = CpuSeconds() - c0;
  row.peak_kb = PeakKb();
  return row;
}

// Runs RunOne in a child process so that its peak memory is measured alone.
bool RunChild(size_t n, int threads, const RuleSet& rules, Row* out) {
  return bench::InChild([&] { return RunOne(n, threads, rules); }, out);
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace
}  // namespace recon

int main(int argc, char** argv) {
  using namespace recon;
  size_t max_claims = 10000000;
  int threads = 2, runs = 0;
  std::vector<size_t> sizes;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--threads" && i + 1 < argc) threads = std::atoi(argv[++i]);
    else if (a == "--runs" && i + 1 < argc) runs = std::atoi(argv[++i]);
    else if (a == "--sizes" && i + 1 < argc) {
      std::string list = argv[++i];
      for (size_t b = 0; b < list.size();) {
        size_t e = std::min(list.find(',', b), list.size());
        sizes.push_back(std::strtoull(list.substr(b, e - b).c_str(), nullptr, 10));
        b = e + 1;
      }
    } else max_claims = std::strtoull(a.c_str(), nullptr, 10);
  }
  if (sizes.empty())
    for (size_t n = 10000; n <= max_claims; n *= 10) sizes.push_back(n);
  Diagnostics diags;
  RuleSet rules = LoadRules({DefaultRulesDir()}, &diags);
  std::printf("resolver_bench: threads %d, truth method %s; stage columns are wall s (medians)\n", threads,
              rules.resolver.truth_method.c_str());
  std::printf("%9s %8s %9s %8s %6s %7s %7s %8s %7s | %6s %7s %6s %6s %6s | %5s %5s %7s %8s\n", "claims", "events",
              "edges", "wall s", "spread", "cpu s", "peak MB", "B/claim", "x/10x", "link", "cluster", "truth",
              "decide", "order", "runs", "drops", "gen s", "input MB");
  double prev_wall = 0;
  size_t prev_n = 0;
  for (size_t n : sizes) {
    int r = runs > 0 ? runs : n <= 100000 ? 5 : 3;
    std::vector<Row> rows;
    for (int k = 0; k < r; ++k) {
      Row row;
      if (!RunChild(n, threads, rules, &row)) {
        std::printf("%9zu run failed\n", n);
        return 1;
      }
      rows.push_back(row);
    }
    auto med = [&](double Row::*f) {
      std::vector<double> v;
      for (const auto& x : rows) v.push_back(x.*f);
      return Median(v);
    };
    std::vector<double> walls;
    long peak = 0;
    for (const auto& x : rows) walls.push_back(x.wall), peak = std::max(peak, x.peak_kb);
    double wall = med(&Row::wall);
    double spread = (*std::max_element(walls.begin(), walls.end()) - *std::min_element(walls.begin(), walls.end())) /
                    std::max(1e-9, wall);
    double growth = prev_n && n == prev_n * 10 ? wall / std::max(1e-9, prev_wall) : 0;
    const Row& f = rows.front();
    std::printf("%9zu %8zu %9zu %8.2f %5.0f%% %7.2f %7.0f %8.0f %7s | %6.2f %7.2f %6.2f %6.2f %6.2f | %5d %5zu %7.2f %8.0f\n",
                f.claims, f.events, f.edges, wall, 100 * spread, med(&Row::cpu), peak / 1024.0,
                peak * 1024.0 / f.claims, growth > 0 ? (std::to_string(growth).substr(0, 5)).c_str() : "-",
                med(&Row::link), med(&Row::cluster), med(&Row::truth), med(&Row::decide), med(&Row::temporal), r,
                f.drops, med(&Row::gen), f.input_kb / 1024.0);
    std::printf("%9s peak MB after link %.0f, cluster %.0f, truth %.0f, decide %.0f, order %.0f\n", "",
                f.stage_kb[0] / 1024.0, f.stage_kb[1] / 1024.0, f.stage_kb[2] / 1024.0, f.stage_kb[3] / 1024.0,
                f.stage_kb[4] / 1024.0);
    std::printf("%9s truth rows %zu, decisions %zu, conflicts %zu, refuted %zu, constraints %zu, narrowed %zu\n",
                "", f.truth_rows, f.decisions, f.conflicts, f.refuted, f.constraints, f.narrowed);
    std::fflush(stdout);
    prev_wall = wall, prev_n = n;
  }
  return 0;
}

// Benchmarks the temporal network solver (SolveStn) on synthetic networks of events (median and
// spread of several runs, wall and CPU time), and with `--corpus DIR` reports the relations a
// real run finds and uses:
//   build/bench/temporal_bench [events] [runs]      (default 100000 events, 7 runs)
//   build/bench/temporal_bench --corpus samples/
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "recon/pipeline.h"
#include "recon/temporal.h"

namespace recon {
namespace {

// A network shaped like the resolver's: per event a start and an end point joined by structural
// constraints, most events dated by an interval around a hidden true day, and one relation per
// event to a random earlier event ("N days after"), with `bad` relations that contradict.
std::vector<TemporalConstraint> Network(size_t events, size_t bad, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<int64_t> day(events);
  for (auto& d : day) d = 15000 + int64_t(rng() % 5000);
  std::vector<TemporalConstraint> cs;
  cs.reserve(events * 6);
  auto s = [](size_t e) { return uint32_t(1 + 2 * e); };
  for (size_t e = 0; e < events; ++e) {
    cs.push_back({s(e) + 1, s(e), 0, kStructural, ""});
    cs.push_back({s(e), s(e) + 1, 0, kStructural, ""});
    if (rng() % 10 < 7) {
      int64_t width = rng() % 31, off = rng() % (width + 1);
      double conf = 0.3 + (rng() % 70) / 100.0;
      cs.push_back({s(e), 0, -(day[e] - off), conf, ""});
      cs.push_back({0, s(e) + 1, day[e] - off + width, conf, ""});
    }
    if (e > 0) {
      size_t a = e - 1 - rng() % std::min<size_t>(e, 50);
      int64_t gap = day[e] - day[a];
      if (bad && rng() % events < bad) gap += 100;  // a relation that cannot hold
      double w = 0.2 + (rng() % 60) / 100.0;
      cs.push_back({s(a), s(e), gap + 1, w, ""});
      cs.push_back({s(e), s(a), -(gap - 1), w, ""});
    }
  }
  return cs;
}

void Bench(size_t events, size_t bad, int runs) {
  auto cs = Network(events, bad, 7);
  std::vector<double> wall, cpu;
  StnResult r;
  for (int i = 0; i < runs; ++i) {
    auto w0 = std::chrono::steady_clock::now();
    std::clock_t c0 = std::clock();
    r = SolveStn(1 + 2 * events, cs);
    cpu.push_back(double(std::clock() - c0) / CLOCKS_PER_SEC);
    wall.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count());
  }
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  std::printf("%8zu events %8zu constraints %3zu contradictions: dropped %zu, %zu Bellman-Ford runs; "
              "wall median %.3f s (min %.3f, max %.3f), cpu median %.3f s, %d runs\n",
              events, cs.size(), bad, r.dropped.size(), r.bellman_ford_runs, wall[wall.size() / 2],
              wall.front(), wall.back(), cpu[cpu.size() / 2], runs);
  std::fflush(stdout);
}

// What the temporal network did on a corpus: relations found, anchored, constraints, drops.
int CorpusReport(const std::string& dir) {
  RunOptions options;
  RunResult run = Run({dir}, options);
  size_t found = 0;
  for (const auto& c : run.linked.claims) {
    for (const auto& r : c.relations) {
      ++found;
      std::printf("%s [%s] %s%d %s %s '%s' type=%s date=%s\n", c.id.c_str(), c.type.c_str(),
                  r.unit.empty() ? "" : "+", r.offset, r.unit.c_str(), r.before ? "before" : "after",
                  r.anchor.c_str(), r.anchor_type.c_str(), Describe(r.anchor_date).c_str());
    }
  }
  // The resolver ran OrderEvents already; run it again on the resolved events for its counts
  // (the anchors do not depend on the narrowed dates).
  std::vector<Event> events = run.timeline.events;
  std::vector<Event*> ptrs;
  for (auto& e : events) ptrs.push_back(&e);
  TemporalStats st;
  auto conflicts = OrderEvents(run.corpus, run.linked, run.rules, ptrs, [](uint32_t) { return 0.5; }, &st);
  size_t order = 0;
  for (const auto& c : run.timeline.conflicts) order += c.attribute == "order";
  std::printf("relations found %zu; on events %zu; anchored %zu; constraints %zu; order conflicts %zu\n",
              found, st.relations, st.anchored, st.constraints, order);
  return 0;
}

}  // namespace
}  // namespace recon

int main(int argc, char** argv) {
  if (argc == 3 && std::strcmp(argv[1], "--corpus") == 0) return recon::CorpusReport(argv[2]);
  size_t events = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
  int runs = argc > 2 ? std::atoi(argv[2]) : 7;
  recon::Bench(events / 100, 0, runs);
  recon::Bench(events, 0, runs);
  recon::Bench(events, 10, runs);
  return 0;
}

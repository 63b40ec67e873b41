// Benchmark for truth discovery: the whole path the event resolver takes (build the claims ->
// DiscoverTruth -> read each event's decision) on generated claims from 10 thousand to 10
// million, one child process per size and method so each row's peak memory is its own.
// Usage: truth_bench [max_claims] [--threads N] [--vector] [--methods vote,accucopy,...]
//   --vector  build a std::vector<TruthClaim> (about 200 bytes a claim) instead of a
//             TruthClaimTable (24 bytes a claim plus the distinct strings)
//   --flight-copy  AccuCopy with the Flight setting (copy detection per attribute, seeded by
//             vote shares, shared true values not counted as evidence)
//   --keep-heap  ask glibc to serve large blocks from the heap and keep freed memory, so memory
//             freed inside DiscoverTruth is reused without fresh page faults
#include <malloc.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "recon/truth.h"
#include "bench_util.h"

namespace {

using recon::bench::CpuSeconds;
using recon::bench::PeakKb;

long MinorFaults() {
  rusage u;
  getrusage(RUSAGE_SELF, &u);
  return u.ru_minflt;
}

// "<prefix><n>" without a heap allocation.
std::string_view Name(char* buf, char prefix, uint64_t n) {
  buf[0] = prefix;
  auto r = std::to_chars(buf + 1, buf + 24, n);
  return std::string_view(buf, size_t(r.ptr - buf));
}

// 50 independent sources with accuracy uniform in [0.5, 0.95] and 10 copiers, each copying one
// independent source on 80% of its claims. Each object (event) has one attribute, a true value
// "v0" and 10 claims (8 independent sources, 2 copiers); a wrong value is one of 20 false values.
// Calls add(source, object, value) for each claim, in object order (as the resolver emits them).
template <typename Add>
void Generate(size_t n, unsigned seed, Add add) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  const int independent = 50, copiers = 10, per_object = 10;
  std::vector<double> acc(independent);
  for (auto& a : acc) a = 0.5 + 0.45 * u(rng);
  std::vector<int> copies(copiers);
  for (auto& c : copies) c = int(rng() % independent);
  size_t objects = n / per_object;
  std::vector<int> given(independent);
  char ob[32], sb[32], vb[32];
  for (size_t o = 0; o < objects; ++o) {
    std::string_view obj = Name(ob, 'o', o);
    int chosen[8], k = 0;
    while (k < 8) {
      int s = int(rng() % independent);
      if (std::find(chosen, chosen + k, s) == chosen + k) chosen[k++] = s;
    }
    for (int s : chosen) {
      given[s] = u(rng) < acc[s] ? 0 : 1 + int(rng() % 20);
      add(Name(sb, 's', s), obj, Name(vb, 'v', given[s]));
    }
    for (int j = 0; j < 2; ++j) {
      int c = int(rng() % copiers), from = copies[c];
      bool seen = std::find(chosen, chosen + 8, from) != chosen + 8;
      int v = seen && u(rng) < 0.8 ? given[from] : (u(rng) < 0.6 ? 0 : 1 + int(rng() % 20));
      add(Name(sb, 'c', c), obj, Name(vb, 'v', v));
    }
  }
}

struct Row {
  double wall = 0, cpu = 0, build_wall = 0, discover_wall = 0, accuracy = 0;
  long peak_kb = 0, faults = 0;
  int rounds = 0;
  size_t decisions = 0;
};

bool g_flight_copy = false;  // --flight-copy

Row RunOne(size_t n, recon::TruthMethod m, int threads, bool vector_input) {
  Row row;
  auto t0 = std::chrono::steady_clock::now();
  double c0 = CpuSeconds();
  long f0 = MinorFaults();
  recon::TruthOptions o;
  o.method = m;
  o.false_values = 20;
  o.threads = threads;
  if (g_flight_copy) {
    o.copy_per_attribute = true;
    o.copy_seed_votes = true;
    o.true_copy_evidence = 0;
  }
  recon::TruthResult r;
  double build = 0;
  if (vector_input) {
    std::vector<recon::TruthClaim> claims;
    claims.reserve(n);
    Generate(n, 1, [&](std::string_view s, std::string_view obj, std::string_view v) {
      claims.push_back({std::string(s), std::string(obj), "a", std::string(v), "", "", 1.0});
    });
    build = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r = recon::DiscoverTruth(claims, o);
  } else {
    recon::TruthClaimTable claims;
    claims.Reserve(n);
    Generate(n, 1, [&](std::string_view s, std::string_view obj, std::string_view v) {
      claims.Add(s, obj, "a", v);
    });
    build = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r = recon::DiscoverTruth(claims, o);
  }
  // What the resolver does with the result: each event's chosen value and its confidence.
  size_t right = 0;
  double confidence = 0;
  for (const auto& d : r.decisions) {
    if (d.values.empty()) continue;
    right += d.values[0].value == "v0";
    confidence += d.values[0].confidence;
  }
  row.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  row.cpu = CpuSeconds() - c0;
  row.build_wall = build;
  row.discover_wall = row.wall - build;
  row.faults = MinorFaults() - f0;
  row.rounds = r.iterations;
  row.decisions = r.decisions.size();
  row.accuracy = r.decisions.empty() ? 0 : double(right) / r.decisions.size();
  row.peak_kb = PeakKb();
  if (confidence < 0) std::abort();  // keeps the read of the decisions
  return row;
}

// Runs RunOne in a child process so that its peak memory is measured alone.
bool RunChild(size_t n, recon::TruthMethod m, int threads, bool vector_input, Row* out) {
  return recon::bench::InChild([&] { return RunOne(n, m, threads, vector_input); }, out);
}

}  // namespace

int main(int argc, char** argv) {
  size_t max_claims = 10000000;
  int threads = 0;
  bool vector_input = false, keep_heap = false;
  std::vector<recon::TruthMethod> methods = {recon::TruthMethod::kVote,
                                             recon::TruthMethod::kTruthFinder,
                                             recon::TruthMethod::kAccu,
                                             recon::TruthMethod::kAccuCopy};
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--threads" && i + 1 < argc) {
      threads = std::atoi(argv[++i]);
    } else if (a == "--vector") {
      vector_input = true;
    } else if (a == "--flight-copy") {
      g_flight_copy = true;
    } else if (a == "--keep-heap") {
      keep_heap = true;
    } else if (a == "--methods" && i + 1 < argc) {
      methods.clear();
      std::string list = argv[++i];
      for (size_t b = 0; b <= list.size();) {
        size_t e = std::min(list.find(',', b), list.size());
        recon::TruthMethod m;
        if (recon::ParseTruthMethod(list.substr(b, e - b), &m)) methods.push_back(m);
        b = e + 1;
      }
    } else {
      max_claims = std::strtoull(a.c_str(), nullptr, 10);
    }
  }
  if (keep_heap) {
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
  }
  std::printf("input: %s, threads: %d (0 = all cores)%s; whole path: build claims -> "
              "DiscoverTruth -> decisions\n",
              vector_input ? "std::vector<TruthClaim>" : "TruthClaimTable", threads,
              keep_heap ? ", keep-heap" : "");
  std::printf("%10s %8s %-12s %8s %8s %8s %8s %6s %9s %8s %9s\n", "claims", "events", "method",
              "wall s", "cpu s", "build s", "truth s", "rounds", "accuracy", "peak MB",
              "faults k");
  for (size_t n = 10000; n <= max_claims; n *= 10) {
    for (auto m : methods) {
      Row r;
      if (!RunChild(n, m, threads, vector_input, &r)) {
        std::printf("%10zu run failed\n", n);
        return 1;
      }
      std::printf("%10zu %8zu %-12s %8.2f %8.2f %8.2f %8.2f %6d %9.4f %8.1f %9.1f\n", n,
                  r.decisions, std::string(recon::TruthMethodName(m)).c_str(), r.wall, r.cpu,
                  r.build_wall, r.discover_wall, r.rounds, r.accuracy, r.peak_kb / 1024.0,
                  r.faults / 1000.0);
      std::fflush(stdout);
    }
  }
}

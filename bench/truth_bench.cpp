// Benchmark for truth discovery: generated claims from 10 thousand to 10 million (sources with
// random accuracies, some copiers), time per method and peak memory, as a table of growth.
// Usage: truth_bench [max_claims] (default 10000000). Peak memory is the process's VmHWM,
// which only grows, so each row's figure is the peak up to and including that size.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "recon/truth.h"

namespace {

long PeakKb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  return -1;
}

// 50 independent sources with accuracy uniform in [0.5, 0.95] and 10 copiers, each copying one
// independent source on 80% of its claims. Each object has one attribute, a true value and
// about 10 claims; a wrong value is one of 20 false values. Returns the truth per object.
std::vector<recon::TruthClaim> Generate(size_t n, unsigned seed, std::vector<int>* truth) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  const int independent = 50, copiers = 10, per_object = 10;
  std::vector<double> acc(independent);
  for (auto& a : acc) a = 0.5 + 0.45 * u(rng);
  std::vector<int> copies(copiers);
  for (auto& c : copies) c = int(rng() % independent);
  std::vector<recon::TruthClaim> claims;
  claims.reserve(n);
  size_t objects = n / per_object;
  truth->assign(objects, 0);
  std::vector<int> given(independent);
  for (size_t o = 0; claims.size() < n && o < objects; ++o) {
    std::string obj = "o" + std::to_string(o);
    // 8 independent sources and 2 copiers per object; copiers see what their source said.
    std::vector<int> chosen;
    while (chosen.size() < 8) {
      int s = int(rng() % independent);
      if (std::find(chosen.begin(), chosen.end(), s) == chosen.end()) chosen.push_back(s);
    }
    for (int s : chosen) {
      given[s] = u(rng) < acc[s] ? 0 : 1 + int(rng() % 20);
      claims.push_back({"s" + std::to_string(s), obj, "a", "v" + std::to_string(given[s]), "", "", 1.0});
    }
    for (int k = 0; k < 2; ++k) {
      int c = int(rng() % copiers), from = copies[c];
      bool seen = std::find(chosen.begin(), chosen.end(), from) != chosen.end();
      int v = seen && u(rng) < 0.8 ? given[from] : (u(rng) < 0.6 ? 0 : 1 + int(rng() % 20));
      claims.push_back({"c" + std::to_string(c), obj, "a", "v" + std::to_string(v), "", "", 1.0});
    }
  }
  return claims;
}

}  // namespace

int main(int argc, char** argv) {
  size_t max_claims = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 10000000;
  // CPU seconds as well as wall seconds: the machine is shared, and the method is one thread.
  std::printf("%10s %-12s %9s %9s %7s %9s %13s %9s\n", "claims", "method", "wall s", "cpu s",
              "rounds", "accuracy", "cpu ns/claim", "peak MB");
  for (size_t n = 10000; n <= max_claims; n *= 10) {
    std::vector<int> truth;
    auto claims = Generate(n, 1, &truth);
    for (auto m : {recon::TruthMethod::kVote, recon::TruthMethod::kTruthFinder,
                   recon::TruthMethod::kAccu, recon::TruthMethod::kAccuCopy}) {
      recon::TruthOptions o;
      o.method = m;
      o.false_values = 20;
      auto t0 = std::chrono::steady_clock::now();
      std::clock_t c0 = std::clock();
      auto r = recon::DiscoverTruth(claims, o);
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      double cpu = double(std::clock() - c0) / CLOCKS_PER_SEC;
      size_t right = 0;
      for (const auto& d : r.decisions)
        right += !d.values.empty() && d.values[0].value == "v0";
      std::printf("%10zu %-12s %9.3f %9.3f %7d %9.4f %13.1f %9.1f\n", n,
                  std::string(recon::TruthMethodName(m)).c_str(), s, cpu, r.iterations,
                  double(right) / r.decisions.size(), cpu * 1e9 / n, PeakKb() / 1024.0);
      std::fflush(stdout);
    }
  }
}

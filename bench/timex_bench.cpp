// Throughput of TimexTagger on one core: the TempEval-3 text (tags stripped) repeated to at
// least 100 MB, tagged in document-sized pieces with each document's creation time.
// Usage: timex_bench [SHARED_DIR] [MB]   (default ../shared, 100). Also writes the text to
// bench/out/timex_corpus.txt so bench/chrono can time chrono-node on the same bytes.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "recon/rules.h"
#include "recon/timex.h"
#include "recon/timex_eval.h"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::string shared = argc > 1 ? argv[1] : std::string(RECON_SOURCE_DIR) + "/../shared";
  double want_mb = argc > 2 ? std::atof(argv[2]) : 100.0;
  std::string root = shared + "/data/tempeval3";
  if (!fs::is_directory(root)) {
    std::fprintf(stderr, "timex_bench: no TempEval-3 data under %s\n", root.c_str());
    return 1;
  }
  std::vector<std::string> paths;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file() && e.path().extension() == ".tml") paths.push_back(e.path().string());
  std::sort(paths.begin(), paths.end());
  struct Doc {
    std::string text;
    std::optional<recon::Date> dct;
  };
  std::vector<Doc> docs;
  size_t bytes = 0;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string err;
    if (auto d = recon::ParseTml(ss.str(), &err)) {
      bytes += d->text.size();
      docs.push_back({std::move(d->text), d->dct});
    }
  }
  recon::Diagnostics diags;
  recon::RuleSet rules = recon::LoadRules({recon::DefaultRulesDir()}, &diags);
  recon::TimexTagger tagger(rules.timex);
  size_t rounds = size_t(want_mb * 1e6 / double(bytes)) + 1;
  fs::create_directories(std::string(RECON_SOURCE_DIR) + "/bench/out");
  {
    std::ofstream corpus(std::string(RECON_SOURCE_DIR) + "/bench/out/timex_corpus.txt", std::ios::binary);
    for (const auto& d : docs) corpus << d.text << "\n";
  }
  size_t found = 0, total = 0;
  // CPU time as well as wall time: the machine is shared, and CPU time is what one core spent.
  auto cpu = [] {
    timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
  };
  double c0 = cpu();
  auto t0 = std::chrono::steady_clock::now();
  for (size_t r = 0; r < rounds; ++r) {
    for (const auto& d : docs) {
      found += tagger.Tag(d.text, d.dct).size();
      total += d.text.size();
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  double csecs = cpu() - c0;
  std::printf("recon timex: %.1f MB, %.1f MB/s of CPU time on one core (%.1f MB/s wall; %zu docs x %zu rounds, %zu expressions)\n",
              total / 1e6, total / 1e6 / csecs, total / 1e6 / secs, docs.size(), rounds, found);
  return 0;
}

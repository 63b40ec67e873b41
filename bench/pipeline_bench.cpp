// Pipeline benchmark: runs ingest, then extract, link and resolve (recon::RunCorpus) on one
// generated corpus and prints each stage's time, throughput (MB/s, docs/s, claims/s) and the
// process's peak memory after it. A plain main rather than Google Benchmark: each stage runs once
// on a large input, and the peak memory is only meaningful for one run per process, so
// bench/run_pipeline_bench.sh starts one process per corpus size and thread count.
//
//   pipeline_bench CORPUS... [-j N] [--rules DIR]... [--no-default-rules] [--ingest-only]
//                  [--extract-only [--repeat N] [--no-trim]]
//
// --extract-only runs ingest and the extract stage (everything up to claims), N times (default
// 1), and prints wall and CPU seconds of each run's extraction, MB/s per wall second and per CPU
// second (the latter is what a core does; on a shared machine the wall figure also counts other
// processes' time), the same rates for ingest and extraction together, and the peak memory
// beyond the corpus text per claim. Each run starts from a trimmed heap, as
// a fresh process would; --no-trim lets later runs reuse the memory earlier runs freed.
#include <malloc.h>
#include <sys/resource.h>
#ifdef RECON_MIMALLOC_LINKED
#include <mimalloc.h>
#endif

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "recon/extract.h"
#include "recon/ingest.h"
#include "recon/pipeline.h"
#include "recon/rules.h"

namespace recon {
namespace {

// Peak resident set size so far, in MB (VmHWM from /proc/self/status); -1 when unavailable.
double PeakMemoryMb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
  }
  return -1;
}

// User + system CPU seconds of the whole process, every thread included.
double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// System CPU seconds alone (page faults, mostly): the part of CPU time that fresh memory costs.
double SysSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}

// Hands the memory freed so far back to the system, as far as the allocator lets, so that a
// run's peak counts only what that run holds. mimalloc keeps what a finished thread freed in
// segments of its own until collected; glibc's malloc trims its heaps.
void ReleaseFreeMemory() {
#ifdef RECON_MIMALLOC_LINKED
  mi_collect(true);
#else
  malloc_trim(0);
#endif
}

// Heap bytes a string owns beyond its own object: none while it fits the small-string buffer.
size_t HeapBytes(const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; }

// What the claims cost, by part: the Claim objects, their strings, participants, attributes
// and attribution. Estimates what malloc was asked for (not its per-block overhead).
void PrintClaimBytes(const std::vector<Claim>& claims) {
  if (claims.empty()) return;
  double object = 0, strings = 0, participants = 0, attributes = 0, attributed = 0;
  for (const Claim& c : claims) {
    object += sizeof(Claim);
    for (const std::string* s : {&c.id, &c.document, &c.source, &c.type, &c.date_expression,
                                 &c.date_value, &c.rule})
      strings += HeapBytes(*s);
    participants += c.participants.capacity() * sizeof(Participant);
    for (const Participant& p : c.participants)
      for (const std::string* s : {&p.role, &p.entity, &p.mention, &p.name, &p.descriptor})
        participants += HeapBytes(*s);
    attributes += c.attributes.capacity() * sizeof(Attributes::value_type);
    for (const auto& [k, v] : c.attributes) attributes += HeapBytes(k) + HeapBytes(v);
    attributed += c.attributed_to.capacity() * sizeof(std::string);
    for (const std::string& s : c.attributed_to) attributed += HeapBytes(s);
  }
  double n = double(claims.size());
  std::printf("bytes per claim: %.0f = Claim object %.0f (sizeof %zu) + its strings %.0f + "
              "participants %.0f + attributes %.0f + attributed_to %.0f\n",
              (object + strings + participants + attributes + attributed) / n, object / n,
              sizeof(Claim), strings / n, participants / n, attributes / n, attributed / n);
}

struct Row {
  std::string stage;
  double seconds = 0;
  double cpu_seconds = -1;  // CPU seconds of the whole process during the stage; -1: unknown
  double peak_mb = 0;
  std::string counts;
};

// A rate as text; "-" when the stage took too little time for a rate to mean anything.
std::string Rate(double n, double seconds, const char* fmt) {
  if (seconds < 1e-4) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, fmt, n / seconds);
  return buf;
}

void PrintRow(const Row& r, double mb, double docs, double claims) {
  bool rates = r.stage != "rules";  // rule loading does not read the corpus
  std::string cpu = r.cpu_seconds < 0 ? "-" : Rate(r.cpu_seconds, 1, "%.3f");
  std::printf("%-8s %9.3f %8s %9s %10s %11s %11s %9.1f  %s\n", r.stage.c_str(), r.seconds, cpu.c_str(),
              rates ? Rate(mb, r.seconds, "%.1f").c_str() : "-",
              rates && r.cpu_seconds > 0 ? Rate(mb, r.cpu_seconds, "%.1f").c_str() : "-",
              rates ? Rate(docs, r.seconds, "%.0f").c_str() : "-",
              rates ? Rate(claims, r.seconds, "%.0f").c_str() : "-", r.peak_mb, r.counts.c_str());
}

int Usage() {
  std::fprintf(stderr,
               "usage: pipeline_bench CORPUS... [-j N] [--rules DIR]... [--no-default-rules]"
               " [--ingest-only] [--extract-only [--repeat N] [--no-trim]]\n"
               "  CORPUS: a folder or .jsonl file, e.g. one written by bench/generate.py\n");
  return 2;
}

int Main(int argc, char** argv) {
  std::vector<std::string> inputs;
  RunOptions options;
  bool ingest_only = false;
  bool extract_only = false;
  int repeat = 1;
  bool trim = true;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if ((a == "-j" || a == "--threads") && i + 1 < argc) {
      options.threads = std::atoi(argv[++i]);
    } else if (a.rfind("-j", 0) == 0 && a.size() > 2) {
      options.threads = std::atoi(a.c_str() + 2);
    } else if (a == "--rules" && i + 1 < argc) {
      options.rule_dirs.push_back(argv[++i]);
    } else if (a == "--ingest-only") {  // for sizes where the later stages would not fit
      ingest_only = true;
    } else if (a == "--extract-only") {
      extract_only = true;
    } else if (a == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--no-trim") {
      trim = false;
    } else if (a == "--no-default-rules") {
      options.no_default_rules = true;
    } else if (a == "-h" || a == "--help" || a.rfind("-", 0) == 0) {
      return Usage();
    } else {
      inputs.push_back(a);
    }
  }
  if (inputs.empty()) return Usage();

  using Clock = std::chrono::steady_clock;
  auto seconds_since = [](Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
  };
  std::vector<Row> rows;

  Diagnostics diags;
  auto t0 = Clock::now();
  double cpu0 = CpuSeconds();
  std::vector<std::string> dirs;
  if (!options.no_default_rules) dirs.push_back(DefaultRulesDir());
  dirs.insert(dirs.end(), options.rule_dirs.begin(), options.rule_dirs.end());
  RuleSet rules = LoadRules(dirs, &diags);
  rows.push_back({"rules", seconds_since(t0), CpuSeconds() - cpu0, PeakMemoryMb(),
                  "files=" + std::to_string(rules.files.size()) +
                      " event_types=" + std::to_string(rules.event_types.size()) +
                      " triggers=" + std::to_string(rules.triggers.size())});

  t0 = Clock::now();
  cpu0 = CpuSeconds();
  Corpus corpus = Ingest(inputs, &diags, options.threads);
  rows.push_back({"ingest", seconds_since(t0), CpuSeconds() - cpu0, PeakMemoryMb(),
                  "files=" + std::to_string(corpus.files_read) +
                      " documents=" + std::to_string(corpus.documents.size()) +
                      " diagnostics=" + std::to_string(diags.items().size())});
  const double mb = corpus.bytes_read / 1e6;
  const double docs = double(corpus.documents.size());
  if (ingest_only) {
    std::printf("corpus: %s  (%.1f MB, %.0f documents, ingest only)\n", inputs[0].c_str(), mb, docs);
    std::printf("%-8s %9s %8s %9s %10s %11s %11s %9s  %s\n", "stage", "seconds", "cpu s", "MB/s", "MB/cpu s",
                "docs/s", "claims/s", "peak MB", "counts");
    for (const auto& r : rows) PrintRow(r, mb, docs, 0);
    return 0;
  }
  if (extract_only) {
    // The corpus text is what ingest holds; everything the peak grows by after it is the
    // extract stage's (matchers, per-document scratch, the claims).
    const double text_peak = PeakMemoryMb();
    std::printf("corpus: %s  (%.1f MB, %.0f documents, threads=%d, extract only)\n",
                inputs[0].c_str(), mb, docs, options.threads);
    std::printf("%-4s %9s %8s %9s %13s %9s %9s %14s %22s\n", "run", "seconds", "cpu s", "MB/s",
                "MB/s per cpu", "claims", "peak MB", "B/claim >text", "up to claims: MB/s, /cpu");
    std::vector<double> walls, cpus, claim_walls, claim_cpus;
    for (int k = 0; k < repeat; ++k) {
      // Everything up to claims is ingest and extraction: each run reads the corpus afresh,
      // the previous copy freed first so that the text is held once. What the run before
      // freed is handed back, so each run starts as a one-run `recon run` does: without this,
      // a run's memory comes from what the allocator kept, and the third run's peak counted the
      // second's leftovers. It also makes each run fault its memory in afresh, as the first
      // does (about 15% more CPU than reusing the heap); --no-trim measures the old way.
      corpus = Corpus{};
      if (trim) ReleaseFreeMemory();
      t0 = Clock::now();
      cpu0 = CpuSeconds();
      Diagnostics ingest_diags;
      corpus = Ingest(inputs, &ingest_diags, options.threads);
      const double ingest_wall = seconds_since(t0), ingest_cpu = CpuSeconds() - cpu0;
      t0 = Clock::now();
      cpu0 = CpuSeconds();
      double sys0 = SysSeconds();
      Extraction ex;
      double build_wall = 0;
      {
        Extractor extractor(rules);
        build_wall = seconds_since(t0);
        ex = extractor.Run(corpus, {options.threads, false});
      }
      std::printf("     (building the matchers: %.3f s of it; system cpu: %.3f s)\n", build_wall,
                  SysSeconds() - sys0);
      double wall = seconds_since(t0), cpu = CpuSeconds() - cpu0, peak = PeakMemoryMb();
      if (k == 0) PrintClaimBytes(ex.claims);
      walls.push_back(wall);
      cpus.push_back(cpu);
      claim_walls.push_back(ingest_wall + wall);
      claim_cpus.push_back(ingest_cpu + cpu);
      double claims = double(ex.claims.size());
      std::printf("%-4d %9.3f %8.3f %9.1f %13.1f %9.0f %9.1f %14.0f %13.1f %8.1f\n", k + 1, wall, cpu,
                  mb / wall, mb / cpu, claims, peak,
                  claims > 0 ? (peak - text_peak) * 1024 * 1024 / claims : 0.0,
                  mb / claim_walls.back(), mb / claim_cpus.back());
      std::printf("     (ingest before it: %.3f s, %.3f cpu s)\n", ingest_wall, ingest_cpu);
    }
    auto median = [](std::vector<double> v) {
      std::sort(v.begin(), v.end());
      return v[v.size() / 2];
    };
    std::printf("median: %.3f s wall (%.1f MB/s), %.3f cpu s (%.1f MB/s per cpu second)\n",
                median(walls), mb / median(walls), median(cpus), mb / median(cpus));
    std::printf("median up to claims (ingest + extract): %.3f s wall (%.1f MB/s), %.3f cpu s (%.1f MB/s per cpu second)\n",
                median(claim_walls), mb / median(claim_walls), median(claim_cpus), mb / median(claim_cpus));
    return 0;
  }

  t0 = Clock::now();
  cpu0 = CpuSeconds();
  RunResult run = RunCorpus(std::move(corpus), std::move(rules), std::move(diags), options);
  double after_run = seconds_since(t0);
  double run_cpu = CpuSeconds() - cpu0;
  double peak = PeakMemoryMb();
  double stage_sum = 0;
  for (const auto& s : run.stats) {
    Row r{s.stage, s.seconds, s.cpu_seconds, peak, ""};
    for (const auto& [what, n] : s.counts) r.counts += what + "=" + std::to_string(n) + " ";
    rows.push_back(r);
    stage_sum += s.seconds;
  }
  const double claims = double(run.linked.claims.size());

  std::printf("corpus: %s  (%.1f MB, %.0f documents, %.0f claims, threads=%d)\n",
              inputs[0].c_str(), mb, docs, claims, options.threads);
  std::printf("%-8s %9s %8s %9s %10s %11s %11s %9s  %s\n", "stage", "seconds", "cpu s", "MB/s", "MB/cpu s",
              "docs/s", "claims/s", "peak MB", "counts");
  for (const auto& r : rows) PrintRow(r, mb, docs, claims);
  double total = rows[0].seconds + rows[1].seconds + after_run;
  PrintRow({"total", total, rows[0].cpu_seconds + rows[1].cpu_seconds + run_cpu, peak, ""}, mb,
           docs, claims);
  std::printf("cpu s of extract+link+resolve together: %.3f (over %.3f s wall)\n", run_cpu,
              after_run);
  // The peak after ingest is a true per-stage figure; the stages inside RunCorpus share the one
  // read at its end, since VmHWM only grows.
  if (after_run - stage_sum > 0.05 * after_run + 0.01)
    std::printf("note: %.3f s of RunCorpus is outside its timed stages\n", after_run - stage_sum);
  if (claims == 0)
    std::printf("note: no claims were extracted (placeholder stages or no trigger rules)\n");
  return 0;
}

}  // namespace
}  // namespace recon

int main(int argc, char** argv) { return recon::Main(argc, argv); }

// The pipeline: ingest -> extract -> link -> resolve, run in order by one function, each stage
// timed and counted (duckdb's client context runs its passes the same way).
#ifndef RECON_PIPELINE_H_
#define RECON_PIPELINE_H_

#include <functional>
#include <map>
#include <string_view>
#include <string>
#include <vector>

#include "recon/diagnostic.h"
#include "recon/document.h"
#include "recon/extract.h"
#include "recon/link.h"
#include "recon/rules.h"
#include "recon/timeline.h"

namespace recon {

struct RunOptions {
  std::vector<std::string> rule_dirs;  // layered over the defaults. Default: none
  bool no_default_rules = false;       // skip the bundled packs. Default: false
  int threads = 0;                     // ingest and extraction threads; 0 = all cores. Default: 0
  bool keep_removed = false;           // keep boilerplate lines for display. Default: false
  // Called as each stage starts, with its name (for progress display). Default: none
  std::function<void(std::string_view stage)> on_stage;
};

struct StageStats {
  std::string stage;
  double seconds = 0;
  std::vector<std::pair<std::string, size_t>> counts;  // in display order
  double cpu_seconds = 0;  // CPU time of the whole process (all threads) during the stage
};

// Everything one run produced. Owns the documents, so claim text views stay valid.
struct RunResult {
  RuleSet rules;
  Corpus corpus;
  Extraction extraction;  // claims moved into `linked`; counts and removed lines stay here
  Linked linked;
  Timeline timeline;
  Diagnostics diagnostics;
  std::vector<StageStats> stats;
};

// Loads the rules and runs every stage on `inputs`. Throws std::runtime_error only when the
// run cannot go on (no rule pack loads); bad documents and rules become diagnostics.
RunResult Run(const std::vector<std::string>& inputs, const RunOptions& options);

// Runs the stages after ingest on an existing corpus with loaded rules.
RunResult RunCorpus(Corpus corpus, RuleSet rules, Diagnostics diagnostics, const RunOptions& options);

// One line per skipped-document reason and the totals, for standard error.
std::string Summary(const RunResult& result);

// Ids of the rules that produced nothing in this run (triggers, cues, boilerplate, counts),
// sorted: candidates for fixing or removing.
std::vector<std::string> UnusedRules(const RunResult& result);

}  // namespace recon

#endif  // RECON_PIPELINE_H_

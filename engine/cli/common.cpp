// Shared pipeline options for the subcommands, and the summary printed on standard error.
#include "common.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace recon::cli {

void AddRunOptions(CLI::App& app, RunArgs* args) {
  app.add_option("PATH", args->inputs, "articles: .txt/.md files, .jsonl files, folders, or - for stdin")
      ->required();
  // One folder per --rules (repeat it for more): a vector option would otherwise swallow the
  // PATHs after it, so `--rules mine/ samples/` read samples/ as rules.
  app.add_option("--rules", args->options.rule_dirs,
                 "rule pack folder layered over the defaults (same id replaces, new id adds); repeatable")
      ->allow_extra_args(false);
  app.add_flag("--no-default-rules", args->options.no_default_rules, "use only the --rules packs");
  app.add_option("-j,--threads", args->options.threads, "ingest and extraction threads (0 = all cores)")
      ->default_val(args->options.threads);
  app.add_flag("--stats", args->stats, "print each stage's time and counts on standard error");
  app.add_flag("--strict", args->strict, "fail (exit 1) when any input or rule has a diagnostic");
  app.add_flag("-q,--quiet", args->quiet, "print no diagnostics or summary");
  app.add_flag("--show-removed", args->show_removed, "print the boilerplate lines that were removed");
}

std::optional<RunResult> Execute(const RunArgs& args) {
  RunOptions options = args.options;
  options.keep_removed = args.show_removed;
  // Progress for long runs on a terminal: a stage line once the run has taken a second.
  if (!args.quiet && isatty(STDERR_FILENO)) {
    auto start = std::chrono::steady_clock::now();
    options.on_stage = [start](std::string_view stage) {
      if (std::chrono::steady_clock::now() - start > std::chrono::seconds(1))
        std::fprintf(stderr, "recon: %.*s...\n", int(stage.size()), stage.data());
    };
  }
  try {
    RunResult run = Run(args.inputs, options);
    if (!args.quiet)
      for (const auto& d : run.diagnostics.items()) std::cerr << Format(d) << "\n";
    return run;
  } catch (const std::exception& e) {
    std::cerr << "recon: " << e.what() << "\n";
    return std::nullopt;
  }
}

int Finish(const RunArgs& args, const RunResult& run) {
  if (args.show_removed) {
    for (const auto& r : run.extraction.removed) {
      const auto& doc = run.corpus.documents[r.doc_index];
      std::cerr << doc.path << ":" << r.line << ": removed [" << r.rule << "] " << r.text << "\n";
    }
  }
  if (args.stats) {
    for (const auto& s : run.stats) {
      std::fprintf(stderr, "%-8s %9.3f ms", s.stage.c_str(), s.seconds * 1000);
      for (const auto& [what, n] : s.counts) std::fprintf(stderr, "  %s=%zu", what.c_str(), n);
      std::fprintf(stderr, "\n");
    }
  }
  if (!args.quiet) std::cerr << Summary(run);
  if (args.strict && !run.diagnostics.empty()) {
    std::cerr << "recon: --strict: " << run.diagnostics.items().size()
              << " diagnostics turn into a failure\n";
    return 1;
  }
  return 0;
}

}  // namespace recon::cli

// recon eval: runs the pipeline and scores it against a gold file.
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "common.h"
#include "recon/eval.h"

namespace recon::cli {

int EvalCommand(int argc, char** argv) {
  CLI::App app{"Score a run against gold annotations (format: samples/README.md).\n\n"
               "Examples:\n  recon eval samples/ --gold samples/gold.yaml\n"
               "  recon eval samples/holdout --gold samples/holdout/gold.yaml --min-f1 0.6 -v",
               "recon eval"};
  RunArgs args;
  std::string gold_path;
  double min_f1 = 0;
  bool verbose = false;
  AddRunOptions(app, &args);
  app.add_option("--gold", gold_path, "gold annotations (YAML)")->required()->check(CLI::ExistingFile);
  app.add_option("--min-f1", min_f1, "exit 1 when event F1 is below this")->default_val(min_f1);
  app.add_flag("-v,--verbose", verbose, "list every miss and false alarm");
  CLI11_PARSE(app, argc, argv);
  Diagnostics gold_diags;
  Gold gold = LoadGold(gold_path, &gold_diags);
  for (const auto& d : gold_diags.items()) std::cerr << Format(d) << "\n";
  if (gold_diags.error_count()) return 1;
  auto run = Execute(args);
  if (!run) return 1;
  EvalReport r = Evaluate(*run, gold);
  auto line = [](const char* name, const Score& s) {
    std::printf("%-18s P %.3f  R %.3f  F1 %.3f  (tp %zu, predicted %zu, gold %zu)\n", name, s.precision(),
                s.recall(), s.f1(), s.true_positives, s.predicted, s.gold);
  };
  line("events", r.events);
  line("conflicts", r.conflicts);
  line("entity merges", r.entity_merges);
  line("claim modality", r.claim_modality);
  line("claim attribution", r.claim_attribution);
  if (verbose)
    for (const auto& d : r.details) std::printf("  %s\n", d.c_str());
  Finish(args, *run);
  if (r.events.f1() < min_f1) {
    std::fprintf(stderr, "recon eval: event F1 %.3f is below --min-f1 %.3f\n", r.events.f1(), min_f1);
    return 1;
  }
  return 0;
}

}  // namespace recon::cli

// recon eval: runs the pipeline and scores it against a gold file; with --against, runs a second
// rule set on the same documents and shows what appears, vanishes or changes.
#include <cstdio>
#include <iostream>
#include <map>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "common.h"
#include "recon/eval.h"

namespace recon::cli {

namespace {

void PrintScores(const char* title, const EvalReport& r) {
  if (title) std::printf("%s\n", title);
  auto line = [](const char* name, const Score& s) {
    std::printf("%-18s P %.3f  R %.3f  F1 %.3f  (tp %zu, predicted %zu, gold %zu)\n", name, s.precision(),
                s.recall(), s.f1(), s.true_positives, s.predicted, s.gold);
  };
  line("events", r.events);
  line("conflicts", r.conflicts);
  line("entity merges", r.entity_merges);
  line("claim modality", r.claim_modality);
  line("claim attribution", r.claim_attribution);
}

// What a run says, keyed so that two runs can be compared item by item.
std::map<std::string, std::string> Items(const RunResult& run) {
  std::map<std::string, std::string> items;
  for (const auto& e : run.timeline.events) {
    char conf[16];
    std::snprintf(conf, sizeof conf, "%.2f", e.confidence);
    items["event   " + e.type + " | " + e.label] = Describe(e.date) + " conf " + conf;
  }
  for (const auto& c : run.linked.claims)
    items["claim   " + c.document + " @" + std::to_string(c.begin) + " " + c.type] =
        std::string(ToString(c.modality)) + " " + Describe(c.date);
  std::map<std::string, std::string> label_of;
  for (const auto& e : run.timeline.events) label_of[e.id] = e.label;
  for (const auto& c : run.timeline.conflicts) {
    std::string values;
    for (const auto& v : c.values) values += (values.empty() ? "" : " vs ") + v.value;
    items["conflict " + label_of[c.event] + " | " + c.attribute] = values;
  }
  return items;
}

void PrintDiff(const RunResult& a, const RunResult& b) {
  auto ia = Items(a), ib = Items(b);
  size_t appear = 0, vanish = 0, change = 0;
  for (const auto& [key, value] : ib) {
    auto it = ia.find(key);
    if (it == ia.end()) std::printf("+ %s: %s\n", key.c_str(), value.c_str()), ++appear;
    else if (it->second != value)
      std::printf("~ %s: %s -> %s\n", key.c_str(), it->second.c_str(), value.c_str()), ++change;
  }
  for (const auto& [key, value] : ia)
    if (!ib.count(key)) std::printf("- %s: %s\n", key.c_str(), value.c_str()), ++vanish;
  std::printf("%zu appear, %zu vanish, %zu change (from the first rule set to the second)\n", appear,
              vanish, change);
}

void PrintUnused(const RunResult& run) {
  auto unused = UnusedRules(run);
  if (unused.empty()) return;
  std::printf("rules that never fired on these documents (%zu):", unused.size());
  for (const auto& id : unused) std::printf(" %s", id.c_str());
  std::printf("\n");
}

}  // namespace

int EvalCommand(int argc, char** argv) {
  CLI::App app{"Score a run against gold annotations (format: samples/README.md).\n\n"
               "Examples:\n  recon eval samples/ --gold samples/gold.yaml\n"
               "  recon eval samples/holdout --gold samples/holdout/gold.yaml --min-f1 0.6 -v\n"
               "  recon eval samples/ --gold samples/gold.yaml --rules mine/ --against theirs/",
               "recon eval"};
  RunArgs args;
  std::string gold_path;
  std::vector<std::string> against;
  double min_f1 = 0;
  bool verbose = false;
  AddRunOptions(app, &args);
  app.add_option("--gold", gold_path, "gold annotations (YAML)")->required()->check(CLI::ExistingFile);
  app.add_option("--against", against,
                 "a second rule pack folder (layered over the defaults like --rules): score both and "
                 "list the events, claims and conflicts that appear, vanish or change")
      ->allow_extra_args(false);
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
  PrintScores(against.empty() ? nullptr : "first rule set:", r);
  if (verbose)
    for (const auto& d : r.details) std::printf("  %s\n", d.c_str());
  PrintUnused(*run);
  if (!against.empty()) {
    RunArgs second = args;
    second.options.rule_dirs = against;
    auto run2 = Execute(second);
    if (!run2) return 1;
    EvalReport r2 = Evaluate(*run2, gold);
    PrintScores("second rule set (--against):", r2);
    if (verbose)
      for (const auto& d : r2.details) std::printf("  %s\n", d.c_str());
    PrintUnused(*run2);
    PrintDiff(*run, *run2);
  }
  Finish(args, *run);
  if (r.events.f1() < min_f1) {
    std::fprintf(stderr, "recon eval: event F1 %.3f is below --min-f1 %.3f\n", r.events.f1(), min_f1);
    return 1;
  }
  return 0;
}

}  // namespace recon::cli

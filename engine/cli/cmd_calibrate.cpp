// recon calibrate: fits the Platt scaling that turns an event's raw confidence into a
// probability, on the events of a run matched (or not) to a gold file, reports the expected
// calibration error before and after (two-fold cross-fitted, so the figure is not the fit's own
// data), and can write the fitted parameters into a resolver rule pack.
#include <cstdio>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "common.h"
#include "recon/eval.h"
#include "recon/resolve.h"
#include "recon/truth.h"

namespace recon::cli {

namespace {

std::vector<double> Apply(const TruthCalibration& c, const std::vector<double>& raw) {
  std::vector<double> out;
  for (double r : raw) out.push_back(c.Apply(r));
  return out;
}

// Fits on one fold and predicts the other, both ways: every event's probability comes from a
// calibration that never saw it.
std::vector<double> CrossFitted(const std::vector<double>& raw, const std::vector<bool>& correct) {
  std::vector<double> out(raw.size());
  for (int fold = 0; fold < 2; ++fold) {
    std::vector<double> fit_raw;
    std::vector<bool> fit_correct;
    for (size_t i = 0; i < raw.size(); ++i)
      if (int(i % 2) != fold) fit_raw.push_back(raw[i]), fit_correct.push_back(correct[i]);
    TruthCalibration c = FitCalibration(fit_raw, fit_correct);
    for (size_t i = 0; i < raw.size(); ++i)
      if (int(i % 2) == fold) out[i] = c.Apply(raw[i]);
  }
  return out;
}

bool WritePack(const std::string& path, const ResolverSettings& s) {
  std::ofstream out(path);
  if (!out) return false;
  char buf[1024];
  std::snprintf(buf, sizeof buf,
                "# Resolver settings (ResolverSettings in include/recon/rules.h documents each one).\n"
                "# event_calibration_a/b were fitted by `recon calibrate ... --write` on gold events;\n"
                "# refit them whenever extraction, linking or resolving changes.\n"
                "pack: resolver\n"
                "resolver:\n"
                "  same_event_threshold: %g\n"
                "  date_tolerance_days: %g\n"
                "  count_tolerance: %g\n"
                "  truth_iterations: %d\n"
                "  truth_method: %s\n"
                "  copy_penalty: %g\n"
                "  unnamed_link_threshold: %g\n"
                "  event_calibration_a: %.4f\n"
                "  event_calibration_b: %.4f\n",
                s.same_event_threshold, s.date_tolerance_days, s.count_tolerance, s.truth_iterations,
                s.truth_method.c_str(), s.copy_penalty, s.unnamed_link_threshold, s.event_calibration_a,
                s.event_calibration_b);
  out << buf;
  return bool(out);
}

}  // namespace

int CalibrateCommand(int argc, char** argv) {
  CLI::App app{"Fit event-confidence calibration (Platt scaling) on gold events and report the\n"
               "expected calibration error (ECE, 10 bins) before and after.\n\n"
               "Examples:\n  recon calibrate samples/*.md --gold samples/gold.yaml\n"
               "  recon calibrate samples/*.md --gold samples/gold.yaml --write rules/resolver.yaml\n"
               "  recon calibrate samples/holdout --gold samples/holdout/gold.yaml   (measure only)",
               "recon calibrate"};
  RunArgs args;
  std::string gold_path, write_path;
  AddRunOptions(app, &args);
  app.add_option("--gold", gold_path, "gold annotations (YAML)")->required()->check(CLI::ExistingFile);
  app.add_option("--write", write_path,
                 "write the resolver settings with the fitted calibration to this rule pack file");
  CLI11_PARSE(app, argc, argv);
  Diagnostics gold_diags;
  Gold gold = LoadGold(gold_path, &gold_diags);
  for (const auto& d : gold_diags.items()) std::cerr << Format(d) << "\n";
  if (gold_diags.error_count()) return 1;
  auto run = Execute(args);
  if (!run) return 1;
  // Resolve once more with the identity to see the raw scores the configured calibration maps.
  const TruthCalibration configured{run->rules.resolver.event_calibration_a,
                                    run->rules.resolver.event_calibration_b};
  RuleSet identity = run->rules;
  identity.resolver.event_calibration_a = 1;
  identity.resolver.event_calibration_b = 0;
  run->timeline = Resolve(run->corpus, run->linked, identity);
  EvalReport report = Evaluate(*run, gold);
  std::map<std::string, double> confidence;
  for (const auto& e : run->timeline.events) confidence[e.id] = e.confidence;
  std::vector<double> raw;
  std::vector<bool> correct;
  for (const auto& [id, matched] : report.event_outcomes) {
    raw.push_back(confidence[id]);
    correct.push_back(matched);
  }
  size_t positives = 0;
  for (bool c : correct) positives += c;
  TruthCalibration fitted = FitCalibration(raw, correct);
  std::printf("events %zu (matched %zu, unmatched %zu)\n", raw.size(), positives, raw.size() - positives);
  std::printf("ECE raw (identity)             %.3f\n", ExpectedCalibrationError(raw, correct));
  std::printf("ECE configured (a %.4f, b %.4f) %.3f\n", configured.a, configured.b,
              ExpectedCalibrationError(Apply(configured, raw), correct));
  std::printf("fitted here: a %.4f  b %.4f\n", fitted.a, fitted.b);
  std::printf("ECE fitted, in-sample          %.3f\n", ExpectedCalibrationError(Apply(fitted, raw), correct));
  std::printf("ECE fitted, two-fold cross-fit %.3f\n",
              ExpectedCalibrationError(CrossFitted(raw, correct), correct));
  if (raw.size() < 100)
    std::printf("note: %zu events is a small sample; one bin holds few events and ECE moves by "
                "several points with a single event\n", raw.size());
  if (!write_path.empty()) {
    ResolverSettings s = run->rules.resolver;
    s.event_calibration_a = fitted.a;
    s.event_calibration_b = fitted.b;
    if (!WritePack(write_path, s)) {
      std::fprintf(stderr, "recon calibrate: cannot write %s\n", write_path.c_str());
      return 1;
    }
    std::printf("wrote %s\n", write_path.c_str());
  }
  return Finish(args, *run);
}

}  // namespace recon::cli

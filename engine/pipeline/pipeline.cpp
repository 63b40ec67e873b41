// The pipeline: runs ingest, extract, link and resolve in order, timing and counting each.
#include "recon/pipeline.h"

#include <chrono>
#include <ctime>
#include <map>
#include <stdexcept>

#include "recon/ingest.h"
#include "recon/resolve.h"

namespace recon {

namespace {

class StageTimer {
 public:
  StageTimer(std::vector<StageStats>* stats, std::string name, const RunOptions& options)
      : stats_(stats), start_(std::chrono::steady_clock::now()), cpu_start_(std::clock()) {
    if (options.on_stage) options.on_stage(name);
    stats_->push_back({std::move(name), 0, {}});
  }
  ~StageTimer() {
    stats_->back().seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    // On a shared machine wall time also counts other processes; CPU time is the stage's own.
    stats_->back().cpu_seconds = double(std::clock() - cpu_start_) / CLOCKS_PER_SEC;
  }
  void Count(std::string what, size_t n) { stats_->back().counts.emplace_back(std::move(what), n); }

 private:
  std::vector<StageStats>* stats_;
  std::chrono::steady_clock::time_point start_;
  std::clock_t cpu_start_;
};

}  // namespace

RunResult RunCorpus(Corpus corpus, RuleSet rules, Diagnostics diagnostics,
                    const RunOptions& options) {
  RunResult r;
  r.rules = std::move(rules);
  r.corpus = std::move(corpus);
  r.diagnostics = std::move(diagnostics);
  {
    StageTimer t(&r.stats, "extract", options);
    Extractor extractor(r.rules);
    r.extraction = extractor.Run(r.corpus, {options.threads, options.keep_removed});
    t.Count("sentences", r.extraction.sentences);
    t.Count("boilerplate lines", r.extraction.boilerplate_lines);
    t.Count("time expressions", r.extraction.time_expressions);
    t.Count("mentions", r.extraction.mentions);
    t.Count("claims", r.extraction.claims.size());
  }
  {
    StageTimer t(&r.stats, "link", options);
    r.linked = LinkClaims(r.corpus, std::move(r.extraction.claims), r.rules);
    r.extraction.claims.clear();
    t.Count("entities", r.linked.entities.size());
    t.Count("edges", r.linked.graph.edge_count());
    t.Count("candidate links", r.linked.candidates.size());
  }
  {
    StageTimer t(&r.stats, "resolve", options);
    r.timeline = Resolve(r.corpus, r.linked, r.rules);
    t.Count("events", r.timeline.events.size());
    t.Count("conflicts", r.timeline.conflicts.size());
  }
  return r;
}

RunResult Run(const std::vector<std::string>& inputs, const RunOptions& options) {
  Diagnostics diags;
  std::vector<StageStats> stats;
  RuleSet rules;
  {
    StageTimer t(&stats, "rules", options);
    std::vector<std::string> dirs;
    if (!options.no_default_rules) dirs.push_back(DefaultRulesDir());
    dirs.insert(dirs.end(), options.rule_dirs.begin(), options.rule_dirs.end());
    rules = LoadRules(dirs, &diags);
    if (rules.event_types.empty())
      throw std::runtime_error("no event types loaded from the rule packs (" +
                               std::to_string(diags.error_count()) + " rule errors); see the diagnostics above");
    t.Count("rule files", rules.files.size());
    t.Count("triggers", rules.triggers.size());
  }
  Corpus corpus;
  {
    StageTimer t(&stats, "ingest", options);
    size_t before = diags.error_count();
    corpus = Ingest(inputs, &diags, options.threads);
    t.Count("files", corpus.files_read);
    t.Count("documents", corpus.documents.size());
    t.Count("skipped", diags.error_count() - before);
  }
  RunResult r = RunCorpus(std::move(corpus), std::move(rules), std::move(diags), options);
  r.stats.insert(r.stats.begin(), stats.begin(), stats.end());
  return r;
}

std::string Summary(const RunResult& r) {
  std::map<std::string, size_t> errors, warnings, rule_errors;
  for (const auto& d : r.diagnostics.items()) {
    if (d.code.rfind("rule", 0) == 0) rule_errors[d.code] += d.severity == Severity::kError;
    else (d.severity == Severity::kError ? errors : warnings)[d.code]++;
  }
  size_t skipped = 0;
  for (const auto& [code, n] : errors) skipped += n;
  std::string s = "recon: " + std::to_string(r.corpus.documents.size()) + " documents read, " +
                  std::to_string(skipped) + " inputs skipped";
  if (!errors.empty()) {
    s += " (";
    bool first = true;
    for (const auto& [code, n] : errors) {
      s += (first ? "" : ", ") + std::to_string(n) + " " + code;
      first = false;
    }
    s += ")";
  }
  if (!warnings.empty()) {
    size_t w = 0;
    for (const auto& [code, n] : warnings) w += n;
    s += ", " + std::to_string(w) + " warnings";
  }
  size_t bad_rules = 0;
  for (const auto& [code, n] : rule_errors) bad_rules += n;
  if (bad_rules) s += ", " + std::to_string(bad_rules) + " rule errors (those rules were skipped)";
  s += "; " + std::to_string(r.linked.claims.size()) + " claims, " +
       std::to_string(r.timeline.events.size()) + " events, " +
       std::to_string(r.timeline.conflicts.size()) + " conflicts\n";
  return s;
}

std::vector<std::string> UnusedRules(const RunResult& r) {
  std::vector<std::string> out;
  for (const auto& [id, hits] : r.extraction.rule_hits)
    if (hits == 0) out.push_back(id);
  return out;  // rule_hits is a std::map: already sorted
}

}  // namespace recon

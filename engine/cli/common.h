// Options and steps shared by the subcommands that run the pipeline.
#ifndef RECON_CLI_COMMON_H_
#define RECON_CLI_COMMON_H_

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "recon/pipeline.h"

namespace recon::cli {

struct RunArgs {
  std::vector<std::string> inputs;
  RunOptions options;
  bool stats = false;
  bool strict = false;
  bool quiet = false;
  bool show_removed = false;
};

// Adds PATH..., --rules, -j, --stats, --strict, -q, --show-removed, with defaults from RunOptions.
void AddRunOptions(CLI::App& app, RunArgs* args);
// Runs the pipeline and prints diagnostics; nullopt (after printing why) when it cannot run.
std::optional<RunResult> Execute(const RunArgs& args);
// Prints the summary and stats to standard error; the exit code (1 under --strict with diagnostics).
int Finish(const RunArgs& args, const RunResult& run);

}  // namespace recon::cli

#endif  // RECON_CLI_COMMON_H_

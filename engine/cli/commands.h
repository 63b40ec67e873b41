// The subcommands of the recon binary: one table of name, summary and handler.
#ifndef RECON_CLI_COMMANDS_H_
#define RECON_CLI_COMMANDS_H_

#include <string_view>

namespace recon::cli {

// A handler receives argv with argv[0] = "recon <name>" and returns the exit code.
using Handler = int (*)(int argc, char** argv);

struct Command {
  std::string_view name;
  std::string_view summary;
  Handler handler;
};

int RunCommand(int argc, char** argv);        // recon run
int ConflictsCommand(int argc, char** argv);  // recon conflicts
int ExplainCommand(int argc, char** argv);    // recon explain
int RulesCommand(int argc, char** argv);      // recon rules check
int EvalCommand(int argc, char** argv);       // recon eval
int TimexCommand(int argc, char** argv);      // recon timex
int EvalTimexCommand(int argc, char** argv);  // recon eval-timex
int ResolveCommand(int argc, char** argv);    // recon resolve
int CalibrateCommand(int argc, char** argv);  // recon calibrate

}  // namespace recon::cli

#endif  // RECON_CLI_COMMANDS_H_

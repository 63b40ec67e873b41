// recon's entry point: dispatches to the subcommand table, prints help and "did you mean".
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"
#include "recon/text_util.h"

namespace recon::cli {
namespace {

constexpr Command kCommands[] = {
    {"run", "extract, link and resolve articles into a timeline", RunCommand},
    {"conflicts", "list only the conflicts, most severe first", ConflictsCommand},
    {"explain", "show the claims, rules and reasoning behind one event", ExplainCommand},
    {"resolve", "truth discovery over a file of claims (vote, TruthFinder, Accu, AccuCopy)",
     ResolveCommand},
    {"eval", "score a run against gold annotations", EvalCommand},
    {"calibrate", "fit event-confidence calibration on gold events; report ECE", CalibrateCommand},
    {"timex", "find and normalise time expressions in one text", TimexCommand},
    {"eval-timex", "score the time-expression tagger on TimeML files", EvalTimexCommand},
    {"rules", "validate rule packs (recon rules check [DIR])", RulesCommand},
};

void PrintHelp(std::ostream& out) {
  out << "recon " RECON_VERSION ": reconciles what different sources claim happened, and when.\n\n"
         "Usage: recon <command> [options]\n\nCommands:\n";
  for (const auto& c : kCommands) {
    out << "  " << c.name << std::string(12 - std::min<size_t>(11, c.name.size()), ' ')
        << c.summary << "\n";
  }
  out << "\nRun 'recon <command> --help' for a command's options and examples.\n"
         "Example: recon run samples/ --format markdown\n";
}

}  // namespace
}  // namespace recon::cli

int main(int argc, char** argv) {
  using namespace recon::cli;
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") ||
      !std::strcmp(argv[1], "help")) {
    PrintHelp(std::cout);
    return argc < 2 ? 2 : 0;
  }
  if (!std::strcmp(argv[1], "--version")) {
    std::cout << "recon " RECON_VERSION "\n";
    return 0;
  }
  std::string_view name = argv[1];
  for (const auto& c : kCommands) {
    if (c.name != name) continue;
    std::string program = "recon " + std::string(c.name);
    std::vector<char*> args(argv + 1, argv + argc);
    args[0] = program.data();
    return c.handler(int(args.size()), args.data());
  }
  std::cerr << "recon: unknown command '" << name << "'.";
  std::vector<std::string_view> names;
  for (const auto& c : kCommands) names.push_back(c.name);
  std::string best = recon::Closest(name, names);
  if (!best.empty()) std::cerr << " Did you mean 'recon " << best << "'?";
  std::cerr << "\nRun 'recon --help' for the list of commands.\n";
  return 2;
}

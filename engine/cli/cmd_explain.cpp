// recon explain: runs the pipeline, then prints the reasoning behind one event.
#include <iostream>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "common.h"
#include "recon/report.h"

namespace recon::cli {

int ExplainCommand(int argc, char** argv) {
  CLI::App app{"Show the claims, sources, rules and reasoning behind one event.\n\n"
               "Examples:\n  recon explain E3 samples/\n  recon explain \"defect\" samples/ --rules my-rules/",
               "recon explain"};
  std::string query;
  RunArgs args;
  // Declared before PATH so the first positional is the query.
  app.add_option("ID|TEXT", query, "an event id (E3) or text in an event's label")->required();
  AddRunOptions(app, &args);
  CLI11_PARSE(app, argc, argv);
  auto run = Execute(args);
  if (!run) return 1;
  if (!WriteExplain(*run, query, std::cout)) {
    std::cerr << "recon explain: no event has id or label matching '" << query << "' ("
              << run->timeline.events.size() << " events; list them with 'recon run')\n";
    Finish(args, *run);
    return 1;
  }
  return Finish(args, *run);
}

}  // namespace recon::cli

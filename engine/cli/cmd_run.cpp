// recon run / conflicts / explain / rules check: options into structs, then one library call.
#include <fstream>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "common.h"
#include "recon/report.h"

namespace recon::cli {

int RunCommand(int argc, char** argv) {
  CLI::App app{"Extract, link and resolve articles into one dated timeline.\n\n"
               "Examples:\n  recon run samples/\n  recon run samples/ --format json -o timeline.json\n"
               "  cat articles.jsonl | recon run - --format markdown --stats",
               "recon run"};
  RunArgs args;
  std::string format = "table", output, csv_table = "events";
  AddRunOptions(app, &args);
  auto formats = ReportFormatNames();
  app.add_option("--format", format, "output format")->check(CLI::IsMember(formats));
  app.add_option("--csv-table", csv_table, "the table --format csv writes")
      ->check(CLI::IsMember({"events", "claims"}))
      ->default_val(csv_table);
  app.add_option("-o,--output", output, "write the report here instead of standard output");
  CLI11_PARSE(app, argc, argv);
  auto run = Execute(args);
  if (!run) return 1;
  auto fmt = *ParseReportFormat(format);
  ReportOptions report_options;
  report_options.csv_table = *ParseCsvTable(csv_table);
  if (output.empty()) {
    WriteReport(*run, fmt, std::cout, report_options);
  } else {
    std::ofstream out(output, std::ios::binary);
    if (!out) {
      std::cerr << "recon: cannot write '" << output << "': check the folder exists and is writable\n";
      return 1;
    }
    WriteReport(*run, fmt, out, report_options);
    if (!out) {
      std::cerr << "recon: writing '" << output << "' failed\n";
      return 1;
    }
  }
  return Finish(args, *run);
}

int ConflictsCommand(int argc, char** argv) {
  CLI::App app{"List only the conflicts between sources, most severe first.\n\n"
               "Example:\n  recon conflicts samples/",
               "recon conflicts"};
  RunArgs args;
  AddRunOptions(app, &args);
  CLI11_PARSE(app, argc, argv);
  auto run = Execute(args);
  if (!run) return 1;
  WriteConflicts(*run, std::cout);
  return Finish(args, *run);
}

int RulesCommand(int argc, char** argv) {
  CLI::App app{"Validate rule packs without running.\n\n"
               "Examples:\n  recon rules check\n  recon rules check my-rules/",
               "recon rules"};
  auto* check = app.add_subcommand("check", "validate the default packs and DIR layered over them");
  std::vector<std::string> dirs;
  bool no_defaults = false;
  check->add_option("DIR", dirs, "rule pack folders or files");
  check->add_flag("--no-default-rules", no_defaults, "check only DIR, not the bundled packs");
  app.require_subcommand(1);
  CLI11_PARSE(app, argc, argv);
  Diagnostics diags;
  std::vector<std::string> all;
  if (!no_defaults) all.push_back(DefaultRulesDir());
  all.insert(all.end(), dirs.begin(), dirs.end());
  RuleSet rules = LoadRules(all, &diags);
  for (const auto& d : diags.items()) std::cerr << Format(d) << "\n";
  std::cout << rules.files.size() << " rule files: " << rules.event_types.size() << " event types, "
            << rules.triggers.size() << " triggers, " << rules.entities.size() << " entities, "
            << rules.ranks.size() << " ranks, " << rules.outlets.size() << " outlets, "
            << rules.modality.size() << " modality cues, " << rules.attribution.size()
            << " attribution cues, " << rules.boilerplate.size() << " boilerplate rules; "
            << diags.error_count() << " errors\n";
  return diags.error_count() ? 1 : 0;
}

}  // namespace recon::cli

// recon timex (tag time expressions in one text) and recon eval-timex (score on TimeML files).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "recon/rules.h"
#include "recon/timex.h"
#include "recon/timex_eval.h"

namespace recon::cli {
namespace {

// The default rule packs plus `extra`; nullopt (after printing why) when a pack has errors.
std::optional<RuleSet> LoadTimexRules(const std::vector<std::string>& extra) {
  std::vector<std::string> dirs{DefaultRulesDir()};
  dirs.insert(dirs.end(), extra.begin(), extra.end());
  Diagnostics diags;
  RuleSet rules = LoadRules(dirs, &diags);
  for (const auto& d : diags.items()) std::cerr << Format(d) << "\n";
  if (diags.error_count() > 0) {
    std::cerr << "recon: the rule packs have errors; fix them first (recon rules check)\n";
    return std::nullopt;
  }
  return rules;
}

std::string RangeEnd(Date d) { return d.is_special() ? "" : ToIso(d); }
// An interval end for JSON: null when open or unknown.
nlohmann::ordered_json JsonEnd(Date d) {
  return d.is_special() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(ToIso(d));
}

}  // namespace

int TimexCommand(int argc, char** argv) {
  CLI::App app{"Find and normalise the time expressions in one text.\n\n"
               "Examples:\n  recon timex article.txt --dct 2018-06-14\n"
               "  echo 'He left two years ago.' | recon timex - --dct 2018-06-14 --format table",
               "recon timex"};
  std::string input = "-", dct_text, format = "json";
  std::vector<std::string> rule_dirs;
  app.add_option("FILE", input, "the text to tag; - reads standard input");
  app.add_option("--dct", dct_text, "document creation time YYYY-MM-DD (relative dates need it)");
  app.add_option("--format", format, "output format")->check(CLI::IsMember({"json", "table"}));
  app.add_option("--rules", rule_dirs, "extra rule-pack directories, layered over the defaults");
  CLI11_PARSE(app, argc, argv);
  std::optional<Date> dct;
  if (!dct_text.empty()) {
    dct = ParseIsoDate(dct_text);
    if (!dct) {
      std::cerr << "recon timex: --dct must be a date like 2018-06-14, not '" << dct_text << "'\n";
      return 2;
    }
  }
  std::stringstream ss;
  if (input == "-") {
    ss << std::cin.rdbuf();
  } else {
    std::ifstream in(input, std::ios::binary);
    if (!in) {
      std::cerr << "recon timex: cannot read '" << input << "'\n";
      return 1;
    }
    ss << in.rdbuf();
  }
  auto rules = LoadTimexRules(rule_dirs);
  if (!rules) return 1;
  TimexTagger tagger(rules->timex);
  std::string text = ss.str();
  auto found = tagger.Tag(text, dct);
  if (format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& e : found) {
      nlohmann::ordered_json j;
      j["begin"] = e.begin;
      j["end"] = e.end;
      j["text"] = e.text;
      j["type"] = std::string(ToString(e.type));
      j["value"] = e.value;
      j["interval"] = {{"start", JsonEnd(e.range.start)},
                       {"end", JsonEnd(e.range.end)},
                       {"granularity", std::string(ToString(e.range.granularity))},
                       {"qualifier", std::string(ToString(e.range.qualifier))}};
      if (e.range.vague) j["vague"] = true;
      if (e.anchor_only) j["anchor_only"] = true;
      if (e.relation) {
        j["relation"] = {{"offset", e.relation->offset},
                         {"unit", e.relation->unit},
                         {"direction", e.relation->before ? "before" : "after"},
                         {"anchor", e.relation->anchor},
                         {"anchor_begin", e.relation->anchor_begin},
                         {"anchor_end", e.relation->anchor_end}};
      }
      list.push_back(j);
    }
    std::cout << list.dump(2) << "\n";
  } else {
    std::printf("%-6s %-6s %-9s %-22s %-10s %-10s %-8s %-10s %s\n", "begin", "end", "type", "value",
                "start", "end", "gran", "qualifier", "text");
    for (const auto& e : found) {
      std::printf("%-6zu %-6zu %-9s %-22s %-10s %-10s %-8s %-10s %s\n", e.begin, e.end,
                  std::string(ToString(e.type)).c_str(), e.value.c_str(),
                  RangeEnd(e.range.start).c_str(), RangeEnd(e.range.end).c_str(),
                  std::string(ToString(e.range.granularity)).c_str(),
                  std::string(ToString(e.range.qualifier)).c_str(), e.text.c_str());
    }
  }
  return 0;
}

int EvalTimexCommand(int argc, char** argv) {
  CLI::App app{"Score the time-expression tagger on TimeML (.tml) files, as the TempEval-3\n"
               "Task A scorer does (the creation-time TIMEX3 is the dct and is not scored).\n\n"
               "Example:\n  recon eval-timex ../shared/data/tempeval3/platinum",
               "recon eval-timex"};
  std::string dir, format = "table";
  bool show_errors = false;
  std::vector<std::string> rule_dirs;
  app.add_flag("--errors", show_errors, "list every miss, spurious expression and wrong value");
  app.add_option("DIR", dir, "folder of .tml files (searched recursively)")->required();
  app.add_option("--format", format, "output format")->check(CLI::IsMember({"json", "table"}));
  app.add_option("--rules", rule_dirs, "extra rule-pack directories, layered over the defaults");
  CLI11_PARSE(app, argc, argv);
  auto rules = LoadTimexRules(rule_dirs);
  if (!rules) return 1;
  TimexTagger tagger(rules->timex);
  std::vector<std::string> errors;
  TimexScores s = EvaluateTimexDir(dir, tagger, &errors, show_errors ? &std::cout : nullptr);
  for (const auto& e : errors) std::cerr << "recon eval-timex: " << e << "\n";
  if (s.documents == 0) {
    std::cerr << "recon eval-timex: no .tml files under '" << dir << "'\n";
    return 1;
  }
  if (format == "json") {
    nlohmann::ordered_json j;
    j["documents"] = s.documents, j["gold"] = s.gold, j["system"] = s.system;
    j["strict"] = {{"precision", s.strict_precision()}, {"recall", s.strict_recall()}, {"f1", s.strict_f1()}};
    j["relaxed"] = {{"precision", s.relaxed_precision()}, {"recall", s.relaxed_recall()}, {"f1", s.relaxed_f1()}};
    j["type_accuracy"] = s.type_accuracy();
    j["value_accuracy"] = s.value_accuracy();
    j["value_f1"] = s.value_f1();
    std::cout << j.dump(2) << "\n";
  } else {
    std::printf("documents %d, gold %ld, system %ld\n", s.documents, s.gold, s.system);
    std::printf("strict   P %6.2f  R %6.2f  F1 %6.2f\n", s.strict_precision(), s.strict_recall(), s.strict_f1());
    std::printf("relaxed  P %6.2f  R %6.2f  F1 %6.2f\n", s.relaxed_precision(), s.relaxed_recall(), s.relaxed_f1());
    std::printf("type accuracy %6.2f  value accuracy %6.2f  value F1 %6.2f\n", s.type_accuracy(),
                s.value_accuracy(), s.value_f1());
  }
  return errors.empty() ? 0 : 1;
}

}  // namespace recon::cli

// recon resolve: truth discovery over a file of claims (CSV or JSON Lines); options into
// TruthOptions, one call to DiscoverTruth, then the chosen values and source reliabilities.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "recon/truth.h"

namespace recon::cli {
namespace {

std::string Num(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", x);
  return buf;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Splits one CSV row (quoted fields with "" escapes).
std::vector<std::string> SplitRow(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

struct Label {
  bool correct = false;
  int fold = -1;  // -1: no fold column
};

// Reads "object,attribute,correct[,fold]" rows (correct = 0/1 for the chosen value).
bool ReadLabels(const std::string& path, std::map<std::pair<std::string, std::string>, Label>* out) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (header) {
      header = false;
      continue;
    }
    auto f = SplitRow(line);
    if (f.size() < 3) continue;
    Label l;
    l.correct = f[2] == "1";
    if (f.size() > 3 && !f[3].empty()) l.fold = std::atoi(f[3].c_str());
    (*out)[{f[0], f[1]}] = l;
  }
  return true;
}

}  // namespace

int ResolveCommand(int argc, char** argv) {
  CLI::App app{"Truth discovery: choose each object's attribute value from conflicting sources'\n"
               "claims and estimate each source's reliability.\n\n"
               "Input: CSV with a header naming source, object, attribute, value (optional time,\n"
               "cites, weight) or JSON Lines with the same keys.\n\n"
               "Examples:\n  recon resolve claims.csv\n"
               "  recon resolve claims.jsonl --method truthfinder --similarity tokens --format json",
               "recon resolve"};
  TruthOptions options;
  std::string file, method = std::string(TruthMethodName(options.method)), format = "table";
  std::string similarity = "exact", labels;
  std::vector<double> calibration;
  std::vector<std::string> priors;
  bool all_values = false;
  double window = 10;
  app.add_option("FILE", file, "claims file, or - for standard input")->required();
  app.add_option("--method", method, "vote, truthfinder, accu or accucopy")->capture_default_str()
      ->check(CLI::IsMember({"vote", "truthfinder", "accu", "accucopy"}));
  app.add_option("--format", format, "table, json or csv")->capture_default_str()
      ->check(CLI::IsMember({"table", "json", "csv"}));
  app.add_option("--similarity", similarity,
                 "value similarity for TruthFinder's implication: exact, tokens (Jaccard over "
                 "name tokens, for lists), contains (share of one list's tokens in the other) "
                 "numeric or clock (times within --window minutes)")->capture_default_str()
      ->check(CLI::IsMember({"exact", "tokens", "contains", "numeric", "clock"}));
  app.add_option("--window", window, "minutes over which --similarity clock falls to 0")
      ->capture_default_str();
  app.add_flag("--per-attribute", options.per_attribute,
               "learn one reliability per source and attribute");
  app.add_option("--true-copy-evidence", options.true_copy_evidence,
                 "AccuCopy: weight of shared true values as copying evidence (0..1)")
      ->capture_default_str();
  app.add_flag("--copy-per-attribute", options.copy_per_attribute,
               "AccuCopy: detect copying separately on each attribute");
  app.add_flag("--copy-seed-votes", options.copy_seed_votes,
               "AccuCopy: the first copy detection takes value probabilities from vote shares");
  app.add_option("--copy-evidence-items", options.copy_evidence_items,
                 "AccuCopy: a pair counts at most this many shared items (0 = no cap)")
      ->capture_default_str();
  app.add_flag("--accu-similarity", options.accu_similarity,
               "Accu/AccuCopy: similar values support each other (uses --similarity, "
               "--implication)");
  app.add_option("--threads", options.threads, "worker threads (0 = all cores)")
      ->capture_default_str();
  app.add_option("--iterations", options.iterations, "at most this many rounds")->capture_default_str();
  app.add_option("--false-values", options.false_values, "Accu's n false values per attribute")->capture_default_str();
  app.add_option("--default-reliability", options.default_reliability,
                 "prior reliability of sources without --prior")->capture_default_str();
  app.add_option("--prior", priors, "SOURCE=P prior reliability of one source (repeatable)");
  app.add_option("--copy-prior", options.copy_prior, "AccuCopy's prior P(dependent)")->capture_default_str();
  app.add_option("--copy-rate", options.copy_rate, "AccuCopy's share of values a copier copies")->capture_default_str();
  app.add_option("--dampening", options.dampening, "TruthFinder's gamma")->capture_default_str();
  app.add_option("--implication", options.implication, "TruthFinder's rho")->capture_default_str();
  app.add_option("--base-similarity", options.base_similarity,
                 "TruthFinder's base: imp(a -> b) = similarity(a, b) - base")->capture_default_str();
  app.add_option("--calibration", calibration, "A B: Platt parameters, p = sigmoid(A*logit(raw)+B)")
      ->expected(2);
  app.add_option("--fit-calibration", labels,
                 "CSV of object,attribute,correct (0/1 for the chosen value)[,fold]: fit Platt on "
                 "them, print A B to standard error and apply; with folds, each labelled item is "
                 "calibrated by the fit on the other folds");
  app.add_flag("--all-values", all_values, "list every candidate value, not only the chosen one");
  CLI11_PARSE(app, argc, argv);

  ParseTruthMethod(method, &options.method);
  if (similarity == "tokens") {
    options.similarity = [](std::string_view, std::string_view a, std::string_view b) {
      return TokenSetSimilarity(a, b);
    };
  } else if (similarity == "contains") {
    options.similarity = [](std::string_view, std::string_view a, std::string_view b) {
      return TokenContainment(a, b);
    };
  } else if (similarity == "clock") {
    options.similarity = [window](std::string_view, std::string_view a, std::string_view b) {
      return ClockSimilarity(a, b, window);
    };
  } else if (similarity == "numeric") {
    options.similarity = [](std::string_view, std::string_view a, std::string_view b) {
      return NumericSimilarity(a, b);
    };
  }
  for (const auto& p : priors) {
    size_t eq = p.rfind('=');
    try {
      if (eq == std::string::npos) throw std::invalid_argument(p);
      options.priors[p.substr(0, eq)] = std::stod(p.substr(eq + 1));
    } catch (const std::exception&) {
      std::cerr << "recon resolve: --prior wants SOURCE=P, got '" << p << "'\n";
      return 2;
    }
  }
  if (calibration.size() == 2) options.calibration = {calibration[0], calibration[1]};

  Diagnostics diags;
  std::vector<TruthClaim> claims;
  if (file == "-") {
    claims = ReadTruthClaims(std::cin, "<stdin>", &diags);
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::cerr << "recon resolve: cannot open '" << file << "'\n";
      return 1;
    }
    claims = ReadTruthClaims(in, file, &diags);
  }
  for (const auto& d : diags.items()) std::cerr << Format(d) << "\n";

  TruthResult result = DiscoverTruth(claims, options);
  if (!labels.empty()) {
    std::map<std::pair<std::string, std::string>, Label> gold;
    if (!ReadLabels(labels, &gold)) {
      std::cerr << "recon resolve: cannot read labels '" << labels << "'\n";
      return 1;
    }
    // Fits on the labelled items outside `held_out` (all of them when held_out is -1).
    auto fit = [&](int held_out) {
      std::vector<double> raw;
      std::vector<bool> correct;
      for (const auto& d : result.decisions) {
        auto it = gold.find({d.object, d.attribute});
        if (it == gold.end() || d.values.empty()) continue;
        if (held_out >= 0 && it->second.fold == held_out) continue;
        raw.push_back(d.values[0].raw);
        correct.push_back(it->second.correct);
      }
      TruthCalibration cal = FitCalibration(raw, correct);
      std::cerr << "calibration: " << Num(cal.a) << " " << Num(cal.b) << " (fitted on "
                << raw.size() << " labelled decisions";
      if (held_out >= 0) std::cerr << ", fold " << held_out << " held out";
      std::cerr << ")\n";
      return cal;
    };
    // With a fold column, each labelled item is calibrated by the fit on the other folds
    // (cross-fitting, so its confidence can be scored honestly); the rest by the fit on all.
    std::map<int, TruthCalibration> per_fold;
    for (const auto& [key, l] : gold)
      if (l.fold >= 0 && !per_fold.count(l.fold)) per_fold[l.fold] = fit(l.fold);
    TruthCalibration all = fit(-1);
    for (auto& d : result.decisions) {
      auto it = gold.find({d.object, d.attribute});
      const TruthCalibration& cal =
          it != gold.end() && it->second.fold >= 0 ? per_fold[it->second.fold] : all;
      for (auto& v : d.values) v.confidence = cal.Apply(v.raw);
    }
  }

  std::ostream& out = std::cout;
  if (format == "json") {
    nlohmann::ordered_json j;
    j["method"] = method;
    j["iterations"] = result.iterations;
    auto& ds = j["decisions"] = nlohmann::ordered_json::array();
    for (const auto& d : result.decisions) {
      nlohmann::ordered_json o;
      o["object"] = d.object;
      o["attribute"] = d.attribute;
      auto& vs = o["values"] = nlohmann::ordered_json::array();
      for (size_t k = 0; k < d.values.size() && (all_values || k == 0); ++k) {
        vs.push_back({{"value", d.values[k].value},
                      {"confidence", d.values[k].confidence},
                      {"raw", d.values[k].raw},
                      {"claims", d.values[k].claims.size()}});
      }
      ds.push_back(std::move(o));
    }
    j["reliability"] = result.reliability;
    j["copying"] = result.copying;
    out << j.dump(1) << "\n";
  } else if (format == "csv") {
    out << "object,attribute,value,confidence,raw\n";
    for (const auto& d : result.decisions)
      for (size_t k = 0; k < d.values.size() && (all_values || k == 0); ++k)
        out << CsvField(d.object) << "," << CsvField(d.attribute) << ","
            << CsvField(d.values[k].value) << "," << Num(d.values[k].confidence) << ","
            << Num(d.values[k].raw) << "\n";
    out << "\nsource,reliability\n";
    for (const auto& [s, r] : result.reliability) out << CsvField(s) << "," << Num(r) << "\n";
  } else {
    out << "object\tattribute\tvalue\tconfidence\n";
    for (const auto& d : result.decisions)
      for (size_t k = 0; k < d.values.size() && (all_values || k == 0); ++k)
        out << d.object << "\t" << d.attribute << "\t" << d.values[k].value << "\t"
            << Num(d.values[k].confidence) << "\n";
    out << "\nsource\treliability\n";
    for (const auto& [s, r] : result.reliability) out << s << "\t" << Num(r) << "\n";
    for (const auto& [a, m] : result.copying)
      for (const auto& [b, p] : m) out << "copy\t" << a << " -> " << b << "\t" << Num(p) << "\n";
  }
  std::cerr << claims.size() << " claims, " << diags.items().size() << " bad rows skipped, "
            << result.decisions.size() << " decisions, " << result.iterations << " rounds ("
            << method << ")\n";
  return 0;
}

}  // namespace recon::cli

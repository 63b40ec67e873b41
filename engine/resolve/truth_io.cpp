// Reads truth-discovery claims from CSV or JSON Lines, turning bad rows into diagnostics.
#include <array>
#include <istream>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "recon/truth.h"

namespace recon {
namespace {

enum Field { kSource, kObject, kAttribute, kValue, kTime, kCites, kWeight, kFieldCount };
constexpr std::array<std::string_view, kFieldCount> kFieldNames = {
    "source", "object", "attribute", "value", "time", "cites", "weight"};

// Splits one CSV record (RFC 4180 quoting, no newlines inside fields). False on a bad quote.
bool SplitCsv(std::string_view line, std::vector<std::string>* out) {
  out->clear();
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::string field;
  size_t i = 0;
  while (true) {
    field.clear();
    if (i < line.size() && line[i] == '"') {
      ++i;
      while (true) {
        if (i >= line.size()) return false;
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += line[i++];
      }
      if (i < line.size() && line[i] != ',') return false;
    } else {
      while (i < line.size() && line[i] != ',') field += line[i++];
    }
    out->push_back(field);
    if (i >= line.size()) return true;
    ++i;  // the comma
  }
}

bool ParseWeight(const std::string& s, double* w) {
  if (s.empty()) return true;
  try {
    size_t used = 0;
    *w = std::stod(s, &used);
    return used == s.size() && *w >= 0 && *w <= 1;
  } catch (const std::exception&) {
    return false;
  }
}

// Checks the required fields; the message says what is wrong, or is empty when fine.
std::string Check(const TruthClaim& c) {
  if (c.source.empty()) return "empty source";
  if (c.object.empty()) return "empty object";
  if (c.attribute.empty()) return "empty attribute";
  return "";
}

}  // namespace

std::vector<TruthClaim> ReadTruthClaims(std::istream& in, const std::string& file,
                                        Diagnostics* diags) {
  std::vector<TruthClaim> claims;
  std::string line;
  int line_no = 0;
  bool json = false, decided = false;
  std::array<int, kFieldCount> column;
  column.fill(-1);
  std::vector<std::string> cells;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (!decided) {
      decided = true;
      json = line[line.find_first_not_of(" \t\r")] == '{';
      if (!json) {
        if (!SplitCsv(line, &cells)) {
          diags->Error(file, line_no, 0, "truth-header", "cannot read the CSV header");
          return claims;
        }
        for (size_t k = 0; k < cells.size(); ++k)
          for (int f = 0; f < kFieldCount; ++f)
            if (cells[k] == kFieldNames[f]) column[f] = int(k);
        for (int f : {kSource, kObject, kAttribute, kValue}) {
          if (column[f] < 0) {
            diags->Error(file, line_no, 0, "truth-header",
                         "the CSV header has no '" + std::string(kFieldNames[f]) +
                             "' column (need source, object, attribute, value)");
            return claims;
          }
        }
        continue;
      }
    }
    TruthClaim c;
    if (json) {
      nlohmann::json j;
      try {
        j = nlohmann::json::parse(line);
      } catch (const nlohmann::json::parse_error& e) {
        diags->Error(file, line_no, 0, "truth-row", std::string("not JSON: ") + e.what());
        continue;
      }
      if (!j.is_object()) {
        diags->Error(file, line_no, 0, "truth-row", "a JSON line must be an object");
        continue;
      }
      std::string bad;
      std::array<std::string*, kFieldCount> dest = {&c.source, &c.object, &c.attribute, &c.value,
                                                    &c.time,   &c.cites,  nullptr};
      for (int f = 0; f < kFieldCount && bad.empty(); ++f) {
        auto it = j.find(std::string(kFieldNames[f]));
        if (it == j.end() || it->is_null()) {
          if (f <= kValue) bad = "missing '" + std::string(kFieldNames[f]) + "'";
          continue;
        }
        if (f == kWeight) {
          if (!it->is_number() || it->get<double>() < 0 || it->get<double>() > 1)
            bad = "'weight' must be a number in [0,1]";
          else
            c.weight = it->get<double>();
        } else if (it->is_string()) {
          *dest[f] = it->get<std::string>();
        } else if (it->is_number() || it->is_boolean()) {
          *dest[f] = it->dump();
        } else {
          bad = "'" + std::string(kFieldNames[f]) + "' must be a string or number";
        }
      }
      if (bad.empty()) bad = Check(c);
      if (!bad.empty()) {
        diags->Error(file, line_no, 0, "truth-row", bad);
        continue;
      }
    } else {
      if (!SplitCsv(line, &cells)) {
        diags->Error(file, line_no, 0, "truth-row", "unbalanced quote in CSV row");
        continue;
      }
      auto get = [&](int f) -> std::string {
        return column[f] >= 0 && size_t(column[f]) < cells.size() ? cells[column[f]] : "";
      };
      int needed = std::max({column[kSource], column[kObject], column[kAttribute], column[kValue]});
      if (int(cells.size()) <= needed) {
        diags->Error(file, line_no, 0, "truth-row",
                     "expected at least " + std::to_string(needed + 1) + " fields, found " +
                         std::to_string(cells.size()));
        continue;
      }
      c.source = get(kSource);
      c.object = get(kObject);
      c.attribute = get(kAttribute);
      c.value = get(kValue);
      c.time = get(kTime);
      c.cites = get(kCites);
      std::string bad = Check(c);
      if (bad.empty() && !ParseWeight(get(kWeight), &c.weight))
        bad = "'weight' must be a number in [0,1]";
      if (!bad.empty()) {
        diags->Error(file, line_no, 0, "truth-row", bad);
        continue;
      }
    }
    claims.push_back(std::move(c));
  }
  return claims;
}

}  // namespace recon

// YamlReader: typed access to YAML nodes with diagnostics instead of exceptions.
#include "yaml_reader.h"

#include "recon/text_util.h"

#include <algorithm>

namespace recon {

void YamlReader::Error(const YAML::Node& at, std::string code, std::string message) {
  failed_ = true;
  auto mark = at.Mark();
  diags_->Error(file_, mark.line >= 0 ? mark.line + 1 : 0, mark.column >= 0 ? mark.column + 1 : 0,
                std::move(code), std::move(message));
}

bool YamlReader::CheckKeys(const YAML::Node& map, const std::vector<std::string_view>& allowed) {
  if (!map.IsMap()) {
    Error(map, "rule-type", "expected a mapping of keys to values");
    return false;
  }
  bool ok = true;
  for (const auto& kv : map) {
    std::string key = kv.first.as<std::string>();
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string hint = Closest(key, allowed);
    std::string msg = "unknown key '" + key + "'";
    if (!hint.empty()) msg += "; did you mean '" + hint + "'?";
    Error(kv.first, "rule-unknown-key", msg);
    ok = false;
  }
  return ok;
}

std::optional<std::string> YamlReader::String(const YAML::Node& map, const char* key,
                                              bool required) {
  YAML::Node n = map[key];
  if (!n) {
    if (required) Error(map, "rule-missing-key", std::string("missing required key '") + key + "'");
    return std::nullopt;
  }
  if (!n.IsScalar()) {
    Error(n, "rule-type", std::string("'") + key + "' must be a string");
    return std::nullopt;
  }
  return n.Scalar();
}

std::optional<double> YamlReader::Number(const YAML::Node& map, const char* key, bool required,
                                         double min, double max) {
  YAML::Node n = map[key];
  if (!n) {
    if (required) Error(map, "rule-missing-key", std::string("missing required key '") + key + "'");
    return std::nullopt;
  }
  double v;
  if (!n.IsScalar() || !YAML::convert<double>::decode(n, v)) {
    Error(n, "rule-type", std::string("'") + key + "' must be a number");
    return std::nullopt;
  }
  if (!(v >= min && v <= max)) {  // so that .nan fails too
    Error(n, "rule-range", std::string("'") + key + "' must lie between " + std::to_string(min) +
                               " and " + std::to_string(max));
    return std::nullopt;
  }
  return v;
}

std::optional<bool> YamlReader::Bool(const YAML::Node& map, const char* key) {
  YAML::Node n = map[key];
  if (!n) return std::nullopt;
  bool v;
  if (!n.IsScalar() || !YAML::convert<bool>::decode(n, v)) {
    Error(n, "rule-type", std::string("'") + key + "' must be true or false");
    return std::nullopt;
  }
  return v;
}

std::optional<std::vector<std::string>> YamlReader::StringList(const YAML::Node& map,
                                                               const char* key, bool required) {
  YAML::Node n = map[key];
  if (!n) {
    if (required) Error(map, "rule-missing-key", std::string("missing required key '") + key + "'");
    return std::nullopt;
  }
  std::vector<std::string> out;
  auto take = [&](const YAML::Node& item) {
    if (!item.IsScalar() || item.Scalar().empty()) {
      Error(item, "rule-type", std::string("'") + key + "' items must be non-empty strings");
      return false;
    }
    out.push_back(item.Scalar());
    return true;
  };
  if (n.IsScalar()) {
    if (!take(n)) return std::nullopt;
  } else if (n.IsSequence()) {
    for (const auto& item : n)
      if (!take(item)) return std::nullopt;
  } else {
    Error(n, "rule-type", std::string("'") + key + "' must be a string or a list of strings");
    return std::nullopt;
  }
  return out;
}

std::optional<std::map<std::string, std::string>> YamlReader::StringMap(const YAML::Node& map,
                                                                        const char* key) {
  YAML::Node n = map[key];
  if (!n) return std::nullopt;
  if (!n.IsMap()) {
    Error(n, "rule-type", std::string("'") + key + "' must be a mapping");
    return std::nullopt;
  }
  std::map<std::string, std::string> out;
  for (const auto& kv : n) {
    if (!kv.second.IsScalar()) {
      Error(kv.second, "rule-type", std::string("values of '") + key + "' must be strings");
      return std::nullopt;
    }
    out[kv.first.as<std::string>()] = kv.second.Scalar();
  }
  return out;
}

}  // namespace recon

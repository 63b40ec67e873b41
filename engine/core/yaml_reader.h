// YamlReader: typed, validated access to a parsed YAML file, turning every problem into a
// diagnostic with file, line and column. Private to the core library.
#ifndef RECON_CORE_YAML_READER_H_
#define RECON_CORE_YAML_READER_H_

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "recon/diagnostic.h"

namespace recon {

class YamlReader {
 public:
  YamlReader(std::string file, Diagnostics* diags) : file_(std::move(file)), diags_(diags) {}

  const std::string& file() const { return file_; }
  // 1-based line of a node.
  static int Line(const YAML::Node& n) { return n.Mark().line + 1; }

  void Error(const YAML::Node& at, std::string code, std::string message);
  // Reports every key of `map` not in `allowed`, with a "did you mean" when one is close.
  // Returns false when `map` is not a map or has an unknown key.
  bool CheckKeys(const YAML::Node& map, const std::vector<std::string_view>& allowed);

  // Typed getters: nullopt (with a diagnostic when `required` or the type is wrong).
  std::optional<std::string> String(const YAML::Node& map, const char* key, bool required);
  std::optional<double> Number(const YAML::Node& map, const char* key, bool required,
                               double min, double max);
  std::optional<bool> Bool(const YAML::Node& map, const char* key);
  // A string or a list of strings; empty strings are errors.
  std::optional<std::vector<std::string>> StringList(const YAML::Node& map, const char* key,
                                                     bool required);
  std::optional<std::map<std::string, std::string>> StringMap(const YAML::Node& map,
                                                              const char* key);

  bool failed() const { return failed_; }
  void reset_failed() { failed_ = false; }

 private:
  std::string file_;
  Diagnostics* diags_;
  bool failed_ = false;
};

}  // namespace recon

#endif  // RECON_CORE_YAML_READER_H_

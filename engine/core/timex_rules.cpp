// The `timex:` section of a rule pack: month and weekday vocabularies and date-order settings.
#include "sections.h"

#include <algorithm>

namespace recon {

static void ParseNameTable(const YAML::Node& node, YamlReader& r, const char* what, int max,
                           std::map<std::string, int>* out) {
  if (!node.IsMap()) {
    r.Error(node, "rule-type", std::string("'") + what + "' must map numbers to lists of names");
    return;
  }
  for (const auto& kv : node) {
    int n;
    if (!YAML::convert<int>::decode(kv.first, n) || n < 1 || n > max) {
      r.Error(kv.first, "rule-range", std::string("'") + what + "' keys must be 1.." + std::to_string(max));
      continue;
    }
    if (!kv.second.IsSequence()) {
      r.Error(kv.second, "rule-type", std::string("'") + what + "' values must be lists of names");
      continue;
    }
    for (const auto& name : kv.second) {
      std::string s = name.Scalar();
      std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
      (*out)[s] = n;
    }
  }
}

void ParseTimexSection(const YAML::Node& node, YamlReader& r, TimexRules* out) {
  if (!r.CheckKeys(node, {"months", "weekdays", "day_first"})) return;
  if (node["months"]) ParseNameTable(node["months"], r, "months", 12, &out->months);
  if (node["weekdays"]) ParseNameTable(node["weekdays"], r, "weekdays", 7, &out->weekdays);
  if (auto b = r.Bool(node, "day_first")) out->day_first = *b;
}

}  // namespace recon

// TimexRules: the vocabulary of time expressions (months, weekdays, seasons, modifiers), from YAML.
#ifndef RECON_TIMEX_RULES_H_
#define RECON_TIMEX_RULES_H_

#include <map>
#include <string>
#include <vector>

namespace recon {

// Loaded from the `timex:` section of a rule pack. Keys are lower case.
struct TimexRules {
  std::map<std::string, int> months;    // "january", "jan", "jan." -> 1
  std::map<std::string, int> weekdays;  // "monday", "mon" -> 1 (ISO: Monday = 1)
  bool day_first = false;               // "6/5/2018" is 6 May when true. Default: false
};

}  // namespace recon

#endif  // RECON_TIMEX_RULES_H_

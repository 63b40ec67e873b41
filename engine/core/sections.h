// Parsers of rule-pack sections that live in their own files. Private to the core library.
#ifndef RECON_CORE_SECTIONS_H_
#define RECON_CORE_SECTIONS_H_

#include <yaml-cpp/yaml.h>

#include "recon/timex_rules.h"
#include "yaml_reader.h"

namespace recon {

// Parses the `timex:` section into `out`, layering over what is there.
void ParseTimexSection(const YAML::Node& node, YamlReader& reader, TimexRules* out);

}  // namespace recon

#endif  // RECON_CORE_SECTIONS_H_

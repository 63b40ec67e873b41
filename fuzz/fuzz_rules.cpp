// libFuzzer target for LoadRulePackText: a rule pack's YAML into a RuleSet. Any exception that
// escapes is a bug (rule problems must become diagnostics), and so is a rule kept with bad data.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "recon/rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  recon::RuleSet rules;
  recon::Diagnostics diags;
  recon::LoadRulePackText(text, "fuzz.yaml", &rules, &diags);
  for (const auto& d : diags.items())
    if (d.file != "fuzz.yaml" || d.line < 0 || d.column < 0 || d.message.empty()) std::abort();
  for (const auto& t : rules.triggers) {
    if (t.id.empty() || t.patterns.empty()) std::abort();
    if (!(t.confidence >= 0 && t.confidence <= 1)) std::abort();
  }
  for (const auto& o : rules.outlets)
    if (!(o.reliability >= 0 && o.reliability <= 1)) std::abort();
  // Layering the same pack again must not add rules: every id is replaced in place.
  size_t before = rules.triggers.size() + rules.outlets.size() + rules.entities.size();
  recon::Diagnostics again;
  recon::LoadRulePackText(text, "fuzz.yaml", &rules, &again);
  if (rules.triggers.size() + rules.outlets.size() + rules.entities.size() != before) std::abort();
  return 0;
}

// Tests the lookups ExtractorTables builds once from the rules against the rule set's own.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract/reader.h"
#include "extract_fixture.h"
#include "recon/text_util.h"

namespace recon {
namespace {

// Every name, id and variant of every outlet, in the case written and in two others, with
// spaces around, and some names of no outlet: the index gives what RuleSet::FindOutlet gives.
TEST_CASE("The outlet index finds what the rule set's scan finds") {
  const RuleSet& rules = DefaultTestRules();
  ExtractorTables tables(rules);
  REQUIRE(rules.outlets.size() > 10);
  std::vector<std::string> names{"", " ", "Seoul", "the ministry", "Reuterss", std::string(80, 'y')};
  for (const auto& o : rules.outlets) {
    names.push_back(o.name);
    names.push_back(o.id);
    names.insert(names.end(), o.variants.begin(), o.variants.end());
  }
  auto upper = [](std::string s) {
    for (char& c : s) c = (c >= 'a' && c <= 'z') ? char(c - 32) : c;
    return s;
  };
  size_t found = 0;
  for (const auto& name : names)
    for (const std::string& n : {name, ToLower(name), " " + upper(name) + "  "}) {
      const OutletRule* want = rules.FindOutlet(n);
      CHECK_MESSAGE(tables.FindOutlet(n) == want, "'" << n << "'");
      found += want != nullptr;
    }
  CHECK(found >= 3 * rules.outlets.size());
}

}  // namespace
}  // namespace recon

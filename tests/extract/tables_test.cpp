// Tests the lookups ExtractorTables builds once from the rules against the rule set's own.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
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

// One matcher holds the triggers, modality cues, count cues and attribution cues: split by
// KindOf, its matches in the sample articles, in windows of tokens that cut some matches off,
// are those of a matcher built from each kind alone.
TEST_CASE("The cue matcher finds what a matcher per kind finds") {
  const RuleSet& rules = DefaultTestRules();
  ExtractorTables tables(rules);
  PhraseMatcher alone[ExtractorTables::kCueKinds];
  for (uint32_t i = 0; i < rules.triggers.size(); ++i)
    for (const auto& p : rules.triggers[i].patterns) alone[ExtractorTables::kTriggerCue].Add(p, i);
  for (uint32_t i = 0; i < rules.modality.size(); ++i)
    for (const auto& p : rules.modality[i].patterns) alone[ExtractorTables::kModalityCue].Add(p, i);
  for (uint32_t i = 0; i < rules.counts.size(); ++i)
    for (const auto& p : rules.counts[i].cues) alone[ExtractorTables::kCountCue].Add(p, i);
  uint32_t id = 0;
  for (const auto& r : rules.attribution)
    for (const auto& p : r.patterns) {
      const bool first = p.starts_with("{source}");
      id += alone[ExtractorTables::kAttributionCue].Add(first ? p.substr(8) : p.substr(0, p.size() - 8), id);
    }
  REQUIRE(id == tables.attribution_patterns.size());
  using Found = std::vector<std::tuple<uint32_t, uint32_t, uint32_t>>;  // first, last, id
  size_t found[ExtractorTables::kCueKinds] = {};
  for (const auto& entry : std::filesystem::directory_iterator(std::string(RECON_SOURCE_DIR) + "/samples")) {
    if (entry.path().extension() != ".md") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str(), lower = ToLower(s);
    std::vector<Token> tokens;
    Tokenize(s, lower, 0, s.size(), &tokens);
    for (uint32_t from = 0; from < tokens.size(); from += 17) {
      const uint32_t to = std::min<uint32_t>(uint32_t(tokens.size()), from + 23);
      Found got[ExtractorTables::kCueKinds], want[ExtractorTables::kCueKinds];
      for (PhraseMatcher::Match m : tables.cues.FindAll(tokens, from, to)) {
        const auto kind = tables.KindOf(&m.pattern);
        got[kind].emplace_back(m.first, m.last, m.pattern);
      }
      for (int k = 0; k < ExtractorTables::kCueKinds; ++k) {
        for (const auto& m : alone[k].FindAll(tokens, from, to)) want[k].emplace_back(m.first, m.last, m.pattern);
        CHECK_MESSAGE(got[k] == want[k], entry.path().filename() << " tokens " << from << ".." << to << " kind " << k);
        found[k] += want[k].size();
      }
    }
  }
  for (size_t n : found) CHECK(n > 10);
}

}  // namespace
}  // namespace recon

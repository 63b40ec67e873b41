// Tests the `timex:` rule-pack section (engine/core/timex_rules.cpp): vocabularies load, and
// mistakes become diagnostics with a line number instead of silent gaps.
#include <doctest/doctest.h>

#include <algorithm>

#include "recon/rules.h"

namespace recon {
namespace {

TEST_CASE("timex section loads every vocabulary") {
  const char* pack =
      "timex:\n"
      "  day_first: true\n"
      "  two_digit_pivot: 5\n"
      "  months: {6: [Juin]}\n"
      "  weekdays: {1: [lundi]}\n"
      "  seasons: {SP: [printemps]}\n"
      "  numbers: {3: [trois]}\n"
      "  ordinals: {1: [premier]}\n"
      "  units: {year: [an, ans]}\n"
      "  modifiers: {early: [debut]}\n"
      "  day_parts: {MO: [matin]}\n"
      "  words: {ago: [il]}\n"
      "  future_cues: [va]\n"
      "  past_cues: [etait]\n"
      "  past_suffixes: [ait]\n"
      "  ambiguous: [mars]\n"
      "  phrases:\n"
      "    - {text: En ce moment, type: DATE, value: PRESENT_REF}\n"
      "    - {text: noel, type: DATE, month: 12, day: 25}\n";
  RuleSet rules;
  Diagnostics diags;
  LoadRulePackText(pack, "fr.yaml", &rules, &diags);
  for (const auto& d : diags.items()) MESSAGE(Format(d));
  CHECK(diags.empty());
  const TimexRules& t = rules.timex;
  CHECK(t.day_first);
  CHECK(t.two_digit_pivot == 5);
  CHECK(t.months.at("juin") == 6);
  CHECK(t.weekdays.at("lundi") == 1);
  CHECK(t.seasons.at("printemps") == "SP");
  CHECK(t.numbers.at("trois") == 3);
  CHECK(t.ordinals.at("premier") == 1);
  CHECK(t.units.at("ans") == "year");
  CHECK(t.modifiers.at("debut") == "early");
  CHECK(t.day_parts.at("matin") == "MO");
  CHECK(t.words.at("il") == "ago");
  REQUIRE(t.phrases.size() == 2);
  CHECK(t.phrases[0].words == std::vector<std::string>{"en", "ce", "moment"});
  CHECK(t.phrases[1].month == 12);
  CHECK(t.phrases[1].day == 25);
}

TEST_CASE("timex section mistakes are diagnostics") {
  const char* pack =
      "timex:\n"
      "  months: {13: [smarch]}\n"
      "  units: {fortnight: [fortnight]}\n"
      "  words: {sooner: [soon]}\n"
      "  phrases:\n"
      "    - {text: whenever, type: DAT, value: X}\n"
      "    - {text: feast, type: DATE, month: 3}\n"
      "  weekday: {1: [monday]}\n";
  RuleSet rules;
  Diagnostics diags;
  LoadRulePackText(pack, "bad.yaml", &rules, &diags);
  CHECK(diags.error_count() >= 1);
  std::string all;
  for (const auto& d : diags.items()) all += Format(d) + "\n";
  CHECK(all.find("weekdays") != std::string::npos);  // "did you mean"
  // The unknown key stops the section, so nothing from it leaks in half-checked.
  CHECK(rules.timex.months.empty());
}

TEST_CASE("timex section value errors point at their line") {
  const char* pack =
      "timex:\n"
      "  months: {13: [smarch]}\n"
      "  units: {fortnight: [fortnight]}\n"
      "  words: {sooner: [soon]}\n"
      "  phrases:\n"
      "    - {text: whenever, type: DAT, value: X}\n"
      "    - {text: feast, type: DATE, month: 3}\n";
  RuleSet rules;
  Diagnostics diags;
  LoadRulePackText(pack, "bad.yaml", &rules, &diags);
  std::vector<int> lines;
  for (const auto& d : diags.items()) lines.push_back(d.line);
  CHECK(diags.error_count() == 5);
  for (int l : {2, 3, 4, 6, 7}) CHECK(std::find(lines.begin(), lines.end(), l) != lines.end());
  CHECK(rules.timex.months.empty());
  CHECK(rules.timex.units.empty());
  CHECK(rules.timex.phrases.empty());
}

}  // namespace
}  // namespace recon

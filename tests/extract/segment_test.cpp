// Tests engine/extract/segment_boilerplate.cpp: the boilerplate matcher, which runs each pattern
// only on lines holding one of its required strings, must find the same first matching rule as
// one RE2::Set over all patterns does, on the sample articles' lines and on lines made to probe
// its case folding.
#include <doctest/doctest.h>
#include <re2/set.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "extract/segment.h"
#include "extract_fixture.h"
#include "recon/text_util.h"

namespace recon {
namespace {

// The reference: one set over every pattern, the lowest matching index wins.
class SetReference {
 public:
  explicit SetReference(const std::vector<BoilerplateRule>& rules) {
    RE2::Options opts;
    opts.set_case_sensitive(false);
    opts.set_log_errors(false);
    set_ = std::make_unique<RE2::Set>(opts, RE2::ANCHOR_BOTH);
    for (const auto& r : rules) REQUIRE(set_->Add(r.line_pattern, nullptr) >= 0);
    REQUIRE(set_->Compile());
  }
  int Match(std::string_view line) const {
    std::vector<int> hits;
    if (!set_->Match(line, &hits)) return -1;
    return *std::min_element(hits.begin(), hits.end());
  }

 private:
  std::unique_ptr<RE2::Set> set_;
};

std::vector<std::string> SampleLines() {
  std::vector<std::string> lines;
  const char* root = std::getenv("RECON_SOURCE_DIR");
  std::filesystem::path dir = std::filesystem::path(root ? root : ".") / "samples";
  if (!std::filesystem::exists(dir)) return lines;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(e.path());
    std::string line;
    while (std::getline(in, line)) {
      std::string_view t = Trim(line);
      if (!t.empty()) lines.emplace_back(t);
    }
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

TEST_CASE("the boilerplate matcher agrees with one set over all patterns") {
  const auto& rules = DefaultTestRules().boilerplate;
  REQUIRE(!rules.empty());
  BoilerplateMatcher fast(rules);
  SetReference slow(rules);
  std::vector<std::string> lines = SampleLines();
  MESSAGE("sample lines: " << lines.size());
  // Lines that match, in other cases, and with the code points that fold onto ASCII letters:
  // U+017F LATIN SMALL LETTER LONG S matches "s", U+212A KELVIN SIGN matches "k".
  for (std::string s : {"Subscribe to our newsletter", "SUBSCRIBE", "\xC5\xBFubscribe now",
                        "Share this", "\xC5\xBFhare this", "Loo\xE2\x84\xAA at this", "By Kim Jong Un",
                        "BY Thae Yong-ho, Seoul", "Related articles", "Ad", "AD", "Tags: defection",
                        "Copyright 2020", "\xC2\xA9 2020 News", "---", "Home \xC2\xBB World \xC2\xBB Asia",
                        "Home > World > Asia", "Updated: June 3", "Photo: Reuters", "Image copyright AFP",
                        "Watch: the video", "Read more", "12 comments", "Sign up for alerts",
                        "\xE2\x84\xAA" "eywords: defection", "\xE2\x84\xAA" "EYWORDS: x",
                        "Kim said he would sign up.", "The badly needed aid arrived by ship."})
    lines.push_back(s);
  int removed = 0;
  for (const auto& l : lines) {
    int want = slow.Match(l);
    removed += want >= 0;
    CHECK_MESSAGE(fast.Match(l) == want, l);
  }
  CHECK(removed > 20);
  // Random lines over the patterns' own letters and punctuation in both cases.
  std::mt19937 rng(7);
  const std::string alphabet = "abcdegiklnoprstuwyABSKT :>|-*,.\xC5\xBF";
  for (int n = 0; n < 3000; ++n) {
    std::string l;
    size_t len = 1 + rng() % 40;
    for (size_t i = 0; i < len; ++i) {
      size_t k = rng() % (alphabet.size() - 1);
      if (alphabet[k] == '\xC5') l += "\xC5\xBF";
      else if (alphabet[k] != '\xBF') l += alphabet[k];
    }
    CHECK_MESSAGE(fast.Match(l) == slow.Match(l), l);
  }
}

TEST_CASE("a required non-ASCII letter matches its other case") {
  std::vector<BoilerplateRule> rules{{"x.a", "^.*(caf\xC3\xA9s? fermé).*$", {}},
                                     {"x.b", "^(\xC3\x89" "dition|\xC3\xA9t\xC3\xA9)\\b.*$", {}}};
  BoilerplateMatcher fast(rules);
  SetReference slow(rules);
  for (std::string l : {"Le CAF\xC3\x89 FERM\xC3\x89 ici", "le caf\xC3\xA9 ferm\xC3\xA9", "\xC3\x89" "dition du soir",
                        "\xC3\xA9" "dition du soir", "\xC3\x89T\xC3\x89 2020", "caf\xC3\xA9 ouvert"}) {
    CHECK_MESSAGE(fast.Match(l) == slow.Match(l), l);
  }
  CHECK(fast.Match("Le CAF\xC3\x89 FERM\xC3\x89 ici") == 0);
  CHECK(fast.Match("\xC3\x89" "dition du soir") == 1);
}

// The id of the first rule whose pattern matches the line, or "".
std::string RuleOf(const BoilerplateMatcher& matcher, const std::vector<BoilerplateRule>& rules, std::string_view line) {
  int k = matcher.Match(line);
  return k < 0 ? "" : rules[size_t(k)].id;
}

TEST_CASE("a byline is a name and maybe a short credit, not a sentence opening with 'By'") {
  const auto& rules = DefaultTestRules().boilerplate;
  BoilerplateMatcher matcher(rules);
  auto rule_of = [&](std::string_view line) { return RuleOf(matcher, rules, line); };
  for (const char* line : {"By Daniel Moon", "By Daniel Moon and Jane Park", "BY Thae Yong-ho, Seoul",
                           "By Kim Tong-hyung, Associated Press", "By Julian Ryall in Tokyo",
                           "By Tom Batchelor for MailOnline", "By Hyung-jin Kim of The Associated Press",
                           "By Jane Park, Seoul, Dec. 13, 2019",
                           "By Jos\xC3\xA9 Ram\xC3\xADrez and Ch\xC5\x8D Min-ji"})
    CHECK_MESSAGE(rule_of(line) == "bp.byline", line);
  for (const char* line : {"By Seoul's estimate, the guards fired 40 rounds.",
                           "By Tuesday, the guards had fired 40 rounds.",
                           "By the command's count, four soldiers fired about 40 rounds.",
                           "by then the soldier had crossed the line"})
    CHECK_MESSAGE(rule_of(line).empty(), line);
}

TEST_CASE("wire credits, end marks, reader prompts and agency captions are boilerplate; story lines are not") {
  const auto& rules = DefaultTestRules().boilerplate;
  BoilerplateMatcher matcher(rules);
  auto rule_of = [&](std::string_view line) { return RuleOf(matcher, rules, line); };
  for (const char* line : {"(Reporting by Park Min-ji; Editing by Ann Lee)", "Additional reporting by Jo Hee-sun in Seoul",
                           "Translated by Lena Cho", "AP writer Mari Yamada in Tokyo contributed to this report."})
    CHECK_MESSAGE(rule_of(line) == "bp.wire_credit", line);
  for (const char* line : {"(END)", "(ATTN: ADDS comment in para 5)", "reporter@agency.co.kr"})
    CHECK_MESSAGE(rule_of(line) == "bp.end_mark", line);
  for (const char* line : {"Read in Korean", "Our Standards: the principles"})
    CHECK_MESSAGE(rule_of(line) == "bp.reader_prompt", line);
  CHECK(rule_of("Please send any comments or questions to the desk.") == "bp.reader_mail");
  CHECK(rule_of("Copyright(C) 2021 Some Agency. All rights reserved.") == "bp.copyright");
  CHECK(rule_of("FILE - In this March 2, 2016 file photo, soldiers march in Pyongyang.") == "bp.file_photo");
  for (const char* line : {"The soldier was translated by no one.",
                           "Reporting by state media said the soldier had been arrested.",
                           "Officials said the defector contributed to the report on the camps.",
                           "Files seized from the embassy were later returned."})
    CHECK_MESSAGE(rule_of(line).empty(), line);
}

// The matcher against one RE2::Set of the same rules: on lines each of which some rule matches
// (which the filters must let through), then on 40,000 random lines made of `pieces`.
void CheckAgainstSet(const std::vector<BoilerplateRule>& rules, const std::vector<std::string>& matching,
                     const std::vector<std::string>& pieces, unsigned seed) {
  BoilerplateMatcher fast(rules);
  SetReference slow(rules);
  for (const std::string& l : matching) {
    int want = slow.Match(l);
    CHECK_MESSAGE(want >= 0, l);
    CHECK_MESSAGE(fast.Match(l) == want, l);
  }
  std::mt19937 rng(seed);
  int matched = 0;
  for (int n = 0; n < 40000; ++n) {
    std::string l;
    size_t len = 1 + rng() % 8;
    for (size_t i = 0; i < len; ++i) l += pieces[rng() % pieces.size()];
    int want = slow.Match(l);
    matched += want >= 0;
    CHECK_MESSAGE(fast.Match(l) == want, l);
  }
  CHECK(matched > 100);
}

TEST_CASE("patterns that open with a group of words, and shapes that only look like it") {
  std::vector<BoilerplateRule> rules{{"x.opt", "^(ab|cd)?e.*$", {}},     {"x.alt", "^(ab)x|yz$", {}},
                                     {"x.kay", "^(k|sk)[a-z]*$", {}},      {"x.rep", "^(ab|c)+d$", {}},
                                     {"x.word", "^(ab|c d)\\s*:.*$", {}}, {"x.tail", "^(ab)(x|y)z$", {}},
                                     {"x.digit", "^[0-9]{1,2} (a|bc)[a-z]{0,3}$", {}},
                                     {"x.esc", "^\\d+\\s+k|^\\.a(?:b|c)d$", {}},
                                     {"x.lit", "^ab? c (x|y).*$|^sk d\\s*:.*$", {}},
                                     {"x.nest", "^((ab|c)d|e)f{2}$|^z\\b.*$", {}},
                                     {"x.flag", "^(?-i:[A-Z])a.*$|^[^x]y$", {}},
                                     {"x.class", "^[kx-z]s$|^[a\\]b]$|^\\S?e$", {}},
                                     {"x.brace", "^ab{x}c$|^e{2,}k$", {}}};
  // Lines each new shape matches, in other cases too: the filter must let every one through.
  CheckAgainstSet(rules,
                  {"12 bcxyz", "1 A", "42 \xE2\x84\xAA", "7 \t k", ".ACD", "AB C Yzz", "a c x", "SK D :1", "abdff",
                   "CDFF", "eff", "z", "Z.a", "Qa", "zy", "ks", "ys", "]", "e", "se", "ab{x}c", "eeek"},
                  {"a", "b", "c", "d", "e", "f", "x", "y", "z", "k", "s", "K", "A", " ", ":", ".", "1", "42", "{",
                   "}", "]", "\xE2\x84\xAA", "\xC5\xBF"},
                  11);
}

TEST_CASE("patterns that end with a plain character, and shapes that only look like it") {
  std::vector<BoilerplateRule> rules{{"x.paren", "^a.{0,6}\\((b|c d)\\)$", {}},  {"x.alts", "^k\\)|^d.*\\.$|^e;$", {}},
                                     {"x.opt", "^s\\)?$", {}},                  {"x.rep", "^z\\){2}$", {}},
                                     {"x.back", "^y\\\\$", {}},                  {"x.class", "^x[)]$|^b(c|\\))$", {}},
                                     {"x.letter", "^c.*\\)|^d.*e$", {}},         {"x.brace", "^q{|r}\\)$", {}},
                                     {"x.digit", "^[a-z ]+ 7$", {}},             {"x.group", "^(?:b\\))$|^(a)\\.$", {}}};
  // Lines each shape matches, in other cases too: the filter must let every one through.
  CheckAgainstSet(rules,
                  {"AB(c d)", "a(B)", "K)", "D x.", "e;", "S", "s)", "Z))", "y\\", "x)", "b)", "BC", "Cx)", "de",
                   "q{", "r})", "ab 7", "B)", "A."},
                  {"a", "b", "c", "d", "e", "k", "q", "r", "s", "x", "y", "z", "A", "K", " ", "(", ")", ".", ";",
                   "\\", "{", "}", "7", "\xE2\x84\xAA"},
                  13);
}

TEST_CASE("counted repetitions, and braces that are no count") {
  // The strings are read from each pattern with its counts left open above; what runs on a line
  // is the pattern as written, counts and all.
  std::vector<BoilerplateRule> rules{{"x.long", "^.{3,6}\\(ab\\)$", {}},      {"x.least", "^[-*_=]{3,}$", {}},
                                     {"x.exact", "^(cd){2}e$", {}},             {"x.zero", "^k{0}sa{0,2}b$", {}},
                                     {"x.lazy", "^za{1,2}?y$", {}},              {"x.class", "^[{]{2}x[}2]$", {}},
                                     {"x.lit", "^d{,2}|^e\\{2\\}k$", {}},       {"x.quote", "^\\Qq{2}\\E$", {}},
                                     // A bracket expression in a class; a brace after "\\x" is
                                     // no count, and its loosened form does not compile.
                                     {"x.posix", "^[[:digit:]{0,1}]cd$", {}},    {"x.hex", "^\\x{41}{2}b$", {}}};
  CheckAgainstSet(rules,
                  {"xyz(AB)", "abcdef(ab)", "---", "*=_-", "CDCDE", "SB", "saab", "ZAY", "zaay", "{{x}", "{{x2",
                   "D{,2}", "e{2}k", "Q{2}", "{cd", ",cd", "7cd", "aab", "AAB"},
                  {"a", "b", "c", "d", "e", "k", "q", "s", "x", "y", "z", "A", "-", "*", "_", "=", "(", ")", "{",
                   "}", ",", "2", "{2}", "(ab)", "cd", "\xE2\x84\xAA"},
                  17);
}

}  // namespace
}  // namespace recon

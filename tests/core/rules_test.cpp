// Tests for engine/core/rules.cpp: every rule-pack mistake is an error naming file, line and
// column; packs layer (same id replaces, new id adds).
#include "recon/rules.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace recon {
namespace {

namespace fs = std::filesystem;

std::string Dump(const Diagnostics& diags) {
  std::string s;
  for (const auto& d : diags.items()) s += Format(d) + "\n";
  return s;
}

bool Mentions(const Diagnostic& d, const std::string& what) {
  return d.message.find(what) != std::string::npos;
}

// Loads `text` as "pack.yaml" over an empty RuleSet and expects exactly one error.
Diagnostic OneError(const std::string& text, RuleSet* rules = nullptr) {
  RuleSet local;
  if (!rules) rules = &local;
  Diagnostics diags;
  LoadRulePackText(text, "pack.yaml", rules, &diags);
  REQUIRE_MESSAGE(diags.error_count() == 1, Dump(diags));
  const Diagnostic& d = diags.items()[0];
  CHECK(d.severity == Severity::kError);
  CHECK(d.file == "pack.yaml");
  return d;
}

const char* kGoodPack = R"(pack: test
event_types:
  - id: defection
    label: Defection
    triggers:
      - id: defection.defect
        patterns: ["defect|defected", "fled [to] south"]
        confidence: 0.9
outlets:
  - id: wire
    name: Example Wire
    variants: [EW]
    reliability: 0.8
    wire: true
boilerplate:
  - id: share
    line: "share this( article)?"
attribution:
  - id: according
    patterns: ["according to {source}"]
)";

TEST_CASE("a good pack loads without diagnostics") {
  RuleSet rules;
  Diagnostics diags;
  LoadRulePackText(kGoodPack, "good.yaml", &rules, &diags);
  CHECK_MESSAGE(diags.empty(), Dump(diags));
  REQUIRE(rules.event_types.size() == 1);
  REQUIRE(rules.triggers.size() == 1);
  CHECK(rules.triggers[0].event_type == "defection");
  CHECK(rules.triggers[0].patterns.size() == 2);
  CHECK(rules.triggers[0].confidence == doctest::Approx(0.9));
  CHECK(rules.triggers[0].origin.file == "good.yaml");
  CHECK(rules.triggers[0].origin.line == 6);
  CHECK(rules.triggers[0].origin.column == 9);
  REQUIRE(rules.outlets.size() == 1);
  CHECK(rules.outlets[0].wire);
  CHECK(rules.FindOutlet("ew") == &rules.outlets[0]);
  CHECK(rules.FindOutlet(" example wire ") == &rules.outlets[0]);
  CHECK(rules.FindOutlet("other") == nullptr);
  CHECK(rules.boilerplate.size() == 1);
  CHECK(rules.attribution.size() == 1);
  CHECK(rules.files == std::vector<std::string>{"good.yaml"});
}

TEST_CASE("an unknown key is an error at the key, with a suggestion") {
  Diagnostic d = OneError(R"(event_types:
  - id: defection
    triggers:
      - id: t
        paterns: ["defect"]
)");
  CHECK(d.code == "rule-unknown-key");
  CHECK(d.line == 5);
  CHECK(d.column == 9);
  CHECK(Mentions(d, "'paterns'"));
  CHECK(Mentions(d, "did you mean 'patterns'"));
}

TEST_CASE("an unknown top-level key with nothing close gets no suggestion") {
  Diagnostic d = OneError("pack: x\nzzzzzzzzzz: 1\n");
  CHECK(d.code == "rule-unknown-key");
  CHECK(d.line == 2);
  CHECK(d.column == 1);
  CHECK_FALSE(Mentions(d, "did you mean"));
}

TEST_CASE("a wrong type is an error at the value") {
  Diagnostic d = OneError(R"(outlets:
  - id: wire
    name: Example Wire
    reliability: high
)");
  CHECK(d.code == "rule-type");
  CHECK(d.line == 4);
  CHECK(d.column == 18);
  CHECK(Mentions(d, "'reliability' must be a number"));
}

TEST_CASE("a list where a string belongs is a wrong type") {
  Diagnostic d = OneError(R"(outlets:
  - id: [a, b]
    name: Example Wire
)");
  CHECK(d.code == "rule-type");
  CHECK(d.line == 2);
  CHECK(d.column == 9);
}

TEST_CASE("a number out of range (and NaN) is an error") {
  Diagnostic d = OneError(R"(outlets:
  - id: wire
    name: Example Wire
    reliability: 1.5
)");
  CHECK(d.code == "rule-range");
  CHECK(d.line == 4);
  Diagnostic nan = OneError(R"(outlets:
  - id: wire
    name: Example Wire
    reliability: .nan
)");
  CHECK(nan.code == "rule-range");
  CHECK(nan.line == 4);
}

TEST_CASE("a missing required key names the rule") {
  Diagnostic d = OneError(R"(outlets:
  - id: wire
    reliability: 0.5
)");
  CHECK(d.code == "rule-missing-key");
  CHECK(d.line == 2);
  CHECK(d.column == 5);
  CHECK(Mentions(d, "'name'"));
}

TEST_CASE("a duplicate id in one file is an error at the second rule; the first is kept") {
  RuleSet rules;
  Diagnostic d = OneError(R"(outlets:
  - id: wire
    name: First
  - id: wire
    name: Second
)",
                          &rules);
  CHECK(d.code == "rule-duplicate-id");
  CHECK(d.line == 4);
  CHECK(d.column == 5);
  CHECK(Mentions(d, "'wire'"));
  REQUIRE(rules.outlets.size() == 1);
  CHECK(rules.outlets[0].name == "First");
}

TEST_CASE("a trigger pattern with an unbalanced '[' is an error at the pattern") {
  RuleSet rules;
  Diagnostic d = OneError(R"(event_types:
  - id: defection
    triggers:
      - id: t
        patterns: ["defect", "fled [to south"]
)",
                          &rules);
  CHECK(d.code == "rule-bad-pattern");
  CHECK(d.line == 5);
  CHECK(d.column == 30);  // the opening quote of the second pattern
  CHECK(Mentions(d, "'[' without ']'"));
  CHECK(rules.triggers.empty());
  CHECK(rules.event_types.size() == 1);  // the type itself is fine
}

TEST_CASE("other malformed trigger patterns") {
  auto problem = [](const std::string& pattern) {
    RuleSet rules;
    Diagnostics diags;
    LoadRulePackText("event_types:\n  - id: e\n    triggers:\n      - id: t\n        patterns: ['" +
                         pattern + "']\n",
                     "p.yaml", &rules, &diags);
    return diags.empty() ? std::string() : diags.items()[0].message;
  };
  CHECK(problem("a] b").find("']' without '['") != std::string::npos);
  CHECK(problem("turned out [to be] false").find("'[to] [be]'") != std::string::npos);
  CHECK(problem("turned out [to] [be] false").empty());
  CHECK(problem("[a [b]]").find("nested") != std::string::npos);
  CHECK(problem("a | b").find("empty alternative") != std::string::npos);
  CHECK(problem("a| b").find("empty alternative") != std::string::npos);
  CHECK(problem("   ").find("empty pattern") != std::string::npos);
  CHECK(problem("{who} fled").find("unknown placeholder") != std::string::npos);
  CHECK(problem("fled|escaped [to] south*") == "");
  CHECK(problem("sent ~4 back") == "");
  CHECK(problem("~4 back").find("between two words") != std::string::npos);
  CHECK(problem("sent ~0 back").find("'~1' to '~9'") != std::string::npos);
}

TEST_CASE("a bad RE2 in a boilerplate rule is an error at the expression") {
  RuleSet rules;
  Diagnostic d = OneError(R"(boilerplate:
  - id: ok
    line: "^share$"
  - id: broken
    line: "share (this"
)",
                          &rules);
  CHECK(d.code == "rule-bad-pattern");
  CHECK(d.line == 5);
  CHECK(d.column == 11);
  CHECK(Mentions(d, "regular expression"));
  REQUIRE(rules.boilerplate.size() == 1);
  CHECK(rules.boilerplate[0].id == "ok");
}

TEST_CASE("{source} in a trigger pattern is a misuse") {
  Diagnostic d = OneError(R"(event_types:
  - id: defection
    triggers:
      - id: t
        patterns: ["{source} said defect"]
)");
  CHECK(d.code == "rule-bad-pattern");
  CHECK(d.line == 5);
  CHECK(Mentions(d, "only allowed in attribution"));
}

TEST_CASE("an attribution pattern needs exactly one {source}") {
  Diagnostic none = OneError(R"(attribution:
  - id: a
    patterns: ["according to"]
)");
  CHECK(none.code == "rule-bad-pattern");
  CHECK(none.line == 3);
  CHECK(Mentions(none, "exactly one {source}"));
  Diagnostic two = OneError(R"(attribution:
  - id: a
    patterns: "{source} told {source}"
)");
  CHECK(two.line == 3);
  CHECK(Mentions(two, "exactly one {source}"));
}

TEST_CASE("YAML that does not parse is an error with its position") {
  Diagnostic d = OneError("pack: x\noutlets:\n  - id: a\n    name: b: c\n");
  CHECK(d.code == "rule-yaml");
  CHECK(d.line == 4);
  CHECK(d.column > 0);
}

// Writes `text` to dir/name.
void WriteFile(const fs::path& dir, const std::string& name, const std::string& text) {
  fs::create_directories(dir);
  std::FILE* f = std::fopen((dir / name).string().c_str(), "wb");
  REQUIRE(f != nullptr);
  std::fwrite(text.data(), 1, text.size(), f);
  std::fclose(f);
}

struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name) : path(fs::temp_directory_path() / name) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

TEST_CASE("a trigger naming an unknown event type is an error naming file, line and column") {
  TempDir tmp("recon-rules-reference-test");
  WriteFile(tmp.path, "a.yaml", "event_types:\n  - id: defection\n");
  WriteFile(tmp.path, "b.yaml",
            "triggers:\n  - id: extra.ok\n    event_type: defection\n    patterns: [\"fled\"]\n"
            "  - id: extra.bad\n    event_type: defecton\n    patterns: [\"escaped\"]\n");
  Diagnostics diags;
  RuleSet rules = LoadRules({tmp.path.string()}, &diags);
  REQUIRE_MESSAGE(diags.error_count() == 1, Dump(diags));
  const Diagnostic& d = diags.items()[0];
  CHECK(d.code == "rule-reference");
  CHECK(d.file == (tmp.path / "b.yaml").string());
  CHECK(d.line == 5);
  CHECK(d.column == 5);
  CHECK(Mentions(d, "'extra.bad'"));
  CHECK(Mentions(d, "'defecton'"));
  // The good top-level trigger joins the type another file defined; the bad one is dropped.
  REQUIRE(rules.triggers.size() == 1);
  CHECK(rules.triggers[0].id == "extra.ok");
  CHECK(rules.triggers[0].event_type == "defection");
}

TEST_CASE("layering: a later pack with the same id replaces, a new id adds") {
  RuleSet rules;
  Diagnostics diags;
  LoadRulePackText(kGoodPack, "base.yaml", &rules, &diags);
  LoadRulePackText(R"(outlets:
  - id: wire
    name: Renamed Wire
    reliability: 0.4
  - id: daily
    name: Example Daily
event_types:
  - id: defection
    label: Defection (local)
    triggers:
      - id: defection.defect
        patterns: ["walked out"]
)",
                   "local.yaml", &rules, &diags);
  CHECK_MESSAGE(diags.empty(), Dump(diags));
  REQUIRE(rules.outlets.size() == 2);
  CHECK(rules.outlets[0].id == "wire");
  CHECK(rules.outlets[0].name == "Renamed Wire");
  CHECK(rules.outlets[0].reliability == doctest::Approx(0.4));
  CHECK_FALSE(rules.outlets[0].wire);  // replaced whole, not merged field by field
  CHECK(rules.outlets[0].origin.file == "local.yaml");
  CHECK(rules.outlets[1].id == "daily");
  REQUIRE(rules.event_types.size() == 1);
  CHECK(rules.event_types[0].label == "Defection (local)");
  REQUIRE(rules.triggers.size() == 1);
  CHECK(rules.triggers[0].patterns == std::vector<std::string>{"walked out"});
  CHECK(rules.files == std::vector<std::string>{"base.yaml", "local.yaml"});
}

TEST_CASE("LoadRules reads a folder's packs in sorted order and layers folders in order") {
  TempDir tmp("recon-rules-layer-test");
  WriteFile(tmp.path / "base", "b.yaml", "outlets:\n  - id: o\n    name: From B\n");
  WriteFile(tmp.path / "base", "a.yaml", "outlets:\n  - id: o\n    name: From A\n");
  WriteFile(tmp.path / "base", "notes.txt", "not a pack");
  WriteFile(tmp.path / "user", "z.yml", "outlets:\n  - id: p\n    name: From user\n");
  Diagnostics diags;
  RuleSet rules = LoadRules({(tmp.path / "base").string(), (tmp.path / "user").string()}, &diags);
  CHECK_MESSAGE(diags.empty(), Dump(diags));
  REQUIRE(rules.files.size() == 3);
  CHECK(fs::path(rules.files[0]).filename() == "a.yaml");
  CHECK(fs::path(rules.files[1]).filename() == "b.yaml");
  CHECK(fs::path(rules.files[2]).filename() == "z.yml");
  REQUIRE(rules.outlets.size() == 2);
  CHECK(rules.outlets[0].name == "From B");  // b.yaml loads after a.yaml and replaces it
  CHECK(rules.outlets[1].name == "From user");
}

TEST_CASE("a missing rule folder is an error naming it") {
  Diagnostics diags;
  LoadRules({"/nonexistent/recon-rules"}, &diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.items()[0].file == "/nonexistent/recon-rules");
  CHECK(diags.items()[0].code == "rule-path");
}

TEST_CASE("the bundled rule packs load without errors") {
  fs::path dir = DefaultRulesDir();
  bool any = false;
  for (const auto& e : fs::directory_iterator(dir))
    any = any || e.path().extension() == ".yaml";
  if (!any) {
    MESSAGE("no bundled rule packs in " << dir << " yet; skipped");
    return;
  }
  Diagnostics diags;
  RuleSet rules = LoadRules({dir.string()}, &diags);
  CHECK_MESSAGE(diags.error_count() == 0, Dump(diags));
  CHECK_FALSE(rules.event_types.empty());
}

}  // namespace
}  // namespace recon

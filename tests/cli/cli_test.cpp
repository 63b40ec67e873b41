// Runs the real recon binary ($RECON_BIN): help, "did you mean", rules check, diagnostics and the
// summary for bad inputs, --strict, and standard input.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace recon {
namespace {

namespace fs = std::filesystem;

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string SourceDir() {
  const char* env = std::getenv("RECON_SOURCE_DIR");
  return env ? env : RECON_SOURCE_DIR;
}

// Runs `recon <args>` through the shell with `stdin_text` on standard input.
Result Recon(const std::string& args, const std::string& stdin_text = "") {
  const char* bin = std::getenv("RECON_BIN");
  REQUIRE_MESSAGE(bin != nullptr, "RECON_BIN is not set; run the test through ctest");
  fs::path dir = fs::temp_directory_path() / ("recon-cli-test-" + std::to_string(getpid()));
  fs::create_directories(dir);
  {
    std::ofstream in(dir / "in", std::ios::binary);
    in << stdin_text;
  }
  std::string cmd = "cd '" + SourceDir() + "' && '" + bin + "' " + args + " <'" +
                    (dir / "in").string() + "' >'" + (dir / "out").string() + "' 2>'" +
                    (dir / "err").string() + "'";
  int status = std::system(cmd.c_str());
  Result r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = Slurp(dir / "out");
  r.err = Slurp(dir / "err");
  fs::remove_all(dir);
  return r;
}

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = haystack.find(needle); pos != std::string::npos;
       pos = haystack.find(needle, pos + needle.size()))
    ++n;
  return n;
}

// The rule flags every `run` below uses, so the tests do not depend on the bundled packs.
const std::string kRules = "--no-default-rules --rules tests/data/cli/rules ";

TEST_CASE("recon --help lists the commands") {
  Result r = Recon("--help");
  CHECK(r.exit_code == 0);
  CHECK(Has(r.out, "Usage: recon <command>"));
  for (const char* cmd : {"run", "conflicts", "explain", "eval", "rules"})
    CHECK_MESSAGE(Has(r.out, std::string("  ") + cmd + " "), cmd);
  Result none = Recon("");
  CHECK(none.exit_code == 2);
  CHECK(Has(none.out, "Usage:"));
}

TEST_CASE("a mistyped subcommand gets a suggestion and exit code 2") {
  Result r = Recon("rnu samples/");
  CHECK(r.exit_code == 2);
  CHECK(Has(r.err, "unknown command 'rnu'"));
  CHECK(Has(r.err, "Did you mean 'recon run'?"));
  Result far = Recon("frobnicate");
  CHECK(far.exit_code == 2);
  CHECK_FALSE(Has(far.err, "Did you mean"));
}

TEST_CASE("recon rules check on the bundled packs") {
  Result r = Recon("rules check");
  bool have_packs = false;
  for (const auto& e : fs::directory_iterator(SourceDir() + "/rules"))
    have_packs = have_packs || e.path().extension() == ".yaml";
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  CHECK(Has(r.out, "rule files"));
  CHECK(Has(r.out, "0 errors"));
  if (!have_packs) MESSAGE("no bundled rule packs yet: checked exit code and output only");
}

TEST_CASE("recon rules check BADDIR names file:line:col and exits 1") {
  Result r = Recon("rules check tests/data/cli/bad_rules");
  CHECK(r.exit_code == 1);
  CHECK_MESSAGE(Has(r.err, "tests/data/cli/bad_rules/broken.yaml:4:5: error: unknown key 'nmae'"),
                r.err);
  CHECK(Has(r.err, "did you mean 'name'?"));
  CHECK(Has(r.out, "1 errors"));
  Result good = Recon("rules check --no-default-rules tests/data/cli/rules");
  CHECK_MESSAGE(good.exit_code == 0, good.err);
  CHECK(Has(good.out, "1 rule files: 1 event types, 1 triggers"));
}

TEST_CASE("recon run on bad inputs: one diagnostic per bad file, a summary, exit 0") {
  Result r = Recon("run " + kRules + "tests/data/cli/bad_inputs");
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  const std::string dir = "tests/data/cli/bad_inputs/";
  struct Expect {
    const char* where;  // file:line[:col]
    const char* code;
  } expected[] = {
      {"bad_date.md:3:12: error:", "[bad-date]"},
      {"binary.txt:1: error:", "[binary]"},
      {"empty.txt:1: error:", "[empty]"},
      {"feed.jsonl:2:", "[json]"},
      {"invalid_utf8.txt:2:5: error:", "[invalid-utf8]"},
  };
  for (const auto& e : expected) {
    CHECK_MESSAGE(Count(r.err, dir + e.where) == 1, e.where << "\n" << r.err);
    CHECK(Has(r.err, e.code));
  }
  // Exactly five error lines: the good files say nothing.
  CHECK_MESSAGE(Count(r.err, ": error: ") == 5, r.err);
  CHECK_FALSE(Has(r.err, "good1"));
  CHECK_FALSE(Has(r.err, "good2"));
  // The summary counts documents read and skipped inputs by reason.
  CHECK_MESSAGE(Has(r.err, "3 documents read, 5 inputs skipped"), r.err);
  CHECK(Has(r.err, "1 bad-date, 1 binary, 1 empty, 1 invalid-utf8, 1 json"));
}

TEST_CASE("--strict turns diagnostics into exit code 1; clean input still exits 0") {
  Result bad = Recon("run --strict " + kRules + "tests/data/cli/bad_inputs");
  CHECK(bad.exit_code == 1);
  CHECK(Has(bad.err, "--strict"));
  Result clean = Recon("run --strict " + kRules + "tests/data/cli/bad_inputs/good1.md");
  CHECK_MESSAGE(clean.exit_code == 0, clean.err);
  CHECK(Has(clean.err, "1 documents read, 0 inputs skipped"));
}

TEST_CASE("a missing input path is a diagnostic, not a crash") {
  Result r = Recon("run " + kRules + "tests/data/cli/no-such-dir tests/data/cli/bad_inputs/good2.txt");
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  CHECK(Has(r.err, "tests/data/cli/no-such-dir: error: no such file or directory"));
  CHECK(Has(r.err, "1 documents read, 1 inputs skipped (1 missing)"));
}

TEST_CASE("- reads JSON Lines from standard input") {
  Result r = Recon("run " + kRules + "-",
                   "{\"id\": \"s1\", \"text\": \"One defected.\"}\n"
                   "{\"id\": \"s2\", \"text\": \"Two.\"}\n"
                   "not json\n");
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  CHECK_MESSAGE(Has(r.err, "-:3:"), r.err);
  CHECK(Has(r.err, "[json]"));
  CHECK(Has(r.err, "2 documents read, 1 inputs skipped (1 json)"));
}

TEST_CASE("- reads one plain article from standard input") {
  Result r = Recon("run --strict " + kRules + "-",
                   "---\nid: from-stdin\npublished: 2016-08-17\n---\n"
                   "{braces} in the body do not make it JSON. He defected.\n");
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  CHECK(Has(r.err, "1 documents read, 0 inputs skipped"));
  Result bad = Recon("run " + kRules + "-", "---\npublished: 2016-02-30\n---\nText.\n");
  CHECK(Has(bad.err, "-:2:12: error:"));
  CHECK(Has(bad.err, "0 documents read, 1 inputs skipped (1 bad-date)"));
}

}  // namespace
}  // namespace recon

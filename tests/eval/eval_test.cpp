// Tests for engine/eval/eval.cpp and the end to end run of the real binary on samples/.
#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "recon/eval.h"

namespace recon {
namespace {

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string RunCapture(const std::string& cmd, int* status) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  *status = pclose(p);
  return out;
}

double Field(const std::string& out, const std::string& row, const std::string& key) {
  size_t r = out.find(row);
  REQUIRE(r != std::string::npos);
  size_t k = out.find(key, r);
  REQUIRE(k != std::string::npos);
  return std::stod(out.substr(k + key.size()));
}

TEST_CASE("scores count true positives, misses and false alarms") {
  Score s{3, 4, 6};
  CHECK(s.precision() == doctest::Approx(0.75));
  CHECK(s.recall() == doctest::Approx(0.5));
  CHECK(s.f1() == doctest::Approx(0.6));
  CHECK(Score{}.f1() == 0);
}

TEST_CASE("a malformed gold file is a diagnostic with its line") {
  std::string path = "/tmp/recon_eval_test_gold.yaml";
  std::ofstream(path) << "events:\n  - id: x\n    type: defection\n    date: {start: 2016-13-01}\n";
  Diagnostics d;
  Gold g = LoadGold(path, &d);
  REQUIRE(d.error_count() == 1);
  CHECK(d.items()[0].line == 4);
  CHECK(g.events.size() == 1);
}

TEST_CASE("recon eval on the samples stays above the measured floor") {
  std::string bin = Env("RECON_BIN"), src = Env("RECON_SOURCE_DIR");
  REQUIRE(!bin.empty());
  int status = 0;
  std::string out = RunCapture(bin + " eval " + src + "/samples --gold " + src + "/samples/gold.yaml -q", &status);
  CHECK(status == 0);
  INFO(out);
  // The targets of issues #2, #4 and #5 (event precision and recall of 0.9, every gold conflict
  // and no false one), and floors a little below the other figures measured; see README.md.
  CHECK(Field(out, "events", "P ") >= 0.9);
  CHECK(Field(out, "events", "R ") >= 0.9);
  CHECK(Field(out, "conflicts", "P ") == 1.0);
  CHECK(Field(out, "conflicts", "R ") == 1.0);
  CHECK(Field(out, "entity merges", "F1 ") >= 0.95);
  CHECK(Field(out, "claim modality", "F1 ") >= 0.88);
  CHECK(Field(out, "claim attribution", "F1 ") >= 0.92);
}

TEST_CASE("an annotated claim is matched to the claim whose trigger lies in its quote") {
  std::string bin = Env("RECON_BIN");
  REQUIRE(!bin.empty());
  std::string dir = "eval_quote_test";
  std::string mk = "mkdir -p " + dir;
  REQUIRE(std::system(mk.c_str()) == 0);
  std::ofstream(dir + "/a.md") << "---\nid: a\nsource: Test Daily\npublished: 2016-08-17\n---\n"
                                  "Ri Su-yong was executed in December 2013, and the general Pak Chol was "
                                  "reportedly put to death last year.\n";
  std::ofstream(dir + "/gold.yaml") << "entities: []\nevents: []\nconflicts: []\nclaims:\n"
                                       "  - document: a\n    quote: \"Pak Chol was reportedly put to death\"\n"
                                       "    type: execution\n    modality: hedged\n    attributed_to: [Test Daily]\n";
  int status = 0;
  std::string out = RunCapture(bin + " eval " + dir + "/a.md --gold " + dir + "/gold.yaml -q", &status);
  INFO(out);
  CHECK(Field(out, "claim modality", "F1 ") == doctest::Approx(1.0));
}

TEST_CASE("--min-f1 turns a low score into a failure") {
  std::string bin = Env("RECON_BIN"), src = Env("RECON_SOURCE_DIR");
  int status = 0;
  RunCapture(bin + " eval " + src + "/samples --gold " + src + "/samples/gold.yaml -q --min-f1 0.99", &status);
  CHECK(status != 0);
}

TEST_CASE("the same input gives the same bytes whatever the thread count or file order") {
  std::string bin = Env("RECON_BIN"), src = Env("RECON_SOURCE_DIR");
  int s1 = 0, s2 = 0, s3 = 0;
  std::string a = RunCapture(bin + " run " + src + "/samples -q -j1 --format json", &s1);
  std::string b = RunCapture(bin + " run " + src + "/samples -q -j2 --format json", &s2);
  // The same documents named in another order.
  std::string forward = src + "/samples/holdout " + src + "/samples/ledger-2016-08-17-thae.md " + src +
                        "/samples/monitor-2016-08-21-thae-kcna.md";
  std::string backward = src + "/samples/monitor-2016-08-21-thae-kcna.md " + src +
                         "/samples/ledger-2016-08-17-thae.md " + src + "/samples/holdout";
  a = RunCapture(bin + " run " + forward + " -q -j1 --format json", &s1);
  b = RunCapture(bin + " run " + forward + " -q -j2 --format json", &s2);
  std::string c = RunCapture(bin + " run " + backward + " -q -j2 --format json", &s3);
  CHECK(s1 == 0);
  CHECK(s3 == 0);
  CHECK(a.size() > 1000);
  CHECK(a == b);
  CHECK(a == c);
}

TEST_CASE("--against compares two rule sets and names rules that never fire") {
  std::string bin = Env("RECON_BIN"), src = Env("RECON_SOURCE_DIR");
  std::string dir = "/tmp/recon_eval_against_test";
  std::system(("mkdir -p " + dir).c_str());
  std::ofstream(dir + "/extra.yaml") << "event_types:\n  - id: defection\n    label: Defection\n    triggers:\n"
                                        "      - id: defection.test_extra\n        patterns: [\"defector\"]\n"
                                        "      - id: defection.test_never\n        patterns: [\"zzqx-never-a-word\"]\n";
  int status = 0;
  std::string out = RunCapture(bin + " eval " + src + "/samples --gold " + src + "/samples/gold.yaml -q --against " + dir, &status);
  INFO(out);
  CHECK(status == 0);
  CHECK(out.find("second rule set") != std::string::npos);
  CHECK(out.find("defection.test_never") != std::string::npos);
  CHECK(out.find("+ claim") != std::string::npos);
  CHECK(out.find(" appear, ") != std::string::npos);
}

}  // namespace
}  // namespace recon

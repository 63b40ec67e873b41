// Tests the TimeML reader and the TempEval-3 style scorer (engine/eval/timex_eval.cpp), and runs
// `recon eval-timex` on the TempEval-3 training data when ../shared has it.
#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "recon/timex_eval.h"

namespace recon {
namespace {

// A tiny hand-made TimeML file: a creation time in <DCT>, tags inside and around the
// expressions, an entity, and a TIMEX3 inside an EVENT.
constexpr const char* kTml =
    "<?xml version=\"1.0\" ?><TimeML>\n"
    "<DOCID>test</DOCID>\n"
    "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2013-03-22\" temporalFunction=\"false\" "
    "functionInDocument=\"CREATION_TIME\">March 22, 2013</TIMEX3></DCT>\n"
    "<TEXT>\nAT&amp;T <EVENT eid=\"e1\">said</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" "
    "value=\"2013-03-21\">yesterday</TIMEX3> that sales rose for <TIMEX3 tid=\"t2\" "
    "type=\"DURATION\" value=\"P3Y\">the past three years</TIMEX3>, unlike in <TIMEX3 tid=\"t3\" "
    "type=\"DATE\" value=\"2009\">2009</TIMEX3>.\n</TEXT>\n</TimeML>\n";

TEST_CASE("ParseTml strips tags, decodes entities and keeps offsets") {
  std::string err;
  auto doc = ParseTml(kTml, &err);
  REQUIRE(doc);
  REQUIRE(doc->dct);
  CHECK(ToIso(*doc->dct) == "2013-03-22");
  CHECK(doc->text == "\nAT&T said yesterday that sales rose for the past three years, unlike in 2009.\n");
  REQUIRE(doc->timexes.size() == 3);
  const auto& t = doc->timexes;
  CHECK(doc->text.substr(t[0].begin, t[0].end - t[0].begin) == "yesterday");
  CHECK(doc->text.substr(t[1].begin, t[1].end - t[1].begin) == "the past three years");
  CHECK(doc->text.substr(t[2].begin, t[2].end - t[2].begin) == "2009");
  CHECK(t[1].type == "DURATION");
  CHECK(t[1].value == "P3Y");
  CHECK_FALSE(ParseTml("<TimeML>no text</TimeML>", &err));
}

TimeExpression Sys(size_t b, size_t e, TimexType type, std::string value) {
  TimeExpression x;
  x.begin = b, x.end = e, x.type = type, x.value = std::move(value);
  return x;
}

TEST_CASE("ScoreTimexDocument counts strict, relaxed, type and value") {
  std::string err;
  auto doc = ParseTml(kTml, &err);
  REQUIRE(doc);
  const auto& g = doc->timexes;
  std::vector<TimeExpression> sys = {
      Sys(g[0].begin, g[0].end, TimexType::kDate, "2013-03-21"),             // exact, right
      Sys(g[1].begin + 4, g[1].end, TimexType::kDate, "P3Y"),                // overlap, wrong type
      Sys(1, 5, TimexType::kDate, "XXXX"),                                   // spurious ("AT&T")
  };
  TimeExpression anchor = Sys(0, 2, TimexType::kDate, "XXXX");
  anchor.anchor_only = true;  // never scored
  sys.push_back(anchor);
  TimexScores s;
  ScoreTimexDocument(g, sys, &s);
  CHECK(s.gold == 3);
  CHECK(s.system == 3);
  CHECK(s.strict_sys == 1);
  CHECK(s.relaxed_sys == 2);
  CHECK(s.relaxed_gold == 2);
  CHECK(s.pairs == 2);
  CHECK(s.type_correct == 1);
  CHECK(s.value_correct == 2);
  CHECK(s.strict_precision() == doctest::Approx(100.0 / 3));
  CHECK(s.relaxed_recall() == doctest::Approx(200.0 / 3));
  CHECK(s.relaxed_f1() == doctest::Approx(200.0 / 3));
  CHECK(s.type_accuracy() == doctest::Approx(50.0));
  CHECK(s.value_f1() == doctest::Approx(200.0 / 3));
}

TEST_CASE("EvaluateTimexDir tags and scores a folder") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "recon_timex_eval_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  { std::FILE* f = std::fopen((dir / "sub" / "a.tml").c_str(), "wb"); std::fputs(kTml, f); std::fclose(f); }
  { std::FILE* f = std::fopen((dir / "broken.tml").c_str(), "wb"); std::fputs("<TimeML/>", f); std::fclose(f); }
  TimexRules rules;  // an empty vocabulary still finds the bare year
  TimexTagger tagger(rules);
  std::vector<std::string> errors;
  TimexScores s = EvaluateTimexDir(dir.string(), tagger, &errors);
  CHECK(s.documents == 1);
  CHECK(errors.size() == 1);
  CHECK(s.gold == 3);
  CHECK(s.strict_gold >= 1);  // "2009"
  fs::remove_all(dir);
}

// Runs the real binary on the TempEval-3 AQUAINT training subset. The floor (72) sits a little
// under what the tagger scores (value F1 74.9, relaxed F1 93.2), so a regression fails it.
TEST_CASE("recon eval-timex on the TempEval-3 training subset") {
  const char* shared = std::getenv("RECON_SHARED_DIR");
  const char* bin = std::getenv("RECON_BIN");
  std::string dir = std::string(shared ? shared : "../shared") + "/data/tempeval3/train/AQUAINT";
  if (!bin || !std::filesystem::is_directory(dir)) {
    MESSAGE("skipped: no TempEval-3 data at " << dir << " (or RECON_BIN unset)");
    return;
  }
  std::string cmd = std::string(bin) + " eval-timex '" + dir + "' --format json";
  std::FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::string out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  int rc = pclose(p);
  CHECK(rc == 0);
  auto j = nlohmann::json::parse(out);
  MESSAGE("AQUAINT value F1 " << j["value_f1"].get<double>() << ", relaxed F1 "
                              << j["relaxed"]["f1"].get<double>());
  CHECK(j["documents"].get<int>() >= 70);
  CHECK(j["value_f1"].get<double>() > 72.0);
  CHECK(j["relaxed"]["f1"].get<double>() > 90.0);
}

}  // namespace
}  // namespace recon

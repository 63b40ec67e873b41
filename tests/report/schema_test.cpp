// Validates recon's JSON output against docs/timeline.schema.json: with the small validator in
// json_schema.h, and with python3-jsonschema when it is installed. Broken documents must fail.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "report/fixture.h"
#include "report/json_schema.h"

namespace recon {
namespace {

using nlohmann::json;
using testing::MakeFixture;
using testing::Render;
using testing::SchemaValidator;

std::string SchemaPath() { return testing::SourceDir() + "/docs/timeline.schema.json"; }

json LoadSchema() {
  std::ifstream in(SchemaPath());
  REQUIRE_MESSAGE(in, "cannot open " << SchemaPath());
  return json::parse(in);
}

std::string Errors(const std::vector<std::string>& errors) {
  std::string s;
  for (const auto& e : errors) s += e + "\n";
  return s;
}

TEST_CASE("schema: uses only keywords the test validator checks") {
  SchemaValidator v(LoadSchema());
  CHECK_MESSAGE(v.UnsupportedKeywords().empty(), Errors(v.UnsupportedKeywords()));
}

TEST_CASE("schema: the fixture's JSON and an empty run's JSON are valid") {
  SchemaValidator v(LoadSchema());
  auto errors = v.Validate(json::parse(Render(MakeFixture(), ReportFormat::kJson)));
  CHECK_MESSAGE(errors.empty(), Errors(errors));
  RunResult empty;
  errors = v.Validate(json::parse(Render(empty, ReportFormat::kJson)));
  CHECK_MESSAGE(errors.empty(), Errors(errors));
}

TEST_CASE("schema: the real binary's JSON on samples/ is valid") {
  const char* bin = std::getenv("RECON_BIN");
  REQUIRE_MESSAGE(bin, "RECON_BIN is not set (run through ctest)");
  std::string cmd = std::string(bin) + " run " + testing::SourceDir() + "/samples -q --format json";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  CHECK(pclose(p) == 0);
  json doc = json::parse(out);
  CHECK(doc["events"].size() > 10);
  CHECK(doc["claims"].size() > 50);
  auto errors = SchemaValidator(LoadSchema()).Validate(doc);
  CHECK_MESSAGE(errors.empty(), Errors(errors));
}

TEST_CASE("schema: broken documents are rejected") {
  SchemaValidator v(LoadSchema());
  const json good = json::parse(Render(MakeFixture(), ReportFormat::kJson));
  REQUIRE(v.Validate(good).empty());
  auto broken = [&](auto&& mutate) {
    json j = good;
    mutate(j);
    return !v.Validate(j).empty();
  };
  CHECK(broken([](json& j) { j.erase("summary"); }));
  CHECK(broken([](json& j) { j["extra"] = 1; }));
  CHECK(broken([](json& j) { j["events"][0]["confidence"] = 1.5; }));
  CHECK(broken([](json& j) { j["events"][0]["confidence"] = "high"; }));
  CHECK(broken([](json& j) { j["claims"][0]["date"]["start"] = "July 2016"; }));
  CHECK(broken([](json& j) { j["claims"][0]["span"].push_back(3); }));
  CHECK(broken([](json& j) { j["claims"][0]["modality"] = "rumoured"; }));
  CHECK(broken([](json& j) { j["links"][0]["relation"] = "causes"; }));
  CHECK(broken([](json& j) { j["events"][0]["attributes"]["rank"].erase("alternatives"); }));
  CHECK(broken([](json& j) { j["entities"][0]["type"] = "country"; }));
  CHECK(broken([](json& j) { j["summary"]["claims"] = -1; }));
  CHECK(broken([](json& j) { j["documents"][2]["published"] = 2016; }));
}

// Runs python3-jsonschema's validator (draft 2020-12) on `doc_path`; -1 when it is missing.
int PythonValidate(const std::string& doc_path) {
  if (std::system("python3 -c 'import jsonschema' >/dev/null 2>&1") != 0) return -1;
  std::string cmd =
      "python3 -c 'import json,sys,jsonschema; s=json.load(open(sys.argv[1])); "
      "jsonschema.Draft202012Validator.check_schema(s); "
      "jsonschema.Draft202012Validator(s).validate(json.load(open(sys.argv[2])))' '" +
      SchemaPath() + "' '" + doc_path + "' >/dev/null 2>&1";
  return std::system(cmd.c_str()) == 0 ? 0 : 1;
}

TEST_CASE("schema: python3-jsonschema agrees, when installed") {
  auto dir = std::filesystem::temp_directory_path() / ("recon-schema-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string good = (dir / "good.json").string(), bad = (dir / "bad.json").string();
  std::ofstream(good) << Render(MakeFixture(), ReportFormat::kJson);
  json j = json::parse(Render(MakeFixture(), ReportFormat::kJson));
  j["conflicts"][0]["severity"] = 2;
  std::ofstream(bad) << j.dump();
  int ok = PythonValidate(good);
  if (ok < 0) {
    MESSAGE("skipped: python3-jsonschema is not installed (apt-get install python3-jsonschema)");
  } else {
    CHECK(ok == 0);
    CHECK(PythonValidate(bad) == 1);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace recon

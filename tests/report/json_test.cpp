// Tests engine/report/json.cpp: the public JSON contract on the fixture, parsed back.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "report/report_internal.h"
#include "report/fixture.h"

namespace recon {
namespace {

using nlohmann::json;
using testing::MakeFixture;
using testing::Render;

TEST_CASE("json: top-level keys in contract order and counts in the summary") {
  RunResult run = MakeFixture();
  auto j = nlohmann::ordered_json::parse(Render(run, ReportFormat::kJson));
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  CHECK(keys == std::vector<std::string>{"documents", "entities", "claims", "events", "conflicts",
                                         "links", "candidates", "sources", "summary"});
  CHECK(json::parse(j["summary"].dump()) == json{{"documents", 3}, {"claims", 5}, {"events", 3}, {"conflicts", 1}, {"diagnostics", 1}});
  std::vector<std::string> claim_keys;
  for (const auto& [k, v] : j["claims"][0].items()) claim_keys.push_back(k);
  CHECK(claim_keys == std::vector<std::string>{"id", "document", "type", "text", "span", "participants",
                                               "attributes", "date", "modality", "attributed_to", "rule",
                                               "confidence", "generic", "headline", "source"});
}

TEST_CASE("json: documents, claims and spans match the model") {
  RunResult run = MakeFixture();
  auto j = json::parse(Render(run, ReportFormat::kJson));
  CHECK(j["documents"][0]["published"] == "2016-08-17");
  CHECK(j["documents"][2]["published"].is_null());
  CHECK(j["documents"][1]["source"] == "NK News");
  const auto& c2 = j["claims"][1];
  CHECK(c2["id"] == "d2#1");
  std::string text = c2["text"];
  CHECK(text.find("<script>alert(1)</script>") != std::string::npos);
  CHECK(text.find('\n') != std::string::npos);
  size_t b = c2["span"][0], e = c2["span"][1];
  CHECK(run.corpus.documents[1].text.substr(b, e - b) == text);
  CHECK(c2["participants"][0]["entity"].is_null());
  CHECK(c2["participants"][0]["descriptor"] == "diplomat");
  CHECK(c2["modality"] == "hedged");
  const auto& c1 = j["claims"][0];
  CHECK(c1["attributes"] == json{{"post", "embassy in London"}, {"rank", "minister"}});
  CHECK(c1["date"]["start"] == "2016-07-01");
  CHECK(c1["date"]["end"] == "2016-07-31");
  CHECK(c1["date"]["granularity"] == "month");
  CHECK(c1["date"]["expression"] == "last month");
  CHECK(c1["attributed_to"] == json{"Yonhap", "Unification Ministry"});
  CHECK(j["claims"][4]["date"]["start"].is_null());
}

TEST_CASE("json: events, conflicts, links and candidates") {
  RunResult run = MakeFixture();
  std::string text = Render(run, ReportFormat::kJson);
  auto j = json::parse(text);
  const auto& e1 = j["events"][0];
  CHECK(e1["id"] == "E1");
  CHECK(e1["date"]["granularity"] == "month");
  CHECK(e1["date"]["display"] == "2016-07");
  CHECK(e1["attributes"]["rank"]["value"] == "minister");
  CHECK(e1["attributes"]["rank"]["alternatives"].size() == 2);
  CHECK(e1["attributes"]["rank"]["alternatives"][1]["claims"] == json{"d2#1"});
  CHECK(e1["conflicts"] == json{"C1"});
  // Confidences are rounded to 4 decimals so the bytes are stable.
  CHECK(j["events"][1]["confidence"] == doctest::Approx(0.1235));
  CHECK(text.find("0.1235") != std::string::npos);
  CHECK(text.find("0.123456") == std::string::npos);
  CHECK(j["events"][2]["date"]["start"].is_null());
  CHECK(j["events"][2]["date"]["display"] == "undated");
  CHECK(j["conflicts"][0]["event"] == "E1");
  CHECK(j["conflicts"][0]["severity"] == doctest::Approx(0.4));
  CHECK(j["conflicts"][0]["values"][0]["value"] == "minister");
  CHECK(j["links"][2] == json{{"from", "d3#1"}, {"to", "d2#2"}, {"relation", "cites"}, {"weight", 1.0}});
  CHECK(!j["links"][0].contains("attribute"));
  CHECK(j["links"][1]["attribute"] == "rank");
  CHECK(j["candidates"][0]["claim"] == "d2#1");
  CHECK(j["candidates"][0]["entity"] == "thae");
  CHECK(j["entities"][1]["aliases"] == json{"Tae Yong Ho"});
  CHECK(j["entities"][1]["type"] == "person");
}

TEST_CASE("json: identical runs give identical bytes") {
  std::string a = Render(MakeFixture(), ReportFormat::kJson);
  std::string b = Render(MakeFixture(), ReportFormat::kJson);
  CHECK(a == b);
  CHECK(a.back() == '\n');
}

TEST_CASE("json: an empty run is still a complete document") {
  RunResult run;
  auto j = json::parse(Render(run, ReportFormat::kJson));
  CHECK(j["events"].empty());
  CHECK(j["summary"]["events"] == 0);
}

TEST_CASE("json: invalid UTF-8 in an article is replaced, not thrown on") {
  RunResult run = MakeFixture();
  run.timeline.events[2].label = "bad \xC3( byte";
  std::string text;
  CHECK_NOTHROW(text = Render(run, ReportFormat::kJson));
  CHECK(json::parse(text)["events"][2]["label"] == "bad \xEF\xBF\xBD( byte");
}

TEST_CASE("json: ScriptSafeJson leaves nothing that can end a script element") {
  RunResult run = MakeFixture();
  auto j = report::BuildJson(run);
  std::string safe = report::ScriptSafeJson(j);
  CHECK(safe.find('<') == std::string::npos);
  CHECK(safe.find('>') == std::string::npos);
  CHECK(safe.find('&') == std::string::npos);
  CHECK(safe.find("\xE2\x80\xA8") == std::string::npos);
  CHECK(safe.find("\\u2028") != std::string::npos);  // the fixture has one, so it was escaped
  CHECK(report::Json::parse(safe) == j);              // and the data is unchanged
}

TEST_CASE("format names round-trip and unknown names are rejected") {
  auto names = ReportFormatNames();
  CHECK(names.size() == 9);
  for (const auto& n : names) CHECK(ParseReportFormat(n).has_value());
  CHECK(names.front() == "table");
  CHECK(!ParseReportFormat("xml").has_value());
  CHECK(ParseCsvTable("claims") == CsvTable::kClaims);
  CHECK(!ParseCsvTable("rows").has_value());
}

}  // namespace
}  // namespace recon

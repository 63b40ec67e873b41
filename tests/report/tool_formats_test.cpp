// Tests engine/report/csv.cpp, timelinejs.cpp, graph_formats.cpp and timesketch.cpp: each output
// is parsed back (a CSV reader that handles quotes, nlohmann for JSON, a small XML check) and
// compared with the fixture.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "report/fixture.h"

namespace recon {
namespace {

using nlohmann::json;
using testing::MakeFixture;
using testing::Render;

// RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; rows end in
// CRLF. Fails the test on a malformed quote.
std::vector<std::vector<std::string>> ParseCsv(const std::string& s) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, was_quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') { field += '"'; ++i; }
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      REQUIRE_MESSAGE(field.empty(), "quote inside an unquoted field at byte " << i);
      quoted = was_quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
      was_quoted = false;
    } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      rows.back().push_back(field);
      field.clear();
      was_quoted = false;
      rows.emplace_back();
      ++i;
    } else {
      REQUIRE_MESSAGE(c != '\n', "bare LF outside quotes at byte " << i);
      REQUIRE_MESSAGE(!was_quoted, "text after a closing quote at byte " << i);
      field += c;
    }
  }
  REQUIRE(!quoted);
  REQUIRE(rows.back().empty());  // the file ends with CRLF
  rows.pop_back();
  return rows;
}

std::map<std::string, std::string> RowMap(const std::vector<std::string>& header,
                                          const std::vector<std::string>& row) {
  REQUIRE(header.size() == row.size());
  std::map<std::string, std::string> m;
  for (size_t i = 0; i < header.size(); ++i) m[header[i]] = row[i];
  return m;
}

TEST_CASE("csv events: parsed back, one row per event, ISO dates with precision") {
  RunResult run = MakeFixture();
  auto rows = ParseCsv(Render(run, ReportFormat::kCsv));
  REQUIRE(rows.size() == 4);
  auto e1 = RowMap(rows[0], rows[1]);
  CHECK(e1["id"] == "E1");
  CHECK(e1["start"] == "2016-07-01");
  CHECK(e1["end"] == "2016-07-31");
  CHECK(e1["precision"] == "month");
  CHECK(e1["sources"] == "NK News; Yonhap");
  CHECK(e1["conflicts"] == "C1");
  auto e2 = RowMap(rows[0], rows[2]);
  CHECK(e2["label"] == run.timeline.events[1].label);  // quotes, comma and ampersand survive
  CHECK(e2["confidence"] == "0.1235");
  auto e3 = RowMap(rows[0], rows[3]);
  CHECK(e3["start"] == "");
  CHECK(e3["precision"] == "unknown");
}

TEST_CASE("csv claims: sentences with quotes and newlines survive; formulas are defused") {
  RunResult run = MakeFixture();
  ReportOptions options;
  options.csv_table = CsvTable::kClaims;
  auto rows = ParseCsv(Render(run, ReportFormat::kCsv, options));
  REQUIRE(rows.size() == 6);
  CHECK(rows[0].front() == "id");
  auto c2 = RowMap(rows[0], rows[2]);
  CHECK(c2["text"] == std::string(run.linked.claims[1].text));
  CHECK(c2["event"] == "E1");
  CHECK(c2["span_begin"] == std::to_string(run.linked.claims[1].begin));
  auto c4 = RowMap(rows[0], rows[4]);
  CHECK(c4["text"] == "'" + std::string(run.linked.claims[3].text));  // leading '=' guarded
  CHECK(c4["attributed_to"] == "Daily NK; NK News");
  CHECK(c4["modality"] == "reported");
}

TEST_CASE("timelinejs: slides for dated events, precision as omitted fields, escaped text") {
  RunResult run = MakeFixture();
  std::string text = Render(run, ReportFormat::kTimelineJs);
  auto j = json::parse(text);
  REQUIRE(j["events"].size() == 2);  // E3 is undated
  CHECK(j["title"]["text"]["text"].get<std::string>().find("1 undated event not shown") != std::string::npos);
  const auto& e1 = j["events"][0];
  CHECK(e1["unique_id"] == "E1");
  CHECK(e1["start_date"] == json{{"year", 2016}, {"month", 7}});
  CHECK(!e1.contains("end_date"));
  CHECK(e1["display_date"] == "2016-07");
  CHECK(e1["group"] == "defection");
  std::string slide = e1["text"]["text"];
  CHECK(slide.find("Sources: NK News, Yonhap") != std::string::npos);
  CHECK(slide.find("Conflict C1 on rank") != std::string::npos);
  CHECK(slide.find("<script") == std::string::npos);
  CHECK(slide.find("&lt;script&gt;alert(1)") != std::string::npos);
  const auto& e2 = j["events"][1];
  CHECK(e2["start_date"] == json{{"year", 2016}, {"month", 8}, {"day", 3}});
  CHECK(e2["text"]["headline"] == "Missile launch, &quot;Aug. 3&quot; &amp; &lt;b&gt;bold&lt;/b&gt;");
  CHECK(e2["group"] == "missile_test");
}

TEST_CASE("timelinejs: qualifiers and coarse precision") {
  RunResult run = MakeFixture();
  run.timeline.events[0].date = DateRange::Year(2015);
  run.timeline.events[0].date.qualifier = Qualifier::kApprox;
  DateRange before;
  before.end = Date(2017, 3, 31);
  before.granularity = Granularity::kMonth;
  before.qualifier = Qualifier::kBefore;
  run.timeline.events[1].date = before;
  auto j = json::parse(Render(run, ReportFormat::kTimelineJs));
  CHECK(j["events"][0]["start_date"] == json{{"year", 2015}});
  CHECK(j["events"][0]["display_date"] == "c. 2015");
  CHECK(j["events"][1]["start_date"] == json{{"year", 2017}, {"month", 3}});
  CHECK(j["events"][1]["display_date"] == "before 2017-03-31");
}

// Well-formedness for the XML recon writes: balanced tags, quoted attributes, only the five
// predefined entities. Counts elements by name.
std::map<std::string, int> CheckXml(const std::string& s) {
  std::map<std::string, int> counts;
  std::vector<std::string> stack;
  size_t i = s.find("?>");
  REQUIRE(s.rfind("<?xml", 0) == 0);
  for (i += 2; i < s.size();) {
    if (s[i] == '&') {
      size_t semi = s.find(';', i);
      REQUIRE(semi != std::string::npos);
      std::string ent = s.substr(i, semi - i + 1);
      CHECK_MESSAGE((ent == "&amp;" || ent == "&lt;" || ent == "&gt;" || ent == "&quot;" || ent == "&#39;"), ent);
      i = semi + 1;
    } else if (s[i] == '<') {
      size_t close = s.find('>', i);
      REQUIRE(close != std::string::npos);
      std::string tag = s.substr(i + 1, close - i - 1);
      REQUIRE(tag.find('<') == std::string::npos);
      CHECK(std::count(tag.begin(), tag.end(), '"') % 2 == 0);
      bool end = tag[0] == '/', empty = tag.back() == '/';
      std::string name = tag.substr(end ? 1 : 0, tag.find_first_of(" /", end ? 1 : 0) - (end ? 1 : 0));
      if (end) {
        REQUIRE(!stack.empty());
        CHECK(stack.back() == name);
        stack.pop_back();
      } else {
        ++counts[name];
        if (!empty) stack.push_back(name);
      }
      i = close + 1;
    } else {
      ++i;
    }
  }
  CHECK(stack.empty());
  return counts;
}

TEST_CASE("graphml: well-formed, keys declared, one node per claim, one edge per graph edge") {
  RunResult run = MakeFixture();
  std::string x = Render(run, ReportFormat::kGraphMl);
  auto counts = CheckXml(x);
  CHECK(counts["graph"] == 1);
  CHECK(counts["node"] == 5);
  CHECK(counts["edge"] == 4);
  // Every data key used is declared, with a type.
  for (const char* key : {"n_type", "n_document", "n_source", "n_modality", "n_date", "n_confidence",
                          "e_relation", "e_weight", "e_attribute"}) {
    CHECK(x.find(std::string("<key id=\"") + key + "\"") != std::string::npos);
  }
  CHECK(x.find("attr.name=\"weight\" attr.type=\"double\"") != std::string::npos);
  size_t at = 0;
  while ((at = x.find("<data key=\"", at)) != std::string::npos) {
    at += 11;
    std::string key = x.substr(at, x.find('"', at) - at);
    CHECK_MESSAGE(x.find("<key id=\"" + key + "\"") != std::string::npos, key);
  }
  CHECK(x.find("<edge id=\"e3\" source=\"d3#1\" target=\"d2#2\" directed=\"true\"><data key=\"e_relation\">cites</data>") !=
        std::string::npos);
  CHECK(x.find("<node id=\"d2#1\"><data key=\"n_label\">defection d2#1</data><data key=\"n_type\">defection</data>"
               "<data key=\"n_document\">d2</data><data key=\"n_source\">NK News</data><data key=\"n_modality\">hedged</data>") !=
        std::string::npos);
  CHECK(x.find("&lt;script&gt;alert(1)") != std::string::npos);
  CHECK(Render(MakeFixture(), ReportFormat::kGraphMl) == x);
}

TEST_CASE("graphml: control characters are not written into XML") {
  RunResult run = MakeFixture();
  run.linked.claims[0].source = std::string("bad\x01") + "outlet";
  std::string x = Render(run, ReportFormat::kGraphMl);
  CHECK(x.find('\x01') == std::string::npos);
  CHECK(x.find("bad\xEF\xBF\xBDoutlet") != std::string::npos);
}

TEST_CASE("dot: nodes and typed edges, quotes escaped, cites directed") {
  std::string d = Render(MakeFixture(), ReportFormat::kDot);
  CHECK(d.rfind("graph claims {", 0) == 0);
  CHECK(d.find("\"d3#1\" -- \"d2#2\" [relation=cites, strength=1.0, weight=100, label=\"cites\", dir=forward];") !=
        std::string::npos);
  CHECK(d.find("attribute=\"rank\"") != std::string::npos);
  CHECK(d.find("tooltip=\"A \\\"senior diplomat\\\"") != std::string::npos);
  size_t nodes = 0, edges = 0;
  std::istringstream in(d);
  for (std::string line; std::getline(in, line);) {
    if (line.find(" -- ") != std::string::npos) ++edges;
    else if (line.rfind("  \"", 0) == 0) ++nodes;
  }
  CHECK(nodes == 5);
  CHECK(edges == 4);
}

TEST_CASE("timesketch: one JSON line per dated event with the required fields") {
  RunResult run = MakeFixture();
  std::istringstream in(Render(run, ReportFormat::kTimesketch));
  std::vector<json> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  REQUIRE(lines.size() == 2);
  for (const auto& l : lines) {
    CHECK(l["message"].is_string());
    CHECK(l["datetime"].get<std::string>().size() == 25);
    CHECK(l["timestamp_desc"].is_string());
  }
  CHECK(lines[0]["datetime"] == "2016-07-01T00:00:00+00:00");
  CHECK(lines[0]["event_type"] == "defection");
  CHECK(lines[0]["sources"] == json{"NK News", "Yonhap"});
  CHECK(lines[0]["confidence"] == doctest::Approx(0.84));
  CHECK(lines[1]["timestamp_desc"] == "Event start (day precision)");
  CHECK(lines[1]["message"] == run.timeline.events[1].label);
}

TEST_CASE("every format is deterministic on the fixture") {
  for (const auto& name : ReportFormatNames()) {
    auto f = *ParseReportFormat(name);
    CHECK_MESSAGE(Render(MakeFixture(), f) == Render(MakeFixture(), f), name);
    CHECK_MESSAGE(!Render(MakeFixture(), f).empty(), name);
  }
}

}  // namespace
}  // namespace recon

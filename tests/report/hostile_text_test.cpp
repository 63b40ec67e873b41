// Every format on article text built from the characters that break writers (markup, quotes,
// separators, line breaks, control bytes, U+2028, invalid UTF-8): the machine formats must still
// parse, and the HTML must still hold only recon's two script elements.
#include <doctest/doctest.h>

#include <algorithm>
#include <deque>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

#include "report/fixture.h"

namespace recon {
namespace {

using testing::MakeFixture;
using testing::Render;

std::string Hostile(std::mt19937& rng) {
  static const std::vector<std::string> kPieces = {
      "<", ">", "&", "\"", "'", ",", ";", "\n", "\r", "\r\n", "\t", "\x01", "\xE2\x80\xA8",
      "\xE2\x80\xA9", "\xC3", "</script>", "<!--", "]]>", "\\", "|", "=", "@", "a", "b", " ",
      "\xC3\xA9", "{", "}", "#", "`", "*"};
  std::uniform_int_distribution<size_t> len(0, 12), pick(0, kPieces.size() - 1);
  std::string s;
  for (size_t n = len(rng); n > 0; --n) s += kPieces[pick(rng)];
  return s;
}

TEST_CASE("hostile text: every format stays well-formed") {
  std::mt19937 rng(20161123);
  std::deque<std::string> storage;  // the claims' text views point here; a deque never moves them
  for (int round = 0; round < 40; ++round) {
    RunResult run = MakeFixture();
    for (auto& e : run.timeline.events) e.label = Hostile(rng);
    for (auto& c : run.linked.claims) {
      c.source = Hostile(rng);
      c.date_expression = Hostile(rng);
      c.begin = c.end = 0;  // the sentence comes from `text`, not the document
      c.text = storage.emplace_back(Hostile(rng));
    }
    run.timeline.conflicts[0].values[1].value = Hostile(rng);
    run.timeline.conflicts[0].explanation = Hostile(rng);

    std::string json_text = Render(run, ReportFormat::kJson);
    auto j = nlohmann::json::parse(json_text);  // throws, failing the test, when malformed
    CHECK(j["events"].size() == 3);
    for (const char* line_format : {"timesketch"}) {
      std::istringstream in(Render(run, *ParseReportFormat(line_format)));
      for (std::string line; std::getline(in, line);) CHECK(nlohmann::json::accept(line));
    }
    CHECK(nlohmann::json::accept(Render(run, ReportFormat::kTimelineJs)));

    std::string html = Render(run, ReportFormat::kHtml);
    size_t scripts = 0;
    for (size_t at = html.find("<script"); at != std::string::npos; at = html.find("<script", at + 1)) ++scripts;
    CHECK(scripts == 2);

    std::string xml = Render(run, ReportFormat::kGraphMl);
    CHECK(std::find_if(xml.begin(), xml.end(), [](char c) {
            return static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r';
          }) == xml.end());

    // CSV: every quote opens and closes, so the quote count is even, and every row has the
    // header's field count (checked by counting separators outside quotes).
    ReportOptions claims;
    claims.csv_table = CsvTable::kClaims;
    for (const std::string& csv : {Render(run, ReportFormat::kCsv), Render(run, ReportFormat::kCsv, claims)}) {
      bool quoted = false;
      size_t fields = 1, header = 0, rows = 0;
      for (size_t i = 0; i < csv.size(); ++i) {
        char c = csv[i];
        if (c == '"') quoted = !quoted;
        else if (!quoted && c == ',') ++fields;
        else if (!quoted && c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
          if (rows++ == 0) header = fields;
          else CHECK(fields == header);
          fields = 1;
          ++i;
        }
      }
      CHECK(!quoted);
      CHECK(rows >= 4);
    }
  }
}

}  // namespace
}  // namespace recon

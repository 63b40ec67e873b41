// Tests engine/report/table.cpp, markdown.cpp and explain.cpp: the formats people read.
#include <doctest/doctest.h>

#include <sstream>

#include "report/fixture.h"

namespace recon {
namespace {

using testing::MakeFixture;
using testing::Render;

TEST_CASE("table: one line group per event, with dates, confidence, sources and conflicts") {
  std::string t = Render(MakeFixture(), ReportFormat::kTable);
  CHECK(t.find("3 events, 1 conflict, from 5 claims in 3 documents") != std::string::npos);
  size_t e1 = t.find("E1  2016-07 "), e2 = t.find("E2  2016-08-03"), e3 = t.find("E3  undated");
  REQUIRE(e1 != std::string::npos);
  REQUIRE(e2 != std::string::npos);
  REQUIRE(e3 != std::string::npos);
  CHECK(e1 < e2);
  CHECK(e2 < e3);
  CHECK(t.find("0.84  Thae Yong-ho defects") != std::string::npos);
  CHECK(t.find("0.12  Missile launch") != std::string::npos);  // 0.123456 rounded
  CHECK(t.find("sources: NK News, Yonhap (2 claims)") != std::string::npos);
  CHECK(t.find("conflict C1 on rank: \"minister\" (0.60; Yonhap) vs \"counsellor\" (0.40; NK News)") !=
        std::string::npos);
  CHECK(t.find("\nConflicts\n") != std::string::npos);
  CHECK(Render(MakeFixture(), ReportFormat::kTable) == t);
}

TEST_CASE("table: an empty run says so") {
  RunResult run;
  CHECK(Render(run, ReportFormat::kTable).find("No events found.") != std::string::npos);
}

TEST_CASE("markdown: timeline table, then each conflict with quoted sentences and sources") {
  std::string md = Render(MakeFixture(), ReportFormat::kMarkdown);
  CHECK(md.rfind("# Timeline\n", 0) == 0);
  CHECK(md.find("| 2016-07 | Thae Yong-ho defects from the London embassy (E1; conflict C1) | defection | 0.84 | NK News, Yonhap |") !=
        std::string::npos);
  CHECK(md.find("| undated | An official executed (E3) |") != std::string::npos);
  size_t conflicts = md.find("## Conflicts");
  REQUIRE(conflicts != std::string::npos);
  CHECK(md.find("### C1: rank of E1") > conflicts);
  CHECK(md.find("- **minister** (confidence 0.60), from Yonhap:") != std::string::npos);
  CHECK(md.find("> \"Thae Yong-ho, the minister at the embassy in London, defected last month.\" (Yonhap, d1)") !=
        std::string::npos);
  // Markup in article text is escaped, and the sentence's newline does not break the quote.
  CHECK(md.find("<script>") == std::string::npos);
  CHECK(md.find("\\<script\\>alert(1)") != std::string::npos);
  CHECK(md.find("\\<b\\>bold") != std::string::npos);
  CHECK(md.find("defected in July, sources said") != std::string::npos);
}

TEST_CASE("conflicts: most severe first, ties by id, with values and evidence") {
  RunResult run = MakeFixture();
  Conflict c2 = run.timeline.conflicts[0];
  c2.id = "C2";
  c2.severity = 0.9;
  Conflict c10 = run.timeline.conflicts[0];
  c10.id = "C10";
  c10.severity = 0.4;
  run.timeline.conflicts.push_back(c10);
  run.timeline.conflicts.push_back(c2);
  std::ostringstream out;
  WriteConflicts(run, out);
  std::string s = out.str();
  size_t p2 = s.find("\nC2  severity 0.90"), p1 = s.find("\nC1  severity 0.40"),
         p10 = s.find("\nC10  severity 0.40");
  REQUIRE(p2 != std::string::npos);
  REQUIRE(p1 != std::string::npos);
  REQUIRE(p10 != std::string::npos);
  CHECK(p2 < p1);
  CHECK(p1 < p10);
  CHECK(s.find("- \"counsellor\"  confidence 0.40  sources: NK News") != std::string::npos);
  CHECK(s.find("d1#1 [Yonhap] \"Thae Yong-ho, the minister") != std::string::npos);
  CHECK(s.find("why: Yonhap says minister") != std::string::npos);

  RunResult none;
  std::ostringstream empty;
  WriteConflicts(none, empty);
  CHECK(empty.str().rfind("No conflicts", 0) == 0);
}

TEST_CASE("explain: by id or label text; claims, attribution, rules, resolution, conflicts") {
  RunResult run = MakeFixture();
  std::ostringstream by_id, by_text, missing;
  REQUIRE(WriteExplain(run, "e1", by_id));
  REQUIRE(WriteExplain(run, "LONDON EMBASSY", by_text));
  CHECK(by_id.str() == by_text.str());
  std::string s = by_id.str();
  CHECK(s.rfind("E1  2016-07  defection  confidence 0.84", 0) == 0);
  CHECK(s.find("Claims (2)") != std::string::npos);
  CHECK(s.find("d2#1  [NK News]  defection, hedged, rule trigger.defection") != std::string::npos);
  CHECK(s.find("attribution: Yonhap <- Unification Ministry") != std::string::npos);
  CHECK(s.find("date: 2016-07 (month) from \"last month\" = 2016-07") != std::string::npos);
  CHECK(s.find("agent: \"A \"senior diplomat\"\" -> unresolved diplomat") != std::string::npos);
  CHECK(s.find("Rules that fired\n  trigger.defection  2 claims") != std::string::npos);
  CHECK(s.find("d2#1: may be Thae Yong-ho (thae), confidence 0.70") != std::string::npos);
  CHECK(s.find("rank = \"minister\"  confidence 0.60") != std::string::npos);
  CHECK(s.find("* \"minister\"  0.60  sources: Yonhap  claims: d1#1") != std::string::npos);
  CHECK(s.find("d1#1 -- d2#1  contradicts (rank)  weight 0.40") != std::string::npos);
  CHECK(s.find("C1  severity 0.40") != std::string::npos);
  CHECK(s.find("why: Yonhap says minister") != std::string::npos);

  std::ostringstream e2;
  REQUIRE(WriteExplain(run, "E2", e2));
  CHECK(e2.str().find("d3#1 -> d2#2  cites") != std::string::npos);
  CHECK(e2.str().find("none: the sources agree") != std::string::npos);

  CHECK_FALSE(WriteExplain(run, "E9", missing));
  CHECK_FALSE(WriteExplain(run, "no such words", missing));
  CHECK_FALSE(WriteExplain(run, "  ", missing));
  CHECK(missing.str().empty());
}

}  // namespace
}  // namespace recon

// A hand-built RunResult for the report tests: three documents, five claims, three events (one
// undated), a conflict on rank, a cites link, an unnamed participant with a candidate identity,
// and article text full of what breaks naive writers: <script>, quotes, commas, newlines,
// a leading '=', and U+2028.
#ifndef RECON_TESTS_REPORT_FIXTURE_H_
#define RECON_TESTS_REPORT_FIXTURE_H_

#include <cstdlib>
#include <map>
#include <sstream>
#include <string>
#include <string_view>

#include "recon/pipeline.h"
#include "recon/report.h"

namespace recon::testing {

// The script an article tries to smuggle into the HTML report; it would retitle the page.
inline constexpr std::string_view kInjection =
    "</script><script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">";

class FixtureBuilder {
 public:
  // Adds a document; returns its index.
  uint32_t Doc(std::string id, std::string source, std::string published, std::string text) {
    Document d;
    d.id = std::move(id);
    d.source = std::move(source);
    if (!published.empty()) d.published = ParseIsoDate(published);
    d.title = "Title of " + d.id;
    d.path = "fixtures/" + d.id + ".md";
    d.text = std::move(text);
    run_.corpus.documents.push_back(std::move(d));
    return uint32_t(run_.corpus.documents.size() - 1);
  }

  // Adds a claim over `sentence`, which must occur in document `doc`.
  Claim& AddClaim(uint32_t doc, std::string type, std::string_view sentence) {
    const Document& d = run_.corpus.documents[doc];
    Claim c;
    c.doc_index = doc;
    c.document = d.id;
    c.source = d.source;
    c.type = std::move(type);
    size_t at = d.text.find(sentence);
    c.begin = at == std::string::npos ? 0 : at;
    c.end = c.begin + sentence.size();
    c.id = d.id + "#" + std::to_string(++per_doc_[doc]);
    c.rule = "trigger." + c.type;
    c.confidence = 0.8;
    c.attributed_to = {d.source};
    run_.linked.claims.push_back(std::move(c));
    return run_.linked.claims.back();
  }

  RunResult Build() {
    // Views are set last: the documents no longer move.
    for (auto& c : run_.linked.claims)
      c.text = std::string_view(run_.corpus.documents[c.doc_index].text).substr(c.begin, c.end - c.begin);
    return std::move(run_);
  }

  RunResult& run() { return run_; }

 private:
  RunResult run_;
  std::map<uint32_t, int> per_doc_;
};

inline ValueEvidence Evidence(std::string value, double confidence, std::vector<std::string> claims,
                              std::vector<std::string> sources) {
  return {std::move(value), confidence, std::move(claims), std::move(sources)};
}

// The shared fixture. Claims in order: d1#1, d2#1, d2#2, d3#1, d3#2 (indices 0..4).
inline RunResult MakeFixture() {
  FixtureBuilder b;
  const std::string s1 = "Thae Yong-ho, the minister at the embassy in London, defected last month.";
  const std::string s2 =
      "A \"senior diplomat\", said to be a counsellor, defected in July,\nsources said "
      "<script>alert(1)</script>" + std::string(kInjection) + ".";
  const std::string s3 = "North Korea fired a missile on Aug. 3, officials said.";
  const std::string s4 = "=SUM(A1) Daily NK reported the launch on Aug. 3, citing NK News.";
  const std::string s5 = "An official was executed, a source said\xE2\x80\xA8 in Pyongyang.";
  uint32_t d1 = b.Doc("d1", "Yonhap", "2016-08-17", "Intro line.\n" + s1 + "\nMore text.");
  uint32_t d2 = b.Doc("d2", "NK News", "2016-08-18", s2 + " " + s3 + "\n");
  uint32_t d3 = b.Doc("d3", "Daily NK", "", s4 + "\n\n" + s5 + "\n");

  Claim& c1 = b.AddClaim(d1, "defection", s1);
  c1.participants = {{"agent", "thae", "Thae Yong-ho", "Thae Yong-ho", ""}};
  c1.attributes = {{"rank", "minister"}, {"post", "embassy in London"}};
  c1.date = DateRange::Month(2016, 7);
  c1.date_expression = "last month";
  c1.date_value = "2016-07";
  c1.modality = Modality::kReported;
  c1.attributed_to = {"Yonhap", "Unification Ministry"};
  c1.confidence = 0.9;
  Claim& c2 = b.AddClaim(d2, "defection", s2);
  c2.participants = {{"agent", "", "A \"senior diplomat\"", "", "diplomat"}};
  c2.attributes = {{"rank", "counsellor"}};
  c2.date = DateRange::Month(2016, 7);
  c2.date_expression = "in July";
  c2.date_value = "2016-07";
  c2.modality = Modality::kHedged;
  c2.confidence = 0.7;
  Claim& c3 = b.AddClaim(d2, "missile_test", s3);
  c3.participants = {{"agent", "kp", "North Korea", "North Korea", ""}};
  c3.date = DateRange::Day(Date(2016, 8, 3));
  c3.date_expression = "Aug. 3";
  c3.date_value = "2016-08-03";
  Claim& c4 = b.AddClaim(d3, "missile_test", s4);
  c4.date = DateRange::Day(Date(2016, 8, 3));
  c4.date_expression = "Aug. 3";
  c4.date_value = "2016-08-03";
  c4.attributed_to = {"Daily NK", "NK News"};
  c4.modality = Modality::kReported;
  Claim& c5 = b.AddClaim(d3, "execution", s5);
  c5.confidence = 0.55;

  RunResult& r = b.run();
  r.linked.entities = {{"kp", EntityType::kPlace, "North Korea", {"DPRK"}, "entity.kp"},
                       {"thae", EntityType::kPerson, "Thae Yong-ho", {"Tae Yong Ho"}, "entity.thae"}};
  r.linked.candidates = {{"d2#1", "thae", 0.7, "unnamed diplomat in the same defection as Thae Yong-ho"}};
  r.linked.graph = ClaimGraph(5);
  r.linked.graph.AddEdge({0, 1, Relation::kSameEvent, 0.8, ""});
  r.linked.graph.AddEdge({0, 1, Relation::kContradicts, 0.4, "rank"});
  r.linked.graph.AddEdge({3, 2, Relation::kCites, 1.0, ""});
  r.linked.graph.AddEdge({2, 3, Relation::kCorroborates, 0.9, "date"});

  Event e1;
  e1.id = "E1";
  e1.type = "defection";
  e1.label = "Thae Yong-ho defects from the London embassy";
  e1.date = DateRange::Month(2016, 7);
  e1.confidence = 0.84;
  e1.participants = {{"agent", "thae", "Thae Yong-ho", 1.0}};
  e1.attributes = {
      {"rank", "minister", 0.6,
       {Evidence("minister", 0.6, {"d1#1"}, {"Yonhap"}), Evidence("counsellor", 0.4, {"d2#1"}, {"NK News"})}}};
  e1.claims = {"d1#1", "d2#1"};
  e1.sources = {"NK News", "Yonhap"};
  e1.conflicts = {"C1"};
  Event e2;
  e2.id = "E2";
  e2.type = "missile_test";
  e2.label = "Missile launch, \"Aug. 3\" & <b>bold</b>";
  e2.date = DateRange::Day(Date(2016, 8, 3));
  e2.confidence = 0.123456;
  e2.participants = {{"agent", "kp", "North Korea", 1.0}};
  e2.claims = {"d2#2", "d3#1"};
  e2.sources = {"Daily NK", "NK News"};
  Event e3;
  e3.id = "E3";
  e3.type = "execution";
  e3.label = "An official executed";
  e3.confidence = 0.5;
  e3.claims = {"d3#2"};
  e3.sources = {"Daily NK"};
  r.timeline.events = {e1, e2, e3};

  Conflict c;
  c.id = "C1";
  c.event = "E1";
  c.attribute = "rank";
  c.values = e1.attributes[0].alternatives;
  c.explanation = "Yonhap says minister, NK News says counsellor; the ranks are two rungs apart";
  c.severity = 0.4;
  r.timeline.conflicts = {c};
  r.timeline.links = {{"d1#1", "d2#1", Relation::kSameEvent, "", 0.8},
                      {"d1#1", "d2#1", Relation::kContradicts, "rank", 0.4},
                      {"d3#1", "d2#2", Relation::kCites, "", 1.0},
                      {"d2#2", "d3#1", Relation::kCorroborates, "date", 0.9}};
  r.diagnostics.Warning("fixtures/d3.md", 1, 1, "no-date", "document has no publication date");
  return b.Build();
}

// The report of `run` in `format`, as a string.
inline std::string Render(const RunResult& run, ReportFormat format, ReportOptions options = {}) {
  std::ostringstream out;
  WriteReport(run, format, out, options);
  return out.str();
}

// Directory of the checkout, for docs/ and the schema.
inline std::string SourceDir() {
  const char* dir = std::getenv("RECON_SOURCE_DIR");
  return dir ? dir : RECON_SOURCE_DIR;
}

}  // namespace recon::testing

#endif  // RECON_TESTS_REPORT_FIXTURE_H_

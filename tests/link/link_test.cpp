// Tests for engine/link: romanisation keys merge spellings and keep near neighbours apart.
#include <doctest/doctest.h>

#include "recon/link.h"
#include "recon/rules.h"

namespace recon {
namespace {

const std::map<std::string, std::string>& Variants() {
  static RuleSet rules = [] {
    Diagnostics d;
    return LoadRules({DefaultRulesDir()}, &d);
  }();
  return rules.names.surname_variants;
}

TEST_CASE("spellings of one name share a key") {
  const auto& v = Variants();
  CHECK(NameKey("Thae Yong-ho", v) == NameKey("Tae Yong Ho", v));
  CHECK(NameKey("Hyon Yong-chol", v) == NameKey("Hyun Young-chul", v));
  CHECK(NameKey("Hyon Yong-chol", v) == NameKey("Hyeon Yeong-cheol", v));
  CHECK(NameKey("Jo Song-gil", v) == NameKey("Cho Song-kil", v));
  CHECK(NameKey("Ri Il-gyu", v) == NameKey("Lee Il-kyu", v));
  CHECK(NameKey("Kim Jong Un", v) == NameKey("Kim Jong-un", v));
}

TEST_CASE("near neighbours keep different keys") {
  const auto& v = Variants();
  std::vector<std::string> names = {"Kim Jong Un", "Kim Jong Il", "Kim Il Sung", "Kim Jong-nam", "Kim Yo-jong"};
  for (size_t a = 0; a < names.size(); ++a)
    for (size_t b = a + 1; b < names.size(); ++b) CHECK(NameKey(names[a], v) != NameKey(names[b], v));
}

Claim MakeClaim(std::string id, uint32_t doc, std::string source, std::string subject_name, DateRange date) {
  Claim c;
  c.id = std::move(id);
  c.doc_index = doc;
  c.document = "d" + std::to_string(doc);
  c.source = std::move(source);
  c.type = "defection";
  c.date = date;
  c.participants.push_back({"subject", "", subject_name, subject_name, ""});
  c.attributed_to = {c.source};
  return c;
}

TEST_CASE("claims about one person with compatible dates are linked; others are not") {
  Diagnostics d;
  RuleSet rules = LoadRules({DefaultRulesDir()}, &d);
  Corpus corpus;
  for (int i = 0; i < 4; ++i) {
    Document doc;
    doc.id = "d" + std::to_string(i);
    doc.published = Date(2016, 8, 17);
    corpus.documents.push_back(doc);
  }
  std::vector<Claim> claims = {
      MakeClaim("a", 0, "Seoul Ledger", "Thae Yong-ho", DateRange::Month(2016, 7)),
      MakeClaim("b", 1, "Pacific Dispatch", "Tae Yong Ho", DateRange::Year(2016)),
      MakeClaim("c", 2, "NK Insight", "Kim Jong-nam", DateRange::Year(2016)),
      MakeClaim("d", 3, "Daily Peninsula", "Thae Yong-ho", {}),
  };
  Linked l = LinkClaims(corpus, claims, rules);
  CHECK(l.claims[0].participants[0].entity == "thae-yong-ho");
  CHECK(l.claims[1].participants[0].entity == "thae-yong-ho");
  // Thae's three claims are connected (a star around the earliest-dated one); Kim Jong-nam's
  // claim is in a block of its own.
  size_t same = 0;
  for (const auto& e : l.graph.SortedEdges()) {
    if (e.relation != Relation::kSameEvent) continue;
    ++same;
    CHECK(e.from != 2);
    CHECK(e.to != 2);
    if (e.from == 0 && e.to == 3) CHECK(e.weight == doctest::Approx(0.5));  // one date unknown
  }
  CHECK(same == 2);
}

}  // namespace
}  // namespace recon

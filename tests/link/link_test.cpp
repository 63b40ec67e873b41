// Tests for engine/link: romanisation keys merge spellings and keep near neighbours apart.
#include <doctest/doctest.h>

#include <algorithm>

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

// `n` documents "d0", "d1", ... published on `published`.
Corpus Documents(int n, Date published) {
  Corpus corpus;
  for (int i = 0; i < n; ++i) {
    Document doc;
    doc.id = "d" + std::to_string(i);
    doc.published = published;
    corpus.documents.push_back(doc);
  }
  return corpus;
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
  Corpus corpus = Documents(4, Date(2016, 8, 17));
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

bool SameEventEdge(const Linked& l, uint32_t a, uint32_t b) {
  for (const auto& e : l.graph.SortedEdges())
    if (e.relation == Relation::kSameEvent && e.from == std::min(a, b) && e.to == std::max(a, b)) return true;
  return false;
}

TEST_CASE("a less precise type joins the absorbing type's event unless its own date sets it apart") {
  Diagnostics d;
  RuleSet rules = LoadRules({DefaultRulesDir()}, &d);
  Corpus corpus = Documents(4, Date(2015, 6, 1));
  std::vector<Claim> claims = {
      MakeClaim("executed", 0, "Seoul Ledger", "Pak Chol-su", DateRange::Month(2015, 4)),
      MakeClaim("purged", 1, "Pacific Dispatch", "Pak Chol-su", {}),
      MakeClaim("purged-earlier", 2, "NK Insight", "Pak Chol-su", DateRange::Year(2013)),
      MakeClaim("purged-other", 3, "NK Insight", "Ri Man-gon", {}),
  };
  claims[0].type = "execution";
  for (size_t i = 1; i < claims.size(); ++i) claims[i].type = "purge";
  Linked l = LinkClaims(corpus, claims, rules);
  CHECK(l.claims[1].type == "execution");
  CHECK(SameEventEdge(l, 0, 1));
  CHECK(l.claims[2].type == "purge");  // purged in 2013, executed in 2015: two events
  CHECK(l.claims[3].type == "purge");  // no execution of his
  // A day inside the execution's month is more precise than the execution's date: not a less
  // precise telling of it ("expelled on 8 December", "executed in December").
  claims[2].date = DateRange::Day(Date(2015, 4, 8));
  Linked day = LinkClaims(corpus, claims, rules);
  CHECK(day.claims[2].type == "purge");
  claims[0].date = DateRange::Day(Date(2015, 4, 8));
  Linked same_day = LinkClaims(corpus, claims, rules);
  CHECK(same_day.claims[2].type == "execution");
  // Nor does a dated purge date an undated execution.
  claims[0].date = {};
  Linked undated = LinkClaims(corpus, claims, rules);
  CHECK(undated.claims[1].type == "execution");
  CHECK(undated.claims[2].type == "purge");
  // An execution that the purge's own article only doubts ("could not confirm whether he was
  // among those executed") leaves the purge a purge; another article's doubt, or a report in
  // the same article, still absorbs it.
  claims[0].modality = Modality::kHedged;
  claims[0].doc_index = 1;
  claims[0].document = "d1";
  Linked doubted = LinkClaims(corpus, claims, rules);
  CHECK(doubted.claims[1].type == "purge");
  CHECK_FALSE(SameEventEdge(doubted, 0, 1));
  claims[0].modality = Modality::kReported;
  CHECK(LinkClaims(corpus, claims, rules).claims[1].type == "execution");
  claims[0].modality = Modality::kHedged;
  claims[0].doc_index = 0;
  claims[0].document = "d0";
  CHECK(LinkClaims(corpus, claims, rules).claims[1].type == "execution");
  // A mention of executions told elsewhere ("has not commented on the executions") absorbs none.
  claims[0].modality = Modality::kAsserted;
  claims[0].generic = true;
  CHECK(LinkClaims(corpus, claims, rules).claims[1].type == "purge");
}

TEST_CASE("a kind of event joins only claims of its kind") {
  Diagnostics d;
  RuleSet rules = LoadRules({DefaultRulesDir()}, &d);
  Corpus corpus = Documents(2, Date(2010, 11, 24));
  auto attack = [](std::string id, uint32_t doc, std::string rule) {
    Claim c = MakeClaim(std::move(id), doc, "Seoul Ledger", "", DateRange::Day(Date(2010, 11, 23)));
    c.participants.clear();
    c.type = "attack";
    c.rule = std::move(rule);
    return c;
  };
  std::vector<Claim> claims = {attack("shelled", 0, "attack.shelling"), attack("answered", 0, "attack.answer_fire"),
                               attack("returned", 1, "attack.return_fire"), attack("fired", 1, "attack.fire")};
  Linked l = LinkClaims(corpus, claims, rules);
  CHECK(SameEventEdge(l, 0, 3));
  CHECK(SameEventEdge(l, 1, 2));
  CHECK_FALSE(SameEventEdge(l, 0, 1));
  CHECK_FALSE(SameEventEdge(l, 2, 3));
  const EventKeys keys(rules);
  CHECK(keys.Of(claims[0]) == "attack");
  CHECK(keys.Of(claims[1]) == "attack/return fire");
  // An attempt is not the deed: "an earlier attempt on his life" and "he was murdered".
  std::vector<Claim> named = {MakeClaim("murdered", 0, "Seoul Ledger", "Kim Jong-nam", DateRange::Year(2017)),
                              MakeClaim("attempt", 1, "Pacific Dispatch", "Kim Jong-nam", DateRange::Year(2017)),
                              MakeClaim("killed", 1, "Pacific Dispatch", "Kim Jong-nam", {})};
  for (auto& c : named) c.type = "assassination";
  named[1].modality = Modality::kAttempted;
  CHECK(keys.Of(named[1]) == "assassination/attempt");
  Linked n = LinkClaims(corpus, named, rules);
  CHECK(SameEventEdge(n, 0, 2));
  CHECK_FALSE(SameEventEdge(n, 0, 1));
  CHECK_FALSE(SameEventEdge(n, 1, 2));
}

Claim Unnamed(std::string id, uint32_t doc, std::string descriptor, DateRange date) {
  Claim c = MakeClaim(std::move(id), doc, "Seoul Ledger", "", date);
  c.participants[0].mention = c.participants[0].descriptor = std::move(descriptor);
  return c;
}

TEST_CASE("an unnamed telling joins the one story of its type its article tells") {
  Diagnostics d;
  RuleSet rules = LoadRules({DefaultRulesDir()}, &d);
  Corpus corpus = Documents(3, Date(2019, 2, 21));
  std::vector<Claim> claims = {
      MakeClaim("named", 0, "Seoul Ledger", "Jo Song-gil", DateRange::Month(2018, 11)),
      Unnamed("diplomat", 0, "diplomat", DateRange::Year(2018)),    // fits: joins
      Unnamed("soldier", 0, "soldier", {}),                         // another rank family
      Unnamed("earlier", 0, "", DateRange::Month(2016, 4)),         // disjoint date
      // An article naming two people for the type tells two stories: nothing joins.
      MakeClaim("x", 1, "Seoul Ledger", "Jo Song-gil", DateRange::Month(2018, 11)),
      MakeClaim("y", 1, "Seoul Ledger", "Thae Yong-ho", DateRange::Month(2016, 7)),
      Unnamed("z", 1, "", {}),
      // An article naming no one: an undated telling joins the dated one.
      Unnamed("dated", 2, "", DateRange::Day(Date(2010, 11, 23))),
      Unnamed("undated", 2, "", {}),
  };
  claims[0].attributes["rank"] = "acting_ambassador";
  Linked l = LinkClaims(corpus, claims, rules);
  CHECK(SameEventEdge(l, 0, 1));
  CHECK_FALSE(SameEventEdge(l, 0, 2));
  CHECK_FALSE(SameEventEdge(l, 0, 3));
  CHECK_FALSE(SameEventEdge(l, 4, 6));
  CHECK_FALSE(SameEventEdge(l, 5, 6));
  CHECK(SameEventEdge(l, 7, 8));
  // Generic claims take no part.
  claims[8].generic = true;
  CHECK_FALSE(SameEventEdge(LinkClaims(corpus, claims, rules), 7, 8));
}

TEST_CASE("an unnamed claim keeps its few best candidates, not every fitting name") {
  Diagnostics d;
  RuleSet rules = LoadRules({DefaultRulesDir()}, &d);
  const std::vector<std::string> names = {"Pak Chol-su", "Ri Man-gon", "Kim Yong-chol", "Jo Yon-jun",
                                          "Choe Hwi", "Ri Su-yong", "Pak Pong-ju"};
  Corpus corpus = Documents(int(names.size()) + 1, Date(2017, 12, 1));
  std::vector<Claim> claims;
  for (size_t k = 0; k < names.size(); ++k) {
    claims.push_back(MakeClaim("n" + std::to_string(k), uint32_t(k), "NK Insight", names[k], DateRange::Month(2017, 11)));
    if (k >= 5) claims.back().attributes["rank"] = "colonel";  // the two that fit best
  }
  claims.push_back(Unnamed("u", uint32_t(names.size()), "officer", DateRange::Month(2017, 11)));
  claims.back().attributes["rank"] = "colonel";
  Linked l = LinkClaims(corpus, claims, rules);
  std::vector<std::string> entities;
  for (const auto& c : l.candidates)
    if (c.claim == "u") entities.push_back(c.entity);
  CHECK(entities.size() == size_t(rules.resolver.max_candidates));
  CHECK(std::is_sorted(entities.begin(), entities.end()));
  for (const auto& c : l.candidates)
    if (c.claim == "u" && c.reason.find("same rank") != std::string::npos) CHECK(c.confidence > 0.8);
  size_t ranked = std::count_if(l.candidates.begin(), l.candidates.end(),
                                [](const CandidateLink& c) { return c.reason.find("same rank") != std::string::npos; });
  CHECK(ranked == 2);
}

TEST_CASE("an unnamed claim dated within a month of a named one is a weaker candidate") {
  Diagnostics d;
  RuleSet rules = LoadRules({DefaultRulesDir()}, &d);
  Corpus corpus = Documents(3, Date(2016, 3, 1));
  std::vector<Claim> claims = {
      MakeClaim("named", 0, "Guardian", "Kang Myong-chol", DateRange::Month(2015, 11)),
      Unnamed("near", 1, "soldier", DateRange::Day(Date(2015, 10, 19))),
      Unnamed("far", 2, "soldier", DateRange::Day(Date(2015, 8, 2))),
  };
  for (auto& c : claims) c.attributes["place"] = "dmz";
  Linked l = LinkClaims(corpus, claims, rules);
  const CandidateLink* near = nullptr;
  for (const auto& c : l.candidates) {
    CHECK(c.claim != "far");  // more than a month apart: no candidate
    if (c.claim == "near") near = &c;
  }
  REQUIRE(near);
  CHECK(near->entity == "p:gang-myongjor");
  CHECK(near->reason.find("within a month") != std::string::npos);
  CHECK(near->confidence < 0.7);  // weaker than overlapping dates: shown, not merged
  CHECK_FALSE(SameEventEdge(l, 0, 1));
}

}  // namespace
}  // namespace recon

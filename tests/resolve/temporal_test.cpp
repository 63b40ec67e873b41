// Tests for the temporal network: engine/resolve/temporal.cpp (SolveStn) by hand-computed
// bounds and against a Floyd-Warshall reference on random networks, and
// engine/resolve/event_order.cpp (OrderEvents) end to end from short articles.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>

#include "recon/pipeline.h"
#include "recon/temporal.h"

namespace recon {
namespace {

// l <= t[b] - t[a] <= u as two constraints.
void Between(std::vector<TemporalConstraint>* cs, uint32_t a, uint32_t b, int64_t l, int64_t u,
             double strength, const std::string& why = "") {
  cs->push_back({a, b, u, strength, why + " upper"});
  cs->push_back({b, a, -l, strength, why + " lower"});
}

TEST_CASE("bounds are tightened to what the constraints allow") {
  // A in [10, 20]; B - A in [3, 5]; B <= 16: A <= 13, B in [13, 16]; C after B by at least 2.
  std::vector<TemporalConstraint> cs;
  Between(&cs, 0, 1, 10, 20, 1);
  Between(&cs, 1, 2, 3, 5, 1);
  cs.push_back({0, 2, 16, 1, "B upper"});
  cs.push_back({3, 2, -2, 1, "C after B"});
  StnResult r = SolveStn(4, cs);
  CHECK(r.dropped.empty());
  CHECK(r.lower[0] == 0);
  CHECK(r.upper[0] == 0);
  CHECK(r.lower[1] == 10);
  CHECK(r.upper[1] == 13);
  CHECK(r.lower[2] == 13);
  CHECK(r.upper[2] == 16);
  // C: only "at least two days after B": bounded below, open above.
  CHECK(r.lower[3] == 15);
  CHECK(r.upper[3] == kUnbounded);
}

TEST_CASE("a point nothing constrains stays unbounded on both sides") {
  std::vector<TemporalConstraint> cs;
  Between(&cs, 0, 1, 5, 5, 1);
  StnResult r = SolveStn(3, cs);
  CHECK(r.lower[2] == -kUnbounded);
  CHECK(r.upper[2] == kUnbounded);
  CHECK(r.lower[1] == 5);
  CHECK(r.upper[1] == 5);
}

TEST_CASE("an undated point ordered after a dated one gets bounds from it") {
  // A dated [100, 110]; B two to three days after A; B has no date of its own.
  std::vector<TemporalConstraint> cs;
  Between(&cs, 0, 1, 100, 110, 0.9);
  Between(&cs, 1, 2, 2, 3, 0.5);
  StnResult r = SolveStn(3, cs);
  CHECK(r.lower[2] == 102);
  CHECK(r.upper[2] == 113);
}

TEST_CASE("a negative cycle is found and its weakest constraint dropped") {
  // A on day 10 (0.9), B on day 30 (0.8), but "B four days after A" (0.3): cannot all hold.
  std::vector<TemporalConstraint> cs;
  Between(&cs, 0, 1, 10, 10, 0.9, "A");
  Between(&cs, 0, 2, 30, 30, 0.8, "B");
  Between(&cs, 1, 2, 4, 4, 0.3, "B after A");
  StnResult r = SolveStn(3, cs);
  REQUIRE(r.dropped.size() == 1);
  const auto& d = r.dropped[0];
  // The upper side of the relation (B - A <= 4) is what B's date contradicts.
  CHECK(cs[d.constraint].provenance == "B after A upper");
  CHECK(d.cycle.front() == d.constraint);
  CHECK(d.cycle_weight < 0);
  // The cycle is a closed path whose weights add up to cycle_weight.
  int64_t sum = 0;
  for (size_t k = 0; k < d.cycle.size(); ++k) {
    const auto& a = cs[d.cycle[k]];
    const auto& b = cs[d.cycle[(k + 1) % d.cycle.size()]];
    CHECK(a.to == b.from);
    sum += a.bound;
  }
  CHECK(sum == d.cycle_weight);
  CHECK(r.lower[1] == 10);
  CHECK(r.upper[2] == 30);
  CHECK(r.lower[2] == 30);
}

TEST_CASE("a cycle the origin does not reach is still found") {
  // B after A by 5 and A after B by 5: no date anywhere, still impossible.
  std::vector<TemporalConstraint> cs;
  cs.push_back({2, 1, -5, 0.4, "B >= A + 5"});
  cs.push_back({1, 2, -5, 0.6, "A >= B + 5"});
  StnResult r = SolveStn(3, cs);
  REQUIRE(r.dropped.size() == 1);
  CHECK(cs[r.dropped[0].constraint].provenance == "B >= A + 5");
  CHECK(r.dropped[0].cycle.size() == 2);
}

TEST_CASE("structural constraints are never dropped while a weaker one can go") {
  std::vector<TemporalConstraint> cs;
  cs.push_back({2, 1, 0, kStructural, "start <= end"});
  cs.push_back({1, 2, 0, kStructural, "end <= start"});
  Between(&cs, 0, 1, 50, 50, 0.2, "start");
  Between(&cs, 0, 2, 40, 40, 0.7, "end");
  StnResult r = SolveStn(3, cs);
  REQUIRE(r.dropped.size() == 1);
  CHECK(cs[r.dropped[0].constraint].strength == 0.2);
  CHECK(r.lower[1] == 40);
  CHECK(r.upper[1] == 40);
}

// The reference: Floyd-Warshall over the kept constraints. d[i][j] is the tightest bound on
// t[j] - t[i]; the network is consistent when no d[i][i] < 0.
struct Reference {
  static constexpr int64_t kInf = int64_t(1) << 50;
  std::vector<std::vector<int64_t>> d;
  bool consistent = true;
  Reference(size_t n, const std::vector<TemporalConstraint>& cs, const std::vector<bool>& keep) {
    d.assign(n, std::vector<int64_t>(n, kInf));
    for (size_t i = 0; i < n; ++i) d[i][i] = 0;
    for (size_t k = 0; k < cs.size(); ++k)
      if (keep[k]) d[cs[k].from][cs[k].to] = std::min(d[cs[k].from][cs[k].to], cs[k].bound);
    for (size_t k = 0; k < n; ++k)
      for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < n; ++j)
          if (d[i][k] < kInf && d[k][j] < kInf) d[i][j] = std::min(d[i][j], d[i][k] + d[k][j]);
    for (size_t i = 0; i < n; ++i) consistent = consistent && d[i][i] >= 0;
  }
};

std::vector<TemporalConstraint> RandomNetwork(std::mt19937* rng, size_t n) {
  std::vector<TemporalConstraint> cs;
  size_t m = 1 + (*rng)() % (3 * n);
  for (size_t k = 0; k < m; ++k) {
    TemporalConstraint c;
    c.from = uint32_t((*rng)() % n);
    c.to = uint32_t((*rng)() % n);
    if (c.from == c.to) continue;
    c.bound = int64_t((*rng)() % 41) - 12;
    c.strength = double(1 + (*rng)() % 5) / 5;  // ties are common, on purpose
    static const char* const kNames[] = {"c0", "c1", "c2", "c3"};
    c.provenance = kNames[k % 4];
    cs.push_back(c);
  }
  return cs;
}

TEST_CASE("Bellman-Ford agrees with Floyd-Warshall on random networks") {
  std::mt19937 rng(20261123);
  int inconsistent = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    size_t n = 2 + rng() % 7;
    auto cs = RandomNetwork(&rng, n);
    StnResult r = SolveStn(n, cs);
    std::vector<bool> keep(cs.size(), true);
    Reference before(n, cs, keep);
    CHECK(before.consistent == r.dropped.empty());
    inconsistent += !before.consistent;
    for (const auto& d : r.dropped) {
      // Each drop: a closed path of constraints still kept, negative, and the weakest on it.
      REQUIRE(!d.cycle.empty());
      int64_t sum = 0;
      for (size_t k = 0; k < d.cycle.size(); ++k) {
        const auto& a = cs[d.cycle[k]];
        const auto& b = cs[d.cycle[(k + 1) % d.cycle.size()]];
        CHECK(a.to == b.from);
        CHECK(keep[d.cycle[k]]);
        CHECK(cs[d.constraint].strength <= a.strength);
        sum += a.bound;
      }
      CHECK(sum < 0);
      CHECK(sum == d.cycle_weight);
      CHECK(!Reference(n, cs, keep).consistent);
      keep[d.constraint] = false;
    }
    Reference after(n, cs, keep);
    REQUIRE(after.consistent);
    for (size_t v = 0; v < n; ++v) {
      int64_t upper = after.d[0][v] >= Reference::kInf ? kUnbounded : after.d[0][v];
      int64_t lower = after.d[v][0] >= Reference::kInf ? -kUnbounded : -after.d[v][0];
      CHECK(r.upper[v] == upper);
      CHECK(r.lower[v] == lower);
    }
  }
  // The generator must exercise both sides.
  CHECK(inconsistent > 300);
  CHECK(inconsistent < 2700);
}

TEST_CASE("the result does not depend on the order of the constraints") {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 300; ++trial) {
    size_t n = 3 + rng() % 6;
    auto cs = RandomNetwork(&rng, n);
    StnResult a = SolveStn(n, cs);
    std::vector<size_t> perm(cs.size());
    for (size_t i = 0; i < perm.size(); ++i) perm[i] = i;
    std::shuffle(perm.begin(), perm.end(), rng);
    std::vector<TemporalConstraint> shuffled;
    for (size_t i : perm) shuffled.push_back(cs[i]);
    StnResult b = SolveStn(n, shuffled);
    CHECK(a.lower == b.lower);
    CHECK(a.upper == b.upper);
    REQUIRE(a.dropped.size() == b.dropped.size());
    for (size_t k = 0; k < a.dropped.size(); ++k) {
      const auto& x = cs[a.dropped[k].constraint];
      const auto& y = shuffled[b.dropped[k].constraint];
      CHECK(std::tie(x.from, x.to, x.bound, x.strength, x.provenance) ==
            std::tie(y.from, y.to, y.bound, y.strength, y.provenance));
    }
  }
}

// --- OrderEvents, end to end from articles written for this test ---

Document Article(const std::string& id, const std::string& source, Date published,
                 const std::string& text) {
  Document d;
  d.id = id;
  d.source = source;
  d.published = published;
  d.text = text;
  return d;
}

RunResult RunArticles(std::vector<Document> docs) {
  Diagnostics diags;
  RuleSet rules = LoadRules({DefaultRulesDir()}, &diags);
  REQUIRE(diags.error_count() == 0);
  Corpus corpus;
  for (auto& d : docs) corpus.documents.push_back(std::move(d));
  RunOptions options;
  options.threads = 1;
  return RunCorpus(std::move(corpus), std::move(rules), std::move(diags), options);
}

const Event* FindEvent(const Timeline& t, const std::string& type) {
  for (const auto& e : t.events)
    if (e.type == type) return &e;
  return nullptr;
}

TEST_CASE("'executed four days after his arrest' dates the undated execution") {
  RunResult run = RunArticles({Article(
      "herald-1", "Harbour Herald", Date(2013, 12, 20),
      "Pak Chol-su was arrested at his office on December 8, 2013, the ministry said.\n\n"
      "He was executed four days after his arrest, according to a person briefed on the case.\n")});
  const Event* arrest = FindEvent(run.timeline, "arrest");
  const Event* execution = FindEvent(run.timeline, "execution");
  REQUIRE(arrest);
  REQUIRE(execution);
  CHECK(arrest->date.start == Date(2013, 12, 8));
  // Four days, give or take the day of tolerance in rules/temporal.yaml.
  CHECK(execution->date.start == Date(2013, 12, 11));
  CHECK(execution->date.end == Date(2013, 12, 13));
  CHECK(execution->conflicts.empty());
}

TEST_CASE("'four days later' joins the event whose date it counts from") {
  RunResult run = RunArticles({
      Article("herald-3", "Harbour Herald", Date(2013, 12, 20),
              "Pak Chol-su was arrested at his office on December 8, 2013.\n\n"
              "He was executed four days later, a person briefed on the case said.\n"),
      // A second outlet moves the arrest a day later; the execution follows it.
      Article("courier-3", "Valley Courier", Date(2013, 12, 21),
              "Pak Chol-su was arrested on December 9, 2013.\n\n"
              "Pak Chol-su had been arrested before, in 2009.\n")});
  const Event* execution = FindEvent(run.timeline, "execution");
  REQUIRE(execution);
  const Event* arrest = nullptr;
  for (const auto& e : run.timeline.events)
    if (e.type == "arrest" && e.date.bounded() && e.date.start.year() == 2013) arrest = &e;
  REQUIRE(arrest);
  // The execution is bounded by the arrest event as resolved, whichever day that is.
  REQUIRE(execution->date.bounded());
  CHECK(execution->date.start == arrest->date.start + boost::gregorian::days(3));
  CHECK(execution->date.end == arrest->date.end + boost::gregorian::days(5));
}

TEST_CASE("a relation that contradicts a reported date is dropped and flagged as an order conflict") {
  RunResult run = RunArticles({
      Article("herald-1", "Harbour Herald", Date(2013, 12, 22),
              "Pak Chol-su was arrested at his office on December 8, 2013, the ministry said.\n\n"
              "He was executed four days after his arrest, according to a person briefed on the case.\n"),
      Article("courier-1", "Valley Courier", Date(2013, 12, 22),
              "Pak Chol-su was executed on December 20, 2013, in the capital.\n"),
      Article("gazette-1", "Lakeside Gazette", Date(2013, 12, 23),
              "Officials confirmed that Pak Chol-su was executed on December 20, 2013.\n\n"
              "Pak Chol-su had been arrested on December 8, 2013.\n"),
  });
  const Event* execution = FindEvent(run.timeline, "execution");
  REQUIRE(execution);
  // Two outlets date it; one sentence orders it against the arrest: the order goes.
  CHECK(execution->date.start == Date(2013, 12, 20));
  CHECK(execution->date.end == Date(2013, 12, 20));
  const Conflict* order = nullptr;
  for (const auto& c : run.timeline.conflicts)
    if (c.attribute == "order") order = &c;
  REQUIRE(order);
  CHECK(order->event == execution->id);
  CHECK(order->explanation.find("4 days after") != std::string::npos);
  CHECK(order->explanation.find("dropped the weakest") != std::string::npos);
  REQUIRE(order->values.size() >= 2);
  // The dropped relation comes last, with the claim that stated it.
  CHECK(order->values.back().value.find("4 days after") != std::string::npos);
  CHECK(order->values.back().sources == std::vector<std::string>{"Harbour Herald"});
  std::set<std::string> sources;
  for (const auto& v : order->values) sources.insert(v.sources.begin(), v.sources.end());
  CHECK(sources.count("Valley Courier"));
  CHECK(order->severity > 0);
  CHECK(order->severity <= 1);
}

TEST_CASE("a looser bound from a relation never widens a date") {
  // "after his arrest" allows any day after March 2015; the defection stays in July 2016, and
  // the arrest (before the defection) stays in March 2015.
  RunResult run = RunArticles({
      Article("herald-2", "Harbour Herald", Date(2016, 8, 20),
              "Ri Kwang-il was arrested in March 2015.\n\n"
              "Ri Kwang-il defected to the South after his arrest, officials said.\n"),
      Article("courier-2", "Valley Courier", Date(2016, 8, 21),
              "Ri Kwang-il defected in July 2016, officials said.\n")});
  size_t relations = 0;
  for (const auto& c : run.linked.claims) relations += c.relations.size();
  CHECK(relations == 1);
  const Event* defection = FindEvent(run.timeline, "defection");
  const Event* arrest = FindEvent(run.timeline, "arrest");
  REQUIRE(defection);
  REQUIRE(arrest);
  CHECK(defection->date.start == Date(2016, 7, 1));
  CHECK(defection->date.end == Date(2016, 7, 31));
  CHECK(arrest->date.start == Date(2015, 3, 1));
  CHECK(arrest->date.end == Date(2015, 3, 31));
  for (const auto& c : run.timeline.conflicts) CHECK(c.attribute != "order");
}

TEST_CASE("the resolver's temporal settings load from YAML and bad ones are diagnosed") {
  RuleSet rules;
  Diagnostics diags;
  LoadRulePackText("resolver:\n  relation_tolerance_days: {day: 2, year: 30}\n  event_span_days: 3\n",
                   "t.yaml", &rules, &diags);
  CHECK(diags.error_count() == 0);
  CHECK(rules.resolver.relation_tolerance_days.at("day") == 2);
  CHECK(rules.resolver.relation_tolerance_days.at("year") == 30);
  CHECK(rules.resolver.relation_tolerance_days.at("month") == 15);  // the default stays
  CHECK(rules.resolver.event_span_days == 3);
  Diagnostics bad;
  LoadRulePackText("resolver:\n  relation_tolerance_days: {fortnight: 2}\n", "t.yaml", &rules, &bad);
  CHECK(bad.error_count() == 1);
}

}  // namespace
}  // namespace recon

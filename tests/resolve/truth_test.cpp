// Tests engine/resolve/truth.cpp: each method on hand-made inputs whose answer is known by
// construction, determinism under permutation, calibration, reading claims, and the fast
// implementation against the slow reference in truth_reference.h on random inputs.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "recon/truth.h"
#include "resolve/truth_reference.h"

namespace recon {
namespace {

TruthClaim C(std::string source, std::string object, std::string value, std::string cites = "") {
  TruthClaim c;
  c.source = std::move(source);
  c.object = std::move(object);
  c.attribute = "a";
  c.value = std::move(value);
  c.cites = std::move(cites);
  return c;
}

std::string Best(const TruthResult& r, const std::string& object) {
  for (const auto& d : r.decisions)
    if (d.object == object) return d.values.empty() ? "" : d.values[0].value;
  return "<missing>";
}

TruthOptions With(TruthMethod m) {
  TruthOptions o;
  o.method = m;
  return o;
}

// Five honest sources always right; a bad source B wrong on objects 10-32; five copiers of B.
// On 10-29 only two copiers copy B each time (the others give the truth), so B's false values
// are outvoted there and the shared false values betray the copying; on 30-32 all five copy,
// so B's false value has 6 votes against the truth's 5.
std::vector<TruthClaim> CopierWorld() {
  std::vector<TruthClaim> claims;
  for (int i = 0; i < 33; ++i) {
    std::string obj = "o" + std::to_string(i), truth = "t" + std::to_string(i);
    std::string bad = i < 10 ? truth : "f" + std::to_string(i);
    for (int h = 0; h < 5; ++h) claims.push_back(C("honest" + std::to_string(h), obj, truth));
    claims.push_back(C("bad", obj, bad));
    for (int k = 0; k < 5; ++k) {
      bool copies = i < 10 || i >= 30 || k == i % 5 || k == (i + 1) % 5;
      claims.push_back(C("copier" + std::to_string(k), obj, copies ? bad : truth));
    }
  }
  return claims;
}

TEST_CASE("copiers outvote the truth under voting but not under AccuCopy") {
  auto claims = CopierWorld();
  auto vote = DiscoverTruth(claims, With(TruthMethod::kVote));
  auto copy = DiscoverTruth(claims, With(TruthMethod::kAccuCopy));
  int vote_right = 0, copy_right = 0;
  for (int i = 30; i < 33; ++i) {
    std::string obj = "o" + std::to_string(i), truth = "t" + std::to_string(i);
    vote_right += Best(vote, obj) == truth;
    copy_right += Best(copy, obj) == truth;
  }
  CHECK(vote_right == 0);
  CHECK(copy_right == 3);
  for (int i = 0; i < 30; ++i) CHECK(Best(copy, "o" + std::to_string(i)) == "t" + std::to_string(i));
  // The copying was found, and B's copiers rank below the honest sources.
  CHECK(copy.copying.count("copier0"));
  CHECK(copy.reliability.at("honest0") > copy.reliability.at("copier0"));
  CHECK(copy.reliability.at("honest0") > copy.reliability.at("bad"));
}

TEST_CASE("a relayed claim counts once") {
  std::vector<TruthClaim> claims = {C("a", "o", "v1"), C("b", "o", "v2"), C("c", "o", "v2")};
  for (int k = 0; k < 3; ++k) claims.push_back(C("relay" + std::to_string(k), "o", "v1"));
  auto independent = DiscoverTruth(claims, With(TruthMethod::kVote));
  CHECK(Best(independent, "o") == "v1");  // 4 votes against 2 when relays look independent
  for (int k = 3; k < 6; ++k) claims[k].cites = "a";
  auto relayed = DiscoverTruth(claims, With(TruthMethod::kVote));
  CHECK(Best(relayed, "o") == "v2");
  CHECK(relayed.decisions[0].values[0].raw == doctest::Approx(2.0 / 3));
  CHECK(relayed.copying.at("relay0").at("a") == 1.0);
  // The relays' claims are still listed as support for v1.
  CHECK(relayed.decisions[0].values[1].claims == std::vector<size_t>{0, 3, 4, 5});
}

TEST_CASE("TruthFinder: partial lists support the full list through implication") {
  std::vector<TruthClaim> claims = {C("s1", "o", "alpha beta"), C("s2", "o", "alpha beta"),
                                    C("s3", "o", "alpha"),      C("s4", "o", "alpha"),
                                    C("s5", "o", "beta"),       C("s6", "o", "beta"),
                                    C("s7", "o", "gamma"),      C("s8", "o", "gamma"),
                                    C("s9", "o", "gamma")};
  TruthOptions o = With(TruthMethod::kTruthFinder);
  CHECK(Best(DiscoverTruth(claims, o), "o") == "gamma");
  o.similarity = [](std::string_view, std::string_view a, std::string_view b) {
    return TokenContainment(a, b);
  };
  auto r = DiscoverTruth(claims, o);
  CHECK(Best(r, "o") == "alpha beta");
}

TEST_CASE("Accu: a source that is right elsewhere wins a one-against-one conflict") {
  std::vector<TruthClaim> claims;
  for (int i = 0; i < 10; ++i) {
    std::string obj = "o" + std::to_string(i);
    claims.push_back(C("good", obj, "t"));
    claims.push_back(C("other", obj, "t"));
    claims.push_back(C("poor", obj, i < 9 ? "x" + std::to_string(i) : "t"));
  }
  claims.push_back(C("good", "z", "right"));
  claims.push_back(C("poor", "z", "wrong"));
  auto r = DiscoverTruth(claims, With(TruthMethod::kAccu));
  CHECK(Best(r, "z") == "right");
  CHECK(r.reliability.at("good") > 0.9);
  CHECK(r.reliability.at("poor") < 0.3);
}

std::vector<TruthClaim> RandomClaims(std::mt19937& rng, int max_sources, int max_objects) {
  std::vector<TruthClaim> claims;
  int sources = 2 + int(rng() % (max_sources - 1)), objects = 1 + int(rng() % max_objects);
  for (int o = 0; o < objects; ++o) {
    for (int s = 0; s < sources; ++s) {
      if (rng() % 3 == 0) continue;
      TruthClaim c = C("s" + std::to_string(s), "o" + std::to_string(o),
                       std::string(1, char('a' + rng() % 3)));
      c.attribute = rng() % 4 == 0 ? "b" : "a";
      if (rng() % 6 == 0) c.cites = "s" + std::to_string(rng() % sources);
      if (rng() % 5 == 0) c.weight = 0.5;
      claims.push_back(c);
    }
  }
  return claims;
}

void CheckAgainstReference(const TruthResult& fast, const reference::Result& ref) {
  size_t values = 0;
  for (const auto& [item, m] : ref.prob) values += m.size();
  size_t fast_values = 0;
  std::map<std::string, bool> voters;
  for (const auto& d : fast.decisions) {
    for (const auto& v : d.values) {
      ++fast_values;
      REQUIRE(ref.prob.count({d.object, d.attribute}));
      CHECK(v.raw == doctest::Approx(ref.prob.at({d.object, d.attribute}).at(v.value)).epsilon(1e-9));
    }
    for (size_t k = 1; k < d.values.size(); ++k) {
      CHECK(d.values[k - 1].raw >= d.values[k].raw);
      if (d.values[k - 1].raw == d.values[k].raw) CHECK(d.values[k - 1].value < d.values[k].value);
    }
  }
  CHECK(fast_values == values);
  for (const auto& [s, a] : ref.reliability) {
    REQUIRE(fast.reliability.count(s));
    if (a > 0.0101) CHECK(fast.reliability.at(s) == doctest::Approx(a).epsilon(1e-9));
  }
}

TEST_CASE("vote and Accu match the reference on random inputs") {
  for (unsigned seed = 1; seed <= 200; ++seed) {
    CAPTURE(seed);
    std::mt19937 rng(seed);
    auto claims = RandomClaims(rng, 7, 6);
    CheckAgainstReference(DiscoverTruth(claims, With(TruthMethod::kVote)),
                          reference::Vote(claims));
    TruthOptions o = With(TruthMethod::kAccu);
    o.iterations = 1 + int(seed % 10);
    if (seed % 2) o.priors["s0"] = 0.95;
    CheckAgainstReference(DiscoverTruth(claims, o), reference::Accu(claims, o));
  }
}

bool Same(const TruthResult& a, const TruthResult& b);

TEST_CASE("per-attribute Accu and Accu with similarity match the reference") {
  for (unsigned seed = 1; seed <= 100; ++seed) {
    CAPTURE(seed);
    std::mt19937 rng(seed);
    auto claims = RandomClaims(rng, 7, 6);
    TruthOptions o = With(TruthMethod::kAccu);
    o.iterations = 1 + int(seed % 7);
    o.per_attribute = seed % 2 == 0;
    if (seed % 3 == 0) {
      o.accu_similarity = true;
      o.implication = 0.4;
      // Asymmetric on purpose: "a" supports "b" more than the other way round.
      o.similarity = [](std::string_view, std::string_view x, std::string_view y) {
        return x == y ? 1.0 : (x < y ? 0.6 : 0.2);
      };
    }
    auto fast = DiscoverTruth(claims, o);
    auto ref = reference::Accu(claims, o);
    CheckAgainstReference(fast, ref);
    if (o.per_attribute) {
      CHECK(fast.attribute_reliability.size() == ref.attribute_reliability.size());
      for (const auto& [s, m] : ref.attribute_reliability)
        for (const auto& [a, r] : m) {
          REQUIRE(fast.attribute_reliability.count(s));
          REQUIRE(fast.attribute_reliability.at(s).count(a));
          CHECK(fast.attribute_reliability.at(s).at(a) == doctest::Approx(r).epsilon(1e-9));
        }
    }
  }
}

TEST_CASE("per-attribute reliability: a source good on one attribute, poor on another") {
  // "mixed" is right on attribute a and wrong on b (where two others outvote it); on the
  // contested item it sides with one source on a and the per-attribute model trusts it there.
  std::vector<TruthClaim> claims;
  for (int i = 0; i < 20; ++i) {
    std::string obj = "o" + std::to_string(i);
    for (const char* s : {"mixed", "x", "y"}) {
      TruthClaim c = C(s, obj, "t");
      claims.push_back(c);
      c.attribute = "b";
      c.value = std::string(s) == "mixed" ? "wrong" + std::to_string(i) : "t";
      claims.push_back(c);
    }
  }
  TruthOptions o = With(TruthMethod::kAccu);
  o.per_attribute = true;
  auto r = DiscoverTruth(claims, o);
  CHECK(r.attribute_reliability.at("mixed").at("a") > 0.9);
  CHECK(r.attribute_reliability.at("mixed").at("b") < 0.1);
  CHECK(r.reliability.at("mixed") == doctest::Approx(0.5).epsilon(0.1));
  CHECK(TruthOptions{}.per_attribute == false);
  CHECK(DiscoverTruth(claims, With(TruthMethod::kAccu)).attribute_reliability.empty());
}

// Five sources, each right on every object except its own 5 (where it errs alone), and s5,
// which copies s0, errors included. Counting only shared false values, the honest pairs (which
// agree on 90 true values) stay independent and the copier is still found.
std::vector<TruthClaim> AgreeingWorld() {
  std::vector<TruthClaim> claims;
  for (int i = 0; i < 100; ++i) {
    std::string obj = "o" + std::to_string(i), truth = "t" + std::to_string(i);
    for (int s = 0; s < 5; ++s) {
      bool err = i % 20 == s * 4;  // s errs on 5 objects
      claims.push_back(C("s" + std::to_string(s), obj, err ? "f" + std::to_string(i) : truth));
    }
    bool s0_err = i % 20 == 0;
    claims.push_back(C("s5", obj, s0_err ? "f" + std::to_string(i) : truth));
  }
  return claims;
}

TEST_CASE("AccuCopy: shared true values need not count as copying evidence") {
  auto claims = AgreeingWorld();
  TruthOptions o = With(TruthMethod::kAccuCopy);
  o.default_reliability = 0.6;
  o.iterations = 2;  // one round of detection on the first round's probabilities
  auto old_model = DiscoverTruth(claims, o);
  o.true_copy_evidence = 0;
  auto false_only = DiscoverTruth(claims, o);
  CHECK(false_only.copying.count("s5"));
  CHECK(false_only.copying.at("s5").count("s0"));
  bool any_other = false;
  for (const auto& [a, m] : false_only.copying)
    for (const auto& [b, p] : m)
      if (!((a == "s5" && b == "s0") || (a == "s0" && b == "s5"))) any_other = true;
  CHECK_FALSE(any_other);
  // Equal accuracies: the pair is dependent, both directions listed.
  CHECK(old_model.copying.at("s0").count("s5"));
  // A cap on the evidence per pair keeps posteriors away from 0 and 1.
  o.true_copy_evidence = 1;
  o.copy_evidence_items = 5;
  auto capped = DiscoverTruth(claims, o);
  for (const auto& [a, m] : capped.copying)
    for (const auto& [b, p] : m) CHECK(p < 0.999);
}

// A shared bias on one attribute against a smaller honest camp, like Flight's actual departure
// times (runway time in mirror groups, gate time at the airlines' feeds). Four honest sources
// give the truth on all four attributes. Nine sources in three mirror groups of three (each
// group copies one original record for record) all give the same wrong value on "x", and on
// the other attributes each group is wrong on its own half of the objects. On "x" the biased
// camp has 9 votes to 4 and wins the copy-blind first round; its groups disagree with one
// another elsewhere, so one copy probability per pair of sources calls them independent.
TruthClaim CA(std::string source, std::string object, std::string attribute, std::string value) {
  TruthClaim c = C(std::move(source), std::move(object), std::move(value));
  c.attribute = std::move(attribute);
  return c;
}

std::vector<TruthClaim> MirrorCampWorld() {
  std::vector<TruthClaim> claims;
  const char* attributes[] = {"x", "y1", "y2", "y3"};
  for (int i = 0; i < 40; ++i) {
    std::string obj = "o" + std::to_string(i);
    for (int a = 0; a < 4; ++a) {
      std::string attr = attributes[a], truth = attr + "t" + std::to_string(i);
      for (int h = 0; h < 4; ++h) claims.push_back(CA("honest" + std::to_string(h), obj, attr, truth));
      for (int g = 0; g < 3; ++g) {
        std::string value = truth;
        if (a == 0) value = "xb" + std::to_string(i);  // the shared bias
        else if ((i + g + a) % 2 == 0) value = attr + "g" + std::to_string(g) + "_" + std::to_string(i);
        for (int m = 0; m < 3; ++m)
          claims.push_back(CA("mirror" + std::to_string(g) + std::to_string(m), obj, attr, value));
      }
    }
  }
  return claims;
}

int RightOnX(const TruthResult& r) {
  int right = 0;
  for (const auto& d : r.decisions)
    if (d.attribute == "x" && !d.values.empty()) right += d.values[0].value == "xt" + d.object.substr(1);
  return right;
}

TEST_CASE("AccuCopy per attribute, seeded by vote shares, catches a camp of mirror groups") {
  auto claims = MirrorCampWorld();
  TruthOptions o = With(TruthMethod::kAccuCopy);
  // The 2009 model and the false-values-only variant, one copy probability per pair: the
  // honest camp shares the values the first round called false, so it is the one discounted.
  CHECK(RightOnX(DiscoverTruth(claims, o)) == 0);
  o.true_copy_evidence = 0;
  CHECK(RightOnX(DiscoverTruth(claims, o)) == 0);
  // Per attribute, seeded by vote shares: on "x" both camps share contested values, every
  // camp counts about once, and the more accurate one (honest on y1..y3) wins; from then on
  // only the biased camp shares false values.
  o.copy_per_attribute = true;
  o.copy_seed_votes = true;
  auto fixed = DiscoverTruth(claims, o);
  CHECK(RightOnX(fixed) == 40);
  for (const auto& d : fixed.decisions) {
    CAPTURE(d.object);
    CAPTURE(d.attribute);
    CHECK(d.values[0].value == d.attribute + "t" + d.object.substr(1));
  }
  CHECK(fixed.reliability.at("honest0") > 0.95);
  CHECK(fixed.reliability.at("mirror00") < 0.6);
  // The biased groups are found dependent on one another (on "x"), not just within a group.
  CHECK(fixed.copying.count("mirror00"));
  CHECK((fixed.copying.at("mirror00").count("mirror10") ||
         (fixed.copying.count("mirror10") && fixed.copying.at("mirror10").count("mirror00"))));
  // Either option alone is not enough here.
  o.copy_seed_votes = false;
  CHECK(RightOnX(DiscoverTruth(claims, o)) < 40);
  // 800 more sources, each alone on an object of its own, push the per-attribute tables
  // (813 x 813 x 4 cells) past the dense limit into the hash map; the mirror world's numbers
  // must not change.
  auto padded = claims;
  for (int k = 0; k < 800; ++k)
    padded.push_back(CA("pad" + std::to_string(k), "z" + std::to_string(k), "x", "v"));
  o.copy_seed_votes = true;
  auto sparse = DiscoverTruth(padded, o);
  CHECK(RightOnX(sparse) == 40);
  for (const char* s : {"honest0", "mirror00", "mirror21"})
    CHECK(sparse.reliability.at(s) == fixed.reliability.at(s));
  CHECK(sparse.copying == fixed.copying);
  // With one attribute per-attribute detection is the per-source model.
  std::vector<TruthClaim> only_x;
  for (const auto& c : claims)
    if (c.attribute == "x") only_x.push_back(c);
  TruthOptions a = With(TruthMethod::kAccuCopy), b = a;
  b.copy_per_attribute = true;
  auto ra = DiscoverTruth(only_x, a), rb = DiscoverTruth(only_x, b);
  CHECK(ra.reliability == rb.reliability);
  CHECK(ra.copying == rb.copying);
}

TEST_CASE("results do not depend on the thread count or the input form") {
  for (unsigned seed = 1; seed <= 3; ++seed) {
    CAPTURE(seed);
    std::mt19937 rng(seed);
    std::vector<TruthClaim> claims;
    // Enough items (> kMinParallelWork) that the passes really run on several threads.
    while (claims.size() < 12000) {
      auto more = RandomClaims(rng, 9, 40);
      for (auto& c : more) c.object += "-" + std::to_string(claims.size());
      claims.insert(claims.end(), more.begin(), more.end());
    }
    TruthClaimTable table;
    for (const auto& c : claims) table.Add(c);
    for (auto m : {TruthMethod::kVote, TruthMethod::kTruthFinder, TruthMethod::kAccu,
                   TruthMethod::kAccuCopy}) {
      TruthOptions o = With(m);
      o.per_attribute = seed % 2 == 0;
      o.threads = 1;
      auto one = DiscoverTruth(claims, o);
      o.threads = 2;
      CHECK(Same(one, DiscoverTruth(claims, o)));
      o.threads = 5;
      CHECK(Same(one, DiscoverTruth(table, o)));
    }
  }
}

TEST_CASE("claim table interns strings") {
  TruthClaimTable t;
  t.Add("s", "o", "a", "v");
  t.Add("s", "o2", "a", "s", "o", 0.5);
  t.Add("", "o", "a", "", {}, -1);
  REQUIRE(t.size() == 3);
  CHECK(t.row(0).source == t.row(1).source);
  CHECK(t.row(1).value == t.row(0).source);  // one id space for all fields
  CHECK(t.name(t.row(1).cites) == "o");
  CHECK(t.row(0).cites == TruthClaimTable::kNone);
  CHECK(t.row(1).weight == 0.5f);
  CHECK(t.row(2).weight == 0.0f);
  CHECK(t.name(t.row(2).source).empty());
  CHECK(t.names() == 6);  // s, o, a, v, o2, ""
}

bool Same(const TruthResult& a, const TruthResult& b) {
  if (a.decisions.size() != b.decisions.size() || a.reliability != b.reliability ||
      a.attribute_reliability != b.attribute_reliability ||
      a.copying != b.copying || a.iterations != b.iterations)
    return false;
  for (size_t i = 0; i < a.decisions.size(); ++i) {
    const auto &x = a.decisions[i], &y = b.decisions[i];
    if (x.object != y.object || x.attribute != y.attribute || x.values.size() != y.values.size())
      return false;
    for (size_t k = 0; k < x.values.size(); ++k)
      if (x.values[k].value != y.values[k].value || x.values[k].raw != y.values[k].raw ||
          x.values[k].claims.size() != y.values[k].claims.size())
        return false;
  }
  return true;
}

TEST_CASE("every method gives the same result for any order of the claims") {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    CAPTURE(seed);
    std::mt19937 rng(seed);
    auto claims = RandomClaims(rng, 9, 8);
    auto shuffled = claims;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    for (auto m : {TruthMethod::kVote, TruthMethod::kTruthFinder, TruthMethod::kAccu,
                   TruthMethod::kAccuCopy}) {
      TruthOptions o = With(m);
      o.similarity = [](std::string_view, std::string_view a, std::string_view b) {
        return a == b ? 1.0 : 0.3;
      };
      CHECK(Same(DiscoverTruth(claims, o), DiscoverTruth(shuffled, o)));
    }
  }
  auto claims = CopierWorld();
  auto shuffled = claims;
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(7));
  CHECK(Same(DiscoverTruth(claims, With(TruthMethod::kAccuCopy)),
             DiscoverTruth(shuffled, With(TruthMethod::kAccuCopy))));
}

TEST_CASE("Platt calibration recovers known parameters and lowers ECE") {
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> u(0.02, 0.98);
  std::vector<double> raw;
  std::vector<bool> ok;
  for (int i = 0; i < 20000; ++i) {
    double r = u(rng);
    double p = 1 / (1 + std::exp(-(0.5 * std::log(r / (1 - r)) - 0.4)));
    raw.push_back(r);
    ok.push_back(std::uniform_real_distribution<double>(0, 1)(rng) < p);
  }
  TruthCalibration cal = FitCalibration(raw, ok);
  CHECK(cal.a == doctest::Approx(0.5).epsilon(0.1));
  CHECK(cal.b == doctest::Approx(-0.4).epsilon(0.15));
  std::vector<double> calibrated;
  for (double r : raw) calibrated.push_back(cal.Apply(r));
  double before = ExpectedCalibrationError(raw, ok), after = ExpectedCalibrationError(calibrated, ok);
  CHECK(before > 0.1);
  CHECK(after < 0.02);
  CHECK(TruthCalibration{}.Apply(0.37) == 0.37);
}

TEST_CASE("ECE by hand") {
  // Bin 9 holds 0.95, 0.95 (one right): |0.95 - 0.5| * 2/4; bin 2 holds 0.25, 0.25 (none right):
  // |0.25 - 0| * 2/4.
  CHECK(ExpectedCalibrationError({0.95, 0.95, 0.25, 0.25}, {true, false, false, false}) ==
        doctest::Approx(0.45 * 0.5 + 0.25 * 0.5));
  CHECK(ExpectedCalibrationError({1.0}, {true}) == 0);
  CHECK(ExpectedCalibrationError({}, {}) == 0);
}

TEST_CASE("similarities") {
  CHECK(TokenSetSimilarity("knuth; smith", "Smith, KNUTH") == 1.0);
  CHECK(TokenSetSimilarity("knuth; smith", "knuth") == 0.5);
  CHECK(TokenContainment("knuth", "knuth; smith") == 1.0);
  CHECK(TokenContainment("knuth; smith", "knuth") == 0.5);
  CHECK(NumericSimilarity("100", "90") == doctest::Approx(0.9));
  CHECK(NumericSimilarity("abc", "abd") == 0);
  CHECK(ClockSimilarity("13:05", "13:10", 10) == doctest::Approx(0.5));
  CHECK(ClockSimilarity("9:05", "09:05", 10) == 1.0);
  CHECK(ClockSimilarity("23:58", "00:03", 10) == doctest::Approx(0.5));  // around midnight
  CHECK(ClockSimilarity("13:05", "13:30", 10) == 0);
  CHECK(ClockSimilarity("13:05:30", "13:05", 10) == doctest::Approx(0.95));
  CHECK(ClockSimilarity("F78", "F79", 10) == 0);
  CHECK(ClockSimilarity("F78", "F78", 10) == 1);
  CHECK(ClockSimilarity("25:00", "25:01", 10) == 0);
}

TEST_CASE("reading claims: CSV and JSON Lines, bad rows become diagnostics") {
  std::istringstream csv(
      "value,object,source,attribute,cites\n"
      "1,o1,a,x,\n"
      "\"2,5\",o1,b,x,a\n"
      "3,,c,x,\n"
      "\"4,o2,d,x,\n"
      "5,o2\n");
  Diagnostics diags;
  auto claims = ReadTruthClaims(csv, "in.csv", &diags);
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].value == "2,5");
  CHECK(claims[1].cites == "a");
  REQUIRE(diags.items().size() == 3);
  CHECK(diags.items()[0].line == 4);
  CHECK(diags.items()[1].line == 5);
  CHECK(diags.items()[2].line == 6);
  CHECK(Format(diags.items()[0]).rfind("in.csv:4", 0) == 0);

  std::istringstream jsonl(
      "{\"source\":\"a\",\"object\":\"o\",\"attribute\":\"x\",\"value\":12,\"weight\":0.5}\n"
      "not json\n"
      "{\"source\":\"b\",\"object\":\"o\",\"value\":\"1\"}\n");
  Diagnostics d2;
  auto j = ReadTruthClaims(jsonl, "in.jsonl", &d2);
  REQUIRE(j.size() == 1);
  CHECK(j[0].value == "12");
  CHECK(j[0].weight == 0.5);
  REQUIRE(d2.items().size() == 2);
  CHECK(d2.items()[0].line == 2);
  CHECK(d2.items()[1].line == 3);

  std::istringstream no_header("source,object,value\na,o,1\n");
  Diagnostics d3;
  CHECK(ReadTruthClaims(no_header, "h.csv", &d3).empty());
  CHECK(d3.items().size() == 1);
}

TEST_CASE("recon resolve runs on a file") {
  const char* bin = std::getenv("RECON_BIN");
  if (!bin) {
    MESSAGE("RECON_BIN not set: skipping the binary test");
    return;
  }
  std::string path = "truth_test_claims.csv";
  {
    std::ofstream out(path);
    out << "source,object,attribute,value\na,o,x,1\nb,o,x,1\nc,o,x,2\nbad,o\n";
  }
  std::string cmd = std::string(bin) + " resolve " + path + " --method vote --format csv 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::string out;
  char buf[512];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  CHECK(pclose(p) == 0);
  std::remove(path.c_str());
  CHECK(out.find("o,x,1,0.666667,0.666667") != std::string::npos);
  CHECK(out.find("truth_test_claims.csv:5") != std::string::npos);
  CHECK(out.find("c,0.333333") != std::string::npos);
}

}  // namespace
}  // namespace recon

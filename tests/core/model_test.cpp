// Tests for engine/core/model.cpp: Attributes, the sorted-vector map a claim keeps its
// attributes in, checked against std::map (whose behaviour it must keep: output iterates it).
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "recon/claim.h"

namespace recon {
namespace {

std::vector<std::pair<std::string, std::string>> Items(const Attributes& a) {
  return {a.begin(), a.end()};
}

TEST_CASE("Attributes: iterates by name, whatever the order of insertion") {
  Attributes a;
  a["rank"] = "minister";
  a["count"] = "3";
  a["place"] = "pyongyang";
  CHECK(Items(a) == std::vector<std::pair<std::string, std::string>>{
                        {"count", "3"}, {"place", "pyongyang"}, {"rank", "minister"}});
  a["count"] = "4";  // an existing name is overwritten, not added
  CHECK(a.size() == 3);
  CHECK(a.at("count") == "4");
}

TEST_CASE("Attributes: find, count and at on present and missing names") {
  Attributes a{{"rank", "counsellor"}, {"post", "embassy in London"}};
  CHECK(a.count("rank") == 1);
  CHECK(a.count("ran") == 0);
  CHECK(a.count("ranks") == 0);
  REQUIRE(a.find("post") != a.end());
  CHECK(a.find("post")->second == "embassy in London");
  CHECK(a.find("place") == a.end());
  CHECK_THROWS_AS(a.at("place"), std::out_of_range);
  a.clear();
  CHECK(a.empty());
  CHECK(a.find("rank") == a.end());
}

TEST_CASE("Attributes: an initializer list keeps the first of equal names, as a map does") {
  Attributes a{{"rank", "first"}, {"count", "1"}, {"rank", "second"}};
  std::map<std::string, std::string> m{{"rank", "first"}, {"count", "1"}, {"rank", "second"}};
  CHECK(Items(a) == Items(Attributes(m)));
  CHECK(a.at("rank") == "first");
}

TEST_CASE("Attributes: agrees with std::map on random operations") {
  std::mt19937 rng(4);
  const std::vector<std::string> names = {"", "a", "ab", "b", "count", "place", "rank", "shots", "z"};
  for (int round = 0; round < 200; ++round) {
    Attributes a;
    std::map<std::string, std::string> m;
    for (int op = 0; op < 12; ++op) {
      const std::string& name = names[rng() % names.size()];
      std::string value = std::to_string(rng() % 100);
      if (rng() % 4 == 0) {
        CHECK(a.count(name) == m.count(name));
      } else {
        a[name] = value;
        m[name] = value;
      }
    }
    CHECK(Items(a) == Items(Attributes(m)));
    CHECK(a == Attributes(m));
    for (const auto& name : names) CHECK((a.find(name) == a.end()) == (m.find(name) == m.end()));
  }
}

}  // namespace
}  // namespace recon

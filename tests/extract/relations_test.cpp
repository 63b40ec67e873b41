// Tests for engine/extract/relations.cpp through the extractor: which relations a claim carries,
// their offset, unit, direction and anchor, and the ones it must not carry.
#include <doctest/doctest.h>

#include "extract_fixture.h"

namespace recon {
namespace {

std::vector<Claim> Claims(const std::string& text, Date published = Date(2014, 1, 10)) {
  return ExtractOne(text, "Test Daily", published).claims;
}

const Claim* OfType(const std::vector<Claim>& claims, const std::string& type) { return NthOfType(claims, type); }

TEST_CASE("'executed four days after his arrest': offset, unit, direction and the anchor's type") {
  std::string text = "Pak Chol-su was executed four days after his arrest, officials said.";
  auto claims = Claims(text);
  const Claim* ex = OfType(claims, "execution");
  REQUIRE(ex);
  REQUIRE(ex->relations.size() == 1);
  const ClaimRelation& r = ex->relations[0];
  CHECK(r.offset == 4);
  CHECK(r.unit == "day");
  CHECK_FALSE(r.before);
  CHECK(r.anchor == "his arrest");
  CHECK(r.anchor_type == "arrest");
  CHECK(text.substr(r.anchor_begin, r.anchor_end - r.anchor_begin) == "his arrest");
  CHECK(text.substr(r.begin, r.end - r.begin) == "four days after his arrest");
  // The arrest the relation names carries no relation to itself.
  const Claim* arrest = OfType(claims, "arrest");
  REQUIRE(arrest);
  CHECK(arrest->relations.empty());
}

TEST_CASE("a bare 'after' or 'before' followed by a comma anchors nothing, and does not crash") {
  for (const char* text : {"Shortly after, Jang Song-thaek was executed.", "Soon after that, Thae Yong-ho defected.",
                           "Weeks before, he defected to the South.", "Ri Hyon-u, like diplomats before him, defected in 2019."}) {
    CAPTURE(text);
    auto claims = Claims(text);
    REQUIRE_FALSE(claims.empty());
    for (const auto& c : claims) CHECK(c.relations.empty());
  }
}

TEST_CASE("a bare order before a trigger, and 'before' that puts the claim first") {
  auto claims = Claims("Kim Tae-song fled the country before he could be arrested, a source said.");
  const Claim* d = OfType(claims, "defection");
  REQUIRE(d);
  REQUIRE(d->relations.size() == 1);
  CHECK(d->relations[0].before);
  CHECK(d->relations[0].unit.empty());
  CHECK(d->relations[0].anchor_type == "arrest");

  auto first = Claims("Two weeks before the purge, Ri Son-gwon defected.");
  const Claim* f = OfType(first, "defection");
  REQUIRE(f);
  REQUIRE(f->relations.size() == 1);
  CHECK(f->relations[0].before);
  CHECK(f->relations[0].offset == 2);
  CHECK(f->relations[0].unit == "week");
  CHECK(f->relations[0].anchor_type == "purge");
}

TEST_CASE("'four days later' is anchored to the date it counts from") {
  auto claims = Claims(
      "Pak Chol-su was arrested on December 8, 2013.\n\nHe was executed four days later.\n");
  const Claim* ex = OfType(claims, "execution");
  REQUIRE(ex);
  REQUIRE(ex->relations.size() == 1);
  const ClaimRelation& r = ex->relations[0];
  CHECK(r.offset == 4);
  CHECK_FALSE(r.before);
  CHECK(r.anchor_date.start == Date(2013, 12, 8));
  CHECK(r.anchor_date.end == Date(2013, 12, 8));
  CHECK(r.anchor_type.empty());
}

TEST_CASE("a relation that dates a report, or that no trigger anchors, is not the claim's") {
  // "said on Friday, eleven days after": the saying is eleven days after, not the killing.
  auto claims = Claims(
      "Kim Chol was assassinated at the airport, police said on Friday, eleven days after he "
      "was attacked.", Date(2017, 2, 25));
  const Claim* a = OfType(claims, "assassination");
  REQUIRE(a);
  CHECK(a->relations.empty());
  // "after the talks": no trigger in the anchor, so no bare order is read.
  auto talks = Claims("Ri Son-gwon defected after talks in Beijing.");
  const Claim* d = OfType(talks, "defection");
  REQUIRE(d);
  CHECK(d->relations.empty());
}

}  // namespace
}  // namespace recon

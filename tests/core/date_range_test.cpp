// Tests for engine/core/date_range.cpp: ISO parsing, interval relations with open ends, Describe.
#include "recon/date_range.h"

#include <doctest/doctest.h>

namespace recon {
namespace {

namespace bg = boost::gregorian;

const Date kOpen{bg::not_a_date_time};

TEST_CASE("ParseIsoDate: plain dates") {
  CHECK(ParseIsoDate("2016-08-17") == Date(2016, 8, 17));
  CHECK(ParseIsoDate("1950-06-25") == Date(1950, 6, 25));
  CHECK(ParseIsoDate("2016-12-31") == Date(2016, 12, 31));
  CHECK_FALSE(ParseIsoDate("2016-13-45"));
  CHECK_FALSE(ParseIsoDate("2016-00-10"));
  CHECK_FALSE(ParseIsoDate("2016-01-00"));
  CHECK_FALSE(ParseIsoDate("2016-04-31"));
  CHECK_FALSE(ParseIsoDate("2016-8-17"));
  CHECK_FALSE(ParseIsoDate("2016/08/17"));
  CHECK_FALSE(ParseIsoDate("20160817"));
  CHECK_FALSE(ParseIsoDate(""));
  CHECK_FALSE(ParseIsoDate("2016-08-1x"));
  CHECK_FALSE(ParseIsoDate("+016-08-17"));
  CHECK_FALSE(ParseIsoDate("2016-+8-17"));
  CHECK_FALSE(ParseIsoDate("yesterday!"));
}

TEST_CASE("ParseIsoDate: leap days") {
  CHECK(ParseIsoDate("2016-02-29") == Date(2016, 2, 29));
  CHECK(ParseIsoDate("2000-02-29") == Date(2000, 2, 29));  // divisible by 400
  CHECK_FALSE(ParseIsoDate("1900-02-29"));                 // divisible by 100, not 400
  CHECK_FALSE(ParseIsoDate("2017-02-29"));
  CHECK_FALSE(ParseIsoDate("2016-02-30"));
}

TEST_CASE("ParseIsoDate: date-times keep the date part") {
  CHECK(ParseIsoDate("2016-08-17T09:30") == Date(2016, 8, 17));
  CHECK(ParseIsoDate("2016-08-17T09:30:15") == Date(2016, 8, 17));
  CHECK(ParseIsoDate("2016-08-17T23:59:59Z") == Date(2016, 8, 17));
  CHECK(ParseIsoDate("2016-08-17T23:30:00+09:00") == Date(2016, 8, 17));
  CHECK(ParseIsoDate("2016-08-17T00:00:00-05:00") == Date(2016, 8, 17));
  CHECK(ParseIsoDate("2016-08-17 09:30") == Date(2016, 8, 17));
  CHECK(ParseIsoDate("2016-08-17T09:30:15.250Z") == Date(2016, 8, 17));
  CHECK_FALSE(ParseIsoDate("2016-02-30T10:00"));
  CHECK_FALSE(ParseIsoDate("2016-08-17X09:30"));
  CHECK_FALSE(ParseIsoDate("2016-08-17T"));
  CHECK_FALSE(ParseIsoDate("2016-08-17Tnoon"));
  CHECK_FALSE(ParseIsoDate("2016-08-17T25:00"));
  CHECK_FALSE(ParseIsoDate("2016-08-17T09:61"));
  CHECK_FALSE(ParseIsoDate("2016-08-17T09:30+9"));
  CHECK_FALSE(ParseIsoDate("2016-08-17T09:30Zjunk"));
}

TEST_CASE("ToIso and ParseIsoDate round-trip; special dates print empty") {
  for (Date d : {Date(2016, 2, 29), Date(1400, 1, 1), Date(9999, 12, 31), Date(2020, 10, 7)})
    CHECK(ParseIsoDate(ToIso(d)) == d);
  CHECK(ToIso(kOpen) == "");
  CHECK(ToIso(Date(2016, 2, 9)) == "2016-02-09");
  CHECK(ToIso(Date(1400, 10, 31)) == "1400-10-31");
  CHECK(ToIso(Date(9999, 12, 1)) == "9999-12-01");
}

TEST_CASE("DateRange constructors and days") {
  DateRange feb = DateRange::Month(2016, 2);
  CHECK(feb.start == Date(2016, 2, 1));
  CHECK(feb.end == Date(2016, 2, 29));
  CHECK(feb.days() == 29);
  CHECK(feb.granularity == Granularity::kMonth);
  CHECK(DateRange::Year(2017).days() == 365);
  CHECK(DateRange::Day(Date(2016, 8, 17)).days() == 1);
  DateRange after{Date(2016, 1, 1), kOpen};
  CHECK(after.known());
  CHECK_FALSE(after.bounded());
  CHECK(after.days() == 0);
  CHECK_FALSE(DateRange{}.known());
}

TEST_CASE("Overlaps: bounded intervals") {
  DateRange july = DateRange::Month(2016, 7);
  CHECK(july.Overlaps(DateRange::Day(Date(2016, 7, 31))));
  CHECK(july.Overlaps(DateRange::Day(Date(2016, 7, 1))));
  CHECK_FALSE(july.Overlaps(DateRange::Day(Date(2016, 8, 1))));
  CHECK_FALSE(july.Overlaps(DateRange::Day(Date(2016, 6, 30))));
  CHECK(july.Overlaps(DateRange::Year(2016)));
  CHECK(DateRange::Year(2016).Overlaps(july));
  CHECK_FALSE(july.Overlaps(DateRange::Year(2015)));
}

TEST_CASE("Overlaps: open ends overlap everything on their side; unknown overlaps nothing") {
  DateRange since_2016{Date(2016, 1, 1), kOpen};
  DateRange until_2015{kOpen, Date(2015, 12, 31)};
  CHECK(since_2016.Overlaps(DateRange::Year(2030)));
  CHECK_FALSE(since_2016.Overlaps(DateRange::Year(2015)));
  CHECK(until_2015.Overlaps(DateRange::Year(1950)));
  CHECK_FALSE(until_2015.Overlaps(DateRange::Year(2016)));
  CHECK_FALSE(since_2016.Overlaps(until_2015));
  CHECK_FALSE(until_2015.Overlaps(since_2016));
  DateRange until_2016{kOpen, Date(2016, 1, 1)};
  CHECK(since_2016.Overlaps(until_2016));  // they share 2016-01-01
  CHECK(until_2015.Overlaps(DateRange{kOpen, Date(1900, 1, 1)}));
  CHECK_FALSE(DateRange{}.Overlaps(DateRange::Year(2016)));
  CHECK_FALSE(DateRange::Year(2016).Overlaps(DateRange{}));
}

TEST_CASE("Contains: bounded and open") {
  DateRange y2016 = DateRange::Year(2016);
  CHECK(y2016.Contains(DateRange::Month(2016, 2)));
  CHECK(y2016.Contains(y2016));
  CHECK_FALSE(DateRange::Month(2016, 2).Contains(y2016));
  CHECK_FALSE(y2016.Contains(DateRange::Between(Date(2016, 12, 1), Date(2017, 1, 5), Granularity::kWeek)));
  DateRange since{Date(2016, 1, 1), kOpen};
  CHECK(since.Contains(DateRange::Year(2020)));
  CHECK(since.Contains(DateRange{Date(2017, 1, 1), kOpen}));
  CHECK_FALSE(since.Contains(DateRange{Date(2015, 1, 1), kOpen}));
  // A bounded interval cannot contain one that runs on for ever.
  CHECK_FALSE(y2016.Contains(DateRange{Date(2016, 6, 1), kOpen}));
  CHECK_FALSE(y2016.Contains(DateRange{kOpen, Date(2016, 6, 1)}));
  CHECK_FALSE(y2016.Contains(DateRange{}));
  CHECK_FALSE(DateRange{}.Contains(y2016));
}

TEST_CASE("Describe at each granularity") {
  CHECK(Describe(DateRange::Day(Date(2016, 8, 17))) == "2016-08-17");
  CHECK(Describe(DateRange::Month(2016, 7)) == "2016-07");
  CHECK(Describe(DateRange::Year(2016)) == "2016");
  CHECK(Describe(DateRange::Between(Date(2016, 7, 1), Date(2016, 8, 31), Granularity::kMonth)) ==
        "2016-07-01..2016-08-31");
  CHECK(Describe(DateRange::Between(Date(2016, 7, 11), Date(2016, 7, 17), Granularity::kWeek)) ==
        "2016-07-11..2016-07-17");
  CHECK(Describe(DateRange::Between(Date(2016, 6, 1), Date(2016, 8, 31), Granularity::kSeason)) ==
        "2016-06-01..2016-08-31");
  CHECK(Describe(DateRange{}) == "undated");
  CHECK(Describe(DateRange{Date(2016, 1, 1), kOpen}) == "after 2016-01-01");
  CHECK(Describe(DateRange{kOpen, Date(2015, 12, 31)}) == "before 2015-12-31");
  DateRange approx = DateRange::Month(2016, 7);
  approx.qualifier = Qualifier::kApprox;
  CHECK(Describe(approx) == "c. 2016-07");
  DateRange vague = DateRange::Year(2016);
  vague.vague = true;
  CHECK(Describe(vague) == "c. 2016");
}

TEST_CASE("granularity names round-trip") {
  for (int g = 0; g <= static_cast<int>(Granularity::kUnknown); ++g) {
    auto gr = static_cast<Granularity>(g);
    CHECK(ParseGranularity(ToString(gr)) == gr);
  }
  CHECK_FALSE(ParseGranularity("fortnight"));
  CHECK(ToString(Qualifier::kApprox) == "approximate");
  CHECK(ToString(Qualifier::kNone) == "");
}

}  // namespace
}  // namespace recon

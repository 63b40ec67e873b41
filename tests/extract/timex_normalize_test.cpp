// Tests the calendar arithmetic of engine/extract/timex_normalize.cpp: every day of 1995..2030
// against slow day-counting references (the ISO week by counting Thursdays, months and quarters
// by walking days), and the TIMEX3 duration spellings and early/mid/late thirds by table.
#include "extract/timex_internal.h"

#include <doctest/doctest.h>

#include <string>

namespace recon::timex {
namespace {

using boost::gregorian::date_duration;

Date D(const char* iso) { return *ParseIsoDate(iso); }

// The ISO week of `d` the slow way: the week-based year is the year of its Thursday, and the
// week number is how many Thursdays of that year fall on or before it.
std::string SlowIsoWeek(Date d) {
  Date thursday = d + date_duration(4 - IsoWeekday(d));
  int weeks = 0;
  for (Date t = thursday; t.year() == thursday.year(); t -= date_duration(7)) ++weeks;
  return Fmt("%04d-W%02d", int(thursday.year()), weeks);
}

// The first and last day of the block of `months` months (counted from `first_month`) holding a
// day, found by walking day by day to where the block changes; each block is walked once.
class SlowBlocks {
 public:
  SlowBlocks(int months, int first_month) : months_(months), first_month_(first_month) {}
  DateRange At(Date d) {
    if (last_.bounded() && d >= last_.start && d <= last_.end) return last_;
    Date a = d, b = d;
    while (Block(a - date_duration(1)) == Block(d)) a -= date_duration(1);
    while (Block(b + date_duration(1)) == Block(d)) b += date_duration(1);
    return last_ = DateRange::Between(a, b, Granularity::kUnknown);
  }

 private:
  int Block(Date x) const { return (int(x.year()) * 12 + int(x.month()) - first_month_) / months_; }
  int months_, first_month_;
  DateRange last_;
};

void CheckSpan(const Period& p, const DateRange& want, Granularity g) {
  CHECK(ToIso(p.range.start) == ToIso(want.start));
  CHECK(ToIso(p.range.end) == ToIso(want.end));
  CHECK(p.range.granularity == g);
}

TEST_CASE("UnitAt names the period that holds every day of 1995..2030") {
  SlowBlocks months(1, 1), quarters(3, 1), halves(6, 1), seasons(3, 3), years(12, 1), decades(120, 1);
  for (Date d = D("1995-01-01"); d <= D("2030-12-31"); d += date_duration(1)) {
    CAPTURE(ToIso(d));
    std::string iso = ToIso(d);
    Period day = UnitAt(kDay, d);
    CHECK(day.value == iso);
    CheckSpan(day, DateRange::Between(d, d, Granularity::kDay), Granularity::kDay);

    Period week = UnitAt(kWeek, d);
    CHECK(week.value == SlowIsoWeek(d));
    Date monday = d - date_duration(IsoWeekday(d) - 1);
    CheckSpan(week, DateRange::Between(monday, monday + date_duration(6), Granularity::kWeek),
              Granularity::kWeek);

    Period weekend = UnitAt(kWeekend, d);
    CHECK(weekend.value == SlowIsoWeek(d) + "-WE");
    CheckSpan(weekend,
              DateRange::Between(monday + date_duration(5), monday + date_duration(6),
                                 Granularity::kDay),
              Granularity::kDay);

    Period month = UnitAt(kMonth, d);
    CHECK(month.value == iso.substr(0, 7));
    CheckSpan(month, months.At(d), Granularity::kMonth);

    Period quarter = UnitAt(kQuarter, d);
    CHECK(quarter.value == iso.substr(0, 4) + "-Q" + std::to_string((d.month() - 1) / 3 + 1));
    CheckSpan(quarter, quarters.At(d), Granularity::kQuarter);

    Period half = UnitAt(kHalf, d);
    CHECK(half.value == iso.substr(0, 4) + (d.month() <= 6 ? "-H1" : "-H2"));
    CheckSpan(half, halves.At(d), Granularity::kHalf);

    // Seasons are three-month blocks from March; winter is named by its December.
    Period season = UnitAt(kSeason, d);
    DateRange block = seasons.At(d);
    const char* codes[] = {"WI", "SP", "SU", "FA"};
    CHECK(season.value == std::to_string(block.start.year()) + "-" +
                              codes[(block.start.month() % 12) / 3]);
    CheckSpan(season, block, Granularity::kSeason);

    Period year = UnitAt(kYear, d);
    CHECK(year.value == iso.substr(0, 4));
    CheckSpan(year, years.At(d), Granularity::kYear);

    Period decade = UnitAt(kDecade, d);
    CHECK(decade.value == iso.substr(0, 3) + "X");
    CheckSpan(decade, decades.At(d), Granularity::kDecade);

    CHECK(UnitAt(kCentury, d).value == iso.substr(0, 2));
  }
}

TEST_CASE("centuries before 1400 keep only their granularity") {
  Period p = CenturyPeriod(12);
  CHECK(p.value == "12");
  CHECK(!p.range.known());
  CHECK(p.range.granularity == Granularity::kCentury);
  CHECK(ToIso(CenturyPeriod(14).range.start) == "1400-01-01");
  CHECK(ToIso(CenturyPeriod(19).range.end) == "1999-12-31");
}

TEST_CASE("Shift moves by units and leaves the calendar as not_a_date_time") {
  CHECK(ToIso(Shift(D("2018-06-14"), kDay, -14)) == "2018-05-31");
  CHECK(ToIso(Shift(D("2018-06-14"), kWeekend, 1)) == "2018-06-21");
  CHECK(ToIso(Shift(D("2018-06-14"), kQuarter, -1)) == "2018-03-14");
  CHECK(ToIso(Shift(D("2018-06-14"), kHalf, 1)) == "2018-12-14");
  CHECK(ToIso(Shift(D("2018-06-14"), kDecade, -3)) == "1988-06-14");
  CHECK(ToIso(Shift(D("2018-06-14"), kCentury, -1)) == "1918-06-14");
  CHECK(Shift(D("1450-06-14"), kCentury, -1).is_special());
  CHECK(Shift(D("9990-06-14"), kDecade, 1).is_special());
}

TEST_CASE("DurationValue spells TIMEX3 durations") {
  struct {
    Unit unit;
    long n;
    const char* value;
  } const rows[] = {
      {kDay, 3, "P3D"},     {kDay, -1, "PXD"},      {kWeek, 2, "P2W"},       {kWeekend, 1, "P1WE"},
      {kMonth, 6, "P6M"},   {kQuarter, 1, "P1Q"},   {kHalf, 2, "P12M"},      {kHalf, -1, "PXM"},
      {kSeason, 1, "P3M"},  {kSeason, -1, "PXM"},   {kYear, 30, "P30Y"},     {kYear, -1, "PXY"},
      {kDecade, 2, "P20Y"}, {kDecade, -1, "PXDE"},  {kCentury, 3, "P300Y"},  {kCentury, -1, "PXCE"},
      {kHour, 2, "PT2H"},   {kMinute, -1, "PTXM"},  {kNoUnit, 4, "P4D"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.value);
    CHECK(DurationValue(r.unit, r.n) == r.value);
  }
}

TEST_CASE("Narrow keeps the first, middle or last third") {
  DateRange june = DateRange::Month(2018, 6);
  CHECK(ToIso(Narrow(june, 1).start) == "2018-06-01");
  CHECK(ToIso(Narrow(june, 1).end) == "2018-06-10");
  CHECK(ToIso(Narrow(june, 2).start) == "2018-06-11");
  CHECK(ToIso(Narrow(june, 2).end) == "2018-06-20");
  CHECK(ToIso(Narrow(june, 3).start) == "2018-06-21");
  CHECK(ToIso(Narrow(june, 3).end) == "2018-06-30");
  CHECK(ToIso(Narrow(june, 0).end) == "2018-06-30");
  DateRange day = DateRange::Day(D("2018-06-14"));  // a third is at least one day
  for (int modifier : {1, 3}) {
    CHECK(Narrow(day, modifier).start == day.start);
    CHECK(Narrow(day, modifier).end == day.end);
  }
  DateRange open = june;
  open.end = Date(boost::gregorian::not_a_date_time);
  CHECK(Narrow(open, 1).start == june.start);
  CHECK(Narrow(open, 1).end.is_special());
}

}  // namespace
}  // namespace recon::timex

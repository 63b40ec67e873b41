// Calendar arithmetic and TIMEX3 spelling for the time-expression grammar: the intervals and
// values of days, ISO weeks, months, seasons, quarters, halves, years, decades and centuries,
// unit shifts, duration values and early/mid/late narrowing.
#include <algorithm>
#include <cstdio>

#include "timex_internal.h"

namespace recon::timex {

using boost::gregorian::date_duration;
namespace bg = boost::gregorian;

std::string Fmt(const char* f, int a, int b, int c) {
  char buf[48];
  std::snprintf(buf, sizeof buf, f, a, b, c);
  return buf;
}

// What "%0<width>d" prints, without snprintf's format parsing: months and years are made for
// most expressions.
std::string Padded(int v, int width) {
  if (v < 0) return Fmt("%0*d", width, v);
  char buf[16];
  int n = 0;
  do buf[n++] = char('0' + v % 10);
  while ((v /= 10) != 0);
  while (n < width && n < int(sizeof buf)) buf[n++] = '0';
  return std::string(std::make_reverse_iterator(buf + n), std::make_reverse_iterator(buf));
}

bool ValidYmd(int y, int m, int d) {
  if (y < 1400 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= bg::gregorian_calendar::end_of_month_day(y, m);
}

Date MonthEnd(int y, int m) { return Date(y, m, bg::gregorian_calendar::end_of_month_day(y, m)); }

int IsoWeekday(Date d) {
  int w = d.day_of_week().as_number();  // Sunday = 0
  return w == 0 ? 7 : w;
}

DateRange SeasonRange(int y, int s) {
  switch (s) {
    case 1: return DateRange::Between(Ymd(y, 3, 1), MonthEnd(y, 5), Granularity::kSeason);
    case 2: return DateRange::Between(Ymd(y, 6, 1), MonthEnd(y, 8), Granularity::kSeason);
    case 3: return DateRange::Between(Ymd(y, 9, 1), MonthEnd(y, 11), Granularity::kSeason);
    default: return DateRange::Between(Ymd(y, 12, 1), MonthEnd(y + 1, 2), Granularity::kSeason);
  }
}

DateRange QuarterRange(int y, int q) {
  return DateRange::Between(Ymd(y, 3 * q - 2, 1), MonthEnd(y, 3 * q), Granularity::kQuarter);
}

DateRange HalfRange(int y, int h) {
  return DateRange::Between(Ymd(y, 6 * h - 5, 1), MonthEnd(y, 6 * h), Granularity::kHalf);
}

DateRange DecadeRange(int y0) {
  return DateRange::Between(Ymd(y0, 1, 1), Ymd(y0 + 9, 12, 31), Granularity::kDecade);
}

DateRange CenturyRange(int c0) {
  if (c0 < 14) {  // boost dates start in 1400: older centuries keep only their value
    DateRange r;
    r.granularity = Granularity::kCentury;
    return r;
  }
  return DateRange::Between(Ymd(std::max(1400, c0 * 100), 1, 1), Ymd(c0 * 100 + 99, 12, 31),
                            Granularity::kCentury);
}

Period DayPeriod(Date d) { return {ToIso(d), DateRange::Day(d)}; }

Period WeekPeriod(Date d) {
  Date monday = d - date_duration(IsoWeekday(d) - 1);
  Date thursday = monday + date_duration(3);  // names the week-based year
  return {Fmt("%04d-W%02d", int(thursday.year()), int(d.week_number())),
          DateRange::Between(monday, monday + date_duration(6), Granularity::kWeek)};
}

Period MonthPeriod(int y, int m) { return {Padded(y, 4) + "-" + Padded(m, 2), DateRange::Month(y, m)}; }
Period YearPeriod(int y) { return {Padded(y, 4), DateRange::Year(y)}; }
Period DecadePeriod(int y0) { return {Fmt("%03dX", y0 / 10), DecadeRange(y0)}; }
Period CenturyPeriod(int c0) { return {Fmt("%02d", c0), CenturyRange(c0)}; }

Period SeasonPeriod(int y, int s) {
  return {Fmt("%04d-", y) + kSeasonCodes[s], SeasonRange(y, s)};
}

Period PartPeriod(Unit part_unit, int y, int p) {
  if (part_unit == kQuarter) return {Fmt("%04d-Q%d", y, p), QuarterRange(y, p)};
  return {Fmt("%04d-H%d", y, p), HalfRange(y, p)};
}

Period UnitAt(Unit u, Date d) {
  int y = d.year(), m = d.month();
  switch (u) {
    case kDay: return DayPeriod(d);
    case kWeek: return WeekPeriod(d);
    case kWeekend: {
      Date sat = d + date_duration(6 - IsoWeekday(d));
      if (IsoWeekday(d) == 7) sat = d - date_duration(1);
      return {WeekPeriod(sat).value + "-WE",
              DateRange::Between(sat, sat + date_duration(1), Granularity::kDay)};
    }
    case kMonth: return MonthPeriod(y, m);
    case kQuarter: return PartPeriod(kQuarter, y, (m - 1) / 3 + 1);
    case kHalf: return PartPeriod(kHalf, y, m <= 6 ? 1 : 2);
    case kSeason: {
      int s = m == 12 || m <= 2 ? 4 : (m - 3) / 3 + 1;
      return SeasonPeriod(m <= 2 ? y - 1 : y, s);  // January's winter began the year before
    }
    case kDecade: return DecadePeriod(y / 10 * 10);
    case kCentury: return CenturyPeriod(y / 100);
    default: return YearPeriod(y);
  }
}

std::string AnyWeekday(int wd) { return Fmt("XXXX-WXX-%d", wd); }
std::string AnySeason(int s) { return std::string("XXXX-") + kSeasonCodes[s]; }
std::string AnyMonth(int m) { return Fmt("XXXX-%02d", m); }

Date Shift(Date d, Unit u, long n) {
  try {
    switch (u) {
      case kDay: return d + date_duration(n);
      case kWeek: case kWeekend: return d + date_duration(7 * n);
      case kMonth: return d + bg::months(int(n));
      case kQuarter: return d + bg::months(int(3 * n));
      case kHalf: return d + bg::months(int(6 * n));
      case kSeason: return d + bg::months(int(3 * n));
      case kYear: return d + bg::years(int(n));
      case kDecade: return d + bg::years(int(10 * n));
      case kCentury: return d + bg::years(int(100 * n));
      default: return d;
    }
  } catch (const std::exception&) {  // boost throws past year 9999 or before 1400
    return Date(bg::not_a_date_time);
  }
}

std::string DurationValue(Unit u, long n) {
  // Halves and seasons are written in months, decades and centuries in years.
  struct Spelling {
    const char* prefix;
    long scale;
    const char* suffix;
    const char* some;  // n < 0, when not prefix + "X" + suffix
  };
  Spelling s;
  switch (u) {
    case kWeek: s = {"P", 1, "W", nullptr}; break;
    case kWeekend: s = {"P", 1, "WE", nullptr}; break;
    case kMonth: s = {"P", 1, "M", nullptr}; break;
    case kQuarter: s = {"P", 1, "Q", nullptr}; break;
    case kHalf: s = {"P", 6, "M", "PXM"}; break;
    case kSeason: s = {"P", 3, "M", "PXM"}; break;
    case kYear: s = {"P", 1, "Y", nullptr}; break;
    case kDecade: s = {"P", 10, "Y", "PXDE"}; break;
    case kCentury: s = {"P", 100, "Y", "PXCE"}; break;
    case kHour: s = {"PT", 1, "H", nullptr}; break;
    case kMinute: s = {"PT", 1, "M", nullptr}; break;
    default: s = {"P", 1, "D", nullptr}; break;  // kDay
  }
  if (n < 0 && s.some) return s.some;
  std::string v = s.prefix;
  v += n < 0 ? "X" : std::to_string(s.scale * n);
  v += s.suffix;
  return v;
}

DateRange Narrow(DateRange r, int modifier) {
  if (!r.bounded() || modifier == 0) return r;
  long n = r.days();
  long third = std::max(1L, n / 3);
  if (modifier == 1) r.end = r.start + date_duration(third - 1);
  else if (modifier == 3) r.start = r.end - date_duration(third - 1);
  else r.start = r.start + date_duration(third), r.end = r.end - date_duration(third);
  if (r.end < r.start) r.end = r.start;
  return r;
}

}  // namespace recon::timex

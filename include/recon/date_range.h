// DateRange: the interval of days an event or expression may fall in.
#ifndef RECON_DATE_RANGE_H_
#define RECON_DATE_RANGE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian_types.hpp>

namespace recon {

using Date = boost::gregorian::date;

// How precise a date is, finest first. One byte, like Qualifier: every claim holds a DateRange.
enum class Granularity : uint8_t { kDay, kWeek, kMonth, kSeason, kQuarter, kHalf, kYear, kDecade, kCentury, kUnknown };

// How the interval relates to the true date.
enum class Qualifier : uint8_t { kNone, kApprox, kBefore, kAfter, kSince, kUntil };

// An inclusive interval of days. Either end may be open (not_a_date_time).
// A value type; safe to copy and share.
struct DateRange {
  Date start{boost::gregorian::not_a_date_time};
  Date end{boost::gregorian::not_a_date_time};
  Granularity granularity = Granularity::kUnknown;
  Qualifier qualifier = Qualifier::kNone;
  bool vague = false;

  // True when at least one end is known.
  bool known() const { return !start.is_special() || !end.is_special(); }
  // Only an upper bound: "before August 1", from the report that told it.
  bool BeforeOnly() const { return qualifier == Qualifier::kBefore && start.is_special() && !end.is_special(); }
  // True when both ends are known.
  bool bounded() const { return !start.is_special() && !end.is_special(); }
  // Days in the interval; 0 when not bounded.
  long days() const;
  // True when the intervals share at least one day; open ends overlap everything on their side.
  bool Overlaps(const DateRange& other) const;
  // True when every day of `other` lies inside this interval.
  bool Contains(const DateRange& other) const;

  static DateRange Day(Date d);
  static DateRange Month(int year, int month);
  static DateRange Year(int year);
  static DateRange Between(Date start, Date end, Granularity g);
};

bool operator==(const DateRange& a, const DateRange& b);

// "2016-07-14"; "" for a special date.
std::string ToIso(Date d);
// Parses "YYYY-MM-DD", or the date part of "YYYY-MM-DDThh:mm[:ss][Z|+hh:mm]"; nullopt when invalid.
std::optional<Date> ParseIsoDate(std::string_view text);
// "day", "month", "year", ...
std::string_view ToString(Granularity g);
std::optional<Granularity> ParseGranularity(std::string_view s);
// "", "approximate", "before", "after", "since", "until".
std::string_view ToString(Qualifier q);
// A short human form of the range at its granularity: "2016-07", "2016", "2016-07-14".
std::string Describe(const DateRange& r);

}  // namespace recon

#endif  // RECON_DATE_RANGE_H_

// DateRange arithmetic and ISO formatting.
#include "recon/date_range.h"

#include <charconv>
#include <cstdio>

namespace recon {

namespace bg = boost::gregorian;

long DateRange::days() const { return bounded() ? (end - start).days() + 1 : 0; }

bool DateRange::Overlaps(const DateRange& o) const {
  if (!known() || !o.known()) return false;
  bool this_before = !end.is_special() && !o.start.is_special() && end < o.start;
  bool other_before = !o.end.is_special() && !start.is_special() && o.end < start;
  return !this_before && !other_before;
}

bool DateRange::Contains(const DateRange& o) const {
  if (!known() || !o.known()) return false;
  if (!start.is_special() && (o.start.is_special() || o.start < start)) return false;
  if (!end.is_special() && (o.end.is_special() || o.end > end)) return false;
  return true;
}

DateRange DateRange::Day(Date d) { return {d, d, Granularity::kDay}; }

DateRange DateRange::Month(int year, int month) {
  Date first(year, month, 1);
  return {first, first.end_of_month(), Granularity::kMonth};
}

DateRange DateRange::Year(int year) {
  return {Date(year, 1, 1), Date(year, 12, 31), Granularity::kYear};
}

DateRange DateRange::Between(Date start, Date end, Granularity g) { return {start, end, g}; }

bool operator==(const DateRange& a, const DateRange& b) {
  return a.start == b.start && a.end == b.end && a.granularity == b.granularity &&
         a.qualifier == b.qualifier && a.vague == b.vague;
}

std::string ToIso(Date d) {
  if (d.is_special()) return "";
  // By hand: snprintf's format parsing cost more than the rest of dating a claim. A Boost
  // date's year has four digits (1400-9999).
  const int y = int(d.year()), m = int(d.month()), day = int(d.day());
  const char out[10] = {char('0' + y / 1000),      char('0' + y / 100 % 10), char('0' + y / 10 % 10),
                        char('0' + y % 10),        '-',                      char('0' + m / 10),
                        char('0' + m % 10),        '-',                      char('0' + day / 10),
                        char('0' + day % 10)};
  return std::string(out, sizeof out);
}

static bool ParseInt(std::string_view s, int* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

// True when `t` is "hh:mm[:ss[.fff]][Z|+hh:mm|-hh:mm|+hhmm|-hhmm]" with each field in range.
static bool IsIsoTime(std::string_view t) {
  auto two = [&](size_t at, int max, int* out) {
    if (at + 2 > t.size() || t[at] < '0' || t[at] > '9' || t[at + 1] < '0' || t[at + 1] > '9')
      return false;
    *out = (t[at] - '0') * 10 + (t[at + 1] - '0');
    return *out <= max;
  };
  int v;
  if (!two(0, 23, &v) || t.size() < 5 || t[2] != ':' || !two(3, 59, &v)) return false;
  size_t i = 5;
  if (i < t.size() && t[i] == ':') {
    if (!two(i + 1, 60, &v)) return false;  // 60: a leap second
    i += 3;
    if (i < t.size() && t[i] == '.') {
      size_t digits = ++i;
      while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
      if (i == digits) return false;
    }
  }
  if (i == t.size()) return true;
  if (t[i] == 'Z') return i + 1 == t.size();
  if (t[i] != '+' && t[i] != '-') return false;
  std::string_view zone = t.substr(i + 1);
  int h, m;
  if (zone.size() == 5 && zone[2] == ':')
    return two(i + 1, 23, &h) && two(i + 4, 59, &m);
  if (zone.size() == 4) return two(i + 1, 23, &h) && two(i + 3, 59, &m);
  return false;
}

std::optional<Date> ParseIsoDate(std::string_view text) {
  if (text.size() > 10) {
    char sep = text[10];
    if (sep != 'T' && sep != ' ') return std::nullopt;
    if (!IsIsoTime(text.substr(11))) return std::nullopt;
  } else if (text.size() != 10) {
    return std::nullopt;
  }
  if (text[4] != '-' || text[7] != '-') return std::nullopt;
  int y, m, d;
  if (!ParseInt(text.substr(0, 4), &y) || !ParseInt(text.substr(5, 2), &m) ||
      !ParseInt(text.substr(8, 2), &d))
    return std::nullopt;
  if (y < 1400 || y > 9999 || m < 1 || m > 12 || d < 1) return std::nullopt;
  if (d > bg::gregorian_calendar::end_of_month_day(y, m)) return std::nullopt;
  return Date(y, m, d);
}

static constexpr std::string_view kGranularityNames[] = {
    "day", "week", "month", "season", "quarter", "half", "year", "decade", "century", "unknown"};

std::string_view ToString(Granularity g) { return kGranularityNames[static_cast<int>(g)]; }

std::optional<Granularity> ParseGranularity(std::string_view s) {
  for (size_t i = 0; i < std::size(kGranularityNames); ++i)
    if (kGranularityNames[i] == s) return static_cast<Granularity>(i);
  return std::nullopt;
}

std::string_view ToString(Qualifier q) {
  switch (q) {
    case Qualifier::kNone: return "";
    case Qualifier::kApprox: return "approximate";
    case Qualifier::kBefore: return "before";
    case Qualifier::kAfter: return "after";
    case Qualifier::kSince: return "since";
    case Qualifier::kUntil: return "until";
  }
  return "";
}

std::string Describe(const DateRange& r) {
  if (!r.known()) return "undated";
  if (!r.bounded()) {
    return r.start.is_special() ? "before " + ToIso(r.end) : "after " + ToIso(r.start);
  }
  std::string s = ToIso(r.start);
  switch (r.granularity) {
    case Granularity::kDay: break;
    case Granularity::kMonth:
      if (r.start.day() == 1 && r.end == r.start.end_of_month()) s = s.substr(0, 7);
      else s += ".." + ToIso(r.end);
      break;
    case Granularity::kYear:
      if (r.start.year() == r.end.year() && r.start.day_of_year() == 1 && r.end.month() == 12 &&
          r.end.day() == 31)
        s = s.substr(0, 4);
      else s += ".." + ToIso(r.end);
      break;
    default:
      if (r.start != r.end) s += ".." + ToIso(r.end);
  }
  if (r.qualifier == Qualifier::kApprox || r.vague) s = "c. " + s;
  return s;
}

}  // namespace recon

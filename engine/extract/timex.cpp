// TimexTagger: a hand-written grammar over timex_lexicon's tokens that finds English time
// expressions and normalises them to TIMEX3 values and day intervals. Only tokens the lexicon
// knows (or numbers) can start an expression, so most of the text costs one hash probe a word.
#include "recon/timex.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <strings.h>

#include "timex_lexicon.h"

namespace recon {

std::string_view ToString(TimexType t) {
  switch (t) {
    case TimexType::kDate: return "DATE";
    case TimexType::kTime: return "TIME";
    case TimexType::kDuration: return "DURATION";
    case TimexType::kSet: return "SET";
  }
  return "DATE";
}

namespace {

using namespace timex;
using boost::gregorian::date_duration;
namespace bg = boost::gregorian;

constexpr const char* kSeasonCodes[] = {"", "SP", "SU", "FA", "WI"};
constexpr const char* kDayPartCodes[] = {"", "MO", "AF", "EV", "NI"};

std::string Fmt(const char* f, int a, int b = 0, int c = 0) {
  char buf[48];
  std::snprintf(buf, sizeof buf, f, a, b, c);
  return buf;
}

bool ValidYmd(int y, int m, int d) {
  if (y < 1400 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= bg::gregorian_calendar::end_of_month_day(y, m);
}

Date Ymd(int y, int m, int d) { return Date(y, m, d); }
Date MonthEnd(int y, int m) { return Date(y, m, bg::gregorian_calendar::end_of_month_day(y, m)); }

int IsoWeekday(Date d) {
  int w = d.day_of_week().as_number();  // Sunday = 0
  return w == 0 ? 7 : w;
}

// "2018-W24" and the Monday..Sunday interval of the ISO week holding `d`.
void IsoWeek(Date d, std::string* value, DateRange* range) {
  Date monday = d - date_duration(IsoWeekday(d) - 1);
  Date thursday = monday + date_duration(3);
  *value = Fmt("%04d-W%02d", int(thursday.year()), int(d.week_number()));
  *range = DateRange::Between(monday, monday + date_duration(6), Granularity::kWeek);
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
DateRange CenturyRange(int c0) {  // c0 = 19 for 1900..1999
  if (c0 < 14) {  // boost dates start in 1400: older centuries keep only their value
    DateRange r;
    r.granularity = Granularity::kCentury;
    return r;
  }
  return DateRange::Between(Ymd(std::max(1400, c0 * 100), 1, 1), Ymd(c0 * 100 + 99, 12, 31),
                            Granularity::kCentury);
}

// A match under construction: tokens [beg, end).
struct M {
  size_t beg = 0, end = 0;
  TimexType type = TimexType::kDate;
  std::string value;
  DateRange range;
  std::optional<TemporalRelation> relation;
  bool anchor_only = false;
  bool uses_prev = false;  // anchored to the previous expression ("the following day")
};

// The value and range of a calendar unit containing `d` ("this year" on 2018-06-14 -> 2018).
void UnitAt(Unit u, Date d, std::string* value, DateRange* range) {
  int y = d.year(), m = d.month();
  switch (u) {
    case kDay: *value = ToIso(d), *range = DateRange::Day(d); return;
    case kWeek: IsoWeek(d, value, range); return;
    case kWeekend: {
      Date sat = d + date_duration(6 - IsoWeekday(d));
      if (IsoWeekday(d) == 7) sat = d - date_duration(1);
      std::string w;
      DateRange wr;
      IsoWeek(sat, &w, &wr);
      *value = w + "-WE";
      *range = DateRange::Between(sat, sat + date_duration(1), Granularity::kDay);
      return;
    }
    case kMonth: *value = Fmt("%04d-%02d", y, m), *range = DateRange::Month(y, m); return;
    case kQuarter: {
      int q = (m - 1) / 3 + 1;
      *value = Fmt("%04d-Q%d", y, q), *range = QuarterRange(y, q);
      return;
    }
    case kHalf: {
      int h = m <= 6 ? 1 : 2;
      *value = Fmt("%04d-H%d", y, h), *range = HalfRange(y, h);
      return;
    }
    case kSeason: {
      int s = m == 12 || m <= 2 ? 4 : (m - 3) / 3 + 1;
      int sy = m <= 2 ? y - 1 : y;
      *value = Fmt("%04d-", sy) + kSeasonCodes[s], *range = SeasonRange(sy, s);
      return;
    }
    case kDecade: *value = Fmt("%03dX", y / 10), *range = DecadeRange(y / 10 * 10); return;
    case kCentury: *value = Fmt("%02d", y / 100), *range = CenturyRange(y / 100); return;
    default: *value = Fmt("%04d", y), *range = DateRange::Year(y); return;
  }
}

// `d` moved by `n` units (n may be negative).
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
  } catch (const std::exception&) {
    return Date(bg::not_a_date_time);
  }
}

const char* UnitName(Unit u) {
  static const char* names[] = {"",       "day",    "week",   "weekend", "month", "quarter", "half",
                                "season", "year",   "decade", "century", "hour",  "minute"};
  return names[u];
}

// The TIMEX3 duration of `n` units; n < 0 means "some" (PXY).
std::string DurationValue(Unit u, long n) {
  std::string k = n < 0 ? "X" : std::to_string(n);
  switch (u) {
    case kDay: return "P" + k + "D";
    case kWeek: return "P" + k + "W";
    case kWeekend: return "P" + k + "WE";
    case kMonth: return "P" + k + "M";
    case kQuarter: return "P" + k + "Q";
    case kHalf: return n < 0 ? "PXM" : "P" + std::to_string(6 * n) + "M";
    case kSeason: return n < 0 ? "PXM" : "P" + std::to_string(3 * n) + "M";
    case kYear: return "P" + k + "Y";
    case kDecade: return n < 0 ? "PXDE" : "P" + std::to_string(10 * n) + "Y";
    case kCentury: return n < 0 ? "PXCE" : "P" + std::to_string(100 * n) + "Y";
    case kHour: return "PT" + k + "H";
    case kMinute: return "PT" + k + "M";
    default: return "P" + k + "D";
  }
}

// Narrows a bounded range to its first, middle or last third.
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

class Scanner {
 public:
  Scanner(const Lexicon& lex, std::string_view text, const std::vector<Tok>& t,
          std::optional<Date> dct)
      : lex_(lex), rules_(lex.rules()), text_(text), t_(t), n_(t.size()), dct_(dct) {}

  std::vector<TimeExpression> Run();

 private:
  // --- token predicates ---
  const Lex* L(size_t i) const { return i < n_ && t_[i].kind == kWord ? t_[i].lex : nullptr; }
  bool R(size_t i, Role r) const {
    const Lex* l = L(i);
    return l && l->role == r;
  }
  bool P(size_t i, char c) const { return i < n_ && t_[i].kind == kPunct && t_[i].punct == c; }
  bool Adj(size_t i) const { return i > 0 && i < n_ && t_[i].b == t_[i - 1].e; }
  bool Num(size_t i) const { return i < n_ && t_[i].kind == kNum && t_[i].plain; }
  bool WordIs(size_t i, const char* w) const {
    if (i >= n_ || t_[i].kind != kWord) return false;
    size_t len = t_[i].e - t_[i].b;
    return std::strlen(w) == len && strncasecmp(text_.data() + t_[i].b, w, len) == 0;
  }
  // A four-digit year 1000..2199 (1900..2099 unless `loose`).
  bool Year4(size_t i, bool loose) const {
    if (!Num(i) || t_[i].ndig != 4 || t_[i].suffix) return false;
    long v = t_[i].num;
    if (v < (loose ? 1400 : 1900) || v > (loose ? 2199 : 2099)) return false;
    if (i + 1 < n_ && (P(i + 1, '%') || (Adj(i + 1) && (P(i + 1, ':') || P(i + 1, '/')))))
      return false;
    if (i > 0 && (P(i - 1, '$') || (Adj(i) && (P(i - 1, ':') || P(i - 1, '/') || P(i - 1, '.') ||
                                               (P(i - 1, '-') && i > 1 && t_[i - 2].kind == kNum)))))
      return false;
    return true;
  }
  // The number a token (or "twenty-five", "a few") stands for, and where it ends. -2 = none,
  // -1 = some ("several", "a few").
  long Number(size_t i, size_t* end) const {
    if (Num(i) && !t_[i].suffix && t_[i].num >= 0) {
      *end = i + 1;
      return t_[i].num;
    }
    const Lex* l = L(i);
    if (!l) return -2;
    if (l->role == kFew) {
      *end = i + 1;
      return -1;
    }
    if (l->number >= 0) {
      const Lex* nx = L(i + 1);
      if (l->number == 1 && nx && nx->role == kFew) {  // "a few"
        *end = i + 2;
        return -1;
      }
      if (l->number >= 20 && l->number < 100 && P(i + 1, '-') && Adj(i + 1) && Adj(i + 2) &&
          L(i + 2) && L(i + 2)->number > 0 && L(i + 2)->number < 10) {
        *end = i + 3;
        return l->number + L(i + 2)->number;
      }
      *end = i + 1;
      return l->number;
    }
    return -2;
  }
  bool SentenceEnd(size_t i) const {
    return t_[i].kind == kPunct && (t_[i].punct == '.' || t_[i].punct == '!' ||
                                    t_[i].punct == '?' || t_[i].punct == '\n' || t_[i].punct == ';');
  }
  // True when the sentence around token i points to the future ("will", "next").
  bool Future(size_t i) const {
    for (size_t k = i, steps = 0; k-- > 0 && steps < 40; ++steps) {
      if (SentenceEnd(k)) break;
      if (t_[k].lex && t_[k].lex->future) return true;
    }
    for (size_t k = i, steps = 0; k < n_ && steps < 40; ++k, ++steps) {
      if (SentenceEnd(k) && !(t_[k].punct == '.' && k > 0 && Adj(k) &&
                               (t_[k - 1].e - t_[k - 1].b == 1 || (L(k - 1) && L(k - 1)->month && Num(k + 1)))))
        break;
      if (t_[k].lex && t_[k].lex->future) return true;
    }
    return false;
  }
  // -1 when the sentence around token i is in the past (a past cue and no future one), +1 when
  // it points forward, 0 when nothing says.
  int Tense(size_t i) const {
    if (Future(i)) return 1;
    size_t lo = i, hi = i;
    while (lo > 0 && i - lo < 40 && !SentenceEnd(lo - 1)) --lo;
    while (hi + 1 < n_ && hi - i < 40 && !SentenceEnd(hi + 1)) ++hi;
    for (size_t k = lo; k <= hi; ++k) {
      if (t_[k].kind != kWord) continue;
      if (t_[k].lex && t_[k].lex->past) return -1;
      std::string_view w = text_.substr(t_[k].b, t_[k].e - t_[k].b);
      for (const auto& suf : rules_.past_suffixes)
        if (w.size() > suf.size() + 2 && strncasecmp(w.data() + w.size() - suf.size(), suf.data(), suf.size()) == 0)
          return -1;
    }
    return 0;
  }
  // A month or season name that may be a common word needs capitalising and support.
  bool NameOk(size_t i, bool supported) const {
    const Lex* l = L(i);
    if (!l->ambiguous) return t_[i].cap || supported;
    return t_[i].cap && supported;
  }
  bool PrepBefore(size_t i) const {
    if (i == 0) return false;
    const Lex* l = L(i - 1);
    if (!l) return false;
    switch (l->role) {
      case kIn: case kOn: case kSince: case kUntil: case kBy: case kFrom: case kTo:
      case kBetween: case kAnd: case kOf: case kBefore: case kAfter: case kLast:
      case kNext: case kThis: case kEarlier: case kLater: case kThe: case kEvery:
        return true;
      default:
        return l->modifier != 0;
    }
  }

  // --- parsers: each fills `m` and returns true on a match starting at token i ---
  bool Absolute(size_t i, M* m, bool supported) const;
  bool MonthForms(size_t i, M* m, bool supported) const;
  bool YearForms(size_t i, M* m, bool supported) const;
  bool Parts(size_t i, M* m) const;
  bool SeasonForms(size_t i, M* m, bool supported) const;
  bool WeekdayForms(size_t i, M* m) const;
  bool Deictic(size_t i, M* m) const;
  bool Relative(size_t i, M* m) const;
  bool Modified(size_t i, M* m) const;
  bool Quantity(size_t i, M* m) const;
  bool SetForms(size_t i, M* m) const;
  bool Phrase(size_t i, M* m) const;
  bool Clock(size_t i, M* m) const;
  bool Following(size_t i, M* m) const;
  bool AnchorOnly(size_t i, M* m) const;
  bool TryAt(size_t i, M* m) const;

  void ResolveMonthDay(size_t at, int mo, int d, M* m) const;
  void ResolveWeekday(size_t at, int wd, int strict_dir, M* m) const;
  std::string AnchorWords(size_t j, size_t* end) const;
  void ApplyContext(std::vector<M>* ms) const;

  const Lexicon& lex_;
  const TimexRules& rules_;
  std::string_view text_;
  const std::vector<Tok>& t_;
  size_t n_;
  std::optional<Date> dct_;
  const M* prev_ = nullptr;  // the last DATE match with a bounded range, for "the following day"
};

// "Oct. 3" without a year: the year that puts the date nearest the dct, twice as far when it
// lies against the sentence's tense.
void Scanner::ResolveMonthDay(size_t at, int mo, int d, M* m) const {
  m->type = TimexType::kDate;
  if (!dct_) {
    m->value = Fmt("XXXX-%02d-%02d", mo, d);
    return;
  }
  bool future = Future(at);
  int y0 = dct_->year();
  long best = -1;
  for (int y = y0 - 1; y <= y0 + 1; ++y) {
    if (!ValidYmd(y, mo, d)) continue;
    Date c = Ymd(y, mo, d);
    long diff = (c - *dct_).days();
    long cost = std::labs(diff) * ((diff > 0) != future && diff != 0 ? 2 : 1);
    if (best < 0 || cost < best) {
      best = cost;
      m->value = ToIso(c);
      m->range = DateRange::Day(c);
    }
  }
}

// A weekday near the dct: strict_dir 0 follows the tense (on or before for the past, after for
// the future), -1 strictly before, +1 strictly after.
void Scanner::ResolveWeekday(size_t at, int wd, int strict_dir, M* m) const {
  if (!dct_) {
    m->value = Fmt("XXXX-WXX-%d", wd);
    return;
  }
  int cur = IsoWeekday(*dct_);
  int dir = strict_dir != 0 ? strict_dir : (Future(at) ? 1 : 0);
  Date d;
  if (dir > 0) {
    int k = (wd - cur + 7) % 7;
    if (strict_dir > 0 && k == 0) k = 7;
    d = *dct_ + date_duration(k);
  } else {
    int k = (cur - wd + 7) % 7;
    if (dir < 0 && k == 0) k = 7;
    d = *dct_ - date_duration(k);
  }
  m->value = ToIso(d);
  m->range = DateRange::Day(d);
}

bool Scanner::MonthForms(size_t i, M* m, bool supported) const {
  const Lex* l = L(i);
  if (!l || !l->month) return false;
  int mo = l->month;
  size_t j = i + 1;
  if (P(j, '.') && Adj(j) && !l->full_name) ++j;
  // Month day [, year]
  if (Num(j) && t_[j].ndig <= 2 && t_[j].num >= 1 && t_[j].num <= 31 && t_[i].cap &&
      !(j + 1 < n_ && Adj(j + 1) && (P(j + 1, ':') || P(j + 1, '/')))) {
    int d = int(t_[j].num);
    size_t k = j + 1;
    size_t y = P(k, ',') ? k + 1 : k;
    if (Year4(y, true) && ValidYmd(int(t_[y].num), mo, d)) {
      int yr = int(t_[y].num);
      m->beg = i, m->end = y + 1, m->type = TimexType::kDate;
      m->value = Fmt("%04d-%02d-%02d", yr, mo, d);
      m->range = DateRange::Day(Ymd(yr, mo, d));
      return true;
    }
    if (d <= bg::gregorian_calendar::end_of_month_day(2000, mo)) {
      m->beg = i, m->end = k;
      ResolveMonthDay(i, mo, d, m);
      return true;
    }
  }
  // Month [,|of] year
  size_t y = (P(j, ',') || R(j, kOf)) ? j + 1 : j;
  if (Year4(y, true) && (t_[i].cap || !l->ambiguous)) {
    int yr = int(t_[y].num);
    m->beg = i, m->end = y + 1, m->type = TimexType::kDate;
    m->value = Fmt("%04d-%02d", yr, mo);
    m->range = DateRange::Month(yr, mo);
    return true;
  }
  if (!l->full_name || !NameOk(i, supported || PrepBefore(i))) return false;
  m->beg = i, m->end = i + 1, m->type = TimexType::kDate;
  if (!dct_) {
    m->value = Fmt("XXXX-%02d", mo);
    return true;
  }
  int yr = dct_->year(), cm = dct_->month();
  if (i > 0 && R(i - 1, kLast)) yr = mo < cm ? yr : yr - 1;
  else if (i > 0 && R(i - 1, kNext)) yr = mo > cm ? yr : yr + 1;
  else if (i > 0 && R(i - 1, kThis)) {}
  else {
    int tense = Tense(i);
    if (tense > 0) yr = mo >= cm ? yr : yr + 1;
    else if (tense < 0) yr = mo <= cm ? yr : yr - 1;
    else yr += mo - cm > 6 ? -1 : mo - cm < -6 ? 1 : 0;  // the nearest
  }
  m->value = Fmt("%04d-%02d", yr, mo);
  m->range = DateRange::Month(yr, mo);
  return true;
}

bool Scanner::YearForms(size_t i, M* m, bool supported) const {
  // "1990s", "the 1990s"
  if (Num(i) && t_[i].suffix == 2 && t_[i].ndig == 4 && t_[i].num % 10 == 0 && t_[i].num >= 1400 &&
      t_[i].num < 2200) {
    int y0 = int(t_[i].num);
    m->beg = i, m->end = i + 1, m->type = TimexType::kDate;
    m->value = Fmt("%03dX", y0 / 10);
    m->range = DecadeRange(y0);
    return true;
  }
  // "'94", "'90s"
  if (P(i, '\'') && Num(i + 1) && Adj(i + 1) && t_[i + 1].ndig == 2 &&
      (i == 0 || !Adj(i) || t_[i - 1].kind == kPunct) &&
      !(i + 2 < n_ && Adj(i + 2) && (t_[i + 2].kind != kPunct || P(i + 2, '\'')))) {
    int yy = int(t_[i + 1].num);
    int now = dct_ ? int(dct_->year()) : 2000;
    int century = now / 100 * 100;
    int y = century + yy;
    if (yy > now % 100 + rules_.two_digit_pivot) y -= 100;
    m->beg = i, m->end = i + 2, m->type = TimexType::kDate;
    if (t_[i + 1].suffix == 2 && yy % 10 == 0) {
      m->value = Fmt("%03dX", y / 10);
      m->range = DecadeRange(y);
    } else if (t_[i + 1].suffix == 0) {
      m->value = Fmt("%04d", y);
      m->range = DateRange::Year(y);
    } else {
      return false;
    }
    return true;
  }
  if (Year4(i, supported || PrepBefore(i))) {
    int y = int(t_[i].num);
    m->beg = i, m->end = i + 1, m->type = TimexType::kDate;
    m->value = Fmt("%04d", y);
    m->range = DateRange::Year(y);
    return true;
  }
  return false;
}

bool Scanner::SeasonForms(size_t i, M* m, bool supported) const {
  const Lex* l = L(i);
  if (!l || !l->season) return false;
  int s = l->season;
  size_t j = R(i + 1, kOf) ? i + 2 : i + 1;
  if (Year4(j, true)) {
    int y = int(t_[j].num);
    m->beg = i, m->end = j + 1, m->type = TimexType::kDate;
    m->value = Fmt("%04d-", y) + kSeasonCodes[s];
    m->range = SeasonRange(y, s);
    return true;
  }
  bool prep = i > 0 && (R(i - 1, kThis) || R(i - 1, kLast) || R(i - 1, kNext) ||
                        (R(i - 1, kThe) && i > 1 && (R(i - 2, kIn) || R(i - 2, kOn))) ||
                        (L(i - 1) && L(i - 1)->modifier));
  if (!(supported || prep) || (l->ambiguous && !prep && !t_[i].cap)) return false;
  m->beg = i, m->end = i + 1, m->type = TimexType::kDate;
  if (!dct_) {
    m->value = std::string("XXXX-") + kSeasonCodes[s];
    return true;
  }
  int dir = i > 0 && R(i - 1, kLast) ? -2 : i > 0 && R(i - 1, kNext) ? 2
          : i > 0 && R(i - 1, kThis) ? 0 : (Future(i) ? 1 : -1);
  int best_y = dct_->year();
  if (dir == 0) {
    best_y = (s == 4 && dct_->month() <= 2) ? int(dct_->year()) - 1 : int(dct_->year());
  } else {
    bool found = false;
    for (int y = dct_->year() + 1; y >= dct_->year() - 2; --y) {
      DateRange r = SeasonRange(y, s);
      bool ok = dir == -1 ? r.start <= *dct_ : dir == -2 ? r.end < *dct_ : false;
      if (ok) { best_y = y; found = true; break; }
    }
    if (dir > 0) {
      for (int y = dct_->year() - 1; y <= dct_->year() + 2; ++y) {
        DateRange r = SeasonRange(y, s);
        bool ok = dir == 1 ? r.end >= *dct_ : r.start > *dct_;
        if (ok) { best_y = y; found = true; break; }
      }
    }
    (void)found;
  }
  m->value = Fmt("%04d-", best_y) + kSeasonCodes[s];
  m->range = SeasonRange(best_y, s);
  return true;
}

// "the first half of 2015", "the third quarter", "third-quarter", "the 20th century".
bool Scanner::Parts(size_t i, M* m) const {
  int ord = 0;
  if (const Lex* l = L(i); l && l->ordinal) ord = l->ordinal;
  else if (Num(i) && t_[i].suffix == 1) ord = int(t_[i].num);
  if (ord <= 0) return false;
  size_t j = i + 1;
  if (P(j, '-') && Adj(j) && Adj(j + 1)) ++j;
  const Lex* u = L(j);
  if (!u || u->plural) return false;
  if (u->unit == kCentury) {
    if (ord > 30) return false;
    m->beg = i, m->end = j + 1, m->type = TimexType::kDate;
    m->value = Fmt("%02d", ord - 1);
    m->range = CenturyRange(ord - 1);
    return true;
  }
  if (u->unit != kQuarter && u->unit != kHalf) return false;
  int maxp = u->unit == kQuarter ? 4 : 2;
  if (ord > maxp) return false;
  size_t end = j + 1;
  int year = -1;
  size_t k = j + 1;
  if (R(k, kOf)) {
    size_t y = k + 1;
    if (R(y, kFiscal)) ++y;
    if (R(y, kThe)) ++y;
    if (Year4(y, true)) {
      year = int(t_[y].num);
      end = y + 1;
    } else if ((R(y, kThis) || R(y, kLast) || R(y, kNext)) && L(y + 1) && L(y + 1)->unit == kYear &&
               !L(y + 1)->plural && dct_) {
      year = dct_->year() + (R(y, kLast) ? -1 : R(y, kNext) ? 1 : 0);
      end = y + 2;
    }
  }
  m->beg = i, m->end = end, m->type = TimexType::kDate;
  const char* code = u->unit == kQuarter ? "%04d-Q%d" : "%04d-H%d";
  if (year < 0 && dct_) {
    year = dct_->year();
    DateRange r = u->unit == kQuarter ? QuarterRange(year, ord) : HalfRange(year, ord);
    bool future = Future(i);
    if (!future && r.start > *dct_) --year;
    if (future && r.end < *dct_) ++year;
  }
  if (year < 0) {
    m->value = Fmt(u->unit == kQuarter ? "XXXX-Q%d" : "XXXX-H%d", ord);
    return true;
  }
  m->value = Fmt(code, year, ord);
  m->range = u->unit == kQuarter ? QuarterRange(year, ord) : HalfRange(year, ord);
  return true;
}

// Weekday [, Month day[, year]] | weekday [day part].
bool Scanner::WeekdayForms(size_t i, M* m) const {
  const Lex* l = L(i);
  if (!l || !l->weekday || !t_[i].cap) return false;
  size_t j = i + 1;
  if (P(j, '.') && Adj(j) && t_[i].e - t_[i].b <= 5) ++j;  // "Tues." but not "Monday." 
  // "Sun" may be a newspaper: an ambiguous abbreviation needs a dot and a date after it.
  if (l->ambiguous && (j == i + 1 || !(P(j, ',') || Num(j) || (L(j) && L(j)->month))))
    return false;
  size_t k = P(j, ',') ? j + 1 : j;
  M d;
  if (MonthForms(k, &d, true) && d.range.granularity == Granularity::kDay) {
    *m = d;
    m->beg = i;
    return true;
  }
  if (Num(k) && t_[k].ndig <= 2 && L(k + 1) && L(k + 1)->month && MonthForms(k + 1, &d, true) &&
      d.range.granularity == Granularity::kMonth && ValidYmd(d.range.start.year(), d.range.start.month(), int(t_[k].num))) {
    Date dd = Ymd(d.range.start.year(), d.range.start.month(), int(t_[k].num));
    m->beg = i, m->end = d.end, m->type = TimexType::kDate;
    m->value = ToIso(dd), m->range = DateRange::Day(dd);
    return true;
  }
  int dir = 0;
  if (i > 0 && R(i - 1, kLast)) dir = -1;
  if (i > 0 && R(i - 1, kNext)) dir = 1;
  m->beg = i, m->end = j, m->type = TimexType::kDate;
  ResolveWeekday(i, l->weekday, dir, m);
  if (const Lex* p = L(j); p && p->day_part) {
    m->end = j + 1, m->type = TimexType::kTime;
    m->value += std::string("T") + kDayPartCodes[p->day_part];
  }
  return true;
}

// today, yesterday, tomorrow, tonight [+ day part].
bool Scanner::Deictic(size_t i, M* m) const {
  const Lex* l = L(i);
  if (!l) return false;
  long off;
  switch (l->role) {
    case kToday: off = 0; break;
    case kYesterday: off = -1; break;
    case kTomorrow: off = 1; break;
    case kTonight: off = 0; break;
    default: return false;
  }
  m->beg = i, m->end = i + 1, m->type = TimexType::kDate;
  if (dct_) {
    Date d = *dct_ + date_duration(off);
    m->value = ToIso(d), m->range = DateRange::Day(d);
  } else {
    m->value = l->role == kToday || l->role == kTonight ? "PRESENT_REF" : "XXXX-XX-XX";
  }
  if (l->role == kTonight) {
    m->type = TimexType::kTime;
    if (dct_) m->value += "TNI";
  } else if (const Lex* p = L(i + 1); p && p->day_part && dct_) {
    m->end = i + 2, m->type = TimexType::kTime;
    m->value += std::string("T") + kDayPartCodes[p->day_part];
  }
  return true;
}

// last/next/this/past + unit | month | season | weekday | [number] units; "earlier this month".
bool Scanner::Relative(size_t i, M* m) const {
  size_t s = i;
  int edge = 0;  // -1 "earlier this", +1 "later this"
  if (R(s, kEarlier) || R(s, kLater)) {
    if (!(R(s + 1, kThis) || R(s + 1, kLast) || R(s + 1, kNext))) return false;
    edge = R(s, kEarlier) ? -1 : 1;
    ++s;
  }
  const Lex* l = L(s);
  if (!l || (l->role != kLast && l->role != kNext && l->role != kThis)) return false;
  int dir = l->role == kLast ? -1 : l->role == kNext ? 1 : 0;
  bool the = i > 0 && R(i - 1, kThe);
  size_t j = s + 1;
  const Lex* w = L(j);
  if (!w && !Num(j)) return false;
  // Durations: "the past three years", "the next few weeks", "the past year".
  size_t ne;
  long num = Number(j, &ne);
  if (num != -2 && !(w && w->number == 1 && !w->plural && L(ne) && !L(ne)->plural)) {
    const Lex* u = L(ne);
    if (u && u->unit && u->plural && edge == 0 && u->unit != kWeekend) {
      m->beg = the ? i - 1 : i, m->end = ne + 1, m->type = TimexType::kDuration;
      m->value = DurationValue(u->unit, num);
      return true;
    }
  }
  if (!w) return false;
  if (w->unit && w->plural && the && dir != 0 && edge == 0) {  // "the coming years"
    m->beg = i - 1, m->end = j + 1, m->type = TimexType::kDuration;
    m->value = DurationValue(w->unit, -1);
    return true;
  }
  if (w->unit && !w->plural) {
    if (the && dir != 0 && edge == 0 && w->unit != kWeekend) {
      m->beg = i - 1, m->end = j + 1, m->type = TimexType::kDuration;
      m->value = DurationValue(w->unit, 1);
      return true;
    }
    if (w->unit == kHour || w->unit == kMinute) return false;
    m->beg = i, m->end = j + 1, m->type = TimexType::kDate;
    if (!dct_) {
      m->value = dir < 0 ? "PAST_REF" : dir > 0 ? "FUTURE_REF" : "PRESENT_REF";
      m->range.vague = true;
      return true;
    }
    Date d = Shift(*dct_, w->unit, dir);
    if (d.is_special()) return false;
    UnitAt(w->unit, d, &m->value, &m->range);
    if (edge < 0 && m->range.bounded() && *dct_ >= m->range.start && *dct_ <= m->range.end)
      m->range.end = *dct_;
    if (edge > 0 && m->range.bounded() && *dct_ >= m->range.start && *dct_ <= m->range.end)
      m->range.start = *dct_;
    // TimeML leaves "earlier"/"later" out of the span; the interval keeps their half.
    if (edge != 0) m->beg = s;
    return true;
  }
  if (edge != 0) return false;
  if (w->month && t_[j].cap) return MonthForms(j, m, true) && ((m->beg = i), true);
  if (w->season) return SeasonForms(j, m, true) && ((m->beg = i), true);
  if (w->weekday && t_[j].cap) {
    if (!WeekdayForms(j, m)) return false;
    m->beg = i;
    return true;
  }
  if (w->day_part && dir == 0) {  // "this morning"
    m->beg = i, m->end = j + 1, m->type = TimexType::kTime;
    m->value = dct_ ? ToIso(*dct_) + "T" + kDayPartCodes[w->day_part] : "PRESENT_REF";
    if (dct_) m->range = DateRange::Day(*dct_);
    return true;
  }
  return false;
}

// early/mid/late (or "the end of") + a date: the same value, a narrower interval.
bool Scanner::Modified(size_t i, M* m) const {
  const Lex* l = L(i);
  if (!l || !l->modifier) return false;
  size_t j = i + 1;
  bool needs_of = !(WordIs(i, "early") || WordIs(i, "mid") || WordIs(i, "late"));
  if (R(j, kOf)) ++j;
  else if (needs_of) return false;
  if (P(j, '-') && Adj(j)) ++j;
  bool the = R(j, kThe);
  if (the) ++j;
  M inner;
  if (!needs_of && Deictic(j, &inner)) {  // "late yesterday": the same day
    *m = inner;
    m->beg = i;
    return true;
  }
  if (!(Absolute(j, &inner, true) || Relative(j, &inner) || SeasonForms(j, &inner, true)))
    return false;
  if (inner.type != TimexType::kDate || inner.range.granularity == Granularity::kDay) return false;
  *m = inner;
  m->beg = i;
  m->range = Narrow(inner.range, l->modifier);
  return true;
}

bool Scanner::Absolute(size_t i, M* m, bool supported) const {
  // ISO 2018-06-14
  if (Num(i) && t_[i].ndig == 4 && P(i + 1, '-') && Num(i + 2) && t_[i + 2].ndig == 2 &&
      P(i + 3, '-') && Num(i + 4) && t_[i + 4].ndig == 2 && Adj(i + 1) && Adj(i + 2) &&
      Adj(i + 3) && Adj(i + 4)) {
    int y = int(t_[i].num), mo = int(t_[i + 2].num), d = int(t_[i + 4].num);
    if (ValidYmd(y, mo, d)) {
      m->beg = i, m->end = i + 5, m->type = TimexType::kDate;
      m->value = Fmt("%04d-%02d-%02d", y, mo, d);
      m->range = DateRange::Day(Ymd(y, mo, d));
      return true;
    }
  }
  // 6/14/2018 or 14/6/18 (order from the rules)
  if (Num(i) && t_[i].ndig <= 2 && P(i + 1, '/') && Num(i + 2) && t_[i + 2].ndig <= 2 &&
      P(i + 3, '/') && Num(i + 4) && (t_[i + 4].ndig == 4 || t_[i + 4].ndig == 2) && Adj(i + 1) &&
      Adj(i + 2) && Adj(i + 3) && Adj(i + 4)) {
    int a = int(t_[i].num), b = int(t_[i + 2].num), y = int(t_[i + 4].num);
    if (t_[i + 4].ndig == 2) {
      int now = dct_ ? int(dct_->year()) : 2000;
      y += now / 100 * 100;
      if (y % 100 > now % 100 + rules_.two_digit_pivot) y -= 100;
    }
    int mo = rules_.day_first ? b : a, d = rules_.day_first ? a : b;
    if (ValidYmd(y, mo, d)) {
      m->beg = i, m->end = i + 5, m->type = TimexType::kDate;
      m->value = Fmt("%04d-%02d-%02d", y, mo, d);
      m->range = DateRange::Day(Ymd(y, mo, d));
      return true;
    }
  }
  // 14 June 2018, 14th of June
  if (Num(i) && t_[i].ndig <= 2 && t_[i].num >= 1 && t_[i].num <= 31) {
    size_t j = R(i + 1, kOf) ? i + 2 : i + 1;
    if (const Lex* l = L(j); l && l->month && t_[j].cap) {
      int d = int(t_[i].num), mo = l->month;
      size_t k = j + 1;
      if (P(k, '.') && Adj(k) && !l->full_name) ++k;
      size_t y = P(k, ',') ? k + 1 : k;
      if (Year4(y, true) && ValidYmd(int(t_[y].num), mo, d)) {
        m->beg = i, m->end = y + 1, m->type = TimexType::kDate;
        m->value = Fmt("%04d-%02d-%02d", int(t_[y].num), mo, d);
        m->range = DateRange::Day(Ymd(int(t_[y].num), mo, d));
        return true;
      }
      if (!l->ambiguous || j == i + 1) {
        if (d <= bg::gregorian_calendar::end_of_month_day(2000, mo)) {
          m->beg = i, m->end = k;
          ResolveMonthDay(i, mo, d, m);
          return true;
        }
      }
    }
  }
  if (MonthForms(i, m, supported)) return true;
  if (Parts(i, m)) return true;
  if (YearForms(i, m, supported)) return true;
  if (WeekdayForms(i, m)) return true;
  return false;
}

// Numbers with units: durations, "two years ago", "four days before the announcement".
bool Scanner::Quantity(size_t i, M* m) const {
  size_t ne;
  long num = Number(i, &ne);
  if (num == -2) return false;
  size_t j = ne;
  bool hyphen = false;
  if (P(j, '-') && Adj(j) && Adj(j + 1)) ++j, hyphen = true;
  const Lex* u = L(j);
  if (!u || !u->unit || u->unit == kSeason) return false;
  if (hyphen && (u->plural || (P(j + 1, '-') && Adj(j + 1)))) return false;  // "30-year-old"
  if (!hyphen && num != 1 && num >= 0 && !u->plural) return false;
  if (num == -1 && !u->plural) return false;
  if (u->unit == kHalf) return false;
  // "a year" only next to its verb or preposition; "one day" as a narrative opener is not one.
  m->beg = i, m->end = j + 1, m->type = TimexType::kDuration;
  m->value = DurationValue(u->unit, num);
  size_t k = j + 1;
  const Lex* after = L(k);
  if (after && after->role == kAgo) {
    m->end = k + 1, m->type = TimexType::kDate;
    if (!dct_ || num < 0 || u->unit == kHour || u->unit == kMinute) {
      m->value = "PAST_REF";
      m->range.vague = true;
      if (dct_ && num < 0) m->range.end = *dct_;
      if (dct_ && num >= 0) m->range = DateRange::Day(*dct_), m->value = ToIso(*dct_);
      return true;
    }
    Date d = Shift(*dct_, u->unit, -num);
    if (d.is_special()) return false;
    UnitAt(u->unit == kWeekend ? kWeek : u->unit, d, &m->value, &m->range);
    return true;
  }
  if (after && (after->role == kLater || after->role == kEarlier || after->role == kBefore ||
                after->role == kAfter) && num >= 0) {
    TemporalRelation rel;
    rel.offset = int(num);
    rel.unit = UnitName(u->unit);
    rel.before = after->role == kEarlier || after->role == kBefore;
    const M* anchor = nullptr;
    M next;
    if (after->role == kLater || after->role == kEarlier) {
      anchor = prev_;
    } else if (Absolute(k + 1, &next, true) && next.range.bounded()) {
      anchor = &next;
    }
    if (anchor) {
      rel.anchor = std::string(text_.substr(t_[anchor->beg].b, t_[anchor->end - 1].e - t_[anchor->beg].b));
      rel.anchor_begin = t_[anchor->beg].b, rel.anchor_end = t_[anchor->end - 1].e;
      if (anchor->range.bounded() && u->unit != kHour && u->unit != kMinute) {
        Date base = rel.before ? anchor->range.start : anchor->range.start;
        Date d = Shift(base, u->unit, rel.before ? -num : num);
        if (!d.is_special()) {
          std::string v;
          UnitAt(u->unit == kWeekend ? kWeek : u->unit, d, &v, &m->range);
        }
      }
    } else if (after->role == kBefore || after->role == kAfter) {
      size_t e;
      rel.anchor = AnchorWords(k + 1, &e);
      if (!rel.anchor.empty()) rel.anchor_begin = t_[k + 1].b, rel.anchor_end = t_[e - 1].e;
    }
    m->relation = rel;
  }
  return true;
}

// The words of an event anchor after before/after: "the announcement", "the Korean war".
std::string Scanner::AnchorWords(size_t j, size_t* end) const {
  if (!R(j, kThe)) return "";
  size_t k = j + 1, last = 0;
  while (k < n_ && k < j + 4 && t_[k].kind == kWord && !(t_[k].lex && t_[k].lex->role)) {
    last = ++k;
  }
  if (!last) return "";
  *end = last;
  return std::string(text_.substr(t_[j].b, t_[last - 1].e - t_[j].b));
}

// every/each [n] unit | weekday | season | month.
bool Scanner::SetForms(size_t i, M* m) const {
  if (!R(i, kEvery)) return false;
  if (WordIs(i, "per") ) {
    const Lex* u = L(i + 1);
    if (!u || !u->unit || u->plural) return false;
    m->beg = i, m->end = i + 2, m->type = TimexType::kSet;
    m->value = DurationValue(u->unit, 1);
    return true;
  }
  size_t j = i + 1;
  if (WordIs(j, "other")) ++j;
  long num = 1;
  size_t ne;
  long k = Number(j, &ne);
  if (k > 1) num = k, j = ne;
  if (WordIs(i + 1, "other")) num = 2;
  const Lex* u = L(j);
  if (!u) return false;
  m->beg = i, m->end = j + 1, m->type = TimexType::kSet;
  if (u->unit) {
    m->value = u->unit == kSeason ? "P3M" : DurationValue(u->unit, num);
    return true;
  }
  if (u->weekday && t_[j].cap) {
    m->value = Fmt("XXXX-WXX-%d", u->weekday);
    return true;
  }
  if (u->season) {
    m->value = std::string("XXXX-") + kSeasonCodes[u->season];
    return true;
  }
  if (u->month && t_[j].cap) {
    m->value = Fmt("XXXX-%02d", u->month);
    return true;
  }
  if (u->day_part) {
    m->value = std::string("TXX") + kDayPartCodes[u->day_part];
    m->value = "XXXX-XX-XXT" + std::string(kDayPartCodes[u->day_part]);
    return true;
  }
  return false;
}

bool Scanner::Phrase(size_t i, M* m) const {
  const Lex* l = L(i);
  if (!l || l->phrases.empty()) return false;
  size_t best = 0;
  const TimexPhrase* bp = nullptr;
  for (int pi : l->phrases) {
    const TimexPhrase& p = rules_.phrases[pi];
    size_t k = 1;
    for (; k < p.words.size(); ++k)
      if (!WordIs(i + k, p.words[k].c_str())) break;
    if (k == p.words.size() && k > best) best = k, bp = &p;
  }
  if (!bp) return false;
  m->beg = i, m->end = i + best;
  m->type = bp->type == "SET" ? TimexType::kSet : bp->type == "DURATION" ? TimexType::kDuration
          : bp->type == "TIME" ? TimexType::kTime : TimexType::kDate;
  m->value = bp->value;
  if (bp->month && bp->day) {
    ResolveMonthDay(i, bp->month, bp->day, m);
  } else if (bp->month) {
    if (!dct_) return true;
    // The nth weekday of the month in the year nearest the dct.
    long best = -1;
    for (int y = dct_->year() - 1; y <= dct_->year() + 1; ++y) {
      Date first = Ymd(y, bp->month, 1);
      int k = (bp->weekday - IsoWeekday(first) + 7) % 7 + 7 * (bp->nth - 1);
      Date d = first + date_duration(k);
      if (d.month() != bp->month) continue;
      long cost = std::labs((d - *dct_).days());
      if (best < 0 || cost < best) best = cost, m->value = ToIso(d), m->range = DateRange::Day(d);
    }
  } else if (bp->value == "PRESENT_REF" && dct_) m->range = DateRange::Day(*dct_), m->range.vague = true;
  else if (bp->value == "PAST_REF") {
    m->range.vague = true;
    if (dct_) m->range.end = *dct_, m->range.granularity = Granularity::kUnknown;
  } else if (bp->value == "FUTURE_REF") {
    m->range.vague = true;
    if (dct_) m->range.start = *dct_;
  }
  return true;
}

// 10 a.m., 10:30, 3:15 pm [day]
bool Scanner::Clock(size_t i, M* m) const {
  if (!Num(i) || t_[i].ndig > 2 || t_[i].num > 24) return false;
  int h = int(t_[i].num), mi = 0;
  size_t j = i + 1;
  bool colon = false;
  if (P(j, ':') && Adj(j) && Num(j + 1) && Adj(j + 1) && t_[j + 1].ndig == 2 && t_[j + 1].num < 60) {
    mi = int(t_[j + 1].num);
    j += 2;
    colon = true;
  }
  int ampm = 0;
  if (R(j, kAm) || R(j, kPm)) {
    ampm = R(j, kAm) ? 1 : 2;
    ++j;
  } else if ((WordIs(j, "a") || WordIs(j, "p")) && P(j + 1, '.') && Adj(j + 1) && WordIs(j + 2, "m") &&
             Adj(j + 2)) {
    ampm = WordIs(j, "a") ? 1 : 2;
    j += 3;
    if (P(j, '.') && Adj(j)) ++j;
  }
  if (!ampm && !colon) return false;
  if (ampm && (h < 1 || h > 12)) return false;
  if (!ampm && h > 23) return false;
  if (ampm == 2 && h < 12) h += 12;
  if (ampm == 1 && h == 12) h = 0;
  m->beg = i, m->end = j, m->type = TimexType::kTime;
  M day;
  std::string dpart;
  size_t k = j;
  if (R(k, kOn)) ++k;
  if (Deictic(k, &day) || WeekdayForms(k, &day) || MonthForms(k, &day, false)) {
    if (day.range.granularity == Granularity::kDay) {
      m->end = day.end;
      dpart = day.value.substr(0, 10);
      m->range = day.range;
    }
  }
  if (dpart.empty()) {
    if (dct_) dpart = ToIso(*dct_), m->range = DateRange::Day(*dct_);
    else dpart = "XXXX-XX-XX";
  }
  m->value = dpart + Fmt("T%02d:%02d", h, mi);
  return true;
}

// "the following day", "the next month", "the previous year": one unit from the last date.
bool Scanner::Following(size_t i, M* m) const {
  if (!R(i, kThe)) return false;
  const Lex* l = L(i + 1);
  if (!l || !(l->role == kFollowing || l->role == kPrevious || l->role == kNext ||
              (l->role == kLast && WordIs(i + 1, "previous"))))
    return false;
  const Lex* u = L(i + 2);
  if (!u || !u->unit || u->plural || u->unit == kHour || u->unit == kMinute) return false;
  int dir = (l->role == kPrevious || l->role == kLast) ? -1 : 1;
  m->beg = i, m->end = i + 3, m->type = TimexType::kDate;
  TemporalRelation rel;
  rel.offset = 1, rel.unit = UnitName(u->unit), rel.before = dir < 0;
  std::optional<Date> base = dct_;
  if (prev_ && prev_->range.bounded()) {
    base = prev_->range.start;
    rel.anchor_begin = t_[prev_->beg].b, rel.anchor_end = t_[prev_->end - 1].e;
    rel.anchor = std::string(text_.substr(rel.anchor_begin, rel.anchor_end - rel.anchor_begin));
  }
  m->relation = rel;
  if (!base) {
    m->value = "XXXX";
    return true;
  }
  Date d = Shift(*base, u->unit, dir);
  if (d.is_special()) return false;
  UnitAt(u->unit, d, &m->value, &m->range);
  return true;
}

// "after the war": a bound from an event, for the extractor; not a TIMEX3.
bool Scanner::AnchorOnly(size_t i, M* m) const {
  if (!(R(i, kAfter) || R(i, kBefore)) || !R(i + 1, kThe)) return false;
  size_t e;
  std::string words = AnchorWords(i + 1, &e);
  if (words.empty()) return false;
  for (size_t k = i + 2; k < e; ++k)
    if (t_[k].lex && (t_[k].lex->unit || t_[k].lex->month || t_[k].lex->season)) return false;
  m->beg = i, m->end = e, m->type = TimexType::kDate, m->anchor_only = true;
  m->value = "XXXX";
  TemporalRelation rel;
  rel.before = R(i, kBefore);
  rel.anchor = words;
  rel.anchor_begin = t_[i + 1].b, rel.anchor_end = t_[e - 1].e;
  m->relation = rel;
  m->range.qualifier = R(i, kBefore) ? Qualifier::kBefore : Qualifier::kAfter;
  return true;
}

bool Scanner::TryAt(size_t i, M* best) const {
  const Tok& t = t_[i];
  if (t.kind == kWord && (!t.lex || !t.lex->starts)) return false;
  // "the" and "a" start an expression only before a word the lexicon knows or a number.
  if (t.kind == kWord && (t.lex->role == kThe || t.lex->number == 1) && t.lex->phrases.empty() &&
      !(i + 1 < n_ && (t_[i + 1].kind == kNum || (t_[i + 1].lex && t_[i + 1].lex->starts) ||
                       (t_[i + 1].lex && t_[i + 1].lex->unit))))
    return false;
  if (t.kind == kPunct && t.punct != '\'') return false;
  if (t.kind == kNum && !t.plain) return false;
  bool found = false;
  auto consider = [&](bool ok, M& m) {
    if (ok && (!found || m.end > best->end || (m.end == best->end && m.beg < best->beg))) {
      *best = std::move(m);
      found = true;
    }
  };
  {
    M m;
    consider(Phrase(i, &m), m);
  }
  {
    M m;
    consider(Clock(i, &m), m);
  }
  {
    M m;
    consider(Absolute(i, &m, false), m);
  }
  {
    M m;
    consider(Quantity(i, &m), m);
  }
  if (t.lex) {
    if (t.lex->role == kThe) {
      // "the" joins decades, centuries, parts and modifiers: "the 1990s", "the third quarter".
      M m;
      bool ok = Following(i, &m);
      if (!ok) {
        ok = (Parts(i + 1, &m) || YearForms(i + 1, &m, false) || Modified(i + 1, &m)) &&
             (m.range.granularity == Granularity::kDecade ||
              m.range.granularity == Granularity::kCentury ||
              m.range.granularity == Granularity::kQuarter ||
              m.range.granularity == Granularity::kHalf || t_[i + 1].lex);
        if (ok) m.beg = i;
      }
      consider(ok, m);
      M r;
      consider(Relative(i + 1, &r), r);
      // "the nine months", "the first nine months": TimeML keeps "the" with the duration.
      size_t q = (L(i + 1) && L(i + 1)->ordinal == 1) ? i + 2 : i + 1;
      M d;
      if (Quantity(q, &d) && d.type == TimexType::kDuration && !d.relation) {
        d.beg = i;
        consider(true, d);
      }
      if (const Lex* u = L(i + 1); u && u->unit == kWeekend && !u->plural && dct_) {
        // "the weekend": the one the tense points to.
        M w;
        w.beg = i, w.end = i + 2, w.type = TimexType::kDate;
        int wd = IsoWeekday(*dct_);
        Date sat = Future(i) ? *dct_ + date_duration((6 - wd + 7) % 7)
                             : *dct_ - date_duration(wd == 7 ? 1 : (wd + 1) % 7);
        UnitAt(kWeekend, sat, &w.value, &w.range);
        consider(true, w);
      }
    }
    if (t.lex->role == kFiscal && Year4(i + 1, true)) {  // "fiscal 1989"
      M f;
      YearForms(i + 1, &f, true);
      f.beg = i;
      consider(true, f);
    }
    M m;
    consider(Deictic(i, &m), m);
    M r;
    consider(Relative(i, &r), r);
    M d;
    consider(Modified(i, &d), d);
    M s;
    consider(SeasonForms(i, &s, false), s);
    M e;
    consider(SetForms(i, &e), e);
    if (!found) {
      M a;
      consider(AnchorOnly(i, &a), a);
    }
  }
  return found;
}

// Prepositions around a date set its qualifier; "between X and Y" / "from X to Y" join two.
void Scanner::ApplyContext(std::vector<M>* ms) const {
  for (size_t x = 0; x < ms->size(); ++x) {
    M& m = (*ms)[x];
    if (m.type != TimexType::kDate || m.anchor_only || !m.range.known() || m.range.vague) continue;
    if (m.beg == 0) continue;
    size_t p = m.beg - 1;
    // "between 2010 and 2012", "from March to May"
    if ((R(p, kBetween) || R(p, kFrom)) && x + 1 < ms->size()) {
      M& o = (*ms)[x + 1];
      bool link = o.beg == m.end + 1 && (R(m.end, kAnd) || R(m.end, kTo) || R(m.end, kUntil) ||
                                          (P(m.end, '-') && !R(p, kBetween)));
      if (link && o.type == TimexType::kDate && o.range.bounded() && m.range.bounded() &&
          o.range.end >= m.range.start) {
        DateRange joined = DateRange::Between(m.range.start, o.range.end,
                                              std::max(m.range.granularity, o.range.granularity));
        m.range = joined, o.range = joined;
        ++x;
        continue;
      }
    }
    if (x > 0 && (*ms)[x - 1].end == p && (*ms)[x - 1].relation) continue;  // "two days after X"
    const Lex* l = L(p);
    if (!l) continue;
    DateRange r = m.range;
    switch (l->role) {
      case kSince: r.end = Date(bg::not_a_date_time), r.qualifier = Qualifier::kSince; break;
      case kUntil: case kBy: r.start = Date(bg::not_a_date_time), r.qualifier = Qualifier::kUntil; break;
      case kBefore:
        if (r.start.is_special()) continue;
        r.end = r.start - date_duration(1), r.start = Date(bg::not_a_date_time);
        r.qualifier = Qualifier::kBefore;
        break;
      case kAfter:
        if (r.end.is_special()) continue;
        r.start = r.end + date_duration(1), r.end = Date(bg::not_a_date_time);
        r.qualifier = Qualifier::kAfter;
        break;
      default: continue;
    }
    m.range = r;
  }
}

std::vector<TimeExpression> Scanner::Run() {
  std::vector<M> ms;
  for (size_t i = 0; i < n_; ++i) {
    M m;
    if (!TryAt(i, &m)) continue;
    // "four days before the announcement": the anchor belongs to the duration's relation.
    if (m.anchor_only && !ms.empty() && ms.back().end == m.beg && ms.back().relation) continue;
    // "at some point last year", "sometime in 2015": the interval is vague.
    if (m.beg > 0 && (R(m.beg - 1, kVague) || (m.beg > 1 && R(m.beg - 2, kVague)) ||
                      (m.beg > 1 && WordIs(m.beg - 1, "point") && WordIs(m.beg - 2, "some"))))
      m.range.vague = true;
    ms.push_back(std::move(m));
    i = ms.back().end - 1;
    if (ms.back().type == TimexType::kDate && ms.back().range.bounded() && !ms.back().anchor_only)
      prev_ = &ms.back();
    if (ms.size() == ms.capacity()) {
      // prev_ points into ms: keep it valid across growth.
      size_t idx = prev_ ? size_t(prev_ - ms.data()) : 0;
      bool had = prev_ != nullptr;
      ms.reserve(ms.size() * 2 + 8);
      prev_ = had ? &ms[idx] : nullptr;
    }
  }
  ApplyContext(&ms);
  std::vector<TimeExpression> out;
  out.reserve(ms.size());
  for (auto& m : ms) {
    TimeExpression e;
    e.begin = t_[m.beg].b;
    e.end = t_[m.end - 1].e;
    while (e.end > e.begin && text_[e.end - 1] == ',') --e.end;
    e.text = std::string(text_.substr(e.begin, e.end - e.begin));
    e.type = m.type;
    e.value = std::move(m.value);
    e.range = m.range;
    e.relation = std::move(m.relation);
    e.anchor_only = m.anchor_only;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

struct TimexTagger::Impl {
  explicit Impl(const TimexRules& r) : lexicon(r) {}
  Lexicon lexicon;
};

TimexTagger::TimexTagger(const TimexRules& rules) : impl_(new Impl(rules)) {}
TimexTagger::~TimexTagger() { delete impl_; }

std::vector<TimeExpression> TimexTagger::Tag(std::string_view text, std::optional<Date> dct) const {
  if (dct && dct->is_special()) dct.reset();
  // Kept per thread: a document's tokens are scratch, and reusing them saves an allocation
  // and fresh pages per document.
  thread_local std::vector<Tok> toks;
  Tokenize(text, impl_->lexicon, &toks);
  Scanner s(impl_->lexicon, text, toks, dct);
  return s.Run();
}

}  // namespace recon

// Absolute calendar expressions: numeric and written dates ("2018-06-14", "14 June 2018",
// "Oct. 3"), months, years and two-digit years, decades, seasons, quarters, halves and
// centuries, and clock times. A name without a year is placed relative to the dct here too,
// since only the missing year is relative.
#include <cstdlib>

#include "timex_internal.h"

namespace recon::timex {

namespace bg = boost::gregorian;

bool Scanner::Absolute(size_t i, Match* m, bool supported) const {
  // Each form is tried only on the kind of token it opens with (the test it starts with, or a
  // looser one), so a skipped form is one that would have returned false untouched.
  if (i >= n_) return false;
  const bool num = t_[i].kind == kNum;
  const Lex* l = L(i);
  if (num && NumericDate(i, m)) return true;
  if (num && DayMonth(i, m)) return true;
  if (l && l->role == kThe && DayOfMonth(i, m)) return true;
  if (l && l->month && MonthForms(i, m, supported)) return true;
  if ((num || (l && l->ordinal)) && Parts(i, m)) return true;
  if ((num || t_[i].kind == kPunct) && YearForms(i, m, supported)) return true;
  if (l && l->weekday && WeekdayForms(i, m)) return true;
  return false;
}

bool Scanner::NumericDate(size_t i, Match* m) const {
  // ISO 2018-06-14
  if (Num(i) && t_[i].ndig == 4 && P(i + 1, '-') && Num(i + 2) && t_[i + 2].ndig == 2 &&
      P(i + 3, '-') && Num(i + 4) && t_[i + 4].ndig == 2 && Adj(i + 1) && Adj(i + 2) &&
      Adj(i + 3) && Adj(i + 4)) {
    int y = int(t_[i].num), mo = int(t_[i + 2].num), d = int(t_[i + 4].num);
    if (ValidYmd(y, mo, d)) {
      m->Cover(i, i + 5, TimexType::kDate);
      m->Set(DayPeriod(Ymd(y, mo, d)));
      return true;
    }
  }
  // 6/14/2018 or 14/6/18 (order from the rules)
  if (Num(i) && t_[i].ndig <= 2 && P(i + 1, '/') && Num(i + 2) && t_[i + 2].ndig <= 2 &&
      P(i + 3, '/') && Num(i + 4) && (t_[i + 4].ndig == 4 || t_[i + 4].ndig == 2) && Adj(i + 1) &&
      Adj(i + 2) && Adj(i + 3) && Adj(i + 4)) {
    int a = int(t_[i].num), b = int(t_[i + 2].num), y = int(t_[i + 4].num);
    if (t_[i + 4].ndig == 2) y = ExpandTwoDigitYear(y);
    int mo = rules_.day_first ? b : a, d = rules_.day_first ? a : b;
    if (ValidYmd(y, mo, d)) {
      m->Cover(i, i + 5, TimexType::kDate);
      m->Set(DayPeriod(Ymd(y, mo, d)));
      return true;
    }
  }
  // 2018.6.14 and 2018.6, as East Asian news writes them: one number token with its dots.
  if (i < n_ && t_[i].kind == kNum && !t_[i].plain && t_[i].ndig == 4) {
    int parts[3] = {0, 0, 0}, count = 0, digits = 0;
    bool ok = true;
    for (char ch : text_.substr(t_[i].b, t_[i].e - t_[i].b)) {
      if (ch == '.' && digits > 0 && count < 2) {
        ++count, digits = 0;
      } else if (ch >= '0' && ch <= '9' && (count == 0 ? digits < 4 : digits < 2)) {
        parts[count] = parts[count] * 10 + (ch - '0');
        ++digits;
      } else {
        ok = false;
        break;
      }
    }
    const int y = parts[0], mo = parts[1], d = parts[2];
    if (ok && digits > 0 && count >= 1 && y >= 1900 && y <= 2099 && mo >= 1 && mo <= 12) {
      if (count == 2 && ValidYmd(y, mo, d)) {
        m->Cover(i, i + 1, TimexType::kDate);
        m->Set(DayPeriod(Ymd(y, mo, d)));
        return true;
      }
      // A year and month alone look like a decimal ("2082.1, down 4.5%"): only a year up to the
      // dct's next, among words.
      const bool among_words = !(i > 0 && t_[i - 1].kind == kNum) && !(i + 1 < n_ && t_[i + 1].kind == kNum) &&
                               !P(i + 1, '%');
      if (count == 1 && among_words && (!dct_ || y <= int(dct_->year()) + 1)) {
        m->Cover(i, i + 1, TimexType::kDate);
        m->Set(MonthPeriod(y, mo));
        return true;
      }
    }
  }
  return false;
}

bool Scanner::DayOfMonth(size_t i, Match* m) const {
  // "on the 29th" and then the end of the clause, "that", or a verb in the past ("on the 29th
  // fired"): not "on the 16th floor" nor "on the 10th anniversary".
  if (!R(i, kThe) || i == 0 || !R(i - 1, kOn) || !Num(i + 1) || t_[i + 1].suffix != 1 || t_[i + 1].ndig > 2 ||
      t_[i + 1].num < 1 || t_[i + 1].num > 31)
    return false;
  const size_t next = i + 2;
  if (next < n_ && !(t_[next].kind == kPunct && t_[next].punct != '-') && !WordIs(next, "that") && !PastForm(next))
    return false;
  const int d = int(t_[i + 1].num);
  m->Cover(i, i + 2, TimexType::kDate);
  if (!dct_) {
    m->value = Fmt("XXXX-XX-%02d", d);
    return true;
  }
  // The month of the dct, the one before or the one after: the nearest on the side the
  // sentence's tense points to ("fired": before; "will be held": after), else the nearest, the
  // past preferred.
  const int tense = Tense(i);
  long best = -1;
  for (int shift = -1; shift <= 1; ++shift) {
    const Date first = Date(dct_->year(), dct_->month(), 1) + boost::gregorian::months(shift);
    if (!ValidYmd(first.year(), first.month(), d)) continue;
    const Date c = Ymd(first.year(), first.month(), d);
    const long diff = (c - *dct_).days();
    if ((tense < 0 && diff > 0) || (tense > 0 && diff < 0)) continue;
    const long cost = std::labs(diff) * (diff > 0 ? 2 : 1);
    if (best < 0 || cost < best) {
      best = cost;
      m->Set(DayPeriod(c));
    }
  }
  return best >= 0;
}

bool Scanner::DayMonth(size_t i, Match* m) const {
  if (!Num(i) || t_[i].ndig > 2 || t_[i].num < 1 || t_[i].num > 31) return false;
  size_t j = R(i + 1, kOf) ? i + 2 : i + 1;
  const Lex* l = L(j);
  if (!l || !l->month || !t_[j].cap) return false;
  size_t k = j + 1;
  if (P(k, '.') && Adj(k) && !l->full_name) ++k;
  // Without a year, a name that is also a word ("May") counts only right after the day or
  // after an ordinal ("the 12th of May").
  return MonthDayYear(i, k, l->month, int(t_[i].num), !l->ambiguous || j == i + 1 || t_[i].suffix == 1, m);
}

bool Scanner::MonthDayYear(size_t beg, size_t k, int mo, int d, bool yearless_ok,
                           Match* m) const {
  size_t y = P(k, ',') ? k + 1 : k;
  if (Year4(y, true) && ValidYmd(int(t_[y].num), mo, d)) {
    m->Cover(beg, y + 1, TimexType::kDate);
    m->Set(DayPeriod(Ymd(int(t_[y].num), mo, d)));
    return true;
  }
  // 2000 is a leap year: February 29 stays possible until the year is known.
  if (yearless_ok && d <= bg::gregorian_calendar::end_of_month_day(2000, mo)) {
    m->beg = beg, m->end = k;
    ResolveMonthDay(beg, mo, d, m);
    return true;
  }
  return false;
}

bool Scanner::MonthForms(size_t i, Match* m, bool supported) const {
  const Lex* l = L(i);
  if (!l || !l->month) return false;
  int mo = l->month;
  size_t j = i + 1;
  if (P(j, '.') && Adj(j) && !l->full_name) ++j;
  // Month day [, year]; "June 10:30" and "June 6/14" are not days.
  if (Num(j) && t_[j].ndig <= 2 && t_[j].num >= 1 && t_[j].num <= 31 && t_[i].cap &&
      !(j + 1 < n_ && Adj(j + 1) && (P(j + 1, ':') || P(j + 1, '/')))) {
    if (MonthDayYear(i, j + 1, mo, int(t_[j].num), true, m)) return true;
  }
  // Month [,|of] year
  size_t y = (P(j, ',') || R(j, kOf)) ? j + 1 : j;
  if (Year4(y, true) && (t_[i].cap || !l->ambiguous)) {
    m->Cover(i, y + 1, TimexType::kDate);
    m->Set(MonthPeriod(int(t_[y].num), mo));
    return true;
  }
  // Month alone: the year the tense (or last/next/this) points to.
  if (!l->full_name || !NameOk(i, supported || PrepBefore(i))) return false;
  m->Cover(i, i + 1, TimexType::kDate);
  if (!dct_) {
    m->value = AnyMonth(mo);
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
  m->Set(MonthPeriod(yr, mo));
  return true;
}

int Scanner::ExpandTwoDigitYear(int yy) const {
  int now = dct_ ? int(dct_->year()) : 2000;
  int y = now / 100 * 100 + yy;
  if (yy > now % 100 + rules_.two_digit_pivot) y -= 100;
  return y;
}

bool Scanner::YearForms(size_t i, Match* m, bool supported) const {
  // "1990s", "the 1990s"
  if (Num(i) && t_[i].suffix == 2 && t_[i].ndig == 4 && t_[i].num % 10 == 0 && t_[i].num >= 1400 &&
      t_[i].num < 2200) {
    m->Cover(i, i + 1, TimexType::kDate);
    m->Set(DecadePeriod(int(t_[i].num)));
    return true;
  }
  // "'94", "'90s"
  if (P(i, '\'') && Num(i + 1) && Adj(i + 1) && t_[i + 1].ndig == 2 &&
      (i == 0 || !Adj(i) || t_[i - 1].kind == kPunct) &&
      !(i + 2 < n_ && Adj(i + 2) && (t_[i + 2].kind != kPunct || P(i + 2, '\'')))) {
    int yy = int(t_[i + 1].num);
    int y = ExpandTwoDigitYear(yy);
    m->Cover(i, i + 2, TimexType::kDate);
    if (t_[i + 1].suffix == 2 && yy % 10 == 0) {
      m->Set(DecadePeriod(y));
    } else if (t_[i + 1].suffix == 0) {
      m->Set(YearPeriod(y));
    } else {
      return false;  // "'95s", "'94th"
    }
    return true;
  }
  if (Year4(i, supported || PrepBefore(i))) {
    m->Cover(i, i + 1, TimexType::kDate);
    m->Set(YearPeriod(int(t_[i].num)));
    return true;
  }
  return false;
}

bool Scanner::SeasonForms(size_t i, Match* m, bool supported) const {
  const Lex* l = L(i);
  if (!l || !l->season) return false;
  int s = l->season;
  size_t j = R(i + 1, kOf) ? i + 2 : i + 1;
  if (Year4(j, true)) {
    m->Cover(i, j + 1, TimexType::kDate);
    m->Set(SeasonPeriod(int(t_[j].num), s));
    return true;
  }
  bool prep = i > 0 && (R(i - 1, kThis) || R(i - 1, kLast) || R(i - 1, kNext) ||
                        (R(i - 1, kThe) && i > 1 && (R(i - 2, kIn) || R(i - 2, kOn))) ||
                        (L(i - 1) && L(i - 1)->modifier));
  if (!(supported || prep) || (l->ambiguous && !prep && !t_[i].cap)) return false;
  m->Cover(i, i + 1, TimexType::kDate);
  if (!dct_) {
    m->value = AnySeason(s);
    return true;
  }
  // -2 last, -1 the past tense, 0 this, +1 the future tense, +2 next.
  int dir = i > 0 && R(i - 1, kLast) ? -2 : i > 0 && R(i - 1, kNext) ? 2
          : i > 0 && R(i - 1, kThis) ? 0 : (Future(i) ? 1 : -1);
  int year = dct_->year();
  int best_y = year;
  if (dir == 0) {
    best_y = (s == 4 && dct_->month() <= 2) ? year - 1 : year;
  } else if (dir < 0) {  // the latest begun (past tense) or ended ("last") by the dct
    for (int y = year + 1; y >= year - 2; --y) {
      DateRange r = SeasonRange(y, s);
      if (dir == -1 ? r.start <= *dct_ : r.end < *dct_) {
        best_y = y;
        break;
      }
    }
  } else {  // the first not yet over (future tense) or not yet begun ("next")
    for (int y = year - 1; y <= year + 2; ++y) {
      DateRange r = SeasonRange(y, s);
      if (dir == 1 ? r.end >= *dct_ : r.start > *dct_) {
        best_y = y;
        break;
      }
    }
  }
  m->Set(SeasonPeriod(best_y, s));
  return true;
}

bool Scanner::Parts(size_t i, Match* m) const {
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
    m->Cover(i, j + 1, TimexType::kDate);
    m->Set(CenturyPeriod(ord - 1));
    return true;
  }
  if (u->unit != kQuarter && u->unit != kHalf) return false;
  int maxp = u->unit == kQuarter ? 4 : 2;
  if (ord > maxp) return false;
  // "of [fiscal] [the] 2015", "of this/last/next year"
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
  m->Cover(i, end, TimexType::kDate);
  if (year < 0 && dct_) {  // this year's, unless the tense says the part is past or to come
    year = dct_->year();
    DateRange r = PartPeriod(u->unit, year, ord).range;
    bool future = Future(i);
    if (!future && r.start > *dct_) --year;
    if (future && r.end < *dct_) ++year;
  }
  if (year < 0) {
    m->value = Fmt(u->unit == kQuarter ? "XXXX-Q%d" : "XXXX-H%d", ord);
    return true;
  }
  m->Set(PartPeriod(u->unit, year, ord));
  return true;
}

bool Scanner::Clock(size_t i, Match* m) const {
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
  // "9:20 at night", "7:30 in the evening": after noon ("2:30 at night" is before dawn).
  if (!ampm && WordIs(j, "at") && WordIs(j + 1, "night")) {
    if (h >= 6 && h < 12) h += 12;
    if (h == 12) h = 0;  // "12:30 at night"
    j += 2;
  } else if (!ampm && WordIs(j, "in") && WordIs(j + 1, "the") && WordIs(j + 2, "evening")) {
    if (h < 12) h += 12;
    j += 3;
  }
  if (ampm == 2 && h < 12) h += 12;
  if (ampm == 1 && h == 12) h = 0;
  m->Cover(i, j, TimexType::kTime);
  // The day it falls on: one named after it ("on Monday", "yesterday"), else the dct.
  Match day;
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
  // Else a day named just before it in the sentence ("a year ago today, shortly after 9:20").
  if (const Match* prev = Previous(); dpart.empty() && prev && prev->end <= i && i - prev->end <= 6 &&
                                      prev->range.granularity == Granularity::kDay && prev->range.bounded()) {
    bool stop = false;
    for (size_t k = prev->end; k < i && !stop; ++k) stop = P(k, '.') || P(k, ';');
    if (!stop) dpart = ToIso(prev->range.start), m->range = prev->range;
  }
  if (dpart.empty()) {
    if (dct_) dpart = ToIso(*dct_), m->range = DateRange::Day(*dct_);
    else dpart = "XXXX-XX-XX";
  }
  m->value = dpart + Fmt("T%02d:%02d", h, mi);
  return true;
}

}  // namespace recon::timex

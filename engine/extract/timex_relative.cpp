// Expressions anchored to the publication date (the dct) or to the date mentioned before them:
// weekdays, today/yesterday/tomorrow, "last week", "earlier this month", "the following day",
// the rule pack's fixed phrases and holidays, and the placing of a month and day without a year.
#include <cstdlib>

#include "timex_internal.h"

namespace recon::timex {

using boost::gregorian::date_duration;

void Scanner::ResolveMonthDay(size_t at, int mo, int d, Match* m) const {
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
      m->Set(DayPeriod(c));
    }
  }
}

void Scanner::ResolveWeekday(size_t at, int wd, int strict_dir, Match* m) const {
  if (!dct_) {
    m->value = AnyWeekday(wd);
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
  m->Set(DayPeriod(d));
}

bool Scanner::TakeDayPart(size_t j, Match* m) const {
  const Lex* p = L(j);
  if (!p || !p->day_part) return false;
  m->end = j + 1, m->type = TimexType::kTime;
  m->value += std::string("T") + kDayPartCodes[p->day_part];
  return true;
}

bool Scanner::WeekdayForms(size_t i, Match* m) const {
  const Lex* l = L(i);
  if (!l || !l->weekday || !t_[i].cap) return false;
  size_t j = i + 1;
  if (P(j, '.') && Adj(j) && t_[i].e - t_[i].b <= 5) ++j;  // "Tues." but not "Monday."
  // "Sun" may be a newspaper: an ambiguous abbreviation needs a dot and a date after it.
  if (l->ambiguous && (j == i + 1 || !(P(j, ',') || Num(j) || (L(j) && L(j)->month))))
    return false;
  // "Monday, June 11": the date decides, the weekday only joins the span.
  size_t k = P(j, ',') ? j + 1 : j;
  Match d;
  if (MonthForms(k, &d, true) && d.range.granularity == Granularity::kDay) {
    *m = d;
    m->beg = i;
    return true;
  }
  // "Monday, 11 June"
  if (Num(k) && t_[k].ndig <= 2 && L(k + 1) && L(k + 1)->month && MonthForms(k + 1, &d, true) &&
      d.range.granularity == Granularity::kMonth &&
      ValidYmd(d.range.start.year(), d.range.start.month(), int(t_[k].num))) {
    Date dd = Ymd(d.range.start.year(), d.range.start.month(), int(t_[k].num));
    m->Cover(i, d.end, TimexType::kDate);
    m->Set(DayPeriod(dd));
    return true;
  }
  int dir = 0;
  if (i > 0 && R(i - 1, kLast)) dir = -1;
  if (i > 0 && R(i - 1, kNext)) dir = 1;
  m->Cover(i, j, TimexType::kDate);
  ResolveWeekday(i, l->weekday, dir, m);
  TakeDayPart(j, m);
  return true;
}

bool Scanner::Deictic(size_t i, Match* m) const {
  const Lex* l = L(i);
  if (!l) return false;
  long off;
  switch (l->role) {
    case kToday: case kTonight: off = 0; break;
    case kYesterday: off = -1; break;
    case kTomorrow: off = 1; break;
    default: return false;
  }
  m->Cover(i, i + 1, TimexType::kDate);
  if (dct_) {
    m->Set(DayPeriod(*dct_ + date_duration(off)));
  } else {
    m->value = l->role == kToday || l->role == kTonight ? "PRESENT_REF" : "XXXX-XX-XX";
  }
  if (l->role == kTonight) {
    m->type = TimexType::kTime;
    if (dct_) m->value += "TNI";
  } else if (dct_) {
    TakeDayPart(i + 1, m);  // "yesterday morning"
  }
  return true;
}

bool Scanner::Relative(size_t i, Match* m) const {
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
      m->Cover(the ? i - 1 : i, ne + 1, TimexType::kDuration);
      m->value = DurationValue(u->unit, num);
      return true;
    }
  }
  if (!w) return false;
  if (w->unit && w->plural && the && dir != 0 && edge == 0) {  // "the coming years"
    m->Cover(i - 1, j + 1, TimexType::kDuration);
    m->value = DurationValue(w->unit, -1);
    return true;
  }
  if (w->unit && !w->plural) {
    if (the && dir != 0 && edge == 0 && w->unit != kWeekend) {  // "the past year"
      m->Cover(i - 1, j + 1, TimexType::kDuration);
      m->value = DurationValue(w->unit, 1);
      return true;
    }
    if (w->unit == kHour || w->unit == kMinute) return false;
    m->Cover(i, j + 1, TimexType::kDate);
    if (!dct_) {
      m->value = dir < 0 ? "PAST_REF" : dir > 0 ? "FUTURE_REF" : "PRESENT_REF";
      m->range.vague = true;
      return true;
    }
    Date d = Shift(*dct_, w->unit, dir);
    if (d.is_special()) return false;
    m->Set(UnitAt(w->unit, d));
    // "earlier this month" ends at the dct, "later this month" starts there.
    if (edge != 0 && m->range.bounded() && *dct_ >= m->range.start && *dct_ <= m->range.end) {
      if (edge < 0) m->range.end = *dct_;
      else m->range.start = *dct_;
    }
    // TimeML leaves "earlier"/"later" out of the span; the interval keeps their half.
    if (edge != 0) m->beg = s;
    return true;
  }
  if (edge != 0) return false;
  if (w->month && t_[j].cap) return MonthForms(j, m, true) && ((m->beg = i), true);
  if (w->season) return SeasonForms(j, m, true) && ((m->beg = i), true);
  if (w->weekday && t_[j].cap) return WeekdayForms(j, m) && ((m->beg = i), true);
  if (w->day_part && dir == 0) {  // "this morning"
    m->Cover(i, j + 1, TimexType::kTime);
    m->value = dct_ ? ToIso(*dct_) + "T" + kDayPartCodes[w->day_part] : "PRESENT_REF";
    if (dct_) m->range = DateRange::Day(*dct_);
    return true;
  }
  return false;
}

bool Scanner::Following(size_t i, Match* m) const {
  if (!R(i, kThe)) return false;
  const Lex* l = L(i + 1);
  if (!l || !(l->role == kFollowing || l->role == kPrevious || l->role == kNext ||
              (l->role == kLast && WordIs(i + 1, "previous"))))
    return false;
  const Lex* u = L(i + 2);
  if (!u || !u->unit || u->plural || u->unit == kHour || u->unit == kMinute) return false;
  int dir = (l->role == kPrevious || l->role == kLast) ? -1 : 1;
  m->Cover(i, i + 3, TimexType::kDate);
  TemporalRelation rel;
  rel.offset = 1, rel.unit = UnitName(u->unit), rel.before = dir < 0;
  std::optional<Date> base = dct_;
  if (const Match* prev = Previous(); prev && prev->range.bounded()) {
    base = prev->range.start;
    SetAnchor(prev->beg, prev->end, &rel);
  }
  m->relation = rel;
  if (!base) {
    m->value = "XXXX";
    return true;
  }
  Date d = Shift(*base, u->unit, dir);
  if (d.is_special()) return false;
  m->Set(UnitAt(u->unit, d));
  return true;
}

bool Scanner::SameAsBefore(size_t i, Match* m) const {
  size_t j;
  if (R(i, kThat)) j = i + 1;
  else if (R(i, kThe) && R(i + 1, kSame)) j = i + 2;
  else return false;
  const Lex* u = L(j);
  if (!u || !u->unit || u->plural || !(u->unit == kYear || u->unit == kMonth || u->unit == kWeek || u->unit == kDay))
    return false;
  // Only from a date at least as precise as the unit: "in 2015 ... that year", not "that day".
  const Match* prev = Previous();
  if (!prev || !prev->range.bounded() || prev->range.vague) return false;
  Period period = UnitAt(u->unit, prev->range.start);
  if (prev->range.granularity > period.range.granularity) return false;
  m->Cover(i, j + 1, TimexType::kDate);
  m->Set(std::move(period));
  TemporalRelation rel;
  rel.offset = 0, rel.unit = UnitName(u->unit);
  SetAnchor(prev->beg, prev->end, &rel);
  m->relation = rel;
  return true;
}

bool Scanner::Phrase(size_t i, Match* m) const {
  const Lex* l = L(i);
  if (!l || l->phrases.empty()) return false;
  // The longest of the phrases that start with this word.
  size_t best = 0;
  const TimexPhrase* bp = nullptr;
  for (int pi : l->phrases) {
    const TimexPhrase& p = rules_.phrases[pi];
    size_t k = 1;
    for (; k < p.words.size(); ++k)
      if (!WordIs(i + k, p.words[k])) break;
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
    long best_cost = -1;
    for (int y = dct_->year() - 1; y <= dct_->year() + 1; ++y) {
      Date first = Ymd(y, bp->month, 1);
      int k = (bp->weekday - IsoWeekday(first) + 7) % 7 + 7 * (bp->nth - 1);
      Date d = first + date_duration(k);
      if (d.month() != bp->month) continue;
      long cost = std::labs((d - *dct_).days());
      if (best_cost < 0 || cost < best_cost) best_cost = cost, m->Set(DayPeriod(d));
    }
  } else if (bp->value == "PRESENT_REF" && dct_) {
    m->range = DateRange::Day(*dct_), m->range.vague = true;
  } else if (bp->value == "PAST_REF") {
    m->range.vague = true;
    if (dct_) m->range.end = *dct_, m->range.granularity = Granularity::kUnknown;
  } else if (bp->value == "FUTURE_REF") {
    m->range.vague = true;
    if (dct_) m->range.start = *dct_;
  }
  return true;
}

}  // namespace recon::timex

// Durations and what bends or bounds a date: number + unit durations, "two years ago",
// "four days before the announcement", "after the war", sets ("every other week"), early/mid/late
// narrowing, and the ranges prepositions make ("since 2015", "between 2010 and 2012").
#include <algorithm>

#include "timex_internal.h"

namespace recon::timex {

using boost::gregorian::date_duration;
namespace bg = boost::gregorian;

bool Scanner::Quantity(size_t i, Match* m) const {
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
  m->Cover(i, j + 1, TimexType::kDuration);
  m->value = DurationValue(u->unit, num);
  size_t k = j + 1;
  const Lex* after = L(k);
  if (after && after->role == kAgo) return Ago(k, u->unit, num, m);
  if (after && (after->role == kLater || after->role == kEarlier || after->role == kBefore ||
                after->role == kAfter) && num >= 0) {
    Offset(k, u->unit, num, m);
  }
  return true;
}

bool Scanner::Ago(size_t k, Unit unit, long num, Match* m) const {
  m->end = k + 1, m->type = TimexType::kDate;
  if (!dct_ || num < 0 || unit == kHour || unit == kMinute) {
    // "a few years ago" ends at the dct; "two hours ago" is the dct's day.
    m->value = "PAST_REF";
    m->range.vague = true;
    if (dct_ && num < 0) m->range.end = *dct_;
    if (dct_ && num >= 0) m->Set(DayPeriod(*dct_));
    return true;
  }
  Date d = Shift(*dct_, unit, -num);
  if (d.is_special()) return false;
  // "A year ago today": the same day that long ago.
  if (R(k + 1, kToday) && unit != kWeekend) {
    m->end = k + 2;
    m->Set(DayPeriod(d));
    return true;
  }
  m->Set(UnitAt(unit == kWeekend ? kWeek : unit, d));
  return true;
}

void Scanner::Offset(size_t k, Unit unit, long num, Match* m) const {
  const Lex* after = L(k);
  TemporalRelation rel;
  rel.offset = int(num);
  rel.unit = UnitName(unit);
  rel.before = after->role == kEarlier || after->role == kBefore;
  // "a year later" counts from the previous date; "two days after June 3" from the next one.
  const Match* anchor = nullptr;
  Match next;
  if (after->role == kLater || after->role == kEarlier) {
    anchor = Previous();
  } else if (Absolute(k + 1, &next, true) && next.range.bounded()) {
    anchor = &next;
  }
  if (anchor) {
    SetAnchor(anchor->beg, anchor->end, &rel);
    if (anchor->range.bounded() && unit != kHour && unit != kMinute) {
      Date d = Shift(anchor->range.start, unit, rel.before ? -num : num);
      if (!d.is_special()) m->range = UnitAt(unit == kWeekend ? kWeek : unit, d).range;
    }
  } else if (after->role == kBefore || after->role == kAfter) {
    if (size_t e = AnchorEnd(k + 1)) SetAnchor(k + 1, e, &rel);
  }
  m->relation = rel;
}

size_t Scanner::AnchorEnd(size_t j) const {
  if (!R(j, kThe)) return 0;
  size_t k = j + 1, last = 0;
  while (k < n_ && k < j + 4 && t_[k].kind == kWord && !(t_[k].lex && t_[k].lex->role)) {
    last = ++k;
  }
  return last;
}

bool Scanner::AnchorOnly(size_t i, Match* m) const {
  if (!(R(i, kAfter) || R(i, kBefore)) || !R(i + 1, kThe)) return false;
  size_t e = AnchorEnd(i + 1);
  if (!e) return false;
  // "after the summer" is a date, not an event.
  for (size_t k = i + 2; k < e; ++k)
    if (t_[k].lex && (t_[k].lex->unit || t_[k].lex->month || t_[k].lex->season)) return false;
  m->Cover(i, e, TimexType::kDate);
  m->anchor_only = true;
  m->value = "XXXX";
  TemporalRelation rel;
  rel.before = R(i, kBefore);
  SetAnchor(i + 1, e, &rel);
  m->relation = rel;
  m->range.qualifier = R(i, kBefore) ? Qualifier::kBefore : Qualifier::kAfter;
  return true;
}

bool Scanner::SetForms(size_t i, Match* m) const {
  if (!R(i, kEvery)) return false;
  if (WordIs(i, "per")) {
    const Lex* u = L(i + 1);
    if (!u || !u->unit || u->plural) return false;
    m->Cover(i, i + 2, TimexType::kSet);
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
  m->Cover(i, j + 1, TimexType::kSet);
  if (u->unit) {
    m->value = u->unit == kSeason ? "P3M" : DurationValue(u->unit, num);
    return true;
  }
  if (u->weekday && t_[j].cap) {
    m->value = AnyWeekday(u->weekday);
    return true;
  }
  if (u->season) {
    m->value = AnySeason(u->season);
    return true;
  }
  if (u->month && t_[j].cap) {
    m->value = AnyMonth(u->month);
    return true;
  }
  if (u->day_part) {
    m->value = "XXXX-XX-XXT" + std::string(kDayPartCodes[u->day_part]);
    return true;
  }
  return false;
}

bool Scanner::Modified(size_t i, Match* m) const {
  const Lex* l = L(i);
  if (!l || !l->modifier) return false;
  size_t j = i + 1;
  bool needs_of = !(WordIs(i, "early") || WordIs(i, "mid") || WordIs(i, "late"));
  if (R(j, kOf)) ++j;
  else if (needs_of) return false;
  if (P(j, '-') && Adj(j)) ++j;
  bool the = R(j, kThe);
  if (the) ++j;
  Match inner;
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

void Scanner::ApplyContext(std::vector<Match>* ms) const {
  for (size_t x = 0; x < ms->size(); ++x) {
    Match& m = (*ms)[x];
    if (m.type != TimexType::kDate || m.anchor_only || !m.range.known() || m.range.vague) continue;
    if (m.beg == 0) continue;
    size_t p = m.beg - 1;
    // "between 2010 and 2012", "from March to May"
    if ((R(p, kBetween) || R(p, kFrom)) && x + 1 < ms->size()) {
      Match& o = (*ms)[x + 1];
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
    // "since the 1950-53 war", "before the 2018 summit": the preposition governs the phrase.
    if (R(p, kThe) && p > 0) --p;
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

}  // namespace recon::timex

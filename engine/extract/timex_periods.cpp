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
    if (anchor->range.bounded() && !anchor->range.vague) rel.anchor_date = anchor->range;
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

namespace {

// Words a dated mention may reach back over to its happening ("the summit in Singapore on June
// 12"), and forward ("the June 12 summit").
constexpr size_t kDatedReachBack = 6;
constexpr size_t kDatedReachForward = 2;

}  // namespace

void Scanner::DatedWords(const Match& d, std::vector<size_t>* out) const {
  out->clear();
  // Back over the prepositions that tie a date to its noun; any other grammar word ("after",
  // "and", "since") or punctuation belongs to another phrase, and the first plain word that is
  // neither a name nor a past verb is the last ("said" in "organisers said on Tuesday").
  for (size_t k = d.beg, steps = 0; k > 0 && steps < kDatedReachBack; ++steps) {
    --k;
    if (t_[k].kind != kWord) break;
    const Lex* l = t_[k].lex;
    if (l && l->role && l->role != kIn && l->role != kOn && l->role != kOf && l->role != kThe) break;
    if (l && l->role) continue;
    out->push_back(k);
    if (!t_[k].cap && !PastForm(k)) break;
  }
  for (size_t k = d.end; k < n_ && k < d.end + kDatedReachForward; ++k) {
    if (t_[k].kind != kWord || (t_[k].lex && t_[k].lex->role)) break;
    out->push_back(k);
  }
}

void Scanner::DateAnchors(std::vector<Match>* ms) const {
  auto token_at = [&](size_t byte) {
    return size_t(std::lower_bound(t_, t_ + n_, byte, [](const Tok& t, size_t b) { return t.b < b; }) - t_);
  };
  auto same_word = [&](size_t a, size_t b) {
    return t_[a].e - t_[a].b == t_[b].e - t_[b].b &&
           strncasecmp(text_.data() + t_[a].b, text_.data() + t_[b].b, t_[a].e - t_[a].b) == 0;
  };
  // A trailing past-tense verb is not the happening: "before the Olympics opened".
  auto past_verb = [&](size_t k) { return !t_[k].cap && PastForm(k); };
  auto wants_date = [](const Match& m) {
    return m.relation && !m.relation->anchor.empty() && !m.range.known() &&
           (m.anchor_only || !m.relation->unit.empty());
  };
  if (std::none_of(ms->begin(), ms->end(), wants_date)) return;  // most documents
  // The dates that may date a happening, each with the words it is said of.
  std::vector<std::pair<size_t, std::vector<size_t>>> dated;
  for (size_t x = 0; x < ms->size(); ++x) {
    const Match& d = (*ms)[x];
    if (d.type != TimexType::kDate || !d.range.bounded() || d.range.vague || d.anchor_only || d.relation)
      continue;
    dated.emplace_back(x, std::vector<size_t>());
    DatedWords(d, &dated.back().second);
  }
  for (Match& m : *ms) {
    if (!wants_date(m)) continue;
    TemporalRelation& rel = *m.relation;
    size_t a0 = token_at(rel.anchor_begin), a1 = token_at(rel.anchor_end);
    if (a0 >= a1 || !R(a0, kThe)) continue;
    // The head: a happening noun of the anchor ("the summit that ended without a deal"), else
    // its last word that is no past verb.
    auto is_happening = [&](size_t k) {
      for (const auto& h : rules_.happenings)
        if (h.size() == t_[k].e - t_[k].b && strncasecmp(h.data(), text_.data() + t_[k].b, h.size()) == 0) return true;
      return false;
    };
    size_t head = a1 - 1;
    bool happening = false;
    for (size_t k = a0 + 1; k < a1 && !happening; ++k)
      if (t_[k].kind == kWord && is_happening(k)) head = k, happening = true;
    while (!happening && head > a0 + 1 && past_verb(head)) --head;
    if (head <= a0 || t_[head].kind != kWord || t_[head].lex || t_[head].e - t_[head].b < 3) continue;
    // The date of the anchor's own phrase first ("before the Olympics opened on Feb. 9"), then
    // the nearest mention before the expression, then the nearest after it.
    const Match* own = nullptr;
    const Match* before = nullptr;
    const Match* after = nullptr;
    for (const auto& [x, words] : dated) {
      const Match& d = (*ms)[x];
      bool mine = false, same = false;
      for (size_t k : words) {
        mine = mine || k == head;
        same = same || same_word(k, head);
      }
      if (mine) own = &d;
      else if (!same || !happening) continue;
      else if (d.end <= m.beg) before = &d;
      else if (!after) after = &d;
    }
    const Match* d = own ? own : before ? before : after;
    if (!d) continue;
    DateRange r = d->range;
    if (!rel.unit.empty()) {
      Unit unit = UnitFromName(rel.unit);
      if (unit == kNoUnit || unit == kHour || unit == kMinute) continue;
      long n = rel.before ? -rel.offset : rel.offset;
      Date first = Shift(r.start, unit, n), last = Shift(r.end, unit, n);
      if (first.is_special() || last.is_special()) continue;
      // "two days after the summit in June" is June 3 to July 2, not June 3 alone.
      m.range = first == last ? UnitAt(unit == kWeekend ? kWeek : unit, first).range
                              : DateRange::Between(first, last, r.granularity);
    } else if (rel.before) {
      // The happening is one day of its interval: "before the plenum in April" may be April 20.
      r.end = r.end - date_duration(1), r.start = Date(bg::not_a_date_time);
      r.qualifier = Qualifier::kBefore;
      m.range = r;
    } else {
      r.start = r.start + date_duration(1), r.end = Date(bg::not_a_date_time);
      r.qualifier = Qualifier::kAfter;
      m.range = r;
    }
    rel.anchor_date = d->range;
    // The anchor's own date is part of the anchor: "the Olympics opened on Feb. 9".
    if (d == own) SetAnchor(a0, own->end, &rel);
  }
}

}  // namespace recon::timex

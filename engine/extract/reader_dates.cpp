// DocumentReader's dates: which time expression dates a claim (FindDate), whether a date and a
// trigger stand in one clause (OtherClause), and the fallbacks when none does: a relation set
// beside a date, an after-clause, a when-clause.
#include <algorithm>
#include <map>
#include <span>

#include "reader.h"
#include "timex_internal.h"
#include "recon/text_util.h"

namespace recon {

namespace {

// The period a "since" expression starts with: "since July 2019" -> July 2019.
DateRange StartPeriod(const DateRange& r) {
  if (r.start.is_special()) return {};
  switch (r.granularity) {
    case Granularity::kDay: return DateRange::Day(r.start);
    case Granularity::kMonth: return DateRange::Month(int(r.start.year()), int(r.start.month()));
    case Granularity::kYear: return DateRange::Year(int(r.start.year()));
    default: return {};
  }
}

// The claim's trigger is in the relation's anchor: "the defection" of "nine days after the
// defection on November 13".
bool InAnchor(const TemporalRelation& r, const Claim& c) {
  return c.trigger_begin >= r.anchor_begin && c.trigger_begin < r.anchor_end;
}

bool HasDigit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// Whether a time expression writes its year out ("March 2010", "2016", not "last year").
bool WritesOutYear(std::string_view text) {
  size_t longest = 0, run = 0;
  for (char ch : text) run = (ch >= '0' && ch <= '9') ? run + 1 : 0, longest = std::max(longest, run);
  return longest == 4;
}

// The period a TIMEX3 date value names ("2013", "2013-12", "2013-12-05"), without the
// qualifier the words around it gave; an unknown range for any other value.
DateRange PlainPeriod(std::string_view value) {
  auto digits = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t k = at; k < at + n; ++k) {
      if (k >= value.size() || value[k] < '0' || value[k] > '9') return -1;
      v = v * 10 + (value[k] - '0');
    }
    return v;
  };
  const int y = digits(0, 4), m = value.size() >= 7 && value[4] == '-' ? digits(5, 2) : -1,
            d = value.size() == 10 && value[7] == '-' ? digits(8, 2) : -1;
  if (y < 1400 || y > 9999) return {};
  if (value.size() == 4) return DateRange::Year(y);
  if (value.size() == 7 && m >= 1 && m <= 12) return DateRange::Month(y, m);
  if (value.size() == 10 && m >= 1 && m <= 12 && d >= 1 && d <= int(timex::MonthEnd(y, m).day()))
    return DateRange::Day(Date(y, m, d));
  return {};
}

// A month, then the year it is in: "July last year", "March of this year", "February of the
// following year".
bool MonthThenYear(std::string_view text, const TimeExpression& month, const TimeExpression& year) {
  if (month.range.granularity != Granularity::kMonth || year.range.granularity != Granularity::kYear ||
      month.end > year.begin)
    return false;
  const std::string_view gap = text.substr(month.end, year.begin - month.end);
  return gap == " " || gap == " of ";
}

// The TIMEX3 value and interval of month `month` (0: the whole year) of year `year`.
timex::Period MonthOrYear(int year, int month) {
  return month == 0 ? timex::YearPeriod(year) : timex::MonthPeriod(year, month);
}

}  // namespace

void DocumentReader::PlaceInNarrative() {
  int year = 0;  // the latest year written out in the document
  std::map<size_t, int> moved;  // begin of a moved expression -> years it moved
  const TimeExpression* previous = nullptr;
  for (TimeExpression& t : timexes_) {
    const TimeExpression* before_t = previous;
    previous = &t;
    if (!t.range.bounded() || t.range.start.is_special()) continue;
    const bool written_year = WritesOutYear(t.text);
    if (written_year && t.range.granularity <= Granularity::kYear) {
      year = int(t.range.start.year());
      continue;
    }
    int by = 0;  // years to move t by
    if (t.relation && t.range.granularity == Granularity::kYear && t.relation->unit == "year") {
      // "The following year", counted by the tagger from a moved expression, moves with it. In
      // "February of the following year" it counts from the story's year, not from its month.
      if (auto it = moved.find(t.relation->anchor_begin); it != moved.end()) {
        by = it->second;
      } else if (year && before_t && before_t->begin == t.relation->anchor_begin && MonthThenYear(text_, *before_t, t)) {
        const int offset = t.relation->before ? -t.relation->offset : t.relation->offset;
        by = year + offset - int(t.range.start.year());
      }
    } else if (year && !HasDigit(t.text) &&
               t.range.granularity == Granularity::kMonth && t.begin >= 5) {
      // "That November", "that same March", "in December of that year": the story's year. (A
      // bare "in November" keeps the tagger's reading, the one before the article.)
      std::string before = ToLower(text_.substr(t.begin >= 10 ? t.begin - 10 : 0, t.begin >= 10 ? 10 : t.begin));
      std::string after = ToLower(text_.substr(t.end, 24));
      if (before.ends_with("that ") || before.ends_with("that same ") || after.starts_with(" of that year") ||
          after.starts_with(" that year") || after.starts_with(" of the same year") || after.starts_with(" the same year") ||
          after.starts_with(" of that same year"))
        by = year - int(t.range.start.year());
    }
    // "Thae defected in 2016. The following year he was arrested. That November ...": a year
    // counted from the story's is the story's year from then on.
    const bool story_year = t.relation && t.range.granularity == Granularity::kYear && t.relation->unit == "year";
    if (by == 0) {
      if (story_year && year) year = int(t.range.start.year());
      continue;
    }
    const int y = int(t.range.start.year()) + by;
    if (story_year) year = y;
    timex::Period placed = MonthOrYear(y, t.range.granularity == Granularity::kYear ? 0 : int(t.range.start.month()));
    placed.range.qualifier = t.range.qualifier;
    t.range = placed.range;
    t.value = std::move(placed.value);
    moved[t.begin] = by;
  }
}

bool DocumentReader::DatesAnAnchor(const TimeExpression& t, const Claim* c) const {
  // The expressions of the claim's sentence; the relation's stands before the anchor's date.
  auto first = std::lower_bound(timexes_.begin(), timexes_.end(), size_t(c->begin),
                                [](const TimeExpression& x, size_t b) { return x.begin < b; });
  for (auto it = first; it != timexes_.end() && it->begin < t.begin; ++it)
    if (it->relation && it->range.known() && it->relation->anchor_begin <= t.begin &&
        t.end <= it->relation->anchor_end && !InAnchor(*it->relation, *c))
      return true;
  return false;
}

bool DocumentReader::DateInNounPhrase(const SentenceView& sv, Claim* c) const {
  auto after = std::lower_bound(timexes_.begin(), timexes_.end(), size_t(c->trigger_begin),
                                [](const TimeExpression& x, size_t b) { return x.end <= b; });
  if (after == timexes_.begin()) return false;
  const TimeExpression& t = *(after - 1);
  if (t.begin < c->begin || t.type != TimexType::kDate || !WritesOutYear(t.text)) return false;
  if (Trim(text_.substr(t.end, c->trigger_begin - t.end)) != "") return false;
  const uint32_t ti = TokenAt(t.begin, sv.from, sv.to);
  if (ti <= sv.from) return false;
  const std::string_view det = tokens_[ti - 1].lower;
  if (!IsArticle(det) && !IsPossessiveMark(det) && !t_.possessives.count(det)) return false;
  const DateRange range = PlainPeriod(t.value);
  if (!range.bounded()) return false;
  c->date = range;
  c->date_expression = t.text;
  c->date_value = t.value;
  return true;
}

namespace {

// A time of day without a date of its own ("at 07:40", "10:15 a.m.", "11pm"): what the tagger
// dates from the article's day.
bool ClockOnly(const TimeExpression& t) {
  if (t.type != TimexType::kTime) return false;
  for (char ch : t.text)
    if (IsAsciiAlpha(ch) && ch != 'a' && ch != 'p' && ch != 'm' && ch != 'A' && ch != 'P' && ch != 'M') return false;
  const std::string_view text = Trim(t.text);
  const bool meridiem = text.size() > 2 && (text.ends_with("am") || text.ends_with("pm") || text.ends_with("AM") ||
                                            text.ends_with("PM"));
  return meridiem || t.text.find(':') != std::string::npos || t.text.find('.') != std::string::npos;
}

// The claim happened no later than `t` ends: a "before" bound, told by `t`.
void DateNoLaterThan(const TimeExpression& t, Claim* c) {
  c->date = DateRange();
  c->date.end = t.range.end;
  c->date.qualifier = Qualifier::kBefore;
  c->date_expression = t.text;
  c->date_value = t.value;
}

}  // namespace

// Date: the time expression nearest the trigger, not one that dates a "said" or a dateline,
// and not one nearer to another trigger of the sentence.
void DocumentReader::FindDate(const SentenceView& sv, const PhraseMatcher::Match& anchor, Claim* c) const {
  if (DateInNounPhrase(sv, c)) return;
  const uint32_t from = sv.from, to = sv.to;
  const uint32_t first_sentences = 3;  // where a dateline may stand, after a headline or byline
  const TimeExpression* best = nullptr;
  DateRange best_range;
  long best_d = 1 << 30;
  const TimeExpression* clock = nullptr;  // the best time of day without a date of its own
  DateRange clock_range;
  long clock_d = 1 << 30;
  const TimeExpression* told = nullptr;  // the latest date of a report the trigger is told in
  const TimeExpression* report_told = nullptr;  // the same, after its verb: "said on August 1 that"
  const TimeExpression* earlier_than = nullptr;  // another clause's date a past perfect came before
  bool named = HasNamedSubject(*c);
  // Bytes from a date to a trigger's [tb, te): after it as they are, before it five more.
  auto distance = [](const TimeExpression& x, size_t tb, size_t te) {
    return x.begin >= te ? long(x.begin - te) : long(tb - x.end) + 5;
  };
  // A superlative before token `k`: "the most senior", "the first crossing".
  auto superlative_before = [&](uint32_t k) {
    return std::any_of(tokens_.begin() + from, tokens_.begin() + k, [](const Token& w) {
      return w.lower == "most" || w.lower == "first" || w.lower == "largest" || w.lower == "biggest" ||
             w.lower == "highest" || w.lower == "deadliest" || w.lower == "worst" || w.lower == "only";
    });
  };
  // The claim's sentence's expressions (sorted by begin, none overlapping): from the first
  // that begins in it to the last that ends in it.
  const size_t sentence_first = std::lower_bound(timexes_.begin(), timexes_.end(), size_t(c->begin),
                                                 [](const TimeExpression& x, size_t b) { return x.begin < b; }) -
                                timexes_.begin();
  for (size_t ti_index = sentence_first; ti_index < timexes_.size() && timexes_[ti_index].begin <= c->end; ++ti_index) {
    const TimeExpression& t = timexes_[ti_index];
    if (t.end > c->end) continue;
    // "In February of the following year": the year is the month's (see below), not a date
    // of its own.
    if (ti_index > 0 && timexes_[ti_index - 1].begin >= c->begin && MonthThenYear(text_, timexes_[ti_index - 1], t))
      continue;
    // "two days after the summit" names a date when the summit's is known. ("He was executed
    // four days later" counts from a date told before, which may be another event's: the
    // resolver relates the two events instead.)
    bool anchored = t.type == TimexType::kDuration && t.relation && !t.relation->anchor.empty() &&
                    t.relation->anchor_begin >= t.end;
    if (t.type != TimexType::kDate && t.type != TimexType::kTime && !anchored) continue;
    if (!t.range.known() || DatesAnAnchor(t, c)) continue;
    // "released the video nine days after the defection on November 13", "visited the border
    // after the execution of Jang in December 2013": the relation dates the release or the
    // visit; the event is its anchor.
    if (t.relation && InAnchor(*t.relation, *c)) continue;
    // "the ministry said Wednesday" / "said on Wednesday": the report's date, not the event's.
    // What the report goes on to tell happened no later: "KCNA said on August 1 that Kim had
    // dismissed the minister".
    uint32_t ti = TokenAt(t.begin, from, to);
    bool report_date = false;
    for (uint32_t back = 1; back <= 4 && ti >= from + back; ++back) {
      const Token& tk = tokens_[ti - back];
      // "said that in 2014 she saw three men shot": the date opens what was said.
      if (tk.kind == TokenKind::kPunct || tk.lower == "that") break;
      if (tk.begin >= c->trigger_begin && tk.end <= c->trigger_end) break;
      if (t_.reporting_verbs.count(tk.lower)) report_date = true;
    }
    if (report_date && t.end <= c->trigger_begin && t.range.bounded() &&
        (!report_told || t.range.end > report_told->range.end))
      report_told = &t;
    // A dateline ("SEOUL, May 13 (AWS) - ...") dates the report: a place and a comma before the
    // date, or the outlet in parentheses after it. ("- December 2013 - Jang is executed", a
    // timeline's bullet, dates its event.)
    auto dateline_shape = [&] {
      for (uint32_t k = from; k < ti; ++k)
        if (tokens_[k].text == ",") return true;
      const uint32_t after = TokenAt(t.end, from, to);
      for (uint32_t k = after; k < std::min(after + 3, to); ++k)
        if (tokens_[k].text == "(") return true;
      return false;
    };
    if (sv.index < first_sentences && ti < from + 12 && dateline_shape())
      for (uint32_t k = ti; k < to && k < from + 14; ++k)
        if (tokens_[k].kind == TokenKind::kPunct && IsDash(tokens_[k].text)) {
          report_date = true;
          break;
        }
    if (report_date) continue;
    // "the most senior diplomat to have defected since Ryu Hyun-woo, the acting ambassador in
    // Kuwait, in 2019": a date after the record's "since" is the record's.
    if (t.begin >= c->trigger_end && superlative_before(anchor.first) &&
        std::any_of(tokens_.begin() + anchor.last, tokens_.begin() + ti, [](const Token& w) { return w.lower == "since"; }))
      continue;
    // "since 2014" opens a span that runs to now. For a named person's state ("Jo has been
    // living in the South since July last year") its start is when the state began; otherwise
    // it dates no point event ("the first attack since the war").
    DateRange range = t.range;
    // "July last year", "March of this year": the month of the year the next expression names.
    if (ti_index + 1 < timexes_.size()) {
      const TimeExpression& next = timexes_[ti_index + 1];
      if (MonthThenYear(text_, t, next) && !next.range.start.is_special() && !range.start.is_special()) {
        int month = int(range.start.month());
        DateRange in_year = DateRange::Month(int(next.range.start.year()), month);
        in_year.qualifier = range.qualifier;
        if (range.end.is_special()) in_year.end = range.end;  // keep an open "since"
        range = in_year;
      }
    }
    // "In May 2019, the paper reported that he was executed in March": a month without a year
    // in the sentence of a date with its year written out is that date's March (or the one
    // before it), not the March before the article. (The tagger places it from the article's
    // date, as TimeML does.)
    if (range.granularity == Granularity::kMonth && range.bounded() &&
        !HasDigit(t.text)) {
      for (size_t p = ti_index; p-- > 0;) {
        const TimeExpression& prev = timexes_[p];
        if (prev.begin < sentences_[sv.index].begin) break;
        if (!prev.range.bounded() || prev.range.granularity > Granularity::kYear)
          continue;
        if (!WritesOutYear(prev.text)) continue;
        const int year = int(prev.range.start.year()), month = int(range.start.month());
        const int last = prev.range.granularity == Granularity::kYear ? 12 : int(prev.range.start.month());
        if (year != int(range.start.year())) {
          DateRange placed = DateRange::Month(month <= last ? year : year - 1, month);
          placed.qualifier = range.qualifier;
          range = placed;
        }
        break;
      }
    }
    uint32_t te = TokenAt(t.end, from, to);  // first token after the expression
    // "The last launch was in December last year, when it fired a Hwasong-18", "since 1984,
    // when a Soviet tourist ran across": a clause opened by ", when" right after a date tells
    // what happened then.
    uint32_t past = te;  // the first token after the date, with the year of "December last year"
    if (ti_index + 1 < timexes_.size() && MonthThenYear(text_, t, timexes_[ti_index + 1]))
      past = TokenAt(timexes_[ti_index + 1].end, from, to);
    // Only the clause's own deed, near its start: not one it tells of ("since early 2019, when
    // the spy agency told lawmakers that he had left") nor one further on ("when Italy expelled
    // the ambassador in protest over its missile tests").
    bool when_of_date = past + 1 < anchor.first && anchor.first <= past + 9 && tokens_[past].text == "," &&
                        tokens_[past + 1].lower == "when";
    for (uint32_t k = past + 2; when_of_date && k < anchor.first; ++k)
      when_of_date = tokens_[k].text != "," && !t_.reporting_verbs.count(tokens_[k].lower) && tokens_[k].lower != "that";
    if (range.qualifier == Qualifier::kSince) {
      // The state runs after its verb: "has been living in the South since July". Before the
      // trigger ("Hyun, minister since mid-2014, was charged") it is another state's.
      // ("since 1984, when a Soviet tourist ran across": the clause tells the start.)
      if (!when_of_date && (!named || t.begin < c->trigger_end)) continue;
      // "the most senior official known to have been executed since 2013", "the first crossing
      // since August": a superlative's since is the record it is measured against.
      if (!when_of_date && superlative_before(ti)) continue;
      range = StartPeriod(range);
      if (!range.bounded()) continue;
    }
    // A live blog's entry stamp ("**07:14** — The JCS says North Korea has fired a missile"):
    // a time or date that opens the sentence before a dash dates the entry's events, when
    // nothing nearer does, whatever clause they are in.
    bool stamp = true;
    for (uint32_t k = from; k < ti && stamp; ++k) stamp = tokens_[k].kind == TokenKind::kPunct;
    uint32_t dash = te;
    while (dash < to && (tokens_[dash].text == "*" || tokens_[dash].text == "_")) ++dash;
    stamp = stamp && dash < to && IsDash(tokens_[dash].text);
    if (stamp && t.begin < c->trigger_begin) {
      if (best == nullptr) best_d = (1 << 30) - 1, best = &t, best_range = range;
      continue;
    }
    // "Last Friday, the Chosun Ilbo reported that he had been purged": a date before a reporting
    // verb the trigger follows dates the report (not ", the JCS said," set in the event's clause).
    if (t.end <= c->trigger_begin) {
      bool reported = false;
      for (uint32_t k = te; k < anchor.first && !reported; ++k)
        reported = t_.reporting_verbs.count(tokens_[k].lower) && k + 1 < to && tokens_[k + 1].text != "," &&
                   tokens_[k + 1].text != "." && !t_.auxiliaries.count(tokens_[k - 1].lower);  // not "is reported executed"
      if (reported) {
        if (t.range.bounded() && (!told || t.range.end > told->range.end)) told = &t;
        continue;
      }
    }
    if (!when_of_date && PreviousClauseDate(sv, t, anchor)) continue;
    // ... and its anchor: "Two days after the summit, a soldier defected".
    if (anchored && t.relation->anchor_end > t.end && t.relation->anchor_end <= tokens_[to - 1].end)
      te = TokenAt(t.relation->anchor_end, from, to);
    if (!when_of_date && (t.begin >= c->trigger_end ? OtherClause(anchor.last - 1, ti, false)
                                                    : OtherClause(te > 0 ? te - 1 : 0, anchor.first, true, ti <= from + 2))) {
      // "In March 2016 about 40 women who had been repatriated from China arrived": a past
      // perfect in another clause came before that clause's date.
      if (t.range.bounded() && !t.range.vague && t.range.qualifier == Qualifier::kNone && Pluperfect(from, anchor.first) &&
          (!earlier_than || t.range.end < earlier_than->range.end))
        earlier_than = &t;
      continue;
    }
    long d = distance(t, c->trigger_begin, c->trigger_end);
    // A date belongs to the trigger nearest to it: "charged on Wednesday with the murder"
    // dates the charge, not the murder.
    // At equal distance the trigger the date follows wins ("a diplomat who disappeared last
    // year has been returned": last year is when he disappeared).
    bool nearer_other = false;
    // Only triggers that make claims: the "firing" of "executed by firing squad" makes none.
    // A trigger with a date of its own nearer still ("arrested by Chinese police in March and
    // executed in May") leaves this one to the others. But a date that opens the sentence ("Also
    // in 2017, a soldier dashed across the JSA and was shot five times", a timeline's "Nov. 13,
    // 2017: A soldier dashes across ... and is shot") dates each deed of its first clause that no
    // date of its own dates (not one past a comma: "In November 2014, hackers broke into Sony,
    // leaking a comedy about a plot").
    const bool fronted = ti <= from + 2 && te < to && (tokens_[te].text == "," || tokens_[te].text == ":") &&
                         te < anchor.first &&
                         std::none_of(tokens_.begin() + te + 1, tokens_.begin() + anchor.first,
                                      [](const Token& w) { return w.text == "," || w.text == ";"; });
    for (const auto& m : sv.kept) {
      if (nearer_other || when_of_date || m.first == anchor.first || SameClaim(anchor, m)) continue;
      if (fronted && m.first > te) continue;
      // "walked across the line at around 1:30 a.m. and was taken into custody": a date before
      // "and" and the next verb is the first verb's, however near the second.
      if (anchor.last <= ti && m.first >= te && m.first <= te + 4 &&
          std::any_of(tokens_.begin() + te, tokens_.begin() + m.first,
                      [&](const Token& k) { return t_.coordinators.count(k.lower) > 0; }))
        continue;
      const size_t mb = tokens_[m.first].begin, me = tokens_[m.last - 1].end;
      long other = distance(t, mb, me);
      if (!(other < d || (other == d && me <= t.begin && t.end <= c->trigger_begin))) continue;
      if (PreviousClauseDate(sv, t, m)) continue;  // a date m could not take
      const bool own = std::any_of(timexes_.begin(), timexes_.end(), [&](const TimeExpression& x) {
        return &x != &t && x.begin >= c->begin && x.end <= c->end && x.type == TimexType::kDate && x.range.known() &&
               distance(x, mb, me) < other && !PreviousClauseDate(sv, x, m);
      });
      nearer_other = !own;
    }
    if (nearer_other) continue;
    // "On November 3, the JCS said, a missile was launched at 07:40": a time of day, which the
    // tagger puts on the article's day, yields to a date the sentence gives.
    if (ClockOnly(t)) {
      if (!clock || d < clock_d) clock_d = d, clock = &t, clock_range = range;
      continue;
    }
    if (d < best_d) best_d = d, best = &t, best_range = range;
  }
  if (!best && clock) best = clock, best_range = clock_range;
  if (!best && told) {
    // "Last Friday, the Chosun Ilbo reported that he had been purged": no later than the report.
    DateNoLaterThan(*told, c);
    return;
  }
  if (best) {
    c->date = best_range;
    c->date_expression = best->text;
    c->date_value = best->value;
    // Placed in another year than the tagger's ("In May 2019 ... executed in March", "February
    // of the following year"): the value says the month or year placed.
    if (!(best_range == best->range) && best_range.bounded() && !best_range.start.is_special() &&
        (best_range.granularity == Granularity::kMonth || best_range.granularity == Granularity::kYear)) {
      c->date_value = MonthOrYear(int(best_range.start.year()), best_range.granularity == Granularity::kYear
                                                                    ? 0
                                                                    : int(best_range.start.month()))
                          .value;
    }
    return;
  }
  // The document's expressions in this claim's sentence before its trigger (sorted by begin).
  auto before_trigger = [&] {
    auto last = timexes_.begin() + sentence_first;
    while (last != timexes_.end() && last->end <= c->trigger_begin) ++last;
    return std::span<const TimeExpression>(timexes_.begin() + sentence_first, last);
  }();
  if (PegDate(sv, before_trigger, c)) return;
  // "police said on Friday, eleven days after he was attacked": an event told in the anchor
  // clause of a relation set beside a date lies that far from the date.
  for (const auto& t : before_trigger) {
    if (!t.relation || t.relation->offset <= 0) continue;
    const uint32_t ti = TokenAt(t.begin, from, to), te = TokenAt(t.end, from, to);
    if (ti < from + 2 || te >= anchor.first || te + 6 < anchor.first || tokens_[ti - 1].text != ",") continue;
    const std::string_view word = tokens_[te].lower;
    bool after = t_.after_openers.count(word) > 0, before = word == "before";
    if (!after && !before) continue;
    bool clause = true;  // the trigger is in the relation's own clause
    for (uint32_t k = te + 1; k < anchor.first && clause; ++k) clause = tokens_[k].kind != TokenKind::kPunct;
    const TimeExpression* beside = nullptr;
    for (const auto& d : before_trigger)
      if (d.end <= tokens_[ti - 1].begin && d.range.bounded() && !d.range.vague &&
          d.range.qualifier == Qualifier::kNone && TokenAt(d.end, from, to) + 1 == ti)
        beside = &d;
    if (!clause || !beside) continue;
    const TemporalRelation& r = *t.relation;
    auto shift = [&](Date x) {
      using namespace boost::gregorian;
      int n = after ? -r.offset : r.offset;
      if (r.unit == "day") return x + days(n);
      if (r.unit == "week") return x + weeks(n);
      if (r.unit == "month") return x + months(n);
      if (r.unit == "year") return x + years(n);
      return Date(boost::gregorian::not_a_date_time);
    };
    Date s = shift(beside->range.start), e = shift(beside->range.end);
    if (s.is_special() || e.is_special()) continue;
    c->date = DateRange::Between(s, e, beside->range.granularity);
    c->date_expression = t.text + " " + std::string(word) + " (" + beside->text + ")";
    c->date_value = ToIso(s) == ToIso(e) ? ToIso(s) : ToIso(s) + "/" + ToIso(e);
    return;
  }
  // "flown back in November 2018, shortly after her parents left the embassy": an event told
  // in an after-clause of a dated clause happened no later than that clause's date.
  for (uint32_t k = anchor.first; k-- > from && k + 5 > anchor.first;) {
    if (tokens_[k].kind == TokenKind::kPunct) break;
    if (!t_.after_openers.count(tokens_[k].lower)) continue;
    const TimeExpression* before = nullptr;
    for (const auto& t : before_trigger)
      if (t.end <= tokens_[k].begin && t.range.bounded() && !t.range.vague &&
          t.range.qualifier == Qualifier::kNone)
        before = &t;
    if (!before) break;
    DateNoLaterThan(*before, c);
    return;
  }
  // "took power after his father died in December 2011": with no date of its own, an event
  // told as following a dated clause happened no earlier than that date; "inherited power when
  // his father died in December 2011", at that date.
  const auto after_trigger = std::lower_bound(timexes_.begin(), timexes_.end(), size_t(c->trigger_end),
                                              [](const TimeExpression& x, size_t b) { return x.begin < b; });
  for (auto it = after_trigger; it != timexes_.end() && it->begin <= c->end; ++it) {
    const TimeExpression& t = *it;
    if (t.end > c->end || !t.range.bounded() || t.range.vague) continue;
    uint32_t ti = TokenAt(t.begin, from, to);
    bool after = false, when = false;
    uint32_t opener = ti;
    for (uint32_t k = anchor.last; k < ti && k < anchor.last + 3; ++k) {
      after = after || t_.after_openers.count(tokens_[k].lower) > 0;
      when = when || t_.when_openers.count(tokens_[k].lower) > 0;
      if ((after || when) && opener == ti) opener = k;
    }
    // The opener's own clause: "killed soon after taking power, and that an attempt had been
    // made in 2012" does not date the killing. (A relative clause inside it is no end: "after
    // his father, who had ruled since 1994, died in December 2011".)
    for (uint32_t k = opener + 1; k < ti && (after || when); ++k)
      if (tokens_[k].text == ";" || (tokens_[k].text == "," && k + 1 < ti && tokens_[k + 1].lower == "and") ||
          (tokens_[k].lower == "and" && k + 1 < ti && tokens_[k + 1].lower == "that"))
        after = when = false;
    // The clause's own date: no other clause opens between the opener and the date.
    for (uint32_t k = anchor.last + 1; when && k < ti; ++k)
      when = !(t_.clause_openers.count(tokens_[k].lower) && !t_.when_openers.count(tokens_[k].lower));
    if (when) {
      c->date = t.range;
      c->date_expression = t.text;
      c->date_value = t.value;
      return;
    }
    if (!after) continue;
    c->date = DateRange();
    c->date.start = t.range.start;
    if (doc_.published) c->date.end = *doc_.published;
    c->date.qualifier = Qualifier::kAfter;
    c->date_expression = t.text;
    c->date_value = t.value;
    return;
  }
  // "KCNA said on August 1 that Kim had dismissed the minister": nothing else dates it, so no
  // later than the report.
  if (const TimeExpression* bound = earlier_than ? earlier_than : report_told) DateNoLaterThan(*bound, c);
}

// "The attack comes eight months after the sinking of the Cheonan": news pegged to an earlier
// event. The news is the article's own, so the event in the relation's anchor happened that long
// before publication, at the unit's precision; a day's offset allows the news a day's age.
bool DocumentReader::PegDate(const SentenceView& sv, std::span<const TimeExpression> before_trigger,
                             Claim* c) const {
  if (!doc_.published) return false;
  using namespace boost::gregorian;
  const Date published = *doc_.published;
  for (const TimeExpression& t : before_trigger) {
    if (!t.relation || t.relation->offset <= 0 || t.relation->anchor.empty()) continue;
    const TemporalRelation& r = *t.relation;
    if (c->trigger_begin < r.anchor_begin || c->trigger_begin >= r.anchor_end) continue;
    const uint32_t ti = TokenAt(t.begin, sv.from, sv.to);
    bool pegged = false;
    for (uint32_t back = 1; back <= 2 && ti >= sv.from + back && !pegged; ++back) {
      const Token& tk = tokens_[ti - back];
      if (tk.kind == TokenKind::kPunct) break;
      pegged = t_.peg_verbs.count(tk.lower) > 0;
    }
    if (!pegged) continue;
    // "comes N after Y": Y is N before the news; "comes N before Y": N after it.
    const int n = r.before ? r.offset : -r.offset;
    DateRange date;
    if (r.unit == "day") {
      Date d = published + days(n);
      date = DateRange::Between(d - days(1), d, Granularity::kDay);
    } else if (r.unit == "week") {
      // "Two weeks" is told to the week: the days around the one it names (before the news,
      // no later than it).
      Date d = published + days(7 * n);
      date = DateRange::Between(d - days(3), n < 0 ? std::min(d + days(3), published) : d + days(3), Granularity::kWeek);
    } else if (r.unit == "month") {
      Date d = published + months(n);
      date = DateRange::Month(int(d.year()), int(d.month()));
    } else if (r.unit == "year") {
      date = DateRange::Year(int(published.year()) + n);
    } else {
      continue;
    }
    c->date = date;
    c->date_expression = t.text + (r.before ? " before" : " after") + " (the news)";
    c->date_value = ToIso(date.start) == ToIso(date.end) ? ToIso(date.start) : ToIso(date.start) + "/" + ToIso(date.end);
    return true;
  }
  return false;
}

void DocumentReader::AnswerDate(Claim* c) const {
  for (auto it = out_.claims.rbegin(); it != out_.claims.rend(); ++it) {
    if (it->type != c->type || !it->date.bounded() || it->date.vague) continue;
    // Only an event that happened is answered: not a class of them, nor one denied, refuted,
    // ordered or planned.
    const Modality m = it->modality;
    if (it->generic || m == Modality::kDenied || m == Modality::kNegated || m == Modality::kOrdered ||
        m == Modality::kPlanned)
      continue;
    const TriggerRule* r = rules_.FindTrigger(it->rule);
    if (!r || !r->kind.empty()) continue;
    c->date = it->date;
    c->date_expression = it->date_expression + " (what it answers)";
    c->date_value = it->date_value;
    return;
  }
}

bool DocumentReader::SameClaim(const PhraseMatcher::Match& anchor, const PhraseMatcher::Match& m) const {
  return rules_.triggers[m.pattern].event_type == rules_.triggers[anchor.pattern].event_type && OneClause(anchor, m);
}

bool DocumentReader::PreviousClauseDate(const SentenceView& sv, const TimeExpression& t,
                                        const PhraseMatcher::Match& trigger) const {
  const size_t begin = tokens_[trigger.first].begin;
  if (t.end > begin) return false;
  const uint32_t tend = TokenAt(t.end, sv.from, sv.to);
  bool comma = false;
  for (uint32_t k = tend; k < trigger.first && !comma; ++k) comma = tokens_[k].text == ",";
  return comma && std::any_of(sv.kept.begin(), sv.kept.end(), [&](const PhraseMatcher::Match& m) {
           return m.first != trigger.first && tokens_[m.last - 1].end <= t.begin && !SameClaim(trigger, m);
         });
}

bool DocumentReader::Pluperfect(uint32_t from, uint32_t trigger) const {
  for (uint32_t k = trigger; k > from && k + 4 > trigger;) {
    const Token& t = tokens_[--k];
    if (t.lower == "had") return true;
    if (t.lower != "been" && !t_.adverbs.count(t.lower) && !t.lower.ends_with("ly")) return false;
  }
  return false;
}

bool DocumentReader::OtherClause(uint32_t a, uint32_t b, bool date_first, bool fronted) const {
  // "In 2016, after the summit, Thae defected": a date fronted before a comma governs the
  // whole sentence. ("He died on Monday, two days after he was shot": not fronted.)
  // So does a timeline's label: "Dec 2011: Kim Jong Un takes power".
  if (date_first && fronted && a + 1 < b && (tokens_[a + 1].text == "," || tokens_[a + 1].text == ":")) return false;
  for (uint32_t k = a + 1; k < b; ++k) {
    // "Ri did not defect alone: his wife followed him in January".
    if (tokens_[k].text == ";" || tokens_[k].text == ":") return true;
    // "executed for treason, and last year the NIS said": a comma and a coordinator. (A date
    // before the trigger may govern both clauses: "In June, the leaders fell out, and Pol Pot
    // was arrested".)
    if (!date_first && tokens_[k].text == "," && k + 1 < b && t_.coordinators.count(tokens_[k + 1].lower)) return true;
    // "a public trial held in October 2022 at which two boys were sentenced": what happened at
    // or during the thing dated happened then.
    if (date_first && tokens_[k].lower == "which" && k > a + 1 &&
        (tokens_[k - 1].lower == "at" || tokens_[k - 1].lower == "during"))
      continue;
    // "Earlier on Thursday a newspaper reported that Jo had gone into hiding": a reporting verb
    // between them makes the date the report's.
    if (t_.clause_openers.count(tokens_[k].lower) || t_.reporting_verbs.count(tokens_[k].lower)) return true;
    // "killing Kim Jong-nam, ..., was set free on Monday": a finite verb of its own dates its
    // clause. Right after a nominal trigger ("the execution was carried out on ...") it is the
    // trigger's own verb.
    if (!date_first && k > a + 1 && t_.finite_markers.count(tokens_[k].lower)) return true;
  }
  return false;
}

}  // namespace recon

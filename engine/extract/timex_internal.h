// The time-expression grammar's private parts, shared by the files that implement it:
//   timex_normalize.cpp  calendar arithmetic and TIMEX3 spelling (free functions below)
//   timex_calendar.cpp   absolute dates, months, years, decades, seasons, parts, clock times
//   timex_relative.cpp   expressions anchored to the publication date or to the previous date
//   timex_periods.cpp    durations, ago/before/after offsets, sets, early/mid/late, ranges
//   timex.cpp            token predicates, the driver that keeps the longest match, TimexTagger
// Private to the extract library; the public contract is include/recon/timex.h.
#ifndef RECON_EXTRACT_TIMEX_INTERNAL_H_
#define RECON_EXTRACT_TIMEX_INTERNAL_H_

#include <strings.h>

#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "recon/date_range.h"
#include "recon/timex.h"
#include "timex_lexicon.h"

namespace recon::timex {

// TIMEX3 codes indexed by Lex::season (1..4) and Lex::day_part (1..4).
inline constexpr const char* kSeasonCodes[] = {"", "SP", "SU", "FA", "WI"};
inline constexpr const char* kDayPartCodes[] = {"", "MO", "AF", "EV", "NI"};

// A TIMEX3 value together with the interval it names; made together so the two cannot disagree.
struct Period {
  std::string value;
  DateRange range;
};

// A match under construction: tokens [beg, end) of the scanned text.
struct Match {
  size_t beg = 0, end = 0;
  TimexType type = TimexType::kDate;
  std::string value;
  DateRange range;
  std::optional<TemporalRelation> relation;
  bool anchor_only = false;

  // Spans tokens [b, e) as an expression of type `t`.
  void Cover(size_t b, size_t e, TimexType t) { beg = b, end = e, type = t; }
  // Takes the value and interval of `p`; leaves span, type and relation alone.
  void Set(Period p) {
    value = std::move(p.value);
    range = p.range;
  }
};

// ---- Calendar arithmetic and TIMEX3 values (timex_normalize.cpp). Pure functions. ----

// printf of up to three ints into a short string ("%04d-%02d").
std::string Fmt(const char* f, int a, int b = 0, int c = 0);
// True when y-m-d is a real date in the years boost::gregorian can hold (1400..9999).
bool ValidYmd(int y, int m, int d);
inline Date Ymd(int y, int m, int d) { return Date(y, m, d); }
// The last day of month `m` of year `y`.
Date MonthEnd(int y, int m);
// Monday = 1 .. Sunday = 7.
int IsoWeekday(Date d);

// Intervals of named periods. Seasons: 1 spring .. 4 winter, which runs from December of `y`
// to February of y + 1. Quarters 1..4, halves 1..2. A decade starts at `y0` ("1990"); a century
// `c0` is 19 for 1900..1999, and before 1400 (outside boost's calendar) has only its granularity.
DateRange SeasonRange(int y, int s);
DateRange QuarterRange(int y, int q);
DateRange HalfRange(int y, int h);
DateRange DecadeRange(int y0);
DateRange CenturyRange(int c0);

// Values with their intervals: "2018-06-14", "2018-W24", "2018-06", "2018", "199X", "19",
// "2018-SU", "2018-Q3" / "2018-H1" (`part_unit` is kQuarter or kHalf). Arguments must be valid.
Period DayPeriod(Date d);
Period WeekPeriod(Date d);  // the ISO week holding d, named by its week-based year
Period MonthPeriod(int y, int m);
Period YearPeriod(int y);
Period DecadePeriod(int y0);
Period CenturyPeriod(int c0);
Period SeasonPeriod(int y, int s);
Period PartPeriod(Unit part_unit, int y, int p);
// The calendar unit `u` that contains `d` ("this year" on 2018-06-14 -> 2018); a weekend is the
// Saturday and Sunday of d's week ("2018-W24-WE"). Units without a calendar name give the year.
Period UnitAt(Unit u, Date d);

// Values without a year, for an unanchored date or a SET: "XXXX-WXX-1", "XXXX-SP", "XXXX-07".
std::string AnyWeekday(int wd);
std::string AnySeason(int s);
std::string AnyMonth(int m);

// `d` moved by `n` units (n may be negative); not_a_date_time when it leaves the calendar.
Date Shift(Date d, Unit u, long n);
// The TIMEX3 duration of `n` units ("P3Y", "PT2H"); n < 0 means "some" ("PXY").
std::string DurationValue(Unit u, long n);
// A bounded range narrowed to its first (modifier 1), middle (2) or last (3) third; any other
// range, or modifier 0, unchanged.
DateRange Narrow(DateRange r, int modifier);

class Longest;

// The grammar over one document's tokens. Each parser tries to read one kind of expression
// starting at token i: on a match it fills `m` and returns true; on failure it returns false and
// may have written parts of `m`, which the caller then discards or overwrites. Parsers are const:
// the only state that changes while scanning is the list of matches Run() has kept so far.
// Lives for one Tag() call; holds references to the lexicon's rules, the text and the tokens,
// which must outlive it. Not shared between threads.
class Scanner {
 public:
  // `t`, `n`: the text's tokens; `starts`: Tokenize's list of those that may begin an expression.
  Scanner(const Lexicon& lex, std::string_view text, const Tok* t, size_t n,
          const std::vector<uint32_t>& starts, std::optional<Date> dct)
      : rules_(lex.rules()), text_(text), t_(t), n_(n), starts_(starts), dct_(dct) {}

  // Every expression in the text, in order and non-overlapping, with context applied.
  std::vector<TimeExpression> Run();

 private:
  // ---- Token predicates (inline: they run for every token). Out-of-range i is never a match. ----
  // The lexicon entry of word token i, or nullptr.
  const Lex* L(size_t i) const { return i < n_ && t_[i].kind == kWord ? t_[i].lex : nullptr; }
  // Token i is a word with grammar role r.
  bool R(size_t i, Role r) const {
    const Lex* l = L(i);
    return l && l->role == r;
  }
  // Token i is the punctuation character c.
  bool P(size_t i, char c) const { return i < n_ && t_[i].kind == kPunct && t_[i].punct == c; }
  // Token i touches token i - 1 (no space between them).
  bool Adj(size_t i) const { return i > 0 && i < n_ && t_[i].b == t_[i - 1].e; }
  // Token i is a number made of digits only.
  bool Num(size_t i) const { return i < n_ && t_[i].kind == kNum && t_[i].plain; }
  // Token i is the word `w` in any case.
  bool WordIs(size_t i, std::string_view w) const {
    if (i >= n_ || t_[i].kind != kWord) return false;
    size_t len = t_[i].e - t_[i].b;
    return w.size() == len && strncasecmp(text_.data() + t_[i].b, w.data(), len) == 0;
  }
  // Token i (i < n_) ends a sentence or clause: . ! ? ; or a paragraph break.
  bool SentenceEnd(size_t i) const {
    return t_[i].kind == kPunct && (t_[i].punct == '.' || t_[i].punct == '!' ||
                                    t_[i].punct == '?' || t_[i].punct == '\n' || t_[i].punct == ';');
  }

  // ---- Context (timex.cpp) ----
  // Token i is a four-digit year 1900..2099 (1400..2199 when `loose`) that is not part of a
  // price, percentage, clock time or number range.
  bool Year4(size_t i, bool loose) const;
  // The number at token i ("12", "twenty-five", "a few") and, in *end, the token after it.
  // -2 when there is none, -1 for "some" ("several", "a few").
  long Number(size_t i, size_t* end) const;
  // The sentence around token i points to the future ("will", "next").
  bool Future(size_t i) const;
  // +1 when the sentence around token i points forward, -1 when it is in the past (a past cue
  // and no future one), 0 when nothing says.
  int Tense(size_t i) const;
  // Token k is a past-tense word: a past cue ("was", "met") or a past suffix ("-ed").
  bool PastForm(size_t k) const;
  // A month or season name at token i may be read: capitalised or `supported` (a date or
  // preposition next to it), both when the name is also a common word ("may", "fall").
  bool NameOk(size_t i, bool supported) const;
  // The word before token i is a preposition or determiner that introduces a date.
  bool PrepBefore(size_t i) const;
  // The text of tokens [beg, end), end > beg.
  std::string Text(size_t beg, size_t end) const;
  // Points `rel` at the anchor words in tokens [beg, end).
  void SetAnchor(size_t beg, size_t end, TemporalRelation* rel) const;
  // The last DATE kept with a bounded range, for "the following day" and "a year later".
  const Match* Previous() const { return prev_ < found_.size() ? &found_[prev_] : nullptr; }

  // ---- Absolute calendar expressions (timex_calendar.cpp) ----
  // Numeric dates, day-month dates, then month, part, year and weekday forms. `supported`: a
  // date or preposition next to it licenses a bare name or year.
  bool Absolute(size_t i, Match* m, bool supported) const;
  bool NumericDate(size_t i, Match* m) const;  // 2018-06-14, 6/14/2018, 14/6/18, 2018.6.14, 2018.6
  bool DayMonth(size_t i, Match* m) const;     // 14 June 2018, 14th of June
  // "on the 29th": a day of the month nearest the dct, as Korean and Japanese news write it.
  bool DayOfMonth(size_t i, Match* m) const;
  bool MonthForms(size_t i, Match* m, bool supported) const;  // June 14, 2018; June 2018; June
  // A month `mo` and day `d` read in tokens [beg, k): with ", year" after them the full date,
  // else (when `yearless_ok` and the day can be in the month) the date nearest the dct.
  bool MonthDayYear(size_t beg, size_t k, int mo, int d, bool yearless_ok, Match* m) const;
  bool YearForms(size_t i, Match* m, bool supported) const;  // 1990s, '94, '90s, 1994
  // A two-digit year read as the one within `two_digit_pivot` years after the dct's (or 2000's).
  int ExpandTwoDigitYear(int yy) const;
  bool SeasonForms(size_t i, Match* m, bool supported) const;  // spring 2018, last winter
  bool Parts(size_t i, Match* m) const;  // the first half of 2015, third-quarter, 20th century
  bool Clock(size_t i, Match* m) const;  // 10 a.m., 3:15 pm Monday

  // ---- Anchored to the publication date or the previous date (timex_relative.cpp) ----
  bool WeekdayForms(size_t i, Match* m) const;  // Monday, June 11; last Friday; Monday night
  bool Deictic(size_t i, Match* m) const;       // today, yesterday, tomorrow, tonight
  bool Relative(size_t i, Match* m) const;      // last week, this month, earlier this year
  bool Following(size_t i, Match* m) const;     // the following day, the previous year
  bool SameAsBefore(size_t i, Match* m) const;  // that year, the same month: the date told before
  bool Phrase(size_t i, Match* m) const;        // the rule pack's fixed phrases and holidays
  // Month `mo`, day `d` in the year that puts it nearest the dct, counting distance against the
  // tense at token `at` double. Sets type, value and (with a dct) range; not the span.
  void ResolveMonthDay(size_t at, int mo, int d, Match* m) const;
  // Weekday `wd` near the dct: strict_dir 0 follows the tense at `at` (on or before the dct for
  // the past, on or after for the future), -1 strictly before, +1 strictly after. Sets value and
  // (with a dct) range.
  void ResolveWeekday(size_t at, int wd, int strict_dir, Match* m) const;
  // When token j is a part of the day ("night"), extends `m` over it as a TIME.
  bool TakeDayPart(size_t j, Match* m) const;

  // ---- Durations, offsets, sets, modifiers and ranges (timex_periods.cpp) ----
  // Number + unit: a duration, "two years ago", "four days before the announcement".
  bool Quantity(size_t i, Match* m) const;
  // "<num> <unit> ago" with "ago" at token k: the date that far before the dct.
  bool Ago(size_t k, Unit unit, long num, Match* m) const;
  // "<num> <unit> later/earlier/before/after X" with the direction word at token k: sets the
  // relation and, when its anchor is a date, the interval it yields.
  void Offset(size_t k, Unit unit, long num, Match* m) const;
  // After "before"/"after": "the" at token j and up to three plain words; the token after them,
  // or 0 when there are none.
  size_t AnchorEnd(size_t j) const;
  bool AnchorOnly(size_t i, Match* m) const;  // after the war: a bound, not a TIMEX3
  bool SetForms(size_t i, Match* m) const;    // every year, each Monday, per week
  bool Modified(size_t i, Match* m) const;    // early 2019, the end of March: narrowed
  // Prepositions before dates set their qualifier; "between X and Y" joins two dates.
  void ApplyContext(std::vector<Match>* ms) const;
  // "two days after the summit": an anchor the document dates elsewhere ("the summit in
  // Singapore on June 12", "the June 12 summit") dates the expression.
  void DateAnchors(std::vector<Match>* ms) const;
  // The words a date is said of: back over names, past verbs and the prepositions that tie a
  // date to its noun, up to the first other word ("the summit in Singapore on June 12", "the
  // Olympics opened on Feb. 9"; "organisers said on Tuesday" stops at "said"), and up to two
  // right after it ("the June 12 summit"). Token indices.
  void DatedWords(const Match& d, std::vector<size_t>* out) const;

  // ---- The driver (timex.cpp) ----
  // Token i may begin an expression at all; of the tokens Tokenize lists, most stop here.
  bool MayStart(size_t i) const;
  // Token i, a word with phrases, may begin one: a phrase of one word, or the next token is a word
  // as long as some phrase's second word and with the first letter of one (the filters Phrase's
  // word compares would pass).
  bool MayBeginPhrase(size_t i) const;
  // The longest match starting at token i, which MayStart.
  bool TryAt(size_t i, Match* best) const;
  // The candidates "the" starts: decades, parts, "the following day", "the weekend", ...
  void OfferAfterThe(size_t i, Longest* pick) const;
  // A kept match as the public TimeExpression.
  TimeExpression ToExpression(Match m) const;

  static constexpr size_t kNone = size_t(-1);

  const TimexRules& rules_;
  std::string_view text_;
  // The tokens as a bare pointer: every predicate reads them, and through the vector each read
  // loaded the vector's start again.
  const Tok* t_;
  size_t n_;
  const std::vector<uint32_t>& starts_;
  std::optional<Date> dct_;
  std::vector<Match> found_;  // the matches kept so far, in order
  size_t prev_ = kNone;       // index in found_ of the last DATE with a bounded range
};

}  // namespace recon::timex

#endif  // RECON_EXTRACT_TIMEX_INTERNAL_H_

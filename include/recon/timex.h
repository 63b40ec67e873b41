// Time expressions: find them in text and normalise them to intervals and TIMEX3 values.
#ifndef RECON_TIMEX_H_
#define RECON_TIMEX_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "recon/date_range.h"
#include "recon/timex_rules.h"

namespace recon {

enum class TimexType { kDate, kTime, kDuration, kSet };
std::string_view ToString(TimexType t);

// "four days before the announcement": a date given relative to another mention.
struct TemporalRelation {
  int offset = 0;          // in `unit`s, >= 0
  std::string unit;        // "day", "week", "month", "year"
  bool before = false;     // true: the expression lies `offset` units before the anchor
  std::string anchor;      // the anchor's words ("the announcement", "the summit")
  size_t anchor_begin = 0; // byte span of the anchor in the text
  size_t anchor_end = 0;
  // The anchor's date when the text gives one: the anchor is a date ("two days after June 3"),
  // or the document dates the happening it names ("the summit on June 12"). Else unknown.
  DateRange anchor_date;
};

// One time expression. Offsets are UTF-8 bytes into the tagged text, end exclusive.
struct TimeExpression {
  size_t begin = 0;
  size_t end = 0;
  std::string text;
  TimexType type = TimexType::kDate;
  std::string value;  // TIMEX3: "2015", "2018-W24", "199X", "P3Y", "PAST_REF"
  // The interval. For a DATE or TIME, the days it names, narrowed by early/mid/late and by a
  // preposition before it ("since 2014": [2014-01-01, open), qualifier kSince; also until/by,
  // before, after), or widened to the whole of "between 2010 and 2012" / "from March to May"
  // (both ends carry the joined range). For a DURATION with a relation, the date the relation
  // yields when its anchor is a date. Vague references (PAST_REF...) have `vague` set and one
  // end at the dct. Unknown when nothing anchors it.
  DateRange range;
  std::optional<TemporalRelation> relation;
  // True for a preposition and an event anchor with no time words ("after the war"): it
  // bounds an interval for the extractor but is not a TIMEX3 expression, so scorers skip it.
  bool anchor_only = false;
};

// Finds and normalises time expressions. Holds only immutable tables after construction:
// one tagger may be shared by many threads.
class TimexTagger {
 public:
  explicit TimexTagger(const TimexRules& rules);
  ~TimexTagger();
  TimexTagger(const TimexTagger&) = delete;
  TimexTagger& operator=(const TimexTagger&) = delete;

  // Every expression in `text`, in order of `begin`, non-overlapping. `dct` is the document
  // creation time that relative expressions are anchored to; without it they stay unanchored.
  std::vector<TimeExpression> Tag(std::string_view text, std::optional<Date> dct) const;

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace recon

#endif  // RECON_TIMEX_H_

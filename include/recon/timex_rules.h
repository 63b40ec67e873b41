// TimexRules: the vocabulary of time expressions (months, weekdays, seasons, number words,
// units, modifiers, grammar words, fixed phrases), loaded from the `timex:` YAML section.
#ifndef RECON_TIMEX_RULES_H_
#define RECON_TIMEX_RULES_H_

#include <map>
#include <string>
#include <vector>

namespace recon {

// A fixed phrase that is a time expression by itself: "recently" -> DATE PAST_REF,
// "annually" -> SET P1Y. `words` are lower case, one entry per token ("these days").
// A holiday is a phrase with a calendar rule instead of a value: a fixed `month` and `day`
// ("christmas day": 12/25) or the `nth` `weekday` of a month ("thanksgiving": 4th Thursday of
// November); its year is resolved against the dct like "Oct. 3".
struct TimexPhrase {
  std::vector<std::string> words;
  std::string type;   // "DATE", "TIME", "DURATION", "SET"
  std::string value;  // the TIMEX3 value; "PAST_REF" and friends make the interval vague
  int month = 0;      // holidays only: 1..12
  int day = 0;        // 1..31, or 0 with weekday and nth
  int weekday = 0;    // 1..7, Monday = 1
  int nth = 0;        // 1..5
};

// Loaded from the `timex:` section of a rule pack. Keys are lower case. A later pack adds to
// (and for the same word, overrides) an earlier one.
struct TimexRules {
  std::map<std::string, int> months;    // "january", "jan" -> 1
  std::map<std::string, int> weekdays;  // "monday", "mon" -> 1 (ISO: Monday = 1)
  std::map<std::string, std::string> seasons;    // "spring" -> "SP" (SP, SU, FA, WI)
  std::map<std::string, long> numbers;           // "three" -> 3, "a" -> 1, "dozen" -> 12
  std::map<std::string, int> ordinals;           // "third" -> 3
  // "years" -> "year". Units: day, week, weekend, month, quarter, half, season, year, decade,
  // century, hour, minute.
  std::map<std::string, std::string> units;
  std::map<std::string, std::string> modifiers;  // "early"/"beginning" -> "early"; mid; late
  std::map<std::string, std::string> day_parts;  // "morning" -> "MO" (MO, AF, EV, NI)
  // Grammar words by role: "past" -> "last". Roles: last, next, this, ago, later, earlier,
  // before, after, since, until, by, between, and, from, to, in, on, of, the, every, today,
  // yesterday, tomorrow, tonight, following, previous, few, am, pm, fiscal, recent, vague, that,
  // same ("that year", "the same month": the date told before).
  std::map<std::string, std::string> words;
  std::vector<TimexPhrase> phrases;
  // Names that are also common words ("may", "march", "fall"): taken as dates only when
  // capitalised in mixed-case text and supported by a day, a year or a preposition.
  std::vector<std::string> ambiguous;
  std::vector<std::string> future_cues;  // "will", "shall": the sentence points forward
  std::vector<std::string> past_cues;    // "was", "had": the sentence points back
  // Word endings that mark a past-tense verb ("-ed"); a future cue in the sentence wins.
  std::vector<std::string> past_suffixes;
  // Nouns of happenings an article dates once and then counts from: "the summit" in "two days
  // after the summit" takes the date of "the summit in Singapore on June 12".
  std::vector<std::string> happenings;
  bool day_first = false;   // "6/5/2018" is 6 May when true. Default: false
  int two_digit_pivot = 10; // "'YY" is 20YY while YY <= dct year % 100 + pivot. Default: 10
};

}  // namespace recon

#endif  // RECON_TIMEX_RULES_H_

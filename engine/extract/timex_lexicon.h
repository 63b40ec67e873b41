// The tagger's compiled vocabulary and tokenizer: TimexRules turned into a hash table from
// lower-cased words to what they can mean, and text turned into word/number/punctuation tokens.
// Private to the extract library.
#ifndef RECON_EXTRACT_TIMEX_LEXICON_H_
#define RECON_EXTRACT_TIMEX_LEXICON_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "recon/timex_rules.h"

namespace recon::timex {

// What a grammar word does; the words themselves come from the rule pack.
enum Role : uint8_t {
  kNoRole, kLast, kNext, kThis, kAgo, kLater, kEarlier, kBefore, kAfter, kSince, kUntil, kBy,
  kBetween, kAnd, kFrom, kTo, kIn, kOn, kOf, kThe, kEvery, kToday, kYesterday, kTomorrow,
  kTonight, kFollowing, kPrevious, kFew, kAm, kPm, kFiscal, kRecent, kVague, kThat, kSame, kRoleCount
};

enum Unit : uint8_t {
  kNoUnit, kDay, kWeek, kWeekend, kMonth, kQuarter, kHalf, kSeason, kYear, kDecade, kCentury,
  kHour, kMinute, kUnitCount
};

// The rule pack's name of a unit ("day", "weekend"); "" for kNoUnit.
const char* UnitName(Unit u);
// The unit UnitName gives `s`; kNoUnit for any other word.
Unit UnitFromName(std::string_view s);

// Everything one lower-cased word can mean. A word may be, say, both a month and ambiguous.
struct Lex {
  int8_t month = 0;     // 1..12
  int8_t weekday = 0;   // 1..7, Monday = 1
  int8_t season = 0;    // 1..4: SP, SU, FA, WI
  int8_t ordinal = 0;
  int8_t modifier = 0;  // 1 early, 2 mid, 3 late
  int8_t day_part = 0;  // 1..4: MO, AF, EV, NI
  Unit unit = kNoUnit;
  bool plural = false;  // "years": a unit word ending in s
  Role role = kNoRole;
  long number = -1;
  bool ambiguous = false;
  bool full_name = false;  // the longest name of its month ("january", not "jan")
  bool starts = false;     // may begin an expression (set once the table is built)
  bool future = false;
  bool past = false;
  std::vector<int> phrases;  // indexes of the phrases that start with this word
  // Bit k (k < 31) set: one of those phrases goes on with a word of k letters (bit 31: 31 or
  // more); bit 0: one is this word alone. Most words after "the" begin no phrase.
  uint32_t phrase_next = 0;
  // Bit (c & 31) set: one of those phrases goes on with a word whose first letter is c (in
  // either case). With phrase_next, it turns away most words after "the" and "at".
  uint32_t phrase_next_initial = 0;
};

// Table from lower-cased ASCII words to Lex entries. Keys are grouped by (first letter, last
// letter, length): most words of running text fall in an empty group, and the others are
// compared with the few keys of theirs (one to three in the default rules), with no hashing.
class Lexicon {
 public:
  explicit Lexicon(const TimexRules& rules);
  // For the tokenizer, which inlines it (defined in timex_lexicon.cpp): the entry of the word
  // word[0, len), ASCII letters in any case, or nullptr. `avail` >= len bytes may be read from
  // `word` (with eight or more, a short word is read in one load). Words longer than kMaxWord are
  // never found.
  const Lex* Find(const char* word, size_t len, size_t avail) const;
  const TimexRules& rules() const { return rules_; }

  static constexpr size_t kMaxWord = 24;

 private:
  Lex* Add(const std::string& lower);
  // A letter's low five bits are the same in either case, so words need no lower-casing here.
  static size_t GroupOf(char first, char last, size_t len) {
    static_assert(kMaxWord < 32);
    return size_t(first & 31) << 10 | size_t(last & 31) << 5 | len;
  }
  static constexpr size_t kGroups = size_t(1) << 15;
  // A key stored in its group's run, so a lookup follows no pointer.
  struct Entry {
    char key[kMaxWord] = {};
    int index = 0;  // in lex_
  };
  TimexRules rules_;
  std::map<std::string, int, std::less<>> index_;  // key -> index in lex_, while building
  std::vector<Lex> lex_;
  Lex sink_;
  // The keys of group g are entries_[group_[g]] .. entries_[group_[g + 1] - 1]; keys whose first
  // or last byte is no letter are in none (the tokenizer's words are letter runs).
  std::vector<uint32_t> group_;
  std::vector<Entry> entries_;
};

enum TokKind : uint8_t { kWord, kNum, kPunct };

struct Tok {
  uint32_t b = 0, e = 0;
  TokKind kind = kPunct;
  char punct = 0;        // for kPunct: the ASCII character ('\'' also for U+2019, '\n' for a
                         // paragraph break, '~' for any other non-ASCII character)
  bool cap = false;      // a word starting with an upper-case letter
  bool plain = false;    // a number with only digits (no ',' or '.')
  uint8_t ndig = 0;      // digits in a plain number
  uint8_t suffix = 0;    // numbers: 1 ordinal ("14th"), 2 plural ("1990s")
  long num = -1;         // numbers: the value of a plain number
  const Lex* lex = nullptr;
};

// Splits `text` into tokens; words are ASCII letter runs, numbers digit runs. Writes them to the
// front of *out, which it grows to hold them (never shrinks: it is scratch kept between calls, and
// what lies past the tokens is left from earlier texts), and returns how many. `starts` gets the
// indexes, in order, of the tokens that may begin an expression (the first tests of the scanner's
// MayStart): a word whose entry starts one, a number of digits only or of four digits before a
// dot or comma, an apostrophe right before a digit (only '94 and '90s begin at one; most are
// possessives). Listed here, the scanner visits only these.
size_t Tokenize(std::string_view text, const Lexicon& lexicon, std::vector<Tok>* out,
                std::vector<uint32_t>* starts);

}  // namespace recon::timex

#endif  // RECON_EXTRACT_TIMEX_LEXICON_H_

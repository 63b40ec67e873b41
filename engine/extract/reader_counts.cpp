// Counts and classes of events: how many a claim's event killed, executed or fired ("nine
// soldiers and three civilians", "76 of them", "killed 54 and injured 1,249"), and whether a
// trigger tells a class of events rather than one ("a series of purges", "70 officials
// executed since he took power").
#include <algorithm>

#include "reader.h"
#include "recon/text_util.h"

namespace recon {

namespace {

// Reads a number at token i: digits ("33,000") or a number word; -1 when there is none.
long NumberAt(const std::vector<Token>& tokens, uint32_t i, const StringMap<long>& words) {
  const Token& t = tokens[i];
  if (t.kind == TokenKind::kNumber) {
    // The digits before any decimal point, separators skipped; at most nine, so no overflow.
    long n = 0;
    size_t digits = 0;
    for (char c : t.text)
      if (IsAsciiDigit(c)) {
        if (++digits <= 9) n = n * 10 + (c - '0');
      } else if (c == '.') {
        break;
      }
    if (digits == 0 || digits > 9) return -1;
    return n;
  }
  auto it = words.find(t.lower);
  if (it == words.end()) return -1;
  // "a" and "an" count only directly before a noun they quantify; callers check adjacency.
  return it->second;
}

bool IsClauseBreak(const Token& t) {
  return t.kind == TokenKind::kPunct && (t.text == "," || t.text == ";" || t.text == ":" ||
                                         t.text == "(" || t.text == ")" || t.text == "\"");
}

bool IsYear(const Token& t, long n) { return t.kind == TokenKind::kNumber && n >= 1900 && n <= 2100; }

// The number at token k measures something other than people or events: an age ("a
// 39-year-old", "aged 39", "39 years old"), a sum ("$75 million", "13 million euros") or a
// share ("40 percent"); `measure_words` are the rule pack's.
bool MeasuresNoCount(const std::vector<Token>& tokens, uint32_t k, uint32_t from, const WordSet& measure_words,
                     const WordSet& function_words) {
  auto lower = [&](uint32_t i) -> std::string_view { return i < tokens.size() ? tokens[i].lower : ""; };
  if (k > 0) {
    std::string_view before = tokens[k - 1].text;
    if (lower(k - 1) == "aged") return true;
    if (!before.empty() && (before.back() == '$' || before == "\xE2\x82\xAC" || before == "\xC2\xA3" ||
                            before == "\xC2\xA5" || before == "\xE2\x82\xA9"))  // $ EUR GBP JPY KRW
      return true;
  }
  if (lower(k + 1) == "-" && (lower(k + 2).rfind("year", 0) == 0 || lower(k + 2).rfind("month", 0) == 0)) return true;
  // An age set off by commas after a name: "Jang Song Thaek, 67, was executed".
  if (k >= 2 && lower(k - 1) == "," && lower(k + 1) == "," && tokens[k - 2].capitalized() && tokens[k].text.size() <= 3)
    return true;
  // A name's number: "Camp 14", "Bureau 121", "Room 39" (a capitalised word right before it,
  // not a sentence's first word: "About 70 officials", "No one").
  if (k > from + 1 && tokens[k - 1].capitalized() && tokens[k - 1].kind == TokenKind::kWord &&
      tokens[k].begin == tokens[k - 1].end + 1 && !function_words.count(tokens[k - 1].lower))
    return true;
  // A model's number: "KN-23", "Hwasong-15".
  if (k >= 2 && lower(k - 1) == "-" && tokens[k - 1].begin == tokens[k - 2].end && tokens[k].begin == tokens[k - 1].end &&
      tokens[k - 2].capitalized())
    return true;
  if ((lower(k + 1) == "years" || lower(k + 1) == "year") && lower(k + 2) == "old") return true;
  uint32_t unit = k + 1;
  if (lower(unit) == "million" || lower(unit) == "billion" || lower(unit) == "trillion") ++unit;
  return unit < tokens.size() && measure_words.count(tokens[unit].lower) > 0;
}

}  // namespace

// "executed on April 30", "four days after his arrest": a number inside a time expression
// counts days, not people.
bool DocumentReader::InTimex(const Token& t) const {
  auto it = std::upper_bound(timexes_.begin(), timexes_.end(), t.begin,
                             [](size_t b, const TimeExpression& x) { return b < x.begin; });
  return it != timexes_.begin() && t.begin < std::prev(it)->end;
}

// Counts: a number (or parts joined by "and") just before a cue, or just after it.
namespace {

// Words a count may stand before its cue: "nine officers and three political instructors were".
constexpr uint32_t kCountReach = 9;

}  // namespace

void DocumentReader::FindCounts(const SentenceView& sv, Claim* c) {
  const uint32_t from = sv.from, to = sv.to;
  // Only the counts its type cares about: "deported two fishermen who had killed 16 crew" is
  // no repatriation of 16 dead.
  const EventTypeRule* type = rules_.FindEventType(c->type);
  auto counted_here = [&](const PhraseMatcher::Match& m) {
    const std::string& role = rules_.counts[m.pattern].role;
    return !type || std::find(type->count_roles.begin(), type->count_roles.end(), role) != type->count_roles.end();
  };
  for (const auto& cm : sv.counts) {
    if (!counted_here(cm)) continue;
    const CountRule& cr = rules_.counts[cm.pattern];
    long total = -1;
    bool at_least = false, none = false;
    uint32_t k = cm.first;
    // Back far enough for "nine officers and three political instructors were executed".
    uint32_t lo = cm.first > from + kCountReach ? cm.first - kCountReach : from;
    // "fired 200 shells at the island, killing two marines": a number ahead of another cue
    // counts that cue's things (a cue of this type's: "Two of the 12 men were executed" is
    // no repatriation's "men").
    auto other_cue = [&](uint32_t at) {
      for (const auto& o : sv.counts)
        if (&o != &cm && o.first <= at && at < o.last && counted_here(o)) return true;
      return false;
    };
    uint32_t counted = cm.first;  // the last number taken, going back
    // "killed 54 people and injured 1,249": a cue right after "and" is a second verb, whose
    // count follows it; the number before is the first verb's.
    if (k > from && tokens_[k - 1].lower == "and") k = lo;
    // "two fishermen who had killed 16 crew": a number right after the cue is its object; the
    // one before counts who did it. ("a Hwasong 15", "Hwasong-17": a model's number.)
    const bool model = tokens_[cm.last - 1].capitalized();
    const long object = !model && cm.last < to ? NumberAt(tokens_, cm.last, t_.numbers) : -1;
    if (object > 1 && !IsYear(tokens_[cm.last], object) && !InTimex(tokens_[cm.last])) k = lo;
    while (k > lo) {
      --k;
      if ((IsClauseBreak(tokens_[k]) && tokens_[k].text != ",") || other_cue(k)) break;
      // "repatriated two fishermen who it says killed 16": a number before a clause with a
      // subject of its own is that clause's ("five officials who were executed" counts them).
      if (t_.clause_openers.count(tokens_[k].lower) && k + 1 < cm.first &&
          !t_.auxiliaries.count(tokens_[k + 1].lower) && !t_.finite_markers.count(tokens_[k + 1].lower))
        break;
      long n = NumberAt(tokens_, k, t_.numbers);
      if (n < 0 || IsYear(tokens_[k], n) || InTimex(tokens_[k]) || MeasuresNoCount(tokens_, k, sv.from, t_.measure_words, t_.function_words))
        continue;
      // ("Both governments said the missiles were fired": "both" is no count of missiles.)
      if ((tokens_[k].lower == "a" || tokens_[k].lower == "an" || tokens_[k].lower == "both") && k + 1 != cm.first) continue;
      // "five officials, not four, were executed": the figure set aside counts nothing; nor
      // does a whole a part is told of ("of the 12 arrested, three were executed", "a city of
      // 200,000").
      if (k > from && tokens_[k - 1].lower == "not") continue;
      if (total >= 0 && k > from + 1 && (tokens_[k - 1].lower == "of" || (tokens_[k - 1].lower == "the" && tokens_[k - 2].lower == "of")))
        break;
      // "No one was killed": no count at all, not one (nor the wounded told after it).
      if (k > from && tokens_[k - 1].lower == "no") {
        none = true;
        break;
      }
      if (total >= 0) {
        // "Two of the 12 men were executed": the part is the count.
        if (tokens_[k + 1].lower == "of") {
          total = n, counted = k;
          continue;
        }
        // A range, "between 20 and 30", "20 to 30", "20-30": at least its low end.
        const bool between = k > from && tokens_[k - 1].lower == "between" && tokens_[k + 1].lower == "and";
        if (between || (k + 2 == counted && (tokens_[k + 1].lower == "to" || tokens_[k + 1].text == "-" ||
                                             tokens_[k + 1].text == "\xE2\x80\x93"))) {
          total = n, counted = k, at_least = true;
          break;
        }
        // Parts add up only when joined: "nine soldiers and three civilians".
        bool joined = false;
        for (uint32_t j = k + 1; j < counted; ++j) joined = joined || tokens_[j].lower == "and" || tokens_[j].text == ",";
        if (!joined) break;
      }
      total = total < 0 ? n : total + n;
      counted = k;
      // Keep summing parts joined by "and" or commas: "nine soldiers and three civilians".
      if (k > lo && (tokens_[k - 1].lower == "than" || tokens_[k - 1].lower == "over" ||
                     tokens_[k - 1].lower == "least"))
        at_least = true;
      // "possibly 50 or more"
      if (k + 2 < cm.first && tokens_[k + 1].lower == "or" && tokens_[k + 2].lower == "more") at_least = true;
    }
    if (total < 0 && !none) {
      // "killed nine soldiers and three civilians": parts after the cue, up to the clause end.
      for (uint32_t f = cm.last; f < to && f < cm.last + 8; ++f) {
        if ((IsClauseBreak(tokens_[f]) && tokens_[f].text != ",") || other_cue(f)) break;
        if (tokens_[f].kind == TokenKind::kPunct && tokens_[f].text == ".") break;
        // "killed by anti-aircraft fire in front of several hundred officials": the count is the
        // cue's object, not a number further on after a preposition. ("put the number of rounds
        // at about 170": the number right after it is the count.)
        if (total < 0 && t_.prepositions.count(tokens_[f].lower) && f + 2 < to &&
            NumberAt(tokens_, f + 1, t_.numbers) < 0 && NumberAt(tokens_, f + 2, t_.numbers) < 0)
          break;
        long n = NumberAt(tokens_, f, t_.numbers);
        if (n <= 1 || IsYear(tokens_[f], n) || InTimex(tokens_[f]) || MeasuresNoCount(tokens_, f, sv.from, t_.measure_words, t_.function_words)) continue;
        if (model && (f == cm.last || (f == cm.last + 1 && tokens_[cm.last].text == "-"))) continue;
        if (total >= 0 && !(tokens_[f - 1].lower == "and" || tokens_[f - 2].lower == "and" ||
                            tokens_[f - 1].text == "," || tokens_[f - 2].text == ","))
          break;
        // "killing 161 people, 76 of them children": a part of the count told, not more of it.
        if (total >= 0 && f + 2 < to && tokens_[f + 1].lower == "of" && t_.part_pronouns.count(tokens_[f + 2].lower)) break;
        if (total < 0 && f > cm.last && (tokens_[f - 1].lower == "than" || tokens_[f - 1].lower == "over" ||
                                         tokens_[f - 1].lower == "least"))
          at_least = true;  // "killed more than 100 people"
        // "executed between 20 and 30 officials", "20 to 30": at least the low end.
        if (total < 0 && f + 2 < to && NumberAt(tokens_, f + 2, t_.numbers) > n &&
            ((f > cm.last && tokens_[f - 1].lower == "between" && tokens_[f + 1].lower == "and") ||
             tokens_[f + 1].lower == "to" || tokens_[f + 1].text == "-" || tokens_[f + 1].text == "\xE2\x80\x93")) {
          total = n, at_least = true;
          break;
        }
        total = total < 0 ? n : total + n;
      }
    }
    if (total > 0 && !c->attributes.count(cr.role)) {
      c->attributes[cr.role] = std::to_string(total) + (at_least ? "+" : "");
      out_.hits.emplace_back(cr.id);
    }
  }
}

void DocumentReader::MarkGeneric(const SentenceView& sv, const TriggerRule& rule,
                                 const PhraseMatcher::Match& anchor, Claim* c) const {
  if (rule.generic) {
    c->generic = true;
    return;
  }
  // "a series of reported purges", "the number arriving": counted or classed, not told.
  for (uint32_t k = anchor.first > sv.from + 3 ? anchor.first - 3 : sv.from; k < anchor.first; ++k)
    if (t_.generic_cues.count(tokens_[k].lower) && tokens_[k + 1].lower != "as") {  // not 'such as'
      c->generic = true;
      return;
    }
  // "About 30,000 have fled since 1953", "70 officials executed since he took power": a
  // running total over a span, with no one named, is a class of events.
  bool named = HasNamedSubject(*c);
  if (named) return;
  // "Kim had executed 15 senior officials this year alone", "about 70 officials have been
  // executed since he took over": many unnamed people counted at the trigger, over a span of a
  // season or more or since some event, are a tally. (The span first: most claims have none,
  // and it costs less to rule out than the numbers.)
  // Open after or before a day or a month is no span ("shortly after the plenum in April,
  // police arrested 20"); before a year is ("before 2015, the regime executed 100").
  bool open_span = !c->date.bounded() &&
                   ((c->date.qualifier != Qualifier::kAfter && c->date.qualifier != Qualifier::kBefore) ||
                    c->date.granularity > Granularity::kMonth);
  bool span = c->date.known() && (open_span || c->date.days() > 92);
  // "since" in the trigger's own clause ("executed since he took over"); past a comma it is
  // another clause's ("..., the first time Seoul has deported anyone since the war").
  for (uint32_t k = anchor.last; k < sv.to && !span && tokens_[k].kind != TokenKind::kPunct; ++k)
    span = t_.event_separators.count(tokens_[k].lower) && !t_.clause_openers.count(tokens_[k].lower);
  if (span) {
    uint32_t lo = anchor.first > sv.from + 5 ? anchor.first - 5 : sv.from;
    uint32_t hi = std::min(sv.to, anchor.last + 3);
    long many = 0;
    for (uint32_t k = lo; k < hi; ++k) {
      // The number first: most words are none, and the checks after it cost more.
      long n = NumberAt(tokens_, k, t_.numbers);
      if (n >= 2 && !IsYear(tokens_[k], n) && !InTimex(tokens_[k]) &&
          !MeasuresNoCount(tokens_, k, sv.from, t_.measure_words, t_.function_words))
        many = std::max(many, n);
    }
    if (many >= 2) {
      c->generic = true;
      return;
    }
  }
  // The expressions after the trigger in its sentence (sorted by begin, none overlapping).
  const auto after_trigger = std::lower_bound(timexes_.begin(), timexes_.end(), size_t(c->trigger_end),
                                              [](const TimeExpression& x, size_t b) { return x.begin < b; });
  for (auto it = after_trigger; it != timexes_.end() && it->begin <= c->end; ++it) {
    const TimeExpression& t = *it;
    if (t.end > c->end || t.range.qualifier != Qualifier::kSince) continue;
    // In the trigger's own clause: "repatriated two fishermen on Thursday, the first time Seoul
    // has deported anyone since the war" tells one event.
    bool own_clause = true;
    for (uint32_t k = anchor.last; k < sv.to && tokens_[k].begin < t.begin && own_clause; ++k)
      own_clause = tokens_[k].kind != TokenKind::kPunct;
    if (own_clause) {
      c->generic = true;
      return;
    }
  }
}

}  // namespace recon

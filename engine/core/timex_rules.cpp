// The `timex:` section of a rule pack: the vocabularies of time expressions and date settings.
#include "sections.h"

#include <algorithm>

namespace recon {

static std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// `{key: [names...]}` with integer keys in [1, max].
template <typename Int>
static void ParseNumberTable(const YAML::Node& node, YamlReader& r, const char* what, long max,
                             std::map<std::string, Int>* out) {
  if (!node.IsMap()) {
    r.Error(node, "rule-type", std::string("'") + what + "' must map numbers to lists of names");
    return;
  }
  for (const auto& kv : node) {
    long n;
    if (!YAML::convert<long>::decode(kv.first, n) || n < 0 || n > max) {
      r.Error(kv.first, "rule-range",
              std::string("'") + what + "' keys must be 0.." + std::to_string(max));
      continue;
    }
    if (!kv.second.IsSequence()) {
      r.Error(kv.second, "rule-type", std::string("'") + what + "' values must be lists of names");
      continue;
    }
    for (const auto& name : kv.second) (*out)[Lower(name.Scalar())] = Int(n);
  }
}

// `{key: [names...]}` with string keys from `allowed` (any key when `allowed` is empty).
static void ParseNameMap(const YAML::Node& node, YamlReader& r, const char* what,
                         const std::vector<std::string>& allowed,
                         std::map<std::string, std::string>* out) {
  if (!node.IsMap()) {
    r.Error(node, "rule-type", std::string("'") + what + "' must map names to lists of words");
    return;
  }
  for (const auto& kv : node) {
    std::string key = kv.first.Scalar();
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      r.Error(kv.first, "rule-unknown-key",
              std::string("unknown ") + what + " '" + key + "'");
      continue;
    }
    if (!kv.second.IsSequence()) {
      r.Error(kv.second, "rule-type", std::string("'") + what + "' values must be lists of words");
      continue;
    }
    for (const auto& name : kv.second) (*out)[Lower(name.Scalar())] = key;
  }
}

static std::vector<std::string> SplitWords(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ') {
      if (!cur.empty()) out.push_back(cur), cur.clear();
    } else {
      cur += char(std::tolower((unsigned char)c));
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

void ParseTimexSection(const YAML::Node& node, YamlReader& r, TimexRules* out) {
  if (!r.CheckKeys(node, {"months", "weekdays", "seasons", "numbers", "ordinals", "units",
                          "modifiers", "day_parts", "words", "phrases", "ambiguous",
                          "future_cues", "past_cues", "past_suffixes", "happenings", "day_first", "two_digit_pivot"}))
    return;
  if (node["months"]) ParseNumberTable(node["months"], r, "months", 12, &out->months);
  if (node["weekdays"]) ParseNumberTable(node["weekdays"], r, "weekdays", 7, &out->weekdays);
  if (node["numbers"]) ParseNumberTable(node["numbers"], r, "numbers", 1000000000L, &out->numbers);
  if (node["ordinals"]) ParseNumberTable(node["ordinals"], r, "ordinals", 100, &out->ordinals);
  if (node["seasons"]) ParseNameMap(node["seasons"], r, "season", {"SP", "SU", "FA", "WI"}, &out->seasons);
  if (node["units"])
    ParseNameMap(node["units"], r, "unit",
                 {"day", "week", "weekend", "month", "quarter", "half", "season", "year", "decade",
                  "century", "hour", "minute"},
                 &out->units);
  if (node["modifiers"]) ParseNameMap(node["modifiers"], r, "modifier", {"early", "mid", "late"}, &out->modifiers);
  if (node["day_parts"]) ParseNameMap(node["day_parts"], r, "day part", {"MO", "AF", "EV", "NI"}, &out->day_parts);
  if (node["words"])
    ParseNameMap(node["words"], r, "word role",
                 {"last", "next", "this", "ago", "later", "earlier", "before", "after", "since",
                  "until", "by", "between", "and", "from", "to", "in", "on", "of", "the", "every",
                  "today", "yesterday", "tomorrow", "tonight", "following", "previous", "few",
                  "am", "pm", "fiscal", "recent", "vague", "that", "same"},
                 &out->words);
  if (YAML::Node p = node["phrases"]) {
    if (!p.IsSequence()) {
      r.Error(p, "rule-type", "'phrases' must be a list of {text, type, value} or holidays");
    } else {
      for (const auto& item : p) {
        if (!r.CheckKeys(item, {"text", "type", "value", "month", "day", "weekday", "nth"})) continue;
        auto text = r.String(item, "text", true);
        auto type = r.String(item, "type", true);
        auto month = r.Number(item, "month", false, 1, 12);
        auto value = r.String(item, "value", !month);
        if (!text || !type || (!value && !month)) continue;
        auto day = r.Number(item, "day", false, 1, 31);
        auto weekday = r.Number(item, "weekday", false, 1, 7);
        auto nth = r.Number(item, "nth", false, 1, 5);
        if (month && !day && !(weekday && nth)) {
          r.Error(item, "rule-missing-key", "a holiday needs 'day', or 'weekday' and 'nth'");
          continue;
        }
        if (*type != "DATE" && *type != "TIME" && *type != "DURATION" && *type != "SET") {
          r.Error(item["type"], "rule-range", "'type' must be DATE, TIME, DURATION or SET");
          continue;
        }
        TimexPhrase ph{SplitWords(*text), *type, value ? *value : "XXXX-XX-XX"};
        ph.month = month ? int(*month) : 0;
        ph.day = day ? int(*day) : 0;
        ph.weekday = weekday ? int(*weekday) : 0;
        ph.nth = nth ? int(*nth) : 0;
        if (ph.words.empty()) {
          r.Error(item["text"], "rule-range", "'text' must not be empty");
          continue;
        }
        out->phrases.push_back(std::move(ph));
      }
    }
  }
  if (auto l = r.StringList(node, "ambiguous", false))
    for (auto& w : *l) out->ambiguous.push_back(Lower(w));
  if (auto l = r.StringList(node, "future_cues", false))
    for (auto& w : *l) out->future_cues.push_back(Lower(w));
  if (auto l = r.StringList(node, "past_cues", false))
    for (auto& w : *l) out->past_cues.push_back(Lower(w));
  if (auto l = r.StringList(node, "past_suffixes", false))
    for (auto& w : *l) out->past_suffixes.push_back(Lower(w));
  if (auto l = r.StringList(node, "happenings", false))
    for (auto& w : *l) out->happenings.push_back(Lower(w));
  if (auto b = r.Bool(node, "day_first")) out->day_first = *b;
  if (auto n = r.Number(node, "two_digit_pivot", false, 0, 99)) out->two_digit_pivot = int(*n);
}

}  // namespace recon

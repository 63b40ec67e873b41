// Lexicon and Tokenize: the compiled time-expression vocabulary and the tokenizer the tagger
// scans. Kept apart from the grammar so the hot loop (tokenize + one filter test a word) is small.
#include "timex_lexicon.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>


namespace recon::timex {
namespace {

inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; }
inline bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// IsAlpha as a table, for the loop over a word's letters.
constexpr std::array<bool, 256> kLetter = [] {
  std::array<bool, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 32] = true;
  return t;
}();

// What a byte begins, for the tokenizer's first test: one load instead of a chain of compares.
enum ByteClass : uint8_t { kOtherByte, kSpaceByte, kLetterByte, kDigitByte, kHighByte };
constexpr std::array<ByteClass, 256> kByteClass = [] {
  std::array<ByteClass, 256> t{};
  for (int c = 0x80; c < 256; ++c) t[c] = kHighByte;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 32] = kLetterByte;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigitByte;
  t[' '] = t['\t'] = t['\r'] = t['\n'] = kSpaceByte;
  return t;
}();

inline uint64_t Load8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

constexpr uint64_t kEachByte = 0x0101010101010101ull;

// The end of the run of ASCII letters from s[j] (j <= n). Eight bytes at a time: a byte is a
// letter when, with 0x20 set, it lies in 'a'..'z'; the per-byte sums below never carry into the
// next byte because the high bits are masked off first.
inline size_t LetterRunEnd(const char* s, size_t j, size_t n) {
  for (; j + 8 <= n; j += 8) {
    const uint64_t x = Load8(s + j) | (0x20 * kEachByte);
    const uint64_t low = x & (0x7F * kEachByte);
    const uint64_t at_least_a = low + (0x80 - 'a') * kEachByte;  // high bit: >= 'a'
    const uint64_t past_z = low + (0x80 - 'z' - 1) * kEachByte;  // high bit: > 'z'
    const uint64_t letter = at_least_a & ~past_z & ~x & (0x80 * kEachByte);
    const uint64_t other = ~letter & (0x80 * kEachByte);
    if (other != 0) {
      const int bits = std::endian::native == std::endian::little ? std::countr_zero(other)
                                                                   : std::countl_zero(other);
      return j + size_t(bits / 8);
    }
  }
  while (j < n && kLetter[uint8_t(s[j])]) ++j;
  return j;
}

// Whether a[0, len) and b[0, len) agree, for 1 <= len <= Lexicon::kMaxWord, when both are
// buffers of kMaxWord bytes that are zero past len: eight bytes a compare, with no masking.
inline bool SameBytes(const char* a, const char* b, size_t len) {
  for (size_t k = 0; k < len; k += 8)
    if (Load8(a + k) != Load8(b + k)) return false;
  return true;
}

// Lower-cases the ASCII letters word[0, len) into buf (len <= Lexicon::kMaxWord), whose bytes
// past len must be zero and stay so; `avail` bytes may be read from `word`. Eight at a time when
// the whole buffer's worth can be read, the last eight cut to the word.
inline void LowerInto(const char* word, size_t len, size_t avail, char* buf) {
  static_assert(Lexicon::kMaxWord % 8 == 0);
  if (avail >= Lexicon::kMaxWord) {
    for (size_t k = 0; k < len; k += 8) {
      uint64_t w = Load8(word + k) | (0x20 * kEachByte);
      if (const size_t left = len - k; left < 8) {  // keep only the first `left` bytes in memory
        const uint64_t low = (uint64_t(1) << (8 * left)) - 1;
        w &= std::endian::native == std::endian::little ? low : ~(~uint64_t(0) >> (8 * left));
      }
      std::memcpy(buf + k, &w, 8);
    }
    return;
  }
  for (size_t k = 0; k < len; ++k) buf[k] = char(word[k] | 0x20);
}

constexpr const char* kRoleNames[kRoleCount] = {
    "",       "last",      "next",     "this",     "ago",       "later",     "earlier",
    "before", "after",     "since",    "until",    "by",        "between",   "and",
    "from",   "to",        "in",       "on",       "of",        "the",       "every",
    "today",  "yesterday", "tomorrow", "tonight",  "following", "previous",  "few",
    "am",     "pm",        "fiscal",   "recent",   "vague",     "that",      "same"};

constexpr const char* kUnitNames[kUnitCount] = {
    "",       "day",  "week",   "weekend", "month", "quarter", "half",
    "season", "year", "decade", "century", "hour",  "minute"};

int IndexOf(const std::string& s, std::initializer_list<const char*> names) {
  int i = 1;
  for (const char* n : names) {
    if (s == n) return i;
    ++i;
  }
  return 0;
}

}  // namespace

const char* UnitName(Unit u) { return kUnitNames[u]; }

Unit UnitFromName(std::string_view s) {
  for (int i = 1; i < kUnitCount; ++i)
    if (s == kUnitNames[i]) return Unit(i);
  return kNoUnit;
}

Lexicon::Lexicon(const TimexRules& rules) : rules_(rules) {
  std::map<int, std::string> longest;
  for (const auto& [w, m] : rules.months) {
    Add(w)->month = int8_t(m);
    if (w.size() > longest[m].size()) longest[m] = w;
  }
  for (const auto& [m, w] : longest) Add(w)->full_name = true;
  for (const auto& [w, d] : rules.weekdays) Add(w)->weekday = int8_t(d);
  for (const auto& [w, s] : rules.seasons) Add(w)->season = int8_t(IndexOf(s, {"SP", "SU", "FA", "WI"}));
  for (const auto& [w, n] : rules.numbers) Add(w)->number = n;
  for (const auto& [w, n] : rules.ordinals) Add(w)->ordinal = int8_t(n);
  for (const auto& [w, u] : rules.units) {
    Lex* l = Add(w);
    l->unit = UnitFromName(u);
    l->plural = w.size() > 1 && w.back() == 's' && w != u;
  }
  for (const auto& [w, m] : rules.modifiers) Add(w)->modifier = int8_t(IndexOf(m, {"early", "mid", "late"}));
  for (const auto& [w, p] : rules.day_parts) Add(w)->day_part = int8_t(IndexOf(p, {"MO", "AF", "EV", "NI"}));
  for (const auto& [w, r] : rules.words) {
    for (int i = 1; i < kRoleCount; ++i)
      if (r == kRoleNames[i]) Add(w)->role = Role(i);
  }
  for (const auto& w : rules.ambiguous) Add(w)->ambiguous = true;
  for (const auto& w : rules.future_cues) Add(w)->future = true;
  for (const auto& w : rules.past_cues) Add(w)->past = true;
  for (size_t i = 0; i < rules.phrases.size(); ++i) {
    const std::vector<std::string>& words = rules.phrases[i].words;
    Lex* l = Add(words[0]);
    l->phrases.push_back(int(i));
    l->phrase_next |= uint32_t(1) << (words.size() == 1 ? 0 : std::min<size_t>(words[1].size(), 31));
  }
  // Prepositions and conjunctions only qualify an expression that starts after them; keeping
  // them from starting one is what makes common words cheap.
  for (Lex& l : lex_) {
    bool role_starts = l.role != kNoRole && l.role != kAgo && l.role != kSince && l.role != kUntil &&
                       l.role != kBy && l.role != kBetween && l.role != kAnd && l.role != kFrom &&
                       l.role != kTo && l.role != kIn && l.role != kOn && l.role != kOf &&
                       l.role != kAm && l.role != kPm && l.role != kFiscal && l.role != kVague;
    l.starts = role_starts || l.month || l.weekday || l.season || l.ordinal || l.modifier ||
               l.number >= 0 || !l.phrases.empty();
  }
  // Group the keys: count each group's, turn the counts into run starts, then place the keys.
  std::vector<size_t> key_group;  // kGroups: in no group
  group_.assign(kGroups + 1, 0);
  for (const auto& [key, index] : index_) {
    const char f = key.front(), l = key.back();
    const bool letters = f >= 'a' && f <= 'z' && l >= 'a' && l <= 'z';
    key_group.push_back(letters ? GroupOf(f, l, key.size()) : kGroups);
    if (letters) ++group_[key_group.back() + 1];
  }
  for (size_t g = 0; g < kGroups; ++g) group_[g + 1] += group_[g];
  entries_.resize(group_[kGroups]);
  std::vector<uint32_t> next(group_.begin(), group_.end() - 1);
  size_t k = 0;
  for (const auto& [key, index] : index_) {
    const size_t g = key_group[k++];
    if (g == kGroups) continue;
    Entry& e = entries_[next[g]++];
    std::memcpy(e.key, key.data(), key.size());
    e.index = index;
  }
  index_.clear();
}

Lex* Lexicon::Add(const std::string& lower) {
  if (lower.empty() || lower.size() > kMaxWord) {
    sink_ = Lex();  // words the tokenizer can never produce; their entries go nowhere
    return &sink_;
  }
  auto [it, added] = index_.emplace(lower, int(lex_.size()));
  if (added) lex_.emplace_back();
  // lex_ may reallocate: callers use the pointer at once, before the next Add.
  return &lex_[it->second];
}

const Lex* Lexicon::Find(std::string_view word) const {
  if (word.size() > kMaxWord || word.empty()) return nullptr;
  // Callers pass ASCII letter runs (the tokenizer's words).
  if (!MayHold(word.front(), word.back(), word.size())) return nullptr;
  char buf[kMaxWord] = {};
  for (size_t i = 0; i < word.size(); ++i) buf[i] = Lower(word[i]);
  return FindLower(buf, word.size());
}

inline const Lex* Lexicon::FindLower(const char* lower, size_t len) const {
  // The keys of a group all have this length.
  const size_t g = GroupOf(lower[0], lower[len - 1], len);
  for (size_t k = group_[g]; k < group_[g + 1]; ++k)
    if (SameBytes(entries_[k].key, lower, len)) return &lex_[entries_[k].index];
  return nullptr;
}

void Tokenize(std::string_view text, const Lexicon& lexicon, std::vector<Tok>* out,
              std::vector<uint32_t>* starts) {
  out->clear();
  out->reserve(text.size() / 5 + 16);
  starts->clear();
  const char* s = text.data();
  const size_t n = text.size();
  size_t i = 0;
  int newlines = 0;
  while (i < n) {
    const char c = s[i];
    const ByteClass cls = kByteClass[uint8_t(c)];
    if (cls == kSpaceByte) {
      if (c == '\n' && ++newlines == 2 && !out->empty() && out->back().punct != '\n') {
        Tok& t = out->emplace_back();
        t.b = t.e = uint32_t(i);
        t.punct = '\n';
      }
      ++i;
      continue;
    }
    newlines = 0;
    // Built in place: a local Tok copied in by push_back cost a dozen instructions a token.
    Tok& t = out->emplace_back();
    t.b = uint32_t(i);
    if (cls == kLetterByte) {
      const size_t j = LetterRunEnd(s, i + 1, n);
      const size_t len = j - i;
      t.kind = kWord;
      t.cap = c <= 'Z';
      if (len <= Lexicon::kMaxWord && lexicon.MayHold(c, s[j - 1], len)) {
        char buf[Lexicon::kMaxWord] = {};  // zero past the word: FindLower compares whole words
        LowerInto(s + i, len, n - i, buf);
        t.lex = lexicon.FindLower(buf, len);
        if (t.lex && t.lex->starts) starts->push_back(uint32_t(out->size() - 1));
      }
      t.e = uint32_t(j);
      i = j;
    } else if (cls == kDigitByte) {
      size_t j = i;
      long v = 0;
      while (j < n && IsDigit(s[j])) {
        if (j - i < 9) v = v * 10 + (s[j] - '0');
        ++j;
      }
      t.kind = kNum;
      t.ndig = uint8_t(std::min<size_t>(j - i, 255));
      t.plain = true;
      t.num = j - i <= 9 ? v : -1;
      while (j + 1 < n && (s[j] == ',' || s[j] == '.') && IsDigit(s[j + 1])) {
        t.plain = false;
        j += 2;
        while (j < n && IsDigit(s[j])) ++j;
      }
      if (t.plain && j < n && IsAlpha(s[j])) {
        size_t k = j;
        while (k < n && IsAlpha(s[k])) ++k;
        std::string_view suf = text.substr(j, k - j);
        if (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") {
          t.suffix = 1;
          j = k;
        } else if (suf == "s") {
          t.suffix = 2;
          j = k;
        }
      }
      t.e = uint32_t(j);
      i = j;
      if (t.plain || t.ndig == 4) starts->push_back(uint32_t(out->size() - 1));
    } else if (cls == kHighByte) {
      size_t j = i + 1;
      while (j < n && (uint8_t(s[j]) & 0xC0) == 0x80) ++j;
      // U+2019 (right single quotation mark) stands for an apostrophe: "’94".
      t.punct = (j - i == 3 && uint8_t(s[i]) == 0xE2 && uint8_t(s[i + 1]) == 0x80 &&
                 uint8_t(s[i + 2]) == 0x99)
                    ? '\''
                    : '~';
      t.e = uint32_t(j);
      i = j;
      if (t.punct == '\'') starts->push_back(uint32_t(out->size() - 1));
    } else {
      t.punct = c;
      t.e = uint32_t(i + 1);
      ++i;
      if (c == '\'') starts->push_back(uint32_t(out->size() - 1));
    }
    // Most tokens are followed by one space: skipped here rather than by a turn of the loop.
    if (i < n && s[i] == ' ') ++i;
  }
}

}  // namespace recon::timex

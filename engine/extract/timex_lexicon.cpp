// Lexicon and Tokenize: the compiled time-expression vocabulary and the tokenizer the tagger
// scans. Kept apart from the grammar so the hot loop (tokenize + one filter test a word) is small.
#include "timex_lexicon.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace recon::timex {
namespace {

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

// The end of the run of ASCII letters from s[j] (j <= n). Sixteen bytes a step where SSE2 is
// there (one step covers most words), else eight: a byte is a letter when, with 0x20 set, it lies
// in 'a'..'z'. In the eight-byte step the per-byte sums never carry into the next byte because
// the high bits are masked off first.
inline size_t LetterRunEnd(const char* s, size_t j, size_t n) {
#ifdef __SSE2__
  // Shifted so that 'a'..'z' land on the 26 smallest signed bytes (-128..-103), and every other
  // byte above them.
  const __m128i case_bit = _mm_set1_epi8(0x20), shift = _mm_set1_epi8(char(0x80 - 'a'));
  const __m128i past_z = _mm_set1_epi8(-128 + 26);
  for (; j + 16 <= n; j += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + j));
    const __m128i x = _mm_add_epi8(_mm_or_si128(v, case_bit), shift);
    const unsigned other = ~unsigned(_mm_movemask_epi8(_mm_cmplt_epi8(x, past_z))) & 0xFFFF;
    if (other != 0) return j + size_t(std::countr_zero(other));
  }
#endif
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

// The mask that keeps the first `len` (1..8) bytes in memory of a Load8 word.
inline uint64_t FirstBytes(size_t len) {
  if (len >= 8) return ~uint64_t(0);
  return std::endian::native == std::endian::little ? (uint64_t(1) << (8 * len)) - 1
                                                    : ~(~uint64_t(0) >> (8 * len));
}

// Lower-cases the ASCII letters word[0, len) into buf (len <= Lexicon::kMaxWord), whose bytes
// past len must be zero and stay so; `avail` bytes may be read from `word`. Eight at a time when
// the whole buffer's worth can be read, the last eight cut to the word.
inline void LowerInto(const char* word, size_t len, size_t avail, char* buf) {
  static_assert(Lexicon::kMaxWord % 8 == 0);
  if (avail >= Lexicon::kMaxWord) {
    for (size_t k = 0; k < len; k += 8) {
      const uint64_t w = (Load8(word + k) | (0x20 * kEachByte)) & FirstBytes(len - k);
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
    if (words.size() > 1 && !words[1].empty())
      l->phrase_next_initial |= uint32_t(1) << (words[1][0] & 31);
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

inline const Lex* Lexicon::Find(const char* word, size_t len, size_t avail) const {
  if (len == 0 || len > kMaxWord) return nullptr;
  // The keys of a group all have this length.
  const size_t g = GroupOf(word[0], word[len - 1], len);
  const uint32_t first = group_[g], end = group_[g + 1];
  if (first == end) return nullptr;  // most words of running text
  if (len <= 8 && avail >= 8) {
    // Lower-cased and cut to its length, the word is the first eight bytes of its key.
    const uint64_t w = (Load8(word) | (0x20 * kEachByte)) & FirstBytes(len);
    for (size_t k = first; k < end; ++k)
      if (Load8(entries_[k].key) == w) return &lex_[entries_[k].index];
    return nullptr;
  }
  char buf[kMaxWord] = {};  // zero past the word, as the keys are: whole words are compared
  LowerInto(word, len, avail, buf);
  for (size_t k = first; k < end; ++k)
    if (SameBytes(entries_[k].key, buf, len)) return &lex_[entries_[k].index];
  return nullptr;
}

size_t Tokenize(std::string_view text, const Lexicon& lexicon, std::vector<Tok>* out,
                std::vector<uint32_t>* starts) {
  starts->clear();
  const char* s = text.data();
  const size_t n = text.size();
  size_t count = 0;  // tokens written to the front of *out
  size_t i = 0;
  int newlines = 0;
  while (i < n) {
    // Every token is made at a byte of its own (a paragraph break at its second newline), so the
    // bytes up to `limit` make at most limit - i tokens: room is made once a slice, and the tokens
    // are written through a pointer with no size test each.
    constexpr size_t kSlice = 4096;
    const size_t limit = std::min(n, i + kSlice);
    if (const size_t room = count + (limit - i); out->size() < room)
      out->resize(std::max(room, 2 * out->size()));
    Tok* const toks = out->data();
    Tok* t = toks + count;
    while (i < limit) {
      const char c = s[i];
      const ByteClass cls = kByteClass[uint8_t(c)];
      if (cls == kLetterByte) {
        newlines = 0;
        const size_t j = LetterRunEnd(s, i + 1, n);
        const size_t len = j - i;
        const Lex* lex = lexicon.Find(s + i, len, n - i);
        if (lex && lex->starts) starts->push_back(uint32_t(t - toks));
        *t++ = Tok{.b = uint32_t(i), .e = uint32_t(j), .kind = kWord, .cap = c <= 'Z', .lex = lex};
        i = j;
      } else if (cls == kSpaceByte) {
        if (c == '\n' && ++newlines == 2 && t != toks && t[-1].punct != '\n')
          *t++ = Tok{.b = uint32_t(i), .e = uint32_t(i), .punct = '\n'};
        ++i;
        continue;
      } else if (cls == kDigitByte) {
        newlines = 0;
        Tok& tok = *t++;
        tok = Tok{.b = uint32_t(i), .kind = kNum};
        size_t j = i;
        long v = 0;
        while (j < n && IsDigit(s[j])) {
          if (j - i < 9) v = v * 10 + (s[j] - '0');
          ++j;
        }
        tok.ndig = uint8_t(std::min<size_t>(j - i, 255));
        tok.plain = true;
        tok.num = j - i <= 9 ? v : -1;
        while (j + 1 < n && (s[j] == ',' || s[j] == '.') && IsDigit(s[j + 1])) {
          tok.plain = false;
          j += 2;
          while (j < n && IsDigit(s[j])) ++j;
        }
        if (tok.plain && j < n && IsAlpha(s[j])) {
          size_t k = j;
          while (k < n && IsAlpha(s[k])) ++k;
          std::string_view suf = text.substr(j, k - j);
          if (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") {
            tok.suffix = 1;
            j = k;
          } else if (suf == "s") {
            tok.suffix = 2;
            j = k;
          }
        }
        tok.e = uint32_t(j);
        i = j;
        if (tok.plain || tok.ndig == 4) starts->push_back(uint32_t(t - toks - 1));
      } else if (cls == kHighByte) {
        newlines = 0;
        size_t j = i + 1;
        while (j < n && (uint8_t(s[j]) & 0xC0) == 0x80) ++j;
        // U+2019 (right single quotation mark) stands for an apostrophe: "’94".
        const bool apostrophe = j - i == 3 && uint8_t(s[i]) == 0xE2 && uint8_t(s[i + 1]) == 0x80 &&
                                uint8_t(s[i + 2]) == 0x99;
        if (apostrophe && j < n && IsDigit(s[j])) starts->push_back(uint32_t(t - toks));
        *t++ = Tok{.b = uint32_t(i), .e = uint32_t(j), .punct = apostrophe ? '\'' : '~'};
        i = j;
      } else {
        newlines = 0;
        if (c == '\'' && i + 1 < n && IsDigit(s[i + 1])) starts->push_back(uint32_t(t - toks));
        *t++ = Tok{.b = uint32_t(i), .e = uint32_t(i + 1), .punct = c};
        ++i;
      }
      // Most tokens are followed by one space: skipped here rather than by a turn of the loop.
      if (i < n && s[i] == ' ') ++i;
    }
    count = size_t(t - toks);
  }
  return count;
}

}  // namespace recon::timex

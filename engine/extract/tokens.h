// Tokens and phrase patterns: the scanner every extraction rule runs on. Private to extract.
#ifndef RECON_EXTRACT_TOKENS_H_
#define RECON_EXTRACT_TOKENS_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace recon {

// The first index from `from` on where `s` holds byte `a` or byte `b`; s.size() when there is
// none. Sixteen bytes a step where SSE2 is there: for scans that pass every byte of a document
// and stop at few.
inline size_t FindEither(std::string_view s, size_t from, char a, char b) {
  size_t i = from;
#ifdef __SSE2__
  const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b);
  for (; i + 16 <= s.size(); i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    int mask = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)));
    if (mask != 0) return i + size_t(__builtin_ctz(unsigned(mask)));
  }
#endif
  for (; i < s.size(); ++i)
    if (s[i] == a || s[i] == b) return i;
  return s.size();
}

// Lets unordered maps keyed by std::string be searched with a string_view, without a copy.
// The keys are short words: eight bytes a step and a word's last bytes in one load, where FNV-1a
// took two instructions a byte and std::hash's block hash more. Nothing iterates these maps, so
// the hash never reaches the output.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    const char* p = s.data();
    size_t n = s.size();
    uint64_t h = uint64_t(n) * 0x9E3779B97F4A7C15ull;
    for (; n >= 8; p += 8, n -= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
      h ^= h >> 31;
    }
    uint64_t tail = 0;
    if (n >= 4) {  // the first and last four bytes, overlapping when n < 8
      uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
      tail = uint64_t(a) << 32 | b;
    } else if (n > 0) {
      tail = uint64_t((unsigned char)p[0]) << 16 | uint64_t((unsigned char)p[n / 2]) << 8 | (unsigned char)p[n - 1];
    }
    h = (h ^ tail) * 0x94D049BB133111EBull;
    return size_t(h ^ (h >> 29));
  }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

// 16 bits of a lower-case word's (first byte, second byte, last byte, length), which the phrase
// matchers' filters are indexed by (PhraseMatcher::MayBegin). The same for every matcher, so
// Tokenize works it out once per token. The second byte tells apart common words that share the
// other three with a pattern's first word ("his" and "has", "said" and "sued"), which otherwise
// pass every filter.
inline uint16_t WordFilterKey(std::string_view w) {
  if (w.empty()) return 0;
  uint32_t key = uint32_t((unsigned char)w.front()) << 24 | uint32_t(w.size() > 1 ? (unsigned char)w[1] : 0) << 16 |
                 uint32_t((unsigned char)w.back()) << 8 | uint32_t(std::min<size_t>(w.size(), 255));
  return uint16_t((key * 2654435761u) >> 16);
}

// Whether two words are the same, compared in line: the words patterns compare are short, and
// a call to memcmp cost more than their bytes.
inline bool SameWord(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k)
    if (a[k] != b[k]) return false;
  return true;
}

// A double quote mark, straight or curly.
// A possessive ending token: "'s" or "\u2019s" (Tokenize splits it off: "Kim Jong Un" + "'s").
inline bool IsPossessiveMark(std::string_view lower) { return lower == "'s" || lower == "\xE2\x80\x99s"; }
// "the", "this", "that": a noun after one was spoken of before ("the diplomat").
inline bool IsDefinite(std::string_view lower) { return lower == "the" || lower == "this" || lower == "that"; }
// A definite determiner or "a", "an".
inline bool IsArticle(std::string_view lower) { return IsDefinite(lower) || lower == "a" || lower == "an"; }

// A dash standing alone: hyphen-minus, em dash or en dash (a dateline's or an entry stamp's).
inline bool IsDash(std::string_view t) { return t == "-" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93"; }

inline bool IsDoubleQuote(std::string_view t) { return t == "\"" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D"; }
// A quote mark standing alone: straight or curly, double or single.
inline bool IsQuoteMark(std::string_view t) {
  return IsDoubleQuote(t) || t == "'" || t == "\xE2\x80\x98" || t == "\xE2\x80\x99";
}
// Every text IsQuoteMark is true of, for tables that list them.
inline constexpr std::string_view kQuoteMarks[] = {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D",
                                                   "'",  "\xE2\x80\x98", "\xE2\x80\x99"};

// A token is a view into the document text plus its ASCII-lowercased twin.
struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string_view text;   // as written
  std::string_view lower;  // lower case, same length
  TokenKind kind = TokenKind::kWord;
  bool cap = false;         // starts with an ASCII capital; set by Tokenize (in padding, as the keys)
  uint16_t filter_key = 0;  // WordFilterKey(lower); set by Tokenize
  uint16_t head = 0;        // lower's first byte << 8 | its second (0 when none); set by Tokenize
  // Asked of most tokens by every finder, so Tokenize works it out once.
  bool capitalized() const { return cap; }
};

// Splits text[begin, end) into tokens. `lower` is the lowercased copy of the whole text.
// Words keep inner hyphens and apostrophes ("Yong-ho", "can't"); numbers keep inner separators
// ("33,000", "3.5"); every other non-space byte is a one-byte punctuation token.
void Tokenize(std::string_view text, std::string_view lower, size_t begin, size_t end,
              std::vector<Token>* out);

// Compiled phrase patterns (the rule-pack pattern language: `a|b`, `pre*`, `[optional]`),
// indexed by their possible first words. Immutable after Add; safe to share across threads.
class PhraseMatcher {
 public:
  struct Match {
    uint32_t pattern = 0;   // value passed to Add
    uint32_t first = 0;     // token index of the first matched token
    uint32_t last = 0;      // one past the last matched token
  };

  // Adds a pattern; `id` is returned in matches. Returns false when the pattern has no words.
  bool Add(std::string_view pattern, uint32_t id);
  // Every match starting at token `i`, longest first.
  void MatchAt(const std::vector<Token>& tokens, uint32_t i, std::vector<Match>* out) const {
    // Inline, since most tokens begin no match and a call per token and matcher showed.
    if (MayBegin(tokens, i)) Walk(tokens, i, out);
  }
  // Every match in tokens[from, to), left to right; overlapping matches are all reported.
  std::vector<Match> FindAll(const std::vector<Token>& tokens, uint32_t from, uint32_t to) const;
  bool empty() const { return patterns_.empty(); }

 private:
  struct Alternative {
    std::vector<std::string> words;  // lower case, as tokenized
    bool prefix = false;             // last word is a prefix
    uint16_t first_key = 0;          // WordFilterKey(words[0]): a token without it is not that word
    // Whether a token may be the alternative's first word, from its filter key alone.
    bool MayStartAt(const Token& t) const { return (prefix && words.size() == 1) || t.filter_key == first_key; }
  };
  struct Slot {
    std::vector<Alternative> alternatives;
    bool optional = false;
    // "~N": up to N words of any kind, no punctuation ("sent ~4 back": "sent about 80 North
    // Koreans back"); never a pattern's first or last slot.
    uint8_t gap = 0;
    // A bit per (first byte, length) of the alternatives' first words (SlotKey), so a token
    // that can begin none of them skips the word-by-word comparisons; ~0 when an alternative
    // is a prefix ("defect*"), which fits words of any length.
    uint64_t keys = 0;
  };
  static uint64_t SlotKey(std::string_view w) {
    return uint64_t(1) << (((unsigned char)w[0] * 7u + std::min<size_t>(w.size(), 31)) & 63);
  }
  struct Pattern {
    std::vector<Slot> slots;
    uint32_t id = 0;
  };

  // The patterns' first words, two ways. Whole words ("was", "executed") in a hash table keyed
  // by the filter key Tokenize gave each token: a probe or two per token. First words that are
  // prefixes ("defect*") in a byte trie, walked along the token's lower-case bytes, which passes
  // every such prefix on the way; only tokens whose first bytes begin one walk it.
  struct FirstWord {
    std::string word;
    uint32_t list = 0;  // index in lists_ of the patterns that begin with it; 0: an empty slot
    uint16_t key = 0;   // WordFilterKey(word)
  };
  // One cache line per node: up to kInline children in place, more in a 256-entry table; the
  // pattern lists live apart.
  static constexpr int kInline = 7;
  struct alignas(64) TrieNode {
    uint8_t bytes[kInline] = {};
    uint8_t count = 0;            // children in bytes/kids; ignored once `table` is set
    uint32_t kids[kInline] = {};  // node index of the child for bytes[k]
    uint32_t table = 0;           // 1 + index of its 256-entry child table in tables_; 0: none
    uint32_t prefixes = 0;        // index in lists_ of the patterns whose first word is this prefix
  };

  // Whether alternative `a` matches the tokens at `i`, checking its words from `from` on.
  static bool MatchAlternative(const Alternative& a, const std::vector<Token>& tokens, uint32_t i,
                               size_t from = 0);
  void MatchFrom(const Pattern& p, size_t slot, const std::vector<Token>& tokens, uint32_t i,
                 uint32_t* best) const;
  void Index(uint32_t pattern_index, size_t slot);
  // The index in lists_ of the patterns beginning with whole word `word`, made when missing.
  uint32_t FirstWordList(const std::string& word);
  uint32_t Node(std::string_view word);  // the trie node of `word`, created when missing
  uint32_t Child(uint32_t node, unsigned char c) const;  // 0 when there is none

  std::vector<Pattern> patterns_;
  std::vector<FirstWord> first_words_;  // open addressing; a power of two in size, at most half full
  size_t first_word_count_ = 0;
  std::vector<TrieNode> trie_;    // prefixes only; node 0 is the root (made by the first prefix)
  std::vector<uint32_t> tables_;  // child tables, 256 entries each
  // A first word of a pattern: alternative `alternative` of slot `slot`, all slots before
  // which are optional. The lookup has matched it, so matching goes on after it.
  struct Entry {
    uint32_t pattern = 0;  // index in patterns_
    uint32_t slot = 0;
    uint32_t alternative = 0;
    // The token after the first word must be one of the words whose SlotKey bits are in
    // `next_keys` (~0: anything, where the pattern may end, skip or take a prefix): the
    // alternative's second word, or else the first words of the next slots up to one that is
    // not optional. Most entries of common first words ("was", "the") are turned away here,
    // before the pattern is looked at.
    uint64_t next_keys = ~uint64_t(0);
    bool quote_may_follow = false;  // a quote mark there is skipped, so it passes too
    bool operator==(const Entry&) const = default;
  };
  std::vector<std::vector<Entry>> lists_{1};  // first-word lists; 0 means none
  // A filter ahead of the lookups, so most tokens cost a load or two. A token can begin a
  // match only when it equals some first word, which then has the token's WordFilterKey
  // (`words_` holds them as a bit set), or when it starts with some first-word prefix
  // ("defect*"): then its first two bytes are among those that begin one (`prefix_pairs_`,
  // 65536 bits; a prefix of one byte sets every pair it begins, and its byte followed by 0,
  // which is a one-letter word's). Common words ("the", "was") share first bytes with many
  // first words, which is why a filter on the first two bytes alone let a third of all
  // tokens through for nothing. A token that may be a whole first word must also be followed
  // by a word or quote mark some pattern may go on with from it (`pairs_`, 65536 bits indexed
  // by PairKey of the two tokens' keys), unless one may go on with anything (`any_next_`):
  // common first words ("the", ",", "to") are mostly followed by none of theirs.
  // False when no match can begin with token i. Reads the token's own fields and its
  // follower's key only, not their text: this runs for every token and matcher.
  bool MayBegin(const std::vector<Token>& tokens, uint32_t i) const {
    const Token& t = tokens[i];
    if (Bit(words_, t.filter_key) &&
        (Bit(any_next_, t.filter_key) ||
         (i + 1 < tokens.size() && Bit(pairs_, PairKey(t.filter_key, tokens[i + 1].filter_key)))))
      return true;
    return MayBeginPrefix(t);
  }
  // Whether the token's first bytes may begin a first word that is a prefix.
  bool MayBeginPrefix(const Token& t) const { return has_prefixes_ && Bit(prefix_pairs_, t.head); }
  static size_t PairKey(uint16_t word, uint16_t next) {
    return ((uint32_t(word) << 16 | next) * 2654435761u) >> 16;
  }
  static bool Bit(const uint64_t* set, size_t k) { return set[k / 64] >> (k % 64) & 1; }
  static void SetBit(uint64_t* set, size_t k) { set[k / 64] |= uint64_t(1) << (k % 64); }
  // MatchAt for a token the filter let through: looks the token up among the whole first
  // words, and walks the trie of prefixes when its first bytes begin one.
  void Walk(const std::vector<Token>& tokens, uint32_t i, std::vector<Match>* out) const;
  bool has_prefixes_ = false;  // some first word is a prefix
  uint64_t words_[65536 / 64] = {};
  uint64_t any_next_[65536 / 64] = {};
  uint64_t pairs_[65536 / 64] = {};
  uint64_t prefix_pairs_[65536 / 64] = {};
};

// A set of words with cheap pre-checks ahead of the hash lookup: most words of running text
// are not in a given list and are turned away without hashing. The first check is a word's
// first byte and length; what passes it (common words: "The" for a list of surnames with a
// three-letter "T...") meets a 4096-bit set indexed by a hash of its first, middle and last
// byte and length, since a hash lookup costs some fifty instructions.
class WordSet {
 public:
  void insert(std::string word) {
    if (word.empty()) return;
    lengths_[(unsigned char)word[0]] |= 1u << std::min<size_t>(word.size(), 31);
    const size_t k = FilterIndex(word);
    filter_[k / 64] |= uint64_t(1) << (k % 64);
    words_.emplace(std::move(word), true);
  }
  size_t count(std::string_view word) const {
    if (word.empty() || !(lengths_[(unsigned char)word[0]] >> std::min<size_t>(word.size(), 31) & 1))
      return 0;
    const size_t k = FilterIndex(word);
    if (!(filter_[k / 64] >> (k % 64) & 1)) return 0;
    return words_.count(word);
  }
  bool empty() const { return words_.empty(); }

 private:
  static size_t FilterIndex(std::string_view w) {
    uint32_t key = uint32_t((unsigned char)w.front()) | uint32_t((unsigned char)w.back()) << 8 |
                   uint32_t((unsigned char)w[w.size() / 2]) << 16 |
                   uint32_t(std::min<size_t>(w.size(), 255)) << 24;
    return (key * 2654435761u) >> 20;
  }
  uint32_t lengths_[256] = {};  // bit n: some word of length n (31: 31 or more) starts with the byte
  uint64_t filter_[64] = {};    // 4096 bits
  StringMap<bool> words_;
};

// Words, or words in a row, looked for in a stretch of tokens: a trigger's requires_near and
// not_near lists ("attempt on", "collided"). A word ending in "*" is a prefix ("hwasong*" fits
// "Hwasong-15s"); quote marks between the words of a phrase are skipped. Split once, so a
// lookup costs a word-set probe a token and compares words only where one may begin.
class PhraseList {
 public:
  PhraseList() = default;
  explicit PhraseList(const std::vector<std::string>& phrases);
  bool empty() const { return phrases_.empty(); }
  // The first token of [lo, hi) where a phrase begins and ends before hi; hi when none does.
  uint32_t Find(const std::vector<Token>& tokens, uint32_t lo, uint32_t hi) const;
  bool AnyIn(const std::vector<Token>& tokens, uint32_t lo, uint32_t hi) const { return Find(tokens, lo, hi) < hi; }

 private:
  static bool Fits(std::string_view word, std::string_view token) {
    return word.size() > 1 && word.back() == '*' ? token.starts_with(word.substr(0, word.size() - 1)) : token == word;
  }
  std::vector<std::vector<std::string>> phrases_;  // lower case, split into words
  WordSet first_;                                  // the phrases' exact first words
  std::vector<std::string> first_prefixes_;        // first words that are prefixes, with their '*'
};

}  // namespace recon

#endif  // RECON_EXTRACT_TOKENS_H_

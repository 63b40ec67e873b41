// Tokenizer and phrase-pattern matcher.
#include "tokens.h"

#include <algorithm>
#include <array>

#include "recon/text_util.h"

namespace recon {

namespace {

bool IsWordByte(unsigned char c) { return IsAsciiAlpha(char(c)) || IsAsciiDigit(char(c)) || c >= 0x80; }

// IsWordByte as a table, for the loop over a word's bytes: 2 for a digit, 1 for another word
// byte, 0 for none.
constexpr std::array<uint8_t, 256> kWordByte = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[c] = (c >= '0' && c <= '9') ? 2 : ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80 ? 1 : 0;
  return t;
}();
// kWordByte for the run of plain word bytes, one load and test a byte: 0 also for the lead bytes
// of typographic marks (0xC2, 0xE2), which the careful path looks at.
constexpr std::array<uint8_t, 256> kPlainWordByte = [] {
  std::array<uint8_t, 256> t = kWordByte;
  t[0xC2] = t[0xE2] = 0;
  return t;
}();

// The bytes after a word's run of plain letters and digits that may still go on with it: the
// lead bytes of typographic marks, an apostrophe or hyphen, a number's separators. Most words
// end at a space or another mark, which one load and test tells.
constexpr std::array<bool, 256> kMayGoOn = [] {
  std::array<bool, 256> t{};
  for (int c : {0xC2, 0xE2, int('\''), int('-'), int(','), int('.')}) t[c] = true;
  return t;
}();

// U+2019 RIGHT SINGLE QUOTATION MARK, used as an apostrophe.
bool IsCurlyApostrophe(std::string_view t, size_t i) {
  return i + 2 < t.size() && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
         (unsigned char)t[i + 2] == 0x99;
}

// An "s" at `at` that ends a word before `end`: the tail of a possessive "'s".
// U+2010 HYPHEN or U+2011 NON-BREAKING HYPHEN.
bool IsUnicodeHyphen(std::string_view t, size_t i) {
  return i + 2 < t.size() && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
         ((unsigned char)t[i + 2] == 0x90 || (unsigned char)t[i + 2] == 0x91);
}

// A no-break, narrow no-break or thin space: U+00A0, U+202F, U+2009. Their length, or 0.
size_t UnicodeSpace(std::string_view t, size_t i) {
  if (i + 1 < t.size() && (unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xA0) return 2;
  if (i + 2 < t.size() && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
      ((unsigned char)t[i + 2] == 0xAF || (unsigned char)t[i + 2] == 0x89))
    return 3;
  return 0;
}

bool IsPossessiveS(std::string_view t, size_t at, size_t end) {
  return at < end && (t[at] | 0x20) == 's' && (at + 1 >= end || !IsWordByte(t[at + 1]));
}

}  // namespace

void Tokenize(std::string_view text, std::string_view lower, size_t begin, size_t end,
              std::vector<Token>* out) {
  auto emit = [&](size_t b, size_t e, TokenKind kind) {
    const std::string_view l(lower.data() + b, e - b);
    const bool cap = text[b] >= 'A' && text[b] <= 'Z';
    const uint16_t head = uint16_t((unsigned char)l[0] << 8 | (e - b > 1 ? (unsigned char)l[1] : 0));
    out->push_back({uint32_t(b), uint32_t(e), std::string_view(text.data() + b, e - b), l, kind, cap,
                    WordFilterKey(l), head});
  };
  size_t i = begin;
  while (i < end) {
    unsigned char c = text[i];
    if (IsSpace(char(c))) {
      ++i;
      continue;
    }
    // Spaces, typographic marks and the curly apostrophe all open with byte 0xC2 or 0xE2.
    if (c >= 0x80) {
      if (size_t n = (c == 0xC2 || c == 0xE2) ? UnicodeSpace(text.substr(0, end), i) : 0) {
        i += n;
        continue;
      }
      if (IsCurlyApostrophe(text, i) && IsPossessiveS(text, i + 3, end)) {
        emit(i, i + 4, TokenKind::kWord);
        i += 4;
        continue;
      }
      if (c == 0xE2 || (c == 0xC2 && i + 1 < end && (unsigned char)text[i + 1] >= 0xA0)) {
        // Typographic punctuation (quotes, dashes, NBSP, guillemets): one token per code point.
        size_t len = 1;
        while (i + len < end && ((unsigned char)text[i + len] & 0xC0) == 0x80) ++len;
        emit(i, i + len, TokenKind::kPunct);
        i += len;
        continue;
      }
    }
    if (kWordByte[c] != 0) {
      size_t j = i;
      uint8_t kinds = 0;  // the kWordByte values of the word's bytes, or'ed: a number has no 1
      while (j < end) {
        // Most bytes of a word are plain letters or digits: a table load and test each.
        for (uint8_t k; j < end && (k = kPlainWordByte[(unsigned char)text[j]]) != 0; ++j) kinds |= k;
        if (j == end) break;
        const unsigned char d = text[j];
        if (!kMayGoOn[d]) break;
        const bool digits = (kinds & 1) == 0;
        // Typographic punctuation ends a word ("order\u2019 for", "Yong-ho\u2014who", a no-break
        // space), but an apostrophe inside one does not ("Ri Chol\u2019s" is split below).
        if ((d == 0xE2 && j + 2 < end && ((unsigned char)text[j + 1] & 0xFE) == 0x80) ||
            (d == 0xC2 && j + 1 < end && (unsigned char)text[j + 1] >= 0xA0)) {
          // An apostrophe or a Unicode hyphen inside a word ("don\u2019t", "Yong\u2011ho") is part of it.
          bool inner = j + 3 < end && IsAsciiAlpha(text[j + 3]) &&
                       ((IsCurlyApostrophe(text, j) && !IsPossessiveS(text, j + 3, end)) || IsUnicodeHyphen(text, j));
          if (!inner) break;
          j += 3;
          continue;
        }
        if (uint8_t kind = kWordByte[d]) {
          kinds |= kind;
          ++j;
        } else if (d == '\'' && IsPossessiveS(text, j + 1, end)) {
          break;  // a possessive "'s" is a token of its own: "Kim Jong Un" + "'s" (curly: above)
        } else if ((d == '-' || d == '\'') && j + 1 < end && IsWordByte(text[j + 1]) &&
                   !IsAsciiDigit(text[j + 1]) == !IsAsciiDigit(text[j - 1])) {
          ++j;
        } else if ((d == ',' || d == '.') && digits && j + 1 < end && IsAsciiDigit(text[j + 1]) &&
                   IsAsciiDigit(text[j - 1])) {
          ++j;
        } else {
          break;
        }
      }
      emit(i, j, (kinds & 1) == 0 ? TokenKind::kNumber : TokenKind::kWord);
      // Most words are followed by one space: skipped here, not by another turn of the loop.
      i = j + (j < end && text[j] == ' ');
      continue;
    }
    if (c == '\'' && IsPossessiveS(text, i + 1, end)) {
      emit(i, i + 2, TokenKind::kWord);
      i += 2;
      continue;
    }
    emit(i, i + 1, TokenKind::kPunct);
    ++i;
  }
}

PhraseList::PhraseList(const std::vector<std::string>& phrases) {
  for (const auto& p : phrases) {
    std::vector<std::string> words = SplitWords(ToLower(p));
    if (words.empty()) continue;
    const std::string& first = words.front();
    if (first.size() > 1 && first.back() == '*') first_prefixes_.push_back(first);
    else first_.insert(first);
    phrases_.push_back(std::move(words));
  }
}

uint32_t PhraseList::Find(const std::vector<Token>& tokens, uint32_t lo, uint32_t hi) const {
  for (uint32_t k = lo; k < hi; ++k) {
    const std::string_view t = tokens[k].lower;
    if (!first_.count(t) && std::none_of(first_prefixes_.begin(), first_prefixes_.end(),
                                         [&](const std::string& w) { return Fits(w, t); }))
      continue;
    for (const auto& words : phrases_) {
      uint32_t at = k;
      size_t i = 0;
      for (; i < words.size(); ++i, ++at) {
        if (i > 0)
          while (at < hi && tokens[at].kind == TokenKind::kPunct && IsQuoteMark(tokens[at].text)) ++at;
        if (at >= hi || !Fits(words[i], tokens[at].lower)) break;
      }
      if (i == words.size()) return k;
    }
  }
  return hi;
}

bool PhraseMatcher::Add(std::string_view pattern, uint32_t id) {
  Pattern p;
  p.id = id;
  std::string lower = ToLower(pattern);
  for (const auto& raw : SplitWords(lower)) {
    std::string_view elem = raw;
    Slot slot;
    if (elem.size() == 2 && elem[0] == '~' && elem[1] >= '1' && elem[1] <= '9') {
      if (p.slots.empty()) return false;  // a pattern starts with a word
      slot.gap = uint8_t(elem[1] - '0');
      p.slots.push_back(std::move(slot));
      continue;
    }
    if (elem.size() > 2 && elem.front() == '[' && elem.back() == ']') {
      slot.optional = true;
      elem = elem.substr(1, elem.size() - 2);
    }
    size_t pos = 0;
    while (pos <= elem.size()) {
      size_t bar = elem.find('|', pos);
      std::string_view alt = elem.substr(pos, bar == std::string_view::npos ? bar : bar - pos);
      pos = bar == std::string_view::npos ? elem.size() + 1 : bar + 1;
      if (alt.empty()) continue;
      Alternative a;
      if (alt.size() > 1 && alt.back() == '*') {
        a.prefix = true;
        alt.remove_suffix(1);
      }
      std::string s(alt);
      std::vector<Token> toks;
      Tokenize(s, s, 0, s.size(), &toks);
      for (const auto& t : toks) a.words.emplace_back(t.lower);
      if (a.words.empty()) continue;
      a.first_key = WordFilterKey(a.words.front());
      slot.keys |= a.prefix && a.words.size() == 1 ? ~uint64_t(0) : SlotKey(a.words.front());
      slot.alternatives.push_back(std::move(a));
    }
    if (!slot.alternatives.empty()) p.slots.push_back(std::move(slot));
  }
  if (!p.slots.empty() && p.slots.back().gap > 0) return false;  // and ends with one
  if (p.slots.empty() || std::all_of(p.slots.begin(), p.slots.end(),
                                     [](const Slot& s) { return s.optional; }))
    return false;
  patterns_.push_back(std::move(p));
  Index(uint32_t(patterns_.size() - 1), 0);
  return true;
}

uint32_t PhraseMatcher::FirstWordList(const std::string& word) {
  if (2 * (first_word_count_ + 1) > first_words_.size()) {
    std::vector<FirstWord> old = std::move(first_words_);
    first_words_.assign(std::max<size_t>(16, 2 * old.size()), FirstWord());
    for (auto& f : old)
      if (f.list != 0) {
        size_t h = f.key & (first_words_.size() - 1);
        while (first_words_[h].list != 0) h = (h + 1) & (first_words_.size() - 1);
        first_words_[h] = std::move(f);
      }
  }
  const uint16_t key = WordFilterKey(word);
  size_t h = key & (first_words_.size() - 1);
  for (; first_words_[h].list != 0; h = (h + 1) & (first_words_.size() - 1))
    if (first_words_[h].key == key && first_words_[h].word == word) return first_words_[h].list;
  first_words_[h] = {word, uint32_t(lists_.size()), key};
  lists_.emplace_back();
  ++first_word_count_;
  return first_words_[h].list;
}

uint32_t PhraseMatcher::Node(std::string_view word) {
  if (trie_.empty()) trie_.emplace_back();
  uint32_t n = 0;
  for (unsigned char c : word) {
    uint32_t next = Child(n, c);
    if (next == 0) {
      next = uint32_t(trie_.size());
      trie_.emplace_back();
      TrieNode& t = trie_[n];
      if (t.table == 0 && t.count < kInline) {
        t.bytes[t.count] = c;
        t.kids[t.count] = next;
        ++t.count;
      } else {
        if (t.table == 0) {
          tables_.resize(tables_.size() + 256, 0);
          t.table = uint32_t(tables_.size() / 256);
          for (int k = 0; k < t.count; ++k) tables_[(t.table - 1) * 256 + t.bytes[k]] = t.kids[k];
        }
        tables_[(t.table - 1) * 256 + c] = next;
      }
    }
    n = next;
  }
  return n;
}

uint32_t PhraseMatcher::Child(uint32_t node, unsigned char c) const {
  const TrieNode& t = trie_[node];
  if (t.table != 0) return tables_[(t.table - 1) * 256 + c];
  for (int k = 0; k < t.count; ++k)
    if (t.bytes[k] == c) return t.kids[k];
  return 0;
}

void PhraseMatcher::Index(uint32_t pi, size_t slot) {
  const Slot& s = patterns_[pi].slots[slot];
  for (uint32_t ai = 0; ai < s.alternatives.size(); ++ai) {
    const Alternative& a = s.alternatives[ai];
    const std::string& w = a.words.front();
    bool prefix = a.prefix && a.words.size() == 1;
    const uint16_t key = WordFilterKey(w);
    if (!prefix) {
      SetBit(words_, key);
    } else {
      has_prefixes_ = true;
      // A prefix of one byte begins every pair that starts with it.
      const size_t first = size_t((unsigned char)w[0]) << 8;
      if (w.size() == 1) {
        for (size_t pair = first; pair < first + 256; ++pair) SetBit(prefix_pairs_, pair);
      } else {
        SetBit(prefix_pairs_, first | (unsigned char)w[1]);
      }
    }
    uint32_t list = 0;
    if (prefix) {
      const uint32_t n = Node(w);
      if (trie_[n].prefixes == 0) {
        trie_[n].prefixes = uint32_t(lists_.size());
        lists_.emplace_back();
      }
      list = trie_[n].prefixes;
    } else {
      list = FirstWordList(w);
    }
    auto& v = lists_[list];
    Entry e{pi, uint32_t(slot), ai};
    const std::vector<Slot>& slots = patterns_[pi].slots;
    std::vector<std::string_view> next;  // the words the match may go on with, when not anything
    if (a.words.size() > 1) {
      // The alternative's second word, matched as written (no quote mark between its words).
      if (!(a.prefix && a.words.size() == 2)) {
        e.next_keys = SlotKey(a.words[1]);
        next.push_back(a.words[1]);
      }
    } else {
      // The first words of the slots after this one, up to the first that is not optional
      // ("was [reportedly|allegedly] executed"); anything where the pattern may end or skip.
      uint64_t keys = 0;
      size_t k = slot + 1;
      for (; k < slots.size() && slots[k].gap == 0; ++k) {
        keys |= slots[k].keys;
        for (const Alternative& b : slots[k].alternatives) next.push_back(b.words.front());
        if (!slots[k].optional) break;
      }
      if (k < slots.size() && slots[k].gap == 0) {
        e.next_keys = keys;
        e.quote_may_follow = true;
        next.insert(next.end(), std::begin(kQuoteMarks), std::end(kQuoteMarks));
      }
    }
    if (!prefix) {
      // A next slot's prefix alternative ("defect*") lets anything follow, as does the end.
      if (e.next_keys == ~uint64_t(0)) SetBit(any_next_, key);
      else
        for (std::string_view n : next) SetBit(pairs_, PairKey(key, WordFilterKey(n)));
    }
    if (std::find(v.begin(), v.end(), e) == v.end()) v.push_back(e);
  }
  if (s.optional && slot + 1 < patterns_[pi].slots.size()) Index(pi, slot + 1);
}

bool PhraseMatcher::MatchAlternative(const Alternative& a, const std::vector<Token>& tokens,
                                     uint32_t i, size_t from) {
  if (i + a.words.size() > tokens.size()) return false;
  for (size_t k = from; k < a.words.size(); ++k) {
    std::string_view t = tokens[i + k].lower;
    const std::string& w = a.words[k];
    bool last = k + 1 == a.words.size();
    if (last && a.prefix) {
      if (t.size() < w.size() || t.compare(0, w.size(), w) != 0) return false;
    } else if (!SameWord(t, w)) {
      return false;
    }
  }
  return true;
}

void PhraseMatcher::MatchFrom(const Pattern& p, size_t slot, const std::vector<Token>& tokens,
                              uint32_t i, uint32_t* best) const {
  if (slot == p.slots.size()) {
    *best = std::max(*best, i);
    return;
  }
  const Slot& s = p.slots[slot];
  if (s.gap > 0) {
    for (uint32_t skip = 0; skip <= s.gap; ++skip) {
      if (skip > 0 && (i + skip > tokens.size() || tokens[i + skip - 1].kind == TokenKind::kPunct)) break;
      MatchFrom(p, slot + 1, tokens, i + skip, best);
    }
    return;
  }
  // A quote mark between two words of a pattern is no word of it: 'issued a "standing order"'.
  // (A match never ends on one.)
  if (i < tokens.size() && tokens[i].kind == TokenKind::kPunct && IsQuoteMark(tokens[i].text)) {
    uint32_t past = 0;
    MatchFrom(p, slot, tokens, i + 1, &past);
    if (past > i + 1) *best = std::max(*best, past);
  }
  if (i < tokens.size() && !tokens[i].lower.empty() && (s.keys & SlotKey(tokens[i].lower)) != 0)
    for (const auto& a : s.alternatives)
      if (a.MayStartAt(tokens[i]) && MatchAlternative(a, tokens, i))
        MatchFrom(p, slot + 1, tokens, i + uint32_t(a.words.size()), best);
  if (s.optional) MatchFrom(p, slot + 1, tokens, i, best);
}

void PhraseMatcher::Walk(const std::vector<Token>& tokens, uint32_t i,
                         std::vector<Match>* out) const {
  const Token& t = tokens[i];
  const size_t before = out->size();
  // Each pattern's longest match from here, over every first word it may start with here:
  // (pattern index, end). A pattern makes one match, as if matched from its first slot.
  thread_local std::vector<std::pair<uint32_t, uint32_t>> ends;
  ends.clear();
  auto try_entries = [&](const std::vector<Entry>& list) {
    for (const Entry& e : list) {
      if (e.next_keys != ~uint64_t(0)) {
        if (i + 1 >= tokens.size()) continue;
        const Token& next = tokens[i + 1];
        if ((e.next_keys & SlotKey(next.lower)) == 0 &&
            !(e.quote_may_follow && next.kind == TokenKind::kPunct && IsQuoteMark(next.text)))
          continue;
      }
      const Pattern& p = patterns_[e.pattern];
      const Alternative& a = p.slots[e.slot].alternatives[e.alternative];
      // The walk matched the first word (or prefix); the alternative's other words must follow.
      if (a.words.size() > 1 && !MatchAlternative(a, tokens, i, 1)) continue;
      uint32_t best = 0;
      MatchFrom(p, e.slot + 1, tokens, i + uint32_t(a.words.size()), &best);
      if (best > i) ends.emplace_back(e.pattern, best);
    }
  };
  // The order patterns are tried in does not matter: the sort below orders this token's
  // matches completely (same pattern id and end are one match).
  if (!first_words_.empty()) {
    const size_t mask = first_words_.size() - 1;
    for (size_t h = t.filter_key & mask; first_words_[h].list != 0; h = (h + 1) & mask)
      if (first_words_[h].key == t.filter_key && SameWord(first_words_[h].word, t.lower)) {
        try_entries(lists_[first_words_[h].list]);
        break;
      }
  }
  if (MayBeginPrefix(t))
    for (uint32_t n = 0, d = 0; d < t.lower.size(); ++d) {
      if ((n = Child(n, (unsigned char)t.lower[d])) == 0) break;
      if (trie_[n].prefixes != 0) try_entries(lists_[trie_[n].prefixes]);
    }
  // Longest first per pattern; then one match per pattern.
  std::sort(ends.begin(), ends.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second > b.second;
  });
  for (size_t k = 0; k < ends.size(); ++k) {
    if (k > 0 && ends[k].first == ends[k - 1].first) continue;
    Match m{patterns_[ends[k].first].id, i, ends[k].second};
    bool dup = false;
    // Earlier entries of `out` start before `i`, so only this token's can repeat.
    for (size_t j = before; j < out->size() && !dup; ++j) {
      const Match& o = (*out)[j];
      dup = o.pattern == m.pattern && o.last == m.last;
    }
    if (!dup) out->push_back(m);
  }
  if (out->size() - before > 1)
    std::sort(out->begin() + before, out->end(), [](const Match& a, const Match& b) {
      return a.last != b.last ? a.last > b.last : a.pattern < b.pattern;
    });
}

std::vector<PhraseMatcher::Match> PhraseMatcher::FindAll(const std::vector<Token>& tokens,
                                                         uint32_t from, uint32_t to) const {
  std::vector<Match> out;
  for (uint32_t i = from; i < to; ++i) MatchAt(tokens, i, &out);
  out.erase(std::remove_if(out.begin(), out.end(), [&](const Match& m) { return m.last > to; }),
            out.end());
  return out;
}

}  // namespace recon

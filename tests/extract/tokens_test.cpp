// Tests the phrase matcher and word set of engine/extract/tokens.cpp against slow reference
// implementations on generated patterns and token streams, as re2 checks its engines against a
// backtracker: the fast ones index first words in a hash table and prefixes in a byte trie,
// behind a filter; the references try every pattern at every token.
#include "extract/tokens.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "recon/text_util.h"

namespace recon {
namespace {

// One pattern as the reference reads it: slots of alternatives, each a list of words.
struct RefAlt {
  std::vector<std::string> words;
  bool prefix = false;
};
struct RefSlot {
  std::vector<RefAlt> alts;
  bool optional = false;
  int gap = 0;  // "~N": up to N tokens that are no punctuation
};
struct RefPattern {
  std::vector<RefSlot> slots;
  uint32_t id = 0;
};

RefPattern Parse(const std::string& pattern, uint32_t id) {
  RefPattern p;
  p.id = id;
  for (std::string elem : SplitWords(ToLower(pattern))) {
    RefSlot slot;
    if (elem.size() == 2 && elem[0] == '~' && elem[1] >= '1' && elem[1] <= '9') {
      slot.gap = elem[1] - '0';
      p.slots.push_back(slot);
      continue;
    }
    if (elem.size() > 2 && elem.front() == '[' && elem.back() == ']') {
      slot.optional = true;
      elem = elem.substr(1, elem.size() - 2);
    }
    size_t pos = 0;
    while (pos <= elem.size()) {
      size_t bar = elem.find('|', pos);
      std::string alt = elem.substr(pos, bar == std::string::npos ? std::string::npos : bar - pos);
      pos = bar == std::string::npos ? elem.size() + 1 : bar + 1;
      RefAlt a;
      if (alt.size() > 1 && alt.back() == '*') a.prefix = true, alt.pop_back();
      std::vector<Token> toks;
      Tokenize(alt, alt, 0, alt.size(), &toks);
      for (const auto& t : toks) a.words.emplace_back(t.lower);
      if (!a.words.empty()) slot.alts.push_back(a);
    }
    if (!slot.alts.empty()) p.slots.push_back(slot);
  }
  return p;
}

// Every end of a match of slots [slot, end) starting at token i. A quote mark after a matched
// word is skipped: 'issued a "standing order"'.
void Ends(const RefPattern& p, size_t slot, const std::vector<Token>& tokens, uint32_t i,
          std::set<uint32_t>* ends, bool started = false) {
  if (slot == p.slots.size()) {
    ends->insert(i);
    return;
  }
  if (p.slots[slot].gap > 0) {
    for (int skip = 0; skip <= p.slots[slot].gap; ++skip) {
      if (skip > 0 && (i + skip > tokens.size() || tokens[i + skip - 1].kind == TokenKind::kPunct)) break;
      Ends(p, slot + 1, tokens, i + uint32_t(skip), ends, started);
    }
    return;
  }
  if (started && i < tokens.size() && (tokens[i].text == "\"" || tokens[i].text == "\xE2\x80\x9C")) {
    std::set<uint32_t> past;
    Ends(p, slot, tokens, i + 1, &past, started);
    for (uint32_t e : past)
      if (e > i + 1) ends->insert(e);
  }
  for (const auto& a : p.slots[slot].alts) {
    bool ok = i + a.words.size() <= tokens.size();
    for (size_t k = 0; ok && k < a.words.size(); ++k) {
      std::string_view t = tokens[i + k].lower;
      ok = k + 1 == a.words.size() && a.prefix ? t.substr(0, a.words[k].size()) == a.words[k]
                                               : t == a.words[k];
    }
    if (ok) Ends(p, slot + 1, tokens, i + uint32_t(a.words.size()), ends, true);
  }
  if (p.slots[slot].optional) Ends(p, slot + 1, tokens, i, ends, started);
}

// The reference FindAll: per start token, each pattern's longest match, one per (id, end),
// longest first, then by id; matches running past `to` dropped.
std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> RefFindAll(
    const std::vector<RefPattern>& patterns, const std::vector<Token>& tokens, uint32_t from,
    uint32_t to) {
  std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> out;  // first, last, id
  for (uint32_t i = from; i < to; ++i) {
    std::set<std::pair<uint32_t, uint32_t>> here;  // (-last, id)
    for (const auto& p : patterns) {
      bool all_optional = std::all_of(p.slots.begin(), p.slots.end(),
                                      [](const RefSlot& s) { return s.optional; });
      if (p.slots.empty() || all_optional) continue;
      std::set<uint32_t> ends;
      Ends(p, 0, tokens, i, &ends);
      if (!ends.empty() && *ends.rbegin() > i) here.insert({UINT32_MAX - *ends.rbegin(), p.id});
    }
    for (const auto& [neg_last, id] : here)
      if (UINT32_MAX - neg_last <= to) out.emplace_back(i, UINT32_MAX - neg_last, id);
  }
  return out;
}

TEST_CASE("the phrase matcher finds what trying every pattern everywhere finds") {
  // A small vocabulary, so patterns and text share words, prefixes and first bytes often.
  const std::vector<std::string> vocab = {"a", "an", "and", "defect", "defected", "defector",
                                          "de", "kim", "kim's", "jong", "un", "said", "s",
                                          "the", "they", "then", "x", "fled", "flee", "north"};
  std::mt19937 rng(7);
  auto pick = [&](size_t n) { return size_t(rng() % n); };
  for (int round = 0; round < 200; ++round) {
    PhraseMatcher matcher;
    std::vector<RefPattern> patterns;
    std::string pattern_text;
    int n_patterns = 1 + int(pick(12));
    for (int k = 0; k < n_patterns; ++k) {
      std::string pattern;
      int slots = 1 + int(pick(3));
      // Now and then a gap after the first slot ("sent ~4 back"), never the pattern's last slot.
      const int gap = slots > 1 && pick(3) == 0 ? 1 + int(pick(3)) : 0;
      for (int s = 0; s < slots; ++s) {
        std::string slot;
        int alts = 1 + int(pick(3));
        for (int a = 0; a < alts; ++a) {
          std::string word = vocab[pick(vocab.size())];
          if (pick(4) == 0 && word.size() > 1) word = word.substr(0, 1 + pick(word.size() - 1)) + "*";
          if (pick(6) == 0) word += " " + vocab[pick(vocab.size())];  // two-word alternative
          slot += (a ? "|" : "") + word;
        }
        // Words of a two-word alternative must stay in one slot: join with '|' only.
        bool multi = slot.find(' ') != std::string::npos;
        if (multi) slot = slot.substr(0, slot.find('|') == std::string::npos ? slot.size() : slot.find('|'));
        // The first slot stays required when a gap follows it, so the pattern has a first word.
        if (!multi && pick(4) == 0 && !(s == 0 && gap)) slot = "[" + slot + "]";
        pattern += (s ? " " : "") + slot;
        if (s == 0 && gap) pattern += " ~" + std::to_string(gap);
      }
      // Ids repeat, as one rule's several patterns share its index.
      uint32_t id = uint32_t(pick(5));
      RefPattern ref = Parse(pattern, id);
      bool added = matcher.Add(pattern, id);
      bool usable = !ref.slots.empty() &&
                    !std::all_of(ref.slots.begin(), ref.slots.end(),
                                 [](const RefSlot& s) { return s.optional; });
      CHECK_MESSAGE(added == usable, pattern);
      if (added) patterns.push_back(ref), pattern_text += pattern + " #" + std::to_string(id) + "; ";
    }
    std::string text;
    for (int w = 0; w < 40; ++w) {
      text += vocab[pick(vocab.size())] + (pick(8) == 0 ? ". " : " ");
      if (pick(10) == 0) text += pick(2) ? "\" " : "\xE2\x80\x9C ";  // quote marks, skipped inside a match
    }
    std::vector<Token> tokens;
    const std::string lower = ToLower(text);  // tokens are views into it
    Tokenize(text, lower, 0, text.size(), &tokens);
    uint32_t from = uint32_t(pick(5)), to = uint32_t(tokens.size() - pick(5));
    std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> got;
    for (const auto& m : matcher.FindAll(tokens, from, to)) got.emplace_back(m.first, m.last, m.pattern);
    auto want = RefFindAll(patterns, tokens, from, to);
    std::string diff;
    for (const auto& [f, l, id] : got)
      if (std::find(want.begin(), want.end(), std::make_tuple(f, l, id)) == want.end())
        diff += " +" + std::string(tokens[f].text) + "@" + std::to_string(f) + "-" + std::to_string(l) + "#" + std::to_string(id);
    for (const auto& [f, l, id] : want)
      if (std::find(got.begin(), got.end(), std::make_tuple(f, l, id)) == got.end())
        diff += " -" + std::string(tokens[f].text) + "@" + std::to_string(f) + "-" + std::to_string(l) + "#" + std::to_string(id);
    CHECK_MESSAGE(got == want, "round " << round << ": " << pattern_text << " text: " << text
                                         << " diff (+ only fast, - only reference):" << diff);
  }
}

TEST_CASE("a gap '~N' matches up to N words between two words, never punctuation") {
  PhraseMatcher m;
  CHECK(m.Add("sent ~3 back [to] north|china", 7));
  CHECK_FALSE(m.Add("~2 back", 8));   // a pattern starts with a word
  CHECK_FALSE(m.Add("sent ~2", 9));   // and ends with one
  auto matches = [&](const std::string& text) {
    std::vector<Token> tokens;
    const std::string lower = ToLower(text);
    Tokenize(text, lower, 0, text.size(), &tokens);
    std::vector<std::pair<uint32_t, uint32_t>> out;
    for (const auto& x : m.FindAll(tokens, 0, uint32_t(tokens.size()))) out.emplace_back(x.first, x.last);
    return out;
  };
  using Spans = std::vector<std::pair<uint32_t, uint32_t>>;
  CHECK(matches("they sent back to China") == Spans{{1, 5}});
  CHECK(matches("they sent the two men back to China") == Spans{{1, 8}});
  CHECK(matches("sent the three young men back north").empty());  // four words: too many
  CHECK(matches("sent them, then back to China").empty());         // punctuation
}

TEST_CASE("typographic punctuation ends a word; an apostrophe inside one does not") {
  auto words = [](const std::string& text) {
    std::vector<Token> tokens;
    const std::string lower = ToLower(text);
    Tokenize(text, lower, 0, text.size(), &tokens);
    std::vector<std::string> out;
    for (const auto& t : tokens) out.emplace_back(t.text);
    return out;
  };
  using W = std::vector<std::string>;
  CHECK(words("a \xE2\x80\x98standing order\xE2\x80\x99 for") ==
        W{"a", "\xE2\x80\x98", "standing", "order", "\xE2\x80\x99", "for"});
  CHECK(words("Thae Yong-ho\xE2\x80\x94who fled") == W{"Thae", "Yong-ho", "\xE2\x80\x94", "who", "fled"});
  CHECK(words("Kim\xE2\x80\x99s uncle") == W{"Kim", "\xE2\x80\x99s", "uncle"});
  CHECK(words("don\xE2\x80\x99t go") == W{"don\xE2\x80\x99t", "go"});
  // No-break and thin spaces are spaces; Unicode hyphens join a name as "-" does.
  CHECK(words("Seoul\xC2\xA0police") == W{"Seoul", "police"});
  CHECK(words("crossed\xE2\x80\xAFthe border") == W{"crossed", "the", "border"});
  CHECK(words("Thae Yong\xE2\x80\x91ho defected") == W{"Thae", "Yong\xE2\x80\x91ho", "defected"});
}

TEST_CASE("a quote mark of any kind between a pattern's first and second word is skipped") {
  PhraseMatcher m;
  REQUIRE(m.Add("issued standing order", 3));
  for (const char* q : {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "'", "\xE2\x80\x98", "\xE2\x80\x99"}) {
    CHECK(IsQuoteMark(q));
    CHECK(std::find(std::begin(kQuoteMarks), std::end(kQuoteMarks), q) != std::end(kQuoteMarks));
    const std::string text = std::string("he issued ") + q + "standing order" + q + " today";
    const std::string lower = ToLower(text);
    std::vector<Token> tokens;
    Tokenize(text, lower, 0, text.size(), &tokens);
    const auto found = m.FindAll(tokens, 0, uint32_t(tokens.size()));
    REQUIRE_MESSAGE(found.size() == 1, text);
    CHECK(found[0].first == 1);
    CHECK(found[0].last == 5);
  }
}

TEST_CASE("a token's filter key is its lower-case word's, and the word's second byte counts in it") {
  const std::string text = "His party has said it sued, O'Brien's man";
  const std::string lower = ToLower(text);
  std::vector<Token> tokens;
  Tokenize(text, lower, 0, text.size(), &tokens);
  REQUIRE(tokens.size() == 10);  // ... "sued" "," "O'Brien" "'s" "man"
  for (const auto& t : tokens) CHECK_MESSAGE(t.filter_key == WordFilterKey(t.lower), t.text);
  // Common words that share first byte, last byte and length with a pattern's first word would
  // otherwise pass the phrase matchers' filters at every turn.
  CHECK(WordFilterKey("his") != WordFilterKey("has"));
  CHECK(WordFilterKey("said") != WordFilterKey("sued"));
  CHECK(WordFilterKey("that") != WordFilterKey("tent"));
  CHECK(WordFilterKey("") == 0);
}

TEST_CASE("words keep inner apostrophes and hyphens, numbers their separators; marks stand alone") {
  auto tokens = [](const std::string& text, size_t end) {
    std::vector<Token> out;
    const std::string lower = ToLower(text);
    Tokenize(text, lower, 0, end, &out);
    std::string joined;
    for (const auto& t : out)
      joined += std::string(t.text) + (t.kind == TokenKind::kNumber ? "#" : t.kind == TokenKind::kPunct ? "!" : "") + "|";
    return joined;
  };
  const std::string text = "He can't pay 33,000 won,or 3.5 each;  O'Brien's F-16 and 5-3 x-ray 1,2,3. 4.5.6 -x- 'tis\tend, 7,";
  CHECK(tokens(text, text.size()) ==
        "He|can't|pay|33,000#|won|,!|or|3.5#|each|;!|O'Brien|'s|F|-!|16#|and|5-3#|x-ray|1,2,3#|.!|4.5.6#|-!|x|-!|'!|tis|end|,!|7#|,!|");
  // A word or number at the end of the stretch ends there.
  CHECK(tokens(text, text.find("33,000") + 4) == "He|can't|pay|33,0#|");
  CHECK(tokens(text, text.find("won") + 2) == "He|can't|pay|33,000#|wo|");
}

TEST_CASE("a word set holds exactly the words put in it") {
  WordSet set;
  std::set<std::string> ref;
  for (const char* w : {"the", "The", "a", "kim", "surprisingly-long-word-of-more-than-31-bytes",
                        "surprisingly-long-word-of-more-than-31-bytes-too"}) {
    set.insert(w);
    ref.insert(w);
  }
  CHECK_FALSE(set.empty());
  for (const char* w : {"the", "The", "THE", "a", "an", "", "kim", "ki", "kimm", "t",
                        "surprisingly-long-word-of-more-than-31-bytes",
                        "surprisingly-long-word-of-more-than-31-bytes-too",
                        "surprisingly-long-word-of-more-than-31-bytes-three"})
    CHECK_MESSAGE(set.count(w) == ref.count(w), w);
  CHECK(WordSet().empty());
  CHECK(WordSet().count("the") == 0);
}

TEST_CASE("a word set of many words, inserted twice, holds them and nothing else") {
  // Enough words that the table grows several times; words that share first bytes, lengths and
  // last bytes, so the pre-checks let the absent ones through to the table.
  WordSet set;
  std::set<std::string> ref;
  std::mt19937 rng(11);
  auto word = [&] {
    std::string w(1 + rng() % 9, 'a');
    for (char& c : w) c = char('a' + rng() % 4);
    return w;
  };
  for (int k = 0; k < 600; ++k) {
    std::string w = word();
    set.insert(w);
    set.insert(w);
    ref.insert(w);
  }
  for (int k = 0; k < 3000; ++k) {
    const std::string w = word();
    CHECK_MESSAGE(set.count(w) == ref.count(w), w);
  }
  for (const auto& w : ref) CHECK(set.count(w) == 1);
}

TEST_CASE("a phrase list finds words, words in a row and prefixes inside a stretch of tokens") {
  const PhraseList list({"collided", "Attempt on", "hwasong*", "ran aground"});
  auto in = [&](const std::string& text, uint32_t lo = 0, uint32_t cut = 0) {
    std::string lower = ToLower(text);
    std::vector<Token> tokens;
    Tokenize(text, lower, 0, text.size(), &tokens);
    return list.AnyIn(tokens, lo, uint32_t(tokens.size()) - cut);
  };
  CHECK(in("The boat sank after it collided with a ship."));
  CHECK(in("an attempt on his life"));
  CHECK(in("an attempt \"on\" his life"));      // quote marks between the words are skipped
  CHECK_FALSE(in("an attempt to reach him on time"));
  CHECK(in("Two Hwasong-12s flew over Japan."));
  CHECK_FALSE(in("Two missiles flew over Japan."));
  CHECK_FALSE(in("the ship ran aground", 0, 1));  // a phrase must end inside the stretch
  CHECK(in("The boat collided with a ship.", 2));
  CHECK_FALSE(in("The boat collided with a ship.", 3));  // nor begin before it
  CHECK(PhraseList().empty());
  CHECK_FALSE(PhraseList().AnyIn({}, 0, 0));
}

TEST_CASE("FindEither finds the first of two bytes, also past sixteen-byte steps") {
  std::mt19937 rng(3);
  const std::string bytes = "ab\"\xE2\x80 .";
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    size_t len = rng() % 70;
    for (size_t i = 0; i < len; ++i) s += bytes[rng() % bytes.size()];
    size_t from = s.empty() ? 0 : rng() % (s.size() + 1);
    size_t want = from;
    while (want < s.size() && s[want] != '"' && s[want] != '\xE2') ++want;
    CHECK_MESSAGE(FindEither(s, from, '"', '\xE2') == want, s << " from " << from);
  }
  CHECK(FindEither("", 0, 'a', 'b') == 0);
  CHECK(FindEither(std::string(40, 'x') + "b", 3, 'a', 'b') == 40);
}

TEST_CASE("StringHash spreads short words: every byte of them counts, over all lengths") {
  // Words of one to 20 bytes, and each with one byte changed: a change anywhere gives another
  // hash (the maps would still be right with collisions, only slower).
  std::mt19937 rng(5);
  std::set<size_t> seen;
  std::set<std::string> words;
  StringHash hash;
  for (size_t len = 0; len <= 20; ++len)
    for (int k = 0; k < 200; ++k) {
      std::string w;
      for (size_t i = 0; i < len; ++i) w += char('a' + rng() % 26);
      seen.insert(hash(w));
      words.insert(w);
      for (size_t i = 0; i < len; ++i) {
        std::string v = w;
        v[i] = v[i] == 'z' ? 'a' : char(v[i] + 1);
        CHECK_MESSAGE(hash(v) != hash(w), w << " vs " << v);
      }
      CHECK(hash(std::string_view(w)) == hash(w));
    }
  // Distinct words, distinct hashes.
  CHECK(seen.size() == words.size());
}

}  // namespace
}  // namespace recon

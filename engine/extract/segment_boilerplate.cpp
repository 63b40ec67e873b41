// BoilerplateMatcher: the boilerplate rules' whole-line patterns, each run only on lines that
// hold one of its required literal strings.
#include <algorithm>
#include <cstring>
#include <deque>

#include "segment.h"

#include "recon/text_util.h"

namespace recon {

namespace {

constexpr uint32_t kNoState = UINT32_MAX;
constexpr uint32_t kAllPatterns = UINT32_MAX;  // an entry that makes every pattern a candidate

// Writes the UTF-8 encoding of `cp` at `out`; returns the byte after it.
char* PutUtf8(uint32_t cp, char* out) {
  if (cp < 0x80) {
    *out++ = char(cp);
  } else if (cp < 0x800) {
    *out++ = char(0xC0 | cp >> 6);
    *out++ = char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out++ = char(0xE0 | cp >> 12);
    *out++ = char(0x80 | (cp >> 6 & 0x3F));
    *out++ = char(0x80 | (cp & 0x3F));
  } else {
    *out++ = char(0xF0 | cp >> 18);
    *out++ = char(0x80 | (cp >> 12 & 0x3F));
    *out++ = char(0x80 | (cp >> 6 & 0x3F));
    *out++ = char(0x80 | (cp & 0x3F));
  }
  return out;
}

// The code points of UTF-8 `s`, each as its own string (malformed bytes come out one by one).
std::vector<std::string> CodePoints(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    while (i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80) ++len;
    out.emplace_back(s.substr(i, len));
    i += len;
  }
  return out;
}

char FoldAscii(char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; }

// The strings every match of a pattern opens with, read from the pattern's text: its plain
// characters, small character classes ("[0-9]", "\d") and groups of alternatives, up to the
// first construct whose length or content varies ("\s*", ".", an optional group). A pattern
// read by RE2::FullMatch opens where the line opens, so "^(skip|jump) to|^back to top" must
// start with "skip to", "jump to" or "back to top". Lower-case ASCII only: a character outside
// ASCII ends the opening, since RE2 folds some onto ASCII letters. Empty when some match may
// open otherwise (the opening would be "") or the pattern has a shape this does not read.
class OpeningReader {
 public:
  explicit OpeningReader(std::string_view pattern) : p_(pattern) {}

  std::vector<std::string> Read() {
    Strings all = Alternation();
    if (!ok_ || pos_ != p_.size()) return {};
    for (const auto& s : all.strings)
      if (s.empty()) return {};
    return all.strings;
  }

 private:
  static constexpr size_t kMaxStrings = 64;
  struct Strings {
    std::vector<std::string> strings{""};
    bool whole = true;  // the strings are all the expression can match: what follows may extend them
  };

  bool At(char c) const { return pos_ < p_.size() && p_[pos_] == c; }

  // branch ('|' branch)*, up to a ')' or the end.
  Strings Alternation() {
    Strings out = Branch();
    while (ok_ && At('|')) {
      ++pos_;
      Strings b = Branch();
      out.strings.insert(out.strings.end(), b.strings.begin(), b.strings.end());
      out.whole = out.whole && b.whole;
    }
    std::sort(out.strings.begin(), out.strings.end());
    out.strings.erase(std::unique(out.strings.begin(), out.strings.end()), out.strings.end());
    if (out.strings.size() > kMaxStrings) out = Strings{{""}, false};
    return out;
  }

  // One alternative: atoms with quantifiers, while the strings still grab every match.
  Strings Branch() {
    Strings out;
    while (ok_ && pos_ < p_.size() && !At('|') && !At(')')) {
      if (!out.whole) {
        Skip();
        continue;
      }
      if (At('^') || At('$')) {  // the line's ends: FullMatch anchors there anyway
        ++pos_;
        continue;
      }
      Strings atom = Atom();
      if (!ok_) return out;
      int min = 1;
      bool exact = Quantifier(&min);
      if (min == 0) {
        out.whole = false;
        continue;
      }
      std::vector<std::string> next;
      for (const auto& a : out.strings)
        for (const auto& b : atom.strings) next.push_back(a + b);
      if (next.size() > kMaxStrings) {
        out.whole = false;
        continue;
      }
      out.strings = std::move(next);
      out.whole = atom.whole && exact;
    }
    return out;
  }

  // A character, an escape, a class or a group; {""} and not whole for anything else.
  Strings Atom() {
    const char c = p_[pos_];
    if (c == '(') {
      ++pos_;
      if (At('?')) {
        if (pos_ + 1 < p_.size() && p_[pos_ + 1] == ':') {
          pos_ += 2;
        } else {  // flags or a named group: not read
          --pos_;
          Skip();
          return Strings{{""}, false};
        }
      }
      Strings g = Alternation();
      if (!At(')')) ok_ = false;
      ++pos_;
      return g;
    }
    if (c == '[') return Class();
    if (c == '\\') {
      if (pos_ + 1 >= p_.size()) {
        ok_ = false;
        return {};
      }
      const char e = p_[pos_ + 1];
      pos_ += 2;
      if (e == 'd') return Range('0', '9');
      if (!IsAsciiAlpha(e) && !IsAsciiDigit(e) && static_cast<unsigned char>(e) < 0x80) return Strings{{std::string(1, e)}, true};
      return Strings{{""}, false};  // \s, \w, \b, \pN, ...
    }
    ++pos_;
    if (c == '.' || static_cast<unsigned char>(c) >= 0x80) return Strings{{""}, false};
    return Strings{{std::string(1, FoldAscii(c))}, true};
  }

  Strings Range(char lo, char hi) {
    Strings out{{}, true};
    for (char c = lo; c <= hi; ++c) out.strings.emplace_back(1, c);
    return out;
  }

  // "[0-9]", "[-–—]": the characters it holds; not read when negated, with escapes or over
  // 26 characters, or holding a byte outside ASCII.
  Strings Class() {
    const size_t start = pos_;
    Skip();
    std::string_view body = p_.substr(start + 1, pos_ - start - 2);
    std::string chars;
    bool plain = !body.empty() && body[0] != '^';
    for (size_t i = 0; plain && i < body.size(); ++i) {
      const char c = body[i];
      if (c == '\\' || c == '[' || static_cast<unsigned char>(c) >= 0x80) {
        plain = false;
      } else if (i + 2 < body.size() && body[i + 1] == '-') {
        for (char x = c; x <= body[i + 2] && x >= c; ++x) chars += FoldAscii(x);
        i += 2;
      } else {
        chars += FoldAscii(c);
      }
    }
    std::sort(chars.begin(), chars.end());
    chars.erase(std::unique(chars.begin(), chars.end()), chars.end());
    if (!plain || chars.empty() || chars.size() > 26) return Strings{{""}, false};
    Strings out{{}, true};
    for (char c : chars) out.strings.emplace_back(1, c);
    return out;
  }

  // After an atom: "?", "*", "+" or "{n,m}" (maybe lazy). Sets the least repeat; true when the
  // atom stands exactly once.
  bool Quantifier(int* min) {
    *min = 1;
    if (At('?') || At('*')) *min = 0;
    if (At('?') || At('*') || At('+')) {
      ++pos_;
    } else if (At('{')) {
      size_t close = p_.find('}', pos_);
      if (close == std::string_view::npos) return true;  // a literal "{"
      std::string_view q = p_.substr(pos_ + 1, close - pos_ - 1);
      *min = std::atoi(std::string(q.substr(0, q.find(','))).c_str());
      const bool once = q == "1" || q == "1,1";
      pos_ = close + 1;
      if (At('?')) ++pos_;
      return once;
    } else {
      return true;
    }
    if (At('?')) ++pos_;
    return false;
  }

  // Passes one atom without reading it: a class, an escape, a group with what it holds.
  void Skip() {
    const char c = p_[pos_];
    if (c == '\\') {
      pos_ = std::min(p_.size(), pos_ + 2);
    } else if (c == '[') {
      size_t i = pos_ + 1;
      if (i < p_.size() && p_[i] == '^') ++i;
      if (i < p_.size() && p_[i] == ']') ++i;  // "[]...]"
      while (i < p_.size() && p_[i] != ']') i += p_[i] == '\\' ? 2 : 1;
      if (i >= p_.size()) ok_ = false;
      pos_ = std::min(p_.size(), i + 1);
    } else if (c == '(') {
      ++pos_;
      while (ok_ && pos_ < p_.size() && !At(')')) At('|') ? void(++pos_) : Skip();
      if (!At(')')) ok_ = false;
      ++pos_;
    } else {
      ++pos_;
    }
  }

  std::string_view p_;
  size_t pos_ = 0;
  bool ok_ = true;
};

std::vector<std::string> Openings(const std::string& pattern) { return OpeningReader(pattern).Read(); }

// `pattern` with each counted repetition left open above: "x{0,160}" as "x*", "x{10,400}" and
// "x{10}" as "x{10,}". It matches every line the pattern matches, so a string each of its
// matches holds, each of the pattern's holds too (the least count stays, so "[-*_=]{3,}" still
// requires two of its characters); and RE2 compiles it far faster, as it writes out each
// optional copy (".{10,400}" alone cost 13M instructions).
std::string WithoutCounts(std::string_view p) {
  // Quoted text, or a class holding a bracket expression ("[[:alpha:]{2}]"), which the class
  // scan below would end too soon: the pattern as it is.
  if (p.find("\\Q") != std::string_view::npos || p.find("[[") != std::string_view::npos) return std::string(p);
  std::string out;
  for (size_t i = 0; i < p.size();) {
    const char c = p[i];
    size_t next = i + 1;
    if (c == '\\') {
      next = std::min(p.size(), i + 2);
    } else if (c == '[') {  // a class: braces in it are characters
      size_t j = i + 1;
      if (j < p.size() && p[j] == '^') ++j;
      if (j < p.size() && p[j] == ']') ++j;  // "[]...]"
      while (j < p.size() && p[j] != ']') j += p[j] == '\\' ? 2 : 1;
      next = std::min(p.size(), j + 1);
    } else if (c == '{') {  // "{n}", "{n,}", "{n,m}"; any other brace is a character to RE2
      size_t j = i + 1;
      while (j < p.size() && IsAsciiDigit(p[j])) ++j;
      const std::string_view least = p.substr(i + 1, j - i - 1);
      if (!least.empty() && j < p.size() && p[j] == ',') ++j;
      while (j < p.size() && IsAsciiDigit(p[j])) ++j;
      if (!least.empty() && j < p.size() && p[j] == '}') {
        if (least.find_first_not_of('0') == std::string_view::npos) {
          out += '*';
        } else {
          out.append("{").append(least).append(",}");
        }
        i = j + 1;
        continue;
      }
    }
    out.append(p.substr(i, next - i));
    i = next;
  }
  return out;
}

// The characters a match of `pattern` can end with, when each of its alternatives ends with
// one plain character that is no letter (case folds nothing onto it, inside ASCII or out):
// ")" for "^.{10,400}\((yonhap|ap photo[^)]*)\)$". A line that ends otherwise cannot match, and
// such a pattern holds strings most prose lines that end with a stop hold too ("yonhap"), where
// RE2 took as long to reject the line as to build its counted repetition's states. Empty when
// some alternative ends otherwise (a class, a group, a quantifier, a letter) or the pattern has
// a shape this does not read.
std::string Closings(std::string_view p) {
  std::string out;
  int depth = 0;  // open parentheses
  int last = -1;  // the alternative's last atom so far, when a plain character outside groups
  for (size_t i = 0;;) {
    if (i == p.size() || (p[i] == '|' && depth == 0)) {  // an alternative ends
      if (last < 0 || depth != 0) return "";
      if (out.find(char(last)) == std::string::npos) out += char(last);
      if (i == p.size()) return out;
      last = -1;
      ++i;
      continue;
    }
    const char c = p[i];
    if (c == '\\') {
      if (i + 1 >= p.size() || p[i + 1] == 'Q') return "";  // "\Q...\E" quotes: not read
      const char e = p[i + 1];
      // "\)", "\.": that character; "\d", "\s", "\pL": none ("\p{L}" is not read).
      last = depth == 0 && static_cast<unsigned char>(e) < 0x80 && !IsAsciiAlpha(e) && !IsAsciiDigit(e) ? e : -1;
      i += 2;
    } else if (c == '[') {
      size_t j = i + 1;
      if (j < p.size() && p[j] == '^') ++j;
      if (j < p.size() && p[j] == ']') ++j;  // "[]...]"
      for (; j < p.size() && p[j] != ']'; j += p[j] == '\\' ? 2 : 1)
        if (p[j] == '[') return "";  // "[[:alpha:]]"
      if (j >= p.size()) return "";
      last = -1;
      i = j + 1;
    } else if (c == '{') {  // "{2}", "{0,80}": a repetition; a literal brace is not read
      size_t j = i + 1;
      while (j < p.size() && (IsAsciiDigit(p[j]) || p[j] == ',')) ++j;
      if (j >= p.size() || p[j] != '}' || j == i + 1) return "";
      last = -1;
      i = j + 1;
    } else if (c == '^' || c == '$') {  // the line's ends: nothing to match
      ++i;
    } else {
      if (c == '(') ++depth;
      if (c == ')' && --depth < 0) return "";
      const bool plain = c != '(' && c != ')' && c != '.' && c != '*' && c != '+' && c != '?' && c != '|';
      last = depth == 0 && plain && static_cast<unsigned char>(c) < 0x80 && !IsAsciiAlpha(c) ? c : -1;
      ++i;
    }
  }
}

// Whether `line` may start with one of `openings` (lower case) in any case. A byte outside
// ASCII where an opening has a letter may be a letter that folds to it (U+212A KELVIN SIGN is a
// "k"), so it counts as a possible start; those are all longer than one byte, so a line
// shorter than an opening cannot match it.
bool MayOpenWith(std::string_view line, const std::vector<std::string>& openings) {
  for (const auto& o : openings) {
    if (line.size() < o.size()) continue;
    size_t i = 0;
    while (i < o.size() && static_cast<unsigned char>(line[i]) < 0x80 && FoldAscii(line[i]) == o[i]) ++i;
    if (i == o.size() || static_cast<unsigned char>(line[i]) >= 0x80) return true;
  }
  return false;
}

}  // namespace

BoilerplateMatcher::BoilerplateMatcher(const std::vector<BoilerplateRule>& rules) {
  options_.set_case_sensitive(false);
  options_.set_log_errors(false);
  std::vector<std::pair<std::string, uint32_t>> entries;  // literal string -> pattern
  std::vector<std::string> all_atoms;
  std::vector<uint32_t> unfiltered;
  for (uint32_t r = 0; r < rules.size(); ++r) {
    const std::string& pattern = rules[r].line_pattern;
    // Min atom length 2: FilteredRE2 drops a condition on shorter strings (a pattern with only
    // those runs on every line); single characters would send most lines to the patterns.
    re2::FilteredRE2 f(2);
    int id = 0;
    // The strings are read from the pattern with its counts loosened, which compiles fast;
    // patterns were validated when loaded, and a failure here only drops that rule.
    const std::string loose = WithoutCounts(pattern);
    if (f.Add(loose, options_, &id) != RE2::NoError) {
      re2::FilteredRE2 exact(2);
      if (loose == pattern || exact.Add(pattern, options_, &id) != RE2::NoError) continue;
      f = std::move(exact);
    }
    std::vector<std::string> atoms;
    f.Compile(&atoms);
    // With no strings found present, only a pattern without a literal condition can match.
    std::vector<int> potentials;
    f.AllPotentials({}, &potentials);
    const uint32_t k = uint32_t(patterns_.size());
    if (!potentials.empty() || atoms.empty()) {
      unfiltered.push_back(k);
    } else {
      // The condition is an and/or of the strings; any match holds at least one of them.
      for (const auto& a : atoms) {
        entries.emplace_back(a, k);
        all_atoms.push_back(a);
      }
    }
    patterns_.emplace_back(pattern);
    openings_.push_back(Openings(pattern));
    closings_.push_back(Closings(pattern));
    rule_.push_back(r);
  }
  words_ = std::max<size_t>(1, (patterns_.size() + 63) / 64);
  always_.assign(words_, 0);
  for (uint32_t k : unfiltered) always_[k / 64] |= uint64_t(1) << (k % 64);
  AddFallbackTriggers(all_atoms, &entries);
  if (filter_) BuildAutomaton(entries);
}

const RE2* BoilerplateMatcher::Compiled(size_t k) const {
  const Pattern& p = patterns_[k];
  std::call_once(p.compiled, [&] {
    auto re = std::make_unique<RE2>(p.text, options_);
    if (re->ok()) p.re = std::move(re);
  });
  return p.re.get();
}

// FilteredRE2 lower-cases the strings it requires (Unicode lower case), and expects the text
// lower-cased the same way; the automaton folds only ASCII. Case-insensitive RE2 also matches
// letters outside ASCII to ASCII ones (K, U+212A KELVIN SIGN, matches "k"). A line that holds any
// code point that matches a required string's character case-insensitively without being
// that very ASCII letter or byte runs every pattern: with the rule pack's patterns that is
// U+212A, U+017F and the non-ASCII characters of the strings themselves ("©", "»"), all rare in
// running text. Only a required non-ASCII character that matches an ASCII one (none in the
// rule pack) turns the filter off.
void BoilerplateMatcher::AddFallbackTriggers(const std::vector<std::string>& atoms,
                                             std::vector<std::pair<std::string, uint32_t>>* entries) {
  std::vector<std::string> chars;
  for (const auto& a : atoms)
    for (auto& c : CodePoints(a))
      if (std::find(chars.begin(), chars.end(), c) == chars.end()) chars.push_back(std::move(c));
  if (chars.empty()) return;
  std::string any_char, non_ascii;
  for (const auto& c : chars) {
    std::string quoted = RE2::QuoteMeta(c);
    any_char += (any_char.empty() ? "" : "|") + quoted;
    if (static_cast<unsigned char>(c[0]) >= 0x80)
      non_ascii += (non_ascii.empty() ? "" : "|") + quoted;
  }
  RE2::Options opts;
  opts.set_case_sensitive(false);
  opts.set_log_errors(false);
  if (!non_ascii.empty()) {
    RE2 re("(?:" + non_ascii + ")", opts);
    std::string ascii;
    for (uint32_t cp = 1; cp < 0x80; ++cp) ascii.push_back(char(cp));
    if (!re.ok() || RE2::PartialMatch(ascii, re)) {
      filter_ = false;
      return;
    }
  }
  // Every code point outside ASCII up to the end of plane 1 (RE2's case tables end there),
  // surrogates left out (not valid UTF-8).
  std::string others(4 * 0x20000, '\0');
  char* end = others.data();
  for (uint32_t cp = 0x80; cp < 0x20000; ++cp)
    if (cp < 0xD800 || cp > 0xDFFF) end = PutUtf8(cp, end);
  others.resize(size_t(end - others.data()));
  RE2 re("(" + any_char + ")", opts);
  if (!re.ok()) {
    filter_ = false;
    return;
  }
  re2::StringPiece input(others);
  std::string hit;
  while (RE2::FindAndConsume(&input, re, &hit)) entries->emplace_back(hit, kAllPatterns);
}

void BoilerplateMatcher::BuildAutomaton(const std::vector<std::pair<std::string, uint32_t>>& entries) {
  // Byte classes: class 0 for bytes in no string; an upper-case ASCII letter shares its lower
  // case letter's class.
  for (const auto& [s, k] : entries)
    for (char c : s) {
      unsigned char b = static_cast<unsigned char>(FoldAscii(c));
      if (class_[b] == 0) class_[b] = uint8_t(classes_++);
      if (classes_ > 255) {  // more distinct bytes than a class fits: run everything
        filter_ = false;
        return;
      }
    }
  for (int c = 'A'; c <= 'Z'; ++c) class_[c] = class_[c + 32];
  // The trie of the strings, then failure links breadth first, which complete the table.
  std::vector<uint32_t> go(classes_, kNoState);  // state * classes_ + class
  std::vector<std::vector<uint64_t>> mask(1, std::vector<uint64_t>(words_, 0));
  for (const auto& [s, k] : entries) {
    uint32_t st = 0;
    for (char c : s) {
      size_t slot = st * classes_ + class_[static_cast<unsigned char>(c)];
      if (go[slot] == kNoState) {
        go[slot] = uint32_t(mask.size());
        mask.emplace_back(words_, 0);
        go.resize(go.size() + classes_, kNoState);
      }
      st = go[slot];
    }
    if (k == kAllPatterns) {
      for (auto& w : mask[st]) w = ~uint64_t(0);
    } else {
      mask[st][k / 64] |= uint64_t(1) << (k % 64);
    }
  }
  const size_t states = mask.size();
  std::vector<uint32_t> fail(states, 0);
  std::deque<uint32_t> queue;
  for (size_t c = 0; c < classes_; ++c) {
    uint32_t& t = go[c];
    if (t == kNoState) {
      t = 0;
    } else {
      queue.push_back(t);
    }
  }
  while (!queue.empty()) {
    uint32_t st = queue.front();
    queue.pop_front();
    for (size_t w = 0; w < words_; ++w) mask[st][w] |= mask[fail[st]][w];
    for (size_t c = 0; c < classes_; ++c) {
      uint32_t& t = go[st * classes_ + c];
      uint32_t via_fail = go[fail[st] * classes_ + c];
      if (t == kNoState) {
        t = via_fail;
      } else {
        fail[t] = via_fail;
        queue.push_back(t);
      }
    }
  }
  // Rows of classes_ transitions and one output slot, states premultiplied by the row size.
  // States with output come last, so the scan tells them by one comparison; the root (no
  // string is empty) stays first.
  const size_t stride = classes_ + 1;
  std::vector<uint32_t> order(states, 0);
  size_t quiet = 0;
  auto has_output = [&](size_t st) {
    for (uint64_t w : mask[st])
      if (w != 0) return true;
    return false;
  };
  for (size_t st = 0; st < states; ++st)
    if (!has_output(st)) order[st] = uint32_t(quiet++);
  first_output_ = uint32_t(quiet * stride);
  for (size_t st = 0, loud = quiet; st < states; ++st)
    if (has_output(st)) order[st] = uint32_t(loud++);
  next_.assign(states * stride, 0);
  masks_.assign(words_, 0);  // entry 0: no output
  for (size_t st = 0; st < states; ++st) {
    const size_t row = order[st] * stride;
    for (size_t c = 0; c < classes_; ++c) next_[row + c] = uint32_t(order[go[st * classes_ + c]] * stride);
    if (!has_output(st)) continue;
    next_[row + classes_] = uint32_t(masks_.size() / words_);
    masks_.insert(masks_.end(), mask[st].begin(), mask[st].end());
  }
}

int BoilerplateMatcher::Match(std::string_view line) const {
  uint64_t inline_words[4];
  std::vector<uint64_t> heap;
  uint64_t* cand = inline_words;
  if (words_ > 4) {
    heap.resize(words_);
    cand = heap.data();
  }
  for (size_t w = 0; w < words_; ++w) cand[w] = filter_ ? always_[w] : ~uint64_t(0);
  if (filter_) {
    const uint32_t* next = next_.data();
    const uint8_t* cls = class_;
    const size_t loud = first_output_;
    size_t st = 0;
    auto step = [&](unsigned char c) {
      st = next[st + cls[c]];
      if (st >= loud) [[unlikely]] {
        const size_t m = next[st + classes_];
        for (size_t w = 0; w < words_; ++w) cand[w] |= masks_[m * words_ + w];
      }
    };
    // Four bytes a step: every byte of every line passes here, and the loop's own count and
    // test cost nearly as much as a byte's transition.
    const unsigned char* p = reinterpret_cast<const unsigned char*>(line.data());
    const unsigned char* end = p + line.size();
    for (; end - p >= 4; p += 4) step(p[0]), step(p[1]), step(p[2]), step(p[3]);
    for (; p < end; ++p) step(*p);
  }
  for (size_t w = 0; w < words_; ++w) {
    for (uint64_t bits = cand[w]; bits != 0; bits &= bits - 1) {
      size_t k = w * 64 + size_t(__builtin_ctzll(bits));
      if (k >= patterns_.size()) break;
      if (!openings_[k].empty() && !MayOpenWith(line, openings_[k])) continue;
      if (!closings_[k].empty() && (line.empty() || closings_[k].find(line.back()) == std::string::npos)) continue;
      const RE2* re = Compiled(k);
      if (re != nullptr && RE2::FullMatch(line, *re)) return int(rule_[k]);
    }
  }
  return -1;
}

}  // namespace recon

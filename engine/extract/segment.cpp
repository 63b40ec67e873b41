// Segmenter: boilerplate lines out, sentences in. Line ends end a sentence only when the line
// looks complete (final stop, a bullet, a headline, a blank line after), so hard-wrapped
// paragraphs are joined.
#include "segment.h"

#include <algorithm>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "recon/text_util.h"

namespace recon {

Segmenter::Segmenter(const RuleSet& rules) : boilerplate_(rules.boilerplate) {
  for (const auto& a : rules.names.abbreviations) abbreviations_.insert(ToLower(a));
  for (const auto& b : rules.boilerplate)
    block_.push_back(b.block), spares_prose_.push_back(b.spares_prose), caption_.push_back(b.caption),
        ends_story_.push_back(b.ends_story);
}

bool Segmenter::IsAbbreviation(std::string_view w) const {
  return abbreviations_.count(AsciiLower(w).view()) > 0;  // at every full stop: no heap copy
}

namespace {

bool IsBullet(std::string_view line) {
  line = Trim(line);
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ')
    return true;
  return line.substr(0, 3) == "\xE2\x80\xA2";  // U+2022 BULLET
}

// Words a list item under a boilerplate heading has at most: a headline, a topic, a name.
constexpr size_t kListItemWords = 14;

bool EndsComplete(std::string_view line) {
  line = Trim(line);
  while (!line.empty()) {
    char c = line.back();
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      line.remove_suffix(1);
      continue;
    }
    if (line.size() >= 3 && (unsigned char)line[line.size() - 3] == 0xE2 &&
        (unsigned char)line[line.size() - 2] == 0x80) {  // closing curly quote
      line.remove_suffix(3);
      continue;
    }
    break;
  }
  return !line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?' ||
                           line.back() == ':');
}

// A line short enough, and without a final stop, to be an item of a list of links.
bool ListItem(std::string_view line) {
  size_t words = 1;
  for (char c : line) words += c == ' ';
  return words <= kListItemWords && !EndsComplete(line);
}


// Whether `rest` opens with a word that goes on with a time of day: a weekday, a month or a
// time zone ("7 a.m. Monday", "10 p.m. KST").
bool GoesOnWithTime(std::string_view rest) {
  static constexpr std::string_view kWords[] = {
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Jan", "Feb", "Mar", "Apr", "May",
      "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "KST", "JST", "GMT", "UTC", "ET", "EST", "EDT", "PT", "PST",
      "PDT", "BST", "CET", "CEST", "local"};
  size_t n = 0;
  while (n < rest.size() && IsAsciiAlpha(rest[n])) ++n;
  const std::string_view word = rest.substr(0, n);
  return std::any_of(std::begin(kWords), std::end(kWords), [&](std::string_view w) {
    return word == w || (w.size() == 3 && word.size() > 3 && word.substr(0, 3) == w);  // "January"
  });
}

// Length of a closing quote or bracket at `i`, 0 if none.
size_t CloserAt(std::string_view t, size_t i) {
  if (i >= t.size()) return 0;
  char c = t[i];
  // ... and an emphasis mark closing a bold run-in heading: "**An execution, or not.** Earlier".
  if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*' || c == '_') return 1;
  if (i + 2 < t.size() && (unsigned char)c == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
      ((unsigned char)t[i + 2] == 0x9D || (unsigned char)t[i + 2] == 0x99))
    return 3;
  return 0;
}

bool StartsSentence(std::string_view t, size_t i) {
  if (i >= t.size()) return true;
  unsigned char c = t[i];
  if (IsAsciiUpper(char(c)) || IsAsciiDigit(char(c)) || c == '"' || c == '\'' || c == '(' ||
      c == '[')
    return true;
  return c == 0xE2;  // opening curly quote or dash
}

// The first '.', '!' or '?' in text[i, end), or `end`. Sixteen bytes a step where SSE2 is there:
// most of a line is words between the stops.
size_t NextStop(std::string_view text, size_t i, size_t end) {
#ifdef __SSE2__
  const __m128i dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'), ask = _mm_set1_epi8('?');
  for (; i + 16 <= end; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, bang)),
                               _mm_cmpeq_epi8(v, ask));
    if (int mask = _mm_movemask_epi8(hit)) return i + size_t(__builtin_ctz(unsigned(mask)));
  }
#endif
  for (; i < end; ++i)
    if (text[i] == '.' || text[i] == '!' || text[i] == '?') return i;
  return end;
}

}  // namespace

bool Segmenter::ProseFollows(std::string_view text, size_t eol, size_t* paragraph_end) const {
  size_t pos = eol + 1;
  for (; pos < text.size();) {
    size_t next = text.find('\n', pos);
    if (next == std::string_view::npos) next = text.size();
    std::string_view line = Trim(text.substr(pos, next - pos));
    if (line.empty()) break;
    // "© 2023 Global Daily Online. All rights reserved." under a list ends no story.
    if (EndsComplete(line) && boilerplate_.Match(line) < 0) return true;
    pos = next + 1;
  }
  *paragraph_end = pos;
  return false;
}

void Segmenter::SplitLine(std::string_view text, uint32_t begin, uint32_t end, uint32_t paragraph,
                          std::vector<Sentence>* out) const {
  size_t start = begin;
  for (size_t i = begin; (i = NextStop(text, i, end)) < end; ++i) {
    char c = text[i];
    size_t j = i + 1;
    while (j < end && (text[j] == '.' || text[j] == '!' || text[j] == '?')) ++j;
    for (size_t k; (k = CloserAt(text, j)) > 0 && j + k <= end;) j += k;
    if (j < end && !IsSpace(text[j])) continue;
    size_t next = j;
    while (next < end && IsSpace(text[next])) ++next;
    if (next < end && !StartsSentence(text, next)) continue;
    if (c == '.') {
      size_t w = i;
      while (w > start && !IsSpace(text[w - 1])) --w;
      std::string_view word = text.substr(w, i + 1 - w);
      // "(Feb.", "**Feb. 13, 2017:**": what opens the word is no part of it.
      while (!word.empty() && (word.front() == '(' || word.front() == '"' || word.front() == '*' ||
                               word.front() == '_' || word.front() == '['))
        word.remove_prefix(1);
      bool initial = word.size() == 2 && IsAsciiUpper(word[0]);
      // "... shortly after 7 a.m. The launch came ...": a time's "a.m." ends a sentence before a
      // capital, unless a day, month or zone goes on with the time ("7 a.m. Monday", "a.m. KST").
      const bool time_ends = (word == "a.m." || word == "p.m." || word == "A.M." || word == "P.M.") && next < end &&
                             IsAsciiUpper(text[next]) && !GoesOnWithTime(text.substr(next, end - next));
      if (!time_ends && (initial || IsAbbreviation(word))) continue;
    }
    if (Trim(text.substr(start, j - start)).size() > 0) {
      out->push_back({uint32_t(start), uint32_t(j), paragraph});
    }
    start = next;
    i = next > 0 ? next - 1 : 0;
  }
  std::string_view rest = Trim(text.substr(start, end - start));
  if (!rest.empty()) {
    uint32_t b = uint32_t(rest.data() - text.data());
    out->push_back({b, uint32_t(b + rest.size()), paragraph});
  }
}

void Segmenter::Segment(std::string_view text, std::vector<Sentence>* sentences,
                        std::vector<RemovedSpan>* removed) const {
  struct Line {
    uint32_t begin, end;
    int number;
    bool blank, bullet, complete;
  };
  // Scratch kept per thread: a document's lines, regrown for every document otherwise.
  thread_local std::vector<Line> lines;
  lines.clear();
  int number = 0;
  int list = -1;  // the rule of the list heading whose items may follow, or -1
  int caption = -1;  // the rule of the picture whose caption may come next, or -1
  size_t no_prose_until = 0;  // the rest of a paragraph up to here is known to end no sentence
  bool prose_kept = false;  // a kept line before this one ends a sentence
  int tail = -1;  // the rule of the comments' heading that ended the story, or -1
  for (size_t pos = 0; pos <= text.size();) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    ++number;
    std::string_view line = text.substr(pos, eol - pos);
    std::string_view trimmed = Trim(line);
    bool blank = trimmed.empty();
    if (!blank) {
      // Matched without the emphasis marks or heading marks around it: "**Related articles**",
      // "## Most read", "_Read also: ..._".
      std::string_view bare = trimmed;
      while (!bare.empty() && (bare.front() == '*' || bare.front() == '_' || bare.front() == '#')) bare.remove_prefix(1);
      while (!bare.empty() && (bare.back() == '*' || bare.back() == '_')) bare.remove_suffix(1);
      bare = Trim(bare);
      int rule = tail >= 0 ? tail : boilerplate_.Match(bare.empty() ? trimmed : bare);
      if (rule < 0 && caption >= 0 && trimmed.size() > 2 && (trimmed.front() == '*' || trimmed.front() == '_') &&
          trimmed.back() == trimmed.front())
        rule = caption;
      caption = -1;
      // "The defector, who now edits a newsletter for exiles, fled in 2009.": a sentence. (Not
      // in the readers' comments.)
      if (rule >= 0 && tail < 0 && spares_prose_[size_t(rule)] && EndsComplete(trimmed) &&
          std::count(trimmed.begin(), trimmed.end(), ' ') >= 6)
        rule = -1;
      if (rule < 0 && list >= 0) {
        // A list item: a short line that ends no sentence, like the headlines of "Most read",
        // in a paragraph none of whose lines does ("South Korean officials said two soldiers
        // defected across / the DMZ on Friday." is a story wrapped, not a list).
        if (ListItem(trimmed) && (eol < no_prose_until || !ProseFollows(text, eol, &no_prose_until))) rule = list;
        else list = -1;
      }
      if (rule >= 0) {
        removed->push_back({number, uint32_t(rule), uint32_t(pos), uint32_t(eol)});
        blank = true;  // a removed line also ends the paragraph
        if (block_[size_t(rule)]) list = rule;
        if (caption_[size_t(rule)]) caption = rule;
        if (ends_story_[size_t(rule)] && prose_kept) tail = rule;
      } else {
        prose_kept = prose_kept || EndsComplete(trimmed);
      }
    }
    lines.push_back({uint32_t(pos), uint32_t(eol), number, blank, !blank && IsBullet(line),
                     !blank && EndsComplete(line)});
    if (eol == text.size()) break;
    pos = eol + 1;
  }
  // Group lines into blocks that end where a sentence must end, then split each block.
  uint32_t paragraph = 0;
  size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].blank) {
      ++paragraph;
      ++i;
      continue;
    }
    size_t j = i;
    // A short line without a final stop is a headline or label: a block of its own.
    auto headline = [&](const Line& l) {
      return !l.complete && l.end - l.begin < 70;
    };
    while (j + 1 < lines.size() && !lines[j].complete && !lines[j].bullet && !headline(lines[j]) &&
           !lines[j + 1].blank && !lines[j + 1].bullet)
      ++j;
    std::string_view first = text.substr(lines[i].begin, lines[i].end - lines[i].begin);
    uint32_t b = lines[i].begin;
    if (lines[i].bullet) {
      std::string_view t = Trim(first);
      b = uint32_t(t.data() - text.data());
      size_t skip = t.substr(0, 3) == "\xE2\x80\xA2" ? 3 : 1;
      b += uint32_t(skip);
    }
    SplitLine(text, b, lines[j].end, paragraph, sentences);
    if (lines[i].bullet) ++paragraph;
    i = j + 1;
  }
}

}  // namespace recon

// Segmentation: removes page furniture (boilerplate) and splits the rest into sentences.
// Private to extract.
#ifndef RECON_EXTRACT_SEGMENT_H_
#define RECON_EXTRACT_SEGMENT_H_

#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <re2/filtered_re2.h>

#include "recon/rules.h"
#include "tokens.h"

namespace recon {

struct Sentence {
  uint32_t begin = 0;  // byte span in the document text
  uint32_t end = 0;
  uint32_t paragraph = 0;  // paragraphs are separated by blank lines or removed lines
};

struct RemovedSpan {
  int line = 0;
  uint32_t rule = 0;  // index into RuleSet::boilerplate
  uint32_t begin = 0;
  uint32_t end = 0;
};

// The boilerplate rules' line patterns, matched against whole lines (case-insensitive, anchored
// at both ends). Most lines of an article can match none of them, and one combined RE2::Set
// over every pattern cost as much as tokenizing the line: its DFA, the product of all the
// patterns' counted repetitions, kept building states for nearly every line. So each pattern
// is its own RE2, and a pattern runs on a line only when the line holds one of the literal
// strings any match of it must contain (RE2's FilteredRE2 works them out per pattern), a
// pattern that opens with a group of plain words only on a line that starts with one, and one
// that ends with a plain character only on a line that ends with it; one Aho-Corasick pass
// over the line, folding ASCII case, finds the strings. Lines holding a code point that
// case-folds onto those strings from outside ASCII run every pattern. A pattern's RE2 is
// compiled when a line first runs it: with their counted repetitions (".{10,400}") the rule
// pack's patterns cost more to compile than a thousand articles' lines cost to match, and some
// are run by no line of a run. Match() is thread-safe.
class BoilerplateMatcher {
 public:
  explicit BoilerplateMatcher(const std::vector<BoilerplateRule>& rules);
  // The index of the first rule whose pattern matches the whole of `line`; -1 when none does.
  int Match(std::string_view line) const;

 private:
  void BuildAutomaton(const std::vector<std::pair<std::string, uint32_t>>& atoms);
  // Adds, as strings that make every pattern a candidate, the code points outside ASCII that
  // match a character of `atoms` case-insensitively (the ASCII folding would miss them).
  void AddFallbackTriggers(const std::vector<std::string>& atoms,
                           std::vector<std::pair<std::string, uint32_t>>* entries);

  struct Pattern {
    explicit Pattern(std::string t) : text(std::move(t)) {}
    const std::string text;
    mutable std::once_flag compiled;
    mutable std::unique_ptr<RE2> re;  // set once, by the first Match() that runs the pattern
  };
  // The RE2 of patterns_[k], compiled on first use; null if it does not compile.
  const RE2* Compiled(size_t k) const;

  RE2::Options options_;
  std::deque<Pattern> patterns_;  // a deque: a once_flag cannot move
  // For a pattern that opens with a group of plain words ("^(by|written by)..."), the words in
  // lower case: a line can match only if it starts with one of them. Empty for other patterns.
  std::vector<std::vector<std::string>> openings_;
  // For a pattern each of whose alternatives ends with one plain character that is no letter
  // ("...\)$"), those characters: a line can match only if it ends with one. Else empty.
  std::vector<std::string> closings_;
  std::vector<uint32_t> rule_;  // patterns_[k] is rule rule_[k]
  // Candidates as bit sets over patterns_, words_ 64-bit words each.
  size_t words_ = 1;
  std::vector<uint64_t> always_;  // patterns with no literal test: they run on every line
  bool filter_ = true;            // false: every pattern runs on every line
  // The automaton: byte -> class (ASCII letters fold to lower case), then a full transition
  // table: a row of classes_ next states and the index of the state's mask in masks_ (0:
  // none) per state; states are numbered by their row's offset, those with output last.
  uint8_t class_[256] = {};
  size_t classes_ = 1;
  std::vector<uint32_t> next_;    // next_[state + class] -> state; next_[state + classes_]: mask
  uint32_t first_output_ = 0;     // states from here on have output
  std::vector<uint64_t> masks_;   // entry 0 unused
};

// Built once from the rules; Segment() is const and thread-safe.
class Segmenter {
 public:
  explicit Segmenter(const RuleSet& rules);
  // Splits `text` into sentences, skipping lines the boilerplate rules remove.
  void Segment(std::string_view text, std::vector<Sentence>* sentences,
               std::vector<RemovedSpan>* removed) const;

 private:
  bool IsAbbreviation(std::string_view word_with_dot) const;
  // Whether a line of the paragraph that goes on after byte `eol` (the end of a line) ends a
  // sentence and is no boilerplate: the paragraph is prose, however its lines are wrapped. When
  // it is not, `*paragraph_end` is where the paragraph ends, so its later lines need no rescan.
  bool ProseFollows(std::string_view text, size_t eol, size_t* paragraph_end) const;
  void SplitLine(std::string_view text, uint32_t begin, uint32_t end, uint32_t paragraph,
                 std::vector<Sentence>* out) const;

  BoilerplateMatcher boilerplate_;
  std::vector<bool> block_;  // by boilerplate rule: a list heading (BoilerplateRule::block)
  std::vector<bool> caption_;  // by boilerplate rule: a picture with its caption (BoilerplateRule::caption)
  std::vector<bool> ends_story_;  // by boilerplate rule: the comments' heading (BoilerplateRule::ends_story)
  std::vector<bool> spares_prose_;  // by boilerplate rule: BoilerplateRule::spares_prose
  WordSet abbreviations_;  // lower case, with the final dot
};

}  // namespace recon

#endif  // RECON_EXTRACT_SEGMENT_H_

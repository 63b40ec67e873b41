// Segmentation: removes page furniture (boilerplate) and splits the rest into sentences.
// Private to extract.
#ifndef RECON_EXTRACT_SEGMENT_H_
#define RECON_EXTRACT_SEGMENT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/set.h>

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

// Built once from the rules; Segment() is const and thread-safe.
class Segmenter {
 public:
  explicit Segmenter(const RuleSet& rules);
  // Splits `text` into sentences, skipping lines the boilerplate rules remove.
  void Segment(std::string_view text, std::vector<Sentence>* sentences,
               std::vector<RemovedSpan>* removed) const;

 private:
  bool IsAbbreviation(std::string_view word_with_dot) const;
  void SplitLine(std::string_view text, uint32_t begin, uint32_t end, uint32_t paragraph,
                 std::vector<Sentence>* out) const;

  std::unique_ptr<RE2::Set> boilerplate_;
  WordSet abbreviations_;  // lower case, with the final dot
};

}  // namespace recon

#endif  // RECON_EXTRACT_SEGMENT_H_

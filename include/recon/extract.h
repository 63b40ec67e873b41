// Extract stage: documents into claims (sentences, boilerplate, triggers, arguments, dates,
// attribution, modality).
#ifndef RECON_EXTRACT_H_
#define RECON_EXTRACT_H_

#include <memory>
#include <string>
#include <vector>

#include "recon/claim.h"
#include "recon/diagnostic.h"
#include "recon/document.h"
#include "recon/rules.h"

namespace recon {

struct ExtractOptions {
  int threads = 0;           // worker threads; 0 = all cores. Default: 0
  bool keep_removed = false; // keep the removed boilerplate lines for display. Default: false
};

// A line taken out of a document as page furniture.
struct RemovedLine {
  uint32_t doc_index = 0;
  int line = 0;
  std::string rule;
  std::string text;
};

// What the extract stage produced. Claims are ordered by document, then position.
struct Extraction {
  std::vector<Claim> claims;
  std::vector<RemovedLine> removed;  // filled only with ExtractOptions::keep_removed
  std::map<std::string, size_t> rule_hits;  // rule id -> claims or removals it produced
  size_t sentences = 0;
  size_t mentions = 0;
  size_t time_expressions = 0;
  size_t boilerplate_lines = 0;
};

// Runs the extraction rules. Builds its matchers once from the rules; safe to share.
class Extractor {
 public:
  explicit Extractor(const RuleSet& rules);
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Extracts every document, in parallel; the result does not depend on the thread count.
  Extraction Run(const Corpus& corpus, const ExtractOptions& options) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace recon

#endif  // RECON_EXTRACT_H_

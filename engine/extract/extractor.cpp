// Extractor: placeholder until the extraction rules land (replaced in the next commit).
#include "recon/extract.h"

namespace recon {

struct Extractor::Impl {};
Extractor::Extractor(const RuleSet& rules) : impl_(std::make_unique<Impl>()) {}
Extractor::~Extractor() = default;
Extraction Extractor::Run(const Corpus& corpus, const ExtractOptions& options) const { return {}; }

}  // namespace recon

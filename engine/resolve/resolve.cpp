// Resolve stage placeholder (replaced in the next commit).
#include "recon/resolve.h"

namespace recon {

Timeline Resolve(const Corpus& corpus, const Linked& linked, const RuleSet& rules) { return {}; }

}  // namespace recon

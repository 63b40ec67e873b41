// Eval placeholder (replaced in the next commit).
#include "recon/eval.h"

namespace recon {
Gold LoadGold(const std::string& path, Diagnostics* diags) { return {}; }
EvalReport Evaluate(const RunResult& run, const Gold& gold) { return {}; }
}  // namespace recon

// recon explain (placeholder, replaced by the report work).
#include <iostream>
#include "commands.h"
namespace recon::cli {
int ExplainCommand(int, char**) { std::cerr << "recon explain: not built yet\n"; return 2; }
}  // namespace recon::cli

// recon eval (placeholder, replaced in the next commit).
#include <iostream>
#include "commands.h"
namespace recon::cli {
int EvalCommand(int, char**) { std::cerr << "recon eval: not built yet\n"; return 2; }
}  // namespace recon::cli

// Link stage placeholder (replaced in the next commit).
#include "recon/link.h"

namespace recon {

Linked LinkClaims(const Corpus& corpus, std::vector<Claim> claims, const RuleSet& rules) {
  Linked l;
  l.claims = std::move(claims);
  l.graph = ClaimGraph(l.claims.size());
  return l;
}

std::string NameKey(std::string_view name) { return std::string(name); }

}  // namespace recon

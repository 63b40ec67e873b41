// Headline events: what the resolver does with drafts kept only for an article's headline
// claim (Draft::headline_only). Private to resolve.
#ifndef RECON_ENGINE_RESOLVE_HEADLINES_H_
#define RECON_ENGINE_RESOLVE_HEADLINES_H_

#include <vector>

#include "recon/claim.h"
#include "recon/resolve_core.h"
#include "recon/rules.h"

namespace recon {

// Merges the headline-only drafts of one unnamed event told by two outlets (same type,
// descriptions of one rank family, first reported within a week), then drops a headline-only
// draft when another event of its type that other articles report, whose subject may be its
// person, is dated or first reported in the half year before the headline's report: the
// article then adds a telling, not an event. `claims` are the table's claims, by index.
void DropCoveredHeadlines(const ResolveTable& table, const std::vector<Claim>& claims, const RuleSet& rules,
                          std::vector<Draft>* drafts);

}  // namespace recon

#endif  // RECON_ENGINE_RESOLVE_HEADLINES_H_

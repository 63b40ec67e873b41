// Resolve stage: cluster linked claims into events, decide each attribute with truth discovery,
// and flag the conflicts that remain.
#ifndef RECON_RESOLVE_H_
#define RECON_RESOLVE_H_

#include "recon/document.h"
#include "recon/link.h"
#include "recon/rules.h"
#include "recon/timeline.h"

namespace recon {

// Resolves the claim graph into a timeline. Deterministic.
Timeline Resolve(const Corpus& corpus, const Linked& linked, const RuleSet& rules);

}  // namespace recon

#endif  // RECON_RESOLVE_H_

// Within-article coreference of claims: one article usually tells one event of a type, often
// several times and not always with the name ("the defection", "a diplomat who disappeared in
// Italy last year", a fact box's "When: left his post in July").
#ifndef RECON_ENGINE_LINK_WITHIN_ARTICLE_H_
#define RECON_ENGINE_LINK_WITHIN_ARTICLE_H_

#include <optional>
#include <string>
#include <vector>

#include "recon/claim.h"
#include "recon/claim_graph.h"
#include "recon/link.h"
#include "recon/rules.h"

namespace recon {

// SubjectOf and DescriptorFits are declared in recon/link.h.

// Adds a same-event edge from each claim without a named subject to the one story of its type
// (and kind: `event_keys`, one per claim, EventKeys::Of) its own article tells:
// - when the article's claims of that type name exactly one subject, to that subject's first
//   claim, unless the unnamed person's descriptor is of another rank family ("a soldier" is not
//   the ambassador) or it is dated and its date overlaps no dated claim of that subject there;
// - when they name no one and all their bounded dates overlap, to the first dated claim (or,
//   with none dated, to the first claim).
// A headline claim (Claim::headline) with no date of its own joins no named story whose dated
// claims all end more than half a year before its article's publication (`published`, by
// doc_index): "a senior diplomat has abandoned his post" is not the 1997 defection told as
// background. Generic claims take no part. Claims must carry resolved entity ids. Deterministic.
void LinkWithinArticles(const std::vector<Claim>& claims, const std::vector<std::string>& event_keys,
                        const RuleSet& rules, const std::vector<std::optional<Date>>& published,
                        ClaimGraph* graph);

}  // namespace recon

#endif  // RECON_ENGINE_LINK_WITHIN_ARTICLE_H_

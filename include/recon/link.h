// Link stage: resolve mentions to entities, then relate claims (same event, corroborates,
// contradicts, cites) in the claim graph, through blocking keys rather than all pairs.
#ifndef RECON_LINK_H_
#define RECON_LINK_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "recon/claim.h"
#include "recon/claim_graph.h"
#include "recon/document.h"
#include "recon/extract.h"
#include "recon/rules.h"

namespace recon {

// A proposed identity between an unnamed participant and a named entity; never merged silently.
struct CandidateLink {
  std::string claim;     // claim id holding the unnamed participant
  std::string entity;    // the named entity it may be
  double confidence = 0;
  std::string reason;
};

struct Linked {
  std::vector<Claim> claims;     // the extracted claims, participants resolved to entity ids
  std::vector<Entity> entities;  // every entity referred to, sorted by id
  std::vector<CandidateLink> candidates;
  ClaimGraph graph;
};

// Links the claims of one run. Deterministic.
Linked LinkClaims(const Corpus& corpus, std::vector<Claim> claims, const RuleSet& rules);

// Which claims may tell one event: their type, and the kind their trigger gives ("attack" and
// "attack/return fire" never join) or their modality: an attempt ("assassination/attempt") is not
// the deed. Built once per run from the rule pack; immutable after.
class EventKeys {
 public:
  explicit EventKeys(const RuleSet& rules);
  // "type" for a claim of its type's plain events, "type/kind" otherwise; claims join only
  // claims with the same key.
  std::string Of(const Claim& c) const;
  // "attempt" for an attempted claim; else the kind of the claim's trigger when it is of the
  // claim's type ("return fire"); else "".
  std::string_view KindOf(const Claim& c) const;

 private:
  std::map<std::string, std::pair<std::string, std::string>, std::less<>> kinds_;  // rule -> (type, kind)
};

// The romanisation-aware key of a Korean-style personal name ("Thae Yong-ho" and "Tae Yong Ho"
// share it; "Kim Jong Un" and "Kim Jong Il" do not).
std::string NameKey(std::string_view name);
// The same, first mapping the surname through `surname_variants` ("Lee" -> "Ri").
std::string NameKey(std::string_view name, const std::map<std::string, std::string>& surname_variants);

// The subject's entity id of a claim; for an unnamed relative of a named person ("his
// daughter") the person's id and the descriptor ("jo-song-gil/daughter"); "" when the subject
// is otherwise unnamed or absent.
std::string SubjectOf(const Claim& c);

// The rank family of an unnamed person's descriptor ("soldier": "military"), from the lexicon's
// descriptor_families; nullptr when it has none.
const std::string* DescriptorFamily(std::string_view descriptor, const RuleSet& rules);

// False when an unnamed person's descriptor belongs to another rank family than the named
// claim's rank ("a soldier" is not the acting ambassador); true when either is unknown.
bool DescriptorFits(const Participant& unnamed, const Claim& named, const RuleSet& rules);

}  // namespace recon

#endif  // RECON_LINK_H_

// Relations between events as a sentence states them ("executed four days after his arrest"):
// read from the time tagger's relations and from before/after/since next to a trigger, for the
// resolver's temporal network. Private to extract.
#ifndef RECON_EXTRACT_RELATIONS_H_
#define RECON_EXTRACT_RELATIONS_H_

#include <span>
#include <vector>

#include "recon/claim.h"
#include "recon/rules.h"
#include "recon/timex.h"
#include "tokens.h"

namespace recon {

// Finds the relations that belong to one claim. Its words come from the rule pack (the timex
// grammar roles before/after/since, reporting verbs, the triggers); immutable after
// construction, safe to share across threads.
class RelationFinder {
 public:
  explicit RelationFinder(const RuleSet& rules);

  // Appends to `c->relations` every relation in the sentence tokens[from, to) that belongs to
  // the claim: the tagger's relational expressions (`timexes`: the whole document's, sorted by
  // begin) and "before/after/since <trigger>" orders, each given to the trigger nearest to it
  // (`triggers`: every trigger match of the sentence) and kept when that trigger is of the
  // claim's type. An anchor is typed by a trigger inside it; a relation that dates a report
  // ("said on Friday, eleven days after he was attacked") is skipped.
  void Find(const std::vector<Token>& tokens, uint32_t from, uint32_t to,
            const std::vector<TimeExpression>& timexes,
            std::span<const PhraseMatcher::Match> triggers, Claim* c) const;

 private:
  enum class Role { kNone, kBefore, kAfter, kSince };
  Role RoleOf(const Token& t) const;

  const RuleSet& rules_;
  StringMap<Role> roles_;
  WordSet role_words_;  // roles_'s words, whose pre-checks turn most words away before hashing
  StringMap<bool> reporting_verbs_;
};

}  // namespace recon

#endif  // RECON_EXTRACT_RELATIONS_H_

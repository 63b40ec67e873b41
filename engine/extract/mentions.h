// Mentions: people, organisations, places and ranks found in a document's sentences, with
// within-document coreference (a later "Thae" or "he" points back to the full name).
// Private to extract.
#ifndef RECON_EXTRACT_MENTIONS_H_
#define RECON_EXTRACT_MENTIONS_H_

#include <string>
#include <vector>

#include "recon/claim.h"
#include "recon/rules.h"
#include "tokens.h"

namespace recon {

struct Mention {
  uint32_t first = 0;  // token range [first, last) in the document's token vector
  uint32_t last = 0;
  uint32_t sentence = 0;
  EntityType type = EntityType::kPerson;
  std::string entity;  // rule id for gazetteer entities, else ""
  std::string name;    // the fullest name this mention refers to in the document
  int rank = -1;       // index into RuleSet::ranks of the rank qualifying this mention; -1: none
  bool coreferent = false;  // a surname or pronoun resolved to an earlier name
  // A surname after a title or rank ("Lt. Gen. Kang", "Mr. Kim"): resolved as a surname alone
  // is, and a name of its own when the article names no fuller one.
  bool titled = false;
};

struct RankMention {
  uint32_t first = 0;
  uint32_t last = 0;
  uint32_t rank = 0;  // index into RuleSet::ranks
  uint32_t sentence = 0;
};

// Finds mentions with the gazetteer, name shapes and rank ladders. Immutable after
// construction; safe to share across threads.
class MentionFinder {
 public:
  explicit MentionFinder(const RuleSet& rules);

  // Mentions in tokens[from, to) of sentence `sentence`, appended in token order, and its
  // ranks appended to `ranks` (which may hold earlier sentences', in token order; one may run
  // past `from` where no stop split the sentences).
  void Find(const std::vector<Token>& tokens, uint32_t from, uint32_t to, uint32_t sentence,
            std::vector<Mention>* out, std::vector<RankMention>* ranks) const;

  const RuleSet& rules() const { return rules_; }

  // A name in Western order, once given, by its last part alone, anywhere in the document:
  // "Otto Warmbier ... Warmbier was sentenced", "Kenneth Bae ... Bae was freed" (not "Thae"
  // for "Thae Yong-ho": a Korean name's surname comes first). `sentences`: each sentence's token
  // range. Keeps `mentions` in token order.
  void AddWesternSurnames(const std::vector<Token>& tokens, const std::vector<std::pair<uint32_t, uint32_t>>& sentences,
                          std::vector<Mention>* mentions) const;

  // A Korean surname of the rule pack, as written in names: "Kim", "Ri".
  bool IsSurname(std::string_view w) const { return surnames_.count(w) > 0; }

 private:
  bool IsStopWord(std::string_view w) const { return stop_words_.count(w) > 0; }
  bool IsGivenNamePart(const Token& t) const;

  const RuleSet& rules_;
  PhraseMatcher gazetteer_;  // pattern id = index into rules.entities
  PhraseMatcher ranks_;      // pattern id = index into rules.ranks
  WordSet surnames_;
  WordSet stop_words_;
  WordSet titles_;
  WordSet descriptors_;  // "student": capitalised words after one are a name
};

// Resolves surname-only mentions to the most salient earlier full name with that surname in
// `mentions`, and attaches each rank to the person it qualifies. `headline` are the full names
// the document's title gives: they start out as salient as a plain mention in the body.
// `leaders` are gazetteer ids of people whose bare surname means them in news of their country
// ("Kim" is Kim Jong Un): once named, they count one plain mention more. `possessives` ("his")
// make a rank right after one someone else's ("Kim replaced his defence chief"). Runs once per
// document, in order.
void ResolveDocumentMentions(const std::vector<Token>& tokens, std::vector<Mention>* mentions,
                             const std::vector<RankMention>& ranks,
                             const std::vector<std::string>& headline = {},
                             const std::vector<std::string>& leaders = {}, const WordSet* possessives = nullptr);

}  // namespace recon

#endif  // RECON_EXTRACT_MENTIONS_H_

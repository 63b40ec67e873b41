// Entities, mentions and claims: what the extract stage finds in the documents.
#ifndef RECON_CLAIM_H_
#define RECON_CLAIM_H_

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "recon/date_range.h"

namespace recon {

enum class EntityType { kPerson, kOrganization, kPlace, kUnit, kOther };
std::string_view ToString(EntityType t);
std::optional<EntityType> ParseEntityType(std::string_view s);

// A canonical entity: from the rule pack's gazetteer, or built from name mentions by the linker.
struct Entity {
  std::string id;                    // stable: the rule id, or "p:" + name key for discovered names
  EntityType type = EntityType::kOther;
  std::string name;                  // canonical display name
  std::vector<std::string> aliases;  // every other surface form seen or known, sorted
  std::string rule;                  // the rule that defined it; "" when discovered
};

// How a source stands behind a claim. One byte: a claim holds one, and there are many claims.
enum class Modality : uint8_t { kAsserted, kReported, kHedged, kDenied, kNegated, kAttempted, kOrdered, kPlanned };
std::string_view ToString(Modality m);
std::optional<Modality> ParseModality(std::string_view s);

// Who took part in a claimed event, as written and as resolved.
struct Participant {
  std::string role;     // "agent", "subject", "victim", "perpetrator", "place", ...
  std::string entity;   // entity id; "" when unresolved (an unnamed "senior diplomat")
  std::string mention;     // the words in the text ("Thae", "he", "a senior diplomat")
  std::string name;        // the fullest name the document gives this participant; "" if unnamed
  std::string descriptor;  // for unnamed participants: "diplomat", "soldier"; else ""
};

// "executed four days after his arrest", "fled after the purge", "released a year later": the
// claim's event placed relative to another event or date the sentence mentions. "since X"
// reads as "after X". Offsets are UTF-8 bytes into the document text.
struct ClaimRelation {
  int offset = 0;           // in `unit`s; 0 with `unit` "" for a bare order ("after his arrest")
  std::string unit;         // "day", "week", "month", "year", ...; "" for a bare order
  bool before = false;      // true: the claim's event lies before the anchor; false: after it
  std::string anchor;       // the anchor's words ("his arrest", "June 3, 2015")
  std::string anchor_type;  // event type of a trigger inside the anchor ("arrest"); "" if none
  DateRange anchor_date;    // when the anchor is a date mention, its interval; else unknown
  size_t anchor_begin = 0;  // the anchor's span
  size_t anchor_end = 0;
  size_t begin = 0;         // the whole expression's span ("four days after his arrest")
  size_t end = 0;
};

// The attribute that holds the rank of someone a claim names besides its subject ("rescued by
// soldiers led by Colonel Kwon"): "rank:" then their name as written, after linking their entity
// id. A rank is the person's: the resolver tells a disagreement about it once per person.
inline constexpr std::string_view kPersonRankPrefix = "rank:";

// A claim's attributes (rank, count, place, post, ...) by name, iterated in name order: the
// part of std::map's interface that recon uses, kept in a sorted vector. A claim has none to
// three attributes, and a map node cost about 100 bytes each on top of a 48-byte map, which
// showed in the extract stage's peak memory (issue #4). A value type.
class Attributes {
 public:
  using value_type = std::pair<std::string, std::string>;
  using const_iterator = std::vector<value_type>::const_iterator;

  Attributes() = default;
  // Like a map built from the same pairs: of two with the same name, the first is kept.
  Attributes(std::initializer_list<value_type> items);
  Attributes(const std::map<std::string, std::string>& items);  // NOLINT: a map converts as is

  const_iterator begin() const { return items_.begin(); }
  const_iterator end() const { return items_.end(); }
  size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  // 1 when an attribute of that name is set, else 0.
  size_t count(std::string_view name) const { return find(name) != end() ? 1 : 0; }
  // The attribute of that name; end() when there is none.
  const_iterator find(std::string_view name) const;
  // The value of that name; throws std::out_of_range when there is none.
  const std::string& at(std::string_view name) const;
  // The value of that name, set to "" first when there is none.
  std::string& operator[](std::string_view name);
  void clear() { items_.clear(); }
  // Drops the slack that growing left behind (for claims kept for the whole run).
  void shrink_to_fit() { items_.shrink_to_fit(); }
  size_t capacity() const { return items_.capacity(); }
  bool operator==(const Attributes& other) const { return items_ == other.items_; }

 private:
  std::vector<value_type> items_;  // sorted by name, names unique
};

// One thing one document says happened. Offsets are UTF-8 bytes into the document text.
struct Claim {
  // The fields are ordered to leave little padding: there are many claims.
  std::string id;         // "<document id>#<n>", n counting claims in the document from 1
  std::string document;   // document id
  std::string source;     // the document's outlet ("" when unknown)
  std::string type;       // event type id from the rule pack
  std::string_view text;  // the sentence, a view into the document text
  // Byte offsets are 32-bit, as the tokenizer's are: a document is under 4 GiB.
  uint32_t begin = 0;       // sentence span [begin, end)
  uint32_t end = 0;
  uint32_t trigger_begin = 0;  // the trigger word(s) inside the sentence
  uint32_t trigger_end = 0;
  uint32_t doc_index = 0;   // index into Corpus::documents
  Modality modality = Modality::kAsserted;
  // Tells of a class of events, not one: "a series of purges", "30,000 have fled since 1953".
  // Kept and reported, but no event is made from it.
  bool generic = false;
  // The lead's telling of the event the document's title announces ("Senior North Korean
  // diplomat ... said to have fled"): an event even when the article names no one and gives
  // no date, and even from a trigger that only corroborates ("has abandoned his post").
  bool headline = false;
  std::vector<Participant> participants;
  Attributes attributes;        // rank, count, place, post, ...
  DateRange date;               // the event's own time; unknown when the text gives none
  std::string date_expression;  // the words the date came from
  std::string date_value;       // TIMEX3 value of that expression
  std::vector<ClaimRelation> relations;  // the event's order relative to others, as stated
  std::vector<std::string> attributed_to;  // the outlet first, then whom it cites, in order
  std::string rule;             // id of the trigger rule that produced the claim
  double confidence = 1.0;      // extraction confidence, 0..1
};

}  // namespace recon

#endif  // RECON_CLAIM_H_

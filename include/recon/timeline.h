// The resolved output: events, conflicts and the links between claims.
#ifndef RECON_TIMELINE_H_
#define RECON_TIMELINE_H_

#include <string>
#include <string_view>
#include <vector>

#include "recon/claim.h"
#include "recon/date_range.h"

namespace recon {

// One candidate value of an attribute, with the evidence behind it.
struct ValueEvidence {
  std::string value;
  double confidence = 0;             // 0..1
  std::vector<std::string> claims;   // claim ids, sorted
  std::vector<std::string> sources;  // outlets, sorted, unique
};

// An attribute of an event as resolved: the chosen value and the others.
struct ResolvedAttribute {
  std::string name;                        // rank, count, place, year, ...
  std::string value;
  double confidence = 0;
  std::vector<ValueEvidence> alternatives;  // every candidate, best first (the chosen one too)
};

struct EventParticipant {
  std::string role;
  std::string entity;  // entity id; "" for an unresolved participant
  std::string name;
  double confidence = 1.0;  // below 1 for a candidate link to an unnamed mention
};

// One real-world event as recon believes it happened.
enum class EventStatus { kHappened, kPlanned, kRefuted };
std::string_view ToString(EventStatus s);  // "happened", "planned", "refuted"

struct Event {
  std::string id;     // "E<n>" in timeline order
  std::string type;
  std::string label;  // one readable line
  DateRange date;
  double confidence = 0;
  // Whether the sources tell it as having happened. Refuted: later evidence that it did not
  // ("she reappeared on television the following year") outweighs the reports that it did.
  // Planned: told only as intended ("had dreamt of taking power"). Both stay listed, so the
  // rumour or the plan can be traced, but are no events of the timeline's record.
  EventStatus status = EventStatus::kHappened;
  std::vector<EventParticipant> participants;
  std::vector<ResolvedAttribute> attributes;  // sorted by name
  std::vector<std::string> claims;            // claim ids, sorted
  std::vector<std::string> sources;           // outlets, sorted
  std::vector<std::string> conflicts;         // conflict ids
};

// Sources that really disagree about one attribute of one event.
struct Conflict {
  std::string id;  // "C<n>"
  std::string event;
  std::string attribute;
  std::vector<ValueEvidence> values;  // best first
  std::string explanation;
  double severity = 0;  // 0..1: how much confidence sits on the losing side
};

enum class Relation { kSameEvent, kCorroborates, kContradicts, kCites, kSameEntity };
std::string_view ToString(Relation r);

// An edge of the claim graph as reported.
struct Link {
  std::string from;
  std::string to;
  Relation relation = Relation::kSameEvent;
  std::string attribute;  // for contradicts: which attribute
  double weight = 0;
};

// What the resolver believes about one source, learned across every event of the run.
struct SourceReliability {
  std::string source;      // outlet name as it publishes (or as cited, for a wire)
  double prior = 0;        // from rules/outlets.yaml, or the documents' own `reliability`
  double reliability = 0;  // estimated accuracy after truth discovery over all events
  size_t claims = 0;       // attribute and date claims it voted with (relays count for the cited)
};

// Everything a report needs. Vectors are in output order.
struct Timeline {
  std::vector<Entity> entities;
  std::vector<Event> events;
  std::vector<Conflict> conflicts;
  std::vector<Link> links;
  std::vector<SourceReliability> sources;  // sorted by source
};

}  // namespace recon

#endif  // RECON_TIMELINE_H_

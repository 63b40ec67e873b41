// Resolve stage: claims -> events. Resolve() builds a compact ResolveTable of the linked claims
// (recon/resolve_core.h) and runs the resolver's core on it: clusters are connected components
// of same-event edges (see docs/resolve.md), split where dates disagree between well-supported
// groups; then every attribute of every event (date, rank, count, place, ...) is decided by one
// truth-discovery run over the whole corpus (DiscoverTruth: sources weighted by a reliability
// learned across all events, relayed claims voting once as the outlet they cite), and what
// remains in dispute between incompatible values becomes a conflict. This file turns the core's
// ids and choices into the Timeline's events, conflicts, links and sources.
#include "recon/resolve.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

#include "headlines.h"
#include "recon/resolve_core.h"
#include "recon/temporal.h"
#include "recon/text_util.h"
#include "recon/truth.h"

namespace recon {

namespace {

// A conflict's sides for its explanation: "'minister' (Asia Wire Service, Seoul Ledger; p=0.91)
// vs 'counsellor' (Global Times Review; p=0.09)". `quoted`: the values in quotes; `with_p`:
// each side's probability.
std::string Sides(const std::vector<ValueEvidence>& values, bool quoted, bool with_p) {
  std::string out;
  for (size_t k = 0; k < values.size(); ++k) {
    if (k) out += " vs ";
    out += quoted ? "'" + values[k].value + "'" : values[k].value;
    out += " (";
    for (size_t s = 0; s < values[k].sources.size(); ++s) out += (s ? ", " : "") + values[k].sources[s];
    if (with_p) {
      char p[32];
      std::snprintf(p, sizeof p, "; p=%.2f", values[k].confidence);
      out += p;
    }
    out += ")";
  }
  return out;
}

double ModalityWeight(Modality m) {
  switch (m) {
    case Modality::kAsserted: return 1.0;
    case Modality::kReported: return 0.9;
    case Modality::kHedged: return 0.5;
    case Modality::kAttempted: return 0.8;
    case Modality::kPlanned: return 0.6;
    case Modality::kOrdered: return 0.7;
    case Modality::kDenied: return 0.15;
    case Modality::kNegated: return 0.0;
  }
  return 1.0;
}

// What a claim is worth as evidence, and which independent line of evidence it belongs to:
// a claim relayed from a cited outlet shares that outlet's line, so relays count once.
struct Evidence {
  double weight = 0;    // prior x strength: what the claim weighs before reliability is learned
  double strength = 0;  // extraction confidence x modality (x copy penalty when relayed)
  double prior = 0;     // the publishing source's prior reliability
  std::string line;     // the independent source this evidence comes from
  std::string source;   // the outlet that published it
  bool relayed() const { return line != source; }
};

std::map<std::string, std::string> WithinMap(const RuleSet& rules) {
  std::map<std::string, std::string> within;  // place id -> the place containing it
  for (const auto& e : rules.entities)
    if (auto it = e.attributes.find("within"); it != e.attributes.end()) within[e.id] = it->second;
  return within;
}

// A disagreement about someone's rank: whose rank, and the values in dispute (sorted).
using RankKey = std::pair<std::string, std::vector<std::string>>;

struct RankConflicts {
  std::vector<std::vector<std::optional<RankKey>>> keys;  // per event, per conflict
  std::vector<std::pair<size_t, RankKey>> referring;      // events that refer to another's
};

// A rank is the person's, not the event's: a disagreement about one person's rank is told once,
// and the other events that have it refer to it. The subject's ("rank") is told on the most-told
// event that has it (ties: the earlier); the rank of someone else the claims name
// ("rank:<entity>", Kwon who led the soldier's rescue) on the most-told event whose claims give
// that person's rank, whether or not it has the disagreement itself.
RankConflicts TellRankConflictsOnce(const std::vector<Claim>& claims,
                                    std::vector<std::pair<Event, std::vector<Conflict>>>* made_events) {
  auto& made = *made_events;
  std::unordered_map<std::string_view, uint32_t> claim_index;
  for (uint32_t i = 0; i < claims.size(); ++i) claim_index.emplace(claims[i].id, i);
  auto rank_key = [&](const Event& ev, const Conflict& cf) -> std::optional<RankKey> {
    RankKey key;
    if (cf.attribute.rfind(kPersonRankPrefix, 0) == 0) {
      key.first = cf.attribute.substr(kPersonRankPrefix.size());
    } else if (cf.attribute == "rank") {
      for (const auto& p : ev.participants)  // whose rank: the event's subject
        if (p.role == "subject" && !p.entity.empty() && key.first.empty()) key.first = p.entity;
    }
    if (key.first.empty()) return std::nullopt;
    for (const auto& v : cf.values) key.second.push_back(v.value);
    std::sort(key.second.begin(), key.second.end());
    return key;
  };
  RankConflicts out;
  out.keys.resize(made.size());
  std::map<RankKey, size_t> owner_of;  // -> index into made
  std::set<std::string> disputed;      // someone else's rank, disputed
  std::set<RankKey> subject_keys;      // disputes about a subject's own rank
  for (size_t i = 0; i < made.size(); ++i)
    for (const auto& cf : made[i].second) {
      auto key = rank_key(made[i].first, cf);
      out.keys[i].push_back(key);
      if (!key) continue;
      auto [it, fresh] = owner_of.emplace(*key, i);
      if (!fresh && made[i].first.claims.size() > made[it->second].first.claims.size()) it->second = i;
      if (cf.attribute != "rank") disputed.insert(key->first);
      else subject_keys.insert(*key);
    }
  if (owner_of.empty()) return out;
  // For someone else's rank: the events whose claims give it.
  std::map<std::string, std::pair<size_t, size_t>> best;  // person -> (claims, event)
  for (size_t k = 0; k < made.size() && !disputed.empty(); ++k) {
    const Event& ev = made[k].first;
    std::set<std::string> gives;
    for (const auto& id : ev.claims) {
      auto ci = claim_index.find(id);
      if (ci == claim_index.end()) continue;
      for (const auto& [name, value] : claims[ci->second].attributes)
        if (name.rfind(kPersonRankPrefix, 0) == 0 && disputed.count(name.substr(kPersonRankPrefix.size())))
          gives.insert(name.substr(kPersonRankPrefix.size()));
    }
    for (const auto& person : gives) {
      auto& slot = best[person];
      if (slot.first == 0 || ev.claims.size() > slot.first) slot = {ev.claims.size(), k};
    }
  }
  for (auto& [key, owner] : owner_of)
    if (auto b = best.find(key.first); !subject_keys.count(key) && b != best.end()) owner = b->second.second;
  // Move each disputed rank to its owner, once; the other events refer to it.
  std::set<RankKey> told;
  for (size_t i = 0; i < made.size(); ++i)
    for (size_t j = 0; j < made[i].second.size(); ++j)
      if (const auto& key = out.keys[i][j]; key && owner_of.at(*key) == i) told.insert(*key);
  std::vector<std::tuple<size_t, Conflict, RankKey>> moved;
  for (size_t i = 0; i < made.size(); ++i) {
    auto& conflicts = made[i].second;
    auto& keys = out.keys[i];
    size_t kept = 0;
    for (size_t j = 0; j < conflicts.size(); ++j) {
      if (!keys[j] || owner_of.at(*keys[j]) == i) {
        if (kept != j) conflicts[kept] = std::move(conflicts[j]), keys[kept] = std::move(keys[j]);
        ++kept;
        continue;
      }
      const size_t owner = owner_of.at(*keys[j]);
      if (told.insert(*keys[j]).second) moved.emplace_back(owner, std::move(conflicts[j]), *keys[j]);
      out.referring.emplace_back(i, std::move(*keys[j]));
    }
    conflicts.resize(kept);
    keys.resize(kept);
  }
  for (auto& [owner, cf, key] : moved) {
    made[owner].second.push_back(std::move(cf));
    out.keys[owner].push_back(std::move(key));
  }
  return out;
}


class Resolver {
 public:
  Resolver(const Corpus& corpus, const Linked& linked, const RuleSet& rules)
      : corpus_(corpus),
        linked_(linked),
        rules_(rules),
        event_keys_(rules),
        compatible_(WithinMap(rules), rules.resolver.count_tolerance) {
    for (const auto& e : linked.entities) entities_[e.id] = &e;
    for (const auto& c : linked.candidates) candidates_.emplace(c.claim, &c);
    for (const auto& o : rules.outlets) {
      outlets_[ToLower(o.name)] = &o;
      outlets_[ToLower(o.id)] = &o;
      for (const auto& v : o.variants) outlets_[ToLower(v)] = &o;
    }
    for (const auto& t : rules.triggers) {
      if (t.corroborates_only) followers_.insert(t.id);
      if (t.later_stage) later_stages_.insert(t.id);
    }
    std::vector<Evidence> evidence;
    evidence.reserve(linked.claims.size());
    for (const auto& c : linked.claims) evidence.push_back(ComputeEvidence(c));
    // Priors by source name: a cited wire has its rule's prior; a publishing source the largest
    // prior any of its documents gives it (the maximum does not depend on document order).
    for (const auto& e : evidence) {
      if (e.relayed())
        if (const OutletRule* o = Outlet(e.line)) priors_.emplace(e.line, o->reliability);
      double& p = priors_[e.source];
      p = std::max(p, e.prior);
    }
    method_ = EventTruthMethod(rules.resolver);
    BuildTable(evidence);
  }

  Timeline Run();

 private:
  Evidence ComputeEvidence(const Claim& c) const;
  // The compact view of linked_.claims the core works on. Sources and lines are interned first
  // and in string order, so that sets of their ids iterate as sets of their names would.
  void BuildTable(const std::vector<Evidence>& evidence);
  const OutletRule* Outlet(const std::string& name) const;
  Event MakeEvent(const Draft& d, size_t k, std::vector<Conflict>* conflicts) const;
  void DecideDate(const Draft& d, size_t k, Event* ev, std::vector<Conflict>* conflicts) const;
  void DecideAttribute(const TruthDecision& decision, Event* ev, std::vector<Conflict>* conflicts) const;
  // "Investigators said a North Korean torpedo sank the Cheonan; North Korea denied it": when a
  // party denies an event (not an arrest or sentence) another party tells as having happened, a conflict
  // on its `status`, with each side's claims and voices (the innermost party of each chain).
  void DecideStatus(const Draft& d, Event* ev, std::vector<Conflict>* conflicts) const;
  // The decision on `attribute` of draft k, or null.
  const TruthDecision* Decision(size_t k, std::string_view attribute) const {
    for (uint32_t j = decision_begin_[k]; j < decision_begin_[k + 1]; ++j)
      if (truth_.decisions[j].attribute == attribute) return &truth_.decisions[j];
    return nullptr;
  }
  // The learned reliability of a line of evidence, or its prior when it made no voting claim.
  double Reliability(const std::string& line) const;
  std::string Display(const std::string& attribute, const std::string& value) const;
  std::string_view SourceName(uint32_t i) const { return table_.names.name(table_.source[i]); }

  const Corpus& corpus_;
  const Linked& linked_;
  const RuleSet& rules_;
  const EventKeys event_keys_;
  ValueCompatibility compatible_;
  TruthMethod method_ = TruthMethod::kAccu;
  std::map<std::string, const Entity*> entities_;
  std::multimap<std::string, const CandidateLink*> candidates_;  // by claim id
  std::unordered_map<std::string, const OutletRule*> outlets_;    // lower-case name -> outlet
  std::map<std::string, double> priors_;                          // source -> prior reliability
  std::set<std::string> followers_;  // rule ids of corroborates_only triggers
  std::set<std::string> later_stages_;  // rule ids of later_stage triggers
  ResolveTable table_;
  // Filled by Run() before events are made.
  TruthClaimTable truth_table_;
  std::vector<uint32_t> truth_owner_;  // truth claim -> claim index
  TruthResult truth_;
  std::vector<uint32_t> decision_begin_;  // per draft: its decisions' range in truth_.decisions
  std::vector<double> reliability_;       // per name id of table_: Reliability(name)
};

const OutletRule* Resolver::Outlet(const std::string& name) const {
  auto it = outlets_.find(ToLower(name));
  return it == outlets_.end() ? nullptr : it->second;
}

Evidence Resolver::ComputeEvidence(const Claim& c) const {
  const Document& doc = corpus_.documents[c.doc_index];
  double prior = 0.7;
  if (const OutletRule* o = Outlet(c.source)) prior = o->reliability;
  if (doc.reliability) prior = *doc.reliability;
  Evidence e;
  e.source = c.source.empty() ? doc.id : c.source;
  e.line = e.source;
  e.prior = prior;
  e.strength = c.confidence * ModalityWeight(c.modality);
  // Relayed from a wire or another outlet: the evidence is the cited outlet's.
  for (size_t k = 1; k < c.attributed_to.size(); ++k) {
    if (const OutletRule* o = Outlet(c.attributed_to[k])) {
      if (o == Outlet(e.source)) break;  // an outlet citing itself relays nothing
      e.line = o->name;
      prior = std::max(prior * rules_.resolver.copy_penalty, 0.05);
      e.strength *= rules_.resolver.copy_penalty;
      break;
    }
  }
  e.weight = prior * c.confidence * ModalityWeight(c.modality);
  return e;
}

double Resolver::Reliability(const std::string& line) const {
  if (auto it = truth_.reliability.find(line); it != truth_.reliability.end()) return it->second;
  if (auto it = priors_.find(line); it != priors_.end()) return it->second;
  return 0.7;
}

void Resolver::BuildTable(const std::vector<Evidence>& evidence) {
  std::set<std::string> outlets;
  for (const auto& e : evidence) outlets.insert(e.source), outlets.insert(e.line);
  for (const auto& name : outlets) table_.names.Intern(name);
  size_t attributes = 0;
  for (const auto& c : linked_.claims) attributes += c.attributes.size();
  table_.Reserve(linked_.claims.size(), attributes);
  for (size_t i = 0; i < linked_.claims.size(); ++i) {
    const Claim& c = linked_.claims[i];
    const Evidence& e = evidence[i];
    uint8_t flags = 0;
    if (c.generic) flags |= ResolveTable::kGeneric;
    if (c.modality == Modality::kPlanned) flags |= ResolveTable::kPlanned;
    if (c.modality == Modality::kNegated) flags |= ResolveTable::kNegated;
    if (c.modality == Modality::kDenied) flags |= ResolveTable::kDenied;
    if (followers_.count(c.rule)) flags |= ResolveTable::kFollower;
    if (later_stages_.count(c.rule)) flags |= ResolveTable::kLaterStage;
    if (c.headline) flags |= ResolveTable::kHeadline;
    // Named: a subject the gazetteer or the text names, or an unnamed relative of one ("his
    // daughter").
    for (const auto& p : c.participants)
      if ((p.role == "subject" || p.role == "relative") && !p.entity.empty()) flags |= ResolveTable::kNamed;
    const auto& published = corpus_.documents[c.doc_index].published;
    table_.AddClaim(c.date, published ? *published : Date(boost::gregorian::not_a_date_time), flags,
                    table_.names.Find(e.source), table_.names.Find(e.line), e.weight, e.strength, c.confidence,
                    c.doc_index);
    for (const auto& [name, value] : c.attributes)
      table_.AddAttribute(table_.names.Intern(name), table_.names.Intern(value));
  }
}

std::string Resolver::Display(const std::string& attribute, const std::string& value) const {
  if (attribute == "rank" || attribute.rfind(kPersonRankPrefix, 0) == 0)
    for (const auto& r : rules_.ranks)
      if (r.id == value) return r.names.front();
  if (attribute == "place" || attribute == "destination")
    if (auto it = entities_.find(value); it != entities_.end()) return it->second->name;
  return value;
}


// The core's choice for one attribute, with each candidate's evidence spelled out: the claims
// and outlets behind it, and the conflict when an incompatible value keeps support.
void Resolver::DecideAttribute(const TruthDecision& decision, Event* ev, std::vector<Conflict>* conflicts) const {
  const std::string& name = decision.attribute;
  std::vector<std::string> display;
  for (const TruthValue& tv : decision.values) display.push_back(Display(name, tv.value));
  AttributeChoice choice = recon::DecideAttribute(table_, name, decision, truth_owner_, compatible_, &display);
  if (choice.candidates.empty()) return;
  std::vector<ValueEvidence> evidence;
  for (const auto& c : choice.candidates) {
    std::set<std::string> ids, sources;
    for (size_t row : decision.values[c.value].claims) {
      uint32_t i = truth_owner_[row];
      ids.insert(linked_.claims[i].id);
      sources.emplace(SourceName(i));
    }
    ValueEvidence ve;
    ve.value = display[c.value];
    ve.confidence = Round4(c.support);
    ve.claims.assign(ids.begin(), ids.end());
    ve.sources.assign(sources.begin(), sources.end());
    evidence.push_back(std::move(ve));
  }
  ResolvedAttribute ra;
  ra.name = name;
  ra.value = evidence.front().value;
  ra.confidence = evidence.front().confidence;
  ra.alternatives = evidence;
  ev->attributes.push_back(std::move(ra));
  if (choice.disputed.size() < 2) return;
  Conflict cf;
  cf.event = ev->id;
  cf.attribute = name;
  for (size_t k : choice.disputed) {
    // A side's confidence here is its own probability: compatible values are not its allies
    // against the other side.
    ValueEvidence ve = evidence[k];
    ve.confidence = Round4(choice.candidates[k].p);
    cf.values.push_back(std::move(ve));
  }
  cf.severity = choice.severity;
  std::string what = name;
  if (name.rfind(kPersonRankPrefix, 0) == 0) {  // "rank:kwon-young-hwan": "Kwon Young-hwan's rank"
    auto it = entities_.find(name.substr(kPersonRankPrefix.size()));
    what = (it != entities_.end() ? it->second->name : name.substr(kPersonRankPrefix.size())) + "'s rank";
  }
  cf.explanation = "sources disagree on " + what + ": " + Sides(cf.values, true, true);
  conflicts->push_back(std::move(cf));
}

void Resolver::DecideDate(const Draft& d, size_t k, Event* ev, std::vector<Conflict>* conflicts) const {
  DateChoice choice = recon::DecideDate(table_, d, Decision(k, kDateAttribute));
  if (!choice.grouped) {
    if (choice.before) {
      ev->date.end = *choice.before;
      ev->date.qualifier = Qualifier::kBefore;
    }
    return;
  }
  const std::vector<DateGroup>& groups = d.dates;
  ev->date = groups[choice.best].tight;
  if (choice.kept.size() < 2) return;
  Conflict cf;
  cf.event = ev->id;
  cf.attribute = "date";
  for (size_t g : choice.kept) {
    ValueEvidence ve;
    ve.value = Describe(groups[g].tight);
    ve.confidence = Round4(choice.p[g]);
    std::set<std::string> sources;
    for (uint32_t i : groups[g].members) {
      ve.claims.push_back(linked_.claims[i].id);
      sources.emplace(SourceName(i));
    }
    std::sort(ve.claims.begin(), ve.claims.end());
    ve.sources.assign(sources.begin(), sources.end());
    cf.values.push_back(std::move(ve));
  }
  cf.severity = choice.severity;
  cf.explanation = "sources date it differently: " + Sides(cf.values, false, true);
  conflicts->push_back(std::move(cf));
}

void Resolver::DecideStatus(const Draft& d, Event* ev, std::vector<Conflict>* conflicts) const {
  // The voice of a claim: whom its chain cites last, else its outlet.
  auto voice = [&](const Claim& c) -> const std::string& {
    return c.attributed_to.empty() ? c.source : c.attributed_to.back();
  };
  std::set<std::string> told_voices, denied_voices;
  std::vector<std::string> told_claims, denied_claims;
  for (uint32_t i : d.members) {
    const Claim& c = linked_.claims[i];
    if (c.modality == Modality::kAsserted || c.modality == Modality::kReported || c.modality == Modality::kHedged) {
      told_voices.insert(voice(c));
      told_claims.push_back(c.id);
    }
  }
  // A voice that also tells the event denies a part of it ("South Korean troops did not fire",
  // said the official who told of the shooting), not the event: only the others dispute it,
  // by denying it or by saying it did not happen ("Ri was not executed", "she reappeared on
  // television"; silence, "has not confirmed the execution", is no negation). And a suspect who
  // denies the charges disputes guilt, not the arrest or the sentence.
  if (ev->type == "arrest" || ev->type == "sentencing") return;
  for (uint32_t i : d.members) {
    const Claim& c = linked_.claims[i];
    // A later stage that did not happen ("had not sought asylum in South Korea") says where the
    // journey did not end, not that it never began.
    const bool negated = c.modality == Modality::kNegated && !later_stages_.count(c.rule);
    if ((c.modality == Modality::kDenied || negated) && !told_voices.count(voice(c))) {
      denied_voices.insert(voice(c));
      denied_claims.push_back(c.id);
    }
  }
  if (told_claims.empty() || denied_claims.empty()) return;
  Conflict cf;
  cf.event = ev->id;
  cf.attribute = "status";
  for (auto* side : {&told_claims, &denied_claims}) {
    ValueEvidence ve;
    ve.value = side == &told_claims ? "happened" : "did not happen";
    std::sort(side->begin(), side->end());
    ve.claims = *side;
    const auto& voices = side == &told_claims ? told_voices : denied_voices;
    ve.sources.assign(voices.begin(), voices.end());
    ve.confidence = Round4(double(side->size()) / double(told_claims.size() + denied_claims.size()));
    cf.values.push_back(std::move(ve));
  }
  if (ev->status == EventStatus::kRefuted) std::swap(cf.values[0], cf.values[1]);  // best first
  cf.severity = Round4(std::min(cf.values[0].confidence, cf.values[1].confidence) * 2);
  cf.explanation = "sources disagree on whether it happened: " + Sides(cf.values, true, false);
  conflicts->push_back(std::move(cf));
}

Event Resolver::MakeEvent(const Draft& d, size_t k, std::vector<Conflict>* conflicts) const {
  const std::vector<uint32_t>& members = d.members;
  Event ev;
  const Claim& first = linked_.claims[members.front()];
  ev.type = first.type;
  std::set<std::string> sources;
  std::map<std::pair<std::string, std::string>, std::pair<std::string, int>> participants;
  for (uint32_t i : members) {
    const Claim& c = linked_.claims[i];
    ev.claims.push_back(c.id);
    sources.emplace(SourceName(i));
    for (const auto& p : c.participants) {
      if (p.entity.empty()) continue;
      auto& slot = participants[{p.role, p.entity}];
      slot.second++;
      if (slot.first.empty()) {
        auto it = entities_.find(p.entity);
        slot.first = it != entities_.end() ? it->second->name : p.name;
      }
    }
  }
  std::sort(ev.claims.begin(), ev.claims.end());
  ev.sources.assign(sources.begin(), sources.end());
  TruthCalibration cal{rules_.resolver.event_calibration_a, rules_.resolver.event_calibration_b};
  EventScore score = ScoreEvent(table_, members, reliability_, cal);
  ev.confidence = score.confidence;
  ev.status = score.status;
  std::set<std::string> subjects;
  for (const auto& [key, val] : participants)
    if (key.first == "subject") subjects.insert(key.second);
  for (const auto& [key, val] : participants) {
    if (key.first != "subject" && subjects.count(key.second)) continue;
    if (key.first == "mentioned" && val.second * 2 < int(members.size())) continue;
    double conf = std::min(1.0, double(val.second) / members.size());
    ev.participants.push_back({key.first, key.second, val.first, Round4(conf)});
  }
  std::stable_sort(ev.participants.begin(), ev.participants.end(),
                   [](const EventParticipant& a, const EventParticipant& b) {
                     return (a.role == "subject") > (b.role == "subject");
                   });
  // Unnamed subjects, with the named people they may be.
  for (uint32_t i : members) {
    auto range = candidates_.equal_range(linked_.claims[i].id);
    for (auto it = range.first; it != range.second; ++it) {
      const CandidateLink& cand = *it->second;
      if (subjects.count(cand.entity)) continue;
      auto ent = entities_.find(cand.entity);
      ev.participants.push_back({"candidate", cand.entity,
                                 ent != entities_.end() ? ent->second->name : cand.entity, cand.confidence});
    }
  }
  DecideDate(d, k, &ev, conflicts);
  // The draft's decisions are in attribute order; the date's ("@date") sorts first.
  for (uint32_t j = decision_begin_[k]; j < decision_begin_[k + 1]; ++j)
    if (truth_.decisions[j].attribute != kDateAttribute) DecideAttribute(truth_.decisions[j], &ev, conflicts);
  DecideStatus(d, &ev, conflicts);
  // Label: "Defection of Thae Yong-ho (minister), London".
  const EventTypeRule* et = rules_.FindEventType(ev.type);
  ev.label = et ? et->label : ev.type;
  // "Attack (return fire)": claims join only claims of their kind, so the first one's is the event's.
  if (std::string_view kind = event_keys_.KindOf(first); !kind.empty()) ev.label += " (" + std::string(kind) + ")";
  std::string who;
  for (const auto& p : ev.participants)
    if (p.role == "subject") {
      who = p.name;
      break;
    }
  if (who.empty())
    for (uint32_t i : members)
      for (const auto& p : linked_.claims[i].participants)
        if (p.role == "subject" && !p.descriptor.empty() && who.empty())
          // "another soldier" says already that no one named him.
          who = (p.descriptor.starts_with("another ") || p.descriptor.starts_with("other ") ? "" : "unnamed ") + p.descriptor;
  if (!who.empty()) ev.label += ": " + who;
  for (const auto& a : ev.attributes)
    if (a.name == "rank") ev.label += " (" + a.value + ")";
  for (const auto& a : ev.attributes)
    if (a.name == "place") ev.label += ", " + a.value;
  if (ev.status != EventStatus::kHappened) ev.label += " (" + std::string(ToString(ev.status)) + ")";
  return ev;
}

Timeline Resolver::Run() {
  Timeline t;
  t.entities = linked_.entities;
  std::vector<std::pair<uint32_t, uint32_t>> same_event;
  const ClaimGraph::Graph& g = linked_.graph.graph();
  for (auto [it, end] = boost::edges(g); it != end; ++it)
    if (g[*it].relation == Relation::kSameEvent)
      same_event.emplace_back(uint32_t(boost::source(*it, g)), uint32_t(boost::target(*it, g)));
  std::vector<Draft> drafts = DraftEvents(table_, same_event);
  DropCoveredHeadlines(table_, linked_.claims, rules_, &drafts);
  // One truth-discovery run over every event: a source's reliability is learned from all the
  // events it reports on, not from one.
  truth_table_ = BuildTruthTable(table_, drafts, method_ == TruthMethod::kVote, &truth_owner_);
  truth_ = DiscoverTruth(truth_table_, EventTruthOptions(rules_.resolver, priors_));
  decision_begin_ = DecisionRanges(truth_, drafts.size());
  reliability_ = LineReliability(table_, truth_, priors_, 0.7);

  std::vector<std::pair<Event, std::vector<Conflict>>> made;
  for (size_t k = 0; k < drafts.size(); ++k) {
    std::vector<Conflict> conflicts;
    Event ev = MakeEvent(drafts[k], k, &conflicts);
    made.emplace_back(std::move(ev), std::move(conflicts));
  }
  {
    // Relations between events ("executed four days after his arrest") narrow their dates and
    // flag orders that cannot hold: engine/resolve/event_order.cpp.
    std::vector<Event*> events;
    for (auto& m : made) events.push_back(&m.first);
    for (auto& [k, cf] : OrderEvents(corpus_, linked_, rules_, events,
                                     [&](uint32_t i) { return table_.weight[i]; }))
      made[k].second.push_back(std::move(cf));
  }
  // Timeline order: by date, undated last; ties by type, label, first claim.
  std::sort(made.begin(), made.end(), [](const auto& x, const auto& y) {
    const Event& a = x.first;
    const Event& b = y.first;
    bool ua = a.date.start.is_special(), ub = b.date.start.is_special();
    if (ua != ub) return ub;
    if (!ua && a.date.start != b.date.start) return a.date.start < b.date.start;
    bool ea = a.date.end.is_special(), eb = b.date.end.is_special();
    if (ea != eb) return eb;
    if (!ea && a.date.end != b.date.end) return a.date.end < b.date.end;
    return std::tie(a.type, a.label, a.claims.front()) < std::tie(b.type, b.label, b.claims.front());
  });
  const RankConflicts ranks = TellRankConflictsOnce(linked_.claims, &made);
  std::map<RankKey, std::string> rank_conflict_id;
  for (size_t i = 0; i < made.size(); ++i) {
    Event& ev = made[i].first;
    ev.id = "E" + std::to_string(i + 1);
    for (size_t j = 0; j < made[i].second.size(); ++j) {
      Conflict& cf = made[i].second[j];
      cf.id = "C" + std::to_string(t.conflicts.size() + 1);
      cf.event = ev.id;
      if (const auto& key = ranks.keys[i][j]) rank_conflict_id[*key] = cf.id;
      ev.conflicts.push_back(cf.id);
      t.conflicts.push_back(std::move(cf));
    }
    t.events.push_back(std::move(ev));
  }
  for (const auto& [i, key] : ranks.referring)
    if (std::find(t.events[i].conflicts.begin(), t.events[i].conflicts.end(), rank_conflict_id.at(key)) ==
        t.events[i].conflicts.end())
      t.events[i].conflicts.push_back(rank_conflict_id.at(key));
  // Links for the report: the graph's edges, plus corroborates/contradicts per attribute.
  for (const auto& e : linked_.graph.SortedEdges())
    t.links.push_back({linked_.claims[e.from].id, linked_.claims[e.to].id, e.relation, e.attribute,
                       Round4(e.weight)});
  for (const auto& cf : t.conflicts) {
    for (size_t a = 0; a + 1 < cf.values.size(); ++a)
      for (size_t b = a + 1; b < cf.values.size(); ++b)
        if (!cf.values[a].claims.empty() && !cf.values[b].claims.empty())
          t.links.push_back({cf.values[a].claims.front(), cf.values[b].claims.front(),
                             Relation::kContradicts, cf.attribute, 1.0});
  }
  for (const auto& ev : t.events)
    for (const auto& ra : ev.attributes)
      for (const auto& v : ra.alternatives)
        for (size_t k = 1; k < v.claims.size(); ++k)
          t.links.push_back({v.claims.front(), v.claims[k], Relation::kCorroborates, ra.name, 1.0});
  std::sort(t.links.begin(), t.links.end(), [](const Link& a, const Link& b) {
    return std::tie(a.from, a.to, a.relation, a.attribute) < std::tie(b.from, b.to, b.relation, b.attribute);
  });
  // Every source that took part, with what truth discovery made of it.
  std::map<std::string, size_t> votes;
  for (size_t r = 0; r < truth_table_.size(); ++r) {
    const TruthClaimTable::Row& row = truth_table_.row(r);
    ++votes[std::string(truth_table_.name(row.cites == TruthClaimTable::kNone ? row.source : row.cites))];
  }
  std::set<std::string> seen;
  for (const Draft& d : drafts)
    for (uint32_t i : d.members) {
      seen.emplace(table_.names.name(table_.source[i]));
      seen.emplace(table_.names.name(table_.line[i]));
    }
  for (const auto& s : seen) {
    auto prior = priors_.find(s);
    auto n = votes.find(s);
    t.sources.push_back({s, prior != priors_.end() ? prior->second : 0.7, Round4(Reliability(s)),
                         n != votes.end() ? n->second : 0});
  }
  return t;
}


}  // namespace

Timeline Resolve(const Corpus& corpus, const Linked& linked, const RuleSet& rules) {
  return Resolver(corpus, linked, rules).Run();
}

}  // namespace recon

// Link stage: participants to canonical entities (gazetteer aliases, then romanisation keys),
// then claim-graph edges inside blocks of (event type, subject), so cost grows with block sizes,
// not with the square of the claim count.
#include "recon/link.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "recon/blocking.h"
#include "recon/text_util.h"
#include "within_article.h"

namespace recon {

namespace {

// Compatibility of two claims' dates for one event: 1 for overlap, 0.5 when one is unknown,
// 0 for disjoint intervals.
double DateCompatibility(const DateRange& a, const DateRange& b) {
  if (!a.known() || !b.known()) return 0.5;
  return a.Overlaps(b) ? 1.0 : 0.0;
}

class EntityTable {
 public:
  explicit EntityTable(const RuleSet& rules) : rules_(rules) {
    for (const auto& e : rules.entities) {
      Entity ent{e.id, e.type, e.name, e.aliases, e.id};
      index_[e.id] = entities_.size();
      entities_.push_back(std::move(ent));
      if (e.type != EntityType::kPerson) continue;
      by_key_.emplace(NameKey(e.name, rules.names.surname_variants), e.id);
      for (const auto& a : e.aliases) by_key_.emplace(NameKey(a, rules.names.surname_variants), e.id);
    }
  }

  // The entity id for a participant, creating a discovered person when needed.
  std::string Resolve(const Participant& p) {
    std::string id = p.entity;
    if (id.empty() && !p.name.empty()) {
      std::string key = NameKey(p.name, rules_.names.surname_variants);
      if (auto it = by_key_.find(key); it != by_key_.end()) {
        id = it->second;
      } else {
        id = "p:" + key;
        for (char& c : id)
          if (c == ' ') c = '-';
        by_key_.emplace(key, id);
        index_[id] = entities_.size();
        entities_.push_back({id, EntityType::kPerson, p.name, {}, ""});
      }
    }
    if (id.empty()) return id;
    Entity& e = entities_[index_.at(id)];
    used_.insert(id);
    for (const std::string* form : {&p.name, &p.mention}) {
      if (form->empty() || *form == e.name || (*form)[0] == '(' || !IsAsciiUpper((*form)[0])) continue;
      if (std::find(e.aliases.begin(), e.aliases.end(), *form) == e.aliases.end()) e.aliases.push_back(*form);
    }
    return id;
  }

  const Entity* Find(const std::string& id) const {
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : &entities_[it->second];
  }

  // Entities referred to by some claim, sorted by id, aliases sorted.
  std::vector<Entity> Used() const {
    std::vector<Entity> out;
    for (const auto& id : used_) {
      Entity e = entities_[index_.at(id)];
      std::sort(e.aliases.begin(), e.aliases.end());
      out.push_back(std::move(e));
    }
    return out;
  }

 private:
  const RuleSet& rules_;
  std::vector<Entity> entities_;
  std::unordered_map<std::string, size_t> index_;
  std::unordered_map<std::string, std::string> by_key_;
  std::set<std::string> used_;
};

}  // namespace

// Blocking: claims of one type about one subject. Unnamed subjects block by type alone and
// only link when both are dated to the month or better (an undated "a soldier fled", or one
// "in 2016", could be anyone's). Unnamed claims are further blocked by the year their date
// starts in; the others stay out of the blocks. The block key packs (type, subject, year) into
// 64 bits, so one sort of (key, claim) pairs replaces a map of vectors.
std::vector<SameEventEdge> SameEventEdges(const BlockingKeys& keys) {
  const std::vector<DateRange>& date = keys.date;
  std::vector<std::pair<uint64_t, uint32_t>> keyed;
  keyed.reserve(keys.size());
  for (uint32_t i = 0; i < keys.size(); ++i) {
    if (keys.type[i] >= (1u << 24) || keys.subject[i] >= (1u << 24))
      throw std::length_error("SameEventEdges: more than 2^24 event types or subjects");
    uint64_t year = 0;
    if (keys.subject[i] == BlockingKeys::kUnnamed) {
      if (!date[i].bounded() || date[i].days() > 31) continue;
      year = uint64_t(date[i].start.year());
    }
    keyed.emplace_back((uint64_t(keys.type[i]) << 40) | (uint64_t(keys.subject[i]) << 16) | year, i);
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<SameEventEdge> out;
  out.reserve(keyed.size());
  // Inside a block of one type and one named subject every claim may tell the same event:
  // a star around the earliest-dated claim connects them in O(k) edges, weighted by date
  // compatibility, and the resolver splits the block where dates disagree between
  // well-supported groups. Unnamed claims join only when their intervals overlap, found by a
  // sweep over start dates.
  std::vector<uint32_t> order;
  for (size_t lo = 0, hi = 0; lo < keyed.size(); lo = hi) {
    uint64_t key = keyed[lo].first;
    order.clear();
    for (hi = lo; hi < keyed.size() && keyed[hi].first == key; ++hi) order.push_back(keyed[hi].second);
    bool unnamed = ((key >> 16) & 0xFFFFFF) == BlockingKeys::kUnnamed;
    if (!unnamed) {
      std::stable_sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
        const auto& dx = date[x].start;
        const auto& dy = date[y].start;
        if (dx.is_special() != dy.is_special()) return !dx.is_special();
        return !dx.is_special() && dx < dy;
      });
      uint32_t hub = order.front();
      for (size_t k = 1; k < order.size(); ++k) {
        uint32_t a = std::min(hub, order[k]), b = std::max(hub, order[k]);
        out.push_back({a, b, DateCompatibility(date[a], date[b])});
      }
      continue;
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t x, uint32_t y) { return date[x].start < date[y].start; });
    auto sweep = [&](const std::vector<uint32_t>& claims, auto&& emit) {
      uint32_t reach = claims.front();  // the claim whose interval reaches furthest so far
      for (size_t k = 1; k < claims.size(); ++k) {
        const DateRange& c = date[claims[k]];
        const DateRange& r = date[reach];
        if (!r.end.is_special() && c.start > r.end) {
          reach = claims[k];
          continue;
        }
        emit(std::min(reach, claims[k]), std::max(reach, claims[k]));
        if (c.end.is_special() || (!r.end.is_special() && c.end > r.end)) reach = claims[k];
      }
    };
    std::set<uint8_t> families;
    for (uint32_t i : order)
      if (!keys.family.empty() && keys.family[i] != 0) families.insert(keys.family[i]);
    if (families.size() <= 1) {
      sweep(order, [&](uint32_t a, uint32_t b) { out.push_back({a, b, 0.6}); });
      continue;
    }
    // "A soldier crossed on August 20" and "a diplomat defected in August": two people.
    std::set<std::pair<uint32_t, uint32_t>> seen;
    std::vector<uint32_t> part;
    for (uint8_t f : families) {
      part.clear();
      for (uint32_t i : order)
        if (keys.family[i] == 0 || keys.family[i] == f) part.push_back(i);
      sweep(part, [&](uint32_t a, uint32_t b) {
        if (seen.insert({a, b}).second) out.push_back({a, b, 0.6});
      });
    }
  }
  return out;
}

EventKeys::EventKeys(const RuleSet& rules) {
  for (const auto& t : rules.triggers)
    if (!t.kind.empty()) kinds_.emplace(t.id, std::make_pair(t.event_type, t.kind));
}

std::string_view EventKeys::KindOf(const Claim& c) const {
  // "An earlier attempt on his life had been made in 2012": an attempt is not the deed it failed
  // to be.
  if (c.modality == Modality::kAttempted) return "attempt";
  if (kinds_.empty()) return {};
  auto it = kinds_.find(c.rule);
  // A claim an absorbing type took over ("attack" told as part of an assassination) is that
  // type's plain event.
  return it == kinds_.end() || it->second.first != c.type ? std::string_view() : std::string_view(it->second.second);
}

std::string EventKeys::Of(const Claim& c) const {
  std::string_view kind = KindOf(c);
  return kind.empty() ? c.type : c.type + "/" + std::string(kind);
}

Linked LinkClaims(const Corpus& corpus, std::vector<Claim> claims, const RuleSet& rules) {
  Linked out;
  EntityTable table(rules);
  for (auto& c : claims) {
    for (auto& p : c.participants) p.entity = table.Resolve(p);
    // "rank:Kwon Young-hwan" -> "rank:kwon-young-hwan": the person's rank under their entity.
    if (std::none_of(c.attributes.begin(), c.attributes.end(),
                     [](const auto& a) { return a.first.rfind(kPersonRankPrefix, 0) == 0; }))
      continue;
    Attributes resolved;
    for (const auto& [name, value] : c.attributes) {
      if (name.rfind(kPersonRankPrefix, 0) != 0) {
        resolved[name] = value;
        continue;
      }
      const std::string person = name.substr(kPersonRankPrefix.size());
      const std::string entity = table.Resolve({"mentioned", "", person, person, ""});
      if (!entity.empty()) resolved[std::string(kPersonRankPrefix) + entity] = value;
    }
    c.attributes = std::move(resolved);
  }
  out.entities = table.Used();
  out.graph = ClaimGraph(claims.size());
  // Each claim's subject entity ("" when unnamed): fixed from here on, read by every step below.
  std::vector<std::string> subject_of(claims.size());
  for (uint32_t i = 0; i < claims.size(); ++i) subject_of[i] = SubjectOf(claims[i]);

  // A subject with claims of a type that absorbs others ("assassination" absorbs "attack"
  // and "death"; "execution" absorbs "purge"): those other claims tell the same event less
  // precisely. An undated one joins; a dated one only where an absorbing claim's date meets
  // its own at least as precisely: "purged on 8 December, executed on the 12th" are two events,
  // and so are "expelled on 8 December" and "executed in December" or an undated "executed".
  // Only the plain events of a type absorb: a kind stands apart ("return fire" is no part of an
  // assassination; an attempt on someone's life is not the killing). Nor does a claim that only
  // doubts its event absorb a firmer claim of its own article, which told the two apart: "KCNA
  // said Kim dismissed Ri" stays a purge beside "could not confirm whether Ri was among those
  // executed". A mention of events told elsewhere ("has not commented on the executions")
  // absorbs nothing either.
  const EventKeys event_keys(rules);
  struct Absorber {
    DateRange date;
    uint32_t doc = 0;
    bool doubtful = false;  // neither asserted nor reported
  };
  auto firm = [](const Claim& c) { return c.modality == Modality::kAsserted || c.modality == Modality::kReported; };
  std::map<std::pair<std::string, std::string>, std::vector<Absorber>> subject_types;
  for (uint32_t i = 0; i < claims.size(); ++i) {
    if (!event_keys.KindOf(claims[i]).empty() || claims[i].generic) continue;
    subject_types[{subject_of[i], claims[i].type}].push_back({claims[i].date, claims[i].doc_index, !firm(claims[i])});
  }
  for (uint32_t i = 0; i < claims.size(); ++i) {
    Claim& c = claims[i];
    const std::string& subject = subject_of[i];
    if (subject.empty() || !event_keys.KindOf(c).empty()) continue;
    for (const auto& et : rules.event_types) {
      if (std::find(et.absorbs.begin(), et.absorbs.end(), c.type) == et.absorbs.end()) continue;
      auto it = subject_types.find({subject, et.id});
      if (it == subject_types.end()) continue;
      const bool fits = std::ranges::any_of(it->second, [&](const Absorber& a) {
        if (a.doubtful && a.doc == c.doc_index && firm(c)) return false;
        if (!c.date.known()) return true;
        return a.date.known() && a.date.Overlaps(c.date) && a.date.granularity <= c.date.granularity;
      });
      if (fits) {
        c.type = et.id;
        break;
      }
    }
  }

  // From here on claims join only claims of their type and kind.
  std::vector<std::string> key_of(claims.size());
  for (uint32_t i = 0; i < claims.size(); ++i) key_of[i] = event_keys.Of(claims[i]);

  // Blocking (SameEventEdges): types and subjects numbered in string order, so blocks are
  // visited as a map keyed by (type, subject, year) would visit them.
  {
    BlockingKeys keys;
    keys.type.resize(claims.size());
    keys.subject.resize(claims.size());
    keys.date.reserve(claims.size());
    std::map<std::string, uint32_t> type_ids, subject_ids{{"", BlockingKeys::kUnnamed}};
    for (uint32_t i = 0; i < claims.size(); ++i) {
      type_ids.emplace(key_of[i], 0);
      subject_ids.emplace(subject_of[i], 0);
      keys.date.push_back(claims[i].date);
    }
    uint32_t next = 0;
    for (auto& [name, id] : type_ids) id = next++;
    next = 0;
    for (auto& [name, id] : subject_ids) id = next++;  // "" first: kUnnamed
    for (uint32_t i = 0; i < claims.size(); ++i) {
      keys.type[i] = type_ids.at(key_of[i]);
      keys.subject[i] = subject_ids.at(subject_of[i]);
    }
    std::map<std::string_view, uint8_t> family_ids;
    for (const auto& [descriptor, family] : rules.names.descriptor_families) family_ids.emplace(family, 0);
    uint8_t next_family = 0;
    for (auto& [family, id] : family_ids) id = ++next_family;
    keys.family.assign(claims.size(), 0);
    for (uint32_t i = 0; i < claims.size(); ++i)
      for (const auto& p : claims[i].participants)
        if (subject_of[i].empty() && p.role == "subject" && !p.descriptor.empty())
          if (const std::string* family = DescriptorFamily(p.descriptor, rules)) keys.family[i] = family_ids.at(*family);
    for (const SameEventEdge& e : SameEventEdges(keys))
      out.graph.AddEdge({e.from, e.to, Relation::kSameEvent, e.weight, ""});
  }

  {
    std::vector<std::optional<Date>> published;
    published.reserve(corpus.documents.size());
    for (const auto& d : corpus.documents) published.push_back(d.published);
    LinkWithinArticles(claims, key_of, rules, published, &out.graph);
  }

  // Cites: a claim attributed to an outlet whose own articles are in the corpus relays them.
  // Indexed by (outlet, type, subject), so each claim looks only at what it could relay.
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<uint32_t>> by_source;
  for (uint32_t i = 0; i < claims.size(); ++i)
    if (!claims[i].source.empty())
      by_source[{ToLower(claims[i].source), key_of[i], subject_of[i]}].push_back(i);
  for (uint32_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    if (subject_of[i].empty()) continue;
    for (size_t k = 1; k < c.attributed_to.size(); ++k) {
      auto it = by_source.find({ToLower(c.attributed_to[k]), key_of[i], subject_of[i]});
      if (it == by_source.end()) continue;
      for (uint32_t j : it->second)
        if (claims[j].doc_index != c.doc_index) out.graph.AddEdge({i, j, Relation::kCites, 1.0, ""});
    }
  }

  // Unnamed subjects: propose the named people that other claims of the same type, with
  // overlapping or near dates, are about. Shown as candidates; never merged.
  constexpr int64_t kNearDays = 31;
  // Blocked by (type, month): of the claim's date, else of its article's publication; a claim
  // looks in its own month and the two beside it.
  auto month_of = [&](const Claim& c) {
    Date d = c.date.start;
    if (d.is_special()) {
      const auto& p = corpus.documents[c.doc_index].published;
      if (!p) return 0;
      d = *p;
    }
    return int(d.year()) * 12 + int(d.month());
  };
  std::map<std::pair<std::string, int>, std::vector<uint32_t>> named_by_type;
  for (uint32_t i = 0; i < claims.size(); ++i)
    if (!subject_of[i].empty()) named_by_type[{key_of[i], month_of(claims[i])}].push_back(i);
  // What made a candidate's score, spelt out only for the candidates kept.
  enum : uint8_t { kOverlap = 1, kWithinMonth = 2, kSameRank = 4, kSamePlace = 8, kNearDates = 16 };
  auto explain = [](uint8_t why) {
    std::string s = "same event type";
    if (why & kOverlap) s += ", overlapping dates";
    if (why & kNearDates) s += ", dates within a month of each other";
    if (why & kWithinMonth) s += ", reported within a month";
    if (why & kSameRank) s += ", same rank";
    if (why & kSamePlace) s += ", same place";
    return s;
  };
  for (uint32_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    const Participant* unnamed = nullptr;
    for (const auto& p : c.participants)
      if (p.role == "subject" && p.entity.empty() && !p.descriptor.empty()) unnamed = &p;
    // A named person's unnamed relative ("his daughter") links by that person already.
    if (!unnamed || !subject_of[i].empty()) continue;
    std::map<std::string_view, std::tuple<double, uint8_t, uint32_t>> best;  // entity -> score, why, claim
    std::vector<uint32_t> nearby;
    for (int m = month_of(c) - 1; m <= month_of(c) + 1; ++m) {
      auto it = named_by_type.find({key_of[i], m});
      if (it != named_by_type.end()) nearby.insert(nearby.end(), it->second.begin(), it->second.end());
    }
    const auto ra = c.attributes.find("rank"), pa = c.attributes.find("place");
    for (uint32_t j : nearby) {
      const Claim& o = claims[j];
      double score = 0.4;
      uint8_t why = 0;
      if (!DescriptorFits(*unnamed, o, rules)) continue;
      if (c.date.known() && o.date.known() && !(c.date.bounded() && o.date.bounded())) {
        // An open end ("before the report") overlaps nearly everything: no evidence either way.
      } else if (c.date.known() && o.date.known()) {
        // Dates that miss each other by less than a month may be one event the sources date
        // differently ("Monday" against "last November"): weaker evidence, and a date conflict
        // once merged.
        const int64_t gap = c.date.Overlaps(o.date) ? 0
                            : c.date.end < o.date.start ? (o.date.start - c.date.end).days()
                                                        : (c.date.start - o.date.end).days();
        if (gap > kNearDays) continue;
        if (gap == 0) score += 0.3, why |= kOverlap;
        else score += 0.1, why |= kNearDates;
      } else {
        const auto& dc = corpus.documents[c.doc_index].published;
        const auto& dn = corpus.documents[o.doc_index].published;
        if (!dc || !dn || std::abs((*dc - *dn).days()) > 31) continue;
        score += 0.15, why |= kWithinMonth;
      }
      auto rb = o.attributes.find("rank");
      if (ra != c.attributes.end() && rb != o.attributes.end() && ra->second == rb->second)
        score += 0.2, why |= kSameRank;
      auto pb = o.attributes.find("place");
      if (pa != c.attributes.end() && pb != o.attributes.end() && pa->second == pb->second)
        score += 0.15, why |= kSamePlace;
      auto& slot = best[subject_of[j]];
      if (score > std::get<0>(slot)) slot = {std::min(score, 0.95), why, j};
    }
    double top = 0, second = 0;
    uint32_t top_claim = 0;
    std::vector<std::pair<double, std::string_view>> kept;  // best first, ties by entity id
    for (const auto& [entity, sw] : best) {
      const auto& [score, why, j] = sw;
      if (score >= rules.resolver.unnamed_link_threshold) kept.emplace_back(score, entity);
      if (score > top) second = top, top = score, top_claim = j;
      else second = std::max(second, score);
    }
    std::stable_sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    if (kept.size() > size_t(rules.resolver.max_candidates)) kept.resize(size_t(rules.resolver.max_candidates));
    std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    for (const auto& [score, entity] : kept)
      out.candidates.push_back({c.id, std::string(entity), score, explain(std::get<1>(best.at(entity)))});
    // One clear candidate, strongly compatible: the unnamed claim tells that person's event
    // ("a soldier fled across the JSA on Monday"). Its event joins theirs; the participant stays
    // an unnamed mention with a candidate link, never merged into the person.
    if (top >= rules.resolver.unnamed_merge_threshold && top - second >= 0.1)
      out.graph.AddEdge({i, top_claim, Relation::kSameEvent, top, ""});
  }
  out.claims = std::move(claims);
  return out;
}

}  // namespace recon

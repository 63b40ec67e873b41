// Checks the fast resolver (engine/resolve/resolve.cpp) against the slow reference in
// reference_resolver.h on random small inputs: random documents, claims with random dates,
// subjects, attributes, modalities and relays, and random same-event edges.
#include <doctest/doctest.h>

#include <random>
#include <sstream>

#include "recon/resolve.h"
#include "resolve/reference_resolver.h"

namespace recon {
namespace {

struct Input {
  Corpus corpus;
  Linked linked;
};

std::string Show(const DateRange& d) {
  return ToIso(d.start) + ".." + ToIso(d.end) + "/" + std::string(ToString(d.granularity)) + "/" +
         std::string(ToString(d.qualifier));
}

Input Generate(std::mt19937& rng) {
  auto pick = [&](int n) { return int(rng() % n); };
  const char* outlets[] = {"Seoul Ledger", "Asia Wire Service", "Global Times Review", "Daily Peninsula",
                           "Korea Monitor Daily", "Unknown Herald"};
  const char* subjects[] = {"", "p:a", "p:b", "p:c"};
  const char* ranks[] = {"sergeant", "staff_sergeant", "colonel"};
  const char* shots[] = {"4", "5", "5+", "6"};
  const char* places[] = {"seoul", "south-korea", "pyongyang", "jsa", "panmunjom"};
  Input in;
  int docs = 2 + pick(8);
  for (int d = 0; d < docs; ++d) {
    Document doc;
    doc.id = "d" + std::to_string(d);
    doc.source = outlets[pick(6)];
    doc.published = Date(2017, 1 + pick(12), 1 + pick(28));
    if (pick(6) == 0) doc.reliability = 0.3 + 0.1 * pick(7);
    in.corpus.documents.push_back(doc);
  }
  int claims = 1 + pick(14);
  for (int k = 0; k < claims; ++k) {
    uint32_t d = uint32_t(pick(docs));
    const Document& doc = in.corpus.documents[d];
    Claim c;
    c.id = doc.id + "#" + std::to_string(k);
    c.doc_index = d;
    c.document = doc.id;
    c.source = doc.source;
    c.type = "defection";
    switch (pick(6)) {
      case 0: break;  // undated
      case 1: c.date = DateRange::Year(2016 + pick(3)); break;
      case 2: c.date = DateRange::Month(2016 + pick(3), 1 + pick(12)); break;
      case 3: c.date = DateRange::Month(2017, 1 + pick(12)); c.date.vague = true; break;
      default: c.date = DateRange::Day(Date(2016 + pick(3), 1 + pick(12), 1 + pick(28))); break;
    }
    std::string subject = subjects[pick(4)];
    c.participants.push_back({"subject", subject, subject, subject, subject.empty() ? "soldier" : ""});
    if (pick(2)) c.attributes["rank"] = ranks[pick(3)];
    if (pick(2)) c.attributes["shots"] = shots[pick(4)];
    if (pick(2)) c.attributes["place"] = places[pick(5)];
    c.modality = Modality(pick(8));
    c.confidence = 0.25 * (1 + pick(4));
    c.attributed_to = {doc.source};
    if (pick(3) == 0) c.attributed_to.push_back(pick(2) ? "Asia Wire Service" : "government officials");
    in.linked.claims.push_back(c);
  }
  for (const auto& e : std::vector<std::pair<std::string, std::string>>{
           {"seoul", "Seoul"}, {"south-korea", "South Korea"}, {"pyongyang", "Pyongyang"},
           {"jsa", "Joint Security Area"}, {"panmunjom", "Panmunjom"}})
    in.linked.entities.push_back({e.first, EntityType::kPlace, e.second, {}, ""});
  in.linked.graph = ClaimGraph(in.linked.claims.size());
  int edges = pick(2 * claims + 1);
  for (int k = 0; k < edges; ++k) {
    uint32_t a = uint32_t(pick(claims)), b = uint32_t(pick(claims));
    if (a == b) continue;
    Relation r = pick(4) == 0 ? Relation::kCites : Relation::kSameEvent;
    in.linked.graph.AddEdge({std::min(a, b), std::max(a, b), r, 0.5 * (1 + pick(2)), ""});
  }
  return in;
}

// Compares one run; returns "" when they agree, else what differs.
std::string Compare(const Input& in, const RuleSet& rules, bool attributes) {
  Timeline fast = Resolve(in.corpus, in.linked, rules);
  auto slow = reference::ReferenceResolver(in.corpus, in.linked, rules).Run();
  std::vector<const Event*> events;
  for (const auto& e : fast.events) events.push_back(&e);
  std::sort(events.begin(), events.end(), [](const Event* a, const Event* b) { return a->claims < b->claims; });
  std::ostringstream diff;
  if (events.size() != slow.size()) {
    diff << "events: fast " << events.size() << ", reference " << slow.size() << "\n";
    return diff.str();
  }
  for (size_t k = 0; k < slow.size(); ++k) {
    const Event& f = *events[k];
    const auto& s = slow[k];
    if (f.claims != s.claims) {
      diff << "event " << k << ": claims differ\n";
      continue;
    }
    if (!(f.date == s.date) || f.date.qualifier != s.date.qualifier)
      diff << "event " << k << ": date fast " << Show(f.date) << ", reference " << Show(s.date) << "\n";
    if (!attributes) continue;
    // Status conflicts come from claims' modalities, not from truth discovery; resolve_test
    // covers them.
    std::set<std::string> conflicts;
    for (const auto& cid : f.conflicts)
      for (const auto& c : fast.conflicts)
        if (c.id == cid && c.attribute != "status") conflicts.insert(c.attribute);
    if (conflicts != s.conflicts) diff << "event " << k << ": conflicts differ\n";
    if (f.attributes.size() != s.attributes.size()) {
      diff << "event " << k << ": attribute count differs\n";
      continue;
    }
    for (const auto& a : f.attributes) {
      auto it = s.attributes.find(a.name);
      if (it == s.attributes.end()) {
        diff << "event " << k << ": no reference attribute " << a.name << "\n";
        continue;
      }
      bool tie = a.alternatives.size() > 1 && a.alternatives[0].confidence == a.alternatives[1].confidence;
      if (a.value != it->second.value && !tie)
        diff << "event " << k << ": " << a.name << " fast " << a.value << ", reference " << it->second.value << "\n";
      if (std::abs(a.confidence - it->second.confidence) > 1e-4)
        diff << "event " << k << ": " << a.name << " confidence fast " << a.confidence << ", reference "
             << it->second.confidence << "\n";
    }
  }
  return diff.str();
}

TEST_CASE("reference: the fast resolver agrees with the slow one on random inputs (vote)") {
  Diagnostics d;
  RuleSet rules = LoadRules({DefaultRulesDir()}, &d);
  rules.resolver.truth_method = "vote";
  std::mt19937 rng(20261123);
  int compared = 0, with_conflicts = 0;
  for (int round = 0; round < 400; ++round) {
    Input in = Generate(rng);
    std::string diff = Compare(in, rules, true);
    INFO("round " << round);
    CHECK_MESSAGE(diff.empty(), diff);
    if (!diff.empty()) break;
    ++compared;
    with_conflicts += !Resolve(in.corpus, in.linked, rules).conflicts.empty();
  }
  CHECK(compared == 400);
  // The generator must exercise conflicts, or the comparison proves little.
  CHECK(with_conflicts > 40);
}

TEST_CASE("reference: clusters and dates agree under every truth method") {
  Diagnostics d;
  RuleSet rules = LoadRules({DefaultRulesDir()}, &d);
  std::mt19937 rng(7);
  for (const char* method : {"accu", "accucopy", "truthfinder"}) {
    rules.resolver.truth_method = method;
    for (int round = 0; round < 100; ++round) {
      Input in = Generate(rng);
      // Dates are voted too, so only inputs whose events have at most one candidate date group
      // must agree on the date; clusters must always agree.
      std::string diff = Compare(in, rules, false);
      bool only_dates = diff.find("claims differ") == std::string::npos && diff.find("events:") == std::string::npos;
      INFO(method << " round " << round << "\n" << diff);
      CHECK((diff.empty() || only_dates));
    }
  }
}

}  // namespace
}  // namespace recon

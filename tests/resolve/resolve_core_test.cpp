// Checks the resolver's compact core (recon/resolve_core.h, recon/blocking.h), which
// bench/resolver_bench.cpp runs at scale, against the full path on random small inputs: blocking
// against a map-of-vectors reference, clusters against Boost's connected components, and the
// core's events, dates, attributes, conflicts and confidences against what Resolve() reports.
#include <doctest/doctest.h>

#include <map>
#include <random>
#include <set>
#include <sstream>
#include <tuple>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>

#include "recon/blocking.h"
#include "recon/resolve.h"
#include "recon/resolve_core.h"
#include "resolve/reference_resolver.h"

namespace recon {
namespace {

std::string Show(const DateRange& d) {
  return ToIso(d.start) + ".." + ToIso(d.end) + "/" + std::string(ToString(d.granularity)) + "/" +
         std::string(ToString(d.qualifier));
}

DateRange RandomDate(std::mt19937& rng) {
  auto pick = [&](int n) { return int(rng() % n); };
  switch (pick(6)) {
    case 0: return {};
    case 1: return DateRange::Year(2016 + pick(3));
    case 2: return DateRange::Month(2016 + pick(3), 1 + pick(12));
    default: return DateRange::Day(Date(2016 + pick(3), 1 + pick(12), 1 + pick(28)));
  }
}

// The blocking as a map of vectors keyed by (type, subject, year), written plainly.
std::vector<SameEventEdge> ReferenceEdges(const BlockingKeys& k) {
  std::map<std::tuple<uint32_t, uint32_t, int>, std::vector<uint32_t>> blocks;
  for (uint32_t i = 0; i < k.size(); ++i) {
    int year = 0;
    if (k.subject[i] == BlockingKeys::kUnnamed) {
      if (!k.date[i].bounded() || k.date[i].days() > 31) continue;
      year = k.date[i].start.year();
    }
    blocks[{k.type[i], k.subject[i], year}].push_back(i);
  }
  std::vector<SameEventEdge> out;
  for (auto [key, order] : blocks) {
    if (std::get<1>(key) != BlockingKeys::kUnnamed) {
      std::stable_sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
        Date dx = k.date[x].start, dy = k.date[y].start;
        if (dx.is_special() != dy.is_special()) return !dx.is_special();
        return !dx.is_special() && dx < dy;
      });
      for (size_t j = 1; j < order.size(); ++j) {
        uint32_t a = std::min(order[0], order[j]), b = std::max(order[0], order[j]);
        double w = !k.date[a].known() || !k.date[b].known() ? 0.5 : k.date[a].Overlaps(k.date[b]) ? 1.0 : 0.0;
        out.push_back({a, b, w});
      }
      continue;
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t x, uint32_t y) { return k.date[x].start < k.date[y].start; });
    uint32_t reach = order[0];
    for (size_t j = 1; j < order.size(); ++j) {
      const DateRange& c = k.date[order[j]];
      const DateRange& r = k.date[reach];
      if (c.start > r.end) {
        reach = order[j];
        continue;
      }
      out.push_back({std::min(reach, order[j]), std::max(reach, order[j]), 0.6});
      if (c.end > r.end) reach = order[j];
    }
  }
  return out;
}

TEST_CASE("resolve core: SameEventEdges gives the map-based blocking's edges, in its order") {
  std::mt19937 rng(7);
  size_t edges = 0;
  for (int round = 0; round < 200; ++round) {
    BlockingKeys k;
    int n = 1 + int(rng() % 60);
    for (int i = 0; i < n; ++i) {
      k.type.push_back(uint32_t(rng() % 3));
      k.subject.push_back(uint32_t(rng() % 4));  // 0: unnamed
      k.date.push_back(RandomDate(rng));
    }
    std::vector<SameEventEdge> fast = SameEventEdges(k), slow = ReferenceEdges(k);
    REQUIRE(fast.size() == slow.size());
    for (size_t j = 0; j < fast.size(); ++j) {
      CHECK(fast[j].from == slow[j].from);
      CHECK(fast[j].to == slow[j].to);
      CHECK(fast[j].weight == slow[j].weight);
    }
    edges += fast.size();
  }
  CHECK(edges > 1000);  // the inputs did make blocks
}

TEST_CASE("resolve core: unnamed claims of two rank families never join; one of none joins either") {
  BlockingKeys k;
  // One type, all unnamed, all in March 2024: a soldier (family 1), a diplomat (2), one with no
  // family, and a second soldier.
  for (uint8_t family : {1, 2, 0, 1}) {
    k.type.push_back(0);
    k.subject.push_back(BlockingKeys::kUnnamed);
    k.date.push_back(DateRange::Month(2024, 3));
    k.family.push_back(family);
  }
  std::set<std::pair<uint32_t, uint32_t>> edges;
  for (const SameEventEdge& e : SameEventEdges(k)) CHECK(edges.insert({e.from, e.to}).second);  // no repeats
  CHECK_FALSE(edges.count({0, 1}));  // soldier, diplomat
  CHECK_FALSE(edges.count({1, 3}));  // diplomat, soldier
  // The two soldiers and the claim of no family end up connected, the diplomat to the latter.
  auto linked = [&](uint32_t a, uint32_t b) { return edges.count({a, b}) > 0; };
  CHECK((linked(0, 2) || linked(0, 3)));
  CHECK((linked(0, 3) || (linked(0, 2) && linked(2, 3))));
  CHECK(linked(1, 2));
  // Without families, all four join as before.
  k.family.clear();
  CHECK(SameEventEdges(k).size() == 3);
}

TEST_CASE("resolve core: SameEventClusters numbers components as Boost's depth-first search does") {
  std::mt19937 rng(11);
  for (int round = 0; round < 200; ++round) {
    int n = 1 + int(rng() % 40);
    ResolveTable t;
    t.names.Intern("s");
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS> g(n);
    std::vector<std::pair<uint32_t, uint32_t>> edges;
    for (int i = 0; i < n; ++i)
      t.AddClaim({}, Date(boost::gregorian::not_a_date_time), rng() % 5 == 0 ? ResolveTable::kGeneric : 0, 0, 0, 1, 1, 1);
    int m = int(rng() % (n + 1));
    for (int e = 0; e < m; ++e) {
      uint32_t a = uint32_t(rng() % n), b = uint32_t(rng() % n);
      edges.emplace_back(a, b);
      boost::add_edge(a, b, g);
    }
    std::vector<int> component(n);
    int count = boost::connected_components(g, component.data());
    std::vector<std::vector<uint32_t>> expected(count);
    for (int v = 0; v < n; ++v)
      if (!(t.flags[v] & ResolveTable::kGeneric)) expected[component[v]].push_back(uint32_t(v));
    expected.erase(std::remove_if(expected.begin(), expected.end(), [](const auto& c) { return c.empty(); }),
                   expected.end());
    CHECK(SameEventClusters(t, edges) == expected);
  }
}

double ModalityWeight(Modality m) {
  static const double kWeight[] = {1.0, 0.9, 0.5, 0.15, 0.0, 0.8, 0.7, 0.6};  // in enum order
  return kWeight[int(m)];
}

struct Input {
  Corpus corpus;
  Linked linked;
};

// Random documents and claims about one or two subjects, with random dates, attributes,
// modalities and same-event edges; no outlet rules, so a claim's prior is its document's.
// `full`: some claims are generic, some vaguely dated (the slow reference knows neither generic
// claims nor that a vague date joins the date group it meets).
Input Generate(std::mt19937& rng, bool full = true) {
  auto pick = [&](int n) { return int(rng() % n); };
  const char* outlets[] = {"Ledger", "Wire", "Review", "Monitor", ""};
  const char* ranks[] = {"sergeant", "colonel", "major"};
  const char* counts[] = {"4", "5", "5+", "6", "40"};
  const char* places[] = {"seoul", "busan", "jsa"};
  Input in;
  int docs = 2 + pick(8);
  for (int d = 0; d < docs; ++d) {
    Document doc;
    doc.id = "d" + std::to_string(d);
    doc.source = outlets[pick(5)];
    if (pick(5)) doc.published = Date(2017, 1 + pick(12), 1 + pick(28));
    if (pick(4) == 0) doc.reliability = 0.3 + 0.1 * pick(7);
    in.corpus.documents.push_back(doc);
  }
  int claims = 1 + pick(16);
  for (int k = 0; k < claims; ++k) {
    uint32_t d = uint32_t(pick(docs));
    const Document& doc = in.corpus.documents[d];
    Claim c;
    c.id = doc.id + "#" + std::to_string(k);
    c.doc_index = d;
    c.document = doc.id;
    c.source = doc.source;
    c.type = "defection";
    c.date = RandomDate(rng);
    if (pick(8) == 0 && full) c.date.vague = true;
    std::string subject = pick(4) ? (pick(2) ? "p:a" : "p:b") : "";
    c.participants.push_back({"subject", subject, "x", subject, subject.empty() ? "soldier" : ""});
    if (pick(2)) c.attributes["count"] = counts[pick(5)];
    if (pick(2)) c.attributes["place"] = places[pick(3)];
    if (pick(2)) c.attributes["rank"] = ranks[pick(3)];
    c.modality = Modality(pick(8));
    c.generic = pick(12) == 0 && full;
    c.confidence = 0.25 * (1 + pick(4));
    in.linked.claims.push_back(c);
  }
  in.linked.graph = ClaimGraph(in.linked.claims.size());
  int edges = pick(2 * claims + 1);
  for (int k = 0; k < edges; ++k) {
    uint32_t a = uint32_t(pick(claims)), b = uint32_t(pick(claims));
    if (a != b) in.linked.graph.AddEdge({std::min(a, b), std::max(a, b), Relation::kSameEvent, 1.0, ""});
  }
  return in;
}

// One event as the core decides it, in the terms Resolve() reports.
struct Decided {
  std::string date;
  DateRange range;
  double confidence = 0;
  EventStatus status = EventStatus::kHappened;
  std::map<std::string, std::string> attributes;
  std::set<std::string> conflicts;
};

// Builds the ResolveTable from the claims as a caller of the core would, runs the core and
// returns its events by their sorted claim ids.
std::map<std::vector<std::string>, Decided> RunCore(const Input& in, const RuleSet& rules) {
  ResolveTable t;
  std::set<std::string> sources;
  std::map<std::string, double> priors;
  auto source_of = [&](const Claim& c) { return c.source.empty() ? c.document : c.source; };
  for (const Claim& c : in.linked.claims) sources.insert(source_of(c));
  for (const auto& s : sources) t.names.Intern(s);
  for (const Claim& c : in.linked.claims) {
    const Document& doc = in.corpus.documents[c.doc_index];
    double prior = doc.reliability ? *doc.reliability : 0.7;
    double& p = priors[source_of(c)];
    p = std::max(p, prior);
    double strength = c.confidence * ModalityWeight(c.modality);
    uint8_t flags = (c.generic ? ResolveTable::kGeneric : 0) |
                    (c.modality == Modality::kPlanned ? ResolveTable::kPlanned : 0) |
                    (c.modality == Modality::kNegated ? ResolveTable::kNegated : 0) |
                    (c.modality == Modality::kDenied ? ResolveTable::kDenied : 0) |
                    (c.participants[0].entity.empty() ? 0 : ResolveTable::kNamed);
    uint32_t s = t.names.Find(source_of(c));
    t.AddClaim(c.date, doc.published ? *doc.published : Date(boost::gregorian::not_a_date_time), flags, s, s,
               prior * strength, strength, c.confidence, c.doc_index);
    for (const auto& [name, value] : c.attributes) t.AddAttribute(t.names.Intern(name), t.names.Intern(value));
  }
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  for (const auto& e : in.linked.graph.SortedEdges()) edges.emplace_back(e.from, e.to);
  std::vector<Draft> drafts = DraftEvents(t, edges);
  TruthOptions options = EventTruthOptions(rules.resolver, priors);
  std::vector<uint32_t> owner;
  TruthClaimTable table = BuildTruthTable(t, drafts, options.method == TruthMethod::kVote, &owner);
  TruthResult truth = DiscoverTruth(table, options);
  std::vector<uint32_t> begin = DecisionRanges(truth, drafts.size());
  std::vector<double> reliability = LineReliability(t, truth, priors, 0.7);
  ValueCompatibility compatible({}, rules.resolver.count_tolerance);
  TruthCalibration cal{rules.resolver.event_calibration_a, rules.resolver.event_calibration_b};
  std::map<std::vector<std::string>, Decided> out;
  for (size_t k = 0; k < drafts.size(); ++k) {
    Decided ev;
    const TruthDecision* date = nullptr;
    for (uint32_t j = begin[k]; j < begin[k + 1]; ++j)
      if (truth.decisions[j].attribute == kDateAttribute) date = &truth.decisions[j];
    DateChoice dc = DecideDate(t, drafts[k], date);
    DateRange d;
    if (dc.grouped) d = drafts[k].dates[dc.best].tight;
    else if (dc.before) d.end = *dc.before, d.qualifier = Qualifier::kBefore;
    ev.date = Show(d);
    ev.range = d;
    if (dc.kept.size() >= 2) ev.conflicts.insert("date");
    for (uint32_t j = begin[k]; j < begin[k + 1]; ++j) {
      const TruthDecision& dec = truth.decisions[j];
      if (dec.attribute == kDateAttribute) continue;
      AttributeChoice ac = DecideAttribute(t, dec.attribute, dec, owner, compatible);
      if (ac.candidates.empty()) continue;
      ev.attributes[dec.attribute] = dec.values[ac.candidates[0].value].value;
      if (ac.disputed.size() >= 2) ev.conflicts.insert(dec.attribute);
    }
    EventScore score = ScoreEvent(t, drafts[k].members, reliability, cal);
    ev.confidence = score.confidence;
    ev.status = score.status;
    std::vector<std::string> ids;
    for (uint32_t i : drafts[k].members) ids.push_back(in.linked.claims[i].id);
    std::sort(ids.begin(), ids.end());
    out[ids] = ev;
  }
  return out;
}

void CheckAgainstResolve(const std::string& method) {
  Diagnostics diags;
  RuleSet rules = LoadRules({DefaultRulesDir()}, &diags);
  rules.outlets.clear();  // priors from the documents alone, no relays
  rules.entities.clear();
  rules.ranks.clear();    // values are reported as they are
  rules.resolver.truth_method = method;
  std::mt19937 rng(20261123);
  size_t events = 0, conflicts = 0, attributes = 0;
  for (int round = 0; round < 150; ++round) {
    Input in = Generate(rng);
    Timeline full = Resolve(in.corpus, in.linked, rules);
    auto core = RunCore(in, rules);
    INFO("round " << round);
    REQUIRE(full.events.size() == core.size());
    for (const Event& e : full.events) {
      auto it = core.find(e.claims);
      REQUIRE(it != core.end());
      const Decided& c = it->second;
      CHECK(Show(e.date) == c.date);
      CHECK(e.confidence == c.confidence);
      CHECK(e.status == c.status);
      std::map<std::string, std::string> attrs;
      for (const auto& a : e.attributes) attrs[a.name] = a.value;
      CHECK(attrs == c.attributes);
      std::set<std::string> disputed;  // status conflicts come from modalities (resolve_test)
      for (const auto& id : e.conflicts)
        for (const auto& cf : full.conflicts)
          if (cf.id == id && cf.attribute != "status") disputed.insert(cf.attribute);
      CHECK(disputed == c.conflicts);
      ++events;
      conflicts += c.conflicts.size();
      attributes += c.attributes.size();
    }
  }
  // The inputs did exercise the decisions.
  CHECK(events > 150);
  CHECK(conflicts > 15);
  CHECK(attributes > 150);
}

TEST_CASE("resolve core: the compact core decides each event as Resolve() does (accu)") {
  CheckAgainstResolve("accu");
}

TEST_CASE("resolve core: the compact core decides each event as Resolve() does (vote)") {
  CheckAgainstResolve("vote");
}

// The core against the slow reference written from docs/resolve.md (reference_resolver.h): same
// events, dates, chosen values (unless two values tie) and disputed attributes.
TEST_CASE("resolve core: the compact core agrees with the slow reference resolver (vote)") {
  Diagnostics diags;
  RuleSet rules = LoadRules({DefaultRulesDir()}, &diags);
  rules.outlets.clear();
  rules.entities.clear();
  rules.ranks.clear();
  rules.resolver.truth_method = "vote";
  std::mt19937 rng(5);
  size_t events = 0, conflicts = 0;
  for (int round = 0; round < 150; ++round) {
    Input in = Generate(rng, false);
    auto core = RunCore(in, rules);
    auto slow = reference::ReferenceResolver(in.corpus, in.linked, rules).Run();
    INFO("round " << round);
    REQUIRE(core.size() == slow.size());
    for (const auto& s : slow) {
      auto it = core.find(s.claims);
      REQUIRE(it != core.end());
      const Decided& c = it->second;
      CHECK(c.range == s.date);
      CHECK(c.range.qualifier == s.date.qualifier);
      CHECK(c.conflicts == s.conflicts);
      CHECK(c.attributes.size() == s.attributes.size());
      for (const auto& [name, ref] : s.attributes) {
        auto a = c.attributes.find(name);
        REQUIRE(a != c.attributes.end());
        // Equal support goes to either value; the reference does not break ties by display.
        if (a->second != ref.value) CHECK(ref.confidence <= 0.5 + 1e-9);
      }
      ++events;
      conflicts += s.conflicts.size();
    }
  }
  CHECK(events > 150);
  CHECK(conflicts > 15);
}

}  // namespace
}  // namespace recon

// Evaluation against gold annotations: events (type, overlapping date, a shared participant),
// conflicts (event and attribute), entity merges (pairs of surface forms), and the modality and
// attribution of annotated claims.
#include "recon/eval.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "recon/link.h"
#include "recon/text_util.h"

namespace recon {

namespace {

std::vector<std::string> Strings(const YAML::Node& n) {
  std::vector<std::string> out;
  if (n && n.IsSequence())
    for (const auto& x : n) out.push_back(x.as<std::string>());
  else if (n && n.IsScalar())
    out.push_back(n.Scalar());
  return out;
}

}  // namespace

Gold LoadGold(const std::string& path, Diagnostics* diags) {
  Gold gold;
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::Exception& e) {
    diags->Error(path, e.mark.line + 1, e.mark.column + 1, "gold", "cannot read gold file: " + e.msg);
    return gold;
  }
  auto where = [&](const YAML::Node& n, const std::string& msg) {
    diags->Error(path, n.Mark().line + 1, n.Mark().column + 1, "gold", msg);
  };
  try {
    for (const auto& e : root["entities"]) {
      if (!e["id"]) { where(e, "entity without id"); continue; }
      gold.entities.push_back({e["id"].as<std::string>(), e["type"] ? e["type"].as<std::string>() : "",
                               Strings(e["names"])});
    }
    for (const auto& e : root["events"]) {
      GoldEvent ev;
      if (!e["id"] || !e["type"]) { where(e, "event needs id and type"); continue; }
      ev.id = e["id"].as<std::string>();
      ev.type = e["type"].as<std::string>();
      if (auto d = e["date"]) {
        auto s = d["start"] ? ParseIsoDate(d["start"].as<std::string>()) : std::nullopt;
        auto t = d["end"] ? ParseIsoDate(d["end"].as<std::string>()) : std::nullopt;
        if ((d["start"] && !s) || (d["end"] && !t)) where(d, "event date is not YYYY-MM-DD");
        if (s) ev.date.start = *s;
        if (t) ev.date.end = *t;
      }
      ev.participants = Strings(e["participants"]);
      ev.documents = Strings(e["documents"]);
      gold.events.push_back(std::move(ev));
    }
    for (const auto& c : root["conflicts"])
      gold.conflicts.push_back({c["event"].as<std::string>(), c["attribute"].as<std::string>(), Strings(c["values"])});
    for (const auto& c : root["claims"])
      gold.claims.push_back({c["document"].as<std::string>(), c["quote"].as<std::string>(),
                             c["type"] ? c["type"].as<std::string>() : "",
                             c["modality"] ? c["modality"].as<std::string>() : "", Strings(c["attributed_to"])});
  } catch (const YAML::Exception& e) {
    diags->Error(path, e.mark.line + 1, e.mark.column + 1, "gold", "malformed gold file: " + e.msg);
  }
  return gold;
}

namespace {

class Scorer {
 public:
  Scorer(const RunResult& run, const Gold& gold) : run_(run), gold_(gold) {
    const auto& variants = run.rules.names.surname_variants;
    for (const auto& ge : gold.entities)
      for (const auto& n : ge.names) {
        gold_by_key_[NameKey(n, variants)].insert(ge.id);
        gold_by_lower_[ToLower(n)].insert(ge.id);
      }
    for (const auto& e : run.linked.entities) {
      auto& ids = system_to_gold_[e.id];
      for (const std::string* n : {&e.name}) Add(*n, &ids);
      for (const auto& a : e.aliases) Add(a, &ids);
    }
    for (const auto& ge : gold.events) docs_.insert(ge.documents.begin(), ge.documents.end());
    for (const auto& gc : gold.claims) docs_.insert(gc.document);
    for (size_t i = 0; i < run.linked.claims.size(); ++i) claim_index_[run.linked.claims[i].id] = i;
  }

  EvalReport Score();

 private:
  void Add(const std::string& name, std::set<std::string>* ids) {
    const auto& variants = run_.rules.names.surname_variants;
    if (auto it = gold_by_lower_.find(ToLower(name)); it != gold_by_lower_.end()) ids->insert(it->second.begin(), it->second.end());
    if (auto it = gold_by_key_.find(NameKey(name, variants)); it != gold_by_key_.end()) ids->insert(it->second.begin(), it->second.end());
  }
  // The events the run says happened, with a claim from an annotated document. A refuted
  // report or a plan is listed, not asserted: it is not scored.
  bool InScope(const Event& e) const {
    if (e.status != EventStatus::kHappened) return false;
    for (const auto& cid : e.claims) {
      const Claim& c = run_.linked.claims[claim_index_.at(cid)];
      if (docs_.count(c.document)) return true;
    }
    return false;
  }
  bool Matches(const Event& e, const GoldEvent& g) const {
    if (e.type != g.type) return false;
    if (!e.date.known() || !g.date.known() || !e.date.Overlaps(g.date)) return false;
    // An open-ended date ("before 2019-01-03": undated but told by then) overlaps every earlier
    // gold event: it identifies the event only together with its participants.
    if (g.participants.empty()) return e.date.bounded();
    for (const auto& p : e.participants) {
      if (p.role == "candidate") continue;
      auto it = system_to_gold_.find(p.entity);
      if (it == system_to_gold_.end()) continue;
      for (const auto& gp : g.participants)
        if (it->second.count(gp)) return true;
    }
    return false;
  }
  std::string NormalizeAttribute(const Event& e, const std::string& attribute) const {
    if (attribute.rfind(kPersonRankPrefix, 0) == 0) return "rank";  // someone else's rank
    if (const EventTypeRule* et = run_.rules.FindEventType(e.type))
      for (const auto& r : et->count_roles)
        if (r == attribute) return "count";
    for (const auto& c : run_.rules.counts)
      if (c.role == attribute) return "count";
    return attribute;
  }

  const RunResult& run_;
  const Gold& gold_;
  std::map<std::string, std::set<std::string>> gold_by_key_, gold_by_lower_;
  std::map<std::string, std::set<std::string>> system_to_gold_;
  std::set<std::string> docs_;
  std::map<std::string, size_t> claim_index_;
};

EvalReport Scorer::Score() {
  EvalReport r;
  const auto& events = run_.timeline.events;
  std::vector<const Event*> scope;
  for (const auto& e : events)
    if (InScope(e)) scope.push_back(&e);
  // Greedy one-to-one matching, gold in file order, best-confidence system event first.
  std::map<std::string, const Event*> matched;  // gold id -> event
  std::set<const Event*> used;
  for (const auto& g : gold_.events) {
    const Event* best = nullptr;
    for (const Event* e : scope)
      if (!used.count(e) && Matches(*e, g) && (!best || e->confidence > best->confidence)) best = e;
    if (best) {
      matched[g.id] = best;
      used.insert(best);
    } else {
      r.details.push_back("missed event: " + g.id + " (" + g.type + ")");
    }
  }
  for (const Event* e : scope)
    if (!used.count(e)) r.details.push_back("extra event: " + e->id + " " + Describe(e->date) + " " + e->label);
  r.events = {matched.size(), scope.size(), gold_.events.size()};
  for (const Event* e : scope) r.event_outcomes.emplace_back(e->id, used.count(e) > 0);

  // Conflicts: a gold conflict is found when its matched event has a conflict on that attribute,
  // each system conflict found once; of several ("count" covers killed and rounds), the one
  // whose values share the most of the gold's leading digits or words.
  std::set<std::string> found_conflicts;
  auto shared_values = [](const Conflict& c, const GoldConflict& gc) {
    int n = 0;
    for (const auto& gv : gc.values)
      for (const auto& v : c.values)
        if (!gv.empty() && ToLower(v.value).rfind(ToLower(gv), 0) == 0) {
          ++n;
          break;
        }
    return n;
  };
  for (const auto& gc : gold_.conflicts) {
    auto it = matched.find(gc.event);
    const Conflict* found = nullptr;
    int found_shared = -1;
    if (it != matched.end())
      for (const auto& cid : it->second->conflicts)
        for (const auto& c : run_.timeline.conflicts)
          if (c.id == cid && NormalizeAttribute(*it->second, c.attribute) == gc.attribute &&
              !found_conflicts.count(c.id))
            if (int n = shared_values(c, gc); n > found_shared) found = &c, found_shared = n;
    if (found) found_conflicts.insert(found->id);
    else r.details.push_back("missed conflict: " + gc.event + " " + gc.attribute);
  }
  size_t predicted = 0;
  for (const auto& c : run_.timeline.conflicts) {
    bool in_scope = false;
    for (const Event* e : scope) in_scope = in_scope || e->id == c.event;
    if (!in_scope) continue;
    ++predicted;
    if (!found_conflicts.count(c.id)) r.details.push_back("extra conflict: " + c.id + " " + c.explanation);
  }
  r.conflicts = {found_conflicts.size(), predicted, gold_.conflicts.size()};

  // Entity merges: pairs of surface forms that gold and system both know, in one entity or not.
  std::map<std::string, std::string> gold_of, system_of;
  for (const auto& ge : gold_.entities)
    for (const auto& n : ge.names) gold_of[n] = ge.id;
  for (const auto& e : run_.linked.entities) {
    system_of[e.name] = e.id;
    for (const auto& a : e.aliases) system_of[a] = e.id;
  }
  std::vector<std::string> forms;
  for (const auto& [f, id] : gold_of)
    if (system_of.count(f)) forms.push_back(f);
  for (size_t a = 0; a < forms.size(); ++a)
    for (size_t b = a + 1; b < forms.size(); ++b) {
      bool g = gold_of[forms[a]] == gold_of[forms[b]];
      bool s = system_of[forms[a]] == system_of[forms[b]];
      r.entity_merges.gold += g;
      r.entity_merges.predicted += s;
      r.entity_merges.true_positives += g && s;
      if (g && !s) r.details.push_back("unmerged names: " + forms[a] + " / " + forms[b]);
      if (s && !g) r.details.push_back("wrongly merged names: " + forms[a] + " / " + forms[b]);
    }

  // Annotated claims: the system claim in that document whose sentence holds the quote; of
  // several, one of the gold type, then one whose trigger lies inside the quote (a sentence
  // may tell two events of one type: "Jang was executed in 2013, and Hyon reportedly last year").
  for (const auto& gc : gold_.claims) {
    const Claim* found = nullptr;
    int found_rank = -1;
    for (const auto& c : run_.linked.claims) {
      if (c.document != gc.document) continue;
      size_t at = c.text.find(gc.quote);
      if (at == std::string_view::npos) continue;
      size_t qb = c.begin + at, qe = qb + gc.quote.size();
      bool inside = c.trigger_begin >= qb && c.trigger_end <= qe && c.trigger_end > c.trigger_begin;
      int rank = (c.type == gc.type) * 2 + inside;
      if (rank > found_rank) found = &c, found_rank = rank;
    }
    r.claim_modality.gold++;
    r.claim_attribution.gold++;
    if (!found) {
      r.details.push_back("missed claim: " + gc.document + ": " + gc.quote.substr(0, 60));
      continue;
    }
    r.claim_modality.predicted++;
    r.claim_attribution.predicted++;
    if (std::string(ToString(found->modality)) == gc.modality) r.claim_modality.true_positives++;
    else r.details.push_back("wrong modality: " + found->id + " " + std::string(ToString(found->modality)) + " (gold " + gc.modality + ")");
    auto canon = [&](const std::string& s) {
      const OutletRule* o = run_.rules.FindOutlet(s);
      return ToLower(o ? o->name : s);
    };
    bool same = found->attributed_to.size() == gc.attributed_to.size();
    for (size_t k = 0; same && k < gc.attributed_to.size(); ++k)
      same = canon(found->attributed_to[k]) == canon(gc.attributed_to[k]);
    if (same) {
      r.claim_attribution.true_positives++;
    } else {
      std::string sys;
      for (const auto& a : found->attributed_to) sys += (sys.empty() ? "" : " > ") + a;
      std::string gold;
      for (const auto& a : gc.attributed_to) gold += (gold.empty() ? "" : " > ") + a;
      r.details.push_back("wrong attribution: " + found->id + " [" + sys + "] (gold [" + gold + "])");
    }
  }
  std::sort(r.details.begin(), r.details.end());
  return r;
}

}  // namespace

EvalReport Evaluate(const RunResult& run, const Gold& gold) { return Scorer(run, gold).Score(); }

}  // namespace recon

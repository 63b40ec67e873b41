// Rule-pack loading: YAML files into a validated, layered RuleSet.
#include "recon/rules.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <re2/re2.h>

#include "sections.h"
#include "recon/text_util.h"
#include "yaml_reader.h"

namespace recon {

namespace fs = std::filesystem;

namespace {

// Checks a trigger/cue pattern: non-empty words, balanced optional brackets, `{source}` only
// where allowed. Returns "" when fine, else what is wrong.
std::string CheckPattern(const std::string& p, bool source_slot) {
  if (Trim(p).empty()) return "empty pattern";
  int depth = 0;
  for (char c : p) {
    if (c == '[') ++depth;
    if (c == ']' && --depth < 0) return "']' without '['";
    if (depth > 1) return "nested '[' is not supported";
  }
  if (depth != 0) return "'[' without ']'";
  size_t slots = 0;
  for (size_t pos = p.find('{'); pos != std::string::npos; pos = p.find('{', pos + 1)) {
    if (p.compare(pos, 8, "{source}") != 0) return "unknown placeholder at '" + p.substr(pos) + "'";
    ++slots;
  }
  if (source_slot && slots != 1) return "an attribution pattern needs exactly one {source}";
  if (source_slot && p.rfind("{source}", 0) != 0 && p.size() >= 8 &&
      p.compare(p.size() - 8, 8, "{source}") != 0)
    return "{source} must stand at the start or the end of the pattern";
  if (!source_slot && slots) return "{source} is only allowed in attribution patterns";
  const auto words = SplitWords(p);
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string& word = words[k];
    if (word == "*" || word == "|" || word.front() == '|' || word.back() == '|')
      return "empty alternative in '" + word + "'";
    // The matcher makes a word optional only when its brackets enclose it alone: "[to be]"
    // would be the words "[to" and "be]".
    if ((word.front() == '[') != (word.back() == ']'))
      return "brackets make one word optional each: write '[to] [be]', not '[to be]'";
    if (word.front() == '~') {
      if (word.size() != 2 || word[1] < '1' || word[1] > '9') return "a gap is '~1' to '~9', not '" + word + "'";
      if (k == 0 || k + 1 == words.size()) return "a gap '" + word + "' must stand between two words";
      if (source_slot) return "a gap is not allowed in attribution patterns";
    }
  }
  return "";
}

// Replaces the element with the same id, or appends. Within one file a repeated id is an error.
template <typename T>
void Upsert(std::vector<T>* items, T item, std::set<std::string>* ids_in_file, YamlReader& r,
            const YAML::Node& at) {
  if (!ids_in_file->insert(item.id).second) {
    r.Error(at, "rule-duplicate-id", "duplicate id '" + item.id + "' in this file");
    return;
  }
  for (auto& existing : *items) {
    if (existing.id == item.id) {
      existing = std::move(item);
      return;
    }
  }
  items->push_back(std::move(item));
}

class PackParser {
 public:
  PackParser(YamlReader& r, RuleSet* rules) : r_(r), rules_(rules) {}

  void Parse(const YAML::Node& root) {
    if (root.IsNull()) return;
    if (!r_.CheckKeys(root, {"pack", "description", "event_types", "entities", "ranks", "outlets",
                             "modality", "attribution", "boilerplate", "counts", "names", "numbers",
                             "resolver", "timex", "triggers"}))
      if (!root.IsMap()) return;
    ForEach(root, "event_types", [&](const YAML::Node& n) { EventType(n); });
    ForEach(root, "triggers", [&](const YAML::Node& n) { Trigger(n, ""); });
    ForEach(root, "entities", [&](const YAML::Node& n) { Entity(n); });
    ForEach(root, "ranks", [&](const YAML::Node& n) { Rank(n); });
    ForEach(root, "outlets", [&](const YAML::Node& n) { Outlet(n); });
    ForEach(root, "modality", [&](const YAML::Node& n) { ModalityCue(n); });
    ForEach(root, "attribution", [&](const YAML::Node& n) { Attribution(n); });
    ForEach(root, "boilerplate", [&](const YAML::Node& n) { Boilerplate(n); });
    ForEach(root, "counts", [&](const YAML::Node& n) { Count(n); });
    if (root["names"]) Names(root["names"]);
    if (root["numbers"]) Numbers(root["numbers"]);
    if (root["resolver"]) Resolver(root["resolver"]);
    if (root["timex"]) ParseTimexSection(root["timex"], r_, &rules_->timex);
  }

 private:
  template <typename F>
  void ForEach(const YAML::Node& root, const char* key, F f) {
    YAML::Node list = root[key];
    if (!list) return;
    if (!list.IsSequence()) {
      r_.Error(list, "rule-type", std::string("'") + key + "' must be a list");
      return;
    }
    for (const auto& item : list) {
      r_.reset_failed();
      f(item);
    }
  }

  RuleOrigin Origin(const YAML::Node& n) {
    return {r_.file(), YamlReader::Line(n), n.Mark().column >= 0 ? n.Mark().column + 1 : 0};
  }

  bool Patterns(const YAML::Node& n, const char* key, bool source_slot,
                std::vector<std::string>* out) {
    auto list = r_.StringList(n, key, true);
    if (!list) return false;
    for (size_t i = 0; i < list->size(); ++i) {
      std::string problem = CheckPattern((*list)[i], source_slot);
      if (!problem.empty()) {
        YAML::Node at = n[key].IsSequence() ? n[key][i] : n[key];
        r_.Error(at, "rule-bad-pattern", "bad pattern '" + (*list)[i] + "': " + problem);
        return false;
      }
    }
    *out = std::move(*list);
    return true;
  }

  void EventType(const YAML::Node& n) {
    if (!r_.CheckKeys(n, {"id", "label", "count_roles", "subject", "absorbs", "triggers", "leader_subject"})) return;
    EventTypeRule et;
    auto id = r_.String(n, "id", true);
    if (!id) return;
    et.id = *id;
    et.label = r_.String(n, "label", false).value_or(et.id);
    et.count_roles = r_.StringList(n, "count_roles", false).value_or(std::vector<std::string>{});
    et.absorbs = r_.StringList(n, "absorbs", false).value_or(std::vector<std::string>{});
    et.leader_subject = r_.Bool(n, "leader_subject").value_or(true);
    if (auto subject = r_.String(n, "subject", false)) {
      if (*subject != "agent" && *subject != "patient" && *subject != "none")
        r_.Error(n["subject"], "rule-value", "'subject' must be 'agent', 'patient' or 'none', not '" + *subject + "'");
      et.patient_subject = *subject == "patient";
      et.no_person_subject = *subject == "none";
    }
    et.origin = Origin(n);
    if (r_.failed()) return;
    Upsert(&rules_->event_types, et, &ids_, r_, n);
    YAML::Node triggers = n["triggers"];
    if (!triggers) return;
    if (!triggers.IsSequence()) {
      r_.Error(triggers, "rule-type", "'triggers' must be a list");
      return;
    }
    for (const auto& t : triggers) {
      r_.reset_failed();
      Trigger(t, et.id);
    }
  }

  // Nested under an event type, a trigger takes that type; in the top-level `triggers:` list (a
  // pack adding triggers to a type another pack defines) it names one with `event_type`, checked
  // once every pack is loaded.
  void Trigger(const YAML::Node& n, const std::string& type) {
    bool top_level = type.empty();
    std::vector<std::string_view> keys = {"id", "patterns", "modality", "confidence", "requires_near", "near_within",
                                          "near_side", "requires_subject", "generic", "subject", "corroborates_only",
                                          "kind", "answers", "not_after", "not_before", "not_near", "later_stage"};
    if (top_level) keys.insert(keys.begin() + 1, "event_type");
    if (!r_.CheckKeys(n, keys)) return;
    TriggerRule t;
    auto id = r_.String(n, "id", true);
    auto named_type = top_level ? r_.String(n, "event_type", true) : std::optional<std::string>(type);
    if (!id || !named_type || !Patterns(n, "patterns", false, &t.patterns)) return;
    t.id = *id;
    t.event_type = *named_type;
    if (auto m = r_.String(n, "modality", false)) {
      t.modality = ParseModality(*m);
      if (!t.modality) r_.Error(n["modality"], "rule-value", "unknown modality '" + *m + "'");
    }
    t.confidence = r_.Number(n, "confidence", false, 0, 1).value_or(0.8);
    t.requires_near = r_.StringList(n, "requires_near", false).value_or(std::vector<std::string>{});
    t.near_within = int(r_.Number(n, "near_within", false, 0, 50).value_or(0));
    for (const auto& w : r_.StringList(n, "not_after", false).value_or(std::vector<std::string>{}))
      t.not_after.push_back(ToLower(w));
    for (const auto& w : r_.StringList(n, "not_before", false).value_or(std::vector<std::string>{}))
      t.not_before.push_back(ToLower(w));
    for (const auto& w : r_.StringList(n, "not_near", false).value_or(std::vector<std::string>{}))
      t.not_near.push_back(ToLower(w));
    t.requires_subject = r_.Bool(n, "requires_subject").value_or(false);
    if (auto side = r_.String(n, "near_side", false)) {
      if (*side == "before") t.near_side = TriggerRule::Side::kBefore;
      else if (*side == "after") t.near_side = TriggerRule::Side::kAfter;
      else if (*side != "either")
        r_.Error(n["near_side"], "rule-value", "'near_side' must be before, after or either, not '" + *side + "'");
    }
    t.generic = r_.Bool(n, "generic").value_or(false);
    t.corroborates_only = r_.Bool(n, "corroborates_only").value_or(false);
    t.kind = r_.String(n, "kind", false).value_or("");
    t.answers = r_.Bool(n, "answers").value_or(false);
    t.later_stage = r_.Bool(n, "later_stage").value_or(false);
    if (auto subject = r_.String(n, "subject", false)) {
      if (*subject != "agent" && *subject != "patient")
        r_.Error(n["subject"], "rule-value", "'subject' must be 'agent' or 'patient', not '" + *subject + "'");
      t.patient_subject = *subject == "patient";
    }
    t.origin = Origin(n);
    if (!r_.failed()) Upsert(&rules_->triggers, std::move(t), &ids_, r_, n);
  }

  void Entity(const YAML::Node& n) {
    if (!r_.CheckKeys(n, {"id", "type", "name", "aliases", "attributes"})) return;
    EntityRule e;
    auto id = r_.String(n, "id", true);
    auto type = r_.String(n, "type", true);
    auto name = r_.String(n, "name", true);
    if (!id || !type || !name) return;
    auto t = ParseEntityType(*type);
    if (!t) {
      r_.Error(n["type"], "rule-value",
               "unknown entity type '" + *type + "' (person, organization, place, unit, other)");
      return;
    }
    e.id = *id, e.type = *t, e.name = *name;
    e.aliases = r_.StringList(n, "aliases", false).value_or(std::vector<std::string>{});
    e.attributes = r_.StringMap(n, "attributes").value_or(std::map<std::string, std::string>{});
    e.origin = Origin(n);
    if (!r_.failed()) Upsert(&rules_->entities, std::move(e), &ids_, r_, n);
  }

  void Rank(const YAML::Node& n) {
    if (!r_.CheckKeys(n, {"id", "family", "names", "level"})) return;
    RankRule rank;
    auto id = r_.String(n, "id", true);
    auto names = r_.StringList(n, "names", true);
    auto level = r_.Number(n, "level", true, -1000, 1000);
    if (!id || !names || !level) return;
    rank.id = *id, rank.names = *names, rank.level = int(*level);
    rank.family = r_.String(n, "family", false).value_or("military");
    rank.origin = Origin(n);
    if (!r_.failed()) Upsert(&rules_->ranks, std::move(rank), &ids_, r_, n);
  }

  void Outlet(const YAML::Node& n) {
    if (!r_.CheckKeys(n, {"id", "name", "variants", "reliability", "wire"})) return;
    OutletRule o;
    auto id = r_.String(n, "id", true);
    auto name = r_.String(n, "name", true);
    if (!id || !name) return;
    o.id = *id, o.name = *name;
    o.variants = r_.StringList(n, "variants", false).value_or(std::vector<std::string>{});
    o.reliability = r_.Number(n, "reliability", false, 0, 1).value_or(0.7);
    o.wire = r_.Bool(n, "wire").value_or(false);
    o.origin = Origin(n);
    if (!r_.failed()) Upsert(&rules_->outlets, std::move(o), &ids_, r_, n);
  }

  void ModalityCue(const YAML::Node& n) {
    if (!r_.CheckKeys(n, {"id", "modality", "patterns", "scope", "reach", "event_types",
                          "standalone", "active_only", "confidence", "unless"}))
      return;
    ModalityRule m;
    auto id = r_.String(n, "id", true);
    auto mod = r_.String(n, "modality", true);
    if (!id || !mod || !Patterns(n, "patterns", false, &m.patterns)) return;
    auto parsed = ParseModality(*mod);
    if (!parsed) {
      r_.Error(n["modality"], "rule-value", "unknown modality '" + *mod + "'");
      return;
    }
    if (auto scope = r_.String(n, "scope", false)) {
      if (*scope == "following") m.scope = ModalityRule::Scope::kFollowing;
      else if (*scope == "clause") m.scope = ModalityRule::Scope::kClause;
      else if (*scope == "sentence") m.scope = ModalityRule::Scope::kSentence;
      else {
        r_.Error(n["scope"], "rule-value", "unknown scope '" + *scope + "' (following, clause or sentence)");
        return;
      }
    }
    m.event_types = r_.StringList(n, "event_types", false).value_or(std::vector<std::string>{});
    m.reach = int(r_.Number(n, "reach", false, 0, 50).value_or(0));
    m.standalone = r_.Bool(n, "standalone").value_or(false);
    m.active_only = r_.Bool(n, "active_only").value_or(false);
    for (auto& w : r_.StringList(n, "unless", false).value_or(std::vector<std::string>{}))
      m.unless.push_back(ToLower(w));
    m.confidence = r_.Number(n, "confidence", false, 0, 1).value_or(0.5);
    m.id = *id, m.modality = *parsed, m.origin = Origin(n);
    Upsert(&rules_->modality, std::move(m), &ids_, r_, n);
  }

  void Attribution(const YAML::Node& n) {
    if (!r_.CheckKeys(n, {"id", "patterns", "relay", "inner", "subject", "credit"})) return;
    AttributionRule a;
    auto id = r_.String(n, "id", true);
    if (!id || !Patterns(n, "patterns", true, &a.patterns)) return;
    a.id = *id, a.origin = Origin(n);
    a.relay = r_.Bool(n, "relay").value_or(false);
    a.inner = r_.Bool(n, "inner").value_or(false);
    a.subject = r_.Bool(n, "subject").value_or(false);
    a.credit = r_.Bool(n, "credit").value_or(false);
    Upsert(&rules_->attribution, std::move(a), &ids_, r_, n);
  }

  void Boilerplate(const YAML::Node& n) {
    if (!r_.CheckKeys(n, {"id", "line", "block", "spares_prose", "caption", "ends_story"})) return;
    BoilerplateRule b;
    auto id = r_.String(n, "id", true);
    auto line = r_.String(n, "line", true);
    if (!id || !line) return;
    RE2::Options opts;
    opts.set_log_errors(false);
    opts.set_case_sensitive(false);
    RE2 re(*line, opts);
    if (!re.ok()) {
      r_.Error(n["line"], "rule-bad-pattern", "bad regular expression: " + re.error());
      return;
    }
    b.id = *id, b.line_pattern = *line, b.origin = Origin(n);
    b.block = r_.Bool(n, "block").value_or(false);
    b.caption = r_.Bool(n, "caption").value_or(false);
    b.ends_story = r_.Bool(n, "ends_story").value_or(false);
    b.spares_prose = r_.Bool(n, "spares_prose").value_or(false);
    Upsert(&rules_->boilerplate, std::move(b), &ids_, r_, n);
  }

  void Count(const YAML::Node& n) {
    if (!r_.CheckKeys(n, {"id", "role", "cues"})) return;
    CountRule c;
    auto id = r_.String(n, "id", true);
    auto role = r_.String(n, "role", true);
    if (!id || !role || !Patterns(n, "cues", false, &c.cues)) return;
    c.id = *id, c.role = *role, c.origin = Origin(n);
    Upsert(&rules_->counts, std::move(c), &ids_, r_, n);
  }

  void Names(const YAML::Node& n) {
    r_.reset_failed();
    if (!r_.CheckKeys(n, {"surnames", "titles", "descriptors", "stop_words", "abbreviations",
                          "reporting_verbs", "source_nouns", "surname_variants",
                          "auxiliaries", "pronouns", "first_person", "possessives", "prepositions", "relation_nouns", "adverbs", "female_pronouns", "female_nouns", "male_pronouns", "male_nouns",
                          "generic_cues", "measure_words", "part_pronouns", "cause_doubters", "report_nouns", "clause_openers",
                          "finite_markers", "agent_markers", "after_openers", "event_separators",
                          "when_openers", "peg_verbs", "coordinators", "question_openers", "party_pronouns", "clause_continuers", "statement_prefaces", "identify_verbs", "raising_verbs", "destination_markers",
                          "place_prepositions",
                          "descriptor_families", "outlet_nouns", "anonymity_words",
                          "vague_sources", "collective_nouns", "source_postmodifiers",
                          "carry_over_cues", "party_metonyms"}))
      return;
    auto add = [](std::vector<std::string>* to, std::optional<std::vector<std::string>> from) {
      if (!from) return;
      to->insert(to->end(), from->begin(), from->end());
      std::sort(to->begin(), to->end());
      to->erase(std::unique(to->begin(), to->end()), to->end());
    };
    add(&rules_->names.surnames, r_.StringList(n, "surnames", false));
    add(&rules_->names.titles, r_.StringList(n, "titles", false));
    add(&rules_->names.descriptors, r_.StringList(n, "descriptors", false));
    add(&rules_->names.stop_words, r_.StringList(n, "stop_words", false));
    add(&rules_->names.abbreviations, r_.StringList(n, "abbreviations", false));
    add(&rules_->names.reporting_verbs, r_.StringList(n, "reporting_verbs", false));
    add(&rules_->names.source_nouns, r_.StringList(n, "source_nouns", false));
    add(&rules_->names.auxiliaries, r_.StringList(n, "auxiliaries", false));
    add(&rules_->names.pronouns, r_.StringList(n, "pronouns", false));
    add(&rules_->names.first_person, r_.StringList(n, "first_person", false));
    add(&rules_->names.possessives, r_.StringList(n, "possessives", false));
    add(&rules_->names.prepositions, r_.StringList(n, "prepositions", false));
    add(&rules_->names.relation_nouns, r_.StringList(n, "relation_nouns", false));
    add(&rules_->names.adverbs, r_.StringList(n, "adverbs", false));
    add(&rules_->names.female_pronouns, r_.StringList(n, "female_pronouns", false));
    add(&rules_->names.female_nouns, r_.StringList(n, "female_nouns", false));
    add(&rules_->names.male_pronouns, r_.StringList(n, "male_pronouns", false));
    add(&rules_->names.male_nouns, r_.StringList(n, "male_nouns", false));
    add(&rules_->names.measure_words, r_.StringList(n, "measure_words", false));
    add(&rules_->names.part_pronouns, r_.StringList(n, "part_pronouns", false));
    add(&rules_->names.cause_doubters, r_.StringList(n, "cause_doubters", false));
    add(&rules_->names.report_nouns, r_.StringList(n, "report_nouns", false));
    add(&rules_->names.generic_cues, r_.StringList(n, "generic_cues", false));
    add(&rules_->names.clause_openers, r_.StringList(n, "clause_openers", false));
    add(&rules_->names.finite_markers, r_.StringList(n, "finite_markers", false));
    add(&rules_->names.agent_markers, r_.StringList(n, "agent_markers", false));
    add(&rules_->names.after_openers, r_.StringList(n, "after_openers", false));
    add(&rules_->names.event_separators, r_.StringList(n, "event_separators", false));
    add(&rules_->names.when_openers, r_.StringList(n, "when_openers", false));
    add(&rules_->names.peg_verbs, r_.StringList(n, "peg_verbs", false));
    add(&rules_->names.coordinators, r_.StringList(n, "coordinators", false));
    add(&rules_->names.question_openers, r_.StringList(n, "question_openers", false));
    add(&rules_->names.party_pronouns, r_.StringList(n, "party_pronouns", false));
    add(&rules_->names.clause_continuers, r_.StringList(n, "clause_continuers", false));
    add(&rules_->names.statement_prefaces, r_.StringList(n, "statement_prefaces", false));
    add(&rules_->names.identify_verbs, r_.StringList(n, "identify_verbs", false));
    add(&rules_->names.raising_verbs, r_.StringList(n, "raising_verbs", false));
    add(&rules_->names.destination_markers, r_.StringList(n, "destination_markers", false));
    add(&rules_->names.place_prepositions, r_.StringList(n, "place_prepositions", false));
    add(&rules_->names.outlet_nouns, r_.StringList(n, "outlet_nouns", false));
    add(&rules_->names.anonymity_words, r_.StringList(n, "anonymity_words", false));
    add(&rules_->names.vague_sources, r_.StringList(n, "vague_sources", false));
    add(&rules_->names.collective_nouns, r_.StringList(n, "collective_nouns", false));
    add(&rules_->names.source_postmodifiers, r_.StringList(n, "source_postmodifiers", false));
    add(&rules_->names.carry_over_cues, r_.StringList(n, "carry_over_cues", false));
    if (auto v = r_.StringMap(n, "party_metonyms"))
      for (auto& [from, to] : *v) rules_->names.party_metonyms[from] = to;
    if (auto v = r_.StringMap(n, "surname_variants"))
      for (auto& [from, to] : *v) rules_->names.surname_variants[from] = to;
    if (auto v = r_.StringMap(n, "descriptor_families"))
      for (auto& [from, to] : *v) rules_->names.descriptor_families[ToLower(from)] = to;
  }

  void Numbers(const YAML::Node& n) {
    if (!n.IsMap()) {
      r_.Error(n, "rule-type", "'numbers' must map words to numbers");
      return;
    }
    for (const auto& kv : n) {
      long v;
      if (!YAML::convert<long>::decode(kv.second, v)) {
        r_.Error(kv.second, "rule-type", "number word '" + kv.first.Scalar() + "' needs a whole number");
        continue;
      }
      rules_->numbers[ToLower(kv.first.Scalar())] = v;
    }
  }

  void Resolver(const YAML::Node& n) {
    r_.reset_failed();
    if (!r_.CheckKeys(n, {"same_event_threshold", "date_tolerance_days", "count_tolerance",
                          "truth_iterations", "copy_penalty", "unnamed_link_threshold", "max_candidates",
                          "unnamed_merge_threshold", "relation_tolerance_days", "event_span_days",
                          "truth_method", "event_calibration_a", "event_calibration_b"}))
      return;
    auto& s = rules_->resolver;
    s.same_event_threshold = r_.Number(n, "same_event_threshold", false, 0, 1).value_or(s.same_event_threshold);
    s.date_tolerance_days = r_.Number(n, "date_tolerance_days", false, 0, 3650).value_or(s.date_tolerance_days);
    s.count_tolerance = r_.Number(n, "count_tolerance", false, 0, 1).value_or(s.count_tolerance);
    s.truth_iterations = int(r_.Number(n, "truth_iterations", false, 1, 1000).value_or(s.truth_iterations));
    s.copy_penalty = r_.Number(n, "copy_penalty", false, 0, 1).value_or(s.copy_penalty);
    s.unnamed_link_threshold = r_.Number(n, "unnamed_link_threshold", false, 0, 1).value_or(s.unnamed_link_threshold);
    s.unnamed_merge_threshold = r_.Number(n, "unnamed_merge_threshold", false, 0, 1).value_or(s.unnamed_merge_threshold);
    s.max_candidates = int(r_.Number(n, "max_candidates", false, 0, 1000).value_or(s.max_candidates));
    s.event_span_days = r_.Number(n, "event_span_days", false, 0, 36525).value_or(s.event_span_days);
    if (YAML::Node t = n["relation_tolerance_days"]) {
      if (!t.IsMap()) {
        r_.Error(t, "rule-type", "'relation_tolerance_days' must map time units to days");
        return;
      }
      for (const auto& kv : t) {
        std::string unit = kv.first.Scalar();
        static const std::set<std::string> kUnits = {"day",  "week",   "weekend", "month",
                                                     "quarter", "half", "season", "year",
                                                     "decade", "century", "hour", "minute"};
        double days;
        if (!kUnits.count(unit)) {
          r_.Error(kv.first, "rule-value", "unknown time unit '" + unit + "'");
        } else if (!YAML::convert<double>::decode(kv.second, days) || days < 0 || days > 36525) {
          r_.Error(kv.second, "rule-type", "tolerance of '" + unit + "' must be a number of days, 0..36525");
        } else {
          s.relation_tolerance_days[unit] = days;
        }
      }
    }
    if (auto m = r_.String(n, "truth_method", false)) {
      if (*m == "vote" || *m == "truthfinder" || *m == "accu" || *m == "accucopy")
        s.truth_method = *m;
      else
        r_.Error(n["truth_method"], "rule-value", "truth_method must be vote, truthfinder, accu or accucopy");
    }
    s.event_calibration_a = r_.Number(n, "event_calibration_a", false, -100, 100).value_or(s.event_calibration_a);
    s.event_calibration_b = r_.Number(n, "event_calibration_b", false, -100, 100).value_or(s.event_calibration_b);
  }

  YamlReader& r_;
  RuleSet* rules_;
  std::set<std::string> ids_;
};

}  // namespace

void LoadRulePackText(const std::string& text, const std::string& file_name, RuleSet* rules,
                      Diagnostics* diags) {
  YamlReader reader(file_name, diags);
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    diags->Error(file_name, e.mark.line + 1, e.mark.column + 1, "rule-yaml",
                 "not valid YAML: " + e.msg);
    return;
  }
  try {
    PackParser(reader, rules).Parse(root);
  } catch (const YAML::Exception& e) {
    diags->Error(file_name, e.mark.line + 1, e.mark.column + 1, "rule-yaml", e.msg);
  }
  // A trigger may only name a type some pack defines; checked after layering in LoadRules too.
  rules->files.push_back(file_name);
}

static void CheckCrossReferences(RuleSet* rules, Diagnostics* diags) {
  auto& t = rules->triggers;
  t.erase(std::remove_if(t.begin(), t.end(),
                         [&](const TriggerRule& tr) {
                           if (rules->FindEventType(tr.event_type)) return false;
                           diags->Error(tr.origin.file, tr.origin.line, tr.origin.column,
                                        "rule-reference",
                                        "trigger '" + tr.id + "' names unknown event type '" +
                                            tr.event_type + "'");
                           return true;
                         }),
          t.end());
}

RuleSet LoadRules(const std::vector<std::string>& dirs, Diagnostics* diags) {
  RuleSet rules;
  for (const auto& dir : dirs) {
    std::vector<fs::path> files;
    std::error_code ec;
    if (fs::is_regular_file(dir, ec)) {
      files.push_back(dir);
    } else if (fs::is_directory(dir, ec)) {
      for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.is_regular_file() && (entry.path().extension() == ".yaml" ||
                                        entry.path().extension() == ".yml"))
          files.push_back(entry.path());
      std::sort(files.begin(), files.end());
    } else {
      diags->Error(dir, 0, 0, "rule-path", "no such rule file or directory");
      continue;
    }
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      if (!in) {
        diags->Error(f.string(), 0, 0, "rule-read", "cannot read rule pack");
        continue;
      }
      LoadRulePackText(ss.str(), f.string(), &rules, diags);
    }
  }
  CheckCrossReferences(&rules, diags);
  return rules;
}

const OutletRule* RuleSet::FindOutlet(std::string_view name) const {
  std::string_view key = Trim(name);
  for (const auto& o : outlets) {
    if (EqualsIgnoreCase(o.name, key) || EqualsIgnoreCase(o.id, key)) return &o;
    for (const auto& v : o.variants)
      if (EqualsIgnoreCase(v, key)) return &o;
  }
  return nullptr;
}

const EventTypeRule* RuleSet::FindEventType(std::string_view id) const {
  for (const auto& e : event_types)
    if (e.id == id) return &e;
  return nullptr;
}

const TriggerRule* RuleSet::FindTrigger(std::string_view id) const {
  for (const auto& t : triggers)
    if (t.id == id) return &t;
  return nullptr;
}

std::string DefaultRulesDir() {
  if (const char* env = std::getenv("RECON_RULES_DIR")) return env;
  return std::string(RECON_SOURCE_DIR) + "/rules";
}

}  // namespace recon

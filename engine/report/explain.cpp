// `recon explain`: the reasoning behind one event, from the claims and rules up to the resolved
// attributes and the conflicts, in plain text.
#include <map>

#include "recon/text_util.h"
#include "report_internal.h"

namespace recon::report {

namespace {

const Event* FindEvent(const RunResult& run, std::string_view query) {
  std::string q = ToLower(Trim(query));
  if (q.empty()) return nullptr;
  for (const auto& e : run.timeline.events)
    if (ToLower(e.id) == q) return &e;
  for (const auto& e : run.timeline.events)
    if (ToLower(e.label).find(q) != std::string::npos) return &e;
  return nullptr;
}

void WriteClaim(const Claim& c, const ReportIndex& index, std::ostream& out) {
  out << "  " << c.id << "  [" << (c.source.empty() ? "unknown source" : c.source) << "]  "
      << c.type << ", " << ToString(c.modality) << ", rule " << (c.rule.empty() ? "-" : c.rule)
      << ", confidence " << Percentish(c.confidence) << "\n";
  out << "      \"" << OneLine(index.Sentence(c)) << "\"\n";
  if (const Document* d = index.document(c.document)) {
    out << "      document " << d->id;
    if (!d->title.empty()) out << " \"" << OneLine(d->title) << "\"";
    if (d->published) out << ", published " << ToIso(*d->published);
    if (!d->path.empty()) out << ", " << d->path;
    out << "\n";
  }
  if (!c.attributed_to.empty()) out << "      attribution: " << Join(c.attributed_to, " <- ") << "\n";
  out << "      date: ";
  if (c.date.known()) {
    out << Describe(c.date) << " (" << ToString(c.date.granularity) << ")";
    if (!c.date_expression.empty()) out << " from \"" << OneLine(c.date_expression) << "\"";
    if (!c.date_value.empty()) out << " = " << c.date_value;
  } else {
    out << "none given";
  }
  out << "\n";
  for (const auto& p : c.participants) {
    out << "      " << p.role << ": \"" << OneLine(p.mention) << "\" -> ";
    if (!p.entity.empty()) out << index.EntityName(p.entity) << " (" << p.entity << ")";
    else out << "unresolved" << (p.descriptor.empty() ? "" : " " + p.descriptor);
    out << "\n";
  }
  for (const auto& [k, v] : c.attributes) out << "      " << k << " = " << OneLine(v) << "\n";
}

}  // namespace

bool Explain(const RunResult& run, std::string_view query, std::ostream& out) {
  const Event* e = FindEvent(run, query);
  if (!e) return false;
  ReportIndex index(run);
  out << e->id << "  " << Describe(e->date) << "  " << index.TypeLabel(e->type) << "  confidence "
      << Percentish(e->confidence) << "\n  " << OneLine(e->label) << "\n";
  out << "  date: " << Describe(e->date) << ", " << ToString(e->date.granularity) << " precision";
  if (e->date.qualifier != Qualifier::kNone) out << ", " << ToString(e->date.qualifier);
  out << "\n  sources: " << (e->sources.empty() ? "-" : Join(e->sources, ", ")) << "\n";

  if (!e->participants.empty()) {
    out << "\nParticipants\n";
    for (const auto& p : e->participants) {
      out << "  " << p.role << ": " << (p.name.empty() ? index.EntityName(p.entity) : p.name);
      if (!p.entity.empty()) out << " (" << p.entity << ")";
      out << ", confidence " << Percentish(p.confidence) << "\n";
    }
  }

  out << "\nClaims (" << e->claims.size() << ")\n";
  std::map<std::string, size_t> rules;  // sorted by rule id
  for (const auto& id : e->claims) {
    const Claim* c = index.claim(id);
    if (!c) {
      out << "  " << id << "  (not in this run's claims)\n";
      continue;
    }
    WriteClaim(*c, index, out);
    ++rules[c->rule.empty() ? "-" : c->rule];
  }

  out << "\nRules that fired\n";
  for (const auto& [rule, n] : rules) out << "  " << rule << "  " << n << (n == 1 ? " claim\n" : " claims\n");

  std::vector<const CandidateLink*> candidates;
  for (const auto& c : run.linked.candidates)
    for (const auto& id : e->claims)
      if (c.claim == id) candidates.push_back(&c);
  if (!candidates.empty()) {
    out << "\nPossible identities (not merged)\n";
    for (const auto* c : candidates)
      out << "  " << c->claim << ": may be " << index.EntityName(c->entity) << " (" << c->entity
          << "), confidence " << Percentish(c->confidence) << ": " << OneLine(c->reason) << "\n";
  }

  if (!e->attributes.empty()) {
    out << "\nAttributes\n";
    for (const auto& a : e->attributes) {
      out << "  " << a.name << " = \"" << OneLine(a.value) << "\"  confidence "
          << Percentish(a.confidence) << "\n";
      for (const auto& v : a.alternatives) {
        out << "    " << (v.value == a.value ? "* " : "  ") << "\"" << OneLine(v.value) << "\"  "
            << Percentish(v.confidence) << "  sources: " << (v.sources.empty() ? "-" : Join(v.sources, ", "))
            << "  claims: " << Join(v.claims, ", ") << "\n";
      }
    }
  }

  // The claim graph's edges among this event's claims: why they were grouped together.
  std::map<std::string_view, bool> mine;
  for (const auto& id : e->claims) mine[id] = true;
  std::vector<const Link*> links;
  for (const auto& l : run.timeline.links)
    if (mine.count(l.from) || mine.count(l.to)) links.push_back(&l);
  if (!links.empty()) {
    out << "\nLinks\n";
    for (const auto* l : links) {
      out << "  " << l->from << (l->relation == Relation::kCites ? " -> " : " -- ") << l->to << "  "
          << ToString(l->relation);
      if (!l->attribute.empty()) out << " (" << l->attribute << ")";
      out << "  weight " << Percentish(l->weight) << "\n";
    }
  }

  out << "\nConflicts\n";
  if (e->conflicts.empty()) out << "  none: the sources agree, or only one source speaks\n";
  for (const auto& id : e->conflicts) {
    if (const Conflict* c = index.conflict(id)) WriteConflictText(*c, index, "  ", out);
    else out << "  " << id << "\n";
  }
  return true;
}

}  // namespace recon::report

namespace recon {
bool WriteExplain(const RunResult& run, std::string_view query, std::ostream& out) {
  return report::Explain(run, query, out);
}
}  // namespace recon

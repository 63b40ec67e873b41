// The plain-text reports: the default timeline table, and `recon conflicts` (most severe first).
#include <algorithm>

#include "report_internal.h"

namespace recon::report {

namespace {

std::string Pad(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

std::string ValuesLine(const Conflict& c) {
  std::vector<std::string> parts;
  for (const auto& v : c.values) {
    std::string p = "\"";
    p += OneLine(v.value);
    p += "\" (";
    p += Percentish(v.confidence);
    if (!v.sources.empty()) p += "; " + Join(v.sources, ", ");
    parts.push_back(p + ")");
  }
  return Join(parts, " vs ");
}

}  // namespace

void WriteConflictText(const Conflict& c, const ReportIndex& index, std::string_view indent,
                       std::ostream& out) {
  const Event* e = index.event(c.event);
  out << indent << c.id << "  severity " << Percentish(c.severity) << "  " << c.event;
  if (e) out << " (" << OneLine(e->label) << ")";
  out << "  attribute: " << c.attribute << "\n";
  if (!c.explanation.empty()) out << indent << "  why: " << OneLine(c.explanation) << "\n";
  for (const auto& v : c.values) {
    out << indent << "  - \"" << OneLine(v.value) << "\"  confidence " << Percentish(v.confidence);
    if (!v.sources.empty()) out << "  sources: " << Join(v.sources, ", ");
    out << "\n";
    for (const auto& id : v.claims) {
      const Claim* claim = index.claim(id);
      out << indent << "      " << id;
      if (claim) {
        if (!claim->source.empty()) out << " [" << claim->source << "]";
        out << " \"" << OneLine(index.Sentence(*claim)) << "\"";
      }
      out << "\n";
    }
  }
}

void WriteTable(const RunResult& run, std::ostream& out) {
  ReportIndex index(run);
  const auto& events = run.timeline.events;
  const auto& conflicts = run.timeline.conflicts;
  out << "recon timeline: " << Count(events.size(), "event") << ", "
      << Count(conflicts.size(), "conflict") << ", from " << Count(run.linked.claims.size(), "claim")
      << " in " << Count(run.corpus.documents.size(), "document") << "\n";
  if (events.empty()) {
    out << "\nNo events found.\n";
    return;
  }
  size_t id_w = 2, date_w = 4, type_w = 4;
  std::vector<std::string> dates;
  for (const auto& e : events) {
    dates.push_back(Describe(e.date));
    id_w = std::max(id_w, e.id.size());
    date_w = std::max(date_w, dates.back().size());
    type_w = std::max(type_w, e.type.size());
  }
  std::string indent(id_w + date_w + type_w + 12, ' ');
  out << "\n" << Pad("ID", id_w) << "  " << Pad("DATE", date_w) << "  " << Pad("TYPE", type_w)
      << "  CONF  EVENT\n";
  for (size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    out << Pad(e.id, id_w) << "  " << Pad(dates[i], date_w) << "  " << Pad(e.type, type_w) << "  "
        << Percentish(e.confidence) << "  " << OneLine(e.label) << "\n";
    out << indent << "sources: " << (e.sources.empty() ? "-" : Join(e.sources, ", ")) << " ("
        << Count(e.claims.size(), "claim") << ")\n";
    for (const auto& cid : e.conflicts) {
      const Conflict* c = index.conflict(cid);
      out << indent << "conflict " << cid;
      if (c) out << " on " << c->attribute << ": " << ValuesLine(*c);
      out << "\n";
    }
  }
  if (!conflicts.empty()) {
    out << "\nConflicts\n";
    for (const auto& c : conflicts) {
      out << Pad(c.id, id_w) << "  " << c.event << "  " << c.attribute << "  severity "
          << Percentish(c.severity) << "  " << ValuesLine(c) << "\n";
      if (!c.explanation.empty()) out << std::string(id_w + 2, ' ') << OneLine(c.explanation) << "\n";
    }
  }
}

void WriteConflictsText(const RunResult& run, std::ostream& out) {
  ReportIndex index(run);
  std::vector<const Conflict*> order;
  for (const auto& c : run.timeline.conflicts) order.push_back(&c);
  std::stable_sort(order.begin(), order.end(), [](const Conflict* a, const Conflict* b) {
    double sa = Round4(a->severity), sb = Round4(b->severity);
    if (sa != sb) return sa > sb;
    // "C2" before "C10": shorter ids first, then by text.
    if (a->id.size() != b->id.size()) return a->id.size() < b->id.size();
    return a->id < b->id;
  });
  if (order.empty()) {
    out << "No conflicts: the sources agree on every resolved attribute.\n";
    return;
  }
  out << Count(order.size(), "conflict") << ", most severe first\n";
  for (const Conflict* c : order) {
    out << "\n";
    WriteConflictText(*c, index, "", out);
  }
}

}  // namespace recon::report

namespace recon {
void WriteConflicts(const RunResult& run, std::ostream& out) { report::WriteConflictsText(run, out); }
}  // namespace recon

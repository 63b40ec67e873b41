// The Markdown brief (--format markdown): the timeline as a table, then each conflict with the
// quoted sentences on each side and the sources behind them. Article text is escaped so that a
// renderer shows it as text, never as markup or raw HTML.
#include "report_internal.h"

namespace recon::report {

namespace {

// One line of inline text with Markdown's punctuation backslash-escaped (CommonMark allows a
// backslash before any ASCII punctuation), so `<script>` stays text and `|` cannot split a cell.
std::string Md(std::string_view s) {
  std::string out;
  for (char c : OneLine(s)) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
      case '|': case '#': case '!': case '~': case '&':
        out += '\\';
        [[fallthrough]];
      default: out += c;
    }
  }
  return out;
}

std::string Sources(const std::vector<std::string>& sources) {
  if (sources.empty()) return "unknown source";
  std::vector<std::string> escaped;
  for (const auto& s : sources) escaped.push_back(Md(s));
  return Join(escaped, ", ");
}

}  // namespace

void WriteMarkdown(const RunResult& run, std::ostream& out) {
  ReportIndex index(run);
  const auto& events = run.timeline.events;
  out << "# Timeline\n\n"
      << Count(events.size(), "event") << " and " << Count(run.timeline.conflicts.size(), "conflict")
      << ", from " << Count(run.linked.claims.size(), "claim") << " in "
      << Count(run.corpus.documents.size(), "document") << ".\n\n";
  if (!events.empty()) {
    out << "| Date | Event | Type | Confidence | Sources |\n|---|---|---|---|---|\n";
    for (const auto& e : events) {
      out << "| " << Md(Describe(e.date)) << " | " << Md(e.label) << " (" << e.id;
      if (!e.conflicts.empty()) out << "; conflict " << Md(Join(e.conflicts, ", "));
      out << ") | " << Md(index.TypeLabel(e.type)) << " | " << Percentish(e.confidence) << " | "
          << Sources(e.sources) << " |\n";
    }
    out << "\n";
  }
  if (run.timeline.conflicts.empty()) return;
  out << "## Conflicts\n";
  for (const auto& c : run.timeline.conflicts) {
    const Event* e = index.event(c.event);
    out << "\n### " << c.id << ": " << Md(c.attribute) << " of " << c.event;
    if (e) out << " (" << Md(e->label) << ")";
    out << "\n\nSeverity " << Percentish(c.severity) << ".";
    if (!c.explanation.empty()) out << " " << Md(c.explanation);
    out << "\n";
    for (const auto& v : c.values) {
      out << "\n- **" << Md(v.value) << "** (confidence " << Percentish(v.confidence) << "), from "
          << Sources(v.sources) << ":\n";
      for (const auto& id : v.claims) {
        const Claim* claim = index.claim(id);
        if (!claim) {
          out << "  - claim " << Md(id) << "\n";
          continue;
        }
        out << "\n  > \"" << Md(index.Sentence(*claim)) << "\" ("
            << Md(claim->source.empty() ? "unknown source" : claim->source) << ", "
            << Md(claim->document) << ")\n";
      }
    }
  }
}

}  // namespace recon::report

// The HTML report (--format html): one self-contained file that works offline. The page is
// readable without script (a static list of events and conflicts, escaped here); a small inline
// script adds the SVG timeline with zoom, filters and a details panel, reading the run from
// JSON embedded in a <script type="application/json"> element. See docs/report.md for why.
#include "report_internal.h"

namespace recon::report {

namespace {

constexpr std::string_view kScript =
#include "html_script.inc"
    ;

constexpr std::string_view kStyle = R"CSS(
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header,#controls,main{padding:0 20px}header h1{margin:16px 0 4px;font-size:20px}
.summary{color:#555;margin:0 0 10px}#controls{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin-bottom:8px}
#controls label{font-size:13px}select,button{font:inherit}
#timeline{width:100%;background:#fff;border-top:1px solid #ddd;border-bottom:1px solid #ddd;cursor:grab;user-select:none}
.lane{fill:#fff}.lane.odd{fill:#f3f5f8}.lane-label{font-size:11px;fill:#444}
.tick{stroke:#ddd}.tick-label{font-size:10px;fill:#666}
.event .mark{fill:#2b6cb0;stroke:#1a4480}.event .mark.open{fill-opacity:.45;stroke-dasharray:3 2}
.event.selected .mark{stroke:#000;stroke-width:2}.svg-conflict{fill:#d62828}.event{cursor:pointer}
main{display:grid;grid-template-columns:minmax(280px,1fr) minmax(320px,1.3fr);gap:20px}
#events ol{padding-left:18px}#events li{cursor:pointer;margin:3px 0}#events li:hover{background:#eef}
.date{font-variant-numeric:tabular-nums;color:#333}.type{color:#666;font-size:12px}.conf{color:#666;font-size:12px}
.conflict-marker{color:#b00020;font-weight:600}
#details{background:#fff;border:1px solid #ddd;padding:4px 14px;margin-top:12px;align-self:start}
#details .meta{color:#555}blockquote{margin:6px 0 2px;padding:4px 10px;border-left:3px solid #2b6cb0;background:#f6f8fb}
.conflict blockquote{border-left-color:#d62828}.cite{margin:0 0 8px;color:#666;font-size:12px}
table{border-collapse:collapse}td{padding:2px 8px;border-bottom:1px solid #eee}tr.chosen td{font-weight:600}
)CSS";

}  // namespace

void WriteHtml(const RunResult& run, std::ostream& out) {
  ReportIndex index(run);
  const auto& tl = run.timeline;
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         // Nothing is fetched, and only the script whose hash is given may run: even if escaping
         // failed, an article's script would be blocked.
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; script-src 'sha256-"
      << Sha256Base64(kScript) << "'\">\n"
         "<title>recon timeline</title>\n<style>"
      << kStyle << "</style>\n</head>\n<body>\n<header>\n<h1>recon timeline</h1>\n<p class=\"summary\">"
      << Count(tl.events.size(), "event") << ", " << Count(tl.conflicts.size(), "conflict")
      << ", from " << Count(run.linked.claims.size(), "claim") << " in "
      << Count(run.corpus.documents.size(), "document") << ".</p>\n</header>\n"
      << "<div id=\"controls\">\n"
         "<label>Type <select id=\"f-type\"><option value=\"\">all</option></select></label>\n"
         "<label>Entity <select id=\"f-entity\"><option value=\"\">all</option></select></label>\n"
         "<label>Source <select id=\"f-source\"><option value=\"\">all</option></select></label>\n"
         "<label><input type=\"checkbox\" id=\"f-conflict\"> conflicts only</label>\n"
         "<button id=\"zoom-in\" type=\"button\">zoom in</button>"
         "<button id=\"zoom-out\" type=\"button\">zoom out</button>"
         "<button id=\"zoom-reset\" type=\"button\">reset</button>\n"
         "<span class=\"summary\">wheel to zoom, drag to pan, click an event for its evidence</span>\n"
         "</div>\n<svg id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
         "aria-label=\"timeline of events by type\"></svg>\n<main>\n<section id=\"events\">\n"
         "<h2>Events</h2>\n<ol>\n";
  for (const auto& e : tl.events) {
    out << "<li data-event=\"" << HtmlEscape(e.id) << "\"><span class=\"date\">"
        << HtmlEscape(Describe(e.date)) << "</span> " << HtmlEscape(OneLine(e.label))
        << " <span class=\"type\">" << HtmlEscape(index.TypeLabel(e.type))
        << "</span> <span class=\"conf\">" << Percentish(e.confidence) << "</span>";
    for (const auto& c : e.conflicts)
      out << " <span class=\"conflict-marker\" title=\"conflict\">&#9888; " << HtmlEscape(c) << "</span>";
    out << "<br><span class=\"type\">" << HtmlEscape(Join(e.sources, ", ")) << "</span></li>\n";
  }
  out << "</ol>\n";
  if (!tl.conflicts.empty()) {
    out << "<h2>Conflicts</h2>\n<ul>\n";
    for (const auto& c : tl.conflicts) {
      out << "<li><span class=\"conflict-marker\">" << HtmlEscape(c.id) << "</span> "
          << HtmlEscape(c.event) << " " << HtmlEscape(c.attribute) << ": ";
      for (size_t i = 0; i < c.values.size(); ++i)
        out << (i ? " vs " : "") << HtmlEscape(c.values[i].value) << " ("
            << Percentish(c.values[i].confidence) << ")";
      out << " &mdash; severity " << Percentish(c.severity) << "</li>\n";
    }
    out << "</ul>\n";
  }
  out << "</section>\n<section id=\"details\"><p>Select an event to see its claims, sources and "
         "conflicts.</p></section>\n</main>\n"
      << "<script type=\"application/json\" id=\"recon-data\">" << ScriptSafeJson(BuildJson(run))
      << "</script>\n<script>" << kScript << "</script>\n</body>\n</html>\n";
}

}  // namespace recon::report

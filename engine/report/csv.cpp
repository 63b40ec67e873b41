// CSV (--format csv [--csv-table events|claims]): one table per file, RFC 4180 quoting and CRLF
// line ends, ISO dates with a precision column. Lists inside a cell are joined with "; ".
#include "report_internal.h"

namespace recon::report {

namespace {

// RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled.
std::string Field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Free text from articles: a leading = + - @ or tab would make a spreadsheet evaluate the cell
// as a formula, so such text gets a leading apostrophe (the OWASP advice for CSV injection).
std::string TextField(std::string_view s) {
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
                     s[0] == '\r')) {
    std::string guarded = "'";
    guarded += s;
    return Field(guarded);
  }
  return Field(s);
}

void Row(const std::vector<std::string>& cells, std::ostream& out) {
  for (size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << cells[i];
  out << "\r\n";
}

std::string Number(double x) { return Dump(Json(Round4(x)), -1); }

void Events(const RunResult& run, std::ostream& out) {
  ReportIndex index(run);
  Row({"id", "start", "end", "precision", "qualifier", "display_date", "type", "label",
       "confidence", "participants", "sources", "claims", "conflicts"},
      out);
  for (const auto& e : run.timeline.events) {
    std::vector<std::string> parts;
    for (const auto& p : e.participants)
      parts.push_back(p.role + ": " + (p.name.empty() ? index.EntityName(p.entity) : p.name));
    Row({Field(e.id), ToIso(e.date.start), ToIso(e.date.end),
         std::string(ToString(e.date.granularity)), std::string(ToString(e.date.qualifier)),
         Field(Describe(e.date)), Field(e.type), TextField(e.label), Number(e.confidence),
         TextField(Join(parts, "; ")), TextField(Join(e.sources, "; ")),
         Field(Join(e.claims, "; ")), Field(Join(e.conflicts, "; "))},
        out);
  }
}

void Claims(const RunResult& run, std::ostream& out) {
  ReportIndex index(run);
  Row({"id", "event", "document", "source", "type", "start", "end", "precision", "qualifier",
       "date_expression", "modality", "attributed_to", "rule", "confidence", "span_begin",
       "span_end", "text"},
      out);
  for (const auto& c : run.linked.claims) {
    const Event* e = index.event_of_claim(c.id);
    Row({Field(c.id), e ? Field(e->id) : "", Field(c.document), TextField(c.source),
         Field(c.type), ToIso(c.date.start), ToIso(c.date.end),
         std::string(ToString(c.date.granularity)), std::string(ToString(c.date.qualifier)),
         TextField(c.date_expression), std::string(ToString(c.modality)),
         TextField(Join(c.attributed_to, "; ")), Field(c.rule), Number(c.confidence),
         std::to_string(c.begin), std::to_string(c.end), TextField(index.Sentence(c))},
        out);
  }
}

}  // namespace

void WriteCsv(const RunResult& run, CsvTable table, std::ostream& out) {
  if (table == CsvTable::kClaims) Claims(run, out);
  else Events(run, out);
}

}  // namespace recon::report

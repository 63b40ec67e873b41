// Report stage: the timeline as text for people (table, markdown, html) and tools (json, csv,
// timelinejs, graphml, dot, timesketch). Every writer reads the RunResult and nothing else, and
// writes the same bytes for the same run. Article text is untrusted: each format escapes it for
// its own syntax (HTML, XML, CSV, DOT, JSON inside <script>).
#ifndef RECON_REPORT_H_
#define RECON_REPORT_H_

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "recon/pipeline.h"

namespace recon {

enum class ReportFormat {
  kTable, kMarkdown, kJson, kCsv, kHtml, kTimelineJs, kGraphMl, kDot, kTimesketch
};

// Which table `--format csv` writes: one CSV file holds one table (RFC 4180 has no sections).
enum class CsvTable { kEvents, kClaims };

struct ReportOptions {
  CsvTable csv_table = CsvTable::kEvents;  // the table csv writes. Default: events
};

// The format named `name` ("table", "json", ...); nullopt for an unknown name.
std::optional<ReportFormat> ParseReportFormat(std::string_view name);
// The names accepted by ParseReportFormat, in help order.
std::vector<std::string> ReportFormatNames();
// "events" or "claims"; nullopt otherwise.
std::optional<CsvTable> ParseCsvTable(std::string_view name);

// Writes the run's timeline in `format`. Byte-identical for identical runs.
void WriteReport(const RunResult& run, ReportFormat format, std::ostream& out,
                 const ReportOptions& options = {});

// Writes only the conflicts, most severe first (severity descending, then id), each with its
// values and the sentences and sources behind them.
void WriteConflicts(const RunResult& run, std::ostream& out);

// Explains one event: the claims behind it, their sources and attribution chains, the rules that
// fired, how each attribute was resolved, and why each conflict was flagged. `query` is an event
// id ("E3", any case) or, failing that, text found in an event label (first match, any case).
// Returns false, writing nothing, when no event matches.
bool WriteExplain(const RunResult& run, std::string_view query, std::ostream& out);

}  // namespace recon

#endif  // RECON_REPORT_H_

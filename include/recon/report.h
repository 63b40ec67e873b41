// Report stage: the timeline as text for people (table, markdown, html) and tools (json, csv,
// timelinejs, graphml, dot, timesketch).
#ifndef RECON_REPORT_H_
#define RECON_REPORT_H_

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "recon/pipeline.h"

namespace recon {

enum class ReportFormat { kTable, kMarkdown, kJson, kCsv, kHtml, kTimelineJs, kGraphMl, kDot, kTimesketch };

std::optional<ReportFormat> ParseReportFormat(std::string_view name);
// The names accepted by ParseReportFormat, in help order.
std::vector<std::string> ReportFormatNames();

// Writes the run's timeline in `format`. Byte-identical for identical runs.
void WriteReport(const RunResult& run, ReportFormat format, std::ostream& out);

// Writes only the conflicts, most severe first.
void WriteConflicts(const RunResult& run, std::ostream& out);

}  // namespace recon

#endif  // RECON_REPORT_H_

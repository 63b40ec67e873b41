// The report stage's front door: format names, and dispatch to one writer per format.
#include "recon/report.h"

#include <array>
#include <utility>

#include "report_internal.h"

namespace recon {

namespace {
// Help order: people's formats first, then the tools'.
constexpr std::array<std::pair<std::string_view, ReportFormat>, 9> kFormats = {{
    {"table", ReportFormat::kTable},
    {"markdown", ReportFormat::kMarkdown},
    {"html", ReportFormat::kHtml},
    {"json", ReportFormat::kJson},
    {"csv", ReportFormat::kCsv},
    {"timelinejs", ReportFormat::kTimelineJs},
    {"graphml", ReportFormat::kGraphMl},
    {"dot", ReportFormat::kDot},
    {"timesketch", ReportFormat::kTimesketch},
}};
}  // namespace

std::optional<ReportFormat> ParseReportFormat(std::string_view name) {
  for (const auto& [n, f] : kFormats)
    if (n == name) return f;
  return std::nullopt;
}

std::vector<std::string> ReportFormatNames() {
  std::vector<std::string> names;
  for (const auto& [n, f] : kFormats) names.emplace_back(n);
  return names;
}

std::optional<CsvTable> ParseCsvTable(std::string_view name) {
  if (name == "events") return CsvTable::kEvents;
  if (name == "claims") return CsvTable::kClaims;
  return std::nullopt;
}

void WriteReport(const RunResult& run, ReportFormat format, std::ostream& out,
                 const ReportOptions& options) {
  switch (format) {
    case ReportFormat::kTable: report::WriteTable(run, out); break;
    case ReportFormat::kMarkdown: report::WriteMarkdown(run, out); break;
    case ReportFormat::kJson: report::WriteJson(run, out); break;
    case ReportFormat::kCsv: report::WriteCsv(run, options.csv_table, out); break;
    case ReportFormat::kHtml: report::WriteHtml(run, out); break;
    case ReportFormat::kTimelineJs: report::WriteTimelineJs(run, out); break;
    case ReportFormat::kGraphMl: report::WriteGraphMl(run, out); break;
    case ReportFormat::kDot: report::WriteDot(run, out); break;
    case ReportFormat::kTimesketch: report::WriteTimesketch(run, out); break;
  }
}

}  // namespace recon

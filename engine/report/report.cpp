// Report stage placeholder (replaced in the next commit).
#include "recon/report.h"

namespace recon {

std::optional<ReportFormat> ParseReportFormat(std::string_view name) {
  if (name == "table") return ReportFormat::kTable;
  if (name == "json") return ReportFormat::kJson;
  return std::nullopt;
}
std::vector<std::string> ReportFormatNames() { return {"table", "json"}; }
void WriteReport(const RunResult& run, ReportFormat format, std::ostream& out) {}
void WriteConflicts(const RunResult& run, std::ostream& out) {}

}  // namespace recon

// Report stage placeholder: a debug dump until the report formats land.
#include "recon/report.h"

namespace recon {

std::optional<ReportFormat> ParseReportFormat(std::string_view name) {
  if (name == "table") return ReportFormat::kTable;
  if (name == "json") return ReportFormat::kJson;
  return std::nullopt;
}
std::vector<std::string> ReportFormatNames() { return {"table", "json"}; }
void WriteReport(const RunResult& run, ReportFormat format, std::ostream& out) {
  for (const auto& c : run.linked.claims) {
    out << c.id << " [" << c.type << "] " << ToString(c.modality) << " date=" << Describe(c.date)
        << " (" << c.date_expression << ") rule=" << c.rule << " conf=" << c.confidence << "\n   ";
    for (const auto& p : c.participants) out << p.role << ":" << p.name << "{" << p.entity << "|" << p.mention << "} ";
    for (const auto& [k, v] : c.attributes) out << k << "=" << v << " ";
    out << "\n   attr:";
    for (const auto& a : c.attributed_to) out << " > " << a;
    out << "\n   " << c.text << "\n";
  }
  for (const auto& e : run.timeline.events) {
    out << e.id << " " << Describe(e.date) << " " << e.type << " " << e.label << " conf=" << e.confidence << " claims=" << e.claims.size() << "\n";
  }
  for (const auto& c : run.timeline.conflicts) {
    out << c.id << " " << c.event << " " << c.attribute << ":";
    for (const auto& v : c.values) out << " " << v.value << "(" << v.confidence << ")";
    out << " -- " << c.explanation << "\n";
  }
}
void WriteConflicts(const RunResult& run, std::ostream& out) {}

}  // namespace recon

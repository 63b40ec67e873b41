// Timesketch JSON Lines (--format timesketch): one line per dated event with the three fields
// Timesketch requires (message, datetime, timestamp_desc) and recon's own beside them. Events
// with no known date cannot sit on a time axis and are left out.
#include "report_internal.h"

namespace recon::report {

void WriteTimesketch(const RunResult& run, std::ostream& out) {
  ReportIndex index(run);
  for (const auto& e : run.timeline.events) {
    if (!e.date.known()) continue;
    Date when = e.date.start.is_special() ? e.date.end : e.date.start;
    Json j;
    j["message"] = OneLine(e.label);
    j["datetime"] = ToIso(when) + "T00:00:00+00:00";
    std::string desc = "Event start";
    if (e.date.start.is_special()) desc = "Event latest date";
    j["timestamp_desc"] = desc + " (" + std::string(ToString(e.date.granularity)) + " precision)";
    j["event_id"] = e.id;
    j["event_type"] = e.type;
    j["confidence"] = Round4(e.confidence);
    Json sources = Json::array();
    for (const auto& s : e.sources) sources.push_back(s);
    j["sources"] = std::move(sources);
    j["date_display"] = Describe(e.date);
    j["date_start"] = IsoOrNull(e.date.start);
    j["date_end"] = IsoOrNull(e.date.end);
    j["date_precision"] = std::string(ToString(e.date.granularity));
    std::vector<std::string> names;
    for (const auto& p : e.participants)
      names.push_back(p.name.empty() ? index.EntityName(p.entity) : p.name);
    j["participants"] = Join(names, "; ");
    j["claims"] = Join(e.claims, "; ");
    j["conflicts"] = Join(e.conflicts, "; ");
    j["tag"] = Json::array({"recon"});
    if (!e.conflicts.empty()) j["tag"].push_back("conflict");
    out << Dump(j, -1) << "\n";
  }
}

}  // namespace recon::report

// Private to the report stage: lookups by id, the JSON model every tool format starts from, and
// the escaping helpers each output syntax needs.
#ifndef RECON_REPORT_REPORT_INTERNAL_H_
#define RECON_REPORT_REPORT_INTERNAL_H_

#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "recon/report.h"

namespace recon::report {

using Json = nlohmann::ordered_json;

// Finds the run's documents, claims, entities, events and conflicts by id. Holds views into
// `run`, which must outlive it. Used only for lookups, so hash order never reaches output.
class ReportIndex {
 public:
  explicit ReportIndex(const RunResult& run);

  const Document* document(std::string_view id) const { return Find(documents_, id); }
  const Claim* claim(std::string_view id) const { return Find(claims_, id); }
  const Entity* entity(std::string_view id) const { return Find(entities_, id); }
  const Event* event(std::string_view id) const { return Find(events_, id); }
  const Conflict* conflict(std::string_view id) const { return Find(conflicts_, id); }
  // The event whose claims include `claim_id`; nullptr when none.
  const Event* event_of_claim(std::string_view claim_id) const { return Find(claim_event_, claim_id); }
  // The sentence of a claim, re-read from its document when the span is valid.
  std::string_view Sentence(const Claim& c) const;
  // The display name of an entity id: its name, or the id itself when unknown.
  std::string EntityName(std::string_view id) const;
  // The rule pack's label for an event type ("Defection"), or the type id.
  std::string TypeLabel(std::string_view type) const;

 private:
  template <typename T>
  static const T* Find(const std::unordered_map<std::string_view, const T*>& m, std::string_view id) {
    auto it = m.find(id);
    return it == m.end() ? nullptr : it->second;
  }
  const RunResult& run_;
  std::unordered_map<std::string_view, const Document*> documents_;
  std::unordered_map<std::string_view, const Claim*> claims_;
  std::unordered_map<std::string_view, const Entity*> entities_;
  std::unordered_map<std::string_view, const Event*> events_;
  std::unordered_map<std::string_view, const Conflict*> conflicts_;
  std::unordered_map<std::string_view, const Event*> claim_event_;
};

// The entities a report lists: the timeline's when the resolver filled them, else the linker's.
const std::vector<Entity>& ReportEntities(const RunResult& run);

// `x` rounded to 4 decimals (non-finite values become 0), so printed numbers are stable bytes.
double Round4(double x);
// "0.91": two decimals, for people.
std::string Percentish(double x);
// "1 event", "3 events".
std::string Count(size_t n, std::string_view noun);
// Items joined by `sep`.
std::string Join(const std::vector<std::string>& items, std::string_view sep);
// White space runs (newlines included) folded to one space, ends trimmed: one display line.
std::string OneLine(std::string_view s);
// `s` cut to at most `max` bytes on a UTF-8 boundary, with "..." when cut.
std::string Truncate(std::string_view s, size_t max);
// & < > " ' as character references.
std::string HtmlEscape(std::string_view s);
// HtmlEscape, and control characters XML 1.0 forbids replaced by U+FFFD.
std::string XmlEscape(std::string_view s);
// Base64 of the SHA-256 digest of `data` (for a CSP 'sha256-...' source).
std::string Sha256Base64(std::string_view data);
// The ISO date, or JSON null for an open end.
Json IsoOrNull(Date d);

// The public JSON model (docs/timeline.schema.json), keys and arrays in output order.
Json BuildJson(const RunResult& run);
// `j` serialised for inclusion inside an HTML <script> element: < > & U+2028 U+2029 escaped
// as \uXXXX so article text cannot close the element or start markup.
std::string ScriptSafeJson(const Json& j);
// Serialises with invalid UTF-8 replaced rather than thrown on.
std::string Dump(const Json& j, int indent);

// One conflict in plain text: the values, best first, each with its sources and the quoted
// sentences of its claims; every line starts with `indent`. Shared by conflicts and explain.
void WriteConflictText(const Conflict& c, const ReportIndex& index, std::string_view indent,
                       std::ostream& out);

bool Explain(const RunResult& run, std::string_view query, std::ostream& out);
void WriteConflictsText(const RunResult& run, std::ostream& out);
void WriteJson(const RunResult& run, std::ostream& out);
void WriteTable(const RunResult& run, std::ostream& out);
void WriteMarkdown(const RunResult& run, std::ostream& out);
void WriteCsv(const RunResult& run, CsvTable table, std::ostream& out);
void WriteHtml(const RunResult& run, std::ostream& out);
void WriteTimelineJs(const RunResult& run, std::ostream& out);
void WriteGraphMl(const RunResult& run, std::ostream& out);
void WriteDot(const RunResult& run, std::ostream& out);
void WriteTimesketch(const RunResult& run, std::ostream& out);

}  // namespace recon::report

#endif  // RECON_REPORT_REPORT_INTERNAL_H_

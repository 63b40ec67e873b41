// Shared by the report writers: id lookups and the escaping each output syntax needs.
#include <cmath>
#include <cstdio>

#include "report_internal.h"

namespace recon::report {

ReportIndex::ReportIndex(const RunResult& run) : run_(run) {
  for (const auto& d : run.corpus.documents) documents_.emplace(d.id, &d);
  for (const auto& c : run.linked.claims) claims_.emplace(c.id, &c);
  for (const auto& e : ReportEntities(run)) entities_.emplace(e.id, &e);
  for (const auto& e : run.timeline.events) {
    events_.emplace(e.id, &e);
    for (const auto& c : e.claims) claim_event_.emplace(c, &e);  // first event wins
  }
  for (const auto& c : run.timeline.conflicts) conflicts_.emplace(c.id, &c);
}

std::string_view ReportIndex::Sentence(const Claim& c) const {
  const auto& docs = run_.corpus.documents;
  if (c.doc_index < docs.size()) {
    const std::string& text = docs[c.doc_index].text;
    if (c.begin < c.end && c.end <= text.size() && docs[c.doc_index].id == c.document)
      return std::string_view(text).substr(c.begin, c.end - c.begin);
  }
  return c.text;
}

std::string ReportIndex::EntityName(std::string_view id) const {
  const Entity* e = entity(id);
  return e ? e->name : std::string(id);
}

std::string ReportIndex::TypeLabel(std::string_view type) const {
  const EventTypeRule* t = run_.rules.FindEventType(type);
  return t && !t->label.empty() ? t->label : std::string(type);
}

const std::vector<Entity>& ReportEntities(const RunResult& run) {
  return run.timeline.entities.empty() ? run.linked.entities : run.timeline.entities;
}

double Round4(double x) {
  if (!std::isfinite(x)) return 0;
  double r = std::round(x * 10000.0) / 10000.0;
  return r == 0 ? 0 : r;  // no "-0.0"
}

std::string Percentish(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", Round4(x));
  return buf;
}

std::string Count(size_t n, std::string_view noun) {
  std::string s = std::to_string(n);
  s += ' ';
  s += noun;
  if (n != 1) s += 's';
  return s;
}

std::string Join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

std::string OneLine(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    // U+2028 and U+2029 break lines too, in browsers and some editors.
    if (c == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80' && (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {
      i += 2;
      space = !out.empty();
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string Truncate(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "...";
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string XmlEscape(std::string_view s) {
  std::string out;
  for (char c : HtmlEscape(s)) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') out += "\xEF\xBF\xBD";
    else out += c;
  }
  return out;
}

Json IsoOrNull(Date d) { return d.is_special() ? Json(nullptr) : Json(ToIso(d)); }

std::string Dump(const Json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ScriptSafeJson(const Json& j) {
  std::string s = Dump(j, -1);
  std::string out;
  out.reserve(s.size() + s.size() / 16);
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    // Outside strings JSON has none of these characters, so escaping them everywhere is safe.
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else if (c == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80' &&
             (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {
      out += s[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace recon::report

// The claim graph as GraphML (--format graphml; Gephi, yEd, NetworkX) and Graphviz DOT
// (--format dot). Hand-written rather than boost::write_graphml so the keys are typed, the
// node ids are claim ids, and the bytes are stable.
#include <algorithm>

#include "report_internal.h"

namespace recon::report {

namespace {

struct Key {
  const char* id;
  const char* domain;  // node or edge
  const char* name;
  const char* type;    // GraphML attr.type
};

constexpr Key kKeys[] = {
    {"n_label", "node", "label", "string"},     {"n_type", "node", "type", "string"},
    {"n_document", "node", "document", "string"}, {"n_source", "node", "source", "string"},
    {"n_modality", "node", "modality", "string"}, {"n_date", "node", "date", "string"},
    {"n_precision", "node", "precision", "string"}, {"n_confidence", "node", "confidence", "double"},
    {"n_event", "node", "event", "string"},      {"n_text", "node", "text", "string"},
    {"e_relation", "edge", "relation", "string"}, {"e_weight", "edge", "weight", "double"},
    {"e_attribute", "edge", "attribute", "string"},
};

std::string Number(double x) { return Dump(Json(Round4(x)), -1); }

// The claim at index `i`, or nullptr when the graph has more vertices than claims.
const Claim* ClaimAt(const RunResult& run, size_t i) {
  return i < run.linked.claims.size() ? &run.linked.claims[i] : nullptr;
}

std::string NodeId(const RunResult& run, size_t i) {
  const Claim* c = ClaimAt(run, i);
  if (c) return c->id;
  std::string id = "claim";
  return id += std::to_string(i);
}

size_t NodeCount(const RunResult& run) {
  return std::max(run.linked.claims.size(), run.linked.graph.claim_count());
}

std::string ShortLabel(const Claim& c) { return c.type + " " + c.id; }

// DOT's quoted string: backslash and quote escaped, line breaks as \n.
std::string DotQuote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') { out += "\\n"; continue; }
    if (c == '\r') continue;
    out += c;
  }
  return out + "\"";
}

}  // namespace

void WriteGraphMl(const RunResult& run, std::ostream& out) {
  ReportIndex index(run);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const auto& k : kKeys)
    out << "  <key id=\"" << k.id << "\" for=\"" << k.domain << "\" attr.name=\"" << k.name
        << "\" attr.type=\"" << k.type << "\"/>\n";
  out << "  <graph id=\"claims\" edgedefault=\"undirected\">\n";
  size_t n = NodeCount(run);
  for (size_t i = 0; i < n; ++i) {
    out << "    <node id=\"" << XmlEscape(NodeId(run, i)) << "\">";
    if (const Claim* c = ClaimAt(run, i)) {
      auto data = [&](const char* key, std::string_view value) {
        out << "<data key=\"" << key << "\">" << XmlEscape(value) << "</data>";
      };
      const Event* e = index.event_of_claim(c->id);
      data("n_label", ShortLabel(*c));
      data("n_type", c->type);
      data("n_document", c->document);
      data("n_source", c->source);
      data("n_modality", ToString(c->modality));
      data("n_date", c->date.known() ? Describe(c->date) : "");
      data("n_precision", ToString(c->date.granularity));
      data("n_confidence", Number(c->confidence));
      data("n_event", e ? e->id : "");
      data("n_text", OneLine(index.Sentence(*c)));
    }
    out << "</node>\n";
  }
  size_t k = 0;
  for (const auto& e : run.linked.graph.SortedEdges()) {
    // Cites points from the relaying claim to what it relays; the other relations are symmetric.
    out << "    <edge id=\"e" << k++ << "\" source=\"" << XmlEscape(NodeId(run, e.from))
        << "\" target=\"" << XmlEscape(NodeId(run, e.to)) << "\""
        << (e.relation == Relation::kCites ? " directed=\"true\"" : "") << ">"
        << "<data key=\"e_relation\">" << ToString(e.relation) << "</data>"
        << "<data key=\"e_weight\">" << Number(e.weight) << "</data>"
        << "<data key=\"e_attribute\">" << XmlEscape(e.attribute) << "</data></edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

void WriteDot(const RunResult& run, std::ostream& out) {
  ReportIndex index(run);
  out << "graph claims {\n  graph [overlap=false];\n  node [shape=box, fontsize=10];\n";
  size_t n = NodeCount(run);
  for (size_t i = 0; i < n; ++i) {
    out << "  " << DotQuote(NodeId(run, i));
    if (const Claim* c = ClaimAt(run, i)) {
      const Event* e = index.event_of_claim(c->id);
      out << " [label=" << DotQuote(ShortLabel(*c) + "\n" + (c->source.empty() ? c->document : c->source) +
                                    (c->date.known() ? std::string("\n").append(Describe(c->date)) : ""))
          << ", type=" << DotQuote(c->type) << ", document=" << DotQuote(c->document)
          << ", source=" << DotQuote(c->source) << ", modality=" << DotQuote(ToString(c->modality))
          << ", date=" << DotQuote(c->date.known() ? Describe(c->date) : "")
          << ", confidence=" << Number(c->confidence)
          << ", event=" << DotQuote(e ? e->id : "")
          << ", tooltip=" << DotQuote(Truncate(OneLine(index.Sentence(*c)), 300)) << "]";
    }
    out << ";\n";
  }
  for (const auto& e : run.linked.graph.SortedEdges()) {
    out << "  " << DotQuote(NodeId(run, e.from)) << " -- " << DotQuote(NodeId(run, e.to))
        // dot's layout wants an integer weight, so the 0..1 weight also goes out as a percent.
        << " [relation=" << ToString(e.relation) << ", strength=" << Number(e.weight)
        << ", weight=" << static_cast<int>(std::clamp(Round4(e.weight), 0.0, 1.0) * 100 + 0.5);
    if (!e.attribute.empty()) out << ", attribute=" << DotQuote(e.attribute);
    std::string label(ToString(e.relation));
    if (!e.attribute.empty()) label += " " + e.attribute;
    out << ", label=" << DotQuote(label);
    if (e.relation == Relation::kCites) out << ", dir=forward";
    if (e.relation == Relation::kContradicts) out << ", color=red, style=dashed";
    out << "];\n";
  }
  out << "}\n";
}

}  // namespace recon::report

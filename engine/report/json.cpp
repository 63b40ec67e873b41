// The JSON report (--format json): the public contract, described by docs/timeline.schema.json.
// Keys are in a fixed order and arrays keep the model's order, so the bytes are stable.
#include "report_internal.h"

namespace recon::report {

namespace {

Json StringArray(const std::vector<std::string>& v) {
  Json a = Json::array();
  for (const auto& s : v) a.push_back(s);
  return a;
}

Json NullIfEmpty(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json Evidence(const ValueEvidence& v) {
  Json j;
  j["value"] = v.value;
  j["confidence"] = Round4(v.confidence);
  j["claims"] = StringArray(v.claims);
  j["sources"] = StringArray(v.sources);
  return j;
}

Json DocumentJson(const Document& d) {
  Json j;
  j["id"] = d.id;
  j["source"] = d.source;
  j["published"] = d.published ? Json(ToIso(*d.published)) : Json(nullptr);
  j["title"] = d.title;
  j["path"] = d.path;
  return j;
}

Json EntityJson(const Entity& e) {
  Json j;
  j["id"] = e.id;
  j["type"] = std::string(ToString(e.type));
  j["name"] = e.name;
  j["aliases"] = StringArray(e.aliases);
  return j;
}

Json ClaimJson(const Claim& c, const ReportIndex& index) {
  Json j;
  j["id"] = c.id;
  j["document"] = c.document;
  j["type"] = c.type;
  j["text"] = std::string(index.Sentence(c));
  j["span"] = Json::array({c.begin, c.end});
  Json parts = Json::array();
  for (const auto& p : c.participants) {
    Json pj;
    pj["role"] = p.role;
    pj["entity"] = NullIfEmpty(p.entity);
    pj["mention"] = p.mention;
    pj["descriptor"] = NullIfEmpty(p.descriptor);
    parts.push_back(std::move(pj));
  }
  j["participants"] = std::move(parts);
  Json attrs = Json::object();
  for (const auto& [k, v] : c.attributes) attrs[k] = v;  // std::map: sorted by name
  j["attributes"] = std::move(attrs);
  Json date;
  date["start"] = IsoOrNull(c.date.start);
  date["end"] = IsoOrNull(c.date.end);
  date["granularity"] = std::string(ToString(c.date.granularity));
  date["expression"] = c.date_expression;
  date["value"] = c.date_value;
  date["qualifier"] = NullIfEmpty(std::string(ToString(c.date.qualifier)));
  date["vague"] = c.date.vague;
  j["date"] = std::move(date);
  j["modality"] = std::string(ToString(c.modality));
  j["attributed_to"] = StringArray(c.attributed_to);
  j["rule"] = c.rule;
  j["confidence"] = Round4(c.confidence);
  j["generic"] = c.generic;
  j["headline"] = c.headline;
  j["source"] = c.source;
  return j;
}

Json EventJson(const Event& e) {
  Json j;
  j["id"] = e.id;
  j["type"] = e.type;
  j["label"] = e.label;
  Json date;
  date["start"] = IsoOrNull(e.date.start);
  date["end"] = IsoOrNull(e.date.end);
  date["granularity"] = std::string(ToString(e.date.granularity));
  date["qualifier"] = NullIfEmpty(std::string(ToString(e.date.qualifier)));
  date["vague"] = e.date.vague;
  date["display"] = Describe(e.date);
  j["date"] = std::move(date);
  j["confidence"] = Round4(e.confidence);
  j["status"] = std::string(ToString(e.status));
  Json parts = Json::array();
  for (const auto& p : e.participants) {
    Json pj;
    pj["role"] = p.role;
    pj["entity"] = NullIfEmpty(p.entity);
    pj["name"] = p.name;
    pj["confidence"] = Round4(p.confidence);
    parts.push_back(std::move(pj));
  }
  j["participants"] = std::move(parts);
  Json attrs = Json::object();
  for (const auto& a : e.attributes) {
    Json aj;
    aj["value"] = a.value;
    aj["confidence"] = Round4(a.confidence);
    Json alts = Json::array();
    for (const auto& v : a.alternatives) alts.push_back(Evidence(v));
    aj["alternatives"] = std::move(alts);
    attrs[a.name] = std::move(aj);
  }
  j["attributes"] = std::move(attrs);
  j["claims"] = StringArray(e.claims);
  j["sources"] = StringArray(e.sources);
  j["conflicts"] = StringArray(e.conflicts);
  return j;
}

Json ConflictJson(const Conflict& c) {
  Json j;
  j["id"] = c.id;
  j["event"] = c.event;
  j["attribute"] = c.attribute;
  Json values = Json::array();
  for (const auto& v : c.values) values.push_back(Evidence(v));
  j["values"] = std::move(values);
  j["explanation"] = c.explanation;
  j["severity"] = Round4(c.severity);
  return j;
}

}  // namespace

Json BuildJson(const RunResult& run) {
  ReportIndex index(run);
  Json root;
  Json docs = Json::array();
  for (const auto& d : run.corpus.documents) docs.push_back(DocumentJson(d));
  root["documents"] = std::move(docs);
  Json entities = Json::array();
  for (const auto& e : ReportEntities(run)) entities.push_back(EntityJson(e));
  root["entities"] = std::move(entities);
  Json claims = Json::array();
  for (const auto& c : run.linked.claims) claims.push_back(ClaimJson(c, index));
  root["claims"] = std::move(claims);
  Json events = Json::array();
  for (const auto& e : run.timeline.events) events.push_back(EventJson(e));
  root["events"] = std::move(events);
  Json conflicts = Json::array();
  for (const auto& c : run.timeline.conflicts) conflicts.push_back(ConflictJson(c));
  root["conflicts"] = std::move(conflicts);
  Json links = Json::array();
  for (const auto& l : run.timeline.links) {
    Json lj;
    lj["from"] = l.from;
    lj["to"] = l.to;
    lj["relation"] = std::string(ToString(l.relation));
    if (!l.attribute.empty()) lj["attribute"] = l.attribute;
    lj["weight"] = Round4(l.weight);
    links.push_back(std::move(lj));
  }
  root["links"] = std::move(links);
  Json candidates = Json::array();
  for (const auto& c : run.linked.candidates) {
    Json cj;
    cj["claim"] = c.claim;
    cj["entity"] = c.entity;
    cj["confidence"] = Round4(c.confidence);
    cj["reason"] = c.reason;
    candidates.push_back(std::move(cj));
  }
  root["candidates"] = std::move(candidates);
  Json sources = Json::array();
  for (const auto& s : run.timeline.sources) {
    Json sj;
    sj["source"] = s.source;
    sj["prior"] = Round4(s.prior);
    sj["reliability"] = Round4(s.reliability);
    sj["claims"] = s.claims;
    sources.push_back(std::move(sj));
  }
  root["sources"] = std::move(sources);
  Json summary;
  summary["documents"] = run.corpus.documents.size();
  summary["claims"] = run.linked.claims.size();
  summary["events"] = run.timeline.events.size();
  summary["conflicts"] = run.timeline.conflicts.size();
  summary["diagnostics"] = run.diagnostics.items().size();
  root["summary"] = std::move(summary);
  return root;
}

void WriteJson(const RunResult& run, std::ostream& out) { out << Dump(BuildJson(run), 2) << "\n"; }

}  // namespace recon::report

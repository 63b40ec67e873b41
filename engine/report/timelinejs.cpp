// TimelineJS (--format timelinejs): the JSON TimelineJS 3 loads, one slide per dated event.
// A date's precision decides which of year, month and day are given; qualifiers go into
// display_date ("c. 2016", "before 2017-03"). Slide text is HTML to TimelineJS, so every piece
// of article text in it is escaped.
#include "report_internal.h"

namespace recon::report {

namespace {

// {year, month, day} with the fields finer than the precision left out.
Json DateParts(Date d, Granularity g) {
  Json j;
  j["year"] = int(d.year());
  switch (g) {
    case Granularity::kDay:
    case Granularity::kWeek:
      j["month"] = int(d.month());
      j["day"] = int(d.day());
      break;
    case Granularity::kMonth:
    case Granularity::kSeason:
    case Granularity::kQuarter:
    case Granularity::kHalf:
      j["month"] = int(d.month());
      break;
    default: break;  // year, decade, century, unknown: the year alone
  }
  return j;
}

std::string DisplayDate(const DateRange& r) {
  std::string base;
  if (r.bounded()) base = Describe({r.start, r.end, r.granularity, Qualifier::kNone, false});
  else base = ToIso(r.start.is_special() ? r.end : r.start);
  switch (r.qualifier) {
    case Qualifier::kBefore: case Qualifier::kUntil: return "before " + base;
    case Qualifier::kAfter: case Qualifier::kSince: return "after " + base;
    default: break;
  }
  if (!r.bounded()) return (r.start.is_special() ? "before " : "after ") + base;
  if (r.qualifier == Qualifier::kApprox || r.vague) return "c. " + base;
  return base;
}

std::string SlideText(const Event& e, const ReportIndex& index) {
  std::string t = "<p>" + HtmlEscape(index.TypeLabel(e.type)) + ", confidence " +
                  Percentish(e.confidence) + ".</p>";
  t += "<p>Sources: " + HtmlEscape(e.sources.empty() ? "unknown" : Join(e.sources, ", ")) + "</p>";
  for (const auto& id : e.conflicts) {
    const Conflict* c = index.conflict(id);
    if (!c) continue;
    t += "<p><b>Conflict " + HtmlEscape(c->id) + " on " + HtmlEscape(c->attribute) + ":</b> ";
    for (size_t i = 0; i < c->values.size(); ++i) {
      const auto& v = c->values[i];
      t += (i ? " vs " : "") + HtmlEscape(v.value) + " (" + Percentish(v.confidence) + "; " +
           HtmlEscape(Join(v.sources, ", ")) + ")";
    }
    t += "</p>";
  }
  t += "<ul>";
  for (const auto& id : e.claims) {
    const Claim* c = index.claim(id);
    if (!c) continue;
    t += "<li>&ldquo;" + HtmlEscape(OneLine(index.Sentence(*c))) + "&rdquo; (" +
         HtmlEscape(c->source.empty() ? c->document : c->source) + ")</li>";
  }
  return t + "</ul>";
}

}  // namespace

void WriteTimelineJs(const RunResult& run, std::ostream& out) {
  ReportIndex index(run);
  Json events = Json::array();
  size_t undated = 0;
  for (const auto& e : run.timeline.events) {
    if (!e.date.known()) {
      ++undated;
      continue;
    }
    Json slide;
    Date start = e.date.start.is_special() ? e.date.end : e.date.start;
    slide["start_date"] = DateParts(start, e.date.granularity);
    if (e.date.bounded() && e.date.end != e.date.start && e.date.granularity != Granularity::kDay) {
      Json end = DateParts(e.date.end, e.date.granularity);
      if (end != slide["start_date"]) slide["end_date"] = std::move(end);
    }
    slide["display_date"] = DisplayDate(e.date);
    Json text;
    text["headline"] = HtmlEscape(OneLine(e.label));
    text["text"] = SlideText(e, index);
    slide["text"] = std::move(text);
    slide["group"] = index.TypeLabel(e.type);
    slide["unique_id"] = e.id;
    events.push_back(std::move(slide));
  }
  Json root;
  Json title;
  title["text"]["headline"] = "recon timeline";
  std::string summary = Count(events.size(), "dated event") + " from " +
                        Count(run.corpus.documents.size(), "document") + "; " +
                        Count(run.timeline.conflicts.size(), "conflict");
  if (undated) summary += "; " + Count(undated, "undated event") + " not shown";
  title["text"]["text"] = "<p>" + summary + ".</p>";
  root["title"] = std::move(title);
  root["events"] = std::move(events);
  out << Dump(root, 2) << "\n";
}

}  // namespace recon::report

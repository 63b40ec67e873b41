// DocumentReader's unnamed protagonist: an article about someone it never names ("the soldier",
// "the patient, a sergeant in the North's army") tells one person's story, so the rank it gives
// them once and the date its dated tellings agree on hold for every telling of them.
#include <algorithm>

#include "reader.h"
#include "recon/text_util.h"

namespace recon {

void DocumentReader::ShareUnnamedStory() {
  // The rank family a descriptor belongs to ("soldier", "sergeant" -> military); "" if none.
  auto family_of = [&](const std::string& descriptor) -> std::string {
    auto it = rules_.names.descriptor_families.find(ToLower(descriptor));
    return it == rules_.names.descriptor_families.end() ? "" : it->second;
  };
  auto subject_of = [](const Claim& c) -> const Participant* {
    for (const auto& p : c.participants)
      if (p.role == "subject") return &p;
    return nullptr;
  };
  std::vector<size_t> story;  // claims about the unnamed person
  std::string family;
  for (size_t i = 0; i < out_.claims.size(); ++i) {
    const Claim& c = out_.claims[i];
    const Participant* s = subject_of(c);
    // Someone named as a subject may be the person described: nothing is shared.
    if (s && !s->name.empty()) return;
    if (c.generic || !s || s->descriptor.empty()) continue;
    std::string f = family_of(s->descriptor);
    if (f.empty()) continue;
    // "a diplomat" and "a soldier": two people.
    if (!family.empty() && f != family) return;
    family = f;
    story.push_back(i);
  }
  if (story.empty()) return;

  // The rank, when the article gives the person exactly one of their family.
  std::string rank;
  for (size_t i : story) {
    auto r = out_.claims[i].attributes.find("rank");
    if (r == out_.claims[i].attributes.end()) continue;
    if (!rank.empty() && rank != r->second) {
      rank = "-";
      break;
    }
    rank = r->second;
  }
  const RankRule* rr = nullptr;
  for (const auto& r : rules_.ranks)
    if (r.id == rank) rr = &r;
  if (rr && rr->family == family)
    for (size_t i : story)
      if (!out_.claims[i].attributes.count("rank")) out_.claims[i].attributes["rank"] = rank;

  // The date: the most precise of the person's dated tellings and of the tellings that name no
  // subject at all ("nine days after the defection on November 13"), when they all agree. A
  // telling with no subject counts in the lead, before the person's story starts, or in a
  // paragraph of the story; not in the background told after it.
  std::vector<uint32_t> story_paragraphs;
  for (size_t i : story) story_paragraphs.push_back(ParagraphOf(out_.claims[i].begin));
  const Claim* dated = nullptr;
  Date latest_start, earliest_end;
  std::vector<size_t> dated_sentences;  // a sentence that dated one of its triggers and not another meant it
  for (const Claim& c : out_.claims) {
    if (c.generic || !c.date.bounded() || c.date.vague) continue;
    const Participant* s = subject_of(c);
    if (s && (s->descriptor.empty() || family_of(s->descriptor) != family)) continue;
    if (!s && c.begin > out_.claims[story.front()].begin &&
        std::ranges::find(story_paragraphs, ParagraphOf(c.begin)) == story_paragraphs.end())
      continue;
    dated_sentences.push_back(c.begin);
    if (latest_start.is_special() || c.date.start > latest_start) latest_start = c.date.start;
    if (earliest_end.is_special() || c.date.end < earliest_end) earliest_end = c.date.end;
    if (!dated || (c.date.end - c.date.start) < (dated->date.end - dated->date.start)) dated = &c;
  }
  if (!dated || latest_start > earliest_end) return;
  const DateRange date = dated->date;
  const std::string expression = dated->date_expression + " (the story's date)", value = dated->date_value;
  for (size_t i : story) {
    Claim& c = out_.claims[i];
    if (c.date.known() || std::count(dated_sentences.begin(), dated_sentences.end(), c.begin)) continue;
    c.date = date;
    c.date_expression = expression;
    c.date_value = value;
  }
}

}  // namespace recon

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
  std::vector<size_t> story;  // claims about the unnamed person
  std::string family;
  for (size_t i = 0; i < out_.claims.size(); ++i) {
    const Claim& c = out_.claims[i];
    const Participant* s = SubjectParticipant(c);
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
    const Participant* s = SubjectParticipant(c);
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
    // A bound alone ("before August 1": the report that told it) yields to a date inside it.
    const bool bound_only = c.date.BeforeOnly() && date.end <= c.date.end;
    if ((c.date.known() && !bound_only) || std::count(dated_sentences.begin(), dated_sentences.end(), c.begin))
      continue;
    c.date = date;
    c.date_expression = expression;
    c.date_value = value;
  }
}

std::map<std::string, std::set<std::string>> DocumentReader::Identifications() const {
  std::map<std::string, std::set<std::string>> found;
  // Every form ends in the person's name, so only the words before each name are read.
  for (const Mention& m : mentions_) {
    const auto [from, to] = sentence_tokens_[m.sentence];
    if (m.type != EntityType::kPerson || (m.last < to && IsPossessiveMark(tokens_[m.last].lower))) continue;
    // "the diplomat, Thae Yong Ho, left ...": a definite descriptor and a name between commas
    // ("the North's ambassador, Mun Jong Nam," is someone's ambassador, maybe another).
    if (m.first >= from + 2 && tokens_[m.first - 1].text == "," && m.last < to && tokens_[m.last].text == "," &&
        t_.descriptors.count(tokens_[m.first - 2].lower)) {
      const uint32_t k = m.first - 2;
      bool definite = false;
      for (uint32_t b = k; b > from && b + 3 > k && !definite;) {
        --b;
        if (tokens_[b].kind == TokenKind::kPunct || IsPossessiveMark(tokens_[b].lower)) break;
        definite = tokens_[b].lower == "the";
      }
      if (definite) found[std::string(tokens_[k].lower)].insert(m.name);
      continue;
    }
    // The word before the name, over up to two words ("as 33-year-old Thae"), with no
    // punctuation between: "as" or an identifying verb ("a diplomat named Thae").
    uint32_t v = m.first;
    while (v > from && v + 3 > m.first && tokens_[v - 1].kind != TokenKind::kPunct &&
           tokens_[v - 1].lower != "as" && !t_.identify_verbs.count(tokens_[v - 1].lower))
      --v;
    if (v == from || tokens_[v - 1].kind == TokenKind::kPunct) continue;
    const bool as = tokens_[v - 1].lower == "as";
    const uint32_t before = as ? v - 1 : v;  // the token after the verb or the object
    if (before == from) continue;
    const uint32_t k = before - 1;  // the verb, the object's last word, or (passive) the verb
    // Active: "identified the diplomat as Thae".
    if (as && t_.descriptors.count(tokens_[k].lower)) {
      for (uint32_t a = k; a > from && a + 4 > k;) {
        --a;
        if (tokens_[a].kind == TokenKind::kPunct) break;
        if (!IsArticle(tokens_[a].lower)) continue;
        if (a > from && t_.identify_verbs.count(tokens_[a - 1].lower)) found[std::string(tokens_[k].lower)].insert(m.name);
        break;
      }
      continue;
    }
    // "named him as Oh": the latest unnamed person described in this sentence or the three before.
    if (as && (tokens_[k].lower == "him" || tokens_[k].lower == "her") && k > from &&
        t_.identify_verbs.count(tokens_[k - 1].lower)) {
      const size_t earliest = sentences_[m.sentence >= 3 ? m.sentence - 3 : 0].begin;
      for (auto c = out_.claims.rbegin(); c != out_.claims.rend(); ++c) {
        if (c->begin > sentences_[m.sentence].begin) continue;
        if (c->begin < earliest) break;
        const Participant* p = SubjectParticipant(*c);
        if (!p || !p->name.empty() || p->descriptor.empty()) continue;
        found[p->descriptor].insert(m.name);
        break;
      }
      continue;
    }
    // Passive or participle: "the soldier was identified as Oh", "a diplomat named Thae".
    const uint32_t verb = as ? k : v - 1;
    if (!t_.identify_verbs.count(tokens_[verb].lower)) continue;
    uint32_t b = verb;
    bool aux = false;
    while (b > from && (t_.auxiliaries.count(tokens_[b - 1].lower) || tokens_[b - 1].text == ","))
      aux = aux || t_.auxiliaries.count(tokens_[b - 1].lower) > 0, --b;
    if (b == from || !t_.descriptors.count(tokens_[b - 1].lower)) continue;
    // "the defector named Kim as his accomplice": the defector named someone else.
    if (!as && !aux && m.last < to && tokens_[m.last].lower == "as") continue;
    // "In 2017, a soldier named Oh Chong-song drove a jeep ...": an indefinite descriptor brings
    // in someone new; only "the soldier", said again, is the one described before.
    if (!aux) {
      bool definite = false;
      for (uint32_t d = b - 1; d > from && d + 4 > b && !definite;) {
        --d;
        if (tokens_[d].kind == TokenKind::kPunct) break;
        definite = IsDefinite(tokens_[d].lower);
      }
      if (!definite) continue;
    }
    found[std::string(tokens_[b - 1].lower)].insert(m.name);
  }
  return found;
}

void DocumentReader::NameDescribedSubjects() {
  auto unnamed = [](const Participant& p) { return p.role == "subject" && p.name.empty() && !p.descriptor.empty(); };
  bool any = false;
  for (const Claim& c : out_.claims) any = any || std::ranges::any_of(c.participants, unnamed);
  if (!any) return;
  const auto identified = Identifications();
  for (Claim& c : out_.claims) {
    if (c.generic) continue;
    // "his daughter": her story is hers, with her relative; a name for "daughter" is no surer.
    if (std::ranges::any_of(c.participants, [](const Participant& p) { return p.role == "relative"; })) continue;
    auto subject = std::ranges::find_if(c.participants, unnamed);
    if (subject == c.participants.end()) continue;
    auto it = identified.find(subject->descriptor);
    if (it == identified.end() || it->second.size() != 1) continue;
    const std::string name = *it->second.begin();
    // The article names this event's subject elsewhere, and someone else: the descriptor
    // identified may be another person's ("the North's ambassador, Mun" beside Jo's defection).
    bool other_named = false, same_named = false;
    for (const Claim& o : out_.claims)
      for (const auto& p : o.participants)
        if (o.type == c.type && p.role == "subject" && !p.name.empty())
          (p.name == name ? same_named : other_named) = true;
    if (other_named && !same_named) continue;
    // A date of its own must meet one of the named person's dated tellings of this type.
    if (c.date.bounded()) {
      bool any_dated = false, overlaps = false;
      for (const Claim& o : out_.claims)
        for (const auto& p : o.participants)
          if (&o != &c && o.type == c.type && p.role == "subject" && p.name == name && o.date.bounded()) {
            any_dated = true;
            overlaps = overlaps || o.date.Overlaps(c.date);
          }
      if (any_dated && !overlaps) continue;
    }
    subject->name = name;
    subject->entity = EntityOf(name);
    subject->descriptor.clear();
    std::erase_if(c.participants, [&](const Participant& p) { return p.role != "subject" && p.name == name; });
    if (!c.attributes.count("rank"))
      if (int r = RankOf(name); r >= 0) c.attributes["rank"] = rules_.ranks[r].id;
  }
}

}  // namespace recon

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

std::map<std::string, std::set<std::string>> DocumentReader::Identifications() const {
  std::map<std::string, std::set<std::string>> found;
  // The person named within three words from token k, with no punctuation before it, who is
  // not the owner of something ("as Kim Jong Un's nephew").
  auto person_from = [&](uint32_t k, uint32_t to) -> const Mention* {
    for (uint32_t j = k; j < to && j < k + 3; ++j) {
      if (tokens_[j].kind == TokenKind::kPunct) return nullptr;
      auto it = std::lower_bound(mentions_.begin(), mentions_.end(), j,
                                 [](const Mention& m, uint32_t at) { return m.first < at; });
      if (it == mentions_.end() || it->first != j) continue;
      if (it->type != EntityType::kPerson || (it->last < to && IsPossessiveMark(tokens_[it->last].lower))) return nullptr;
      return &*it;
    }
    return nullptr;
  };
  auto article = [](std::string_view w) { return w == "the" || w == "this" || w == "that" || w == "a" || w == "an"; };
  for (uint32_t s = 0; s < sentences_.size(); ++s) {
    const auto [from, to] = sentence_tokens_[s];
    for (uint32_t k = from; k < to; ++k) {
      const std::string_view w = tokens_[k].lower;
      // "the diplomat, Thae Yong Ho, left ...": a definite descriptor and a name between commas
      // ("the North's ambassador, Mun Jong Nam," is someone's ambassador, maybe another).
      if (t_.descriptors.count(w) && k + 2 < to && tokens_[k + 1].text == ",") {
        bool definite = false;
        for (uint32_t b = k; b > from && b + 3 > k && !definite;) {
          --b;
          if (tokens_[b].kind == TokenKind::kPunct || IsPossessiveMark(tokens_[b].lower)) break;
          definite = tokens_[b].lower == "the";
        }
        const Mention* m = definite ? person_from(k + 2, to) : nullptr;
        if (m && m->first == k + 2 && m->last < to && tokens_[m->last].text == ",") found[std::string(w)].insert(m->name);
        continue;
      }
      if (!t_.identify_verbs.count(w) || k + 1 >= to) continue;
      const bool as = tokens_[k + 1].lower == "as";
      // Active: "identified the diplomat as Thae", "named him as Oh".
      if (!as && article(tokens_[k + 1].lower)) {
        for (uint32_t d = k + 2; d < to && d < k + 5 && tokens_[d].kind != TokenKind::kPunct; ++d) {
          if (!t_.descriptors.count(tokens_[d].lower)) continue;
          if (d + 2 < to && tokens_[d + 1].lower == "as")
            if (const Mention* m = person_from(d + 2, to)) found[std::string(tokens_[d].lower)].insert(m->name);
          break;
        }
        continue;
      }
      if (!as && (tokens_[k + 1].lower == "him" || tokens_[k + 1].lower == "her")) {
        const Mention* m = k + 3 < to && tokens_[k + 2].lower == "as" ? person_from(k + 3, to) : nullptr;
        if (!m) continue;
        // The latest unnamed person described in this sentence or the three before.
        const size_t earliest = sentences_[s >= 3 ? s - 3 : 0].begin;
        for (auto c = out_.claims.rbegin(); c != out_.claims.rend(); ++c) {
          if (c->begin > sentences_[s].begin) continue;
          if (c->begin < earliest) break;
          auto p = std::find_if(c->participants.begin(), c->participants.end(),
                                [](const Participant& p) { return p.role == "subject"; });
          if (p == c->participants.end() || !p->name.empty() || p->descriptor.empty()) continue;
          found[p->descriptor].insert(m->name);
          break;
        }
        continue;
      }
      // Passive or participle: "the soldier was identified as Oh", "a diplomat named Thae".
      uint32_t b = k;
      bool aux = false;
      while (b > from && (t_.auxiliaries.count(tokens_[b - 1].lower) || tokens_[b - 1].text == ","))
        aux = aux || t_.auxiliaries.count(tokens_[b - 1].lower) > 0, --b;
      if (b == from || !t_.descriptors.count(tokens_[b - 1].lower)) continue;
      const Mention* m = person_from(as ? k + 2 : k + 1, to);
      if (!m) continue;
      // "the defector named Kim as his accomplice": the defector named someone else.
      if (!as && !aux && m->last < to && tokens_[m->last].lower == "as") continue;
      found[std::string(tokens_[b - 1].lower)].insert(m->name);
    }
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
    subject->name = name;
    subject->entity = EntityOf(name);
    subject->descriptor.clear();
    std::erase_if(c.participants, [&](const Participant& p) { return p.role != "subject" && p.name == name; });
    if (!c.attributes.count("rank"))
      if (int r = RankOf(name); r >= 0) c.attributes["rank"] = rules_.ranks[r].id;
  }
}

}  // namespace recon

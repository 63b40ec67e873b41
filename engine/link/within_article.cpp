// Within-article coreference of claims: unnamed tellings join the one story of their type
// that their article tells.
#include "within_article.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "recon/text_util.h"

namespace recon {

std::string SubjectOf(const Claim& c) {
  const Participant* subject = nullptr;
  const Participant* relative = nullptr;
  for (const auto& p : c.participants) {
    if (p.role == "subject" && !subject) subject = &p;
    if (p.role == "relative" && !relative) relative = &p;
  }
  if (!subject) return "";
  // "his daughter": unnamed, but whose daughter is known; she is one person across articles.
  if (subject->entity.empty() && relative && !relative->entity.empty() && !subject->descriptor.empty())
    return relative->entity + "/" + subject->descriptor;
  return subject->entity;
}

const std::string* DescriptorFamily(std::string_view descriptor, const RuleSet& rules) {
  auto fam = rules.names.descriptor_families.find(ToLower(descriptor));
  return fam == rules.names.descriptor_families.end() ? nullptr : &fam->second;
}

bool DescriptorFits(const Participant& unnamed, const Claim& named, const RuleSet& rules) {
  const std::string* family = DescriptorFamily(unnamed.descriptor, rules);
  if (!family) return true;
  auto rank = named.attributes.find("rank");
  if (rank == named.attributes.end()) return true;
  auto r = std::find_if(rules.ranks.begin(), rules.ranks.end(),
                        [&](const RankRule& x) { return x.id == rank->second; });
  return r == rules.ranks.end() || r->family == *family;
}

namespace {

const Participant* UnnamedSubject(const Claim& c) {
  for (const auto& p : c.participants)
    if (p.role == "subject" && p.entity.empty()) return &p;
  return nullptr;
}

// True when no two bounded dates among `members` are disjoint: they can all be one event.
bool DatesAgree(const std::vector<Claim>& claims, const std::vector<uint32_t>& members) {
  Date latest_start, earliest_end;
  for (uint32_t i : members) {
    const DateRange& d = claims[i].date;
    if (!d.bounded()) continue;
    if (latest_start.is_special() || d.start > latest_start) latest_start = d.start;
    if (earliest_end.is_special() || d.end < earliest_end) earliest_end = d.end;
  }
  return latest_start.is_special() || latest_start <= earliest_end;
}

// Joins the unnamed claims of one article and type to the named subject's first claim.
void JoinNamedStory(const std::vector<Claim>& claims, const std::vector<uint32_t>& members,
                    const std::string& subject, const RuleSet& rules, const std::optional<Date>& published,
                    ClaimGraph* graph) {
  std::vector<uint32_t> named;
  for (uint32_t i : members)
    if (SubjectOf(claims[i]) == subject) named.push_back(i);
  const Claim& hub = claims[named.front()];
  for (uint32_t i : members) {
    const Claim& c = claims[i];
    if (!SubjectOf(c).empty()) continue;
    if (const Participant* p = UnnamedSubject(c); p && !DescriptorFits(*p, hub, rules)) continue;
    if (c.headline && !c.date.bounded() && published) {
      bool recent = false, any_dated = false;
      for (uint32_t j : named)
        if (claims[j].date.bounded()) {
          any_dated = true;
          recent = recent || claims[j].date.end >= *published - boost::gregorian::days(183);
        }
      if (any_dated && !recent) continue;
    }
    if (c.date.bounded()) {
      bool any_dated = false, overlaps = false;
      for (uint32_t j : named) {
        if (!claims[j].date.bounded()) continue;
        any_dated = true;
        overlaps = overlaps || claims[j].date.Overlaps(c.date);
      }
      // A date of its own must meet one of theirs: "two aides were executed in November" is
      // not the undated execution of Jang the article is about.
      if (!any_dated || !overlaps) continue;
    }
    graph->AddEdge({std::min(i, named.front()), std::max(i, named.front()), Relation::kSameEvent, 0.8, ""});
  }
}

// Joins the claims of one article and type that name no one, when their dates allow one event.
void JoinUnnamedStory(const std::vector<Claim>& claims, const std::vector<uint32_t>& members,
                      ClaimGraph* graph) {
  if (members.size() < 2 || !DatesAgree(claims, members)) return;
  // "A senior diplomat ... abandoned his post" and "a soldier was shot": two kinds of unnamed
  // people are two stories.
  std::set<std::string> descriptors;
  for (uint32_t i : members)
    if (const Participant* p = UnnamedSubject(claims[i]); p && !p->descriptor.empty())
      descriptors.insert(ToLower(p->descriptor));
  if (descriptors.size() > 1) return;
  uint32_t hub = members.front();
  for (uint32_t i : members)
    if (claims[i].date.bounded()) {
      hub = i;
      break;
    }
  const Participant* hub_subject = UnnamedSubject(claims[hub]);
  const std::string hub_descriptor = hub_subject ? ToLower(hub_subject->descriptor) : "";
  for (uint32_t i : members) {
    if (i == hub) continue;
    // A described person ("a senior diplomat") tells the story only of the same description.
    // The headline's telling ("Missing diplomat's teenage daughter 'sent back'") also joins a
    // hub that gives none ("the girl had flown back on Nov. 14"): the article's main event.
    if (const Participant* p = UnnamedSubject(claims[i]);
        p && !p->descriptor.empty() && ToLower(p->descriptor) != hub_descriptor &&
        !(hub_descriptor.empty() && claims[i].headline))
      continue;
    graph->AddEdge({std::min(i, hub), std::max(i, hub), Relation::kSameEvent, 0.7, ""});
  }
}

}  // namespace

void LinkWithinArticles(const std::vector<Claim>& claims, const std::vector<std::string>& event_keys,
                        const RuleSet& rules, const std::vector<std::optional<Date>>& published,
                        ClaimGraph* graph) {
  std::map<std::pair<uint32_t, std::string>, std::vector<uint32_t>> stories;  // (doc, type and kind)
  for (uint32_t i = 0; i < claims.size(); ++i)
    if (!claims[i].generic) stories[{claims[i].doc_index, event_keys[i]}].push_back(i);
  for (const auto& [key, members] : stories) {
    std::set<std::string> subjects;
    for (uint32_t i : members)
      if (std::string s = SubjectOf(claims[i]); !s.empty()) subjects.insert(s);
    if (subjects.size() == 1)
      JoinNamedStory(claims, members, *subjects.begin(), rules,
                     key.first < published.size() ? published[key.first] : std::optional<Date>(), graph);
    if (subjects.empty()) JoinUnnamedStory(claims, members, graph);
  }
}

}  // namespace recon

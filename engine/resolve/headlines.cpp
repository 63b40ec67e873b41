// Headline events (Claim::headline): the thin drafts kept only for the event an article's title
// announces, merged when two outlets tell one, dropped when other coverage may be the same.
#include "headlines.h"

#include <algorithm>

#include "recon/link.h"
#include "recon/text_util.h"

namespace recon {

namespace {

// Whether two descriptions may be one person: the same word, or words of one rank family
// ("ambassador", "diplomat").
bool SameFamily(const std::string& a, const std::string& b, const RuleSet& rules) {
  if (ToLower(a) == ToLower(b)) return true;
  const auto& families = rules.names.descriptor_families;
  auto fa = families.find(ToLower(a)), fb = families.find(ToLower(b));
  return fa != families.end() && fb != families.end() && fa->second == fb->second;
}

// Whether a draft's subject may be the person an unnamed participant describes.
bool MayBe(const Participant& unnamed, const Draft& other, const std::vector<Claim>& claims, const RuleSet& rules) {
  // Its named subject, when it has one: the person's rank, where a telling gives it, must fit
  // the description (a rank nowhere given fits any).
  bool named = false, ranked = false, fits = false;
  for (uint32_t i : other.members) {
    const Claim& c = claims[i];
    for (const auto& p : c.participants) {
      if (p.role != "subject" || p.entity.empty()) continue;
      named = true;
      if (c.attributes.find("rank") == c.attributes.end()) continue;
      ranked = true;
      fits = fits || DescriptorFits(unnamed, c, rules);
    }
  }
  if (named) return !ranked || fits;
  // Else its descriptions; none at all may be anyone.
  bool described = false;
  for (uint32_t i : other.members)
    for (const auto& p : claims[i].participants)
      if (p.role == "subject" && !p.descriptor.empty()) {
        described = true;
        if (SameFamily(p.descriptor, unnamed.descriptor, rules)) return true;
      }
  return !described;
}

}  // namespace

void DropCoveredHeadlines(const ResolveTable& table, const std::vector<Claim>& claims, const RuleSet& rules,
                          std::vector<Draft>* drafts) {
  constexpr int kWindowDays = 183;
  std::vector<bool> drop(drafts->size(), false);
  // Two articles' headline tellings of one unnamed event ("a senior diplomat ... has abandoned
  // his post", told by two outlets in the same week) are one event: same type, same
  // description, first reported within a week of each other.
  auto description = [&](const Draft& d) {
    for (uint32_t i : d.members)
      for (const auto& p : claims[i].participants)
        if (p.role == "subject" && p.entity.empty()) return ToLower(p.descriptor);
    return std::string();
  };
  for (size_t k = 0; k < drafts->size(); ++k) {
    Draft& d = (*drafts)[k];
    if (drop[k] || !d.headline_only || !d.first_report) continue;
    const std::string& type = claims[d.members.front()].type;
    const std::string described = description(d);
    std::vector<uint32_t> members = d.members;
    for (size_t o = k + 1; o < drafts->size(); ++o) {
      const Draft& other = (*drafts)[o];
      if (drop[o] || !other.headline_only || !other.first_report || claims[other.members.front()].type != type ||
          !SameFamily(description(other), described, rules))
        continue;
      const auto apart = (*other.first_report - *d.first_report).days();
      if (apart > 7 || apart < -7) continue;
      members.insert(members.end(), other.members.begin(), other.members.end());
      drop[o] = true;
    }
    if (members.size() == d.members.size()) continue;
    std::sort(members.begin(), members.end());
    d = MakeDraft(table, std::move(members));
    d.headline_only = true;
  }
  for (size_t k = 0; k < drafts->size(); ++k) {
    const Draft& d = (*drafts)[k];
    if (drop[k] || !d.headline_only || !d.first_report) continue;
    const std::string& type = claims[d.members.front()].type;
    const Date report = *d.first_report;
    DateRange window{report - boost::gregorian::days(kWindowDays), report};
    window.granularity = Granularity::kDay;
    const uint32_t own_doc = claims[d.members.front()].doc_index;
    // The headline's unnamed person ("a senior diplomat"), if it names a description.
    const Participant* unnamed = nullptr;
    for (uint32_t i : d.members)
      for (const auto& p : claims[i].participants)
        if (!unnamed && p.role == "subject" && p.entity.empty() && !p.descriptor.empty()) unnamed = &p;
    for (size_t o = 0; o < drafts->size() && !drop[k]; ++o) {
      const Draft& other = (*drafts)[o];
      if (o == k || other.headline_only || claims[other.members.front()].type != type) continue;
      // Other coverage: an event other articles report. (One the article itself tells apart,
      // such as "in April, 13 restaurant workers arrived", is its background.)
      if (std::ranges::all_of(other.members, [&](uint32_t i) { return claims[i].doc_index == own_doc; }))
        continue;
      // ... of someone the headline's person may be: not a diplomat's defection for a soldier's.
      if (unnamed && !MayBe(*unnamed, other, claims, rules)) continue;
      bool dated = false;
      for (size_t g = 0; g < other.dates.size(); ++g)
        if (other.may_date[g]) {
          dated = true;
          drop[k] = drop[k] || other.dates[g].range.Overlaps(window);
        }
      if (!dated && other.first_report) drop[k] = window.Contains(DateRange::Day(*other.first_report));
    }
  }
  size_t kept = 0;
  for (size_t k = 0; k < drafts->size(); ++k) {
    if (drop[k]) continue;
    if (kept != k) (*drafts)[kept] = std::move((*drafts)[k]);
    ++kept;
  }
  drafts->resize(kept);
}

}  // namespace recon

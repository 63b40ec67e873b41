// RelationFinder: the relations a sentence states between its claim's event and another event or
// date, for the temporal network the resolver builds (docs/resolve.md, "Temporal constraints").
#include "relations.h"

#include <algorithm>

#include "recon/text_util.h"

namespace recon {

namespace {

// How many words may stand between before/after/since and the anchor's trigger: "after his
// arrest", "after he was arrested", "prior to Jang's arrest".
constexpr uint32_t kAnchorGap = 3;
// Words of an anchor read when no trigger names it ("after the summit").
constexpr uint32_t kAnchorWords = 4;

}  // namespace

RelationFinder::RelationFinder(const RuleSet& rules) : rules_(rules) {
  // The grammar roles of the time tagger's words; the words themselves are the rule pack's.
  for (const auto& [word, role] : rules.timex.words) {
    if (role == "before") roles_[ToLower(word)] = Role::kBefore;
    else if (role == "after") roles_[ToLower(word)] = Role::kAfter;
    else if (role == "since") roles_[ToLower(word)] = Role::kSince;
  }
  for (const auto& [word, role] : roles_) role_words_.insert(word);
  for (const auto& v : rules.names.reporting_verbs) reporting_verbs_[ToLower(v)] = true;
}

RelationFinder::Role RelationFinder::RoleOf(const Token& t) const {
  if (!role_words_.count(t.lower)) return Role::kNone;
  auto it = roles_.find(t.lower);
  return it == roles_.end() ? Role::kNone : it->second;
}

void RelationFinder::Find(const std::vector<Token>& tokens, uint32_t from, uint32_t to,
                          const std::vector<TimeExpression>& timexes,
                          std::span<const PhraseMatcher::Match> triggers, Claim* c) const {
  if (from >= to) return;
  // First token of the sentence starting at or after byte `b`.
  auto token_at = [&](size_t b) {
    return uint32_t(std::lower_bound(tokens.begin() + from, tokens.begin() + to, b,
                                     [](const Token& t, size_t x) { return t.begin < x; }) -
                    tokens.begin());
  };
  auto is_punct = [&](uint32_t k) { return tokens[k].kind == TokenKind::kPunct; };
  // The anchor after a preposition at token k: up to a trigger a few words on, else a few words.
  struct Anchor {
    uint32_t first = 0, last = 0;  // tokens [first, last)
    std::string type;
  };
  auto read_anchor = [&](uint32_t k, bool need_trigger, Anchor* a) {
    const PhraseMatcher::Match* best = nullptr;
    for (const auto& m : triggers)
      if (m.first >= k && m.first <= k + kAnchorGap && (!best || m.first < best->first)) best = &m;
    if (best) {
      for (uint32_t j = k; j < best->first; ++j)
        if (is_punct(j)) {
          best = nullptr;  // "Shortly after, Jang was executed": no anchor across a comma
          break;
        }
    }
    if (best) {
      *a = {k, best->last, rules_.triggers[best->pattern].event_type};
      return true;
    }
    if (need_trigger) return false;
    uint32_t e = k;
    while (e < to && e < k + kAnchorWords && !is_punct(e)) ++e;
    if (e == k) return false;
    *a = {k, e, ""};
    return true;
  };
  auto text_of = [&](uint32_t a, uint32_t b) {
    return std::string(tokens[a].text.data(), tokens[b - 1].text.data() + tokens[b - 1].text.size());
  };

  struct Found {
    ClaimRelation r;
    uint32_t first = 0, last = 0;  // the expression's tokens, anchor included
  };
  std::vector<Found> found;
  std::vector<bool> used(to - from, false);
  size_t sb = tokens[from].begin, se = tokens[to - 1].end;
  auto first_t = std::lower_bound(timexes.begin(), timexes.end(), sb,
                                  [](const TimeExpression& t, size_t b) { return t.begin < b; });
  for (auto it = first_t; it != timexes.end() && it->begin < se; ++it) {
    const TimeExpression& t = *it;
    uint32_t e0 = token_at(t.begin), e1 = token_at(t.end);
    for (uint32_t k = e0; k < e1; ++k) used[k - from] = true;
    if (!t.relation) continue;
    const TemporalRelation& rel = *t.relation;
    Found f;
    f.r.offset = t.anchor_only ? 0 : rel.offset;
    f.r.unit = t.anchor_only ? "" : rel.unit;
    f.r.before = rel.before;
    f.first = e0, f.last = e1;
    Anchor a;
    bool in_sentence = false;
    if (!rel.anchor.empty()) {
      f.r.anchor = rel.anchor;
      f.r.anchor_begin = rel.anchor_begin, f.r.anchor_end = rel.anchor_end;
      // An anchor that is a date mention ("two days after June 3", "a year later") dates it.
      auto at = std::lower_bound(timexes.begin(), timexes.end(), rel.anchor_begin,
                                 [](const TimeExpression& x, size_t b) { return x.begin < b; });
      if (at != timexes.end() && at != it && at->begin == rel.anchor_begin && !at->anchor_only &&
          at->range.bounded() && !at->range.vague)
        f.r.anchor_date = at->range;
      // "two days after the summit", which the article dates elsewhere.
      if (!f.r.anchor_date.bounded() && rel.anchor_date.bounded()) f.r.anchor_date = rel.anchor_date;
      if (rel.anchor_begin >= sb && rel.anchor_end <= se) {
        in_sentence = true;
        a.first = token_at(rel.anchor_begin), a.last = token_at(rel.anchor_end);
        for (const auto& m : triggers)
          if (m.first >= a.first && m.last <= a.last && a.type.empty())
            a.type = rules_.triggers[m.pattern].event_type;
      }
    } else if (!t.anchor_only && e1 < to && RoleOf(tokens[e1]) != Role::kNone &&
               read_anchor(e1 + 1, false, &a)) {
      // "four days after his arrest": the tagger anchors only "the ..." phrases and dates.
      in_sentence = true;
      f.r.anchor = text_of(a.first, a.last);
      f.r.anchor_begin = tokens[a.first].begin, f.r.anchor_end = tokens[a.last - 1].end;
    } else {
      continue;  // "four days later" with nothing dated before it: no anchor
    }
    if (in_sentence) {
      f.r.anchor_type = a.type;
      f.first = std::min(f.first, a.first);
      f.last = std::max(f.last, a.last);
      // The preposition between the expression and its anchor is taken too.
      for (uint32_t k = f.first; k < f.last; ++k) used[k - from] = true;
    }
    found.push_back(std::move(f));
  }
  // Bare orders the tagger does not read: "after his arrest", "before he fled", "since his
  // defection". Only with a trigger in the anchor: the order of two events is all they say.
  // (So only the few words before a trigger are looked at, not the whole sentence.)
  uint32_t bare_from = to, bare_to = from;
  for (const auto& m : triggers) {
    bare_from = std::min(bare_from, m.first > from + kAnchorGap + 1 ? m.first - kAnchorGap - 1 : from);
    bare_to = std::max(bare_to, m.first);
  }
  for (uint32_t k = bare_from; k < bare_to && k + 1 < to; ++k) {
    if (used[k - from]) continue;
    Role role = RoleOf(tokens[k]);
    if (role == Role::kNone) continue;
    Anchor a;
    if (!read_anchor(k + 1, true, &a)) continue;
    Found f;
    f.r.before = role == Role::kBefore;
    f.r.anchor = text_of(a.first, a.last);
    f.r.anchor_type = a.type;
    f.r.anchor_begin = tokens[a.first].begin, f.r.anchor_end = tokens[a.last - 1].end;
    f.first = k, f.last = a.last;
    for (uint32_t j = k; j < a.last; ++j) used[j - from] = true;
    found.push_back(std::move(f));
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const Found& x, const Found& y) { return x.first < y.first; });
  // Each relation belongs to the trigger nearest it (one after it counts a little further, as in
  // the extractor's choice of date), never to one inside it.
  for (auto& f : found) {
    size_t eb = tokens[f.first].begin, ee = tokens[f.last - 1].end;
    const PhraseMatcher::Match* best = nullptr;
    long best_d = 0;
    for (const auto& m : triggers) {
      size_t tb = tokens[m.first].begin, te = tokens[m.last - 1].end;
      if (tb < ee && te > eb) continue;
      long d = eb >= te ? long(eb - te) : long(tb - ee) + 5;
      if (!best || d < best_d) best = &m, best_d = d;
    }
    if (!best || rules_.triggers[best->pattern].event_type != c->type) continue;
    // "was killed, police said on Friday, eleven days after he was attacked": a reporting verb
    // between the trigger and the relation means the relation dates the report.
    uint32_t lo = std::min(best->last, f.last), hi = std::max(best->first, f.first);
    bool report = false;
    for (uint32_t k = lo; k < hi; ++k) report = report || reporting_verbs_.count(tokens[k].lower) > 0;
    if (report) continue;
    // "We spoke to him after the news last month that Jo had been living in the South": a
    // trigger in a that-clause after the relation is not what the relation orders.
    bool complement = false;
    if (f.last <= best->first)
      for (uint32_t k = f.last; k < best->first; ++k) complement = complement || tokens[k].lower == "that";
    if (complement) continue;
    f.r.begin = eb, f.r.end = ee;
    c->relations.push_back(std::move(f.r));
  }
}

}  // namespace recon

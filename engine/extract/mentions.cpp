// MentionFinder: gazetteer entities, Korean-style names by shape, titles and ranks before names.
#include "mentions.h"

#include <algorithm>
#include <map>
#include <set>

#include "recon/text_util.h"

namespace recon {

MentionFinder::MentionFinder(const RuleSet& rules) : rules_(rules) {
  for (uint32_t i = 0; i < rules.entities.size(); ++i) {
    gazetteer_.Add(rules.entities[i].name, i);
    for (const auto& a : rules.entities[i].aliases) gazetteer_.Add(a, i);
  }
  for (uint32_t i = 0; i < rules.ranks.size(); ++i)
    for (const auto& n : rules.ranks[i].names) ranks_.Add(n, i);
  for (const auto& s : rules.names.surnames) surnames_.insert(s);
  for (const auto& s : rules.names.stop_words) stop_words_.insert(s);
  for (const auto& s : rules.names.titles) titles_.insert(ToLower(s));
  for (const auto& s : rules.names.descriptors) descriptors_.insert(ToLower(s));
}

bool MentionFinder::IsGivenNamePart(const Token& t) const {
  return t.kind == TokenKind::kWord && t.capitalized() && t.text.size() <= 12 &&
         !IsStopWord(t.text) && !(t.text.size() > 1 && IsAsciiUpper(t.text[1]));
}

namespace {

std::string Join(const std::vector<Token>& tokens, uint32_t first, uint32_t last) {
  std::string s;
  for (uint32_t i = first; i < last; ++i) {
    if (i > first && tokens[i].begin > tokens[i - 1].end) s += ' ';
    s += tokens[i].text;
  }
  return s;
}

}  // namespace

void MentionFinder::Find(const std::vector<Token>& tokens, uint32_t from, uint32_t to,
                         uint32_t sentence, std::vector<Mention>* out,
                         std::vector<RankMention>* ranks) const {
  // Scratch kept per thread: this runs once per sentence.
  thread_local std::vector<uint8_t> taken;
  thread_local std::vector<PhraseMatcher::Match> matches;
  // Noted by the first two passes, so each later pass visits only the tokens it can use rather
  // than every token again: the capitalised ones (gazetteer entries and names start with one),
  // the capitalised Korean surnames outside entries, the capitalised ones and dots (what
  // follows a title or a word for a person) and the commas (appositions).
  thread_local std::vector<uint32_t> caps, surnames, heads, commas;
  taken.assign(to - from, 0);
  caps.clear(), surnames.clear(), heads.clear(), commas.clear();
  auto mark = [&](uint32_t a, uint32_t b) {
    for (uint32_t k = a; k < b; ++k) taken[k - from] = 1;
  };
  auto free = [&](uint32_t a, uint32_t b) {
    for (uint32_t k = a; k < b; ++k)
      if (taken[k - from]) return false;
    return true;
  };
  // Mentions are appended to `out` and sorted there: out[base, end) is this sentence's.
  const size_t base = out->size();
  std::vector<Mention>& found = *out;
  // Ranks: "Lt. Col.", "minister", ... in lower case anywhere. Those before `rank_base` are
  // earlier sentences'; those from `rank_reach` on may run into this one, where no stop split
  // the sentences ("promoted to Sergeant\n\nFirst Class Kim"). Ranks do not overlap, so they
  // end in the order they start.
  const size_t rank_base = ranks->size();
  size_t rank_reach = rank_base;
  while (rank_reach > 0 && (*ranks)[rank_reach - 1].last > from) --rank_reach;
  for (uint32_t i = from, rank_end = from; i < to; ++i) {
    const Token& t = tokens[i];
    if (t.capitalized()) {
      caps.push_back(i);
      heads.push_back(i);
    } else if (t.kind == TokenKind::kPunct) {  // a dot or a comma is a punctuation token of its own
      if (t.text[0] == '.')
        heads.push_back(i);
      else if (t.text[0] == ',')
        commas.push_back(i);
    }
    if (i < rank_end) continue;
    matches.clear();
    ranks_.MatchAt(tokens, i, &matches);
    if (matches.empty()) continue;
    ranks->push_back({matches[0].first, matches[0].last, matches[0].pattern, sentence});
    rank_end = matches[0].last;
  }
  // Gazetteer: longest match, written with a capital (or all capitals for acronyms).
  for (uint32_t i : caps) {
    if (taken[i - from]) continue;  // inside an entry found before
    const Token& t = tokens[i];
    if (t.kind == TokenKind::kWord && IsSurname(t.text)) surnames.push_back(i);
    matches.clear();
    gazetteer_.MatchAt(tokens, i, &matches);
    for (const auto& m : matches) {
      if (m.last > to || !free(m.first, m.last)) continue;
      const auto& e = rules_.entities[m.pattern];
      // "Kim Chol Ung" is not "Kim Chol" (an alias of Kim Jong-nam) and another word: a Korean
      // name of two parts with a given-name part right after it is a longer name.
      if (e.type == EntityType::kPerson && m.last - m.first == 2 && IsSurname(tokens[m.first].text) && m.last < to &&
          IsGivenNamePart(tokens[m.last]) && tokens[m.last].begin == tokens[m.last - 1].end + 1)
        continue;
      found.push_back({m.first, m.last, sentence, e.type, e.id, e.name, -1, false});
      mark(m.first, m.last);
      break;
    }
  }
  // A comma inside an entry sets off no apposition.
  std::erase_if(commas, [&](uint32_t j) { return taken[j - from] != 0; });
  // Korean-style names: a known surname and a given name ("Yong-ho", "Jong Un", "Song Gil").
  for (uint32_t i : surnames) {
    if (i + 1 >= to || taken[i - from]) continue;
    const Token& t = tokens[i];
    const Token& g = tokens[i + 1];
    if (!IsGivenNamePart(g) || g.begin != t.end + 1) continue;
    uint32_t last = i + 2;
    bool hyphenated = g.text.find('-') != std::string_view::npos;
    if (!hyphenated) {
      // "Kim Jong Un": two short capitalised syllables; one alone is too weak ("Kim Said").
      if (last < to && IsGivenNamePart(tokens[last]) && tokens[last].text.size() <= 6 &&
          g.text.size() <= 6 && tokens[last].begin == g.end + 1)
        ++last;
      else
        continue;
    }
    if (!free(i, last)) continue;
    found.push_back({i, last, sentence, EntityType::kPerson, "", Join(tokens, i, last), -1, false});
    mark(i, last);
  }
  // A title or rank before capitalised words names a person: "Mr. Park", "Sgt. Oh Chong-song".
  // `after` is the token after the title; up to three free name parts follow it (and a dot).
  auto name_after_title = [&](uint32_t after) {
    uint32_t k = after;
    if (k < to && tokens[k].text == ".") ++k;
    uint32_t j = k;
    while (j < to && j < k + 3 && IsGivenNamePart(tokens[j]) && !taken[j - from]) ++j;
    if (j > k && free(k, j)) {
      const bool surname = j == k + 1 && IsSurname(tokens[k].text);
      found.push_back({k, j, sentence, EntityType::kPerson, "", Join(tokens, k, j), -1, surname, surname});
      mark(k, j);
    }
  };
  for (size_t r = rank_base; r < ranks->size(); ++r) {
    if ((*ranks)[r].last >= to) continue;
    name_after_title((*ranks)[r].last);
  }
  // `h` is the token after a candidate title or word for a person: capitalised, or a title's dot.
  uint32_t resume = from;  // the first token a name found after a word for a person leaves free
  for (uint32_t h : heads) {
    if (h <= resume) continue;
    const uint32_t i = h - 1;
    // Titles and words for a person are words: most heads follow a comma or a quote mark.
    if (tokens[i].kind != TokenKind::kWord) continue;
    // Not inside a longer rank: "Sergeant First Class Kim" names Kim, after the whole rank.
    if (std::any_of(ranks->begin() + rank_reach, ranks->end(),
                    [&](const RankMention& r) { return r.first <= i && r.last > i + 1; }))
      continue;
    if (titles_.count(tokens[i].lower)) {
      name_after_title(i + 1);
      continue;
    }
    // Names of any shape after a word for a person: "student Otto Warmbier", "missionary
    // Kenneth Bae", "tourist John Smith". Two or three capitalised parts: one is too weak ("the
    // agent Pyongyang"). The word is in lower case but at the sentence's start: "the National
    // Defence Commission" is no name.
    if (i + 2 >= to || (i > from && tokens[i].capitalized()) || !descriptors_.count(tokens[i].lower)) continue;
    uint32_t j = i + 1;
    while (j < to && j < i + 4 && IsGivenNamePart(tokens[j]) && !taken[j - from]) ++j;
    if (j < i + 3 || !free(i + 1, j)) continue;
    // "a defector Radio Free Asia interviewed", "the official Yonhap News Agency": an outlet.
    if (rules_.FindOutlet(Join(tokens, i + 1, j))) continue;
    found.push_back({i + 1, j, sentence, EntityType::kPerson, "", Join(tokens, i + 1, j), -1, false});
    mark(i + 1, j);
    resume = j;
  }
  // Names of any shape set off by an apposition that says who the person is: "Otto Warmbier,
  // a University of Virginia student," or "Otto Warmbier, 21,". Two or three capitalised parts
  // not after another capitalised word, then a comma and an age or an article with a person
  // word in the next few words (no punctuation between): "the Supreme Court, the country's
  // top court" is no person.
  // Read from each comma back, since commas are few.
  for (uint32_t j : commas) {
    if (j < from + 2 || j + 1 >= to) continue;
    const Token& next = tokens[j + 1];
    bool apposition = next.kind == TokenKind::kNumber && next.text.size() == 2 && j + 2 < to && tokens[j + 2].text == ",";
    if (!apposition && IsArticle(next.lower))
      for (uint32_t k = j + 2; k < to && k < j + 8 && tokens[k].kind != TokenKind::kPunct && !apposition; ++k)
        apposition = descriptors_.count(tokens[k].lower) > 0;
    if (!apposition) continue;
    uint32_t i = j;
    while (i > from && j - i < 3 && !taken[i - 1 - from] && IsGivenNamePart(tokens[i - 1])) --i;
    if (j - i < 2 || (i > from && tokens[i - 1].capitalized()) || rules_.FindOutlet(Join(tokens, i, j))) continue;
    found.push_back({i, j, sentence, EntityType::kPerson, "", Join(tokens, i, j), -1, false});
    mark(i, j);
  }
  // A surname alone ("Thae said"), to be resolved against earlier full names.
  for (uint32_t i : surnames) {
    if (taken[i - from]) continue;
    const Token& t = tokens[i];
    if (i + 1 < to && IsGivenNamePart(tokens[i + 1]) && tokens[i + 1].begin == t.end + 1) continue;
    found.push_back({i, i + 1, sentence, EntityType::kPerson, "", std::string(t.text), -1, true});
  }
  // The passes find disjoint spans, so the order is the same however it is reached; most
  // sentences' mentions are in order already, and moving a Mention moves two strings.
  auto by_first = [](const Mention& a, const Mention& b) { return a.first < b.first; };
  if (!std::is_sorted(found.begin() + base, found.end(), by_first)) std::sort(found.begin() + base, found.end(), by_first);
}

void MentionFinder::AddWesternSurnames(const std::vector<Token>& tokens,
                                       const std::vector<std::pair<uint32_t, uint32_t>>& sentences,
                                       std::vector<Mention>* mentions) const {
  // The names in Western order: two parts or more, the first no Korean surname. Most articles
  // have none and end here.
  std::vector<size_t> western;
  for (size_t k = 0; k < mentions->size(); ++k) {
    const Mention& m = (*mentions)[k];
    if (m.type == EntityType::kPerson && !m.coreferent && m.last - m.first >= 2 && !IsSurname(tokens[m.first].text))
      western.push_back(k);
  }
  if (western.empty()) return;
  // 0: free, 1: in a mention, 2: a lone Korean surname (a coreferent mention).
  auto taken = [&](uint32_t i) -> int {
    auto it = std::upper_bound(mentions->begin(), mentions->end(), i,
                               [](uint32_t at, const Mention& m) { return at < m.first; });
    for (; it != mentions->begin();) {
      const Mention& m = *--it;
      if (m.last > i) return m.coreferent ? 2 : 1;
      if (m.first + 8 < i) break;  // mentions are short
    }
    return 0;
  };
  std::vector<Mention> added;
  for (uint32_t s = 0; s < sentences.size(); ++s)
    for (uint32_t i = sentences[s].first; i < sentences[s].second; ++i) {
      if (!tokens[i].capitalized()) continue;
      // The latest such name before the word; else the first after it (a headline's "Bae").
      const Mention* full = nullptr;
      for (size_t k : western) {
        const Mention& o = (*mentions)[k];
        if (tokens[o.last - 1].text != tokens[i].text || o.first == i) continue;
        if (!full || o.first < i) full = &o;
      }
      if (!full || !IsGivenNamePart(tokens[i])) continue;
      const int state = taken(i);
      if (state == 1) continue;
      if (state == 2) {
        // "Bae" alone, read as a Korean surname: it stands for "Kenneth Bae", unless the
        // article also names a Korean Bae ("Bae Jong-ho").
        if (std::ranges::any_of(*mentions, [&](const Mention& m) {
              return !m.coreferent && m.type == EntityType::kPerson && tokens[m.first].text == tokens[i].text;
            }))
          continue;
        for (Mention& m : *mentions)
          if (m.first == i && m.coreferent) m.coreferent = false, m.name = full->name, m.entity = full->entity;
        continue;
      }
      added.push_back({i, i + 1, s, EntityType::kPerson, full->entity, full->name, -1, false});
    }
  if (added.empty()) return;
  mentions->insert(mentions->end(), added.begin(), added.end());
  std::stable_sort(mentions->begin(), mentions->end(), [](const Mention& a, const Mention& b) { return a.first < b.first; });
}

namespace {

std::string_view Surname(std::string_view name) {
  size_t sp = name.find(' ');
  return sp == std::string_view::npos ? name : name.substr(0, sp);
}

}  // namespace

void ResolveDocumentMentions(const std::vector<Token>& tokens, std::vector<Mention>* mentions,
                             const std::vector<RankMention>& ranks, const std::vector<std::string>& headline,
                             const std::vector<std::string>& leaders, const WordSet* possessives) {
  // Surname-only mentions take the most salient earlier full name with that surname: the one
  // named most often so far, a mention that qualifies someone else ("the half-brother of Kim
  // Jong Un", "Kim Jong Un's uncle") counting half; ties go to the latest. With none, the next
  // later one ("Thae" in a headline before "Thae Yong-ho" in the body); else they are dropped.
  auto qualifier = [&](const Mention& o) {
    if (o.last < tokens.size() && IsPossessiveMark(tokens[o.last].lower))
      return true;
    for (uint32_t k = o.first; k > 0 && k + 4 > o.first; --k) {
      if (tokens[k - 1].kind == TokenKind::kPunct) break;
      if (tokens[k - 1].lower == "of") return true;
    }
    return false;
  };
  // "Hyun" after "Hyun Yong-chol", whose canonical name is "Hyon Yong-chol": the surname as
  // written counts as well as the canonical one.
  auto same_surname = [&](const Mention& o, const std::string& surname) {
    return Surname(o.name) == surname || tokens[o.first].text == surname;
  };
  // What becomes of each mention kept, decided on the mentions as found and applied after:
  // copying every mention, so that the later ones read the found ones, cost more than the rest.
  struct Kept {
    size_t index = 0;
    const Mention* bearer = nullptr;  // for a resolved surname, the mention of its full name
    bool own = false;                 // a surname that stands as a name of its own
  };
  std::vector<Kept> kept;
  std::map<std::string, int> salience;  // full name -> 2 per plain mention, 1 per qualifier
  // "North Korea executes Kim Jong Un's uncle": whom the headline names is whom the story is
  // about. Such a name counts only once the body names it too, however it spaces or hyphenates
  // it ("Kim Jong-un", "Kim Jong Un").
  auto loose = [](std::string_view name) {
    std::string key(name.size(), '\0');  // written in place, then cut to what was kept
    size_t n = 0;
    for (unsigned char ch : name)
      if (IsAsciiAlpha(char(ch)) || IsAsciiDigit(char(ch)) || (ch & 0x80)) key[n++] = char(ch | (IsAsciiUpper(char(ch)) ? 0x20 : 0));
    key.resize(n);
    return key;
  };
  std::map<std::string, int> prior;
  for (const auto& n : headline) prior[loose(n)] = 2;
  // Each mention's loose name, made once: the lookup below runs for every pair of mentions.
  std::vector<std::string> loose_name(prior.empty() ? 0 : mentions->size());
  for (size_t k = 0; k < loose_name.size(); ++k) loose_name[k] = loose((*mentions)[k].name);
  // The abbreviated title right before a mention ("Rep." in "Rep. Kim"), lower case; "" if none.
  auto title = [&](const Mention& o) -> std::string_view {
    if (o.first < 2 || tokens[o.first - 1].text != "." || !tokens[o.first - 2].capitalized()) return "";
    return tokens[o.first - 2].lower;
  };
  // "a defendant identified only by his surname, Yoon", "a defector surnamed Kim": the article
  // withholds the rest of that person's name, so the surname names no one else it names in full
  // ("the Yoon Suk Yeol government").
  std::set<std::string> withheld;
  for (const Mention& m : *mentions) {
    if (!m.coreferent) continue;
    for (uint32_t k = m.first; k > 0 && k + 4 > m.first; --k) {
      const std::string_view w = tokens[k - 1].lower;
      if (w == "surnamed" || w == "surname" || (w == "name" && k >= 2 && tokens[k - 2].lower == "family")) {
        withheld.insert(m.name);
        break;
      }
    }
  }
  for (size_t i = 0; i < mentions->size(); ++i) {
    const Mention& m = (*mentions)[i];
    bool coreferent = m.coreferent;
    if (coreferent && withheld.count(m.name)) {
      if (!m.titled) continue;  // "a defector surnamed Kim": no one the article names in full
      coreferent = false;       // "Sgt. Kim", surnamed only: a name of its own
    }
    if (coreferent) {
      const Mention* target = nullptr;
      int best = -1;
      // "Rep. Kim" after "Rep. Kim Byung-kee": the same title names the same person, however
      // salient another Kim is.
      const std::string_view own_title = title(m);
      for (size_t k = i; k-- > 0;) {
        const Mention& o = (*mentions)[k];
        if (o.coreferent || o.type != EntityType::kPerson || !same_surname(o, m.name)) continue;
        auto p = prior.empty() ? prior.end() : prior.find(loose_name[k]);
        int score = salience[o.name] + (p == prior.end() ? 0 : p->second);
        if (!own_title.empty() && title(o) == own_title) score += 1000;
        if (score > best) best = score, target = &o;
      }
      for (size_t k = i + 1; !target && k < mentions->size(); ++k) {
        const Mention& o = (*mentions)[k];
        if (!o.coreferent && o.type == EntityType::kPerson && same_surname(o, m.name)) target = &o;
      }
      if (target) {
        kept.push_back({i, target, false});
        continue;
      }
      if (!m.titled) continue;
      coreferent = false;  // "Major Ri", and no fuller Ri: a name of its own
    }
    if (!coreferent && m.type == EntityType::kPerson) {
      auto [it, first] = salience.emplace(m.name, 0);
      const bool qualifies = qualifier(m);
      // "under leader Kim Jong Un ... Kim Hyok Chol ... Since taking power, Kim has executed":
      // the leader, once named, outweighs another Kim named as often. Not when named only to
      // place someone else: "Kim Jong Nam, the half-brother of leader Kim Jong Un".
      if (first && !qualifies && !m.entity.empty() && std::find(leaders.begin(), leaders.end(), m.entity) != leaders.end())
        it->second += 2;
      it->second += qualifies ? 1 : 2;
    }
    kept.push_back({i, nullptr, coreferent != m.coreferent});
  }
  // A resolved surname takes its full name before any mention moves. The full names' mentions
  // are no surnames, so none of them changes here.
  for (const Kept& k : kept)
    if (k.bearer) (*mentions)[k.index].entity = k.bearer->entity, (*mentions)[k.index].name = k.bearer->name;
  std::vector<Mention> resolved;
  resolved.reserve(kept.size());
  for (const Kept& k : kept) {
    resolved.push_back(std::move((*mentions)[k.index]));
    if (k.own) resolved.back().coreferent = false;
  }
  *mentions = std::move(resolved);
  // A rank qualifies the person right after it ("Lt. Col. Kim", "minister Thae") or the one
  // right before it in apposition ("Thae, a minister at the embassy", "Thae, the North's
  // deputy ambassador"); nearest wins. After a possessive pronoun it is someone else's: "Kim
  // has replaced his defence chief".
  for (const auto& r : ranks) {
    const bool owned = r.first > 0 && possessives && possessives->count(tokens[r.first - 1].lower);
    Mention* best = nullptr;
    uint32_t best_d = 9;
    for (auto& m : *mentions) {
      if (m.type != EntityType::kPerson) continue;
      uint32_t d;
      if (m.first >= r.last) d = m.first - r.last;
      else if (r.first >= m.last && !owned) d = r.first - m.last + 1;
      else continue;
      if (m.sentence == r.sentence && d < best_d) best_d = d, best = &m;
    }
    if (best && best->rank < 0) best->rank = int(r.rank);
  }
}

}  // namespace recon

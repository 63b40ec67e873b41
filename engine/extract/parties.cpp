// Cited parties: reading the party next to an attribution cue off the tokens (a name, or a short
// description headed by a source noun) and naming it as the chain does (an outlet's or the
// gazetteer's name, a capital's state, "the agency" as the party cited before).
#include <algorithm>

#include "reader.h"
#include "recon/text_util.h"

namespace recon {

namespace {

bool IsDet(const Token& t) { return t.lower == "the" || t.lower == "a" || t.lower == "an"; }
bool IsApostrophe(const Token& t) { return t.text == "'" || t.text == "\xE2\x80\x99"; }
bool IsWord(const Token& t) { return t.kind != TokenKind::kPunct || IsApostrophe(t); }
bool IsPossessive(const Token& t) {
  return IsPossessiveMark(t.lower) || t.lower == "s";
}
// Words that join the parts of one name: "Ministry of Unification", "Korea's".
bool Joins(const Token& t) {
  return t.lower == "of" || t.lower == "for" || IsPossessive(t) || IsApostrophe(t);
}

// Whether `word`, or its plural in "s", is one of the words of `text` ("the ministry" names the
// "unification ministry", "the official" the "officials"; "the man" names no "woman").
bool HasWord(std::string_view text, std::string_view word) {
  for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    size_t end = at + word.size();
    if (end < text.size() && text[end] == 's') ++end;
    if ((at == 0 || !IsAsciiAlpha(text[at - 1])) && (end == text.size() || !IsAsciiAlpha(text[end]))) return true;
  }
  return false;
}

// The words at `idx`, spaced as written where they were adjacent; `plain` drops a possessive
// ending ("Assembly's" in "member of the National Assembly's committee").
std::string Join(const std::vector<Token>& tokens, const std::vector<uint32_t>& idx, bool plain) {
  std::string s;
  for (size_t i = 0; i < idx.size(); ++i) {
    const Token& t = tokens[idx[i]];
    if (i > 0 && (idx[i] != idx[i - 1] + 1 || t.begin > tokens[idx[i - 1]].end)) s += ' ';
    std::string_view w = t.text;
    if (plain && w.size() > 2 && (w.substr(w.size() - 2) == "'s")) w.remove_suffix(2);
    if (plain && w.size() > 4 && (w.substr(w.size() - 4) == "\xE2\x80\x99s")) w.remove_suffix(4);
    s += w;
  }
  return s;
}

}  // namespace

bool ExtractorTables::VagueSource(std::string_view party) const {
  return stance.vague_sources.count(AsciiLower(party).view()) > 0;
}

StanceTables::StanceTables(const RuleSet& r) {
  for (const auto& w : r.names.outlet_nouns) outlet_nouns.insert(ToLower(w));
  for (const auto& w : r.names.anonymity_words) anonymity_words.insert(ToLower(w));
  for (const auto& w : r.names.vague_sources) vague_sources.insert(ToLower(w));
  for (const auto& w : r.names.collective_nouns) collective_nouns.insert(ToLower(w));
  for (const auto& w : r.names.carry_over_cues) carry_over.insert(ToLower(w));
  for (const auto& [from, to] : r.names.party_metonyms) metonyms[ToLower(from)] = to;
  for (const auto& p : r.names.source_postmodifiers) {
    std::vector<std::string> words;
    for (const auto& w : SplitWords(ToLower(p))) words.push_back(w);
    if (!words.empty()) postmodifiers.push_back(std::move(words));
  }
}

namespace {

// The cited party next to an attribution cue, as written: a capitalised name ("the Unification
// Ministry", "South Korea's spy agency") or a short noun phrase headed by a source noun
// ("officials", "a government source", "people familiar with the matter"), normalised to a short
// description: no determiner, no "unnamed", "a team of investigators" as "investigators", "a
// member of the X committee" as "X committee member". Returns "" when what stands there is no
// plausible party. `subject`: read rightwards from `at`, the party is a sentence's subject and
// its verb follows it ("Yonhap went further, reporting ...").
std::string CaptureSource(const std::vector<Token>& tokens, uint32_t from, uint32_t to, uint32_t at,
                          bool leftwards, const ExtractorTables& t, bool subject = false) {
  const StanceTables& st = t.stance;
  auto source_noun = [&](const Token& tk) { return t.source_nouns.count(tk.lower) > 0; };
  uint32_t a, b;
  if (leftwards) {
    // "the National Intelligence Service (NIS) told": the abbreviation is no part of the cue.
    if (at > from + 2 && tokens[at - 1].text == ")") {
      uint32_t k = at - 1;
      while (k > from && at - k < 5 && tokens[k].text != "(") --k;
      if (tokens[k].text == "(") at = k;
    }
    bool after_comma = at > from && tokens[at - 1].text == ",";
    if (after_comma) {
      // "A government official, speaking on condition of anonymity, said": the party stands
      // before the first comma of the sentence.
      uint32_t first_comma = from;
      while (first_comma < at - 1 && tokens[first_comma].text != ",") ++first_comma;
      // "The diplomat, Jo Song Gil, said": a name of up to four words set off by the commas
      // speaks, not the word before them.
      bool name = first_comma + 1 < at - 1 && at - 1 - (first_comma + 1) <= 4;
      for (uint32_t k = first_comma + 1; k < at - 1 && name; ++k)
        name = tokens[k].kind == TokenKind::kWord && tokens[k].capitalized() && !t.function_words.count(tokens[k].lower);
      if (name) at = at - 1;
      else if (first_comma < at - 1) at = first_comma;
    }
    // Walk left over the noun phrase that ends right before the cue.
    uint32_t k = at;
    int modifiers = 0;  // lower-case words before the source noun: "foreign affairs committee"
    while (k > from && at - k < 9) {
      const Token& tk = tokens[k - 1];
      if (!IsWord(tk)) break;
      if (IsDet(tk)) {
        --k;
        // "a member of the National Assembly's committee": go on over "<noun> of the".
        if (k >= from + 2 && (tokens[k - 1].lower == "of" || tokens[k - 1].lower == "for") &&
            (source_noun(tokens[k - 2]) || st.collective_nouns.count(tokens[k - 2].lower))) {
          --k;
          continue;
        }
        break;
      }
      // "of" joins only what comes before a name or a source noun: "Ministry of Unification",
      // "team of investigators".
      const bool joins = Joins(tk) && k < at &&
                         (IsPossessive(tk) || tokens[k].capitalized() || source_noun(tokens[k]));
      if (!tk.capitalized() && !joins && t.function_words.count(tk.lower)) break;
      // A modifier of a source noun is part of it: "news agency", "spy agency".
      const bool modifier = k < at && tk.kind == TokenKind::kWord && !t.function_words.count(tk.lower) &&
                            modifiers < 2 && (source_noun(tokens[k]) || modifiers > 0);
      if (modifier && !source_noun(tk) && !tk.capitalized()) ++modifiers;
      else if (!modifier) modifiers = 0;
      if (!tk.capitalized() && !joins && !modifier && !source_noun(tk) && !st.collective_nouns.count(tk.lower)) {
        // An adjective right after a determiner: "an international team", "a senior official".
        if (k >= from + 2 && IsDet(tokens[k - 2]) && k < at && !tokens[k].capitalized()) {
          --k;
          continue;  // the determiner comes next
        }
        break;
      }
      --k;
    }
    a = k, b = at;
    // "A man in his 50s from Chongjin, who defected last year, said": the man, not where he
    // is from. (Officials "in Seoul" speak for the South.)
    if (b > a && a >= from + 2 && tokens[a - 1].lower == "from")
      for (uint32_t n = a - 1; n-- > from && n + 7 > a;) {
        if (!IsWord(tokens[n])) break;
        if (source_noun(tokens[n]) && !tokens[n].capitalized()) {
          a = n, b = n + 1;
          break;
        }
      }
    // "a source in Ryanggang Province told": the source speaks, not the province.
    if (b > a && a >= from + 2 && tokens[a - 1].lower == "in" && st.vague_sources.count(tokens[a - 2].lower) &&
        tokens[a].capitalized())
      a -= 2;
    if (b <= a) {
      // "X on Thursday softened its account, saying ...", "A defector who fled in 2019 said
      // ...": the subject of the sentence, after a comma or with a relative clause of its own.
      uint32_t j = from;
      if (j < to && IsDet(tokens[j])) ++j;
      uint32_t end = j;
      while (end < to && end < j + 6 && IsWord(tokens[end]) &&
             (tokens[end].capitalized() || Joins(tokens[end]) || source_noun(tokens[end])))
        ++end;
      // "A woman in her 40s who left in 2019 said", "a trader from Hyesan who ...": a short
      // phrase saying who the person is may stand between the noun and its relative clause.
      uint32_t who = end;
      if (who < at && (tokens[who].lower == "in" || tokens[who].lower == "from" || tokens[who].lower == "aged"))
        while (who < at && who < end + 5 && IsWord(tokens[who]) && tokens[who].lower != "who") ++who;
      bool relative = who < at && (tokens[who].lower == "who" || tokens[who].lower == "whose");
      // The relative clause runs on to the cue: not "The soldier who was shot ..., the
      // surgeon said".
      for (uint32_t k = who; relative && k < at; ++k) relative = IsWord(tokens[k]);
      if ((after_comma || relative) && end > j && source_noun(tokens[end - 1])) a = j, b = end;
    }
  } else {
    uint32_t k = at;
    if (k < to && IsDet(tokens[k])) ++k;
    // "according to two people familiar with the case": the count is no part of the party.
    // ("according to both sources" stays: a vague party alone would be dropped.)
    if (k + 1 < to && (tokens[k].kind == TokenKind::kNumber || t.numbers.count(tokens[k].lower)) &&
        source_noun(tokens[k + 1]) && !st.vague_sources.count(tokens[k + 1].lower))
      ++k;
    // Skip a few lower-case modifiers before a name: "the official Korean Central News Agency".
    for (uint32_t look = k; look < to && look < k + 3; ++look) {
      // "according to a source in North Hamgyong": the source, not where it is.
      if (!IsWord(tokens[look]) || t.place_prepositions.count(tokens[look].lower)) break;
      if (tokens[look].capitalized()) {
        k = look;
        break;
      }
    }
    // "according to Rep. Kim Byung-kee": a title's abbreviation goes before the name.
    if (k + 2 < to && tokens[k + 1].text == "." && tokens[k + 2].capitalized() &&
        t.abbreviations.count(std::string(tokens[k].lower) + "."))
      k += 2;
    a = k;
    bool capital = k < to && tokens[k].capitalized();
    while (k < to && k < a + 7) {
      const Token& tk = tokens[k];
      if (!IsWord(tk)) break;
      if (capital) {
        // "South Korean officials": a name, then the source nouns it qualifies.
        if (!(tk.capitalized() || (Joins(tk) && k + 1 < to && tokens[k + 1].capitalized()))) {
          while (k < to && k < a + 7 && source_noun(tokens[k])) ++k;
          break;
        }
      } else {
        // "spy agency", "the country's spy agency": modifiers before a source noun.
        bool noun_ahead = false;
        for (uint32_t j = k; j < to && j < k + 4 && IsWord(tokens[j]) && !noun_ahead; ++j)
          noun_ahead = source_noun(tokens[j]);
        if (!noun_ahead || (!source_noun(tk) && t.function_words.count(tk.lower))) break;
      }
      ++k;
    }
    b = k;
    // "people familiar with his questioning": the party runs to the end of the clause.
    for (const auto& pm : st.postmodifiers) {
      if (b == a || b + pm.size() > to) continue;
      bool match = true;
      for (size_t i = 0; i < pm.size() && match; ++i) match = tokens[b + i].lower == pm[i];
      if (!match) continue;
      uint32_t e = b + uint32_t(pm.size());
      while (e < to && e < b + pm.size() + 5 && IsWord(tokens[e])) ++e;
      b = e;
      break;
    }
    // The party ends the clause ("according to Yonhap," / "told Reuters on Monday"), else it is
    // the subject of a reported clause ("said Thae had left"), not a cited party; "according
    // to what lawmakers were told" goes on to who told them.
    static const char* const kEnds[] = {"on", "in", "at", "that", "last", "this", "earlier", "citing",
                                        "as", "and", "who", "when"};
    // (A sentence's subject goes on with its verb: "Yonhap went further, reporting".)
    if (!subject && b < to && IsWord(tokens[b])) {
      bool ends = std::any_of(std::begin(kEnds), std::end(kEnds),
                              [&](const char* w) { return tokens[b].lower == w; });
      bool told = (tokens[b].lower == "were" || tokens[b].lower == "was") && b + 1 < to &&
                  (tokens[b + 1].lower == "told" || tokens[b + 1].lower == "briefed");
      // "according to Rep. Kim Byung-kee of the ruling party,": a name, then what it is of.
      bool of = capital && tokens[b].lower == "of";
      if (!ends && !told && !of) return "";
    }
  }
  // "By Seoul's estimate": a sentence's capitalised first word may be a preposition.
  while (a < b && (t.agent_markers.count(tokens[a].lower) || t.place_prepositions.count(tokens[a].lower))) ++a;
  if (b <= a) return "";
  // A party needs a name or a source noun; a date word or a pronoun is none. (The first word
  // that is either settles it.)
  bool party = false;
  for (uint32_t k = a; k < b && !party; ++k) {
    const Token& tk = tokens[k];
    party = source_noun(tk) ||
            (tk.capitalized() && (!t.function_words.count(tk.lower) || (k + 1 < b && t.stop_words.count(tk.text)) ||
                                  st.metonyms.count(tk.lower)));
  }
  if (!party) return "";
  // "South Korean broadcaster TV Chosun": the name after the descriptor is the party.
  for (uint32_t k = b; k-- > a + 1;) {
    if (!tokens[k].capitalized()) break;
    if (!tokens[k - 1].capitalized() && tokens[k - 1].kind == TokenKind::kWord && source_noun(tokens[k - 1])) {
      a = k;
      break;
    }
  }
  std::vector<uint32_t> words;
  for (uint32_t k = a; k < b; ++k)
    if (!st.anonymity_words.count(tokens[k].lower) && !(k == a && IsDet(tokens[k]))) words.push_back(k);
  bool reordered = false;
  // "<head> of <rest>": a collective ("a team of investigators") is its members; a person noun
  // ("a member of the committee") follows what it belongs to.
  for (size_t i = 1; i + 1 < words.size(); ++i) {
    const Token& of = tokens[words[i]];
    if (of.lower != "of" && of.lower != "for") continue;
    const Token& head = tokens[words[i - 1]];
    if (head.capitalized()) break;
    std::vector<uint32_t> pre(words.begin(), words.begin() + long(i) - 1);
    std::vector<uint32_t> rest;
    for (size_t j = i + 1; j < words.size(); ++j)
      if (!IsDet(tokens[words[j]]) && !IsPossessive(tokens[words[j]])) rest.push_back(words[j]);
    if (rest.empty()) break;
    if (st.collective_nouns.count(head.lower)) {
      pre.insert(pre.end(), rest.begin(), rest.end());
      words = pre;
    } else if (source_noun(head)) {
      rest.push_back(words[i - 1]);
      words = rest;
      reordered = true;
    }
    break;
  }
  if (words.empty()) return "";
  return Join(tokens, words, reordered);
}

}  // namespace

std::string ExtractorTables::CaptureParty(const std::vector<Token>& tokens, uint32_t from, uint32_t to,
                                          const PhraseMatcher::Match& a) const {
  bool left = attribution_patterns[a.pattern].source_first;
  // A reporting verb before its party is inverted speech: ", said Kim", "\" said the
  // official". After a subject ("fishermen who it says killed 16 colleagues") it is not.
  const AttributionRule& rule = rules.attribution[attribution_patterns[a.pattern].rule];
  if (!left && !rule.relay && !rule.inner && reporting_verbs.count(tokens[a.first].lower) && a.first > from &&
      tokens[a.first - 1].kind != TokenKind::kPunct)
    return "";
  // "Yonhap went further, reporting that ...": the party that opens the sentence.
  if (rule.subject) return a.first > from ? CaptureSource(tokens, from, a.first, from, false, *this, true) : "";
  // "Source: JCS text message to reporters": a label's party, whatever words follow its name.
  if (rule.credit) return a.first == from ? CaptureSource(tokens, from, to, a.last, false, *this, true) : "";
  return CaptureSource(tokens, from, to, left ? a.first : a.last, left, *this);
}

namespace {

// CanonicalParty of a party already in lower case.
std::string CanonicalLower(const StringMap<std::string>& canonical_party, std::string_view lower) {
  for (size_t pos = 0; pos != std::string_view::npos; pos = lower.find(' ', pos + 1)) {
    std::string_view tail = lower.substr(pos == 0 ? 0 : pos + 1);
    if (auto it = canonical_party.find(tail); it != canonical_party.end()) return it->second;
    if (pos == 0 && lower.find(' ') == std::string_view::npos) break;
  }
  return "";
}

}  // namespace

std::string ExtractorTables::CanonicalParty(const std::string& party) const {
  return CanonicalLower(canonical_party, AsciiLower(party).view());
}

// A cited party as the chain names it: an outlet by its rule name, an organisation by its
// gazetteer name (also when qualified, "North Korea's National Defence Commission", or when
// one of its people speaks, "a JCS official"), a capital for its country, and "the agency" or
// "the official" by the latest party this document cited that fits. Else the description.
std::string DocumentReader::ResolveParty(const std::string& surface, uint32_t at) {
  const StanceTables& st = t_.stance;
  auto known = [&](const std::string& s) -> std::string {
    if (const OutletRule* o = t_.FindOutlet(s)) return o->name;
    const AsciiLower lower(s);  // once for both lookups
    if (auto it = st.metonyms.find(lower.view()); it != st.metonyms.end()) return it->second;
    return CanonicalLower(t_.canonical_party, lower.view());
  };
  const AsciiLower folded(surface);
  const std::string_view lower = folded.view();
  if (lower.find(' ') == std::string_view::npos &&
      (t_.source_nouns.count(lower) || st.outlet_nouns.count(lower))) {
    const bool outlet_noun = st.outlet_nouns.count(lower) > 0;
    for (auto it = named_parties_.rbegin(); it != named_parties_.rend(); ++it) {
      const AsciiLower written(it->written);
      if (written.view() == lower) continue;  // "officials" names no one in particular
      if (HasWord(written.view(), lower) || HasWord(AsciiLower(it->party).view(), lower) ||
          (outlet_noun && t_.FindOutlet(it->party) && ToLower(it->party) != ToLower(doc_.source)))
        return it->party;
    }
    // "The United Nations Command released the video. ... By the command's count": the latest
    // organisation named before whose name ends in the noun.
    for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
      if (it->type != EntityType::kOrganization || it->first >= at || it->last <= it->first) continue;
      if (it->last - it->first > 1 && tokens_[it->last - 1].lower == lower) return it->name;
    }
    return surface;
  }
  if (std::string k = known(surface); !k.empty()) return k;
  // "North Korea's National Defence Commission": the qualifier names no other party.
  for (std::string_view mark : {"'s ", "\xE2\x80\x99s "}) {
    size_t pos = surface.find(mark);
    if (pos == std::string::npos) continue;
    std::string qualifier = surface.substr(0, pos), rest = surface.substr(pos + mark.size());
    if (!rest.empty() && IsAsciiUpper(rest[0])) {
      std::string k = known(rest);
      return k.empty() ? rest : k;
    }
    // "Seoul's intelligence service": the capital's possessive is its country's.
    if (auto it = st.metonyms.find(AsciiLower(qualifier).view()); it != st.metonyms.end())
      if (std::string k = known(it->second + "'s " + rest); !k.empty()) return k;
    return surface;
  }
  // "a JCS official": one of an organisation's people speaks for it.
  size_t space = surface.rfind(' ');
  if (space != std::string::npos && t_.source_nouns.count(lower.substr(space + 1)) && IsAsciiUpper(surface[0]))
    if (std::string k = known(surface.substr(0, space)); !k.empty()) return k;
  // "Lieutenant Colonel Ri Chol-min told ...": a person this document named, with a title before.
  // (Titles and name are words apart: a surface of one word is none.)
  if (space != std::string::npos)
    for (const auto& m : mentions_) {
      if (m.type != EntityType::kPerson || m.last <= m.first + 1) continue;
      const std::string_view written =
          text_.substr(tokens_[m.first].begin, tokens_[m.last - 1].end - tokens_[m.first].begin);
      if (surface.size() <= written.size() || !surface.ends_with(written) ||
          surface[surface.size() - written.size() - 1] != ' ')
        continue;
      // Only titles before it, all capitalised ("Lieutenant Colonel", "Col."): "the wife of Ri
      // Chol-min" is someone else.
      bool titles = true;
      std::string_view before(surface.data(), surface.size() - written.size() - 1);
      for (size_t pos = 0; pos < before.size() && titles;) {
        titles = IsAsciiUpper(before[pos]);
        size_t space = before.find(' ', pos);
        pos = space == std::string_view::npos ? before.size() : space + 1;
      }
      if (titles) return m.name;
    }
  // "citing Thae": a person this document named in full is cited by that name.
  if (space == std::string::npos && IsAsciiUpper(surface[0]))
    for (const auto& m : mentions_)
      if (m.type == EntityType::kPerson && m.last == m.first + 1 && m.name != surface &&
          text_.substr(tokens_[m.first].begin, tokens_[m.first].end - tokens_[m.first].begin) == surface)
        return m.name;
  return surface;
}

}  // namespace recon

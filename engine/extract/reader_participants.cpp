// DocumentReader's participants: whom a claim is about (FindParticipants: voice, possessives,
// relative clauses, pronouns, "I" in quoted speech, "the 43-year-old", descriptors of an unnamed
// person), the others its sentence names, and the ranks they are given.
#include <algorithm>

#include "reader.h"
#include "recon/text_util.h"

namespace recon {

bool DocumentReader::CoveredBy(const SentenceView& sv, uint32_t k, EntityType type) const {
  for (size_t i = sv.mention_begin; i < sv.mention_end; ++i)
    if (mentions_[i].type == type && mentions_[i].first <= k && k < mentions_[i].last) return true;
  return false;
}

bool DocumentReader::Possessive(const Mention& m, uint32_t to) const {
  return m.last < to && IsPossessiveMark(tokens_[m.last].lower);
}

bool DocumentReader::Qualifier(const Mention& m) const {
  // Also "the half-brother of North Korean leader Kim Jong Un": "of" a few words before.
  const uint32_t from = sentence_tokens_[m.sentence].first;
  for (uint32_t k = m.first; k > from && k + 7 > m.first; --k) {
    if (tokens_[k - 1].kind == TokenKind::kPunct) break;
    if (tokens_[k - 1].lower == "of") return true;
  }
  return false;
}

bool DocumentReader::Agent(const Mention& m) const {
  const uint32_t from = sentence_tokens_[m.sentence].first;
  for (uint32_t k = m.first; k > from && k + 3 > m.first; --k) {
    if (tokens_[k - 1].kind == TokenKind::kPunct) break;
    if (t_.agent_markers.count(tokens_[k - 1].lower)) return true;
  }
  return false;
}

std::string DocumentReader::Antecedent(const SentenceView& sv, uint32_t at, bool* focus) const {
  if (focus) *focus = false;
  for (size_t k = sv.mention_end; k-- > 0;) {
    const Mention& m = mentions_[k];
    if (m.sentence + 3 < sv.index) break;
    if (m.type != EntityType::kPerson || m.last > at) continue;
    if (Possessive(m, sentence_tokens_[m.sentence].second) || Qualifier(m) || Agent(m)) continue;
    return m.name;
  }
  if (focus) *focus = true;
  return focus_;
}

std::string DocumentReader::UnnamedDescriptor(const SentenceView& sv, uint32_t start, uint32_t trigger) const {
  // A woman's or a relation's word for the person a descriptor owns: "a diplomat's teenage
  // daughter", "the daughter of a North Korean diplomat".
  auto owned = [&](uint32_t k) -> std::string {
    // "the daughter of a diplomat who disappeared last year": the trigger in the descriptor's
    // own relative clause is the descriptor's.
    if (k + 1 < sv.to && (tokens_[k + 1].lower == "who" || tokens_[k + 1].lower == "that") && trigger != kNoToken &&
        trigger > k + 1 && trigger <= k + 4)
      return "";
    if (k + 1 < sv.to && IsPossessiveMark(tokens_[k + 1].lower)) {
      // "a North Korean soldier's defection": the descriptor's own event.
      if (trigger != kNoToken && trigger >= k + 2 && trigger < k + 5) return "";
      for (uint32_t j = k + 2; j < sv.to && j < k + 5 && tokens_[j].kind == TokenKind::kWord; ++j)
        if (t_.female_nouns.count(tokens_[j].lower) || t_.relation_nouns.count(tokens_[j].lower))
          return std::string(tokens_[j].lower);
      return "-";  // owns something else: "the soldier's body"
    }
    for (uint32_t j = k; j > sv.from && j + 5 > k;) {
      --j;
      if (tokens_[j].kind == TokenKind::kPunct) break;
      if (tokens_[j].lower != "of" || j == sv.from) continue;
      const std::string_view w = tokens_[j - 1].lower;
      if (t_.female_nouns.count(w) || t_.relation_nouns.count(w)) return std::string(w);
      break;
    }
    return "";
  };
  // "A defector who fled in 2019 said three men were executed": the speaker is no subject of
  // what the speaker tells, unless a pronoun takes the speaker up ("The soldier told reporters
  // he was beaten") or the telling is a clause of its own ("The guard, who told ..., was shot").
  auto any_between = [&](uint32_t a, uint32_t b, const auto& pred) {
    return a < b && std::any_of(tokens_.begin() + a, tokens_.begin() + b, pred);
  };
  auto takes_up = [&](const Token& t) { return t_.pronouns.count(t.lower) > 0 || t_.first_person.count(t.lower) > 0; };
  auto tells_before_trigger = [&](uint32_t k) {
    if (trigger == kNoToken || k >= trigger) return false;
    for (uint32_t r = k + 1; r < trigger; ++r) {
      if (!t_.reporting_verbs.count(tokens_[r].lower)) continue;
      // "A former guard ... said he had heard that an officer in his unit was executed": the
      // one told of after the verb.
      if (any_between(r + 1, trigger, [&](const Token& t) { return t_.descriptors.count(t.lower) > 0; })) return true;
      return !any_between(r + 1, trigger, [&](const Token& t) { return t.kind == TokenKind::kPunct || takes_up(t); });
    }
    return false;
  };
  // "the first by a soldier since August, when another soldier walked across": a descriptor
  // before ", when" is the main clause's, not the when-clause trigger's.
  auto before_when = [&](uint32_t k) {
    if (trigger == kNoToken || k >= trigger) return false;
    for (uint32_t j = k + 1; j + 1 < trigger; ++j)
      if (tokens_[j].text == "," && tokens_[j + 1].lower == "when") return true;
    return false;
  };
  for (uint32_t k = std::max(start, sv.from); k < sv.to; ++k) {
    if (!t_.descriptors.count(tokens_[k].lower)) continue;
    // "the National Security Act", "the National Police Agency": a word of a name, no person.
    if (k > sv.from && tokens_[k].capitalized() && k + 1 < sv.to && tokens_[k + 1].capitalized()) continue;
    if (tells_before_trigger(k) || before_when(k)) continue;
    if (std::string o = owned(k); !o.empty()) {
      if (o != "-") return o;
      continue;
    }
    // "the spy agency", "the defector group": a modifier of an institution, not a person.
    if (k + 1 < sv.to && !t_.descriptors.count(tokens_[k + 1].lower) &&
        (t_.source_nouns.count(tokens_[k + 1].lower) || t_.stance.outlet_nouns.count(tokens_[k + 1].lower)))
      continue;
    // "North Korea's General Staff said": a word of an organisation's name.
    if (CoveredBy(sv, k, EntityType::kOrganization)) continue;
    // "citing a military official", "an official said": a cited party, not the event's subject.
    // ("An official said a teacher was arrested": the teacher, told of after the cue.)
    auto party = std::lower_bound(party_tokens_.begin(), party_tokens_.end(), k > sv.from + 3 ? k - 3 : sv.from);
    // ("The soldier told reporters he was arrested": a pronoun takes up the speaker, who is
    // the party itself.)
    if (party != party_tokens_.end() && *party <= k &&
        !any_between(*party + 1, k, [&](const Token& t) { return t_.reporting_verbs.count(t.lower) > 0; }) &&
        !(*party == k && trigger != kNoToken && any_between(k + 1, trigger, takes_up)))
      continue;
    // "Thae Yong-ho, the former deputy ambassador in London": the name's apposition.
    if (ApposedToPerson(sv, k)) continue;
    // "since August last year, when another soldier walked across": someone else than the
    // story's soldier, whom no retelling of the story is.
    if (k > sv.from && (tokens_[k - 1].lower == "another" || tokens_[k - 1].lower == "other"))
      return std::string(tokens_[k - 1].lower) + " " + std::string(tokens_[k].lower);
    return std::string(tokens_[k].lower);
  }
  return "";
}

bool DocumentReader::ApposedToPerson(const SentenceView& sv, uint32_t k) const {
  uint32_t j = k;
  while (j > sv.from && j + 6 > k && tokens_[j - 1].kind != TokenKind::kPunct) --j;
  if (j == sv.from || j + 6 <= k || tokens_[j - 1].text != ",") return false;
  for (size_t m = sv.mention_begin; m < sv.mention_end; ++m)
    if (mentions_[m].type == EntityType::kPerson && mentions_[m].last == j - 1 && !CitedAfterCue(sv, mentions_[m]))
      return true;
  return false;
}

bool DocumentReader::SpeakerInApposition(const SentenceView& sv, const Mention& m) const {
  if (m.first < sv.from + 2 || m.last + 1 >= sv.to || tokens_[m.first - 1].text != "," || tokens_[m.last].text != ",")
    return false;
  const std::string_view noun = tokens_[m.first - 2].lower;
  return (t_.source_nouns.count(noun) || t_.relation_nouns.count(noun) || t_.PersonWord(noun)) &&
         t_.reporting_verbs.count(tokens_[m.last + 1].lower) > 0;
}

bool DocumentReader::CitedAfterCue(const SentenceView& sv, const Mention& m) const {
  if (sv.index >= sentence_cited_.size()) return false;
  return std::ranges::any_of(sentence_cited_[sv.index], [&](const auto& c) {
    return c.first.second >= sv.from && c.first.second < m.first && c.second == m.name;
  });
}

int DocumentReader::RankOf(const std::string& name) const {
  for (const auto& m : mentions_)
    if (m.name == name && m.rank >= 0) return m.rank;
  return -1;
}

std::string DocumentReader::EntityOf(const std::string& name) const {
  for (const auto& m : mentions_)
    if (m.name == name && !m.entity.empty()) return m.entity;
  return "";
}

std::string DocumentReader::Surface(const Mention& m) const {
  return std::string(text_.substr(tokens_[m.first].begin, tokens_[m.last - 1].end - tokens_[m.first].begin));
}

// Whom the event is about depends on voice and on the event type. "The execution of Jang" and
// "executed his uncle Jang" take the person after the trigger; "Jang was executed" and "Thae
// defected" the nearest person before it. A possessive ("Kim Jong Un's uncle") is never the
// subject. Every other mention joins as a participant by its type; the subject's rank, from
// this sentence or anywhere in the document, becomes the claim's rank.
void DocumentReader::FindParticipants(const SentenceView& sv, const PhraseMatcher::Match& anchor, Claim* c) {
  const uint32_t from = sv.from, to = sv.to;
  // The subject, named by one of the sentence's mentions or not, and the others: grown once,
  // not doubled a mention at a time.
  c->participants.reserve(c->participants.size() + (sv.mention_end - sv.mention_begin) + 1);
  auto auxiliary_in = [&](uint32_t lo, uint32_t hi) {
    for (uint32_t k = lo; k < hi; ++k)
      if (t_.auxiliaries.count(tokens_[k].lower)) return true;
    return false;
  };
  // (A pattern may hold the auxiliary itself: "was caught".)
  bool passive = auxiliary_in(anchor.first > from + 2 ? anchor.first - 2 : from, anchor.first + 1);
  // "He was arrested and executed", "arrested and then executed": a participle coordinated
  // with a passive one is passive too.
  uint32_t coordinated = anchor.first;
  while (coordinated > from + 1 && t_.adverbs.count(tokens_[coordinated - 1].lower)) --coordinated;
  // ("She was caught in 2008 and sent back": up to eight words before "and", in its clause.)
  if (!passive && coordinated >= from + 3 && tokens_[coordinated - 1].lower == "and") {
    uint32_t clause = coordinated - 1;
    while (clause > from && coordinated - clause < 9 && tokens_[clause - 1].kind != TokenKind::kPunct) --clause;
    passive = auxiliary_in(clause, coordinated - 2);
  }
  bool nominal_of = (anchor.last < to && tokens_[anchor.last].lower == "of") ||
                    tokens_[anchor.last - 1].lower == "of";
  const EventTypeRule* et = rules_.FindEventType(c->type);
  const bool patient = rules_.triggers[anchor.pattern].patient_subject.value_or(et && et->patient_subject);
  bool after_first = nominal_of || (patient && !passive);
  // "the purge, if confirmed, suggested Kim was still struggling": a noun after a determiner
  // takes its person from "of" ("the purge of Hyon"), not from whoever the sentence names next.
  static constexpr std::string_view kDeterminers[] = {"the", "a", "an", "this", "that", "its", "their"};
  const bool determined = anchor.last == anchor.first + 1 && anchor.first > from &&
                          std::ranges::find(kDeterminers, tokens_[anchor.first - 1].lower) != std::end(kDeterminers);
  int subject = -1, before = -1, after = -1;
  // "70 officials have been executed since Kim took over", "aides were executed in November,
  // and that Jang himself had been removed": a person past a clause opener after the trigger
  // belongs to that other clause.
  // (Looked for only when a person stands after the trigger, and only as far as one is taken,
  // eight words past it.)
  uint32_t clause_end = kNoToken;
  auto in_clause = [&](uint32_t k) {
    if (clause_end == kNoToken) {
      clause_end = anchor.last;
      const uint32_t reach = std::min(to, anchor.last + 9);
      while (clause_end < reach && !StartsClause(clause_end, to)) ++clause_end;
    }
    return k < clause_end;
  };
  for (size_t k = sv.mention_begin; k < sv.mention_end; ++k) {
    const Mention& m = mentions_[k];
    if (m.type != EntityType::kPerson || Possessive(m, to)) continue;
    // "Yonhap reported, citing Thae, that the girl had been taken back": a source, not the subject.
    if (auto it = std::lower_bound(party_tokens_.begin(), party_tokens_.end(), m.first);
        it != party_tokens_.end() && *it < m.last)
      continue;
    if (CitedAfterCue(sv, m) || SpeakerInApposition(sv, m)) continue;
    // An interview's label ("Pak: She stayed in China") names who speaks, no one spoken of.
    if (m.last < to && tokens_[m.last].text == ":" && m.first <= sv.from + 2) continue;
    bool qualifier = Qualifier(m), agent = Agent(m);
    // After the trigger, "of" names its person only as the trigger's own ("the defection of
    // Ri"), not another noun's ("the defection comes months after the purge of Hyon").
    bool others_of = false;
    if (qualifier && m.first >= anchor.last) {
      uint32_t of = m.first;
      while (of > anchor.last && tokens_[of - 1].lower != "of") --of;
      others_of = of > anchor.last + 1 || !nominal_of;
    }
    if (m.last <= anchor.first && !(qualifier && before >= 0)) before = int(k);
    else if (after < 0 && !agent && !others_of && m.first >= anchor.last && m.first <= anchor.last + 8 &&
             in_clause(m.first) && (nominal_of || !determined))
      after = int(k);
  }
  // "Hyon Song-wol, a singer once linked to Kim Jong Un, was executed": the person before a
  // parenthesis set off by commas right before the verb, not one named inside it. ("The
  // leader's uncle, Jang Song-thaek, was executed": a parenthesis that is the name stays.)
  // Where the trigger's verb group starts: "was publicly executed", "are said to have been shot".
  const uint32_t verb_group = VerbGroupStart(from, anchor.first);
  if (before >= 0) {
    const uint32_t w = verb_group;
    const Mention& inside = mentions_[size_t(before)];
    if (w > from + 1 && tokens_[w - 1].text == "," && inside.last <= w - 1) {
      uint32_t open = AfterCommaBefore(from, inside.first);
      if (open == inside.first) open = from;  // the parenthesis is the name itself
      for (size_t k = sv.mention_begin; open > from + 1 && k < sv.mention_end; ++k) {
        const Mention& m = mentions_[k];
        if (m.type == EntityType::kPerson && m.last == open - 1 && !Possessive(m, to)) before = int(k);
      }
    }
  }
  // "since Kim Jong-un took power, ..., when a soldier was shot five times ... as he ran across":
  // someone new brought in as a subject after the person named ("a soldier was"), and a pronoun
  // after that one, are the verb's subject, not the person named. ("Thae, who was deputy
  // ambassador before he defected" and "the defence minister had been executed" are Thae's and
  // the minister's: a pronoun and a definite word take the named person up.) Not for a patient
  // verb in the active, whose doer stands there.
  if (before >= 0 && !(patient && !passive && !nominal_of)) {
    const uint32_t w = verb_group;
    const uint32_t named_end = mentions_[size_t(before)].last;
    // A person word after "a", "an" or "another", right before a verb's auxiliary: "a soldier was".
    auto new_subject = [&](uint32_t k) {
      if (!t_.PersonWord(tokens_[k].lower) || k + 1 >= to || !t_.auxiliaries.count(tokens_[k + 1].lower)) return false;
      for (uint32_t j = k; j > named_end && j + 4 > k;) {
        const std::string_view a = tokens_[--j].lower;
        if (a == "a" || a == "an" || a == "another") return true;
        if (tokens_[j].kind == TokenKind::kPunct) break;
      }
      return false;
    };
    if (w > named_end + 1) {
      const std::string_view head = tokens_[w - 1].lower;
      bool drop = new_subject(w - 1);
      for (uint32_t k = named_end; !drop && k + 1 < w && t_.pronouns.count(head) && !t_.possessives.count(head); ++k)
        drop = new_subject(k);
      if (drop) before = -1;
    }
  }
  // "Jang's execution": a possessive right before a nominal trigger is its subject.
  for (size_t k = sv.mention_begin; k < sv.mention_end; ++k) {
    const Mention& m = mentions_[k];
    if (m.type == EntityType::kPerson && Possessive(m, to) && m.last + 1 == anchor.first) subject = int(k);
  }
  // "the purge of Hyon Yong-chol, who was reportedly executed": a passive trigger in a relative
  // clause is about the person the clause hangs on.
  if (subject < 0 && passive) {
    for (uint32_t w = anchor.first; w > from + 1 && w + 5 > anchor.first; --w) {
      const Token& tk = tokens_[w - 1];
      if (tk.kind == TokenKind::kPunct) break;
      if (tk.lower != "who" && tk.lower != "whom") continue;
      const uint32_t end = tokens_[w - 2].text == "," ? w - 2 : w - 1;
      for (size_t k = sv.mention_begin; k < sv.mention_end; ++k)
        if (mentions_[k].type == EntityType::kPerson && mentions_[k].last == end && !Possessive(mentions_[k], to))
          subject = int(k);
      break;
    }
  }
  // For an active patient trigger the person before it is the doer ("Kim Jong Un purged ..."),
  // never the one it was done to.
  bool active_patient = patient && !passive && !nominal_of;
  // With two people before an active patient trigger ("Kim had his uncle, Jang, executed"),
  // the nearer is the patient and the first the doer; with one, it is the doer.
  int persons_before = 0;
  for (size_t k = sv.mention_begin; k < sv.mention_end; ++k)
    persons_before += mentions_[k].type == EntityType::kPerson && mentions_[k].last <= anchor.first;
  if (et && et->no_person_subject) {
    // Every person is only mentioned; no unnamed subject is looked for either.
    AddOtherMentions(sv, -1, "", c);
    return;
  }
  // "2013: uncle Jang Song Thaek executed", "US student sentenced": in a line that ends no
  // sentence (a headline, a bullet), a name right before a patient verb with no auxiliary and
  // nothing it is done to after it is a headline's passive.
  bool telegraphic = false;
  const bool fragment = to > from && tokens_[to - 1].text != "." && tokens_[to - 1].text != "!" &&
                        tokens_[to - 1].text != "?" && tokens_[to - 1].text != "\"";
  if (active_patient && after < 0 && before >= 0 && mentions_[before].last == anchor.first && fragment) {
    static constexpr std::string_view kObjectStarts[] = {"the", "a", "an", "him", "her", "them", "his", "their", "its"};
    // Something it is done to: a name, a count ("executed dozens of officials"), a determiner,
    // an object pronoun or a person's word ("executed officials").
    std::string_view next = anchor.last < to ? std::string_view(tokens_[anchor.last].lower) : "";
    const bool object = anchor.last < to && tokens_[anchor.last].kind != TokenKind::kPunct &&
                        (tokens_[anchor.last].capitalized() || tokens_[anchor.last].kind == TokenKind::kNumber ||
                         t_.numbers.count(next) || t_.PersonWord(next) ||
                         std::ranges::find(kObjectStarts, next) != std::end(kObjectStarts));
    telegraphic = !object;
  }
  // "Ji Seong-ho said his father was arrested", "my brother was sent back": a relation owned
  // by a pronoun right before the verb is the subject, unnamed, and the pronoun's person its
  // relative (not the speaker nor a descriptor of the speaker).
  uint32_t relation_noun = kNoToken, owner_word = kNoToken;
  int owner_mention = -1;  // or the relative is named: "the father of Counsellor Ri"
  if (!active_patient && !nominal_of && subject < 0) {
    uint32_t w = verb_group;
    // "His former deputy, according to people who have spoken to Ryu, was executed": past a
    // parenthesis set off by commas.
    // ("My younger brother, Pak Song-chol, was arrested": a parenthesis that is the name names him.)
    if (w > from + 2 && w < anchor.first && tokens_[w - 1].text == ",") {
      const uint32_t open = AfterCommaBefore(from, w - 1);
      const bool named = std::any_of(mentions_.begin() + sv.mention_begin, mentions_.begin() + sv.mention_end,
                                     [&](const Mention& m) { return m.type == EntityType::kPerson && m.first == open; });
      if (open > from + 1 && open < w - 1 && !named && t_.relation_nouns.count(tokens_[open - 2].lower)) w = open - 1;
    }
    // (Also right before an active verb, "two of his men defected", or a trigger that opens with
    // its auxiliary, "was taken away".)
    if (w > from + 1 && t_.relation_nouns.count(tokens_[w - 1].lower)) {
      // Up to two words between the owner and the relation: "his younger brother".
      for (uint32_t p = w - 1; p > from && p + 3 >= w; --p) {
        const std::string_view o = tokens_[p - 1].lower;
        if (t_.possessives.count(o) || o == "my" || o == "our") {
          // "He and his aides were executed": he is one of them (below).
          if (!(p >= from + 2 && tokens_[p - 2].lower == "and")) relation_noun = w - 1, owner_word = p - 1;
          break;
        }
        if (tokens_[p - 1].kind != TokenKind::kWord) break;
      }
    }
    // "The father of Counsellor Ri was purged": the same, with the relative named after "of".
    if (relation_noun == kNoToken && before >= 0 && mentions_[size_t(before)].last == w) {
      // Past a title or rank before the name: "of Counsellor Ri", "of Lt. Col. Kim".
      uint32_t name = mentions_[size_t(before)].first;
      for (int titles = 0; titles < 4 && name > from + 2 &&
                           (tokens_[name - 1].capitalized() || tokens_[name - 1].text == ".");
           ++titles)
        --name;
      if (name >= from + 2 && tokens_[name - 1].lower == "of" && t_.relation_nouns.count(tokens_[name - 2].lower))
        relation_noun = name - 2, owner_mention = before;
    }
  }
  // "Kim Jong Un ordered the execution of two officials": the people after "of" are its own,
  // unnamed; the person named before ordered it.
  std::string of_word;  // the person word after "of", singular
  if (nominal_of && after < 0) {
    uint32_t k = tokens_[anchor.last - 1].lower == "of" ? anchor.last : anchor.last + 1;
    // "the execution of three young men": people counted are unnamed people, whatever the noun.
    const bool counted = k < to && (tokens_[k].kind == TokenKind::kNumber || t_.numbers.count(tokens_[k].lower));
    const uint32_t first = k;
    for (uint32_t end = std::min(to, k + 5); k < end && tokens_[k].kind != TokenKind::kPunct && of_word.empty(); ++k) {
      const std::string_view w = tokens_[k].lower;
      if (t_.descriptors.count(w)) of_word = w;
      else if (t_.PersonWord(w)) of_word = w.substr(0, w.size() - 1);
      else if (counted && k > first && tokens_[k].kind == TokenKind::kWord &&
               (k + 1 == to || tokens_[k + 1].kind == TokenKind::kPunct || t_.prepositions.count(tokens_[k + 1].lower) ||
                t_.place_prepositions.count(tokens_[k + 1].lower)))
        of_word = w;
    }
  }
  const bool unnamed_of = !of_word.empty();
  if (subject < 0 && relation_noun == kNoToken && !unnamed_of)
    subject = after_first ? (after >= 0 ? after
                                        : ((active_patient && persons_before < 2 && !telegraphic) ? -1 : before))
                          : (before >= 0 ? before : after);
  std::string subject_name;
  if (subject >= 0) {
    const Mention& m = mentions_[subject];
    subject_name = m.name;
    c->participants.push_back({"subject", m.entity.empty() ? EntityOf(m.name) : m.entity, Surface(m), m.name, ""});
  } else {
    // Unnamed. A pronoun in subject position ("he fled", "she pleaded guilty and was
    // sentenced", "his defection") stands for the latest claim's subject, else the document's
    // focus, unless a descriptor stands before it in the sentence ("the soldier who ... as he
    // fled"). For an active patient trigger the pronoun before it is the doer, not the subject.
    // "A man stabbed a North Korean defector": for an active patient trigger, the one after it
    // first ("US student sentenced to 15 years", a headline's passive, has only one before).
    std::string descriptor = unnamed_of ? of_word : active_patient ? UnnamedDescriptor(sv, anchor.last, anchor.first) : "";
    if (descriptor.empty()) descriptor = UnnamedDescriptor(sv, 0, anchor.first);
    int pronoun = -1;
    // ("She said she had watched the execution of three men": the people after "of", not her.)
    bool person_after = false;  // a person word in tokens (k, anchor.first)
    for (uint32_t k = anchor.first; k > from && pronoun < 0 && !unnamed_of;) {
      --k;
      // "Her account could not be verified, but ..., and a local official was reported to have
      // been executed": no pronoun beyond the start of a clause with a subject of its own. (The
      // subject is asked about first, one word a step: no clause start matters before it.)
      person_after = person_after || (k + 1 < anchor.first && t_.PersonWord(tokens_[k + 1].lower));
      if (person_after && StartsClause(k, anchor.first)) break;
      if (!t_.pronouns.count(tokens_[k].lower)) continue;
      // "His younger half-brother took over", "two of his deputies were sent to a camp": someone
      // else, whom the sentence does not name (a relation or role between the possessive and
      // the trigger; "his dramatic defection" is still his).
      bool relation = false;
      for (uint32_t r = k + 1; r < anchor.first && anchor.first - k <= 4; ++r)
        relation = relation || t_.relation_nouns.count(tokens_[r].lower) > 0;
      // "officers in his regiment were shot": a possessive on a noun that is not the trigger,
      // with the verb's auxiliary after it, names the owner of that noun, not the subject.
      bool owner = false;
      for (uint32_t r = k + 2; r < anchor.first; ++r) {
        if (tokens_[r].kind == TokenKind::kPunct || tokens_[r].lower == "that") {
          owner = false;  // another clause: "told his ministers that ..., and ordered"
          break;
        }
        owner = owner || (r + 3 >= anchor.first && t_.auxiliaries.count(tokens_[r].lower) > 0);
      }
      if (t_.possessives.count(tokens_[k].lower) && (relation || owner)) {
        // "He and his aides were executed": he is one of them.
        if (k >= from + 2 && tokens_[k - 1].lower == "and" && t_.pronouns.count(tokens_[k - 2].lower) &&
            !t_.possessives.count(tokens_[k - 2].lower))
          pronoun = int(k - 2);
        break;
      }
      pronoun = int(k);
    }
    // "his dismissal" is about him; "he dismissed several officials" is about them.
    bool possessive_pronoun = pronoun >= 0 && uint32_t(pronoun) + 1 == anchor.first &&
                              t_.possessives.count(tokens_[uint32_t(pronoun)].lower);
    if (pronoun >= 0 && active_patient && !possessive_pronoun) pronoun = -1;
    bool descriptor_first = false;
    for (uint32_t k = from; pronoun >= 0 && k < uint32_t(pronoun); ++k)
      descriptor_first = descriptor_first || t_.descriptors.count(tokens_[k].lower) > 0;
    // "The execution was carried out ...": a definite mention of an event of a type this
    // document already told about a named person is that event again.
    bool definite = false;
    for (uint32_t k = anchor.first > from + 2 ? anchor.first - 2 : from; k < anchor.first; ++k)
      definite = definite || IsDefinite(tokens_[k].lower);
    std::string earlier;
    for (auto it = out_.claims.rbegin(); it != out_.claims.rend() && earlier.empty(); ++it)
      if (it->type == c->type && !it->generic)
        for (const auto& p : it->participants)
          if (p.role == "subject" && !p.name.empty()) earlier = p.name;
    bool from_focus = false;
    std::string antecedent = pronoun >= 0 ? Antecedent(sv, uint32_t(pronoun), &from_focus) : "";
    if (from_focus && et && !et->leader_subject &&
        std::ranges::find(t_.leaders, EntityOf(antecedent)) != t_.leaders.end())
      antecedent.clear();
    // "Our daughter stayed behind. Two weeks later she was taken back": the woman named by a
    // noun after the last name, not the man.
    std::string relative;  // whose daughter or wife she is, when the text says
    if (pronoun >= 0 && t_.female_pronouns.count(tokens_[pronoun].lower))
      if (uint32_t woman = WomanBefore(sv, uint32_t(pronoun)); woman != kNoToken) {
        antecedent.clear();
        descriptor = tokens_[woman].lower;
        relative = Possessor(sv, woman);
      }
    // "My father was arrested in 1997. ... We heard that he was shot": the man a recent claim told
    // of by a noun, when no named subject's claim came since.
    if (pronoun >= 0 && t_.male_pronouns.count(tokens_[pronoun].lower)) {
      const size_t window = sentences_[sv.index >= 2 ? sv.index - 2 : 0].begin;
      for (auto it = out_.claims.rbegin(); it != out_.claims.rend() && it->begin >= window; ++it) {
        const Participant* s = SubjectParticipant(*it);
        if (!s) continue;
        if (!s->name.empty()) break;
        if (!t_.male_nouns.count(s->descriptor)) continue;
        antecedent.clear();
        descriptor = s->descriptor;
        for (const auto& p : it->participants)
          if (p.role == "relative") relative = p.name;
        break;
      }
    }
    // "I left Hyesan in 2009 and reached Seoul the following year, said Kim Ryon-hui".
    // ("My father was executed": the father, not the speaker.)
    for (uint32_t k = anchor.first; k > from && k + 7 > anchor.first && pronoun < 0;) {
      --k;
      const bool my = tokens_[k].lower == "my" && k + 1 == anchor.first;  // "my defection"
      if (t_.first_person.count(tokens_[k].lower) && (tokens_[k].text == "I" || my)) {
        bool subject_of_trigger = true;  // only auxiliaries or adverbs between "I" and the trigger
        for (uint32_t j = k + 1; j < anchor.first && subject_of_trigger; ++j)
          subject_of_trigger = t_.auxiliaries.count(tokens_[j].lower) || t_.finite_markers.count(tokens_[j].lower) ||
                               tokens_[j].lower.ends_with("ly") || t_.adverbs.count(tokens_[j].lower);
        if (std::string speaker = subject_of_trigger ? Speaker(sv) : ""; !speaker.empty())
          pronoun = int(k), antecedent = speaker;
        break;
      }
      if (tokens_[k].kind == TokenKind::kPunct) break;
    }
    if (relation_noun != kNoToken) {
      pronoun = -1, definite = false;
      descriptor = tokens_[relation_noun].lower;
      if (owner_mention >= 0) {
        relative = mentions_[size_t(owner_mention)].name;
      } else {
        const std::string_view o = tokens_[owner_word].lower;
        relative = o == "my" || o == "our" ? Speaker(sv) : Antecedent(sv, owner_word);
      }
    }
    // "The 43-year-old was detained": the person the article gave that age.
    std::string aged;
    for (uint32_t k = from + 2; k < anchor.first && aged.empty() && relation_noun == kNoToken; ++k)
      if (tokens_[k].lower == "year-old" && tokens_[k - 1].text == "-" && tokens_[k - 2].kind == TokenKind::kNumber &&
          (k + 1 == anchor.first || tokens_[k + 1].kind != TokenKind::kWord || t_.auxiliaries.count(tokens_[k + 1].lower)))
        aged = PersonAged(tokens_[k - 2].text, k - 2);
    if (!aged.empty()) {
      subject_name = aged;
      c->participants.push_back({"subject", EntityOf(aged), "(the same age)", aged, ""});
      c->confidence *= 0.85;
    } else if (pronoun >= 0 && !descriptor_first && !antecedent.empty()) {
      subject_name = antecedent;
      c->participants.push_back({"subject", EntityOf(antecedent), "(pronoun)", antecedent, ""});
      c->confidence *= 0.85;
    } else if (pronoun < 0 && !earlier.empty() && definite) {
      subject_name = earlier;
      c->participants.push_back({"subject", EntityOf(earlier), "(the same event)", earlier, ""});
      c->confidence *= 0.8;
    } else if (!descriptor.empty()) {
      c->participants.push_back({"subject", "", descriptor, "", descriptor});
      c->confidence *= 0.8;
      if (!relative.empty()) c->participants.push_back({"relative", EntityOf(relative), "(relative)", relative, ""});
      // "The patient, a sergeant in the North's army, was struck five times": a rank that
      // describes the unnamed subject is its rank. So is one of the subject's family that no
      // one named holds: "The soldier who defected on Monday is a 41-year-old lieutenant
      // colonel".
      auto family = rules_.names.descriptor_families.find(descriptor);
      for (const auto& r : ranks_) {
        if (r.sentence != sv.index || c->attributes.count("rank")) continue;
        bool named = false;
        for (size_t k = sv.mention_begin; k < sv.mention_end; ++k)
          named = named || (mentions_[k].type == EntityType::kPerson && mentions_[k].rank == int(r.rank));
        // Said of the subject: "is a 41-year-old lieutenant colonel", ", a sergeant in the army,"
        // (not "a South Korean colonel told reporters").
        bool said_of = false;
        for (uint32_t k = r.first; k > from && k + 6 > r.first && !said_of;) {
          --k;
          said_of = (tokens_[k].lower == "a" || tokens_[k].lower == "an") && k > from &&
                    (tokens_[k - 1].text == "," || t_.auxiliaries.count(tokens_[k - 1].lower));
        }
        const bool speaks = r.last < to && t_.reporting_verbs.count(tokens_[r.last].lower);  // "a colonel told"
        named = named || !said_of || speaks || std::binary_search(party_tokens_.begin(), party_tokens_.end(), r.last - 1);
        for (uint32_t k = r.first; k < r.last; ++k)
          if (tokens_[k].lower == descriptor ||
              (!named && family != rules_.names.descriptor_families.end() &&
               rules_.ranks[r.rank].family == family->second))
            c->attributes["rank"] = rules_.ranks[r.rank].id;
      }
    } else {
      c->confidence *= 0.6;
    }
  }
  AddOtherMentions(sv, subject, subject_name, c);
  if (!subject_name.empty()) {
    int rank = subject >= 0 ? mentions_[subject].rank : -1;
    if (rank < 0) rank = RankOf(subject_name);
    if (rank >= 0) c->attributes["rank"] = rules_.ranks[rank].id;
  }
}

uint32_t DocumentReader::SentenceOfToken(uint32_t k) const {
  auto it = std::upper_bound(sentence_tokens_.begin(), sentence_tokens_.end(), k,
                             [](uint32_t x, const std::pair<uint32_t, uint32_t>& s) { return x < s.first; });
  return it == sentence_tokens_.begin() ? 0 : uint32_t(it - sentence_tokens_.begin() - 1);
}

std::string DocumentReader::Possessor(const SentenceView& sv, uint32_t noun) {
  if (noun == 0) return "";
  // "Jo's daughter"
  for (const Mention& m : mentions_)
    if (m.type == EntityType::kPerson && m.last + 1 == noun && Possessive(m, noun)) return m.name;
  // "his daughter", "our daughter" (the speaker's); an adjective may stand between.
  for (uint32_t k = noun; k > 0 && k + 3 > noun;) {
    --k;
    if (t_.possessives.count(tokens_[k].lower)) return Antecedent(sv, k);
    if (t_.first_person.count(tokens_[k].lower)) return Speaker(sv);
    if (tokens_[k].kind == TokenKind::kPunct) break;
  }
  return "";
}

uint32_t DocumentReader::WomanBefore(const SentenceView& sv, uint32_t pronoun) const {
  const uint32_t first = sentence_tokens_[sv.index >= 2 ? sv.index - 2 : 0].first;
  // The person mentions that end before the pronoun, latest last.
  auto after = std::lower_bound(mentions_.begin(), mentions_.end(), pronoun,
                                [](const Mention& m, uint32_t k) { return m.first < k; });
  uint32_t named = first;
  for (auto it = after; it != mentions_.begin();) {
    --it;
    // (An interview's label, "Pak:", names who speaks, no one spoken of.)
    if (it->type == EntityType::kPerson && it->last <= pronoun && tokens_[it->last].text != ":") {
      named = std::max(named, it->last);
      break;
    }
  }
  // Tokens [named, pronoun): after the last name and within the window (named >= first).
  for (uint32_t k = pronoun; k > named;) {
    --k;
    if (!t_.female_nouns.count(tokens_[k].lower)) continue;
    // "Kim Yo Jong, Kim Jong Un's sister": a word for a woman named in its own sentence;
    // "his wife told reporters": the speaker.
    const uint32_t s = SentenceOfToken(k);
    bool described = false;
    for (const Mention& m : mentions_)
      described = described || (m.type == EntityType::kPerson && m.sentence == s && m.last <= k);
    const bool speaks = k + 1 < tokens_.size() && t_.reporting_verbs.count(tokens_[k + 1].lower);  // "his wife told"
    if (described || speaks || std::binary_search(party_tokens_.begin(), party_tokens_.end(), k)) continue;
    return k;
  }
  return kNoToken;
}

std::string DocumentReader::Speaker(const SentenceView& sv) {
  for (const auto& [key, party] : CitedParties(sv)) {
    if (key.first != 1) continue;  // a speaker, not a relaying outlet or the speaker's source
    for (const auto& m : mentions_)
      if (m.type == EntityType::kPerson && m.name == party) return party;
  }
  return "";
}

std::string DocumentReader::PersonAged(std::string_view age, uint32_t before) const {
  // "Ri Chol-min, 43, crossed ...", "Ri Chol-min, a 43-year-old former officer, ...".
  for (size_t k = mentions_.size(); k-- > 0;) {
    const Mention& m = mentions_[k];
    if (m.type != EntityType::kPerson || m.last >= before || m.last + 2 >= tokens_.size()) continue;
    if (tokens_[m.last].text != ",") continue;
    uint32_t n = m.last + 1;
    if (tokens_[n].lower == "a" || tokens_[n].lower == "aged") ++n;
    if (n < tokens_.size() && tokens_[n].kind == TokenKind::kNumber && tokens_[n].text == age) return m.name;
  }
  return "";
}

std::string DocumentReader::PersonRankKey(const Mention& m) const {
  // A bare surname ("Kim") is too many people to hold a rank for.
  if (m.type != EntityType::kPerson || m.rank < 0 || m.name.find(' ') == std::string::npos) return "";
  return std::string(kPersonRankPrefix) + m.name;
}

void DocumentReader::CarryRanks(const SentenceView& sv) {
  if (out_.claims.empty()) return;
  // Most sentences give no named person a rank: nothing to carry, and no paragraph to look up.
  if (std::none_of(mentions_.begin() + sv.mention_begin, mentions_.begin() + sv.mention_end,
                   [&](const Mention& m) { return !PersonRankKey(m).empty(); }))
    return;
  const size_t told = out_.claims.back().begin;
  if (ParagraphOf(told) != sentences_[sv.index].paragraph) return;
  // Every claim of the sentence before: "Kim was arrested and his deputy executed. Kim, a colonel, ..."
  for (size_t i = out_.claims.size(); i-- > 0 && out_.claims[i].begin == told;) {
    Claim& c = out_.claims[i];
    for (size_t k = sv.mention_begin; k < sv.mention_end; ++k) {
      const Mention& m = mentions_[k];
      const std::string key = PersonRankKey(m);
      if (key.empty()) continue;
      bool subject = false;
      for (const auto& p : c.participants) subject = subject || (p.role == "subject" && p.name == m.name);
      if (!subject) c.attributes[key] = rules_.ranks[m.rank].id;
    }
  }
}

void DocumentReader::AddOtherMentions(const SentenceView& sv, int subject, const std::string& subject_name,
                                      Claim* c) const {
  for (size_t k = sv.mention_begin; k < sv.mention_end; ++k) {
    const Mention& m = mentions_[k];
    if (int(k) == subject || (!subject_name.empty() && m.name == subject_name)) continue;
    if (m.type == EntityType::kPlace && (Dateline(sv, m) || SpeakersPlace(sv, m))) continue;
    const std::string_view role =
        m.type == EntityType::kPerson ? "mentioned" : m.type == EntityType::kPlace ? "place" : "organization";
    // (The role first: unlike names, roles mostly differ in length, which settles it.)
    bool dup = false;
    for (const auto& p : c->participants) dup = dup || (p.role == role && p.name == m.name);
    if (!dup) c->participants.push_back({std::string(role), m.entity, Surface(m), m.name, ""});
    // "rescued by soldiers led by Colonel Kwon": the rank this sentence gives them.
    if (const std::string key = PersonRankKey(m); !key.empty()) c->attributes[key] = rules_.ranks[m.rank].id;
  }
}

}  // namespace recon

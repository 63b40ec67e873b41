// Tests for engine/resolve/resolve.cpp: clustering, relayed evidence counted once, compatible
// values that are not conflicts, and the conflicts that are.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "recon/pipeline.h"
#include "recon/resolve.h"

namespace recon {
namespace {

struct Fixture {
  RuleSet rules;
  Corpus corpus;
  std::vector<Claim> claims;
  Date published{2017, 12, 1};  // of the documents added next

  Fixture() {
    Diagnostics d;
    rules = LoadRules({DefaultRulesDir()}, &d);
  }
  Claim& Add(std::string source, DateRange date, std::map<std::string, std::string> attrs,
             std::vector<std::string> cites = {}) {
    Document doc;
    doc.id = "d" + std::to_string(corpus.documents.size());
    doc.source = source;
    doc.published = published;
    corpus.documents.push_back(doc);
    Claim c;
    c.id = doc.id + "#1";
    c.doc_index = uint32_t(corpus.documents.size() - 1);
    c.document = doc.id;
    c.source = source;
    c.type = "defection";
    c.date = date;
    c.attributes = std::move(attrs);
    c.participants.push_back({"subject", "", "Oh Chong-song", "Oh Chong-song", ""});
    c.attributed_to = {source};
    c.attributed_to.insert(c.attributed_to.end(), cites.begin(), cites.end());
    claims.push_back(c);
    return claims.back();
  }
  Timeline Run() {
    Linked l = LinkClaims(corpus, claims, rules);
    linked = l;
    return Resolve(corpus, linked, rules);
  }
  Linked linked;
};

const Conflict* FindConflict(const Timeline& t, const std::string& attribute) {
  for (const auto& c : t.conflicts)
    if (c.attribute == attribute) return &c;
  return nullptr;
}

TEST_CASE("one event from claims that agree; compatible values raise no conflict") {
  Fixture f;
  f.Add("Seoul Ledger", DateRange::Day(Date(2017, 11, 13)), {{"rank", "staff_sergeant"}, {"shots", "5"}});
  f.Add("Pacific Dispatch", DateRange::Month(2017, 11), {{"rank", "staff_sergeant"}, {"shots", "5+"}});
  f.Add("NK Insight", DateRange::Year(2017), {{"shots", "5"}});
  Timeline t = f.Run();
  REQUIRE(t.events.size() == 1);
  CHECK(t.events[0].date.start == Date(2017, 11, 13));
  CHECK(t.events[0].date.end == Date(2017, 11, 13));
  CHECK(t.conflicts.empty());
  CHECK(t.events[0].sources.size() == 3);
}

TEST_CASE("an unnamed subject is labelled by its descriptor, 'another' one as told") {
  Fixture f;
  Claim& a = f.Add("Seoul Ledger", DateRange::Day(Date(2017, 11, 13)), {});
  a.participants = {{"subject", "", "soldier", "", "soldier"}};
  f.published = Date(2018, 1, 1);
  Claim& b = f.Add("Pacific Dispatch", DateRange::Month(2016, 8), {});
  b.participants = {{"subject", "", "another soldier", "", "another soldier"}};
  Timeline t = f.Run();
  REQUIRE(t.events.size() == 2);
  std::vector<std::string> labels{t.events[0].label, t.events[1].label};
  std::sort(labels.begin(), labels.end());
  CHECK(labels == std::vector<std::string>{"Defection: another soldier", "Defection: unnamed soldier"});
}

TEST_CASE("different ranks and counts are conflicts with the evidence on each side") {
  Fixture f;
  f.Add("Seoul Ledger", DateRange::Day(Date(2017, 11, 13)), {{"rank", "staff_sergeant"}, {"shots", "5"}});
  f.Add("Pacific Dispatch", DateRange::Day(Date(2017, 11, 13)), {{"rank", "staff_sergeant"}, {"shots", "6"}});
  f.Add("NK Insight", DateRange::Day(Date(2017, 11, 13)), {{"rank", "sergeant"}, {"shots", "5"}});
  Timeline t = f.Run();
  REQUIRE(t.events.size() == 1);
  const Conflict* rank = FindConflict(t, "rank");
  REQUIRE(rank);
  REQUIRE(rank->values.size() == 2);
  CHECK(rank->values[0].value == "staff sergeant");
  CHECK(rank->values[0].sources.size() == 2);
  CHECK(rank->values[1].sources == std::vector<std::string>{"NK Insight"});
  CHECK(FindConflict(t, "shots"));
}

TEST_CASE("a person's disputed rank is one conflict, on the event with most claims, referred to by the rest") {
  Fixture f;
  f.Add("Seoul Ledger", DateRange::Day(Date(2017, 11, 13)), {{"rank", "staff_sergeant"}});
  f.Add("Pacific Dispatch", DateRange::Day(Date(2017, 11, 13)), {{"rank", "staff_sergeant"}});
  f.Add("NK Insight", DateRange::Day(Date(2017, 11, 13)), {{"rank", "sergeant"}});
  // The shooting of the same soldier, told by two of them with the same ranks.
  f.Add("Seoul Ledger", DateRange::Day(Date(2017, 11, 13)), {{"rank", "staff_sergeant"}}).type = "attack";
  f.Add("NK Insight", DateRange::Day(Date(2017, 11, 13)), {{"rank", "sergeant"}}).type = "attack";
  Timeline t = f.Run();
  REQUIRE(t.events.size() == 2);
  size_t rank_conflicts = 0;
  for (const auto& c : t.conflicts) rank_conflicts += c.attribute == "rank";
  CHECK(rank_conflicts == 1);
  const Conflict* rank = FindConflict(t, "rank");
  REQUIRE(rank);
  for (const auto& ev : t.events) {
    REQUIRE(ev.conflicts.size() == 1);
    CHECK(ev.conflicts[0] == rank->id);
    if (ev.type == "defection") CHECK(rank->event == ev.id);
  }
  // Other values on the shooting are a disagreement of their own.
  f.claims.back().attributes["rank"] = "corporal";
  Timeline other = f.Run();
  rank_conflicts = 0;
  for (const auto& c : other.conflicts) rank_conflicts += c.attribute == "rank";
  CHECK(rank_conflicts == 2);
}

TEST_CASE("a disputed rank of someone else the claims name is told on the most-told event they take part in") {
  Fixture f;
  const std::string kwon = std::string(kPersonRankPrefix) + "Kwon Young-hwan";
  f.Add("Seoul Ledger", DateRange::Day(Date(2017, 11, 13)), {});
  f.Add("Pacific Dispatch", DateRange::Day(Date(2017, 11, 13)), {});
  f.Add("Korea Monitor Daily", DateRange::Day(Date(2017, 11, 13)), {{kwon, "colonel"}});
  f.Add("Korea Monitor Daily", DateRange::Day(Date(2017, 11, 13)), {{kwon, "colonel"}}).type = "attack";
  f.Add("Pacific Dispatch", DateRange::Day(Date(2017, 11, 13)), {{kwon, "lieutenant_colonel"}}).type = "attack";
  Timeline t = f.Run();
  REQUIRE(t.events.size() == 2);
  REQUIRE(t.conflicts.size() == 1);
  const Conflict& c = t.conflicts[0];
  CHECK(c.attribute.rfind(kPersonRankPrefix, 0) == 0);
  CHECK(c.explanation.find("Kwon Young-hwan's rank") != std::string::npos);
  for (const auto& ev : t.events) {
    REQUIRE(ev.conflicts.size() == 1);
    if (ev.type == "defection") CHECK(c.event == ev.id);  // three claims to the attack's two
  }
}

TEST_CASE("a claim relayed from a wire is not independent evidence") {
  Fixture with_relays;
  with_relays.Add("Asia Wire Service", DateRange::Day(Date(2017, 11, 13)), {{"rank", "sergeant"}});
  with_relays.Add("Global Times Review", DateRange::Day(Date(2017, 11, 13)), {{"rank", "sergeant"}}, {"Asia Wire Service"});
  with_relays.Add("Daily Peninsula", DateRange::Day(Date(2017, 11, 13)), {{"rank", "sergeant"}}, {"Asia Wire Service"});
  with_relays.Add("Seoul Ledger", DateRange::Day(Date(2017, 11, 13)), {{"rank", "staff_sergeant"}});
  with_relays.Add("Korea Monitor Daily", DateRange::Day(Date(2017, 11, 13)), {{"rank", "staff_sergeant"}});
  Timeline t = with_relays.Run();
  REQUIRE(t.events.size() == 1);
  const Conflict* rank = FindConflict(t, "rank");
  REQUIRE(rank);
  // Three outlets say sergeant, but two relay the third: two independent lines win.
  CHECK(rank->values[0].value == "staff sergeant");
}

TEST_CASE("a lone source a year off is a date conflict, not a second event") {
  Fixture f;
  f.Add("Seoul Ledger", DateRange::Day(Date(2017, 2, 13)), {});
  f.Add("Pacific Dispatch", DateRange::Month(2017, 2), {});
  f.Add("Global Times Review", DateRange::Month(2016, 2), {});
  Timeline t = f.Run();
  REQUIRE(t.events.size() == 1);
  CHECK(t.events[0].date.start == Date(2017, 2, 13));
  const Conflict* date = FindConflict(t, "date");
  REQUIRE(date);
  CHECK(date->values.size() == 2);
  CHECK(date->values[1].sources == std::vector<std::string>{"Global Times Review"});
}

TEST_CASE("a source that words a rank two ways disagrees with no one") {
  Fixture one;
  auto& a = one.Add("Seoul Ledger", DateRange::Day(Date(2017, 11, 13)), {{"rank", "colonel"}});
  one.claims.push_back(a);
  one.claims.back().id = "d0#2";
  one.claims.back().attributes = Attributes{{"rank", "lieutenant_colonel"}};
  Timeline t = one.Run();
  REQUIRE(t.events.size() == 1);
  CHECK_FALSE(FindConflict(t, "rank"));
  Fixture two;
  two.Add("Seoul Ledger", DateRange::Day(Date(2017, 11, 13)), {{"rank", "colonel"}});
  two.Add("Pacific Dispatch", DateRange::Day(Date(2017, 11, 13)), {{"rank", "lieutenant_colonel"}});
  Timeline u = two.Run();
  REQUIRE(u.events.size() == 1);
  CHECK(FindConflict(u, "rank"));
  // Two outlets relaying one wire are one line of evidence, yet they disagree.
  Fixture relays;
  relays.Add("Seoul Ledger", DateRange::Day(Date(2017, 11, 13)), {{"shots", "5"}}, {"Yonhap"});
  relays.Add("Pacific Dispatch", DateRange::Day(Date(2017, 11, 13)), {{"shots", "12"}}, {"Yonhap"});
  Timeline r = relays.Run();
  REQUIRE(r.events.size() == 1);
  CHECK(FindConflict(r, "shots"));
}

TEST_CASE("two adjacent years are a date conflict; two adjacent days are not") {
  Fixture years;
  years.published = Date(2019, 5, 1);
  years.Add("Seoul Ledger", DateRange::Year(2018), {});
  years.Add("Pacific Dispatch", DateRange::Year(2017), {});
  Timeline t = years.Run();
  REQUIRE(t.events.size() == 1);
  const Conflict* date = FindConflict(t, "date");
  REQUIRE(date);
  CHECK(date->values.size() == 2);
  // A month against the year next to it is a conflict too.
  Fixture month_year;
  month_year.published = Date(2019, 5, 1);
  month_year.Add("Seoul Ledger", DateRange::Month(2016, 12), {});
  month_year.Add("Pacific Dispatch", DateRange::Year(2017), {});
  Timeline my = month_year.Run();
  REQUIRE(my.events.size() == 1);
  CHECK(FindConflict(my, "date"));
  Fixture days;
  days.Add("Seoul Ledger", DateRange::Day(Date(2017, 11, 13)), {});
  days.Add("Pacific Dispatch", DateRange::Day(Date(2017, 11, 14)), {});
  Timeline d = days.Run();
  REQUIRE(d.events.size() == 1);
  CHECK_FALSE(FindConflict(d, "date"));
}

TEST_CASE("two well-supported date groups are two events, in date order") {
  Fixture f;
  f.published = Date(2020, 1, 1);  // after both: nothing happens after it was reported
  f.Add("Seoul Ledger", DateRange::Month(2018, 11), {});
  f.Add("Pacific Dispatch", DateRange::Month(2018, 11), {});
  f.Add("NK Insight", DateRange::Month(2019, 7), {});
  f.Add("Daily Peninsula", DateRange::Month(2019, 7), {});
  Timeline t = f.Run();
  REQUIRE(t.events.size() == 2);
  CHECK(t.events[0].date.start < t.events[1].date.start);
  CHECK(t.events[0].id == "E1");
}

TEST_CASE("claims of ambiguous triggers join an event but make none alone") {
  Fixture f;
  REQUIRE(f.rules.FindTrigger("defection.vanish"));
  REQUIRE(f.rules.FindTrigger("defection.vanish")->corroborates_only);
  f.Add("Seoul Ledger", DateRange::Month(2017, 11), {}).rule = "defection.vanish";
  f.Add("Pacific Dispatch", DateRange::Month(2017, 11), {}).rule = "defection.vanish";
  CHECK(f.Run().events.empty());
  f.Add("NK Insight", DateRange::Day(Date(2017, 11, 13)), {}).rule = "defection.flee";
  Timeline t = f.Run();
  REQUIRE(t.events.size() == 1);
  CHECK(t.events[0].claims.size() == 3);
  // The default pack's other ambiguous triggers: a blast, a crossing into somewhere, taking over.
  for (const char* id : {"attack.blast", "defection.cross_into", "taking_power.take_over"}) {
    CAPTURE(id);
    REQUIRE(f.rules.FindTrigger(id));
    CHECK(f.rules.FindTrigger(id)->corroborates_only);
  }
  Fixture blast;
  blast.Add("Seoul Ledger", DateRange::Day(Date(2017, 11, 13)), {}).rule = "attack.blast";
  blast.claims.back().type = "attack";
  CHECK(blast.Run().events.empty());
}

TEST_CASE("an arrival one source tells ends the escape an earlier date gives: no second date, no conflict") {
  REQUIRE(Fixture().rules.FindTrigger("defection.arrive"));
  REQUIRE(Fixture().rules.FindTrigger("defection.arrive")->later_stage);
  // One article: "fled across the Tumen in March 2019 ... arrived in Seoul in February 2020".
  Fixture journey;
  journey.published = Date(2020, 6, 1);
  journey.Add("Seoul Ledger", DateRange::Month(2019, 3), {}).rule = "defection.flee";
  Claim arrival = journey.claims.back();
  arrival.id = "d0#2";
  arrival.rule = "defection.arrive";
  arrival.date = DateRange::Month(2020, 2);
  journey.claims.push_back(arrival);
  Timeline t = journey.Run();
  REQUIRE(t.events.size() == 1);
  CHECK(t.events[0].date.start == Date(2019, 3, 1));
  CHECK(t.events[0].date.end == Date(2019, 3, 31));
  CHECK_FALSE(FindConflict(t, "date"));
  // Inside the year it fled, the arrival does not narrow the date to its own month.
  Fixture same_year;
  same_year.published = Date(2020, 6, 1);
  same_year.Add("Seoul Ledger", DateRange::Year(2019), {}).rule = "defection.flee";
  same_year.Add("Pacific Dispatch", DateRange::Month(2019, 12), {}).rule = "defection.arrive";
  Timeline y = same_year.Run();
  REQUIRE(y.events.size() == 1);
  CHECK(y.events[0].date.start == Date(2019, 1, 1));
  CHECK(y.events[0].date.end == Date(2019, 12, 31));
  // An arrival before the flight someone else dates is still a dispute.
  Fixture reversed;
  reversed.published = Date(2020, 6, 1);
  reversed.Add("Seoul Ledger", DateRange::Month(2019, 3), {}).rule = "defection.arrive";
  reversed.Add("Pacific Dispatch", DateRange::Month(2020, 2), {}).rule = "defection.flee";
  CHECK(FindConflict(reversed.Run(), "date"));
  // Without the later_stage key the same two claims are a date conflict.
  Fixture plain;
  plain.published = Date(2020, 6, 1);
  plain.Add("Seoul Ledger", DateRange::Month(2019, 3), {}).rule = "defection.flee";
  plain.Add("Seoul Ledger", DateRange::Month(2020, 2), {}).rule = "defection.cross";
  plain.claims.back().document = "d0";
  plain.claims.back().doc_index = 0;
  plain.claims.back().id = "d0#2";
  CHECK(FindConflict(plain.Run(), "date"));
}

TEST_CASE("an open-ended date joins the latest group it meets, not the latest before its article") {
  Fixture f;
  f.published = Date(2020, 10, 7);
  f.Add("Seoul Ledger", DateRange::Month(2018, 11), {});
  f.Add("Pacific Dispatch", DateRange::Month(2018, 11), {});
  f.Add("NK Insight", DateRange::Month(2019, 7), {});
  f.Add("Daily Peninsula", DateRange::Month(2019, 7), {});
  DateRange before;
  before.end = Date(2018, 11, 30);
  before.qualifier = Qualifier::kBefore;
  f.Add("Global Times Review", before, {});
  Timeline t = f.Run();
  REQUIRE(t.events.size() == 2);
  CHECK(t.events[0].claims.size() == 3);  // November 2018, with the open-ended telling
  CHECK(t.events[1].claims.size() == 2);
}

TEST_CASE("an event whose denial of fact outweighs its reports is refuted, and says so") {
  Fixture f;
  Claim& rumour = f.Add("Seoul Ledger", DateRange::Year(2013), {});
  rumour.type = "execution";
  rumour.modality = Modality::kReported;
  rumour.confidence = 0.5;
  Timeline alone = f.Run();
  REQUIRE(alone.events.size() == 1);
  CHECK(alone.events[0].status == EventStatus::kHappened);
  Claim& alive = f.Add("Pacific Dispatch", {}, {});
  alive.type = "execution";
  alive.modality = Modality::kNegated;
  alive.confidence = 0.9;
  Timeline t = f.Run();
  REQUIRE(t.events.size() == 1);
  CHECK(t.events[0].status == EventStatus::kRefuted);
  CHECK(t.events[0].label.ends_with("(refuted)"));
  CHECK(t.events[0].confidence < alone.events[0].confidence);
}

TEST_CASE("an event told only as intended is a plan") {
  Fixture f;
  f.Add("Seoul Ledger", DateRange::Year(2013), {}).modality = Modality::kPlanned;
  Timeline plan = f.Run();
  REQUIRE(plan.events.size() == 1);
  CHECK(plan.events[0].status == EventStatus::kPlanned);
  CHECK(plan.events[0].label.ends_with("(planned)"));
  f.Add("Pacific Dispatch", DateRange::Year(2013), {}).modality = Modality::kReported;
  Timeline done = f.Run();
  REQUIRE(done.events.size() == 1);
  CHECK(done.events[0].status == EventStatus::kHappened);
}

TEST_CASE("a date after the first report is a later development: no event date, no conflict") {
  Fixture f;
  f.published = Date(2017, 2, 14);
  f.Add("Asia Wire Service", DateRange(), {});
  f.published = Date(2019, 3, 11);
  f.Add("Seoul Ledger", DateRange::Day(Date(2019, 3, 11)), {});  // the day a suspect was freed
  f.published = Date(2017, 3, 1);
  f.Add("NK Insight", DateRange::Day(Date(2017, 3, 1)), {});  // the day two women were charged
  Timeline t = f.Run();
  REQUIRE(t.events.size() == 1);
  CHECK(t.events[0].date.start.is_special());
  CHECK(t.events[0].date.end == Date(2017, 2, 14));
  CHECK(t.events[0].date.qualifier == Qualifier::kBefore);
  CHECK(t.conflicts.empty());
  // A date before the first report still dates it, and a later one is still no conflict.
  f.published = Date(2017, 2, 20);
  f.Add("Pacific Dispatch", DateRange::Day(Date(2017, 2, 13)), {});
  t = f.Run();
  REQUIRE(t.events.size() == 1);
  CHECK(t.events[0].date.start == Date(2017, 2, 13));
  CHECK(t.conflicts.empty());
}

TEST_CASE("truth discovery learns reliability across events and reports it per source") {
  // Two outlets agree on five events; a third disagrees with both on each. Across the corpus it
  // is learned to be the least reliable, below its prior, and loses a one-against-one dispute.
  Fixture f;
  f.published = Date(2018, 1, 1);
  const char* names[] = {"Oh Chong-song", "Thae Yong-ho", "Jo Song-gil", "Hyon Yong-chol", "Ri Yong Ho"};
  for (int k = 0; k < 5; ++k) {
    DateRange d = DateRange::Day(Date(2017, 1 + k, 10));
    for (const char* src : {"Seoul Ledger", "Korea Monitor Daily", "Daily Peninsula"}) {
      Claim& c = f.Add(src, d, {{"count", std::string(src) == "Daily Peninsula" ? "9" : "3"}});
      c.participants[0].name = c.participants[0].mention = names[k];
    }
  }
  // A sixth event: Daily Peninsula against Seoul Ledger alone, with a prior that would win it.
  for (const char* src : {"Seoul Ledger", "Daily Peninsula"}) {
    Claim& c = f.Add(src, DateRange::Day(Date(2017, 8, 10)), {{"count", std::string(src) == "Seoul Ledger" ? "7" : "8"}});
    c.participants[0].name = c.participants[0].mention = "Kim Kyok Sik";
  }
  for (auto& doc : f.corpus.documents)
    if (doc.source == "Daily Peninsula") doc.reliability = 0.9;
  Timeline t = f.Run();
  REQUIRE(t.events.size() == 6);
  std::map<std::string, const SourceReliability*> by;
  for (const auto& s : t.sources) by[s.source] = &s;
  REQUIRE(by.count("Daily Peninsula"));
  REQUIRE(by.count("Seoul Ledger"));
  CHECK(by["Daily Peninsula"]->reliability < by["Daily Peninsula"]->prior);
  CHECK(by["Daily Peninsula"]->reliability < by["Seoul Ledger"]->reliability);
  CHECK(by["Seoul Ledger"]->claims == 6 + 6);  // six counts and six dates
  const Event& last = t.events.back();
  REQUIRE(!last.attributes.empty());
  CHECK(last.attributes[0].value == "7");
  CHECK(last.conflicts.size() == 1);
}


// One article through every stage.
Timeline RunArticles(const std::vector<std::tuple<std::string, std::string, Date, std::string>>& articles) {
  Corpus corpus;
  for (const auto& [id, title, published, text] : articles) {
    Document doc;
    doc.id = id;
    doc.source = "Test Daily";
    doc.title = title;
    doc.published = published;
    doc.text = text;
    corpus.documents.push_back(doc);
  }
  Diagnostics d;
  RuleSet rules = LoadRules({DefaultRulesDir()}, &d);
  RunOptions options;
  options.threads = 1;
  return RunCorpus(std::move(corpus), std::move(rules), Diagnostics(), options).timeline;
}

TEST_CASE("the lead's telling of the event the title announces is an event, unnamed and undated") {
  const std::string lead =
      "A senior diplomat at North Korea's embassy in London has abandoned his post, a government source said. "
      "The case would be the most senior since Hwang Jang-yop sought asylum in Beijing in 1997.";
  Timeline alone = RunArticles({{"a1", "North Korean diplomat in Britain said to have fled to South", Date(2016, 8, 17), lead}});
  bool diplomat = false;
  for (const auto& e : alone.events) diplomat = diplomat || (e.type == "defection" && e.date.end == Date(2016, 8, 17));
  CHECK(diplomat);
  CHECK(alone.events.size() == 2);  // and Hwang's, in 1997
  // Without the title's word for it, the thin telling is no event.
  Timeline untitled = RunArticles({{"a1", "A quiet week in London", Date(2016, 8, 17), lead}});
  CHECK(untitled.events.size() == 1);
  // Other articles' coverage of a defection that season: the lead adds a telling, not an event.
  Timeline covered = RunArticles(
      {{"a1", "North Korean diplomat in Britain said to have fled to South", Date(2016, 8, 17), lead},
       {"a2", "Thae Yong-ho defects", Date(2016, 8, 18), "Thae Yong-ho defected to South Korea in July, officials said."}});
  int defections = 0;
  for (const auto& e : covered.events) defections += e.type == "defection" && e.date.start >= Date(2016, 1, 1);
  CHECK(defections == 1);
}

TEST_CASE("a lone unnamed telling bounded only by its report is too thin to be an event") {
  const std::string text = "The ministry said on August 1 that a soldier had defected across the border.";
  Timeline bounded = RunArticles({{"a1", "A quiet week", Date(2024, 9, 5), text}});
  CHECK(bounded.events.empty());
  // Dated, it is one.
  Timeline dated = RunArticles({{"a1", "A quiet week", Date(2024, 9, 5),
                                 "The ministry said on August 1 that a soldier had defected across the border on July 30."}});
  CHECK(dated.events.size() == 1);
}

TEST_CASE("the headline's described telling joins its article's undescribed dated one; background does not") {
  Timeline t = RunArticles(
      {{"a1", "Missing diplomat's teenage daughter 'sent back to North Korea'", Date(2019, 2, 21),
        "A missing diplomat's teenage daughter was sent back to North Korea, Italy said. "
        "The ministry said the girl had been flown back on Nov. 14, 2018."}});
  int repatriations = 0;
  for (const auto& e : t.events) repatriations += e.type == "repatriation";
  CHECK(repatriations == 1);
  Timeline background = RunArticles(
      {{"a1", "China repatriates hundreds of North Koreans", Date(2023, 10, 12),
        "China forcibly repatriated hundreds of North Koreans on Monday, activists said. "
        "Seoul itself drew criticism when it deported two fishermen to the North."}});
  size_t largest = 0;
  for (const auto& e : background.events)
    if (e.type == "repatriation") largest = std::max(largest, e.claims.size());
  CHECK(largest == 1);
}

TEST_CASE("a party's denial of what others report is a status conflict; a teller's own denial of a part is not") {
  Timeline t = RunArticles(
      {{"a1", "Investigators say torpedo sank warship", Date(2010, 5, 20),
        "A North Korean torpedo sank the warship Cheonan on March 26, investigators said. "
        "North Korea's National Defence Commission rejected the findings as a fabrication."}});
  const Conflict* status = FindConflict(t, "status");
  REQUIRE(status);
  REQUIRE(status->values.size() == 2);
  CHECK(status->values[0].value == "happened");
  CHECK(status->values[1].value == "did not happen");
  CHECK(status->values[1].sources == std::vector<std::string>{"National Defence Commission"});
  Timeline own = RunArticles(
      {{"a1", "Soldier shot at border", Date(2017, 11, 14),
        "North Korean guards shot the soldier on Monday, the official said. "
        "South Korean troops did not fire their weapons during the incident, the official said."}});
  CHECK_FALSE(FindConflict(own, "status"));
}

TEST_CASE("another voice saying it did not happen is a status conflict; a later stage that did not happen is not") {
  Timeline t = RunArticles(
      {{"a1", "General executed, sources say", Date(2016, 2, 10),
        "North Korea executed its army chief of staff, Ri Yong-gil, this month, a source said."},
       {"a2", "General alive", Date(2016, 5, 10),
        "Ri Yong-gil was not executed, a defence ministry spokesman told reporters on Tuesday. "
        "Ri Yong-gil reappeared at a party congress this week."}});
  const Conflict* status = FindConflict(t, "status");
  REQUIRE(status);
  REQUIRE(status->values.size() == 2);
  // Refuted, so "did not happen" comes first.
  CHECK(status->values[0].value == "did not happen");
  // Every article here is Test Daily's: its own "reappeared" is a teller's, not a dispute.
  CHECK(status->values[0].sources == std::vector<std::string>{"defence ministry spokesman"});
  CHECK(status->values[1].sources == std::vector<std::string>{"Test Daily"});
  // "had not sought asylum in South Korea": where the journey did not end, not that it never began.
  Timeline asylum = RunArticles(
      {{"a1", "Diplomat vanishes in Rome", Date(2019, 1, 3),
        "Jo Song-gil, North Korea's acting ambassador to Italy, fled his post in November, lawmakers said."},
       {"a2", "Diplomat's whereabouts unknown", Date(2019, 1, 4),
        "Jo Song-gil had not sought asylum in South Korea, Kim Min-ki said on Friday."}});
  CHECK_FALSE(FindConflict(asylum, "status"));
  // ... nor does it refute the defection.
  for (const auto& e : asylum.events) CHECK(e.status == EventStatus::kHappened);
}

TEST_CASE("a suspect's denial of the charges is no status conflict on the arrest") {
  Timeline t = RunArticles(
      {{"a1", "Woman arrested over airport killing", Date(2017, 2, 16),
        "Malaysian police arrested Siti Aisyah at a hotel on Wednesday, officials said. "
        "Siti Aisyah has denied the charges, her lawyer said."}});
  CHECK_FALSE(FindConflict(t, "status"));
}

TEST_CASE("two outlets' headline tellings of one unnamed event are one event; a leader's crossing is none") {
  Timeline two = RunArticles(
      {{"a1", "Senior North Korean diplomat in London said to have fled", Date(2016, 8, 17),
        "A senior North Korean diplomat in London has abandoned his post, a government source said."},
       {"a2", "North Korean envoy flees London embassy", Date(2016, 8, 18),
        "North Korea's deputy ambassador in London has fled, officials said."}});
  int defections = 0;
  for (const auto& e : two.events) defections += e.type == "defection";
  CHECK(defections == 1);
  Timeline summit = RunArticles(
      {{"a1", "Kim Jong Un crosses into South Korea for historic summit", Date(2018, 4, 27),
        "Kim Jong Un crossed into South Korea on Friday for talks with President Moon Jae-in."}});
  for (const auto& e : summit.events) CHECK(e.type != "defection");
}

}  // namespace
}  // namespace recon

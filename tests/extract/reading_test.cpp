// Tests for engine/extract/reader.cpp on the default rule packs: which person a pronoun or a
// definite mention stands for, which clause a date belongs to, and claims about a class of events.
#include <doctest/doctest.h>

#include <algorithm>

#include "extract_fixture.h"

namespace recon {
namespace {

Extraction Read(const std::string& text) { return ExtractOne(text, "Test Daily", Date(2019, 5, 1)); }

const Claim* Nth(const Extraction& ex, const std::string& type, int n = 0) { return NthOfType(ex.claims, type, n); }

TEST_CASE("a pronoun stands for the nearest person before it, not an agent or a qualifier") {
  auto ex = Read(
      "Pak Song-min was questioned at meetings chaired by Ri Chol-ho, the brother of Kim Yong-su. "
      "He was arrested within days.");
  const Claim* arrest = Nth(ex, "arrest");
  REQUIRE(arrest);
  CHECK(SubjectName(*arrest) == "Pak Song-min");
}

TEST_CASE("a pronoun after a descriptor in its sentence is that unnamed person") {
  auto ex = Read("Ri Chol-ho spoke. The soldier who was shot as he fled across the border survived.");
  const Claim* flight = Nth(ex, "defection");
  REQUIRE(flight);
  CHECK(SubjectName(*flight) == "soldier");
}

TEST_CASE("a definite mention of an event already told is that event again") {
  auto ex = Read("Pak Song-min was executed in March, officials said. The execution was carried out at a firing range.");
  const Claim* second = Nth(ex, "execution", 1);
  REQUIRE(second);
  CHECK(SubjectName(*second) == "Pak Song-min");
  // Without "the", an unnamed execution is not taken for his.
  auto other = Read("Pak Song-min was executed in March. Two officers were executed in June.");
  const Claim* two = Nth(other, "execution", 1);
  REQUIRE(two);
  CHECK(SubjectName(*two) != "Pak Song-min");
}

TEST_CASE("a date in another clause does not date the trigger") {
  // A relative clause: December dates the arrest, not the execution.
  auto ex = Read("The execution of Pak Song-min, who had been arrested in December, shocked Seoul.");
  const Claim* exec = Nth(ex, "execution");
  REQUIRE(exec);
  CHECK_FALSE(exec->date.known());
  // A finite verb of its own: Monday dates the release, not the killing.
  auto freed = Read("A woman accused of the murder of Ri Chol-ho, a trader, was set free on Monday.");
  const Claim* killing = Nth(freed, "assassination");
  REQUIRE(killing);
  CHECK_FALSE(killing->date.known());
  // Control: a date in the trigger's own clause still dates it, also before a comma.
  auto plain = Read("In 2016, after a long wait, Pak Song-min defected to the South.");
  const Claim* d = Nth(plain, "defection");
  REQUIRE(d);
  CHECK(d->date.start == Date(2016, 1, 1));
}

TEST_CASE("a year between a determiner and the event noun is the event's own, whatever comes before") {
  auto since = Read("Since the 2013 execution of Jang Song-thaek, few officials have spoken out.");
  const Claim* e = Nth(since, "execution");
  REQUIRE(e);
  CHECK(e->date.start == Date(2013, 1, 1));
  CHECK(e->date.end == Date(2013, 12, 31));
  CHECK(e->date.qualifier == Qualifier::kNone);
  auto after = Read("After the 2017 killing of Kim Jong-nam, Malaysia expelled the ambassador.");
  const Claim* k = Nth(after, "assassination");
  REQUIRE(k);
  CHECK(k->date.start == Date(2017, 1, 1));
  CHECK(k->date.qualifier == Qualifier::kNone);
  auto month = Read("Rudolph has been on the run since the January 1998 bombing of a clinic.");
  const Claim* b = Nth(month, "attack");
  REQUIRE(b);
  CHECK(b->date.start == Date(1998, 1, 1));
  CHECK(b->date.end == Date(1998, 1, 31));
  // Not between a determiner and the noun: "since 2013" dates no point event.
  auto open = Read("There have been no public executions since 2013, officials said.");
  for (const auto& c : open.claims) CHECK_FALSE(c.date.bounded());
}

TEST_CASE("an event told as following a dated clause happened no earlier than its date") {
  auto ex = Read("Pak Song-min took power after his uncle died in June 2012.");
  const Claim* c = Nth(ex, "taking_power");
  REQUIRE(c);
  CHECK(c->date.start == Date(2012, 6, 1));
  CHECK(c->date.end == Date(2019, 5, 1));
  CHECK(c->date.qualifier == Qualifier::kAfter);
}

TEST_CASE("claims about a class of events are generic and point events are not") {
  auto series = Read("Officials pointed to a series of purges in the army.");
  REQUIRE(Nth(series, "purge"));
  CHECK(Nth(series, "purge")->generic);
  auto total = Read("About 30,000 people have fled to the South since 1953.");
  REQUIRE(Nth(total, "defection"));
  CHECK(Nth(total, "defection")->generic);
  auto plural = Read("The report counted executions across the country.");
  REQUIRE(Nth(plural, "execution"));
  CHECK(Nth(plural, "execution")->generic);
  auto one = Read("Pak Song-min defected to the South in 2016.");
  REQUIRE(Nth(one, "defection"));
  CHECK_FALSE(Nth(one, "defection")->generic);
  // "since" dates no point event.
  CHECK(Nth(total, "defection")->date.qualifier != Qualifier::kSince);
  // A "since" past a comma is another clause's: the deportation itself is one event.
  auto first = Read("South Korea on Thursday repatriated two North Korean fishermen who it says killed 16 crew "
                    "members, the first time Seoul has deported North Koreans since the war.");
  REQUIRE(Nth(first, "repatriation"));
  CHECK_FALSE(Nth(first, "repatriation")->generic);
}

TEST_CASE("a sum, an age or a share counts no one: the event is still one event") {
  auto theft = Read("The group stole about $75 million from a cryptocurrency exchange in late 2017.");
  REQUIRE(Nth(theft, "cyberattack"));
  CHECK_FALSE(Nth(theft, "cyberattack")->generic);
  auto euros = Read("Hackers stole 13 million euros in bitcoin from the exchange over the summer of 2018.");
  REQUIRE(Nth(euros, "cyberattack"));
  CHECK_FALSE(Nth(euros, "cyberattack")->generic);
  auto age = Read("Kang, a 39-year-old who escaped from a logging camp in Russia's far east in 2016, lives in Seoul.");
  REQUIRE(Nth(age, "defection"));
  CHECK_FALSE(Nth(age, "defection")->generic);
  // People counted over a span are still a tally.
  auto tally = Read("About 70 officials were executed in 2016 and 2017.");
  REQUIRE(Nth(tally, "execution"));
  CHECK(Nth(tally, "execution")->generic);
}

TEST_CASE("an event counted from a happening the article dates elsewhere takes its date") {
  auto summit = Read(
      "Kim Jong Un met Donald Trump at the summit in Singapore on June 12, 2018.\n\n"
      "Two days after the summit, a North Korean soldier defected across the DMZ.");
  const Claim* defection = Nth(summit, "defection");
  REQUIRE(defection);
  CHECK(defection->date.start == Date(2018, 6, 14));
  CHECK(defection->date.end == Date(2018, 6, 14));
  // The anchor's own date is the anchor's, not the event's.
  auto olympics = Read("A week before the Olympics opened on Feb. 9, 2018, the North test-fired a missile.");
  const Claim* test = Nth(olympics, "weapons_test");
  REQUIRE(test);
  REQUIRE(test->date.bounded());
  CHECK(test->date.start <= Date(2018, 2, 2));
  CHECK(test->date.end >= Date(2018, 2, 2));
  CHECK(test->date.end < Date(2018, 2, 9));
  // A trigger inside the anchor keeps the anchor's date: the relation dates the release.
  auto video = Read("The command released the video on Wednesday, nine days after the defection on November 13, 2017.");
  const Claim* fled = Nth(video, "defection");
  REQUIRE(fled);
  CHECK(fled->date.start == Date(2017, 11, 13));
  // Only happenings (summits, meetings) are looked up beyond their own phrase: a death may be
  // anyone's.
  auto death = Read("The death of a guard on the border was reported on March 3, 2018.\n\n"
                    "Pak Song-min fled two days after the death.");
  const Claim* pak = Nth(death, "defection");
  REQUIRE(pak);
  CHECK_FALSE(pak->date.known());
}

}  // namespace
}  // namespace recon

namespace recon {
namespace {

TEST_CASE("a named person's state dates from its 'since'; a month takes the year after it") {
  auto ex = Read("Pak Song-min has been living in the South since July last year.");
  const Claim* c = Nth(ex, "defection");
  REQUIRE(c);
  CHECK(c->date.start == Date(2018, 7, 1));
  CHECK(c->date.end == Date(2018, 7, 31));
}

TEST_CASE("a date before a reporting verb dates the report: the event came no later") {
  auto ex = Read("Earlier on Thursday a newspaper reported that Pak Song-min had gone into hiding.");
  const Claim* c = Nth(ex, "defection");
  REQUIRE(c);
  CHECK(c->date.qualifier == Qualifier::kBefore);
  CHECK(c->date.start.is_special());
  CHECK_FALSE(c->date.end.is_special());
  // Set in the event's own clause, ", the JCS said,", it is the event's.
  auto set_in = Read("On March 3, the JCS said, North Korea fired a missile at 07:40.");
  const Claim* launch = Nth(set_in, "weapons_test");
  REQUIRE(launch);
  CHECK(launch->date.qualifier == Qualifier::kNone);
  CHECK(launch->date.granularity == Granularity::kDay);
  CHECK(int(launch->date.start.month()) == 3);
  CHECK(launch->date.start.day() == 3);
}

TEST_CASE("a date right after a reporting verb bounds what the report tells, when nothing dates it") {
  auto ex = Read("The ministry said on August 1 that Kim dismissed the public security minister, Ri Thae-sop.");
  const Claim* c = Nth(ex, "purge");
  REQUIRE(c);
  CHECK(c->date.qualifier == Qualifier::kBefore);
  CHECK(c->date.start.is_special());
  CHECK(int(c->date.end.month()) == 8);
  CHECK(c->date.end.day() == 1);
  // A date of the event's own wins.
  auto dated = Read("The ministry said on August 1 that Ri Thae-sop was dismissed on July 28.");
  const Claim* d = Nth(dated, "purge");
  REQUIRE(d);
  CHECK(d->date.qualifier == Qualifier::kNone);
  CHECK(d->date.start.day() == 28);
  // After "that", a date opens what was said.
  auto told = Read("A resident said that in 2015 two men were executed in Hyesan.");
  REQUIRE(Nth(told, "execution"));
  CHECK(Nth(told, "execution")->date.qualifier == Qualifier::kNone);
  CHECK(Nth(told, "execution")->date.granularity == Granularity::kYear);
  // After the event, the report's date bounds nothing it told before.
  auto after = Read("Ri Thae-sop was dismissed, the ministry said on August 1.");
  REQUIRE(Nth(after, "purge"));
  CHECK_FALSE(Nth(after, "purge")->date.known());
}

TEST_CASE("a past perfect in another clause came before that clause's date") {
  auto ex = Read("In March 2016 about 40 women who had been repatriated from China arrived at the centre.");
  const Claim* c = Nth(ex, "repatriation");
  REQUIRE(c);
  CHECK(c->date.qualifier == Qualifier::kBefore);
  CHECK(c->date.start.is_special());
  CHECK(c->date.end == Date(2016, 3, 31));
  // A simple past there leaves it undated.
  auto simple = Read("In March 2016 about 40 women who were repatriated from China arrived at the centre.");
  REQUIRE(Nth(simple, "repatriation"));
  CHECK(Nth(simple, "repatriation")->date.qualifier != Qualifier::kBefore);
}

TEST_CASE("a memoir's and a timeline's wordings: objects between verb and particle, present tense, firing squads") {
  const std::pair<const char*, const char*> cases[] = {
      {"In 2012 the Chinese police caught Pak Eun-ok, and they sent me back to the North.", "repatriation"},
      {"Lee Hye-sun escaped in 2009.", "defection"},
      {"Ri Chol-min was shot three times by the firing squad in 1997.", "execution"},
      {"We heard afterwards that Ri Chol-min was shot in front of the whole village.", "execution"},
      {"Nov. 13, 2017: A soldier dashes across the JSA and is shot five times.", "attack"},
      {"Nov. 7, 2019: Seoul deports two fishermen.", "repatriation"},
  };
  for (const auto& [text, type] : cases) {
    CAPTURE(text);
    CHECK(Nth(Read(text), type) != nullptr);
  }
  // A timeline's label dates every deed of its entry.
  auto entry = Read("Nov. 13, 2017: A soldier dashes across the JSA and is shot five times.");
  REQUIRE(Nth(entry, "attack"));
  CHECK(Nth(entry, "attack")->date.start == Date(2017, 11, 13));
  // Taken into custody after crossing: received, not arrested, in the present tense too.
  CHECK_FALSE(Nth(Read("Aug. 20, 2024: A soldier crosses the border and is taken into custody."), "arrest"));
}

TEST_CASE("a dismissal from all of one's posts is a purge") {
  for (const char* text : {"Ri Yong-ho was relieved of all his posts in July 2012.",
                           "Ri Yong-ho was relieved of his titles in July 2012."}) {
    CAPTURE(text);
    auto ex = Read(text);
    REQUIRE(Nth(ex, "purge"));
    CHECK(SubjectName(*Nth(ex, "purge")) == "Ri Yong-ho");
  }
}

TEST_CASE("a time of day, with or without its stops, yields to the date the sentence gives") {
  for (const char* text : {"The soldier crossed the border at around 11pm on 3 March 2019.",
                           "The soldier crossed the border at around 11 p.m. on March 3, 2019."}) {
    CAPTURE(text);
    auto ex = Read(text);
    REQUIRE(Nth(ex, "defection"));
    CHECK(Nth(ex, "defection")->date.start == Date(2019, 3, 3));
  }
}

TEST_CASE("in one sentence, an absorbed type is the means of the absorbing event") {
  auto ex = Read("Pak Song-min was executed by anti-aircraft gunfire in April.");
  CHECK(Nth(ex, "execution"));
  CHECK_FALSE(Nth(ex, "attack"));
}

}  // namespace
}  // namespace recon

namespace recon {
namespace {

TEST_CASE("a number inside a date counts no people") {
  auto ex = Read("Pak Song-min was executed on April 30 at a firing range.");
  const Claim* c = Nth(ex, "execution");
  REQUIRE(c);
  CHECK_FALSE(c->attributes.count("executed"));
  auto counted = Read("Thirty officials were executed in April.");
  REQUIRE(Nth(counted, "execution"));
  CHECK(Nth(counted, "execution")->attributes.count("executed"));
}

TEST_CASE("a trigger in another clause of the sentence tells another event") {
  auto ex = Read(
      "If confirmed as a defection, Jo's case would be the most senior since Pak Song-min, a "
      "former counsellor in Geneva, fled to the South in 2016.");
  const Claim* first = Nth(ex, "defection", 0);
  const Claim* second = Nth(ex, "defection", 1);
  REQUIRE(first);
  REQUIRE(second);
  CHECK(SubjectName(*second) == "Pak Song-min");
  CHECK(second->date.start == Date(2016, 1, 1));
  CHECK_FALSE(first->date.known());
  // One event told twice in one clause stays one claim with both details.
  auto once = Read("Pak Song-min defected in March and fled across the border with his family.");
  CHECK(Nth(once, "defection", 0));
  CHECK_FALSE(Nth(once, "defection", 1));
}

TEST_CASE("an unnamed person's description skips institutions and appositions") {
  auto ex = Read("In April, the spy agency said, twelve workers defected to the South.");
  const Claim* d = Nth(ex, "defection");
  REQUIRE(d);
  CHECK(SubjectName(*d) != "spy");
  auto appos = Read("Pak Song-min, the former ambassador, defected in 2016.");
  REQUIRE(Nth(appos, "defection"));
  CHECK(SubjectName(*Nth(appos, "defection")) == "Pak Song-min");
}

TEST_CASE("where someone went is the destination, and datelines and speaking capitals are no place") {
  auto ex = Read("SEOUL, May 1 (TD) - A diplomat posted in London has defected to South Korea, Seoul said.");
  const Claim* d = Nth(ex, "defection");
  REQUIRE(d);
  CHECK(d->attributes.at("place") == "london");
  CHECK(d->attributes.at("destination") == "south-korea");
  auto capital = Read("Seoul made the defection of Pak Song-min public on Monday.");
  REQUIRE(Nth(capital, "defection"));
  CHECK_FALSE(Nth(capital, "defection")->attributes.count("place"));
  auto in = Read("Pak Song-min was arrested in Pyongyang in March.");
  REQUIRE(Nth(in, "arrest"));
  CHECK(Nth(in, "arrest")->attributes.at("place") == "pyongyang");
}

TEST_CASE("many unnamed people counted over a span are a tally, not one event") {
  auto year = Read("Officials said Kim had executed 15 senior officials this year alone.");
  REQUIRE(Nth(year, "execution"));
  CHECK(Nth(year, "execution")->generic);
  auto since = Read("About 70 officials have been executed since Kim Jong Un took over, lawmakers said.");
  REQUIRE(Nth(since, "execution"));
  CHECK(Nth(since, "execution")->generic);
  CHECK(SubjectName(*Nth(since, "execution")) != "Kim Jong Un");  // he is in the other clause
  // Control: two aides executed in one month are one event.
  auto month = Read("Two of his aides were executed in November, lawmakers said.");
  REQUIRE(Nth(month, "execution"));
  CHECK_FALSE(Nth(month, "execution")->generic);
}

TEST_CASE("a when-clause right after the trigger dates the event") {
  auto ex = Read("Kim Jong Un inherited power when his father died in December 2011.");
  const Claim* c = Nth(ex, "taking_power");
  REQUIRE(c);
  CHECK(c->date.start == Date(2011, 12, 1));
  CHECK(c->date.end == Date(2011, 12, 31));
}

TEST_CASE("a trigger may take its subject from the other side than its type") {
  auto ex = Read("In October 2017 Italy expelled the North's ambassador, Mun Jong-nam, over a nuclear test.");
  const Claim* c = Nth(ex, "order");
  REQUIRE(c);
  CHECK(SubjectName(*c) == "Mun Jong-nam");
}

TEST_CASE("a bare surname as written finds the full name whose canonical spelling differs") {
  auto ex = Read(
      "Kim Jong Un had his defence chief, Hyun Yong-chol, executed last month. Hyun, minister "
      "since mid-2014, was charged with treason in April.");
  const Claim* c = Nth(ex, "arrest");
  REQUIRE(c);
  CHECK(SubjectName(*c) == "Hyon Yong-chol");
  // "since mid-2014" before the trigger is his time as minister, not the charge's date.
  CHECK(c->date.start == Date(2019, 4, 1));
}

TEST_CASE("coordinated passives share their subject, and a state's test has no person as subject") {
  auto ex = Read("Pak Song-min was questioned by Kim Jong Un. He was arrested and executed within days.");
  REQUIRE(Nth(ex, "execution"));
  CHECK(SubjectName(*Nth(ex, "execution")) == "Pak Song-min");
  // Past a date: "was caught in 2008 and sent back".
  auto long_first = Read("Pak Eun-ok was caught in Shenyang in 2008 and sent back.");
  REQUIRE(Nth(long_first, "repatriation"));
  CHECK(SubjectName(*Nth(long_first, "repatriation")) == "Pak Eun-ok");
  // With an adverb between: "and then executed".
  auto then = Read("Kang Song-il was arrested and then executed in March 2019.");
  REQUIRE(Nth(then, "execution"));
  CHECK(SubjectName(*Nth(then, "execution")) == "Kang Song-il");
  auto test = Read("Italy expelled Mun Jong-nam after the North's sixth nuclear test the month before.");
  const Claim* t = Nth(test, "weapons_test");
  REQUIRE(t);
  CHECK(SubjectName(*t).empty());
}

TEST_CASE("rounds fired and times hit are counted apart, and a number ahead of another cue is not the dead") {
  auto ex = Read("In November artillery fired more than 200 shells at the island, killing two marines and two civilians.");
  const Claim* c = Nth(ex, "attack");
  REQUIRE(c);
  CHECK(c->attributes.at("rounds") == "200+");
  CHECK(c->attributes.at("killed") == "4");
  auto more = Read("Artillery fired 50 or more shells at the island on Tuesday.");
  REQUIRE(Nth(more, "attack"));
  CHECK(Nth(more, "attack")->attributes.at("rounds") == "50+");
  auto hit = Read("The soldier was hit six times as he ran.");
  const Claim* h = Nth(hit, "attack");
  REQUIRE(h);
  CHECK(h->attributes.at("shots") == "6");
  CHECK(SubjectName(*h) == "soldier");
}

TEST_CASE("whoever remains in custody is the one held, though the verb is active") {
  auto ex = Read("An engineer, Pak Un-chol, remains in custody but has not been charged.");
  const Claim* held = Nth(ex, "arrest");
  REQUIRE(held);
  CHECK(SubjectName(*held) == "Pak Un-chol");
  auto taken = Read("Police said Ri Kwang-su was taken into custody at the border.");
  REQUIRE(Nth(taken, "arrest"));
  CHECK(SubjectName(*Nth(taken, "arrest")) == "Ri Kwang-su");
}

TEST_CASE("a person cited as the source is not the subject of what the source tells") {
  auto ex = Read(
      "News of the case came from Pak Chol-ho, a former diplomat.\n\n"
      "Yonhap reported, citing Pak, that the engineer had been sent back to Pyongyang.");
  const Claim* back = Nth(ex, "repatriation");
  REQUIRE(back);
  CHECK(SubjectName(*back) != "Pak Chol-ho");
  // Said of oneself, the pronoun still finds the speaker.
  auto own = Read("Ri Chol-su said he fled across the river in 2015.");
  REQUIRE(Nth(own, "defection"));
  CHECK(SubjectName(*Nth(own, "defection")) == "Ri Chol-su");
}

TEST_CASE("repatriation is told in the passive or with the North as the destination") {
  for (const char* text : {"The engineer had flown back to Pyongyang in March.",
                           "The engineer was returned to North Korea in March.",
                           "The engineer was taken back against her will in March.",
                           "The engineer was sent to the North in March."})
    CHECK_MESSAGE(Nth(Read(text), "repatriation"), text);
  // A delegation going home is no repatriation.
  CHECK_FALSE(Nth(Read("The trade delegation returned to Pyongyang in March."), "repatriation"));
}

TEST_CASE("an event in an after-clause happened no later than the clause it follows") {
  auto ex = Read("The girl was flown back to Pyongyang in November 2018, shortly after her parents left the embassy.");
  const Claim* left = Nth(ex, "defection");
  REQUIRE(left);
  CHECK(left->date.qualifier == Qualifier::kBefore);
  CHECK(left->date.start.is_special());
  CHECK(left->date.end == Date(2018, 11, 30));
  REQUIRE(Nth(ex, "repatriation"));
  CHECK(Nth(ex, "repatriation")->date.start == Date(2018, 11, 1));
}

TEST_CASE("a date between two triggers at equal distance belongs to the one it follows") {
  auto ex = Read("The daughter of a diplomat who disappeared in Italy last year has been returned to North Korea.");
  REQUIRE(Nth(ex, "defection"));
  CHECK(Nth(ex, "defection")->date.start == Date(2018, 1, 1));
  REQUIRE(Nth(ex, "repatriation"));
  CHECK_FALSE(Nth(ex, "repatriation")->date.known());
}

TEST_CASE("a pronoun skips a person named as another's relative, however long the title between") {
  auto ex = Read(
      "Kim Jong-nam was the eldest son of the late North Korean leader Kim Jong Il. "
      "He was caught trying to enter Japan on a forged passport in 2001.");
  const Claim* caught = Nth(ex, "arrest");
  REQUIRE(caught);
  CHECK(SubjectName(*caught) == "Kim Jong-nam");
  // A death sentence carried out is an execution.
  auto carried = Read("Jang Song-thaek was sentenced to death on Thursday. The sentence was carried out immediately.");
  CHECK(Nth(carried, "execution"));
}

TEST_CASE("a second trigger of the claim's own clause does not take its date away") {
  auto ex = Read("The artillery fired about 170 rounds at the island on Tuesday.");
  const Claim* fired = Nth(ex, "attack");
  REQUIRE(fired);
  CHECK(fired->date.start == Date(2019, 4, 30));
  // Another clause's trigger of the type still keeps its own date.
  auto two = Read("Ri was purged in 2012, and his deputy was dismissed a year later.");
  REQUIRE(Nth(two, "purge"));
  CHECK(Nth(two, "purge")->date.start == Date(2012, 1, 1));
}

TEST_CASE("an answer is an event of its own kind, dated by what it answers") {
  auto ex = Read(
      "Northern guns shelled the island on Tuesday afternoon. "
      "The marines answered with about 80 rounds from howitzers. "
      "Officials said the South returned fire.");
  std::vector<const Claim*> answers;
  const Claim* shelling = nullptr;
  for (const auto& c : ex.claims) {
    if (c.type != "attack") continue;
    if (c.rule == "attack.shelling") shelling = &c;
    else answers.push_back(&c);
  }
  REQUIRE(shelling);
  REQUIRE(answers.size() == 2);
  for (const Claim* a : answers) {
    CHECK(a->rule.find("fire") != std::string::npos);
    CHECK(a->date.start == Date(2019, 4, 30));
  }
  // With nothing dated before it, an answer stays undated.
  auto alone = Read("The marines answered with about 80 rounds from howitzers.");
  REQUIRE(Nth(alone, "attack"));
  CHECK_FALSE(Nth(alone, "attack")->date.known());
  // "returned fire" is one claim of its kind, not also a plain attack.
  auto returned = Read("The marines returned fire on Wednesday.");
  REQUIRE(Nth(returned, "attack"));
  CHECK_FALSE(Nth(returned, "attack", 1));
  CHECK(Nth(returned, "attack")->rule == "attack.return_fire");
  // An attack that is denied is not answered: its date is nobody's.
  auto denied = Read("Pyongyang denied that its guns shelled the island on Tuesday. The marines returned fire.");
  const Claim* answer = nullptr;
  for (const auto& c : denied.claims)
    if (c.rule == "attack.return_fire") answer = &c;
  REQUIRE(answer);
  CHECK_FALSE(answer->date.known());
}

TEST_CASE("'the 43-year-old' is the person the article gave that age") {
  auto ex = Read(
      "Ri Chol-min, 43, crossed the Tumen River into China in September. "
      "Pak Song-il, 51, stayed behind. "
      "The 43-year-old was detained by Chinese police two days later.");
  const Claim* crossed = Nth(ex, "defection");
  REQUIRE(crossed);
  CHECK(SubjectName(*crossed) == "Ri Chol-min");
  const Claim* held = Nth(ex, "arrest");
  REQUIRE(held);
  CHECK(SubjectName(*held) == "Ri Chol-min");
  auto unknown = Read("Ri Chol-min, 43, fled in 2018. The 60-year-old was detained in Yanji.");
  REQUIRE(Nth(unknown, "arrest"));
  CHECK(SubjectName(*Nth(unknown, "arrest")) != "Ri Chol-min");
}

TEST_CASE("a trigger that makes no claim takes no date away: 'executed by firing squad in the spring'") {
  auto ex = Read("Eleven officers had been executed by firing squad in Pyongyang in the spring of 2018.");
  const Claim* c = Nth(ex, "execution");
  REQUIRE(c);
  CHECK(c->date.start == Date(2018, 3, 1));
  CHECK(c->date.end == Date(2018, 5, 31));
}

TEST_CASE("a colon ends the clause a date can belong to") {
  auto ex = Read("Ri did not defect alone: his wife followed him in January.");
  const Claim* c = Nth(ex, "defection");
  REQUIRE(c);
  CHECK(c->modality == Modality::kAsserted);  // "not ... alone": he did defect
  CHECK_FALSE(c->date.known());
}

TEST_CASE("a relative clause inside an after-clause does not end it") {
  auto ex = Read("Kim Jong-un took power after his father Kim Jong-il, who had ruled since 1994, died in December 2011.");
  const Claim* c = Nth(ex, "taking_power");
  REQUIRE(c);
  CHECK(c->date.start == Date(2011, 12, 1));
}

TEST_CASE("a possessive is the subject unless a relation stands before the trigger") {
  auto his = Read("Thae Yong-ho was a senior diplomat in London. His dramatic defection in 2016 embarrassed Pyongyang.");
  const Claim* c = Nth(his, "defection");
  REQUIRE(c);
  CHECK(SubjectName(*c) == "Thae Yong-ho");
  auto brother = Read("Kim Jong-nam lived in Macau. His younger half-brother took over in 2011.");
  for (const auto& claim : brother.claims) CHECK(SubjectName(claim) != "Kim Jong-nam");
}

TEST_CASE("a passive trigger in a relative clause is about the person the clause hangs on") {
  auto ex = Read("Pak Yong-sik was behind the purge of Hyon Yong-chol, who was reportedly executed.");
  const Claim* c = Nth(ex, "execution");
  REQUIRE(c);
  CHECK(SubjectName(*c) == "Hyon Yong-chol");
}

TEST_CASE("in a sentence a named person is cited for, 'I' is that person") {
  auto ex = Read("I crossed the border in 2009 and reached Seoul the following year, said Kim Ryon-hui.");
  const Claim* c = Nth(ex, "defection");
  REQUIRE(c);
  CHECK(SubjectName(*c) == "Kim Ryon-hui");
  auto unnamed = Read("I crossed the border in 2009, a defector said.");
  REQUIRE(Nth(unnamed, "defection"));
  CHECK(SubjectName(*Nth(unnamed, "defection")) != "Kim Ryon-hui");
  // "I" with adverbs between, and "my" right before the trigger, are the speaker too.
  for (const char* text : {"\"I was later arrested by the police in 2009,\" said Kim Ryon-hui.",
                           "\"I had been forcibly repatriated twice,\" said Kim Ryon-hui.",
                           "\"My defection in 2016 was planned for years,\" said Kim Ryon-hui."}) {
    CAPTURE(text);
    auto ex = Read(text);
    REQUIRE(!ex.claims.empty());
    CHECK(SubjectName(ex.claims.front()) == "Kim Ryon-hui");
  }
  // Someone the speaker talks about is not the speaker.
  for (const char* text : {"\"My father was executed in 1997,\" said Kim Ryon-hui.",
                           "\"I think the soldiers were executed,\" said Kim Ryon-hui.",
                           "\"After I arrived in Seoul, my brother was arrested,\" said Kim Ryon-hui."}) {
    CAPTURE(text);
    auto other = Read(text);
    for (const auto& c : other.claims)
      if (c.type == "execution" || c.type == "arrest") CHECK(SubjectName(c) != "Kim Ryon-hui");
  }
}

TEST_CASE("'the fourth such defection' counts a class of events") {
  auto ex = Read("It is the fourth such defection this year.");
  REQUIRE(Nth(ex, "defection"));
  CHECK(Nth(ex, "defection")->generic);
}

TEST_CASE("a charge with what it is for is an arrest; a theft told as online is a cyberattack") {
  auto charged = Read("Park Jin-hyok had already been charged in 2018 over the hack of a film studio.");
  const Claim* c = Nth(charged, "arrest");
  REQUIRE(c);
  CHECK(SubjectName(*c) == "Park Jin-hyok");
  CHECK(c->date.start == Date(2018, 1, 1));
  auto fee = Read("The broker charged Pak Song-il a large fee.");
  CHECK_FALSE(Nth(fee, "arrest"));
  auto theft = Read("Prosecutors say the unit stole about $1.3 billion in cash and cryptocurrency.");
  CHECK(Nth(theft, "cyberattack"));
  auto bread = Read("Pak Song-il stole bread from a market in Hyesan.");
  CHECK_FALSE(Nth(bread, "cyberattack"));
}

TEST_CASE("'no one was killed' counts no one, not the wounded told after it") {
  auto ex = Read("No one was killed in the blast at the liaison office on Tuesday.");
  REQUIRE(Nth(ex, "attack"));
  CHECK_FALSE(Nth(ex, "attack")->attributes.count("killed"));
  auto wounded = Read("No one was killed but 20 soldiers were wounded in the shelling.");
  REQUIRE(Nth(wounded, "attack"));
  CHECK_FALSE(Nth(wounded, "attack")->attributes.count("killed"));
  CHECK(Nth(wounded, "attack")->attributes.at("injured") == "20");
}

TEST_CASE("a test site is no test; a camp's number no count; list and timeline dates stay with their events") {
  CHECK_FALSE(Nth(Read("Journalists visited the Punggye-ri nuclear test site in May 2018."), "weapons_test"));
  CHECK(Nth(Read("North Korea carried out a nuclear test in September 2017."), "weapons_test"));
  auto camp = Read("He watched his mother and brother executed at Camp 14.");
  REQUIRE(Nth(camp, "execution"));
  CHECK_FALSE(Nth(camp, "execution")->attributes.count("executed"));
  auto list = Read("He was detained in Pyongyang in January 2016, sentenced to 15 years of hard labour in March 2016.");
  REQUIRE(Nth(list, "arrest"));
  CHECK(Nth(list, "arrest")->date.start == Date(2016, 1, 1));
  REQUIRE(Nth(list, "sentencing"));
  CHECK(Nth(list, "sentencing")->date.start == Date(2016, 3, 1));
  auto bullets = Read("Key dates:\n\n- December 2011 - Kim Jong Un takes power after his father dies.\n"
                      "- December 2013 - Jang Song-thaek is executed.\n");
  REQUIRE(Nth(bullets, "taking_power"));
  CHECK(Nth(bullets, "taking_power")->date.start == Date(2011, 12, 1));
  REQUIRE(Nth(bullets, "execution"));
  CHECK(Nth(bullets, "execution")->date.start == Date(2013, 12, 1));
}

TEST_CASE("a passive killing told of a name with a parenthesis before the verb") {
  for (const char* text : {"Kim Jong Nam, the half-brother of the leader, was killed in February 2017.",
                           "Kim Jong Nam, 45, was killed in February 2017."}) {
    CAPTURE(text);
    auto ex = Read(text);
    REQUIRE(Nth(ex, "attack"));
    CHECK(SubjectName(*Nth(ex, "attack")) == "Kim Jong-nam");
  }
  CHECK_FALSE(Nth(Read("In the end, the plan was killed by the ministry."), "attack"));
}

TEST_CASE("the people after 'the execution of' are its own, not the person who ordered it") {
  auto ordered = Read("Kim Jong Un ordered the execution of two officials in March.");
  const Claim* e = Nth(ordered, "execution");
  REQUIRE(e);
  CHECK(SubjectName(*e) == "official");
  for (const auto& p : e->participants)
    if (p.mention == "Kim Jong Un") CHECK(p.role != "subject");
  auto named = Read("Kim Jong Un ordered the execution of his uncle Jang Song-thaek.");
  REQUIRE(Nth(named, "execution"));
  CHECK(SubjectName(*Nth(named, "execution")) == "Jang Song-thaek");
}

TEST_CASE("a figure set aside, or an audience after a preposition, counts no one") {
  auto corrected = Read("Five officials, not four, were executed in April, the paper said.");
  REQUIRE(Nth(corrected, "execution"));
  CHECK(Nth(corrected, "execution")->attributes.at("executed") == "5");
  auto audience = Read("The minister was executed by anti-aircraft fire in front of hundreds of officials.");
  REQUIRE(Nth(audience, "execution"));
  CHECK_FALSE(Nth(audience, "execution")->attributes.count("executed"));
  auto women = Read("Kim Jong-nam was killed at the airport when two women smeared VX nerve agent on his face.");
  REQUIRE(Nth(women, "attack"));
  CHECK_FALSE(Nth(women, "attack")->attributes.count("killed"));
  // An age set off by commas, or a whole a part is told of, is no count.
  auto age = Read("Jang Song-thaek, 67, was executed in December 2013.");
  REQUIRE(Nth(age, "execution"));
  CHECK_FALSE(Nth(age, "execution")->attributes.count("executed"));
  auto part = Read("Of the 12 arrested, three were executed.");
  REQUIRE(Nth(part, "execution"));
  CHECK(Nth(part, "execution")->attributes.at("executed") == "3");
  auto city = Read("In a city of 200,000, three smugglers were executed.");
  REQUIRE(Nth(city, "execution"));
  CHECK(Nth(city, "execution")->attributes.at("executed") == "3");
  // The number right after the preposition is the count: "put the number of rounds at about 170".
  auto put = Read("The military now put the number of North Korean rounds at about 170.");
  REQUIRE(Nth(put, "attack"));
  CHECK(Nth(put, "attack")->attributes.at("rounds") == "170");
}

TEST_CASE("a detained foreigner is described by what they are") {
  auto ex = Read("A U.S. citizen was detained at Pyongyang's airport on Sept. 14.");
  const Claim* c = Nth(ex, "arrest");
  REQUIRE(c);
  bool described = false;
  for (const auto& p : c->participants) described = described || (p.role == "subject" && p.descriptor == "citizen");
  CHECK(described);
  auto sfc = Read("Sergeant First Class Kim Chol-su was arrested in May.");
  REQUIRE(Nth(sfc, "arrest"));
  for (const auto& p : Nth(sfc, "arrest")->participants) CHECK(p.mention != "First Class");
  CHECK(SubjectName(*Nth(sfc, "arrest")) == "Kim Chol-su");
  // A rank of several words before a name of any shape: "Private Second Class Travis King".
  auto pfc = Read("US Army Private Second Class Travis King was detained after crossing the border.");
  REQUIRE(Nth(pfc, "arrest"));
  CHECK(SubjectName(*Nth(pfc, "arrest")) == "Travis King");
  CHECK(Nth(pfc, "arrest")->attributes.at("rank") == "private");
  // An adjective that looks like a rank or a nationality describes no one.
  auto company = Read("A private company in Seoul was hacked last week.");
  REQUIRE(Nth(company, "cyberattack"));
  for (const auto& p : Nth(company, "cyberattack")->participants) CHECK(p.descriptor != "private");
}

TEST_CASE("'such as' names an example, not a class") {
  auto ex = Read("Kim purged many officials, such as the execution of Jang Song-thaek in 2013.");
  REQUIRE(Nth(ex, "execution"));
  CHECK_FALSE(Nth(ex, "execution")->generic);
}

TEST_CASE("a word of an organisation's name is no unnamed subject") {
  auto ex = Read("North Korea's General Staff said the soldier was shot on Monday.");
  REQUIRE(Nth(ex, "attack"));
  CHECK(SubjectName(*Nth(ex, "attack")) != "general");
}

TEST_CASE("a blast is an attack unless it is a nuclear test; crossing into China is a defection") {
  auto blast = Read("North Korea blew up the liaison office in Kaesong on Tuesday.");
  REQUIRE(Nth(blast, "attack"));
  CHECK(Nth(blast, "attack")->date.start == Date(2019, 4, 30));
  auto nuclear = Read("The nuclear blast was detected by seismic stations.");
  CHECK_FALSE(Nth(nuclear, "attack"));
  CHECK(Nth(nuclear, "weapons_test"));
  auto hydrogen = Read("A hydrogen bomb explosion would be devastating.");
  CHECK_FALSE(Nth(hydrogen, "attack"));
  // A blast alone makes no attack event; it joins one other claims tell.
  auto alone = Read("The blast was estimated at 100 kilotons.");
  REQUIRE(Nth(alone, "attack"));
  CHECK(Nth(alone, "attack")->rule == "attack.blast");
  auto crossed = Read("Ri Chol-min crossed into China in September.");
  REQUIRE(Nth(crossed, "defection"));
  CHECK(SubjectName(*Nth(crossed, "defection")) == "Ri Chol-min");
}

TEST_CASE("a bare surname shared by the leader means the leader unless another bearer is named more") {
  auto leader = Read(
      "The purge is the latest under leader Kim Jong Un.\n\n"
      "Kim Hyok-chol, the nuclear envoy, was recalled in 2019.\n\n"
      "Since taking power in late 2011, Kim has executed dozens of senior officials.");
  REQUIRE(Nth(leader, "taking_power"));
  CHECK(Nth(leader, "taking_power")->participants.front().entity == "kim-jong-un");
  auto other = Read(
      "The purge is the latest under leader Kim Jong Un.\n\n"
      "Kim Hyok-chol was recalled in 2019. Kim Hyok-chol had led the talks. Kim Hyok-chol was "
      "seen in Pyongyang in June.\n\n"
      "Kim was arrested in July, a source said.");
  REQUIRE(Nth(other, "arrest"));
  CHECK(SubjectName(*Nth(other, "arrest")) == "Kim Hyok-chol");
}

TEST_CASE("missiles fired or launched are weapons tests; shells fired are attacks") {
  for (const char* text : {"North Korea has fired what appears to be a ballistic missile into the sea.",
                           "Two short-range ballistic missiles were launched from the Sunan area.",
                           "The North fired more than 20 missiles on Wednesday."}) {
    CAPTURE(text);
    auto ex = Read(text);
    CHECK(Nth(ex, "weapons_test"));
    CHECK_FALSE(Nth(ex, "attack"));
  }
  auto shells = Read("The soldiers fired shells at the island.");
  CHECK(Nth(shells, "attack"));
  CHECK_FALSE(Nth(shells, "weapons_test"));
}

TEST_CASE("a firing squad executes; a camp, a dismissal and a knife are events of their own") {
  auto squad = Read("Pak Yong-chol was shot by a firing squad at a military academy in Pyongyang.");
  REQUIRE(Nth(squad, "execution"));
  CHECK_FALSE(Nth(squad, "attack"));
  CHECK(SubjectName(*Nth(squad, "execution")) == "Pak Yong-chol");
  auto camp = Read("Ri Chol-min was sent to a political prison camp the following spring.");
  REQUIRE(Nth(camp, "purge"));
  CHECK(SubjectName(*Nth(camp, "purge")) == "Ri Chol-min");
  auto dismissed = Read("Jong Kyong-thaek was dismissed in October.");
  REQUIRE(Nth(dismissed, "purge"));
  CHECK(Nth(Read("Kim Jong Un dismissed the defence minister, Pak Pong-ju."), "purge"));
  CHECK_FALSE(Nth(Read("The minister dismissed the reports."), "purge"));
  CHECK_FALSE(Nth(Read("The lawsuit was dismissed by the court."), "purge"));
  auto knife = Read("The activist was stabbed in the shoulder near his home on Oct. 3.");
  REQUIRE(Nth(knife, "attack"));
  CHECK(Nth(knife, "attack")->date.start == Date(2018, 10, 3));
  auto mdl = Read("A North Korean soldier crossed the military demarcation line and surrendered.");
  CHECK(Nth(mdl, "defection"));
  auto handed = Read("The two fishermen were handed over to North Korean officials at Panmunjom.");
  CHECK(Nth(handed, "repatriation"));
  // "two of his deputies": the possessive's person is not the subject.
  auto deputies = Read("Pak Yong-chol was executed. Two of his deputies were sent to a labour camp.");
  REQUIRE(Nth(deputies, "purge"));
  CHECK(SubjectName(*Nth(deputies, "purge")) != "Pak Yong-chol");
}

TEST_CASE("a possessive inside the subject's phrase, or a determined noun, picks no one else") {
  auto regiment = Read("Kang Myong-chol defected in 2015.\n\n"
                       "Kang said at least 11 officers in his regiment were shot by firing squad in 2015.");
  REQUIRE(Nth(regiment, "execution"));
  CHECK(SubjectName(*Nth(regiment, "execution")).empty());
  auto together = Read("Jang Song-thaek was arrested.\n\nHe and his aides were executed in December.");
  REQUIRE(Nth(together, "execution"));
  CHECK(SubjectName(*Nth(together, "execution")) == "Jang Song-thaek");
  auto own = Read("Kang Myong-chol defected in 2015.\n\nHis defection was confirmed in May.");
  REQUIRE(Nth(own, "defection", 1));
  CHECK(SubjectName(*Nth(own, "defection", 1)) == "Kang Myong-chol");
  auto purge = Read("Analysts said the purge, if confirmed, suggested Kim Jong Un was still struggling.");
  REQUIRE(Nth(purge, "purge"));
  CHECK(SubjectName(*Nth(purge, "purge")).empty());
  auto comes = Read("The latest defection comes months after the reported purge of defence chief Hyon Yong-chol.");
  REQUIRE(Nth(comes, "defection"));
  CHECK(SubjectName(*Nth(comes, "defection")).empty());
  auto of = Read("The purge of Hyon Yong-chol was confirmed in May.");
  REQUIRE(Nth(of, "purge"));
  CHECK(SubjectName(*Nth(of, "purge")) == "Hyon Yong-chol");
}

TEST_CASE("phrasings near the new rules that tell no such event") {
  // Each sentence and the type it must not make.
  const std::pair<const char*, const char*> cases[] = {
      {"North Korea's state media dismissed Thae Yong-ho as human scum in 2016.", "purge"},
      {"The court dismissed the woman's appeal in March.", "purge"},
      {"Workers removed the soldier's body from the site on Monday.", "purge"},
      {"A fire broke out at a missile factory in Hamhung on Monday.", "weapons_test"},
      {"Japan has deployed Patriot missile batteries that can fire at incoming projectiles.", "weapons_test"},
      {"South Korea deployed the THAAD missile defence system, which was launched in 2017.", "weapons_test"},
      {"He was sentenced to death by firing squad in 2015 but later pardoned.", "execution"},
  };
  for (const auto& [text, type] : cases) {
    CAPTURE(text);
    CHECK_FALSE(Nth(Read(text), type));
  }
  // A negation's reach, and a silence that hedges only its own clause.
  auto signs = Read("The soldier showed no signs of brain damage after he was shot five times on Nov. 13.");
  REQUIRE(Nth(signs, "attack"));
  CHECK(Nth(signs, "attack")->modality != Modality::kNegated);
  auto silence = Read("Police arrested a second woman on Thursday, and the embassy declined to comment.");
  REQUIRE(Nth(silence, "arrest"));
  CHECK(Nth(silence, "arrest")->modality == Modality::kAsserted);
  // The doer of an active patient verb is not its subject.
  auto stabbed = Read("A man stabbed a North Korean defector in Seoul on Monday.");
  REQUIRE(Nth(stabbed, "attack"));
  CHECK(Nth(stabbed, "attack")->participants.front().descriptor == "defector");
  // A leader named only to place someone else does not take his surname.
  auto half = Read("Kim Jong-nam, the half-brother of North Korean leader Kim Jong Un, lived in Macau. "
                   "Kim was attacked by two women at Kuala Lumpur airport on Feb. 13.");
  REQUIRE(Nth(half, "attack"));
  CHECK(SubjectName(*Nth(half, "attack")) == "Kim Jong-nam");
  // A trigger inside "after the ..." takes its own date; a report's date is no happening's.
  auto visit = Read("Kim visited the border after the execution of Jang Song-thaek in December 2013.");
  REQUIRE(Nth(visit, "execution"));
  CHECK(Nth(visit, "execution")->date.start == Date(2013, 12, 1));
  CHECK(Nth(visit, "execution")->date.end == Date(2013, 12, 31));
  auto said = Read("Summit organisers said on Tuesday that the venue was ready. "
                   "Two days after the summit, a soldier defected across the DMZ.");
  REQUIRE(Nth(said, "defection"));
  CHECK_FALSE(Nth(said, "defection")->date.known());
}

TEST_CASE("'she' after a woman's noun is that woman, with whose relative she is") {
  auto ex = Read("Jo Song-gil left the embassy in November 2018. The case is painful because of his daughter. "
                 "She was sent back to North Korea within days.");
  const Claim* sent = Nth(ex, "repatriation");
  REQUIRE(sent);
  CHECK(SubjectName(*sent) == "daughter");  // unnamed: the descriptor
  bool relative = false;
  for (const auto& p : sent->participants) relative = relative || (p.role == "relative" && p.name == "Jo Song-gil");
  CHECK(relative);
  // A name after the noun is nearer: "she" is that woman.
  auto named = Read("His daughter was born in Rome. Kim Yo-jong visited Seoul in 2018. She was later arrested.");
  REQUIRE(Nth(named, "arrest"));
  CHECK(SubjectName(*Nth(named, "arrest")) == "Kim Yo-jong");
}

TEST_CASE("a timeline's labels date their lines, and a headline's passive has its subject") {
  auto ex = Read("- Dec 2011: Kim Jong Un takes power after his father's death\n"
                 "- 2013: uncle Jang Song-thaek executed\n"
                 "- Feb 2017: half-brother Kim Jong-nam killed with VX nerve agent in Malaysia\n");
  REQUIRE(Nth(ex, "taking_power"));
  CHECK(Nth(ex, "taking_power")->date.start == Date(2011, 12, 1));
  REQUIRE(Nth(ex, "execution"));
  CHECK(Nth(ex, "execution")->date.start == Date(2013, 1, 1));
  CHECK(SubjectName(*Nth(ex, "execution")) == "Jang Song-thaek");
  REQUIRE(Nth(ex, "assassination"));
  CHECK(SubjectName(*Nth(ex, "assassination")) == "Kim Jong-nam");
  // With an object after it, the verb is active: the one before is the doer.
  auto active = Read("Kim Jong Un executed his uncle in 2013.");
  REQUIRE(Nth(active, "execution"));
  CHECK(SubjectName(*Nth(active, "execution")) != "Kim Jong Un");
}

TEST_CASE("an unnamed soldier takes a military rank the sentence gives no one named") {
  auto ex = Read("The North Korean soldier who defected across the DMZ on Monday is a 41-year-old "
                 "lieutenant colonel, officials said.");
  REQUIRE(Nth(ex, "defection"));
  CHECK(Nth(ex, "defection")->attributes.at("rank") == "lieutenant_colonel");
  auto diplomat = Read("A diplomat defected in Rome on Monday, a lieutenant colonel said.");
  REQUIRE(Nth(diplomat, "defection"));
  CHECK_FALSE(Nth(diplomat, "defection")->attributes.count("rank"));  // another family
}

TEST_CASE("the second review's sentences: what the new rules must leave alone") {
  // A headline's passive only in a line that ends no sentence.
  auto some = Read("Kim Jong Un executed some 140 senior officials since taking power in 2011.");
  REQUIRE(Nth(some, "execution"));
  CHECK(SubjectName(*Nth(some, "execution")) != "Kim Jong Un");
  auto uncle = Read("He was the uncle Kim Jong Un executed in 2013.");
  REQUIRE(Nth(uncle, "execution"));
  CHECK(SubjectName(*Nth(uncle, "execution")) != "Kim Jong Un");
  // A word that describes a named woman is no other woman.
  auto sister = Read("Kim Yo-jong, Kim Jong Un's sister, has been a rising star. In 2019 she was sacked.");
  REQUIRE(Nth(sister, "purge"));
  CHECK(SubjectName(*Nth(sister, "purge")) == "Kim Yo-jong");
  // A rank the speaker holds is not the subject's.
  auto colonel = Read("The soldier defected on Monday, a South Korean colonel told reporters.");
  REQUIRE(Nth(colonel, "defection"));
  CHECK_FALSE(Nth(colonel, "defection")->attributes.count("rank"));
  // "like many others" tells no class.
  auto many = Read("Thae Yong-ho, like many others, defected in 2016.");
  REQUIRE(Nth(many, "defection"));
  CHECK_FALSE(Nth(many, "defection")->generic);
  // A count before a relative clause without a subject of its own still counts.
  auto five = Read("Five officials who were executed in 2015 had been close to Jang.");
  REQUIRE(Nth(five, "execution"));
  CHECK(Nth(five, "execution")->attributes.at("executed") == "5");
  // A negation with "reported" after the trigger stays a negation.
  auto none = Read("South Korea's military said there was no defection reported along the DMZ on Monday.");
  REQUIRE(Nth(none, "defection"));
  CHECK(Nth(none, "defection")->modality == Modality::kNegated);
}

TEST_CASE("killed with a nerve agent is an assassination; returning fishermen is a repatriation") {
  auto vx = Read("Kim Jong-nam was killed with a nerve agent at Kuala Lumpur airport in February 2017.");
  REQUIRE(Nth(vx, "assassination"));
  CHECK(SubjectName(*Nth(vx, "assassination")) == "Kim Jong-nam");
  auto returned = Read("The military returned three North Korean fishermen on Oct. 1.");
  REQUIRE(Nth(returned, "repatriation"));
  CHECK(Nth(returned, "repatriation")->date.start == Date(2018, 10, 1));
  CHECK_FALSE(Nth(Read("The fishermen returned home after a week at sea."), "repatriation"));
}

TEST_CASE("no sign, rather than and declined to confirm are no assertions") {
  auto sign = Read("There is no sign that Jong Kyong-thaek has been arrested, an official said.");
  REQUIRE(Nth(sign, "arrest"));
  CHECK(Nth(sign, "arrest")->modality == Modality::kNegated);
  auto rather = Read("Officials said the changes looked like a reshuffle rather than a purge.");
  REQUIRE(Nth(rather, "purge"));
  CHECK(Nth(rather, "purge")->modality == Modality::kNegated);
  auto declined = Read("The ministry declined to confirm the defection.");
  REQUIRE(Nth(declined, "defection"));
  CHECK(Nth(declined, "defection")->modality == Modality::kHedged);
  auto necessarily = Read("Analysts said his absence did not necessarily indicate a purge.");
  REQUIRE(Nth(necessarily, "purge"));
  CHECK(Nth(necessarily, "purge")->modality == Modality::kHedged);
}

TEST_CASE("an ambiguous verb tells its event only when done to someone") {
  auto held = Read("Officers have also held a North Korean man, Ri Jong-chol, since Friday.");
  REQUIRE(Nth(held, "arrest"));
  CHECK(SubjectName(*Nth(held, "arrest")) == "Ri Jong-chol");
  auto conference = Read("Police held a news conference on Friday.");
  CHECK_FALSE(Nth(conference, "arrest"));
  for (const char* text : {"Malaysian police held a news conference with officials from the embassy.",
                           "The authorities held talks with North Korean officials."}) {
    CAPTURE(text);
    CHECK_FALSE(Nth(Read(text), "arrest"));
  }
  // A quantity is part of the object.
  for (const char* text : {"Chinese authorities are holding about 50 North Korean defectors, activists said.",
                           "Police held dozens of defectors near the border."}) {
    CAPTURE(text);
    CHECK(Nth(Read(text), "arrest"));
  }
  // Someone must be held, right after the verb: not a person elsewhere in the sentence or told before.
  for (const char* text : {"Siti Aisyah was arrested on Wednesday. The police held a news conference on Friday.",
                           "Police held a news conference on Friday where the officer in charge spoke.",
                           "North Korean authorities held a mass rally for the birthday of leader Kim Jong Un.",
                           "The soldier was shot by North Korean guards who held rifles."}) {
    CAPTURE(text);
    auto ex = Read(text);
    int arrests = 0;
    for (const auto& c : ex.claims) arrests += c.type == "arrest";
    CHECK(arrests == (std::string(text).find("arrested") != std::string::npos ? 1 : 0));
  }
  // A held-nothing verb does not take its clause's other trigger with it.
  auto announce = Read("Investigators held a news conference to announce the arrest of a third suspect.");
  CHECK(Nth(announce, "arrest"));
}

TEST_CASE("words that only look like an answer, a return of fire or an attempt on a life are none") {
  for (const char* text : {"Seoul responded with sanctions after the North's artillery attack.",
                           "Border guards are authorized to return fire.",
                           "The minister fired back at his critics.",
                           "Pak Chol-su attempted to rebuild his life in Seoul."}) {
    CAPTURE(text);
    auto ex = Read(text);
    for (const auto& c : ex.claims) {
      CHECK(c.rule.find("fire") == std::string::npos);
      CHECK(c.rule != "assassination.attempt");
    }
  }
  for (const char* text : {"It was the second attempt on Pak Chol-su's life.",
                           "An attempt was made on Kim Jong-nam's life in 2012.",
                           "It was an attempt on the North Korean leader's life."}) {
    CAPTURE(text);
    auto attempt = Read(text);
    REQUIRE(Nth(attempt, "assassination"));
    CHECK(Nth(attempt, "assassination")->modality == Modality::kAttempted);
  }
  // Answers told forward of the verb only; returning fire in any tense.
  auto after = Read("After the North's artillery barrage, Seoul responded with sanctions.");
  for (const auto& c : after.claims) CHECK(c.rule != "attack.answer_fire");
  for (const char* text : {"South Korean troops are returning fire.", "South Korea returns fire after shells hit the island.",
                           "The marines answered with a barrage of about 80 artillery shells.",
                           "North Korean border guards fired back at the defector with AK-47 rifles."}) {
    CAPTURE(text);
    auto ex = Read(text);
    bool answer = false;
    for (const auto& c : ex.claims) answer = answer || c.rule.find("fire") != std::string::npos;
    CHECK(answer);
  }
}

TEST_CASE("background told after an unnamed person's story lends it no date") {
  auto ex = Read(
      "A soldier fled across the border. The soldier was hit by gunfire as he ran.\n\n"
      "In 2010 the North shelled an island near the sea border.");
  const Claim* fled = Nth(ex, "defection");
  REQUIRE(fled);
  CHECK_FALSE(fled->date.known());
}

TEST_CASE("an article that never names its protagonist shares their one rank and their date") {
  auto ex = Read(
      "A soldier fled across the border on Monday. "
      "The patient, a sergeant in the army, was struck five times. "
      "The soldier was hit by gunfire as he ran.");
  const Claim* fled = Nth(ex, "defection");
  REQUIRE(fled);
  CHECK(fled->attributes.find("rank")->second == "sergeant");
  int attacks = 0;
  for (const auto& c : ex.claims)
    if (c.type == "attack") {
      ++attacks;
      CHECK(c.date.start == Date(2019, 4, 29));
    }
  CHECK(attacks == 2);
  // A named subject may be the one described; two rank families are two people.
  auto named = Read("A soldier fled across the border on Monday. Pak Chol-su, a sergeant, was struck five times.");
  REQUIRE(Nth(named, "defection"));
  CHECK_FALSE(Nth(named, "defection")->attributes.count("rank"));
  auto two = Read("A diplomat fled to Seoul on Monday. A soldier was struck five times.");
  REQUIRE(Nth(two, "attack"));
  CHECK_FALSE(Nth(two, "attack")->date.known());
}

TEST_CASE("someone else's rank stated with a claim, or in an eventless sentence after it, goes with it") {
  const std::string kwon = std::string(kPersonRankPrefix) + "Kwon Young-hwan";
  auto same = Read("Oh was hit four times and was rescued by soldiers led by Colonel Kwon Young-hwan.");
  const Claim* hit = Nth(same, "attack");
  REQUIRE(hit);
  REQUIRE(hit->attributes.count(kwon));
  CHECK(hit->attributes.at(kwon) == "colonel");
  auto after = Read("The soldier was hit six times. The rescue was led by Lieutenant Colonel Kwon Young-hwan.");
  REQUIRE(Nth(after, "attack"));
  REQUIRE(Nth(after, "attack")->attributes.count(kwon));
  CHECK(Nth(after, "attack")->attributes.at(kwon) == "lieutenant_colonel");
  auto apart = Read("The soldier was hit six times.\n\nThe rescue was led by Lieutenant Colonel Kwon Young-hwan.");
  REQUIRE(Nth(apart, "attack"));
  CHECK_FALSE(Nth(apart, "attack")->attributes.count(kwon));
}

TEST_CASE("an attempt on someone's life is an attempted assassination of them, dated in its clause") {
  auto ex = Read("Officials said an earlier attempt on Pak Chol-su's life had been made in 2012.");
  const Claim* c = Nth(ex, "assassination");
  REQUIRE(c);
  CHECK(c->modality == Modality::kAttempted);
  CHECK(SubjectName(*c) == "Pak Chol-su");
  CHECK(c->date.start == Date(2012, 1, 1));
  // Without an attempt, a life is no event.
  CHECK_FALSE(Nth(Read("Pak Chol-su spent his life in the army."), "assassination"));
}

TEST_CASE("a bare surname prefers the person the headline names") {
  const std::string body =
      "Pak Song-il was married to Kim Mi-ok, who ran a trading company. He advised his nephew "
      "when Kim took power in 2011.";
  // Without a headline the body's most salient Kim wins; the headline names the other one.
  auto plain = Read("Kim Chol-su visited the border, the agency said. " + body);
  auto titled = ExtractOne("Kim Chol-su visited the border, the agency said. " + body, "Test Daily",
                           Date(2019, 5, 1), false, "Pyongyang purges Kim Chol-su's uncle");
  const Claim* p = Nth(plain, "taking_power");
  const Claim* t = Nth(titled, "taking_power");
  REQUIRE(p);
  REQUIRE(t);
  CHECK(SubjectName(*p) == "Kim Mi-ok");
  CHECK(SubjectName(*t) == "Kim Chol-su");
}

TEST_CASE("news pegged to an earlier event dates that event back from the publication") {
  // Published 1 May 2019: eight months before is September 2018.
  auto ex = Read("The shelling comes eight months after the sinking of a patrol boat, which killed 12 sailors.");
  const Claim* sinking = nullptr;
  for (const auto& c : ex.claims)
    if (c.text.find("sinking") != std::string::npos && c.attributes.count("killed")) sinking = &c;
  REQUIRE(sinking);
  CHECK(sinking->date.start == Date(2018, 9, 1));
  CHECK(sinking->date.end == Date(2018, 9, 30));
  // Days allow the news a day's age; without a peg verb the relation dates nothing this way.
  auto days = Read("The arrest comes two days after the bombing of a guard post at the border.");
  const Claim* shot = Nth(days, "attack");
  REQUIRE(shot);
  CHECK(shot->date.start == Date(2019, 4, 28));
  CHECK(shot->date.end == Date(2019, 4, 29));
  // Past narration pegs nothing to the news.
  auto past = Read("The arrest came two days after the bombing of a guard post at the border.");
  REQUIRE(Nth(past, "attack"));
  CHECK_FALSE(Nth(past, "attack")->date.bounded());
  // Weeks are told at a week's precision around the day they name.
  auto weeks = Read("The arrest comes two weeks after the bombing of a guard post at the border.");
  REQUIRE(Nth(weeks, "attack"));
  CHECK(Nth(weeks, "attack")->date.start <= Date(2019, 4, 17));
  CHECK(Nth(weeks, "attack")->date.end >= Date(2019, 4, 17));
  CHECK(Nth(weeks, "attack")->date.end < Date(2019, 4, 24));
  // Before the news: a week around the day it names, in order.
  auto ahead = Read("The arrest comes two weeks before the bombing of a guard post at the border.");
  REQUIRE(Nth(ahead, "attack"));
  CHECK(Nth(ahead, "attack")->date.start <= Date(2019, 5, 15));
  CHECK(Nth(ahead, "attack")->date.end >= Date(2019, 5, 15));
  CHECK(Nth(ahead, "attack")->date.start <= Nth(ahead, "attack")->date.end);
  auto plain = Read("Officials met eight months after the sinking of a patrol boat.");
  REQUIRE(Nth(plain, "attack"));
  CHECK_FALSE(Nth(plain, "attack")->date.bounded());
}

TEST_CASE("an event in a relation's clause beside a date lies that far from the date") {
  auto ex = Read("Ri Kwang-su died on Monday, two days after he was shot at the border.");
  const Claim* shot = Nth(ex, "attack");
  REQUIRE(shot);
  CHECK(shot->date.start == Date(2019, 4, 27));  // Monday 29 April 2019, less two days
  CHECK(shot->date.end == Date(2019, 4, 27));
  auto report = Read("Pak Chol died, police said on Friday, a week after he was shot.");
  REQUIRE(Nth(report, "attack"));
  CHECK(Nth(report, "attack")->date.start == Date(2019, 4, 19));
  // Fronted, the date still governs the sentence.
  auto fronted = Read("In 2016, after the summit, Jon Song-ho defected.");
  REQUIRE(Nth(fronted, "defection"));
  CHECK(Nth(fronted, "defection")->date.start == Date(2016, 1, 1));
}

TEST_CASE("a rank that describes an unnamed subject is its rank") {
  auto ex = Read("The patient, a staff sergeant in the North's army, was struck five times.");
  const Claim* hit = Nth(ex, "attack");
  REQUIRE(hit);
  CHECK(SubjectName(*hit) == "sergeant");
  CHECK(hit->attributes.count("rank") == 1);
  if (hit->attributes.count("rank")) CHECK(hit->attributes.at("rank") == "staff_sergeant");
}


TEST_CASE("a lead that withholds the name takes the one the article identifies") {
  auto ex = Read("A North Korean soldier who guarded the border has fled to the South, officials said on Monday. "
                 "The ministry identified the soldier as Park Chol-min, a 24-year-old private.");
  REQUIRE(Nth(ex, "defection"));
  CHECK(SubjectName(*Nth(ex, "defection")) == "Park Chol-min");
  // The pronoun and the passive say the same.
  auto him = Read("An army officer crossed the river into China last week. Police later named him as Ri Song-su.");
  REQUIRE(Nth(him, "defection"));
  CHECK(SubjectName(*Nth(him, "defection")) == "Ri Song-su");
  auto passive = Read("A senior diplomat has defected, the ministry said. The diplomat was identified as Han Yong-chol.");
  REQUIRE(Nth(passive, "defection"));
  CHECK(SubjectName(*Nth(passive, "defection")) == "Han Yong-chol");
  // Someone else's diplomat, or two names for one word, name no one.
  auto other = Read("A diplomat has defected, the ministry said. Italy expelled the North's diplomat, Mun Jong-nam, in 2017.");
  REQUIRE(Nth(other, "defection"));
  CHECK(SubjectName(*Nth(other, "defection")) == "diplomat");
  auto two = Read("A diplomat has defected, the ministry said. Officials identified the diplomat as Han Yong-chol. "
                  "Others identified the diplomat as Pak Myong-ho.");
  REQUIRE(Nth(two, "defection"));
  CHECK(SubjectName(*Nth(two, "defection")) == "diplomat");
  // "the defector named Kim as his accomplice": the defector named someone else.
  auto accomplice = Read("A defector was arrested in Seoul on Friday. The defector named Kim Chol-su as his accomplice.");
  REQUIRE(Nth(accomplice, "arrest"));
  CHECK(SubjectName(*Nth(accomplice, "arrest")) != "Kim Chol-su");
}

TEST_CASE("a heart attack is no attack; asylum asked for, a sinking denied and a leader declared are events") {
  auto heart = Read("The former leader died of a heart attack on his train in 2011.");
  CHECK_FALSE(Nth(heart, "attack"));
  auto shot = Read("Guards opened an attack on the post in 2011.");
  CHECK(Nth(shot, "attack"));
  auto asylum = Read("Hwang Jang-yop walked into the consulate in Beijing in 1997 and asked for political asylum.");
  REQUIRE(Nth(asylum, "defection"));
  CHECK(SubjectName(*Nth(asylum, "defection")) == "Hwang Jang-yop");
  auto sink = Read("\"Our navy did not sink the warship,\" the statement said.");
  CHECK(Nth(sink, "attack"));
  auto leader = Read("Kim Jong Un was declared supreme commander of the armed forces in December 2011.");
  REQUIRE(Nth(leader, "taking_power"));
  CHECK(SubjectName(*Nth(leader, "taking_power")) == "Kim Jong Un");
}

TEST_CASE("accidents sink, blow up and kill too: no attack; what is blown up, sunk by a torpedo or shot is one") {
  auto collided = Read("A North Korean fishing boat sank off Noto on Monday after it collided with a patrol ship.");
  CHECK_FALSE(Nth(collided, "attack"));
  auto collapse = Read("The tunnel collapse at the test site killed as many as 200 workers in 2017.");
  CHECK_FALSE(Nth(collapse, "attack"));
  auto exploded = Read("The freight train blew up at the station in April 2004.");
  CHECK_FALSE(Nth(exploded, "attack"));
  auto in_flight = Read("Two of the missiles blew up in flight on Thursday.");
  CHECK_FALSE(Nth(in_flight, "attack"));
  auto demolition = Read("North Korean troops blew up the liaison office in Kaesong on June 16, 2020.");
  CHECK(Nth(demolition, "attack"));
  auto passive = Read("The joint liaison office in Kaesong was blown up.");
  CHECK(Nth(passive, "attack"));
  auto torpedo = Read("The corvette sank in March 2010 after a North Korean torpedo struck it.");
  CHECK(Nth(torpedo, "attack"));
  // An accident ruled out, someone's word for one, or one told outside the trigger's clause
  // leaves the attack.
  for (const char* text : {
           "A multinational investigation ruled out an accident and concluded that a North Korean torpedo sank the Cheonan in March 2010.",
           "The Cheonan sank after being struck by a North Korean torpedo, not in an accident, investigators said.",
           "Following the deadly floods, North Korean soldiers killed two civilians near the border in 2020.",
           "North Korean guards killed a South Korean fisheries official in September 2020, in what Pyongyang called an accident.",
           "Kim Jong-nam was killed at the airport in 2017; Malaysian police ruled out an accident.",
           "The navy ship, which ran aground in 2005, was blown up by North Korean commandos in 2010.",
           "After the collapse of nuclear talks, North Korean agents killed a defector in Shenyang in 2011."}) {
    CAPTURE(text);
    CHECK(Nth(Read(text), "attack"));
  }
  CHECK_FALSE(Nth(Read("The fishing boat sank in rough seas off Noto in 2019."), "attack"));
  CHECK_FALSE(Nth(Read("An explosion at the station killed dozens of people, officials said, blaming a collision of fuel trains."), "attack"));
  // An accident word disarms only the triggers that accidents share: a shelling is one still.
  auto shelling = Read("North Korean artillery shelled the island in 2010, weeks after a ferry collided with a barge.");
  CHECK(Nth(shelling, "attack"));
}

TEST_CASE("shootings, sentences and sea crossings told in other words") {
  for (const char* text : {"In September 2020, North Korean troops shot dead a South Korean fisheries official.",
                           "Guards shot him dead at the river.", "The defector was gunned down by his own comrades."}) {
    CAPTURE(text);
    CHECK(Nth(Read(text), "attack"));
  }
  for (const char* text : {"Canadian pastor Hyeon Soo Lim was given a life sentence in December.",
                           "The court handed down a death sentence to the general.",
                           "The student was given 15 years of hard labour."}) {
    CAPTURE(text);
    CHECK(Nth(Read(text), "sentencing"));
  }
  CHECK(Nth(Read("About ten North Koreans crossed the Northern Limit Line by boat in May."), "defection"));
  CHECK(Nth(Read("Their squid boat crossed the maritime border on Nov. 2."), "defection"));
  CHECK_FALSE(Nth(Read("The committee was given two weeks to finish its report."), "sentencing"));
  CHECK_FALSE(Nth(Read("The student was given a sentence to translate in class."), "sentencing"));
  CHECK(Nth(Read("He was given a 15-year sentence in March."), "sentencing"));
  CHECK(Nth(Read("The court handed down a 15-year prison sentence to the pastor."), "sentencing"));
  // Ships crossing the line are no defectors.
  CHECK_FALSE(Nth(Read("A North Korean patrol boat crossed the Northern Limit Line in June."), "defection"));
  CHECK_FALSE(Nth(Read("Chinese fishing boats crossed the maritime border to fish for crabs."), "defection"));
  CHECK_FALSE(Nth(Read("Officials shot down the idea of talks."), "attack"));
}

TEST_CASE("missiles told by kind or name are launches: Scuds, a Hwasong-14 in apposition, a flight over Japan") {
  for (const char* text : {"Two Scuds were launched from the west coast on March 6, 2017.",
                           "The missile, a Hwasong-14, was launched at night on July 28, 2017.",
                           "Two Hwasong-12s flew over Hokkaido on Aug. 29, 2017.",
                           "North Korea tested a pair of long-range cruise missiles on Tuesday.",
                           "JCS says North Korea fired three SRBMs from the Wonsan area.",
                           "Second launch: three SRBMs fired from Wonsan area on Tuesday",
                           "Around 10 missiles of various types fired toward the East Sea since morning"}) {
    CAPTURE(text);
    auto ex = Read(text);
    REQUIRE(Nth(ex, "weapons_test"));
    CHECK(Nth(ex, "weapons_test")->attributes.count("missiles") == 1);
  }
  CHECK(Nth(Read("Two Hwasong-12s flew over Hokkaido on Aug. 29, 2017."), "weapons_test")->attributes.at("missiles") == "2");
  CHECK_FALSE(Nth(Read("The long delay tested the patience of the fans on Tuesday."), "weapons_test"));
  CHECK_FALSE(Nth(Read("North Korea has launched a major expansion of its Sohae satellite launching station."), "weapons_test"));
  CHECK_FALSE(Nth(Read("The ballistic missile programme was launched in the 1970s."), "weapons_test"));
  CHECK_FALSE(Nth(Read("A missile engineer who fired his assistant was demoted."), "weapons_test"));
  CHECK_FALSE(Nth(Read("The missile bureau director was fired in March."), "weapons_test"));
  // Launches told as nouns, and nouns that are not launches.
  auto oversaw = Read("Kim Jong Un oversaw the launch of two ballistic missiles on Monday.");
  REQUIRE(Nth(oversaw, "weapons_test"));
  CHECK(Nth(oversaw, "weapons_test")->attributes.at("missiles") == "2");
  CHECK(Nth(Read("North Korea announced the successful test-fire of a new ICBM on Friday."), "weapons_test"));
  CHECK_FALSE(Nth(Read("The launch of the missile defence review was delayed."), "weapons_test"));
  CHECK_FALSE(Nth(Read("The firing of the missile chief surprised analysts."), "weapons_test"));
  CHECK_FALSE(Nth(Read("The missile chief launched a new campaign against corruption on Monday."), "weapons_test"));
  // A model's number is no count either way round.
  auto kn = Read("Several KN-23 SRBMs were test-fired on Monday.");
  REQUIRE(Nth(kn, "weapons_test"));
  CHECK(Nth(kn, "weapons_test")->attributes.count("missiles") == 0);
  CHECK(Nth(Read("North Korea launched its military spy satellite on Tuesday night."), "weapons_test"));
  // A model's number is no count.
  auto model = Read("The Hwasong-17 was launched from Sunan airport on Friday.");
  REQUIRE(Nth(model, "weapons_test"));
  CHECK(Nth(model, "weapons_test")->attributes.count("missiles") == 0);
  CHECK_FALSE(Nth(Read("The delegation flew over Japan on its way to the talks in Hanoi."), "weapons_test"));
}

TEST_CASE("'that November' and 'the following year' are the story's, not counted from the article's date") {
  auto ex = Read(
      "The Cheonan was torpedoed in March 2010, killing 46 sailors.\n\n"
      "That November North Korean artillery shelled Yeonpyeong Island.\n\n"
      "The following year its gunners shelled the island again.");
  const Claim* shelling = Nth(ex, "attack", 1);
  REQUIRE(shelling);
  CHECK(shelling->date.start == Date(2010, 11, 1));
  CHECK(shelling->date_value == "2010-11");
  const Claim* again = Nth(ex, "attack", 2);
  REQUIRE(again);
  CHECK(again->date.start == Date(2011, 1, 1));
  CHECK(again->date.end == Date(2011, 12, 31));
  auto murder = Read(
      "The Cheonan was torpedoed in March 2010.\n\n"
      "In February of the following year, Kim Jong-nam was murdered at an airport.");
  REQUIRE(Nth(murder, "assassination"));
  CHECK(Nth(murder, "assassination")->date.start == Date(2011, 2, 1));
  CHECK(Nth(murder, "assassination")->date_value == "2011-02");
  // A year counted from the story's is the story's year from then on.
  auto later = Read("Thae Yong-ho defected in 2016.\n\nThe following year his brother was arrested in Pyongyang.\n\n"
                    "That November his brother was sentenced to 15 years.");
  REQUIRE(Nth(later, "sentencing"));
  CHECK(Nth(later, "sentencing")->date.start == Date(2017, 11, 1));
  // "In March the following year": counted from the story's year, not the article's.
  auto following = Read("Jang was arrested in 2013. In March the following year his aides were executed.");
  REQUIRE(Nth(following, "execution"));
  CHECK(Nth(following, "execution")->date.start == Date(2014, 3, 1));
  // Each of two triggers keeps the date next to it.
  auto both = Read("He was arrested by Chinese police in March and executed in May.");
  REQUIRE(Nth(both, "arrest"));
  CHECK(Nth(both, "arrest")->date.start == Date(2019, 3, 1));
  REQUIRE(Nth(both, "execution"));
  CHECK(Nth(both, "execution")->date.start == Date(2019, 5, 1));
  // "December of that year", "in June the same year": the story's year.
  auto that_year = Read("Jang Song-thaek was arrested at a party meeting in 2013. He was executed days later, in "
                        "December of that year.");
  REQUIRE(Nth(that_year, "execution"));
  CHECK(Nth(that_year, "execution")->date.start == Date(2013, 12, 1));
  auto same = Read("The Cheonan was torpedoed in March 2010. In November the same year artillery shelled the island.");
  REQUIRE(Nth(same, "attack", 1));
  CHECK(Nth(same, "attack", 1)->date.start == Date(2010, 11, 1));
  // A bare month keeps the tagger's reading: the last one before the article.
  auto bare = Read("The Cheonan was torpedoed in March 2010.\n\nIn November North Korean artillery shelled the island.");
  REQUIRE(Nth(bare, "attack", 1));
  CHECK(Nth(bare, "attack", 1)->date.start == Date(2018, 11, 1));
}

TEST_CASE("brought back into the leadership is a comeback, not a repatriation") {
  CHECK_FALSE(Nth(Read("Choe Ryong-hae, sidelined and brought back into the leadership more than once, was named president in 2019."),
                  "repatriation"));
  CHECK(Nth(Read("The defector Choe Myong-sun was brought back from China in 2003."), "repatriation"));
}

TEST_CASE("the person before a parenthesis is the subject, not one named inside it") {
  for (const char* text : {"Hyon Song-wol, a pop singer once linked to Kim Jong Un, was publicly executed in 2013.",
                           "Hyon Song-wol, who sang for Kim Jong Un, was executed in 2013."}) {
    CAPTURE(text);
    REQUIRE(Nth(Read(text), "execution"));
    CHECK(SubjectName(*Nth(Read(text), "execution")) == "Hyon Song-wol");
  }
  // A parenthesis that is the name itself is the subject.
  auto named = Read("The uncle of Kim Jong Un, Jang Song-thaek, was executed in 2013.");
  REQUIRE(Nth(named, "execution"));
  CHECK(SubjectName(*Nth(named, "execution")) == "Jang Song-thaek");
}

TEST_CASE("a relation owned by a pronoun before the verb is the subject, the pronoun's person its relative") {
  for (const char* text : {"Defector Ji Seong-ho said his father was arrested in 2006.",
                           "Ji Seong-ho, a defector, said his father was arrested in 2006.",
                           "\"My father was arrested because of me,\" Ji Seong-ho said."}) {
    CAPTURE(text);
    auto ex = Read(text);
    const Claim* arrest = Nth(ex, "arrest");
    REQUIRE(arrest);
    std::string subject, relative;
    for (const auto& p : arrest->participants) {
      if (p.role == "subject") subject = p.descriptor;
      if (p.role == "relative") relative = p.name;
    }
    CHECK(subject == "father");
    CHECK(relative == "Ji Seong-ho");
  }
  // Through a perfect or a raising verb: "his father had been arrested", "his deputies are said
  // to have been shot".
  for (const char* text : {"Kim Won-hong was dismissed in January. His deputies are said to have been shot.",
                           "Kim Won-hong was dismissed in January. His father had been arrested in 2009."}) {
    CAPTURE(text);
    auto ex = Read(text);
    const Claim* c = Nth(ex, "attack") ? Nth(ex, "attack") : Nth(ex, "arrest");
    REQUIRE(c);
    CHECK(SubjectName(*c) != "Kim Won-hong");
  }
  // Someone new brought in as a subject after the person named, and a pronoun after that one.
  auto soldier = Read("It is the first defection since Kim Jong-un took power in 2011, and the first since November 2017, "
                      "when a soldier was shot five times by his comrades as he ran across the truce village.");
  for (const char* type : {"attack", "defection"}) {
    CAPTURE(type);
    REQUIRE(Nth(soldier, type));
    CHECK(SubjectName(*Nth(soldier, type)) != "Kim Jong-un");
  }
  // A pronoun in another clause with a subject of its own is not the subject.
  auto other = Read("Choi Mi-ran fled in 2018. Her account could not be verified, and a local official was reported "
                    "to have been executed in the same city.");
  REQUIRE(Nth(other, "execution"));
  CHECK(SubjectName(*Nth(other, "execution")) != "Choi Mi-ran");
  // A pronoun or a definite word takes the named person up.
  auto thae = Read("Thae Yong-ho, who was deputy ambassador in London before he defected in 2016, spoke on Monday.");
  REQUIRE(Nth(thae, "defection"));
  CHECK(SubjectName(*Nth(thae, "defection")) == "Thae Yong-ho");
  // Past a parenthesis set off by commas, whoever it names.
  auto aside = Read("Ryu Kwang-su defected in 2015. His former deputy, according to people who have spoken to Ryu, "
                    "was executed in 2018.");
  REQUIRE(Nth(aside, "execution"));
  CHECK(SubjectName(*Nth(aside, "execution")) != "Ryu Kwang-su");
  // Before an active verb: "two of his men defected", "his younger half-brother took over".
  auto men = Read("Lt-Col Ri Song-chol was dismissed last month after two of his men defected in a single week.");
  REQUIRE(Nth(men, "defection"));
  CHECK(SubjectName(*Nth(men, "defection")) != "Ri Song-chol");
  // A pattern that holds its auxiliary: "My father was taken away".
  auto away = Read("Pak Eun-ok spoke to us. \"My father was taken away in 1997,\" she said.");
  REQUIRE(Nth(away, "arrest"));
  CHECK(SubjectName(*Nth(away, "arrest")) != "Pak Eun-ok");
  // "he" after a claim about an unnamed man told of by a noun is that man, not the woman named.
  auto father = Read(
      "Pak Eun-ok fled in 2011. \"My father was arrested in 1997,\" she said. \"We heard that he was shot in front of "
      "the whole village.\"");
  const Claim* shot = Nth(father, "execution");
  REQUIRE(shot);
  CHECK(SubjectName(*shot) != "Pak Eun-ok");
  // Named after "of", past a title: "the father of Counsellor Ri".
  for (const char* text : {"The father of Counsellor Ri Yong-ho was purged in 2013.",
                           "The wife of Ri Yong-ho was purged in 2013."}) {
    CAPTURE(text);
    auto ex = Read(text);
    const Claim* purge = Nth(ex, "purge");
    REQUIRE(purge);
    std::string subject, relative;
    for (const auto& p : purge->participants) {
      if (p.role == "subject") subject = p.descriptor;
      if (p.role == "relative") relative = p.name;
    }
    CHECK_FALSE(subject.empty());
    CHECK(relative == "Ri Yong-ho");
  }
  // "He and his aides were executed": a group he is one of, not only the aides.
  auto group = Read("Jang Song-thaek was arrested in December. He and his aides were executed days later.");
  REQUIRE(Nth(group, "execution"));
  CHECK(SubjectName(*Nth(group, "execution")) == "Jang Song-thaek");
}

TEST_CASE("a surname after a rank is the person the article names in full, or a name of its own") {
  auto ex = Read("Lt. Gen. Kang Myong-chol was promoted in 2020. Officials said Lt. Gen. Kang was executed this week.");
  REQUIRE(Nth(ex, "execution"));
  CHECK(SubjectName(*Nth(ex, "execution")) == "Kang Myong-chol");
  auto alone = Read("Officials said Major Ri was executed this week.");
  REQUIRE(Nth(alone, "execution"));
  CHECK(SubjectName(*Nth(alone, "execution")) == "Ri");
}

TEST_CASE("a person word inside a name is no person") {
  auto ex = Read("Kim was charged with violating the National Security Act on Jan. 5.");
  REQUIRE(Nth(ex, "arrest"));
  for (const auto& p : Nth(ex, "arrest")->participants) CHECK(p.descriptor != "national");
}

TEST_CASE("British hyphenated ranks are ranks") {
  auto ex = Read("Lt-Col Ri Song-chol was dismissed from his post last month.");
  REQUIRE(Nth(ex, "purge"));
  CHECK(Nth(ex, "purge")->attributes.count("rank"));
  CHECK(SubjectName(*Nth(ex, "purge")) == "Ri Song-chol");
}

TEST_CASE("a rank after a possessive pronoun is someone else's") {
  auto ex = Read("Kim Jong Un took power in December 2011. Since then Kim has replaced his defence chief five times.");
  REQUIRE(Nth(ex, "taking_power"));
  CHECK_FALSE(Nth(ex, "taking_power")->attributes.count("rank"));
  // In apposition after a place's possessive it is the person's: "the North's deputy ambassador".
  auto own = Read("Thae Yong-ho, the North's deputy ambassador in London, defected in 2016.");
  REQUIRE(Nth(own, "defection"));
  CHECK(Nth(own, "defection")->attributes.count("rank"));
}

TEST_CASE("less common Korean surnames make names too") {
  for (const char* name : {"Ji Seong-ho", "Ha Tae-keung", "Sim Hyon Song", "Ra Jong-il"}) {
    CAPTURE(name);
    auto ex = Read(std::string(name) + " fled across the Tumen River in 2006.");
    REQUIRE(Nth(ex, "defection"));
    CHECK(SubjectName(*Nth(ex, "defection")) == name);
  }
}

TEST_CASE("an embedded question asserts nothing, even under 'did not say'; 'cannot' negates") {
  auto whether = Read("Officials did not say whether Jo had applied for asylum.");
  REQUIRE(Nth(whether, "defection"));
  CHECK(Nth(whether, "defection")->modality == Modality::kHedged);
  auto cannot = Read("Jo cannot apply for asylum in Italy.");
  REQUIRE(Nth(cannot, "defection"));
  CHECK(Nth(cannot, "defection")->modality == Modality::kNegated);
  auto plain = Read("Jo applied for asylum in Italy in November.");
  REQUIRE(Nth(plain, "defection"));
  CHECK(Nth(plain, "defection")->modality == Modality::kAsserted);
}

TEST_CASE("a party cited after its cue is the source, not the subject or what a comma apposes to") {
  auto named = Read("According to Rep. Kim Byung-kee of the ruling party, Ri Chol-min was executed in October.");
  REQUIRE(Nth(named, "execution"));
  CHECK(SubjectName(*Nth(named, "execution")) == "Ri Chol-min");
  CHECK(Nth(named, "execution")->attributed_to == std::vector<std::string>{"Test Daily", "Kim Byung-kee"});
  auto unnamed = Read("According to lawmaker Kim Byung-kee, the spy was executed in October.");
  REQUIRE(Nth(unnamed, "execution"));
  CHECK(SubjectName(*Nth(unnamed, "execution")) == "spy");
  // A speaker named before the cue may be the subject of a clause of his own.
  auto speaker = Read("Thae Yong-ho, who defected four years ago, said the case had been handled with care.");
  REQUIRE(Nth(speaker, "defection"));
  CHECK(SubjectName(*Nth(speaker, "defection")) == "Thae Yong-ho");
}

TEST_CASE("a dateline and a speaker's whereabouts are no place of the event") {
  auto places = [](const Claim& c) {
    std::vector<std::string> out;
    for (const auto& p : c.participants)
      if (p.role == "place") out.push_back(p.name);
    return out;
  };
  auto dateline = Read("SEOUL/LONDON, Jan. 16 (Yonhap) -- A North Korean diplomat has defected to South Korea, a source said.");
  REQUIRE(Nth(dateline, "defection"));
  CHECK(places(*Nth(dateline, "defection")) == std::vector<std::string>{"South Korea"});
  auto source = Read("A source in Ryanggang Province told Daily NK that police in Hyesan arrested 20 people.");
  REQUIRE(Nth(source, "arrest"));
  CHECK(places(*Nth(source, "arrest")) == std::vector<std::string>{"Hyesan"});
  CHECK(Nth(source, "arrest")->attributes.at("place") == "hyesan");
  CHECK(std::ranges::find(Nth(source, "arrest")->attributed_to, "Ryanggang") == Nth(source, "arrest")->attributed_to.end());
  auto according = Read("According to a source in North Hamgyong Province, three people were executed in Hoeryong.");
  REQUIRE(Nth(according, "execution"));
  CHECK(places(*Nth(according, "execution")) == std::vector<std::string>{"Hoeryong"});
  CHECK(Nth(according, "execution")->modality == Modality::kReported);
  // Capitals inside the sentence stay: "a US student".
  auto us = Read("A US student was arrested in North Korea in January.");
  REQUIRE(Nth(us, "arrest"));
  CHECK(places(*Nth(us, "arrest")).size() == 2);
}

TEST_CASE("a descriptor's daughter is the one sent back; a habit is no event") {
  auto owned = Read("A missing diplomat's teenage daughter was sent back to North Korea in November.");
  REQUIRE(Nth(owned, "repatriation"));
  CHECK(SubjectName(*Nth(owned, "repatriation")) == "daughter");
  auto of = Read("The daughter of a North Korean diplomat who disappeared in Italy last year has been returned to North Korea.");
  REQUIRE(Nth(of, "repatriation"));
  CHECK(SubjectName(*Nth(of, "repatriation")) == "daughter");
  REQUIRE(Nth(of, "defection"));
  CHECK(SubjectName(*Nth(of, "defection")) == "diplomat");  // who disappeared: the diplomat
  auto body = Read("Guards carried the soldier's body back across the line after he was shot in 2017.");
  REQUIRE(Nth(body, "attack"));
  CHECK(SubjectName(*Nth(body, "attack")) != "soldier's");
  auto habit = Read("North Korea typically erases purged officials from archive footage.");
  REQUIRE(Nth(habit, "purge"));
  CHECK(Nth(habit, "purge")->generic);
}

TEST_CASE("a name of any shape after a word for a person, and its last part later") {
  auto ex = Read("American student Otto Warmbier was arrested at the airport on Jan. 2. "
                 "Warmbier was sentenced to 15 years of hard labour in March.");
  REQUIRE(Nth(ex, "arrest"));
  CHECK(SubjectName(*Nth(ex, "arrest")) == "Otto Warmbier");
  REQUIRE(Nth(ex, "sentencing"));
  CHECK(SubjectName(*Nth(ex, "sentencing")) == "Otto Warmbier");
  auto korean = Read("Missionary Kenneth Bae was detained in November 2012. Bae was later sentenced.");
  REQUIRE(Nth(korean, "sentencing"));
  CHECK(SubjectName(*Nth(korean, "sentencing")) == "Kenneth Bae");
  // A word of an institution's name is no word for a person.
  auto body = Read("He had been vice chairman of the National Defence Commission when he was arrested in 2013.");
  REQUIRE(Nth(body, "arrest"));
  for (const auto& p : Nth(body, "arrest")->participants) CHECK(p.name != "Defence Commission");
}

TEST_CASE("a name of any shape set off by an apposition that says who the person is") {
  auto student = Read("The court sentenced Otto Warmbier, a University of Virginia student, to 15 years of hard labour.");
  REQUIRE(Nth(student, "sentencing"));
  CHECK(SubjectName(*Nth(student, "sentencing")) == "Otto Warmbier");
  auto age = Read("On May 6, James Kopp, 44, was arrested in France.");
  REQUIRE(Nth(age, "arrest"));
  CHECK(SubjectName(*Nth(age, "arrest")) == "James Kopp");
  // An apposition with no word for a person, or an outlet's name, names no one.
  auto court = Read("The Supreme Court, the country's top court, sentenced two men to death in March.");
  REQUIRE(Nth(court, "sentencing"));
  for (const auto& p : Nth(court, "sentencing")->participants) CHECK(p.name != "Supreme Court");
  auto outlet = Read("Radio Free Asia, a broadcaster funded by Washington, said a worker was arrested last week.");
  REQUIRE(Nth(outlet, "arrest"));
  CHECK(SubjectName(*Nth(outlet, "arrest")) != "Radio Free Asia");
}

TEST_CASE("a descriptor's own event, a newcomer named in passing, and a title that picks the surname's person") {
  auto own = Read("The command released video of a North Korean soldier's defection across the border last week.");
  REQUIRE(Nth(own, "defection"));
  CHECK(SubjectName(*Nth(own, "defection")) == "soldier");
  // "a soldier named Oh" brings in someone else; the lead's soldier stays unnamed.
  auto newcomer = Read("A North Korean soldier crossed the border on Tuesday, officials said. "
                       "In November 2017, a soldier named Oh Chong-song drove a jeep to the line and ran across.");
  REQUIRE(Nth(newcomer, "defection"));
  CHECK(SubjectName(*Nth(newcomer, "defection")) == "soldier");
  // "Rep. Kim" is Rep. Kim Byung-kee, not the leader.
  auto rep = Read("Leader Kim Jong Un was furious, according to Rep. Kim Byung-kee. "
                  "Yonhap, citing Rep. Kim, reported that the spy was executed in October.");
  const Claim* executed = Nth(rep, "execution");
  REQUIRE(executed);
  CHECK(std::ranges::find(executed->attributed_to, "Kim Byung-kee") != executed->attributed_to.end());
  CHECK(std::ranges::find(executed->attributed_to, "Kim Jong Un") == executed->attributed_to.end());
}

TEST_CASE("'fired at least four missiles' is a launch; a correction withdraws; an apposition does not stretch a cue's reach") {
  auto launch = Read("North Korea fired at least four ballistic missiles on Thursday, Japan said.");
  CHECK(Nth(launch, "weapons_test"));
  CHECK_FALSE(Nth(launch, "attack"));
  auto shot = Read("Guards fired at the soldier as he ran on Monday.");
  CHECK(Nth(shot, "attack"));
  auto correction = Read("An earlier version of this story said troops fired warning shots at the soldier on Monday.");
  REQUIRE(Nth(correction, "attack"));
  CHECK(Nth(correction, "attack")->modality == Modality::kNegated);
  auto apposed = Read("The agency found no evidence that Kim Yo-jong, the leader's sister, had been purged in 2020.");
  REQUIRE(Nth(apposed, "purge"));
  CHECK(Nth(apposed, "purge")->modality == Modality::kNegated);
  auto far = Read("Doctors found no signs of brain damage after the soldier was shot in 2017.");
  REQUIRE(Nth(far, "attack"));
  CHECK(Nth(far, "attack")->modality != Modality::kNegated);
}

TEST_CASE("a month without a year takes the year of a written-out date earlier in its sentence") {
  auto later = Read("In May 2015, the paper reported that Hyon Yong-chol was executed in March.");
  REQUIRE(Nth(later, "execution"));
  CHECK(Nth(later, "execution")->date.start == Date(2015, 3, 1));
  // A month after the date's own month is the year before's.
  auto before = Read("Officials said on Feb. 3, 2016 that Ri Yong-gil was executed in November.");
  REQUIRE(Nth(before, "execution"));
  CHECK(Nth(before, "execution")->date.start == Date(2015, 11, 1));
  // With no such date the article's date places it (published 2019-05-01).
  auto plain = Read("Ri Yong-gil was executed in March, officials said.");
  REQUIRE(Nth(plain, "execution"));
  CHECK(Nth(plain, "execution")->date.start == Date(2019, 3, 1));
}

TEST_CASE("a killing done to someone named or described is an attack; one done to no one is not") {
  auto named = Read("Kim Jong-nam was killed at Kuala Lumpur airport in February 2017.");
  REQUIRE(Nth(named, "attack"));
  CHECK(SubjectName(*Nth(named, "attack")) == "Kim Jong-nam");
  auto described = Read("Two soldiers were killed in the clash on Monday.");
  CHECK(Nth(described, "attack"));
  auto idle = Read("The plan was killed by the committee in 2017.");
  CHECK_FALSE(Nth(idle, "attack"));
}

TEST_CASE("a speaker set off by commas after a word for one is no subject; silence negates nothing; a letter is not repatriated") {
  auto spokesman = Read("A ministry spokesman, Jeong Joon-hee, told reporters the family had arrived in the South in July.");
  REQUIRE(Nth(spokesman, "defection"));
  CHECK(SubjectName(*Nth(spokesman, "defection")) != "Jeong Joon-hee");
  auto silence = Read("State media has not reported the execution of Ri Yong-gil.");
  REQUIRE(Nth(silence, "execution"));
  CHECK(Nth(silence, "execution")->modality != Modality::kNegated);
  auto none = Read("There was no defection reported along the border on Monday.");
  REQUIRE(Nth(none, "defection"));
  CHECK(Nth(none, "defection")->modality == Modality::kNegated);
  auto letter = Read("Trump sent a letter back to Pyongyang on Monday.");
  CHECK_FALSE(Nth(letter, "repatriation"));
  auto people = Read("Chinese police sent about 80 North Koreans back across the border in July.");
  CHECK(Nth(people, "repatriation"));
}

TEST_CASE("what will be done is planned, not done") {
  auto fear = Read("Her brother is terrified she will be sent back to North Korea.");
  REQUIRE(Nth(fear, "repatriation"));
  CHECK(Nth(fear, "repatriation")->modality == Modality::kPlanned);
  auto done = Read("She was sent back to North Korea in 2019.");
  REQUIRE(Nth(done, "repatriation"));
  CHECK(Nth(done, "repatriation")->modality == Modality::kAsserted);
}

TEST_CASE("a longer Korean name is no two-word alias; an outlet is no person; a dateline's country is no place") {
  auto longer = Read("Kim Chol Ung, a senior official, was executed in March.");
  REQUIRE(Nth(longer, "execution"));
  CHECK(SubjectName(*Nth(longer, "execution")) == "Kim Chol Ung");
  auto outlet = Read("A defector Radio Free Asia interviewed said three smugglers were executed in Hyesan.");
  REQUIRE(Nth(outlet, "execution"));
  for (const auto& p : Nth(outlet, "execution")->participants) CHECK(p.name != "Radio Free Asia");
  auto dateline = Read("SEOUL, South Korea (AP) -- Two women were arrested in Malaysia on Feb. 15.");
  REQUIRE(Nth(dateline, "arrest"));
  for (const auto& p : Nth(dateline, "arrest")->participants) CHECK(p.name != "South Korea");
}

TEST_CASE("a furniture pattern spares a line that reads as a sentence of the story") {
  auto ex = Read("The defector, who now edits a newsletter for exiles, fled across the Tumen in 2009.\n\n"
                 "Related reports say Jang Song-thaek was executed in 2013.\n\n"
                 "Sign up for our newsletter\n\n"
                 "Comments are closed.");
  CHECK(Nth(ex, "defection"));
  CHECK(Nth(ex, "execution"));
  CHECK(ex.boilerplate_lines == 2);
}

TEST_CASE("the name set off by commas after a speaker's word speaks; a captioned credit is furniture") {
  auto named = Read("The diplomat's cousin, Kim Hye-ran, said Ri Chol-min fled to China in 2019.");
  REQUIRE(Nth(named, "defection"));
  CHECK(Nth(named, "defection")->attributed_to == std::vector<std::string>{"Test Daily", "Kim Hye-ran"});
  auto caption = Read("Guards fire at a defector near the border in this image. (Yonhap)\n\nFILE PHOTO: A soldier was shot at Panmunjom.");
  CHECK_FALSE(Nth(caption, "attack"));
  CHECK(caption.boilerplate_lines == 2);
}

}  // namespace
}  // namespace recon

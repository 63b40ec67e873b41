// Tests for engine/extract/extractor.cpp on the default rule packs: boilerplate, sentences,
// triggers, subjects, ranks, counts, dates, attribution and modality.
#include <doctest/doctest.h>

#include <algorithm>

#include "extract_fixture.h"

namespace recon {
namespace {

Extraction ExtractText(const std::string& text, const std::string& source = "Test Daily",
                       std::optional<Date> published = Date(2019, 5, 1)) {
  return ExtractOne(text, source, published, true);
}

const Claim* FindType(const Extraction& ex, const std::string& type) { return NthOfType(ex.claims, type); }

std::string Subject(const Claim& c) { return SubjectName(c); }

// The date of the first claim of `type` read from `text`, which must make one.
DateRange DateOf(const std::string& text, const std::string& type, std::optional<Date> published = Date(2019, 5, 1)) {
  auto ex = ExtractText(text, "Test Daily", published);
  const Claim* c = FindType(ex, type);
  REQUIRE_MESSAGE(c, text);
  return c->date;
}

TEST_CASE("boilerplate lines are removed and counted, never silently") {
  auto ex = ExtractText(
      "Home | World | Asia\nImage source, Getty Images\nThae Yong-ho defected in July 2016.\n"
      "Subscribe to our newsletter\nComments (12)\n");
  CHECK(ex.boilerplate_lines == 4);
  CHECK(ex.removed.size() == 4);
  CHECK(ex.sentences == 1);
  REQUIRE(FindType(ex, "defection"));
}

TEST_CASE("a list under a boilerplate heading goes with it, up to the story's next sentence") {
  auto ex = ExtractText(
      "Skip to content\n9 May 2023, 10:21 BST\nThae Yong-ho defected in July 2016.\n\n"
      "Most Read\n1. Missile test alarms Japan\n2. North Korea fires missile over Japan\n\n"
      "Related Topics\nNorth Korea\nKim Jong-un\n\n"
      "Pak Chol-min was executed in March 2017, officials said.\n");
  std::vector<std::string> rules;
  for (const auto& r : ex.removed) rules.push_back(r.rule);
  CHECK(rules == std::vector<std::string>{"bp.skip", "bp.timestamp", "bp.related", "bp.related", "bp.related",
                                          "bp.related", "bp.related", "bp.related"});
  CHECK_FALSE(FindType(ex, "weapons_test"));  // the listed headline is no story
  CHECK(FindType(ex, "defection"));
  CHECK(FindType(ex, "execution"));  // the sentence after the list stays
  // A story wrapped into short lines after a heading is prose, not a list.
  auto wrapped = ExtractText(
      "Advertisement\n\nSouth Korean officials said Pak Chol-min defected across\n"
      "the DMZ on Friday, the second case this year.\n");
  REQUIRE(wrapped.removed.size() == 1);
  CHECK(wrapped.removed[0].rule == "bp.advertisement");
  CHECK(FindType(wrapped, "defection"));
  // Without the heading, the same headline line stays text.
  auto bare = ExtractText("North Korea fires missile over Japan\n\nThe launch came at dawn.\n");
  CHECK(bare.removed.empty());
}

TEST_CASE("Markdown pages: emphasised headings, pictures with their captions, consent banners") {
  auto ex = ExtractText(
      "We use cookies to improve your experience. By continuing to browse, you agree. [Accept]\n\n"
      "Thae Yong-ho defected in July 2016.\n\n"
      "![Launch](launch.jpg)\n*Kim Jong Un watches a missile launch in this undated photo. KCNA*\n\n"
      "**Most read**\n1. Missile test alarms Japan\n2. Defector arrested in Seoul for theft\n\n"
      "Pak Chol-min was executed in March 2017, officials said.\n");
  std::vector<std::string> rules;
  for (const auto& r : ex.removed) rules.push_back(r.rule);
  CHECK(rules == std::vector<std::string>{"bp.cookies", "bp.picture", "bp.picture", "bp.related", "bp.related",
                                          "bp.related"});
  CHECK_FALSE(FindType(ex, "weapons_test"));  // the caption and the listed headline are no story
  CHECK_FALSE(FindType(ex, "arrest"));
  CHECK(FindType(ex, "defection"));
  CHECK(FindType(ex, "execution"));
  // Emphasis away from a picture is the story's: a lead set in italics stays.
  auto italic = ExtractText("*North Korea fired a missile on Monday, the military said.*\n");
  CHECK(italic.removed.empty());
  CHECK(FindType(italic, "weapons_test"));
  // A story line after a picture stays when it is not set as a caption.
  auto after = ExtractText("![Launch](launch.jpg)\nNorth Korea fired a missile on Monday, the military said.\n");
  REQUIRE(after.removed.size() == 1);
  CHECK(FindType(after, "weapons_test"));
}

TEST_CASE("the readers' comments go, to the end of the page, once the story has been told") {
  auto ex = ExtractText(
      "Pak Chol-min was executed in March 2017, officials said.\n\nComments (2)\n\n"
      "reader_one \u00b7 2 days ago\nThey executed my uncle too in 2009 in Chongjin for selling rice.\n\n"
      "Reply \u00b7 Like 12\n\nreader_two \u00b7 1 day ago\nI defected in 2015 and never saw any execution.\n");
  std::vector<std::string> rules;
  for (const auto& r : ex.removed) rules.push_back(r.rule);
  CHECK(rules == std::vector<std::string>(6, "bp.comments_section"));
  CHECK_FALSE(FindType(ex, "defection"));
  size_t executions = 0;
  for (const auto& c : ex.claims) executions += c.type == "execution";
  CHECK(executions == 1);
  // Before the story, the heading is a link of the page's furniture: the story stays.
  auto first = ExtractText("Comments\n\nPak Chol-min was executed in March 2017, officials said.\n");
  REQUIRE(first.removed.size() == 1);
  CHECK(FindType(first, "execution"));
}

TEST_CASE("an entry's stamp before a dash dates its events when nothing nearer does") {
  CHECK(DateOf("**07:14** \u2014 South Korea's Joint Chiefs of Staff says North Korea has fired a ballistic missile toward the sea.\n",
               "weapons_test").start == Date(2019, 5, 1));
  CHECK(DateOf("**February 2016** \u2013 Ri Yong-gil, chief of the general staff, is reported executed.\n", "execution").start ==
        Date(2016, 2, 1));
  // A nearer date wins over the stamp.
  CHECK(DateOf("**07:52** \u2014 The JCS says the missile was launched from near Pyongyang on Tuesday.\n", "weapons_test").start ==
        Date(2019, 4, 30));
  // Without the dash, a time opening a sentence is the report's, no stamp of the event.
  CHECK(DateOf("At 07:14 the JCS said North Korea has fired a missile.\n", "weapons_test").qualifier == Qualifier::kBefore);
}

TEST_CASE("a surname the article gives alone names no one it names in full") {
  auto ex = ExtractText("A court sentenced a man, identified only by his surname, Yoon, to 12 years. Yoon was arrested in "
                        "January 2023. The case is one of several under the Yoon Suk Yeol government.");
  const Claim* arrest = FindType(ex, "arrest");
  REQUIRE(arrest);
  CHECK(Subject(*arrest) != "Yoon Suk Yeol");
  // A surname after the full name is that person, as before.
  auto full = ExtractText("Thae Yong-ho defected in 2016. Thae was arrested by no one.");
  REQUIRE(FindType(full, "defection"));
  CHECK(Subject(*FindType(full, "defection")) == "Thae Yong-ho");
}

TEST_CASE("a defector received into custody is not arrested; others taken into custody are") {
  auto received = ExtractText("The soldier walked across the line at dawn and was taken into custody by troops.");
  CHECK(FindType(received, "defection"));
  CHECK_FALSE(FindType(received, "arrest"));
  CHECK(FindType(ExtractText("Police took two men into custody in May."), "arrest"));
  CHECK(FindType(ExtractText("She was caught by Chinese police in Yanji and taken into custody."), "arrest"));
}

TEST_CASE("a missile crossing a sea border and money vanishing are no defections") {
  CHECK(FindType(ExtractText("A soldier crossed the heavily fortified border early Wednesday."), "defection"));
  CHECK_FALSE(FindType(ExtractText("The launch crossed a red line, Seoul said."), "defection"));
  CHECK_FALSE(FindType(ExtractText("The missile crossed the Northern Limit Line before falling into the sea."), "defection"));
  CHECK_FALSE(FindType(ExtractText("Some 81 million dollars vanished into casinos in Manila."), "defection"));
  CHECK(FindType(ExtractText("Ten North Koreans crossed the Northern Limit Line by boat in May."), "defection"));
  CHECK(FindType(ExtractText("The diplomat vanished from his post in Rome in November."), "defection"));
}

TEST_CASE("a shooting before an audience is a public execution; before a house it is a shooting") {
  CHECK(FindType(ExtractText("The following summer he was shot in front of the Hoeryong market."), "execution"));
  CHECK(FindType(ExtractText("Two men were publicly shot at the airfield in 2015."), "execution"));
  auto house = ExtractText("He was shot in front of his house by a neighbour in 2015.");
  CHECK_FALSE(FindType(house, "execution"));
  CHECK(FindType(house, "attack"));
}

TEST_CASE("newsroom shapes: run-in headings, a sentence ending in a.m., 'both', shots, longer ranks") {
  // A bold run-in heading ends its sentence, so the report's own date is not the heading's.
  auto heading = ExtractText("**An execution, or not.** Earlier this week, Yonhap reported that Ri was executed late last month.",
                             "Test Daily", Date(2025, 3, 8));
  REQUIRE(NthOfType(heading.claims, "execution", 1));
  CHECK(NthOfType(heading.claims, "execution", 1)->date.start == Date(2025, 2, 20));
  // "a.m." ends a sentence before a capital; "both" counts no missiles.
  auto am = ExtractText("Both governments said the missiles were fired shortly after 7 a.m. The launch came days before drills in Paju.");
  REQUIRE(FindType(am, "weapons_test"));
  CHECK(FindType(am, "weapons_test")->attributes.count("missiles") == 0);
  CHECK(FindType(am, "weapons_test")->attributes.count("place") == 0);
  CHECK(am.sentences == 2);
  CHECK(ExtractText("It was fired at 7 a.m. Monday from Pyongyang.").sentences == 1);
  // "fired at around 7:12" is a time, not a target; shots are rounds.
  CHECK_FALSE(FindType(ExtractText("The first missile was fired at around 7:12 a.m. Monday from near Pyongyang."), "attack"));
  auto shots = ExtractText("Guards fired about 10 shots at the soldier as he ran.");
  REQUIRE(FindType(shots, "attack"));
  CHECK(FindType(shots, "attack")->attributes.at("rounds") == "10");
  // A longer rank is not its shorter tail.
  auto ranks = ExtractText("The soldier, a junior sergeant, crossed the border on Tuesday. Vice Premier Ri Chol-gwang was executed in February.");
  REQUIRE(FindType(ranks, "defection"));
  CHECK(FindType(ranks, "defection")->attributes.at("rank") == "junior_sergeant");
  REQUIRE(FindType(ranks, "execution"));
  CHECK(FindType(ranks, "execution")->attributes.at("rank") == "vice_premier");
}

TEST_CASE("background told against a record is its own event, no date of the story's") {
  // "another soldier" is someone else than the story's soldier, and the when-clause is his.
  auto ex = ExtractText("A soldier defected across the DMZ on Tuesday. The crossing is the first by a North Korean soldier "
                        "since August last year, when another soldier walked across the border.",
                        "Test Daily", Date(2025, 3, 6));
  const Claim* other = nullptr;
  for (const Claim& c : ex.claims)
    if (c.type == "defection" && Subject(c) == "another soldier") other = &c;
  REQUIRE(other);
  CHECK(other->date.start == Date(2024, 8, 1));
  // A superlative's "since" is the record, not the event's date.
  auto most = ExtractText("Ri Chol-gwang would be the most senior official known to have been executed since 2013.");
  REQUIRE(FindType(most, "execution"));
  CHECK_FALSE(FindType(most, "execution")->date.known());
  // So is a date after a "since" that names the record's holder.
  auto holder = ExtractText("He is the most senior diplomat known to have defected since Ryu Hyun-woo, the acting "
                            "ambassador in Kuwait, in 2019.");
  REQUIRE(FindType(holder, "defection"));
  CHECK_FALSE(FindType(holder, "defection")->date.known());
}

TEST_CASE("a date that opens the sentence dates each deed of its first clause") {
  CHECK(DateOf("Also in 2017, a soldier dashed across the Joint Security Area and was shot five times by his comrades.",
               "attack").start == Date(2017, 1, 1));
  // Not past a comma.
  CHECK_FALSE(DateOf("In November 2014, hackers broke into a studio, leaking a comedy about a plot to assassinate the leader.",
                     "assassination").known());
  CHECK(DateOf("In March 2019 the North conducted a test-fire of a new rocket launcher.", "weapons_test").start ==
        Date(2019, 3, 1));
}

TEST_CASE("what happened at or during the thing a date dates happened then") {
  CHECK(DateOf("The report describes a public trial held in October 2022 at an airfield, at which two boys were "
               "sentenced to 12 years of hard labour.",
               "sentencing").start == Date(2022, 10, 1));
  // Another relative clause keeps its own time: "a man whose son was sentenced".
  CHECK_FALSE(DateOf("Rights groups met in October 2022 with a man whose son was sentenced to 12 years of hard labour.",
                     "sentencing").known());
}

TEST_CASE("a clause opened by ', when' right after a date tells what happened then") {
  CHECK(DateOf("The last launch was in December last year, when the North fired a Hwasong-18 missile.", "weapons_test",
               Date(2024, 10, 31)).start == Date(2023, 12, 1));
  CHECK(DateOf("It was the first such shooting since 1984, when a Soviet tourist defected across the line.", "defection").start ==
        Date(1984, 1, 1));
  // A date before "and" and the next verb is the first verb's, however near the second.
  CHECK(DateOf("The soldier walked across the line at around 1:30 a.m. on Tuesday and was taken into custody.", "defection",
               Date(2025, 3, 6)).start == Date(2025, 3, 4));
  // Not what the clause tells of: the leaving is not dated by the briefing.
  CHECK_FALSE(DateOf("It had been a mystery since early 2019, when the spy agency told lawmakers that he had defected.",
                     "defection").known());
}

TEST_CASE("a launch fired at an angle is no shooting; guards firing at a soldier are") {
  auto launch = ExtractText("The JCS said the missile was fired at a steep lofted angle from near Pyongyang.");
  CHECK_FALSE(FindType(launch, "attack"));
  auto guards = ExtractText("North Korean guards fired at the soldier as he ran across the border.");
  CHECK(FindType(guards, "attack"));
}

TEST_CASE("abbreviations and initials do not end sentences") {
  auto ex = ExtractText("Lt. Col. Kim Chol-min fled to the South in Sept. 2017. He was 43.");
  CHECK(ex.sentences == 2);
  const Claim* c = FindType(ex, "defection");
  REQUIRE(c);
  CHECK(Subject(*c) == "Kim Chol-min");
  CHECK(c->attributes.at("rank") == "lieutenant_colonel");
  // Emphasis or a bracket before the abbreviation: a timeline's "**Feb. 13, 2017:**".
  auto bold = ExtractText("**Dec. 12, 2013:** Jang Song-thaek is executed.\n\n[Sept. 2017] Kim Chol-min defects.\n");
  CHECK(bold.sentences == 2);
  REQUIRE(FindType(bold, "execution"));
  CHECK(FindType(bold, "execution")->date.start == Date(2013, 12, 12));
}

TEST_CASE("the subject of a patient event is the person it is done to") {
  auto ex = ExtractText("Kim Jong Un executed his uncle Jang Song-thaek in December 2013.");
  const Claim* c = FindType(ex, "execution");
  REQUIRE(c);
  CHECK(Subject(*c) == "Jang Song-thaek");
  auto passive = ExtractText("Jang Song-thaek was executed on the orders of Kim Jong Un.");
  REQUIRE(FindType(passive, "execution"));
  CHECK(Subject(*FindType(passive, "execution")) == "Jang Song-thaek");
}

TEST_CASE("a firing squad's victim set off by a parenthesis is the subject") {
  auto ex = ExtractText("Ri Chol-gwang, a vice premier in the cabinet, was killed by firing squad in late February.");
  REQUIRE(FindType(ex, "execution"));
  CHECK(Subject(*FindType(ex, "execution")) == "Ri Chol-gwang");
}

TEST_CASE("a person qualifying another is not the subject") {
  auto ex = ExtractText("Kim Jong-nam, the half-brother of Kim Jong Un, died in February 2017 after he was poisoned.");
  const Claim* c = FindType(ex, "assassination");
  REQUIRE(c);
  CHECK(Subject(*c) == "Kim Jong-nam");
}

TEST_CASE("surnames and pronouns point back to the full name") {
  auto ex = ExtractText("Thae Yong-ho was a minister in London.\nThae defected last year, officials said.");
  const Claim* c = FindType(ex, "defection");
  REQUIRE(c);
  CHECK(Subject(*c) == "Thae Yong-ho");
  CHECK(c->attributes.at("rank") == "minister");
  CHECK(c->date.start == Date(2018, 1, 1));
  CHECK(c->date.end == Date(2018, 12, 31));
}

TEST_CASE("a repatriation counts the people sent back, and only its own cues block another count") {
  for (const char* text : {"China forcibly sent back about 600 North Koreans on Monday.",
                           "China repatriated some 600 defectors in October.",
                           "About 600 North Koreans were repatriated by China in October."}) {
    auto ex = ExtractText(text);
    const Claim* c = FindType(ex, "repatriation");
    REQUIRE_MESSAGE(c, text);
    CHECK_MESSAGE(c->attributes.count("repatriated") == 1, text);
    if (c->attributes.count("repatriated")) CHECK_MESSAGE(c->attributes.at("repatriated") == "600", text);
  }
  // The people of an execution are its count, not a repatriation's.
  auto men = ExtractText("Two of the 12 men were executed.");
  REQUIRE(FindType(men, "execution"));
  CHECK(FindType(men, "execution")->attributes.at("executed") == "2");
  CHECK(FindType(men, "execution")->attributes.count("repatriated") == 0);
}

TEST_CASE("counts sum their parts and read number words") {
  auto ex = ExtractText("The shelling of Yeonpyeong Island killed nine soldiers and three civilians in 2010.");
  const Claim* c = FindType(ex, "attack");
  REQUIRE(c);
  CHECK(c->attributes.at("killed") == "12");
  auto shots = ExtractText("Guards opened fire and the soldier was hit five times.");
  REQUIRE(FindType(shots, "attack"));
  CHECK(FindType(shots, "attack")->attributes.at("shots") == "5");
  // Only parts joined by "and" or commas add up; "two of the 12" counts two; an age counts no one.
  auto parts = ExtractText("Nine officers and three political instructors were executed in the spring.");
  REQUIRE(FindType(parts, "execution"));
  CHECK(FindType(parts, "execution")->attributes.at("executed") == "12");
  // A range is at least its low end, however written; "more than" after the cue too.
  for (const char* text : {"Between 20 and 30 officials were executed in March.",
                           "Twenty to thirty officials were executed in April.",
                           "The regime executed between 20 and 30 officials in May."}) {
    auto range = ExtractText(text);
    REQUIRE_MESSAGE(FindType(range, "execution"), text);
    CHECK_MESSAGE(FindType(range, "execution")->attributes.at("executed") == "20+", text);
  }
  auto more = ExtractText("The shelling killed more than 100 people in June.");
  REQUIRE(FindType(more, "attack"));
  CHECK(FindType(more, "attack")->attributes.at("killed") == "100+");
  auto partitive = ExtractText("Two of the 12 men were executed.");
  REQUIRE(FindType(partitive, "execution"));
  CHECK(FindType(partitive, "execution")->attributes.at("executed") == "2");
  // A part of the count told is not more of it; a second verb's count follows it.
  auto of_them = ExtractText("The shelling killed 161 people, 76 of them children, in 2004.");
  REQUIRE(FindType(of_them, "attack"));
  CHECK(FindType(of_them, "attack")->attributes.at("killed") == "161");
  auto two_verbs = ExtractText("The shelling killed 54 people and injured 1,249 others in 2004.");
  REQUIRE(FindType(two_verbs, "attack"));
  CHECK(FindType(two_verbs, "attack")->attributes.at("killed") == "54");
  CHECK(FindType(two_verbs, "attack")->attributes.at("injured") == "1249");
  // A relative clause's deed is not the event's: its count and its hedge stay in it.
  auto deported = ExtractText("Seoul deported two fishermen who had allegedly killed 16 crew members in 2019.");
  const Claim* handover = FindType(deported, "repatriation");
  REQUIRE(handover);
  CHECK(handover->attributes.count("killed") == 0);
  CHECK(handover->modality == Modality::kAsserted);
  // The number right after an active cue is what it counts, not the one before its subject.
  auto gunmen = ExtractText("Two gunmen shelled the village in 2010, killing 16 people.");
  REQUIRE(FindType(gunmen, "attack"));
  CHECK(FindType(gunmen, "attack")->attributes.at("killed") == "16");
}

TEST_CASE("attribution chains start with the outlet and follow the citations") {
  auto ex = ExtractText("Thae Yong-ho defected in July, according to Yonhap.", "Daily Peninsula");
  const Claim* c = FindType(ex, "defection");
  REQUIRE(c);
  REQUIRE(c->attributed_to.size() == 2);
  CHECK(c->attributed_to[0] == "Daily Peninsula");
  CHECK(c->attributed_to[1] == "Yonhap");
  CHECK(c->modality == Modality::kReported);
  auto said = ExtractText("Thae Yong-ho defected in July, the Unification Ministry said on Wednesday.");
  REQUIRE(FindType(said, "defection"));
  CHECK(FindType(said, "defection")->attributed_to.back() == "Unification Ministry");
  // The report's date is not the event's.
  CHECK(FindType(said, "defection")->date.granularity == Granularity::kMonth);
}

TEST_CASE("modality: hedges, denials, negation near the trigger") {
  auto hedged = ExtractText("Hyon Yong-chol was reportedly executed in April 2015.");
  REQUIRE(FindType(hedged, "execution"));
  CHECK(FindType(hedged, "execution")->modality == Modality::kHedged);
  auto denied = ExtractText("North Korea has always denied that it assassinated Kim Jong-nam.");
  REQUIRE(FindType(denied, "assassination"));
  CHECK(FindType(denied, "assassination")->modality == Modality::kDenied);
  auto negated = ExtractText("Ri Il-gyu did not defect in 2016, his family said.");
  REQUIRE(FindType(negated, "defection"));
  CHECK(FindType(negated, "defection")->modality == Modality::kNegated);
  auto far_not = ExtractText("Officials would not say when Thae Yong-ho defected.");
  REQUIRE(FindType(far_not, "defection"));
  CHECK(FindType(far_not, "defection")->modality != Modality::kNegated);
}

TEST_CASE("an unnamed participant keeps its descriptor") {
  auto ex = ExtractText("A senior diplomat whose name was withheld defected in November 2018.");
  const Claim* c = FindType(ex, "defection");
  REQUIRE(c);
  CHECK(Subject(*c) == "diplomat");
}

TEST_CASE("output does not depend on the thread count") {
  Corpus corpus;
  for (int i = 0; i < 12; ++i) {
    Document d;
    d.id = "d" + std::to_string(i);
    d.source = i % 2 ? "Seoul Ledger" : "Asia Wire Service";
    d.published = Date(2017, 2, 14 + i);
    d.text = "Kim Jong-nam was murdered at Kuala Lumpur airport on Monday, police said. Doan Thi Huong was arrested.";
    corpus.documents.push_back(d);
  }
  Extractor ex(DefaultTestRules());
  auto one = ex.Run(corpus, {1, false});
  auto two = ex.Run(corpus, {2, false});
  REQUIRE(one.claims.size() == two.claims.size());
  CHECK(one.claims.size() >= 24);
  for (size_t i = 0; i < one.claims.size(); ++i) {
    CHECK(one.claims[i].id == two.claims[i].id);
    CHECK(one.claims[i].date == two.claims[i].date);
  }
}

}  // namespace
}  // namespace recon

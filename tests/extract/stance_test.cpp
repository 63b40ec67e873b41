// Tests for engine/extract/attribution.cpp on the default rule packs: attribution chains in
// relay order, how cited parties are named, which triggers a modality cue governs, and
// sentences that only take a stance toward an event told before. Every sentence is invented.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract_fixture.h"

namespace recon {
namespace {

Extraction Read(const std::string& text, const std::string& source = "Harbour Herald") {
  return ExtractOne(text, source, Date(2018, 6, 1));
}

// The first claim of `type` whose sentence contains `words`.
const Claim* Find(const Extraction& ex, const std::string& type, const std::string& words = "") {
  for (const auto& c : ex.claims)
    if (c.type == type && c.text.find(words) != std::string_view::npos) return &c;
  return nullptr;
}

using Chain = std::vector<std::string>;

TEST_CASE("a speaker's own source comes after the speaker, however the sentence orders them") {
  auto ex = Read("Reuters, citing an unnamed security official, said Pak Sung-il fled to China in May.");
  const Claim* c = Find(ex, "defection");
  REQUIRE(c);
  CHECK(c->attributed_to == Chain{"Harbour Herald", "Reuters", "security official"});
  CHECK(c->modality == Modality::kReported);
}

TEST_CASE("counted and personal sources are sources: two people familiar with it, a colleague") {
  auto people = Read("Pak Sung-il was repatriated in May, according to two people familiar with the case.");
  const Claim* c = Find(people, "repatriation");
  REQUIRE(c);
  CHECK(c->attributed_to == Chain{"Harbour Herald", "people familiar with the case"});
  CHECK(c->modality == Modality::kReported);
  auto colleague = Read("Pak Sung-il was sent back to Pyongyang in May, a former colleague said.");
  const Claim* r = Find(colleague, "repatriation");
  REQUIRE(r);
  CHECK(r->attributed_to == Chain{"Harbour Herald", "former colleague"});
}

TEST_CASE("an interview's answers are the interviewee's words; its questions are the outlet's") {
  auto qa = Read(
      "Former diplomat Pak Sung-il spoke to our correspondent in Seoul. Pak Sung-il served in Rome.\n\n"
      "Q: You arrived in South Korea in July.\n\n"
      "A: Yes. We crossed into the South quietly. I was ordered to return home in November.\n\n"
      "Q: What happened to your colleagues?\n\n"
      "A: Two of them were executed in the spring.\n");
  const Claim* arrived = Find(qa, "defection", "You arrived");
  REQUIRE(arrived);
  CHECK(arrived->attributed_to == Chain{"Harbour Herald"});
  const Claim* order = Find(qa, "order");
  REQUIRE(order);
  CHECK(order->attributed_to == Chain{"Harbour Herald", "Pak Sung-il"});
  CHECK(SubjectName(*order) == "Pak Sung-il");  // "I" is the one answering
  const Claim* executed = Find(qa, "execution");
  REQUIRE(executed);
  CHECK(executed->attributed_to == Chain{"Harbour Herald", "Pak Sung-il"});
  CHECK(executed->modality == Modality::kReported);
  // Named labels: each paragraph speaks for the person before the colon.
  auto named = Read(
      "Two former officials spoke to us.\n\n"
      "Ri Chol-min: My brother was arrested in 2015.\n\n"
      "Kim Ryon-hui: I fled in 2009.\n");
  const Claim* arrest = Find(named, "arrest");
  REQUIRE(arrest);
  CHECK(arrest->attributed_to == Chain{"Harbour Herald", "Ri Chol-min"});
  const Claim* fled = Find(named, "defection");
  REQUIRE(fled);
  CHECK(fled->attributed_to == Chain{"Harbour Herald", "Kim Ryon-hui"});
  // A who's who is no interview: a "Name:" paragraph speaks only in the first person, and a
  // paragraph that does not ends the answers.
  auto list = Read(
      "Who is who.\n\n"
      "Jang Song-thaek: Kim's uncle, who was executed in December 2013.\n\n"
      "Hyon Yong-chol: the defence minister, executed in 2015.\n");
  for (const auto& c : list.claims) CHECK(c.attributed_to == Chain{"Harbour Herald"});
  auto ended = Read(
      "Pak Sung-il spoke to us.\n\nQ: When did you leave?\n\nA: I fled in 2016.\n\n"
      "Q: And then?\n\nA: My brother was arrested in 2017.\n\n"
      "A soldier defected across the DMZ on Friday.\n");
  const Claim* soldier = Find(ended, "defection", "soldier");
  REQUIRE(soldier);
  CHECK(soldier->attributed_to == Chain{"Harbour Herald"});
  // Labels in bold are labels.
  auto bold = Read("Pak Sung-il spoke to us.\n\n**Q:** When did you leave?\n\n**A:** I fled in 2016.\n\n"
                   "**Q:** And then?\n\n**A:** My brother was arrested in 2017.\n");
  REQUIRE(Find(bold, "arrest"));
  CHECK(Find(bold, "arrest")->attributed_to == Chain{"Harbour Herald", "Pak Sung-il"});
  // A transcript's labels: a surname in capitals, maybe with how the words came, speaks for the
  // person of that surname the article names most.
  auto transcript = Read(
      "REPORTER: Kim Hyok-chol was one of them. Kim Hyok-chol swam across the river in 2011.\n\n"
      "KIM (through interpreter): I went in at night.\n\n"
      "KIM (through interpreter): My brother was arrested by Chinese police in 2014.\n");
  REQUIRE(Find(transcript, "arrest"));
  CHECK(Find(transcript, "arrest")->attributed_to == Chain{"Harbour Herald", "Kim Hyok-chol"});
  // A label names who speaks, no one spoken of: "she" is the sister the speaker told of.
  auto sister = Read(
      "Pak Eun-ok spoke to us.\n\nQ: How did you leave?\n\nPak: My younger sister and I walked across the ice in 2006.\n\n"
      "Q: Is your sister in Seoul?\n\nPak: No. She stayed in China, and in 2012 she was caught in Shenyang.\n");
  REQUIRE(Find(sister, "arrest"));
  CHECK(SubjectName(*Find(sister, "arrest")) != "Pak Eun-ok");
  // One "A:" is no interview.
  auto single = Read("A: Pak Sung-il fled to China in May.");
  REQUIRE(Find(single, "defection"));
  CHECK(Find(single, "defection")->attributed_to == Chain{"Harbour Herald"});
}

TEST_CASE("a headline's 'say reports' and a source that 'now says' cite") {
  auto headline = Read("Pak Sung-il 'executed over leaked document', say reports");
  REQUIRE(Find(headline, "execution"));
  CHECK(Find(headline, "execution")->modality == Modality::kReported);
  auto now = Read("The Joint Chiefs of Staff now says two ballistic missiles were launched on Monday.");
  const Claim* test = Find(now, "weapons_test");
  REQUIRE(test);
  CHECK(test->attributed_to == Chain{"Harbour Herald", "Joint Chiefs of Staff"});
  CHECK(test->attributes.at("missiles") == "2");
}

TEST_CASE("a stance in a later clause of the same sentence speaks to the event before it") {
  auto alive = Read("A newspaper reported that Kim Hyok-chol had been executed, but he was later seen alive.");
  std::vector<Modality> seen;
  for (const auto& c : alive.claims)
    if (c.type == "execution") seen.push_back(c.modality);
  CHECK(seen == std::vector<Modality>{Modality::kReported, Modality::kNegated});
  auto denied = Read("Pak Sung-il was arrested in May, but North Korea denied it.");
  std::vector<Modality> arrest;
  for (const auto& c : denied.claims)
    if (c.type == "arrest") arrest.push_back(c.modality);
  CHECK(arrest == std::vector<Modality>{Modality::kAsserted, Modality::kDenied});
}

TEST_CASE("a statement's preface gives its party to what follows") {
  auto ex = Read(
      "Pyongyang issued a statement on Sunday.\n\n"
      "The following is a translation of a statement carried by KCNA.\n\n"
      "The puppet military fired shots at our guard post on July 30.\n\n"
      "The traitor fled to the south in 2016.\n");
  const Claim* shots = Find(ex, "attack");
  REQUIRE(shots);
  CHECK(shots->attributed_to == Chain{"Harbour Herald", "KCNA"});
  const Claim* fled = Find(ex, "defection");
  REQUIRE(fled);
  CHECK(fled->attributed_to == Chain{"Harbour Herald", "KCNA"});
  CHECK(fled->modality == Modality::kReported);
  // The statement ends where the reporter cites someone again.
  auto ends = Read(
      "The following is a statement carried by KCNA.\n\nThe traitor fled to the south in 2016.\n\n"
      "Seoul's unification ministry said the defector had been arrested in 2017.\n\n"
      "Pak Sung-il was executed in 2018.\n");
  const Claim* executed = Find(ends, "execution");
  REQUIRE(executed);
  CHECK(executed->attributed_to == Chain{"Harbour Herald"});
  auto voa = Read("Pak Sung-il was executed in May, Voice of America reported.");
  REQUIRE(Find(voa, "execution"));
  CHECK(Find(voa, "execution")->attributed_to == Chain{"Harbour Herald", "Voice of America"});
  // Silence is no negation; "every" tells a class of events.
  auto silent = Read("North Korea has never acknowledged the killing of Kim Jong-nam.");
  REQUIRE(Find(silent, "assassination"));
  CHECK(Find(silent, "assassination")->modality != Modality::kNegated);
  auto every = Read("Every broker arrested makes people more afraid.");
  REQUIRE(Find(every, "arrest"));
  CHECK(Find(every, "arrest")->generic);
}

TEST_CASE("an agency named before is the one that reports, and its sources follow it") {
  auto ex = Read(
      "A North Korean trade official in Moscow has gone missing, according to Kyodo.\n\n"
      "Ri Chol-ho fled in April with his son, the agency reported, citing Russian officials.");
  const Claim* c = Find(ex, "defection", "Ri Chol-ho");
  REQUIRE(c);
  CHECK(c->attributed_to == Chain{"Harbour Herald", "Kyodo", "Russian officials"});
}

TEST_CASE("whom a source told is an audience, not a source") {
  auto ex = Read("The spy agency told a closed session of lawmakers that Ri Yong-su had been executed in March.");
  const Claim* c = Find(ex, "execution");
  REQUIRE(c);
  CHECK(c->attributed_to == Chain{"Harbour Herald", "National Intelligence Service"});
  // An outlet told is the medium: it comes first.
  auto medium = Read("Jon Kwang-ho defected in 2016, a government official told Yonhap.");
  REQUIRE(Find(medium, "defection"));
  CHECK(Find(medium, "defection")->attributed_to == Chain{"Harbour Herald", "Yonhap", "government official"});
  // Whom an outlet quotes is its source.
  auto quoted = Read("KCNA quoted an army spokesman as saying that the pilot defected in May.");
  REQUIRE(Find(quoted, "defection"));
  CHECK(Find(quoted, "defection")->attributed_to == Chain{"Harbour Herald", "KCNA", "army spokesman"});
}

TEST_CASE("lawmakers who were told by an agency relay it") {
  auto ex = Read("Choe Ryong-nam was executed in May, according to what opposition lawmakers were told by the country's spy agency.");
  const Claim* c = Find(ex, "execution");
  REQUIRE(c);
  CHECK(c->attributed_to == Chain{"Harbour Herald", "opposition lawmakers", "National Intelligence Service"});
}

TEST_CASE("cited parties: qualifiers, anonymity, collectives, members, capitals") {
  auto poss = Read("Mongolia's General Police Authority said Kim Song-chol was arrested in Ulaanbaatar in 2017.");
  REQUIRE(Find(poss, "arrest"));
  CHECK(Find(poss, "arrest")->attributed_to.back() == "General Police Authority");
  auto outlet = Read("Japan's Kyodo news agency said Han Song-ryong defected in March.");
  REQUIRE(Find(outlet, "defection"));
  CHECK(Find(outlet, "defection")->attributed_to == Chain{"Harbour Herald", "Kyodo"});
  // A bare "unnamed sources" adds nothing to the chain.
  auto vague = Read("Kyodo reported, citing unnamed sources, that Han Song-ryong defected in March.");
  REQUIRE(Find(vague, "defection"));
  CHECK(Find(vague, "defection")->attributed_to == Chain{"Harbour Herald", "Kyodo"});
  // "sources said" makes the claim reported, with no link of its own.
  auto sources = Read("Han Song-ryong defected in March, sources said.");
  REQUIRE(Find(sources, "defection"));
  CHECK(Find(sources, "defection")->attributed_to == Chain{"Harbour Herald"});
  CHECK(Find(sources, "defection")->modality == Modality::kReported);
  auto team = Read("A North Korean torpedo sank the trawler in 2014, a joint team of inspectors said.");
  REQUIRE(Find(team, "attack"));
  CHECK(Find(team, "attack")->attributed_to.back() == "joint inspectors");
  auto member = Read("Ko Yong-suk defected in 2018, a member of the parliament's foreign affairs committee said.");
  REQUIRE(Find(member, "defection"));
  CHECK(Find(member, "defection")->attributed_to.back() == "parliament foreign affairs committee member");
  auto familiar = Read("Ko Yong-suk defected in 2018, according to people familiar with the investigation.");
  REQUIRE(Find(familiar, "defection"));
  CHECK(Find(familiar, "defection")->attributed_to.back() == "people familiar with the investigation");
  auto capital = Read("Pyongyang has denied that its agents assassinated the dissident in 2015.");
  REQUIRE(Find(capital, "assassination"));
  CHECK(Find(capital, "assassination")->attributed_to.back() == "North Korea");
  auto abbrev = Read("Kang Chol-ung was executed in 2016, the National Intelligence Service (NIS) told reporters.");
  REQUIRE(Find(abbrev, "execution"));
  CHECK(Find(abbrev, "execution")->attributed_to.back() == "National Intelligence Service");
}

TEST_CASE("'the official' is the one from the body cited before") {
  auto ex = Read(
      "A JCS official said a soldier crossed the border on Sunday.\n\n"
      "Two guards fired at the man as he ran, the official said.");
  const Claim* c = Find(ex, "attack");
  REQUIRE(c);
  CHECK(c->attributed_to == Chain{"Harbour Herald", "Joint Chiefs of Staff"});
}

TEST_CASE("a quotation spanning sentences keeps its speaker") {
  auto ex = Read("\"Ri Hyon-u fled in June. He was arrested near the border in July,\" a police spokesman said.");
  const Claim* fled = Find(ex, "defection");
  REQUIRE(fled);
  CHECK(fled->attributed_to == Chain{"Harbour Herald", "police spokesman"});
  CHECK(fled->modality == Modality::kReported);
}

TEST_CASE("'reportedly' keeps the report just cited, not the report's own source") {
  auto ex = Read(
      "Kim Su-ryon left her post in Prague in March, Kyodo said, citing a diplomatic source. "
      "She was reportedly seeking asylum in Canada.");
  const Claim* c = Find(ex, "defection", "Canada");
  REQUIRE(c);
  CHECK(c->attributed_to == Chain{"Harbour Herald", "Kyodo"});
  CHECK(c->modality == Modality::kPlanned);
}

TEST_CASE("'reportedly' after an official's statement keeps no source") {
  auto ex = Read("A ministry spokesman said Ri Su-yong was executed in 2015. His aides were reportedly purged in 2016.");
  const Claim* c = Find(ex, "purge");
  REQUIRE(c);
  CHECK(c->attributed_to == Chain{"Harbour Herald"});
  CHECK(c->modality == Modality::kHedged);
}

TEST_CASE("a hedge governs the triggers of its own clause only") {
  auto ex = Read("Ri Song-gun was executed in 2012, and his deputy was reportedly purged a year later.");
  const Claim* exec = Find(ex, "execution");
  const Claim* purge = Find(ex, "purge");
  REQUIRE(exec);
  REQUIRE(purge);
  CHECK(exec->modality == Modality::kAsserted);
  CHECK(purge->modality == Modality::kHedged);
  // A cue in a clause with its own reporting verb says nothing of the next clause.
  auto alleged = Read("The ministry alleged that he had stolen state funds, and said he fled to avoid arrest.");
  REQUIRE(Find(alleged, "defection"));
  CHECK(Find(alleged, "defection")->modality == Modality::kReported);
  auto unclear = Read("It is unclear whether Jo Chol-min defected.");
  REQUIRE(Find(unclear, "defection"));
  CHECK(Find(unclear, "defection")->modality == Modality::kHedged);
  auto unverified = Read("Pak Chol was executed in 2017, but this could not be independently verified.");
  REQUIRE(Find(unverified, "execution"));
  CHECK(Find(unverified, "execution")->modality == Modality::kHedged);
}

TEST_CASE("hearsay, estimates, talk of reports, a condition on an account, a possibility and a request tell nothing happened") {
  const std::pair<const char*, Modality> cases[] = {
      {"We are hearing from a source inside the country that Kang Myong-chol was executed this week.", Modality::kHedged},
      {"Rights groups estimate that more than 300 people were executed in public since 2012.", Modality::kHedged},
      {"There were reports on social media that guards fired at the soldier as he ran.", Modality::kHedged},
      {"There were earlier reports that guards fired at the soldier as he ran.", Modality::kHedged},
      {"If the account is accurate, Hyon Yong-chol would be the most senior official executed since 2013.", Modality::kHedged},
      {"Kim Yo Jong could take over as leader if her brother dies.", Modality::kPlanned},
      {"Suppose that a general seized power, and that thousands of refugees fled to China.", Modality::kHedged},
      {"Pyongyang requested that Vietnamese authorities catch Ri Yong-ho and send him back to the North.", Modality::kOrdered},
  };
  for (const auto& [text, modality] : cases) {
    CAPTURE(text);
    auto ex = Read(text);
    REQUIRE_FALSE(ex.claims.empty());
    CHECK(ex.claims.front().modality == modality);
  }
  // An official who asked not to be named asks for nothing that is told.
  auto unnamed = Read("An official, who asked not to be named, said Han Chol-su defected in May.");
  REQUIRE(Find(unnamed, "defection"));
  CHECK(Find(unnamed, "defection")->modality == Modality::kReported);
}

TEST_CASE("negation governs only the trigger right after it") {
  auto ex = Read("The border guards did not fire their weapons when the soldier ran south.");
  REQUIRE(Find(ex, "attack"));
  CHECK(Find(ex, "attack")->modality == Modality::kNegated);
  auto none = Read("Norway said it had received no request for asylum from the sailor.");
  REQUIRE(Find(none, "defection"));
  CHECK(Find(none, "defection")->modality == Modality::kNegated);
  auto far = Read("Officials have not said why Jang Chol-min was arrested in 2014.");
  REQUIRE(Find(far, "arrest"));
  CHECK(Find(far, "arrest")->modality != Modality::kNegated);
  // "but not": "questioned as witnesses but not detained".
  auto but_not = Read("Two men were questioned as witnesses but not detained.");
  REQUIRE(Find(but_not, "arrest"));
  CHECK(Find(but_not, "arrest")->modality == Modality::kNegated);
  // A modal's negation: what will not happen.
  auto will_not = Read("The ministry said Pak Chol-min will not be sent back to the North.");
  REQUIRE(Find(will_not, "repatriation"));
  CHECK(Find(will_not, "repatriation")->modality == Modality::kNegated);
}

TEST_CASE("orders, attempts and plans govern the trigger they take") {
  auto ordered = Read("Kim Jong Un ordered the execution of the vice premier in 2016.");
  REQUIRE(Find(ordered, "execution"));
  CHECK(Find(ordered, "execution")->modality == Modality::kOrdered);
  auto passive = Read("The envoy was arrested in 2016 on the orders of the state security minister.");
  REQUIRE(Find(passive, "arrest"));
  CHECK(Find(passive, "arrest")->modality == Modality::kOrdered);
  auto causative = Read("The leader had his security chief executed in 2017.");
  REQUIRE(Find(causative, "execution"));
  CHECK(Find(causative, "execution")->modality == Modality::kOrdered);
  auto tried = Read("Two sailors tried to cross the border by boat in 2019.");
  REQUIRE(Find(tried, "defection"));
  CHECK(Find(tried, "defection")->modality == Modality::kAttempted);
  // The arrest before "trying to" happened; only what follows the cue was tried.
  auto caught = Read("Police arrested Yun Hak-son in 2015 as he was trying to board a ferry.");
  REQUIRE(Find(caught, "arrest"));
  CHECK(Find(caught, "arrest")->modality == Modality::kAsserted);
  auto planned = Read("The two engineers are hoping to defect to a third country.");
  REQUIRE(Find(planned, "defection"));
  CHECK(Find(planned, "defection")->modality == Modality::kPlanned);
}

TEST_CASE("a denial with no trigger denies the article's event, in the denier's voice") {
  auto ex = Read(
      "Hackers broke into the central bank's network in 2016 and stole $81 million, investigators said.\n\n"
      "The bank has since recovered part of the money.\n\n"
      "Pyongyang has always denied any role.");
  const Claim* denied = nullptr;
  for (const auto& c : ex.claims)
    if (c.modality == Modality::kDenied) denied = &c;
  REQUIRE(denied);
  CHECK(denied->type == "cyberattack");
  CHECK(denied->attributed_to == Chain{"Harbour Herald", "North Korea"});
  // A denial that is itself negated denies nothing.
  // Refused to someone is no party's denial.
  auto entry = Read("Ri Kwang-jin fled to Laos in 2013 and was denied entry to Thailand.");
  REQUIRE(Find(entry, "defection"));
  CHECK(Find(entry, "defection")->modality == Modality::kAsserted);
  auto nor = Read("Choe Hyon fled to the South in May. North Korea did not deny that he had defected.");
  for (const auto& c : nor.claims) CHECK(c.modality != Modality::kDenied);
}

TEST_CASE("calling a defection an abduction denies it") {
  auto ex = Read("Nine students defected in March, which Pyongyang called an abduction by Seoul's agents.");
  const Claim* c = Find(ex, "defection");
  REQUIRE(c);
  CHECK(c->modality == Modality::kDenied);
  CHECK(c->attributed_to == Chain{"Harbour Herald", "North Korea"});
}

TEST_CASE("assessments and reappearances take a stance on the event told before") {
  auto ex = Read(
      "State media said the violinist Ro Mi-ok was executed in 2014. She reappeared on a concert stage in 2016.");
  bool negated = false;
  for (const auto& c : ex.claims) negated = negated || (c.type == "execution" && c.modality == Modality::kNegated);
  CHECK(negated);
  auto assess = Read(
      "Hackers breached the exchange's servers in 2018.\n\n"
      "In our view the operation bears the signature of a state unit.");
  const Claim* hedged = nullptr;
  for (const auto& c : assess.claims)
    if (c.modality == Modality::kHedged) hedged = &c;
  REQUIRE(hedged);
  CHECK(hedged->type == "cyberattack");
  CHECK(hedged->attributed_to == Chain{"Harbour Herald"});
}

TEST_CASE("seen in public again or the report shown wrong negates; of the person the sentence names") {
  auto negated = [](const Extraction& ex) {
    int n = 0;
    for (const auto& c : ex.claims) n += c.type == "execution" && c.modality == Modality::kNegated;
    return n;
  };
  CHECK(negated(Read("A newspaper said the general Ri Yong-gil was executed in February. "
                     "Ri Yong-gil made a public appearance at a party congress in May.")) == 1);
  CHECK(negated(Read("A newspaper said the singer Ro Mi-ok was executed in 2013. That report later proved false.")) == 1);
  CHECK(negated(Read("Ri Yong-gil, who was widely reported to have been executed in February, is evidently alive.")) == 1);
  // Someone else seen in public says nothing of the execution told before.
  CHECK(negated(Read("A newspaper said the general Ri Yong-gil was executed in February. "
                     "Kim Jong Un made a public appearance at a fertiliser plant on Friday.")) == 0);
  // Nor someone else's sighting, a relative's, a hope's or a retraction of another report.
  const char* told = "The army chief Ri Yong-gil was executed in February, a source said. ";
  for (const char* other : {"Kim Jong Un made a public appearance at a parade on Saturday, days after reports that he had "
                            "Ri Yong-gil executed.",
                            "His widow reappeared in public on Sunday.", "Hopes for reform were alive but fading, analysts said.",
                            "Rumours that his aides had fled to China proved false.",
                            "The leader was seen again in Pyongyang on Sunday."}) {
    CAPTURE(other);
    CHECK(negated(Read(std::string(told) + other)) == 0);
  }
  CHECK(negated(Read(std::string(told) + "That report later proved false.")) == 1);
  CHECK(negated(Read(std::string(told) + "He was seen again at a party meeting in May.")) == 1);
  // A pronoun is the person named just before it: here another man, whose death was rumoured.
  CHECK(negated(Read(std::string(told) + "In 2020 there were rumours that Kim Jong Un had died after heart surgery; "
                                         "he reappeared at a fertiliser factory on May 1.")) == 0);
  // Nor does a bare "is alive" under doubt.
  CHECK(negated(Read("The general Ri Yong-gil was executed in February, a source said. "
                     "None of this means that he is alive.")) == 0);
}

TEST_CASE("a fact-check's claim under review is hedged and its verdict negates; reports dismissed past a noun are denied") {
  auto check = Read("CLAIM: The envoy Kim Hyok-chol was executed by firing squad in March.\n\nVERDICT: False.");
  std::vector<Modality> seen;
  for (const auto& c : check.claims)
    if (c.type == "execution") seen.push_back(c.modality);
  CHECK(seen == std::vector<Modality>{Modality::kHedged, Modality::kNegated});
  auto unproven = Read("CLAIM: The envoy Kim Hyok-chol was executed by firing squad in March.\n\nRating: Unproven.");
  for (const auto& c : unproven.claims) CHECK(c.modality == Modality::kHedged);
  auto dismissed = Read("The North's news agency dismissed the execution reports as a slander.");
  REQUIRE(Find(dismissed, "execution"));
  CHECK(Find(dismissed, "execution")->modality == Modality::kDenied);
  auto lie = Read("KCNA accused Seoul of spreading the lie that performers were shot in Pyongyang.");
  REQUIRE(Find(lie, "attack"));
  CHECK(Find(lie, "attack")->modality == Modality::kDenied);
  // A denial stops at a clause that opens after it and at its speaker's own next statement.
  auto own = Read("Seoul dismissed the North's claims as groundless and said North Korean troops had shelled the island first.");
  REQUIRE(Find(own, "attack"));
  CHECK(Find(own, "attack")->modality == Modality::kAsserted);
  auto fled = Read("The villagers believed the lie that Americans had bombed their village, before they fled to China in 2009.");
  REQUIRE(Find(fled, "defection"));
  CHECK(Find(fled, "defection")->modality != Modality::kDenied);
  auto reports = Read("Malaysian police denied reports that a fourth suspect had been detained over the killing.");
  REQUIRE(Find(reports, "arrest"));
  CHECK(Find(reports, "arrest")->modality == Modality::kDenied);
  auto unverified = Read("The agency said the execution of Ri Yong-gil had not been verified.");
  REQUIRE(Find(unverified, "execution"));
  CHECK(Find(unverified, "execution")->modality == Modality::kHedged);
}

TEST_CASE("an accusation of a counted deed of its own restates no event told before") {
  auto ex = Read("Kim Jong-nam was killed with VX at Kuala Lumpur airport in February 2017.\n\n"
                 "Nov. 7, 2019: Seoul deports two fishermen accused of killing 16 crewmates.\n");
  size_t assassinations = 0;
  for (const Claim& c : ex.claims) assassinations += c.type == "assassination";
  CHECK(assassinations == 1);
}

TEST_CASE("an accusation's gerund clause dates the deed it tells; a date on the accusation does not") {
  auto ex = Read(
      "Ko Yong-ae was poisoned at a hotel in Bangkok.\n\n"
      "Two men were accused of spraying a toxin at her in the lobby on 4 May 2015, killing her within an hour.");
  const Claim* hedged = nullptr;
  for (const auto& c : ex.claims)
    if (c.modality == Modality::kHedged) hedged = &c;
  REQUIRE(hedged);
  CHECK(hedged->type == "assassination");
  CHECK(hedged->date.start == Date(2015, 5, 4));
  auto charge = Read(
      "Ko Yong-ae was poisoned at a hotel in Bangkok.\n\n"
      "Two men were accused on 9 May 2015 of the crime.");
  for (const auto& c : charge.claims)
    if (c.modality == Modality::kHedged) CHECK_FALSE(c.date.known());
}

TEST_CASE("a dream of power is a plan, not a seizure") {
  auto ex = Read("State media said Ri Yong-ho had dreamt of seizing power once the economy collapsed.");
  const Claim* c = Find(ex, "taking_power");
  REQUIRE(c);
  CHECK(c->modality == Modality::kPlanned);
  auto plot = Read("A tribunal convicted Ri Yong-ho of plotting to seize power, state media said.");
  REQUIRE(Find(plot, "taking_power"));
  CHECK(Find(plot, "taking_power")->modality == Modality::kPlanned);
}

TEST_CASE("a person cited by surname is named in full in the chain") {
  auto ex = Read(
      "The news came from Thae Yong-ho, a former diplomat.\n\n"
      "Yonhap reported, citing Thae, that Ri Kwang-il fled to China in May.");
  const Claim* c = Find(ex, "defection", "Ri Kwang-il");
  REQUIRE(c);
  CHECK(c->attributed_to == Chain{"Harbour Herald", "Yonhap", "Thae Yong-ho"});
}

TEST_CASE("a hedge in a participle clause after a comma hedges that clause, not the event before it") {
  auto ex = Read("Pak Chol-su was caught at the border in 2001, reportedly telling guards he was lost.");
  const Claim* c = NthOfType(ex.claims, "arrest");
  REQUIRE(c);
  CHECK(c->modality == Modality::kAsserted);
  auto hedged = Read("Reportedly, Pak Chol-su was caught at the border in 2001, telling guards he was lost.");
  REQUIRE(NthOfType(hedged.claims, "arrest"));
  CHECK(NthOfType(hedged.claims, "arrest")->modality == Modality::kHedged);
  // ", according to ...", ", including ..." go on with the clause: its hedge is the event's.
  auto according = Read("Pak Chol-su was executed in 2015, according to unconfirmed reports.");
  REQUIRE(NthOfType(according.claims, "execution"));
  CHECK(NthOfType(according.claims, "execution")->modality == Modality::kHedged);
  // "following ..." tells another event, which keeps its own cues.
  auto following = Read("Ri Song-il reportedly defected to the South, following the execution of Jang Song-thaek in 2013.");
  REQUIRE(NthOfType(following.claims, "execution"));
  CHECK(NthOfType(following.claims, "execution")->modality == Modality::kAsserted);
}

TEST_CASE("an order governs the first event after it; its relations time the order, not the deed") {
  auto ex = Read("Kim Chol-su issued an order for the arrest of Pak Song-il soon after taking power in 2012.");
  const Claim* arrest = NthOfType(ex.claims, "arrest");
  const Claim* power = NthOfType(ex.claims, "taking_power");
  REQUIRE(arrest);
  REQUIRE(power);
  CHECK(arrest->modality == Modality::kOrdered);
  CHECK(power->modality == Modality::kAsserted);
  CHECK(arrest->relations.empty());
  // One order, two deeds coordinated under it.
  auto both = Read("Kim Chol-su ordered the arrest and execution of Pak Song-il.");
  REQUIRE(NthOfType(both.claims, "arrest"));
  REQUIRE(NthOfType(both.claims, "execution"));
  CHECK(NthOfType(both.claims, "arrest")->modality == Modality::kOrdered);
  CHECK(NthOfType(both.claims, "execution")->modality == Modality::kOrdered);
  // A cue inside a relative clause stays there: the arrest happened.
  for (const char* text : {"A North Korean soldier who tried to defect was arrested by guards.",
                           "The soldier, who tried to defect, was arrested on Tuesday.",
                           "A diplomat who had planned to defect was arrested in Beijing."}) {
    CAPTURE(text);
    auto ex = Read(text);
    REQUIRE(NthOfType(ex.claims, "arrest"));
    CHECK(NthOfType(ex.claims, "arrest")->modality == Modality::kAsserted);
  }
}

TEST_CASE("'by the command's count' cites the organisation named before") {
  auto ex = Read(
      "The United Nations Command released the footage on Wednesday.\n\n"
      "By the command's count, guards fired about 40 rounds at the soldier.");
  const Claim* c = Find(ex, "attack", "count");
  REQUIRE(c);
  CHECK(c->modality == Modality::kReported);
  CHECK(c->attributed_to == Chain{"Harbour Herald", "United Nations Command"});
  auto estimate = Read("By Seoul's estimate, the guards fired 40 rounds at the border post.");
  REQUIRE(Find(estimate, "attack"));
  CHECK(Find(estimate, "attack")->attributed_to == Chain{"Harbour Herald", "South Korea"});
}

TEST_CASE("a quotation that runs on over a paragraph break is its speaker's, named before it opened") {
  auto ex = Read(
      "Choi Mi-ran described what she saw in Hyesan.\n\n"
      "\"They brought three men to the riverbank in the autumn. I was standing near the front.\n\n"
      "\"The men were shot by the firing squad. Nobody was allowed to leave,\" she said.\n");
  REQUIRE(Find(ex, "execution"));
  CHECK(Find(ex, "execution")->attributed_to == Chain{"Harbour Herald", "Choi Mi-ran"});
}

TEST_CASE("'according to a report by' cites the report's author") {
  auto ex = Read("Ri Song-chol was dismissed last month, according to a report by the National Intelligence Service.");
  REQUIRE(Find(ex, "purge"));
  CHECK(Find(ex, "purge")->attributed_to == Chain{"Harbour Herald", "National Intelligence Service"});
}

TEST_CASE("an adverb between 'has' and the reporting verb still cites: 'The JCS has now said'") {
  auto ex = Read("The JCS has now said that no shots were fired from either side.");
  REQUIRE(Find(ex, "attack"));
  CHECK(Find(ex, "attack")->modality == Modality::kNegated);
  CHECK(Find(ex, "attack")->attributed_to == Chain{"Harbour Herald", "Joint Chiefs of Staff"});
}

TEST_CASE("a party cited across 'but' speaks for its own clause; 'but that' is the same speaker's") {
  auto ex = Read("The North denied that its troops had shelled the island, but the South's military said it had returned fire.");
  const Claim* shelled = nullptr;
  const Claim* returned = nullptr;
  for (const auto& c : ex.claims) {
    if (c.rule == "attack.shelling") shelled = &c;
    if (c.rule == "attack.return_fire") returned = &c;
  }
  REQUIRE(shelled);
  REQUIRE(returned);
  CHECK(shelled->attributed_to == Chain{"Harbour Herald", "North Korea"});
  CHECK(shelled->modality == Modality::kDenied);
  CHECK(returned->attributed_to == Chain{"Harbour Herald", "Joint Chiefs of Staff"});
  // A clause that disputes the event is no source of it.
  for (const char* text : {"Pak Song-il was assassinated in Malaysia in 2017, but Pyongyang denied involvement.",
                           "Ri Chol-min was executed in 2015, but the NIS said it could not confirm the report.",
                           "The soldier defected across the DMZ on Monday, but North Korea said he was kidnapped."}) {
    CAPTURE(text);
    auto ex = Read(text);
    REQUIRE(!ex.claims.empty());
    const Claim& first = ex.claims.front();
    CHECK(first.attributed_to == Chain{"Harbour Herald"});
  }
  // One clause with "but" inside it, and a source for all of it.
  auto survived = Read("The soldier was shot at least five times but survived, the Joint Chiefs of Staff said.");
  REQUIRE(Find(survived, "attack"));
  CHECK(Find(survived, "attack")->attributed_to == Chain{"Harbour Herald", "Joint Chiefs of Staff"});
  auto same = Read("The ministry said Pak Song-il had been purged but that it had not confirmed he was executed.");
  const Claim* executed = Find(same, "execution");
  REQUIRE(executed);
  CHECK(executed->attributed_to.size() == 2);
}

TEST_CASE("a speaker named with a title, or as 'he', is cited by name; figures that show are a source") {
  auto titled = Read("Lieutenant Colonel Ri Chol-min, who fled last year, told reporters that he had been purged.");
  REQUIRE(Find(titled, "defection"));
  CHECK(Find(titled, "defection")->attributed_to == Chain{"Harbour Herald", "Ri Chol-min"});
  auto pronoun = Read("Col. Pak Song-il defected in 2017, crossing the Yalu River at night, he said in an interview.");
  REQUIRE(Find(pronoun, "defection"));
  CHECK(Find(pronoun, "defection")->attributed_to == Chain{"Harbour Herald", "Pak Song-il"});
  CHECK(Find(pronoun, "defection")->modality == Modality::kReported);
  // Not a person named inside the quotation; not someone a relative speaks of.
  auto quoted = Read("Thae Yong-ho defected in 2016. \"Kim Jong Un ordered the execution of Jang Song-thaek,\" he said.");
  REQUIRE(Find(quoted, "execution"));
  CHECK(Find(quoted, "execution")->attributed_to == Chain{"Harbour Herald", "Thae Yong-ho"});
  // With no one outside the quotation to stand for, "she said" still makes it a report.
  auto nobody = Read("\"Ri Chol-min was executed,\" she said.");
  REQUIRE(Find(nobody, "execution"));
  CHECK(Find(nobody, "execution")->modality == Modality::kReported);
  CHECK(Find(nobody, "execution")->attributed_to == Chain{"Harbour Herald"});
  auto wife = Read("The wife of Ri Chol-min said he was arrested in May.");
  REQUIRE(Find(wife, "arrest"));
  for (const auto& p : Find(wife, "arrest")->attributed_to) CHECK(p != "Ri Chol-min");
  auto figures = Read("About 31,000 North Koreans had defected by 2017, official figures show.");
  REQUIRE(Find(figures, "defection"));
  CHECK(Find(figures, "defection")->attributed_to == Chain{"Harbour Herald", "official figures"});
}

TEST_CASE("a rights group is a party; a capital speaks for its state") {
  auto ex = Read("China ordered the repatriation of 50 escapees last month, a rights group claimed.");
  REQUIRE(Find(ex, "repatriation"));
  CHECK(Find(ex, "repatriation")->attributed_to == Chain{"Harbour Herald", "rights group"});
  auto denied = Read("Fifty escapees were repatriated last month. Beijing has repeatedly denied forcibly returning defectors.");
  const Claim* denial = nullptr;
  for (const auto& c : denied.claims)
    if (c.modality == Modality::kDenied) denial = &c;
  REQUIRE(denial);
  CHECK(denial->attributed_to == Chain{"Harbour Herald", "China"});
}

TEST_CASE("a cited official is no unnamed subject of the event") {
  auto ex = Read("Yonhap, citing a military official, reported that the explosion was heard in Paju.");
  const Claim* c = Find(ex, "attack");
  REQUIRE(c);
  for (const auto& p : c->participants) CHECK(p.role != "subject");
  auto told = Read("A former official was arrested in Sinuiju last week.");
  REQUIRE(Find(told, "arrest"));
  bool described = false;
  for (const auto& p : Find(told, "arrest")->participants) described = described || p.descriptor == "official";
  CHECK(described);
}

TEST_CASE("quote marks between an order and its deed do not stop the order") {
  for (const char* text : {"Kim Chol-su issued a \"standing order\" for the arrest of Pak Song-il.",
                           "Kim Chol-su issued a \xE2\x80\x98standing order\xE2\x80\x99 for the arrest of Pak Song-il."}) {
    CAPTURE(text);
    auto ex = Read(text);
    REQUIRE(NthOfType(ex.claims, "arrest"));
    CHECK(NthOfType(ex.claims, "arrest")->modality == Modality::kOrdered);
  }
}

TEST_CASE("a killing someone ordered is ordered, and a later clause's date is not its date") {
  auto ex = Read(
      "Officials said Kim Chol-su had issued an order for his rival to be killed soon after taking "
      "power, and that an earlier attempt on Pak Song-il's life had been made in 2012.");
  const Claim* ordered = nullptr;
  for (const auto& c : ex.claims)
    if (c.type == "assassination" && c.modality == Modality::kOrdered) ordered = &c;
  REQUIRE(ordered);
  CHECK_FALSE(ordered->date.known());
  const Claim* attempt = NthOfType(ex.claims, "assassination", 1);
  REQUIRE(attempt);
  CHECK(attempt->modality == Modality::kAttempted);
  CHECK(attempt->date.start == Date(2012, 1, 1));
  // Fear of being killed, or an order to do something else, orders no killing.
  for (const char* text : {"He defected in order not to be killed like his uncle Jang Song-thaek.",
                           "Ri Chol-ho fled because he feared he was going to be killed after disobeying an order to return."}) {
    CAPTURE(text);
    auto other = Read(text);
    CHECK_FALSE(NthOfType(other.claims, "assassination"));
  }
  auto bare = Read("Thae Yong-ho said there was an order for him to be killed.");
  REQUIRE(NthOfType(bare.claims, "assassination"));
  CHECK(NthOfType(bare.claims, "assassination")->modality == Modality::kOrdered);
}

TEST_CASE("a plan keeps its relations: they time what is planned") {
  auto ex = Read("Pyongyang plans to carry out a nuclear test two weeks after the party congress.");
  const Claim* test = NthOfType(ex.claims, "weapons_test");
  REQUIRE(test);
  CHECK(test->modality == Modality::kPlanned);
  CHECK_FALSE(test->relations.empty());
}

TEST_CASE("a comma, a coordinator and a clause of its own: its date and its source are not the first clause's") {
  auto ex = Read("In 2013, Kim Jong Un had his uncle Pak Song-min executed for treason, and last year the NIS said "
                 "more officials had been purged.");
  const Claim* e = Find(ex, "execution");
  REQUIRE(e);
  CHECK(e->date.start == Date(2013, 1, 1));
  CHECK(e->attributed_to == Chain{"Harbour Herald"});
  // The same subject's next deed, and a list that goes on, stay the speaker's.
  auto deed = Read("Ri Chol-ho said he was arrested in March, and recently ordered his men to flee.");
  const Claim* a = Find(deed, "arrest");
  REQUIRE(a);
  CHECK(a->attributed_to == Chain{"Harbour Herald", "Ri Chol-ho"});
  auto list = Read("Rights groups say those sent back face torture, prison camps, and in some cases execution.");
  const Claim* x = Find(list, "execution");
  REQUIRE(x);
  CHECK(x->attributed_to.size() >= 2);
  // The coordinated clause's own speaker right after the coordinator: not the first clause's.
  auto nis = Read("The soldier Pak Song-min defected in 2017, and the NIS said the border was quiet.");
  REQUIRE(Find(nis, "defection"));
  CHECK(Find(nis, "defection")->attributed_to == Chain{"Harbour Herald"});
  // A speaker told after a comma at the end speaks for every clause.
  auto whole = Read("Pak Song-min was arrested and executed, and his aides were purged, Yonhap reported.");
  for (const char* type : {"arrest", "execution", "purge"}) {
    CAPTURE(type);
    REQUIRE(Find(whole, type));
    CHECK(Find(whole, type)->attributed_to == Chain{"Harbour Herald", "Yonhap"});
  }
  // A date told before both clauses dates both.
  auto fronted = Read("In June last year, the leaders fell out, and Pak Song-min was arrested.");
  const Claim* f = Find(fronted, "arrest");
  REQUIRE(f);
  CHECK(f->date.start == Date(2017, 6, 1));
}

TEST_CASE("a sentence's subject goes on speaking in a participle, of what follows it only") {
  auto further = Read("The Chosun Ilbo went further, reporting that as many as 15 officials were executed in March.");
  const Claim* e = Find(further, "execution");
  REQUIRE(e);
  CHECK(e->modality == Modality::kReported);
  CHECK(e->attributed_to == Chain{"Harbour Herald", "Chosun Ilbo"});
  auto saying = Read("Yonhap went further on Tuesday, saying the general had been executed.");
  REQUIRE(Find(saying, "execution"));
  CHECK(Find(saying, "execution")->attributed_to == Chain{"Harbour Herald", "Yonhap"});
  // After a speaker just cited, the participle is that speaker's: not the sentence's subject too.
  auto adding = Read("Kim Jong Un oversaw the test, KCNA said, adding that the missile was launched in May.");
  REQUIRE(Find(adding, "weapons_test"));
  CHECK(Find(adding, "weapons_test")->attributed_to == Chain{"Harbour Herald", "KCNA"});
  // The deed before the cue is the outlet's own telling.
  auto drill = Read("North Korea fired three ballistic missiles on Tuesday, saying the launch was a drill.");
  REQUIRE(Find(drill, "weapons_test"));
  CHECK(Find(drill, "weapons_test")->attributed_to == Chain{"Harbour Herald"});
}

TEST_CASE("'It said' is the outlet or organisation cited just before, never a person") {
  auto it = Read("The Chosun Ilbo reported on Friday that a purge was under way in the foreign ministry. "
                 "It said the general had been executed in March.");
  const Claim* e = Find(it, "execution");
  REQUIRE(e);
  CHECK(e->attributed_to == Chain{"Harbour Herald", "Chosun Ilbo"});
  auto person = Read("Thae Yong-ho said on Friday that a purge was under way. It said the general had been executed.");
  REQUIRE(Find(person, "execution"));
  CHECK(Find(person, "execution")->attributed_to == Chain{"Harbour Herald"});
  auto far = Read("The Chosun Ilbo reported on Friday that a purge was under way. The talks stalled. Few expected "
                  "progress. Nobody came. It said the general had been executed.");
  REQUIRE(Find(far, "execution"));
  CHECK(Find(far, "execution")->attributed_to == Chain{"Harbour Herald"});
}

TEST_CASE("'nor is it true that' and 'no such incident' deny") {
  auto nor = Read("Nor is it true that our authorities detained an American citizen in May.");
  REQUIRE(Find(nor, "arrest"));
  CHECK(Find(nor, "arrest")->modality == Modality::kDenied);
  auto none = Read("South Korean media claimed that a soldier defected across the border in June. "
                   "No such incident has ever happened.");
  bool denied = false;
  for (const auto& c : none.claims) denied = denied || (c.type == "defection" && c.modality == Modality::kDenied);
  CHECK(denied);
}

TEST_CASE("a source with a relative clause of its own speaks: 'A defector who fled in 2019 said'") {
  auto ex = Read("A defector who fled in 2019 said three men were executed in Hyesan.");
  const Claim* e = Find(ex, "execution");
  REQUIRE(e);
  CHECK(e->modality == Modality::kReported);
  CHECK(e->attributed_to == Chain{"Harbour Herald", "defector"});
  // A subject that is no source noun stays unnamed as a source.
  auto plain = Read("The general who led the unit said nothing; two officers were executed in 2016.");
  REQUIRE(Find(plain, "execution"));
  CHECK(Find(plain, "execution")->attributed_to == Chain{"Harbour Herald"});
}

TEST_CASE("witnesses told by who they are speak, and the speaker is no subject of what is told") {
  // People described, not named and without a source noun of old: reported by them.
  for (const char* text : {"A woman in her 40s who left in 2019 said three men were executed in Hyesan.",
                           "A former soldier said two guards were executed at the border last year."}) {
    auto ex = Read(text);
    const Claim* e = Find(ex, "execution");
    REQUIRE_MESSAGE(e, text);
    CHECK_MESSAGE(e->modality == Modality::kReported, text);
    CHECK_MESSAGE(e->attributed_to.size() == 2, text);
    // The three men were executed, not the woman who tells it.
    CHECK_MESSAGE(SubjectName(*e) == "", text);
  }
  // The people counted after "of" are the event's, not the witness a pronoun stands for.
  auto watched = Read("A woman in her 40s said she had been made to watch the execution of three young men in Hyesan in 2017.");
  REQUIRE(Find(watched, "execution"));
  CHECK(SubjectName(*Find(watched, "execution")) == "men");
  // Where a witness is from is no party; a man named after a woman is not her.
  auto from = Read("A woman said two guards were executed in 2018. A man in his 50s from Chongjin, who fled last year, "
                   "said a teacher was arrested in 2019.");
  REQUIRE(Find(from, "arrest"));
  CHECK(Find(from, "arrest")->attributed_to.back() == "man");
  // The one told of after the verb, not the teller before it.
  auto heard = Read("A former border guard, who gave only his surname, said he had heard that an officer in his unit was executed in 2021.");
  REQUIRE(Find(heard, "execution"));
  CHECK(SubjectName(*Find(heard, "execution")) == "officer");
  // After the cue, the one it happened to: "a teacher", not the official.
  auto told = Read("A North Korean official said a teacher was arrested in March.");
  REQUIRE(Find(told, "arrest"));
  CHECK(SubjectName(*Find(told, "arrest")) == "teacher");
  // A pronoun takes the speaker up: the soldier was beaten.
  auto own = Read("The soldier told reporters he was arrested in 2015.");
  REQUIRE(Find(own, "arrest"));
  CHECK(SubjectName(*Find(own, "arrest")) != "");
  // A relative clause closed by a comma is no speaker's: the surgeon speaks, not the soldier.
  auto surgeon = Read("A soldier who was shot as he fled is recovering, the surgeon treating him said.");
  for (const Claim& c : surgeon.claims)
    for (const std::string& party : c.attributed_to) CHECK(party.find("soldier") == std::string::npos);
}

TEST_CASE("a yes-no question, a passive report and newspapers hedge or report; sightings refute") {
  auto asked = Read("Was Hyon Yong-chol really executed in 2015?");
  REQUIRE(Find(asked, "execution"));
  CHECK(Find(asked, "execution")->modality == Modality::kHedged);
  // A question's word that opens no question, or a question mark without one: as before.
  auto told = Read("Hyon Yong-chol was executed in 2015, wasn't he?");
  REQUIRE(Find(told, "execution"));
  CHECK(Find(told, "execution")->modality == Modality::kAsserted);
  // What would follow if a report were confirmed.
  auto would = Read("If confirmed, Ri would be the most senior official executed since 2013.");
  REQUIRE(Find(would, "execution"));
  CHECK(Find(would, "execution")->modality == Modality::kHedged);
  auto since = Read("If confirmed as a defection, Jo's case would be the most senior since Thae Yong-ho fled to the South in 2016.");
  for (const Claim& c : since.claims)
    if (SubjectName(c) == "Thae Yong-ho") CHECK(c.modality == Modality::kAsserted);
  // Hearsay: "I heard he was sentenced".
  auto heard = Read("\"I heard he was sentenced to 15 years in a labour camp,\" she said.");
  REQUIRE(Find(heard, "sentencing"));
  CHECK(Find(heard, "sentencing")->modality == Modality::kHedged);
  auto passive = Read("Ri Yong-gil was reported executed in 2016.");
  REQUIRE(Find(passive, "execution"));
  CHECK(Find(passive, "execution")->modality == Modality::kHedged);
  auto paper = Read("The Chosun Ilbo reported on Friday that Kim Yong-chol had been purged. The paper said that Kim Hyok-chol had been executed in March.");
  REQUIRE(Find(paper, "execution"));
  CHECK(Find(paper, "execution")->attributed_to.back() == "Chosun Ilbo");
  auto papers = Read("In 2013, several South Korean newspapers reported that the singer had been executed.");
  REQUIRE(Find(papers, "execution"));
  CHECK(Find(papers, "execution")->modality == Modality::kReported);
  for (const char* sighting : {"He reappears three months later at a party congress.",
                               "In 2016 he appeared on state television, very much alive.",
                               "He turned up at a party meeting in May."}) {
    auto ex = Read(std::string("Ri Yong-gil was executed in February 2016. ") + sighting);
    bool negated = false;
    for (const Claim& c : ex.claims) negated = negated || (c.type == "execution" && c.modality == Modality::kNegated);
    CHECK_MESSAGE(negated, sighting);
  }
}

TEST_CASE("'rather than' negates only the deed right after it; made-up stories in state media deny") {
  auto rank = Read("The Chosun Ilbo, which identified Jon as a first secretary rather than a counsellor, said he fled his post in early August.");
  REQUIRE(Find(rank, "defection"));
  CHECK(Find(rank, "defection")->modality == Modality::kReported);
  auto demoted = Read("The general was demoted rather than executed in 2015.");
  REQUIRE(Find(demoted, "execution"));
  CHECK(Find(demoted, "execution")->modality == Modality::kNegated);
  for (const char* text : {"KCNA said the puppet media concocted the rubbish that a vice-minister was executed in February.",
                           "KCNA accused Seoul of spreading a preposterous rumour that twenty officials were executed."}) {
    auto ex = Read(text);
    REQUIRE_MESSAGE(Find(ex, "execution"), text);
    CHECK_MESSAGE(Find(ex, "execution")->modality == Modality::kDenied, text);
  }
  // A rumour told, not one someone is accused of spreading: hedged.
  auto rumour = Read("Rumours that twenty officials were executed spread in Pyongyang last year.");
  REQUIRE(Find(rumour, "execution"));
  CHECK(Find(rumour, "execution")->modality == Modality::kHedged);
}

TEST_CASE("a credit line under an entry cites the entry's sentences that cite no one") {
  auto ex = Read("**07:14** \u2014 North Korea fired a ballistic missile toward the East Sea. No details yet.\n"
                 "Source: JCS text message to reporters\n\n"
                 "**07:30** \u2014 A second missile was fired from near Pyongyang, Japan's defence ministry said.\n"
                 "Source: Kyodo\n\n"
                 "**08:00** \u2014 North Korea fired a third missile.\n");
  REQUIRE(ex.claims.size() == 3);
  // The first entry cites its credit; the second keeps its own speaker; the third, with no
  // credit line in its paragraph, is the outlet's.
  CHECK(ex.claims[0].modality == Modality::kReported);
  CHECK(ex.claims[0].attributed_to.size() == 2);
  CHECK(ex.claims[1].attributed_to.size() == 2);
  CHECK(ex.claims[1].attributed_to.back().find("efen") != std::string::npos);
  CHECK(ex.claims[2].attributed_to.size() == 1);
  CHECK(ex.claims[2].modality == Modality::kAsserted);
  // "Source" inside a sentence is no label.
  auto inside = Read("The source: a defector who fled in 2019. North Korea fired a missile.");
  REQUIRE(Find(inside, "weapons_test"));
  CHECK(Find(inside, "weapons_test")->attributed_to.size() == 1);
}

TEST_CASE("a pronoun no one near it names is no leader defecting or sentenced") {
  auto ex = Read("A North Korean soldier crossed the border on Monday. Troops spotted him at night. He was taken "
                 "into a base. \"He has expressed his intention to defect,\" an official told reporters. The "
                 "border has been fortified since Kim Jong Un called the South an enemy.");
  for (const Claim& c : ex.claims)
    if (c.type == "defection") CHECK(SubjectName(c) != "Kim Jong Un");
  // Named near it, he is still the leader: "Kim Jong Un ordered ... He oversaw a launch".
  auto near = Read("Kim Jong Un ordered more tests in May. He took power in December 2011.");
  REQUIRE(Find(near, "taking_power"));
  CHECK(SubjectName(*Find(near, "taking_power")) == "Kim Jong Un");
}

TEST_CASE("relays named in a relative clause or a passive, and sources not quoted") {
  auto which = Read("According to Yonhap, which cited the NIS, Ri Yong-gil was executed in February 2016.");
  REQUIRE(Find(which, "execution"));
  CHECK(Find(which, "execution")->attributed_to.size() == 3);
  auto without = Read("The Chosun Ilbo said, without quoting a named source, that five officials were executed in March.");
  REQUIRE(Find(without, "execution"));
  CHECK(Find(without, "execution")->attributed_to == Chain{"Harbour Herald", "Chosun Ilbo"});
  auto by = Read("Ri Yong-gil was reported by Seoul in February 2016 to have been executed.");
  REQUIRE(Find(by, "execution"));
  CHECK(Find(by, "execution")->modality == Modality::kReported);
  CHECK(Find(by, "execution")->attributed_to.size() == 2);
}

TEST_CASE("a negation of seeing or knowing is no negation of the deed") {
  auto court = Read("In 2003 a court I never saw sentenced me to five years in a camp.");
  REQUIRE(Find(court, "sentencing"));
  CHECK(Find(court, "sentencing")->modality != Modality::kNegated);
  auto never = Read("He was never sentenced, his lawyer said.");
  REQUIRE(Find(never, "sentencing"));
  CHECK(Find(never, "sentencing")->modality == Modality::kNegated);
}

TEST_CASE("an excerpt of someone's memoir is that person's account, and 'I' is the author") {
  auto ex = Read("*The following is an excerpt from the memoir of Choi Eun-hye, who was born in Hoeryong in 1982.*\n\n"
                 "Three years later, I crossed the Tumen River.\n\nI was arrested in 2000.\n");
  const Claim* arrest = Find(ex, "arrest");
  REQUIRE(arrest);
  CHECK(arrest->modality == Modality::kReported);
  CHECK(arrest->attributed_to.back() == "Choi Eun-hye");
  CHECK(SubjectName(*arrest) == "Choi Eun-hye");
}

}  // namespace
}  // namespace recon

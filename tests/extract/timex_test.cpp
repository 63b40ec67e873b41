// Tests TimexTagger (engine/extract/timex.cpp and the timex_*.cpp parsers it drives) against a
// table of expressions with their document date, expected TIMEX3 type and value and expected
// interval.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "recon/rules.h"
#include "recon/timex.h"

namespace recon {
namespace {

const TimexRules& DefaultTimexRules() {
  static const RuleSet rules = [] {
    Diagnostics diags;
    RuleSet r = LoadRules({DefaultRulesDir()}, &diags);
    for (const auto& d : diags.items()) MESSAGE(Format(d));
    return r;
  }();
  return rules.timex;
}

const TimexTagger& Tagger() {
  static const TimexTagger tagger(DefaultTimexRules());
  return tagger;
}

// One row: in `text` with document date `dct`, the expression `expr` is found with `type` and
// `value`, and its interval runs `start`..`end` ("" = open or unknown, "*" = not checked) with
// qualifier `qual` ("*" = not checked).
struct Row {
  const char* text;
  const char* dct;
  const char* expr;
  const char* type;
  const char* value;
  const char* start;
  const char* end;
  const char* qual;
};

constexpr const char* D = "2018-06-14";  // a Thursday

const Row kRows[] = {
    // Absolute dates.
    {"The talks began on 14 June 2018.", D, "14 June 2018", "DATE", "2018-06-14", "2018-06-14", "2018-06-14", ""},
    {"They ended June 14, 2018, in Seoul.", D, "June 14, 2018", "DATE", "2018-06-14", "2018-06-14", "2018-06-14", ""},
    {"They ended on Oct. 3 in Seoul.", "2018-10-20", "Oct. 3", "DATE", "2018-10-03", "2018-10-03", "2018-10-03", ""},
    {"2013: uncle executed", D, "2013", "DATE", "2013", "2013-01-01", "2013-12-31", ""},
    {"He was arrested on the 12th of May.", "2018-05-20", "12th of May", "DATE", "2018-05-12", "2018-05-12", "2018-05-12", ""},
    {"December 2011: Kim takes power", D, "December 2011", "DATE", "2011-12", "2011-12-01", "2011-12-31", ""},
    {"They met on Oct. 3.", "2018-01-05", "Oct. 3", "DATE", "2017-10-03", "2017-10-03", "2017-10-03", ""},
    {"The vote will be held on Oct. 3.", "2018-09-20", "Oct. 3", "DATE", "2018-10-03", "2018-10-03", "2018-10-03", ""},
    {"The file is dated 2018-06-14.", D, "2018-06-14", "DATE", "2018-06-14", "2018-06-14", "2018-06-14", ""},
    {"The file is dated 6/14/2018.", D, "6/14/2018", "DATE", "2018-06-14", "2018-06-14", "2018-06-14", ""},
    {"The file is dated 2/29/2016.", D, "2/29/2016", "DATE", "2016-02-29", "2016-02-29", "2016-02-29", ""},
    {"Signed 3/1/17 in Pyongyang.", D, "3/1/17", "DATE", "2017-03-01", "2017-03-01", "2017-03-01", ""},
    {"He defected in November 2014.", D, "November 2014", "DATE", "2014-11", "2014-11-01", "2014-11-30", ""},
    {"He defected in February 2016.", D, "February 2016", "DATE", "2016-02", "2016-02-01", "2016-02-29", ""},
    {"He defected in February of 2015.", D, "February of 2015", "DATE", "2015-02", "2015-02-01", "2015-02-28", ""},
    {"The famine began in 1994.", D, "1994", "DATE", "1994", "1994-01-01", "1994-12-31", ""},
    {"The famine began in '94.", D, "'94", "DATE", "1994", "1994-01-01", "1994-12-31", ""},
    {"The deal of '12 failed.", D, "'12", "DATE", "2012", "2012-01-01", "2012-12-31", ""},
    {"The deal of '28 is far off.", D, "'28", "DATE", "2028", "2028-01-01", "2028-12-31", ""},
    {"The deal of '29 was old.", D, "'29", "DATE", "1929", "1929-01-01", "1929-12-31", ""},
    {"It was common in the 1990s.", D, "the 1990s", "DATE", "199X", "1990-01-01", "1999-12-31", ""},
    {"It was common in the '90s.", D, "the '90s", "DATE", "199X", "1990-01-01", "1999-12-31", ""},
    {"It was common in 1980s Korea.", D, "1980s", "DATE", "198X", "1980-01-01", "1989-12-31", ""},
    {"It began in the late 1980s.", D, "the late 1980s", "DATE", "198X", "1986-09-02", "1989-12-31", ""},
    {"It began in the early 1990s.", D, "the early 1990s", "DATE", "199X", "1990-01-01", "1993-05-01", ""},
    {"The envoy arrived in mid-March.", D, "mid-March", "DATE", "2018-03", "2018-03-11", "2018-03-21", ""},
    {"The plant opens in late 2019.", D, "late 2019", "DATE", "2019", "2019-09-02", "2019-12-31", ""},
    {"The plant opened in early 2015.", D, "early 2015", "DATE", "2015", "2015-01-01", "2015-05-01", ""},
    {"The plant opened in mid-2015.", D, "mid-2015", "DATE", "2015", "2015-05-02", "2015-09-01", ""},
    {"Work began at the end of 2016.", D, "the end of 2016", "DATE", "2016", "2016-09-01", "2016-12-31", ""},
    {"He fled in spring 2018.", D, "spring 2018", "DATE", "2018-SP", "2018-03-01", "2018-05-31", ""},
    {"He fled in the summer of 2017.", D, "summer of 2017", "DATE", "2017-SU", "2017-06-01", "2017-08-31", ""},
    {"He fled in winter 2015.", D, "winter 2015", "DATE", "2015-WI", "2015-12-01", "2016-02-29", ""},
    {"He fled in autumn 2014.", D, "autumn 2014", "DATE", "2014-FA", "2014-09-01", "2014-11-30", ""},
    {"Sales fell in the first half of 2015.", D, "the first half of 2015", "DATE", "2015-H1", "2015-01-01", "2015-06-30", ""},
    {"Sales fell in the second half of 2015.", D, "the second half of 2015", "DATE", "2015-H2", "2015-07-01", "2015-12-31", ""},
    {"Sales fell in the third quarter.", D, "the third quarter", "DATE", "2017-Q3", "2017-07-01", "2017-09-30", ""},
    {"Sales fell in the first quarter.", D, "the first quarter", "DATE", "2018-Q1", "2018-01-01", "2018-03-31", ""},
    {"Sales fell in the fourth quarter of 2016.", D, "the fourth quarter of 2016", "DATE", "2016-Q4", "2016-10-01", "2016-12-31", ""},
    {"Third-quarter profit rose.", "2018-10-20", "Third-quarter", "DATE", "2018-Q3", "2018-07-01", "2018-09-30", ""},
    {"Sales fell in the first quarter of last year.", D, "the first quarter of last year", "DATE", "2017-Q1", "2017-01-01", "2017-03-31", ""},
    {"It was built in the 20th century.", D, "the 20th century", "DATE", "19", "1900-01-01", "1999-12-31", ""},
    {"It was built in the nineteenth century.", D, "the nineteenth century", "DATE", "18", "1800-01-01", "1899-12-31", ""},
    {"On Monday, June 11, 2018, he spoke.", D, "Monday, June 11, 2018", "DATE", "2018-06-11", "2018-06-11", "2018-06-11", ""},
    {"He spoke on Monday, June 11.", D, "Monday, June 11", "DATE", "2018-06-11", "2018-06-11", "2018-06-11", ""},
    {"He spoke on the 11th of June.", D, "11th of June", "DATE", "2018-06-11", "2018-06-11", "2018-06-11", ""},
    {"He spoke on 11 June.", D, "11 June", "DATE", "2018-06-11", "2018-06-11", "2018-06-11", ""},
    {"He spoke on December 31, 1999.", D, "December 31, 1999", "DATE", "1999-12-31", "1999-12-31", "1999-12-31", ""},
    {"He spoke on Jan. 1, 2000.", D, "Jan. 1, 2000", "DATE", "2000-01-01", "2000-01-01", "2000-01-01", ""},
    {"He spoke on Sept. 9, 2016.", D, "Sept. 9, 2016", "DATE", "2016-09-09", "2016-09-09", "2016-09-09", ""},
    {"He spoke on Feb. 29, 2016.", D, "Feb. 29, 2016", "DATE", "2016-02-29", "2016-02-29", "2016-02-29", ""},
    {"The treaty of 1953 holds.", D, "1953", "DATE", "1953", "1953-01-01", "1953-12-31", ""},
    {"In 1950 the war began.", D, "1950", "DATE", "1950", "1950-01-01", "1950-12-31", ""},
    {"He came in 1871.", D, "1871", "DATE", "1871", "1871-01-01", "1871-12-31", ""},
    // Relative to the document date.
    {"He said today that talks failed.", D, "today", "DATE", "2018-06-14", "2018-06-14", "2018-06-14", ""},
    {"He said yesterday that talks failed.", D, "yesterday", "DATE", "2018-06-13", "2018-06-13", "2018-06-13", ""},
    {"He said yesterday that talks failed.", "2016-03-01", "yesterday", "DATE", "2016-02-29", "2016-02-29", "2016-02-29", ""},
    {"He said yesterday that talks failed.", "2018-01-01", "yesterday", "DATE", "2017-12-31", "2017-12-31", "2017-12-31", ""},
    {"He will leave tomorrow.", D, "tomorrow", "DATE", "2018-06-15", "2018-06-15", "2018-06-15", ""},
    {"He will leave tomorrow.", "2016-02-28", "tomorrow", "DATE", "2016-02-29", "2016-02-29", "2016-02-29", ""},
    {"He left yesterday morning.", D, "yesterday morning", "TIME", "2018-06-13TMO", "2018-06-13", "2018-06-13", ""},
    {"He will speak tonight.", D, "tonight", "TIME", "2018-06-14TNI", "2018-06-14", "2018-06-14", ""},
    {"He spoke this morning.", D, "this morning", "TIME", "2018-06-14TMO", "2018-06-14", "2018-06-14", ""},
    {"He spoke on Monday.", D, "Monday", "DATE", "2018-06-11", "2018-06-11", "2018-06-11", ""},
    {"He spoke on Thursday.", D, "Thursday", "DATE", "2018-06-14", "2018-06-14", "2018-06-14", ""},
    {"He spoke on Friday.", D, "Friday", "DATE", "2018-06-08", "2018-06-08", "2018-06-08", ""},
    {"He spoke on Monday.", "2018-06-11", "Monday", "DATE", "2018-06-11", "2018-06-11", "2018-06-11", ""},
    {"He spoke on Sunday.", "2018-06-11", "Sunday", "DATE", "2018-06-10", "2018-06-10", "2018-06-10", ""},
    {"He spoke on Tuesday.", "2018-01-02", "Tuesday", "DATE", "2018-01-02", "2018-01-02", "2018-01-02", ""},
    {"He spoke on Friday.", "2018-01-02", "Friday", "DATE", "2017-12-29", "2017-12-29", "2017-12-29", ""},
    {"He spoke on Monday.", "2016-03-01", "Monday", "DATE", "2016-02-29", "2016-02-29", "2016-02-29", ""},
    {"He will speak on Monday.", D, "Monday", "DATE", "2018-06-18", "2018-06-18", "2018-06-18", ""},
    {"He will speak on Friday.", D, "Friday", "DATE", "2018-06-15", "2018-06-15", "2018-06-15", ""},
    {"He will speak on Thursday.", D, "Thursday", "DATE", "2018-06-14", "2018-06-14", "2018-06-14", ""},
    {"He spoke last Monday.", D, "last Monday", "DATE", "2018-06-11", "2018-06-11", "2018-06-11", ""},
    {"He spoke last Thursday.", D, "last Thursday", "DATE", "2018-06-07", "2018-06-07", "2018-06-07", ""},
    {"He speaks next Monday.", D, "next Monday", "DATE", "2018-06-18", "2018-06-18", "2018-06-18", ""},
    {"He spoke Monday night.", D, "Monday night", "TIME", "2018-06-11TNI", "2018-06-11", "2018-06-11", ""},
    {"Talks stalled last week.", D, "last week", "DATE", "2018-W23", "2018-06-04", "2018-06-10", ""},
    {"Talks stalled last week.", "2018-01-02", "last week", "DATE", "2017-W52", "2017-12-25", "2017-12-31", ""},
    {"Talks stalled last week.", "2016-01-04", "last week", "DATE", "2015-W53", "2015-12-28", "2016-01-03", ""},
    {"Talks stalled last week.", "2021-01-06", "last week", "DATE", "2020-W53", "2020-12-28", "2021-01-03", ""},
    {"Talks stalled this week.", D, "this week", "DATE", "2018-W24", "2018-06-11", "2018-06-17", ""},
    {"Talks resume next week.", D, "next week", "DATE", "2018-W25", "2018-06-18", "2018-06-24", ""},
    {"Talks resume next week.", "2018-12-31", "next week", "DATE", "2019-W02", "2019-01-07", "2019-01-13", ""},
    {"Talks stalled last month.", D, "last month", "DATE", "2018-05", "2018-05-01", "2018-05-31", ""},
    {"Talks stalled last month.", "2018-01-15", "last month", "DATE", "2017-12", "2017-12-01", "2017-12-31", ""},
    {"Talks stalled last month.", "2016-03-31", "last month", "DATE", "2016-02", "2016-02-01", "2016-02-29", ""},
    {"Talks stalled this month.", D, "this month", "DATE", "2018-06", "2018-06-01", "2018-06-30", ""},
    {"Talks resume next month.", D, "next month", "DATE", "2018-07", "2018-07-01", "2018-07-31", ""},
    {"Talks resume next month.", "2018-12-03", "next month", "DATE", "2019-01", "2019-01-01", "2019-01-31", ""},
    {"Talks stalled last year.", D, "last year", "DATE", "2017", "2017-01-01", "2017-12-31", ""},
    {"Talks stalled this year.", D, "this year", "DATE", "2018", "2018-01-01", "2018-12-31", ""},
    {"Talks resume next year.", D, "next year", "DATE", "2019", "2019-01-01", "2019-12-31", ""},
    {"Talks stalled earlier this month.", D, "this month", "DATE", "2018-06", "2018-06-01", "2018-06-14", ""},
    {"Talks resume later this year.", D, "this year", "DATE", "2018", "2018-06-14", "2018-12-31", ""},
    {"Talks stalled earlier this year.", D, "this year", "DATE", "2018", "2018-01-01", "2018-06-14", ""},
    {"Talks stalled last weekend.", D, "last weekend", "DATE", "2018-W23-WE", "2018-06-09", "2018-06-10", ""},
    {"Talks stalled over the weekend.", "2018-06-18", "the weekend", "DATE", "2018-W24-WE", "2018-06-16", "2018-06-17", ""},
    {"Talks stalled last quarter.", D, "last quarter", "DATE", "2018-Q1", "2018-01-01", "2018-03-31", ""},
    {"Talks stalled this quarter.", D, "this quarter", "DATE", "2018-Q2", "2018-04-01", "2018-06-30", ""},
    {"He defected two years ago.", D, "two years ago", "DATE", "2016", "2016-01-01", "2016-12-31", ""},
    {"He defected a year ago.", D, "a year ago", "DATE", "2017", "2017-01-01", "2017-12-31", ""},
    {"A year ago today the ship sank.", D, "A year ago today", "DATE", "2017-06-14", "2017-06-14", "2017-06-14", ""},
    {"He defected three months ago.", D, "three months ago", "DATE", "2018-03", "2018-03-01", "2018-03-31", ""},
    {"He defected six months ago.", "2018-01-10", "six months ago", "DATE", "2017-07", "2017-07-01", "2017-07-31", ""},
    {"He defected two weeks ago.", D, "two weeks ago", "DATE", "2018-W22", "2018-05-28", "2018-06-03", ""},
    {"He defected four days ago.", D, "four days ago", "DATE", "2018-06-10", "2018-06-10", "2018-06-10", ""},
    {"He defected 10 days ago.", "2018-03-05", "10 days ago", "DATE", "2018-02-23", "2018-02-23", "2018-02-23", ""},
    {"He defected a decade ago.", D, "a decade ago", "DATE", "200X", "2000-01-01", "2009-12-31", ""},
    {"He defected twenty-five years ago.", D, "twenty-five years ago", "DATE", "1993", "1993-01-01", "1993-12-31", ""},
    {"He defected a few years ago.", D, "a few years ago", "DATE", "PAST_REF", "", "2018-06-14", ""},
    {"He defected in July.", D, "July", "DATE", "2017-07", "2017-07-01", "2017-07-31", ""},
    {"He defected in June.", D, "June", "DATE", "2018-06", "2018-06-01", "2018-06-30", ""},
    {"He defected in January.", D, "January", "DATE", "2018-01", "2018-01-01", "2018-01-31", ""},
    {"He will visit in July.", D, "July", "DATE", "2018-07", "2018-07-01", "2018-07-31", ""},
    {"He will visit in January.", D, "January", "DATE", "2019-01", "2019-01-01", "2019-01-31", ""},
    {"He defected last March.", D, "last March", "DATE", "2018-03", "2018-03-01", "2018-03-31", ""},
    {"He defected last September.", D, "last September", "DATE", "2017-09", "2017-09-01", "2017-09-30", ""},
    {"He will visit next March.", D, "next March", "DATE", "2019-03", "2019-03-01", "2019-03-31", ""},
    {"He defected last summer.", D, "last summer", "DATE", "2017-SU", "2017-06-01", "2017-08-31", ""},
    {"He will visit this summer.", D, "this summer", "DATE", "2018-SU", "2018-06-01", "2018-08-31", ""},
    {"He will visit next spring.", D, "next spring", "DATE", "2019-SP", "2019-03-01", "2019-05-31", ""},
    {"He defected last winter.", D, "last winter", "DATE", "2017-WI", "2017-12-01", "2018-02-28", ""},
    {"He defected in late May.", D, "late May", "DATE", "2018-05", "2018-05-22", "2018-05-31", ""},
    {"He defected in early January.", D, "early January", "DATE", "2018-01", "2018-01-01", "2018-01-10", ""},
    {"He defected late last year.", D, "late last year", "DATE", "2017", "2017-09-02", "2017-12-31", ""},
    {"He will defect early next year.", D, "early next year", "DATE", "2019", "2019-01-01", "2019-05-01", ""},
    {"He defected in the spring.", D, "spring", "DATE", "2018-SP", "2018-03-01", "2018-05-31", ""},
    {"He said last week that he would stay.", "2018-01-03", "last week", "DATE", "2017-W52", "2017-12-25", "2017-12-31", ""},
    // Relative to another mention.
    {"He came in 2007. A year later, in 2008, he left.", D, "A year", "DURATION", "P1Y", "2008-01-01", "2008-12-31", ""},
    {"He came on June 3, 2015. The following day he left.", D, "The following day", "DATE", "2015-06-04", "2015-06-04", "2015-06-04", ""},
    {"He came in May 2015. The following month he left.", D, "The following month", "DATE", "2015-06", "2015-06-01", "2015-06-30", ""},
    {"He came in 2015. The following year he left.", D, "The following year", "DATE", "2016", "2016-01-01", "2016-12-31", ""},
    {"He came on June 3, 2015. The previous day he wrote.", D, "The previous day", "DATE", "2015-06-02", "2015-06-02", "2015-06-02", ""},
    {"He left four days before the announcement.", D, "four days", "DURATION", "P4D", "", "", "*"},
    {"He left two days after the summit.", D, "two days", "DURATION", "P2D", "", "", "*"},
    {"He left two days after June 3, 2015.", D, "two days", "DURATION", "P2D", "2015-06-05", "2015-06-05", "*"},
    {"He left three weeks before March 2016.", D, "three weeks", "DURATION", "P3W", "2016-02-08", "2016-02-14", "*"},
    // Ranges and open intervals.
    {"He has lived there since 2014.", D, "2014", "DATE", "2014", "2014-01-01", "", "since"},
    {"He lived there until 2015.", D, "2015", "DATE", "2015", "", "2015-12-31", "until"},
    {"He lived there between 2010 and 2012.", D, "2010", "DATE", "2010", "2010-01-01", "2012-12-31", ""},
    {"He lived there between 2010 and 2012.", D, "2012", "DATE", "2012", "2010-01-01", "2012-12-31", ""},
    {"He lived there from March to May.", D, "March", "DATE", "2018-03", "2018-03-01", "2018-05-31", ""},
    {"He lived there from March to May.", D, "May", "DATE", "2018-05", "2018-03-01", "2018-05-31", ""},
    {"He lived there from 2009 to 2011.", D, "2011", "DATE", "2011", "2009-01-01", "2011-12-31", ""},
    {"The plant will close by 2020.", D, "2020", "DATE", "2020", "", "2020-12-31", "until"},
    {"He lived there before 1994.", D, "1994", "DATE", "1994", "", "1993-12-31", "before"},
    {"He lived there after 1994.", D, "1994", "DATE", "1994", "1995-01-01", "", "after"},
    {"He has lived there since June 2014.", D, "June 2014", "DATE", "2014-06", "2014-06-01", "", "since"},
    {"He has lived there since last year.", D, "last year", "DATE", "2017", "2017-01-01", "", "since"},
    {"The first attack since the 1953 armistice.", D, "1953", "DATE", "1953", "1953-01-01", "", "since"},
    {"He fled after the war.", D, "after the war", "DATE", "XXXX", "", "", "after"},
    {"He fled before the election.", D, "before the election", "DATE", "XXXX", "", "", "before"},
    // Durations and sets.
    {"He worked there for 30 years.", D, "30 years", "DURATION", "P30Y", "", "", ""},
    {"He worked there for six years.", D, "six years", "DURATION", "P6Y", "", "", ""},
    {"He worked there for a year.", D, "a year", "DURATION", "P1Y", "", "", ""},
    {"He worked there for two months.", D, "two months", "DURATION", "P2M", "", "", ""},
    {"He worked there for three weeks.", D, "three weeks", "DURATION", "P3W", "", "", ""},
    {"He worked there for 18 days.", D, "18 days", "DURATION", "P18D", "", "", ""},
    {"He worked there for five hours.", D, "five hours", "DURATION", "PT5H", "", "", ""},
    {"He waited for 45 minutes.", D, "45 minutes", "DURATION", "PT45M", "", "", ""},
    {"He worked there for a decade.", D, "a decade", "DURATION", "P10Y", "", "", ""},
    {"He worked there for two decades.", D, "two decades", "DURATION", "P20Y", "", "", ""},
    {"He worked there for several years.", D, "several years", "DURATION", "PXY", "", "", ""},
    {"He worked there for a few months.", D, "a few months", "DURATION", "PXM", "", "", ""},
    {"It is a 30-year lease.", D, "30-year", "DURATION", "P30Y", "", "", ""},
    {"It is a two-week visit.", D, "two-week", "DURATION", "P2W", "", "", ""},
    {"Prices rose over the past three years.", D, "the past three years", "DURATION", "P3Y", "", "", ""},
    {"Prices rose over the past year.", D, "the past year", "DURATION", "P1Y", "", "", ""},
    {"Prices will rise in the next two years.", D, "the next two years", "DURATION", "P2Y", "", "", ""},
    {"Prices rose over the past few weeks.", D, "the past few weeks", "DURATION", "PXW", "", "", ""},
    {"Prices will rise in the coming years.", D, "the coming years", "DURATION", "PXY", "", "", ""},
    {"The festival is held every year.", D, "every year", "SET", "P1Y", "", "", ""},
    {"The festival is held every two years.", D, "every two years", "SET", "P2Y", "", "", ""},
    {"The festival is held every other week.", D, "every other week", "SET", "P2W", "", "", ""},
    {"The festival is held each season.", D, "each season", "SET", "P3M", "", "", ""},
    {"The festival is held every Monday.", D, "every Monday", "SET", "XXXX-WXX-1", "", "", ""},
    {"The festival is held every spring.", D, "every spring", "SET", "XXXX-SP", "", "", ""},
    {"The festival is held every day.", D, "every day", "SET", "P1D", "", "", ""},
    {"The report is published annually.", D, "annually", "SET", "P1Y", "", "", ""},
    {"The report is published weekly.", D, "weekly", "SET", "P1W", "", "", ""},
    {"The report is published daily.", D, "daily", "SET", "P1D", "", "", ""},
    // Vague.
    {"He recently defected.", D, "recently", "DATE", "PAST_REF", "", "2018-06-14", ""},
    {"Defections rose in recent years.", D, "recent years", "DATE", "PAST_REF", "", "2018-06-14", ""},
    {"He is now in Seoul.", D, "now", "DATE", "PRESENT_REF", "2018-06-14", "2018-06-14", ""},
    {"He currently lives in Seoul.", D, "currently", "DATE", "PRESENT_REF", "2018-06-14", "2018-06-14", ""},
    {"He will return in the future.", D, "the future", "DATE", "FUTURE_REF", "2018-06-14", "", ""},
    {"Things were different in the past.", D, "the past", "DATE", "PAST_REF", "", "2018-06-14", ""},
    // A phrase's second word in any case, past words of its length ("embassy") or initial ("pasta").
    {"The embassy is At Present closed.", D, "At Present", "DATE", "PRESENT_REF", "2018-06-14", "2018-06-14", ""},
    {"He ate the pasta; these DAYS he cooks.", D, "these DAYS", "DATE", "PRESENT_REF", "2018-06-14", "2018-06-14", ""},
    {"The Present is what counts.", D, "The Present", "DATE", "PRESENT_REF", "2018-06-14", "2018-06-14", ""},
    // Times of day.
    {"The blast came at 10 a.m. local time.", D, "10 a.m.", "TIME", "2018-06-14T10:00", "2018-06-14", "2018-06-14", ""},
    {"The blast came at 3:30 p.m. Monday.", D, "3:30 p.m. Monday", "TIME", "2018-06-11T15:30", "2018-06-11", "2018-06-11", ""},
    {"The blast came at 9pm.", D, "9pm", "TIME", "2018-06-14T21:00", "2018-06-14", "2018-06-14", ""},
    {"The blast came at 12 a.m.", D, "12 a.m.", "TIME", "2018-06-14T00:00", "2018-06-14", "2018-06-14", ""},
    {"The blast came at 9:20 at night.", D, "9:20 at night", "TIME", "2018-06-14T21:20", "2018-06-14", "2018-06-14", ""},
    {"He crossed at 2:30 at night on May 3.", D, "2:30 at night on May 3", "TIME", "2018-05-03T02:30", "2018-05-03", "2018-05-03", ""},
    {"He crossed at 12:30 at night on May 3.", D, "12:30 at night on May 3", "TIME", "2018-05-03T00:30", "2018-05-03", "2018-05-03", ""},
    {"It sank at 9:22 in the evening on March 26, 2010.", D, "9:22 in the evening on March 26, 2010", "TIME", "2010-03-26T21:22", "2010-03-26", "2010-03-26", ""},
    {"On June 3, shortly after 9:20, the ship sank.", D, "9:20", "TIME", "2018-06-03T09:20", "2018-06-03", "2018-06-03", ""},
    {"It sank on June 3. At 9:20 the crew left.", D, "9:20", "TIME", "2018-06-14T09:20", "2018-06-14", "2018-06-14", ""},
    {"The blast came at 14:45.", D, "14:45", "TIME", "2018-06-14T14:45", "2018-06-14", "2018-06-14", ""},
    // Year boundaries, leap days, abbreviations.
    {"He spoke on Feb. 29.", "2016-03-10", "Feb. 29", "DATE", "2016-02-29", "2016-02-29", "2016-02-29", ""},
    {"He spoke on Dec. 30.", "2019-01-03", "Dec. 30", "DATE", "2018-12-30", "2018-12-30", "2018-12-30", ""},
    {"He will speak on Jan. 4.", "2018-12-28", "Jan. 4", "DATE", "2019-01-04", "2019-01-04", "2019-01-04", ""},
    {"Talks stalled last year.", "2019-01-01", "last year", "DATE", "2018", "2018-01-01", "2018-12-31", ""},
    {"Talks stalled this week.", "2019-12-31", "this week", "DATE", "2020-W01", "2019-12-30", "2020-01-05", ""},
    {"He spoke on Sunday.", "2018-01-01", "Sunday", "DATE", "2017-12-31", "2017-12-31", "2017-12-31", ""},
    {"He defected a year ago.", "2016-02-29", "a year ago", "DATE", "2015", "2015-01-01", "2015-12-31", ""},
    {"He defected in December.", "2018-01-09", "December", "DATE", "2017-12", "2017-12-01", "2017-12-31", ""},
    {"The meeting of Tues., Oct. 2, 2018, ended.", D, "Tues., Oct. 2, 2018", "DATE", "2018-10-02", "2018-10-02", "2018-10-02", ""},
    {"He spoke on Sept. 30.", "2018-10-02", "Sept. 30", "DATE", "2018-09-30", "2018-09-30", "2018-09-30", ""},
    {"The law of 15 August 1945 stands.", D, "15 August 1945", "DATE", "1945-08-15", "1945-08-15", "1945-08-15", ""},
    {"He arrived on August 15th, 1945.", D, "August 15th, 1945", "DATE", "1945-08-15", "1945-08-15", "1945-08-15", ""},
    {"He arrived in May 2016.", D, "May 2016", "DATE", "2016-05", "2016-05-01", "2016-05-31", ""},
    {"He arrived in May.", D, "May", "DATE", "2018-05", "2018-05-01", "2018-05-31", ""},
    {"He arrived in March.", D, "March", "DATE", "2018-03", "2018-03-01", "2018-03-31", ""},
    {"He worked there for 1 year.", D, "1 year", "DURATION", "P1Y", "", "", ""},
    {"He worked there for eighteen months.", D, "eighteen months", "DURATION", "P18M", "", "", ""},
    {"He came home on Thanksgiving Day.", "2018-12-01", "Thanksgiving Day", "DATE", "2018-11-22", "2018-11-22", "2018-11-22", ""},
    {"He came home on Christmas Eve.", "2019-01-03", "Christmas Eve", "DATE", "2018-12-24", "2018-12-24", "2018-12-24", ""},
    {"Ties have warmed since 2000.", D, "2000", "DATE", "2000", "2000-01-01", "", "since"},
    // The date told before: "that year", "the same month".
    {"It was the same in 2015. Two officials were executed that year.", D, "that year", "DATE", "2015", "2015-01-01", "2015-12-31", ""},
    {"He fled in March 2016 and was caught the same month.", D, "the same month", "DATE", "2016-03", "2016-03-01", "2016-03-31", ""},
    // East Asian news: dotted dates and a day of the month alone.
    {"He defected on 2016.8.17 with his family.", D, "2016.8.17", "DATE", "2016-08-17", "2016-08-17", "2016-08-17", ""},
    {"The report of 2019.03.14 said so.", D, "2019.03.14", "DATE", "2019-03-14", "*", "*", ""},
    {"He left the embassy in 2016.8 with his family.", D, "2016.8", "DATE", "2016-08", "2016-08-01", "2016-08-31", ""},
    {"The JCS said on the 29th that the North fired projectiles.", "2019-04-02", "the 29th", "DATE", "2019-03-29", "*", "*", ""},
    {"North Korea on the 3rd fired two missiles.", "2019-04-29", "the 3rd", "DATE", "2019-04-03", "*", "*", ""},
    {"The summit will be held on the 5th.", "2019-04-02", "the 5th", "DATE", "2019-04-05", "*", "*", ""},
};

std::string Iso(Date d) { return d.is_special() ? "" : ToIso(d); }

TEST_CASE("timex table") {
  CHECK(sizeof(kRows) / sizeof(kRows[0]) >= 200);
  for (const Row& row : kRows) {
    std::string text = row.text, expr = row.expr;
    CAPTURE(text);
    CAPTURE(expr);
    auto found = Tagger().Tag(row.text, ParseIsoDate(row.dct));
    const TimeExpression* hit = nullptr;
    for (const auto& e : found)
      if (e.text == row.expr) hit = &e;
    if (!hit) {
      std::string got;
      for (const auto& e : found) got += "[" + e.text + "] ";
      FAIL_CHECK("not found; got " << got);
      continue;
    }
    CHECK(std::string(ToString(hit->type)) == row.type);
    CHECK(hit->value == row.value);
    CHECK(std::string_view(row.text).substr(hit->begin, hit->end - hit->begin) == row.expr);
    if (std::string(row.start) != "*") CHECK(Iso(hit->range.start) == row.start);
    if (std::string(row.end) != "*") CHECK(Iso(hit->range.end) == row.end);
    if (std::string(row.qual) != "*") CHECK(ToString(hit->range.qualifier) == std::string_view(row.qual));
  }
}

// Sentences with numbers and words that look like dates but are not.
TEST_CASE("timex non-dates") {
  const char* texts[] = {
      "He paid $2015 for 1,500 tons.",
      "The score was 3-1 and 2500 people came.",
      "It may rain, and the march went on.",
      "He was 30-year-old and worked at Sun.",
      "Jan Egeland spoke to the fall guy.",
      "Version 10.2018 shipped with 4000 units.",
      // A year and month look like a decimal among numbers or after the dct's year.
      "The index closed at 2049.2, up from 2038.9 at the open.",
      "The index rose to 2082.1, down 4.5% from its peak.",
      // "that day" with no day told before it is no date.
      "He remembers that day well.",
      // An ordinal before a noun is no day: "the 16th floor".
      "He lived on the 16th floor and spoke on the 10th anniversary of the war.",
  };
  for (const char* t : texts) {
    std::string text = t;
    CAPTURE(text);
    auto found = Tagger().Tag(t, ParseIsoDate(D));
    std::string got;
    for (const auto& e : found) got += "[" + e.text + "] ";
    CHECK_MESSAGE(found.empty(), got);
  }
}

// The tokenizer reads a word sixteen or eight bytes at a time while that many remain, and byte by
// byte at the end of the text; a word is looked up in any case. The same expressions whatever the
// text's length before them, in capitals, and as its very last bytes.
TEST_CASE("timex words at any offset and at the end of the text") {
  for (int pad = 0; pad < 30; ++pad) {
    const std::string text = std::string(pad, 'x') + " It fell in SEPTEMBER 2015, in the ’90s, in the PAST, " +
                             "internationally on Thursday and last Monday";
    CAPTURE(text);
    const auto found = Tagger().Tag(text, ParseIsoDate(D));
    std::vector<std::string> got;
    for (const auto& e : found) got.push_back(e.text + "=" + e.value);
    const std::vector<std::string> want = {"SEPTEMBER 2015=2015-09", "the ’90s=199X", "the PAST=PAST_REF",
                                           "Thursday=2018-06-14", "last Monday=2018-06-11"};
    CHECK(got == want);
  }
}

// The tokenizer makes room for a text's tokens once every 4,096 bytes, and keeps them between
// texts. Expressions across that mark, words and a paragraph break on it, and a short text after
// each long one are read as anywhere else.
TEST_CASE("timex texts longer than the tokenizer's room for tokens") {
  const std::string tail = "in SEPTEMBER 2015,\n\nlast Monday and in the \u2019""90s.";
  const std::vector<std::string> want = {"SEPTEMBER 2015=2015-09", "last Monday=2018-06-11",
                                         "the \u2019""90s=199X"};
  auto values = [](const std::string& text) {
    std::vector<std::string> got;
    for (const auto& e : Tagger().Tag(text, ParseIsoDate(D))) got.push_back(e.text + "=" + e.value);
    return got;
  };
  for (size_t pad = 4070; pad < 4110; ++pad) {
    std::string text;
    while (text.size() < pad) text += text.size() % 7 == 3 ? ". " : "word ";
    text.resize(pad, 'x');
    CAPTURE(pad);
    CHECK(values(text + " " + tail) == want);
    CHECK(values(text + text + tail) == want);
    CHECK(values(tail) == want);
  }
}

TEST_CASE("timex relations and ordering") {
  auto found = Tagger().Tag("He left four days before the announcement, and two days after June 3, 2015.",
                            ParseIsoDate(D));
  REQUIRE(found.size() >= 2);
  REQUIRE(found[0].relation);
  CHECK(found[0].relation->offset == 4);
  CHECK(found[0].relation->unit == "day");
  CHECK(found[0].relation->before);
  CHECK(found[0].relation->anchor == "the announcement");
  REQUIRE(found[1].relation);
  CHECK_FALSE(found[1].relation->before);
  CHECK(found[1].relation->anchor == "June 3, 2015");
  for (size_t i = 1; i < found.size(); ++i) CHECK(found[i - 1].end <= found[i].begin);
  // "at some point last year" is vague.
  auto vague = Tagger().Tag("He left at some point last year.", ParseIsoDate(D));
  REQUIRE(vague.size() == 1);
  CHECK(vague[0].value == "2017");
  CHECK(vague[0].range.vague);
}

TEST_CASE("timex dates an anchor from the happening the text dates elsewhere") {
  const char* text =
      "The leaders met at the summit in Singapore on June 12. Two days after the summit, talks "
      "stalled.";
  auto found = Tagger().Tag(text, ParseIsoDate("2018-06-20"));
  const TimeExpression* two_days = nullptr;
  for (const auto& t : found)
    if (t.text == "Two days") two_days = &t;
  REQUIRE(two_days);
  REQUIRE(two_days->relation);
  CHECK(two_days->value == "P2D");  // still a duration for TIMEX3
  CHECK(two_days->relation->anchor == "the summit");
  CHECK(two_days->relation->anchor_date.start == Date(2018, 6, 12));
  CHECK(two_days->range.start == Date(2018, 6, 14));
  CHECK(two_days->range.end == Date(2018, 6, 14));
  // Without a dated mention of the happening, the expression stays unanchored.
  auto lone = Tagger().Tag("Two days after the summit, talks stalled.", ParseIsoDate("2018-06-20"));
  REQUIRE_FALSE(lone.empty());
  REQUIRE(lone[0].relation);
  CHECK_FALSE(lone[0].range.known());
  CHECK_FALSE(lone[0].relation->anchor_date.known());
  // A month-long anchor gives a span, not a made-up day.
  auto month = Tagger().Tag("The plenum met in April. A week after the plenum, he was dismissed.",
                            ParseIsoDate("2018-06-20"));
  const TimeExpression* week = nullptr;
  for (const auto& t : month)
    if (t.text == "A week") week = &t;
  REQUIRE(week);
  CHECK(week->range.start == Date(2018, 4, 8));
  CHECK(week->range.end == Date(2018, 5, 7));
}

TEST_CASE("timex without a dct leaves relative dates unanchored") {
  auto found = Tagger().Tag("He left yesterday, not on 14 June 2018.", std::nullopt);
  REQUIRE(found.size() == 2);
  CHECK_FALSE(found[0].range.known());
  CHECK(found[1].value == "2018-06-14");
}

TEST_CASE("timex vocabulary comes from the rules") {
  TimexRules rules;
  rules.months["juin"] = 6;
  rules.day_first = true;
  TimexTagger tagger(rules);
  auto found = tagger.Tag("Le 14 Juin 2018, et 5/6/2018.", std::nullopt);
  REQUIRE(found.size() == 2);
  CHECK(found[0].value == "2018-06-14");
  CHECK(found[1].value == "2018-06-05");
}

// Random mixes of time words, numbers and punctuation: whatever comes back must be sorted,
// non-overlapping, inside the text, and agree with the text it claims to cover.
TEST_CASE("timex invariants on generated text") {
  const char* pieces[] = {"the", "last", "next", "this", "early", "mid", "late", "end", "of",
                          "June", "May", "Monday", "Sun", "spring", "fall", "year", "years",
                          "week", "quarter", "third", "first", "ago", "later", "before", "after",
                          "since", "between", "and", "from", "to", "every", "a", "few", "two",
                          "twenty", "today", "recently", "now", "a.m.", "p.m.", "fiscal", "'",
                          "'94", "1990s", "2018", "1400", "1399", "9999", "31", "29", "2",
                          "12:30", "/", "-", ",", ".", "\n\n", "\xe2\x80\x99", "\xc3\xa9",
                          "some", "point", "following", "day", "century", "20th", "0"};
  std::mt19937 rng(12345);
  std::uniform_int_distribution<size_t> pick(0, sizeof(pieces) / sizeof(pieces[0]) - 1);
  std::uniform_int_distribution<int> len(1, 30), space(0, 3);
  const char* dcts[] = {"2018-06-14", "2016-02-29", "2018-01-01", "2020-12-31", ""};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    int n = len(rng);
    for (int k = 0; k < n; ++k) {
      text += pieces[pick(rng)];
      if (space(rng)) text += ' ';
    }
    auto found = Tagger().Tag(text, ParseIsoDate(dcts[round % 5]));
    CAPTURE(text);
    size_t last_end = 0;
    for (const auto& e : found) {
      REQUIRE(e.begin < e.end);
      REQUIRE(e.end <= text.size());
      REQUIRE(e.begin >= last_end);
      CHECK(e.text == text.substr(e.begin, e.end - e.begin));
      CHECK(!e.value.empty());
      if (e.range.bounded()) CHECK(e.range.start <= e.range.end);
      last_end = e.end;
    }
  }
}

}  // namespace
}  // namespace recon

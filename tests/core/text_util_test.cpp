// Tests for engine/core/text_util.cpp: UTF-8 validation edge cases, trimming, splitting, and the
// edit distance behind "did you mean".
#include "recon/text_util.h"

#include <doctest/doctest.h>

#include <string>

namespace recon {
namespace {

// The offset IsValidUtf8 reports, or npos when the text is valid.
size_t BadAt(std::string_view s) {
  size_t at = std::string::npos;
  if (IsValidUtf8(s, &at)) return std::string::npos;
  return at;
}

TEST_CASE("IsValidUtf8 accepts every well-formed length") {
  CHECK(IsValidUtf8(""));
  CHECK(IsValidUtf8("plain ASCII"));
  CHECK(IsValidUtf8("\xC2\xA9"));                  // U+00A9, smallest 2-byte lead
  CHECK(IsValidUtf8("\xDF\xBF"));                  // U+07FF, largest 2-byte
  CHECK(IsValidUtf8("\xE0\xA0\x80"));              // U+0800, smallest 3-byte
  CHECK(IsValidUtf8("\xED\x9F\xBF"));              // U+D7FF, just below the surrogates
  CHECK(IsValidUtf8("\xEE\x80\x80"));              // U+E000, just above them
  CHECK(IsValidUtf8("\xEF\xBB\xBF"));              // U+FEFF (a BOM is valid UTF-8)
  CHECK(IsValidUtf8("\xEF\xBF\xBF"));              // U+FFFF
  CHECK(IsValidUtf8("\xF0\x90\x80\x80"));          // U+10000, smallest 4-byte
  CHECK(IsValidUtf8("\xF4\x8F\xBF\xBF"));          // U+10FFFF, the last code point
  CHECK(IsValidUtf8("\xEA\xB9\x80\xEC\xA0\x95\xEC\x9D\x80"));  // Korean syllables
  CHECK(IsValidUtf8(std::string_view("a\0b", 3)));  // NUL is valid UTF-8; ingest checks it apart
}

TEST_CASE("IsValidUtf8 rejects overlong forms") {
  CHECK(BadAt("\xC0\x80") == 0);              // overlong NUL
  CHECK(BadAt("\xC1\xBF") == 0);              // overlong U+007F
  CHECK(BadAt("ab\xE0\x80\xAF") == 2);        // overlong '/'
  CHECK(BadAt("\xE0\x9F\xBF") == 0);          // overlong U+07FF
  CHECK(BadAt("\xF0\x8F\xBF\xBF") == 0);      // overlong U+FFFF
  CHECK(BadAt("\xF8\x88\x80\x80\x80") == 0);  // 5-byte forms are not UTF-8
  CHECK(BadAt("\xFC\x84\x80\x80\x80\x80") == 0);
  CHECK(BadAt("\xFE") == 0);
  CHECK(BadAt("\xFF") == 0);
}

TEST_CASE("IsValidUtf8 rejects surrogates and code points above U+10FFFF") {
  CHECK(BadAt("\xED\xA0\x80") == 0);          // U+D800
  CHECK(BadAt("x\xED\xBF\xBF") == 1);         // U+DFFF
  CHECK(BadAt("\xED\xA0\xBD\xED\xB8\x80") == 0);  // a CESU-8 surrogate pair
  CHECK(BadAt("\xF4\x90\x80\x80") == 0);      // U+110000
  CHECK(BadAt("\xF7\xBF\xBF\xBF") == 0);
}

TEST_CASE("IsValidUtf8 rejects truncated and broken sequences at the right offset") {
  CHECK(BadAt("abc\xC3") == 3);               // cut off at the end
  CHECK(BadAt("abc\xE2\x82") == 3);
  CHECK(BadAt("\xF0\x9F\x98") == 0);
  CHECK(BadAt("\xC3\x28") == 0);              // second byte not a continuation
  CHECK(BadAt("ok \xE2\x28\xA1") == 3);
  CHECK(BadAt("\xF0\x9F\x98\x41") == 0);
  CHECK(BadAt("\x80") == 0);                  // a lone continuation byte
  CHECK(BadAt("a\xBF") == 1);
  CHECK(BadAt("\xC3\xA9\xC3\xA9\x80") == 4);  // valid, valid, stray continuation
  CHECK(BadAt("fine") == std::string::npos);
}

TEST_CASE("IsValidUtf8 reports the offset inside and after long ASCII runs") {
  // ASCII is passed eight bytes a step: a bad byte at any place of a step is found there.
  const std::string ascii = "The defector crossed the border in 2017.";
  for (size_t at = 0; at <= ascii.size(); ++at) {
    std::string s = ascii;
    s.insert(at, "\x80");
    CHECK(BadAt(s) == at);
    s = ascii;
    s.insert(at, "\xE2\x80\x9C");  // a valid curly quote anywhere
    CHECK(BadAt(s) == std::string::npos);
    s.insert(0, "\xFF");
    CHECK(BadAt(s) == 0);
  }
}

TEST_CASE("AsciiLower and EqualsIgnoreCase fold as ToLower does, short or long") {
  const std::string long_name(100, 'Q');  // past the stack buffer
  for (std::string s : {std::string(), std::string("KCNA"), std::string("Yonhap News Agency"),
                        std::string("\xC3\x89mile ZOLA"), long_name + "x"}) {
    CHECK(AsciiLower(s).view() == ToLower(s));
    std::string other = ToLower(s);
    CHECK(EqualsIgnoreCase(s, other));
    other += "s";
    CHECK_FALSE(EqualsIgnoreCase(s, other));
  }
  CHECK_FALSE(EqualsIgnoreCase("KCNA", "KCNB"));
  CHECK_FALSE(EqualsIgnoreCase("\xC3\x89", "\xC3\xA9"));  // only ASCII folds
}

TEST_CASE("IsValidUtf8 with no offset wanted") {
  CHECK_FALSE(IsValidUtf8("\xC3"));
  CHECK(IsValidUtf8("\xC3\xA9"));
}

TEST_CASE("Trim, ToLower and SplitWords") {
  CHECK(Trim("  \t a b \r\n") == "a b");
  CHECK(Trim("   ").empty());
  CHECK(Trim("") == "");
  CHECK(ToLower("Kim JONG-un \xC3\x89") == "kim jong-un \xC3\x89");  // non-ASCII bytes untouched
  CHECK(SplitWords("  one\ttwo\n three  ") == std::vector<std::string>{"one", "two", "three"});
  CHECK(SplitWords(" \n ").empty());
}

TEST_CASE("EditDistance and Closest") {
  CHECK(EditDistance("", "") == 0);
  CHECK(EditDistance("abc", "") == 3);
  CHECK(EditDistance("kitten", "sitting") == 3);
  CHECK(EditDistance("patterns", "paterns") == 1);
  CHECK(EditDistance("flaw", "lawn") == 2);
  CHECK(Closest("rnu", {"run", "rules", "eval"}) == "run");
  CHECK(Closest("conflict", {"run", "conflicts", "explain"}) == "conflicts");
  CHECK(Closest("zzzzzz", {"run", "rules", "eval"}) == "");
  CHECK(Closest("x", {}) == "");
}

}  // namespace
}  // namespace recon

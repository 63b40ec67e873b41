// Small text helpers shared by every stage: ASCII case folding, trimming, word splitting.
#ifndef RECON_TEXT_UTIL_H_
#define RECON_TEXT_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

namespace recon {

// ASCII lower case; other bytes unchanged (UTF-8 safe).
std::string ToLower(std::string_view s);
// Without leading and trailing ASCII white space.
std::string_view Trim(std::string_view s);
// Splits on ASCII white space.
std::vector<std::string> SplitWords(std::string_view s);
// True when `s` is valid UTF-8; `bad_offset` gets the first bad byte otherwise.
bool IsValidUtf8(std::string_view s, size_t* bad_offset = nullptr);
// Levenshtein distance, for "did you mean" suggestions.
size_t EditDistance(std::string_view a, std::string_view b);
// The closest candidate within a small distance, or "".
std::string Closest(std::string_view word, const std::vector<std::string_view>& candidates);
inline bool IsAsciiAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace recon

#endif  // RECON_TEXT_UTIL_H_

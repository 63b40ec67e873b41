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
// ASCII case-insensitive equality: ToLower(a) == ToLower(b) without the copies.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// A string in ASCII lower case, as ToLower makes it, held on the stack when it is as short as a
// word or a name is: for lookups done per token or per citation, where ToLower's heap copy cost
// more than the lookup. The view lives as long as the object.
class AsciiLower {
 public:
  explicit AsciiLower(std::string_view s) {
    char* out = s.size() <= sizeof buf_ ? buf_ : (spill_.resize(s.size()), spill_.data());
    for (size_t i = 0; i < s.size(); ++i) out[i] = IsAsciiUpper(s[i]) ? char(s[i] + 32) : s[i];
    view_ = std::string_view(out, s.size());
  }
  AsciiLower(const AsciiLower&) = delete;
  AsciiLower& operator=(const AsciiLower&) = delete;
  std::string_view view() const { return view_; }

 private:
  char buf_[64];
  std::string spill_;  // longer strings
  std::string_view view_;
};

}  // namespace recon

#endif  // RECON_TEXT_UTIL_H_

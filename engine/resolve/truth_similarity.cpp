// Similarities between two claimed values, for TruthFinder's implication: token sets, token
// containment (a first-author listing supports the full list), clock times within a window,
// and numbers.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <iterator>
#include <string>
#include <vector>

#include "recon/truth.h"

namespace recon {
namespace {

bool IsTokenChar(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

std::vector<std::string> Tokens(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !IsTokenChar(s[i])) ++i;
    size_t b = i;
    while (i < s.size() && IsTokenChar(s[i])) ++i;
    if (i - b >= 2) {
      std::string t(s.substr(b, i - b));
      for (auto& ch : t) ch = char(std::tolower(static_cast<unsigned char>(ch)));
      out.push_back(std::move(t));
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool ParseNumber(std::string_view s, double* out) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// Minutes since midnight for "H:MM" or "HH:MM[:SS]"; false for anything else.
bool ParseClock(std::string_view s, double* minutes) {
  auto digits = [&](size_t b, size_t n, int* out) {
    if (b + n > s.size()) return false;
    *out = 0;
    for (size_t i = b; i < b + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      *out = *out * 10 + (s[i] - '0');
    }
    return true;
  };
  size_t colon = s.find(':');
  int h, m, sec = 0;
  if (colon == std::string_view::npos || colon == 0 || colon > 2) return false;
  if (!digits(0, colon, &h) || !digits(colon + 1, 2, &m) || h > 23 || m > 59) return false;
  size_t end = colon + 3;
  if (end < s.size()) {
    if (s[end] != ':' || end + 3 != s.size() || !digits(end + 1, 2, &sec) || sec > 59) return false;
  }
  *minutes = h * 60 + m + sec / 60.0;
  return true;
}

}  // namespace

double TokenSetSimilarity(std::string_view a, std::string_view b) {
  if (a == b) return 1;
  auto x = Tokens(a), y = Tokens(b);
  if (x.empty() || y.empty()) return 0;
  std::vector<std::string> common;
  std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(common));
  return double(common.size()) / double(x.size() + y.size() - common.size());
}

double TokenContainment(std::string_view from, std::string_view to) {
  if (from == to) return 1;
  auto x = Tokens(from), y = Tokens(to);
  if (x.empty()) return 0;
  std::vector<std::string> common;
  std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(common));
  return double(common.size()) / double(x.size());
}

double ClockSimilarity(std::string_view a, std::string_view b, double window_minutes) {
  if (a == b) return 1;
  double x, y;
  if (window_minutes <= 0 || !ParseClock(a, &x) || !ParseClock(b, &y)) return 0;
  double d = std::abs(x - y);
  d = std::min(d, 1440 - d);  // around midnight
  return std::min(1.0, std::max(0.0, 1 - d / window_minutes));
}

double NumericSimilarity(std::string_view a, std::string_view b) {
  if (a == b) return 1;
  double x, y;
  if (!ParseNumber(a, &x) || !ParseNumber(b, &y)) return 0;
  double m = std::max(std::abs(x), std::abs(y));
  if (m == 0) return 1;
  return std::min(1.0, std::max(0.0, 1 - std::abs(x - y) / m));
}

}  // namespace recon

// NameKey: a romanisation-folded key for Korean-style personal names, so that spellings of one
// name meet in one blocking key while different names stay apart.
#include "recon/link.h"

#include <vector>

#include "recon/text_util.h"

namespace recon {

namespace {

// Folds one syllable's spelling: McCune-Reischauer, Revised Romanisation and common press
// spellings of the same sound end up equal ("chul", "chol", "cheol" -> "jol").
std::string FoldSyllable(std::string s) {
  struct Rule { std::string_view from, to; };
  static constexpr Rule kRules[] = {
      {"yeo", "yo"}, {"eo", "o"}, {"ou", "o"}, {"oo", "u"}, {"ee", "i"}, {"ae", "e"},
      {"th", "t"},   {"ch", "j"}, {"sh", "s"}, {"k", "g"},  {"t", "d"},  {"p", "b"},
      {"l", "r"},    {"u", "o"},  {"wo", "o"},
  };
  for (const auto& r : kRules) {
    for (size_t pos = s.find(r.from); pos != std::string::npos; pos = s.find(r.from, pos + r.to.size()))
      s.replace(pos, r.from.size(), r.to);
  }
  return s;
}

}  // namespace

std::string NameKey(std::string_view name, const std::map<std::string, std::string>& surname_variants) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : name) {
    if (c == ' ' || c == '-' || c == '\t') {
      if (!cur.empty()) parts.push_back(cur), cur.clear();
    } else if (c != '.' && c != ',' && c != '\'') {
      cur += c;
    }
  }
  if (!cur.empty()) parts.push_back(cur);
  if (parts.empty()) return "";
  if (auto it = surname_variants.find(parts[0]); it != surname_variants.end()) parts[0] = it->second;
  std::string key = FoldSyllable(ToLower(parts[0]));
  if (parts.size() > 1) key += ' ';
  for (size_t i = 1; i < parts.size(); ++i) key += FoldSyllable(ToLower(parts[i]));
  return key;
}

std::string NameKey(std::string_view name) { return NameKey(name, {}); }

}  // namespace recon

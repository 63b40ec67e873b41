// Shared by the extract tests: the default rule packs loaded once, one extractor, and runs on
// one invented document whose text outlives the claims that view into it.
#ifndef RECON_TESTS_EXTRACT_FIXTURE_H_
#define RECON_TESTS_EXTRACT_FIXTURE_H_

#include <doctest/doctest.h>

#include <deque>
#include <optional>
#include <string>

#include "recon/extract.h"
#include "recon/rules.h"

namespace recon {

inline const RuleSet& DefaultTestRules() {
  static RuleSet rules = [] {
    Diagnostics d;
    RuleSet r = LoadRules({DefaultRulesDir()}, &d);
    REQUIRE(d.error_count() == 0);
    return r;
  }();
  return rules;
}

// Extracts one document with id "doc". Claims view their sentence in the document text, so
// every corpus read here stays alive until the test binary exits.
inline Extraction ExtractOne(const std::string& text, const std::string& source,
                             std::optional<Date> published, bool keep_removed = false,
                             const std::string& title = "") {
  static std::deque<Corpus> corpora;
  static Extractor extractor(DefaultTestRules());
  Corpus& corpus = corpora.emplace_back();
  Document doc;
  doc.id = "doc";
  doc.source = source;
  doc.published = published;
  doc.text = text;
  doc.title = title;
  corpus.documents.push_back(doc);
  return extractor.Run(corpus, {1, keep_removed});
}

// The n-th claim (from 0) of `type`, or nullptr.
inline const Claim* NthOfType(const std::vector<Claim>& claims, const std::string& type, int n = 0) {
  for (const auto& c : claims)
    if (c.type == type && n-- == 0) return &c;
  return nullptr;
}

// The subject's fullest name, else its descriptor ("soldier"), else "".
inline std::string SubjectName(const Claim& c) {
  for (const auto& p : c.participants)
    if (p.role == "subject") return p.name.empty() ? p.descriptor : p.name;
  return "";
}

}  // namespace recon

#endif  // RECON_TESTS_EXTRACT_FIXTURE_H_

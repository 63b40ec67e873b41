// Extractor: builds the rule tables once, then reads documents in parallel (reader.cpp) and
// joins their claims in document order, so output does not depend on the thread count.
#include "recon/extract.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <thread>

#include "reader.h"
#include "recon/text_util.h"

namespace recon {

ExtractorTables::ExtractorTables(const RuleSet& r)
    : rules(r), segmenter(r), tagger(r.timex), mentions(r), relations(r) {
  for (uint32_t i = 0; i < r.triggers.size(); ++i)
    for (const auto& p : r.triggers[i].patterns) triggers.Add(p, i);
  for (uint32_t i = 0; i < r.modality.size(); ++i)
    for (const auto& p : r.modality[i].patterns) modality.Add(p, i);
  for (uint32_t i = 0; i < r.counts.size(); ++i)
    for (const auto& p : r.counts[i].cues) counts.Add(p, i);
  for (uint32_t i = 0; i < r.attribution.size(); ++i) {
    for (const auto& p : r.attribution[i].patterns) {
      bool first = p.rfind("{source}", 0) == 0;
      std::string literal = first ? p.substr(8) : p.substr(0, p.size() - 8);
      uint32_t id = uint32_t(attribution_patterns.size());
      if (attribution.Add(literal, id)) attribution_patterns.push_back({i, first});
    }
  }
  for (const auto& n : r.numbers) numbers[n.first] = n.second;
  for (const auto& v : r.names.reporting_verbs) reporting_verbs.insert(ToLower(v));
  for (const auto& d : r.names.descriptors) descriptors.insert(ToLower(d));
  for (const auto& d : r.names.source_nouns) source_nouns.insert(ToLower(d));
  for (const auto& d : r.names.auxiliaries) auxiliaries.insert(ToLower(d));
  for (const auto& d : r.names.pronouns) pronouns.insert(ToLower(d));
  for (const auto& d : r.names.generic_cues) generic_cues.insert(ToLower(d));
  for (const auto& d : r.names.clause_openers) clause_openers.insert(ToLower(d));
  for (const auto& d : r.names.finite_markers) finite_markers.insert(ToLower(d));
  for (const auto& d : r.names.agent_markers) agent_markers.insert(ToLower(d));
  for (const auto& d : r.names.after_openers) after_openers.insert(ToLower(d));
  for (const auto& d : r.names.when_openers) when_openers.insert(ToLower(d));
  for (const auto& d : r.names.clause_openers) event_separators.insert(ToLower(d));
  for (const auto& d : r.names.event_separators) event_separators.insert(ToLower(d));
  for (const auto& d : r.names.destination_markers) destination_markers.insert(ToLower(d));
  for (const auto& d : r.names.place_prepositions) place_prepositions.insert(ToLower(d));
  for (const auto& e : r.entities) {
    if (e.type != EntityType::kOrganization && e.type != EntityType::kPlace) continue;
    canonical_party[ToLower(e.name)] = e.name;
    for (const auto& a : e.aliases) canonical_party[ToLower(a)] = e.name;
  }
  for (const auto& d : r.names.stop_words) {
    stop_words.insert(d);
    function_words.insert(ToLower(d));
  }
}

struct Extractor::Impl {
  explicit Impl(const RuleSet& r) : tables(r) {}
  ExtractorTables tables;
};

Extractor::Extractor(const RuleSet& rules) : impl_(std::make_unique<Impl>(rules)) {}
Extractor::~Extractor() = default;

Extraction Extractor::Run(const Corpus& corpus, const ExtractOptions& options) const {
  size_t n = corpus.documents.size();
  std::vector<DocResult> results(n);
  unsigned threads = options.threads > 0 ? unsigned(options.threads)
                                         : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, std::max<size_t>(1, n));
  // Every step but the last runs on all threads: what stays serial bounds the speed-up.
  auto parallel = [threads](const std::function<void(unsigned worker)>& f) {
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(f, t);
    f(0);
    for (auto& t : pool) t.join();
  };
  // Each worker sums the rule hits of its documents; the sums are added up at the end.
  std::vector<std::map<std::string, size_t>> hits(threads);
  std::atomic<size_t> next{0};
  parallel([&](unsigned worker) {
    for (size_t i; (i = next.fetch_add(1)) < n;) {
      results[i] = DocumentReader(impl_->tables, corpus.documents[i], uint32_t(i)).Read(options.keep_removed);
      for (const auto& [id, k] : results[i].hits) hits[worker][id] += k;
      results[i].hits = {};
    }
  });

  const RuleSet& rules = impl_->tables.rules;
  Extraction ex;
  for (const auto& r : rules.triggers) ex.rule_hits[r.id] = 0;
  for (const auto& r : rules.boilerplate) ex.rule_hits[r.id] = 0;
  for (const auto& r : rules.modality) ex.rule_hits[r.id] = 0;
  for (const auto& r : rules.attribution) ex.rule_hits[r.id] = 0;
  for (const auto& r : rules.counts) ex.rule_hits[r.id] = 0;
  for (const auto& h : hits)
    for (const auto& [id, k] : h) ex.rule_hits[id] += k;
  // The claims go to their final places in document order, moved by all threads at once: on one
  // thread, moving tens of thousands of claims into fresh memory was the largest serial step.
  std::vector<size_t> offset(n + 1, 0);
  size_t total_removed = 0;
  for (size_t i = 0; i < n; ++i) {
    offset[i + 1] = offset[i] + results[i].claims.size();
    total_removed += results[i].removed.size();
    ex.sentences += results[i].sentences;
    ex.mentions += results[i].mentions;
    ex.time_expressions += results[i].timexes;
    ex.boilerplate_lines += results[i].boilerplate;
  }
  ex.claims.resize(offset[n]);
  next = 0;
  parallel([&](unsigned) {
    for (size_t i; (i = next.fetch_add(1)) < n;) {
      std::move(results[i].claims.begin(), results[i].claims.end(), ex.claims.begin() + offset[i]);
      results[i].claims = {};
    }
  });
  ex.removed.reserve(total_removed);
  for (auto& r : results)
    std::move(r.removed.begin(), r.removed.end(), std::back_inserter(ex.removed));
  return ex;
}

}  // namespace recon

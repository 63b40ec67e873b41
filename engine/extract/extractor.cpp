// Extractor: builds the rule tables once, then reads documents in parallel (reader.cpp) and
// joins their claims in document order, so output does not depend on the thread count.
#include "recon/extract.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <map>
#include <new>
#include <string_view>
#include <unordered_map>

#include "reader.h"
#include "recon/parallel.h"
#include "recon/text_util.h"

namespace recon {

ExtractorTables::ExtractorTables(const RuleSet& r)
    : rules(r), segmenter(r), tagger(r.timex), mentions(r), relations(r) {
  cue_base[kTriggerCue] = 0;
  for (uint32_t i = 0; i < r.triggers.size(); ++i) {
    for (const auto& p : r.triggers[i].patterns) cues.Add(p, cue_base[kTriggerCue] + i);
    requires_near.emplace_back(r.triggers[i].requires_near);
    not_near.emplace_back(r.triggers[i].not_near);
  }
  cue_base[kModalityCue] = cue_base[kTriggerCue] + uint32_t(r.triggers.size());
  for (uint32_t i = 0; i < r.modality.size(); ++i)
    for (const auto& p : r.modality[i].patterns) cues.Add(p, cue_base[kModalityCue] + i);
  cue_base[kCountCue] = cue_base[kModalityCue] + uint32_t(r.modality.size());
  for (uint32_t i = 0; i < r.counts.size(); ++i)
    for (const auto& p : r.counts[i].cues) cues.Add(p, cue_base[kCountCue] + i);
  cue_base[kAttributionCue] = cue_base[kCountCue] + uint32_t(r.counts.size());
  for (uint32_t i = 0; i < r.attribution.size(); ++i) {
    for (const auto& p : r.attribution[i].patterns) {
      bool first = p.rfind("{source}", 0) == 0;
      std::string literal = first ? p.substr(8) : p.substr(0, p.size() - 8);
      uint32_t id = uint32_t(attribution_patterns.size());
      if (cues.Add(literal, cue_base[kAttributionCue] + id)) attribution_patterns.push_back({i, first});
    }
  }
  cue_base[kCueKinds] = cue_base[kAttributionCue] + uint32_t(attribution_patterns.size());
  for (const auto& n : r.numbers) numbers[n.first] = n.second;
  for (const auto& e : r.entities) {
    auto role = e.attributes.find("role");
    if (e.type == EntityType::kPerson && role != e.attributes.end() && role->second == "leader") leaders.push_back(e.id);
  }
  for (const auto& v : r.names.reporting_verbs) reporting_verbs.insert(ToLower(v));
  for (const auto& d : r.names.descriptors) descriptors.insert(ToLower(d));
  for (const auto& d : r.names.source_nouns) source_nouns.insert(ToLower(d));
  for (const auto& d : r.names.auxiliaries) auxiliaries.insert(ToLower(d));
  for (const auto& d : r.names.pronouns) pronouns.insert(ToLower(d));
  for (const auto& d : r.names.first_person) first_person.insert(ToLower(d));
  for (const auto& d : r.names.female_pronouns) female_pronouns.insert(ToLower(d));
  for (const auto& d : r.names.female_nouns) female_nouns.insert(ToLower(d));
  for (const auto& d : r.names.male_pronouns) male_pronouns.insert(ToLower(d));
  for (const auto& d : r.names.male_nouns) male_nouns.insert(ToLower(d));
  for (const auto& d : r.names.possessives) possessives.insert(ToLower(d));
  for (const auto& d : r.names.relation_nouns) relation_nouns.insert(ToLower(d));
  for (const auto& d : r.names.adverbs) adverbs.insert(ToLower(d));
  for (const auto* list : {&r.names.prepositions, &r.names.place_prepositions, &r.names.agent_markers})
    for (const auto& d : *list) prepositions.insert(ToLower(d));
  for (const auto& d : r.names.generic_cues) generic_cues.insert(ToLower(d));
  for (const auto& d : r.names.measure_words) measure_words.insert(ToLower(d));
  for (const auto& d : r.names.part_pronouns) part_pronouns.insert(ToLower(d));
  for (const auto& d : r.names.cause_doubters) cause_doubters.insert(ToLower(d));
  for (const auto& d : r.names.report_nouns) report_nouns.insert(ToLower(d));
  for (const auto& d : r.names.clause_openers) clause_openers.insert(ToLower(d));
  for (const auto& d : r.names.finite_markers) finite_markers.insert(ToLower(d));
  for (const auto& d : r.names.agent_markers) agent_markers.insert(ToLower(d));
  for (const auto& d : r.names.after_openers) after_openers.insert(ToLower(d));
  for (const auto& d : r.names.when_openers) when_openers.insert(ToLower(d));
  for (const auto& d : r.names.peg_verbs) peg_verbs.insert(ToLower(d));
  for (const auto& d : r.names.coordinators) coordinators.insert(ToLower(d));
  for (const auto& d : r.names.question_openers) question_openers.insert(ToLower(d));
  for (const auto& d : r.names.party_pronouns) party_pronouns.insert(ToLower(d));
  for (const auto& d : r.names.clause_continuers) clause_continuers.insert(ToLower(d));
  for (const auto& d : r.names.statement_prefaces) statement_prefaces.push_back(SplitWords(ToLower(d)));
  for (const auto& d : r.names.identify_verbs) identify_verbs.insert(ToLower(d));
  for (const auto& d : r.names.raising_verbs) raising_verbs.insert(ToLower(d));
  for (const auto& d : r.names.abbreviations) abbreviations.insert(ToLower(d));
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
  // emplace keeps the first outlet a name belongs to, as RuleSet::FindOutlet's scan does.
  for (const auto& o : r.outlets) {
    outlets.emplace(ToLower(o.name), &o);
    outlets.emplace(ToLower(o.id), &o);
    for (const auto& v : o.variants) outlets.emplace(ToLower(v), &o);
  }
}

const OutletRule* ExtractorTables::FindOutlet(std::string_view name) const {
  auto it = outlets.find(AsciiLower(Trim(name)).view());
  return it == outlets.end() ? nullptr : it->second;
}

namespace {

// Where a worker keeps the claims of the documents it finished until the join. The join moves
// every claim into one vector; were the claims still in per-document vectors, both copies would
// be resident at the end (sizeof(Claim), 400 bytes, per claim more at the peak, since memory
// freed to malloc stays in the process). Here they sit in blocks mapped from the operating system, and
// the join unmaps each block as soon as its last claim has moved out, so the peak holds the
// claim objects about once. Not thread-safe: one store per worker; the join runs on one thread.
class ClaimStore {
 public:
  // A document's claims: `n` claims from `first` in block `block`.
  struct Span {
    size_t block = 0;
    Claim* first = nullptr;
    size_t n = 0;
  };

  ClaimStore() = default;
  ClaimStore(const ClaimStore&) = delete;
  ClaimStore& operator=(const ClaimStore&) = delete;
  ClaimStore(ClaimStore&&) = default;
  ~ClaimStore() {
    for (Block& b : blocks_) Release(b);
  }

  // Moves the claims into the store, after those added before, all in one block; `claims` and
  // its buffer are gone when this returns.
  Span Add(std::vector<Claim> claims) {
    Span s;
    s.n = claims.size();
    if (s.n == 0) return s;
    if (blocks_.empty() || blocks_.back().used + s.n > blocks_.back().capacity) {
      size_t capacity = std::max(kBlockClaims, s.n);
      void* mem = mmap(nullptr, capacity * sizeof(Claim), PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
      if (mem == MAP_FAILED) throw std::bad_alloc();
      blocks_.push_back({static_cast<Claim*>(mem), capacity, 0, 0});
    }
    Block& b = blocks_.back();
    s.block = blocks_.size() - 1;
    s.first = b.claims + b.used;
    for (size_t k = 0; k < s.n; ++k) new (s.first + k) Claim(std::move(claims[k]));
    b.used += s.n;
    b.live += s.n;
    return s;
  }

  // Moves a span's claims to the end of `out` and unmaps its block once it holds no more.
  void MoveOut(const Span& s, std::vector<Claim>* out) {
    if (s.n == 0) return;
    for (size_t k = 0; k < s.n; ++k) {
      out->push_back(std::move(s.first[k]));
      s.first[k].~Claim();
    }
    Block& b = blocks_[s.block];
    b.live -= s.n;
    if (b.live == 0) {
      munmap(b.claims, b.capacity * sizeof(Claim));
      b.claims = nullptr;
    }
  }

 private:
  // About 200 KB: large enough that a block serves dozens of documents, small enough that the
  // blocks in flight during the join cost little.
  static constexpr size_t kBlockClaims = 512;
  struct Block {
    Claim* claims = nullptr;  // nullptr once unmapped
    size_t capacity = 0;
    size_t used = 0;  // constructed so far
    size_t live = 0;  // not yet moved out
  };
  // Only an unfinished join (an exception) leaves claims behind.
  void Release(Block& b) {
    if (b.claims == nullptr) return;
    for (size_t k = 0; k < b.used; ++k) b.claims[k].~Claim();
    munmap(b.claims, b.capacity * sizeof(Claim));
  }

  std::vector<Block> blocks_;
};

// Claims the join's threads map in at a time: about 2 MB.
constexpr size_t kJoinStretch = 5000;
// Threads at most that map in a stretch.
constexpr unsigned kJoinFillers = 4;

// Maps in the pages of the `worker`th of `workers` slices of [begin, end), as writing to them
// would, without writing; only whole pages inside the range, so memory beyond it is untouched.
// Best effort: where the kernel cannot (before Linux 5.14), the pages fault in when written.
void PopulateSlice(void* begin, void* end, unsigned worker, unsigned workers) {
#ifdef MADV_POPULATE_WRITE
  const uintptr_t page = uintptr_t(sysconf(_SC_PAGESIZE));
  const uintptr_t first = (reinterpret_cast<uintptr_t>(begin) + page - 1) / page;
  const uintptr_t last = reinterpret_cast<uintptr_t>(end) / page;
  if (last <= first) return;
  const uintptr_t from = first + (last - first) * worker / workers;
  const uintptr_t to = first + (last - first) * (worker + 1) / workers;
  if (to > from) madvise(reinterpret_cast<void*>(from * page), (to - from) * page, MADV_POPULATE_WRITE);
#else
  (void)begin, (void)end, (void)worker, (void)workers;
#endif
}

}  // namespace

struct Extractor::Impl {
  explicit Impl(const RuleSet& r) : tables(r) {}
  ExtractorTables tables;
};

Extractor::Extractor(const RuleSet& rules) : impl_(std::make_unique<Impl>(rules)) {}
Extractor::~Extractor() = default;

Extraction Extractor::Run(const Corpus& corpus, const ExtractOptions& options) const {
  size_t n = corpus.documents.size();
  // Per document, only what the join needs: its removed lines (kept in order) and where its
  // claims wait. Counts and rule hits are summed per worker.
  std::vector<std::vector<RemovedLine>> removed(n);
  // Every step but the last runs on all threads: what stays serial bounds the speed-up.
  const unsigned threads = WorkerCount(options.threads, n);
  // Each worker sums the rule hits and counts of its documents; the sums are added up at the end.
  // Keyed by the rule set's own id strings, which outlive the run.
  std::vector<std::unordered_map<std::string_view, size_t, StringHash>> hits(threads);
  std::vector<DocResult> sums(threads);  // claims, removed and hits unused
  std::vector<ClaimStore> stores(threads);
  std::vector<ClaimStore::Span> spans(n);
  std::vector<unsigned> owner(n, 0);  // the worker whose store holds document i's claims
  // Workers take runs of neighbouring documents, not one document each. Neighbours are often
  // alike (one story as several outlets tell it, files sorted by name), and a thread that reads
  // them one after another finds the same table entries and branches warm: taking every other
  // document cost a thread 12% more CPU than taking them in order. Small runs for small corpora,
  // so every thread still gets work.
  const size_t run = std::clamp<size_t>(n / (size_t(threads) * 16), 1, 32);
  std::atomic<size_t> next{0};
  RunWorkers(threads, [&](unsigned worker) {
    for (size_t first; (first = next.fetch_add(run)) < n;) {
      const size_t last = std::min(n, first + run);
      for (size_t i = first; i < last; ++i) {
        DocResult r = DocumentReader(impl_->tables, corpus.documents[i], uint32_t(i)).Read(options.keep_removed);
        for (std::string_view id : r.hits) ++hits[worker][id];
        sums[worker].sentences += r.sentences;
        sums[worker].mentions += r.mentions;
        sums[worker].timexes += r.timexes;
        sums[worker].boilerplate += r.boilerplate;
        removed[i] = std::move(r.removed);
        spans[i] = stores[worker].Add(std::move(r.claims));
        owner[i] = worker;
      }
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
    for (const auto& [id, k] : h) ex.rule_hits[std::string(id)] += k;
  size_t total_claims = 0, total_removed = 0;
  for (size_t i = 0; i < n; ++i) {
    total_claims += spans[i].n;
    total_removed += removed[i].size();
  }
  for (const DocResult& s : sums) {
    ex.sentences += s.sentences;
    ex.mentions += s.mentions;
    ex.time_expressions += s.timexes;
    ex.boilerplate_lines += s.boilerplate;
  }
  // In document order, on one thread: the joined vector's pages are touched only as the
  // stores' blocks are unmapped (see ClaimStore). Faulting those pages in was two thirds of the
  // join's time (10 ms of 15 for 68,000 claims), so with several threads they all map in the
  // next stretch of it before the moves write there; a stretch is small, so the peak stays
  // about one copy of the claims.
  ex.claims.reserve(total_claims);
  for (size_t i = 0; i < n;) {
    size_t j = i, count = 0;
    while (j < n && (count == 0 || count + spans[j].n <= kJoinStretch)) count += spans[j++].n;
    if (threads > 1) {
      // A few threads fault memory in as fast as many; more would cost their starts.
      const unsigned fill = std::min(threads, kJoinFillers);
      Claim* at = ex.claims.data() + ex.claims.size();
      // A slice no thread maps in faults in as it is written.
      RunWorkers(fill, [&](unsigned w) { PopulateSlice(at, at + count, w, fill); });
    }
    for (; i < j; ++i) stores[owner[i]].MoveOut(spans[i], &ex.claims);
  }
  ex.removed.reserve(total_removed);
  for (auto& r : removed) std::move(r.begin(), r.end(), std::back_inserter(ex.removed));
  return ex;
}

}  // namespace recon

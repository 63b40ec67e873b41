// Truth discovery: from many sources' claims about objects' attributes, estimate the true value,
// its confidence and each source's reliability, discounting sources that copy one another.
#ifndef RECON_TRUTH_H_
#define RECON_TRUTH_H_

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "recon/diagnostic.h"

namespace recon {

// One source's claim that `object`'s `attribute` has `value`.
struct TruthClaim {
  std::string source;
  std::string object;
  std::string attribute;
  std::string value;
  std::string cites;    // the source this one relays, "" when independent
  std::string time;     // when the claim was made, as given; carried along, not used in scoring
  double weight = 1.0;  // extraction confidence or modality weight, 0..1
};

// The same claims with every string stored once: 24 bytes a claim plus each distinct string,
// against about 200 for a TruthClaim. The compact input for large runs; row i is claim i.
// `time` is not kept (it is not used in scoring). Not safe for concurrent Add; const use may be
// shared across threads.
class TruthClaimTable {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;  // no `cites`
  struct Row {
    uint32_t source, object, attribute, value;
    uint32_t cites;  // kNone when independent
    float weight;    // clamped to >= 0
  };

  TruthClaimTable();
  TruthClaimTable(const TruthClaimTable&) = delete;
  TruthClaimTable& operator=(const TruthClaimTable&) = delete;
  TruthClaimTable(TruthClaimTable&&) = default;
  TruthClaimTable& operator=(TruthClaimTable&&) = default;

  // Appends one claim (row size() - 1).
  void Add(std::string_view source, std::string_view object, std::string_view attribute,
           std::string_view value, std::string_view cites = {}, double weight = 1.0);
  void Add(const TruthClaim& c) { Add(c.source, c.object, c.attribute, c.value, c.cites, c.weight); }
  void Reserve(size_t rows) { rows_.reserve(rows); }

  size_t size() const { return rows_.size(); }
  const Row& row(size_t i) const { return rows_[i]; }
  // The string with id `id` (any field); ids are numbered in first-seen order.
  std::string_view name(uint32_t id) const { return names_[id]; }
  size_t names() const { return names_.size(); }
  // Approximate heap bytes held.
  size_t MemoryBytes() const;

 private:
  uint32_t Intern(std::string_view s);
  std::vector<Row> rows_;
  std::vector<std::string_view> names_;       // views into chunks_
  std::vector<std::unique_ptr<char[]>> chunks_;
  size_t chunk_left_ = 0;
  char* chunk_next_ = nullptr;
  std::unordered_map<std::string_view, uint32_t> ids_;
  Row last_{kNone, kNone, kNone, kNone, kNone, 0};  // the previous row: consecutive repeats skip the hash
};

enum class TruthMethod { kVote, kTruthFinder, kAccu, kAccuCopy };

// Maps a method's raw score for the chosen value to a probability that it is right:
// p = 1 / (1 + exp(-(a * logit(raw) + b))) (Platt scaling on the log-odds of the raw score).
// a = 1, b = 0 is the identity. Fitted offline on gold data with FitCalibration().
struct TruthCalibration {
  double a = 1.0;  // Default: 1 (identity)
  double b = 0.0;  // Default: 0 (identity)
  // The calibrated probability for a raw score in [0,1].
  double Apply(double raw) const;
};

// How much a claim that an attribute has value `from` supports the value `to`, in [0,1]
// (1 = the same claim). Need not be symmetric.
using TruthSimilarity =
    std::function<double(std::string_view attribute, std::string_view from, std::string_view to)>;

struct TruthOptions {
  TruthMethod method = TruthMethod::kAccuCopy;  // Default: AccuCopy
  int iterations = 20;                          // at most this many rounds. Default: 20
  double tolerance = 1e-6;  // stop when no reliability moves more than this. Default: 1e-6
  double default_reliability = 0.8;      // prior for sources without one. Default: 0.8
  std::map<std::string, double> priors;  // source -> prior reliability
  // Similarity of two values of one attribute; empty means equality (no implication).
  // Used by TruthFinder's implication between values. Default: empty.
  TruthSimilarity similarity;

  // Accu / AccuCopy (Dong et al. 2009).
  int false_values = 100;     // n, the number of false values per attribute. Default: 100
  double copy_prior = 0.2;    // alpha, prior probability that two sources are dependent. Default: 0.2
  double copy_rate = 0.8;     // c, share of its values a copier copies. Default: 0.8

  // Learn one reliability per (source, attribute) instead of per source: a site can be exact on
  // scheduled times and systematically off on actual ones. Default: false
  bool per_attribute = false;
  // How much a shared value that is probably TRUE counts as evidence of copying, 0..1. 1 is the
  // 2009 model (agreeing on a true value is mild evidence, which over thousands of shared items
  // flags almost every pair); 0 counts only shared false values, as a copier betrays itself by
  // the mistakes it repeats. Default: 1
  double true_copy_evidence = 1.0;
  // Caps the evidence a pair of sources can pile up: a pair sharing more items than this counts
  // as sharing this many, each with the pair's mean log-likelihood. The items of one crawl are
  // not independent draws, and summing thousands of them makes every P(copy) 0 or 1.
  // 0 = no cap (the 2009 model). Default: 0
  double copy_evidence_items = 0;
  // Detect copying separately on each attribute: P(s1 copies s2 on attribute a) from the items
  // of attribute a only, with each source's accuracy on a in the likelihoods, and a vote on a
  // discounted by that. Sources can share one attribute's values (a common feed, or the same
  // reading of an ambiguous field) and nothing else; one copy probability for all attributes
  // then lets their disagreements elsewhere hide the dependence. With one attribute it is the
  // per-source model. Votes keep the per-source reliability. Default: false
  bool copy_per_attribute = false;
  // The first copy detection (round 2) takes each value's probability of being true from its
  // share of the item's votes instead of from the first, copy-blind Accu round, which already
  // made the largest camp's values near certain, a mirror group's included, so that only the
  // other camp could be caught sharing "false" values. Default: false
  bool copy_seed_votes = false;
  // Accu / AccuCopy with `similarity`: C*(v) = C(v) + rho * sum over other values v' of
  // sim(v', v) * C(v') (Dong et al. 2009, section 2.3), rho = `implication`. Default: false
  bool accu_similarity = false;
  // Threads for the index and the rounds; 0 = hardware concurrency. The work is cut into a fixed
  // number of chunks whatever the thread count, so results do not depend on it. Default: 0
  int threads = 0;

  // TruthFinder (Yin et al. 2007).
  double dampening = 0.3;     // gamma in s(v) = 1 / (1 + exp(-gamma * sigma*(v))). Default: 0.3
  double implication = 0.5;   // rho, weight of similar values' support. Default: 0.5
  double base_similarity = 0.5;  // imp(a -> b) = sim(a, b) - base. Default: 0.5

  TruthCalibration calibration;  // raw score -> probability. Default: identity
};

struct TruthValue {
  std::string value;
  double confidence = 0;       // calibrated probability that this value is the true one
  double raw = 0;              // the method's score before calibration
  std::vector<size_t> claims;  // indices into the input claims, ascending
};

struct TruthDecision {
  std::string object;
  std::string attribute;
  std::vector<TruthValue> values;  // best first; ties broken by value
};

struct TruthResult {
  std::vector<TruthDecision> decisions;       // sorted by (object, attribute)
  std::map<std::string, double> reliability;  // source -> estimated accuracy
  // source -> attribute -> estimated accuracy; only with TruthOptions::per_attribute.
  std::map<std::string, std::map<std::string, double>> attribute_reliability;
  // source -> source it may copy -> P(copy); both directions of every pair whose dependence
  // P(a copies b) + P(b copies a) is above 0.5, plus every `cites` relay at 1. With
  // TruthOptions::copy_per_attribute: pairs dependent on some attribute, with the largest
  // P(a copies b) over those attributes.
  std::map<std::string, std::map<std::string, double>> copying;
  int iterations = 0;
};

// Runs the chosen method. Deterministic: same claims in any order give the same result.
// A claim with `cites` votes as the cited source, so a relay and its origin count once.
// Linear in the number of claims per round, except AccuCopy's copy detection, which is
// linear in the number of (source, source) pairs sharing an object, summed over objects.
TruthResult DiscoverTruth(const std::vector<TruthClaim>& claims, const TruthOptions& options);
// The same over a claim table (TruthValue::claims index its rows); same result as the vector
// form for the same claims.
TruthResult DiscoverTruth(const TruthClaimTable& claims, const TruthOptions& options);

// Fits Platt scaling on (raw score, correct?) pairs by Newton's method on the log loss.
// Returns the identity when there are fewer than two pairs or only one class.
TruthCalibration FitCalibration(const std::vector<double>& raw, const std::vector<bool>& correct);

// Expected calibration error: sum over `bins` equal-width confidence bins of
// (bin size / total) * |mean confidence - accuracy|. 0 for no pairs.
double ExpectedCalibrationError(const std::vector<double>& confidence,
                                const std::vector<bool>& correct, int bins = 10);

// Jaccard similarity of the sets of lower-cased alphanumeric tokens of at least two characters;
// for list-valued attributes (author lists) where order and punctuation do not matter.
double TokenSetSimilarity(std::string_view a, std::string_view b);
// Share of `from`'s tokens (as above) that `to` also has: a partial list supports the full one.
double TokenContainment(std::string_view from, std::string_view to);
// 1 - |a - b| / max(|a|, |b|) for two numbers, clamped to [0,1]; equality for non-numbers.
double NumericSimilarity(std::string_view a, std::string_view b);

// Clock times "H:MM" or "HH:MM[:SS]" (24-hour), compared around the clock: 1 - d / window for
// d minutes apart, clamped to [0,1]; equality for anything that is not such a time.
double ClockSimilarity(std::string_view a, std::string_view b, double window_minutes);

// Reads claims from CSV (a header naming source, object, attribute, value and optionally time,
// cites, weight, in any order) or JSON Lines with the same keys; the format is chosen by the
// first non-blank character ('{' means JSON Lines). A bad row becomes a diagnostic naming
// `file` and its line, and is skipped.
std::vector<TruthClaim> ReadTruthClaims(std::istream& in, const std::string& file,
                                        Diagnostics* diags);

std::string_view TruthMethodName(TruthMethod m);
// "vote", "truthfinder", "accu", "accucopy"; false for anything else.
bool ParseTruthMethod(std::string_view name, TruthMethod* m);

}  // namespace recon

#endif  // RECON_TRUTH_H_

// Truth discovery: from many sources' claims about objects' attributes, estimate the true value,
// its confidence and each source's reliability, discounting sources that copy one another.
#ifndef RECON_TRUTH_H_
#define RECON_TRUTH_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace recon {

// One source's claim that `object`'s `attribute` has `value`.
struct TruthClaim {
  std::string source;
  std::string object;
  std::string attribute;
  std::string value;
  std::string cites;    // the source this one relays, "" when independent
  double weight = 1.0;  // extraction confidence or modality weight, 0..1
};

enum class TruthMethod { kVote, kTruthFinder, kAccu, kAccuCopy };

struct TruthOptions {
  TruthMethod method = TruthMethod::kAccuCopy;  // Default: AccuCopy
  int iterations = 20;                          // Default: 20
  double default_reliability = 0.8;             // prior for sources without one. Default: 0.8
  std::map<std::string, double> priors;         // source -> prior reliability
  // Similarity of two values of one attribute in [0,1] (1 = the same claim); Default: equality.
  std::function<double(const std::string& attribute, const std::string& a, const std::string& b)>
      similarity;
};

struct TruthValue {
  std::string value;
  double confidence = 0;        // calibrated probability that this value is the true one
  std::vector<size_t> claims;   // indices into the input claims, ascending
};

struct TruthDecision {
  std::string object;
  std::string attribute;
  std::vector<TruthValue> values;  // best first; ties broken by value
};

struct TruthResult {
  std::vector<TruthDecision> decisions;       // sorted by (object, attribute)
  std::map<std::string, double> reliability;  // source -> estimated accuracy
  std::map<std::string, std::map<std::string, double>> copying;  // source -> source -> P(copy)
  int iterations = 0;
};

// Runs the chosen method. Deterministic: same claims in any order give the same result.
TruthResult DiscoverTruth(const std::vector<TruthClaim>& claims, const TruthOptions& options);

}  // namespace recon

#endif  // RECON_TRUTH_H_

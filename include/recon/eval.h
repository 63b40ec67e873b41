// Evaluation against gold annotations (samples/gold.yaml format, documented in samples/README.md).
#ifndef RECON_EVAL_H_
#define RECON_EVAL_H_

#include <string>
#include <utility>
#include <vector>

#include "recon/date_range.h"
#include "recon/diagnostic.h"
#include "recon/pipeline.h"

namespace recon {

struct GoldEntity {
  std::string id;
  std::string type;
  std::vector<std::string> names;
};

struct GoldEvent {
  std::string id;
  std::string type;
  DateRange date;
  std::vector<std::string> participants;  // gold entity ids
  std::vector<std::string> documents;
};

struct GoldConflict {
  std::string event;
  std::string attribute;
  std::vector<std::string> values;
};

struct GoldClaim {
  std::string document;
  std::string quote;
  std::string type;
  std::string modality;
  std::vector<std::string> attributed_to;
};

struct Gold {
  std::vector<GoldEntity> entities;
  std::vector<GoldEvent> events;
  std::vector<GoldConflict> conflicts;
  std::vector<GoldClaim> claims;
};

// Loads a gold file; problems become diagnostics (file, line, column).
Gold LoadGold(const std::string& path, Diagnostics* diags);

struct Score {
  size_t true_positives = 0;
  size_t predicted = 0;
  size_t gold = 0;
  double precision() const { return predicted ? double(true_positives) / predicted : 0; }
  double recall() const { return gold ? double(true_positives) / gold : 0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct EvalReport {
  Score events;
  Score conflicts;
  Score entity_merges;      // pairs of surface forms put in one entity
  Score claim_modality;     // gold claims found with the right modality
  Score claim_attribution;  // gold claims found with the right attribution chain
  std::vector<std::string> details;  // one line per miss or false alarm, sorted
  // Every in-scope system event, in timeline order: its id and whether it matched a gold event
  // (what event-confidence calibration is fitted on).
  std::vector<std::pair<std::string, bool>> event_outcomes;
};

// Scores a run against gold: events match on type, overlapping dates and a shared participant.
EvalReport Evaluate(const RunResult& run, const Gold& gold);

}  // namespace recon

#endif  // RECON_EVAL_H_

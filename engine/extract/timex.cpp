// TimexTagger: placeholder (ISO dates only) until the time-expression stage lands.
#include "recon/timex.h"

namespace recon {

std::string_view ToString(TimexType t) {
  switch (t) {
    case TimexType::kDate: return "DATE";
    case TimexType::kTime: return "TIME";
    case TimexType::kDuration: return "DURATION";
    case TimexType::kSet: return "SET";
  }
  return "DATE";
}

struct TimexTagger::Impl {};
TimexTagger::TimexTagger(const TimexRules&) : impl_(new Impl) {}
TimexTagger::~TimexTagger() { delete impl_; }

std::vector<TimeExpression> TimexTagger::Tag(std::string_view text, std::optional<Date> dct) const {
  std::vector<TimeExpression> out;
  for (size_t i = 0; i + 10 <= text.size(); ++i) {
    if (auto d = ParseIsoDate(text.substr(i, 10))) {
      TimeExpression t;
      t.begin = i, t.end = i + 10, t.text = std::string(text.substr(i, 10));
      t.value = t.text, t.range = DateRange::Day(*d);
      out.push_back(t);
      i += 9;
    }
  }
  return out;
}

}  // namespace recon

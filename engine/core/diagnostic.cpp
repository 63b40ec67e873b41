// Diagnostics: formatting and collection.
#include "recon/diagnostic.h"

#include <algorithm>

namespace recon {

std::string Format(const Diagnostic& d) {
  std::string s = d.file.empty() ? "<input>" : d.file;
  if (d.line > 0) {
    s += ":" + std::to_string(d.line);
    if (d.column > 0) s += ":" + std::to_string(d.column);
  }
  s += d.severity == Severity::kError ? ": error: " : ": warning: ";
  s += d.message;
  if (!d.code.empty()) s += " [" + d.code + "]";
  return s;
}

void Diagnostics::Error(std::string file, int line, int column, std::string code,
                        std::string message) {
  items_.push_back({Severity::kError, std::move(file), line, column, std::move(code),
                    std::move(message)});
}

void Diagnostics::Warning(std::string file, int line, int column, std::string code,
                          std::string message) {
  items_.push_back({Severity::kWarning, std::move(file), line, column, std::move(code),
                    std::move(message)});
}

void Diagnostics::Append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

size_t Diagnostics::error_count() const {
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

}  // namespace recon

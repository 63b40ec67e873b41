// A small JSON Schema validator for the tests: the keywords docs/timeline.schema.json uses
// (type, enum, required, properties, additionalProperties, items, minItems, maxItems, minimum,
// maximum, pattern, local $ref), and a check that the schema uses no others, so nothing in it
// goes unchecked.
#ifndef RECON_TESTS_REPORT_JSON_SCHEMA_H_
#define RECON_TESTS_REPORT_JSON_SCHEMA_H_

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <re2/re2.h>

namespace recon::testing {

class SchemaValidator {
 public:
  explicit SchemaValidator(nlohmann::json schema) : root_(std::move(schema)) {}

  // Errors ("path: what"), empty when `doc` is valid.
  std::vector<std::string> Validate(const nlohmann::json& doc) const {
    std::vector<std::string> errors;
    Check(root_, doc, "", &errors);
    return errors;
  }

  // Keywords the schema uses that this validator does not implement.
  std::vector<std::string> UnsupportedKeywords() const {
    std::vector<std::string> out;
    Keywords(root_, &out);
    return out;
  }

 private:
  static bool IsType(const nlohmann::json& v, const std::string& t) {
    if (t == "object") return v.is_object();
    if (t == "array") return v.is_array();
    if (t == "string") return v.is_string();
    if (t == "boolean") return v.is_boolean();
    if (t == "null") return v.is_null();
    if (t == "number") return v.is_number();
    if (t == "integer")
      return v.is_number_integer() || (v.is_number_float() && v.get<double>() == double(int64_t(v.get<double>())));
    return false;
  }

  const nlohmann::json& Resolve(const std::string& ref) const {
    const std::string prefix = "#/$defs/";
    if (ref.rfind(prefix, 0) != 0) throw std::runtime_error("unsupported $ref " + ref);
    return root_.at("$defs").at(ref.substr(prefix.size()));
  }

  void Check(const nlohmann::json& s, const nlohmann::json& v, const std::string& path,
             std::vector<std::string>* errors) const {
    auto fail = [&](const std::string& what) { errors->push_back((path.empty() ? "/" : path) + ": " + what); };
    if (s.is_boolean()) {
      if (!s.get<bool>()) fail("not allowed");
      return;
    }
    if (s.contains("$ref")) Check(Resolve(s["$ref"]), v, path, errors);
    if (s.contains("type")) {
      bool ok = false;
      if (s["type"].is_array()) {
        for (const auto& t : s["type"]) ok = ok || IsType(v, t.get<std::string>());
      } else {
        ok = IsType(v, s["type"].get<std::string>());
      }
      if (!ok) return fail("expected type " + s["type"].dump() + ", got " + v.dump().substr(0, 60));
    }
    if (s.contains("enum")) {
      bool ok = false;
      for (const auto& e : s["enum"]) ok = ok || e == v;
      if (!ok) fail("value " + v.dump() + " not in enum");
    }
    if (v.is_number()) {
      if (s.contains("minimum") && v.get<double>() < s["minimum"].get<double>()) fail("below minimum");
      if (s.contains("maximum") && v.get<double>() > s["maximum"].get<double>()) fail("above maximum");
    }
    if (v.is_string() && s.contains("pattern")) {
      if (!RE2::PartialMatch(v.get<std::string>(), s["pattern"].get<std::string>()))
        fail("\"" + v.get<std::string>() + "\" does not match " + s["pattern"].get<std::string>());
    }
    if (v.is_array()) {
      if (s.contains("minItems") && v.size() < s["minItems"].get<size_t>()) fail("too few items");
      if (s.contains("maxItems") && v.size() > s["maxItems"].get<size_t>()) fail("too many items");
      if (s.contains("items"))
        for (size_t i = 0; i < v.size(); ++i) Check(s["items"], v[i], path + "/" + std::to_string(i), errors);
    }
    if (v.is_object()) {
      if (s.contains("required"))
        for (const auto& r : s["required"])
          if (!v.contains(r.get<std::string>())) fail("missing required \"" + r.get<std::string>() + "\"");
      for (const auto& [k, item] : v.items()) {
        if (s.contains("properties") && s["properties"].contains(k)) {
          Check(s["properties"][k], item, path + "/" + k, errors);
        } else if (s.contains("additionalProperties")) {
          Check(s["additionalProperties"], item, path + "/" + k, errors);
        }
      }
    }
  }

  static void Keywords(const nlohmann::json& s, std::vector<std::string>* out) {
    static const std::set<std::string> kKnown = {
        "type", "enum", "required", "properties", "additionalProperties", "items", "minItems",
        "maxItems", "minimum", "maximum", "pattern", "$ref",
        // annotations and containers, which validate nothing themselves
        "$schema", "$id", "title", "description", "$defs"};
    if (!s.is_object()) return;
    for (const auto& [k, v] : s.items()) {
      if (!kKnown.count(k)) out->push_back(k);
      if (k == "properties" || k == "$defs")
        for (const auto& [name, sub] : v.items()) Keywords(sub, out);
      else if (k == "items" || k == "additionalProperties")
        Keywords(v, out);
    }
  }

  nlohmann::json root_;
};

}  // namespace recon::testing

#endif  // RECON_TESTS_REPORT_JSON_SCHEMA_H_

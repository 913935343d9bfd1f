#pragma once
// JsonBody: typed, validated access to a JSON object request body. A body that is not JSON is
// a 400; wrong types, missing required fields and failed checks are collected per field and
// thrown together as one 422 by Finish().
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/error/app_error.hpp"
#include "core/http/request.hpp"

namespace tongxin::http {

class JsonBody {
  public:
    explicit JsonBody(const Request& req);
    explicit JsonBody(boost::json::object obj) : obj_(std::move(obj)) {}

    bool Has(const std::string& key) const;
    // Strings are trimmed; an empty string counts as absent. max_chars counts code points.
    std::optional<std::string> Str(const std::string& key, bool required = false, size_t max_chars = 200);
    std::optional<int64_t> Int(const std::string& key, bool required = false, int64_t min = INT64_MIN,
                               int64_t max = INT64_MAX);
    std::optional<double> Real(const std::string& key, bool required = false);
    std::optional<bool> Bool(const std::string& key, bool required = false);
    std::optional<std::string> Date(const std::string& key, bool required = false);
    // An RFC 3339 time with its offset, as Unix seconds.
    std::optional<int64_t> Time(const std::string& key, bool required = false);
    std::optional<std::vector<std::string>> StrList(const std::string& key, size_t max_items = 50);
    std::optional<std::vector<int64_t>> IntList(const std::string& key, size_t max_items = 1000);
    // True if the key is present with JSON null (to clear an optional field on update).
    bool IsNull(const std::string& key) const;

    FieldErrors& errors() { return errors_; }
    void Fail(const std::string& field, const std::string& reason) { errors_.Add(field, reason); }
    void Finish() const { errors_.ThrowIfAny(); }

  private:
    boost::json::object obj_;
    FieldErrors errors_;
};

// Query-string helpers; a malformed value is a 400 naming the parameter.
int64_t QueryInt(const Request& req, const std::string& name, int64_t fallback, int64_t min, int64_t max);
std::optional<int64_t> QueryOptInt(const Request& req, const std::string& name);
// A query parameter's text; absent or empty is nullopt.
std::optional<std::string> QueryOptStr(const Request& req, const std::string& name);
// A YYYY-MM-DD query parameter; absent is nullopt, malformed a 400 naming it.
std::optional<std::string> QueryOptDate(const Request& req, const std::string& name);
int64_t PathId(const Request& req, const std::string& name = "id");

}  // namespace tongxin::http

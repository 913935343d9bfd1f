#pragma once
// JsonBody: typed, validated access to a JSON object request body. A body that is not JSON is
// a 400; wrong types, missing required fields and failed checks are collected per field and
// thrown together as one 422 by Finish(). Bodies are strict: a key that no accessor asked for
// is a 422 `unknown_field` (details.fields names it), so a body meant for another endpoint
// never runs this one. Numbers outside int64 and non-finite numbers are 422 `out_of_range`.
#include <boost/json/object.hpp>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error/app_error.hpp"
#include "core/http/request.hpp"

namespace tongxin::http {

class JsonBody {
  public:
    explicit JsonBody(const Request& req);
    explicit JsonBody(boost::json::object obj) : obj_(std::move(obj)) {}

    bool Has(const std::string& key) const;
    // The raw value of a nested part (arrays of objects...), or nullptr; marks the key as known.
    const boost::json::value* Raw(const std::string& key) const;
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
    // Throws the collected errors, and `unknown_field` for every key nobody asked for.
    void Finish();

  private:
    const boost::json::value* Get(const std::string& key) const;
    boost::json::object obj_;
    FieldErrors errors_;
    mutable std::set<std::string> known_;
};

// Query-string helpers; a malformed value is a 400 naming the parameter.
int64_t QueryInt(const Request& req, const std::string& name, int64_t fallback, int64_t min, int64_t max);
std::optional<int64_t> QueryOptInt(const Request& req, const std::string& name);
// An integer the request must carry; absent or malformed is a 400 naming it.
int64_t QueryRequiredInt(const Request& req, const std::string& name);
// A query parameter's text; absent or empty is nullopt.
std::optional<std::string> QueryOptStr(const Request& req, const std::string& name);
// A YYYY-MM-DD query parameter; absent is nullopt, malformed a 400 naming it.
std::optional<std::string> QueryOptDate(const Request& req, const std::string& name);
// A four-digit year ("2021"); absent is nullopt, anything else a 400 naming it.
std::optional<std::string> QueryOptYear(const Request& req, const std::string& name = "year");
// A code that must be one of `codes`; absent is nullopt, another value a 400 naming it.
std::optional<std::string> QueryOptChoice(const Request& req, const std::string& name,
                                          std::initializer_list<std::string_view> codes);
int64_t PathId(const Request& req, const std::string& name = "id");

}  // namespace tongxin::http

#include "core/http/json_body.hpp"

#include <boost/json.hpp>
#include <charconv>
#include <cmath>

#include "core/text/chinese.hpp"
#include "core/time/clock.hpp"
#include "core/util/choices.hpp"

namespace tongxin::http {
namespace json = boost::json;

JsonBody::JsonBody(const Request& req) {
    json::error_code ec;
    json::value v = json::parse(req.body.empty() ? std::string_view("{}") : std::string_view(req.body), ec);
    if (ec) throw AppError(ErrorCode::kBadRequest, "malformed_json");
    if (!v.is_object()) throw AppError(ErrorCode::kBadRequest, "json_object_expected");
    obj_ = std::move(v.as_object());
}

const json::value* JsonBody::Get(const std::string& key) const {
    known_.insert(key);
    return obj_.if_contains(key);
}

bool JsonBody::Has(const std::string& key) const { return Get(key) != nullptr; }

const json::value* JsonBody::Raw(const std::string& key) const { return Get(key); }

bool JsonBody::IsNull(const std::string& key) const {
    auto* v = Get(key);
    return v && v->is_null();
}

void JsonBody::Finish() {
    bool only_unknown = errors_.Empty();
    bool any_unknown = false;
    for (const auto& [key, value] : obj_) {
        if (known_.count(std::string(key))) continue;
        errors_.Add(std::string(key), "unknown_field");
        any_unknown = true;
    }
    if (any_unknown && only_unknown) {
        throw AppError(ErrorCode::kUnprocessable, "unknown_field", json::object{{"fields", errors_.fields()}});
    }
    errors_.ThrowIfAny();
}

std::optional<std::string> JsonBody::Str(const std::string& key, bool required, size_t max_chars) {
    auto* v = Get(key);
    if (!v || v->is_null()) {
        if (required) Fail(key, "required");
        return std::nullopt;
    }
    if (!v->is_string()) {
        Fail(key, "wrong_type");
        return std::nullopt;
    }
    std::string s = text::Trim(std::string_view(v->as_string()));
    if (!text::IsValidUtf8(s)) {
        Fail(key, "wrong_type");
        return std::nullopt;
    }
    if (s.empty()) {
        if (required) Fail(key, "required");
        return std::nullopt;
    }
    if (text::Utf8Chars(s).size() > max_chars) {
        Fail(key, "too_long");
        return std::nullopt;
    }
    return s;
}

std::optional<int64_t> JsonBody::Int(const std::string& key, bool required, int64_t min, int64_t max) {
    auto* v = Get(key);
    if (!v || v->is_null()) {
        if (required) Fail(key, "required");
        return std::nullopt;
    }
    int64_t n;
    if (v->is_int64()) {
        n = v->as_int64();
    } else if (v->is_uint64() && v->as_uint64() <= static_cast<uint64_t>(INT64_MAX)) {
        n = static_cast<int64_t>(v->as_uint64());
    } else if (v->is_uint64() || (v->is_double() && std::trunc(v->as_double()) == v->as_double() &&
                                  std::fabs(v->as_double()) >= 9.2e18)) {
        Fail(key, "out_of_range");  // a whole number outside int64
        return std::nullopt;
    } else {
        Fail(key, "wrong_type");
        return std::nullopt;
    }
    if (n < min || n > max) {
        Fail(key, "out_of_range");
        return std::nullopt;
    }
    return n;
}

std::optional<double> JsonBody::Real(const std::string& key, bool required) {
    auto* v = Get(key);
    if (!v || v->is_null()) {
        if (required) Fail(key, "required");
        return std::nullopt;
    }
    if (!v->is_number()) {
        Fail(key, "wrong_type");
        return std::nullopt;
    }
    double d = v->to_number<double>();
    if (!std::isfinite(d)) {
        Fail(key, "out_of_range");
        return std::nullopt;
    }
    return d;
}

std::optional<bool> JsonBody::Bool(const std::string& key, bool required) {
    auto* v = Get(key);
    if (!v || v->is_null()) {
        if (required) Fail(key, "required");
        return std::nullopt;
    }
    if (!v->is_bool()) {
        Fail(key, "wrong_type");
        return std::nullopt;
    }
    return v->as_bool();
}

std::optional<std::string> JsonBody::Date(const std::string& key, bool required) {
    auto s = Str(key, required, 10);
    if (s && !time::IsValidDate(*s)) {
        Fail(key, "invalid_date");
        return std::nullopt;
    }
    return s;
}

std::optional<int64_t> JsonBody::Time(const std::string& key, bool required) {
    auto s = Str(key, required, 40);
    if (!s) return std::nullopt;
    auto t = time::ParseRfc3339(*s);
    if (!t) Fail(key, "invalid_datetime");
    return t;
}

std::optional<std::vector<std::string>> JsonBody::StrList(const std::string& key, size_t max_items) {
    auto* v = Get(key);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_array() || v->as_array().size() > max_items) {
        Fail(key, "wrong_type");
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (auto& item : v->as_array()) {
        if (!item.is_string()) {
            Fail(key, "wrong_type");
            return std::nullopt;
        }
        std::string s = text::Trim(std::string_view(item.as_string()));
        if (s.empty() || text::Utf8Chars(s).size() > 20 || !text::IsValidUtf8(s)) {
            Fail(key, "too_long");
            return std::nullopt;
        }
        out.push_back(std::move(s));
    }
    return out;
}

std::optional<std::vector<int64_t>> JsonBody::IntList(const std::string& key, size_t max_items) {
    auto* v = Get(key);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_array() || v->as_array().size() > max_items) {
        Fail(key, "wrong_type");
        return std::nullopt;
    }
    std::vector<int64_t> out;
    for (auto& item : v->as_array()) {
        if (!item.is_int64()) {
            Fail(key, "wrong_type");
            return std::nullopt;
        }
        out.push_back(item.as_int64());
    }
    return out;
}

static std::optional<int64_t> ParseInt(const std::string& s) {
    int64_t n = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
    return n;
}

int64_t QueryInt(const Request& req, const std::string& name, int64_t fallback, int64_t min, int64_t max) {
    auto v = req.Query(name);
    if (!v || v->empty()) return fallback;
    auto n = ParseInt(*v);
    if (!n || *n < min || *n > max) {
        json::object d{{"parameter", name}};
        throw AppError(ErrorCode::kBadRequest, "bad_query_parameter", std::move(d));
    }
    return *n;
}

std::optional<std::string> QueryOptStr(const Request& req, const std::string& name) {
    auto v = req.Query(name);
    if (!v || v->empty()) return std::nullopt;
    return v;
}

std::optional<std::string> QueryOptDate(const Request& req, const std::string& name) {
    auto v = QueryOptStr(req, name);
    if (v && !time::IsValidDate(*v)) {
        json::object d{{"parameter", name}};
        throw AppError(ErrorCode::kBadRequest, "bad_query_parameter", std::move(d));
    }
    return v;
}

int64_t QueryRequiredInt(const Request& req, const std::string& name) {
    auto v = QueryOptInt(req, name);
    if (!v) throw AppError(ErrorCode::kBadRequest, "bad_query_parameter", {{"parameter", name}});
    return *v;
}

std::optional<std::string> QueryOptYear(const Request& req, const std::string& name) {
    auto v = QueryOptStr(req, name);
    if (v && (v->size() != 4 || v->find_first_not_of("0123456789") != std::string::npos)) {
        throw AppError(ErrorCode::kBadRequest, "bad_query_parameter", {{"parameter", name}});
    }
    return v;
}

std::optional<std::string> QueryOptChoice(const Request& req, const std::string& name,
                                          std::initializer_list<std::string_view> codes) {
    auto v = QueryOptStr(req, name);
    if (v && !util::IsOneOf(*v, codes)) {
        throw AppError(ErrorCode::kBadRequest, "bad_query_parameter", {{"parameter", name}});
    }
    return v;
}

std::optional<int64_t> QueryOptInt(const Request& req, const std::string& name) {
    auto v = req.Query(name);
    if (!v || v->empty()) return std::nullopt;
    auto n = ParseInt(*v);
    if (!n) {
        json::object d{{"parameter", name}};
        throw AppError(ErrorCode::kBadRequest, "bad_query_parameter", std::move(d));
    }
    return n;
}

int64_t PathId(const Request& req, const std::string& name) {
    auto it = req.params.find(name);
    auto n = it == req.params.end() ? std::nullopt : ParseInt(it->second);
    if (!n || *n <= 0) throw AppError(ErrorCode::kNotFound, "not_found");
    return *n;
}

}  // namespace tongxin::http

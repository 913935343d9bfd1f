#pragma once
// AppError: an expected failure that a user can act on. Services throw it; the HTTP layer maps
// it to a status and the error envelope in exactly one place (http/router.cpp).
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace tongxin {

enum class ErrorCode {
    kBadRequest,        // 400: malformed syntax (JSON, query parameters)
    kUnauthorized,      // 401: not logged in or session expired
    kForbidden,         // 403: logged in, but the role lacks the permission
    kNotFound,          // 404: does not exist, or outside the caller's scope
    kMethodNotAllowed,  // 405
    kConflict,          // 409: state conflict (duplicate, already ended...)
    kPayloadTooLarge,   // 413
    kUnprocessable,     // 422: well-formed but fails validation; details name the fields
    kTooManyRequests,   // 429
    kUnavailable,       // 503: database busy or shutting down
    kInternal,          // 500
};

int HttpStatus(ErrorCode code);

class AppError : public std::runtime_error {
  public:
    // key: a snake_case code sent to clients and used to look up the translated message.
    AppError(ErrorCode code, std::string key, boost::json::object details = {})
        : std::runtime_error(key), code_(code), key_(std::move(key)), details_(std::move(details)) {}

    // A 429 or 503 that tells the client when to try again (sent as Retry-After).
    static AppError TooManyRequests(std::string key, int64_t retry_after_seconds) {
        AppError e(ErrorCode::kTooManyRequests, std::move(key), {{"retry_after_seconds", retry_after_seconds}});
        e.retry_after_ = retry_after_seconds;
        return e;
    }
    // A 422 for one field (`field` -> `reason_key` in details.fields).
    static AppError Field(const std::string& field, const std::string& reason_key) {
        return AppError(ErrorCode::kUnprocessable, "validation_failed", {{"fields", {{field, reason_key}}}});
    }

    ErrorCode code() const { return code_; }
    std::optional<int64_t> RetryAfterSeconds() const { return retry_after_; }
    const std::string& key() const { return key_; }
    const boost::json::object& details() const { return details_; }
    boost::json::object& details() { return details_; }

  private:
    ErrorCode code_;
    std::string key_;
    boost::json::object details_;
    std::optional<int64_t> retry_after_;
};

// Field-level validation errors collected before one 422 is thrown.
class FieldErrors {
  public:
    void Add(const std::string& field, const std::string& reason_key) { fields_[field] = reason_key; }
    bool Empty() const { return fields_.empty(); }
    const boost::json::object& fields() const { return fields_; }
    // Throws a 422 `validation_failed` whose details.fields maps field -> reason key.
    void ThrowIfAny() const;

  private:
    boost::json::object fields_;
};

}  // namespace tongxin

#include "core/error/app_error.hpp"

namespace tongxin {

int HttpStatus(ErrorCode code) {
    switch (code) {
        case ErrorCode::kBadRequest:
            return 400;
        case ErrorCode::kUnauthorized:
            return 401;
        case ErrorCode::kForbidden:
            return 403;
        case ErrorCode::kNotFound:
            return 404;
        case ErrorCode::kMethodNotAllowed:
            return 405;
        case ErrorCode::kConflict:
            return 409;
        case ErrorCode::kPayloadTooLarge:
            return 413;
        case ErrorCode::kUnprocessable:
            return 422;
        case ErrorCode::kTooManyRequests:
            return 429;
        case ErrorCode::kUnavailable:
            return 503;
        case ErrorCode::kInternal:
            return 500;
    }
    return 500;
}

void FieldErrors::ThrowIfAny() const {
    if (fields_.empty()) return;
    boost::json::object details;
    details["fields"] = fields_;
    throw AppError(ErrorCode::kUnprocessable, "validation_failed", std::move(details));
}

}  // namespace tongxin

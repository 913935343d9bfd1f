#pragma once
// Paging for list endpoints: ?limit= (1..500, default 20) and ?offset=, answered as
// {"items":[...],"total":N}.
#include <boost/json.hpp>

#include "core/db/page.hpp"
#include "core/http/json_body.hpp"

namespace tongxin::http {

using Page = db::PageSpan;

inline Page PageOf(const Request& req, int64_t default_limit = 20, int64_t max_limit = 500) {
    return {QueryInt(req, "limit", default_limit, 1, max_limit), QueryInt(req, "offset", 0, 0, 100000000)};
}

inline Response ListResponse(boost::json::array items, int64_t total) {
    boost::json::object body{{"items", std::move(items)}, {"total", total}};
    return Response::Json(boost::json::serialize(body));
}

// Every item on one page: the total is their count.
inline Response ListResponse(boost::json::array items) {
    const auto total = static_cast<int64_t>(items.size());
    return ListResponse(std::move(items), total);
}

// A module's typed page as {"items":[...],"total":N}; `to_json` is the module's ToJson.
template <typename T, typename ToJsonFn>
Response ListResponse(const db::Page<T>& page, ToJsonFn&& to_json) {
    boost::json::array items;
    items.reserve(page.items.size());
    for (const T& item : page.items) items.push_back(to_json(item));
    return ListResponse(std::move(items), page.total);
}

// GET /{id} answered from its list narrowed to that id: the one item, or 404.
template <typename T, typename ToJsonFn>
Response OneOf(const db::Page<T>& page, ToJsonFn&& to_json) {
    if (page.items.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    return Response::Json(boost::json::serialize(boost::json::value(to_json(page.items.front()))));
}

// GET /{id} answered from its list narrowed to that id (same scope, same fields): the one item,
// or 404 when the list, in the caller's scope, does not hold it.
inline Response OneOf(const boost::json::object& list) {
    const auto* items = list.if_contains("items");
    if (!items || !items->is_array() || items->as_array().empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    return Response::Json(boost::json::serialize(items->as_array().front()));
}

inline Response JsonResponse(const boost::json::value& v, int status = 200) {
    return Response::Json(boost::json::serialize(v), status);
}

// {"ok":true}: the action is done and there is nothing more to say.
inline Response Ok() { return Response::Json(R"({"ok":true})"); }

// 201 {"id":N}: the record made.
inline Response Created(int64_t id) { return JsonResponse(boost::json::object{{"id", id}}, 201); }

// A body of a single text field (a reason, a note): its value, "" when optional and absent.
inline std::string OneText(const Request& req, const std::string& field, bool required, size_t max_chars) {
    JsonBody body(req);
    auto text = body.Str(field, required, max_chars);
    body.Finish();
    return text.value_or("");
}

}  // namespace tongxin::http

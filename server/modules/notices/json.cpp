#include "modules/notices/json.hpp"

#include "core/http/json_fields.hpp"
#include "core/time/clock.hpp"

namespace tongxin::notices {
namespace json = boost::json;

json::object ToJson(const Notice& n) {
    return {{"id", n.id},
            {"community_id", n.community_id},
            {"community", n.community},
            {"title", n.title},
            {"body", n.body},
            {"link", n.link},
            {"source", n.source},
            {"source_id", http::OrNull(n.source_id)},
            {"published_at", time::ToRfc3339(n.published_at)},
            {"withdrawn_at", http::TimeOrNull(n.withdrawn_at)},
            {"published_by", http::OrNull(n.published_by)}};
}

NoticeInput ParseNoticeInput(http::JsonBody& body) {
    NoticeInput in;
    in.community_id = body.Int("community_id", true, 1).value_or(0);
    in.title = body.Str("title", true, 400).value_or("");
    in.body = body.Str("body", true, 16000).value_or("");
    in.link = body.Str("link", false, 500).value_or("");
    return in;
}

}  // namespace tongxin::notices

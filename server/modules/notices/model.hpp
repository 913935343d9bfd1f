#pragma once
// The notice board's records and inputs.
#include <cstdint>
#include <optional>
#include <string>

#include "core/db/page.hpp"

namespace tongxin::notices {

struct NoticeInput {
    int64_t community_id = 0;
    std::string title, body, link;
    std::string source;  // "" or the publishing record's kind ("shuttle_trip")
    std::optional<int64_t> source_id;
};

struct Notice {
    int64_t id = 0, community_id = 0;
    std::string community, title, body, link, source;
    std::optional<int64_t> source_id;
    int64_t published_at = 0;  // Unix seconds
    std::optional<int64_t> withdrawn_at;
    std::optional<std::string> published_by;  // the publisher's display name
};

struct NoticeFilter {
    std::optional<int64_t> community, id;
    bool withdrawn = false;  // include withdrawn ones (staff with notices.write only)
    db::PageSpan page;
};

}  // namespace tongxin::notices

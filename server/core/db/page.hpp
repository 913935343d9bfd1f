#pragma once
// The one shape of a list: scope and filters (SqlWhere) -> count -> one page, in a fixed
// order -> items mapped to the module's struct. Every list endpoint reads through ListPage.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/db/database.hpp"
#include "core/db/sql_where.hpp"

namespace tongxin::db {

// Which page: at most `limit` items after skipping `offset`.
struct PageSpan {
    int64_t limit = 20;
    int64_t offset = 0;
};

template <typename T>
struct Page {
    std::vector<T> items;
    int64_t total = 0;  // matches in all, not only on this page
};

// The parts of a list's statement, each a fixed text written in the module (never from input).
struct ListSql {
    std::string_view columns;     // "o.id, o.title, c.name AS community"
    std::string_view from;        // "notices o JOIN places c ON c.id = o.community_id"
    std::string_view order_by;    // "o.published_at DESC, o.id DESC": ends with a unique key
    std::string_view count_from;  // the FROM for counting, when joins do not change the count ("" = from)
};

inline std::string SelectSql(const ListSql& sql, const SqlWhere& where) {
    return "SELECT " + std::string(sql.columns) + " FROM " + std::string(sql.from) + where.Sql();
}

// `map` turns one row into a T (the module's one mapping for that struct).
template <typename T, typename Map>
Page<T> ListPage(Connection& conn, const ListSql& sql, const SqlWhere& where, PageSpan span, Map&& map) {
    Page<T> page;
    std::string_view count_from = sql.count_from.empty() ? sql.from : sql.count_from;
    page.total =
        conn.Run("SELECT count(*) FROM " + std::string(count_from) + where.Sql(), where.values()).front().Int(0);
    if (page.total <= span.offset) return page;
    for (const Row& r : conn.Run(SelectSql(sql, where) + " ORDER BY " + std::string(sql.order_by) + " LIMIT ? OFFSET ?",
                                 where.With({span.limit, span.offset}))) {
        page.items.push_back(map(r));
    }
    return page;
}

// Every match on one page, for short lists (a community's trips, its service points): no count.
template <typename T, typename Map>
Page<T> ListAll(Connection& conn, const ListSql& sql, const SqlWhere& where, Map&& map) {
    Page<T> page;
    for (const Row& r : conn.Run(SelectSql(sql, where) + " ORDER BY " + std::string(sql.order_by), where.values())) {
        page.items.push_back(map(r));
    }
    page.total = static_cast<int64_t>(page.items.size());
    return page;
}

}  // namespace tongxin::db

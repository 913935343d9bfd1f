#include "modules/notices/service.hpp"

#include "core/auth/scope.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/text/chinese.hpp"
#include "core/time/clock.hpp"
#include "modules/places/service.hpp"
#include "modules/residents/service.hpp"

namespace tongxin::notices {

namespace {

// Staff see the notices of their street or community; everyone else those of their home
// community (a resident's, a group leader's or a building head's).
auth::ScopeFilter NoticeScope(db::Connection& conn, const auth::Principal& p) {
    if (p.scope_kind == auth::ScopeKind::kStreet || p.scope_kind == auth::ScopeKind::kCommunity) {
        return auth::CommunityRecordScope(p);
    }
    return {"o.community_id = ?", residents::HomeCommunity(conn, p).value_or(-1)};
}

constexpr db::ListSql kNoticeList{
    .columns =
        "o.id, o.community_id, c.name AS community, o.title, o.body, o.link, o.source, o.source_id, "
        "o.published_at, o.withdrawn_at, u.display_name AS published_by",
    .from = "notices o JOIN places c ON c.id = o.community_id LEFT JOIN users u ON u.id = o.published_by",
    .order_by = "o.published_at DESC, o.id DESC",
    .count_from = "notices o",
};

Notice NoticeFrom(const db::Row& r) {
    return {.id = r.Int("id"),
            .community_id = r.Int("community_id"),
            .community = r.Str("community"),
            .title = r.Str("title"),
            .body = r.Str("body"),
            .link = r.Str("link"),
            .source = r.Str("source"),
            .source_id = r.OptInt("source_id"),
            .published_at = r.Int("published_at"),
            .withdrawn_at = r.OptInt("withdrawn_at"),
            .published_by = r.OptStr("published_by")};
}

bool LinkAllowed(const std::string& link) {
    return link.empty() || (link[0] == '/' && (link.size() == 1 || link[1] != '/')) || link.rfind("https://", 0) == 0 ||
           link.rfind("http://", 0) == 0;
}

}  // namespace

int64_t NoticeService::Publish(db::Connection& conn, const auth::Principal& p, const NoticeInput& in,
                               const audit::Actor& actor) {
    FieldErrors errors;
    const std::string title = text::Trim(in.title), body = text::Trim(in.body);
    if (title.empty()) errors.Add("title", "required");
    if (text::Utf8Chars(title).size() > 100) errors.Add("title", "too_long");
    if (body.empty()) errors.Add("body", "required");
    if (text::Utf8Chars(body).size() > 4000) errors.Add("body", "too_long");
    if (!LinkAllowed(in.link) || in.link.size() > 500) errors.Add("link", "invalid_link");
    auto place = places::FindPlace(conn, p, in.community_id);
    if (!place || place->kind != "community") errors.Add("community_id", "not_found");
    errors.ThrowIfAny();
    int64_t id = conn.Insert(
        "INSERT INTO notices (street_id, community_id, title, body, link, source, source_id, published_by, "
        "published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        place->street_id, in.community_id, title, body, in.link, in.source, in.source_id, p.user_id, time::NowUnix());
    audit::Append(conn, actor,
                  {"notices.published",
                   "notice",
                   std::to_string(id),
                   true,
                   {{"community_id", in.community_id}, {"title", title}, {"source", in.source}}});
    return id;
}

int64_t NoticeService::Create(const auth::Principal& p, NoticeInput in, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    in.source.clear();
    in.source_id.reset();
    int64_t id = Publish(conn, p, in, actor);
    tx.Commit();
    return id;
}

void NoticeService::Withdraw(const auth::Principal& p, int64_t id, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    where.Add("o.id = ?", id);
    auto rows = conn.Run("SELECT o.withdrawn_at FROM notices o" + where.Sql(), where.values());
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    if (!rows.front().IsNull(0)) throw AppError(ErrorCode::kConflict, "already_withdrawn");
    conn.Exec("UPDATE notices SET withdrawn_at = ?, withdrawn_by = ? WHERE id = ?", time::NowUnix(), p.user_id, id);
    audit::Append(conn, actor, {"notices.withdrawn", "notice", std::to_string(id), true, {}});
    tx.Commit();
}

db::Page<Notice> NoticeService::List(const auth::Principal& p, const NoticeFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(NoticeScope(conn, p));
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.id) where.Add("o.id = ?", *f.id);
    if (!f.withdrawn || !p.Can("notices.write")) where.Add("o.withdrawn_at IS NULL");
    return db::ListPage<Notice>(conn, kNoticeList, where, f.page, NoticeFrom);
}

int64_t NoticeService::PublishOnce(db::Database& db, const auth::Principal& p, const NoticeInput& in,
                                   const audit::Actor& actor) {
    db::Connection& conn = db.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    if (auto existing =
            conn.QueryOne("SELECT id FROM notices WHERE source = ? AND source_id = ? AND withdrawn_at IS NULL",
                          in.source, in.source_id)) {
        throw AppError(ErrorCode::kConflict, "already_published", {{"notice_id", existing->Int(0)}});
    }
    int64_t id = Publish(conn, p, in, actor);
    tx.Commit();
    return id;
}

}  // namespace tongxin::notices

// Points earned by hours and spent on rewards; the rewards and their stock.

#include "core/auth/scope.hpp"
#include "core/db/page.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/time/clock.hpp"
#include "modules/places/service.hpp"
#include "modules/volunteer/service.hpp"
#include "modules/volunteer/shared.hpp"

namespace tongxin::volunteer {
namespace json = boost::json;
using detail::MovePoints;
using detail::RecordScope;
using detail::ResidentFor;

PointsStatement PointsService::Points(const auth::Principal& p, std::optional<int64_t> resident_id, db::PageSpan page) {
    db::Connection& conn = db_.Local();
    int64_t rid;
    if (p.Can("volunteer.read") && resident_id) {
        db::SqlWhere where = auth::WhereIn(auth::ResidentScope(p));
        where.Add("r.id = ?", *resident_id);
        if (conn.Run("SELECT r.id FROM residents r" + where.Sql(), where.values()).empty()) {
            throw AppError(ErrorCode::kNotFound, "not_found");
        }
        rid = *resident_id;
    } else {
        rid = ResidentFor(conn, p, resident_id);
    }
    constexpr db::ListSql kPointList{
        .columns = R"sql(p.id, p.delta, p.source, p.hours_id, p.redemption_id, p.note, p.created_at, h.served_on,
       h.content, w.name AS reward)sql",
        .from = R"sql(volunteer_points p LEFT JOIN volunteer_hours h ON h.id = p.hours_id
     LEFT JOIN volunteer_redemptions x ON x.id = p.redemption_id LEFT JOIN volunteer_rewards w ON w.id = x.reward_id)sql",
        .order_by = "p.id DESC",
        .count_from = "volunteer_points p",
    };
    db::SqlWhere where;
    where.Add("p.resident_id = ?", rid);
    PointsStatement out{
        .resident_id = rid,
        .balance = conn.QueryInt("SELECT balance FROM volunteer_point_balances WHERE resident_id = ?", rid)};
    out.entries = db::ListPage<PointEntry>(conn, kPointList, where, page, [](const db::Row& r) {
        return PointEntry{.id = r.Int("id"),
                          .delta = r.Int("delta"),
                          .source = r.Str("source"),
                          .hours_id = r.OptInt("hours_id"),
                          .redemption_id = r.OptInt("redemption_id"),
                          .note = r.Str("note"),
                          .created_at = r.Int("created_at"),
                          .served_on = r.OptStr("served_on"),
                          .content = r.OptStr("content"),
                          .reward = r.OptStr("reward")};
    });
    return out;
}

std::vector<Reward> PointsService::Rewards(const auth::Principal& p, std::optional<int64_t> community,
                                           std::optional<int64_t> id) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(RecordScope(conn, p));
    if (community) where.Add("o.community_id = ?", *community);
    if (id) where.Add("o.id = ?", *id);
    if (!p.Can("volunteer.read")) where.Add("o.active = 1");
    std::vector<Reward> out;
    for (const auto& r : conn.Run(R"sql(
SELECT o.id, o.community_id, o.name, o.description, o.points, o.stock, o.active,
       (SELECT count(*) FROM volunteer_redemptions x WHERE x.reward_id = o.id) AS redeemed
FROM volunteer_rewards o)sql" + where.Sql() +
                                      " ORDER BY o.active DESC, o.points, o.id",
                                  where.values())) {
        out.push_back({.id = r.Int("id"),
                       .community_id = r.Int("community_id"),
                       .name = r.Str("name"),
                       .description = r.Str("description"),
                       .points = r.Int("points"),
                       .stock = r.Int("stock"),
                       .active = r.Bool("active"),
                       .redeemed = r.Int("redeemed")});
    }
    return out;
}

int64_t PointsService::CreateReward(const auth::Principal& p, int64_t community_id, const std::string& name,
                                    const std::string& description, int64_t points, int64_t stock,
                                    const audit::Actor& actor) {
    FieldErrors errors;
    if (name.empty()) errors.Add("name", "required");
    if (points < 1 || points > 1000000) errors.Add("points", "out_of_range");
    if (stock < 0 || stock > 1000000) errors.Add("stock", "out_of_range");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto place = places::CommunityField(conn, p, community_id);
    int64_t id = conn.Insert(
        "INSERT INTO volunteer_rewards (street_id, community_id, name, description, points, stock, created_at) VALUES "
        "(?, ?, ?, ?, ?, ?, ?)",
        place.street_id, community_id, name, description, points, stock, time::NowUnix());
    audit::Append(conn, actor,
                  {"volunteer.reward.created",
                   "volunteer_reward",
                   std::to_string(id),
                   true,
                   {{"name", name}, {"points", points}, {"stock", stock}}});
    tx.Commit();
    return id;
}

void PointsService::RestockReward(const auth::Principal& p, int64_t reward_id, int64_t add, std::optional<bool> active,
                                  const audit::Actor& actor) {
    if (add < 0 || add > 1000000) {
        throw AppError::Field("add", "out_of_range");
    }
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    where.Add("o.id = ?", reward_id);
    auto r = conn.Run("SELECT o.stock, o.active FROM volunteer_rewards o" + where.Sql(), where.values());
    if (r.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    const int64_t stock = r.front().Int("stock");
    bool now_active = active.value_or(r.front().Bool("active"));
    conn.Exec("UPDATE volunteer_rewards SET stock = stock + ?, active = ? WHERE id = ?", add, now_active ? 1 : 0,
              reward_id);
    audit::Append(conn, actor,
                  {"volunteer.reward.updated",
                   "volunteer_reward",
                   std::to_string(reward_id),
                   true,
                   {{"stock_before", stock}, {"stock_after", stock + add}, {"active", now_active}}});
    tx.Commit();
}

Redemption PointsService::Redeem(const auth::Principal& p, int64_t reward_id, std::optional<int64_t> resident_id,
                                 const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    // Staff redeem at the desk for any resident in scope; a resident only for themselves.
    int64_t rid = residents::ResidentForAction(conn, p, resident_id, "volunteer.write", residents::Acting::kSelf);
    auto home = conn.QueryOne("SELECT community_id FROM residents WHERE id = ?", rid);
    auto reward = conn.QueryOne("SELECT name, points, community_id FROM volunteer_rewards WHERE id = ? AND active = 1",
                                reward_id);
    if (!reward || reward->Int("community_id") != home->Int("community_id"))
        throw AppError(ErrorCode::kNotFound, "not_found");
    int64_t points = reward->Int("points");
    auto [id, stock] = TakeReward(conn, reward_id, rid, p.user_id);
    int64_t balance = conn.QueryInt("SELECT balance FROM volunteer_point_balances WHERE resident_id = ?", rid);
    audit::Append(conn, actor,
                  {"volunteer.reward.redeemed",
                   "volunteer_reward",
                   std::to_string(reward_id),
                   true,
                   {{"resident_id", rid}, {"points", points}, {"redemption_id", id}}});
    tx.Commit();
    return {id, balance, stock};
}

std::pair<int64_t, int64_t> PointsService::TakeReward(db::Connection& conn, int64_t reward_id, int64_t resident_id,
                                                      std::optional<int64_t> by) {
    auto reward = conn.QueryOne("SELECT name, points, community_id FROM volunteer_rewards WHERE id = ?", reward_id);
    // Stock and balance are taken by conditional updates inside the write transaction: of two
    // redemptions of the last unit, the second finds none left (the CHECKs are the last guard).
    auto stock = conn.Query("UPDATE volunteer_rewards SET stock = stock - 1 WHERE id = ? AND stock > 0 RETURNING stock",
                            reward_id);
    if (stock.empty()) throw AppError(ErrorCode::kConflict, "out_of_stock");
    int64_t id = conn.Insert(
        "INSERT INTO volunteer_redemptions (reward_id, resident_id, community_id, points, created_by, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        reward_id, resident_id, reward->Int("community_id"), reward->Int("points"), by, time::NowUnix());
    MovePoints(conn, resident_id, reward->Int("community_id"), -reward->Int("points"), "redemption", std::nullopt, id,
               reward->Str("name"), by);
    return {id, stock.front().Int("stock")};
}

}  // namespace tongxin::volunteer

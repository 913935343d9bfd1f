// Shared by the fund's services: accounts, balanced postings, totals, project lookups.
#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>

#include "core/auth/scope.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/io/spreadsheet.hpp"
#include "core/money/money.hpp"
#include "core/time/clock.hpp"
#include "core/util/choices.hpp"
#include "modules/charity/internal.hpp"
#include "modules/charity/service.hpp"
#include "modules/places/service.hpp"
#include "modules/residents/service.hpp"

namespace tongxin::charity::detail {

// The account of `kind` (and project) of a community's fund, created on first use.
int64_t AccountOf(db::Connection& conn, int64_t street, int64_t community, const std::string& kind,
                  std::optional<int64_t> project, const std::string& name) {
    auto row = conn.QueryOne(
        "SELECT id FROM charity_accounts WHERE community_id = ? AND kind = ? AND coalesce(project_id, 0) = ?",
        community, kind, project.value_or(0));
    if (row) return row->Int("id");
    return conn.Insert(
        "INSERT INTO charity_accounts (street_id, community_id, kind, project_id, name) VALUES (?, ?, ?, ?, ?)", street,
        community, kind, project, name);
}

// Posts a balanced transaction: the entries and the accounts' cached balances together. A
// balance its CHECK refuses (an overdrawn project, negative cash) is 409 insufficient_funds.
int64_t Post(db::Connection& conn, int64_t street, int64_t community, const std::string& kind,
             const std::string& occurred_on, const std::string& memo,
             const std::vector<std::pair<int64_t, int64_t>>& entries, std::optional<int64_t> reverses,
             const std::string& reason, std::optional<int64_t> by) {
    int64_t sum = 0;
    for (const auto& [account, amount] : entries) sum += amount;
    if (sum != 0 || entries.size() < 2) throw std::logic_error("unbalanced charity transaction");
    int64_t tx = conn.Insert(
        "INSERT INTO charity_transactions (street_id, community_id, kind, occurred_on, memo, reverses_id, reason, "
        "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        street, community, kind, occurred_on, memo, reverses, reason, by, time::NowUnix());
    try {
        for (const auto& [account, amount] : entries) {
            conn.Exec("INSERT INTO charity_entries (transaction_id, account_id, amount_fen) VALUES (?, ?, ?)", tx,
                      account, amount);
            conn.Exec("UPDATE charity_accounts SET balance_fen = balance_fen + ? WHERE id = ?", amount, account);
        }
    } catch (const db::DbError& e) {
        if (e.kind() == db::DbError::Kind::kCheck) throw AppError(ErrorCode::kConflict, "insufficient_funds");
        throw;
    }
    return tx;
}

// Moves the yearly totals and the project's income with a donation (sign +1) or its reversal (-1).
void MoveTotals(db::Connection& conn, int64_t donation_id, int sign) {
    auto d = conn.QueryOne(R"sql(
SELECT community_id, street_id, substr(donated_on, 1, 4) AS year, channel, form, amount_fen, project_id
FROM charity_donations WHERE id = ?)sql",
                           donation_id);
    const int64_t amount = sign * d->Int("amount_fen");
    conn.Exec(R"sql(
INSERT INTO charity_totals (community_id, year, channel, form, street_id, donations, amount_fen)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (community_id, year, channel, form) DO UPDATE
SET donations = charity_totals.donations + excluded.donations,
    amount_fen = charity_totals.amount_fen + excluded.amount_fen)sql",
              d->Int("community_id"), d->Str("year"), d->Str("channel"), d->Str("form"), d->Int("street_id"),
              int64_t{sign}, amount);
    if (auto project = d->OptInt("project_id")) {
        conn.Exec("UPDATE charity_projects SET income_fen = income_fen + ? WHERE id = ?", amount, *project);
    }
}

std::optional<ProjectRow> LoadProject(db::Connection& conn, const auth::Principal& p, int64_t id) {
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    where.Add("o.id = ?", id);
    auto rows = conn.Run("SELECT o.id, o.street_id, o.community_id, o.name FROM charity_projects o" + where.Sql(),
                         where.values());
    if (rows.empty()) return std::nullopt;
    const db::Row& r = rows.front();
    return ProjectRow{r.Int("id"), r.Int("street_id"), r.Int("community_id"), r.Str("name")};
}

// A donation counts while its transaction stands (has not been reversed); `alias` names the
// donations table in the query.
std::string Standing(const char* alias) {
    return std::string("NOT EXISTS (SELECT 1 FROM charity_transactions x WHERE x.reverses_id = ") + alias +
           ".transaction_id)";
}

// The name shown in public: the donor's only when they agreed to it.
std::string DonorShown(const db::Row& r) {
    if (r.Str("donor_kind") == "anonymous" || !r.Bool("publish_name") || r.Str("donor_name").empty()) return "爱心人士";
    return r.Str("donor_name");
}

// A project account's balance is a credit (negative): the project holds what was given to it.
Project ProjectFrom(const db::Row& r) {
    return {.id = r.Int("id"),
            .community_id = r.Int("community_id"),
            .name = r.Str("name"),
            .goal_fen = r.Int("goal_fen"),
            .starts_on = r.Str("starts_on"),
            .ends_on = r.OptStr("ends_on"),
            .description = r.Str("description"),
            .beneficiaries = r.Str("beneficiaries"),
            .income_fen = r.Int("income_fen"),
            .balance_fen = -r.Int("balance_fen"),
            .last_disclosure = r.OptStr("last_disclosure")};
}

}  // namespace tongxin::charity::detail

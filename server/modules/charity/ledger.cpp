// The double-entry ledger: reversals, the transactions and balances, the books check, the export.
#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>

#include "core/auth/scope.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/io/spreadsheet.hpp"
#include "core/money/money.hpp"
#include "core/time/clock.hpp"
#include "modules/charity/internal.hpp"
#include "modules/charity/service.hpp"
#include "modules/places/service.hpp"
#include "modules/residents/service.hpp"

namespace tongxin::charity {
namespace json = boost::json;
using namespace detail;

namespace {

constexpr db::ListSql kTransactionList{
    .columns = "o.id, o.kind, o.occurred_on, o.memo, o.reverses_id, o.reason",
    .from = "charity_transactions o",
    .order_by = "o.id DESC",
    .count_from = "",
};

}  // namespace

int64_t LedgerService::PostReversal(db::Connection& conn, int64_t transaction_id, const std::string& reason,
                                    const std::string& on, std::optional<int64_t> by) {
    auto t = conn.QueryOne("SELECT street_id, community_id FROM charity_transactions WHERE id = ?", transaction_id);
    std::vector<std::pair<int64_t, int64_t>> entries;
    for (const auto& e :
         conn.Query("SELECT account_id, amount_fen FROM charity_entries WHERE transaction_id = ?", transaction_id)) {
        entries.emplace_back(e.Int("account_id"), -e.Int("amount_fen"));
    }
    int64_t id = Post(conn, t->Int("street_id"), t->Int("community_id"), "reversal", on, "冲正", entries,
                      transaction_id, reason, by);
    if (auto d = conn.QueryOne("SELECT id FROM charity_donations WHERE transaction_id = ?", transaction_id)) {
        MoveTotals(conn, d->Int("id"), -1);
    }
    // A reversed payment puts its disbursement back to approved, to be paid again or rejected.
    conn.Exec(
        "UPDATE charity_disbursements SET status = 'approved', transaction_id = NULL, paid_on = NULL WHERE "
        "transaction_id = ?",
        transaction_id);
    return id;
}

int64_t LedgerService::Reverse(const auth::Principal& p, int64_t transaction_id, const std::string& reason,
                               const audit::Actor& actor) {
    if (reason.empty()) throw AppError::Field("reason", "required");
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    where.Add("o.id = ?", transaction_id);
    auto t = conn.Run("SELECT o.street_id, o.community_id, o.kind FROM charity_transactions o" + where.Sql(),
                      where.values());
    if (t.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    if (t.front().Str("kind") == "reversal") throw AppError(ErrorCode::kUnprocessable, "not_reversible");
    if (conn.QueryInt("SELECT count(*) FROM charity_transactions WHERE reverses_id = ?", transaction_id) > 0) {
        throw AppError(ErrorCode::kConflict, "already_reversed");
    }
    int64_t id = PostReversal(conn, transaction_id, reason, time::Today(), p.user_id);
    audit::Append(conn, actor,
                  {"charity.transaction.reversed",
                   "charity_transaction",
                   std::to_string(transaction_id),
                   true,
                   {{"reversal_id", id}, {"reason", reason}}});
    tx.Commit();
    return id;
}

Ledger LedgerService::Ledger(const auth::Principal& p, std::optional<int64_t> community, db::PageSpan page) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    if (community) where.Add("o.community_id = ?", *community);
    charity::Ledger out;
    out.transactions = db::ListPage<Transaction>(conn, kTransactionList, where, page, [](const db::Row& r) {
        return Transaction{.id = r.Int("id"),
                           .kind = r.Str("kind"),
                           .occurred_on = r.Str("occurred_on"),
                           .memo = r.Str("memo"),
                           .reverses_id = r.OptInt("reverses_id"),
                           .reason = r.Str("reason")};
    });
    for (Transaction& t : out.transactions.items) {
        for (const auto& e : conn.Query(R"sql(
SELECT a.name, a.kind, e.amount_fen FROM charity_entries e JOIN charity_accounts a ON a.id = e.account_id
WHERE e.transaction_id = ? ORDER BY e.id)sql",
                                        t.id)) {
            t.entries.push_back({e.Str("name"), e.Str("kind"), e.Int("amount_fen")});
        }
    }
    for (const auto& a : conn.Run("SELECT o.id, o.kind, o.name, o.balance_fen FROM charity_accounts o" + where.Sql() +
                                      " ORDER BY o.kind, o.id",
                                  where.values())) {
        out.accounts.push_back({a.Int("id"), a.Str("kind"), a.Str("name"), a.Int("balance_fen")});
    }
    return out;
}

namespace {

// `column` is "" (everything), "street_id" or "community_id": fixed strings, never input.
BooksReport CheckBooksIn(db::Connection& conn, const std::string& column, int64_t place) {
    BooksReport out;
    std::string t_where = column.empty() ? " WHERE 1 = 1" : " WHERE t." + column + " = ?";
    std::string a_where = column.empty() ? " WHERE 1 = 1" : " WHERE a." + column + " = ?";
    std::vector<db::Value> args;
    if (!column.empty()) args.push_back(place);
    out.transactions = conn.Run("SELECT count(*) FROM charity_transactions t" + t_where, args).front().Int(0);
    out.entries = conn.Run(
                          "SELECT count(*) FROM charity_entries e JOIN charity_transactions t ON t.id = "
                          "e.transaction_id" +
                              t_where,
                          args)
                      .front()
                      .Int(0);
    if (int64_t all = conn.Run("SELECT coalesce(sum(e.amount_fen), 0) FROM charity_entries e JOIN "
                               "charity_transactions t ON t.id = e.transaction_id" +
                                   t_where,
                               args)
                          .front()
                          .Int(0);
        all != 0) {
        out.problems.push_back("entries sum to " + std::to_string(all) + " fen, not 0");
    }
    for (const auto& r :
         conn.Run("SELECT t.id, coalesce(sum(e.amount_fen), 0) AS sum_fen, count(e.id) AS entries FROM "
                  "charity_transactions t LEFT JOIN charity_entries e ON e.transaction_id = t.id" +
                      t_where + " GROUP BY t.id HAVING coalesce(sum(e.amount_fen), 0) <> 0 OR count(e.id) < 2",
                  args)) {
        out.problems.push_back("transaction " + std::to_string(r.Int("id")) + " sums to " +
                               std::to_string(r.Int("sum_fen")) + " fen over " + std::to_string(r.Int("entries")) +
                               " entries");
    }
    for (const auto& r : conn.Run("SELECT a.id, a.balance_fen, coalesce((SELECT sum(e.amount_fen) FROM "
                                  "charity_entries e WHERE e.account_id = a.id), 0) AS entries_fen FROM "
                                  "charity_accounts a" +
                                      a_where,
                                  args)) {
        if (r.Int("balance_fen") != r.Int("entries_fen")) {
            out.problems.push_back("account " + std::to_string(r.Int("id")) + " shows " +
                                   std::to_string(r.Int("balance_fen")) + " fen but its entries sum to " +
                                   std::to_string(r.Int("entries_fen")));
        }
    }
    out.balanced = out.problems.empty();
    return out;
}

}  // namespace

BooksReport LedgerService::CheckBooks(db::Connection& conn) { return CheckBooksIn(conn, "", 0); }

BooksReport LedgerService::CheckBooks(const auth::Principal& p) {
    if (!p.scope_place_id ||
        (p.scope_kind != auth::ScopeKind::kStreet && p.scope_kind != auth::ScopeKind::kCommunity)) {
        throw AppError(ErrorCode::kForbidden, "forbidden");
    }
    return CheckBooksIn(db_.Local(), p.scope_kind == auth::ScopeKind::kStreet ? "street_id" : "community_id",
                        *p.scope_place_id);
}

std::string LedgerService::ExportLedger(const auth::Principal& p, int64_t community, const std::string& lang,
                                        const audit::Actor& actor) {
    const bool en = lang == "en";
    db::Connection& conn = db_.Local();
    auto place = places::FindPlace(conn, p, community);
    if (!place || place->kind != "community") throw AppError(ErrorCode::kNotFound, "not_found");
    std::vector<std::string> header =
        en ? std::vector<std::string>{"Transaction",  "Date",          "Kind",     "Memo",  "Account",
                                      "Debit (yuan)", "Credit (yuan)", "Reverses", "Reason"}
           : std::vector<std::string>{"凭证号",     "日期",       "类型",     "摘要", "科目",
                                      "借方（元）", "贷方（元）", "冲正凭证", "原因"};
    io::Table rows;
    for (const auto& r : conn.Query(
             "SELECT t.id, t.occurred_on, t.kind, t.memo, a.name, e.amount_fen, t.reverses_id, t.reason FROM "
             "charity_transactions t JOIN charity_entries e ON e.transaction_id = t.id JOIN charity_accounts a ON a.id "
             "= e.account_id WHERE t.community_id = ? ORDER BY t.id, e.id",
             community)) {
        int64_t fen = r.Int("amount_fen");
        auto reverses = r.OptInt("reverses_id");
        rows.push_back({std::to_string(r.Int("id")), r.Str("occurred_on"), r.Str("kind"), r.Str("memo"), r.Str("name"),
                        fen > 0 ? money::FormatYuan(fen) : "", fen < 0 ? money::FormatYuan(-fen) : "",
                        reverses ? std::to_string(*reverses) : "", r.Str("reason")});
    }
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    audit::Append(conn, actor,
                  {"charity.ledger.exported",
                   "community",
                   std::to_string(community),
                   true,
                   {{"rows", static_cast<int64_t>(rows.size())}}});
    tx.Commit();
    return io::WriteXlsx(en ? "Ledger" : "公益慈善基金账簿", header, rows);
}

}  // namespace tongxin::charity

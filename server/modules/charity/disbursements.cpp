// Disbursements: requested, approved by two people other than the requester, paid out of a project.
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

constexpr db::ListSql kDisbursementList{
    .columns = R"sql(o.id, o.community_id, o.project_id, p.name AS project, o.form, o.amount_fen, o.beneficiary_kind,
       h.address AS household, g.name AS organization, o.purpose, o.evidence, o.status,
       u1.display_name AS requester, u2.display_name AS first_approver_name, u3.display_name AS second_approver_name,
       o.paid_on, o.transaction_id, o.requested_by, o.first_approver)sql",
    .from = R"sql(charity_disbursements o JOIN charity_projects p ON p.id = o.project_id
     LEFT JOIN households h ON h.id = o.household_id LEFT JOIN organizations g ON g.id = o.organization_id
     LEFT JOIN users u1 ON u1.id = o.requested_by LEFT JOIN users u2 ON u2.id = o.first_approver
     LEFT JOIN users u3 ON u3.id = o.second_approver)sql",
    .order_by = "o.id DESC",
    .count_from = "charity_disbursements o",
};

}  // namespace

db::Page<Disbursement> DisbursementService::Disbursements(const auth::Principal& p, const DisbursementFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.id) where.Add("o.id = ?", *f.id);
    if (f.status) where.Add("o.status = ?", *f.status);
    return db::ListPage<Disbursement>(conn, kDisbursementList, where, f.page, [&p](const db::Row& r) {
        const bool household = r.Str("beneficiary_kind") == "household";
        return Disbursement{.id = r.Int("id"),
                            .community_id = r.Int("community_id"),
                            .project_id = r.Int("project_id"),
                            .project = r.Str("project"),
                            .form = r.Str("form"),
                            .amount_fen = r.Int("amount_fen"),
                            .beneficiary_kind = r.Str("beneficiary_kind"),
                            .beneficiary = r.OptStr(household ? "household" : "organization"),
                            .purpose = r.Str("purpose"),
                            .evidence = r.Str("evidence"),
                            .status = r.Str("status"),
                            .requested_by = r.OptStr("requester"),
                            .first_approver = r.OptStr("first_approver_name"),
                            .second_approver = r.OptStr("second_approver_name"),
                            .paid_on = r.OptStr("paid_on"),
                            .transaction_id = r.OptInt("transaction_id"),
                            .mine = r.Int("requested_by") == p.user_id,
                            .approved_by_me = r.OptInt("first_approver") == p.user_id};
    });
}

int64_t DisbursementService::RequestDisbursement(const auth::Principal& p, const DisbursementInput& in,
                                                 const audit::Actor& actor) {
    FieldErrors errors;
    if (in.form != "cash" && in.form != "in_kind") errors.Add("form", "invalid_choice");
    if (in.beneficiary_kind == "household" && !in.household_id) errors.Add("household_id", "required");
    if (in.beneficiary_kind == "organization" && !in.organization_id) errors.Add("organization_id", "required");
    if (in.beneficiary_kind != "household" && in.beneficiary_kind != "organization") {
        errors.Add("beneficiary_kind", "invalid_choice");
    }
    if (in.purpose.empty()) errors.Add("purpose", "required");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto project = LoadProject(conn, p, in.project_id);
    if (!project) throw AppError::Field("project_id", "not_found");
    if (in.household_id && conn.QueryInt("SELECT count(*) FROM households WHERE id = ? AND community_id = ?",
                                         *in.household_id, project->community_id) == 0) {
        throw AppError::Field("household_id", "not_found");
    }
    if (in.organization_id && conn.QueryInt("SELECT count(*) FROM organizations WHERE id = ? AND community_id = ?",
                                            *in.organization_id, project->community_id) == 0) {
        throw AppError::Field("organization_id", "not_found");
    }
    int64_t id = conn.Insert(
        "INSERT INTO charity_disbursements (street_id, community_id, project_id, form, amount_fen, beneficiary_kind, "
        "household_id, organization_id, purpose, evidence, requested_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?)",
        project->street_id, project->community_id, in.project_id, in.form, in.amount_fen, in.beneficiary_kind,
        in.beneficiary_kind == "household" ? in.household_id : std::nullopt,
        in.beneficiary_kind == "organization" ? in.organization_id : std::nullopt, in.purpose, in.evidence, p.user_id,
        time::NowUnix());
    audit::Append(conn, actor,
                  {"charity.disbursement.requested",
                   "charity_disbursement",
                   std::to_string(id),
                   true,
                   {{"project_id", in.project_id}, {"amount_fen", in.amount_fen}, {"purpose", in.purpose}}});
    tx.Commit();
    return id;
}

namespace {

struct DisbursementRow {
    int64_t id, project_id, requested_by;
    std::optional<int64_t> first, second;
    std::string status;
};

DisbursementRow LoadDisbursement(db::Connection& conn, const auth::Principal& p, int64_t id) {
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    where.Add("o.id = ?", id);
    auto rows = conn.Run(
        "SELECT o.id, o.project_id, o.requested_by, o.first_approver, o.second_approver, o.status FROM "
        "charity_disbursements o" +
            where.Sql() + std::string(conn.ForUpdate()),
        where.values());
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    const auto& r = rows.front();
    return {r.Int("id"),
            r.Int("project_id"),
            r.Int("requested_by"),
            r.OptInt("first_approver"),
            r.OptInt("second_approver"),
            r.Str("status")};
}

}  // namespace

void DisbursementService::Approve(const auth::Principal& p, int64_t id, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    DisbursementRow d = LoadDisbursement(conn, p, id);
    if (d.status != "requested") throw AppError(ErrorCode::kConflict, "not_awaiting_approval");
    if (d.requested_by == p.user_id) throw AppError(ErrorCode::kForbidden, "own_request");
    if (d.first && *d.first == p.user_id) throw AppError(ErrorCode::kConflict, "already_approved_by_you");
    if (!d.first) {
        conn.Exec("UPDATE charity_disbursements SET first_approver = ? WHERE id = ?", p.user_id, id);
    } else {
        conn.Exec("UPDATE charity_disbursements SET second_approver = ?, status = 'approved' WHERE id = ?", p.user_id,
                  id);
    }
    audit::Append(conn, actor,
                  {"charity.disbursement.approved",
                   "charity_disbursement",
                   std::to_string(id),
                   true,
                   {{"approval", d.first ? 2 : 1}}});
    tx.Commit();
}

void DisbursementService::Reject(const auth::Principal& p, int64_t id, const std::string& reason,
                                 const audit::Actor& actor) {
    if (reason.empty()) throw AppError::Field("reason", "required");
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    DisbursementRow d = LoadDisbursement(conn, p, id);
    if (d.status != "requested" && d.status != "approved")
        throw AppError(ErrorCode::kConflict, "not_awaiting_approval");
    conn.Exec("UPDATE charity_disbursements SET status = 'rejected', rejected_by = ? WHERE id = ?", p.user_id, id);
    audit::Append(
        conn, actor,
        {"charity.disbursement.rejected", "charity_disbursement", std::to_string(id), true, {{"reason", reason}}});
    tx.Commit();
}

int64_t DisbursementService::PostPayment(db::Connection& conn, int64_t id, const std::string& paid_on,
                                         std::optional<int64_t> by) {
    auto d = conn.QueryOne(
        "SELECT o.street_id, o.community_id, o.project_id, o.form, o.amount_fen, p.name, o.purpose FROM "
        "charity_disbursements o JOIN charity_projects p ON p.id = o.project_id WHERE o.id = ?",
        id);
    int64_t street = d->Int("street_id"), community = d->Int("community_id"), project = d->Int("project_id"),
            amount = d->Int("amount_fen");
    bool cash = d->Str("form") == "cash";
    int64_t asset = AccountOf(conn, street, community, cash ? "cash" : "in_kind", std::nullopt,
                              cash ? "银行存款及现金" : "捐赠物资");
    int64_t fund = AccountOf(conn, street, community, "project", project, d->Str("name"));
    int64_t tx = Post(conn, street, community, "disbursement", paid_on, "帮扶支出：" + d->Str("purpose"),
                      {{fund, amount}, {asset, -amount}}, std::nullopt, "", by);
    conn.Exec("UPDATE charity_disbursements SET status = 'paid', transaction_id = ?, paid_on = ? WHERE id = ?", tx,
              paid_on, id);
    return tx;
}

int64_t DisbursementService::Pay(const auth::Principal& p, int64_t id, const std::string& paid_on,
                                 const audit::Actor& actor) {
    if (!time::IsValidDate(paid_on) || paid_on > time::Today()) {
        throw AppError::Field("paid_on", "invalid_date");
    }
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    DisbursementRow d = LoadDisbursement(conn, p, id);
    if (d.status != "approved") throw AppError(ErrorCode::kConflict, "not_approved");
    int64_t t = PostPayment(conn, id, paid_on, p.user_id);
    audit::Append(conn, actor,
                  {"charity.disbursement.paid",
                   "charity_disbursement",
                   std::to_string(id),
                   true,
                   {{"transaction_id", t}, {"paid_on", paid_on}}});
    tx.Commit();
    return t;
}

}  // namespace tongxin::charity

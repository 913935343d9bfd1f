#include "modules/charity/service.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <map>

#include "core/auth/scope.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/io/spreadsheet.hpp"
#include "core/money/money.hpp"
#include "core/time/clock.hpp"
#include "modules/places/service.hpp"
#include "modules/residents/service.hpp"

namespace tongxin::charity {
namespace json = boost::json;

const std::vector<std::string>& Channels() {
    static const std::vector<std::string> kAll = {"crowdfunding_online", "crowdfunding_offline", "public_collection",
                                                  "corporate",           "charity_sale",         "gala"};
    return kAll;
}

namespace {

bool Known(const std::vector<std::string>& all, const std::string& v) {
    return std::find(all.begin(), all.end(), v) != all.end();
}

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

struct ProjectRow {
    int64_t id, street_id, community_id;
    std::string name;
};

std::optional<ProjectRow> LoadProject(db::Connection& conn, const auth::Principal& p, int64_t id) {
    auto scope = auth::CommunityRecordScope(p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value).Add("o.id = ?", id);
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

constexpr std::string_view kProjectSelect = R"sql(
SELECT o.id, o.community_id, o.name, o.goal_fen, o.starts_on, o.ends_on, o.description, o.beneficiaries,
       a.balance_fen, o.income_fen,
       (SELECT max(published_on) FROM charity_disclosures s WHERE s.project_id = o.id) AS last_disclosure
FROM charity_projects o JOIN charity_accounts a ON a.project_id = o.id AND a.kind = 'project')sql";

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

constexpr db::ListSql kDonationList{
    .columns = R"sql(o.id, o.receipt_no, o.donated_on, o.channel, o.form, o.amount_fen, o.goods, o.valuation_basis,
       o.donor_kind, o.donor_name, o.publish_name, o.epidemic, p.name AS project, o.transaction_id,
       (SELECT x.id FROM charity_transactions x WHERE x.reverses_id = o.transaction_id) AS reversed_by)sql",
    .from = "charity_donations o LEFT JOIN charity_projects p ON p.id = o.project_id",
    .order_by = "o.donated_on DESC, o.id DESC",
    .count_from = "charity_donations o",
};

Donation DonationFrom(const db::Row& r) {
    return {.id = r.Int("id"),
            .receipt_no = r.Str("receipt_no"),
            .donated_on = r.Str("donated_on"),
            .channel = r.Str("channel"),
            .form = r.Str("form"),
            .amount_fen = r.Int("amount_fen"),
            .goods = r.Str("goods"),
            .valuation_basis = r.Str("valuation_basis"),
            .donor_kind = r.Str("donor_kind"),
            .donor_name = r.Str("donor_kind") == "anonymous" ? "" : r.Str("donor_name"),
            .publish_name = r.Bool("publish_name"),
            .epidemic = r.Bool("epidemic"),
            .project = r.OptStr("project"),
            .transaction_id = r.Int("transaction_id"),
            .reversed_by = r.OptInt("reversed_by")};
}

constexpr db::ListSql kDisbursementList{
    .columns = R"sql(o.id, o.project_id, p.name AS project, o.form, o.amount_fen, o.beneficiary_kind,
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

constexpr db::ListSql kTransactionList{
    .columns = "o.id, o.kind, o.occurred_on, o.memo, o.reverses_id, o.reason",
    .from = "charity_transactions o",
    .order_by = "o.id DESC",
    .count_from = "",
};

}  // namespace

int64_t CharityService::InsertProject(db::Connection& conn, int64_t street, const ProjectInput& in,
                                      std::optional<int64_t> by) {
    int64_t id = conn.Insert(
        "INSERT INTO charity_projects (street_id, community_id, name, goal_fen, starts_on, ends_on, description, "
        "beneficiaries, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        street, in.community_id, in.name, in.goal_fen, in.starts_on, in.ends_on, in.description, in.beneficiaries, by,
        time::NowUnix());
    AccountOf(conn, street, in.community_id, "project", id, in.name);
    return id;
}

std::vector<Project> CharityService::Projects(const auth::Principal& p, std::optional<int64_t> community,
                                              std::optional<int64_t> id) {
    db::Connection& conn = db_.Local();
    auto scope = auth::CommunityRecordScope(p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value);
    if (community) where.Add("o.community_id = ?", *community);
    if (id) where.Add("o.id = ?", *id);
    std::vector<Project> out;
    for (const auto& r : conn.Run(std::string(kProjectSelect) + where.Sql() + " ORDER BY o.starts_on DESC, o.id DESC",
                                  where.values())) {
        out.push_back(ProjectFrom(r));
    }
    return out;
}

int64_t CharityService::CreateProject(const auth::Principal& p, const ProjectInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (in.name.empty()) errors.Add("name", "required");
    if (!time::IsValidDate(in.starts_on)) errors.Add("starts_on", "invalid_date");
    if (in.ends_on && (!time::IsValidDate(*in.ends_on) || *in.ends_on < in.starts_on))
        errors.Add("ends_on", "invalid_date");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto place = places::FindPlace(conn, p, in.community_id);
    if (!place || place->kind != "community") {
        throw AppError::Field("community_id", "not_found");
    }
    int64_t id = InsertProject(conn, *place->street_id, in, p.user_id);
    audit::Append(conn, actor,
                  {"charity.project.created",
                   "charity_project",
                   std::to_string(id),
                   true,
                   {{"name", in.name}, {"goal_fen", in.goal_fen}, {"starts_on", in.starts_on}}});
    tx.Commit();
    return id;
}

std::pair<int64_t, std::string> CharityService::InsertDonation(db::Connection& conn, int64_t street,
                                                               const DonationInput& in, std::optional<int64_t> by) {
    std::string fund = in.project_id
                           ? conn.QueryOne("SELECT name FROM charity_projects WHERE id = ?", *in.project_id)->Str(0)
                           : std::string("非限定性基金");
    int64_t asset = AccountOf(conn, street, in.community_id, in.form == "cash" ? "cash" : "in_kind", std::nullopt,
                              in.form == "cash" ? "银行存款及现金" : "捐赠物资");
    int64_t target =
        AccountOf(conn, street, in.community_id, in.project_id ? "project" : "general", in.project_id, fund);
    int64_t tx = Post(conn, street, in.community_id, "donation", in.donated_on,
                      (in.form == "cash" ? "现金捐赠：" : "物资捐赠：") + fund,
                      {{asset, in.amount_fen}, {target, -in.amount_fen}}, std::nullopt, "", by);
    std::string prefix = "JZ" + in.donated_on.substr(0, 4) + "-" + std::to_string(in.community_id) + "-";
    int64_t seq = conn.Query(
                          "INSERT INTO charity_receipt_sequences (community_id, year, last_number) VALUES (?, ?, 1) ON "
                          "CONFLICT (community_id, year) DO UPDATE SET last_number = "
                          "charity_receipt_sequences.last_number + 1 RETURNING last_number",
                          in.community_id, in.donated_on.substr(0, 4))
                      .front()
                      .Int(0);
    char receipt[64];
    std::snprintf(receipt, sizeof receipt, "%s%06lld", prefix.c_str(), static_cast<long long>(seq));
    int64_t id = conn.Insert(
        "INSERT INTO charity_donations (transaction_id, street_id, community_id, project_id, channel, form, "
        "amount_fen, "
        "goods, valuation_basis, donor_kind, donor_resident_id, donor_name, publish_name, epidemic, receipt_no, "
        "donated_on, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        tx, street, in.community_id, in.project_id, in.channel, in.form, in.amount_fen, in.goods, in.valuation_basis,
        in.donor_kind, in.donor_resident_id, in.donor_name, in.publish_name ? 1 : 0, in.epidemic ? 1 : 0,
        std::string(receipt), in.donated_on, by, time::NowUnix());
    MoveTotals(conn, id, +1);
    return {id, receipt};
}

Receipt CharityService::RecordDonation(const auth::Principal& p, const DonationInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (!Known(Channels(), in.channel)) errors.Add("channel", "invalid_choice");
    if (in.form != "cash" && in.form != "in_kind") errors.Add("form", "invalid_choice");
    if (in.form == "in_kind" && in.goods.empty()) errors.Add("goods", "required");
    if (in.form == "in_kind" && in.valuation_basis.empty()) errors.Add("valuation_basis", "required");
    if (in.donor_kind != "resident" && in.donor_kind != "organization" && in.donor_kind != "anonymous") {
        errors.Add("donor_kind", "invalid_choice");
    }
    if (in.donor_kind == "resident" && !in.donor_resident_id) errors.Add("donor_resident_id", "required");
    if (in.donor_kind == "organization" && in.donor_name.empty()) errors.Add("donor_name", "required");
    if (!time::IsValidDate(in.donated_on))
        errors.Add("donated_on", "invalid_date");
    else if (in.donated_on > time::Today())
        errors.Add("donated_on", "in_future");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto place = places::FindPlace(conn, p, in.community_id);
    if (!place || place->kind != "community") {
        throw AppError::Field("community_id", "not_found");
    }
    DonationInput checked = in;
    if (in.project_id) {
        auto project = LoadProject(conn, p, *in.project_id);
        if (!project || project->community_id != in.community_id) {
            throw AppError::Field("project_id", "not_found");
        }
    }
    if (in.donor_kind == "resident") {
        auto r = conn.QueryOne("SELECT name FROM residents WHERE id = ? AND community_id = ?", *in.donor_resident_id,
                               in.community_id);
        if (!r) {
            throw AppError::Field("donor_resident_id", "not_found");
        }
        checked.donor_name = r->Str("name");
    }
    if (in.donor_kind == "anonymous") checked.donor_name.clear(), checked.publish_name = false;
    auto [id, receipt] = InsertDonation(conn, *place->street_id, checked, p.user_id);
    audit::Append(conn, actor,
                  {"charity.donation.recorded",
                   "charity_donation",
                   std::to_string(id),
                   true,
                   {{"receipt_no", receipt},
                    {"amount_fen", in.amount_fen},
                    {"channel", in.channel},
                    {"form", in.form},
                    {"project_id", in.project_id ? json::value(*in.project_id) : json::value(nullptr)}}});
    tx.Commit();
    return {id, receipt};
}

DonationPage CharityService::Donations(const auth::Principal& p, const DonationFilter& f) {
    db::Connection& conn = db_.Local();
    auto scope = auth::CommunityRecordScope(p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value);
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.id) where.Add("o.id = ?", *f.id);
    if (f.project) where.Add("o.project_id = ?", *f.project);
    if (f.year) {
        where.Add("o.donated_on >= ? AND o.donated_on <= ?", std::to_string(*f.year) + "-01-01",
                  std::to_string(*f.year) + "-12-31");
    }
    DonationPage out;
    out.page = db::ListPage<Donation>(conn, kDonationList, where, f.page, DonationFrom);
    out.total_fen = conn.Run("SELECT coalesce(sum(CASE WHEN " + Standing("o") +
                                 " THEN o.amount_fen ELSE 0 END), 0) FROM charity_donations o" + where.Sql(),
                             where.values())
                        .front()
                        .Int(0);
    return out;
}

db::Page<Disbursement> CharityService::Disbursements(const auth::Principal& p, const DisbursementFilter& f) {
    db::Connection& conn = db_.Local();
    auto scope = auth::CommunityRecordScope(p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value);
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.id) where.Add("o.id = ?", *f.id);
    if (f.status) where.Add("o.status = ?", *f.status);
    return db::ListPage<Disbursement>(conn, kDisbursementList, where, f.page, [&p](const db::Row& r) {
        const bool household = r.Str("beneficiary_kind") == "household";
        return Disbursement{.id = r.Int("id"),
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

int64_t CharityService::RequestDisbursement(const auth::Principal& p, const DisbursementInput& in,
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
    auto scope = auth::CommunityRecordScope(p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value).Add("o.id = ?", id);
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

void CharityService::Approve(const auth::Principal& p, int64_t id, const audit::Actor& actor) {
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

void CharityService::Reject(const auth::Principal& p, int64_t id, const std::string& reason,
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

int64_t CharityService::PostPayment(db::Connection& conn, int64_t id, const std::string& paid_on,
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

int64_t CharityService::Pay(const auth::Principal& p, int64_t id, const std::string& paid_on,
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

int64_t CharityService::PostReversal(db::Connection& conn, int64_t transaction_id, const std::string& reason,
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

int64_t CharityService::Reverse(const auth::Principal& p, int64_t transaction_id, const std::string& reason,
                                const audit::Actor& actor) {
    if (reason.empty()) throw AppError::Field("reason", "required");
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto scope = auth::CommunityRecordScope(p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value).Add("o.id = ?", transaction_id);
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

Ledger CharityService::Ledger(const auth::Principal& p, std::optional<int64_t> community, db::PageSpan page) {
    db::Connection& conn = db_.Local();
    auto scope = auth::CommunityRecordScope(p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value);
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

Disclosure CharityService::Disclosure(std::optional<int64_t> community, std::optional<int64_t> street) {
    db::Connection& conn = db_.Local();
    // Fixed column names, chosen here, never from input.
    const std::string column = community ? "community_id" : "street_id";
    int64_t place = community ? *community : street.value_or(-1);
    auto name = conn.QueryOne("SELECT name FROM places WHERE id = ? AND kind = ?", place,
                              std::string(community ? "community" : "street"));
    if (!name) throw AppError(ErrorCode::kNotFound, "not_found");
    charity::Disclosure out{.place = name->Str("name")};
    // From the totals kept with the donations (reversals already taken out).
    for (const auto& r :
         conn.Query("SELECT year, channel, form, sum(donations) AS donations, sum(amount_fen) AS amount_fen FROM "
                    "charity_totals WHERE " +
                        column + " = ? GROUP BY year, channel, form HAVING sum(donations) > 0 ORDER BY 1 DESC, 2, 3",
                    place)) {
        out.totals.push_back({r.Str("year"), r.Str("channel"), r.Str("form"), r.Int("donations"), r.Int("amount_fen")});
    }
    for (const auto& r : conn.Query(
             std::string(kProjectSelect) + " WHERE o." + column + " = ? ORDER BY o.starts_on DESC, o.id DESC", place)) {
        Project project = ProjectFrom(r);
        project.description.clear();
        project.beneficiaries.clear();
        out.projects.push_back(std::move(project));
    }
    for (const auto& r : conn.Query(
             "SELECT d.donated_on, d.donor_kind, d.donor_name, d.publish_name, d.amount_fen, d.form, d.channel, "
             "p.name AS project FROM charity_donations d LEFT JOIN charity_projects p ON p.id = d.project_id WHERE d." +
                 column + " = ? AND " + Standing("d") + " ORDER BY d.donated_on DESC, d.id DESC LIMIT 20",
             place)) {
        out.recent_donations.push_back({r.Str("donated_on"), DonorShown(r), r.Int("amount_fen"), r.Str("form"),
                                        r.Str("channel"), r.OptStr("project")});
    }
    return out;
}

int64_t CharityService::PublishDisclosure(const auth::Principal& p, int64_t project_id, const std::string& note,
                                          const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    if (!LoadProject(conn, p, project_id)) throw AppError(ErrorCode::kNotFound, "not_found");
    int64_t id = conn.Insert(
        "INSERT INTO charity_disclosures (project_id, published_on, note, created_by, created_at) VALUES (?, ?, ?, ?, "
        "?)",
        project_id, time::Today(), note, p.user_id, time::NowUnix());
    audit::Append(
        conn, actor,
        {"charity.disclosure.published", "charity_project", std::to_string(project_id), true, {{"note", note}}});
    tx.Commit();
    return id;
}

std::vector<Reminder> CharityService::Reminders(const auth::Principal& p, std::optional<int64_t> community,
                                                const std::string& today) {
    db::Connection& conn = db_.Local();
    auto scope = auth::CommunityRecordScope(p);
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value);
    if (community) where.Add("o.community_id = ?", *community);
    // Dates as text compare in order; months are shifted on the string (YYYY-MM-DD).
    auto shift = [](const std::string& date, int months) {
        int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2)) - months;
        while (m < 1) m += 12, --y;
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%s", y, m, date.substr(8, 2).c_str());
        return std::string(buf);
    };
    where.Add("o.starts_on <= ? AND (o.ends_on IS NULL OR o.ends_on >= ?)", shift(today, 6), today);
    std::vector<Reminder> out;
    for (const auto& r : conn.Run(std::string(kProjectSelect) + where.Sql() + " ORDER BY o.id", where.values())) {
        auto last = r.OptStr("last_disclosure");
        if (last && *last > shift(today, 3)) continue;
        out.push_back({r.Int("id"), r.Str("name"), r.Str("starts_on"), last});
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

BooksReport CharityService::CheckBooks(db::Connection& conn) { return CheckBooksIn(conn, "", 0); }

BooksReport CharityService::CheckBooks(const auth::Principal& p) {
    if (!p.scope_place_id ||
        (p.scope_kind != auth::ScopeKind::kStreet && p.scope_kind != auth::ScopeKind::kCommunity)) {
        throw AppError(ErrorCode::kForbidden, "forbidden");
    }
    return CheckBooksIn(db_.Local(), p.scope_kind == auth::ScopeKind::kStreet ? "street_id" : "community_id",
                        *p.scope_place_id);
}

std::string CharityService::ExportLedger(const auth::Principal& p, int64_t community, const std::string& lang,
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

std::string CharityService::ExportDisclosure(std::optional<int64_t> community, std::optional<int64_t> street,
                                             const std::string& lang) {
    const bool en = lang == "en";
    charity::Disclosure d = Disclosure(community, street);
    io::Table rows;
    rows.push_back({en ? "Income by year and channel" : "按年度、渠道的收入"});
    for (const ChannelTotal& t : d.totals) {
        rows.push_back({t.year, t.channel, t.form, std::to_string(t.donations), money::FormatYuan(t.amount_fen)});
    }
    rows.push_back({});
    rows.push_back({en ? "Projects" : "项目收支"});
    for (const Project& p : d.projects) {
        rows.push_back({p.name, money::FormatYuan(p.goal_fen), money::FormatYuan(p.income_fen),
                        money::FormatYuan(p.income_fen - p.balance_fen), money::FormatYuan(p.balance_fen)});
    }
    rows.push_back({});
    rows.push_back({en ? "Recent donations" : "近期捐赠"});
    for (const PublicDonation& r : d.recent_donations) {
        rows.push_back({r.donated_on, r.donor, money::FormatYuan(r.amount_fen), r.channel});
    }
    std::vector<std::string> header = {d.place + (en ? " care and relief fund disclosure" : "公益慈善基金公示")};
    return io::WriteXlsx(en ? "Disclosure" : "公示", header, rows);
}

}  // namespace tongxin::charity

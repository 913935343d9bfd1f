// Donations: by channel and form, with numbered receipts and the yearly totals.
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

const std::vector<std::string>& Channels() {
    static const std::vector<std::string> kAll = {"crowdfunding_online", "crowdfunding_offline", "public_collection",
                                                  "corporate",           "charity_sale",         "gala"};
    return kAll;
}

namespace {

constexpr db::ListSql kDonationList{
    .columns =
        R"sql(o.id, o.community_id, o.receipt_no, o.donated_on, o.channel, o.form, o.amount_fen, o.goods, o.valuation_basis,
       o.donor_kind, o.donor_name, o.publish_name, o.epidemic, p.name AS project, o.transaction_id,
       (SELECT x.id FROM charity_transactions x WHERE x.reverses_id = o.transaction_id) AS reversed_by)sql",
    .from = "charity_donations o LEFT JOIN charity_projects p ON p.id = o.project_id",
    .order_by = "o.donated_on DESC, o.id DESC",
    .count_from = "charity_donations o",
};

Donation DonationFrom(const db::Row& r) {
    return {.id = r.Int("id"),
            .community_id = r.Int("community_id"),
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

}  // namespace

std::pair<int64_t, std::string> DonationService::InsertDonation(db::Connection& conn, int64_t street,
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

Receipt DonationService::RecordDonation(const auth::Principal& p, const DonationInput& in, const audit::Actor& actor) {
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
    auto place = places::CommunityField(conn, p, in.community_id);
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
    auto [id, receipt] = InsertDonation(conn, *place.street_id, checked, p.user_id);
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

DonationPage DonationService::Donations(const auth::Principal& p, const DonationFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
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

}  // namespace tongxin::charity

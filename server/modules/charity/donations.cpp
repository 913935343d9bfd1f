// Donations: by channel and form, with numbered receipts and the yearly totals.
#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <map>

#include "core/auth/scope.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/io/sheet_import.hpp"
#include "core/money/money.hpp"
#include "core/text/codes.hpp"
#include "core/time/clock.hpp"
#include "core/util/choices.hpp"
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

// Names people write in a sheet for the codes (an import accepts either).
const std::vector<text::Code>& ChannelNames() {
    static const std::vector<text::Code> kAll = {
        {"crowdfunding_online", "线上众筹", "Online crowdfunding"},
        {"crowdfunding_offline", "线下众筹", "Offline crowdfunding"},
        {"public_collection", "公开募捐", "Public collection"},
        {"corporate", "企业捐赠", "Corporate donation"},
        {"charity_sale", "义卖", "Charity sale"},
        {"gala", "公益晚会", "Charity gala"},
    };
    return kAll;
}
const std::vector<text::Code>& FormNames() {
    static const std::vector<text::Code> kAll = {{"cash", "现金", "Cash"}, {"in_kind", "物资", "In kind"}};
    return kAll;
}
const std::vector<text::Code>& DonorKindNames() {
    static const std::vector<text::Code> kAll = {
        {"resident", "居民", "Resident"}, {"organization", "单位", "Organisation"}, {"anonymous", "匿名", "Anonymous"}};
    return kAll;
}

const std::vector<io::ImportColumn>& DonationColumns() {
    static const std::vector<io::ImportColumn> kAll = {
        {"donated_on", {"捐赠日期", "日期"}, true},
        {"donor_kind", {"捐赠人类型", "捐赠方类型"}, true},
        {"donor_name", {"捐赠人", "捐赠方", "捐赠人姓名"}},
        {"id_number", {"身份证号", "身份证号码"}},
        {"channel", {"渠道", "捐赠渠道"}, true},
        {"form", {"形式", "捐赠形式"}},
        {"amount", {"金额（元）", "金额", "捐赠金额（元）", "估值（元）"}, true},
        {"goods", {"物资名称", "物资"}},
        {"valuation_basis", {"估价依据"}},
        {"project_id", {"项目", "捐赠项目"}},
        {"publish_name", {"公开姓名", "是否公开姓名"}},
    };
    return kAll;
}

std::optional<bool> YesNo(const std::string& v) {
    if (v.empty() || v == "否" || v == "不公开" || v == "no" || v == "0") return false;
    if (v == "是" || v == "公开" || v == "yes" || v == "1") return true;
    return std::nullopt;
}

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

io::ImportReport DonationService::ImportDonations(const auth::Principal& p, const crypto::Vault& vault,
                                                  int64_t community_id, std::string_view bytes, bool commit,
                                                  const audit::Actor& actor) {
    io::ImportSheet sheet(bytes, DonationColumns());
    db::Connection& conn = db_.Local();
    auto community = places::FindPlace(conn, p, community_id);
    if (!community || community->kind != "community") throw AppError(ErrorCode::kNotFound, "not_found");
    std::map<std::string, int64_t> projects;
    for (const auto& r : conn.Query("SELECT id, name FROM charity_projects WHERE community_id = ?", community_id))
        projects.emplace(r.Str("name"), r.Int("id"));
    return io::RunImport(
        conn, sheet, commit, [&](int row_no, const auto& row, auto& issues) -> std::optional<json::object> {
            auto code = [&](const std::vector<text::Code>& names, const char* field, const char* fallback) {
                std::string v = sheet.Cell(row, field);
                if (v.empty() && fallback) return std::string(fallback);
                const text::Code* c = text::FindCode(names, v);
                if (!c) issues.push_back({row_no, sheet.Header(field), "invalid_choice"});
                return c ? c->code : std::string();
            };
            DonationInput in;
            in.community_id = community_id;
            in.donated_on = sheet.DateCell(row, "donated_on");
            in.donor_kind = code(DonorKindNames(), "donor_kind", nullptr);
            in.channel = code(ChannelNames(), "channel", nullptr);
            in.form = code(FormNames(), "form", "cash");
            in.donor_name = sheet.Cell(row, "donor_name");
            if (in.donor_kind == "resident") {
                residents::ResidentMatch who =
                    residents::MatchResident(conn, p, vault, community_id, in.donor_name, sheet.Cell(row, "id_number"));
                if (!who.id)
                    issues.push_back({row_no, sheet.Header(who.field == "name" ? "donor_name" : who.field), who.code});
                in.donor_resident_id = who.id;
            }
            money::Parsed amount = money::ParseYuan(sheet.Cell(row, "amount"));
            if (!amount.fen || *amount.fen == 0)
                issues.push_back(
                    {row_no, sheet.Header("amount"), amount.fen ? "out_of_range" : money::ReasonOf(amount.error)});
            in.amount_fen = amount.fen.value_or(0);
            in.goods = sheet.Cell(row, "goods");
            in.valuation_basis = sheet.Cell(row, "valuation_basis");
            if (std::string project = sheet.Cell(row, "project_id"); !project.empty()) {
                auto it = projects.find(project);
                if (it == projects.end())
                    issues.push_back({row_no, sheet.Header("project_id"), "not_found"});
                else
                    in.project_id = it->second;
            }
            auto publish = YesNo(sheet.Cell(row, "publish_name"));
            if (!publish) issues.push_back({row_no, sheet.Header("publish_name"), "invalid_choice"});
            in.publish_name = publish.value_or(false);
            if (!issues.empty()) return std::nullopt;
            Receipt receipt = RecordDonation(p, in, actor);
            return json::object{{"receipt_no", receipt.receipt_no},
                                {"donated_on", in.donated_on},
                                {"donor_name", in.donor_kind == "anonymous" ? "" : in.donor_name},
                                {"channel", in.channel},
                                {"amount_fen", in.amount_fen}};
        });
}

std::string DonationService::ImportTemplate() {
    return io::ImportTemplate("捐赠", DonationColumns(),
                              {{"2021-03-05", "居民", "张三", "", "线下众筹", "现金", "200", "", "", "", "否"},
                               {"2021-03-06", "单位", "某某商会", "", "企业捐赠", "现金", "5000", "", "", "", "是"}});
}

Receipt DonationService::RecordDonation(const auth::Principal& p, const DonationInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (!util::IsOneOf(in.channel, Channels())) errors.Add("channel", "invalid_choice");
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
    if (f.donor) where.Add("o.donor_resident_id = ?", *f.donor);
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

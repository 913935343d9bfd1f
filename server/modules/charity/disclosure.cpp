// The public disclosure (no login): totals, projects and recent donations, and its .xlsx.
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

Disclosure DisclosureService::Disclosure(std::optional<int64_t> community, std::optional<int64_t> street) {
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

std::string DisclosureService::ExportDisclosure(std::optional<int64_t> community, std::optional<int64_t> street,
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

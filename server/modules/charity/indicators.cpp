// Charity indicators: cash raised in the year, and what minority residents gave for epidemic
// prevention up to the year's end (cash and goods at their valuation). Reversed donations do not
// count.
#include <boost/json.hpp>

#include "modules/charity/module.hpp"

namespace tongxin::charity {
using reports::KpiRecords;
using reports::KpiScope;

namespace {

constexpr const char* kStanding =
    " AND NOT EXISTS (SELECT 1 FROM charity_transactions x WHERE x.reverses_id = d.transaction_id)";

// `total`, when known from the totals kept with the donations, spares counting them.
KpiRecords DonationRecords(db::Connection& c, const std::string& where, const std::vector<db::Value>& params,
                           int64_t limit, int64_t offset, std::optional<int64_t> total = std::nullopt) {
    KpiRecords out;
    out.columns = {"receipt_no", "donated_on", "donor", "channel", "form", "amount_fen"};
    out.total = total ? *total : c.Run("SELECT count(*)" + where, params).front().Int(0);
    auto with = params;
    with.emplace_back(limit);
    with.emplace_back(offset);
    for (const auto& r :
         c.Run("SELECT d.id, d.receipt_no, d.donated_on, CASE WHEN d.donor_kind = 'anonymous' THEN '爱心人士' ELSE "
               "d.donor_name END AS donor, d.channel, d.form, d.amount_fen" +
                   where + " ORDER BY d.donated_on, d.id LIMIT ? OFFSET ?",
               with)) {
        out.Add(r);
    }
    return out;
}

std::string Raised(const KpiScope& s) {
    return " FROM charity_donations d WHERE d." + s.place_column +
           " = ? AND d.form = 'cash' AND d.donated_on >= ? AND d.donated_on <= ?" + kStanding;
}

std::string Pandemic(const KpiScope& s) {
    return " FROM charity_donations d JOIN residents r ON r.id = d.donor_resident_id WHERE d." + s.place_column +
           " = ? AND d.epidemic = 1 AND d.donor_kind = 'resident' AND r.ethnicity >= '02' AND r.ethnicity <= '56' AND "
           "d.donated_on <= ?" +
           kStanding;
}

}  // namespace

void RegisterIndicators(reports::Registry& registry) {
    reports::Indicator raised;
    raised.id = "charity.raised_fen";
    raised.label_zh = "公益慈善基金年度募集资金";
    raised.label_en = "Money raised for care and relief in the year";
    raised.unit_zh = "分";
    raised.unit_en = "fen";
    raised.permission = "reports.read";
    raised.aggregate = "sum";
    raised.sum_field = "amount_fen";
    // The value from the totals kept with the donations; the records are the donations themselves.
    raised.value = [](db::Connection& c, const KpiScope& s) {
        return static_cast<double>(c.Run("SELECT coalesce(sum(amount_fen), 0) FROM charity_totals WHERE " +
                                             s.place_column + " = ? AND year = ? AND form = 'cash'",
                                         {s.place_id, std::to_string(s.year)})
                                       .front()
                                       .Int(0));
    };
    raised.records = [](db::Connection& c, const KpiScope& s, int64_t limit, int64_t offset) {
        int64_t total = c.Run("SELECT coalesce(sum(donations), 0) FROM charity_totals WHERE " + s.place_column +
                                  " = ? AND year = ? AND form = 'cash'",
                              {s.place_id, std::to_string(s.year)})
                            .front()
                            .Int(0);
        return DonationRecords(c, Raised(s), {s.place_id, s.year_start(), s.year_end()}, limit, offset, total);
    };
    raised.records_permission = "charity.read";
    registry.Add(std::move(raised));

    reports::Indicator pandemic;
    pandemic.id = "charity.pandemic_donations_fen";
    pandemic.label_zh = "少数民族群众疫情防控捐款捐物（累计）";
    pandemic.label_en = "Epidemic-prevention donations by minority residents (cumulative)";
    pandemic.unit_zh = "分";
    pandemic.unit_en = "fen";
    pandemic.aggregate = "sum";
    pandemic.sum_field = "amount_fen";
    pandemic.value = [](db::Connection& c, const KpiScope& s) {
        return static_cast<double>(
            c.Run("SELECT coalesce(sum(d.amount_fen), 0)" + Pandemic(s), {s.place_id, s.year_end()}).front().Int(0));
    };
    pandemic.records = [](db::Connection& c, const KpiScope& s, int64_t limit, int64_t offset) {
        return DonationRecords(c, Pandemic(s), {s.place_id, s.year_end()}, limit, offset);
    };
    // Named minority residents: only roles that may see ethnicity.
    pandemic.records_permission = "residents.sensitive";
    registry.Add(std::move(pandemic));
}

}  // namespace tongxin::charity

// Charity indicators: cash raised in the year, and what minority residents gave for epidemic
// prevention up to the year's end (cash and goods at their valuation). Reversed donations do not
// count.
#include "modules/charity/module.hpp"

namespace tongxin::charity {
using reports::KpiScope;
using reports::ScopedSql;

namespace {

constexpr const char* kStanding =
    " AND NOT EXISTS (SELECT 1 FROM charity_transactions x WHERE x.reverses_id = d.transaction_id)";

// The donations behind a figure, `where` their FROM … WHERE.
reports::RowSet Donations(std::function<ScopedSql(const KpiScope&)> where) {
    return {.rows = std::move(where),
            .keys = {"receipt_no", "donated_on", "donor", "channel", "form", "amount_fen"},
            .columns =
                "d.id, d.receipt_no, d.donated_on, CASE WHEN d.donor_kind = 'anonymous' THEN '爱心人士' ELSE "
                "d.donor_name END AS donor, d.channel, d.form, d.amount_fen",
            .order_by = "d.donated_on, d.id"};
}

// From the totals kept with the donations (charity_totals), sparing a pass over them.
int64_t CashRaised(db::Connection& c, const KpiScope& s) {
    return c
        .Run("SELECT coalesce(sum(amount_fen), 0) FROM charity_totals WHERE " + s.place_column +
                 " = ? AND year = ? AND form = 'cash'",
             {s.place_id, std::to_string(s.year)})
        .front()
        .Int(0);
}

}  // namespace

void RegisterIndicators(reports::Registry& registry) {
    reports::Indicator raised = reports::Summing(
        {.id = "charity.raised_fen",
         .label_zh = "公益慈善基金年度募集资金",
         .label_en = "Money raised for care and relief in the year",
         .unit_zh = "分",
         .unit_en = "fen",
         .sum_field = "amount_fen",
         .records_permission = "charity.read",
         .definition_zh = "公益慈善基金当年收到的现金捐款（已冲正的不计）",
         .definition_en = "Cash donations the charity fund received in the year (reversed donations left out)"},
        Donations([](const KpiScope& s) {
            return ScopedSql{" FROM charity_donations d WHERE d." + s.place_column +
                                 " = ? AND d.form = 'cash' AND d.donated_on >= ? AND d.donated_on <= ?" + kStanding,
                             {s.place_id, s.year_start(), s.year_end()}};
        }),
        "sum(d.amount_fen)");
    // The value from the kept totals; the records are the donations themselves.
    raised.value = [](db::Connection& c, const KpiScope& s) { return static_cast<double>(CashRaised(c, s)); };
    registry.Add(std::move(raised));

    registry.Add(reports::Summing(
        {.id = "charity.pandemic_donations_fen",
         .label_zh = "少数民族群众疫情防控捐款捐物（累计）",
         .label_en = "Epidemic-prevention donations by minority residents (cumulative)",
         .unit_zh = "分",
         .unit_en = "fen",
         .sum_field = "amount_fen",
         // Named minority residents: only roles that may see ethnicity.
         .records_permission = "residents.sensitive",
         .definition_zh = "截至年末少数民族居民为疫情防控捐赠的现金和物资（物资按估值，已冲正的不计）",
         .definition_en = "Cash and goods (at their valuation) minority residents gave for epidemic prevention up to "
                          "the year's end, reversed donations left out"},
        Donations([](const KpiScope& s) {
            return ScopedSql{" FROM charity_donations d JOIN residents r ON r.id = d.donor_resident_id WHERE d." +
                                 s.place_column +
                                 " = ? AND d.epidemic = 1 AND d.donor_kind = 'resident' AND r.ethnicity >= '02' AND "
                                 "r.ethnicity <= '56' AND d.donated_on <= ?" +
                                 kStanding,
                             {s.place_id, s.year_end()}};
        }),
        "sum(d.amount_fen)"));
}

}  // namespace tongxin::charity

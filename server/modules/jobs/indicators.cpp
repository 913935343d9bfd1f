// Indicators of the employment and entrepreneurship platform. Each counts minority residents
// (ethnicity codes 02–56), once each, from the records that prove it.
#include <boost/json.hpp>

#include "modules/jobs/module.hpp"

namespace tongxin::jobs {
namespace json = boost::json;
using reports::KpiScope;
using reports::ScopedSql;

namespace {

constexpr const char* kMinority = "r.ethnicity >= '02' AND r.ethnicity <= '56'";

// One record per resident (its id the resident's, linking to their record), with the first
// qualifying row's details.
reports::RowSet PerResident(std::function<ScopedSql(const KpiScope&)> rows, std::vector<std::string> keys,
                            std::string columns) {
    return {.rows = std::move(rows),
            .keys = std::move(keys),
            .columns = std::move(columns),
            .order_by = "min(r.pinyin), r.id",
            .link_prefix = "/residents/",
            .count = "count(DISTINCT r.id)",
            .group_by = "r.id"};
}

}  // namespace

void RegisterIndicators(reports::Registry& registry) {
    registry.Add(reports::Counting(
        {.id = "jobs.registered",
         .label_zh = "当年登记求职的少数民族居民",
         .label_en = "Minority job seekers registered in the year",
         .unit_zh = "人",
         .unit_en = "people",
         .records_permission = "jobs.read",
         .definition_zh = "当年在就业创业平台登记求职的少数民族居民人数",
         .definition_en = "Minority residents who registered as job seekers in the year"},
        PerResident(
            [](const KpiScope& s) {
                return ScopedSql{" FROM job_seekers o JOIN residents r ON r.id = o.resident_id WHERE o." +
                                     s.place_column + " = ? AND " + kMinority +
                                     " AND o.registered_on >= ? AND o.registered_on <= ?",
                                 {s.place_id, s.year_start(), s.year_end()}};
            },
            {"name", "ethnicity", "registered_on", "seeker_source"},
            "r.id, min(r.name) AS name, min(r.ethnicity) AS ethnicity, min(o.registered_on) AS registered_on, "
            "min(o.source) AS seeker_source")));

    registry.Add(reports::Counting(
        {.id = "jobs.certificates",
         .label_zh = "取得职业资格证书的少数民族居民",
         .label_en = "Minority residents who obtained a professional certificate",
         .unit_zh = "人",
         .unit_en = "people",
         .records_permission = "jobs.read",
         .definition_zh = "当年取得职业资格证书并经工作人员核验的少数民族居民人数",
         .definition_en =
             "Minority residents who obtained a professional certificate in the year, checked by a worker"},
        PerResident(
            [](const KpiScope& s) {
                // Only certificates a worker has seen and checked count.
                return ScopedSql{" FROM job_certificates o JOIN residents r ON r.id = o.resident_id WHERE o." +
                                     s.place_column + " = ? AND " + kMinority +
                                     " AND o.verified_at IS NOT NULL AND o.issued_on >= ? AND o.issued_on <= ?",
                                 {s.place_id, s.year_start(), s.year_end()}};
            },
            {"name", "ethnicity", "certificate", "number", "issued_on"},
            "r.id, min(r.name) AS name, min(r.ethnicity) AS ethnicity, min(o.kind) AS certificate, min(o.number) AS "
            "number, "
            "min(o.issued_on) AS issued_on")));

    registry.Add(reports::Counting(
        {.id = "outcomes.businesses",
         .label_zh = "创办企业或登记个体工商户的少数民族居民",
         .label_en = "Minority residents who founded a company or registered as self-employed",
         .unit_zh = "人",
         .unit_en = "people",
         .records_permission = "jobs.read",
         .definition_zh = "当年创办企业或登记个体工商户的少数民族居民人数",
         .definition_en = "Minority residents who registered a company or a self-employed business in the year"},
        PerResident(
            [](const KpiScope& s) {
                return ScopedSql{" FROM job_businesses o JOIN residents r ON r.id = o.resident_id WHERE o." +
                                     s.place_column + " = ? AND " + kMinority +
                                     " AND o.registered_on >= ? AND o.registered_on <= ?",
                                 {s.place_id, s.year_start(), s.year_end()}};
            },
            {"name", "ethnicity", "business", "business_kind", "credit_code", "registered_on"},
            "r.id, min(r.name) AS name, min(r.ethnicity) AS ethnicity, min(o.name) AS business, min(o.kind) AS "
            "business_kind, "
            "min(o.credit_code) AS credit_code, min(o.registered_on) AS registered_on")));

    registry.Add(reports::Counting(
        {.id = "outcomes.employed",
         .label_zh = "实现就业的少数民族居民",
         .label_en = "Minority residents placed into employment",
         .unit_zh = "人",
         .unit_en = "people",
         .records_permission = "jobs.read",
         .definition_zh = "当年实现就业（上岗）的少数民族居民人数",
         .definition_en = "Minority residents who started a job in the year"},
        PerResident(
            [](const KpiScope& s) {
                return ScopedSql{
                    " FROM job_placements o JOIN job_seekers k ON k.id = o.seeker_id JOIN residents r ON "
                    "r.id = k.resident_id JOIN job_employers e ON e.id = o.employer_id WHERE o." +
                        s.place_column + " = ? AND " + kMinority + " AND o.started_on >= ? AND o.started_on <= ?",
                    {s.place_id, s.year_start(), s.year_end()}};
            },
            {"name", "ethnicity", "employer", "position", "started_on"},
            "r.id, min(r.name) AS name, min(r.ethnicity) AS ethnicity, min(e.name) AS employer, min(o.position) AS "
            "position, min(o.started_on) AS started_on")));

    // Placements whose 6-month follow-up was recorded in the year; the share still employed.
    const auto followed = [](const KpiScope& s) {
        return ScopedSql{
            " FROM job_followups f JOIN job_placements o ON o.id = f.placement_id JOIN job_seekers k ON "
            "k.id = o.seeker_id JOIN residents r ON r.id = k.resident_id JOIN job_employers e ON e.id = "
            "o.employer_id WHERE o." +
                s.place_column + " = ? AND f.months = 6 AND f.checked_on >= ? AND f.checked_on <= ?",
            {s.place_id, s.year_start(), s.year_end()}};
    };
    reports::Indicator retained = reports::Counting(
        {.id = "jobs.retained_6m",
         .label_zh = "就业 6 个月后仍在岗的比例",
         .label_en = "Placements still employed 6 months later",
         .unit_zh = "比例",
         .unit_en = "share",
         .records_permission = "jobs.read",
         .definition_zh = "当年完成 6 个月回访的就业者中仍在岗的比例",
         .definition_en = "Share of the placements followed up at 6 months in the year that were still employed"},
        {.rows = followed,
         .keys = {"name", "ethnicity", "employer", "started_on", "checked_on", "retained"},
         .columns = "o.id, r.name, r.ethnicity, e.name AS employer, o.started_on, f.checked_on, CASE WHEN f.employed = "
                    "1 THEN f.checked_on END AS retained",
         .order_by = "f.checked_on, o.id"});
    retained.aggregate = "share";
    retained.share_field = "retained";
    retained.value = [followed](db::Connection& c, const KpiScope& s) {
        const ScopedSql q = followed(s);
        const auto row =
            c.Run("SELECT count(*) AS n, sum(CASE WHEN f.employed = 1 THEN 1 ELSE 0 END) AS kept" + q.from_where,
                  q.params)
                .front();
        const int64_t n = row.Int("n");
        return n == 0 ? 0.0 : static_cast<double>(row.OptInt("kept").value_or(0)) / static_cast<double>(n);
    };
    registry.Add(std::move(retained));
}

}  // namespace tongxin::jobs

// Volunteer service certificates (志愿服务证明): issued from the ledger, numbered, printable.
#include <cstdio>

#include "core/auth/scope.hpp"
#include "core/db/page.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/time/clock.hpp"
#include "modules/volunteer/service.hpp"
#include "modules/volunteer/shared.hpp"

namespace tongxin::volunteer {
namespace json = boost::json;
using detail::ResidentFor;

Certificate CertificateService::IssueCertificate(const auth::Principal& p, int64_t resident_id, const std::string& from,
                                                 const std::string& to, const audit::Actor& actor) {
    FieldErrors errors;
    if (!time::IsValidDate(from)) errors.Add("from", "invalid_date");
    if (!time::IsValidDate(to))
        errors.Add("to", "invalid_date");
    else if (from > to)
        errors.Add("to", "ends_before_start");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    db::SqlWhere where = auth::WhereIn(auth::ResidentScope(p));
    where.Add("r.id = ?", resident_id);
    auto r = conn.Run("SELECT r.street_id, r.community_id FROM residents r" + where.Sql(), where.values());
    if (r.empty()) {
        throw AppError::Field("resident_id", "not_found");
    }
    int64_t community = r.front().Int("community_id");
    auto sums = conn.QueryOne(R"sql(
SELECT coalesce(sum(h.minutes), 0) AS minutes,
       count(DISTINCT CASE WHEN h.entry = 'record' AND NOT EXISTS
             (SELECT 1 FROM volunteer_hours x WHERE x.reverses_id = h.id) THEN coalesce(h.activity_id, -h.id) END)
         AS activities
FROM volunteer_hours h WHERE h.resident_id = ? AND h.served_on >= ? AND h.served_on <= ?)sql",
                              resident_id, from, to);
    const int64_t minutes = sums->Int("minutes"), activities = sums->Int("activities");
    if (minutes <= 0) throw AppError(ErrorCode::kUnprocessable, "no_hours_in_period");
    std::string content;
    for (const auto& k :
         conn.Query("SELECT h.content, sum(h.minutes) AS minutes FROM volunteer_hours h WHERE h.resident_id = ? AND "
                    "h.served_on >= ? "
                    "AND h.served_on <= ? GROUP BY h.content HAVING sum(h.minutes) > 0 ORDER BY sum(h.minutes) DESC, "
                    "h.content LIMIT 5",
                    resident_id, from, to)) {
        content += (content.empty() ? "" : "、") + k.Str("content");
    }
    auto community_name = conn.QueryOne("SELECT name FROM places WHERE id = ?", community)->Str(0);
    std::string issuer = community_name + "居民委员会";
    std::string today = time::Today();
    std::string prefix = "ZYFW" + today.substr(0, 4) + "-" + std::to_string(community) + "-";
    int64_t seq = conn.QueryInt("SELECT count(*) FROM volunteer_certificates WHERE number LIKE ?", prefix + "%") + 1;
    char number[64];
    std::snprintf(number, sizeof number, "%s%05lld", prefix.c_str(), static_cast<long long>(seq));
    int64_t id = conn.Insert(
        "INSERT INTO volunteer_certificates (number, resident_id, street_id, community_id, period_from, period_to, "
        "minutes, activities, content, issuer, issued_on, issued_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?)",
        std::string(number), resident_id, r.front().Int("street_id"), community, from, to, minutes, activities, content,
        issuer, today, p.user_id, time::NowUnix());
    audit::Append(conn, actor,
                  {"volunteer.certificate.issued",
                   "volunteer_certificate",
                   std::to_string(id),
                   true,
                   {{"number", number}, {"resident_id", resident_id}, {"minutes", minutes}}});
    tx.Commit();
    return Certificate(p, id);
}

Certificate CertificateService::Certificate(const auth::Principal& p, int64_t id) {
    db::Connection& conn = db_.Local();
    auto scope = p.Can("volunteer.read") ? auth::CommunityRecordScope(p)
                                         : auth::ScopeFilter{"o.resident_id = ?", ResidentFor(conn, p, std::nullopt)};
    db::SqlWhere where;
    where.AddScope(scope.clause, scope.value).Add("o.id = ?", id);
    auto rows = conn.Run(R"sql(
SELECT o.id, o.number, o.resident_id, r.name, r.gender, r.id_masked, o.period_from, o.period_to, o.minutes,
       o.activities, o.content, o.issuer, o.issued_on
FROM volunteer_certificates o JOIN residents r ON r.id = o.resident_id)sql" +
                             where.Sql(),
                         where.values());
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    const auto& r = rows.front();
    return {.id = r.Int("id"),
            .resident_id = r.Int("resident_id"),
            .number = r.Str("number"),
            .name = r.Str("name"),
            .gender = r.Str("gender"),
            .id_masked = r.Str("id_masked"),
            .from = r.Str("period_from"),
            .to = r.Str("period_to"),
            .minutes = r.Int("minutes"),
            .activities = r.Int("activities"),
            .content = r.Str("content"),
            .issuer = r.Str("issuer"),
            .issued_on = r.Str("issued_on")};
}

db::Page<Certificate> CertificateService::Certificates(const auth::Principal& p, const CertificateFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.resident) where.Add("o.resident_id = ?", *f.resident);
    constexpr db::ListSql kCertificateList{
        .columns = "o.id, o.number, o.resident_id, r.name, o.period_from, o.period_to, o.minutes, o.issued_on",
        .from = "volunteer_certificates o JOIN residents r ON r.id = o.resident_id",
        .order_by = "o.id DESC",
        .count_from = "volunteer_certificates o",
    };
    return db::ListPage<volunteer::Certificate>(conn, kCertificateList, where, f.page, [](const db::Row& r) {
        return volunteer::Certificate{.id = r.Int("id"),
                                      .resident_id = r.Int("resident_id"),
                                      .number = r.Str("number"),
                                      .name = r.Str("name"),
                                      .from = r.Str("period_from"),
                                      .to = r.Str("period_to"),
                                      .minutes = r.Int("minutes"),
                                      .issued_on = r.Str("issued_on")};
    });
}

}  // namespace tongxin::volunteer

// What a seeker's path leads to: certificates, placements with employers and their follow-ups,
// and businesses founded.
#include "core/auth/scope.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/text/credit_code.hpp"
#include "core/time/clock.hpp"
#include "core/util/choices.hpp"
#include "modules/jobs/rules.hpp"
#include "modules/jobs/service.hpp"
#include "modules/reports/memo.hpp"

namespace tongxin::jobs {

namespace {

constexpr db::ListSql kCertificateList{
    .columns = R"sql(o.id, o.resident_id, o.seeker_id, o.community_id, r.name, r.ethnicity, o.kind, o.number,
       o.issuer, o.issued_on, o.verified_by, o.verified_at, coalesce(u.display_name, '') AS verifier)sql",
    .from = "job_certificates o JOIN residents r ON r.id = o.resident_id LEFT JOIN users u ON u.id = o.verified_by",
    .order_by = "o.issued_on DESC, o.id DESC",
    .count_from = "job_certificates o JOIN residents r ON r.id = o.resident_id",
};

constexpr db::ListSql kPlacementList{
    .columns = R"sql(o.id, o.seeker_id, o.employer_id, s.resident_id, o.community_id, r.name, r.ethnicity,
       e.name AS employer, o.position, o.started_on, o.wage_fen, o.helper)sql",
    .from = R"sql(job_placements o JOIN job_seekers s ON s.id = o.seeker_id JOIN residents r ON r.id = s.resident_id
     JOIN job_employers e ON e.id = o.employer_id)sql",
    .order_by = "o.started_on DESC, o.id DESC",
    .count_from = "job_placements o JOIN job_seekers s ON s.id = o.seeker_id",
};

constexpr db::ListSql kBusinessList{
    .columns = R"sql(o.id, o.resident_id, o.seeker_id, o.community_id, r.name AS owner, r.ethnicity, o.name, o.kind,
       o.credit_code, o.registered_on, o.closed_on, o.brand)sql",
    .from = "job_businesses o JOIN residents r ON r.id = o.resident_id",
    .order_by = "o.registered_on DESC, o.id DESC",
};

// The seeker a record is for, in the caller's scope and of the resident named.
SeekerRow SeekerOfResident(db::Connection& conn, const auth::Principal& p, std::optional<int64_t> seeker,
                           int64_t resident) {
    if (!seeker) return {};
    SeekerRow s = VisibleSeeker(conn, p, *seeker);
    if (s.resident_id != resident) throw AppError::Field("seeker_id", "not_this_resident");
    return s;
}

}  // namespace

db::Page<Certificate> JobsService::Certificates(const auth::Principal& p, const CertificateFilter& f) {
    db::SqlWhere where = Visible(p);
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.resident) where.Add("o.resident_id = ?", *f.resident);
    if (f.id) where.Add("o.id = ?", *f.id);
    InYear(where, "o.issued_on >= ? AND o.issued_on <= ?", f.year);
    if (!f.q.empty()) where.Add("(r.name LIKE ? OR o.kind LIKE ?)", "%" + f.q + "%", "%" + f.q + "%");
    return db::ListPage<Certificate>(db_.Local(), kCertificateList, where, f.page, [](const db::Row& r) {
        const auto at = r.OptInt("verified_at");
        return Certificate{.id = r.Int("id"),
                           .resident_id = r.Int("resident_id"),
                           .community_id = r.Int("community_id"),
                           .seeker_id = r.OptInt("seeker_id"),
                           .verified_by = r.OptInt("verified_by"),
                           .name = r.Str("name"),
                           .ethnicity = r.Str("ethnicity"),
                           .kind = r.Str("kind"),
                           .number = r.Str("number"),
                           .issuer = r.Str("issuer"),
                           .issued_on = r.Str("issued_on"),
                           .verifier = r.Str("verifier"),
                           .verified_at = at ? std::optional<std::string>(time::ToRfc3339(*at)) : std::nullopt};
    });
}

int64_t JobsService::AddCertificate(const auth::Principal& p, const CertificateInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (in.kind.empty()) errors.Add("kind", "required");
    if (in.number.empty()) errors.Add("number", "required");
    if (in.issuer.empty()) errors.Add("issuer", "required");
    CheckDate(errors, "issued_on", in.issued_on);
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    const ResidentPlace r = ResidentInScope(conn, p, in.resident_id);
    SeekerOfResident(conn, p, in.seeker_id, r.id);
    if (conn.QueryInt("SELECT count(*) FROM job_certificates WHERE issuer = ? AND number = ?", in.issuer, in.number))
        throw AppError::Field("number", "duplicate_number");
    const int64_t id = conn.Insert(
        "INSERT INTO job_certificates (resident_id, seeker_id, street_id, community_id, kind, number, issuer, "
        "issued_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        r.id, in.seeker_id, r.street_id, r.community_id, in.kind, in.number, in.issuer, in.issued_on, time::NowUnix());
    audit::Append(conn, actor,
                  {"jobs.certificate.recorded",
                   "job_certificate",
                   std::to_string(id),
                   true,
                   {{"resident_id", r.id}, {"kind", in.kind}, {"number", in.number}}});
    tx.Commit();
    return id;
}

// A worker has seen the certificate (or checked it with the issuing body): only then it counts.
void JobsService::VerifyCertificate(const auth::Principal& p, int64_t id, const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto page = Certificates(p, {.id = id, .page = {1, 0}});
    if (page.items.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    if (page.items.front().verified_at) throw AppError(ErrorCode::kConflict, "already_verified");
    conn.Exec("UPDATE job_certificates SET verified_by = ?, verified_at = ? WHERE id = ?", p.user_id, time::NowUnix(),
              id);
    audit::Append(conn, actor, {"jobs.certificate.verified", "job_certificate", std::to_string(id), true, {}});
    reports::Touch(conn, page.items.front().community_id);
    tx.Commit();
}

db::Page<Employer> JobsService::Employers(const auth::Principal& p, std::optional<int64_t> community,
                                          db::PageSpan page) {
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    if (community) where.Add("o.community_id = ?", *community);
    static constexpr db::ListSql kList{
        .columns = R"sql(o.id, o.community_id, o.organization_id, o.name, o.contact, coalesce(g.name, '') AS
       organization, (SELECT count(*) FROM job_placements x WHERE x.employer_id = o.id) AS placements)sql",
        .from = "job_employers o LEFT JOIN organizations g ON g.id = o.organization_id",
        .order_by = "o.name, o.id",
        .count_from = "job_employers o",
    };
    return db::ListPage<Employer>(db_.Local(), kList, where, page, [](const db::Row& r) {
        return Employer{.id = r.Int("id"),
                        .community_id = r.Int("community_id"),
                        .placements = r.Int("placements"),
                        .organization_id = r.OptInt("organization_id"),
                        .name = r.Str("name"),
                        .contact = r.Str("contact"),
                        .organization = r.Str("organization")};
    });
}

int64_t JobsService::AddEmployer(const auth::Principal& p, const EmployerInput& in, const audit::Actor& actor) {
    if (in.name.empty()) throw AppError::Field("name", "required");
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    const int64_t street = CommunityInScope(conn, p, in.community_id).street_id;
    if (in.organization_id && conn.QueryInt("SELECT count(*) FROM organizations WHERE id = ? AND street_id = ?",
                                            *in.organization_id, street) == 0)
        throw AppError::Field("organization_id", "not_found");
    if (conn.QueryInt("SELECT count(*) FROM job_employers WHERE community_id = ? AND name = ?", in.community_id,
                      in.name))
        throw AppError::Field("name", "duplicate_name");
    const int64_t id = conn.Insert(
        "INSERT INTO job_employers (street_id, community_id, name, organization_id, contact, created_at) VALUES (?, "
        "?, ?, ?, ?, ?)",
        street, in.community_id, in.name, in.organization_id, in.contact, time::NowUnix());
    audit::Append(conn, actor,
                  {"jobs.employer.created", "job_employer", std::to_string(id), true, {{"name", in.name}}});
    tx.Commit();
    return id;
}

db::Page<Placement> JobsService::Placements(const auth::Principal& p, const PlacementFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = Visible(p);
    if (!IsStaff(p)) {  // Visible's o.resident_id is the seeker's here
        where = db::SqlWhere();
        where.Add("s.resident_id = ?", p.resident_id.value_or(-1));
    }
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.seeker) where.Add("o.seeker_id = ?", *f.seeker);
    if (f.employer) where.Add("o.employer_id = ?", *f.employer);
    if (f.id) where.Add("o.id = ?", *f.id);
    InYear(where, "o.started_on >= ? AND o.started_on <= ?", f.year);
    const std::string today = time::Today();
    if (f.followup_due) {
        // A follow-up is due once its months have passed and it is not recorded yet.
        where.Add(
            "((o.started_on <= ? AND NOT EXISTS (SELECT 1 FROM job_followups x WHERE x.placement_id = o.id AND "
            "x.months = 3)) OR (o.started_on <= ? AND NOT EXISTS (SELECT 1 FROM job_followups x WHERE "
            "x.placement_id = o.id AND x.months = 6)))",
            time::AddDays(today, -91), time::AddDays(today, -182));
    }
    auto page = db::ListPage<Placement>(conn, kPlacementList, where, f.page, [](const db::Row& r) {
        return Placement{.id = r.Int("id"),
                         .seeker_id = r.Int("seeker_id"),
                         .employer_id = r.Int("employer_id"),
                         .resident_id = r.Int("resident_id"),
                         .community_id = r.Int("community_id"),
                         .name = r.Str("name"),
                         .ethnicity = r.Str("ethnicity"),
                         .employer = r.Str("employer"),
                         .position = r.Str("position"),
                         .started_on = r.Str("started_on"),
                         .helper = r.Str("helper"),
                         .wage_fen = r.OptInt("wage_fen")};
    });
    for (Placement& x : page.items) {
        for (const auto& r : conn.Query(
                 "SELECT months, checked_on, employed, note FROM job_followups WHERE placement_id = ? ORDER BY months",
                 x.id))
            x.followups.push_back(
                {static_cast<int>(r.Int("months")), r.Str("checked_on"), r.Str("note"), r.Bool("employed")});
        auto recorded = [&](int m) {
            return std::any_of(x.followups.begin(), x.followups.end(),
                               [m](const Followup& u) { return u.months == m; });
        };
        if (!recorded(3)) x.due_3m = time::AddDays(x.started_on, 91);
        if (!recorded(6)) x.due_6m = time::AddDays(x.started_on, 182);
    }
    return page;
}

int64_t JobsService::Place(const auth::Principal& p, const PlacementInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (in.position.empty()) errors.Add("position", "required");
    CheckDate(errors, "started_on", in.started_on);
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    const SeekerRow s = VisibleSeeker(conn, p, in.seeker_id);
    if (s.status != "active") throw AppError(ErrorCode::kConflict, "seeker_not_active");
    if (in.started_on < s.registered_on) throw AppError::Field("started_on", "before_registration");
    if (conn.QueryInt("SELECT count(*) FROM job_employers WHERE id = ? AND community_id = ?", in.employer_id,
                      s.community_id) == 0)
        throw AppError::Field("employer_id", "not_found");
    if (in.match_id) {
        // Hired for a posting the seeker was matched to and whose details went to its employer.
        auto m = conn.QueryOne(
            "SELECT m.status, p.employer_id FROM job_matches m JOIN job_postings p ON p.id = m.posting_id WHERE m.id = "
            "? "
            "AND m.seeker_id = ?",
            *in.match_id, s.id);
        if (!m) throw AppError::Field("match_id", "not_found");
        if (m->Int("employer_id") != in.employer_id) throw AppError::Field("match_id", "other_employer");
        if (m->Str("status") != "shared") throw AppError::Field("match_id", "not_shared");
    }
    const int64_t id = conn.Insert(
        "INSERT INTO job_placements (seeker_id, employer_id, street_id, community_id, position, started_on, wage_fen, "
        "helper, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        s.id, in.employer_id, s.street_id, s.community_id, in.position, in.started_on, in.wage_fen, in.helper,
        actor.user_id, time::NowUnix());
    InsertStep(conn, s.id, s.community_id, "placed", in.started_on, in.helper, in.position, actor.user_id, id);
    if (in.match_id)
        conn.Exec("UPDATE job_matches SET status = 'hired', placement_id = ? WHERE id = ?", id, *in.match_id);
    conn.Exec("UPDATE job_seekers SET status = 'placed', updated_at = ? WHERE id = ?", time::NowUnix(), s.id);
    audit::Append(conn, actor,
                  {"jobs.placement.recorded",
                   "job_placement",
                   std::to_string(id),
                   true,
                   {{"seeker_id", s.id}, {"employer_id", in.employer_id}, {"started_on", in.started_on}}});
    reports::Touch(conn, s.community_id);
    tx.Commit();
    return id;
}

void JobsService::FollowUp(const auth::Principal& p, int64_t placement, const FollowupInput& in,
                           const audit::Actor& actor) {
    FieldErrors errors;
    if (in.months != 3 && in.months != 6) errors.Add("months", "invalid_choice");
    CheckDate(errors, "checked_on", in.checked_on);
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto page = Placements(p, {.id = placement, .page = {1, 0}});
    if (page.items.empty() || !IsStaff(p)) throw AppError(ErrorCode::kNotFound, "not_found");
    const Placement& x = page.items.front();
    if (in.checked_on < time::AddDays(x.started_on, in.months == 3 ? 84 : 175))
        throw AppError::Field("checked_on", "too_early");
    if (conn.QueryInt("SELECT count(*) FROM job_followups WHERE placement_id = ? AND months = ?", placement, in.months))
        throw AppError(ErrorCode::kConflict, "already_recorded");
    conn.Exec(
        "INSERT INTO job_followups (placement_id, months, checked_on, employed, note, created_by, created_at) VALUES "
        "(?, ?, ?, ?, ?, ?, ?)",
        placement, in.months, in.checked_on, in.employed, in.note, actor.user_id, time::NowUnix());
    audit::Append(conn, actor,
                  {"jobs.followup.recorded",
                   "job_placement",
                   std::to_string(placement),
                   true,
                   {{"months", in.months}, {"employed", in.employed}}});
    reports::Touch(conn, x.community_id);
    tx.Commit();
}

db::Page<Business> JobsService::Businesses(const auth::Principal& p, const BusinessFilter& f) {
    db::SqlWhere where = Visible(p);
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.id) where.Add("o.id = ?", *f.id);
    if (f.operating_only) where.Add("o.closed_on IS NULL");
    InYear(where, "o.registered_on >= ? AND o.registered_on <= ?", f.year);
    if (!f.q.empty()) where.Add("(o.name LIKE ? OR r.name LIKE ?)", "%" + f.q + "%", "%" + f.q + "%");
    return db::ListPage<Business>(db_.Local(), kBusinessList, where, f.page, [](const db::Row& r) {
        return Business{.id = r.Int("id"),
                        .resident_id = r.Int("resident_id"),
                        .community_id = r.Int("community_id"),
                        .seeker_id = r.OptInt("seeker_id"),
                        .name = r.Str("name"),
                        .ethnicity = r.Str("ethnicity"),
                        .owner = r.Str("owner"),
                        .kind = r.Str("kind"),
                        .credit_code = r.Str("credit_code"),
                        .registered_on = r.Str("registered_on"),
                        .brand = r.Str("brand"),
                        .closed_on = r.OptStr("closed_on")};
    });
}

int64_t JobsService::AddBusiness(const auth::Principal& p, const BusinessInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (in.name.empty()) errors.Add("name", "required");
    if (!util::IsOneOf(in.kind, {"company", "individual"})) errors.Add("kind", "invalid_choice");
    const auto code = text::NormalizeCreditCode(in.credit_code);
    if (!code) errors.Add("credit_code", "invalid_credit_code");
    CheckDate(errors, "registered_on", in.registered_on);
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    const ResidentPlace r = ResidentInScope(conn, p, in.resident_id);
    const SeekerRow s = SeekerOfResident(conn, p, in.seeker_id, r.id);
    if (conn.QueryInt("SELECT count(*) FROM job_businesses WHERE credit_code = ?", *code))
        throw AppError::Field("credit_code", "duplicate_credit_code");
    if (in.seeker_id && s.status != "active") throw AppError(ErrorCode::kConflict, "seeker_not_active");
    const int64_t now = time::NowUnix();
    const int64_t id = conn.Insert(
        "INSERT INTO job_businesses (resident_id, seeker_id, street_id, community_id, name, kind, credit_code, "
        "registered_on, brand, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        r.id, in.seeker_id, r.street_id, r.community_id, in.name, in.kind, *code, in.registered_on, in.brand,
        actor.user_id, now, now);
    if (in.seeker_id) {
        InsertStep(conn, s.id, s.community_id, "business_registered", in.registered_on, in.helper, in.name,
                   actor.user_id, std::nullopt, id);
        conn.Exec("UPDATE job_seekers SET status = 'business', updated_at = ? WHERE id = ?", now, s.id);
    }
    audit::Append(conn, actor,
                  {"jobs.business.registered",
                   "job_business",
                   std::to_string(id),
                   true,
                   {{"resident_id", r.id}, {"name", in.name}, {"credit_code", *code}}});
    reports::Touch(conn, r.community_id);
    tx.Commit();
    return id;
}

void JobsService::CloseBusiness(const auth::Principal& p, int64_t id, const std::string& closed_on,
                                const audit::Actor& actor) {
    FieldErrors errors;
    CheckDate(errors, "closed_on", closed_on);
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto page = Businesses(p, {.id = id, .page = {1, 0}});
    if (page.items.empty() || !IsStaff(p)) throw AppError(ErrorCode::kNotFound, "not_found");
    const Business& b = page.items.front();
    if (b.closed_on) throw AppError(ErrorCode::kConflict, "already_closed");
    if (closed_on < b.registered_on) throw AppError::Field("closed_on", "before_registration");
    conn.Exec("UPDATE job_businesses SET closed_on = ?, updated_at = ? WHERE id = ?", closed_on, time::NowUnix(), id);
    audit::Append(conn, actor,
                  {"jobs.business.closed", "job_business", std::to_string(id), true, {{"closed_on", closed_on}}});
    reports::Touch(conn, b.community_id);
    tx.Commit();
}

}  // namespace tongxin::jobs

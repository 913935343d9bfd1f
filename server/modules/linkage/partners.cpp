// Partner organisations and their co-building agreements.
#include "core/auth/scope.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/time/clock.hpp"
#include "core/util/choices.hpp"
#include "modules/linkage/service.hpp"
#include "modules/places/service.hpp"
#include "modules/reports/memo.hpp"

namespace tongxin::linkage {

namespace {

constexpr db::ListSql kPartnerList{
    .columns = R"sql(o.id, o.organization_id, o.community_id, g.name, o.kind, o.contact,
       (SELECT max(coalesce(a.ends_on, '9999-12-31')) FROM partner_agreements a WHERE a.partner_id = o.id
          AND a.signed_on <= ? AND (a.ends_on IS NULL OR a.ends_on >= ?)) AS agreement_ends_on,
       (SELECT count(*) FROM partner_agreements a WHERE a.partner_id = o.id AND a.signed_on <= ?
          AND (a.ends_on IS NULL OR a.ends_on > ?)) AS lasting,
       (SELECT count(*) FROM brand_project_partners x WHERE x.partner_id = o.id) AS projects)sql",
    .from = "partners o JOIN organizations g ON g.id = o.organization_id",
    .order_by = "g.name, o.id",
    .count_from = "partners o JOIN organizations g ON g.id = o.organization_id",
};

}  // namespace

db::Page<Partner> LinkageService::Partners(const auth::Principal& p, const PartnerFilter& f) {
    db::Connection& conn = db_.Local();
    const std::string as_of = f.as_of.empty() ? time::Today() : f.as_of;
    const std::string soon = time::AddDays(as_of, 60);
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    if (f.community) where.Add("o.community_id = ?", *f.community);
    if (f.id) where.Add("o.id = ?", *f.id);
    if (!f.q.empty()) where.Add("g.name LIKE ?", "%" + f.q + "%");
    if (f.renewal_due_only) {
        where.Add(
            "EXISTS (SELECT 1 FROM partner_agreements a WHERE a.partner_id = o.id AND a.signed_on <= ? AND a.ends_on "
            ">= ? AND a.ends_on <= ?) AND NOT EXISTS (SELECT 1 FROM partner_agreements a WHERE a.partner_id = o.id "
            "AND a.signed_on <= ? AND (a.ends_on IS NULL OR a.ends_on > ?))",
            as_of, as_of, soon, soon, soon);
    }
    // The list's columns take their dates first (the agreement in force; one lasting beyond the
    // 60 days), then the filters'.
    db::Page<Partner> page;
    std::vector<db::Value> params{as_of, as_of, soon, soon};
    for (const auto& v : where.values()) params.push_back(v);
    page.total = conn.Run("SELECT count(*) FROM " + std::string(kPartnerList.count_from) + where.Sql(), where.values())
                     .front()
                     .Int(0);
    params.push_back(f.page.limit);
    params.push_back(f.page.offset);
    for (const auto& r :
         conn.Run("SELECT " + std::string(kPartnerList.columns) + " FROM " + std::string(kPartnerList.from) +
                      where.Sql() + " ORDER BY " + std::string(kPartnerList.order_by) + " LIMIT ? OFFSET ?",
                  params)) {
        Partner x{.id = r.Int("id"),
                  .organization_id = r.Int("organization_id"),
                  .community_id = r.Int("community_id"),
                  .projects = r.Int("projects"),
                  .name = r.Str("name"),
                  .kind = r.Str("kind"),
                  .contact = r.Str("contact")};
        if (auto ends = r.OptStr("agreement_ends_on")) {
            x.in_force = true;
            if (*ends != "9999-12-31") x.agreement_ends_on = *ends;
            // Ending within 60 days, with no agreement (a renewal signed ahead) lasting beyond.
            x.renewal_due = x.agreement_ends_on && *x.agreement_ends_on <= soon && r.Int("lasting") == 0;
        }
        page.items.push_back(std::move(x));
    }
    if (f.id) {
        for (Partner& x : page.items) {
            for (const auto& r : conn.Query("SELECT id, title, signed_on, ends_on, note FROM partner_agreements WHERE "
                                            "partner_id = ? ORDER BY signed_on DESC, id DESC",
                                            x.id))
                x.agreements.push_back(
                    {r.Int("id"), r.Str("title"), r.Str("signed_on"), r.Str("note"), r.OptStr("ends_on")});
        }
    }
    return page;
}

int64_t LinkageService::AddPartner(const auth::Principal& p, const PartnerInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (in.name.empty()) errors.Add("name", "required");
    if (!util::IsOneOf(in.kind, PartnerKinds())) errors.Add("kind", "invalid_choice");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto place = places::FindPlace(conn, p, in.community_id);
    if (!place || place->kind != "community" || !place->street_id)
        throw AppError::Field("community_id", "unknown_place");
    if (conn.QueryInt("SELECT count(*) FROM organizations WHERE community_id = ? AND kind = 'partner' AND name = ?",
                      in.community_id, in.name))
        throw AppError::Field("name", "duplicate_name");
    const int64_t now = time::NowUnix();
    const int64_t org = conn.Insert(
        "INSERT INTO organizations (kind, name, street_id, community_id, ethnic_work, description, created_at, "
        "updated_at) VALUES ('partner', ?, ?, ?, 1, ?, ?, ?)",
        in.name, *place->street_id, in.community_id, in.description, now, now);
    const int64_t id = conn.Insert(
        "INSERT INTO partners (organization_id, street_id, community_id, kind, contact, created_at) VALUES (?, ?, ?, "
        "?, "
        "?, ?)",
        org, *place->street_id, in.community_id, in.kind, in.contact, now);
    audit::Append(conn, actor,
                  {"linkage.partner.created",
                   "partner",
                   std::to_string(id),
                   true,
                   {{"name", in.name}, {"kind", in.kind}, {"organization_id", org}}});
    tx.Commit();
    return id;
}

int64_t LinkageService::AddAgreement(const auth::Principal& p, int64_t partner, const AgreementInput& in,
                                     const audit::Actor& actor) {
    FieldErrors errors;
    if (in.title.empty()) errors.Add("title", "required");
    if (!time::IsValidDate(in.signed_on)) errors.Add("signed_on", "invalid_date");
    if (in.ends_on && (!time::IsValidDate(*in.ends_on) || *in.ends_on < in.signed_on))
        errors.Add("ends_on", "invalid_date");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto page = Partners(p, {.id = partner, .page = {1, 0}});
    if (page.items.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    const int64_t community = page.items.front().community_id;
    const int64_t id = conn.Insert(
        "INSERT INTO partner_agreements (partner_id, community_id, title, signed_on, ends_on, note, created_at) VALUES "
        "(?, ?, ?, ?, ?, ?, ?)",
        partner, community, in.title, in.signed_on, in.ends_on, in.note, time::NowUnix());
    audit::Append(conn, actor,
                  {"linkage.agreement.signed",
                   "partner",
                   std::to_string(partner),
                   true,
                   {{"title", in.title}, {"signed_on", in.signed_on}}});
    reports::Touch(conn, community);
    tx.Commit();
    return id;
}

}  // namespace tongxin::linkage

// The officers' log (contacts, education and policy services, care and help) and the needs
// residents raise: referred to the line or platform that handles them, with a link to the record
// each became, a due date, and an outcome when solved or closed.
#include <algorithm>
#include <boost/json.hpp>

#include "core/auth/scope.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/http/json_fields.hpp"
#include "core/time/clock.hpp"
#include "core/util/choices.hpp"
#include "modules/committee/rules.hpp"
#include "modules/committee/service.hpp"

namespace tongxin::committee {
namespace json = boost::json;

namespace {

constexpr db::ListSql kContactList{
    .columns = R"sql(v.id, v.household_id, h.address, v.resident_id, coalesce(r.name, '') AS resident,
       v.officer_resident_id, l.name AS officer, v.community_id, v.contacted_on, v.channel, v.purpose, v.summary,
       v.care_what, v.value_fen, v.helpers)sql",
    .from = R"sql(officer_contacts v JOIN households h ON h.id = v.household_id
     JOIN residents l ON l.id = v.officer_resident_id LEFT JOIN residents r ON r.id = v.resident_id)sql",
    .order_by = "v.contacted_on DESC, v.id DESC",
    .count_from = "officer_contacts v",
};

constexpr db::ListSql kNeedList{
    .columns = R"sql(v.id, v.household_id, h.address, v.resident_id, coalesce(r.name, '') AS resident,
       v.officer_resident_id, coalesce(l.name, '') AS officer, v.community_id, v.raised_on, v.kind, v.description,
       v.status, v.handler, v.linked_id, v.due_on, v.outcome, v.solved_on)sql",
    .from = R"sql(committee_needs v JOIN households h ON h.id = v.household_id
     LEFT JOIN residents l ON l.id = v.officer_resident_id LEFT JOIN residents r ON r.id = v.resident_id)sql",
    .order_by = "v.status IN ('solved', 'closed'), v.due_on, v.id",
    .count_from = "committee_needs v",
};

// The officer a log entry or need is recorded for: the one named (staff only) or the caller.
// An officer records for themselves; they must hold the post on `date` in the household's community.
int64_t OfficerFor(db::Connection& conn, const auth::Principal& p, std::optional<int64_t> named, int64_t community,
                   const std::string& date) {
    std::optional<int64_t> officer = IsStaff(p) ? named : p.resident_id;
    if (!IsStaff(p) && named && named != p.resident_id) Fail("officer_resident_id", "invalid_choice");
    if (!officer) Fail("officer_resident_id", "required");
    if (!IsOfficer(conn, *officer, community, date)) Fail("officer_resident_id", "not_officer");
    return *officer;
}

void CheckMember(db::Connection& conn, std::optional<int64_t> resident, int64_t household) {
    if (resident &&
        conn.QueryInt("SELECT count(*) FROM residents WHERE id = ? AND household_id = ?", *resident, household) == 0) {
        Fail("resident_id", "not_in_household");
    }
}

// The table a need's referral links to, for the handlers whose records exist; "" if it links to none.
std::string LinkedTable(const std::string& handler) {
    if (handler == "rights_case") return "cases";
    if (handler == "fund_disbursement") return "charity_disbursements";
    if (handler == "mutual_aid") return "mutual_aid";
    if (handler == "jobs") return "job_seekers";
    return "";
}

}  // namespace

db::Page<Contact> CommitteeService::Contacts(const auth::Principal& p, const ContactFilter& f) {
    db::Connection& conn = db_.Local();
    db::SqlWhere where = auth::WhereIn(auth::HouseholdRecordScope(p));
    if (f.community) where.Add("v.community_id = ?", *f.community);
    if (f.id) where.Add("v.id = ?", *f.id);
    if (f.officer) where.Add("v.officer_resident_id = ?", *f.officer);
    if (f.household) where.Add("v.household_id = ?", *f.household);
    if (!f.purpose.empty()) where.Add("v.purpose = ?", f.purpose);
    if (!f.from.empty()) where.Add("v.contacted_on >= ?", f.from);
    if (!f.to.empty()) where.Add("v.contacted_on <= ?", f.to);
    return db::ListPage<Contact>(conn, kContactList, where, f.page, [](const db::Row& r) {
        return Contact{.id = r.Int("id"),
                       .household_id = r.Int("household_id"),
                       .officer_resident_id = r.Int("officer_resident_id"),
                       .community_id = r.Int("community_id"),
                       .resident_id = r.OptInt("resident_id"),
                       .value_fen = r.OptInt("value_fen"),
                       .address = r.Str("address"),
                       .resident = r.Str("resident"),
                       .officer = r.Str("officer"),
                       .contacted_on = r.Str("contacted_on"),
                       .channel = r.Str("channel"),
                       .purpose = r.Str("purpose"),
                       .summary = r.Str("summary"),
                       .care_what = r.Str("care_what"),
                       .helpers = r.Str("helpers")};
    });
}

int64_t CommitteeService::AddContact(const auth::Principal& p, const ContactInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (!time::IsValidDate(in.contacted_on))
        errors.Add("contacted_on", "invalid_date");
    else if (in.contacted_on > time::Today())
        errors.Add("contacted_on", "in_future");
    if (!util::IsOneOf(in.channel, {"home_visit", "phone", "wechat", "event"})) errors.Add("channel", "invalid_choice");
    if (!util::IsOneOf(in.purpose, {"contact", "education", "care"})) errors.Add("purpose", "invalid_choice");
    if (in.purpose == "care" && in.care_what.empty()) errors.Add("care_what", "required");
    if (in.purpose != "care" && (in.value_fen || !in.helpers.empty() || !in.care_what.empty())) {
        errors.Add("purpose", "care_fields_need_care");
    }
    if (in.summary.empty() && in.care_what.empty()) errors.Add("summary", "required");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    HouseholdPlace h = VisibleHousehold(conn, p, in.household_id);
    CheckMember(conn, in.resident_id, h.id);
    int64_t officer = OfficerFor(conn, p, in.officer_resident_id, h.community_id, in.contacted_on);
    int64_t id = conn.Insert(
        "INSERT INTO officer_contacts (household_id, resident_id, officer_resident_id, contacted_on, channel, "
        "purpose, summary, care_what, value_fen, helpers, street_id, community_id, grid_id, building_id, created_by, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        h.id, in.resident_id, officer, in.contacted_on, in.channel, in.purpose, in.summary, in.care_what, in.value_fen,
        in.helpers, h.street_id, h.community_id, h.grid_id, h.building_id, p.user_id, time::NowUnix());
    json::object details{{"contact_id", id},
                         {"officer_resident_id", officer},
                         {"contacted_on", in.contacted_on},
                         {"channel", in.channel},
                         {"purpose", in.purpose}};
    if (in.value_fen) details["value_fen"] = *in.value_fen;
    audit::Append(conn, actor, {"committee.contact.recorded", "household", std::to_string(h.id), true, details});
    tx.Commit();
    return id;
}

db::Page<Need> CommitteeService::Needs(const auth::Principal& p, const NeedFilter& f) {
    db::Connection& conn = db_.Local();
    const std::string as_of = f.as_of.empty() ? time::Today() : f.as_of;
    db::SqlWhere where = auth::WhereIn(auth::HouseholdRecordScope(p));
    if (f.community) where.Add("v.community_id = ?", *f.community);
    if (f.id) where.Add("v.id = ?", *f.id);
    if (f.household) where.Add("v.household_id = ?", *f.household);
    if (f.status == "active" || f.overdue_only)
        where.Add("v.status IN ('open', 'referred')");
    else if (!f.status.empty())
        where.Add("v.status = ?", f.status);
    if (f.overdue_only) where.Add("v.due_on < ?", as_of);
    return db::ListPage<Need>(conn, kNeedList, where, f.page, [&as_of](const db::Row& r) {
        Need n{.id = r.Int("id"),
               .household_id = r.Int("household_id"),
               .community_id = r.Int("community_id"),
               .resident_id = r.OptInt("resident_id"),
               .officer_resident_id = r.OptInt("officer_resident_id"),
               .linked_id = r.OptInt("linked_id"),
               .address = r.Str("address"),
               .resident = r.Str("resident"),
               .officer = r.Str("officer"),
               .raised_on = r.Str("raised_on"),
               .kind = r.Str("kind"),
               .description = r.Str("description"),
               .status = r.Str("status"),
               .due_on = r.Str("due_on"),
               .outcome = r.Str("outcome"),
               .handler = r.OptStr("handler"),
               .solved_on = r.OptStr("solved_on")};
        n.overdue = (n.status == "open" || n.status == "referred") && n.due_on < as_of;
        return n;
    });
}

int64_t CommitteeService::RaiseNeed(const auth::Principal& p, const NeedInput& in, const audit::Actor& actor) {
    FieldErrors errors;
    if (!time::IsValidDate(in.raised_on))
        errors.Add("raised_on", "invalid_date");
    else if (in.raised_on > time::Today())
        errors.Add("raised_on", "in_future");
    if (!util::IsOneOf(in.kind, {"job", "dispute", "hardship", "language", "school", "health", "other"}))
        errors.Add("kind", "invalid_choice");
    if (in.description.empty()) errors.Add("description", "required");
    std::string due = in.due_on.value_or("");
    if (!in.due_on && time::IsValidDate(in.raised_on)) due = time::AddDays(in.raised_on, 14);
    if (in.due_on && in.due_on < in.raised_on) errors.Add("due_on", "ends_before_start");
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    HouseholdPlace h = VisibleHousehold(conn, p, in.household_id);
    CheckMember(conn, in.resident_id, h.id);
    std::optional<int64_t> officer;
    if (!IsStaff(p) || in.officer_resident_id) {
        officer = OfficerFor(conn, p, in.officer_resident_id, h.community_id, in.raised_on);
    }
    const int64_t now = time::NowUnix();
    int64_t id = conn.Insert(
        "INSERT INTO committee_needs (household_id, resident_id, officer_resident_id, raised_on, kind, description, "
        "status, due_on, street_id, community_id, grid_id, building_id, created_by, created_at, updated_at) VALUES (?, "
        "?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?)",
        h.id, in.resident_id, officer, in.raised_on, in.kind, in.description, due, h.street_id, h.community_id,
        h.grid_id, h.building_id, p.user_id, now, now);
    audit::Append(conn, actor,
                  {"committee.need.raised",
                   "household",
                   std::to_string(h.id),
                   true,
                   {{"need_id", id}, {"kind", in.kind}, {"raised_on", in.raised_on}, {"due_on", due}}});
    tx.Commit();
    return id;
}

void CommitteeService::UpdateNeed(const auth::Principal& p, int64_t id, const NeedUpdate& in,
                                  const audit::Actor& actor) {
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto page = Needs(p, {.id = id, .page = {1, 0}});
    if (page.items.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    const Need before = page.items.front();
    if (before.status == "solved" || before.status == "closed") throw AppError(ErrorCode::kConflict, "need_finished");
    Need after = before;
    FieldErrors errors;
    if (in.handler) {
        if (!util::IsOneOf(*in.handler, {"rights_case", "fund_disbursement", "jobs", "mutual_aid", "committee"})) {
            errors.Add("handler", "invalid_choice");
        }
        after.handler = in.handler;
        after.linked_id = std::nullopt;
        if (after.status == "open") after.status = "referred";
    }
    if (in.linked_id) {
        const std::string table = after.handler ? LinkedTable(*after.handler) : "";
        if (table.empty()) {
            errors.Add("linked_id", "no_linked_records");
        } else if (conn.QueryInt("SELECT count(*) FROM " + table + " WHERE id = ? AND community_id = ?", *in.linked_id,
                                 before.community_id) == 0) {
            errors.Add("linked_id", "not_found");
        }
        after.linked_id = in.linked_id;
    } else if (in.clear_link) {
        after.linked_id = std::nullopt;
    }
    if (in.due_on) {
        if (*in.due_on < before.raised_on) errors.Add("due_on", "ends_before_start");
        after.due_on = *in.due_on;
    }
    if (in.outcome) after.outcome = *in.outcome;
    if (in.status) {
        if (!util::IsOneOf(*in.status, {"open", "referred", "solved", "closed"}))
            errors.Add("status", "invalid_choice");
        after.status = *in.status;
    }
    if (after.status == "referred" && !after.handler) errors.Add("handler", "required");
    if (after.status == "open" && after.handler) errors.Add("status", "invalid_choice");
    if (after.status == "solved" || after.status == "closed") {
        if (after.outcome.empty()) errors.Add("outcome", "required");
        after.solved_on = in.solved_on.value_or(time::Today());
        if (*after.solved_on < before.raised_on) errors.Add("solved_on", "ends_before_start");
        if (*after.solved_on > time::Today()) errors.Add("solved_on", "in_future");
    } else if (in.solved_on) {
        errors.Add("solved_on", "invalid_choice");
    }
    errors.ThrowIfAny();
    conn.Exec(
        "UPDATE committee_needs SET status = ?, handler = ?, linked_id = ?, due_on = ?, outcome = ?, solved_on = ?, "
        "updated_at = ? WHERE id = ?",
        after.status, after.handler, after.linked_id, after.due_on, after.outcome, after.solved_on, time::NowUnix(),
        id);
    auto fields = [](const Need& n) {
        return json::object{{"status", n.status},
                            {"handler", http::OrNull(n.handler)},
                            {"linked_id", http::OrNull(n.linked_id)},
                            {"due_on", n.due_on},
                            {"outcome", n.outcome},
                            {"solved_on", http::OrNull(n.solved_on)}};
    };
    audit::Append(
        conn, actor,
        {"committee.need.updated", "need", std::to_string(id), true, audit::Diff(fields(before), fields(after))});
    tx.Commit();
}

}  // namespace tongxin::committee

// Deliberation meetings (议事) of self-governance bodies and the follow-up of their resolutions.
#include <boost/json.hpp>
#include <set>

#include "core/auth/scope.hpp"
#include "core/db/page.hpp"
#include "core/db/sql_where.hpp"
#include "core/error/app_error.hpp"
#include "core/time/clock.hpp"
#include "modules/organizations/service.hpp"
#include "modules/residents/service.hpp"

namespace tongxin::organizations {
namespace json = boost::json;

namespace {

struct OrgPlace {
    int64_t id = 0, street_id = 0, community_id = 0;
};

// The organization in scope, which must be a self-governance body.
OrgPlace SelfGoverningOrg(db::Connection& conn, const auth::Principal& p, int64_t id) {
    db::SqlWhere where = auth::WhereIn(auth::CommunityRecordScope(p));
    where.Add("o.id = ?", id);
    auto rows =
        conn.Run("SELECT o.id, o.kind, o.street_id, o.community_id FROM organizations o" + where.Sql(), where.values());
    if (rows.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
    const db::Row& r = rows.front();
    const KindInfo* kind = FindKind(r.Str("kind"));
    if (!kind || !kind->self_governance) throw AppError::Field("organization", "invalid_choice");
    return {r.Int("id"), r.Int("street_id"), r.Int("community_id")};
}

constexpr db::ListSql kMeetingList{
    .columns = R"sql(m.id, m.held_on, m.place, m.agenda,
       (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = m.id) AS attendance)sql",
    .from = "deliberation_meetings m",
    .order_by = "m.held_on DESC, m.id DESC",
    .count_from = "",
};

constexpr std::string_view kResolutionsSelect = R"sql(
SELECT id, content, owner, due_on, status, status_note FROM meeting_resolutions WHERE meeting_id = ? ORDER BY id)sql";

bool ValidStatus(const std::string& s) { return s == "open" || s == "in_progress" || s == "done" || s == "dropped"; }

}  // namespace

db::Page<Meeting> OrganizationService::Meetings(const auth::Principal& p, int64_t org_id, db::PageSpan page) {
    db::Connection& conn = db_.Local();
    SelfGoverningOrg(conn, p, org_id);
    db::SqlWhere where;
    where.Add("m.organization_id = ?", org_id);
    auto out = db::ListPage<Meeting>(conn, kMeetingList, where, page, [](const db::Row& m) {
        return Meeting{.id = m.Int("id"),
                       .held_on = m.Str("held_on"),
                       .place = m.Str("place"),
                       .agenda = m.Str("agenda"),
                       .attendance = m.Int("attendance")};
    });
    for (Meeting& m : out.items) {
        for (const auto& r : conn.Query(kResolutionsSelect, m.id)) {
            m.resolutions.push_back({.id = r.Int("id"),
                                     .content = r.Str("content"),
                                     .owner = r.Str("owner"),
                                     .due_on = r.OptStr("due_on"),
                                     .status = r.Str("status"),
                                     .status_note = r.Str("status_note")});
        }
    }
    return out;
}

int64_t OrganizationService::AddMeeting(const auth::Principal& p, int64_t org_id, const MeetingInput& in,
                                        const audit::Actor& actor) {
    FieldErrors errors;
    if (!time::IsValidDate(in.held_on)) errors.Add("held_on", "invalid_date");
    if (in.agenda.empty()) errors.Add("agenda", "required");
    for (const auto& r : in.resolutions) {
        if (r.content.empty()) errors.Add("resolutions", "required");
        if (r.due_on && !time::IsValidDate(*r.due_on)) errors.Add("resolutions", "invalid_date");
    }
    errors.ThrowIfAny();
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    OrgPlace org = SelfGoverningOrg(conn, p, org_id);
    std::set<int64_t> attendees(in.attendees.begin(), in.attendees.end());
    for (int64_t a : attendees) {
        if (!residents::LivesInCommunity(conn, a, org.community_id)) {
            throw AppError::Field("attendees", "not_found");
        }
    }
    int64_t now = time::NowUnix();
    int64_t id = conn.Insert(
        "INSERT INTO deliberation_meetings (organization_id, street_id, community_id, held_on, place, "
        "agenda, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        org_id, org.street_id, org.community_id, in.held_on, in.place, in.agenda, now);
    for (int64_t a : attendees)
        conn.Exec("INSERT INTO meeting_attendance (meeting_id, resident_id) VALUES (?, ?)", id, a);
    for (const auto& r : in.resolutions) {
        conn.Exec(
            "INSERT INTO meeting_resolutions (meeting_id, content, owner, due_on, status, updated_at) VALUES (?, ?, ?, "
            "?, 'open', ?)",
            id, r.content, r.owner, r.due_on, now);
    }
    audit::Append(conn, actor,
                  {"organizations.meeting.recorded",
                   "organization",
                   std::to_string(org_id),
                   true,
                   {{"meeting_id", id},
                    {"held_on", in.held_on},
                    {"attendance", static_cast<int64_t>(attendees.size())},
                    {"resolutions", static_cast<int64_t>(in.resolutions.size())}}});
    tx.Commit();
    return id;
}

void OrganizationService::SetResolutionStatus(const auth::Principal& p, int64_t resolution_id,
                                              const std::string& status, const std::string& note,
                                              const audit::Actor& actor) {
    if (!ValidStatus(status)) {
        throw AppError::Field("status", "invalid_choice");
    }
    db::Connection& conn = db_.Local();
    db::Transaction tx(conn, db::Transaction::Mode::kWrite);
    auto row = conn.QueryOne(R"sql(
SELECT r.status, r.status_note, m.organization_id
FROM meeting_resolutions r JOIN deliberation_meetings m ON m.id = r.meeting_id WHERE r.id = ?)sql",
                             resolution_id);
    if (!row) throw AppError(ErrorCode::kNotFound, "not_found");
    SelfGoverningOrg(conn, p, row->Int("organization_id"));
    if (row->Str("status") == "done" || row->Str("status") == "dropped")
        throw AppError(ErrorCode::kConflict, "conflict");
    conn.Exec("UPDATE meeting_resolutions SET status = ?, status_note = ?, updated_at = ? WHERE id = ?", status, note,
              time::NowUnix(), resolution_id);
    audit::Append(conn, actor,
                  {"organizations.resolution.status", "resolution", std::to_string(resolution_id), true,
                   audit::Diff({{"status", row->Str("status")}, {"status_note", row->Str("status_note")}},
                               {{"status", status}, {"status_note", note}})});
    tx.Commit();
}

}  // namespace tongxin::organizations

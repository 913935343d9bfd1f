#pragma once
// Organizations of every kind (party groups, owners' committees, volunteer teams, societies...)
// and the posts residents hold in them over terms. Posts are never deleted: a post that ends
// gets term_to and stays visible as past. Backbone (骨干) = holding any post other than member.
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/crypto/vault.hpp"
#include "core/db/database.hpp"
#include "core/io/sheet_import.hpp"
#include "modules/organizations/model.hpp"

namespace tongxin::organizations {

class OrganizationService {
  public:
    explicit OrganizationService(db::Database& db) : db_(db) {}

    db::Page<Organization> List(const auth::Principal& p, const OrgFilter& f);
    // The organization with its current and past posts.
    Organization Get(const auth::Principal& p, int64_t id);
    int64_t Create(const auth::Principal& p, const OrgInput& in, const audit::Actor& actor);
    void Update(const auth::Principal& p, int64_t id, const OrgInput& in, const audit::Actor& actor);
    int64_t AddPost(const auth::Principal& p, int64_t org_id, const PostInput& in, const audit::Actor& actor);
    void EndPost(const auth::Principal& p, int64_t org_id, int64_t post_id, const std::string& date,
                 const std::string& reason, const audit::Actor& actor);
    // Members from a sheet (姓名, 身份证号, 职务, 任职开始, 任职结束), each given their post as
    // AddPost would; all rows or none; without `commit` a dry run.
    io::ImportReport ImportPosts(const auth::Principal& p, const crypto::Vault& vault, int64_t org_id,
                                 std::string_view bytes, bool commit, const audit::Actor& actor);
    static std::string ImportTemplate();

    // Deliberation meetings of self-governance bodies, with attendance and resolutions.
    db::Page<Meeting> Meetings(const auth::Principal& p, int64_t org_id, db::PageSpan page);
    int64_t AddMeeting(const auth::Principal& p, int64_t org_id, const MeetingInput& in, const audit::Actor& actor);
    // Moves a resolution's follow-up on (open -> in_progress -> done, or dropped), with a note.
    void SetResolutionStatus(const auth::Principal& p, int64_t resolution_id, const std::string& status,
                             const std::string& note, const audit::Actor& actor);

    // Performances and events of organizations (the society line).
    db::Page<Event> Events(const auth::Principal& p, const EventFilter& f);
    int64_t AddEvent(const auth::Principal& p, const EventInput& in, const audit::Actor& actor);

    // Unchecked inserts for the demo and data generation.
    static int64_t Insert(db::Connection& conn, const OrgInput& in, int64_t street_id);
    static int64_t InsertPost(db::Connection& conn, int64_t org_id, const PostInput& in, int64_t street_id,
                              int64_t community_id);

  private:
    db::Database& db_;
};

}  // namespace tongxin::organizations

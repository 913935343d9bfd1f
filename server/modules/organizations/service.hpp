#pragma once
// Organizations of every kind (party groups, owners' committees, volunteer teams, societies...)
// and the posts residents hold in them over terms. Posts are never deleted: a post that ends
// gets term_to and stays visible as past. Backbone (骨干) = holding any post other than member.
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/db/database.hpp"

namespace tongxin::organizations {

struct KindInfo {
    std::string key, zh, en;
    bool self_governance;  // counts for governance.minority_backbones
};
const std::vector<KindInfo>& Kinds();
const KindInfo* FindKind(const std::string& key);

struct PostInfo {
    std::string key, zh, en;
};
const std::vector<PostInfo>& Posts();
const PostInfo* FindPost(const std::string& key);

struct OrgInput {
    std::string kind;
    std::string name;
    std::optional<int64_t> parent_id;
    std::optional<int64_t> community_id;  // required on create
    bool ethnic_work = false;
    std::optional<std::string> founded_on;
    std::optional<std::string> dissolved_on;
    std::string description;
};

struct PostInput {
    int64_t resident_id = 0;
    std::string post;
    std::string term_from;
    std::optional<std::string> term_to;
};

struct ResolutionInput {
    std::string content;
    std::string owner;
    std::optional<std::string> due_on;
};

struct MeetingInput {
    std::string held_on;
    std::string place;
    std::string agenda;
    std::vector<int64_t> attendees;
    std::vector<ResolutionInput> resolutions;
};

struct EventInput {
    int64_t organization_id = 0;
    std::string held_on;
    std::string title;
    std::string kind = "performance";
    std::string place;
    int64_t audience = 0;
    std::vector<int64_t> participants;
};

class OrganizationService {
  public:
    explicit OrganizationService(db::Database& db) : db_(db) {}

    boost::json::object List(const auth::Principal& p, const std::optional<std::string>& kind,
                             std::optional<int64_t> community_id, const std::string& q, int64_t limit, int64_t offset,
                             const std::string& lang);
    // The organization with its current and past posts.
    boost::json::object Get(const auth::Principal& p, int64_t id, const std::string& lang);
    int64_t Create(const auth::Principal& p, const OrgInput& in, const audit::Actor& actor);
    void Update(const auth::Principal& p, int64_t id, const OrgInput& in, const audit::Actor& actor);
    int64_t AddPost(const auth::Principal& p, int64_t org_id, const PostInput& in, const audit::Actor& actor);
    void EndPost(const auth::Principal& p, int64_t org_id, int64_t post_id, const std::string& date,
                 const std::string& reason, const audit::Actor& actor);

    // Deliberation meetings of self-governance bodies, with attendance and resolutions.
    boost::json::object Meetings(const auth::Principal& p, int64_t org_id, int64_t limit, int64_t offset);
    int64_t AddMeeting(const auth::Principal& p, int64_t org_id, const MeetingInput& in, const audit::Actor& actor);
    // Moves a resolution's follow-up on (open -> in_progress -> done, or dropped), with a note.
    void SetResolutionStatus(const auth::Principal& p, int64_t resolution_id, const std::string& status,
                             const std::string& note, const audit::Actor& actor);

    // Performances and events of organizations (the society line).
    boost::json::object Events(const auth::Principal& p, std::optional<int64_t> community,
                               std::optional<int64_t> org_id, std::optional<int> year, int64_t limit, int64_t offset,
                               std::optional<int64_t> id = std::nullopt);
    int64_t AddEvent(const auth::Principal& p, const EventInput& in, const audit::Actor& actor);

    // Unchecked inserts for the demo and data generation.
    static int64_t Insert(db::Connection& conn, const OrgInput& in, int64_t street_id);
    static int64_t InsertPost(db::Connection& conn, int64_t org_id, const PostInput& in, int64_t street_id,
                              int64_t community_id);

  private:
    db::Database& db_;
};

}  // namespace tongxin::organizations

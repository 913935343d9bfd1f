#pragma once
// Organisations (party groups, owners' committees, volunteer teams, societies...), the posts
// residents hold in them, deliberation meetings and events: records and inputs.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/page.hpp"

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

struct OrgFilter {
    std::optional<std::string> kind;
    std::optional<int64_t> community;
    std::string q;  // part of the name
    db::PageSpan page;
    std::optional<int64_t> resident;  // organisations where this resident holds a current post
};

struct Post {
    int64_t id = 0, resident_id = 0;
    std::string name, ethnicity, post, term_from;
    std::optional<std::string> term_to;
    std::string ended_reason;
};

struct Organization {
    int64_t id = 0;
    std::string kind, name;
    std::optional<int64_t> parent_id;
    int64_t street_id = 0, community_id = 0;
    bool ethnic_work = false;
    std::optional<std::string> founded_on, dissolved_on;
    std::string description;
    int64_t current_posts = 0;
    // Filled by Get only.
    std::vector<Post> posts, past_posts;
};

struct Resolution {
    int64_t id = 0;
    std::string content, owner;
    std::optional<std::string> due_on;
    std::string status, status_note;
};

struct Meeting {
    int64_t id = 0;
    std::string held_on, place, agenda;
    int64_t attendance = 0;
    std::vector<Resolution> resolutions;
};

struct EventFilter {
    std::optional<int64_t> community, organization, id;
    std::optional<int> year;
    db::PageSpan page;
};

struct Event {
    int64_t id = 0, organization_id = 0;
    std::string organization, held_on, title, kind, place;
    int64_t audience = 0, participants = 0;
};

}  // namespace tongxin::organizations

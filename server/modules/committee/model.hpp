#pragma once
// The unity committee's records and inputs: its liaison officers and the households each is
// responsible for, coverage of minority households, the officers' log, needs and their
// follow-up, and the activities residents organise themselves.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/page.hpp"
#include "core/media/photos.hpp"

namespace tongxin::committee {

// A committee member: a post in the community's 'unity_committee' organisation.
struct Officer {
    int64_t post_id = 0, resident_id = 0, community_id = 0;
    std::string name, ethnicity, post, term_from;
    std::optional<std::string> term_to;
    int64_t households = 0;  // households assigned to them now
    int64_t contacts = 0;    // log entries in the year asked for
};
struct OfficerFilter {
    std::optional<int64_t> community, post_id;
    std::string year;           // counts contacts in this year ("" = this year)
    bool officers_only = true;  // false: every member of the committee
    bool active_only = true;
    db::PageSpan page;
};

struct Assignment {
    int64_t id = 0, household_id = 0, officer_resident_id = 0, community_id = 0;
    std::string address, officer, from_date, end_reason;
    std::optional<std::string> to_date;
};
struct AssignmentFilter {
    std::optional<int64_t> community, officer, household, id;
    bool active_only = true;
    db::PageSpan page;
};

struct Covered {
    int64_t households = 0, assigned = 0;  // minority households, and those with an officer
};
struct BuildingCoverage {
    std::optional<int64_t> building_id;
    std::string grid, building;
    Covered counts;
};
struct Gap {
    int64_t household_id = 0;
    std::string address, minority_members;  // "扎西（藏族）、…"
};
struct Coverage {
    std::string as_of;
    Covered all;
    std::vector<BuildingCoverage> by_building;
    std::vector<Gap> gaps;  // the first 500 by address
};

struct ContactInput {
    int64_t household_id = 0;
    std::optional<int64_t> resident_id;
    std::optional<int64_t> officer_resident_id;  // defaults to the caller's own resident record
    std::string contacted_on, channel, purpose, summary, care_what, helpers;
    std::optional<int64_t> value_fen;
};
struct Contact {
    int64_t id = 0, household_id = 0, officer_resident_id = 0, community_id = 0;
    std::optional<int64_t> resident_id, value_fen;
    std::string address, resident, officer, contacted_on, channel, purpose, summary, care_what, helpers;
};
struct ContactFilter {
    std::optional<int64_t> community, officer, household, id;
    std::string purpose, from, to;
    db::PageSpan page;
};

struct NeedInput {
    int64_t household_id = 0;
    std::optional<int64_t> resident_id;
    std::optional<int64_t> officer_resident_id;
    std::string raised_on, kind, description;
    std::optional<std::string> due_on;  // default: 14 days after raised_on
};
// A change of a need: refer it (handler + linked_id), solve or close it, move its due date.
struct NeedUpdate {
    std::optional<std::string> status, handler, due_on, outcome, solved_on;
    std::optional<int64_t> linked_id;
    bool clear_link = false;
};
struct Need {
    int64_t id = 0, household_id = 0, community_id = 0;
    std::optional<int64_t> resident_id, officer_resident_id, linked_id;
    std::string address, resident, officer, raised_on, kind, description, status, due_on, outcome;
    std::optional<std::string> handler, solved_on;
    bool overdue = false;
};
struct NeedFilter {
    std::optional<int64_t> community, household, id;
    std::string status;  // "" = any; "active" = open or referred
    bool overdue_only = false;
    std::string as_of;  // for overdue ("" = today)
    db::PageSpan page;
};

struct ActivityInput {
    std::optional<int64_t> community_id;           // defaults to the organiser's community
    std::optional<int64_t> organiser_resident_id;  // defaults to the caller's own resident record
    std::string title, description, place, held_on;
    int64_t expected = 0;
};
struct EthnicCount {
    std::string ethnicity;
    int64_t count = 0;
};
struct Participant {
    int64_t resident_id = 0;
    std::string name, ethnicity;
};
// Photos of an activity are stored with this owner kind (media::PhotoKind).
inline constexpr const char* kActivityPhotos = "selfhelp_activity";

struct Activity {
    int64_t id = 0, community_id = 0, organiser_resident_id = 0, expected = 0, participants = 0;
    std::string organiser, title, description, place, held_on, status, decision_note;
    std::vector<EthnicCount> ethnic_mix;        // filled for one activity and for lists
    std::vector<Participant> participant_list;  // filled for one activity
    std::vector<media::Photo> photos;           // filled for lists and for one
};
struct ActivityFilter {
    std::optional<int64_t> community, id, organiser;
    std::string status, year, q;
    db::PageSpan page;
};

// The committee's home: what needs doing now.
struct Home {
    std::string as_of;
    int64_t officers = 0, members = 0;
    Covered coverage;
    int64_t open_needs = 0, referred_needs = 0, solved_needs_year = 0, proposals = 0;
    std::vector<Need> overdue;  // the first 50, oldest due first
};

}  // namespace tongxin::committee

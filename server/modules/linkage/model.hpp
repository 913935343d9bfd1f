#pragma once
// The resource linkage platform's records: partner organisations and their agreements, brand
// projects with their partners, the records they ran, contributions and outcomes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/page.hpp"

namespace tongxin::linkage {

// Photos of a brand project are stored with this owner kind (media::PhotoKind).
inline constexpr const char* kProjectPhotos = "brand_project";

inline const std::vector<std::string>& PartnerKinds() {
    static const std::vector<std::string> kAll = {
        "chamber_of_commerce", "enterprise", "social_organization", "school", "hospital", "government"};
    return kAll;
}

struct Agreement {
    int64_t id = 0;
    std::string title, signed_on, note;
    std::optional<std::string> ends_on;
};
struct Partner {
    int64_t id = 0, organization_id = 0, community_id = 0, projects = 0;
    std::string name, kind, contact;
    std::optional<std::string> agreement_ends_on;  // of the agreement in force, if any
    bool in_force = false;                         // an agreement in force on the day asked for
    bool renewal_due = false;                      // it ends within 60 days
    std::vector<Agreement> agreements;             // for one partner
};
struct PartnerFilter {
    std::optional<int64_t> community, id;
    std::string q, as_of;
    bool renewal_due_only = false;
    db::PageSpan page;
};
struct PartnerInput {
    int64_t community_id = 0;
    std::string name, kind, contact, description;
};
struct AgreementInput {
    std::string title, signed_on, note;
    std::optional<std::string> ends_on;
};

struct ProjectPartner {
    int64_t partner_id = 0;
    std::string name, role;
};
struct ProjectLink {
    std::string kind;
    int64_t record_id = 0;
    std::string title, date;  // read from the linked record
};
struct Contribution {
    int64_t id = 0, partner_id = 0;
    std::optional<int64_t> donation_id, volunteer_record_id;
    std::string partner, kind, what, on_date;
    int64_t value_fen = 0;  // money: the donation's amount; in kind: the valuation; hours: 0
    int64_t minutes = 0;    // volunteer hours: the ledger entry's minutes
};
// A record behind an outcome's figure: its own id, what it adds, and its page ("" if none).
struct MeasureRecord {
    int64_t id = 0, value = 0;
    std::string title, on_date, link;
};
struct Outcome {
    int64_t id = 0;
    std::string on_date, what;
    std::string figure;                  // typed in by outcomes recorded before measures; read only
    std::optional<std::string> measure;  // one of Measures(): the figure computed from the records
    std::optional<int64_t> value;        // the measure's value now
    std::vector<MeasureRecord> records;  // the records it is computed from
};
struct Project {
    int64_t id = 0, community_id = 0;
    std::string name, goals, started_on, status, description;
    std::optional<std::string> ended_on;
    std::vector<ProjectPartner> partners;
    int64_t money_fen = 0, in_kind_fen = 0, minutes = 0;  // what the partners contributed
    std::vector<ProjectLink> links;                       // for one project
    std::vector<Contribution> contributions;              // for one project
    std::vector<Outcome> outcomes;                        // for one project
};
struct ProjectFilter {
    std::optional<int64_t> community, id, partner;
    std::string status, year, q;
    db::PageSpan page;
};
struct ProjectInput {
    int64_t community_id = 0;
    std::string name, goals, started_on, status, description;
    std::optional<std::string> ended_on;
    std::vector<int64_t> partner_ids;
};
struct ContributionInput {
    int64_t partner_id = 0;
    std::string kind, what, on_date;
    std::optional<int64_t> donation_id, volunteer_record_id, value_fen;
};

}  // namespace tongxin::linkage

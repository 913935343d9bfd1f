#pragma once
// The service line (服务线). Service points of the 15-minute service circle with coordinates,
// opening hours and the age groups they serve; coverage of a community's buildings within a
// walking distance (straight-line distance on the earth, default 1 km ≈ 15 minutes) for each
// kind of service, with the gaps listed. Mutual aid: residents' requests and offers, matched
// by staff (or taken up by a neighbour), completed with the time given — which, when the
// helper agrees, is written to the volunteer hours ledger in the same transaction.
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/db/database.hpp"

namespace tongxin::services {

struct PointInput {
    int64_t community_id = 0;
    std::string name, kind, address, opening_hours, services;
    double lat = 0, lng = 0;
    std::vector<std::string> age_groups;
    bool active = true;
};

struct AidInput {
    std::string kind;  // request | offer
    std::optional<int64_t> resident_id;
    std::string age_group, title, detail;
};

const std::vector<std::string>& PointKinds();
const std::vector<std::string>& AgeGroups();
// Great-circle distance in metres.
double DistanceMetres(double lat1, double lng1, double lat2, double lng2);

class ServiceLineService {
  public:
    explicit ServiceLineService(db::Database& db) : db_(db) {}

    boost::json::object Points(const auth::Principal& p, std::optional<int64_t> community,
                               const std::optional<std::string>& kind, std::optional<int64_t> id = std::nullopt);
    int64_t CreatePoint(const auth::Principal& p, const PointInput& in, const audit::Actor& actor);
    void UpdatePoint(const auth::Principal& p, int64_t id, const PointInput& in, const audit::Actor& actor);
    // Buildings of the community and, for each kind of service, which lie within `metres` of
    // an active point of that kind (and, with `age_group`, one that serves that group).
    boost::json::object Coverage(const auth::Principal& p, int64_t community, double metres,
                                 const std::optional<std::string>& age_group);

    boost::json::object Aid(const auth::Principal& p, std::optional<int64_t> community,
                            const std::optional<std::string>& kind, const std::optional<std::string>& status, bool mine,
                            int64_t limit, int64_t offset, std::optional<int64_t> id = std::nullopt);
    int64_t Post(const auth::Principal& p, const AidInput& in, const audit::Actor& actor);
    // Matches a request with a helper: `offer_id` (an open offer) or `helper_resident_id`.
    void Match(const auth::Principal& p, int64_t request_id, std::optional<int64_t> offer_id,
               std::optional<int64_t> helper_resident_id, const audit::Actor& actor);
    // Completes a matched request with the minutes given; with `as_volunteer_hours` the helper's
    // time is recorded in the volunteer ledger (kind mutual_aid).
    boost::json::object Complete(const auth::Principal& p, int64_t request_id, int64_t minutes,
                                 const std::string& completed_on, bool as_volunteer_hours, const audit::Actor& actor);
    void Cancel(const auth::Principal& p, int64_t id, const std::string& reason, const audit::Actor& actor);

  private:
    db::Database& db_;
};

}  // namespace tongxin::services

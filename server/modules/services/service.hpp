#pragma once
// The service line (服务线). Service points of the 15-minute service circle with coordinates,
// opening hours and the age groups they serve; coverage of a community's buildings within a
// walking distance (straight-line distance on the earth, default 1 km ≈ 15 minutes) for each
// kind of service, with the gaps listed. Mutual aid: residents' requests and offers, matched
// by staff (or taken up by a neighbour), completed with the time given — which, when the
// helper agrees, is written to the volunteer hours ledger in the same transaction.
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/db/database.hpp"
#include "modules/services/model.hpp"

namespace tongxin::services {

std::vector<std::string> PointKinds(db::Connection& conn);
const std::vector<std::string>& AgeGroups();
// Great-circle distance in metres.
double DistanceMetres(double lat1, double lng1, double lat2, double lng2);

class ServiceLineService {
  public:
    explicit ServiceLineService(db::Database& db) : db_(db) {}

    std::vector<Point> Points(const auth::Principal& p, std::optional<int64_t> community,
                              const std::optional<std::string>& kind, std::optional<int64_t> id = std::nullopt);
    int64_t CreatePoint(const auth::Principal& p, const PointInput& in, const audit::Actor& actor);
    void UpdatePoint(const auth::Principal& p, int64_t id, const PointInput& in, const audit::Actor& actor);
    // Buildings of the community and, for each kind of service, which lie within `metres` of
    // an active point of that kind (and, with `age_group`, one that serves that group).
    PointCoverage Coverage(const auth::Principal& p, int64_t community, double metres,
                           const std::optional<std::string>& age_group);

    db::Page<services::Aid> Aid(const auth::Principal& p, const AidFilter& f);
    int64_t Post(const auth::Principal& p, const AidInput& in, const audit::Actor& actor);
    // Matches a request with a helper: `offer_id` (an open offer) or `helper_resident_id`.
    void Match(const auth::Principal& p, int64_t request_id, std::optional<int64_t> offer_id,
               std::optional<int64_t> helper_resident_id, const audit::Actor& actor);
    // Completes a matched request with the minutes given; with `as_volunteer_hours` the helper's
    // time is recorded in the volunteer ledger (kind mutual_aid).
    // Returns the volunteer ledger's entry, if one was written.
    std::optional<int64_t> Complete(const auth::Principal& p, int64_t request_id, int64_t minutes,
                                    const std::string& completed_on, bool as_volunteer_hours,
                                    const audit::Actor& actor);
    void Cancel(const auth::Principal& p, int64_t id, const std::string& reason, const audit::Actor& actor);

  private:
    db::Database& db_;
};

}  // namespace tongxin::services

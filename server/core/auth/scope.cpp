#include "core/auth/scope.hpp"

namespace tongxin::auth {

ScopeFilter ResidentScope(const Principal& p) {
    int64_t v = p.scope_place_id.value_or(-1);
    switch (p.scope_kind) {
        case ScopeKind::kStreet:
            return {"r.street_id = ?", v};
        case ScopeKind::kCommunity:
            return {"r.community_id = ?", v};
        case ScopeKind::kGrid:
            return {"r.grid_id = ?", v};
        case ScopeKind::kBuilding:
            return {"r.building_id = ?", v};
        case ScopeKind::kAssigned:
            return {
                "r.household_id IN (SELECT a.household_id FROM household_assignments a WHERE "
                "a.assignee_resident_id = ?)",
                v};
        case ScopeKind::kSelf:
            return {"r.household_id = ?", v};
    }
    return {"r.household_id = ?", -1};
}

ScopeFilter HouseholdScope(const Principal& p) {
    int64_t v = p.scope_place_id.value_or(-1);
    switch (p.scope_kind) {
        case ScopeKind::kStreet:
            return {"h.street_id = ?", v};
        case ScopeKind::kCommunity:
            return {"h.community_id = ?", v};
        case ScopeKind::kGrid:
            return {"h.grid_id = ?", v};
        case ScopeKind::kBuilding:
            return {"h.building_id = ?", v};
        case ScopeKind::kAssigned:
            return {"h.id IN (SELECT a.household_id FROM household_assignments a WHERE a.assignee_resident_id = ?)", v};
        case ScopeKind::kSelf:
            return {"h.id = ?", v};
    }
    return {"h.id = ?", -1};
}

ScopeFilter PlaceScope(const Principal& p) {
    int64_t v = p.scope_place_id.value_or(-1);
    switch (p.scope_kind) {
        case ScopeKind::kStreet:
            return {"p.street_id = ?", v};
        case ScopeKind::kCommunity:
            return {"p.community_id = ?", v};
        case ScopeKind::kGrid:
            return {"p.grid_id = ?", v};
        case ScopeKind::kBuilding:
            return {"p.id = ?", v};
        case ScopeKind::kAssigned:
        case ScopeKind::kSelf:
            return {"p.id = ?", -1};
    }
    return {"p.id = ?", -1};
}

ScopeFilter HouseholdRecordScope(const Principal& p) {
    int64_t v = p.scope_place_id.value_or(-1);
    switch (p.scope_kind) {
        case ScopeKind::kStreet:
            return {"v.street_id = ?", v};
        case ScopeKind::kCommunity:
            return {"v.community_id = ?", v};
        case ScopeKind::kGrid:
            return {"v.grid_id = ?", v};
        case ScopeKind::kBuilding:
            return {"v.building_id = ?", v};
        case ScopeKind::kAssigned:
            return {
                "v.household_id IN (SELECT a.household_id FROM household_assignments a WHERE "
                "a.assignee_resident_id = ?)",
                v};
        case ScopeKind::kSelf:
            return {"v.household_id = ?", v};
    }
    return {"v.household_id = ?", -1};
}

ScopeFilter CommunityRecordScope(const Principal& p) {
    int64_t v = p.scope_place_id.value_or(-1);
    switch (p.scope_kind) {
        case ScopeKind::kStreet:
            return {"o.street_id = ?", v};
        case ScopeKind::kCommunity:
            return {"o.community_id = ?", v};
        default:
            return {"o.community_id = ?", -1};
    }
}

}  // namespace tongxin::auth

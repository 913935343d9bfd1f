#include "modules/accounts/json.hpp"

#include <boost/json.hpp>

#include "core/http/json_fields.hpp"
#include "core/time/clock.hpp"

namespace tongxin::accounts {
namespace json = boost::json;

json::object ToJson(const Account& a) {
    return {{"id", a.id},
            {"username", a.username},
            {"display_name", a.display_name},
            {"role", a.role},
            {"scope_kind", a.scope_kind},
            {"scope_place_id", http::OrNull(a.scope_place_id)},
            {"scope_place", http::OrNull(a.scope_place)},
            {"resident_id", http::OrNull(a.resident_id)},
            {"resident", http::OrNull(a.resident)},
            {"disabled", a.disabled},
            {"must_change_password", a.must_change_password},
            {"locked", a.locked}};
}

json::object ToJson(const AuditEntry& e) {
    return {{"seq", e.seq},
            {"at", time::ToRfc3339(e.at)},
            {"username", e.username},
            {"client_addr", e.client_addr},
            {"action", e.action},
            {"object_type", e.object_type},
            {"object_id", e.object_id},
            {"outcome", e.outcome},
            {"details", json::parse(e.details)}};
}

}  // namespace tongxin::accounts

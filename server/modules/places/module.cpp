#include "modules/places/module.hpp"

namespace tongxin::places {

ModuleInfo Describe() {
    return {"places",
            {
                {"places.read",
                 {"street_admin", "community_worker", "volunteer_lead", "mediator", "rights_head", "treasurer",
                  "group_leader", "auditor"}},
                {"places.write", {"street_admin", "community_worker"}},
            },
            [](ModuleHost& host) {
                Register(host.router, host.ctx);
                return std::shared_ptr<void>();
            }};
}

}  // namespace tongxin::places

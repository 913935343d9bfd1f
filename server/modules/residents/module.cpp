#include "modules/residents/module.hpp"

namespace tongxin::residents {

ModuleInfo Describe() {
    return {"residents",
            {
                {"residents.read",
                 {"street_admin", "community_worker", "liaison", "ethnic_liaison", "volunteer_lead", "mediator",
                  "rights_head", "treasurer", "group_leader", "resident"}},
                {"residents.write", {"street_admin", "community_worker"}},
                {"residents.sensitive", {"street_admin", "community_worker"}},
                {"residents.import", {"street_admin", "community_worker"}},
                {"residents.export", {"street_admin", "community_worker"}},
            },
            [](ModuleHost& host) {
                auto service = std::make_shared<ResidentService>(host.ctx.db, host.ctx.vault);
                Register(host.router, host.ctx, *service);
                return std::shared_ptr<void>(service);
            }};
}

}  // namespace tongxin::residents

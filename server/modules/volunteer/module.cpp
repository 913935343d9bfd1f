#include "modules/volunteer/module.hpp"

namespace tongxin::volunteer {

ModuleInfo Describe() {
    return {"volunteer",
            {
                {"volunteer.read", {"street_admin", "community_worker", "volunteer_lead", "auditor"}},
                {"volunteer.write", {"street_admin", "community_worker", "volunteer_lead"}},
                {"volunteer.self", {"liaison", "group_leader", "resident"}, /*own_person=*/true},
            },
            [](ModuleHost& host) {
                auto service = std::make_shared<VolunteerLine>(host.ctx.db);
                Register(host.router, host.ctx, *service, host.registry);
                return std::shared_ptr<void>(service);
            },
            LoadDemo};
}

}  // namespace tongxin::volunteer

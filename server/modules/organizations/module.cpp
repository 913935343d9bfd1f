#include "modules/organizations/module.hpp"

namespace tongxin::organizations {

ModuleInfo Describe() {
    return {"organizations",
            {
                {"organizations.read", {"street_admin", "community_worker", "volunteer_lead", "treasurer", "auditor"}},
                {"organizations.write", {"street_admin", "community_worker"}},
            },
            [](ModuleHost& host) {
                auto service = std::make_shared<OrganizationService>(host.ctx.db);
                Register(host.router, host.ctx, *service, host.registry);
                return std::shared_ptr<void>(service);
            },
            LoadDemo};
}

}  // namespace tongxin::organizations

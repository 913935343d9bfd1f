#include "modules/services/module.hpp"

namespace tongxin::services {

ModuleInfo Describe() {
    return {"services",
            {
                {"services.read", {"street_admin", "community_worker", "auditor"}},
                {"services.write", {"street_admin", "community_worker"}},
            },
            [](ModuleHost& host) {
                auto service = std::make_shared<ServiceLineService>(host.ctx.db);
                Register(host.router, host.ctx, *service, host.registry);
                return std::shared_ptr<void>(service);
            },
            LoadDemo};
}

}  // namespace tongxin::services

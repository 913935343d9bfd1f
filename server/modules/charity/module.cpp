#include "modules/charity/module.hpp"

namespace tongxin::charity {

ModuleInfo Describe() {
    return {"charity",
            {
                {"charity.read", {"street_admin", "community_worker", "treasurer", "auditor"}},
                {"charity.approve", {"street_admin", "community_worker"}},
                {"charity.write", {"treasurer"}},
            },
            [](ModuleHost& host) {
                auto service = std::make_shared<Fund>(host.ctx.db);
                Register(host.router, host.ctx, *service, host.registry);
                return std::shared_ptr<void>(service);
            },
            LoadDemo};
}

}  // namespace tongxin::charity

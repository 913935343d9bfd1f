#include "modules/linkage/module.hpp"

namespace tongxin::linkage {

ModuleInfo Describe() {
    return {"linkage",
            {
                {"linkage.read", {"street_admin", "community_worker"}},
                {"linkage.write", {"street_admin", "community_worker"}},
            },
            [](ModuleHost& host) {
                auto service = std::make_shared<LinkageService>(host.ctx.db);
                Register(host.router, host.ctx, *service, host.registry);
                return std::shared_ptr<void>(service);
            },
            LoadDemo};
}

}  // namespace tongxin::linkage

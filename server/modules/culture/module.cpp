#include "modules/culture/module.hpp"

namespace tongxin::culture {

ModuleInfo Describe() {
    return {"culture",
            {
                {"culture.read", {"street_admin", "community_worker"}},
                {"culture.write", {"street_admin", "community_worker"}},
                // Any account linked to a resident books a room for themselves.
                {"culture.book", {"resident"}, /*own_person=*/true},
            },
            [](ModuleHost& host) {
                auto service = std::make_shared<CultureService>(host.ctx.db);
                Register(host.router, host.ctx, *service, host.registry);
                return std::shared_ptr<void>(service);
            },
            LoadDemo};
}

}  // namespace tongxin::culture

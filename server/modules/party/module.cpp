#include "modules/party/module.hpp"

namespace tongxin::party {

ModuleInfo Describe() {
    return {"party",
            {
                {"party.read", {"street_admin", "community_worker", "liaison"}},
                {"party.write", {"street_admin", "community_worker"}},
                {"party.visit", {"street_admin", "community_worker", "liaison"}},
            },
            [](ModuleHost& host) {
                auto service = std::make_shared<PartyService>(host.ctx.db);
                Register(host.router, host.ctx, *service, host.registry);
                return std::shared_ptr<void>(service);
            },
            LoadDemo};
}

}  // namespace tongxin::party

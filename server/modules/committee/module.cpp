#include "modules/committee/module.hpp"

namespace tongxin::committee {

ModuleInfo Describe() {
    return {"committee",
            {
                {"committee.read", {"street_admin", "community_worker", "ethnic_liaison"}},
                {"committee.write", {"street_admin", "community_worker"}},
                {"committee.log", {"street_admin", "community_worker", "ethnic_liaison"}},
                // Any account linked to a resident proposes activities of their own.
                {"selfhelp.propose", {"ethnic_liaison", "resident"}, /*own_person=*/true},
            },
            [](ModuleHost& host) {
                auto service = std::make_shared<CommitteeService>(host.ctx.db);
                Register(host.router, host.ctx, *service, host.registry);
                return std::shared_ptr<void>(service);
            },
            LoadDemo};
}

}  // namespace tongxin::committee

#include "modules/shuttle/module.hpp"

namespace tongxin::shuttle {

ModuleInfo Describe() {
    return {"shuttle",
            {
                {"shuttle.read", {"street_admin", "community_worker"}},
                {"shuttle.write", {"street_admin", "community_worker"}},
                {"shuttle.board", {"street_admin", "community_worker", "volunteer_lead"}},
                {"shuttle.book", {"group_leader", "resident"}},
            },
            [](ModuleHost& host) {
                auto service = std::make_shared<ShuttleService>(host.ctx.db);
                Register(host.router, host.ctx, *service, host.registry);
                return std::shared_ptr<void>(service);
            },
            LoadDemo};
}

}  // namespace tongxin::shuttle

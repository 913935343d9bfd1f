#include "modules/cases/module.hpp"

namespace tongxin::cases {

ModuleInfo Describe() {
    return {"cases",
            {
                {"cases.intake", {"community_worker", "mediator", "rights_head"}},
                {"cases.handle", {"mediator", "rights_head"}},
                {"cases.head", {"rights_head"}},
                {"cases.count", {"street_admin", "community_worker", "mediator", "rights_head"}},
            },
            [](ModuleHost& host) {
                auto service = std::make_shared<CaseService>(host.ctx.db);
                Register(host.router, host.ctx, *service, host.registry);
                return std::shared_ptr<void>(service);
            },
            LoadDemo};
}

}  // namespace tongxin::cases

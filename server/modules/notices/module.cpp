#include "modules/notices/module.hpp"

namespace tongxin::notices {

ModuleInfo Describe() {
    return {"notices",
            {
                {"notices.write", {"street_admin", "community_worker"}},
            },
            [](ModuleHost& host) {
                auto service = std::make_shared<NoticeService>(host.ctx.db);
                Register(host.router, host.ctx, *service);
                return std::shared_ptr<void>(service);
            }};
}

}  // namespace tongxin::notices

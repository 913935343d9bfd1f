#include "modules/accounts/module.hpp"

namespace tongxin::accounts {

ModuleInfo Describe() {
    return {"accounts",
            {
                {"users.manage", {"street_admin"}},
                {"audit.read", {"auditor"}},
            },
            [](ModuleHost& host) {
                auto module = std::make_shared<AccountsModule>(host.ctx.db);
                Register(host.router, host.ctx, *module);
                return std::shared_ptr<void>(module);
            },
            LoadDemo};
}

}  // namespace tongxin::accounts

#include "modules/accounts/module.hpp"

namespace tongxin::accounts {

ModuleInfo Describe() {
    return {"accounts",
            {
                {"users.manage", {"street_admin"}},
                {"audit.read", {"auditor"}},
            },
            [](ModuleHost& host) {
                Register(host.router, host.ctx);
                return std::shared_ptr<void>();
            },
            LoadDemo};
}

}  // namespace tongxin::accounts

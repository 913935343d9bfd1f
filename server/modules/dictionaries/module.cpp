#include "modules/dictionaries/module.hpp"

namespace tongxin::dictionaries {

ModuleInfo Describe() {
    return {"dictionaries",
            {
                {"dictionaries.write", {"street_admin"}},
            },
            [](ModuleHost& host) {
                Register(host.router, host.ctx);
                return std::shared_ptr<void>();
            }};
}

}  // namespace tongxin::dictionaries

#include "modules/reports/module.hpp"

namespace tongxin::reports {

ModuleInfo Describe() {
    return {
        "reports",
        {
            {"reports.read",
             {"street_admin", "community_worker", "volunteer_lead", "mediator", "rights_head", "treasurer", "auditor"}},
            // Rewriting the words of the work report (its figures stay bound to records).
            {"reports.write", {"street_admin", "community_worker"}},
        },
        [](ModuleHost& host) {
            RegisterRegistryIndicators(host.registry);
            Register(host.router, host.ctx, host.registry);
            RegisterExports(host.router, host.ctx);
            RegisterWorkReport(host.router, host.ctx, host.registry);
            return std::shared_ptr<void>();
        }};
}

}  // namespace tongxin::reports

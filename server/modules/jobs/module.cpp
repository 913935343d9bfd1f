#include "modules/jobs/module.hpp"

namespace tongxin::jobs {

ModuleInfo Describe() {
    return {"jobs",
            {
                {"jobs.read", {"street_admin", "community_worker"}},
                {"jobs.write", {"street_admin", "community_worker"}},
                // Any account linked to a resident registers as a job seeker and follows their path.
                {"jobs.register", {"resident"}, /*own_person=*/true},
            },
            [](ModuleHost& host) {
                auto service = std::make_shared<JobsService>(host.ctx.db, host.ctx.vault);
                Register(host.router, host.ctx, *service, host.registry);
                return std::shared_ptr<void>(service);
            },
            LoadDemo};
}

}  // namespace tongxin::jobs

#include "modules/accounts/module.hpp"
#include "modules/cases/module.hpp"
#include "modules/charity/module.hpp"
#include "modules/committee/module.hpp"
#include "modules/culture/module.hpp"
#include "modules/dictionaries/module.hpp"
#include "modules/jobs/module.hpp"
#include "modules/linkage/module.hpp"
#include "modules/module.hpp"
#include "modules/notices/module.hpp"
#include "modules/organizations/module.hpp"
#include "modules/party/module.hpp"
#include "modules/places/module.hpp"
#include "modules/reports/module.hpp"
#include "modules/residents/module.hpp"
#include "modules/services/module.hpp"
#include "modules/shuttle/module.hpp"
#include "modules/volunteer/module.hpp"

namespace tongxin {

std::vector<ModuleInfo> AllModules() {
    // Demo records are loaded in this order too: organisations before the party line's pairings
    // and the volunteer line, the accounts (some of whose people those lines choose) before the
    // records that name accounts (the fund, the rights centre, the shuttle), and those before the
    // committee, whose residents' needs became the fund's, the rights centre's and mutual aid's records,
    // and before the jobs platform, which registers the needs referred to it; linkage last of the
    // platforms, as its projects link the fund's donations, culture events and volunteer hours.
    return {dictionaries::Describe(),  places::Describe(),  residents::Describe(), reports::Describe(),
            organizations::Describe(), party::Describe(),   volunteer::Describe(), services::Describe(),
            accounts::Describe(),      charity::Describe(), cases::Describe(),     committee::Describe(),
            culture::Describe(),       jobs::Describe(),    linkage::Describe(),   shuttle::Describe(),
            notices::Describe()};
}

std::vector<std::shared_ptr<void>> InstallModules(const std::vector<ModuleInfo>& modules, ModuleHost& host) {
    std::vector<auth::Permission> all;
    for (const ModuleInfo& m : modules) all.insert(all.end(), m.permissions.begin(), m.permissions.end());
    auth::UsePermissions(all);
    std::vector<std::shared_ptr<void>> alive;
    alive.reserve(modules.size());
    for (const ModuleInfo& m : modules) alive.push_back(m.install(host));
    for (const http::Route& route : host.router.routes()) {
        for (const std::string& perm : route.access.permissions) {
            if (!auth::IsDefined(perm)) {
                throw std::logic_error(route.pattern + " needs " + perm + ", which no module defines");
            }
        }
    }
    return alive;
}

}  // namespace tongxin

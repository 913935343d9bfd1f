#pragma once
// A module describes itself: its name, the permissions it defines with the roles that hold
// them, and how it joins a running Tongxin (its service, routes and indicators). Each module's
// module.cpp gives its Describe(); modules/all.cpp lists them in the order they are installed;
// the composition root (app/main.cpp) installs them in a loop and knows none of them.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/auth/roles.hpp"
#include "core/context.hpp"
#include "core/http/router.hpp"
#include "modules/demo.hpp"
#include "modules/reports/registry.hpp"

namespace tongxin {

// What a module is installed into.
struct ModuleHost {
    Context& ctx;
    http::Router& router;
    reports::Registry& registry;
};

struct ModuleInfo {
    std::string name;                           // the folder under modules/
    std::vector<auth::Permission> permissions;  // defined here and nowhere else
    // Builds the module's service, registers its routes and indicators, and returns what must
    // live as long as the server (the service the routes refer to).
    std::function<std::shared_ptr<void>(ModuleHost&)> install;
    // Adds the module's demo records (modules/demo.hpp); none for modules without records.
    std::function<void(DemoWorld&)> demo = nullptr;
};

// Every module, in the order they are installed.
std::vector<ModuleInfo> AllModules();

// Installs `modules` into `host`: permissions first (roles are built from them), then each
// module. Throws if a route needs a permission no module defines. Returns what must stay alive.
std::vector<std::shared_ptr<void>> InstallModules(const std::vector<ModuleInfo>& modules, ModuleHost& host);

}  // namespace tongxin

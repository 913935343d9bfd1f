#include "modules/module.hpp"

#include <gtest/gtest.h>

#include "core/testing/temp_db.hpp"
#include "modules/reports/module.hpp"

namespace tongxin {
namespace {

// The permissions of every real module, put back after a test installs others.
void RestoreRealPermissions() {
    std::vector<auth::Permission> all;
    for (const ModuleInfo& m : AllModules()) all.insert(all.end(), m.permissions.begin(), m.permissions.end());
    auth::UsePermissions(all);
}

class ModulesTest : public ::testing::Test {
  protected:
    void TearDown() override { RestoreRealPermissions(); }
    testing::TempDb t;
    crypto::Vault vault = crypto::Vault::ForTests();
    auth::AuthService auth{t.db(), vault};
    Context ctx{t.db(), vault, auth, ""};
    reports::Registry registry;
    http::Router router;
    ModuleHost host{ctx, router, registry};
};

ModuleInfo OneRouteNeeding(const std::string& defined, const std::string& needed) {
    return {"probe", {{defined, {"community_worker"}}}, [needed](ModuleHost& h) {
                h.router.Add("GET", "/api/v1/probe", http::Access::Need(needed), "probe",
                             [](http::Request&) { return http::Response::Json("{}"); });
                return std::shared_ptr<void>();
            }};
}

TEST_F(ModulesTest, RolesGetThePermissionsTheModulesDefine) {
    InstallModules({OneRouteNeeding("probe.read", "probe.read")}, host);
    const auth::RoleInfo* worker = auth::FindRole("community_worker");
    const auth::RoleInfo* resident = auth::FindRole("resident");
    ASSERT_TRUE(worker && resident);
    EXPECT_EQ(worker->permissions, std::set<std::string>{"probe.read"});
    EXPECT_TRUE(resident->permissions.empty());
}

TEST_F(ModulesTest, ARouteNeedingAPermissionNoModuleDefinesStopsTheStart) {
    EXPECT_THROW(InstallModules({OneRouteNeeding("probe.read", "probe.write")}, host), std::logic_error);
}

TEST_F(ModulesTest, APermissionForAnUnknownRoleOrDefinedTwiceIsRefused) {
    EXPECT_THROW(auth::UsePermissions({{"probe.read", {"mayor"}}}), std::logic_error);
    EXPECT_THROW(auth::UsePermissions({{"probe.read", {"resident"}}, {"probe.read", {"auditor"}}}), std::logic_error);
}

TEST_F(ModulesTest, EveryModuleInstallsAndEveryRouteIsCovered) {
    auto alive = InstallModules(AllModules(), host);
    EXPECT_EQ(alive.size(), AllModules().size());
    EXPECT_GT(router.routes().size(), 100u);
    // Every figure and list the work report names is one the modules registered.
    EXPECT_EQ(reports::WorkReportProblems(registry), std::vector<std::string>{});
    EXPECT_TRUE(auth::IsDefined("shuttle.book"));
    EXPECT_TRUE(auth::FindRole("resident")->permissions.count("shuttle.book"));
}

}  // namespace
}  // namespace tongxin

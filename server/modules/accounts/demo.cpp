// The demo accounts, one per role (README lists them), all with the password given to `tongxin demo`.
#include "core/audit/audit.hpp"
#include "modules/accounts/module.hpp"

namespace tongxin::accounts {

void LoadDemo(DemoWorld& w) {
    db::Connection& conn = w.conn;
    const int64_t angong = w.model.id, nanshan = w.other.id;
    // A household head of 藏族 in the community: the demo resident.
    int64_t resident = conn.QueryOne(R"sql(
SELECT id FROM residents
WHERE community_id = ? AND relation = 'head' AND moved_out IS NULL AND ethnicity = '04' ORDER BY id LIMIT 1)sql",
                                     angong)
                           ->Int(0);
    // The group leader of 南山社区's first grid, one of its adult residents.
    int64_t leader = conn.QueryOne(R"sql(
SELECT id FROM residents WHERE grid_id = ? AND moved_out IS NULL AND birth_date <= '1990-12-31' ORDER BY id LIMIT 1)sql",
                                   w.other.grids.front())
                         ->Int(0);
    const std::string& pw = w.password;
    using auth::ScopeKind;
    const std::vector<std::pair<auth::NewUser, std::string>> users = {
        {{"admin", "华阳街道管理员", "street_admin", pw, ScopeKind::kStreet, w.street, std::nullopt}, "街道管理员"},
        {{"angong", "安公社区工作者", "community_worker", pw, ScopeKind::kCommunity, angong, std::nullopt},
         "安公社区工作者"},
        {{"nanshan", "南山社区工作者", "community_worker", pw, ScopeKind::kCommunity, nanshan, std::nullopt},
         "南山社区工作者"},
        {{"liaison", "安公党员联络人", "liaison", pw, ScopeKind::kAssigned, std::nullopt, w.people.at("liaison")},
         "安公社区党员联络人"},
        {{"officer", "安公民族联络员", "ethnic_liaison", pw, ScopeKind::kAssigned, std::nullopt,
          w.people.at("officer")},
         "民族一家亲委员会民族联络员"},
        {{"mediator", "安公调解员", "mediator", pw, ScopeKind::kCommunity, angong, std::nullopt},
         "居民权益维护中心调解员"},
        {{"rights", "权益中心主任", "rights_head", pw, ScopeKind::kCommunity, angong, std::nullopt},
         "居民权益维护中心主任"},
        {{"treasurer", "基金出纳", "treasurer", pw, ScopeKind::kCommunity, angong, std::nullopt}, "公益慈善基金出纳"},
        {{"leader", "南山居民小组长", "group_leader", pw, ScopeKind::kGrid, w.other.grids.front(), leader},
         "南山社区居民小组长"},
        {{"vlead", "安公志愿者队长", "volunteer_lead", pw, ScopeKind::kCommunity, angong, w.people.at("vlead")},
         "安公少数民族志愿者队伍队长"},
        {{"resident", "安公居民", "resident", pw, ScopeKind::kSelf, std::nullopt, resident}, "安公社区居民"},
        {{"auditor", "街道审计员", "auditor", pw, ScopeKind::kStreet, w.street, std::nullopt}, "街道审计员"},
    };
    const audit::Actor system{std::nullopt, "demo", "local"};
    for (const auto& [u, description] : users) {
        w.auth.CreateUser(conn, w.auth.PrepareUser(u), system);
        w.accounts.push_back({u.username, u.role, description});
    }
}

}  // namespace tongxin::accounts

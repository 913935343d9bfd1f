// Latency of the five lines' indicators on a large database (made by `tongxin gen --residents
// ... --hours ...`): each indicator's value and its first page of records, for a sample of
// communities and for the street, as the dashboard asks for them. Prints p50/p95/p99 in
// milliseconds as JSON lines, one per indicator and scope.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "modules/cases/module.hpp"
#include "modules/charity/module.hpp"
#include "modules/organizations/module.hpp"
#include "modules/party/module.hpp"
#include "modules/reports/memo.hpp"
#include "modules/reports/module.hpp"
#include "modules/services/module.hpp"
#include "modules/shuttle/module.hpp"
#include "modules/volunteer/module.hpp"

using namespace tongxin;

namespace {

double Percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: tongxin_kpi_bench DB [samples]\n";
        return 2;
    }
    auto db = db::OpenDatabase(argv[1]);
    int samples = argc > 2 ? std::stoi(argv[2]) : 20;
    reports::Registry registry;
    reports::RegisterRegistryIndicators(registry);
    organizations::RegisterIndicators(registry);
    party::RegisterIndicators(registry);
    volunteer::RegisterIndicators(registry);
    services::RegisterIndicators(registry);
    charity::RegisterIndicators(registry);
    cases::RegisterIndicators(registry);
    shuttle::RegisterIndicators(registry);
    auto& conn = db->Local();
    std::vector<int64_t> communities;
    for (const auto& r : conn.Query(
             "SELECT DISTINCT community_id FROM volunteer_hours WHERE id % 997 = 0 ORDER BY community_id LIMIT ?",
             samples)) {
        communities.push_back(r.Int(0));
    }
    int64_t street = conn.QueryInt("SELECT street_id FROM places WHERE id = ?", communities.front());
    std::cerr << "communities sampled: " << communities.size()
              << ", hours entries: " << conn.QueryInt("SELECT count(*) FROM volunteer_hours") << "\n";
    auto print = [](const std::string& id, const std::string& scope, std::vector<double> ms, double value) {
        std::printf(
            "{\"id\":\"%s\",\"scope\":\"%s\",\"runs\":%zu,\"p50_ms\":%.2f,\"p95_ms\":%.2f,\"p99_ms\":%.2f,"
            "\"last_value\":%.1f}\n",
            id.c_str(), scope.c_str(), ms.size(), Percentile(ms, 0.5), Percentile(ms, 0.95), Percentile(ms, 0.99),
            value);
        std::fflush(stdout);
    };
    // One question: the value (the dashboard's card) and/or the first page of records (its drill-down).
    enum class Ask { kBoth, kValue, kRecords };
    auto ask = [&](const reports::Indicator& ind, const reports::KpiScope& s, double& value, Ask what = Ask::kBoth) {
        auto t0 = std::chrono::steady_clock::now();
        if (what != Ask::kRecords) value = reports::ValueOf(conn, ind, s);
        if (what != Ask::kValue) reports::RecordsOf(conn, ind, s, 20, 0);
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    };
    auto touch = [&](int64_t community) {
        db::Transaction tx(conn, db::Transaction::Mode::kWrite);
        reports::Touch(conn, community);
        tx.Commit();
    };
    for (const auto& ind : registry.all()) {
        if (ind.id.rfind("registry.", 0) == 0) continue;  // measured with the registry
        double value = 0;
        std::vector<double> ms;
        if (!ind.per_community) {
            for (int64_t c : communities) ms.push_back(ask(ind, {"community_id", c, 2021}, value));
            print(ind.id, "community", ms, value);
            ms.clear();
            for (int i = 0; i < 5; ++i) ms.push_back(ask(ind, {"street_id", street, 2021}, value));
            print(ind.id, "street", ms, value);
            continue;
        }
        // Figures kept per community: measured right after a write in the community (computed
        // from the records) and when nothing changed since the last question (kept).
        for (int64_t c : communities) {
            touch(c);
            ms.push_back(ask(ind, {"community_id", c, 2021}, value));
        }
        print(ind.id, "community, just changed", ms, value);
        ms.clear();
        for (int64_t c : communities) ms.push_back(ask(ind, {"community_id", c, 2021}, value));
        print(ind.id, "community", ms, value);
        ms.clear();
        {
            db::Transaction tx(conn, db::Transaction::Mode::kWrite);
            reports::TouchAll(conn);
            tx.Commit();
        }
        ms.push_back(ask(ind, {"street_id", street, 2021}, value, Ask::kValue));
        print(ind.id, "street value, every community changed", ms, value);
        ms.clear();
        ms.push_back(ask(ind, {"street_id", street, 2021}, value, Ask::kRecords));
        print(ind.id, "street drill-down, every community changed", ms, value);
        ms.clear();
        for (int64_t c : communities) {
            touch(c);
            ms.push_back(ask(ind, {"street_id", street, 2021}, value, Ask::kValue));
        }
        print(ind.id, "street value, one community just changed", ms, value);
        ms.clear();
        for (int64_t c : communities) {
            touch(c);
            ms.push_back(ask(ind, {"street_id", street, 2021}, value, Ask::kRecords));
        }
        print(ind.id, "street drill-down, one community just changed", ms, value);
        ms.clear();
        ask(ind, {"street_id", street, 2021}, value);  // the last community touched above is computed again
        for (int i = 0; i < 20; ++i) ms.push_back(ask(ind, {"street_id", street, 2021}, value));
        print(ind.id, "street", ms, value);
    }
    // The public disclosure page's answer.
    charity::CharityService charity(*db);
    for (const std::string scope : {"community", "street"}) {
        std::vector<double> ms;
        int runs = scope == "community" ? static_cast<int>(communities.size()) : 5;
        for (int i = 0; i < runs; ++i) {
            auto t0 = std::chrono::steady_clock::now();
            if (scope == "community") {
                charity.Disclosure(communities[static_cast<size_t>(i)], std::nullopt);
            } else {
                charity.Disclosure(std::nullopt, street);
            }
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        }
        print("charity.disclosure", scope, ms, 0);
    }
    return 0;
}

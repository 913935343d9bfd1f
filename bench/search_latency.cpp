// Resident search latency per query kind on a large database (made by `tongxin gen`).
// Samples real names, pinyin, ID numbers and phones from the database, runs each query kind
// through ResidentService::Search as a street-wide account would, and prints p50/p95/p99 in
// milliseconds as JSON lines.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "core/crypto/vault.hpp"
#include "core/text/chinese.hpp"
#include "modules/residents/service.hpp"

using namespace tongxin;

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: tongxin_search_bench DB KEYFILE [samples]\n";
        return 2;
    }
    auto db = db::OpenDatabase(argv[1]);
    auto vault = crypto::Vault::LoadOrCreate(argv[2]);
    int samples = argc > 3 ? std::stoi(argv[3]) : 200;
    residents::ResidentService svc(*db, vault);
    auto& conn = db->Local();
    auth::Principal p;
    p.scope_kind = auth::ScopeKind::kStreet;
    p.scope_place_id = conn.QueryInt("SELECT street_id FROM residents ORDER BY id DESC LIMIT 1");
    int64_t total = conn.QueryInt("SELECT count(*) FROM residents");
    std::cerr << "residents: " << total << "\n";

    // Sample residents spread over the table; decrypt their numbers for exact lookups.
    std::vector<db::Row> rows =
        conn.Query("SELECT name, pinyin, initials, id_enc, phone_enc FROM residents WHERE id % ? = 0 LIMIT ?",
                   std::max<int64_t>(1, total / samples), samples);
    std::map<std::string, std::vector<std::string>> queries;
    for (const auto& r : rows) {
        auto chars = text::Utf8Chars(r.Str(0));
        queries["initials"].push_back(r.Str(2));
        queries["pinyin_prefix"].push_back(r.Str(1).substr(0, std::min<size_t>(6, r.Str(1).size())));
        queries["one_letter"].push_back(r.Str(1).substr(0, 1));
        queries["one_char"].push_back(chars.back());
        if (chars.size() >= 2) queries["two_chars"].push_back(chars[chars.size() - 2] + chars.back());
        queries["full_name"].push_back(r.Str(0));
        if (!r.IsNull(3)) queries["id_number"].push_back(vault.Decrypt(r.Str(3)).value_or(""));
        if (!r.IsNull(4)) queries["phone"].push_back(vault.Decrypt(r.Str(4)).value_or(""));
        queries["list_page"].push_back("");
    }
    for (auto& [kind, qs] : queries) {
        std::vector<double> ms;
        int64_t found = 0;
        for (const auto& q : qs) {
            residents::SearchFilter f;
            f.q = q;
            f.limit = 20;
            auto start = std::chrono::steady_clock::now();
            auto res = svc.Search(p, f);
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
            found += res.total > 0;
        }
        std::sort(ms.begin(), ms.end());
        auto pct = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<size_t>(q * ms.size()))]; };
        std::printf(
            "{\"kind\":\"%s\",\"queries\":%zu,\"found\":%lld,\"p50_ms\":%.2f,\"p95_ms\":%.2f,\"p99_ms\":%.2f}\n",
            kind.c_str(), ms.size(), static_cast<long long>(found), pct(0.5), pct(0.95), pct(0.99));
        std::fflush(stdout);
    }
    return 0;
}

#include <boost/json.hpp>

#include "core/error/messages.hpp"
#include "core/http/paging.hpp"
#include "core/io/sheet_import.hpp"
#include "core/text/codes.hpp"
#include "modules/residents/json.hpp"
#include "modules/residents/module.hpp"

namespace tongxin::residents {
namespace json = boost::json;
using http::Access;
using http::Request;
using http::Response;

namespace {

// A registry file of a whole community (10,000 rows with every column) is about 2 MiB.
constexpr size_t kImportLimit = 20u << 20;

bool FullBirthDate(const Request& req) { return req.User().Can("residents.sensitive"); }

SearchFilter FilterOf(const Request& req) {
    SearchFilter f;
    f.q = req.Query("q").value_or("");
    if (f.q.size() > 100) throw AppError(ErrorCode::kBadRequest, "bad_query_parameter", {{"parameter", "q"}});
    f.street_id = http::QueryOptInt(req, "street");
    f.community_id = http::QueryOptInt(req, "community");
    f.grid_id = http::QueryOptInt(req, "grid");
    f.building_id = http::QueryOptInt(req, "building");
    f.household_id = http::QueryOptInt(req, "household");
    if (auto e = req.Query("ethnicity"); e && !e->empty()) f.ethnicity = *e;
    f.minority_only = req.Query("minority").value_or("") == "1" || req.Query("minority").value_or("") == "true";
    if (auto s = req.Query("political_status"); s && !s->empty()) f.political_status = *s;
    if (auto t = req.Query("tag"); t && !t->empty()) f.tag = *t;
    f.status = req.Query("status").value_or("active");
    if (f.status != "active" && f.status != "moved_out" && f.status != "all") {
        throw AppError(ErrorCode::kBadRequest, "bad_query_parameter", {{"parameter", "status"}});
    }
    auto page = http::PageOf(req);
    f.limit = page.limit;
    f.offset = page.offset;
    return f;
}

// Reads the body into an input. Absent fields take `base` (the stored record) on update.
ResidentInput InputOf(const Request& req, const Resident* base) {
    http::JsonBody body(req);
    ResidentInput in;
    if (base) {
        in.name = base->name;
        in.gender = base->gender;
        in.birth_date = base->birth_date;
        in.ethnicity = base->ethnicity;
        in.political_status = base->political_status;
        in.household_id = base->household_id;
        in.relation = base->relation;
        in.moved_in = base->moved_in;
        in.note = base->note;
        in.tags = base->tags;
        in.id_number_given = body.Has("id_number");
        in.phone_given = body.Has("phone");
    }
    auto str = [&](const char* key, std::string& into, size_t max) {
        if (!base || body.Has(key)) into = body.Str(key, !base && std::string(key) == "name", max).value_or("");
    };
    auto opt = [&](const char* key, std::optional<std::string>& into, size_t max) {
        if (!base || body.Has(key)) into = body.Str(key, false, max);
    };
    str("name", in.name, 30);
    str("gender", in.gender, 2);
    str("ethnicity", in.ethnicity, 20);
    str("political_status", in.political_status, 20);
    str("relation", in.relation, 20);
    str("note", in.note, 500);
    opt("birth_date", in.birth_date, 10);
    opt("moved_in", in.moved_in, 10);
    opt("id_number", in.id_number, 18);
    opt("phone", in.phone, 11);
    if (!base || body.Has("household_id")) in.household_id = body.Int("household_id", true, 1);
    if (body.Has("tags")) in.tags = body.StrList("tags").value_or(std::vector<std::string>{});
    body.Finish();
    return in;
}

json::object ReportJson(const ResidentService::ImportReport& r, const std::string& lang) {
    json::array preview;
    for (const auto& in : r.preview) {
        const auto* eth = text::FindCode(text::Ethnicities(), in.ethnicity);
        preview.push_back({{"name", in.name},
                           {"gender", in.gender},
                           {"ethnicity", in.ethnicity},
                           {"ethnicity_name", eth ? (lang == "en" ? eth->en : eth->zh) : in.ethnicity},
                           {"birth_date", in.birth_date ? json::value(*in.birth_date) : json::value(nullptr)},
                           {"tags", json::value_from(in.tags)}});
    }
    return {{"rows", r.rows},
            {"valid", r.valid},
            {"imported", r.imported},
            {"new_households", r.new_households},
            {"errors", io::IssuesJson(r.errors, lang)},
            {"preview", std::move(preview)}};
}

}  // namespace

void Register(http::Router& r, Context& ctx, ResidentService& svc) {
    r.Add("GET", "/api/v1/residents", Access::Need("residents.read"),
          "Search residents (q: name, pinyin, initials, ID number or phone)", [&svc](Request& req) {
              SearchResult res = svc.Search(req.User(), FilterOf(req));
              json::array items;
              for (const auto& x : res.items) items.push_back(ToJson(x, req.lang, FullBirthDate(req)));
              json::object body{{"items", std::move(items)},
                                {"total", res.total},
                                {"total_is_lower_bound", res.total_is_lower_bound}};
              return http::JsonResponse(body);
          });
    r.Add("GET", "/api/v1/residents/export", Access::Need("residents.export"), "Export the filtered list as .xlsx",
          [&svc](Request& req) {
              bool unmasked = req.Query("unmasked").value_or("") == "1";
              if (unmasked && !req.User().Can("residents.sensitive"))
                  throw AppError(ErrorCode::kForbidden, "forbidden");
              std::string bytes = svc.Export(req.User(), FilterOf(req), unmasked, req.lang, ActorOf(req));
              return Response::File(std::move(bytes),
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                    req.lang == "en" ? "residents.xlsx" : "居民名册.xlsx");
          });
    r.Add("GET", "/api/v1/residents/import/template", Access::Need("residents.import"),
          "The sheet to fill in for an import of residents", [](Request&) {
              return http::Response::File(ResidentService::ImportTemplate(),
                                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                          "居民信息导入模板.xlsx");
          });
    r.Add("POST", "/api/v1/residents/import", Access::Need("residents.import"),
          "Import residents from .xlsx/.csv (?community=ID&commit=1; without commit: dry run)",
          [&svc](Request& req) {
              const int64_t community = http::QueryRequiredInt(req, "community");
              bool commit = req.Query("commit").value_or("") == "1";
              auto report = svc.Import(req.User(), community, req.body, commit, ActorOf(req));
              return http::JsonResponse(ReportJson(report, req.lang), commit ? 201 : 200);
          })
        .body_limit = kImportLimit;
    r.Add("GET", "/api/v1/residents/me", Access::LoggedIn(),
          "My own record and my household's members (accounts linked to a resident)", [&svc](Request& req) {
              auto mine = svc.Mine(req.User());
              json::array members;
              for (const Resident& m : mine.members)
                  members.push_back({{"id", m.id},
                                     {"name", m.name},
                                     {"relation", m.relation},
                                     {"gender", m.gender},
                                     {"me", m.id == mine.me.id}});
              return http::JsonResponse(json::object{{"me", ToJson(mine.me, req.lang, true)}, {"members", members}});
          });
    r.Add("GET", "/api/v1/residents/{id}", Access::Need("residents.read"), "Get a resident", [&svc](Request& req) {
        return http::JsonResponse(ToJson(svc.Get(req.User(), http::PathId(req)), req.lang, FullBirthDate(req)));
    });
    r.Add("POST", "/api/v1/residents", Access::Need("residents.write"), "Register a resident", [&svc](Request& req) {
        int64_t id = svc.Create(req.User(), InputOf(req, nullptr), ActorOf(req));
        return http::JsonResponse(ToJson(svc.Get(req.User(), id), req.lang, FullBirthDate(req)), 201);
    });
    r.Add("PATCH", "/api/v1/residents/{id}", Access::Need("residents.write"), "Update a resident",
          [&svc](Request& req) {
              int64_t id = http::PathId(req);
              Resident current = svc.Get(req.User(), id);
              svc.Update(req.User(), id, InputOf(req, &current), ActorOf(req));
              return http::JsonResponse(ToJson(svc.Get(req.User(), id), req.lang, FullBirthDate(req)));
          });
    r.Add("POST", "/api/v1/residents/{id}/move-out", Access::Need("residents.write"),
          "Record that a resident moved out (records are never deleted)", [&svc](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto date = body.Date("date", true);
              auto reason = body.Str("reason", false, 200).value_or("");
              body.Finish();
              svc.MoveOut(req.User(), id, *date, reason, ActorOf(req));
              return http::JsonResponse(ToJson(svc.Get(req.User(), id), req.lang, FullBirthDate(req)));
          });
    r.Add("GET", "/api/v1/residents/{id}/contact", Access::Need("residents.sensitive"),
          "Unmasked identity-card number and phone (audited)", [&svc](Request& req) {
              return http::JsonResponse(ToJson(svc.RevealContact(req.User(), http::PathId(req), ActorOf(req))));
          });
}

}  // namespace tongxin::residents

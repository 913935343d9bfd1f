#include <boost/json.hpp>
#include <cmath>

#include "core/http/paging.hpp"
#include "core/io/sheet_import.hpp"
#include "core/time/clock.hpp"
#include "modules/volunteer/json.hpp"
#include "modules/volunteer/module.hpp"

namespace tongxin::volunteer {
namespace json = boost::json;
using http::Access;
using http::Request;
using http::Response;

namespace {

RecordFilter RecordFilterOf(const Request& req) {
    return {http::QueryOptInt(req, "community"), http::QueryOptInt(req, "resident"), http::QueryOptInt(req, "activity"),
            http::QueryOptDate(req, "from"), http::QueryOptDate(req, "to")};
}

}  // namespace

void Register(http::Router& r, Context& ctx, VolunteerLine& line, reports::Registry& registry) {
    RegisterIndicators(registry);

    r.Add("GET", "/api/v1/volunteer/activities", Access::NeedAny({"volunteer.read", "volunteer.self"}),
          "Volunteer activities (?community=, ?organization=, ?status=, ?from=, ?to=, ?q=, ?upcoming=1); residents "
          "see their community's, with their own sign-up",
          [&line](Request& req) {
              ActivityFilter f{http::QueryOptInt(req, "community"),
                               http::QueryOptInt(req, "organization"),
                               req.Query("status"),
                               http::QueryOptDate(req, "from"),
                               http::QueryOptDate(req, "to"),
                               req.Query("q").value_or(""),
                               req.Query("upcoming").value_or("") == "1",
                               http::PageOf(req)};
              if (f.status && f.status->empty()) f.status.reset();
              return http::ListResponse(line.activities.Activities(req.User(), f),
                                        [](const Activity& a) { return ToJson(a); });
          });
    r.Add("POST", "/api/v1/volunteer/activities", Access::Need("volunteer.write"), "Publish a volunteer activity",
          [&line](Request& req) {
              http::JsonBody body(req);
              ActivityInput in;
              in.organization_id = body.Int("organization_id", true, 1).value_or(0);
              in.title = body.Str("title", true, 100).value_or("");
              in.kind = body.Str("kind", true, 40).value_or("");
              in.content = body.Str("content", false, 2000).value_or("");
              in.place = body.Str("place", false, 200).value_or("");
              in.starts_at = body.Time("starts_at", true).value_or(0);
              in.ends_at = body.Time("ends_at", true).value_or(0);
              in.capacity = body.Int("capacity", true, 1, 10000).value_or(0);
              body.Finish();
              int64_t id = line.activities.CreateActivity(req.User(), in, ActorOf(req));
              return http::Created(id);
          });
    r.Add("GET", "/api/v1/volunteer/activities/{id}", Access::NeedAny({"volunteer.read", "volunteer.self"}),
          "One activity", [&line](Request& req) {
              return http::JsonResponse(ToJson(line.activities.Activity(req.User(), http::PathId(req))));
          });
    r.Add("POST", "/api/v1/volunteer/activities/{id}/cancel", Access::Need("volunteer.write"),
          "Cancel an activity that has no recorded hours", [&line](Request& req) {
              int64_t id = http::PathId(req);
              std::string reason = http::OneText(req, "reason", true, 200);
              line.activities.CancelActivity(req.User(), id, reason, ActorOf(req));
              return http::Ok();
          });
    r.Add("GET", "/api/v1/volunteer/activities/{id}/qr.svg", Access::Need("volunteer.write"),
          "QR code of the activity's check-in link (SVG)", [&line, &ctx](Request& req) {
              std::string svg = line.activities.CheckinQr(req.User(), http::PathId(req), ctx.public_url);
              Response res;
              res.content_type = "image/svg+xml";
              res.headers.emplace_back("Cache-Control", "no-store");
              res.body = std::move(svg);
              return res;
          });
    r.Add("GET", "/api/v1/volunteer/activities/{id}/signups", Access::Need("volunteer.read"),
          "Sign-ups: confirmed, then the waitlist in order, then cancelled", [&line](Request& req) {
              json::array items;
              for (const SignupEntry& e : line.activities.Signups(req.User(), http::PathId(req)))
                  items.push_back(ToJson(e));
              return http::ListResponse(std::move(items));
          });
    r.Add("POST", "/api/v1/volunteer/activities/{id}/signups", Access::NeedAny({"volunteer.write", "volunteer.self"}),
          "Sign up (yourself, or resident_id for a neighbour in your scope); full activities put you on the waitlist",
          [&line](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto resident = body.Int("resident_id", false, 1);
              body.Finish();
              return http::JsonResponse(ToJson(line.activities.SignUp(req.User(), id, resident, ActorOf(req))), 201);
          });
    r.Add("POST", "/api/v1/volunteer/activities/{id}/signups/cancel",
          Access::NeedAny({"volunteer.write", "volunteer.self"}),
          "Cancel a sign-up; the first on the waitlist is promoted", [&line](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto resident = body.Int("resident_id", false, 1);
              body.Finish();
              return http::JsonResponse(ToJson(line.activities.CancelSignup(req.User(), id, resident, ActorOf(req))));
          });
    r.Add("POST", "/api/v1/volunteer/activities/{id}/check", Access::NeedAny({"volunteer.write", "volunteer.self"}),
          "Check in or out (direction in|out): with the QR code's `code`, or by the organiser with resident_id",
          [&line](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto direction = body.Str("direction", true, 3);
              auto resident = body.Int("resident_id", false, 1);
              auto code = body.Str("code", false, 64);
              body.Finish();
              return http::JsonResponse(
                  ToJson(line.activities.Check(req.User(), id, resident, code, *direction, ActorOf(req))));
          });
    r.Add("POST", "/api/v1/volunteer/activities/{id}/hours", Access::Need("volunteer.write"),
          "Record the hours of checked-in volunteers (or entries: [{resident_id, minutes}])", [&line](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              const json::value* entries = body.Raw("entries");
              body.Finish();
              std::vector<ActivityService::MinutesFor> given;
              if (entries && !entries->is_null()) {
                  if (!entries->is_array()) {
                      throw AppError::Field("entries", "wrong_type");
                  }
                  for (const auto& e : entries->as_array()) {
                      http::JsonBody item(e.is_object() ? e.as_object() : json::object{});
                      auto resident = item.Int("resident_id", true, 1);
                      auto minutes = item.Int("minutes", true, 1, 24 * 60);
                      if (!item.errors().Empty()) {
                          throw AppError::Field("entries", "invalid_choice");
                      }
                      given.push_back({*resident, *minutes});
                  }
              }
              return http::JsonResponse(ToJson(line.activities.ConfirmHours(req.User(), id, given, ActorOf(req))), 201);
          });

    r.Add("GET", "/api/v1/volunteer/records", Access::NeedAny({"volunteer.read", "volunteer.self"}),
          "The hours ledger (?community=, ?resident=, ?activity=, ?from=, ?to=); residents see their own",
          [&line](Request& req) {
              RecordFilter f = RecordFilterOf(req);
              f.page = http::PageOf(req);
              return http::JsonResponse(ToJson(line.hours.Records(req.User(), f)));
          });
    r.Add("GET", "/api/v1/volunteer/records/{id}", Access::NeedAny({"volunteer.read", "volunteer.self"}),
          "One hours record (residents: their own)", [&line](Request& req) {
              RecordFilter f;
              f.id = http::PathId(req);
              f.page = {1, 0};
              return http::OneOf(line.hours.Records(req.User(), f).page,
                                 [](const HoursRecord& r) { return ToJson(r); });
          });
    r.Add("GET", "/api/v1/volunteer/records/export", Access::Need("volunteer.read"),
          "The filtered hours ledger as .xlsx", [&line](Request& req) {
              std::string bytes = line.hours.ExportRecords(req.User(), RecordFilterOf(req), req.lang, ActorOf(req));
              return Response::File(std::move(bytes),
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                    req.lang == "en" ? "volunteer-hours.xlsx" : "志愿服务记录.xlsx");
          });
    r.Add("GET", "/api/v1/volunteer/records/import/template", Access::Need("volunteer.write"),
          "The sheet to fill in for an import of hours", [](Request&) {
              return Response::File(HoursLedger::ImportTemplate(),
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                    "志愿服务时长导入模板.xlsx");
          });
    r.Add("POST", "/api/v1/volunteer/records/import", Access::Need("volunteer.write"),
          "Import hours from .xlsx/.csv (?community=ID&commit=1; without commit: dry run)",
          [&line, &ctx](Request& req) {
              const int64_t community = http::QueryRequiredInt(req, "community");
              bool commit = req.Query("commit").value_or("") == "1";
              auto report = line.hours.ImportRecords(req.User(), ctx.vault, community, req.body, commit, ActorOf(req));
              return http::JsonResponse(io::ReportJson(report, req.lang), commit ? 201 : 200);
          })
        .body_limit = 20u << 20;
    r.Add("POST", "/api/v1/volunteer/records", Access::Need("volunteer.write"),
          "Record hours served outside an activity (mutual aid, shuttle duty...)", [&line](Request& req) {
              http::JsonBody body(req);
              RecordInput in;
              in.resident_id = body.Int("resident_id", true, 1).value_or(0);
              in.served_on = body.Date("served_on", true).value_or("");
              in.minutes = body.Int("minutes", true, 1, 24 * 60).value_or(0);
              in.kind = body.Str("kind", true, 40).value_or("");
              in.content = body.Str("content", true, 200).value_or("");
              body.Finish();
              int64_t id = line.hours.AddRecord(req.User(), in, ActorOf(req));
              return http::Created(id);
          });
    r.Add("POST", "/api/v1/volunteer/records/{id}/corrections", Access::Need("volunteer.write"),
          "Correct a record: a reversing entry with a reason, and the corrected minutes as a new record",
          [&line](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto reason = body.Str("reason", true, 200);
              auto minutes = body.Int("minutes", false, 0, 24 * 60);
              body.Finish();
              return http::JsonResponse(ToJson(line.hours.Correct(req.User(), id, *reason, minutes, ActorOf(req))),
                                        201);
          });
    r.Add("POST", "/api/v1/volunteer/records/{id}/disputes", Access::Need("volunteer.self"),
          "Dispute one of your records", [&line](Request& req) {
              int64_t id = http::PathId(req);
              std::string reason = http::OneText(req, "reason", true, 500);
              int64_t dispute = line.hours.Dispute(req.User(), id, reason, ActorOf(req));
              return http::Created(dispute);
          });
    r.Add("GET", "/api/v1/volunteer/disputes", Access::NeedAny({"volunteer.read", "volunteer.self"}),
          "Disputes (?community=, ?status=open|...)", [&line](Request& req) {
              DisputeFilter f{http::QueryOptInt(req, "community"), req.Query("status"), http::PageOf(req)};
              if (f.status && f.status->empty()) f.status.reset();
              return http::ListResponse(line.hours.Disputes(req.User(), f), [](const Dispute& d) { return ToJson(d); });
          });
    r.Add("POST", "/api/v1/volunteer/disputes/{id}/resolve", Access::Need("volunteer.write"),
          "Resolve a dispute: outcome corrected (with minutes; 0 reverses) or upheld, with a note",
          [&line](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto outcome = body.Str("outcome", true, 20);
              auto note = body.Str("note", true, 500);
              auto minutes = body.Int("minutes", false, 0, 24 * 60);
              body.Finish();
              line.hours.ResolveDispute(req.User(), id, *outcome, *note, minutes, ActorOf(req));
              return http::Ok();
          });

    r.Add("GET", "/api/v1/volunteer/points", Access::NeedAny({"volunteer.read", "volunteer.self"}),
          "A points balance and its entries (yours, or ?resident= for staff)", [&line](Request& req) {
              return http::JsonResponse(
                  ToJson(line.points.Points(req.User(), http::QueryOptInt(req, "resident"), http::PageOf(req))));
          });
    r.Add("GET", "/api/v1/rewards", Access::NeedAny({"volunteer.read", "volunteer.self"}),
          "Rewards residents can redeem points for (?community=)", [&line](Request& req) {
              json::array items;
              for (const Reward& x : line.points.Rewards(req.User(), http::QueryOptInt(req, "community"))) {
                  items.push_back(ToJson(x));
              }
              return http::ListResponse(std::move(items));
          });
    r.Add("GET", "/api/v1/rewards/{id}", Access::NeedAny({"volunteer.read", "volunteer.self"}), "One reward",
          [&line](Request& req) {
              auto rewards = line.points.Rewards(req.User(), std::nullopt, http::PathId(req));
              if (rewards.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
              return http::JsonResponse(ToJson(rewards.front()));
          });
    r.Add("POST", "/api/v1/rewards", Access::Need("volunteer.write"), "Add a reward with its stock",
          [&line](Request& req) {
              http::JsonBody body(req);
              auto community = body.Int("community_id", true, 1);
              auto name = body.Str("name", true, 100);
              auto description = body.Str("description", false, 500).value_or("");
              auto points = body.Int("points", true, 1, 1000000);
              auto stock = body.Int("stock", true, 0, 1000000);
              body.Finish();
              int64_t id =
                  line.points.CreateReward(req.User(), *community, *name, description, *points, *stock, ActorOf(req));
              return http::Created(id);
          });
    r.Add("POST", "/api/v1/rewards/{id}/stock", Access::Need("volunteer.write"),
          "Add stock to a reward and/or switch it on or off", [&line](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto add = body.Int("add", false, 0, 1000000).value_or(0);
              auto active = body.Bool("active");
              body.Finish();
              line.points.RestockReward(req.User(), id, add, active, ActorOf(req));
              return http::Ok();
          });
    r.Add("POST", "/api/v1/rewards/{id}/redeem", Access::NeedAny({"volunteer.write", "volunteer.self"}),
          "Redeem points for one unit of a reward (yourself, or resident_id on their behalf)", [&line](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto resident = body.Int("resident_id", false, 1);
              body.Finish();
              return http::JsonResponse(ToJson(line.points.Redeem(req.User(), id, resident, ActorOf(req))), 201);
          });

    r.Add("GET", "/api/v1/volunteer/settings", Access::Need("volunteer.read"),
          "The community's regular-volunteer rule and points per hour (?community=)", [&line](Request& req) {
              const int64_t community = http::QueryRequiredInt(req, "community");
              return http::JsonResponse(ToJson(line.rules.GetSettings(req.User(), community)));
          });
    r.Add("PUT", "/api/v1/volunteer/settings", Access::Need("volunteer.write"),
          "Change the community's rule and points per hour (by kind too)", [&line](Request& req) {
              http::JsonBody body(req);
              auto community = body.Int("community_id", true, 1);
              Settings s;
              auto hours = body.Real("regular_min_hours", true);
              s.regular_min_activities = body.Int("regular_min_activities", true, 0, 1000).value_or(0);
              s.regular_months = body.Int("regular_months", true, 1, 60).value_or(12);
              s.points_per_hour = body.Int("points_per_hour", true, 0, 1000).value_or(0);
              const json::value* k = body.Raw("kind_points_per_hour");
              body.Finish();
              s.regular_min_minutes = std::llround(*hours * 60.0);
              std::vector<std::pair<std::string, int64_t>> kinds;
              if (k && k->is_object()) {
                  for (const auto& [kind, v] : k->as_object()) {
                      if (!v.is_int64()) {
                          throw AppError::Field("kind_points_per_hour", "wrong_type");
                      }
                      kinds.emplace_back(std::string(kind), v.as_int64());
                  }
              }
              line.rules.SaveSettings(req.User(), *community, s, kinds, ActorOf(req));
              return http::JsonResponse(ToJson(line.rules.GetSettings(req.User(), *community)));
          });
    r.Add("GET", "/api/v1/volunteer/regulars", Access::Need("volunteer.read"),
          "Regular volunteers by the community's rule (?community=, ?as_of=, ?minority=1)", [&line](Request& req) {
              const int64_t community = http::QueryRequiredInt(req, "community");
              return http::JsonResponse(ToJson(
                  line.rules.Regulars(req.User(), community, http::QueryOptDate(req, "as_of").value_or(time::Today()),
                                      req.Query("minority").value_or("") == "1", http::PageOf(req))));
          });
    r.Add("GET", "/api/v1/volunteer/me", Access::Need("volunteer.self"),
          "My hours, points and whether I am a regular volunteer",
          [&line](Request& req) { return http::JsonResponse(ToJson(line.rules.Me(req.User()))); });
    r.Add("GET", "/api/v1/volunteer/certificates", Access::Need("volunteer.read"),
          "Volunteer service certificates issued (?community=, ?resident=)", [&line](Request& req) {
              CertificateFilter f{http::QueryOptInt(req, "community"), http::QueryOptInt(req, "resident"),
                                  http::PageOf(req)};
              return http::ListResponse(line.certificates.Certificates(req.User(), f),
                                        [](const Certificate& c) { return ToJson(c, true); });
          });
    r.Add("POST", "/api/v1/volunteer/certificates", Access::Need("volunteer.write"),
          "Issue a numbered volunteer service certificate for a period", [&line](Request& req) {
              http::JsonBody body(req);
              auto resident = body.Int("resident_id", true, 1);
              auto from = body.Date("from", true);
              auto to = body.Date("to", true);
              body.Finish();
              return http::JsonResponse(
                  ToJson(line.certificates.IssueCertificate(req.User(), *resident, *from, *to, ActorOf(req))), 201);
          });
    r.Add("GET", "/api/v1/volunteer/certificates/{id}", Access::NeedAny({"volunteer.read", "volunteer.self"}),
          "One certificate, for printing", [&line](Request& req) {
              return http::JsonResponse(ToJson(line.certificates.Certificate(req.User(), http::PathId(req))));
          });
}

}  // namespace tongxin::volunteer

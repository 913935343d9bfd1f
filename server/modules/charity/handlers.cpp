#include <boost/json.hpp>

#include "core/http/paging.hpp"
#include "core/money/money.hpp"
#include "core/time/clock.hpp"
#include "modules/charity/json.hpp"
#include "modules/charity/module.hpp"

namespace tongxin::charity {
namespace json = boost::json;
using http::Access;
using http::Request;

namespace {

// An amount as integer fen (`amount_fen`) or as yuan text (`amount`, "1234.56"); fractions of a
// fen, negative amounts and amounts above the limit are refused with a reason.
int64_t AmountOf(http::JsonBody& body) {
    if (body.Has("amount_fen")) {
        auto fen = body.Int("amount_fen", true, INT64_MIN, INT64_MAX);
        if (!fen) return 0;
        if (*fen <= 0)
            body.Fail("amount_fen", *fen == 0 ? "invalid_amount" : "negative_amount");
        else if (*fen > money::kMaxFen)
            body.Fail("amount_fen", "amount_too_large");
        return fen.value_or(0);
    }
    auto text = body.Str("amount", true, 30);
    if (!text) return 0;
    auto parsed = money::ParseYuan(*text);
    if (!parsed.fen)
        body.Fail("amount", money::ReasonOf(parsed.error));
    else if (*parsed.fen == 0)
        body.Fail("amount", "invalid_amount");
    return parsed.fen.value_or(0);
}

}  // namespace

void Register(http::Router& r, Context& ctx, Fund& fund, reports::Registry& registry) {
    RegisterIndicators(registry);
    r.Add("GET", "/api/v1/charity/projects", Access::Need("charity.read"),
          "Projects with goal, income, spending, balance", [&fund](Request& req) {
              json::array items;
              for (const Project& p : fund.projects.Projects(req.User(), http::QueryOptInt(req, "community"))) {
                  items.push_back(ToJson(p));
              }
              return http::ListResponse(std::move(items));
          });
    r.Add("GET", "/api/v1/charity/projects/{id}", Access::Need("charity.read"), "One project", [&fund](Request& req) {
        auto projects = fund.projects.Projects(req.User(), std::nullopt, http::PathId(req));
        if (projects.empty()) throw AppError(ErrorCode::kNotFound, "not_found");
        return http::JsonResponse(ToJson(projects.front()));
    });
    r.Add("POST", "/api/v1/charity/projects", Access::Need("charity.write"), "Start a project", [&fund](Request& req) {
        http::JsonBody body(req);
        ProjectInput in;
        in.community_id = body.Int("community_id", true, 1).value_or(0);
        in.name = body.Str("name", true, 100).value_or("");
        in.goal_fen = body.Int("goal_fen", true, 0, money::kMaxFen).value_or(0);
        in.starts_on = body.Date("starts_on", true).value_or("");
        in.ends_on = body.Date("ends_on");
        in.description = body.Str("description", false, 2000).value_or("");
        in.beneficiaries = body.Str("beneficiaries", false, 500).value_or("");
        body.Finish();
        int64_t id = fund.projects.CreateProject(req.User(), in, ActorOf(req));
        return http::Created(id);
    });
    r.Add("GET", "/api/v1/charity/donations", Access::Need("charity.read"),
          "Donations (?community=, ?project=, ?year=)", [&fund](Request& req) {
              DonationFilter f{.community = http::QueryOptInt(req, "community"),
                               .project = http::QueryOptInt(req, "project"),
                               .donor = http::QueryOptInt(req, "donor"),
                               .page = http::PageOf(req)};
              if (auto year = http::QueryOptInt(req, "year")) f.year = static_cast<int>(*year);
              return http::JsonResponse(ToJson(fund.donations.Donations(req.User(), f)));
          });
    r.Add("GET", "/api/v1/charity/donations/{id}", Access::Need("charity.read"), "One donation", [&fund](Request& req) {
        DonationFilter f{.id = http::PathId(req), .page = {1, 0}};
        return http::OneOf(fund.donations.Donations(req.User(), f).page, [](const Donation& d) { return ToJson(d); });
    });
    r.Add("GET", "/api/v1/charity/donations/import/template", Access::Need("charity.write"),
          "The sheet to fill in for an import of donations", [](Request&) {
              return http::Response::File(DonationService::ImportTemplate(),
                                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                          "捐赠导入模板.xlsx");
          });
    r.Add("POST", "/api/v1/charity/donations/import", Access::Need("charity.write"),
          "Import donations from .xlsx/.csv (?community=ID&commit=1; without commit: dry run)",
          [&fund, &ctx](Request& req) {
              const int64_t community = http::QueryRequiredInt(req, "community");
              bool commit = req.Query("commit").value_or("") == "1";
              auto report =
                  fund.donations.ImportDonations(req.User(), ctx.vault, community, req.body, commit, ActorOf(req));
              return http::JsonResponse(io::ReportJson(report, req.lang), commit ? 201 : 200);
          })
        .body_limit = 20u << 20;
    r.Add("POST", "/api/v1/charity/donations", Access::Need("charity.write"),
          "Record a donation (amount in yuan text or amount_fen); answers with its receipt number",
          [&fund](Request& req) {
              http::JsonBody body(req);
              DonationInput in;
              in.community_id = body.Int("community_id", true, 1).value_or(0);
              in.project_id = body.Int("project_id", false, 1);
              in.channel = body.Str("channel", true, 40).value_or("");
              in.form = body.Str("form", false, 10).value_or("cash");
              in.amount_fen = AmountOf(body);
              in.goods = body.Str("goods", false, 200).value_or("");
              in.valuation_basis = body.Str("valuation_basis", false, 200).value_or("");
              in.donor_kind = body.Str("donor_kind", true, 20).value_or("");
              in.donor_resident_id = body.Int("donor_resident_id", false, 1);
              in.donor_name = body.Str("donor_name", false, 100).value_or("");
              in.publish_name = body.Bool("publish_name").value_or(false);
              in.epidemic = body.Bool("epidemic").value_or(false);
              in.donated_on = body.Date("donated_on").value_or(time::Today());
              body.Finish();
              Receipt receipt = fund.donations.RecordDonation(req.User(), in, ActorOf(req));
              return http::JsonResponse(json::object{{"id", receipt.id}, {"receipt_no", receipt.receipt_no}}, 201);
          });
    r.Add("GET", "/api/v1/charity/disbursements", Access::Need("charity.read"), "Disbursements (?community=, ?status=)",
          [&fund](Request& req) {
              DisbursementFilter f{.community = http::QueryOptInt(req, "community"),
                                   .status = http::QueryOptStr(req, "status"),
                                   .page = http::PageOf(req)};
              return http::ListResponse(fund.disbursements.Disbursements(req.User(), f),
                                        [](const Disbursement& d) { return ToJson(d); });
          });
    r.Add("GET", "/api/v1/charity/disbursements/{id}", Access::Need("charity.read"), "One disbursement",
          [&fund](Request& req) {
              DisbursementFilter f{.id = http::PathId(req), .page = {1, 0}};
              return http::OneOf(fund.disbursements.Disbursements(req.User(), f),
                                 [](const Disbursement& d) { return ToJson(d); });
          });
    r.Add("POST", "/api/v1/charity/disbursements", Access::Need("charity.write"),
          "Request a disbursement from a project", [&fund](Request& req) {
              http::JsonBody body(req);
              DisbursementInput in;
              in.project_id = body.Int("project_id", true, 1).value_or(0);
              in.amount_fen = AmountOf(body);
              in.form = body.Str("form", false, 10).value_or("cash");
              in.beneficiary_kind = body.Str("beneficiary_kind", true, 20).value_or("");
              in.household_id = body.Int("household_id", false, 1);
              in.organization_id = body.Int("organization_id", false, 1);
              in.purpose = body.Str("purpose", true, 500).value_or("");
              in.evidence = body.Str("evidence", false, 1000).value_or("");
              body.Finish();
              int64_t id = fund.disbursements.RequestDisbursement(req.User(), in, ActorOf(req));
              return http::Created(id);
          });
    r.Add("POST", "/api/v1/charity/disbursements/{id}/approve", Access::Need("charity.approve"),
          "Approve (two different people, neither the requester)", [&fund](Request& req) {
              fund.disbursements.Approve(req.User(), http::PathId(req), ActorOf(req));
              return http::Ok();
          });
    r.Add("POST", "/api/v1/charity/disbursements/{id}/reject", Access::Need("charity.approve"), "Reject with a reason",
          [&fund](Request& req) {
              int64_t id = http::PathId(req);
              std::string reason = http::OneText(req, "reason", true, 500);
              fund.disbursements.Reject(req.User(), id, reason, ActorOf(req));
              return http::Ok();
          });
    r.Add("POST", "/api/v1/charity/disbursements/{id}/pay", Access::Need("charity.write"),
          "Pay an approved disbursement out of its project", [&fund](Request& req) {
              int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto on = body.Date("paid_on").value_or(time::Today());
              body.Finish();
              int64_t tx = fund.disbursements.Pay(req.User(), id, on, ActorOf(req));
              return http::JsonResponse(json::object{{"transaction_id", tx}});
          });
    r.Add("POST", "/api/v1/charity/transactions/{id}/reverse", Access::Need("charity.write"),
          "Reverse a donation or payment with a reason (a new transaction)", [&fund](Request& req) {
              int64_t id = http::PathId(req);
              std::string reason = http::OneText(req, "reason", true, 500);
              int64_t tx = fund.ledger.Reverse(req.User(), id, reason, ActorOf(req));
              return http::JsonResponse(json::object{{"transaction_id", tx}}, 201);
          });
    r.Add("GET", "/api/v1/charity/ledger", Access::Need("charity.read"),
          "Transactions with entries, and account balances", [&fund](Request& req) {
              return http::JsonResponse(
                  ToJson(fund.ledger.Ledger(req.User(), http::QueryOptInt(req, "community"), http::PageOf(req))));
          });
    r.Add("GET", "/api/v1/charity/books", Access::Need("charity.read"), "Check that the books balance",
          [&fund](Request& req) {
              BooksReport b = fund.ledger.CheckBooks(req.User());
              json::array problems;
              for (const auto& p : b.problems) problems.push_back(json::string(p));
              return http::JsonResponse(json::object{{"balanced", b.balanced},
                                                     {"transactions", b.transactions},
                                                     {"entries", b.entries},
                                                     {"problems", std::move(problems)}});
          });
    r.Add("POST", "/api/v1/charity/projects/{id}/disclosures", Access::Need("charity.write"),
          "Record that the project's accounts were disclosed today", [&fund](Request& req) {
              int64_t id = http::PathId(req);
              std::string note = http::OneText(req, "note", false, 500);
              return http::JsonResponse(
                  json::object{{"id", fund.projects.PublishDisclosure(req.User(), id, note, ActorOf(req))}}, 201);
          });
    r.Add("GET", "/api/v1/charity/reminders", Access::Need("charity.read"),
          "Projects running over 6 months with no disclosure in 3 months", [&fund](Request& req) {
              json::array items;
              for (const Reminder& x :
                   fund.projects.Reminders(req.User(), http::QueryOptInt(req, "community"), time::Today())) {
                  items.push_back(ToJson(x));
              }
              return http::ListResponse(std::move(items));
          });
    r.Add("GET", "/api/v1/charity/ledger/export", Access::Need("charity.read"), "The community's ledger as .xlsx",
          [&fund](Request& req) {
              const int64_t community = http::QueryRequiredInt(req, "community");
              return http::Response::File(fund.ledger.ExportLedger(req.User(), community, req.lang, ActorOf(req)),
                                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                          req.lang == "en" ? "ledger.xlsx" : "公益慈善基金账簿.xlsx");
          });
    r.Add("GET", "/api/v1/charity/disclosure/export", Access::Public(), "The public disclosure as .xlsx",
          [&fund](Request& req) {
              auto community = http::QueryOptInt(req, "community");
              auto street = http::QueryOptInt(req, "street");
              if (!community && !street) {
                  throw AppError(ErrorCode::kBadRequest, "bad_query_parameter", {{"parameter", "community"}});
              }
              return http::Response::File(fund.disclosure.ExportDisclosure(community, street, req.lang),
                                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                          req.lang == "en" ? "disclosure.xlsx" : "公益慈善基金公示.xlsx");
          });
    r.Add("GET", "/api/v1/charity/disclosure", Access::Public(),
          "Public disclosure of a community's (or street's) fund, no login (?community= or ?street=)",
          [&fund](Request& req) {
              auto community = http::QueryOptInt(req, "community");
              auto street = http::QueryOptInt(req, "street");
              if (!community && !street) {
                  throw AppError(ErrorCode::kBadRequest, "bad_query_parameter", {{"parameter", "community"}});
              }
              return http::JsonResponse(ToJson(fund.disclosure.Disclosure(community, street)));
          });
}

}  // namespace tongxin::charity

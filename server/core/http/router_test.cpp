#include "core/http/router.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/error/app_error.hpp"
#include "core/http/json_body.hpp"

namespace tongxin::http {
namespace json = boost::json;

namespace {
Request Req(std::string method, std::string path, std::string body = "", std::string lang = "zh") {
    Request r;
    r.method = std::move(method);
    r.path = std::move(path);
    r.body = std::move(body);
    r.lang = std::move(lang);
    return r;
}
}  // namespace

TEST(Router, MatchesPathParameters) {
    Router router;
    router.Add("GET", "/api/v1/things/{id}/parts/{part}", Access::Public(), "", [](Request& req) {
        return Response::Json(json::serialize(json::object{{"id", req.params["id"]}, {"part", req.params["part"]}}));
    });
    Request r = Req("GET", "/api/v1/things/42/parts/x");
    Response resp = router.Dispatch(r);
    EXPECT_EQ(resp.status, 200);
    EXPECT_EQ(resp.body, R"({"id":"42","part":"x"})");
}

TEST(Router, UnknownPathsAndMethodsAnswerInTheEnvelope) {
    Router router;
    router.Add("GET", "/api/v1/a", Access::Public(), "", [](Request&) { return Response::Json("{}"); });
    Request r1 = Req("GET", "/api/v1/b");
    EXPECT_EQ(router.Dispatch(r1).status, 404);
    Request r2 = Req("POST", "/api/v1/a", "", "en");
    Response resp = router.Dispatch(r2);
    EXPECT_EQ(resp.status, 405);
    auto body = json::parse(resp.body).as_object();
    EXPECT_EQ(body["error"].as_object()["code"].as_string(), "method_not_allowed");
    EXPECT_EQ(body["error"].as_object()["message"].as_string(), "Method not allowed");
}

TEST(Router, ProtectedRoutesNeedAPrincipalAndThePermission) {
    Router router;
    router.Add("GET", "/api/v1/secret", Access::Need("x.read"), "", [](Request&) { return Response::Json("{}"); });
    router.SetAuthenticator([](Request& req) {
        if (req.Header("authorization") == "ok") {
            auth::Principal p;
            p.permissions = {"x.read"};
            req.principal = p;
        } else if (req.Header("authorization") == "weak") {
            req.principal = auth::Principal{};
        }
    });
    Request none = Req("GET", "/api/v1/secret");
    EXPECT_EQ(router.Dispatch(none).status, 401);
    Request weak = Req("GET", "/api/v1/secret");
    weak.headers["authorization"] = "weak";
    EXPECT_EQ(router.Dispatch(weak).status, 403);
    Request ok = Req("GET", "/api/v1/secret");
    ok.headers["authorization"] = "ok";
    EXPECT_EQ(router.Dispatch(ok).status, 200);
}

TEST(Router, SharedRoutesAdmitAnyOfTheirPermissions) {
    Router router;
    router.Add("GET", "/api/v1/shared", Access::NeedAny({"x.read", "x.self"}), "",
               [](Request&) { return Response::Json("{}"); });
    router.SetAuthenticator([](Request& req) {
        auth::Principal p;
        p.permissions = {req.Header("authorization")};
        req.principal = p;
    });
    for (const auto& [permission, status] : std::vector<std::pair<std::string, int>>{
             {"x.read", 200}, {"x.self", 200}, {"x.write", 403}, {"y.self", 403}}) {
        Request r = Req("GET", "/api/v1/shared");
        r.headers["authorization"] = permission;
        EXPECT_EQ(router.Dispatch(r).status, status) << permission;
    }
}

TEST(Router, UnexpectedExceptionsBecome500WithoutDetails) {
    Router router;
    router.Add("GET", "/api/v1/boom", Access::Public(), "",
               [](Request&) -> Response { throw std::runtime_error("secret internals"); });
    Request r = Req("GET", "/api/v1/boom");
    Response resp = router.Dispatch(r);
    EXPECT_EQ(resp.status, 500);
    EXPECT_EQ(resp.body.find("secret internals"), std::string::npos);
}

TEST(JsonBody, CollectsEveryFieldErrorIntoOne422) {
    Request r = Req("POST", "/x", R"({"name": 5, "date": "2021-02-30", "n": 1000})");
    JsonBody body(r);
    body.Str("name", true);
    body.Date("date");
    body.Int("n", false, 0, 100);
    body.Str("missing", true);
    try {
        body.Finish();
        FAIL();
    } catch (const AppError& e) {
        EXPECT_EQ(e.code(), ErrorCode::kUnprocessable);
        const auto& f = e.details().at("fields").as_object();
        EXPECT_EQ(f.at("name").as_string(), "wrong_type");
        EXPECT_EQ(f.at("date").as_string(), "invalid_date");
        EXPECT_EQ(f.at("n").as_string(), "out_of_range");
        EXPECT_EQ(f.at("missing").as_string(), "required");
    }
}

TEST(JsonBody, MalformedJsonIs400) {
    Request r = Req("POST", "/x", "{nope");
    try {
        JsonBody body(r);
        FAIL();
    } catch (const AppError& e) {
        EXPECT_EQ(e.code(), ErrorCode::kBadRequest);
    }
}

TEST(JsonBody, AnUnknownFieldIs422UnknownField) {
    Request r = Req("POST", "/x", R"({"username": "a", "password": "b"})");
    JsonBody body(r);
    body.Int("minutes");
    try {
        body.Finish();
        FAIL();
    } catch (const AppError& e) {
        EXPECT_EQ(e.code(), ErrorCode::kUnprocessable);
        EXPECT_EQ(e.key(), "unknown_field");
        EXPECT_EQ(e.details().at("fields").as_object().at("username").as_string(), "unknown_field");
    }
    Request ok = Req("POST", "/x", R"({"a": 1, "b": null, "c": [1]})");
    JsonBody known(ok);
    known.Int("a");
    EXPECT_TRUE(known.IsNull("b"));
    EXPECT_NE(known.Raw("c"), nullptr);
    EXPECT_NO_THROW(known.Finish());
}

TEST(JsonBody, NumbersOutsideInt64AndNonFiniteNumbersAre422) {
    Request r =
        Req("POST", "/x", R"({"a": 18446744073709551615, "b": 1e300, "c": 2E222222, "d": -9223372036854775808})");
    JsonBody body(r);
    EXPECT_FALSE(body.Int("a"));
    EXPECT_FALSE(body.Int("b"));
    EXPECT_FALSE(body.Real("c"));
    EXPECT_EQ(body.Int("d"), INT64_MIN);
    try {
        body.Finish();
        FAIL();
    } catch (const AppError& e) {
        const auto& f = e.details().at("fields").as_object();
        EXPECT_EQ(f.at("a").as_string(), "out_of_range");
        EXPECT_EQ(f.at("b").as_string(), "out_of_range");
        EXPECT_EQ(f.at("c").as_string(), "out_of_range");
        EXPECT_FALSE(f.contains("d"));
    }
}

TEST(SafePath, RefusesEverythingThatCouldNameAnotherPlace) {
    EXPECT_TRUE(IsSafePath("/", "/"));
    EXPECT_TRUE(IsSafePath("/assets/app.js", "/assets/app.js"));
    EXPECT_TRUE(IsSafePath("/api/v1/residents/", "/api/v1/residents/"));
    EXPECT_TRUE(IsSafePath("/%E5%B1%85%E6%B0%91", "/居民"));
    for (auto [encoded, decoded] : std::vector<std::pair<std::string, std::string>>{
             {"//etc/passwd", "//etc/passwd"},
             {"/%2Fetc/passwd", "//etc/passwd"},
             {"/%2fetc", "//etc"},
             {"/a%5cb", "/a\\b"},
             {"/a\\b", "/a\\b"},
             {"/a%00b", std::string("/a\0b", 4)},
             {"/../etc", "/../etc"},
             {"/%2e%2e/etc", "/../etc"},
             {"/a/./b", "/a/./b"},
             {"/a/.", "/a/."},
             {"/%c0%ae%c0%ae/etc", "/\xc0\xae\xc0\xae/etc"},
             {"/a%0Ab", "/a\nb"},
             {"etc/passwd", "etc/passwd"},
         }) {
        EXPECT_FALSE(IsSafePath(encoded, decoded)) << encoded;
    }
}

TEST(Router, AdmitChecksTheRouteAndPermissionBeforeTheBodyAndGivesTheRoutesLimit) {
    Router router;
    router.Add("POST", "/api/v1/up", Access::Need("files.write"), "", [](Request&) { return Response::Json("{}"); })
        .body_limit = 20u << 20;
    router.Add("POST", "/api/v1/small", Access::Public(), "", [](Request&) { return Response::Json("{}"); });
    router.SetAuthenticator([](Request& req) {
        if (req.Header("authorization") != "Bearer ok") return;
        auth::Principal p;
        p.user_id = 1;
        p.permissions = {"files.write"};
        req.principal = p;
    });
    size_t limit = 0;
    Request anon = Req("POST", "/api/v1/up");
    auto refused = router.Admit(anon, 1 << 20, limit);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 401);
    Request missing = Req("POST", "/api/v1/nothing");
    EXPECT_EQ(router.Admit(missing, 1 << 20, limit)->status, 404);
    Request ok = Req("POST", "/api/v1/up");
    ok.headers["authorization"] = "Bearer ok";
    EXPECT_FALSE(router.Admit(ok, 1 << 20, limit));
    EXPECT_EQ(limit, 20u << 20);
    EXPECT_EQ(router.Dispatch(ok).status, 200);
    Request small = Req("POST", "/api/v1/small");
    EXPECT_FALSE(router.Admit(small, 1 << 20, limit));
    EXPECT_EQ(limit, 1u << 20);
}

TEST(AppError, TooManyRequestsSendsRetryAfter) {
    Router router;
    router.Add("GET", "/api/v1/busy", Access::Public(), "",
               [](Request&) -> Response { throw AppError::TooManyRequests("too_many_requests", 7); });
    Request r = Req("GET", "/api/v1/busy");
    Response resp = router.Dispatch(r);
    EXPECT_EQ(resp.status, 429);
    bool found = false;
    for (const auto& [name, value] : resp.headers)
        if (name == "Retry-After") found = value == "7";
    EXPECT_TRUE(found);
}

}  // namespace tongxin::http

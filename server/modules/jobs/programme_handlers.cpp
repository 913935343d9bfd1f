// Routes of the platform's programmes: trainings, postings with their matches, and incubation.
#include <boost/json.hpp>

#include "core/http/paging.hpp"
#include "core/time/clock.hpp"
#include "modules/jobs/json.hpp"
#include "modules/jobs/module.hpp"

namespace tongxin::jobs {
using http::Access;
using http::Request;

void RegisterProgrammes(http::Router& r, JobsService& svc) {
    const Access reading = Access::NeedAny({"jobs.read", "jobs.register"});
    const Access writing = Access::Need("jobs.write");

    r.Add(
        "GET", "/api/v1/jobs/trainings", reading,
        "Trainings (?year= started, ?kind=, ?seeker=, ?q=); a resident sees the ones they are enrolled in",
        [&svc](Request& req) {
            TrainingFilter f{
                .community = http::QueryOptInt(req, "community"),
                .seeker = http::QueryOptInt(req, "seeker"),
                .year = http::QueryOptYear(req).value_or(""),
                .kind = http::QueryOptChoice(req, "kind", {"employment", "practical", "entrepreneurship"}).value_or(""),
                .q = http::QueryOptStr(req, "q").value_or(""),
                .page = http::PageOf(req)};
            return http::ListResponse(svc.Trainings(req.User(), f), [](const Training& t) { return ToJson(t); });
        });
    r.Add("GET", "/api/v1/jobs/trainings/{id}", reading, "One training with its sessions and enrolments",
          [&svc](Request& req) {
              TrainingFilter f{.id = http::PathId(req), .page = {1, 0}};
              return http::OneOf(svc.Trainings(req.User(), f), [](const Training& t) { return ToJson(t); });
          });
    r.Add("POST", "/api/v1/jobs/trainings", writing,
          "Add a training (course, kind, provider, dates, cost in fen and who paid)", [&svc](Request& req) {
              http::JsonBody body(req);
              TrainingInput in{.community_id = body.Int("community_id", true, 1).value_or(0),
                               .cost_fen = body.Int("cost_fen", true, 0).value_or(0),
                               .payer_organization_id = body.Int("payer_organization_id", false, 1),
                               .course = body.Str("course", true, 200).value_or(""),
                               .kind = body.Str("kind", true, 20).value_or(""),
                               .provider = body.Str("provider", true, 200).value_or(""),
                               .starts_on = body.Date("starts_on", true).value_or(""),
                               .ends_on = body.Date("ends_on", true).value_or(""),
                               .paid_by = body.Str("paid_by", true, 20).value_or("")};
              body.Finish();
              return http::Created(svc.AddTraining(req.User(), in, ActorOf(req)));
          });
    r.Add("POST", "/api/v1/jobs/trainings/{id}/sessions", writing, "Add a session of a training", [&svc](Request& req) {
        const int64_t id = http::PathId(req);
        http::JsonBody body(req);
        auto held_on = body.Date("held_on", true).value_or("");
        auto topic = body.Str("topic", true, 200).value_or("");
        body.Finish();
        return http::Created(svc.AddSession(req.User(), id, held_on, topic, ActorOf(req)));
    });
    r.Add("POST", "/api/v1/jobs/trainings/{id}/enrolments", writing, "Enrol a seeker in a training",
          [&svc](Request& req) {
              const int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto seeker = body.Int("seeker_id", true, 1).value_or(0);
              auto on = body.Date("enrolled_on").value_or(time::Today());
              body.Finish();
              svc.Enrol(req.User(), id, seeker, on, ActorOf(req));
              return http::Ok();
          });
    r.Add("PUT", "/api/v1/jobs/training-sessions/{id}/attendance", writing,
          "Who came to a session (seeker_ids, every one enrolled), replacing what was recorded", [&svc](Request& req) {
              const int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto seekers = body.IntList("seeker_ids", 500);
              body.Finish();
              if (!seekers) throw AppError::Field("seeker_ids", "required");
              svc.RecordAttendance(req.User(), id, *seekers, ActorOf(req));
              return http::Ok();
          });
    r.Add("POST", "/api/v1/jobs/trainings/{id}/completions", writing,
          "Record that a seeker completed a training (80% of the sessions held attended): their step trained or "
          "practical_training",
          [&svc](Request& req) {
              const int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto seeker = body.Int("seeker_id", true, 1).value_or(0);
              auto on = body.Date("completed_on", true).value_or("");
              body.Finish();
              svc.Complete(req.User(), id, seeker, on, ActorOf(req));
              return http::Ok();
          });

    r.Add("GET", "/api/v1/jobs/postings", Access::Need("jobs.read"),
          "Employers' postings (?status=open|closed, ?employer=, ?q=)", [&svc](Request& req) {
              PostingFilter f{.community = http::QueryOptInt(req, "community"),
                              .employer = http::QueryOptInt(req, "employer"),
                              .status = http::QueryOptChoice(req, "status", {"open", "closed"}).value_or(""),
                              .q = http::QueryOptStr(req, "q").value_or(""),
                              .page = http::PageOf(req)};
              return http::ListResponse(svc.Postings(req.User(), f), [](const Posting& x) { return ToJson(x); });
          });
    r.Add("GET", "/api/v1/jobs/postings/{id}", Access::Need("jobs.read"), "One posting", [&svc](Request& req) {
        PostingFilter f{.id = http::PathId(req), .page = {1, 0}};
        return http::OneOf(svc.Postings(req.User(), f), [](const Posting& x) { return ToJson(x); });
    });
    r.Add("POST", "/api/v1/jobs/postings", writing,
          "Add an employer's posting (title, requirements, skills, wage range in fen, places)", [&svc](Request& req) {
              http::JsonBody body(req);
              PostingInput in{.employer_id = body.Int("employer_id", true, 1).value_or(0),
                              .places = body.Int("places", true, 1, 10000).value_or(0),
                              .wage_min_fen = body.Int("wage_min_fen", false, 0),
                              .wage_max_fen = body.Int("wage_max_fen", false, 0),
                              .title = body.Str("title", true, 100).value_or(""),
                              .requirements = body.Str("requirements", false, 1000).value_or(""),
                              .skills = body.Str("skills", true, 300).value_or(""),
                              .posted_on = body.Date("posted_on").value_or(time::Today()),
                              .closes_on = body.Date("closes_on").value_or("")};
              body.Finish();
              return http::Created(svc.AddPosting(req.User(), in, ActorOf(req)));
          });
    r.Add("POST", "/api/v1/jobs/postings/{id}/close", writing, "Close a posting", [&svc](Request& req) {
        svc.ClosePosting(req.User(), http::PathId(req), ActorOf(req));
        return http::Ok();
    });
    r.Add("GET", "/api/v1/jobs/postings/{id}/candidates", Access::Need("jobs.read"),
          "Active seekers whose skills and wishes hold the posting's skills, best first (not yet proposed)",
          [&svc](Request& req) {
              boost::json::array items;
              for (const Candidate& c : svc.Candidates(req.User(), http::PathId(req))) items.push_back(ToJson(c));
              return http::JsonResponse(boost::json::object{{"items", std::move(items)}});
          });
    r.Add("POST", "/api/v1/jobs/postings/{id}/matches", writing,
          "Propose a seeker for a posting (consented at once if they consented to sharing when registering)",
          [&svc](Request& req) {
              const int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto seeker = body.Int("seeker_id", true, 1).value_or(0);
              body.Finish();
              return http::Created(svc.Propose(req.User(), id, seeker, ActorOf(req)));
          });
    r.Add("POST", "/api/v1/jobs/postings/{id}/referrals", Access::Need("jobs.write"),
          "The referral sheet for the employer: the details of the seekers shared with it (audited)",
          [&svc](Request& req) {
              boost::json::array items;
              for (const Referral& x : svc.Referrals(req.User(), http::PathId(req), ActorOf(req)))
                  items.push_back(ToJson(x));
              return http::JsonResponse(boost::json::object{{"items", std::move(items)}});
          });
    r.Add("GET", "/api/v1/jobs/matches", reading,
          "Seekers matched to postings (?posting=, ?seeker=); a resident sees their own", [&svc](Request& req) {
              MatchFilter f{.posting = http::QueryOptInt(req, "posting"),
                            .seeker = http::QueryOptInt(req, "seeker"),
                            .page = http::PageOf(req)};
              return http::ListResponse(svc.Matches(req.User(), f), [](const Match& m) { return ToJson(m); });
          });
    r.Add("GET", "/api/v1/jobs/matches/{id}", reading, "One match", [&svc](Request& req) {
        MatchFilter f{.id = http::PathId(req), .page = {1, 0}};
        return http::OneOf(svc.Matches(req.User(), f), [](const Match& m) { return ToJson(m); });
    });
    r.Add("POST", "/api/v1/jobs/matches/{id}/consent", Access::NeedAny({"jobs.write", "jobs.register"}),
          "The seeker's answer (agree): given by themselves, or told to a worker who records how",
          [&svc](Request& req) {
              const int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto agree = body.Bool("agree", true).value_or(false);
              auto how = body.Str("how", false, 200).value_or("");
              body.Finish();
              svc.Consent(req.User(), id, agree, how, ActorOf(req));
              return http::Ok();
          });
    r.Add("POST", "/api/v1/jobs/matches/{id}/share", writing,
          "Send the seeker's details to the employer (409 consent_required without their consent)",
          [&svc](Request& req) {
              svc.Share(req.User(), http::PathId(req), ActorOf(req));
              return http::Ok();
          });

    r.Add("GET", "/api/v1/jobs/incubations", reading,
          "Incubated projects (?status=incubating|graduated|stopped, ?q=); a resident sees the ones they founded",
          [&svc](Request& req) {
              IncubationFilter f{
                  .community = http::QueryOptInt(req, "community"),
                  .status = http::QueryOptChoice(req, "status", {"incubating", "graduated", "stopped"}).value_or(""),
                  .q = http::QueryOptStr(req, "q").value_or(""),
                  .page = http::PageOf(req)};
              return http::ListResponse(svc.Incubations(req.User(), f), [](const Incubation& x) { return ToJson(x); });
          });
    r.Add("GET", "/api/v1/jobs/incubations/{id}", reading, "One incubated project with mentors and milestones",
          [&svc](Request& req) {
              IncubationFilter f{.id = http::PathId(req), .page = {1, 0}};
              return http::OneOf(svc.Incubations(req.User(), f), [](const Incubation& x) { return ToJson(x); });
          });
    r.Add("POST", "/api/v1/jobs/incubations", writing,
          "Start incubating a project (founders: seekers, each gets the step incubation)", [&svc](Request& req) {
              http::JsonBody body(req);
              IncubationInput in{.community_id = body.Int("community_id", true, 1).value_or(0),
                                 .name = body.Str("name", true, 100).value_or(""),
                                 .brand = body.Str("brand", false, 100).value_or(""),
                                 .summary = body.Str("summary", false, 1000).value_or(""),
                                 .started_on = body.Date("started_on", true).value_or(""),
                                 .helper = body.Str("helper", false, 200).value_or(""),
                                 .founders = body.IntList("founders", 20).value_or(std::vector<int64_t>{})};
              body.Finish();
              return http::Created(svc.AddIncubation(req.User(), in, ActorOf(req)));
          });
    r.Add("POST", "/api/v1/jobs/incubations/{id}/mentors", writing,
          "Add a mentor (organization_id: the partner organisation they come from)", [&svc](Request& req) {
              const int64_t id = http::PathId(req);
              http::JsonBody body(req);
              MentorInput in{.organization_id = body.Int("organization_id", false, 1),
                             .name = body.Str("name", true, 100).value_or(""),
                             .expertise = body.Str("expertise", false, 200).value_or("")};
              body.Finish();
              return http::Created(svc.AddMentor(req.User(), id, in, ActorOf(req)));
          });
    r.Add("POST", "/api/v1/jobs/incubations/{id}/milestones", writing, "Add a milestone with its due date",
          [&svc](Request& req) {
              const int64_t id = http::PathId(req);
              http::JsonBody body(req);
              MilestoneInput in{.title = body.Str("title", true, 200).value_or(""),
                                .due_on = body.Date("due_on", true).value_or("")};
              body.Finish();
              return http::Created(svc.AddMilestone(req.User(), id, in, ActorOf(req)));
          });
    r.Add("POST", "/api/v1/jobs/incubation-milestones/{id}/done", writing,
          "Record a milestone reached, with its evidence", [&svc](Request& req) {
              const int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto done_on = body.Date("done_on", true).value_or("");
              auto evidence = body.Str("evidence", true, 500).value_or("");
              body.Finish();
              svc.CompleteMilestone(req.User(), id, done_on, evidence, ActorOf(req));
              return http::Ok();
          });
    r.Add("POST", "/api/v1/jobs/incubations/{id}/end", writing,
          "End incubation: graduated (business_id: the business a founder registered) or stopped",
          [&svc](Request& req) {
              const int64_t id = http::PathId(req);
              http::JsonBody body(req);
              auto outcome = body.Str("outcome", true, 20).value_or("");
              auto business = body.Int("business_id", false, 1);
              auto ended_on = body.Date("ended_on", true).value_or("");
              body.Finish();
              svc.EndIncubation(req.User(), id, outcome, business, ended_on, ActorOf(req));
              return http::Ok();
          });
}

}  // namespace tongxin::jobs

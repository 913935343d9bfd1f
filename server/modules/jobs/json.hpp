#pragma once
#include <boost/json/object.hpp>

#include "modules/jobs/model.hpp"

namespace tongxin::jobs {

boost::json::object ToJson(const Seeker& s);
boost::json::object ToJson(const Certificate& c);
boost::json::object ToJson(const Employer& e);
boost::json::object ToJson(const Placement& x);
boost::json::object ToJson(const Business& b);
boost::json::object ToJson(const Funnel& f);
boost::json::object ToJson(const Training& t);
boost::json::object ToJson(const Posting& x);
boost::json::object ToJson(const Candidate& c);
boost::json::object ToJson(const Match& m);
boost::json::object ToJson(const Referral& x);
boost::json::object ToJson(const Incubation& x);

}  // namespace tongxin::jobs

#pragma once
#include <boost/json/object.hpp>

#include "modules/volunteer/model.hpp"

namespace tongxin::volunteer {

boost::json::object ToJson(const Signup& s);
boost::json::object ToJson(const Activity& a);
boost::json::object ToJson(const SignupEntry& e);
boost::json::object ToJson(const SignupCancellation& c);
boost::json::object ToJson(const CheckResult& c);
boost::json::object ToJson(const HoursConfirmation& h);

}  // namespace tongxin::volunteer

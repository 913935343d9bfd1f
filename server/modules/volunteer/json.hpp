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
boost::json::object ToJson(const HoursRecord& r);
boost::json::object ToJson(const RecordPage& p);
boost::json::object ToJson(const Correction& c);
boost::json::object ToJson(const Dispute& d);
boost::json::object ToJson(const PointsStatement& s);
boost::json::object ToJson(const Reward& r);
boost::json::object ToJson(const Redemption& r);
boost::json::object ToJson(const Rules& r);
boost::json::object ToJson(const RegularList& l);
boost::json::object ToJson(const MySummary& m);
// The printed certificate; `summary` leaves out what only the print shows.
boost::json::object ToJson(const Certificate& c, bool summary = false);

}  // namespace tongxin::volunteer

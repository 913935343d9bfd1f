#pragma once
#include <boost/json/object.hpp>

#include "modules/charity/model.hpp"

namespace tongxin::charity {

boost::json::object ToJson(const Project& p);
boost::json::object ToJson(const Donation& d);
boost::json::object ToJson(const DonationPage& d);
boost::json::object ToJson(const Disbursement& d);
boost::json::object ToJson(const Ledger& l);
boost::json::object ToJson(const Disclosure& d);
boost::json::object ToJson(const Reminder& r);

}  // namespace tongxin::charity

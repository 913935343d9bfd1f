#pragma once
#include <boost/json/object.hpp>

#include "modules/accounts/model.hpp"

namespace tongxin::accounts {

boost::json::object ToJson(const Account& a);
boost::json::object ToJson(const AuditEntry& e);

}  // namespace tongxin::accounts

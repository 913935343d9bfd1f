#pragma once
#include <boost/json/object.hpp>

#include "modules/party/model.hpp"

namespace tongxin::party {

boost::json::object ToJson(const Member& m);
boost::json::object ToJson(const Pairing& p);
boost::json::object ToJson(const Coverage& c);
boost::json::object ToJson(const Visit& v);
boost::json::object ToJson(const OverdueList& o);
boost::json::object ToJson(const StudySession& s);

}  // namespace tongxin::party

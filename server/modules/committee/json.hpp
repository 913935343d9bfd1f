#pragma once
#include <boost/json/object.hpp>

#include "modules/committee/model.hpp"

namespace tongxin::committee {

boost::json::object ToJson(const Officer& o);
boost::json::object ToJson(const Assignment& a);
boost::json::object ToJson(const Coverage& c);
boost::json::object ToJson(const Contact& c);
boost::json::object ToJson(const Need& n);
boost::json::object ToJson(const Activity& a);
boost::json::object ToJson(const Home& h);

}  // namespace tongxin::committee

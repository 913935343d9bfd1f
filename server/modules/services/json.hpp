#pragma once
#include <boost/json/object.hpp>

#include "modules/services/model.hpp"

namespace tongxin::services {

boost::json::object ToJson(const Point& p);
boost::json::object ToJson(const PointCoverage& c);
boost::json::object ToJson(const Aid& a);

}  // namespace tongxin::services

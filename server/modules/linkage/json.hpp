#pragma once
#include <boost/json/object.hpp>

#include "modules/linkage/model.hpp"

namespace tongxin::linkage {

boost::json::object ToJson(const Partner& x);
boost::json::object ToJson(const Project& x);

}  // namespace tongxin::linkage

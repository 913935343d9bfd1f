#pragma once
#include <boost/json/object.hpp>

#include "modules/places/service.hpp"

namespace tongxin::places {

boost::json::object ToJson(const Place& p);
boost::json::object ToJson(const Household& h);

}  // namespace tongxin::places

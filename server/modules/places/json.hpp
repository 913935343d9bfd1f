#pragma once
#include <boost/json/object.hpp>

#include "modules/places/service.hpp"

namespace tongxin::places {

boost::json::object ToJson(const Place& p);
boost::json::object ToJson(const Household& h);
boost::json::object ToJson(const Compound& c);
boost::json::object ToJson(const BuildingGrid& g);

}  // namespace tongxin::places

#pragma once
#include <boost/json/object.hpp>

#include "modules/culture/model.hpp"

namespace tongxin::culture {

boost::json::object ToJson(const Venue& v);
boost::json::object ToJson(const Room& r);
boost::json::object ToJson(const Booking& b);
boost::json::object ToJson(const Series& s);
boost::json::object ToJson(const Event& e);
boost::json::object ToJson(const Visit& v);
boost::json::object ToJson(const Exhibit& e);
// The public catalogue's view of an exhibit: no agreement, condition or resident link.
boost::json::object PublicJson(const Exhibit& e);

}  // namespace tongxin::culture

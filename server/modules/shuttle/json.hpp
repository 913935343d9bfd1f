#pragma once
#include <boost/json/object.hpp>

#include "core/http/json_body.hpp"
#include "modules/shuttle/model.hpp"

namespace tongxin::shuttle {

boost::json::object ToJson(const Service& s);
boost::json::object ToJson(const Trip& t);
boost::json::object ToJson(const Booking& b);
boost::json::object ToJson(const Reservation& r, const ReservationList& view);
boost::json::object ToJson(const Cancellation& c);
boost::json::object ToJson(const Pass& p);
boost::json::object ToJson(const Boarding& b);
boost::json::object ToJson(const TripVolunteer& v);
boost::json::object ToJson(const TripFigures& f);

ServiceInput ParseServiceInput(http::JsonBody& body);
TripInput ParseTripInput(http::JsonBody& body);

}  // namespace tongxin::shuttle

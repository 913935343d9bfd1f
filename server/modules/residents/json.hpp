#pragma once
#include <boost/json/object.hpp>
#include <string>

#include "modules/residents/service.hpp"

namespace tongxin::residents {

// `full_birth_date`: the reader holds residents.sensitive. Others get the birth year only: with
// the masked ID number it leaves more than 10,000 candidates for the full number.
boost::json::object ToJson(const Resident& r, const std::string& lang, bool full_birth_date);
boost::json::object ToJson(const Contact& c);

}  // namespace tongxin::residents

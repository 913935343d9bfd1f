#pragma once
#include <boost/json/object.hpp>

#include "core/http/json_body.hpp"
#include "modules/cases/model.hpp"

namespace tongxin::cases {

boost::json::object ToJson(const CaseSummary& c);
boost::json::object ToJson(const CaseStaff& s);
boost::json::object ToJson(const Case& c);
boost::json::object ToJson(const CaseStats& s);
// Intake; registered_on defaults to today.
CaseInput ParseCaseInput(http::JsonBody& body);

}  // namespace tongxin::cases

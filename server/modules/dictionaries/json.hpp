#pragma once
#include <boost/json/object.hpp>

#include "core/http/json_body.hpp"
#include "modules/dictionaries/model.hpp"

namespace tongxin::dictionaries {

boost::json::object ToJson(const Entry& e);
// The body of an entry's create (with its code) or update.
EntryInput ParseEntry(http::JsonBody& body, bool creating);

}  // namespace tongxin::dictionaries

#pragma once
#include <boost/json/object.hpp>
#include <string>

#include "modules/organizations/model.hpp"

namespace tongxin::organizations {

// `lang` names kinds, posts and ethnic groups in the reader's language.
boost::json::object ToJson(const Organization& o, const std::string& lang);
boost::json::object ToJson(const Post& p, const std::string& lang);
boost::json::object ToJson(const Meeting& m);
boost::json::object ToJson(const Event& e);

}  // namespace tongxin::organizations

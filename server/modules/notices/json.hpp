#pragma once
#include <boost/json/object.hpp>

#include "core/http/json_body.hpp"
#include "modules/notices/model.hpp"

namespace tongxin::notices {

boost::json::object ToJson(const Notice& n);
NoticeInput ParseNoticeInput(http::JsonBody& body);

}  // namespace tongxin::notices

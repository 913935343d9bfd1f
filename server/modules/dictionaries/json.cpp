#include "modules/dictionaries/json.hpp"

#include <boost/json.hpp>

namespace tongxin::dictionaries {
namespace json = boost::json;

json::object ToJson(const Entry& e) {
    return {{"code", e.code},     {"name_zh", e.name_zh}, {"name_en", e.name_en}, {"sort_order", e.sort_order},
            {"active", e.active}, {"builtin", e.builtin}};
}

EntryInput ParseEntry(http::JsonBody& body, bool creating) {
    EntryInput in;
    if (creating) in.code = body.Str("code", false, 40).value_or("");
    in.name_zh = body.Str("name_zh", false, 40).value_or("");  // required: checked with the code
    in.name_en = body.Str("name_en", false, 60).value_or("");
    in.sort_order = body.Int("sort_order", false, 0, 100000).value_or(0);
    in.active = body.Bool("active").value_or(true);
    return in;
}

}  // namespace tongxin::dictionaries

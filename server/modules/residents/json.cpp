#include "modules/residents/json.hpp"

#include <boost/json.hpp>

#include "core/http/json_fields.hpp"
#include "core/text/codes.hpp"

namespace tongxin::residents {
namespace json = boost::json;
using http::OrNull;

json::object ToJson(const Resident& r, const std::string& lang, bool full_birth_date) {
    auto label = [&](const std::vector<text::Code>& table, const std::string& code) {
        const auto* c = text::FindCode(table, code);
        return c ? (lang == "en" ? c->en : c->zh) : code;
    };
    json::array tags;
    for (const auto& t : r.tags) tags.push_back(json::value(t));
    return {
        {"id", r.id},
        {"name", r.name},
        {"pinyin", r.pinyin},
        {"gender", r.gender},
        {"birth_date", full_birth_date ? OrNull(r.birth_date) : json::value(nullptr)},
        {"birth_year", r.birth_date && r.birth_date->size() >= 4 ? json::value(std::stoi(r.birth_date->substr(0, 4)))
                                                                 : json::value(nullptr)},
        {"ethnicity", r.ethnicity},
        {"ethnicity_name", label(text::Ethnicities(), r.ethnicity)},
        {"minority", text::IsMinority(r.ethnicity)},
        {"political_status", r.political_status},
        {"political_status_name", label(text::PoliticalStatuses(), r.political_status)},
        {"household_id", OrNull(r.household_id)},
        {"address", r.household_address},
        {"relation", r.relation},
        {"relation_name", label(text::Relations(), r.relation)},
        {"id_number_masked", r.id_masked},
        {"phone_masked", r.phone_masked},
        {"moved_in", OrNull(r.moved_in)},
        {"moved_out", OrNull(r.moved_out)},
        {"note", r.note},
        {"street_id", r.street_id},
        {"community_id", r.community_id},
        {"grid_id", OrNull(r.grid_id)},
        {"building_id", OrNull(r.building_id)},
        {"tags", std::move(tags)}};
}

json::object ToJson(const Contact& c) {
    return {{"id", c.id}, {"id_number", OrNull(c.id_number)}, {"phone", OrNull(c.phone)}};
}

}  // namespace tongxin::residents

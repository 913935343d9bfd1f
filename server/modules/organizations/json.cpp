#include "modules/organizations/json.hpp"

#include <boost/json.hpp>

#include "core/http/json_fields.hpp"
#include "core/text/codes.hpp"

namespace tongxin::organizations {
namespace json = boost::json;
using http::OrNull;

json::object ToJson(const Post& p, const std::string& lang) {
    const PostInfo* post = FindPost(p.post);
    const auto* eth = text::FindCode(text::Ethnicities(), p.ethnicity);
    return {{"id", p.id},
            {"resident_id", p.resident_id},
            {"name", p.name},
            {"ethnicity", p.ethnicity},
            {"ethnicity_name", eth ? (lang == "en" ? eth->en : eth->zh) : p.ethnicity},
            {"minority", text::IsMinority(p.ethnicity)},
            {"post", p.post},
            {"post_name", post ? (lang == "en" ? post->en : post->zh) : p.post},
            {"backbone", p.post != "member"},
            {"term_from", p.term_from},
            {"term_to", OrNull(p.term_to)},
            {"ended_reason", p.ended_reason}};
}

json::object ToJson(const Organization& o, const std::string& lang) {
    const KindInfo* k = FindKind(o.kind);
    json::object out{{"id", o.id},
                     {"kind", o.kind},
                     {"kind_name", k ? (lang == "en" ? k->en : k->zh) : o.kind},
                     {"name", o.name},
                     {"parent_id", OrNull(o.parent_id)},
                     {"street_id", o.street_id},
                     {"community_id", o.community_id},
                     {"ethnic_work", o.ethnic_work},
                     {"founded_on", OrNull(o.founded_on)},
                     {"dissolved_on", OrNull(o.dissolved_on)},
                     {"description", o.description},
                     {"current_posts", o.current_posts}};
    return out;
}

json::object ToJson(const Meeting& m) {
    json::array resolutions;
    for (const Resolution& r : m.resolutions) {
        resolutions.push_back({{"id", r.id},
                               {"content", r.content},
                               {"owner", r.owner},
                               {"due_on", OrNull(r.due_on)},
                               {"status", r.status},
                               {"status_note", r.status_note}});
    }
    return {{"id", m.id},         {"held_on", m.held_on},       {"place", m.place},
            {"agenda", m.agenda}, {"attendance", m.attendance}, {"resolutions", std::move(resolutions)}};
}

json::object ToJson(const Event& e) {
    return {{"id", e.id},
            {"organization_id", e.organization_id},
            {"organization", e.organization},
            {"held_on", e.held_on},
            {"title", e.title},
            {"kind", e.kind},
            {"place", e.place},
            {"audience", e.audience},
            {"participants", e.participants}};
}

}  // namespace tongxin::organizations

#pragma once
// The dictionaries an administrator maintains and their entries.
#include <cstdint>
#include <string>
#include <vector>

namespace tongxin::dictionaries {

// One entry: `code` is what records store; the names are what people read.
struct Entry {
    std::string dictionary, code, name_zh, name_en;
    int64_t sort_order = 0;
    bool active = true;    // offered for new records
    bool builtin = false;  // shipped with Tongxin (figures count by it): renamed or retired, never removed
};

struct EntryInput {
    std::string code;  // on create
    std::string name_zh, name_en;
    int64_t sort_order = 0;
    bool active = true;
};

// The dictionaries there are: volunteer_kinds, service_point_kinds, resident_tags.
const std::vector<std::string>& Names();

}  // namespace tongxin::dictionaries

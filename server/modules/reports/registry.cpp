#include "modules/reports/registry.hpp"

#include <stdexcept>

namespace tongxin::reports {

void KpiRecords::Add(const db::Row& row, std::string_view link_prefix) {
    boost::json::object item;
    const auto& names = row.ColumnNames();
    for (size_t i = 0; i < names.size(); ++i) {
        const db::Value& v = row.At(i);
        if (const auto* n = std::get_if<int64_t>(&v))
            item[names[i]] = *n;
        else if (const auto* d = std::get_if<double>(&v))
            item[names[i]] = *d;
        else if (const auto* t = std::get_if<std::string>(&v))
            item[names[i]] = *t;
        else
            item[names[i]] = nullptr;
    }
    if (!link_prefix.empty()) item["link"] = std::string(link_prefix) + std::to_string(row.Int("id"));
    items.push_back(std::move(item));
}

void Registry::Add(Indicator indicator) {
    if (indicator.records_permission.empty() || indicator.records_permission == "reports.read")
        throw std::logic_error("indicator " + indicator.id + " needs the permission its records need");
    indicators_.push_back(std::move(indicator));
}

const Indicator* Registry::Find(const std::string& id) const {
    for (const auto& i : indicators_)
        if (i.id == id) return &i;
    return nullptr;
}

}  // namespace tongxin::reports

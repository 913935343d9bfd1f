#include "modules/reports/registry.hpp"

#include <stdexcept>

namespace tongxin::reports {

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

#include "modules/charity/json.hpp"

#include <boost/json.hpp>

#include "core/http/json_fields.hpp"

namespace tongxin::charity {
namespace json = boost::json;
using http::OrNull;

json::object ToJson(const Project& p) {
    return {{"id", p.id},
            {"community_id", p.community_id},
            {"name", p.name},
            {"goal_fen", p.goal_fen},
            {"starts_on", p.starts_on},
            {"ends_on", OrNull(p.ends_on)},
            {"description", p.description},
            {"beneficiaries", p.beneficiaries},
            {"income_fen", p.income_fen},
            {"spent_fen", p.income_fen - p.balance_fen},
            {"balance_fen", p.balance_fen},
            {"progress", p.goal_fen > 0 ? static_cast<double>(p.income_fen) / static_cast<double>(p.goal_fen) : 0.0},
            {"last_disclosure", OrNull(p.last_disclosure)}};
}

json::object ToJson(const Donation& d) {
    return {{"id", d.id},
            {"community_id", d.community_id},
            {"receipt_no", d.receipt_no},
            {"donated_on", d.donated_on},
            {"channel", d.channel},
            {"form", d.form},
            {"amount_fen", d.amount_fen},
            {"goods", d.goods},
            {"valuation_basis", d.valuation_basis},
            {"donor_kind", d.donor_kind},
            {"donor_name", d.donor_name},
            {"publish_name", d.publish_name},
            {"epidemic", d.epidemic},
            {"project", OrNull(d.project)},
            {"transaction_id", d.transaction_id},
            {"reversed_by", OrNull(d.reversed_by)}};
}

json::object ToJson(const DonationPage& d) {
    json::array items;
    for (const Donation& x : d.page.items) items.push_back(ToJson(x));
    return {{"items", std::move(items)}, {"total", d.page.total}, {"total_fen", d.total_fen}};
}

json::object ToJson(const Disbursement& d) {
    return {{"id", d.id},
            {"community_id", d.community_id},
            {"project_id", d.project_id},
            {"project", d.project},
            {"form", d.form},
            {"amount_fen", d.amount_fen},
            {"beneficiary_kind", d.beneficiary_kind},
            {"beneficiary", OrNull(d.beneficiary)},
            {"purpose", d.purpose},
            {"evidence", d.evidence},
            {"status", d.status},
            {"requested_by", OrNull(d.requested_by)},
            {"first_approver", OrNull(d.first_approver)},
            {"second_approver", OrNull(d.second_approver)},
            {"paid_on", OrNull(d.paid_on)},
            {"transaction_id", OrNull(d.transaction_id)},
            {"mine", d.mine},
            {"approved_by_me", d.approved_by_me}};
}

json::object ToJson(const Ledger& l) {
    json::array items, accounts;
    for (const Transaction& t : l.transactions.items) {
        json::array entries;
        for (const Entry& e : t.entries) {
            entries.push_back({{"account", e.account}, {"account_kind", e.account_kind}, {"amount_fen", e.amount_fen}});
        }
        items.push_back({{"id", t.id},
                         {"kind", t.kind},
                         {"occurred_on", t.occurred_on},
                         {"memo", t.memo},
                         {"reverses_id", OrNull(t.reverses_id)},
                         {"reason", t.reason},
                         {"entries", std::move(entries)}});
    }
    for (const Account& a : l.accounts) {
        accounts.push_back({{"id", a.id}, {"kind", a.kind}, {"name", a.name}, {"balance_fen", a.balance_fen}});
    }
    return {{"items", std::move(items)}, {"total", l.transactions.total}, {"accounts", std::move(accounts)}};
}

json::object ToJson(const Disclosure& d) {
    json::array totals, projects, recent;
    for (const ChannelTotal& t : d.totals) {
        totals.push_back({{"year", t.year},
                          {"channel", t.channel},
                          {"form", t.form},
                          {"donations", t.donations},
                          {"amount_fen", t.amount_fen}});
    }
    for (const Project& p : d.projects) {
        projects.push_back({{"id", p.id},
                            {"name", p.name},
                            {"goal_fen", p.goal_fen},
                            {"starts_on", p.starts_on},
                            {"ends_on", OrNull(p.ends_on)},
                            {"income_fen", p.income_fen},
                            {"spent_fen", p.income_fen - p.balance_fen},
                            {"balance_fen", p.balance_fen}});
    }
    for (const PublicDonation& r : d.recent_donations) {
        recent.push_back({{"donated_on", r.donated_on},
                          {"donor", r.donor},
                          {"amount_fen", r.amount_fen},
                          {"form", r.form},
                          {"channel", r.channel},
                          {"project", OrNull(r.project)}});
    }
    return {{"place", d.place},
            {"totals", std::move(totals)},
            {"projects", std::move(projects)},
            {"recent_donations", std::move(recent)}};
}

json::object ToJson(const Reminder& r) {
    return {{"project_id", r.project_id},
            {"name", r.name},
            {"starts_on", r.starts_on},
            {"last_disclosure", OrNull(r.last_disclosure)}};
}

}  // namespace tongxin::charity

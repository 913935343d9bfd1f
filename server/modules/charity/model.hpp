#pragma once
// The care and relief fund's records and inputs: projects, donations, disbursements, the
// double-entry ledger, the public disclosure and the books check.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/page.hpp"

namespace tongxin::charity {

struct ProjectInput {
    int64_t community_id = 0;
    std::string name;
    int64_t goal_fen = 0;
    std::string starts_on;
    std::optional<std::string> ends_on;
    std::string description, beneficiaries;
};

struct DonationInput {
    int64_t community_id = 0;
    std::optional<int64_t> project_id;  // none: the general fund
    std::string channel, form;          // form: cash | in_kind
    int64_t amount_fen = 0;             // for goods, their valuation
    std::string goods, valuation_basis;
    std::string donor_kind;  // resident | organization | anonymous
    std::optional<int64_t> donor_resident_id;
    std::string donor_name;
    bool publish_name = false;
    bool epidemic = false;
    std::string donated_on;
};

struct DisbursementInput {
    int64_t project_id = 0;
    int64_t amount_fen = 0;
    std::string form = "cash";
    std::string beneficiary_kind;  // household | organization
    std::optional<int64_t> household_id, organization_id;
    std::string purpose, evidence;
};

struct Project {
    int64_t id = 0, community_id = 0;
    std::string name;
    int64_t goal_fen = 0;
    std::string starts_on;
    std::optional<std::string> ends_on;
    std::string description, beneficiaries;
    int64_t income_fen = 0, balance_fen = 0;  // spent = income - balance
    std::optional<std::string> last_disclosure;
};

struct Donation {
    int64_t id = 0, community_id = 0;
    std::string receipt_no, donated_on, channel, form;
    int64_t amount_fen = 0;
    std::string goods, valuation_basis, donor_kind, donor_name;  // no name for anonymous donors
    bool publish_name = false, epidemic = false;
    std::optional<std::string> project;
    int64_t transaction_id = 0;
    std::optional<int64_t> reversed_by;
};
struct DonationFilter {
    std::optional<int64_t> community, project, id;
    std::optional<int64_t> donor;  // a resident donor
    std::optional<int> year;
    db::PageSpan page;
};
// A page of donations with the sum of those that stand (not reversed) over every page.
struct DonationPage {
    db::Page<Donation> page;
    int64_t total_fen = 0;
};
struct Receipt {
    int64_t id = 0;
    std::string receipt_no;
};

struct Disbursement {
    int64_t id = 0, community_id = 0, project_id = 0;
    std::string project, form;
    int64_t amount_fen = 0;
    std::string beneficiary_kind;
    std::optional<std::string> beneficiary;  // the household's address or the organization's name
    std::string purpose, evidence, status;
    std::optional<std::string> requested_by, first_approver, second_approver, paid_on;
    std::optional<int64_t> transaction_id;
    bool mine = false, approved_by_me = false;  // the reader requested it / gave the first approval
};
struct DisbursementFilter {
    std::optional<int64_t> community, id;
    std::optional<std::string> status;
    db::PageSpan page;
};

struct Entry {
    std::string account, account_kind;
    int64_t amount_fen = 0;
};
struct Transaction {
    int64_t id = 0;
    std::string kind, occurred_on, memo;
    std::optional<int64_t> reverses_id;
    std::string reason;
    std::vector<Entry> entries;
};
struct Account {
    int64_t id = 0;
    std::string kind, name;
    int64_t balance_fen = 0;
};
struct Ledger {
    db::Page<Transaction> transactions;
    std::vector<Account> accounts;
};

struct ChannelTotal {
    std::string year, channel, form;
    int64_t donations = 0, amount_fen = 0;
};
struct PublicDonation {
    std::string donated_on, donor;  // the donor's name only with their consent
    int64_t amount_fen = 0;
    std::string form, channel;
    std::optional<std::string> project;
};
struct Disclosure {
    std::string place;
    std::vector<ChannelTotal> totals;
    std::vector<Project> projects;  // no descriptions or beneficiaries
    std::vector<PublicDonation> recent_donations;
};

struct Reminder {
    int64_t project_id = 0;
    std::string name, starts_on;
    std::optional<std::string> last_disclosure;
};

struct BooksReport {
    bool balanced = true;
    int64_t transactions = 0, entries = 0;
    std::vector<std::string> problems;
};

}  // namespace tongxin::charity

#pragma once
// The care and relief fund (公益慈善基金): a double-entry ledger in integer fen (see migration
// 0014 for the accounts), donations by channel with numbered receipts, projects with their
// goals, disbursements approved by two people other than the requester, reversals of any
// transaction with a reason, the public disclosure, and a check that the books balance.
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/db/database.hpp"

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

const std::vector<std::string>& Channels();

struct BooksReport {
    bool balanced = true;
    int64_t transactions = 0, entries = 0;
    std::vector<std::string> problems;
};

class CharityService {
  public:
    explicit CharityService(db::Database& db) : db_(db) {}

    boost::json::object Projects(const auth::Principal& p, std::optional<int64_t> community,
                                 std::optional<int64_t> id = std::nullopt);
    int64_t CreateProject(const auth::Principal& p, const ProjectInput& in, const audit::Actor& actor);

    boost::json::object Donations(const auth::Principal& p, std::optional<int64_t> community,
                                  std::optional<int64_t> project, std::optional<int> year, int64_t limit,
                                  int64_t offset, std::optional<int64_t> id = std::nullopt);
    boost::json::object RecordDonation(const auth::Principal& p, const DonationInput& in, const audit::Actor& actor);

    boost::json::object Disbursements(const auth::Principal& p, std::optional<int64_t> community,
                                      const std::optional<std::string>& status, int64_t limit, int64_t offset,
                                      std::optional<int64_t> id = std::nullopt);
    int64_t RequestDisbursement(const auth::Principal& p, const DisbursementInput& in, const audit::Actor& actor);
    // The first and the second approval; the requester never approves, nor one person twice.
    void Approve(const auth::Principal& p, int64_t id, const audit::Actor& actor);
    void Reject(const auth::Principal& p, int64_t id, const std::string& reason, const audit::Actor& actor);
    // Pays an approved disbursement out of its project: 409 insufficient_funds if the project
    // (or the cash or goods) cannot cover it, and nothing written.
    int64_t Pay(const auth::Principal& p, int64_t id, const std::string& paid_on, const audit::Actor& actor);

    // Reverses a donation or payment in full with a new transaction.
    int64_t Reverse(const auth::Principal& p, int64_t transaction_id, const std::string& reason,
                    const audit::Actor& actor);

    boost::json::object Ledger(const auth::Principal& p, std::optional<int64_t> community, int64_t limit,
                               int64_t offset);
    // Public: totals by year and channel, each project's income, spending and balance, recent
    // donations (a donor's name only with their consent), and no beneficiary's data.
    boost::json::object Disclosure(std::optional<int64_t> community, std::optional<int64_t> street);
    int64_t PublishDisclosure(const auth::Principal& p, int64_t project_id, const std::string& note,
                              const audit::Actor& actor);
    // Projects running over 6 months with no disclosure in the last 3 months, on `today`.
    boost::json::object Reminders(const auth::Principal& p, std::optional<int64_t> community, const std::string& today);

    static BooksReport CheckBooks(db::Connection& conn);
    // The same checks over the transactions and accounts of the caller's street or community
    // (403 for accounts scoped below a community).
    BooksReport CheckBooks(const auth::Principal& p);
    // .xlsx: every entry of the community's transactions; the disclosure's three tables.
    std::string ExportLedger(const auth::Principal& p, int64_t community, const std::string& lang,
                             const audit::Actor& actor);
    std::string ExportDisclosure(std::optional<int64_t> community, std::optional<int64_t> street,
                                 const std::string& lang);

    // Unchecked writers shared with the demo.
    static int64_t InsertProject(db::Connection& conn, int64_t street, const ProjectInput& in,
                                 std::optional<int64_t> by);
    static std::pair<int64_t, std::string> InsertDonation(db::Connection& conn, int64_t street, const DonationInput& in,
                                                          std::optional<int64_t> by);
    // Reverses a transaction in full (and the donation totals with it).
    static int64_t PostReversal(db::Connection& conn, int64_t transaction_id, const std::string& reason,
                                const std::string& on, std::optional<int64_t> by);
    static int64_t PostPayment(db::Connection& conn, int64_t disbursement_id, const std::string& paid_on,
                               std::optional<int64_t> by);

  private:
    db::Database& db_;
};

}  // namespace tongxin::charity

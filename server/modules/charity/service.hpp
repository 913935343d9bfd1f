#pragma once
// The care and relief fund (公益慈善基金): a double-entry ledger in integer fen (see migration
// 0014 for the accounts), donations by channel with numbered receipts, projects with their
// goals, disbursements approved by two people other than the requester, reversals of any
// transaction with a reason, the public disclosure, and a check that the books balance.
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/crypto/vault.hpp"
#include "core/db/database.hpp"
#include "core/io/sheet_import.hpp"
#include "modules/charity/model.hpp"

namespace tongxin::charity {

const std::vector<std::string>& Channels();

class ProjectService {
  public:
    explicit ProjectService(db::Database& db) : db_(db) {}
    std::vector<Project> Projects(const auth::Principal& p, std::optional<int64_t> community,
                                  std::optional<int64_t> id = std::nullopt);
    int64_t CreateProject(const auth::Principal& p, const ProjectInput& in, const audit::Actor& actor);
    int64_t PublishDisclosure(const auth::Principal& p, int64_t project_id, const std::string& note,
                              const audit::Actor& actor);
    // Projects running over 6 months with no disclosure in the last 3 months, on `today`.
    std::vector<Reminder> Reminders(const auth::Principal& p, std::optional<int64_t> community,
                                    const std::string& today);
    // Unchecked writer shared with the demo and the generator.
    static int64_t InsertProject(db::Connection& conn, int64_t street, const ProjectInput& in,
                                 std::optional<int64_t> by);

  private:
    db::Database& db_;
};

class DonationService {
  public:
    explicit DonationService(db::Database& db) : db_(db) {}
    DonationPage Donations(const auth::Principal& p, const DonationFilter& f);
    Receipt RecordDonation(const auth::Principal& p, const DonationInput& in, const audit::Actor& actor);
    // Donations from a sheet for one community, each recorded (with its receipt number) as
    // RecordDonation would; all rows or none; without `commit` a dry run.
    io::ImportReport ImportDonations(const auth::Principal& p, const crypto::Vault& vault, int64_t community_id,
                                     std::string_view bytes, bool commit, const audit::Actor& actor);
    static std::string ImportTemplate();
    // Unchecked writer shared with the demo and the generator: the donation, its receipt
    // number, its transaction and the totals.
    static std::pair<int64_t, std::string> InsertDonation(db::Connection& conn, int64_t street, const DonationInput& in,
                                                          std::optional<int64_t> by);

  private:
    db::Database& db_;
};

class DisbursementService {
  public:
    explicit DisbursementService(db::Database& db) : db_(db) {}
    db::Page<Disbursement> Disbursements(const auth::Principal& p, const DisbursementFilter& f);
    int64_t RequestDisbursement(const auth::Principal& p, const DisbursementInput& in, const audit::Actor& actor);
    // The first and the second approval; the requester never approves, nor one person twice.
    void Approve(const auth::Principal& p, int64_t id, const audit::Actor& actor);
    void Reject(const auth::Principal& p, int64_t id, const std::string& reason, const audit::Actor& actor);
    // Pays an approved disbursement out of its project: 409 insufficient_funds if the project
    // (or the cash or goods) cannot cover it, and nothing written.
    int64_t Pay(const auth::Principal& p, int64_t id, const std::string& paid_on, const audit::Actor& actor);
    static int64_t PostPayment(db::Connection& conn, int64_t disbursement_id, const std::string& paid_on,
                               std::optional<int64_t> by);

  private:
    db::Database& db_;
};

class LedgerService {
  public:
    explicit LedgerService(db::Database& db) : db_(db) {}
    // Reverses a donation or payment in full with a new transaction.
    int64_t Reverse(const auth::Principal& p, int64_t transaction_id, const std::string& reason,
                    const audit::Actor& actor);
    charity::Ledger Ledger(const auth::Principal& p, std::optional<int64_t> community, db::PageSpan page);
    static BooksReport CheckBooks(db::Connection& conn);
    // The same checks over the transactions and accounts of the caller's street or community
    // (403 for accounts scoped below a community).
    BooksReport CheckBooks(const auth::Principal& p);
    // .xlsx: every entry of the community's transactions (audited).
    std::string ExportLedger(const auth::Principal& p, int64_t community, const std::string& lang,
                             const audit::Actor& actor);
    // Reverses a transaction in full (and the donation totals with it).
    static int64_t PostReversal(db::Connection& conn, int64_t transaction_id, const std::string& reason,
                                const std::string& on, std::optional<int64_t> by);

  private:
    db::Database& db_;
};

class DisclosureService {
  public:
    explicit DisclosureService(db::Database& db) : db_(db) {}
    // Public: totals by year and channel, each project's income, spending and balance, recent
    // donations (a donor's name only with their consent), and no beneficiary's data.
    charity::Disclosure Disclosure(std::optional<int64_t> community, std::optional<int64_t> street);
    // The disclosure's three tables as .xlsx.
    std::string ExportDisclosure(std::optional<int64_t> community, std::optional<int64_t> street,
                                 const std::string& lang);

  private:
    db::Database& db_;
};

// The fund's services, one per capability, as the module's routes use them.
struct Fund {
    explicit Fund(db::Database& db) : projects(db), donations(db), disbursements(db), ledger(db), disclosure(db) {}
    ProjectService projects;
    DonationService donations;
    DisbursementService disbursements;
    LedgerService ledger;
    DisclosureService disclosure;
};

}  // namespace tongxin::charity

#pragma once
// Residents: the registry of people. Sensitive numbers are encrypted with a keyed hash for
// lookup; phones and ID numbers are shown masked unless the role may see them, and every
// unmasked read is audited. Records are never deleted: people move out.
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/crypto/vault.hpp"
#include "core/db/database.hpp"
#include "core/error/app_error.hpp"
#include "core/io/sheet_import.hpp"

namespace tongxin::residents {

struct ResidentInput {
    std::string name;
    std::string gender;  // M | F (男/女 accepted)
    std::optional<std::string> birth_date;
    std::string ethnicity;         // GB/T 3304 code (name accepted)
    std::string political_status;  // GB/T 4762 code (name accepted); default 13
    std::optional<int64_t> household_id;
    std::string relation;  // head | spouse | child | ...
    std::optional<std::string> id_number;
    std::optional<std::string> phone;
    std::optional<std::string> moved_in;
    std::string note;
    std::vector<std::string> tags;
    // On update: false keeps the stored number (clients never hold the decrypted value).
    bool id_number_given = true;
    bool phone_given = true;
};

// Normalises codes and checks every field; reasons go to `errors` under the field names.
void Validate(ResidentInput& in, FieldErrors& errors);

// The resident a row of another module's import means, among the current residents of one
// community in the caller's scope: by ID number when the row has one, else by name, which must
// then be unique there. Without a match, `field` (id_number or name) and `code` say why:
// invalid_id_number, unknown_resident, ambiguous_resident.
struct ResidentMatch {
    std::optional<int64_t> id;
    std::string field, code;
};
ResidentMatch MatchResident(db::Connection& conn, const auth::Principal& p, const crypto::Vault& vault,
                            int64_t community_id, const std::string& name, const std::string& id_number);

struct Resident {
    int64_t id = 0;
    std::string name, pinyin, gender;
    std::optional<std::string> birth_date;
    std::string ethnicity, political_status;
    std::optional<int64_t> household_id;
    std::string household_address;
    std::string relation;
    std::string id_masked, phone_masked;
    std::optional<std::string> moved_in, moved_out;
    std::string note;
    int64_t street_id = 0, community_id = 0;
    std::optional<int64_t> grid_id, building_id;
    std::vector<std::string> tags;
};

// Decrypted numbers, for the few roles that may read them (the read is audited).
struct Contact {
    int64_t id = 0;
    std::optional<std::string> id_number, phone;
};

struct SearchFilter {
    std::string q;
    std::optional<int64_t> community_id, grid_id, building_id, household_id, street_id;
    std::optional<std::string> ethnicity;
    bool minority_only = false;
    std::optional<std::string> political_status;
    std::optional<std::string> tag;
    std::string status = "active";  // active | moved_out | all
    int64_t limit = 20;
    int64_t offset = 0;
};

struct SearchResult {
    std::vector<Resident> items;
    int64_t total = 0;                  // exact, or a lower bound when total_is_lower_bound
    bool total_is_lower_bound = false;  // more matches than are counted: narrow the search
};

class ResidentService {
  public:
    ResidentService(db::Database& db, const crypto::Vault& vault) : db_(db), vault_(vault) {}

    SearchResult Search(const auth::Principal& p, const SearchFilter& f);
    Resident Get(const auth::Principal& p, int64_t id);
    // The signed-in resident's own record and the current members of their household (their
    // own data: any account linked to a resident reads it; 404 for accounts without one).
    struct OwnHousehold {
        Resident me;
        std::vector<Resident> members;
    };
    OwnHousehold Mine(const auth::Principal& p);
    int64_t Create(const auth::Principal& p, ResidentInput in, const audit::Actor& actor);
    void Update(const auth::Principal& p, int64_t id, ResidentInput in, const audit::Actor& actor);
    void MoveOut(const auth::Principal& p, int64_t id, const std::string& date, const std::string& reason,
                 const audit::Actor& actor);
    // Decrypted identity-card number and phone; the read is audited.
    Contact RevealContact(const auth::Principal& p, int64_t id, const audit::Actor& actor);

    // Inserts a validated resident into a household with no scope check (import, demo, gen).
    int64_t Insert(db::Connection& conn, const ResidentInput& in, int64_t street_id, int64_t community_id,
                   std::optional<int64_t> grid_id, std::optional<int64_t> building_id);
    // The same for many residents at once (import), in multi-row statements; returns their ids
    // in the order given. Call inside a write transaction.
    struct Placed {
        const ResidentInput* in;
        int64_t street_id, community_id;
        std::optional<int64_t> grid_id, building_id;
    };
    std::vector<int64_t> InsertMany(db::Connection& conn, const std::vector<Placed>& rows);

    using ImportIssue = io::ImportIssue;
    struct ImportReport {
        int rows = 0;
        int valid = 0;
        int imported = 0;
        int new_households = 0;  // rooms not yet registered, which the import creates
        std::vector<ImportIssue> errors;
        std::vector<ResidentInput> preview;
    };
    // Reads an .xlsx or .csv of residents for one community. Without `commit` it only checks;
    // with it, all rows are written in one transaction or none (422 listing the errors).
    ImportReport Import(const auth::Principal& p, int64_t community_id, std::string_view bytes, bool commit,
                        const audit::Actor& actor);
    // The sheet to fill in: the usual headers (required ones marked *) and an example row.
    static std::string ImportTemplate();
    // The filtered list as .xlsx; unmasked numbers only with `unmasked` (audited).
    std::string Export(const auth::Principal& p, SearchFilter f, bool unmasked, const std::string& lang,
                       const audit::Actor& actor);

    db::Database& db() { return db_; }
    const crypto::Vault& vault() const { return vault_; }

  private:
    std::optional<Resident> Find(db::Connection& conn, const auth::Principal& p, int64_t id);
    db::Database& db_;
    const crypto::Vault& vault_;
};

// Whether a resident's record belongs to the community (for other modules' membership checks).
bool LivesInCommunity(db::Connection& conn, int64_t resident_id, int64_t community_id);
// The community a resident-facing account belongs to: its resident record's, else its place's.
std::optional<int64_t> HomeCommunity(db::Connection& conn, const auth::Principal& p);
// What a resident-facing account may do for someone else (docs/security.md, "Acting for others").
enum class Acting {
    kSelf,   // own records only: points, hours, disputes, redemptions, check-in by scanning
    kProxy,  // bookings, sign-ups, cancellations, passes, mutual-aid requests: also a member of the
             // account's own household, and for a residents' group leader a resident of the group
             // (grid or building) they lead. Never a liaison's paired households or anyone else.
};
// The resident an action is for: the caller's own record (422 no_resident_record if none), or
// `resident_id` if `how` allows acting for them and they have not moved out; 422 otherwise.
// Staff acting at the desk do not come here: their services check the place scope themselves.
int64_t ActingFor(db::Connection& conn, const auth::Principal& p, std::optional<int64_t> resident_id, Acting how);
// At a desk (the caller holds `desk_permission`, e.g. shuttle.write): any resident inside the
// caller's place scope who has not moved out; for everyone else ActingFor(how). 422 otherwise.
int64_t ResidentForAction(db::Connection& conn, const auth::Principal& p, std::optional<int64_t> resident_id,
                          const std::string& desk_permission, Acting how);

}  // namespace tongxin::residents

#pragma once
// The volunteer line (志愿线). Activities of volunteer teams with sign-up, a waitlist that
// promotes in order, and check-in/out by QR code or by the organiser. Hours follow the rules for
// volunteer service records: the organiser records, the volunteer sees and may dispute, and a
// correction is a reversing entry with a reason and its author (volunteer_hours is append-only).
// Points come from recorded hours by per-kind rules and are spent on rewards; a balance never
// goes below zero (a CHECK on the cached balance, moved in the same transaction as the entry).
//
// Who may do what: `volunteer.write` (community workers, team leads) runs activities and the
// ledger within their community scope; `volunteer.self` (residents, group leaders) acts for
// their own resident record, and a group leader also for residents inside their place scope.
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/crypto/vault.hpp"
#include "core/db/database.hpp"
#include "core/io/sheet_import.hpp"
#include "modules/volunteer/model.hpp"

namespace tongxin::volunteer {

// Kinds of service (activities and hours records share them) are the `volunteer_kinds`
// dictionary: a new record takes an offered kind; an import accepts its code or its name.
inline constexpr const char* kKindDictionary = "volunteer_kinds";

// The regular volunteers of a community on `as_of` by its rule, as SQL selecting (resident_id,
// name, ethnicity, pinyin, minutes, activities) with its bound parameters; shared by the list
// and the indicators so that both count the same people.
struct RegularQuery {
    std::string sql;
    std::vector<db::Value> params;
    Settings settings;
};
RegularQuery RegularVolunteersSql(db::Connection& conn, int64_t community, const std::string& as_of,
                                  bool minority_only);

// Activities and their sign-ups: the waitlist, check-in and check-out, confirming hours.
class ActivityService {
  public:
    explicit ActivityService(db::Database& db) : db_(db) {}

    db::Page<volunteer::Activity> Activities(const auth::Principal& p, const ActivityFilter& f);
    volunteer::Activity Activity(const auth::Principal& p, int64_t id);
    int64_t CreateActivity(const auth::Principal& p, const ActivityInput& in, const audit::Actor& actor);
    void CancelActivity(const auth::Principal& p, int64_t id, const std::string& reason, const audit::Actor& actor);
    // The check-in link's QR code; only for organisers.
    std::string CheckinQr(const auth::Principal& p, int64_t id, const std::string& base_url);

    // Sign-ups. `resident_id` empty means the caller's own resident record.
    std::vector<SignupEntry> Signups(const auth::Principal& p, int64_t activity_id);
    Signup SignUp(const auth::Principal& p, int64_t activity_id, std::optional<int64_t> resident_id,
                  const audit::Actor& actor);
    SignupCancellation CancelSignup(const auth::Principal& p, int64_t activity_id, std::optional<int64_t> resident_id,
                                    const audit::Actor& actor);
    // Check-in or check-out ("in" / "out"): by the volunteer with the activity's code, or by an
    // organiser for any confirmed volunteer.
    CheckResult Check(const auth::Principal& p, int64_t activity_id, std::optional<int64_t> resident_id,
                      const std::optional<std::string>& code, const std::string& direction, const audit::Actor& actor);
    // Records the hours of checked-in volunteers (minutes from check-in to check-out within the
    // activity's time), or the minutes given per resident. A volunteer already recorded for the
    // activity is skipped.
    struct MinutesFor {
        int64_t resident_id;
        int64_t minutes;
    };
    HoursConfirmation ConfirmHours(const auth::Principal& p, int64_t activity_id, const std::vector<MinutesFor>& given,
                                   const audit::Actor& actor);

  private:
    db::Database& db_;
};

// The hours ledger: append-only records and reversals, disputes of records, the export.
class HoursLedger {
  public:
    explicit HoursLedger(db::Database& db) : db_(db) {}

    RecordPage Records(const auth::Principal& p, const RecordFilter& f);
    int64_t AddRecord(const auth::Principal& p, const RecordInput& in, const audit::Actor& actor);
    // Reverses a record in full; with `minutes`, records the corrected amount in its place.
    Correction Correct(const auth::Principal& p, int64_t hours_id, const std::string& reason,
                       std::optional<int64_t> minutes, const audit::Actor& actor);
    std::string ExportRecords(const auth::Principal& p, const RecordFilter& f, const std::string& lang,
                              const audit::Actor& actor);
    // Hours from a sheet (姓名, 身份证号, 服务日期, 时长（小时）, 服务类别, 服务内容) for one
    // community: each row recorded as AddRecord would, all rows or none; without `commit` a dry run.
    io::ImportReport ImportRecords(const auth::Principal& p, const crypto::Vault& vault, int64_t community_id,
                                   std::string_view bytes, bool commit, const audit::Actor& actor);
    static std::string ImportTemplate();

    int64_t Dispute(const auth::Principal& p, int64_t hours_id, const std::string& reason, const audit::Actor& actor);
    db::Page<volunteer::Dispute> Disputes(const auth::Principal& p, const DisputeFilter& f);
    // outcome: "corrected" (with minutes; 0 reverses the record) or "upheld".
    void ResolveDispute(const auth::Principal& p, int64_t dispute_id, const std::string& outcome,
                        const std::string& note, std::optional<int64_t> minutes, const audit::Actor& actor);

    // What other modules call (the shuttle's and mutual aid's volunteers, the demo): append a
    // record with its points (no scope checks), inside the caller's transaction.
    static int64_t AppendRecord(db::Connection& conn, const RecordInput& in, int64_t street_id, int64_t community_id,
                                std::optional<int64_t> recorded_by, const std::string& reason = "");
    // Reverses a record in full (hours, the points it earned, the monthly figures); 409 if it
    // was reversed before or its points are spent.
    static int64_t AppendReversal(db::Connection& conn, int64_t hours_id, const std::string& reason,
                                  std::optional<int64_t> recorded_by);

  private:
    db::Database& db_;
};

// Points and the rewards they are spent on.
class PointsService {
  public:
    explicit PointsService(db::Database& db) : db_(db) {}

    PointsStatement Points(const auth::Principal& p, std::optional<int64_t> resident_id, db::PageSpan page);
    std::vector<Reward> Rewards(const auth::Principal& p, std::optional<int64_t> community,
                                std::optional<int64_t> id = std::nullopt);
    int64_t CreateReward(const auth::Principal& p, int64_t community_id, const std::string& name,
                         const std::string& description, int64_t points, int64_t stock, const audit::Actor& actor);
    void RestockReward(const auth::Principal& p, int64_t reward_id, int64_t add, std::optional<bool> active,
                       const audit::Actor& actor);
    Redemption Redeem(const auth::Principal& p, int64_t reward_id, std::optional<int64_t> resident_id,
                      const audit::Actor& actor);
    // One unit of a reward for the resident's points: {redemption id, stock left}; 409
    // out_of_stock or insufficient_points, and nothing written.
    static std::pair<int64_t, int64_t> TakeReward(db::Connection& conn, int64_t reward_id, int64_t resident_id,
                                                  std::optional<int64_t> by);

  private:
    db::Database& db_;
};

// The community's rules, its regular volunteers (常态志愿者) by them, and a volunteer's own summary.
class RulesService {
  public:
    explicit RulesService(db::Database& db) : db_(db) {}

    Rules GetSettings(const auth::Principal& p, int64_t community);
    void SaveSettings(const auth::Principal& p, int64_t community, const Settings& s,
                      const std::vector<std::pair<std::string, int64_t>>& kind_points, const audit::Actor& actor);
    RegularList Regulars(const auth::Principal& p, int64_t community, const std::string& as_of, bool minority_only,
                         db::PageSpan page);
    // The caller's own summary: hours this year and in all, points, regular or not.
    MySummary Me(const auth::Principal& p);
    static Settings LoadSettings(db::Connection& conn, int64_t community);

  private:
    db::Database& db_;
};

// Volunteer service certificates (志愿服务证明).
class CertificateService {
  public:
    explicit CertificateService(db::Database& db) : db_(db) {}

    volunteer::Certificate IssueCertificate(const auth::Principal& p, int64_t resident_id, const std::string& from,
                                            const std::string& to, const audit::Actor& actor);
    volunteer::Certificate Certificate(const auth::Principal& p, int64_t id);
    db::Page<volunteer::Certificate> Certificates(const auth::Principal& p, const CertificateFilter& f);

  private:
    db::Database& db_;
};

// The volunteer line's services, one per capability, as the module's routes use them.
struct VolunteerLine {
    explicit VolunteerLine(db::Database& db) : activities(db), hours(db), points(db), rules(db), certificates(db) {}
    ActivityService activities;
    HoursLedger hours;
    PointsService points;
    RulesService rules;
    CertificateService certificates;
};

}  // namespace tongxin::volunteer

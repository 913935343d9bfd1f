#pragma once
// National code tables: ethnicity (GB/T 3304: 56 groups, 97 other, 98 foreign-born),
// political status (GB/T 4762), and the identity-card number (GB 11643) check.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tongxin::text {

struct Code {
    std::string code;
    std::string zh;
    std::string en;
};

const std::vector<Code>& Ethnicities();
const std::vector<Code>& PoliticalStatuses();
const std::vector<Code>& Relations();  // relation to the household head
const Code* FindCode(const std::vector<Code>& table, std::string_view code_or_label);
// The Chinese name of an ethnicity code ("04" -> "藏族"); the code itself if it names none.
std::string EthnicityName(const std::string& code);

// Ethnic minority: any of the 55 groups other than Han (01). Codes 97/98 are not counted.
bool IsMinority(std::string_view ethnicity_code);
// Party member (01) or probationary member (02).
bool IsPartyMember(std::string_view political_code);

struct IdCardInfo {
    std::string birth_date;  // YYYY-MM-DD
    char gender;             // 'M' or 'F'
};
// Validates an 18-character GB 11643 number: digits, a real birth date and the ISO 7064
// MOD 11-2 check character (X upper-cased by the caller or here). nullopt if invalid.
std::optional<IdCardInfo> ParseIdCard(std::string_view id);
// Computes the check character for the first 17 digits.
char IdCardCheckChar(std::string_view first17);

// Mainland mobile number: 11 digits starting with 1.
bool IsMobilePhone(std::string_view phone);

}  // namespace tongxin::text

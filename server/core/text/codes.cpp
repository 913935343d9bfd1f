#include "core/text/codes.hpp"

#include "core/time/clock.hpp"

namespace tongxin::text {

const std::vector<Code>& Ethnicities() {
    static const std::vector<Code> kAll = {
        {"01", "汉族", "Han"},          {"02", "蒙古族", "Mongol"},
        {"03", "回族", "Hui"},          {"04", "藏族", "Tibetan"},
        {"05", "维吾尔族", "Uyghur"},   {"06", "苗族", "Miao"},
        {"07", "彝族", "Yi"},           {"08", "壮族", "Zhuang"},
        {"09", "布依族", "Buyei"},      {"10", "朝鲜族", "Korean"},
        {"11", "满族", "Manchu"},       {"12", "侗族", "Dong"},
        {"13", "瑶族", "Yao"},          {"14", "白族", "Bai"},
        {"15", "土家族", "Tujia"},      {"16", "哈尼族", "Hani"},
        {"17", "哈萨克族", "Kazakh"},   {"18", "傣族", "Dai"},
        {"19", "黎族", "Li"},           {"20", "傈僳族", "Lisu"},
        {"21", "佤族", "Va"},           {"22", "畲族", "She"},
        {"23", "高山族", "Gaoshan"},    {"24", "拉祜族", "Lahu"},
        {"25", "水族", "Sui"},          {"26", "东乡族", "Dongxiang"},
        {"27", "纳西族", "Naxi"},       {"28", "景颇族", "Jingpo"},
        {"29", "柯尔克孜族", "Kirgiz"}, {"30", "土族", "Tu"},
        {"31", "达斡尔族", "Daur"},     {"32", "仫佬族", "Mulao"},
        {"33", "羌族", "Qiang"},        {"34", "布朗族", "Blang"},
        {"35", "撒拉族", "Salar"},      {"36", "毛南族", "Maonan"},
        {"37", "仡佬族", "Gelao"},      {"38", "锡伯族", "Xibe"},
        {"39", "阿昌族", "Achang"},     {"40", "普米族", "Pumi"},
        {"41", "塔吉克族", "Tajik"},    {"42", "怒族", "Nu"},
        {"43", "乌孜别克族", "Uzbek"},  {"44", "俄罗斯族", "Russian"},
        {"45", "鄂温克族", "Ewenki"},   {"46", "德昂族", "De'ang"},
        {"47", "保安族", "Bonan"},      {"48", "裕固族", "Yugur"},
        {"49", "京族", "Gin"},          {"50", "塔塔尔族", "Tatar"},
        {"51", "独龙族", "Derung"},     {"52", "鄂伦春族", "Oroqen"},
        {"53", "赫哲族", "Hezhen"},     {"54", "门巴族", "Monba"},
        {"55", "珞巴族", "Lhoba"},      {"56", "基诺族", "Jino"},
        {"97", "其他", "Other"},        {"98", "外国血统中国籍人士", "Foreign-born Chinese citizen"},
    };
    return kAll;
}

const std::vector<Code>& PoliticalStatuses() {
    static const std::vector<Code> kAll = {
        {"01", "中共党员", "CPC member"},    {"02", "中共预备党员", "CPC probationary member"},
        {"03", "共青团员", "CYL member"},    {"04", "民革党员", "RCCK member"},
        {"05", "民盟盟员", "CDL member"},    {"06", "民建会员", "CNDCA member"},
        {"07", "民进会员", "CAPD member"},   {"08", "农工党党员", "CPWDP member"},
        {"09", "致公党党员", "CZGP member"}, {"10", "九三学社社员", "Jiusan Society member"},
        {"11", "台盟盟员", "TDSL member"},   {"12", "无党派人士", "Non-partisan"},
        {"13", "群众", "Ordinary citizen"},
    };
    return kAll;
}

const std::vector<Code>& Relations() {
    static const std::vector<Code> kAll = {
        {"head", "户主", "Head of household"},
        {"spouse", "配偶", "Spouse"},
        {"child", "子女", "Child"},
        {"parent", "父母", "Parent"},
        {"grandchild", "孙子女", "Grandchild"},
        {"grandparent", "祖父母", "Grandparent"},
        {"sibling", "兄弟姐妹", "Sibling"},
        {"other", "其他", "Other"},
    };
    return kAll;
}

std::string EthnicityName(const std::string& code) {
    const Code* c = FindCode(Ethnicities(), code);
    return c ? c->zh : code;
}

const Code* FindCode(const std::vector<Code>& table, std::string_view key) {
    for (const Code& c : table)
        if (c.code == key || c.zh == key || c.en == key) return &c;
    // "藏" for "藏族", "2" for "02".
    for (const Code& c : table) {
        if (!key.empty() && c.zh == std::string(key) + "族") return &c;
        if (key.size() == 1 && c.code == "0" + std::string(key)) return &c;
    }
    return nullptr;
}

bool IsMinority(std::string_view code) {
    if (code.size() != 2 || code == "01") return false;
    int n = (code[0] - '0') * 10 + (code[1] - '0');
    return n >= 2 && n <= 56;
}

bool IsPartyMember(std::string_view code) { return code == "01" || code == "02"; }

char IdCardCheckChar(std::string_view first17) {
    static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr char kChecks[] = "10X98765432";
    int sum = 0;
    for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
    return kChecks[sum % 11];
}

std::optional<IdCardInfo> ParseIdCard(std::string_view id) {
    if (id.size() != 18) return std::nullopt;
    for (int i = 0; i < 17; ++i)
        if (id[i] < '0' || id[i] > '9') return std::nullopt;
    char last = id[17] == 'x' ? 'X' : id[17];
    if (!((last >= '0' && last <= '9') || last == 'X')) return std::nullopt;
    if (IdCardCheckChar(id.substr(0, 17)) != last) return std::nullopt;
    std::string date =
        std::string(id.substr(6, 4)) + "-" + std::string(id.substr(10, 2)) + "-" + std::string(id.substr(12, 2));
    if (!time::IsValidDate(date)) return std::nullopt;
    return IdCardInfo{date, ((id[16] - '0') % 2 == 1) ? 'M' : 'F'};
}

bool IsMobilePhone(std::string_view phone) {
    if (phone.size() != 11 || phone[0] != '1') return false;
    for (char c : phone)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace tongxin::text

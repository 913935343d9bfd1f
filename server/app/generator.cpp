#include "app/generator.hpp"

#include <cstdio>

#include "core/text/codes.hpp"
#include "modules/places/service.hpp"

namespace tongxin::app {
namespace {

const std::vector<std::string> kHanSurnames = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",   "朱",   "胡",  "郭", "何",
    "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",   "彭",   "曾",  "肖", "田",
    "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",   "任",   "沈",  "姚", "卢",
    "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦",   "付",   "方",  "白", "邹",
    "孟", "熊", "秦", "邱", "江", "尹", "薛", "段", "雷", "侯", "龙", "史", "陶",   "黎",   "贺",  "顾", "毛",
    "郝", "龚", "邵", "万", "严", "武", "戴", "莫", "孔", "向", "汤", "单", "欧阳", "司马", "上官"};
const std::vector<std::string> kMaleChars = {"伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平",
                                             "辉", "鹏", "华", "飞", "波", "宇", "浩", "俊", "帆", "凯", "健", "峰",
                                             "建", "国", "志", "文", "博", "然", "晨", "轩", "睿", "泽", "川", "林"};
const std::vector<std::string> kFemaleChars = {"芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "玲", "燕", "婷",
                                               "雪", "慧", "琳", "颖", "倩", "洁", "佳", "欣", "怡", "梅", "兰", "萍",
                                               "红", "蓉", "瑶", "雨", "诗", "涵", "悦", "琪", "晴", "月", "琴", "云"};
const std::vector<std::string> kTibetanMale = {"扎西", "次仁", "顿珠", "格桑", "尼玛", "达瓦",
                                               "旦增", "平措", "多吉", "洛桑", "索朗", "丹增"};
const std::vector<std::string> kTibetanFemale = {"卓玛", "拉姆", "央金",     "德吉", "措姆", "白玛",
                                                 "曲珍", "次珍", "格桑梅朵", "仁增", "普布", "益西"};
const std::vector<std::string> kYiSurnames = {"阿苏", "吉克", "沙马", "阿说", "海来", "俄木",
                                              "马海", "曲比", "吉伍", "阿约", "勒格", "瓦其"};
const std::vector<std::string> kYiMale = {"日古", "木呷", "拉且", "尔布", "阿木", "伍各", "石哈", "克哈"};
const std::vector<std::string> kYiFemale = {"阿依", "阿呷", "阿果", "金花", "伍呷", "日嘎", "阿芝", "秋菊"};
const std::vector<std::string> kUyghurMale = {"艾力", "买买提", "阿不都", "吐尔逊", "伊力", "热合曼", "艾尔肯", "努尔"};
const std::vector<std::string> kUyghurFemale = {"阿依古丽", "古丽",     "帕提曼",   "热依拉",
                                                "迪丽",     "米娜瓦尔", "阿孜古丽", "祖丽"};
const std::vector<std::string> kMongolMale = {"巴特尔", "额尔敦", "那日苏", "苏和", "宝音", "朝鲁", "敖登", "巴图"};
const std::vector<std::string> kMongolFemale = {"其其格", "乌兰", "斯琴", "图雅", "萨仁", "娜仁", "塔娜", "高娃"};
const std::vector<std::string> kKoreanMale = {"哲洙", "永浩", "成民", "东植", "光日", "相宇"};
const std::vector<std::string> kKoreanFemale = {"英姬", "美善", "顺子", "贞淑", "恩惠", "秀贤"};

// Surnames common in groups that use Han-style names.
const std::vector<std::string>* SurnamesFor(const std::string& code) {
    static const std::vector<std::string> hui = {"马", "白", "哈", "纳", "沙", "丁", "穆", "海"};
    static const std::vector<std::string> qiang = {"王", "余", "杨", "何", "陈", "董", "龙", "孟"};
    static const std::vector<std::string> tujia = {"向", "田", "彭", "覃", "冉", "谭", "张", "黄"};
    static const std::vector<std::string> miao = {"龙", "吴", "石", "杨", "麻", "滕", "侯", "王"};
    static const std::vector<std::string> manchu = {"关", "佟", "那", "赵", "金", "富", "傅", "钮"};
    static const std::vector<std::string> zhuang = {"韦", "覃", "黄", "陆", "农", "蒙", "莫", "卢"};
    static const std::vector<std::string> bai = {"段", "杨", "赵", "李", "张", "尹", "字", "苏"};
    static const std::vector<std::string> naxi = {"和", "木", "杨", "李", "赵", "王"};
    static const std::vector<std::string> korean = {"金", "朴", "李", "崔", "郑", "姜"};
    if (code == "03") return &hui;
    if (code == "33") return &qiang;
    if (code == "15") return &tujia;
    if (code == "06") return &miao;
    if (code == "11") return &manchu;
    if (code == "08") return &zhuang;
    if (code == "14") return &bai;
    if (code == "27") return &naxi;
    if (code == "10") return &korean;
    return nullptr;
}

}  // namespace

std::string PeopleMaker::DrawEthnicity(const std::vector<EthnicShare>& shares) {
    double u = rng_.Unit();
    for (const auto& s : shares) {
        if (u < s.share) return s.code;
        u -= s.share;
    }
    return "01";
}

std::string PeopleMaker::Surname(const std::string& ethnicity) {
    if (ethnicity == "07") return rng_.Pick(kYiSurnames);
    if (const auto* pool = SurnamesFor(ethnicity)) return rng_.Pick(*pool);
    return rng_.Pick(kHanSurnames);
}

std::string PeopleMaker::Name(const std::string& eth, const std::string& surname, char gender) {
    bool male = gender == 'M';
    if (eth == "04") {
        const auto& pool = male ? kTibetanMale : kTibetanFemale;
        return rng_.Chance(0.5) ? rng_.Pick(pool) + rng_.Pick(pool) : rng_.Pick(kTibetanMale) + rng_.Pick(pool);
    }
    if (eth == "07") return surname + rng_.Pick(male ? kYiMale : kYiFemale);
    if (eth == "05") return rng_.Pick(male ? kUyghurMale : kUyghurFemale) + "·" + rng_.Pick(kUyghurMale);
    if (eth == "02") return rng_.Pick(male ? kMongolMale : kMongolFemale);
    if (eth == "10" && rng_.Chance(0.7)) return surname + rng_.Pick(male ? kKoreanMale : kKoreanFemale);
    const auto& chars = male ? kMaleChars : kFemaleChars;
    std::string given = rng_.Pick(chars);
    if (rng_.Chance(0.65)) given += rng_.Pick(chars);
    return surname + given;
}

std::string PeopleMaker::BirthDate(int min_age, int max_age, int ref_year) {
    int year = ref_year - rng_.Uniform(min_age, max_age);
    int month = rng_.Uniform(1, 12);
    int day = rng_.Uniform(1, 28);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::string PeopleMaker::IdNumber(const std::string& birth_date, char gender) {
    // Region 510116 (synthetic use), birth date, a sequence unique within this maker, gender digit.
    uint64_t seq = id_sequence_++;
    int order = static_cast<int>(seq % 500) * 2 + (gender == 'M' ? 1 : 0);
    std::string region = "51" + std::to_string(1000 + static_cast<int>((seq / 500) % 9000)).substr(0, 4);
    char buf[24];
    std::snprintf(buf, sizeof buf, "%s%s%s%s%03d", region.c_str(), birth_date.substr(0, 4).c_str(),
                  birth_date.substr(5, 2).c_str(), birth_date.substr(8, 2).c_str(), order % 1000);
    std::string first17 = buf;
    return first17 + text::IdCardCheckChar(first17);
}

std::string PeopleMaker::Phone() {
    static const std::vector<std::string> kPrefixes = {"130", "131", "133", "135", "136", "137", "138",
                                                       "139", "150", "151", "155", "158", "159", "177",
                                                       "180", "186", "187", "189", "199"};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s%08d", rng_.Pick(kPrefixes).c_str(), rng_.Uniform(0, 99999999));
    return buf;
}

GeneratedCommunity GenerateCommunity(db::Connection& conn, residents::ResidentService& svc, PeopleMaker& people,
                                     int64_t street_id, const CommunitySpec& spec) {
    Rng& rng = people.rng();
    GeneratedCommunity out;
    out.id = places::InsertPlace(conn, {"community", street_id, spec.name, "", "", spec.lat, spec.lng});
    std::vector<places::Place> buildings;
    for (size_t g = 0; g < spec.compounds.size(); ++g) {
        const std::string& compound = spec.compounds[g];
        int64_t grid =
            places::InsertPlace(conn, {"grid", out.id, "第" + std::to_string(g + 1) + "网格（" + compound + "）", "",
                                       compound, std::nullopt, std::nullopt});
        out.grids.push_back(grid);
        double compound_lat = spec.lat + (static_cast<int>(g) - 1) * 0.0035;
        int64_t compound_id =
            places::InsertCompound(conn, street_id, {out.id, compound, "", compound_lat, spec.lng - 0.003});
        for (int b = 1; b <= spec.buildings_per_compound; ++b) {
            double lat = compound_lat + rng.Uniform(-8, 8) * 0.0002;
            double lng = spec.lng + (b - 3) * 0.0012 + rng.Uniform(-8, 8) * 0.0002;
            // 18 floors of 3 units with 4 rooms each (the rooms drawn below).
            places::PlaceInput in{"building", grid, compound + std::to_string(b) + "栋", "", "", lat, lng, compound_id,
                                  18,         3};
            int64_t id = places::InsertPlace(conn, in);
            out.buildings.push_back(id);
            places::Place p;
            p.id = id;
            p.kind = "building";
            p.name = in.name;
            p.street_id = street_id;
            p.community_id = out.id;
            p.grid_id = grid;
            buildings.push_back(p);
        }
    }
    int made = 0;
    size_t next_building = 0;
    std::vector<int> rooms_used(buildings.size(), 0);
    while (made < spec.residents) {
        size_t bi = next_building++ % buildings.size();
        const places::Place& building = buildings[bi];
        int k = rooms_used[bi]++;
        std::string unit = std::to_string(1 + (k / 72) % 3);
        std::string room = std::to_string((1 + (k / 4) % 18) * 100 + k % 4 + 1);
        places::Household h = places::FindOrCreateHousehold(conn, building, unit, room);
        std::string eth = people.DrawEthnicity(spec.minorities);
        std::string surname = people.Surname(eth);
        int size = std::min(spec.residents - made, rng.Uniform(1, 5));
        std::string moved_in = people.BirthDate(0, 20, 2021);
        for (int i = 0; i < size; ++i) {
            residents::ResidentInput in;
            char gender = (i == 1) ? 'F' : (rng.Chance(0.5) ? 'M' : 'F');
            std::string member_eth = (i == 1 && rng.Chance(0.15)) ? people.DrawEthnicity(spec.minorities) : eth;
            std::string member_surname = i == 1 ? people.Surname(member_eth) : surname;
            in.name = people.Name(member_eth, member_surname, gender);
            in.gender = std::string(1, gender);
            in.ethnicity = member_eth;
            in.relation = i == 0 ? "head" : i == 1 ? "spouse" : (rng.Chance(0.8) ? "child" : "parent");
            int min_age = i < 2 ? 24 : 1, max_age = i < 2 ? 85 : 30;
            if (in.relation == "parent") min_age = 60, max_age = 92;
            in.birth_date = people.BirthDate(min_age, max_age);
            in.id_number = people.IdNumber(*in.birth_date, gender);
            int age = 2021 - std::stoi(in.birth_date->substr(0, 4));
            if (age >= 16 && rng.Chance(0.85)) in.phone = people.Phone();
            in.political_status = age >= 18 && rng.Chance(0.06)               ? "01"
                                  : age >= 14 && age <= 28 && rng.Chance(0.4) ? "03"
                                                                              : "13";
            in.household_id = h.id;
            in.moved_in = moved_in;
            if (age >= 70 && size == 1) in.tags.push_back("独居老人");
            if (rng.Chance(0.02)) in.tags.push_back("残疾人");
            if (rng.Chance(0.03)) in.tags.push_back("低保户");
            if (age >= 60) in.tags.push_back("老年人");
            out.residents.push_back(svc.Insert(conn, in, street_id, out.id, building.grid_id, building.id));
            ++made;
        }
    }
    return out;
}

}  // namespace tongxin::app

#include "core/error/messages.hpp"

#include <unordered_map>

namespace tongxin {
namespace {

struct Text {
    const char* zh;
    const char* en;
};

const std::unordered_map<std::string_view, Text>& Catalogue() {
    static const std::unordered_map<std::string_view, Text> kAll = {
        {"bad_request", {"请求格式不正确", "The request is malformed"}},
        {"malformed_json", {"请求内容不是有效的 JSON", "The request body is not valid JSON"}},
        {"json_object_expected", {"请求内容应为 JSON 对象", "The request body must be a JSON object"}},
        {"bad_query_parameter", {"查询参数不正确", "A query parameter is invalid"}},
        {"unauthorized", {"请先登录", "Please log in"}},
        {"session_expired", {"登录已过期，请重新登录", "Your session has expired; please log in again"}},
        {"invalid_credentials", {"用户名或密码错误", "Wrong username or password"}},
        {"account_locked", {"登录失败次数过多，请稍后再试", "Too many failed logins; please try again later"}},
        {"csrf_failed", {"安全校验失败，请刷新页面后重试", "Security check failed; reload the page and retry"}},
        {"forbidden", {"您没有执行此操作的权限", "You do not have permission to do this"}},
        {"not_found", {"记录不存在", "Not found"}},
        {"route_not_found", {"接口不存在", "No such endpoint"}},
        {"method_not_allowed", {"不支持此请求方法", "Method not allowed"}},
        {"conflict", {"与现有记录冲突", "Conflicts with an existing record"}},
        {"duplicate_id_number", {"该身份证号已登记", "This identity-card number is already registered"}},
        {"duplicate_username", {"用户名已存在", "This username is taken"}},
        {"duplicate_name", {"同级下已有同名记录", "A sibling with this name already exists"}},
        {"already_moved_out", {"该居民已迁出", "This resident has already moved out"}},
        {"payload_too_large", {"提交的内容过大", "The request body is too large"}},
        {"validation_failed", {"填写的内容有误，请检查标出的字段", "Some fields are invalid"}},
        {"import_has_errors",
         {"导入文件有错误，未写入任何数据，请按错误报告修改后重试",
          "The file has errors; nothing was imported. Fix the listed rows and retry"}},
        {"import_unreadable",
         {"无法读取该文件，请上传 .xlsx 或 .csv 文件", "The file cannot be read; upload an .xlsx or .csv file"}},
        {"too_many_requests", {"请求过于频繁，请稍后再试", "Too many requests; please retry later"}},
        {"unavailable", {"系统繁忙，请稍后再试", "The service is busy; please retry shortly"}},
        {"internal", {"系统内部错误，请联系管理员", "Internal error; please contact the administrator"}},
        {"wrong_password", {"当前密码不正确", "The current password is wrong"}},
        // Field reasons
        {"required", {"必填", "Required"}},
        {"wrong_type", {"类型不正确", "Wrong type"}},
        {"too_long", {"内容过长", "Too long"}},
        {"invalid_date", {"日期格式应为 YYYY-MM-DD", "Use the date format YYYY-MM-DD"}},
        {"invalid_id_number", {"身份证号码无效（位数或校验位不正确）", "Invalid identity-card number"}},
        {"id_birth_mismatch", {"出生日期与身份证号不一致", "Birth date does not match the identity-card number"}},
        {"id_gender_mismatch", {"性别与身份证号不一致", "Gender does not match the identity-card number"}},
        {"invalid_phone", {"手机号码应为 11 位数字", "A mobile number has 11 digits"}},
        {"invalid_gender", {"性别应为男或女", "Gender must be male or female"}},
        {"invalid_ethnicity", {"民族不在国家标准 GB/T 3304 中", "Not an ethnicity of GB/T 3304"}},
        {"invalid_political_status", {"政治面貌不在国家标准 GB/T 4762 中", "Not a status of GB/T 4762"}},
        {"invalid_relation", {"与户主关系无效", "Invalid relation to the household head"}},
        {"invalid_choice", {"取值无效", "Invalid value"}},
        {"unknown_place", {"地点不存在或不在您的管辖范围", "No such place in your scope"}},
        {"unknown_building", {"楼栋不存在", "No such building in this community"}},
        {"unknown_household", {"户不存在", "No such household"}},
        {"wrong_parent_kind", {"上级地点类型不正确", "The parent place is of the wrong kind"}},
        {"moved_out_before_in", {"迁出日期早于迁入日期", "Moved-out date is before the moved-in date"}},
        {"password_too_weak",
         {"密码至少 10 位，且包含大写字母、小写字母、数字、符号中的三类",
          "At least 10 characters with three of: upper case, lower case, digits, symbols"}},
        {"duplicate_in_file", {"文件中重复出现的身份证号", "Identity-card number repeated in the file"}},
        {"missing_column", {"缺少必需的列", "A required column is missing"}},
        {"invalid_number", {"应为数字", "Must be a number"}},
        {"out_of_range", {"超出允许范围", "Out of range"}},
        {"not_minority", {"该居民不是少数民族", "This resident is not of an ethnic minority"}},
        {"not_party_member", {"联络人须为本社区党员", "The liaison must be a party member of this community"}},
        {"other_community", {"联络人与居民不在同一社区", "The liaison lives in another community"}},
        {"already_paired", {"该居民已与此联络人结对", "Already paired with this liaison"}},
    };
    return kAll;
}

}  // namespace

std::string Message(std::string_view key, std::string_view lang) {
    const auto& all = Catalogue();
    auto it = all.find(key);
    if (it == all.end()) return std::string(key);
    return lang == "en" ? it->second.en : it->second.zh;
}

}  // namespace tongxin

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
        // Volunteer line
        {"no_resident_record",
         {"此账号未关联居民信息，请联系社区工作人员", "This account is not linked to a resident record"}},
        {"activity_cancelled", {"该活动已取消", "This activity has been cancelled"}},
        {"activity_finished", {"该活动已结束", "This activity has ended"}},
        {"activity_has_hours",
         {"该活动已记录服务时长，不能取消", "Hours are recorded for this activity; it cannot be cancelled"}},
        {"already_signed_up", {"已报名该活动", "Already signed up for this activity"}},
        {"cancel_deadline_passed",
         {"活动已开始，不能再取消报名", "The activity has started; sign-up can no longer be cancelled"}},
        {"already_checked_in", {"已签到，不能取消报名", "Already checked in; the sign-up cannot be cancelled"}},
        {"checkin_closed",
         {"不在签到时间内（活动前后 2 小时）", "Check-in is open from 2 hours before to 2 hours after the activity"}},
        {"not_confirmed", {"该志愿者未在本活动的确认名单中", "This volunteer is not confirmed for the activity"}},
        {"not_checked_in", {"尚未签到，不能签退", "Not checked in yet"}},
        {"not_a_record", {"只能更正原始服务记录", "Only an original record can be corrected"}},
        {"already_corrected", {"该记录已被冲正", "This record has already been reversed"}},
        {"points_already_spent",
         {"该记录所得积分已被兑换，请先处理兑换后再更正",
          "The points from this record have been spent; correct after settling the redemption"}},
        {"insufficient_points", {"积分不足", "Not enough points"}},
        {"out_of_stock", {"该奖品已兑完", "This reward is out of stock"}},
        {"dispute_open", {"该记录已有待处理的异议", "This record already has an open dispute"}},
        {"dispute_resolved", {"该异议已处理", "This dispute has been resolved"}},
        {"no_hours_in_period", {"该时段内没有志愿服务时长", "No volunteer hours in this period"}},
        {"not_a_volunteer_team", {"应为本社区的志愿者队伍", "Must be a volunteer team of the community"}},
        {"not_in_community", {"该居民不属于活动所在社区", "The resident does not live in the activity's community"}},
        {"ends_before_start", {"结束时间早于开始时间", "Ends before it starts"}},
        {"in_future", {"不能晚于今天", "Cannot be in the future"}},
        {"invalid_code", {"签到码无效，请重新扫码", "Invalid check-in code; scan again"}},
        {"aid_not_open", {"该互助需求已被对接或已结束", "This request or offer is no longer open"}},
        {"aid_not_matched", {"尚未对接帮助人，不能办结", "No helper is matched yet"}},
        {"self_help", {"帮助人不能是求助人本人", "The helper cannot be the person asking"}},
        {"insufficient_funds",
         {"项目或基金余额不足，未支出", "The project or fund cannot cover this; nothing was paid"}},
        {"fraction_of_fen", {"金额最小单位为分（最多两位小数）", "Amounts go down to the fen (two decimals)"}},
        {"negative_amount", {"金额必须大于零", "The amount must be above zero"}},
        {"amount_too_large", {"金额超过单笔上限（1 亿元）", "Above the limit for one amount (100 million yuan)"}},
        {"invalid_amount", {"金额格式不正确，如 1234.56", "Write the amount like 1234.56"}},
        {"not_awaiting_approval", {"该申请不在待审批状态", "This request is not awaiting approval"}},
        {"own_request", {"不能审批自己提出的申请", "You cannot approve your own request"}},
        {"already_approved_by_you",
         {"您已审批过，需由另一人完成第二次审批", "You approved it already; a second person must"}},
        {"not_approved", {"须经两人审批后才能支付", "Two approvals are needed before paying"}},
        {"not_reversible", {"冲正记录不能再冲正", "A reversal cannot be reversed"}},
        {"already_reversed", {"该笔已冲正", "Already reversed"}},
        {"case_closed", {"案件已结案归档，不能再修改", "The case is closed and archived; it cannot be changed"}},
        {"not_a_mediation", {"只有调解案件才有调解协议", "Only a mediation has an agreement"}},
        {"no_session_recorded", {"请先记录调解过程", "Record a mediation session first"}},
        {"agreement_exists", {"该案件已有调解协议", "This case already has an agreement"}},
        {"no_agreement", {"尚未达成调解协议", "There is no agreement yet"}},
        {"agreement_not_fulfilled",
         {"调解协议履行情况核实为已履行后，才能以调解成功结案",
          "A mediation closes as resolved only after its agreement is checked as fulfilled"}},
        {"not_case_staff", {"应为本社区权益中心的工作人员", "Must be staff of this community's rights centre"}},
        {"before_agreement", {"不能早于协议达成日期", "Cannot be before the agreement"}},
        {"before_registration", {"不能早于登记日期", "Cannot be before registration"}},
        {"booking_closed", {"已过预约截止时间或班次已结束", "Booking has closed for this trip"}},
        {"already_booked", {"该居民已预约本班次", "This resident already has a booking on this trip"}},
        {"not_eligible",
         {"不符合本次接驳的预约条件（年龄等）", "Not eligible for this shuttle (age or other conditions)"}},
        {"trip_closed", {"该班次已结束登车", "Boarding for this trip has closed"}},
        {"after_departure", {"预约截止时间不能晚于发车时间", "Booking must close before departure"}},
        {"invalid_datetime",
         {"时间格式应为 RFC 3339，如 2021-02-17T08:30:00+08:00", "Use RFC 3339, e.g. 2021-02-17T08:30:00+08:00"}},
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

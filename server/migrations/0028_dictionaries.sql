-- Dictionaries an administrator maintains: the kinds of volunteer activity, the kinds of
-- service point in the 15-minute circle, and the residents' tags offered when a record is
-- written. An entry's code is what records store and never changes; its names, order and
-- whether it is offered for new records do. Built-in entries (those figures count by) can be
-- renamed or retired but not removed — nothing is ever removed, so old records keep their names.
CREATE TABLE dictionary_entries (
    dictionary TEXT NOT NULL,
    code TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    sort_order BIGINT NOT NULL DEFAULT 0,
    active BIGINT NOT NULL DEFAULT 1,
    builtin BIGINT NOT NULL DEFAULT 0,
    updated_at BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (dictionary, code)
);
INSERT INTO dictionary_entries (dictionary, code, name_zh, name_en, sort_order, builtin) VALUES
    ('volunteer_kinds', 'ethnic_unity', '民族团结', 'Ethnic unity', 10, 1),
    ('volunteer_kinds', 'policy_promotion', '政策宣传', 'Policy promotion', 20, 1),
    ('volunteer_kinds', 'civility_persuasion', '文明劝导', 'Civility persuasion', 30, 1),
    ('volunteer_kinds', 'social_service', '社会服务', 'Social service', 40, 1),
    ('volunteer_kinds', 'mutual_aid', '邻里互助', 'Mutual aid', 50, 1),
    ('volunteer_kinds', 'epidemic_prevention', '疫情防控', 'Epidemic prevention', 60, 1),
    ('volunteer_kinds', 'culture', '文化服务', 'Culture', 70, 1),
    ('volunteer_kinds', 'other', '其他', 'Other', 990, 1),
    ('service_point_kinds', 'government', '党群政务', 'Government & party', 70, 1),
    ('service_point_kinds', 'culture', '文化活动', 'Culture', 40, 1),
    ('service_point_kinds', 'elderly_care', '养老照护', 'Elderly care', 10, 1),
    ('service_point_kinds', 'medical', '医疗卫生', 'Health', 20, 1),
    ('service_point_kinds', 'education', '教育托管', 'After-school', 30, 1),
    ('service_point_kinds', 'sports', '体育健身', 'Sports', 50, 1),
    ('service_point_kinds', 'convenience', '便民服务', 'Convenience', 60, 1),
    ('service_point_kinds', 'childcare', '婴幼儿托育', 'Childcare', 80, 1),
    ('resident_tags', '独居老人', '独居老人', 'Living alone (elderly)', 10, 1),
    ('resident_tags', '老年人', '老年人', 'Elderly', 20, 1),
    ('resident_tags', '残疾人', '残疾人', 'Disabled', 30, 1),
    ('resident_tags', '低保户', '低保户', 'Minimum living allowance', 40, 1),
    ('resident_tags', '困难家庭', '困难家庭', 'Family in hardship', 50, 1),
    ('resident_tags', '退役军人', '退役军人', 'Veteran', 60, 1);

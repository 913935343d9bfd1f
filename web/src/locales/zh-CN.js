export default {
  app: { name: '同心', subtitle: '社区民族工作平台', language: '语言', logout: '退出登录', account: '我的账号', menu: '菜单' },
  common: {
    search: '查询', reset: '重置', add: '新增', edit: '编辑', save: '保存', cancel: '取消', confirm: '确定', close: '关闭',
    export: '导出', import: '导入', detail: '详情', actions: '操作', total: '共 {n} 条', totalMore: '超过 {n} 条，请缩小查询范围', loading: '加载中…', none: '暂无数据',
    saved: '已保存', yes: '是', no: '否', back: '返回', next: '下一步', all: '全部', year: '年度', refresh: '刷新',
  },
  login: {
    title: '登录同心', username: '用户名', password: '密码', submit: '登录',
    hint: '演示账号：admin、angong、nanshan、liaison、mediator、treasurer、leader、resident、auditor',
  },
  nav: { dashboard: '工作概览', places: '地点与住户', residents: '居民名册', organizations: '组织与骨干', party: '党员线', users: '账号管理', audit: '审计日志', account: '我的账号' },
  places: {
    tree: '辖区', kind: { street: '街道', community: '社区', grid: '网格', building: '楼栋' }, name: '名称', code: '编码',
    address: '地址', lat: '纬度', lng: '经度', residents: '常住居民', addChild: '新增下级', households: '住户',
    unit: '单元', room: '门牌号', addHousehold: '新增住户', showResidents: '查看居民', choose: '请在左侧选择地点',
  },
  residents: {
    title: '居民名册', q: '姓名 / 拼音 / 首字母 / 身份证号 / 手机号', name: '姓名', gender: '性别', male: '男', female: '女',
    age: '年龄', birthDate: '出生日期', ethnicity: '民族', minority: '少数民族', politicalStatus: '政治面貌',
    address: '住址', relation: '与户主关系', idNumber: '身份证号', phone: '联系电话', movedIn: '迁入日期',
    movedOut: '迁出日期', tags: '标签', note: '备注', status: '状态', active: '在册', movedOutStatus: '已迁出',
    community: '社区', building: '楼栋', household: '住户', showContact: '查看完整号码', contactAudited: '查看完整号码会记入审计日志',
    moveOut: '迁出登记', moveOutDate: '迁出日期', moveOutReason: '原因', create: '登记居民', editTitle: '编辑居民信息',
  },
  import: {
    title: '批量导入居民', step1: '选择文件', step2: '检查', step3: '完成', community: '导入到社区',
    pick: '选择 .xlsx 或 .csv 文件', template: '表头使用：姓名、性别、民族、身份证号、联系电话、出生日期、政治面貌、楼栋、单元、门牌号、与户主关系、标签',
    check: '检查文件', rows: '共 {rows} 行，{valid} 行可导入，{errors} 处错误', errors: '错误报告', row: '行', column: '列',
    reason: '原因', preview: '预览（前 20 行）', commit: '确认导入', done: '已导入 {n} 名居民', fixFirst: '请先修正文件中的错误再导入：导入是全部成功或全部不写入',
  },
  reports: {
    title: '工作概览', byCommunity: '各社区对比', records: '数据明细', ethnicity: '民族构成', value: '数值', asOf: '截至 {date}',
    suppressed: '人数少于 5 的民族合并为「其他」', drill: '点击数字查看背后的记录',
  },
  account: {
    title: '我的账号', role: '角色', scope: '管辖范围', changePassword: '修改密码', current: '当前密码', next: '新密码',
    repeat: '再次输入新密码', mismatch: '两次输入的新密码不一致', policy: '至少 10 位，含大写、小写、数字、符号中的三类',
    sessions: '登录设备', started: '登录时间', lastSeen: '最近活动', addr: '地址', agent: '浏览器', current_: '当前',
    end: '下线', endOthers: '下线其他设备', changed: '密码已修改，其他设备已下线',
  },
  orgs: {
    title: '组织与骨干', kind: '类型', name: '名称', ethnicWork: '民族工作', members: '在任人数', founded: '成立日期', dissolved: '撤销日期',
    description: '简介', currentPosts: '现任成员', pastPosts: '历任（已卸任）', addPost: '增加成员 / 职务', post: '职务', backbone: '骨干',
    from: '起始日期', to: '终止日期', end: '卸任', reason: '原因',
  },
  party: {
    title: '党员线', coverage: '联络覆盖', pairings: '一对一结对', visits: '走访', study: '三会一课', asOf: '统计日期',
    minority: '少数民族居民', paired: '已结对', share: '覆盖率', byGrid: '按网格', unpaired: '未结对居民', pair: '结对', repair: '调整联络人',
    liaison: '联络党员', pairedN: '已联系 {n} 人', recordVisit: '记录走访', overdueDays: '超过天数未走访', overdue: '{n} 户结对家庭已超过 {days} 天未走访',
    lastVisit: '上次走访', date: '日期', kind: '方式', findings: '了解情况', needs: '诉求', followUp: '跟进', markDone: '标记已办结',
    kinds: { home: '入户走访', phone: '电话联系', group_assistance: '组团帮扶' }, status: { open: '跟进中', done: '已办结', none: '' },
    topic: '主题', ethnicPolicy: '民族政策', attendance: '出席', minutes: '会议记录',
    studyKinds: { branch_assembly: '支部党员大会', branch_committee: '支委会', group_meeting: '党小组会', party_lecture: '党课' },
  },
  users: { title: '账号管理', username: '用户名', displayName: '姓名', role: '角色', scopeKind: '范围类型', scopePlace: '范围地点', password: '初始密码', disabled: '停用', create: '新建账号' },
  audit: { title: '审计日志', at: '时间', user: '账号', action: '操作', object: '对象', outcome: '结果', success: '成功', failure: '失败', details: '内容', addr: '来源地址' },
};

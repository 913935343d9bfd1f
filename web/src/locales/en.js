export default {
  app: { name: 'Tongxin', subtitle: 'Community ethnic-unity work', language: 'Language', logout: 'Log out', account: 'My account', menu: 'Menu' },
  common: {
    search: 'Search', reset: 'Reset', add: 'Add', edit: 'Edit', save: 'Save', cancel: 'Cancel', confirm: 'OK', close: 'Close',
    export: 'Export', import: 'Import', detail: 'Details', actions: 'Actions', total: '{n} in all', totalMore: 'More than {n}: narrow the search', loading: 'Loading…', none: 'No data',
    saved: 'Saved', yes: 'Yes', no: 'No', back: 'Back', next: 'Next', all: 'All', year: 'Year', refresh: 'Refresh',
  },
  login: {
    title: 'Log in to Tongxin', username: 'Username', password: 'Password', submit: 'Log in',
    hint: 'Demo accounts: admin, angong, nanshan, liaison, mediator, treasurer, leader, resident, auditor',
  },
  nav: { dashboard: 'Overview', places: 'Places & households', residents: 'Residents', organizations: 'Organizations', party: 'Party line', users: 'Accounts', audit: 'Audit log', account: 'My account' },
  places: {
    tree: 'Area', kind: { street: 'Street', community: 'Community', grid: 'Grid', building: 'Building' }, name: 'Name', code: 'Code',
    address: 'Address', lat: 'Latitude', lng: 'Longitude', residents: 'Residents', addChild: 'Add below', households: 'Households',
    unit: 'Unit', room: 'Room', addHousehold: 'Add household', showResidents: 'Residents', choose: 'Choose a place on the left',
  },
  residents: {
    title: 'Residents', q: 'Name / pinyin / initials / ID number / phone', name: 'Name', gender: 'Gender', male: 'Male', female: 'Female',
    age: 'Age', birthDate: 'Birth date', ethnicity: 'Ethnicity', minority: 'Minorities', politicalStatus: 'Political status',
    address: 'Address', relation: 'Relation to head', idNumber: 'ID number', phone: 'Phone', movedIn: 'Moved in',
    movedOut: 'Moved out', tags: 'Tags', note: 'Note', status: 'Status', active: 'Living here', movedOutStatus: 'Moved out',
    community: 'Community', building: 'Building', household: 'Household', showContact: 'Show full numbers', contactAudited: 'Showing full numbers is recorded in the audit log',
    moveOut: 'Record moving out', moveOutDate: 'Date', moveOutReason: 'Reason', create: 'Register a resident', editTitle: 'Edit resident',
  },
  import: {
    title: 'Import residents', step1: 'File', step2: 'Check', step3: 'Done', community: 'Into community',
    pick: 'Choose an .xlsx or .csv file', template: 'Headers: 姓名, 性别, 民族, 身份证号, 联系电话, 出生日期, 政治面貌, 楼栋, 单元, 门牌号, 与户主关系, 标签',
    check: 'Check the file', rows: '{rows} rows, {valid} importable, {errors} errors', errors: 'Error report', row: 'Row', column: 'Column',
    reason: 'Reason', preview: 'Preview (first 20 rows)', commit: 'Import', done: '{n} residents imported', fixFirst: 'Fix the errors first: an import writes every row or none',
  },
  reports: {
    title: 'Overview', byCommunity: 'Communities compared', records: 'Records', ethnicity: 'Ethnic composition', value: 'Value', asOf: 'As of {date}',
    suppressed: 'Groups under 5 people are merged into "Other"', drill: 'Click a figure to see the records behind it',
  },
  account: {
    title: 'My account', role: 'Role', scope: 'Scope', changePassword: 'Change password', current: 'Current password', next: 'New password',
    repeat: 'Repeat new password', mismatch: 'The new passwords differ', policy: 'At least 10 characters with three of: upper, lower, digits, symbols',
    sessions: 'Signed-in devices', started: 'Signed in', lastSeen: 'Last active', addr: 'Address', agent: 'Browser', current_: 'This one',
    end: 'Sign out', endOthers: 'Sign out other devices', changed: 'Password changed; other devices signed out',
  },
  orgs: {
    title: 'Organizations', kind: 'Kind', name: 'Name', ethnicWork: 'Ethnic work', members: 'Current posts', founded: 'Founded', dissolved: 'Dissolved',
    description: 'Description', currentPosts: 'Current posts', pastPosts: 'Past posts', addPost: 'Add a member / post', post: 'Post', backbone: 'Backbone',
    from: 'From', to: 'To', end: 'End', reason: 'Reason',
  },
  party: {
    title: 'Party line', coverage: 'Coverage', pairings: 'Pairings', visits: 'Visits', study: 'Study sessions', asOf: 'As of',
    minority: 'Minority residents', paired: 'Paired', share: 'Coverage', byGrid: 'By grid', unpaired: 'Not paired', pair: 'Pair', repair: 'Change liaison',
    liaison: 'Liaison', pairedN: '{n} paired', recordVisit: 'Record a visit', overdueDays: 'Days without a visit', overdue: '{n} paired households not visited for {days} days',
    lastVisit: 'Last visit', date: 'Date', kind: 'Kind', findings: 'Findings', needs: 'Needs', followUp: 'Follow-up', markDone: 'Mark done',
    kinds: { home: 'Home visit', phone: 'Phone call', group_assistance: 'Group assistance' }, status: { open: 'Open', done: 'Done', none: '' },
    topic: 'Topic', ethnicPolicy: 'Ethnic policy', attendance: 'Attendance', minutes: 'Minutes',
    studyKinds: { branch_assembly: 'Branch assembly', branch_committee: 'Branch committee', group_meeting: 'Group meeting', party_lecture: 'Party lecture' },
  },
  users: { title: 'Accounts', username: 'Username', displayName: 'Name', role: 'Role', scopeKind: 'Scope kind', scopePlace: 'Scope place', password: 'Initial password', disabled: 'Disabled', create: 'New account' },
  audit: { title: 'Audit log', at: 'Time', user: 'Account', action: 'Action', object: 'Object', outcome: 'Outcome', success: 'Success', failure: 'Failure', details: 'Details', addr: 'From' },
};

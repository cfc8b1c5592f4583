import { createI18n } from 'vue-i18n'
import majorHazards from './locales/major-hazards'

// Every string the shell shows. Chinese first (the park's working language), English second.
export const messages = {
  'zh-CN': {
    app: { title: '化工园区安全风险智能化管控平台', short: '安全风险管控平台' },
    inbox: { title: '站内消息', unreadOnly: '只看未读', readPage: '本页全部标为已读', createdAt: '时间', subject: '消息', category: '类别', actions: '操作', new: '新', open: '查看', markRead: '标为已读' },
    nav: { home: '首页', system: '系统', modules: '功能模块', screen: '大屏', language: '语言' },
    user: { guest: '未登录', changePassword: '修改密码', logout: '退出登录', loggedOut: '已退出登录' },
    login: {
      title: '用户登录', username: '用户名', password: '密码', submit: '登录', submitting: '正在登录…',
      required: '请输入用户名和密码',
      bad: '用户名或密码错误（连续多次输错后账户将被临时锁定）。',
      locked: '账户已锁定：{detail}',
      tooMany: '登录尝试过于频繁，请在 {s} 秒后重试。',
      tooManyNoTime: '登录尝试过于频繁，请稍后重试。',
      failed: '登录失败（{status}）：{detail}',
      unreachable: '无法连接平台，请检查网络后重试。',
      expired: '登录已过期，请重新登录。',
      idle: '长时间未操作，已自动退出登录，请重新登录。',
      logout: '您已安全退出。',
      footer: '统一身份认证 · 长时间无操作将自动退出登录'
    },
    password: {
      title: '修改密码', forced: '首次登录或密码已过期：请先修改密码，然后才能使用平台。',
      current: '当前密码', next: '新密码', repeat: '确认新密码', submit: '修改密码', cancel: '返回',
      mismatch: '两次输入的新密码不一致', sameAsCurrent: '新密码不能与当前密码相同', required: '必填项',
      done: '密码已修改', policy: '密码规则', policyNote: '默认策略（以平台配置为准），由服务器最终校验。',
      ruleLength: '长度 {min}–{max} 个字符', ruleClasses: '至少包含以下 {n} 类：小写字母、大写字母、数字、符号',
      ruleUsername: '不能包含用户名', ruleHistory: '不能与最近 {n} 次使用过的密码相同',
      rule: { wrong: '当前密码不正确', minLength: '长度不足', maxLength: '过长', complexity: '复杂度不足', username: '包含用户名', history: '与近期密码重复', required: '必填项' }
    },
    health: { UP: '运行正常', DEGRADED: '部分降级', DOWN: '故障', UNKNOWN: '状态未知', title: '平台运行状态', unreachable: '无法连接平台' },
    live: { none: '未安装实时数据源', noneDetail: '实时监测数据与报警由后续模块提供，安装前不显示任何实时数值。' },
    common: {
      search: '搜索', reset: '重置', create: '新增', edit: '编辑', delete: '删除', view: '查看', save: '保存', cancel: '取消',
      actions: '操作', keyword: '关键字', total: '共 {n} 条', yes: '是', no: '否', all: '全部', loading: '加载中…',
      confirmDelete: '确定删除“{name}”吗？', deleted: '已删除', saved: '已保存', created: '已创建', conflict: '操作冲突',
      validation: '请修正标红的字段', error: '出错了', notFound: '页面不存在', back: '返回首页', refresh: '刷新', detail: '详情',
      close: '关闭', none: '无'
    },
    tm: {
      live: '实时监测', connected: '实时连接正常', disconnected: '实时连接中断（自动重连）', search: '点位编码 / 名称', onlyAlarm: '只看报警点位',
      count: '显示 {shown} / 共 {total} 个点位', quality: '质量', time: '更新', ago: '{s} 秒前', alarms: '报警', limits: '报警设定值', compare: '历史对比',
      alarmsTitle: '报警', current: '当前报警（{n}）', history: '历史报警', noAlarms: '当前没有报警', kind: '类型', priority: '级别', value: '值', limit: '设定值',
      raisedAt: '报警时间', clearedAt: '消除时间', stateLabel: '状态', ackBy: '确认人', ack: '确认', shelve: '搁置', unshelve: '取消搁置',
      reason: '原因', until: '搁置至', ackHint: '处置情况（可选）', shelveHint: '搁置原因（必填），如仪表检修', pointCodes: '点位编码，逗号分隔',
      state: { ACTIVE: '未确认', ACKNOWLEDGED: '已确认', CLEARED: '已消除', SHELVED: '已搁置' },
      historyTitle: '历史与对比', choosePoints: '选择点位（最多 20 个）', auto: '自动聚合', raw: '原始值', readings: '读数',
      sourcesTitle: '接入连接', sourcesHint: 'OPC UA / Modbus / MQTT 连接与设备的状态和配置', source: '数据源', protocol: '协议', endpoint: '地址',
      lastReading: '最近读数', newConnection: '选择连接类型…', onePerLine: '每行一项',
      src: { ONLINE: '在线', CONNECTING: '连接中', OFFLINE: '离线', DISABLED: '已停用' }
    },
    sec: {
      users: '用户管理', user: '用户', roles: '角色管理', role: '角色', organisations: '组织机构', organisation: '所属组织', audit: '安全审计',
      userSearch: '用户名 / 姓名', username: '用户名', displayName: '姓名', phone: '手机号', email: '电子邮箱', locale: '界面语言',
      enabled: '启用', state: '状态', active: '正常', disabled: '已停用', locked: '已锁定', mustChange: '需改密码', lastLogin: '最近登录',
      lock: '锁定', unlock: '解锁', resetPassword: '重置密码', confirmReset: '确定重置“{name}”的密码吗？该用户下次登录须修改密码。',
      temporaryPassword: '用户 {username} 的临时密码：{password}（仅显示这一次，请通过安全渠道告知本人，首次登录须修改）',
      initialPassword: '初始密码', generatedIfEmpty: '留空则自动生成临时密码',
      description: '说明', permissions: '权限', builtIn: '内置', patterns: '通配权限', patternsHint: '如 *、*:read、asset:*',
      rolesHint: '角色是权限的集合；权限由已安装的功能模块声明，安装新模块后这里会出现它的权限。',
      orgHint: '每个用户属于一个组织；企业用户只能看到本企业数据，第三方单位只能看到被授权企业的数据。',
      parent: '上级组织', enterprise: '对应企业', grantedTo: '授权企业',
      orgType: { PARK: '园区管委会', DEPARTMENT: '园区部门', ENTERPRISE: '企业', CONTRACTOR: '第三方单位', AUTHORITY: '上级主管部门' },
      auditHint: '只增不改的审计日志，哈希链防篡改', action: '操作', source: '来源地址', request: '请求', status: '状态码', time: '时间',
      from: '开始时间', to: '结束时间', verify: '校验哈希链', exportCsv: '导出 CSV',
      chainOk: '哈希链完整：已校验 {n} 条记录', chainBroken: '哈希链在第 {id} 条记录处断裂：{reason}'
    },
    home: { welcome: '欢迎使用', totals: '园区资产概况', quick: '快捷入口' },
    entity: {
      enterprises: '企业', units: '生产/储存单元', equipment: '设备设施', points: '监测点位', chemicals: '危险化学品', catalog: '禁限控目录', park: '园区'
    },
    field: {
      id: 'ID', code: '编码', name: '名称', creditCode: '统一社会信用代码', industry: '行业', legalRepresentative: '法定代表人',
      safetyContact: '安全负责人', phone: '联系电话', address: '地址', employees: '从业人数', enterpriseId: '所属企业',
      type: '类型', exposedPeople: '暴露人数', inventory: '存量', unitId: '所属单元', capacityM3: '容积(m³)',
      designPressureMPa: '设计压力(MPa)', designTemperatureC: '设计温度(℃)', equipmentId: '所属设备', unit: '计量单位',
      rangeLow: '量程下限', rangeHigh: '量程上限', ll: '低低报', l: '低报', h: '高报', hh: '高高报', gasChemicalId: '检测气体',
      cas: 'CAS号', nameZh: '中文名', nameEn: '英文名', unNumber: 'UN号', hazardCategory: '危险性类别', criticalQuantityT: '临界量(t)',
      keySupervised: '重点监管', category: '类别', subjectType: '对象类型', chemicalId: '化学品', reason: '理由', basis: '依据',
      layer: '图层', liveValue: '实时值'
    },
    enums: {
      unitType: { PRODUCTION: '生产单元', STORAGE: '储存单元' },
      equipmentType: { TANK: '储罐', REACTOR: '反应器', TOWER: '塔器', WAREHOUSE: '仓库', PIPE_RACK: '管廊', GATE: '卡口', PUMP: '泵', COMPRESSOR: '压缩机', HEAT_EXCHANGER: '换热器', OTHER: '其他' },
      pointType: { LEVEL: '液位', TEMPERATURE: '温度', PRESSURE: '压力', FLOW: '流量', COMBUSTIBLE_GAS: '可燃气体', TOXIC_GAS: '有毒气体', OXYGEN: '氧含量' },
      catalogCategory: { PROHIBITED: '禁止', RESTRICTED: '限制', CONTROLLED: '控制' },
      catalogSubject: { CHEMICAL: '化学品', PROCESS: '工艺/项目' },
      moduleKind: { BASIC: '基本', UPGRADE: '提升' }
    },
    map: { base: '底图', uploadBase: '上传底图', baseHint: '上传园区正射影像或总平面图（PNG/JPEG，不超过 20 MB），并给出它覆盖的范围（园区坐标，米）；底图显示在所有图层之下。',  alarmPoints: '报警点位 {n} 个', risk: { RED: '重大风险（红）', ORANGE: '较大风险（橙）', YELLOW: '一般风险（黄）', BLUE: '低风险（蓝）' }, 
      layers: '图层', park: '园区边界', features: '道路与设施', enterprises: '企业地块', units: '生产/储存单元', equipment: '设备设施', points: '监测点位',
      search: '按编码或名称搜索', measure: '测距', clearMeasure: '清除测量', measureHint: '单击开始，双击结束', openRecord: '打开档案',
      loaded: '已加载 {n} 个要素', noMatch: '没有匹配的要素', classification: '企业分类监管'
    },
    screen: { activeAlarms: '当前报警', noAlarms: '当前无报警', 
      title: '安全风险智能化管控大屏', enterprises: '企业', units: '生产/储存单元', equipment: '设备设施', points: '监测点位', chemicals: '危险化学品',
      byIndustry: '企业行业分布', byUnitType: '单元类型', byPointType: '监测点位类型', byEquipmentType: '设备类型', byEnterprise: '企业监测点位数',
      alarms: '实时报警', risk: '风险分布', riskPending: '风险分级模块未安装，暂无风险颜色', refreshed: '刷新于 {t}', exit: '退出大屏'
    },
    rules: { required: '必填项', pattern: '格式不正确', enum: '取值不在允许范围内', range: '超出允许范围', unique: '已存在相同值', reference: '引用的记录不存在', maxLength: '长度超出限制', order: '顺序不正确', min: '小于最小值', max: '大于最大值' },
    modules: {
      title: '功能模块', id: '模块ID', name: '名称', version: '版本', kind: '类型', state: '状态', requirements: '需求编号', bundle: 'Bundle',
      permissions: '权限', menu: '菜单', health: '健康', noUi: '该模块未提供前端界面组件，以下为模块信息。', uiError: '模块界面加载失败：{msg}',
      hint: '模块通过 Karaf 特性安装或卸载后，菜单会在数秒内自动更新。'
    }
  },
  en: {
    app: { title: 'Chemical Park Safety Risk Control Platform', short: 'Safety Risk Platform' },
    inbox: { title: 'Inbox', unreadOnly: 'Unread only', readPage: 'Mark this page read', createdAt: 'Time', subject: 'Message', category: 'Category', actions: 'Actions', new: 'new', open: 'Open', markRead: 'Mark read' },
    nav: { home: 'Home', system: 'System', modules: 'Modules', screen: 'Large screen', language: 'Language' },
    user: { guest: 'Not signed in', changePassword: 'Change password', logout: 'Sign out', loggedOut: 'Signed out' },
    login: {
      title: 'Sign in', username: 'Username', password: 'Password', submit: 'Sign in', submitting: 'Signing in…',
      required: 'Enter your username and password',
      bad: 'Wrong username or password (the account is locked for a while after repeated failures).',
      locked: 'Account locked: {detail}',
      tooMany: 'Too many sign-in attempts; try again in {s} s.',
      tooManyNoTime: 'Too many sign-in attempts; try again later.',
      failed: 'Sign-in failed ({status}): {detail}',
      unreachable: 'The platform cannot be reached; check the network and try again.',
      expired: 'Your session has expired; please sign in again.',
      idle: 'You were signed out after a long time without activity; please sign in again.',
      logout: 'You have signed out.',
      footer: 'Unified authentication · you are signed out after a long time without activity'
    },
    password: {
      title: 'Change password', forced: 'First sign-in or expired password: change your password before using the platform.',
      current: 'Current password', next: 'New password', repeat: 'Repeat new password', submit: 'Change password', cancel: 'Back',
      mismatch: 'The new passwords do not match', sameAsCurrent: 'The new password must differ from the current one', required: 'Required',
      done: 'Password changed', policy: 'Password rules', policyNote: 'Default policy (the platform configuration decides); checked by the server.',
      ruleLength: '{min}–{max} characters', ruleClasses: 'At least {n} of: lower case, upper case, digits, symbols',
      ruleUsername: 'Must not contain the username', ruleHistory: 'Must differ from your last {n} passwords',
      rule: { wrong: 'Wrong current password', minLength: 'Too short', maxLength: 'Too long', complexity: 'Too simple', username: 'Contains the username', history: 'Used recently', required: 'Required' }
    },
    health: { UP: 'Healthy', DEGRADED: 'Degraded', DOWN: 'Down', UNKNOWN: 'Unknown', title: 'Platform health', unreachable: 'Platform unreachable' },
    live: { none: 'No live data source installed', noneDetail: 'Live readings and alarms come from a later module; until one is installed no live values are shown.' },
    common: {
      search: 'Search', reset: 'Reset', create: 'New', edit: 'Edit', delete: 'Delete', view: 'View', save: 'Save', cancel: 'Cancel',
      actions: 'Actions', keyword: 'Keyword', total: '{n} in total', yes: 'Yes', no: 'No', all: 'All', loading: 'Loading…',
      confirmDelete: 'Delete “{name}”?', deleted: 'Deleted', saved: 'Saved', created: 'Created', conflict: 'Conflict',
      validation: 'Please correct the highlighted fields', error: 'Error', notFound: 'Page not found', back: 'Back to home', refresh: 'Refresh', detail: 'Details',
      close: 'Close', none: 'None'
    },
    tm: {
      live: 'Live values', connected: 'Live link up', disconnected: 'Live link down (reconnecting)', search: 'Point code / name', onlyAlarm: 'Points in alarm only',
      count: '{shown} of {total} points', quality: 'Quality', time: 'Updated', ago: '{s} s ago', alarms: 'Alarms', limits: 'Alarm limits', compare: 'Compare',
      alarmsTitle: 'Alarms', current: 'Current ({n})', history: 'History', noAlarms: 'No alarms now', kind: 'Kind', priority: 'Priority', value: 'Value', limit: 'Limit',
      raisedAt: 'Raised', clearedAt: 'Cleared', stateLabel: 'State', ackBy: 'Acknowledged by', ack: 'Acknowledge', shelve: 'Shelve', unshelve: 'Unshelve',
      reason: 'Reason', until: 'Shelve until', ackHint: 'What was done (optional)', shelveHint: 'Why (required), e.g. instrument maintenance', pointCodes: 'Point codes, comma-separated',
      state: { ACTIVE: 'Unacknowledged', ACKNOWLEDGED: 'Acknowledged', CLEARED: 'Cleared', SHELVED: 'Shelved' },
      historyTitle: 'History and comparison', choosePoints: 'Choose points (up to 20)', auto: 'Auto', raw: 'Raw', readings: 'Readings',
      sourcesTitle: 'Connections', sourcesHint: 'Status and configuration of OPC UA / Modbus / MQTT connections and devices', source: 'Source', protocol: 'Protocol', endpoint: 'Endpoint',
      lastReading: 'Last reading', newConnection: 'Connection type…', onePerLine: 'One per line',
      src: { ONLINE: 'Online', CONNECTING: 'Connecting', OFFLINE: 'Offline', DISABLED: 'Disabled' }
    },
    sec: {
      users: 'Users', user: 'User', roles: 'Roles', role: 'Role', organisations: 'Organisations', organisation: 'Organisation', audit: 'Audit log',
      userSearch: 'Username / name', username: 'Username', displayName: 'Name', phone: 'Mobile', email: 'E-mail', locale: 'Language',
      enabled: 'Enabled', state: 'State', active: 'Active', disabled: 'Disabled', locked: 'Locked', mustChange: 'Must change password', lastLogin: 'Last login',
      lock: 'Lock', unlock: 'Unlock', resetPassword: 'Reset password', confirmReset: 'Reset the password of "{name}"? The user must change it at the next login.',
      temporaryPassword: 'Temporary password of {username}: {password} (shown this once; pass it on over a safe channel; it must be changed at first login)',
      initialPassword: 'Initial password', generatedIfEmpty: 'Leave empty to generate a temporary password',
      description: 'Description', permissions: 'Permissions', builtIn: 'Built-in', patterns: 'Patterns', patternsHint: 'e.g. *, *:read, asset:*',
      rolesHint: 'A role is a set of permissions; installed modules declare them, so a new module\'s permissions appear here once it is installed.',
      orgHint: 'Every user belongs to one organisation; enterprise users see only their enterprise, contractors only the enterprises granted to them.',
      parent: 'Parent', enterprise: 'Enterprise', grantedTo: 'Granted enterprises',
      orgType: { PARK: 'Park administration', DEPARTMENT: 'Park department', ENTERPRISE: 'Enterprise', CONTRACTOR: 'Contractor', AUTHORITY: 'Higher authority' },
      auditHint: 'Append-only audit log, tamper-evident hash chain', action: 'Action', source: 'Source address', request: 'Request', status: 'Status', time: 'Time',
      from: 'From', to: 'To', verify: 'Verify hash chain', exportCsv: 'Export CSV',
      chainOk: 'Hash chain intact: {n} records checked', chainBroken: 'Hash chain broken at record {id}: {reason}'
    },
    home: { welcome: 'Welcome to', totals: 'Park assets', quick: 'Shortcuts' },
    entity: {
      enterprises: 'Enterprises', units: 'Units', equipment: 'Equipment', points: 'Monitoring points', chemicals: 'Chemicals', catalog: 'Prohibited/restricted/controlled catalog', park: 'Park'
    },
    field: {
      id: 'ID', code: 'Code', name: 'Name', creditCode: 'Unified social credit code', industry: 'Industry', legalRepresentative: 'Legal representative',
      safetyContact: 'Safety contact', phone: 'Phone', address: 'Address', employees: 'Employees', enterpriseId: 'Enterprise',
      type: 'Type', exposedPeople: 'Exposed people', inventory: 'Inventory', unitId: 'Unit', capacityM3: 'Capacity (m³)',
      designPressureMPa: 'Design pressure (MPa)', designTemperatureC: 'Design temperature (°C)', equipmentId: 'Equipment', unit: 'Unit of measure',
      rangeLow: 'Range low', rangeHigh: 'Range high', ll: 'LL', l: 'L', h: 'H', hh: 'HH', gasChemicalId: 'Gas detected',
      cas: 'CAS', nameZh: 'Chinese name', nameEn: 'English name', unNumber: 'UN number', hazardCategory: 'Hazard category', criticalQuantityT: 'Critical quantity (t)',
      keySupervised: 'Key supervised', category: 'Category', subjectType: 'Subject', chemicalId: 'Chemical', reason: 'Reason', basis: 'Basis',
      layer: 'Layer', liveValue: 'Live value'
    },
    enums: {
      unitType: { PRODUCTION: 'Production unit', STORAGE: 'Storage unit' },
      equipmentType: { TANK: 'Tank', REACTOR: 'Reactor', TOWER: 'Tower', WAREHOUSE: 'Warehouse', PIPE_RACK: 'Pipe rack', GATE: 'Gate', PUMP: 'Pump', COMPRESSOR: 'Compressor', HEAT_EXCHANGER: 'Heat exchanger', OTHER: 'Other' },
      pointType: { LEVEL: 'Level', TEMPERATURE: 'Temperature', PRESSURE: 'Pressure', FLOW: 'Flow', COMBUSTIBLE_GAS: 'Combustible gas', TOXIC_GAS: 'Toxic gas', OXYGEN: 'Oxygen' },
      catalogCategory: { PROHIBITED: 'Prohibited', RESTRICTED: 'Restricted', CONTROLLED: 'Controlled' },
      catalogSubject: { CHEMICAL: 'Chemical', PROCESS: 'Process / project' },
      moduleKind: { BASIC: 'Basic', UPGRADE: 'Upgrade' }
    },
    map: { base: 'Base layer', uploadBase: 'Upload base layer', baseHint: 'Upload an orthophoto or the master plan of the park (PNG/JPEG, at most 20 MB) with the extent it covers (park frame, metres); it is drawn under every layer.',  alarmPoints: '{n} points in alarm', risk: { RED: 'Major (red)', ORANGE: 'Considerable (orange)', YELLOW: 'Moderate (yellow)', BLUE: 'Low (blue)' }, 
      layers: 'Layers', park: 'Park boundary', features: 'Roads and facilities', enterprises: 'Enterprise plots', units: 'Units', equipment: 'Equipment', points: 'Monitoring points',
      search: 'Search by code or name', measure: 'Measure', clearMeasure: 'Clear', measureHint: 'Click to start, double-click to finish', openRecord: 'Open record',
      loaded: '{n} features loaded', noMatch: 'No matching feature', classification: 'Enterprise classes'
    },
    screen: { activeAlarms: 'Active alarms', noAlarms: 'No active alarms', 
      title: 'Safety Risk Control Screen', enterprises: 'Enterprises', units: 'Units', equipment: 'Equipment', points: 'Monitoring points', chemicals: 'Chemicals',
      byIndustry: 'Enterprises by industry', byUnitType: 'Units by type', byPointType: 'Points by type', byEquipmentType: 'Equipment by type', byEnterprise: 'Points per enterprise',
      alarms: 'Live alarms', risk: 'Risk', riskPending: 'Risk grading module not installed: no risk colours yet', refreshed: 'Refreshed {t}', exit: 'Exit'
    },
    rules: { required: 'Required', pattern: 'Wrong format', enum: 'Not an allowed value', range: 'Out of range', unique: 'Already exists', reference: 'Referenced record not found', maxLength: 'Too long', order: 'Wrong order', min: 'Below minimum', max: 'Above maximum' },
    modules: {
      title: 'Modules', id: 'Module ID', name: 'Name', version: 'Version', kind: 'Kind', state: 'State', requirements: 'Requirements', bundle: 'Bundle',
      permissions: 'Permissions', menu: 'Menu', health: 'Health', noUi: 'This module ships no UI part; here is what it declares.', uiError: 'The module UI failed to load: {msg}',
      hint: 'After a module feature is installed or uninstalled, the menu follows within seconds.'
    }
  }
}

/** Adds the messages of a page group (e.g. locales/major-hazards.js) to `messages`, merging shared sections such as `common`. */
export function mergeMessages(target, extra) {
  for (const [k, v] of Object.entries(extra)) {
    if (v && typeof v === 'object' && target[k] && typeof target[k] === 'object') mergeMessages(target[k], v)
    else target[k] = v
  }
  return target
}
mergeMessages(messages, majorHazards)

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('chempark.locale') : null

export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages
})

export function setLocale(locale) {
  i18n.global.locale.value = locale
  localStorage.setItem('chempark.locale', locale)
  document.documentElement.lang = locale
}

/** Picks the zh or en variant of a record field pair such as titleZh/titleEn. */
export function localized(obj, base) {
  if (!obj) return ''
  const zh = obj[base + 'Zh']
  const en = obj[base + 'En']
  return i18n.global.locale.value === 'en' ? (en || zh) : (zh || en)
}

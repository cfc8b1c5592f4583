// Strings of the major-hazard pages (issue 5): 包保责任, 风险四色, 预警处置, 评价报告与隐患, 企业分类监管.
// Chinese first, English second; names follow docs/glossary.md. Merged into the messages of i18n.js.

export default {
  'zh-CN': {
    fmt: { days: '{n} 天', hours: '{n} 小时', minutes: '{n} 分钟', left: '剩余 {d}', overdueBy: '已超时 {d}' },
    file: { name: '文件', size: '大小', uploaded: '上传', tooLarge: '文件超过 1 MB 上限' },
    risk: {
      title: '风险四色图', colour: { RED: '红', ORANGE: '橙', YELLOW: '黄', BLUE: '蓝' }, colourLabel: '风险等级',
      countOf: { enterprise: '企业', unit: '重大危险源' }, enterprises: '企业', hazardSources: '重大危险源', hazardSource: '危险源（单元）',
      grade: '分级', summary: '风险说明', computedAt: '计算时间', explain: '因素说明', noScores: '暂无风险评分',
      factors: '风险因素', factor: '因素', value: '数值', weightCap: '权重 / 上限', points: '得分', because: '依据',
      enterpriseLevel: '企业整体', history: '风险变化历史', previous: '此前', score: '风险分值',
      formula: '每类因素得分 = min(上限, 权重 × 数值)；危险源分值 = min(100, Σ 因素得分)；企业分值 = max(最高危险源分值, 企业整体因素得分)。权重和阈值为平台默认值，园区可配置。',
      recompute: '立即重新计算', recomputed: '已重新计算：{n} 项变化（{ms} ms）', configError: '最新的风险配置未生效（沿用上一版）：{msg}'
    },
    warn: {
      title: '预警处置', hint: '发送 → 核查 → 反馈 → 督办 → 关闭，逐步办理，每一步记录处理人、时间和意见',
      level: '预警级别', stateLabel: '状态', openOnly: '只看未关闭', titleLabel: '预警', nextStep: '下一步 / 时限', createdAt: '发布时间',
      closedAt: '关闭时间', source: '来源', stepDue: '本步截止', history: '办理记录', remark: '处理意见', optional: '（可选）',
      remarkRequired: '请填写处理意见', deadlines: '处置时限',
      deadlineNote: '各步时限自上一步完成起算；默认值为本平台设定，园区应按《预警信息处置管理办法》及省级细则配置。',
      versionNote: '提交时附带当前版本 v{v}：若他人已先处理，将提示冲突并刷新。',
      done: '已{step}',
      state: { SENT: '已发送', VERIFIED: '已核查', FEEDBACK: '已反馈', SUPERVISED: '已督办', CLOSED: '已关闭' },
      action: { VERIFY: '核查', FEEDBACK: '反馈', SUPERVISE: '督办', CLOSE: '关闭' },
      step: { SEND: '发送', VERIFY: '核查', FEEDBACK: '反馈', SUPERVISE: '督办', CLOSE: '关闭', UPGRADE: '级别升级', REMIND: '到期提醒', ESCALATE: '超时升级督办' },
      sourceKind: { RISK_MODEL: '风险模型', ALARM_RULE: '报警规则' },
      remarkHint: { VERIFY: '核查结论：现场情况、是否属实', FEEDBACK: '反馈处置情况和采取的措施', SUPERVISE: '督办意见和要求', CLOSE: '关闭说明（可选）' },
      why: { closed: '预警已关闭，无需继续处理。', park: '下一步“{step}”由园区办理。', permission: '您没有办理下一步“{step}”的权限。' }
    },
    duty: {
      title: '包保责任', hint: '重大危险源主要负责人、技术负责人、操作负责人履职情况（应急厅〔2021〕12号）',
      tasks: '履职任务', persons: '包保责任人', statistics: '履职统计',
      role: { PRINCIPAL: '主要负责人', TECHNICAL: '技术负责人', OPERATIONAL: '操作负责人' },
      taskStatus: { OPEN: '待履职', OVERDUE: '已逾期', DONE: '已完成' }, doneLate: '逾期完成',
      status: '状态', task: '任务', person: '责任人', period: '周期起', dueAt: '截止时间', record: '填报', viewRecord: '查看记录',
      recordTitle: '履职填报：{task}', item: '检查项', result: '结果', remark: '说明', summary: '总结',
      itemResult: { OK: '正常', ISSUE: '有问题', NOT_APPLICABLE: '不适用' },
      issueRemark: '请说明发现的问题', resultRequired: '请选择结果', evidence: '佐证材料', upload: '上传',
      evidenceHint: 'JPEG、PNG 或 PDF，每个不超过 1 MB（平台按文件内容校验）', evidenceType: '只能上传 JPEG、PNG 或 PDF',
      evidenceSize: '文件超过 1 MB 上限', evidenceEmpty: '文件为空', noFile: '未选择文件',
      evidenceFailed: '以下文件未能上传：{files}', recorded: '履职记录已保存', recordedBy: '填报人', recordedAt: '填报时间',
      personsHint: '每个重大危险源应明确三类包保责任人；履职任务按角色和周期自动生成。',
      notAssigned: '未明确', assign: '设置', endResponsibility: '解除', confirmEnd: '确定解除“{name}”的包保责任吗？已有履职记录保留。',
      name: '姓名', position: '职务', mobile: '手机号', mobileKeep: '请重新输入手机号（列表中已脱敏显示）',
      by: { enterprise: '按企业', person: '按责任人', role: '按角色', unit: '按危险源', grade: '按危险源分级' },
      stat: { tasks: '任务数', done: '已完成', doneLate: '逾期完成', overdue: '逾期未完成', open: '进行中', rate: '完成率',
        note: '完成率 = 已完成 / （任务数 − 进行中）；时间范围按任务周期起始日筛选。' }
    },
    rep: {
      title: '评价/评估报告', hint: '安全评价报告、SIL 等级评估报告电子化备案与查阅，到期提醒',
      searchHint: '标题、机构、结论（支持中文模糊查询）', fuzzy: '模糊', exact: '精确', score: '匹配度',
      type: '报告类型', types: { SAFETY_ASSESSMENT: '安全评价报告', SIL: 'SIL等级评估报告' },
      expiry: '有效状态', expiryState: { VALID: '有效', DUE: '即将到期', EXPIRED: '已过期', NO_EXPIRY: '无有效期' },
      daysLeft: '{n} 天', titleLabel: '报告名称', agency: '评价机构', issuedOn: '出具日期', validUntil: '有效期至',
      conclusions: '评价结论', files: '附件', file: '报告备案', filed: '报告已备案', filedBy: '备案人',
      fileHint: 'PDF、Word、Excel、图片或 ZIP，每个不超过 1 MB；保存时记录 SHA-256，下载前校验'
    },
    hd: {
      title: '问题隐患', hint: '重大危险源专项督导检查发现的隐患：问题录入、整改录入、整改反馈、验收录入（三录入）',
      list: '隐患', inspections: '专项督导检查', grade: '隐患等级', grades: { GENERAL: '一般隐患', MAJOR: '重大隐患' },
      status: '状态', statuses: { RECORDED: '已录入待整改', RECTIFYING: '整改中', SUBMITTED: '已反馈待验收', CLOSED: '已验收销号' },
      open: '未销号', overdueOnly: '只看超期', overdue: '超期', description: '问题描述', location: '部位', basis: '依据',
      foundOn: '发现日期', deadline: '整改期限', measures: '整改措施', responsible: '整改责任人', evidence: '整改佐证',
      entry: { problem: '问题录入', rectification: '整改录入', feedback: '整改反馈', acceptance: '验收录入' },
      action: { record: '问题录入', rectification: '整改录入', evidence: '上传佐证', feedback: '整改反馈', verification: '验收录入' },
      saveRectification: '保存整改计划', feedbackHint: '整改完成情况', submitFeedback: '提交整改反馈', needsEvidence: '请先上传至少一份整改佐证',
      noteHint: '验收意见（驳回时必填）', accept: '验收通过（销号）', reject: '驳回重新整改',
      inspection: '检查名称', inspectedOn: '检查日期', inspectors: '检查人员', notes: '备注', count: '未销号 / 隐患数',
      newInspection: '新建专项检查', showDangers: '查看隐患', filteredBy: '已筛选：{title}', recorded: '隐患已录入'
    },
    hz: {
      title: '重大危险源', hint: 'GB 18218-2018 辨识与分级；点击危险源查看其监测点位、实时数据、报警、趋势、位置和在线抽查',
      list: '重大危险源', search: '编码 / 名称', allUnits: '含非重大危险源单元', notMajor: '非重大危险源',
      grade: { 1: '一级', 2: '二级', 3: '三级', 4: '四级' },
      note: 'S ≥ 1 为重大危险源；R = α·Σβq/Q 决定分级（R ≥ 100 一级，50–100 二级，10–50 三级，< 10 四级）。风险颜色来自风险模型（已安装时）。',
      points: '监测点位', pointsCount: '{n} 个点位，{alarms} 个报警', noPoints: '该危险源没有监测点位', trend: '趋势',
      onMap: '位置', openMap: '在一张图中查看', noGeometry: '该单元没有地图图形'
    },
    spot: {
      title: '在线抽查', ofSource: '在线抽查记录', record: '在线抽查', save: '记录抽查', saved: '抽查已记录',
      count: '共 {n} 次抽查，异常 {abnormal} 次', checkedAt: '抽查时间', checkedBy: '抽查人', result: '抽查结论',
      results: { NORMAL: '正常', ABNORMAL: '异常' }, remark: '说明', remarkHint: '发现的情况（结论为异常时必填）',
      seen: '抽查时所见', seenText: '{points} 个点位（{values} 个有数值），{alarms} 个报警',
      snapshotNote: '当前显示 {n} 个点位、{alarms} 个报警。保存时平台记录抽查人、时间和当时的实时数据快照。',
      resultRequired: '请选择抽查结论', remarkRequired: '结论为异常时请说明发现的情况', remarkLength: '说明不能超过 2000 个字符'
    },
    det: {
      title: '报警设定值核查', hint: '可燃气体、有毒气体和氧气探测器的报警设定值按 GB/T 50493-2019《石油化工可燃气体和有毒气体检测报警设计标准》核查',
      summary: '共核查 {checked} 个探测器：{violating} 个不符合，{advisory} 个有建议项', showAll: '显示全部探测器',
      detector: '探测器（点位）', verdict: '结论', violation: '不符合', advisory: '建议', compliant: '符合', findings: '核查发现（规则 · 条款 · 说明）',
      rule: {
        COMBUSTIBLE_UNIT: '可燃气体探测器应以 %LEL 计量', COMBUSTIBLE_RANGE: '可燃气体测量范围应为 0–100 %LEL',
        COMBUSTIBLE_FIRST_LEVEL: '可燃气体一级报警设定值 ≤ 25 %LEL', COMBUSTIBLE_SECOND_LEVEL: '可燃气体二级报警设定值 ≤ 50 %LEL',
        TOXIC_UNIT: '有毒气体探测器应以 ppm 或 mg/m³ 计量', TOXIC_OEL_MISSING: '缺少职业接触限值（GBZ 2.1），无法按限值核查',
        TOXIC_RANGE: '有毒气体测量范围应为 0–300 % OEL（或 0–30 % IDLH）', TOXIC_FIRST_LEVEL: '有毒气体一级报警设定值 ≤ 100 % OEL（或 5 % IDLH）',
        TOXIC_SECOND_LEVEL: '有毒气体二级报警设定值 ≤ 200 % OEL（或 10 % IDLH）', OXYGEN_UNIT: '氧气探测器应以 %VOL 计量',
        OXYGEN_RANGE: '环境氧气测量范围宜为 0–25 %VOL', OXYGEN_LOW_ALARM: '缺氧报警设定值宜为 19.5 %VOL', OXYGEN_HIGH_ALARM: '富氧报警设定值宜为 23.5 %VOL',
        ALARM_ORDER: '一级报警设定值应低于二级报警设定值', SET_POINT_OUT_OF_RANGE: '报警设定值应在测量范围之内',
        SET_POINTS_MISSING: '未设置报警设定值', NOT_CHECKABLE: '无法核查'
      },
      note: '“不符合”违反标准“应/不得”条款；“建议”偏离“宜”条款或缺少核查所需数据。说明为平台核查程序的原文。修改设定值请打开点位档案。'
    },
    cls: {
      title: '企业分类监管', hint: '特别管控 / 重点关注 / 一般监管，按可配置规则综合承诺公告、实时监测、包保履职、三录入和评价报告',
      enterprises: '企业分类', rules: '分类规则', classLabel: '分类', class: { SPECIAL_CONTROL: '特别管控', KEY_ATTENTION: '重点关注', GENERAL: '一般监管' },
      rulesFired: '触发的规则', diagnosis: '风险诊断', citation: '依据', citationOf: '依据：{c}', noRuleFired: '未触发任何规则：一般监管。',
      notEvaluated: '无法评估的规则（没有模块提供该因素）', recompute: '立即重新分类', ruleId: '规则', condition: '条件',
      rulesHint: '任一特别管控规则触发 → 特别管控；否则任一规则触发 → 重点关注；否则一般监管。标注“园区设定”的阈值由园区确定。'
    },
    cmt: {
      title: '安全承诺公告', hint: '企业每日发布；{deadline}（北京时间）后发布记为迟报', day: '日期', onTime: '按时', late: '迟报', missing: '未报',
      missingList: '未报企业：{list}', lateOnly: '只看迟报', file: '发布承诺公告', submit: '签署并发布', filed: '承诺公告已发布',
      operatingState: '运行状态', state: { PRODUCTION: '正常生产', SHUTDOWN: '停产', START_UP: '开车', TRIAL_PRODUCTION: '试生产', TURNAROUND: '大检修' },
      units: '运行 / 停用装置', unitsRunning: '运行装置数', unitsStopped: '停用装置数', majorHazardSources: '重大危险源',
      controlled: '处于受控状态', uncontrolled: '未受控', specialWork: '特殊作业',
      work: { 'hot-work': '动火作业', 'confined-space': '受限空间作业', blinding: '盲板抽堵作业', 'work-at-height': '高处作业', lifting: '吊装作业',
        'temporary-power': '临时用电作业', excavation: '动土作业', 'road-closure': '断路作业' },
      principal: '承诺人（主要负责人）', statement: '承诺内容', signed: '签署', signedText: '本人已签署承诺', unsigned: '未签署', filedAt: '发布时间',
      defaultStatement: '今天我公司已进行安全风险研判，各项安全风险防控措施已落实到位，我承诺所有生产装置处于安全运行状态，罐区、仓库等重大危险源安全风险得到有效管控。'
    },
    diag: {
      title: '风险评估诊断', results: '诊断结果', table: '评分表与直接判定红色情形', new: '录入诊断', assessedOn: '诊断日期', assessor: '诊断机构 / 人员',
      level: '等级 / 得分', directRed: '直接判定红色', deductions: '扣分项', enteredBy: '录入', explanation: '计算过程', item: '评估内容',
      points: '分值', status: '来源状态', source: '出处', condition: '情形', project: '项目（分值）', count: '数量', found: '存在 / 数量',
      deductedAdded: '扣分 / 加分', bonuses: '加分项', sources: '资料出处', gives: '提供的内容', previewParts: '扣 {d} 分（各项目扣完为止），加 {a} 分',
      statusOf: { SOURCED: '有出处', PLACEHOLDER: '待核对' }, directRedTitle: '直接判定为红色的情形', directRedHit: '存在直接判定为红色的情形',
      items: '评估内容（扣分与加分）', preview: '预计结果', saved: '诊断已保存：{score} 分',
      placeholderNote: '有 {n} 条内容标注“待核对”，须由园区对照应急〔2018〕19号正式文本核对修改。',
      sourcedNote: '评分表各条均注明公开资料出处（见下方“资料出处”）；正式文本取得后园区仍应逐条核对。分级：红 < 60 ≤ 橙 < 75 ≤ 黄 < 90 ≤ 蓝；任一直接判定情形即为红色。'
    },
    common: { exportExcel: '导出 Excel' }
  },
  en: {
    fmt: { days: '{n} d', hours: '{n} h', minutes: '{n} min', left: '{d} left', overdueBy: 'overdue by {d}' },
    file: { name: 'File', size: 'Size', uploaded: 'Uploaded', tooLarge: 'The file is larger than the 1 MB limit' },
    risk: {
      title: 'Risk colours', colour: { RED: 'Red', ORANGE: 'Orange', YELLOW: 'Yellow', BLUE: 'Blue' }, colourLabel: 'Risk level',
      countOf: { enterprise: 'Enterprises', unit: 'Major hazard sources' }, enterprises: 'Enterprises', hazardSources: 'Major hazard sources', hazardSource: 'Hazard source (unit)',
      grade: 'Grade', summary: 'Explanation', computedAt: 'Computed', explain: 'Factors', noScores: 'No risk scores yet',
      factors: 'Risk factors', factor: 'Factor', value: 'Value', weightCap: 'Weight / cap', points: 'Points', because: 'Because',
      enterpriseLevel: 'Whole enterprise', history: 'History', previous: 'Before', score: 'Risk score',
      formula: 'Points of a factor type = min(cap, weight × value); hazard source score = min(100, Σ points); enterprise score = max(worst source, enterprise-level points). Weights and thresholds are platform defaults the park configures.',
      recompute: 'Recompute now', recomputed: 'Recomputed: {n} changes ({ms} ms)', configError: 'The latest risk configuration was refused (the previous one stays): {msg}'
    },
    warn: {
      title: 'Warning handling', hint: 'Send → verify → feedback → supervise → close, one step after the other; every step records who, when and what',
      level: 'Level', stateLabel: 'State', openOnly: 'Open only', titleLabel: 'Warning', nextStep: 'Next step / deadline', createdAt: 'Raised',
      closedAt: 'Closed', source: 'Raised by', stepDue: 'Step due', history: 'Steps', remark: 'Remark', optional: '(optional)',
      remarkRequired: 'Enter a remark', deadlines: 'Deadlines',
      deadlineNote: 'Each step\'s deadline counts from the previous step. The defaults are this platform\'s; the park sets the limits of the 办法 and its provincial rules.',
      versionNote: 'Sent with version v{v}: if someone else acted first you get a conflict and the warning reloads.',
      done: '{step}: done',
      state: { SENT: 'Sent', VERIFIED: 'Verified', FEEDBACK: 'Feedback given', SUPERVISED: 'Supervised', CLOSED: 'Closed' },
      action: { VERIFY: 'Verify', FEEDBACK: 'Feedback', SUPERVISE: 'Supervise', CLOSE: 'Close' },
      step: { SEND: 'Sent', VERIFY: 'Verified', FEEDBACK: 'Feedback', SUPERVISE: 'Supervised', CLOSE: 'Closed', UPGRADE: 'Level raised', REMIND: 'Reminder', ESCALATE: 'Escalated (overdue)' },
      sourceKind: { RISK_MODEL: 'Risk model', ALARM_RULE: 'Alarm rule' },
      remarkHint: { VERIFY: 'What the check found on site; is the warning real?', FEEDBACK: 'What was done about it', SUPERVISE: 'Supervision instructions', CLOSE: 'Closing note (optional)' },
      why: { closed: 'The warning is closed.', park: 'The next step ({step}) is the park\'s.', permission: 'You may not take the next step ({step}).' }
    },
    duty: {
      title: 'Responsibility', hint: 'Duty performance of the principal, technical and operational responsible persons of each major hazard source (应急厅〔2021〕12号)',
      tasks: 'Duty tasks', persons: 'Responsible persons', statistics: 'Statistics',
      role: { PRINCIPAL: 'Principal', TECHNICAL: 'Technical', OPERATIONAL: 'Operational' },
      taskStatus: { OPEN: 'Open', OVERDUE: 'Overdue', DONE: 'Done' }, doneLate: 'Done late',
      status: 'Status', task: 'Task', person: 'Responsible person', period: 'Period', dueAt: 'Due', record: 'Record', viewRecord: 'Record',
      recordTitle: 'Duty record: {task}', item: 'Check item', result: 'Result', remark: 'Remark', summary: 'Summary',
      itemResult: { OK: 'OK', ISSUE: 'Issue', NOT_APPLICABLE: 'N/A' },
      issueRemark: 'Describe the issue found', resultRequired: 'Choose a result', evidence: 'Evidence', upload: 'Upload',
      evidenceHint: 'JPEG, PNG or PDF, at most 1 MB each (checked by content)', evidenceType: 'Only JPEG, PNG or PDF',
      evidenceSize: 'Larger than the 1 MB limit', evidenceEmpty: 'The file is empty', noFile: 'No file chosen',
      evidenceFailed: 'These files were not uploaded: {files}', recorded: 'Duty record saved', recordedBy: 'Recorded by', recordedAt: 'Recorded',
      personsHint: 'Every major hazard source needs its three responsible persons; duty tasks are generated per role and schedule.',
      notAssigned: 'Not assigned', assign: 'Assign', endResponsibility: 'End', confirmEnd: 'End the responsibility of "{name}"? Past records are kept.',
      name: 'Name', position: 'Position', mobile: 'Mobile', mobileKeep: 'Type the mobile number again (it is masked in the list)',
      by: { enterprise: 'By enterprise', person: 'By person', role: 'By role', unit: 'By hazard source', grade: 'By grade' },
      stat: { tasks: 'Tasks', done: 'Done', doneLate: 'Done late', overdue: 'Overdue', open: 'Open', rate: 'Completion',
        note: 'Completion = done / (tasks − open); the range selects tasks by the start of their period.' }
    },
    rep: {
      title: 'Assessment reports', hint: 'Safety assessment and SIL reports filed electronically, with expiry reminders',
      searchHint: 'Title, agency, conclusions (fuzzy search works for Chinese)', fuzzy: 'Fuzzy', exact: 'Exact', score: 'Match',
      type: 'Type', types: { SAFETY_ASSESSMENT: 'Safety assessment report', SIL: 'SIL report' },
      expiry: 'Validity', expiryState: { VALID: 'Valid', DUE: 'Expiring', EXPIRED: 'Expired', NO_EXPIRY: 'No expiry' },
      daysLeft: '{n} d', titleLabel: 'Title', agency: 'Agency', issuedOn: 'Issued', validUntil: 'Valid until',
      conclusions: 'Conclusions', files: 'Files', file: 'File a report', filed: 'Report filed', filedBy: 'Filed by',
      fileHint: 'PDF, Word, Excel, images or ZIP, at most 1 MB each; the SHA-256 is kept and checked before every download'
    },
    hd: {
      title: 'Hidden dangers', hint: 'Hidden dangers found by special inspections of major hazard sources: problem, rectification, feedback and acceptance entries (三录入)',
      list: 'Hidden dangers', inspections: 'Special inspections', grade: 'Grade', grades: { GENERAL: 'General', MAJOR: 'Major' },
      status: 'Status', statuses: { RECORDED: 'Recorded', RECTIFYING: 'Rectifying', SUBMITTED: 'Awaiting acceptance', CLOSED: 'Accepted, closed' },
      open: 'Not closed', overdueOnly: 'Overdue only', overdue: 'Overdue', description: 'Description', location: 'Location', basis: 'Basis',
      foundOn: 'Found', deadline: 'Deadline', measures: 'Measures', responsible: 'Responsible', evidence: 'Evidence',
      entry: { problem: 'Problem entry', rectification: 'Rectification entry', feedback: 'Rectification feedback', acceptance: 'Acceptance entry' },
      action: { record: 'Problem entry', rectification: 'Rectification entry', evidence: 'Evidence', feedback: 'Feedback', verification: 'Acceptance entry' },
      saveRectification: 'Save rectification plan', feedbackHint: 'What was rectified', submitFeedback: 'Submit feedback', needsEvidence: 'Upload at least one evidence file first',
      noteHint: 'Acceptance note (required when rejecting)', accept: 'Accept (close)', reject: 'Reject',
      inspection: 'Inspection', inspectedOn: 'Inspected', inspectors: 'Inspectors', notes: 'Notes', count: 'Open / found',
      newInspection: 'New special inspection', showDangers: 'Hidden dangers', filteredBy: 'Filtered: {title}', recorded: 'Hidden danger recorded'
    },
    hz: {
      title: 'Major hazard sources', hint: 'GB 18218-2018 identification and grading; open a source for its monitoring points, live values, alarms, trends, place and spot checks',
      list: 'Major hazard sources', search: 'Code / name', allUnits: 'Include units that are not major hazard sources', notMajor: 'Not major',
      grade: { 1: 'Grade 1', 2: 'Grade 2', 3: 'Grade 3', 4: 'Grade 4' },
      note: 'S ≥ 1 makes a major hazard source; R = α·Σβq/Q gives the grade (R ≥ 100 grade 1, 50–100 grade 2, 10–50 grade 3, < 10 grade 4). Risk colours come from the risk model when it is installed.',
      points: 'Monitoring points', pointsCount: '{n} points, {alarms} alarms', noPoints: 'This hazard source has no monitoring points', trend: 'Trend',
      onMap: 'Place', openMap: 'Open on the park map', noGeometry: 'This unit has no shape on the map'
    },
    spot: {
      title: 'Spot checks', ofSource: 'Spot checks', record: 'Spot check', save: 'Record check', saved: 'Spot check recorded',
      count: '{n} checks, {abnormal} abnormal', checkedAt: 'Checked', checkedBy: 'Checked by', result: 'Result',
      results: { NORMAL: 'Normal', ABNORMAL: 'Abnormal' }, remark: 'Remark', remarkHint: 'What was found (required when abnormal)',
      seen: 'What was shown', seenText: '{points} points ({values} with a value), {alarms} alarms',
      snapshotNote: '{n} points and {alarms} alarms shown now. The platform records who checked, when, and a snapshot of the live data.',
      resultRequired: 'Choose a result', remarkRequired: 'Say what is abnormal', remarkLength: 'At most 2000 characters'
    },
    det: {
      title: 'Detector set-point check', hint: 'Alarm set points of combustible, toxic and oxygen detectors checked against GB/T 50493-2019 (gas detection and alarm design in petrochemical plants)',
      summary: '{checked} detectors checked: {violating} break a rule, {advisory} with advisories', showAll: 'Show all detectors',
      detector: 'Detector (point)', verdict: 'Verdict', violation: 'Violation', advisory: 'Advisory', compliant: 'Compliant', findings: 'Findings (rule · clause · explanation)',
      rule: {
        COMBUSTIBLE_UNIT: 'Combustible gas detectors read in %LEL', COMBUSTIBLE_RANGE: 'Combustible gas range is 0–100 %LEL',
        COMBUSTIBLE_FIRST_LEVEL: 'Combustible first-level alarm ≤ 25 %LEL', COMBUSTIBLE_SECOND_LEVEL: 'Combustible second-level alarm ≤ 50 %LEL',
        TOXIC_UNIT: 'Toxic gas detectors read in ppm or mg/m³', TOXIC_OEL_MISSING: 'No occupational exposure limit (GBZ 2.1): not checked against it',
        TOXIC_RANGE: 'Toxic gas range is 0–300 % OEL (or 0–30 % IDLH)', TOXIC_FIRST_LEVEL: 'Toxic first-level alarm ≤ 100 % OEL (or 5 % IDLH)',
        TOXIC_SECOND_LEVEL: 'Toxic second-level alarm ≤ 200 % OEL (or 10 % IDLH)', OXYGEN_UNIT: 'Oxygen detectors read in %VOL',
        OXYGEN_RANGE: 'Ambient oxygen range should be 0–25 %VOL', OXYGEN_LOW_ALARM: 'Oxygen deficiency alarm should be 19.5 %VOL', OXYGEN_HIGH_ALARM: 'Oxygen enrichment alarm should be 23.5 %VOL',
        ALARM_ORDER: 'First-level alarm below the second-level alarm', SET_POINT_OUT_OF_RANGE: 'Set points inside the measuring range',
        SET_POINTS_MISSING: 'No alarm set points configured', NOT_CHECKABLE: 'Cannot be checked'
      },
      note: 'A violation breaks a shall / shall-not clause of the standard; an advisory deviates from a should clause or lacks data for the check. Explanations are the checker\'s own words. Open the point\'s record to change its set points.'
    },
    cls: {
      title: 'Enterprise classification', hint: 'Special control / key attention / general supervision by configurable rules over commitments, live monitoring, duty performance, 三录入 and reports',
      enterprises: 'Classes', rules: 'Rules', classLabel: 'Class', class: { SPECIAL_CONTROL: 'Special control', KEY_ATTENTION: 'Key attention', GENERAL: 'General supervision' },
      rulesFired: 'Rules fired', diagnosis: 'Risk diagnosis', citation: 'Clause', citationOf: 'Clause: {c}', noRuleFired: 'No rule fired: general supervision.',
      notEvaluated: 'Rules not evaluated (no module provides the factor)', recompute: 'Reclassify now', ruleId: 'Rule', condition: 'Condition',
      rulesHint: 'Any special-control rule fired → special control; else any rule fired → key attention; else general supervision. Thresholds marked "park setting" are the park\'s choice.'
    },
    cmt: {
      title: 'Safety commitments', hint: 'Filed by every enterprise daily; after {deadline} (Beijing time) a filing is late', day: 'Day', onTime: 'On time', late: 'Late', missing: 'Missing',
      missingList: 'Not filed: {list}', lateOnly: 'Late only', file: 'File a commitment', submit: 'Sign and file', filed: 'Commitment filed',
      operatingState: 'Operating state', state: { PRODUCTION: 'Production', SHUTDOWN: 'Shut down', START_UP: 'Start-up', TRIAL_PRODUCTION: 'Trial production', TURNAROUND: 'Turnaround' },
      units: 'Running / stopped', unitsRunning: 'Units running', unitsStopped: 'Units stopped', majorHazardSources: 'Major hazard sources',
      controlled: 'Under control', uncontrolled: 'Not under control', specialWork: 'Special work',
      work: { 'hot-work': 'Hot work', 'confined-space': 'Confined space', blinding: 'Blinding', 'work-at-height': 'Work at height', lifting: 'Lifting',
        'temporary-power': 'Temporary power', excavation: 'Excavation', 'road-closure': 'Road closure' },
      principal: 'Principal (who commits)', statement: 'Statement', signed: 'Signed', signedText: 'I have signed this commitment', unsigned: 'Not signed', filedAt: 'Filed',
      defaultStatement: '今天我公司已进行安全风险研判，各项安全风险防控措施已落实到位，我承诺所有生产装置处于安全运行状态，罐区、仓库等重大危险源安全风险得到有效管控。'
    },
    diag: {
      title: 'Risk diagnosis', results: 'Diagnoses', table: 'Score table and direct-red conditions', new: 'Enter a diagnosis', assessedOn: 'Assessed', assessor: 'Assessor',
      level: 'Level / score', directRed: 'Direct red', deductions: 'Deductions', enteredBy: 'Entered', explanation: 'How it was computed', item: 'Item',
      points: 'Points', status: 'Source status', source: 'Source', condition: 'Condition', project: '项目 (points)', count: 'Count', found: 'Found / count',
      deductedAdded: 'Deducted / added', bonuses: 'Bonuses', sources: 'Sources', gives: 'What it gives', previewParts: '−{d} (each 项目 stops at its points), +{a}',
      statusOf: { SOURCED: 'Sourced', PLACEHOLDER: 'Placeholder' }, directRedTitle: 'Conditions judged red directly', directRedHit: 'A direct-red condition applies',
      items: 'Rows (deductions and bonuses)', preview: 'Expected result', saved: 'Diagnosis saved: {score} points',
      placeholderNote: '{n} rows are marked "Placeholder": the park must check them against the official text of 应急〔2018〕19号.',
      sourcedNote: 'Every row names its public source (see Sources below); the park should still compare them with the official text once it has it. Bands: red < 60 ≤ orange < 75 ≤ yellow < 90 ≤ blue; any direct-red condition makes it red.'
    },
    common: { exportExcel: 'Export Excel' }
  }
}

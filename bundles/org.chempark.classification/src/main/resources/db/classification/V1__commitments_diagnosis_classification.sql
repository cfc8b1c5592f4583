-- R-F2.5 重大危险源企业分类监管: daily 安全承诺公告, 100-point risk diagnoses, classification rules and results.

CREATE TABLE commitment (
    id                      bigserial PRIMARY KEY,
    enterprise_id           bigint NOT NULL,
    day                     date NOT NULL,
    operating_state         text NOT NULL CHECK (operating_state IN ('PRODUCTION', 'SHUTDOWN', 'START_UP', 'TRIAL_PRODUCTION', 'TURNAROUND')),
    units_running           integer NOT NULL CHECK (units_running >= 0),
    units_stopped           integer NOT NULL CHECK (units_stopped >= 0),
    major_hazard_sources    integer NOT NULL CHECK (major_hazard_sources >= 0),
    hazard_sources_controlled boolean NOT NULL,
    special_work            jsonb NOT NULL,
    special_work_total      integer NOT NULL CHECK (special_work_total >= 0),
    principal               text NOT NULL,
    signed                  boolean NOT NULL,
    statement               text NOT NULL,
    filed_at                timestamptz NOT NULL,
    late                    boolean NOT NULL,
    filed_by                text NOT NULL,
    version                 integer NOT NULL DEFAULT 0,
    UNIQUE (enterprise_id, day)
);

CREATE TABLE diagnosis (
    id              bigserial PRIMARY KEY,
    enterprise_id   bigint NOT NULL,
    assessed_on     date NOT NULL,
    assessor        text NOT NULL,
    direct_red      text[] NOT NULL,
    score           numeric(5,1) NOT NULL,
    level           text NOT NULL CHECK (level IN ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
    explanation     text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      text NOT NULL
);
CREATE INDEX diagnosis_enterprise ON diagnosis (enterprise_id, assessed_on DESC, id DESC);

CREATE TABLE diagnosis_deduction (
    diagnosis_id  bigint NOT NULL REFERENCES diagnosis (id),
    item_id       text NOT NULL,
    points        numeric(4,1) NOT NULL CHECK (points > 0),
    note          text,
    PRIMARY KEY (diagnosis_id, item_id)
);

-- configurable classification rules; the defaults below cite the clause each implements (docs/enterprise-classification.md)
CREATE TABLE rule (
    id           text PRIMARY KEY,
    class        text NOT NULL CHECK (class IN ('SPECIAL_CONTROL', 'KEY_ATTENTION')),
    factor       text NOT NULL,
    aggregate    text NOT NULL DEFAULT 'SUM' CHECK (aggregate IN ('SUM', 'MAX')),
    operator     text NOT NULL CHECK (operator IN ('>=', '>', '==', '<=', '<')),
    threshold    double precision NOT NULL,
    name_zh      text NOT NULL,
    citation     text NOT NULL,
    enabled      boolean NOT NULL DEFAULT true,
    version      integer NOT NULL DEFAULT 0
);

CREATE TABLE result (
    id             bigserial PRIMARY KEY,
    enterprise_id  bigint NOT NULL,
    class          text NOT NULL,
    fired          jsonb NOT NULL,
    computed_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX result_enterprise ON result (enterprise_id, computed_at DESC, id DESC);

INSERT INTO rule (id, class, factor, aggregate, operator, threshold, name_zh, citation) VALUES
 ('major-hidden-danger', 'SPECIAL_CONTROL', 'report.open-major-hidden-dangers', 'SUM', '>=', 1, '存在未销号的重大隐患',
  '指导意见 四(二)5 "三录入"; 重大隐患判定: 安监总管三〔2017〕121号'),
 ('diagnosis-red', 'SPECIAL_CONTROL', 'classification.diagnosis-level', 'MAX', '>=', 4, '安全风险评估诊断为红色',
  '应急〔2018〕19号 评估诊断分级: 红色(60分以下或直接判定)'),
 ('overdue-many', 'SPECIAL_CONTROL', 'report.overdue-hidden-dangers', 'SUM', '>=', 3, '3项及以上隐患超期未整改',
  '指导意见 四(二)4 整改反馈; 四(三)2 一般隐患超期警示 (threshold: park setting)'),
 ('diagnosis-orange', 'KEY_ATTENTION', 'classification.diagnosis-level', 'MAX', '>=', 3, '安全风险评估诊断为橙色',
  '应急〔2018〕19号 评估诊断分级: 橙色(60至75分以下)'),
 ('overdue', 'KEY_ATTENTION', 'report.overdue-hidden-dangers', 'SUM', '>=', 1, '有隐患超期未整改',
  '指导意见 四(三)2 一般隐患超期警示'),
 ('open-hidden-dangers', 'KEY_ATTENTION', 'report.open-hidden-dangers', 'SUM', '>=', 5, '未销号隐患5项及以上',
  '指导意见 四(二)4 "三录入"、整改反馈 (threshold: park setting)'),
 ('expired-report', 'KEY_ATTENTION', 'report.expired-reports', 'SUM', '>=', 1, '评价/评估报告已过期',
  '指导意见 四(二)4 安全评价报告电子化备案'),
 ('no-assessment', 'KEY_ATTENTION', 'report.missing-safety-assessment', 'MAX', '>=', 1, '无有效安全评价报告备案',
  '指导意见 四(二)4 安全评价报告电子化备案'),
 ('missed-commitments', 'KEY_ATTENTION', 'classification.missed-commitments', 'SUM', '>=', 2, '近7日2次及以上未按时发布安全承诺公告',
  '指导意见 四(二)5 贯通安全承诺公告'),
 ('uncontrolled-hazard-sources', 'KEY_ATTENTION', 'classification.uncontrolled-hazard-sources', 'MAX', '>=', 1, '承诺公告称重大危险源未处于受控状态',
  '指导意见 四(二)5 贯通安全承诺公告'),
 ('live-alarms', 'KEY_ATTENTION', '*.active-alarms', 'SUM', '>=', 3, '实时监测未消除报警3个及以上',
  '指导意见 四(二)5 贯通实时监测数据; 四(二)2 在线监测预警 (threshold: park setting)'),
 ('duty-overdue', 'KEY_ATTENTION', '*duty*', 'SUM', '>=', 1, '包保责任人履职超期',
  '指导意见 四(二)5 贯通安全包保责任人履职; 四(二)1 安全包保责任落实');

-- the day the park started to require daily commitments through the platform (no filing is "missed" before it)
CREATE TABLE tracking (started_on date NOT NULL);
INSERT INTO tracking (started_on) VALUES (current_date);

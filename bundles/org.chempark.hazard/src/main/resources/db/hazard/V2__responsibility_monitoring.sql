-- 包保 responsibility (R-F2.1, 应急厅〔2021〕12号) and spot checks of monitoring (R-F2.2).

-- The three responsible persons of each major hazard source (one active person per role).
CREATE TABLE responsible_person (
    id            bigserial PRIMARY KEY,
    unit_id       bigint NOT NULL,
    enterprise_id bigint NOT NULL,
    role          text NOT NULL CHECK (role IN ('PRINCIPAL', 'TECHNICAL', 'OPERATIONAL')),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    position      text NOT NULL CHECK (length(position) BETWEEN 1 AND 100),
    mobile        text NOT NULL,
    user_id       bigint,
    active        boolean NOT NULL DEFAULT true,
    version       integer NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ux_responsible_person_role ON responsible_person (unit_id, role) WHERE active;
CREATE INDEX ix_responsible_person_enterprise ON responsible_person (enterprise_id);

-- Duty (履职) task templates: what each role must do and how often.
CREATE TABLE duty_template (
    id         bigserial PRIMARY KEY,
    code       text NOT NULL UNIQUE,
    role       text NOT NULL CHECK (role IN ('PRINCIPAL', 'TECHNICAL', 'OPERATIONAL')),
    frequency  text NOT NULL CHECK (frequency IN ('DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY')),
    title_zh   text NOT NULL,
    title_en   text NOT NULL,
    items      text NOT NULL,            -- check items, one per line (the itemised record follows them)
    basis      text NOT NULL,            -- where the duty comes from
    active     boolean NOT NULL DEFAULT true
);

INSERT INTO duty_template (code, role, frequency, title_zh, title_en, items, basis) VALUES
 ('principal-quarterly-inspection', 'PRINCIPAL', 'QUARTERLY', '组织重大危险源安全专项检查', 'Organise a special safety inspection of the major hazard source',
  E'安全管理制度与操作规程执行情况\n安全监测监控系统与安全设施运行情况\n上季度检查问题整改落实情况\n应急预案与演练情况',
  '应急厅〔2021〕12号《危险化学品企业重大危险源安全包保责任制办法（试行）》: 主要负责人每季度至少组织一次针对重大危险源的安全专项检查'),
 ('technical-monthly-inspection', 'TECHNICAL', 'MONTHLY', '组织重大危险源安全检查', 'Organise a safety inspection of the major hazard source',
  E'工艺参数与报警联锁设定值\n可燃有毒气体检测报警系统运行情况\n安全仪表系统与紧急切断装置\n隐患排查与整改情况',
  '应急厅〔2021〕12号《危险化学品企业重大危险源安全包保责任制办法（试行）》: 技术负责人每月至少组织一次安全检查'),
 ('operational-weekly-inspection', 'OPERATIONAL', 'WEEKLY', '组织重大危险源安全检查', 'Organise a safety inspection of the major hazard source',
  E'设备设施运行状态\n监测报警与联锁投用情况\n现场作业与人员持证情况\n交接班与巡检记录',
  '应急厅〔2021〕12号《危险化学品企业重大危险源安全包保责任制办法（试行）》: 操作负责人每周至少组织一次安全检查'),
 ('operational-daily-patrol', 'OPERATIONAL', 'DAILY', '重大危险源日常巡检确认', 'Daily patrol confirmation of the major hazard source',
  E'现场巡检\n中控室监控画面与报警确认',
  'Park practice (not a clause of 应急厅〔2021〕12号): daily confirmation of the operational person''s patrol; deactivate if the park does not require it');

-- Generated tasks: one per template, person and period.
CREATE TABLE duty_task (
    id            bigserial PRIMARY KEY,
    template_id   bigint NOT NULL REFERENCES duty_template (id),
    person_id     bigint NOT NULL REFERENCES responsible_person (id),
    unit_id       bigint NOT NULL,
    enterprise_id bigint NOT NULL,
    period_start  date NOT NULL,
    due_at        timestamptz NOT NULL,
    status        text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE', 'OVERDUE')),
    completed_at  timestamptz,
    late          boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (template_id, person_id, period_start)
);
CREATE INDEX ix_duty_task_status ON duty_task (status, due_at);
CREATE INDEX ix_duty_task_enterprise ON duty_task (enterprise_id, period_start);

-- Itemised record (履职记录) of performing one task.
CREATE TABLE duty_record (
    id            bigserial PRIMARY KEY,
    task_id       bigint NOT NULL UNIQUE REFERENCES duty_task (id),
    recorded_by   text NOT NULL,
    recorded_by_user bigint NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    summary       text
);
CREATE TABLE duty_record_item (
    id         bigserial PRIMARY KEY,
    record_id  bigint NOT NULL REFERENCES duty_record (id),
    seq        integer NOT NULL,
    item       text NOT NULL,
    result     text NOT NULL CHECK (result IN ('OK', 'ISSUE', 'NOT_APPLICABLE')),
    remark     text
);
CREATE TABLE duty_attachment (
    id           bigserial PRIMARY KEY,
    record_id    bigint NOT NULL REFERENCES duty_record (id),
    file_name    text NOT NULL,
    content_type text NOT NULL,
    size_bytes   bigint NOT NULL,
    sha256       text NOT NULL,
    stored_path  text NOT NULL,
    uploaded_by  text NOT NULL,
    uploaded_at  timestamptz NOT NULL DEFAULT now()
);

-- 在线抽查: who checked which hazard source's monitoring, when, what they saw and concluded.
CREATE TABLE spot_check (
    id            bigserial PRIMARY KEY,
    unit_id       bigint NOT NULL,
    enterprise_id bigint NOT NULL,
    checked_by    text NOT NULL,
    checked_by_user bigint NOT NULL,
    organisation_id bigint NOT NULL,
    checked_at    timestamptz NOT NULL DEFAULT now(),
    result        text NOT NULL CHECK (result IN ('NORMAL', 'ABNORMAL')),
    remark        text,
    snapshot      text NOT NULL            -- the points, values and alarms shown when checked (JSON)
);
CREATE INDEX ix_spot_check_unit ON spot_check (unit_id, checked_at DESC);

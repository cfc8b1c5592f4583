-- Risk model (R-F2.3): current score per enterprise and hazard source, and every change of it.
CREATE TABLE score (
    scope_key     text PRIMARY KEY,            -- 'E:<enterpriseId>' or 'U:<unitId>'
    enterprise_id bigint NOT NULL,
    unit_id       bigint,
    score         numeric(7,2) NOT NULL,
    colour        text NOT NULL CHECK (colour IN ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
    explanation   text NOT NULL,               -- JSON: the factors, weights and contributions
    computed_at   timestamptz NOT NULL
);
CREATE INDEX ix_score_enterprise ON score (enterprise_id);

CREATE TABLE score_history (
    id            bigserial PRIMARY KEY,
    scope_key     text NOT NULL,
    enterprise_id bigint NOT NULL,
    unit_id       bigint,
    score         numeric(7,2) NOT NULL,
    colour        text NOT NULL,
    previous_colour text,
    explanation   text NOT NULL,
    computed_at   timestamptz NOT NULL
);
CREATE INDEX ix_score_history_scope ON score_history (scope_key, computed_at DESC);
CREATE INDEX ix_score_history_time ON score_history (computed_at);

-- Warnings (预警) and their handling: 发送 → 核查 → 反馈 → 督办 → 关闭.
CREATE TABLE warning (
    id            bigserial PRIMARY KEY,
    enterprise_id bigint NOT NULL,
    unit_id       bigint,
    level         text NOT NULL CHECK (level IN ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
    source        text NOT NULL CHECK (source IN ('RISK_MODEL', 'ALARM_RULE')),
    source_ref    text,                        -- e.g. the alarm id
    title         text NOT NULL,
    detail        text NOT NULL,
    state         text NOT NULL CHECK (state IN ('SENT', 'VERIFIED', 'FEEDBACK', 'SUPERVISED', 'CLOSED')),
    step_due_at   timestamptz,                 -- deadline of the next step (null when closed)
    reminded_state text,                       -- the state a reminder was sent for
    escalated_state text,                      -- the state an escalation was sent for
    version       integer NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL,
    closed_at     timestamptz
);
CREATE INDEX ix_warning_open ON warning (state, step_due_at) WHERE state <> 'CLOSED';
CREATE INDEX ix_warning_enterprise ON warning (enterprise_id, created_at DESC);
-- one open warning per hazard source (or enterprise) and source; a worse colour raises its level
CREATE UNIQUE INDEX ux_warning_open ON warning (enterprise_id, coalesce(unit_id, 0), source) WHERE state <> 'CLOSED';

CREATE TABLE warning_step (
    id            bigserial PRIMARY KEY,
    warning_id    bigint NOT NULL REFERENCES warning (id),
    action        text NOT NULL,               -- SEND, VERIFY, FEEDBACK, SUPERVISE, CLOSE, REMIND, ESCALATE, UPGRADE
    from_state    text,
    to_state      text NOT NULL,
    actor_user_id bigint NOT NULL,
    actor_name    text NOT NULL,
    organisation_id bigint NOT NULL,
    at            timestamptz NOT NULL,
    remark        text
);
CREATE INDEX ix_warning_step_warning ON warning_step (warning_id, at);

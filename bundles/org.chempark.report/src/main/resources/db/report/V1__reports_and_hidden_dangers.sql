-- R-F2.4 评价/评估报告及隐患管理: filed reports with checksummed files, special inspections and
-- their hidden dangers (三录入: problem, rectification, acceptance) with a full history.

CREATE TABLE report (
    id             bigserial PRIMARY KEY,
    enterprise_id  bigint NOT NULL,
    unit_id        bigint,
    type           text NOT NULL CHECK (type IN ('SAFETY_ASSESSMENT', 'SIL')),
    title          text NOT NULL,
    agency         text NOT NULL,
    issued_on      date NOT NULL,
    valid_until    date,
    conclusions    text,
    expiry_state   text NOT NULL DEFAULT 'VALID' CHECK (expiry_state IN ('VALID', 'DUE', 'EXPIRED', 'NO_EXPIRY')),
    search_text    text NOT NULL,
    version        integer NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text NOT NULL,
    CHECK (valid_until IS NULL OR valid_until >= issued_on)
);
CREATE INDEX report_enterprise ON report (enterprise_id);
CREATE INDEX report_valid_until ON report (valid_until);

-- files of reports (owner_kind REPORT) and rectification evidence (owner_kind EVIDENCE)
CREATE TABLE stored_file (
    id             bigserial PRIMARY KEY,
    owner_kind     text NOT NULL CHECK (owner_kind IN ('REPORT', 'EVIDENCE')),
    owner_id       bigint NOT NULL,
    enterprise_id  bigint NOT NULL,
    filename       text NOT NULL,
    content_type   text NOT NULL,
    size_bytes     bigint NOT NULL CHECK (size_bytes > 0),
    sha256         char(64) NOT NULL,
    storage_key    text NOT NULL UNIQUE,
    uploaded_at    timestamptz NOT NULL DEFAULT now(),
    uploaded_by    text NOT NULL
);
CREATE INDEX stored_file_owner ON stored_file (owner_kind, owner_id);

-- 专项督导检查: one inspection of one enterprise
CREATE TABLE inspection (
    id             bigserial PRIMARY KEY,
    enterprise_id  bigint NOT NULL,
    title          text NOT NULL,
    inspected_on   date NOT NULL,
    inspectors     text NOT NULL,
    notes          text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text NOT NULL
);
CREATE INDEX inspection_enterprise ON inspection (enterprise_id);

CREATE TABLE hidden_danger (
    id                  bigserial PRIMARY KEY,
    inspection_id       bigint NOT NULL REFERENCES inspection (id),
    enterprise_id       bigint NOT NULL,
    unit_id             bigint,
    grade               text NOT NULL CHECK (grade IN ('GENERAL', 'MAJOR')),
    description         text NOT NULL,
    location            text,
    basis               text,
    status              text NOT NULL CHECK (status IN ('RECORDED', 'RECTIFYING', 'SUBMITTED', 'CLOSED')),
    measures            text,
    responsible_person  text,
    deadline            date,
    feedback            text,
    feedback_at         timestamptz,
    verified_by         text,
    verification_note   text,
    closed_at           timestamptz,
    found_on            date NOT NULL,
    search_text         text NOT NULL,
    version             integer NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    created_by          text NOT NULL
);
CREATE INDEX hidden_danger_enterprise ON hidden_danger (enterprise_id, status);
CREATE INDEX hidden_danger_inspection ON hidden_danger (inspection_id);
CREATE INDEX hidden_danger_deadline ON hidden_danger (deadline) WHERE status <> 'CLOSED';

CREATE TABLE hidden_danger_history (
    id                bigserial PRIMARY KEY,
    hidden_danger_id  bigint NOT NULL REFERENCES hidden_danger (id),
    at                timestamptz NOT NULL DEFAULT now(),
    by_user           text NOT NULL,
    action            text NOT NULL,
    from_status       text,
    to_status         text NOT NULL,
    note              text
);
CREATE INDEX hidden_danger_history_hd ON hidden_danger_history (hidden_danger_id);

-- character bigrams of the searchable text of reports (REPORT) and hidden dangers (HIDDEN_DANGER), for fuzzy search
CREATE TABLE search_gram (
    kind    text NOT NULL,
    ref_id  bigint NOT NULL,
    gram    text NOT NULL,
    PRIMARY KEY (kind, ref_id, gram)
);
CREATE INDEX search_gram_lookup ON search_gram (kind, gram);

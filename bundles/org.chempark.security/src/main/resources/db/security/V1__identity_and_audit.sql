-- 统一身份认证 (R-I.8) and application audit (R-S, 等保 2.0 level 3).

CREATE TABLE organisation (
    id            bigserial PRIMARY KEY,
    code          text        NOT NULL UNIQUE,
    name          text        NOT NULL,
    type          text        NOT NULL CHECK (type IN ('PARK', 'DEPARTMENT', 'ENTERPRISE', 'CONTRACTOR', 'AUTHORITY')),
    parent_id     bigint      REFERENCES organisation (id),
    enterprise_id bigint,                       -- asset enterprise id of an ENTERPRISE organisation
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT organisation_enterprise_needs_id CHECK (type <> 'ENTERPRISE' OR enterprise_id IS NOT NULL)
);
CREATE UNIQUE INDEX organisation_enterprise_id ON organisation (enterprise_id) WHERE type = 'ENTERPRISE';

-- enterprises a contractor organisation works for (its data scope)
CREATE TABLE organisation_grant (
    organisation_id bigint NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    enterprise_id   bigint NOT NULL,
    PRIMARY KEY (organisation_id, enterprise_id)
);

CREATE TABLE role (
    id          bigserial PRIMARY KEY,
    code        text        NOT NULL UNIQUE,
    name_zh     text        NOT NULL,
    name_en     text        NOT NULL,
    description text,
    built_in    boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE role_permission (
    role_id    bigint NOT NULL REFERENCES role (id) ON DELETE CASCADE,
    permission text   NOT NULL,
    PRIMARY KEY (role_id, permission)
);

CREATE TABLE user_account (
    id                   bigserial PRIMARY KEY,
    username             text        NOT NULL,
    display_name         text,
    organisation_id      bigint      NOT NULL REFERENCES organisation (id),
    locale               text        NOT NULL DEFAULT 'zh-CN',
    email                text,
    phone                text,
    password_hash        text        NOT NULL,
    password_changed_at  timestamptz NOT NULL,
    must_change_password boolean     NOT NULL DEFAULT true,
    failed_logins        integer     NOT NULL DEFAULT 0,
    locked_until         timestamptz,            -- automatic lockout after failed logins
    locked               boolean     NOT NULL DEFAULT false, -- locked by an administrator
    enabled              boolean     NOT NULL DEFAULT true,
    last_login_at        timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX user_account_username ON user_account (lower(username));

CREATE TABLE user_role (
    user_id bigint NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    role_id bigint NOT NULL REFERENCES role (id),
    PRIMARY KEY (user_id, role_id)
);

CREATE TABLE password_history (
    id            bigserial PRIMARY KEY,
    user_id       bigint      NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    password_hash text        NOT NULL,
    changed_at    timestamptz NOT NULL
);
CREATE INDEX password_history_user ON password_history (user_id, id DESC);

-- one login; access tokens carry its id, so revoking it revokes them
CREATE TABLE session (
    id                    text        PRIMARY KEY,
    user_id               bigint      NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    created_at            timestamptz NOT NULL,
    last_seen_at          timestamptz NOT NULL,
    expires_at            timestamptz NOT NULL,
    revoked_at            timestamptz,
    revoke_reason         text,
    refresh_hash          text        NOT NULL UNIQUE, -- SHA-256 of the current refresh token
    previous_refresh_hash text,                         -- the one it replaced: reuse means theft
    source                text
);
CREATE INDEX session_user_active ON session (user_id) WHERE revoked_at IS NULL;
CREATE INDEX session_previous_refresh ON session (previous_refresh_hash);

-- token signing keys; generated on first start, never shipped
CREATE TABLE signing_key (
    id         text        PRIMARY KEY,
    secret     bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- append-only, hash-chained: hash = SHA-256(prev_hash + canonical row)
CREATE TABLE audit_log (
    id              bigint      PRIMARY KEY,
    at              timestamptz NOT NULL,
    user_id         bigint,
    username        text,
    organisation_id bigint,
    action          text        NOT NULL,
    source          text,
    method          text,
    path            text,
    status          integer,
    detail          text,
    prev_hash       text        NOT NULL,
    hash            text        NOT NULL
);
CREATE SEQUENCE audit_log_id_seq OWNED BY audit_log.id;
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_user ON audit_log (user_id, at);
CREATE INDEX audit_log_action ON audit_log (action, at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'security.audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

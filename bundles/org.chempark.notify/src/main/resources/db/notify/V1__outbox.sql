-- Notification outbox: each notification once, each recipient a delivery with its retries.
CREATE TABLE outbox (
    id            bigserial PRIMARY KEY,
    category      text NOT NULL,
    subject       text NOT NULL,
    body          text NOT NULL,
    enterprise_id bigint,
    reference     text,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_outbox_created ON outbox (created_at DESC);

CREATE TABLE delivery (
    id              bigserial PRIMARY KEY,
    outbox_id       bigint NOT NULL REFERENCES outbox (id),
    recipient       text NOT NULL,
    status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'LOGGED', 'FAILED')),
    channel         text,
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    detail          text,
    delivered_at    timestamptz,
    UNIQUE (outbox_id, recipient)
);
CREATE INDEX ix_delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';

-- Every attempt, successful or not.
CREATE TABLE delivery_attempt (
    id          bigserial PRIMARY KEY,
    delivery_id bigint NOT NULL REFERENCES delivery (id),
    at          timestamptz NOT NULL DEFAULT now(),
    channel     text NOT NULL,
    outcome     text NOT NULL,            -- DELIVERED, LOGGED, ERROR
    detail      text
);
CREATE INDEX ix_delivery_attempt ON delivery_attempt (delivery_id);

-- In-app messages: one per in-app recipient address (user:, role:, enterprise:); read marks per user.
CREATE TABLE inbox (
    id            bigserial PRIMARY KEY,
    outbox_id     bigint NOT NULL REFERENCES outbox (id),
    recipient     text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (outbox_id, recipient)
);
CREATE INDEX ix_inbox_recipient ON inbox (recipient, created_at DESC);
CREATE TABLE inbox_read (
    inbox_id bigint NOT NULL REFERENCES inbox (id),
    user_id  bigint NOT NULL,
    read_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (inbox_id, user_id)
);

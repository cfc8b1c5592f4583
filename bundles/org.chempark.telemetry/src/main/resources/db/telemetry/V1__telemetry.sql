-- 在线监测预警 telemetry: readings (time-partitioned), latest values, alarms and their history,
-- dead letters and unknown points.

-- Readings: partitioned by day (UTC) and, inside each day, by point class (the asset point type),
-- so each class keeps its own retention by dropping whole partitions. Partitions are created ahead by
-- the module (ReadingStore.maintain); a reading outside the existing partitions is rejected before COPY.
CREATE TABLE reading (
    point_id    bigint           NOT NULL,
    ts          timestamptz      NOT NULL,
    value       double precision NOT NULL,
    quality     smallint         NOT NULL,   -- 0 GOOD, 1 UNCERTAIN, 2 BAD
    point_class smallint         NOT NULL    -- org.chempark.asset.PointType ordinal
) PARTITION BY RANGE (ts);

CREATE INDEX reading_point_ts ON reading (point_id, ts);

-- Latest value per point (the in-memory cache is flushed here every few seconds).
CREATE TABLE latest_value (
    point_id   bigint PRIMARY KEY,
    point_code text             NOT NULL,
    ts         timestamptz      NOT NULL,
    value      double precision NOT NULL,
    quality    smallint         NOT NULL,
    source     text             NOT NULL,
    received   timestamptz      NOT NULL
);

CREATE TABLE alarm (
    id             bigserial PRIMARY KEY,
    point_id       bigint           NOT NULL,
    point_code     text             NOT NULL,
    unit_id        bigint,
    enterprise_id  bigint,
    kind           text             NOT NULL CHECK (kind IN ('HH','H','L','LL','RATE','STALE','BAD_QUALITY')),
    priority       smallint         NOT NULL,
    value          double precision NOT NULL,
    limit_value    double precision NOT NULL,
    raised_at      timestamptz      NOT NULL,
    active         boolean          NOT NULL DEFAULT true,
    cleared_at     timestamptz,
    cleared_value  double precision,
    acked_at       timestamptz,
    acked_by       text,
    ack_reason     text,
    shelved_until  timestamptz,
    shelved_by     text,
    shelve_reason  text,
    version        integer          NOT NULL DEFAULT 0
);
-- at most one open (condition present) alarm per point and kind
CREATE UNIQUE INDEX alarm_one_active ON alarm (point_id, kind) WHERE active;
CREATE INDEX alarm_raised ON alarm (raised_at DESC);
CREATE INDEX alarm_enterprise ON alarm (enterprise_id, raised_at DESC);

-- Every transition of every alarm: who, when, why.
CREATE TABLE alarm_event (
    id        bigserial PRIMARY KEY,
    alarm_id  bigint      NOT NULL REFERENCES alarm (id) ON DELETE CASCADE,
    at        timestamptz NOT NULL,
    action    text        NOT NULL CHECK (action IN ('RAISED','ACKNOWLEDGED','CLEARED','SHELVED','UNSHELVED')),
    actor     text        NOT NULL,
    reason    text,
    value     double precision
);
CREATE INDEX alarm_event_alarm ON alarm_event (alarm_id, at);

-- Payloads and readings that could not be accepted, with the reason.
CREATE TABLE dead_letter (
    id        bigserial PRIMARY KEY,
    source    text        NOT NULL,
    reason    text        NOT NULL,
    payload   bytea,
    truncated boolean     NOT NULL DEFAULT false,
    received  timestamptz NOT NULL
);
CREATE INDEX dead_letter_received ON dead_letter (received DESC);

-- Readings of point codes the asset model does not know: counted and listed.
CREATE TABLE unknown_point (
    code       text        NOT NULL,
    source     text        NOT NULL,
    count      bigint      NOT NULL,
    first_seen timestamptz NOT NULL,
    last_seen  timestamptz NOT NULL,
    PRIMARY KEY (code, source)
);

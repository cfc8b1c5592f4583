-- GB 18218-2018 identification and grading results, one row each time a unit's result changes.
CREATE TABLE grading_history (
    id             bigserial PRIMARY KEY,
    unit_id        bigint NOT NULL,
    unit_code      text NOT NULL,
    computed_at    timestamptz NOT NULL DEFAULT now(),
    s              numeric(20,6) NOT NULL,
    major          boolean NOT NULL,
    r              numeric(20,6),
    grade          smallint CHECK (grade BETWEEN 1 AND 4),
    alpha          numeric(4,2),
    exposed_people integer,
    reason         text NOT NULL
);
CREATE INDEX ix_grading_history_unit ON grading_history (unit_id, computed_at DESC);

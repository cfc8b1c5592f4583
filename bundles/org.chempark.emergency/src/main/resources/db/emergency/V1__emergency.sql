-- Emergency decision support: stored scenarios and the emergency resources registry (R-F6.2, R-F6.5).

CREATE TABLE emergency.scenario (
    id            BIGSERIAL PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    release_type  VARCHAR(20)  NOT NULL,
    cas           VARCHAR(20)  NOT NULL,
    unit_id       BIGINT,
    enterprise_id BIGINT,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by    VARCHAR(100) NOT NULL,
    request       JSONB        NOT NULL,
    result        JSONB        NOT NULL
);
CREATE INDEX scenario_created_idx ON emergency.scenario (created_at DESC);
CREATE INDEX scenario_enterprise_idx ON emergency.scenario (enterprise_id);

-- One table for the four categories; columns that do not apply to a category stay NULL
-- (checked by the module and by the constraints below).
CREATE TABLE emergency.resource (
    id            BIGSERIAL PRIMARY KEY,
    category      VARCHAR(12)  NOT NULL CHECK (category IN ('EXPERT', 'TEAM', 'MATERIAL', 'EQUIPMENT')),
    enterprise_id BIGINT,                      -- NULL: a park resource
    code          VARCHAR(50)  NOT NULL UNIQUE,
    name          VARCHAR(200) NOT NULL,
    type          VARCHAR(40)  NOT NULL,       -- expert speciality, team type, material/equipment type
    organisation  VARCHAR(200),
    mobile        VARCHAR(20),
    members       INTEGER CHECK (members IS NULL OR members > 0),
    quantity      NUMERIC(14, 3) CHECK (quantity IS NULL OR quantity >= 0),
    quantity_unit VARCHAR(20),
    east          DOUBLE PRECISION,
    north         DOUBLE PRECISION,
    expiry_date   DATE,
    available     BOOLEAN      NOT NULL DEFAULT TRUE,
    notes         VARCHAR(1000),
    version       INTEGER      NOT NULL DEFAULT 0,
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX resource_category_idx ON emergency.resource (category, type);
CREATE INDEX resource_enterprise_idx ON emergency.resource (enterprise_id);

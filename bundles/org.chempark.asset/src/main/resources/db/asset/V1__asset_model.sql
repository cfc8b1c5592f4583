-- Asset model (R-F1.1, R-A.5): park → enterprise → unit → equipment → monitoring point,
-- chemicals with GB 18218-2018 critical quantities, unit inventories, the 禁限控 catalog
-- and park map features. Geometry is GeoJSON in the park's local frame (metres).

CREATE TABLE park (
    id            bigserial PRIMARY KEY,
    code          text NOT NULL CONSTRAINT uq_park_code UNIQUE,
    name          text NOT NULL,
    name_en       text,
    address       text,
    area_km2      numeric(10,3),
    crs           text NOT NULL DEFAULT 'local-metres',
    origin_lon    double precision,
    origin_lat    double precision,
    boundary      text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       integer NOT NULL DEFAULT 0
);

CREATE TABLE chemical (
    id                  bigserial PRIMARY KEY,
    cas                 text NOT NULL CONSTRAINT uq_chemical_cas UNIQUE,
    name_zh             text NOT NULL,
    name_en             text,
    un_number           text,
    hazard_category     text NOT NULL,
    critical_quantity_t numeric(14,4) NOT NULL CHECK (critical_quantity_t > 0),
    key_supervised      boolean NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    version             integer NOT NULL DEFAULT 0
);

CREATE TABLE enterprise (
    id                   bigserial PRIMARY KEY,
    code                 text NOT NULL CONSTRAINT uq_enterprise_code UNIQUE,
    name                 text NOT NULL,
    credit_code          char(18) NOT NULL CONSTRAINT uq_enterprise_credit_code UNIQUE,
    industry             text NOT NULL,
    legal_representative text,
    safety_contact       text,
    phone                text,
    address              text,
    employees            integer CHECK (employees >= 0),
    geometry             text,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    version              integer NOT NULL DEFAULT 0
);
CREATE INDEX ix_enterprise_industry ON enterprise (industry);

CREATE TABLE unit (
    id             bigserial PRIMARY KEY,
    enterprise_id  bigint NOT NULL REFERENCES enterprise (id),
    code           text NOT NULL CONSTRAINT uq_unit_code UNIQUE,
    name           text NOT NULL,
    type           text NOT NULL CHECK (type IN ('PRODUCTION', 'STORAGE')),
    exposed_people integer CHECK (exposed_people >= 0),
    geometry       text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        integer NOT NULL DEFAULT 0
);
CREATE INDEX ix_unit_enterprise ON unit (enterprise_id);

CREATE TABLE unit_inventory (
    unit_id     bigint NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
    chemical_id bigint NOT NULL REFERENCES chemical (id),
    quantity_t  numeric(14,4) NOT NULL CHECK (quantity_t >= 0),
    PRIMARY KEY (unit_id, chemical_id)
);
CREATE INDEX ix_inventory_chemical ON unit_inventory (chemical_id);

CREATE TABLE equipment (
    id                   bigserial PRIMARY KEY,
    unit_id              bigint NOT NULL REFERENCES unit (id),
    code                 text NOT NULL CONSTRAINT uq_equipment_code UNIQUE,
    name                 text NOT NULL,
    type                 text NOT NULL,
    capacity_m3          double precision CHECK (capacity_m3 >= 0),
    design_pressure_mpa  double precision,
    design_temperature_c double precision,
    geometry             text,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    version              integer NOT NULL DEFAULT 0
);
CREATE INDEX ix_equipment_unit ON equipment (unit_id);

CREATE TABLE monitoring_point (
    id              bigserial PRIMARY KEY,
    equipment_id    bigint NOT NULL REFERENCES equipment (id),
    code            text NOT NULL CONSTRAINT uq_point_code UNIQUE,
    name            text NOT NULL,
    type            text NOT NULL,
    unit_of_measure text NOT NULL,
    range_low       double precision NOT NULL,
    range_high      double precision NOT NULL,
    limit_ll        double precision,
    limit_l         double precision,
    limit_h         double precision,
    limit_hh        double precision,
    gas_chemical_id bigint REFERENCES chemical (id),
    geometry        text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         integer NOT NULL DEFAULT 0,
    CHECK (range_low < range_high)
);
CREATE INDEX ix_point_equipment ON monitoring_point (equipment_id);
CREATE INDEX ix_point_type ON monitoring_point (type);

CREATE TABLE catalog_entry (
    id           bigserial PRIMARY KEY,
    category     text NOT NULL CHECK (category IN ('PROHIBITED', 'RESTRICTED', 'CONTROLLED')),
    subject_type text NOT NULL CHECK (subject_type IN ('CHEMICAL', 'PROCESS')),
    chemical_id  bigint REFERENCES chemical (id),
    name         text NOT NULL,
    reason       text,
    basis        text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    version      integer NOT NULL DEFAULT 0
);

CREATE TABLE map_feature (
    id         bigserial PRIMARY KEY,
    code       text NOT NULL CONSTRAINT uq_map_feature_code UNIQUE,
    kind       text NOT NULL,
    name       text NOT NULL,
    geometry   text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    integer NOT NULL DEFAULT 0
);

CREATE TABLE thing (id bigserial PRIMARY KEY, name text NOT NULL UNIQUE);
CREATE FUNCTION thing_upper(t text) RETURNS text AS $$ SELECT upper(t); $$ LANGUAGE sql;

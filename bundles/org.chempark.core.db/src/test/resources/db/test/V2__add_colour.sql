ALTER TABLE thing ADD COLUMN colour text;
INSERT INTO thing(name, colour) VALUES ('tank', thing_upper('red'));

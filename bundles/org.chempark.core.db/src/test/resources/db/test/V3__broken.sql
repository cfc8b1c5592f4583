ALTER TABLE thing ADD COLUMN weight numeric;
SELECT * FROM table_that_does_not_exist;

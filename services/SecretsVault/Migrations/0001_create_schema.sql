-- The vault schema holds every table this service owns.
CREATE SCHEMA IF NOT EXISTS vault;

-- The registry schema holds every table this service owns.
CREATE SCHEMA IF NOT EXISTS registry;

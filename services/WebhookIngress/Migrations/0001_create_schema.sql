-- The webhooks schema holds every table this service owns.
CREATE SCHEMA IF NOT EXISTS webhooks;

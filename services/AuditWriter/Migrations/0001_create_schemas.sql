-- Two schemas: "audit" for what happened (tool calls, service lifecycle), "usage" for the model-usage ledger.
CREATE SCHEMA IF NOT EXISTS audit;
CREATE SCHEMA IF NOT EXISTS usage;

-- One row per ServiceStarted event; the event id makes redelivery harmless.
CREATE TABLE audit.service_events (
    id uuid PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    service text NOT NULL,
    instance text NOT NULL,
    version text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX service_events_service_occurred_at ON audit.service_events (service, occurred_at DESC);

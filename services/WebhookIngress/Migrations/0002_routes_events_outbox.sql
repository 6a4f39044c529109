-- Routes: one inbound endpoint of a tenant, /webhooks/{tenant-slug}/{slug}. Only the vault's handle of the signing
-- secret is kept here; there is no column that could hold the secret itself.
CREATE TABLE webhooks.routes (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL,
    slug text NOT NULL CHECK (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$'),
    space_id uuid NOT NULL,
    scheme text NOT NULL CHECK (scheme IN ('standard-webhooks', 'github', 'slack', 'stripe', 'hmac-sha256')),
    secret_id uuid NOT NULL,
    requester_identity text NULL CHECK (length(requester_identity) BETWEEN 1 AND 200),
    credential_subject text NULL CHECK (length(credential_subject) BETWEEN 1 AND 200),
    max_payload_bytes integer NOT NULL CHECK (max_payload_bytes BETWEEN 1 AND 1048576),
    timestamp_tolerance_seconds integer NOT NULL CHECK (timestamp_tolerance_seconds BETWEEN 1 AND 3600),
    enabled boolean NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (tenant_id, slug)
);

-- Accepted events. (route_id, sender_event_id) is the dedupe key: a repeat of an accepted id is acknowledged
-- again without a second row. There is no foreign key to routes: deleting a route keeps what it received.
CREATE TABLE webhooks.events (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL,
    route_id uuid NOT NULL,
    route_slug text NOT NULL,
    space_id uuid NOT NULL,
    scheme text NOT NULL,
    sender_event_id text NOT NULL,
    requester_identity text NULL,
    credential_subject text NULL,
    headers jsonb NOT NULL,
    payload bytea NOT NULL,
    received_at timestamptz NOT NULL,
    UNIQUE (route_id, sender_event_id)
);

-- Written in the same statement as its event; the relay publishes pending rows and marks them sent.
CREATE TABLE webhooks.outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id uuid NOT NULL UNIQUE REFERENCES webhooks.events (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    sent_at timestamptz NULL,
    attempts integer NOT NULL DEFAULT 0
);
CREATE INDEX outbox_pending ON webhooks.outbox (id) WHERE sent_at IS NULL;

-- What reached each Space: written by the WebhookReceived consumer, deduplicated on the event id.
CREATE TABLE webhooks.space_events (
    event_id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL,
    space_id uuid NOT NULL,
    route_id uuid NOT NULL,
    route_slug text NOT NULL,
    scheme text NOT NULL,
    sender_event_id text NOT NULL,
    requester_identity text NULL,
    credential_subject text NULL,
    headers jsonb NOT NULL,
    payload bytea NOT NULL,
    received_at timestamptz NOT NULL,
    delivered_at timestamptz NOT NULL DEFAULT now(),
    redeliveries integer NOT NULL DEFAULT 0
);
CREATE INDEX space_events_recent ON webhooks.space_events (tenant_id, space_id, received_at DESC, event_id DESC);

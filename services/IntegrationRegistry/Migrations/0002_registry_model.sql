-- Tenants, the people in them, their agents and the credentials that authenticate both to the platform.
-- Composite foreign keys on (tenant_id, id) make "same tenant" a property of the data, not only of the queries.

CREATE TABLE registry.tenants (
    id          uuid PRIMARY KEY,
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{1,40}$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE registry.identities (
    id           uuid PRIMARY KEY,
    tenant_id    uuid NOT NULL REFERENCES registry.tenants (id),
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    display_name text NULL,
    email        text NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, name)
);

CREATE TABLE registry.agents (
    id                  uuid PRIMARY KEY,
    tenant_id           uuid NOT NULL REFERENCES registry.tenants (id),
    subject_identity_id uuid NOT NULL,
    slug                text NOT NULL CHECK (slug ~ '^[a-z0-9-]{1,40}$'),
    name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description         text NULL,
    mcp_url             text NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, slug),
    FOREIGN KEY (tenant_id, subject_identity_id) REFERENCES registry.identities (tenant_id, id)
);

-- Tokens and keys are stored as SHA-256 of the whole token (256 random bits behind the prefix), never in clear.
CREATE TABLE registry.agent_tokens (
    id           uuid PRIMARY KEY,
    tenant_id    uuid NOT NULL,
    agent_id     uuid NOT NULL,
    name         text NULL,
    token_hash   bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NULL,
    last_used_at timestamptz NULL,
    revoked_at   timestamptz NULL,
    FOREIGN KEY (tenant_id, agent_id) REFERENCES registry.agents (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX agent_tokens_agent ON registry.agent_tokens (tenant_id, agent_id);

CREATE TABLE registry.admin_keys (
    id           uuid PRIMARY KEY,
    tenant_id    uuid NOT NULL REFERENCES registry.tenants (id),
    name         text NULL,
    key_hash     bytea NOT NULL UNIQUE CHECK (length(key_hash) = 32),
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NULL,
    last_used_at timestamptz NULL,
    revoked_at   timestamptz NULL
);
CREATE INDEX admin_keys_tenant ON registry.admin_keys (tenant_id);

-- The layered model: definition → auth method → install → credential.

-- tenant_id NULL: a platform-wide definition every tenant can install (created with the operator key).
CREATE TABLE registry.definitions (
    id          uuid PRIMARY KEY,
    tenant_id   uuid NULL REFERENCES registry.tenants (id),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind        text NOT NULL CHECK (kind IN ('mcp', 'oauth-api')),
    base_url    text NOT NULL CHECK (base_url ~ '^https?://'),
    description text NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (tenant_id, name)
);

-- How a tenant authenticates to a definition. Endpoint and client settings only where the kind needs them; a
-- client secret is a vault secret id, never material.
CREATE TABLE registry.auth_methods (
    id                      uuid PRIMARY KEY,
    tenant_id               uuid NOT NULL REFERENCES registry.tenants (id),
    definition_id           uuid NOT NULL REFERENCES registry.definitions (id),
    name                    text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind                    text NOT NULL CHECK (kind IN ('none', 'static', 'oauth-discovered', 'oauth-preregistered', 'client-credentials')),
    header_name             text NULL,
    scopes                  text[] NOT NULL DEFAULT '{}',
    authorization_endpoint  text NULL,
    token_endpoint          text NULL,
    client_id               text NULL,
    client_secret_id        uuid NULL,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, name),
    UNIQUE (tenant_id, definition_id, id),
    CHECK (kind <> 'static' OR header_name IS NOT NULL),
    CHECK (kind NOT IN ('oauth-preregistered', 'client-credentials') OR (client_id IS NOT NULL AND token_endpoint IS NOT NULL)),
    CHECK (kind <> 'oauth-preregistered' OR authorization_endpoint IS NOT NULL)
);

-- One instance of a definition in a tenant. Empty allowed_tools means every tool; denied_tools always wins.
CREATE TABLE registry.installs (
    id                   uuid PRIMARY KEY,
    tenant_id            uuid NOT NULL REFERENCES registry.tenants (id),
    definition_id        uuid NOT NULL,
    auth_method_id       uuid NOT NULL,
    slug                 text NOT NULL CHECK (slug ~ '^[a-z0-9-]{1,40}$'),
    display_name         text NULL,
    allowed_tools        text[] NOT NULL DEFAULT '{}',
    denied_tools         text[] NOT NULL DEFAULT '{}',
    call_timeout_seconds integer NOT NULL DEFAULT 30 CHECK (call_timeout_seconds BETWEEN 1 AND 600),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, slug),
    FOREIGN KEY (tenant_id, definition_id, auth_method_id) REFERENCES registry.auth_methods (tenant_id, definition_id, id)
);

-- One subject's credential on one install. secret_handles maps a role ("api-key", "access-token", ...) to a
-- vault secret id; no column can hold material.
CREATE TABLE registry.credentials (
    id                  uuid PRIMARY KEY,
    tenant_id           uuid NOT NULL,
    install_id          uuid NOT NULL,
    subject_identity_id uuid NOT NULL,
    status              text NOT NULL CHECK (status IN ('active', 'revoked', 'expired', 'needs-reauth')),
    secret_handles      jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(secret_handles) = 'object'),
    scopes              text[] NOT NULL DEFAULT '{}',
    expires_at          timestamptz NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    revoked_at          timestamptz NULL,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, install_id) REFERENCES registry.installs (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, subject_identity_id) REFERENCES registry.identities (tenant_id, id),
    CHECK ((status = 'revoked') = (revoked_at IS NOT NULL))
);
-- At most one live credential per subject and install.
CREATE UNIQUE INDEX credentials_live ON registry.credentials (tenant_id, install_id, subject_identity_id) WHERE status <> 'revoked';

-- Named targets inside a tenant (webhook deliveries, agent work).
CREATE TABLE registry.spaces (
    id          uuid PRIMARY KEY,
    tenant_id   uuid NOT NULL REFERENCES registry.tenants (id),
    slug        text NOT NULL CHECK (slug ~ '^[a-z0-9-]{1,40}$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description text NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, slug)
);

-- Vault secrets whose owner is gone (credential revoked, install deleted, auth method replaced) and that the
-- vault has not yet confirmed revoked; written in the same transaction as the change, drained by a sweeper.
CREATE TABLE registry.pending_secret_revocations (
    secret_id   uuid PRIMARY KEY,
    tenant_id   uuid NOT NULL,
    queued_at   timestamptz NOT NULL DEFAULT now(),
    attempts    integer NOT NULL DEFAULT 0
);

-- Integration events written with the change they describe; a relay publishes them to the bus.
CREATE TABLE registry.outbox (
    id           uuid PRIMARY KEY,
    message_type text NOT NULL,
    payload      jsonb NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz NULL
);
CREATE INDEX outbox_unpublished ON registry.outbox (created_at) WHERE published_at IS NULL;

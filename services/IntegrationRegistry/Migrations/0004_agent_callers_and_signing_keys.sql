-- Agents as tools: an agent with its own MCP endpoint is offered only to the agents of its tenant listed here
-- (none unless listed). Both ends belong to the same tenant; deleting either agent drops the row.
CREATE TABLE registry.agent_callers (
    tenant_id       uuid NOT NULL,
    agent_id        uuid NOT NULL,
    caller_agent_id uuid NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, agent_id, caller_agent_id),
    CHECK (agent_id <> caller_agent_id),
    FOREIGN KEY (tenant_id, agent_id) REFERENCES registry.agents (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, caller_agent_id) REFERENCES registry.agents (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX agent_callers_caller ON registry.agent_callers (tenant_id, caller_agent_id);

-- Public keys platform services sign short-lived tokens with (the edge's caller tokens for agents as tools),
-- published as the platform's JWKS. Private keys never leave the signing process; a key is listed until it expires.
CREATE TABLE registry.signing_keys (
    kid        text PRIMARY KEY CHECK (kid ~ '^[A-Za-z0-9_-]{8,64}$'),
    service    text NOT NULL CHECK (length(service) BETWEEN 1 AND 100),
    public_jwk jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);
CREATE INDEX signing_keys_expires ON registry.signing_keys (expires_at);

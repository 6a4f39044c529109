-- Which agents may read a Space's events through the edge, and how much of them: 'person' (events whose credential
-- subject is the person the agent acts for, and events with no subject) or 'whole-space' (every event). Deleting
-- the Space or the agent deletes its grants.
CREATE TABLE registry.space_grants (
    tenant_id  uuid NOT NULL REFERENCES registry.tenants (id),
    space_id   uuid NOT NULL,
    agent_id   uuid NOT NULL,
    scope      text NOT NULL CHECK (scope IN ('person', 'whole-space')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, space_id, agent_id),
    FOREIGN KEY (tenant_id, space_id) REFERENCES registry.spaces (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, agent_id) REFERENCES registry.agents (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX space_grants_agent ON registry.space_grants (tenant_id, agent_id);

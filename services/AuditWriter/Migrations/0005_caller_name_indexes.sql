-- The filters by name (agentSlug, identityName, installSlug) are served by indexes of their own, led by the tenant and
-- the name and then in the order pages are read (occurred_at DESC, id DESC): a name's newest page is an index scan that
-- stops at the page's limit, rather than a walk through every row of the tenant. The usage ledger has no install.
CREATE INDEX tool_calls_tenant_agent_slug ON audit.tool_calls (tenant_id, agent_slug, occurred_at DESC, id DESC);
CREATE INDEX tool_calls_tenant_identity_name ON audit.tool_calls (tenant_id, identity_name, occurred_at DESC, id DESC);
CREATE INDEX tool_calls_tenant_install_slug ON audit.tool_calls (tenant_id, install_slug, occurred_at DESC, id DESC);

CREATE INDEX model_calls_tenant_agent_slug ON usage.model_calls (tenant_id, agent_slug, occurred_at DESC, id DESC);
CREATE INDEX model_calls_tenant_identity_name ON usage.model_calls (tenant_id, identity_name, occurred_at DESC, id DESC);

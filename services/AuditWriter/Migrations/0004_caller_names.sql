-- The names people know the caller by, as they were at the time of the call: the agent's slug, the name of the
-- identity it acted for and (tool calls) the namespace the call went to (the install's slug, or agent.<slug> for a
-- call to another agent). Ids stay the key; a later rename changes nothing here. Rows written before this have none.
ALTER TABLE audit.tool_calls ADD COLUMN agent_slug text NULL;
ALTER TABLE audit.tool_calls ADD COLUMN identity_name text NULL;
ALTER TABLE audit.tool_calls ADD COLUMN install_slug text NULL;

ALTER TABLE usage.model_calls ADD COLUMN agent_slug text NULL;
ALTER TABLE usage.model_calls ADD COLUMN identity_name text NULL;

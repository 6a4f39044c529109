-- Agents read Space events through the MCP edge, filtered by the person they act for and by event type.
-- A route's credential subject is kept as the identity id it named when the route was saved (the registry's answer
-- then), so a later rename of an identity, or a new one taking an old name, never changes whose events these are.
-- Routes saved before this migration have no id until they are saved again: their events are visible to
-- whole-Space grants only.
ALTER TABLE webhooks.routes ADD COLUMN credential_subject_id uuid NULL;
ALTER TABLE webhooks.events ADD COLUMN credential_subject_id uuid NULL;
ALTER TABLE webhooks.space_events ADD COLUMN credential_subject_id uuid NULL;
-- What the event is (GitHub's X-GitHub-Event, X-Webhook-Event, else the body's "type"; Slack's inner event type).
ALTER TABLE webhooks.space_events ADD COLUMN event_type text NULL;

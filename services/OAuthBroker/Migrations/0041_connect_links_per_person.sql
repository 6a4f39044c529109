-- Finds one person's unused links on one install, newest first, so that making a link can drop the oldest beyond
-- ConnectLinkStore.OpenLinksPerPerson (an agent retrying a tool its person has not connected makes one per answer).
CREATE INDEX connect_links_open_per_person ON broker.connect_links (tenant_id, install_id, identity_id, created_at) WHERE used_at IS NULL;

-- Connect links: one person (identity) connecting one install, short-lived and single use. A row is found by the
-- SHA-256 of the link's token (the token itself travels only in the link), marked used by the one visit that starts
-- the flow, and refused after expires_at. scope, when set, asks the provider for more than the install's defaults
-- (a step-up after a 403 insufficient_scope). The link names no secret: it only leads to the provider's consent page.
-- The visit that uses it binds the flow to that browser: state_sha256 finds the link from the callback, and
-- browser_sha256 is the digest of a random value the browser got in a cookie; the callback must bring it back.
CREATE TABLE broker.connect_links (
    token_sha256 bytea PRIMARY KEY CHECK (length(token_sha256) = 32),
    tenant_id    uuid NOT NULL,
    install_id   uuid NOT NULL,
    identity_id  uuid NOT NULL,
    scope        text NULL,
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    used_at      timestamptz NULL,
    state_sha256 bytea NULL UNIQUE CHECK (length(state_sha256) = 32),
    browser_sha256 bytea NULL CHECK (length(browser_sha256) = 32)
);
CREATE INDEX connect_links_expiry ON broker.connect_links (expires_at);

-- The OAuth credentials the broker keeps fresh, one row per registry credential: where its tokens are in the vault
-- (handles only; a refresh writes new versions of the same two secrets), the session its refreshes start from
-- (discovery results and client id, never a client secret), and when to refresh. A refresh holds the row
-- FOR UPDATE, so exactly one refresh per credential runs at a time across every broker replica; a caller that
-- waited reads the row the winner committed. access_token_sha256 tells which access token is current (a caller
-- refused with an older one gets the newer one instead of refreshing again); it is a digest, never the token.
CREATE TABLE broker.oauth_tokens (
    credential_id       uuid PRIMARY KEY,
    tenant_id           uuid NOT NULL,
    install_id          uuid NOT NULL,
    identity_id         uuid NOT NULL,
    access_secret_id    uuid NOT NULL,
    refresh_secret_id   uuid NULL,
    access_token_sha256 bytea NOT NULL CHECK (length(access_token_sha256) = 32),
    session             jsonb NOT NULL,
    scope               text NULL,
    issued_at           timestamptz NOT NULL,
    expires_at          timestamptz NULL,
    refresh_at          timestamptz NULL,
    status              text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'needs-reauth')),
    refreshes           integer NOT NULL DEFAULT 0
);
CREATE INDEX oauth_tokens_refresh_due ON broker.oauth_tokens (refresh_at) WHERE status = 'active' AND refresh_secret_id IS NOT NULL;

-- An OAuth credential's tokens stay in the vault after the credential is revoked until the broker has revoked them
-- at the authorization server (RFC 7009), which needs their values: held_until keeps the vault revoker away from
-- them. The broker clears it when done; past it the tokens are destroyed anyway, so an authorization server that
-- never answers cannot keep them alive. NULL for every other secret (revoked at once).
ALTER TABLE registry.pending_secret_revocations ADD COLUMN held_until timestamptz NULL;

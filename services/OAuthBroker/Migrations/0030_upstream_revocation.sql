-- A credential revoked in the registry keeps its row here, status 'revoked', until the broker has revoked its tokens
-- at the authorization server (RFC 7009); the row is then deleted. The refresh sweep and the edge's token API take
-- only 'active' rows, so a revoked credential is never renewed again. Attempts are retried with a growing delay
-- (revocation_due_at); revocation_error is the last failure's message (URL and error code, never a token).
ALTER TABLE broker.oauth_tokens DROP CONSTRAINT oauth_tokens_status_check;
ALTER TABLE broker.oauth_tokens
    ADD CONSTRAINT oauth_tokens_status_check CHECK (status IN ('active', 'needs-reauth', 'revoked')),
    ADD COLUMN revocation_attempts integer NOT NULL DEFAULT 0,
    ADD COLUMN revocation_due_at   timestamptz NULL,
    ADD COLUMN revocation_error    text NULL;
CREATE INDEX oauth_tokens_revocation_due ON broker.oauth_tokens (revocation_due_at) WHERE status = 'revoked';

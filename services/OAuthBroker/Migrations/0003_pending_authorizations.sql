-- Authorizations started and waiting for the person's browser to come back. A row is found by the SHA-256 of its
-- state (the state itself travels only through the browser), deleted by the one callback that uses it, and refused
-- after expires_at. The PKCE verifier is sealed under a key derived from the state, so the database alone cannot
-- complete a flow; the session holds discovery results and the client id, never a client secret.
CREATE TABLE broker.pending_authorizations (
    state_hash     bytea PRIMARY KEY CHECK (length(state_hash) = 32),
    binding        text NOT NULL,
    sealed_verifier bytea NOT NULL,
    redirect_uri   text NOT NULL,
    scope          text NULL,
    session        jsonb NOT NULL,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL
);
CREATE INDEX pending_authorizations_expiry ON broker.pending_authorizations (expires_at);

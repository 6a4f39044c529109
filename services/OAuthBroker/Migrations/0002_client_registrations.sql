-- Dynamic client registrations (RFC 7591), one per authorization server, redirect URI and grant, shared by every
-- replica and tenant and reused until the server forgets them. The client secret is never here: only its vault
-- handle (purpose oauth-client-secret, owned by the platform's own tenant id).
CREATE TABLE broker.client_registrations (
    issuer                     text NOT NULL,
    redirect_uri               text NOT NULL,   -- '' for client credentials, which redirect nowhere
    grant_type                 text NOT NULL CHECK (grant_type IN ('authorization_code', 'client_credentials')),
    client_id                  text NOT NULL,
    client_secret_id           uuid NULL,       -- null for a public client (token endpoint auth method none)
    token_endpoint_auth_method text NOT NULL CHECK (token_endpoint_auth_method IN ('client_secret_basic', 'client_secret_post', 'none')),
    created_at                 timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (issuer, redirect_uri, grant_type),
    CHECK ((token_endpoint_auth_method = 'none') = (client_secret_id IS NULL))
);

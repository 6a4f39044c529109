-- A secret's purpose is one of a fixed set (what the vault lets each service create and resolve), no longer a free
-- label; and a resolve or write refused for its purpose or tenant binding is recorded as 'refused'.

ALTER TABLE vault.secrets DROP CONSTRAINT secrets_purpose_is_a_label;

-- Existing rows get the purpose their writer and label say: the registry's "auth-method/..." labels are OAuth
-- client secrets and its other labels upstream credentials; webhook-ingress writes only signing secrets; the
-- broker's labels name refresh tokens, client secrets or (otherwise) access tokens.
UPDATE vault.secrets SET purpose = CASE
    WHEN created_by = 'webhook-ingress' THEN 'webhook-signing-secret'
    WHEN created_by = 'integration-registry' AND purpose LIKE 'auth-method%' THEN 'oauth-client-secret'
    WHEN created_by = 'integration-registry' THEN 'upstream-credential'
    WHEN created_by = 'oauth-broker' AND purpose ILIKE '%refresh%' THEN 'oauth-refresh-token'
    WHEN created_by = 'oauth-broker' AND purpose ILIKE '%client%' THEN 'oauth-client-secret'
    WHEN created_by = 'oauth-broker' THEN 'oauth-token'
    -- No other service has ever written secrets; the CASE needs an end.
    ELSE 'upstream-credential'
END;

ALTER TABLE vault.secrets ADD CONSTRAINT secrets_purpose
    CHECK (purpose IN ('upstream-credential', 'oauth-client-secret', 'oauth-token', 'oauth-refresh-token', 'webhook-signing-secret'));

ALTER TABLE vault.access_log DROP CONSTRAINT access_log_outcome;
ALTER TABLE vault.access_log ADD CONSTRAINT access_log_outcome
    CHECK (outcome IN ('ok', 'not-found', 'revoked', 'source-unavailable', 'undecryptable', 'denied', 'unauthenticated', 'conflict', 'refused'));

-- OAuth auth methods as the broker's engine sees them: one kind `oauth` (authorization code for a person; a client id
-- makes it a pre-registered client, without one the broker uses a Client ID Metadata Document or registers itself)
-- and `client-credentials` (machine to machine). Fixed endpoints become optional: discovery finds them unless a
-- provider publishes them where no rule reaches. The two former OAuth kinds fold into `oauth`.
ALTER TABLE registry.auth_methods
    ADD COLUMN token_endpoint_auth_method text NULL
        CHECK (token_endpoint_auth_method IN ('client_secret_basic', 'client_secret_post', 'none')),
    ADD COLUMN resource_on_refresh boolean NOT NULL DEFAULT true;

-- The CHECKs of 0002 were unnamed; drop every one that names a kind, whatever name PostgreSQL gave it.
DO $$
DECLARE
    constraint_name text;
BEGIN
    FOR constraint_name IN
        SELECT conname FROM pg_constraint
        WHERE conrelid = 'registry.auth_methods'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%kind%'
    LOOP
        EXECUTE format('ALTER TABLE registry.auth_methods DROP CONSTRAINT %I', constraint_name);
    END LOOP;
END $$;

UPDATE registry.auth_methods SET
    kind = 'oauth',
    token_endpoint_auth_method = CASE WHEN client_id IS NULL THEN NULL
                                      WHEN client_secret_id IS NULL THEN 'none'
                                      ELSE 'client_secret_basic' END
WHERE kind IN ('oauth-discovered', 'oauth-preregistered');
UPDATE registry.auth_methods SET token_endpoint_auth_method = 'client_secret_basic'
WHERE kind = 'client-credentials' AND token_endpoint_auth_method IS NULL;

ALTER TABLE registry.auth_methods
    ADD CONSTRAINT auth_methods_kind_check CHECK (kind IN ('none', 'static', 'oauth', 'client-credentials')),
    ADD CONSTRAINT auth_methods_static_header CHECK (kind <> 'static' OR header_name IS NOT NULL),
    ADD CONSTRAINT auth_methods_client_credentials_client CHECK (kind <> 'client-credentials' OR (client_id IS NOT NULL AND client_secret_id IS NOT NULL)),
    -- A client id comes with its token endpoint auth method; only OAuth kinds carry a client or endpoints.
    ADD CONSTRAINT auth_methods_client_auth_method CHECK ((client_id IS NULL) = (token_endpoint_auth_method IS NULL)),
    ADD CONSTRAINT auth_methods_oauth_only CHECK (kind IN ('oauth', 'client-credentials')
        OR (client_id IS NULL AND client_secret_id IS NULL AND authorization_endpoint IS NULL AND token_endpoint IS NULL));

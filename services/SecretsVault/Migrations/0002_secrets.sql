-- Secrets in exactly three forms. No column can hold plaintext: material exists only as AES-256-GCM ciphertext
-- (encrypted), or outside the vault (env: a variable name; cloud: an Azure Key Vault identifier). Every text
-- column is shaped by a CHECK into a label, a name or an identifier.

-- One row per secret: who owns it, which form it takes, which version is current, whether it is revoked.
CREATE TABLE vault.secrets (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL,
    kind text NOT NULL CONSTRAINT secrets_kind CHECK (kind IN ('encrypted', 'env', 'cloud')),
    -- A short label ("api-key", "refresh-token"), shaped so that it cannot carry a key or token by accident.
    purpose text NOT NULL CONSTRAINT secrets_purpose_is_a_label CHECK (purpose ~ '^[A-Za-z0-9][A-Za-z0-9 ._:/()-]{0,63}$'),
    current_version integer NOT NULL CONSTRAINT secrets_current_version_positive CHECK (current_version >= 1),
    created_by text NOT NULL CONSTRAINT secrets_created_by_is_a_service CHECK (created_by ~ '^[a-z][a-z0-9-]{0,62}$'),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz,
    revoked_by text CONSTRAINT secrets_revoked_by_is_a_service CHECK (revoked_by ~ '^[a-z][a-z0-9-]{0,62}$'),
    CONSTRAINT secrets_revocation CHECK ((revoked_at IS NULL) = (revoked_by IS NULL)),
    -- Lets secret_refs pin its tenant and kind to the secret's.
    CONSTRAINT secrets_id_tenant_kind UNIQUE (id, tenant_id, kind)
);

CREATE INDEX secrets_tenant ON vault.secrets (tenant_id);

-- One row per version of a secret, holding exactly the columns of its form. An encrypted version whose key
-- material was destroyed (superseded by a newer version, or revoked) keeps no ciphertext and no wrapped key.
CREATE TABLE vault.secret_refs (
    secret_id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    kind text NOT NULL,
    version integer NOT NULL CONSTRAINT secret_refs_version_positive CHECK (version >= 1),
    -- encrypted: the secret under a per-version data key; the data key wrapped by master key master_key_version
    -- (nonce || encrypted key || tag).
    ciphertext bytea,
    nonce bytea,
    tag bytea,
    wrapped_key bytea,
    master_key_version integer,
    -- env: a variable of the vault process, with the configured prefix (checked by the service).
    env_variable text,
    -- cloud: an Azure Key Vault secret identifier on an allowed host (checked by the service).
    cloud_uri text,
    created_at timestamptz NOT NULL DEFAULT now(),
    destroyed_at timestamptz,
    PRIMARY KEY (secret_id, version),
    CONSTRAINT secret_refs_secret FOREIGN KEY (secret_id, tenant_id, kind)
        REFERENCES vault.secrets (id, tenant_id, kind) ON DELETE CASCADE,
    CONSTRAINT secret_refs_form CHECK (
        CASE kind
            WHEN 'encrypted' THEN
                env_variable IS NULL AND cloud_uri IS NULL
                AND (
                    (destroyed_at IS NULL
                        AND ciphertext IS NOT NULL
                        AND nonce IS NOT NULL AND octet_length(nonce) = 12
                        AND tag IS NOT NULL AND octet_length(tag) = 16
                        AND wrapped_key IS NOT NULL AND octet_length(wrapped_key) = 60
                        AND master_key_version IS NOT NULL AND master_key_version >= 1)
                    OR (destroyed_at IS NOT NULL
                        AND ciphertext IS NULL AND nonce IS NULL AND tag IS NULL
                        AND wrapped_key IS NULL AND master_key_version IS NULL))
            WHEN 'env' THEN
                env_variable IS NOT NULL AND cloud_uri IS NULL
                AND ciphertext IS NULL AND nonce IS NULL AND tag IS NULL
                AND wrapped_key IS NULL AND master_key_version IS NULL
            WHEN 'cloud' THEN
                cloud_uri IS NOT NULL AND env_variable IS NULL
                AND ciphertext IS NULL AND nonce IS NULL AND tag IS NULL
                AND wrapped_key IS NULL AND master_key_version IS NULL
            ELSE false
        END),
    CONSTRAINT secret_refs_env_variable_is_a_name CHECK (env_variable ~ '^[A-Za-z_][A-Za-z0-9_]{0,127}$'),
    CONSTRAINT secret_refs_cloud_uri_is_an_identifier
        CHECK (cloud_uri ~ '^https://[a-z0-9-]+(\.[a-z0-9-]+)+/secrets/[A-Za-z0-9-]{1,127}(/[0-9a-f]{32})?$')
);

-- Rewrap and key statistics look for live data keys by master key version.
CREATE INDEX secret_refs_live_master_key ON vault.secret_refs (master_key_version) WHERE wrapped_key IS NOT NULL;

-- Every resolve (and every create, update and revoke), allowed or not; never material.
CREATE TABLE vault.access_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    caller text NOT NULL CONSTRAINT access_log_caller_is_a_name CHECK (caller ~ '^[a-z][a-z0-9-]{0,62}$'),
    operation text NOT NULL CONSTRAINT access_log_operation
        CHECK (operation IN ('create', 'update', 'resolve', 'revoke')),
    tenant_id uuid,
    secret_id uuid,
    version integer,
    outcome text NOT NULL CONSTRAINT access_log_outcome
        CHECK (outcome IN ('ok', 'not-found', 'revoked', 'source-unavailable', 'undecryptable', 'denied', 'unauthenticated', 'conflict'))
);

CREATE INDEX access_log_secret ON vault.access_log (secret_id, occurred_at);

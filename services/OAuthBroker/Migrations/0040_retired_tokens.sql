-- A person who connects again replaces the credential's tokens. The replaced ones are retired, not forgotten: their
-- handles are kept as a row of their own (a new id, status 'revoked', retired_from naming the credential), which the
-- upstream revocation loop takes like a disconnected credential's: both tokens revoked at the authorization server
-- (RFC 7009), the registry's hold on their vault secrets released, the row deleted.
ALTER TABLE broker.oauth_tokens ADD COLUMN retired_from uuid NULL;

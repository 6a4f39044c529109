-- GitHub signs neither a timestamp nor the delivery id, so a captured delivery replayed with a new
-- X-GitHub-Delivery passed the (route_id, sender_event_id) dedupe. The SHA-256 of the signed body is a second
-- dedupe key for such schemes: a replay under a new id is acknowledged as a duplicate, not stored twice.
ALTER TABLE webhooks.events ADD COLUMN content_sha256 text
    CONSTRAINT events_content_sha256_is_hex CHECK (content_sha256 ~ '^[0-9a-f]{64}$');

-- GitHub events already accepted: the first of each body on its route takes the key, so a later replay of any of
-- them is caught too (copies accepted before this migration stay as they are).
UPDATE webhooks.events e SET content_sha256 = first.hash
FROM (
    SELECT DISTINCT ON (route_id, encode(sha256(payload), 'hex')) id, encode(sha256(payload), 'hex') AS hash
    FROM webhooks.events
    WHERE scheme = 'github'
    ORDER BY route_id, encode(sha256(payload), 'hex'), received_at, id
) first
WHERE e.id = first.id;

CREATE UNIQUE INDEX events_route_content ON webhooks.events (route_id, content_sha256) WHERE content_sha256 IS NOT NULL;

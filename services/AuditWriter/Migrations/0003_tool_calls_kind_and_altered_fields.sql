-- Every forwarded request is on the record, not only tools/call: kind tells a tool call from a resource read, a
-- prompt fetch, a completion or a listing. Rows written before this are tool calls.
ALTER TABLE audit.tool_calls ADD COLUMN kind text NOT NULL DEFAULT 'tool';

-- A call whose values could not be stored as given (NUL, an unpaired surrogate, a name over its length, a number
-- numeric cannot hold) is stored in a safe form instead of being refused; this names the fields that were altered.
ALTER TABLE audit.tool_calls ADD COLUMN altered_fields text[] NOT NULL DEFAULT '{}';

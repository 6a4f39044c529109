-- The tool-call audit and the model-usage ledger: one table each, in their own schemas, never mixed.
-- Both are partitioned by month on occurred_at, so retention drops whole partitions instead of deleting rows.
-- The primary key must contain the partition key; (id, occurred_at) makes a redelivered event (same id, same
-- time) a no-op through ON CONFLICT DO NOTHING.

CREATE TABLE audit.tool_calls (
    id uuid NOT NULL,
    occurred_at timestamptz NOT NULL,
    tenant_id text NOT NULL,
    agent_id text NOT NULL,
    subject_id text NOT NULL,
    install_id uuid NOT NULL,
    tool_name text NOT NULL,
    upstream_tool_name text NOT NULL,
    started_at timestamptz NOT NULL,
    duration_ms bigint NOT NULL CHECK (duration_ms >= 0),
    outcome text NOT NULL,
    error_class text,
    arguments jsonb NOT NULL,
    bytes_in bigint NOT NULL CHECK (bytes_in >= 0),
    bytes_out bigint NOT NULL CHECK (bytes_out >= 0),
    trace_id text,
    -- When the row was written (clock time, not transaction start): the end of the publish-to-row lag.
    received_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);

-- Every query is confined to one tenant and pages newest first.
CREATE INDEX tool_calls_tenant_occurred_at ON audit.tool_calls (tenant_id, occurred_at DESC, id DESC);

CREATE TABLE usage.model_calls (
    id uuid NOT NULL,
    occurred_at timestamptz NOT NULL,
    tenant_id text NOT NULL,
    agent_id text NOT NULL,
    subject_id text,
    model text NOT NULL,
    provider text,
    input_tokens bigint NOT NULL CHECK (input_tokens >= 0),
    output_tokens bigint NOT NULL CHECK (output_tokens >= 0),
    cached_tokens bigint NOT NULL CHECK (cached_tokens >= 0),
    -- US dollars.
    cost numeric(20, 8) NOT NULL CHECK (cost >= 0),
    latency_ms bigint CHECK (latency_ms >= 0),
    request_id text,
    received_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);

CREATE INDEX model_calls_tenant_occurred_at ON usage.model_calls (tenant_id, occurred_at DESC, id DESC);

-- Creates the partition of parent for the UTC month containing month_start (named parent_pYYYYMM) unless it
-- exists. An advisory lock per parent serialises replicas that race to create the same month.
CREATE FUNCTION public.ensure_monthly_partition(parent regclass, month_start timestamptz)
RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    first_day timestamp := date_trunc('month', month_start AT TIME ZONE 'UTC');
    parent_schema text;
    parent_table text;
    partition_name text;
BEGIN
    SELECT n.nspname, c.relname INTO parent_schema, parent_table
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid = parent;
    partition_name := format('%s_p%s', parent_table, to_char(first_day, 'YYYYMM'));
    PERFORM pg_advisory_xact_lock(hashtext('monthly-partition:' || parent::text));
    IF to_regclass(format('%I.%I', parent_schema, partition_name)) IS NULL THEN
        EXECUTE format(
            'CREATE TABLE %I.%I PARTITION OF %s FOR VALUES FROM (%L) TO (%L)',
            parent_schema, partition_name, parent,
            first_day AT TIME ZONE 'UTC', (first_day + interval '1 month') AT TIME ZONE 'UTC');
    END IF;
    RETURN partition_name;
END;
$$;

-- Drops every partition of parent whose upper bound is at or before cutoff (it holds nothing newer), and
-- returns their names. The DEFAULT partition, if anyone adds one, is never dropped.
CREATE FUNCTION public.drop_monthly_partitions_before(parent regclass, cutoff timestamptz)
RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
    part record;
    upper_bound timestamptz;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('monthly-partition:' || parent::text));
    FOR part IN
        SELECT c.oid::regclass AS partition, c.relname, pg_get_expr(c.relpartbound, c.oid) AS bound
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = parent
        ORDER BY c.relname
    LOOP
        CONTINUE WHEN part.bound NOT LIKE 'FOR VALUES FROM%';
        upper_bound := substring(part.bound FROM 'TO \(''([^'']+)''\)')::timestamptz;
        IF upper_bound <= cutoff THEN
            EXECUTE format('DROP TABLE %s', part.partition);
            RETURN NEXT part.relname::text;
        END IF;
    END LOOP;
END;
$$;

-- The current month from the start, so the first events never wait for the maintenance pass.
SELECT public.ensure_monthly_partition('audit.tool_calls', now());
SELECT public.ensure_monthly_partition('usage.model_calls', now());

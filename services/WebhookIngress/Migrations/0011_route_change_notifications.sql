-- Every replica of webhook-ingress keeps routes in memory (Receiving/RouteCache.cs) and LISTENs on
-- 'webhook_routes': a route created, changed (enabled, limits, Space, a rotated secret handle) or deleted notifies
-- its tenant id and slug when its transaction commits, and each replica drops that route at once.
CREATE FUNCTION webhooks.notify_route_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM pg_notify('webhook_routes', OLD.tenant_id::text || '/' || OLD.slug);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM pg_notify('webhook_routes', NEW.tenant_id::text || '/' || NEW.slug);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER routes_changed AFTER INSERT OR UPDATE OR DELETE ON webhooks.routes
    FOR EACH ROW EXECUTE FUNCTION webhooks.notify_route_changed();

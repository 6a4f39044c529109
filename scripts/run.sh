#!/usr/bin/env bash
# Runs the whole platform (PostgreSQL, RabbitMQ, seven services, dashboard) until Ctrl+C.
# Extra arguments go to the AppHost, e.g. scripts/run.sh --fresh, or --data-dir DIR.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/prerequisites.sh
# A local development run: the services run as Development (a deployment, or the AppHost started any other way, runs
# them as Production).
exec dotnet run --project AppHost -- --environment Development "$@"

#!/usr/bin/env bash
# Starts the PolicyTracker dashboard at http://localhost:5080.
# With no connection string configured it runs a private PostgreSQL under .data/ (created once,
# reused afterwards); the app applies migrations and loads demo data on first start.
# Configure your own server with ConnectionStrings__Default=... (environment) or in
# src/PolicyTracker.Web/appsettings.json.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
. scripts/lib/postgres.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
port=${PORT:-5080}

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required: https://dot.net" >&2; exit 1; }

configured_in_appsettings() {
  python3 - "$root/src/PolicyTracker.Web/appsettings.json" 2>/dev/null <<'PY'
import json, sys
cs = (json.load(open(sys.argv[1])).get("ConnectionStrings") or {}).get("Default")
sys.exit(0 if cs else 1)
PY
}

if [ -z "${ConnectionStrings__Default:-}" ] && ! configured_in_appsettings; then
  data="$root/.data/postgres"
  if ! pg_dir_usable "$data"; then
    data="/var/tmp/policytracker-$(echo "$root" | md5sum | cut -c1-8)/postgres"
    pg_log "the postgres account cannot reach $root; keeping the database in $data"
  fi
  pgport=${PGPORT:-$(cat "$data.port" 2>/dev/null || pg_free_port 55480)}
  pg_log "starting the local PostgreSQL in $data (port $pgport)"
  pg_start "$data" "$pgport"
  echo "$pgport" > "$data.port"
  trap 'pg_log "stopping the local PostgreSQL"; pg_stop "$data"' EXIT
  export ConnectionStrings__Default="Host=127.0.0.1;Port=$pgport;Database=policytracker;Username=postgres"
else
  pg_log "using the configured PostgreSQL server"
fi

pg_log "building the dashboard"
dotnet tool restore >/dev/null
dotnet build src/PolicyTracker.Web -c Debug --nologo -v q -clp:NoSummary

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export Database__MigrateOnStartup=true Database__SeedDemoData=${Database__SeedDemoData:-true}
pg_log "starting PolicyTracker: open http://localhost:$port in your browser (Ctrl+C stops it)"
dotnet run --project src/PolicyTracker.Web -c Debug --no-build --no-launch-profile --urls "http://localhost:$port"

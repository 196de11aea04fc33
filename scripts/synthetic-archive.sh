#!/usr/bin/env bash
# Builds a synthetic archive on a throwaway PostgreSQL cluster and prints rows per table and the time:
#   scripts/synthetic-archive.sh [MEETINGS] [--keep]
# MEETINGS defaults to 100000. With --keep the cluster stays up (its connection string is printed)
# so the app or a benchmark can run against it; stop it with pg_ctl -D DIR stop.
# SYNTHETIC_DATA=DIR and SYNTHETIC_PORT=N choose the cluster's folder and port (default: a fresh
# folder under /tmp and the first free port from 56000).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/postgres.sh

meetings=${1:-100000}
keep=${2:-}
data=${SYNTHETIC_DATA:-$(mktemp -d /tmp/pt-synthetic.XXXXXX)}
port=${SYNTHETIC_PORT:-$(pg_free_port 56000)}
cleanup() { [ "$keep" = --keep ] || { pg_stop "$data" immediate; rm -rf "$data"; }; }
trap cleanup EXIT

pg_start "$data" "$port" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=4GB
cs="Host=127.0.0.1;Port=$port;Database=synthetic;Username=postgres"
pg_as_owner "$(pg_bindir)/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE synthetic"

dotnet build src/PolicyTracker.Cli -c Release --nologo -v q >/dev/null
cli=src/PolicyTracker.Cli/bin/Release/net10.0/policytracker
"$cli" migrate --connection "$cs"
/usr/bin/time -f "seed: wall %e s, peak RSS %M kB" "$cli" seed --synthetic --meetings "$meetings" --connection "$cs"
pg_as_owner "$(pg_bindir)/psql" -h 127.0.0.1 -p "$port" -U postgres -d synthetic -Atc \
  "SELECT 'database size: ' || pg_size_pretty(pg_database_size('synthetic'))"
if [ "$keep" = --keep ]; then echo "kept: $cs (data in $data)"; fi

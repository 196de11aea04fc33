#!/usr/bin/env bash
# Archive-scale benchmark: pages and grids at 100,000 (or 1,000,000) meetings, on a throwaway cluster.
#   scripts/bench-archive.sh [--meetings N | --million] [--reuse DIR] [--duration SECONDS] [--keep] [--plans-only] [--only REGEX]
#   (--only: measure only the endpoints whose name matches the extended regex, e.g. --only 'search|body page')
#
# 1. Builds the synthetic archive (scripts/synthetic-archive.sh) on a throwaway PostgreSQL, or with
#    --reuse DIR starts the cluster a previous --keep left in DIR; VACUUM (ANALYZE).
# 2. Publishes and starts the app in Production, signs in a throwaway admin, and starts the grid host
#    (tests/PolicyTracker.Benchmarks --grid-host: the grids' own query classes behind HTTP, because the list
#    pages fill their grids over the Blazor circuit, which wrk cannot drive).
# 3. Plans: with auto_explain (log_analyze, log_buffers: what EXPLAIN (ANALYZE, BUFFERS) prints) on, requests
#    every endpoint once and reads the plan of every statement it ran. FAILS if any plan sequentially scans a
#    table of more than 10,000 rows, or if any endpoint does not answer 200.
# 4. Load: wrk at 1 and at 8 connections per endpoint; prints p50/p95/p99, HTML size, and the app's RSS.
# Not part of scripts/test.sh: at 100k it takes 15-25 minutes on 2 cores (the seed alone 2-6).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/postgres.sh

meetings=100000 reuse="" duration=10 keep="" plans_only="" only=""
while [ $# -gt 0 ]; do
  case $1 in
    --meetings) meetings=$2; shift 2 ;;
    --million) meetings=1000000; shift ;;
    --reuse) reuse=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --plans-only) plans_only=1; shift ;;
    --only) only=$2; shift 2 ;;
    *) echo "usage: $0 [--meetings N | --million] [--reuse DIR] [--duration SECONDS] [--keep] [--plans-only] [--only REGEX]" >&2; exit 2 ;;
  esac
done

command -v wrk >/dev/null || { pg_log "installing wrk"; as_root apt-get update -qq >&2; DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq wrk >&2; }
command -v python3 >/dev/null || { DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3 >&2; }

work=$(mktemp -d /tmp/pt-bench.XXXXXX)
pg_port=${BENCH_PG_PORT:-$(pg_free_port 56000)}
app_port=$(pg_free_port $((pg_port + 1)))
grid_port=$(pg_free_port $((app_port + 1)))
data=${reuse:-$(mktemp -d /tmp/pt-bench-pg.XXXXXX)}
app_pid="" grid_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$grid_pid" ] && kill "$grid_pid" 2>/dev/null || true
  if [ -z "$keep" ] && [ -z "$reuse" ]; then pg_stop "$data" immediate; rm -rf "$data"; fi
  if [ -n "$keep" ] || [ -n "$reuse" ]; then pg_stop "$data" fast; fi
  if [ -z "$keep" ]; then rm -rf "$work"; fi
}
trap cleanup EXIT
psql_db() { pg_as_owner "$(pg_bindir)/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d synthetic -v ON_ERROR_STOP=1 -qAt "$@"; }

# --- 1. the archive -------------------------------------------------------------------------------
if [ -n "$reuse" ]; then
  [ -f "$reuse/PG_VERSION" ] || { pg_log "--reuse $reuse: not a cluster folder"; exit 2; }
else
  pg_log "building the synthetic archive: $meetings meetings"
  SYNTHETIC_DATA=$data SYNTHETIC_PORT=$pg_port scripts/synthetic-archive.sh "$meetings" --keep
fi
# A desk-sized server: a quarter of a 24 GB machine for shared buffers would be 6 GB; 2 GB keeps
# the 100k archive (1.7 GB) and the hot part of 1M in memory, as a real deployment would.
# random_page_cost=1.1: the usual setting on SSD storage (the default 4 assumes spinning disks), so the planner
# prefers an index walk to a sequential scan where the index is the cheaper read.
pg_start "$data" "$pg_port" -c shared_buffers=2GB -c effective_cache_size=8GB -c work_mem=16MB -c random_page_cost=1.1 \
  -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=4GB
cs="Host=127.0.0.1;Port=$pg_port;Database=synthetic;Username=postgres"
pg_log "VACUUM (ANALYZE)"
psql_db -c "VACUUM (ANALYZE)"
psql_db -c "SELECT 'archive: ' || (SELECT count(*) FROM meetings) || ' meetings, ' || (SELECT count(*) FROM participations) || ' participations, '
  || (SELECT count(*) FROM resolutions) || ' resolutions, ' || (SELECT count(*) FROM documents) || ' documents, '
  || (SELECT count(*) FROM reports) || ' reports, ' || pg_size_pretty(pg_database_size('synthetic'))"

# --- 2. the app and the grid host -----------------------------------------------------------------
pg_log "publishing the app and building the grid host"
dotnet publish src/PolicyTracker.Web -c Release -o "$work/app" --nologo -v q >/dev/null
dotnet build tests/PolicyTracker.Benchmarks -c Release --nologo -v q >/dev/null
dotnet build src/PolicyTracker.Cli -c Release --nologo -v q >/dev/null
cli=src/PolicyTracker.Cli/bin/Release/net10.0/policytracker
email=bench-admin@example.org
password="Bx-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
POLICYTRACKER_PASSWORD=$password "$cli" users add --email "$email" --role Admin --connection "$cs" >/dev/null 2>&1 \
  || POLICYTRACKER_PASSWORD=$password "$cli" users set-password --email "$email" --connection "$cs" >/dev/null

# auto_explain for the plan phase; new connections load it, a reload switches it off again.
psql_db -c "ALTER SYSTEM SET session_preload_libraries = 'auto_explain'" \
  -c "LOAD 'auto_explain'" \
  -c "ALTER SYSTEM SET auto_explain.log_min_duration = 0" -c "ALTER SYSTEM SET auto_explain.log_analyze = on" \
  -c "ALTER SYSTEM SET auto_explain.log_buffers = on" -c "ALTER SYSTEM SET auto_explain.log_timing = on" \
  -c "ALTER SYSTEM SET auto_explain.log_format = 'json'" -c "ALTER SYSTEM SET auto_explain.log_nested_statements = on" \
  -c "SELECT pg_reload_conf()" >/dev/null

(cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Default="$cs" Security__RequireHttps=false \
  Security__SignInAttemptsPerMinute=1000 Serilog__MinimumLevel__Default=Warning \
  exec dotnet PolicyTracker.Web.dll --urls "http://127.0.0.1:$app_port") >"$work/app.log" 2>&1 &
app_pid=$!
dotnet tests/PolicyTracker.Benchmarks/bin/Release/net10.0/PolicyTracker.Benchmarks.dll --grid-host \
  --urls "http://127.0.0.1:$grid_port" --connection "$cs" >"$work/grid.log" 2>&1 &
grid_pid=$!
app=http://127.0.0.1:$app_port grid=http://127.0.0.1:$grid_port
for _ in $(seq 120); do
  curl -sf -o /dev/null "$app/health/ready" && curl -s -o /dev/null "$grid/grid/bodies?size=1" && break
  sleep 1
done
curl -sf -o /dev/null "$app/health/ready" || { pg_log "the app did not start"; tail -n 30 "$work/app.log" >&2; exit 1; }

jar=$work/cookies
token=$(curl -s -c "$jar" -b "$jar" "$app/account/login" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//')
status=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "_handler=login" \
  --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.Email=$email" \
  --data-urlencode "Input.Password=$password" "$app/account/login")
[ "$status" = 302 ] || { pg_log "sign-in failed ($status)"; exit 1; }
cookie=$(awk -F'\t' 'NF == 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$jar")

# What to ask for: the busiest person, body and document, the meeting with most people, words from the archive.
person=$(psql_db -c "SELECT person_id FROM person_counts ORDER BY meetings DESC LIMIT 1")
person_name=$(psql_db -c "SELECT name FROM people WHERE id = '$person'")
body=$(psql_db -c "SELECT organization_id FROM body_counts ORDER BY meetings DESC LIMIT 1")
document=$(psql_db -c "SELECT document_id FROM document_counts ORDER BY actions DESC LIMIT 1")
meeting=$(psql_db -c "SELECT m.id FROM meetings m WHERE m.organization_id = '$body' AND m.published ORDER BY m.date DESC LIMIT 1")
common=$(psql_db -c "SELECT word FROM ts_stat('SELECT search_vector FROM reports TABLESAMPLE SYSTEM (2)') WHERE length(word) > 4 ORDER BY ndoc DESC LIMIT 1")
phrase=$(psql_db -c "SELECT split_part(text, ' ', 2) || ' ' || split_part(text, ' ', 3) FROM resolutions WHERE meeting_id = '$meeting' AND published ORDER BY position LIMIT 1")
last_name=${person_name##* }
meeting_pages=$(( $(psql_db -c "SELECT count(*) FROM meetings WHERE published") / 25 ))
people_pages=$(( $(psql_db -c "SELECT count(*) FROM person_counts") / 25 ))
document_pages=$(( $(psql_db -c "SELECT count(*) FROM document_counts") / 25 ))
report_pages=$(( $(psql_db -c "SELECT count(*) FROM reports") / 25 ))
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
pg_log "person $person_name, common word '$common', phrase '$phrase'"

endpoints=$work/endpoints.tsv
cat >"$endpoints" <<EOF
overview	$app/
meeting page	$app/meetings/$meeting
person page	$app/people/$person
body page	$app/bodies/$body
document page	$app/documents/$document
search: common word	$app/search?q=$(enc "$common")
search: phrase	$app/search?q=$(enc "\"$phrase\"")
search: name	$app/search?q=$(enc "$person_name")
summary	$app/summary
meetings grid: first	$grid/grid/meetings
meetings grid: text filter	$grid/grid/meetings?q=$(enc "$common")
meetings grid: body	$grid/grid/meetings?body=$body
meetings grid: person	$grid/grid/meetings?person=$person
meetings grid: sorted by body	$grid/grid/meetings?sort=body
meetings grid: deep	$grid/grid/meetings?page=$((meeting_pages * 3 / 4))
people grid: first	$grid/grid/people
people grid: by meetings	$grid/grid/people?sort=meetings-desc
people grid: filtered	$grid/grid/people?q=$(enc "$last_name")
people grid: deep	$grid/grid/people?page=$((people_pages * 3 / 4 + 1))
bodies grid: by meetings	$grid/grid/bodies?sort=meetings-desc
documents grid: first	$grid/grid/documents
documents grid: by actions	$grid/grid/documents?sort=actions-desc
documents grid: filtered	$grid/grid/documents?q=$(enc "$common")
documents grid: deep	$grid/grid/documents?page=$((document_pages * 3 / 4 + 1))
reports grid: first	$grid/grid/reports
reports grid: by meetings	$grid/grid/reports?sort=meetings-desc
reports grid: deep	$grid/grid/reports?page=$((report_pages * 3 / 4 + 1))
EOF
if [ -n "$only" ]; then
  awk -F'\t' -v re="$only" '$1 ~ re' "$endpoints" >"$endpoints.only"
  [ -s "$endpoints.only" ] || { pg_log "--only $only: no endpoint matches"; exit 2; }
  mv "$endpoints.only" "$endpoints"
fi

# --- 3. plans ---------------------------------------------------------------------------------------
pg_log "plans: every endpoint once, with auto_explain"
log=$data/server.log
marks=$work/marks.tsv
: >"$marks"
while IFS=$'\t' read -r name url; do
  case $url in "$app"*) auth=(-H "Cookie: $cookie") ;; *) auth=() ;; esac
  sleep 0.5; start=$(stat -c %s "$log")
  result=$(curl -s "${auth[@]}" -o "$work/body" -w '%{http_code}\t%{size_download}\t%{time_total}' "$url")
  sleep 1; end=$(stat -c %s "$log")
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$result" "$start" "$end" "$url" >>"$marks"
done <"$endpoints"
psql_db -c "ALTER SYSTEM RESET session_preload_libraries" -c "ALTER SYSTEM RESET auto_explain.log_min_duration" \
  -c "SELECT pg_reload_conf()" >/dev/null
psql_db -F $'\t' -c "SELECT relname, reltuples::bigint FROM pg_class WHERE relkind IN ('r', 'm', 'p')" >"$work/tables.tsv"
plans_ok=0
python3 - "$log" "$marks" "$work/tables.tsv" <<'PY' || plans_ok=1
import json, re, sys
log, marks, tables = sys.argv[1:4]
rows = {l.split('\t')[0]: int(l.split('\t')[1]) for l in open(tables) if '\t' in l}
data = open(log, 'rb').read()
bad = 0
print(f"{'endpoint':30} {'status':>6} {'HTML kB':>8} {'first ms':>9} {'queries':>7} {'SQL ms':>8} {'max ms':>8}  big seq scans")
for line in open(marks):
    name, status, size, total, start, end, url = line.rstrip('\n').split('\t')
    segment = data[int(start):int(end)].decode('utf-8', 'replace')
    plans = []
    for m in re.finditer(r'duration: ([0-9.]+) ms\s+plan:\n((?:\t.*\n?)+)', segment):
        try:
            plans.append((float(m.group(1)), json.loads(m.group(2))))
        except ValueError:
            pass
    scans = []
    def walk(node, query):
        if node.get('Node Type') in ('Seq Scan', 'Parallel Seq Scan'):
            rel = node.get('Relation Name', '?')
            if rows.get(rel, 0) > 10000:
                scans.append((rel, rows[rel], query))
        for child in node.get('Plans', []):
            walk(child, query)
    for _, plan in plans:
        walk(plan['Plan'], plan.get('Query Text', ''))
    sql = sum(d for d, _ in plans)
    slowest = max((d for d, _ in plans), default=0)
    flag = ', '.join(sorted({f'{r} ({n:,} rows)' for r, n, _ in scans})) or '-'
    print(f"{name:30} {status:>6} {int(size)/1024:8.1f} {float(total)*1000:9.0f} {len(plans):7} {sql:8.1f} {slowest:8.1f}  {flag}")
    if status != '200':
        print(f"  FAIL: {url} answered {status}"); bad += 1
    for rel, n, query in scans[:3]:
        print(f"  FAIL: sequential scan of {rel} ({n:,} rows) in: {' '.join(query.split())[:400]}"); bad += 1
sys.exit(1 if bad else 0)
PY

if [ -n "$plans_only" ]; then
  [ "$plans_ok" = 0 ] && echo "plans: no sequential scan of a table over 10,000 rows" || { echo "FAILED: see the plan table above"; exit 1; }
  exit 0
fi

# --- 4. load ----------------------------------------------------------------------------------------
cat >"$work/report.lua" <<'EOF'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT\t%d\t%d\t%.1f\t%.1f\t%.1f\n", summary.requests, e.status + e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
EOF
pg_log "load: wrk ${duration}s per endpoint at 1 and 8 connections"
printf '\n%-30s %8s %8s %8s   %8s %8s %8s %7s %6s\n' endpoint "p50@1" "p95@1" "p99@1" "p50@8" "p95@8" "p99@8" "req/s@8" errors
while IFS=$'\t' read -r name url; do
  case $url in "$app"*) auth=(-H "Cookie: $cookie") ;; *) auth=() ;; esac
  one=$(wrk -t1 -c1 -d"${duration}s" --timeout 60s -s "$work/report.lua" "${auth[@]}" "$url" | awk -F'\t' '/^RESULT/')
  eight=$(wrk -t2 -c8 -d"${duration}s" --timeout 60s -s "$work/report.lua" "${auth[@]}" "$url" | awk -F'\t' '/^RESULT/')
  IFS=$'\t' read -r _ _ e1 a50 a95 a99 <<<"$one"
  IFS=$'\t' read -r _ n8 e8 b50 b95 b99 <<<"$eight"
  printf '%-30s %8s %8s %8s   %8s %8s %8s %7s %6s\n' "$name" "$a50" "$a95" "$a99" "$b50" "$b95" "$b99" \
    "$(awk -v n="$n8" -v d="$duration" 'BEGIN { printf "%.1f", n / d }')" $((e1 + e8))
done <"$endpoints"
echo "(milliseconds)"
rss() { awk '/^VmRSS/ { r = $2 } /^VmHWM/ { h = $2 } END { printf "%d MB (peak %d MB)", r / 1024, h / 1024 }' "/proc/$1/status"; }
echo "app RSS after the run: $(rss "$app_pid"); grid host: $(rss "$grid_pid")"
[ "$plans_ok" = 0 ] && echo "plans: no sequential scan of a table over 10,000 rows" || { echo "FAILED: see the plan table above"; exit 1; }
if [ -n "$keep" ]; then echo "kept: $cs (data in $data; start it again with --reuse $data)"; fi

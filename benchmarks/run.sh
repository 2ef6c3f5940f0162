#!/usr/bin/env bash
# The app against its raw limit under the same load, side by side in one run. See benchmarks/README.md.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: [DURATION=10s] [ROUNDS=3] [WARMUP=5s] [WARMUP_RUNS=24] ./benchmarks/run.sh

Measures the app (Release, Production, PostgreSQL, web + worker in one process) against benchmarks/Raw, a minimal
endpoint doing the same work with Npgsql alone, on identical copies of one database seeded through the API
(20 categories, 2,000 products, 500 stores with 10 products and a manager each). Then the same scenarios on the
app's embedded SQLite default, app only. Everything runs on loopback in a temp directory removed on exit,
including a throwaway PostgreSQL cluster.

Scenarios (wrk -t2 -c16 --latency), each: a warm-up per side until it is steady (below), then ROUNDS rounds of
(raw DURATION, app DURATION):
  a. GET  /api/products/{id}   random ids 1..2000
  b. GET  /api/stores?page=1&page_size=50
  c. GET  /api/products?search=XYZ&page=1&page_size=50
                               a random 3-character term per request, from the letters and digits of the seeded
                               product names (about one term in five matches)
  d. mixed, in one run         90% GET /api/products/{id} (random ids), 10% POST /api/stores, drawn per request
  e. POST /api/stores          a valid new store
  d and e add stores, so they run after b; e runs last.

Warm-up: the JIT recompiles hot code in tiers while the load runs, in the background, so a server's CPU per request
falls for a while after its first requests (the app's store creation: from about 1,300 to 650-700 µs over its first
40-50 seconds of creates on a 2-core machine; the raw endpoint has far less code to tier up). Each side runs warm-up
runs of WARMUP until two in a row are no more than 5% below the lowest CPU per request before them (at least three
runs, at most WARMUP_RUNS), so the rounds measure both at steady state. Each warm-up's runs are printed.

Before any load, both sides must answer two products, the stores page, three searches and the products list with
the same bytes.
Prints per scenario req/s, p50 and p99 (medians over the rounds), app/raw as the median of the per-round req/s
ratios, and non-2xx responses; then each process's peak RSS after the load, and the CPU per request of each server
and of the PostgreSQL cluster while it served that side.

Knobs (environment):
  DURATION  length of each measured run     (default 10s)
  ROUNDS    measured rounds per scenario    (default 3)
  WARMUP    length of each warm-up run      (default 5s)
  WARMUP_RUNS  most warm-up runs per side and scenario (default 24)
  OVERHOLT_PG_BIN  PostgreSQL server binaries (default: newest /usr/lib/postgresql/*/bin)
  APP_ENV   extra VAR=value settings for the app only, space-separated (default none), e.g.
            APP_ENV="DOTNET_TieredPGO=0" to try a runtime setting; the table is then not the app as it ships

Quick smoke run: DURATION=2s ROUNDS=1 WARMUP=1s WARMUP_RUNS=3 ./benchmarks/run.sh
Numbers mean something only on an otherwise idle machine.
EOF
}

case "${1:-}" in
  -h | --help) usage; exit 0 ;;
  "") ;;
  *) usage >&2; exit 2 ;;
esac

DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-5s}
WARMUP_RUNS=${WARMUP_RUNS:-24}
# Extra environment for the app's processes only (the raw side keeps its defaults): runtime experiments.
read -r -a app_env <<<"${APP_ENV:-}"
for setting in "${app_env[@]}"; do
  [[ "$setting" =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] || { echo "APP_ENV takes VAR=value settings, not '$setting'" >&2; exit 2; }
done
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || { echo "ROUNDS must be a positive whole number, not '$ROUNDS'" >&2; exit 2; }
[[ "$WARMUP_RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "WARMUP_RUNS must be a positive whole number, not '$WARMUP_RUNS'" >&2; exit 2; }

root=$(cd "$(dirname "$0")/.." && pwd)
scripts="$root/benchmarks/wrk"
admin_email="bench-admin@overholt.local"
admin_password="Overholt-bench-1"
stores_page="/api/stores?page=1&page_size=50"
# A search of the products list, as wrk/search.lua asks for it (with a random term). Usage: search_path <term> [page]
search_path() { echo "/api/products?search=$1&page=${2:-1}&page_size=50"; }
seeded_stores=500 # one manager email each, sent by the app's worker after seeding

WORK_PREFIX=overholt-bench
# shellcheck source=../scripts/lib/local-stack.sh
source "$root/scripts/lib/local-stack.sh"
ensure_package wrk
ensure_package pgrep procps
# shellcheck source=lib/load.sh
source "$root/benchmarks/lib/load.sh"
runs=0

psql_as_admin() { "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -X -q -v ON_ERROR_STOP=1 "$@"; }

column_of() { awk -v c="$2" '{ print $c }' "$1"; }

sum_of() { awk -v c="$2" '{ s += $c } END { print s + 0 }' "$1"; }

# One wrk run against the server process <pid>. Usage: load <results file> <duration> <base url> <pid> <scenario> [wrk options...]
# Appends the parsed report and the CPU microseconds per request of the server and of the PostgreSQL cluster to the
# results file ("... server_us pg_us"); warm-ups go to <results file>.warmup.
load() {
  local results=$1 duration=$2 url=$3 pid=$4 scenario=$5
  shift 5
  local script=() path
  case "$scenario" in
    product) script=(-s "$scripts/product.lua"); path="/api/products/1" ;;
    stores) path="$stores_page" ;;
    search) script=(-s "$scripts/search.lua"); path=$(search_path pro) ;;
    mixed) script=(-s "$scripts/mixed.lua"); path="/api/products/1" ;;
    create) script=(-s "$scripts/create-store.lua"); path="/api/stores" ;;
  esac
  runs=$((runs + 1))
  local report="$results.$runs.txt" parsed server_before pg_before server_ticks pg_ticks
  server_before=$(cpu_ticks "$pid")
  pg_before=$(cluster_cpu_ticks)
  wrk -t2 -c16 -d"$duration" --latency "${script[@]}" "$@" "$url$path" >"$report" 2>&1
  server_ticks=$(($(cpu_ticks "$pid") - server_before))
  pg_ticks=$(($(cluster_cpu_ticks) - pg_before))
  parsed=$(parse_wrk "$report") || { echo "wrk failed against $url$path:" >&2; cat "$report" >&2; exit 1; }
  echo "$parsed" | awk -v server="$server_ticks" -v pg="$pg_ticks" -v hz="$ticks_per_second" \
    '{ printf "%s %.0f %.0f\n", $0, server * 1e6 / hz / $6, pg * 1e6 / hz / $6 }' >>"$results"
}

# Warm-up runs (see usage) until the server's CPU per request stops falling. Usage: warm_up <results file> <side>
# <base url> <pid> <scenario> [wrk options...]; runs go to the results file, which the tables count only for non-2xx.
warm_up() {
  local side=$2
  warm_until_steady 3 "$WARMUP_RUNS" warm_up_slice "$@"
  echo "   $side warm-up: $warm_up_runs run(s) of $WARMUP, µs CPU per request:$warm_up_slices"
}

warm_up_slice() {
  local results=$1 url=$3 pid=$4 scenario=$5
  shift 5
  load "$results" "$WARMUP" "$url" "$pid" "$scenario" "$@"
  slice_cpu=$(tail -n 1 "$results" | awk '{ print $7 }')
}

peak_rss_mib() { awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# Fails the run unless both sides answer a request with the same body: the raw side must do the app's work.
same_body() {
  local path=$1 app_body raw_body
  app_body=$(curl -sf -H "$auth" "$app_url$path")
  raw_body=$(curl -sf "$raw_url$path")
  if [ "$app_body" != "$raw_body" ]; then
    echo "The raw endpoint answers $path differently from the app:" >&2
    if command -v jq >/dev/null; then
      diff <(echo "$app_body" | jq .) <(echo "$raw_body" | jq .) >&2 || true
    else
      printf 'app: %s\nraw: %s\n' "$app_body" "$raw_body" >&2
    fi
    exit 1
  fi
}

echo "== Publishing the app, the raw endpoint and the seeder (Release)"
publish src/Web app
publish benchmarks/Raw raw
publish benchmarks/Seed seed

echo "== Starting a throwaway PostgreSQL cluster"
start_postgres

echo "== Starting the app on PostgreSQL"
app_port=$(free_port)
app_url="http://127.0.0.1:$app_port"
start_dotnet "$work/app" Overholt.Web.dll "$work/app.log" "$app_port" \
  Database__Provider=Postgres \
  ConnectionStrings__Default="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=overholt" \
  Seed__AdminEmail="$admin_email" Seed__AdminPassword="$admin_password" \
  Email__PickupDirectory="$work/mail" "${app_env[@]}"
app_pid=$started_pid
wait_healthy "$app_url" "$app_pid" "$work/app.log"

echo "== Seeding through the API"
token=$(seed "$app_url")
auth="Authorization: Bearer $token"
wait_for_mail "$work/mail"

echo "== Copying the database for the raw side"
psql_as_admin -d postgres -c "CREATE DATABASE raw"
"$pg_bin/pg_dump" -h 127.0.0.1 -p "$pg_port" -U postgres overholt | psql_as_admin -d raw >/dev/null
psql_as_admin -d overholt -c "VACUUM ANALYZE"
psql_as_admin -d raw -c "VACUUM ANALYZE"

echo "== Starting the raw endpoint"
raw_port=$(free_port)
raw_url="http://127.0.0.1:$raw_port"
start_dotnet "$work/raw" Overholt.Benchmarks.Raw.dll "$work/raw.log" "$raw_port" \
  ConnectionStrings__Default="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=raw"
raw_pid=$started_pid
wait_healthy "$raw_url" "$raw_pid" "$work/raw.log"

same_body "/api/products/1"
same_body "/api/products/2000"
same_body "$stores_page"
same_body "$(search_path 123)"       # a few products
same_body "$(search_path Uct%201 2)" # 1,000 products (ignoring case), the second page
same_body "$(search_path 0%25)"      # '%' matched literally: none
same_body "/api/products?page=1&page_size=50" # the unsearched list, for the raw side's other form of the query

# Stores are added by mixed and create, so they run after the stores page.
scenarios=(product stores search mixed create)
declare -A titles=(
  [product]="GET /api/products/{id}"
  [stores]="GET /api/stores?page_size=50"
  [search]="GET /api/products?search=XYZ"
  [mixed]="mixed: 90% product, 10% create"
  [create]="POST /api/stores"
)
results="$work/results"
mkdir -p "$results"

for scenario in "${scenarios[@]}"; do
  echo "== $scenario: warm-up, then $ROUNDS round(s) of raw $DURATION, app $DURATION"
  warm_up "$results/$scenario.raw.warmup" raw "$raw_url" "$raw_pid" "$scenario"
  warm_up "$results/$scenario.app.warmup" app "$app_url" "$app_pid" "$scenario" -H "$auth"
  for _ in $(seq "$ROUNDS"); do
    load "$results/$scenario.raw" "$DURATION" "$raw_url" "$raw_pid" "$scenario"
    load "$results/$scenario.app" "$DURATION" "$app_url" "$app_pid" "$scenario" -H "$auth"
  done
done
app_rss=$(peak_rss_mib "$app_pid")
raw_rss=$(peak_rss_mib "$raw_pid")
stop_process "$app_pid"
stop_process "$raw_pid"
stop_postgres

echo "== Starting the app on its embedded SQLite default"
sqlite_port=$(free_port)
sqlite_url="http://127.0.0.1:$sqlite_port"
start_dotnet "$work/app" Overholt.Web.dll "$work/app-sqlite.log" "$sqlite_port" \
  ConnectionStrings__Default="Data Source=$work/bench.db" \
  Seed__AdminEmail="$admin_email" Seed__AdminPassword="$admin_password" \
  Email__PickupDirectory="$work/mail-sqlite" "${app_env[@]}"
sqlite_pid=$started_pid
wait_healthy "$sqlite_url" "$sqlite_pid" "$work/app-sqlite.log"
token=$(seed "$sqlite_url")
auth="Authorization: Bearer $token"
wait_for_mail "$work/mail-sqlite"

for scenario in "${scenarios[@]}"; do
  echo "== SQLite $scenario: warm-up, then $ROUNDS round(s) of $DURATION"
  warm_up "$results/$scenario.sqlite.warmup" app "$sqlite_url" "$sqlite_pid" "$scenario" -H "$auth"
  for _ in $(seq "$ROUNDS"); do
    load "$results/$scenario.sqlite" "$DURATION" "$sqlite_url" "$sqlite_pid" "$scenario" -H "$auth"
  done
done
sqlite_rss=$(peak_rss_mib "$sqlite_pid")

# Non-2xx and socket errors count every request sent, warm-ups included.
failures() { echo $(($(sum_of "$1" 4) + $(sum_of "$1.warmup" 4))); }
socket_errors() { echo $(($(sum_of "$1" 5) + $(sum_of "$1.warmup" 5))); }

echo
echo "PostgreSQL: app vs raw Npgsql, wrk -t2 -c16, $ROUNDS round(s) of $DURATION per side (medians; latencies in ms)"
printf '%-30s %10s %10s %8s %8s %8s %8s %8s %8s %8s\n' scenario "raw req/s" "app req/s" app/raw "raw p50" "app p50" "raw p99" "app p99" "raw n2xx" "app n2xx"
total_errors=0
for scenario in "${scenarios[@]}"; do
  raw="$results/$scenario.raw"
  app="$results/$scenario.app"
  # Each results line has 8 fields (see load), so field 9 of the pasted pair is the raw side's req/s.
  ratio=$(paste -d ' ' "$app" "$raw" | awk '{ print ($9 > 0 ? $1 / $9 : 0) }' | median)
  printf '%-30s %10.1f %10.1f %8.3f %8.2f %8.2f %8.2f %8.2f %8d %8d\n' "${titles[$scenario]}" \
    "$(column_of "$raw" 1 | median)" "$(column_of "$app" 1 | median)" "$ratio" \
    "$(column_of "$raw" 2 | median)" "$(column_of "$app" 2 | median)" \
    "$(column_of "$raw" 3 | median)" "$(column_of "$app" 3 | median)" \
    "$(failures "$raw")" "$(failures "$app")"
  total_errors=$((total_errors + $(socket_errors "$raw") + $(socket_errors "$app")))
done
echo "app/raw: median of the per-round req/s ratios (1.000 = as fast as the raw limit); n2xx: non-2xx responses, warm-ups included"
echo "Peak RSS after the load (VmHWM): app ${app_rss} MiB, raw ${raw_rss} MiB"
echo
echo "CPU per request (µs, medians): each server process, and the PostgreSQL cluster while it served that side"
printf '%-30s %10s %10s %10s %10s\n' scenario "raw" "raw's PG" "app" "app's PG"
for scenario in "${scenarios[@]}"; do
  raw="$results/$scenario.raw"
  app="$results/$scenario.app"
  printf '%-30s %10.0f %10.0f %10.0f %10.0f\n' "${titles[$scenario]}" \
    "$(column_of "$raw" 7 | median)" "$(column_of "$raw" 8 | median)" \
    "$(column_of "$app" 7 | median)" "$(column_of "$app" 8 | median)"
done

echo
echo "SQLite (embedded default): app only, $ROUNDS round(s) of $DURATION (medians; latencies in ms)"
printf '%-30s %10s %8s %8s %8s %9s\n' scenario "req/s" p50 p99 n2xx "CPU µs" # µ is two bytes wide to printf
for scenario in "${scenarios[@]}"; do
  sqlite="$results/$scenario.sqlite"
  printf '%-30s %10.1f %8.2f %8.2f %8d %8.0f\n' "${titles[$scenario]}" \
    "$(column_of "$sqlite" 1 | median)" "$(column_of "$sqlite" 2 | median)" "$(column_of "$sqlite" 3 | median)" \
    "$(failures "$sqlite")" "$(column_of "$sqlite" 7 | median)"
  total_errors=$((total_errors + $(socket_errors "$sqlite")))
done
echo "Peak RSS after the load (VmHWM): app on SQLite ${sqlite_rss} MiB"
if [ "$total_errors" -gt 0 ]; then
  echo "warning: wrk saw $total_errors socket errors (connect, read, write or timeout)"
fi

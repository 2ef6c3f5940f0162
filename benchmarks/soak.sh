#!/usr/bin/env bash
# The app under a long mixed load: does its memory stay flat, per process role? See benchmarks/README.md.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: [DURATION=10m] ./benchmarks/soak.sh

Publishes the app (Release, Production, PostgreSQL), seeds it through the API (20 categories, 2,000 products, 500
stores with 10 products and a manager each), then runs the soak mix (wrk/soak.lua: 60% product reads by random id,
15% random pages of the products list at random page sizes, 10% random 3-character searches, 5% store reads, 10%
store creates; wrk -t2 -c16) for DURATION, twice:
  1. one process in role all (web and worker), the default;
  2. role web and role worker in two processes, the load on web (the worker sends the seeding's emails and runs the
     purges).
Each process's resident memory (VmRSS) is read every 10 seconds. Prints per phase req/s, p50, p99 and non-2xx, and
per process its RSS after the first minute, the highest after it, at the end, and the growth: highest after the
first minute against the value at the first minute (the issue's target: within 10%).

Knobs: DURATION (default 10m, per phase; wrk's units: 30s, 5m), OVERHOLT_PG_BIN (PostgreSQL server binaries),
APP_ENV (extra VAR=value settings for the app's processes, space-separated, e.g. APP_ENV="DOTNET_gcServer=1" to try a
runtime setting; the table is then not the app as it ships).
Numbers mean something only on an otherwise idle machine.
USAGE
}

case "${1:-}" in
  -h | --help) usage; exit 0 ;;
  "") ;;
  *) usage >&2; exit 2 ;;
esac

DURATION=${DURATION:-10m}
[[ "$DURATION" =~ ^[1-9][0-9]*[smh]$ ]] || { echo "DURATION is a number and a unit (s, m or h), like 10m" >&2; exit 2; }
read -r -a app_env <<<"${APP_ENV:-}"
for setting in "${app_env[@]}"; do
  [[ "$setting" =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] || { echo "APP_ENV takes VAR=value settings, not '$setting'" >&2; exit 2; }
done
root=$(cd "$(dirname "$0")/.." && pwd)
admin_email="bench-admin@overholt.local"
admin_password="Overholt-bench-1"
seeded_stores=500
sample_every=10
WORK_PREFIX=overholt-soak
# shellcheck source=../scripts/lib/local-stack.sh
source "$root/scripts/lib/local-stack.sh"
ensure_package wrk
# shellcheck source=lib/load.sh
source "$root/benchmarks/lib/load.sh"

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }

# Records "<seconds since start> <VmRSS KiB>" for <pid> every $sample_every seconds into <file> until killed.
sample_rss() {
  local pid=$1 file=$2 started=$SECONDS
  while kill -0 "$pid" 2>/dev/null; do
    echo "$((SECONDS - started)) $(rss_kib "$pid")" >>"$file"
    sleep "$sample_every"
  done
}

# Prints "<at 1 min> <highest after 1 min> <at the end> <growth %>" in MiB from a sample file.
rss_summary() {
  awk '
    $1 >= 60 && first == "" { first = $2 }
    first != "" && $2 > highest { highest = $2 }
    { last = $2 }
    END {
      if (first == "") { first = last; highest = last }
      printf "%.0f %.0f %.0f %+.1f\n", first / 1024, highest / 1024, last / 1024, (highest - first) * 100 / first
    }' "$1"
}

# Runs the soak against <url>, sampling each pid given; leaves wrk's report in <name>.wrk and samples in <name>.<pid>.rss.
soak() {
  local name=$1 url=$2
  shift 2
  local samplers=() pid
  for pid in "$@"; do
    sample_rss "$pid" "$work/$name.$pid.rss" &
    samplers+=($!)
  done
  wrk -t2 -c16 -d"$DURATION" --timeout 10s --latency -s "$root/benchmarks/wrk/soak.lua" -H "$auth" "$url/api/products/1" >"$work/$name.wrk" 2>&1
  for pid in "${samplers[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait "${samplers[@]}" 2>/dev/null || true
}

settings() {
  local database=$1
  echo Database__Provider=Postgres \
    "ConnectionStrings__Default=Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$database" \
    Seed__AdminEmail="$admin_email" Seed__AdminPassword="$admin_password" "${app_env[@]}"
}

echo "== Publishing the app and the seeder (Release)"
publish src/Web app
publish benchmarks/Seed seed
echo "== Starting a throwaway PostgreSQL cluster"
start_postgres

echo "== Phase 1: one process (role all)"
all_port=$(free_port)
read -r -a all_settings <<<"$(settings all_in_one)"
start_dotnet "$work/app" Overholt.Web.dll "$work/all.log" "$all_port" "${all_settings[@]}" Email__PickupDirectory="$work/mail-all"
all_pid=$started_pid
wait_healthy "http://127.0.0.1:$all_port" "$all_pid" "$work/all.log"
token=$(seed "http://127.0.0.1:$all_port")
auth="Authorization: Bearer $token"
wait_for_mail "$work/mail-all"
echo "   soaking for $DURATION"
soak all "http://127.0.0.1:$all_port" "$all_pid"
stop_process "$all_pid"

echo "== Phase 2: role web and role worker, two processes"
web_port=$(free_port)
worker_port=$(free_port)
read -r -a split_settings <<<"$(settings split)"
start_dotnet "$work/app" Overholt.Web.dll "$work/web.log" "$web_port" "${split_settings[@]}" Role=web
web_pid=$started_pid
wait_healthy "http://127.0.0.1:$web_port" "$web_pid" "$work/web.log"
start_dotnet "$work/app" Overholt.Web.dll "$work/worker.log" "$worker_port" "${split_settings[@]}" Role=worker Email__PickupDirectory="$work/mail-split"
worker_pid=$started_pid
wait_healthy "http://127.0.0.1:$worker_port" "$worker_pid" "$work/worker.log"
token=$(seed "http://127.0.0.1:$web_port")
auth="Authorization: Bearer $token"
wait_for_mail "$work/mail-split"
echo "   soaking for $DURATION"
soak split "http://127.0.0.1:$web_port" "$web_pid" "$worker_pid"

echo
echo "Soak: wrk -t2 -c16 -d$DURATION, wrk/soak.lua (60% product, 15% list pages, 10% searches, 5% stores, 10% creates)"
printf '%-22s %10s %8s %8s %8s\n' phase "req/s" "p50 ms" "p99 ms" n2xx
for phase in all split; do
  read -r rps p50 p99 non2xx _ _ <<<"$(parse_wrk "$work/$phase.wrk")"
  printf '%-22s %10.1f %8.2f %8.2f %8d\n' "$phase" "$rps" "$p50" "$p99" "$non2xx"
done
echo
echo "Resident memory (VmRSS, MiB), sampled every ${sample_every}s"
printf '%-22s %8s %14s %8s %8s\n' process "at 1 min" "highest after" "at end" growth
for entry in "all (role all):all.$all_pid" "web (role web):split.$web_pid" "worker (role worker):split.$worker_pid"; do
  read -r at_minute highest at_end growth <<<"$(rss_summary "$work/${entry#*:}.rss")"
  printf '%-22s %8s %14s %8s %7s%%\n' "${entry%%:*}" "$at_minute" "$highest" "$at_end" "$growth"
done

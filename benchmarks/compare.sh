#!/usr/bin/env bash
# Two or more builds of the app on one seeded database, write scenarios interleaved. See benchmarks/README.md.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: [LOOPS=10] [DURATION=4s] [SCENARIOS="create mixed"] ./benchmarks/compare.sh CHECKOUT CHECKOUT [CHECKOUT...]

Compares builds of the app (each CHECKOUT a directory holding the repository, e.g. `git worktree add /tmp/before
HEAD~1`) under the write scenarios of benchmarks/run.sh, on one PostgreSQL database:
  create  POST /api/stores, a valid new store
  mixed   90% GET /api/products/{id} (random ids), 10% POST /api/stores

Each build is published in Release and started at once, as role `web` (no worker: nothing runs beside the load), on
the same database, seeded once beforehand by a process of the first build that is stopped before they start. Each
build is warmed up per scenario until it is steady (the rule of benchmarks/run.sh: slices of WARMUP until two in a row
are no more than 5% below the lowest CPU per request before them, at least WARMUP_MIN, at most WARMUP_RUNS; printed).
Then LOOPS loops run every scenario on every build for DURATION each, the builds' order reversed every other loop.
Interleaving short runs spreads a drift of the machine's speed over all builds alike; runs of one build after another
would credit it to whichever came later.

Prints each run (req/s, p99, CPU per request of the build's process and of the PostgreSQL cluster), then per scenario
and build the medians of those, and the median of the per-loop ratios of each build's req/s to the first build's.

Knobs (environment): LOOPS (default 10), DURATION (default 4s), SCENARIOS (default "create mixed"), WARMUP (default
5s), WARMUP_MIN (default 6), WARMUP_RUNS (default 24), OVERHOLT_PG_BIN (PostgreSQL server binaries). Numbers mean
something only on an otherwise idle machine.
EOF
}

[[ "${1:-}" == "-h" || "${1:-}" == "--help" ]] && { usage; exit 0; }
[ $# -ge 2 ] || { usage >&2; exit 2; }

root=$(cd "$(dirname "$0")/.." && pwd)
scripts="$root/benchmarks/wrk"
admin_email="bench-admin@overholt.local"
admin_password="Overholt-bench-1"
seeded_stores=500
WORK_PREFIX=overholt-compare
LOOPS=${LOOPS:-10}
DURATION=${DURATION:-4s}
WARMUP=${WARMUP:-5s}
WARMUP_RUNS=${WARMUP_RUNS:-24}
WARMUP_MIN=${WARMUP_MIN:-6}
SCENARIOS=${SCENARIOS:-create mixed}
for knob in LOOPS WARMUP_MIN WARMUP_RUNS; do
  [[ "${!knob}" =~ ^[1-9][0-9]*$ ]] || { echo "$knob must be a positive whole number, not '${!knob}'" >&2; exit 2; }
done
source "$root/scripts/lib/local-stack.sh"
source "$root/benchmarks/lib/load.sh"
trap cleanup EXIT
ensure_package wrk wrk

builds=()
checkouts=("$@")
for i in "${!checkouts[@]}"; do
  checkout=$(cd "${checkouts[$i]}" && pwd)
  build=$(printf "\\x$(printf %x $((65 + i)))") # A, B, C, ...
  builds+=("$build")
  echo "$build = $checkout ($(git -C "$checkout" describe --always --dirty 2>/dev/null || echo 'not a git checkout'))"
  dotnet publish "$checkout/src/Web" -c Release -o "$work/app$build" --nologo -nodeReuse:false \
    -p:UseSharedCompilation=false -p:UseRazorBuildServer=false >"$work/publish$build.log" 2>&1 \
    || { cat "$work/publish$build.log"; exit 1; }
done
dotnet publish "$root/benchmarks/Seed" -c Release -o "$work/seed" --nologo -nodeReuse:false -p:UseSharedCompilation=false >/dev/null
start_postgres

settings=(Database__Provider=Postgres "ConnectionStrings__Default=Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=overholt"
  Seed__AdminEmail="$admin_email" Seed__AdminPassword="$admin_password" Email__PickupDirectory="$work/mail" Role=web)
# Seeded through a process of its own, stopped before the builds start: a process that served the seeding runs slower
# afterwards than one that did not (docs/performance.md, tenth round), which would favour every build but the first.
port=$(free_port)
start_dotnet "$work/app${builds[0]}" Overholt.Web.dll "$work/seeding.log" "$port" "${settings[@]}"
seeding_pid=$started_pid
wait_healthy "http://127.0.0.1:$port" "$seeding_pid" "$work/seeding.log"
token=$(seed "http://127.0.0.1:$port")
auth="Authorization: Bearer $token"
stop_process "$seeding_pid"

declare -A app_pid app_url
for build in "${builds[@]}"; do
  port=$(free_port)
  start_dotnet "$work/app$build" Overholt.Web.dll "$work/app$build.log" "$port" "${settings[@]}"
  app_pid[$build]=$started_pid
  app_url[$build]="http://127.0.0.1:$port"
  wait_healthy "${app_url[$build]}" "$started_pid" "$work/app$build.log"
done

# One run: appends "loop build scenario req/s p99 cpu_us pg_us" to $work/runs and prints it. The other builds are idle
# meanwhile, so the cluster's CPU is this build's statements' (and the idle builds' listeners', which wake for its
# notifications as they would on other nodes).
run() {
  local loop=$1 build=$2 scenario=$3 duration=$4 script path
  case "$scenario" in
    create) script=create-store.lua path=/api/stores ;;
    mixed) script=mixed.lua path=/api/products/1 ;;
    *) echo "unknown scenario: $scenario" >&2; exit 2 ;;
  esac
  local pid=${app_pid[$build]} before pg_before
  before=$(cpu_ticks "$pid")
  pg_before=$(cluster_cpu_ticks)
  wrk -t2 -c16 -d"$duration" --latency -s "$scripts/$script" -H "$auth" "${app_url[$build]}$path" >"$work/last.wrk" 2>&1
  local ticks=$(($(cpu_ticks "$pid") - before)) pg_ticks=$(($(cluster_cpu_ticks) - pg_before)) rps p50 p99 non2xx errors requests
  read -r rps p50 p99 non2xx errors requests <<<"$(parse_wrk "$work/last.wrk")"
  # A cold build can finish no request in a short warm-up slice: count its CPU as one request's, not a division by 0.
  rps=${rps:-0} p99=${p99:-0} non2xx=${non2xx:-0} requests=${requests:-0}
  [ "$requests" -gt 0 ] || requests=1
  [ "$non2xx" -eq 0 ] || echo "warning: $build $scenario had $non2xx non-2xx responses" >&2
  awk -v l="$loop" -v b="$build" -v s="$scenario" -v r="$rps" -v p="$p99" -v t="$ticks" -v g="$pg_ticks" \
    -v hz="$ticks_per_second" -v n="$requests" 'BEGIN { printf "%s %s %s %.1f %.2f %.0f %.0f\n", l, b, s, r, p, t * 1e6 / hz / n, g * 1e6 / hz / n }' \
    | tee -a "$work/runs" \
    | awk '{ printf "loop %-3s %s %-7s %9.1f req/s  p99 %7.2f ms  %5d us CPU  %5d us PG\n", $1, $2, $3, $4, $5, $6, $7 }'
}

# Warm-up slices of WARMUP until the build's CPU per request stops falling, the rule of benchmarks/run.sh: two in a
# row no more than 5% below the lowest before them (at most WARMUP_RUNS), but at least WARMUP_MIN. A fresh build's
# store creation takes 40-60 s of load to reach steady state on 2 cores, and can stay flat for its first 15 s before
# the optimized code arrives (docs/performance.md, eleventh round), so three slices are not enough here.
warm_up() {
  local build=$1 scenario=$2
  warm_until_steady "$WARMUP_MIN" "$WARMUP_RUNS" warm_up_slice "$build" "$scenario"
  echo "$build $scenario warm-up: $warm_up_runs run(s) of $WARMUP, us CPU per request:$warm_up_slices"
}

warm_up_slice() {
  run 0 "$1" "$2" "$WARMUP" >/dev/null
  slice_cpu=$(tail -n 1 "$work/runs" | awk '{ print $6 }')
}

for build in "${builds[@]}"; do
  for scenario in $SCENARIOS; do warm_up "$build" "$scenario"; done
done
: >"$work/runs"
for loop in $(seq "$LOOPS"); do
  order=("${builds[@]}")
  if ((loop % 2 == 0)); then
    order=()
    for ((i = ${#builds[@]} - 1; i >= 0; i--)); do order+=("${builds[$i]}"); done
  fi
  for scenario in $SCENARIOS; do
    for build in "${order[@]}"; do run "$loop" "$build" "$scenario" "$DURATION"; done
  done
done

echo
echo "medians over $LOOPS loops of ${DURATION} (ratio: the median of the per-loop req/s ratios to ${builds[0]})"
printf '%-8s %-6s %10s %8s %8s %8s\n' scenario build 'req/s' 'CPU us' 'PG us' ratio
for scenario in $SCENARIOS; do
  for build in "${builds[@]}"; do
    rps=$(awk -v b="$build" -v s="$scenario" '$2 == b && $3 == s { print $4 }' "$work/runs" | median)
    cpu=$(awk -v b="$build" -v s="$scenario" '$2 == b && $3 == s { print $6 }' "$work/runs" | median)
    pg=$(awk -v b="$build" -v s="$scenario" '$2 == b && $3 == s { print $7 }' "$work/runs" | median)
    ratio=$(awk -v b="$build" -v f="${builds[0]}" -v s="$scenario" \
      '$3 == s && $2 == f { first[$1] = $4 } $3 == s && $2 == b { mine[$1] = $4 } END { for (l in mine) print mine[l] / first[l] }' \
      "$work/runs" | median)
    printf '%-8s %-6s %10.1f %8.0f %8.0f %8.3f\n' "$scenario" "$build" "$rps" "$cpu" "$pg" "$ratio"
  done
done

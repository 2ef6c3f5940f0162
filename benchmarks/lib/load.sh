# Shared by benchmarks/run.sh, compare.sh and soak.sh: seeding the app through its API, waiting for the emails the
# seeding queued, reading wrk's report, CPU time of a process and of the PostgreSQL cluster, medians, the warm-up's
# rule. Source it after scripts/lib/local-stack.sh, with `work`, `root`, `admin_email`, `admin_password` and
# `seeded_stores` set.

# The seeding queued one manager email per store; measuring while the worker sends them would measure the worker.
wait_for_mail() {
  local directory=$1
  for _ in $(seq 240); do
    [ "$(find "$directory" -name '*.eml' 2>/dev/null | wc -l)" -ge "$seeded_stores" ] && return
    sleep 0.5
  done
  echo "warning: the worker had not sent all $seeded_stores manager emails after 2 minutes; measuring anyway" >&2
}

seed() {
  local url=$1
  dotnet "$work/seed/Overholt.Benchmarks.Seed.dll" "$url" "$admin_email" "$admin_password"
}

# Prints "req/s p50_ms p99_ms non_2xx socket_errors requests" from one wrk report.
parse_wrk() {
  awk '
    function ms(value) {
      if (value ~ /us$/) return value / 1000
      if (value ~ /ms$/) return value + 0
      if (value ~ /m$/) return value * 60000
      if (value ~ /s$/) return value * 1000
      return value + 0
    }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /^Requests\/sec:/ { rps = $2 }
    / requests in / { requests = $1 }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ { gsub(",", ""); errors = $4 + $6 + $8 + $10 }
    END {
      if (rps == "" || requests == 0) exit 1
      printf "%.1f %.2f %.2f %d %d %d\n", rps, p50, p99, non2xx, errors, requests
    }' "$1"
}

# The median of the numbers on standard input, one a line.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

ticks_per_second=$(getconf CLK_TCK)

# CPU time (user + system, in clock ticks) a process has used; 0 once it is gone.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# CPU time of the whole PostgreSQL cluster: the postmaster, the backends it runs now, and (its children's time, which
# the kernel adds once it reaps them) every backend that has exited; 0 when none runs.
cluster_cpu_ticks() {
  local postmaster
  postmaster=$(head -n 1 "$pg_data/postmaster.pid" 2>/dev/null) || { echo 0; return; }
  local total pid
  total=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$postmaster/stat" 2>/dev/null || echo 0)
  for pid in $(pgrep -P "$postmaster"); do
    total=$((total + $(cpu_ticks "$pid")))
  done
  echo "$total"
}

# Warm-up slices until a server's CPU per request stops falling: two slices in a row no more than 5% below the lowest
# before them, after at least <min> slices and at most <max>. Usage: warm_until_steady <min> <max> <slice command...>;
# the command runs one slice and sets `slice_cpu` to its CPU per request. Sets `warm_up_slices` to the slices' CPU per
# request, space-separated, and `warm_up_runs` to their number.
warm_until_steady() {
  local min=$1 max=$2 flat=0 best=""
  shift 2
  warm_up_slices="" warm_up_runs=0
  while :; do
    "$@"
    warm_up_runs=$((warm_up_runs + 1))
    warm_up_slices="$warm_up_slices $slice_cpu"
    if [ -n "$best" ] && awk -v c="$slice_cpu" -v b="$best" 'BEGIN { exit !(c >= 0.95 * b) }'; then flat=$((flat + 1)); else flat=0; fi
    if [ -z "$best" ] || awk -v c="$slice_cpu" -v b="$best" 'BEGIN { exit !(c < b) }'; then best=$slice_cpu; fi
    if { [ "$warm_up_runs" -ge "$min" ] && [ "$flat" -ge 2 ]; } || [ "$warm_up_runs" -ge "$max" ]; then break; fi
  done
}

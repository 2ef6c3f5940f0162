# Shared by benchmarks/run.sh and benchmarks/soak.sh: seeding the app through its API, waiting for the emails the
# seeding queued, reading wrk's report. Source it after scripts/lib/local-stack.sh, with `work`, `root`, `admin_email`,
# `admin_password` and `seeded_stores` set.

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

# Shared by scripts/cluster.sh and benchmarks/run.sh: a temp directory, a throwaway PostgreSQL cluster, published
# .NET apps started in the background, and a cleanup that stops all of it on exit, on error and on Ctrl-C.
# Source it after setting WORK_PREFIX (the temp directory's name); it sets `work`, `pg_bin`, `pg_data`, `pids`.

# Installs a Debian package when its command is missing.
ensure_package() {
  local command=$1 package=${2:-$1}
  command -v "$command" >/dev/null && return
  echo "Installing $package..."
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$package" >/dev/null
}

pg_bin=${OVERHOLT_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$pg_bin/initdb" ] || { echo "No PostgreSQL server binaries (apt-get install postgresql, or set OVERHOLT_PG_BIN)" >&2; exit 1; }

work=$(mktemp -d "/tmp/${WORK_PREFIX:-overholt}.XXXXXX")
chmod 711 "$work" # the cluster runs as postgres and must reach its directory inside
pg_data="$work/pg"
pg_port=""
pids=()

stop_process() {
  local pid=$1
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

as_postgres() { (cd "$work" && runuser -u postgres -- "$@"); }

stop_postgres() {
  if [ -f "$pg_data/postmaster.pid" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do stop_process "$pid"; done
  stop_postgres
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 12000)) # below 32768, where Linux hands out ports for outgoing connections
    if [ -z "$(ss -Htln "sport = :$port")" ]; then
      echo "$port"
      return
    fi
  done
}

# Publishes a project in Release into $work/<name>. No build servers or reused nodes: nothing outlives the run.
publish() {
  local project=$1 name=$2
  if ! dotnet publish "$root/$project" -c Release -o "$work/$name" --nologo -nodeReuse:false \
    -p:UseSharedCompilation=false -p:UseRazorBuildServer=false >"$work/publish.log" 2>&1; then
    cat "$work/publish.log" >&2
    exit 1
  fi
}

# Starts a throwaway cluster as user postgres (it refuses root) on a free port, durability off; sets pg_port.
start_postgres() {
  mkdir -p "$pg_data" "$work/home"
  chown postgres:postgres "$pg_data"
  as_postgres "$pg_bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --no-sync >"$work/initdb.log"
  pg_port=$(free_port)
  # As the test harness runs it: durability off, so neither side waits on the disk.
  as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -t 60 start -o \
    "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
}

# Starts a published .NET app in its own directory (its content root) and records its pid for the cleanup.
# Usage: start_dotnet <dir> <dll> <log> <port> [VAR=value...]
start_dotnet() {
  local dir=$1 dll=$2 log=$3 port=$4
  shift 4
  # HOME inside the run keeps the data-protection keys it creates out of the real home directory.
  (cd "$dir" && exec env HOME="$work/home" ASPNETCORE_ENVIRONMENT=Production "$@" dotnet "$dll" --urls "http://127.0.0.1:$port") >"$log" 2>&1 &
  started_pid=$!
  pids+=("$started_pid")
}

wait_healthy() {
  local url=$1 pid=$2 log=$3
  for _ in $(seq 240); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "The process serving $url exited; its log ends:" >&2
      tail -n 30 "$log" >&2
      exit 1
    fi
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health" || true)" = 200 ] && return
    sleep 0.5
  done
  echo "$url/health did not answer 200 within 2 minutes" >&2
  exit 1
}


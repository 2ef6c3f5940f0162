#!/usr/bin/env bash
# The admin pages and API lists on the large sample catalogue, one user at a time: p50 and p95 per page.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: [REQUESTS=50] ./benchmarks/back-office.sh

Publishes the app (Release, Production, PostgreSQL, role web), seeds the large sample catalogue with its own command
(db seed --sample --size large: 100,000 products, 5,000 stores, 300 users), signs in as an admin (the cookie for the
pages, a bearer token for the API) and requests each page and list below REQUESTS times in a row, one at a time,
after 5 unmeasured requests each. Prints a Markdown table of p50 and p95 (ms, as curl measures the whole exchange)
with each request's HTTP status checked. A product or store id in a URL is the one that sorts last by name.

Knobs: REQUESTS (default 50), OVERHOLT_PG_BIN (PostgreSQL server binaries). Numbers mean something only on an
otherwise idle machine.
USAGE
}

case "${1:-}" in
  -h | --help) usage; exit 0 ;;
  "") ;;
  *) usage >&2; exit 2 ;;
esac

REQUESTS=${REQUESTS:-50}
[[ "$REQUESTS" =~ ^[1-9][0-9]*$ ]] || { echo "REQUESTS must be a positive whole number" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
admin_email="bench-admin@overholt.local"
admin_password="Overholt-bench-1"
WORK_PREFIX=overholt-back-office
# shellcheck source=../scripts/lib/local-stack.sh
source "$root/scripts/lib/local-stack.sh"

echo "== Publishing the app (Release)" >&2
publish src/Web app
echo "== Starting PostgreSQL" >&2
start_postgres
settings=(
  Database__Provider=Postgres
  ConnectionStrings__Default="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=overholt"
  Seed__AdminEmail="$admin_email" Seed__AdminPassword="$admin_password"
  Email__PickupDirectory="$work/mail"
)
echo "== Seeding the large sample catalogue" >&2
SECONDS=0
(cd "$work/app" && env HOME="$work/home" ASPNETCORE_ENVIRONMENT=Production "${settings[@]}" dotnet Overholt.Web.dll db seed --sample --size large) >"$work/seed.log" 2>&1 \
  || { cat "$work/seed.log" >&2; exit 1; }
seed_seconds=$SECONDS

port=$(free_port)
url="http://127.0.0.1:$port"
start_dotnet "$work/app" Overholt.Web.dll "$work/app.log" "$port" Role=web "${settings[@]}"
wait_healthy "$url" "$started_pid" "$work/app.log"

psql_value() { "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d overholt -tA -c "$1"; }
last_product=$(psql_value "SELECT id FROM products ORDER BY name DESC, id DESC LIMIT 1")
last_store=$(psql_value "SELECT id FROM stores ORDER BY name DESC, id DESC LIMIT 1")
category=$(psql_value "SELECT id FROM categories ORDER BY name LIMIT 1")
manager=$(psql_value "SELECT user_id FROM stores_managers ORDER BY user_id LIMIT 1")

# The pages with the admin's cookie, the API with a bearer token.
jar="$work/cookies.txt"
token=$(curl -s -c "$jar" -b "$jar" "$url/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "Email=$admin_email" --data-urlencode "Password=$admin_password" "$url/login")
[ "$status" = 302 ] || { echo "signing in on the login page answered $status" >&2; exit 1; }
bearer=$(curl -s -H 'content-type: application/json' -d "{\"email\":\"$admin_email\",\"password\":\"$admin_password\"}" "$url/api/auth/login" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

pages=(
  "/"
  "/stores?sort=state"
  "/stores?state=CA&sort=-name"
  "/stores/$last_store"
  "/stores/$last_store?product_search=shampoo"
  "/stores/$last_store?manager_search=user1"
  "/products?category=$category"
  "/products?search=00999"
  "/users"
)
api=(
  "/api/stores?sort=state,-name&page_size=50"
  "/api/stores?state=CA&city=Los%20Angeles&search=market&sort=-name"
  "/api/stores?product=$last_product&sort=name"
  "/api/stores?manager=$manager"
  "/api/products?category=$category&search=crisp&sort=-name"
  "/api/products?search=00999"
  "/api/products/$last_product"
  "/api/stores/$last_store/products?search=a"
)

# Prints "p50 p95" in ms for REQUESTS sequential requests, after 5 unmeasured ones; fails on a non-2xx answer.
measure() {
  local path=$1
  shift
  local times="$work/times" i answer
  : >"$times"
  for i in $(seq $((REQUESTS + 5))); do
    answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$@" "$url$path")
    [[ "${answer%% *}" == 2* ]] || { echo "$path answered ${answer%% *}" >&2; exit 1; }
    [ "$i" -gt 5 ] && echo "${answer##* }" >>"$times"
  done
  sort -g "$times" | awk '{ v[NR] = $1 * 1000 } END {
    p50 = v[int((NR + 1) / 2)]; i95 = int(NR * 0.95 + 0.999); if (i95 < 1) i95 = 1
    printf "%.1f %.1f\n", p50, v[i95] }'
}

echo
echo "Large sample seeded in $seed_seconds s. $REQUESTS requests each, one at a time, PostgreSQL, admin."
echo
echo "| request | p50 ms | p95 ms |"
echo "|---|---|---|"
for path in "${pages[@]}"; do
  read -r p50 p95 < <(measure "$path" -b "$jar")
  echo "| page \`$path\` | $p50 | $p95 |"
done
for path in "${api[@]}"; do
  read -r p50 p95 < <(measure "$path" -H "Authorization: Bearer $bearer")
  echo "| API \`$path\` | $p50 | $p95 |"
done

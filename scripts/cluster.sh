#!/usr/bin/env bash
# Overholt as a small production-like cluster on this machine: one PostgreSQL, two web nodes and one worker, behind
# nginx on loopback, the key ring encrypted with a throwaway certificate. Prints the URL and runs until Ctrl-C, then
# stops everything. See docs/deployment.md.
#
#   ./scripts/cluster.sh           start it and wait
#   ./scripts/cluster.sh --check   start it, check through nginx that sessions and form tokens work across the
#                                  nodes, that each manager email is sent exactly once and that the key ring is
#                                  stored encrypted, stop, exit 0 or 1
set -euo pipefail

check=false
case "${1:-}" in
  --check) check=true ;;
  "") ;;
  -h | --help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "Usage: $0 [--check]" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
WORK_PREFIX=overholt-cluster
# shellcheck source=lib/local-stack.sh
source "$root/scripts/lib/local-stack.sh"
ensure_package nginx
ensure_package openssl

admin_email="admin@overholt.local"
admin_password="Cluster-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')-1"

echo "== Publishing the app (Release)"
publish src/Web app

echo "== Making a throwaway certificate that encrypts the key ring (the same for every node)"
mkdir -m 700 "$work/keys"
openssl req -x509 -newkey rsa:3072 -sha256 -days 30 -nodes -subj "/CN=Overholt data protection (cluster)" \
  -keyout "$work/keys/data-protection.key" -out "$work/keys/data-protection.crt" 2>"$work/openssl.log" \
  || { cat "$work/openssl.log" >&2; exit 1; }

echo "== Starting PostgreSQL"
start_postgres
proxy_port=$(free_port) # chosen first: the nodes put it in the links they email
settings=(
  Database__Provider=Postgres
  ConnectionStrings__Default="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=overholt"
  Database__MigrateOnStartup=false
  Seed__AdminEmail="$admin_email" Seed__AdminPassword="$admin_password"
  Email__PickupDirectory="$work/mail"
  Email__LinkBaseUrl="http://127.0.0.1:$proxy_port"
  DataProtection__Certificate__Path="$work/keys/data-protection.crt"
  DataProtection__Certificate__KeyPath="$work/keys/data-protection.key"
)

echo "== Migrating the database (the deployment step)"
(cd "$work/app" && env HOME="$work/home" ASPNETCORE_ENVIRONMENT=Production "${settings[@]}" dotnet Overholt.Web.dll db migrate)

echo "== Starting two web nodes and a worker"
ports=()
for role in web web worker; do
  port=$(free_port)
  mkdir -p "$work/home-$port" # each node its own fresh home, as a new container would have: the keys are in the database
  start_dotnet "$work/app" Overholt.Web.dll "$work/$role-$port.log" "$port" HOME="$work/home-$port" Role="$role" "${settings[@]}"
  wait_healthy "http://127.0.0.1:$port" "$started_pid" "$work/$role-$port.log"
  ports+=("$port")
done

echo "== Starting nginx in front of the web nodes"
cat >"$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 256; }
http {
  log_format upstream '\$request \$status \$upstream_addr';
  access_log $work/nginx-access.log upstream;
  client_body_temp_path $work/nginx-body;
  proxy_temp_path $work/nginx-proxy;
  fastcgi_temp_path $work/nginx-fastcgi;
  uwsgi_temp_path $work/nginx-uwsgi;
  scgi_temp_path $work/nginx-scgi;
  upstream overholt {
    server 127.0.0.1:${ports[0]};
    server 127.0.0.1:${ports[1]};
    keepalive 16;
  }
  server {
    listen 127.0.0.1:$proxy_port;
    client_max_body_size 1m;
    location / {
      proxy_pass http://overholt;
      proxy_http_version 1.1; # Kestrel wants a length on HTTP/1.0 bodies, and 1.1 keeps upstream connections open
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
NGINX
nginx -c "$work/nginx.conf" -p "$work" -g 'daemon off;' 2>>"$work/nginx-error.log" &
pids+=("$!")
url="http://127.0.0.1:$proxy_port"
for _ in $(seq 40); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health" || true)" = 200 ] && break
  sleep 0.25
done

if ! $check; then
  cat <<INFO

Overholt is running at $url (nginx -> web nodes on ports ${ports[0]} and ${ports[1]}; worker on ${ports[2]}).
Sign in as $admin_email with the password $admin_password
Emails go to $work/mail. The key ring is encrypted with $work/keys/data-protection.crt.
Press Ctrl-C to stop everything.
INFO
  wait
  exit 0
fi

echo "== Self-check through nginx"
fail() { echo "Cluster self-check FAILED: $*" >&2; exit 1; }
jar="$work/cookies.txt"
form_token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }

# A page session: sign in on one node, use the session and a form token on whichever node nginx picks next.
token=$(curl -s -c "$jar" -b "$jar" "$url/login" | form_token)
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "Email=$admin_email" --data-urlencode "Password=$admin_password" "$url/login")
[ "$status" = 302 ] || fail "signing in on the login page answered $status"
for i in 1 2 3 4; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$url/")
  [ "$status" = 200 ] || fail "dashboard request $i with the session cookie answered $status"
done
for i in 1 2; do
  token=$(curl -s -b "$jar" -c "$jar" "$url/categories/new" | form_token)
  status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Name=Cluster category $i" "$url/categories/new")
  [ "$status" = 302 ] || fail "a form posted with a token from the other node answered $status"
done
for port in "${ports[0]}" "${ports[1]}"; do
  grep -q "127.0.0.1:$port" "$work/nginx-access.log" || fail "nginx never sent a request to the web node on port $port"
done
echo "Page sessions and form tokens work on both web nodes."

# A bearer token from one node on both; manager emails sent by the worker, once each.
bearer=$(curl -s -H 'content-type: application/json' -d "{\"email\":\"$admin_email\",\"password\":\"$admin_password\"}" "$url/api/auth/login" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
admin_id=$(curl -s -H "Authorization: Bearer $bearer" "$url/api/users" | sed -E 's/.*"data":\{"id":([0-9]+).*/\1/')
stores=6
for i in $(seq $stores); do
  id=$(curl -s -H "Authorization: Bearer $bearer" -H 'content-type: application/json' \
    -d "{\"name\":\"Cluster store $i\",\"address\":\"$i Main St\",\"city\":\"Portland\",\"state\":\"OR\",\"zip_code\":\"97201\"}" \
    "$url/api/stores" | sed -E 's/.*"data":\{"id":([0-9]+).*/\1/')
  answer=$(curl -s -w ' %{http_code}' -X PUT -H "Authorization: Bearer $bearer" "$url/api/stores/$id/managers/$admin_id")
  [ "${answer##* }" = 200 ] || fail "adding manager $admin_id to store $id answered $answer"
done
echo "A bearer token works on both web nodes."
for _ in $(seq 60); do
  [ "$(find "$work/mail" -name '*.eml' 2>/dev/null | wc -l)" -ge $stores ] && break
  sleep 0.5
done
sleep 3 # anything sent twice would show up by now
sent=$(find "$work/mail" -name '*.eml' 2>/dev/null | wc -l)
distinct=$(grep -h '^Subject:' "$work/mail"/*.eml 2>/dev/null | sort -u | wc -l)
[ "$sent" = $stores ] && [ "$distinct" = $stores ] || fail "expected $stores manager emails, one per store; found $sent ($distinct distinct)"
echo "Each of the $stores manager emails was sent exactly once, by the worker."

# Password recovery across the nodes: asked on one, emailed by the worker, its link (through nginx) used on another.
status=$(curl -s -o /dev/null -w '%{http_code}' -H 'content-type: application/json' -d "{\"email\":\"$admin_email\"}" "$url/api/auth/forgotPassword")
[ "$status" = 200 ] || fail "asking for a password reset link answered $status"
reset_mail=
for _ in $(seq 60); do
  reset_mail=$(grep -l '^Subject: Reset your Overholt password' "$work/mail"/*.eml 2>/dev/null | head -n 1 || true)
  [ -n "$reset_mail" ] && break
  sleep 0.5
done
[ -n "$reset_mail" ] || fail "no password reset email arrived"
# The text part may be quoted-printable: join its soft line breaks and decode '=' before reading the link.
link=$(tr -d '\r' <"$reset_mail" | sed -e ':a' -e '/=$/{N;s/=\n//;ba}' | sed 's/=3D/=/g' | grep -o "$url/reset-password?[^ <\"]*" | head -n 1)
code=$(sed -E 's/.*[?&]code=([^&]*).*/\1/' <<<"$link")
[ -n "$link" ] && [ -n "$code" ] || fail "the reset email holds no link to $url/reset-password"
new_password="Cluster-recovered-$RANDOM-1"
status=$(curl -s -o /dev/null -w '%{http_code}' -H 'content-type: application/json' \
  -d "{\"email\":\"$admin_email\",\"reset_code\":\"$code\",\"new_password\":\"$new_password\"}" "$url/api/auth/resetPassword")
[ "$status" = 200 ] || fail "the emailed reset link answered $status"
status=$(curl -s -o /dev/null -w '%{http_code}' -H 'content-type: application/json' \
  -d "{\"email\":\"$admin_email\",\"password\":\"$new_password\"}" "$url/api/auth/login")
[ "$status" = 200 ] || fail "signing in with the password set through the link answered $status"
echo "A password reset link emailed by the worker leads through nginx and sets the password."

# The key ring as a backup would hold it: every key encrypted with the certificate, none in the clear.
read -r keys encrypted < <("$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d overholt -tA -F ' ' -c \
  "SELECT count(*), count(*) FILTER (WHERE xml LIKE '%EncryptedData%' AND xml NOT LIKE '%<masterKey%') FROM data_protection_keys")
[ "$keys" -ge 1 ] && [ "$encrypted" = "$keys" ] || fail "expected every data-protection key stored encrypted; $encrypted of $keys are"
! grep -q 'unencrypted' "$work"/web-*.log "$work"/worker-*.log \
  || fail "a node logged that keys are stored unencrypted: $(grep -h 'unencrypted' "$work"/web-*.log "$work"/worker-*.log | head -n 2)"
echo "The key ring is stored encrypted with the certificate ($keys key(s), none in the clear)."
echo "Cluster self-check passed."

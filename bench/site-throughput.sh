#!/usr/bin/env bash
# Lesson-page throughput: this server against nginx serving the same page saved as a file.
#
# Both get the same page bytes and the same wrk settings; runs alternate (ours, nginx, ours,
# nginx, ...) so that noise from the shared machine hits both alike. Prints each run, then the
# medians and their ratio.
#
# MODE=pinned (the default) gives each side a core of its own: the server under test on core 0
# (nginx with one worker, our JVM with all its threads), wrk with one thread on core 1. Otherwise
# the servers mostly fight wrk for the CPU, and the ratio says little. MODE=shared is the older
# method: nginx with a worker per core, and wrk on every core beside the server.
#
# Our server starts as `./playground run` starts it (SERVER_FLAGS: its AOT cache, which `./playground
# bench` passes), and is warmed up for WARMUP under load before the rounds: its JIT takes 10-15 s
# of load to reach its steady rate on one core, nginx none.
#
#   ROUNDS=5 DURATION=5s CONNECTIONS=64 WARMUP=20s bench/site-throughput.sh
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=${MODE:-pinned}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-5s}
CONNECTIONS=${CONNECTIONS:-64}
WARMUP=${WARMUP:-20s}
read -r -a SERVER_JVM_FLAGS <<<"${SERVER_FLAGS:-}"
if [ "$MODE" = pinned ]; then
  [ "$(nproc)" -ge 2 ] || { echo "error: MODE=pinned needs 2 cores; use MODE=shared" >&2; exit 1; }
  SERVER_CPU=(taskset -c 0)
  LOAD_CPU=(taskset -c 1)
  THREADS=${THREADS:-1}
  NGINX_WORKERS=1
else
  SERVER_CPU=()
  LOAD_CPU=()
  THREADS=${THREADS:-2}
  NGINX_WORKERS=auto
fi
LESSON=${LESSON:-python-to-csharp}
OURS_PORT=${OURS_PORT:-18181}
NGINX_PORT=${NGINX_PORT:-18182}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAR=target/polyglot-playground.jar

for tool in wrk nginx curl taskset python3; do
  command -v "$tool" >/dev/null || { echo "error: $tool is missing (apt-get install -y wrk nginx curl)" >&2; exit 1; }
done
[ -f "$JAR" ] || { echo "error: build first: ./mvnw -DskipTests package" >&2; exit 1; }

work=$(mktemp -d)
chmod 755 "$work" # nginx workers run as an unprivileged user and must read the page
server_pid=
cleanup() {
  set +e
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")"
  [ -n "$server_pid" ] && kill "$server_pid" && wait "$server_pid"
  rm -rf "$work"
}
trap cleanup EXIT

"${SERVER_CPU[@]}" "$JAVA" "${SERVER_JVM_FLAGS[@]}" -jar "$JAR" --host 127.0.0.1 --port "$OURS_PORT" --log-level warn &
server_pid=$!
# Until the runner is ready too: its start (the compile service, the pools, an AOT cache to record
# on a first start) takes seconds of CPU on the server's core, which the warm-up would otherwise
# share with it.
settled() {
  curl -fs "http://127.0.0.1:$OURS_PORT/health" | python3 -c '
import json, sys
r = json.load(sys.stdin).get("runs", {})
pools = [r.get("pool", {})] + [x.get("pool", {}) for x in r.get("runtimes", {}).values()]
ready = r.get("aotCache") in ("ready", "unavailable") \
    and r.get("compiler", {}).get("state") in ("ready", "unavailable") \
    and all(p.get("idle") == p.get("size") for p in pools if p)
sys.exit(0 if ready else 1)' 2>/dev/null
}
for _ in $(seq 300); do
  settled && break
  sleep 0.2
done
settled || echo "warning: the runner is not ready after a minute; measuring anyway" >&2

path="/lessons/$LESSON"
mkdir -p "$work/www/lessons" "$work/logs"
curl -fs "http://127.0.0.1:$OURS_PORT$path" -o "$work/www$path"
cat > "$work/nginx.conf" <<CONF
worker_processes $NGINX_WORKERS;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  default_type text/html;
  client_body_temp_path $work/logs; proxy_temp_path $work/logs; fastcgi_temp_path $work/logs;
  uwsgi_temp_path $work/logs; scgi_temp_path $work/logs;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $work/www;
  }
}
CONF
"${SERVER_CPU[@]}" nginx -p "$work" -c "$work/nginx.conf"
ours_url="http://127.0.0.1:$OURS_PORT$path"
nginx_url="http://127.0.0.1:$NGINX_PORT$path"
ours_bytes=$(curl -fs "$ours_url" | wc -c)
nginx_bytes=$(curl -fs "$nginx_url" | wc -c)
echo "page: $path, $ours_bytes bytes from us, $nginx_bytes from nginx"
echo "MODE=$MODE: wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS alternating rounds, $(nproc) cores; our JVM flags: ${SERVER_FLAGS:-none}"

rps() { "${LOAD_CPU[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" "$2" | awk '/^Requests\/sec:/ {print $2}'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "warming up (JIT): ours for $WARMUP, nginx for 3s ..."
rps "$WARMUP" "$ours_url" >/dev/null
rps 3s "$nginx_url" >/dev/null

ours=()
theirs=()
for round in $(seq "$ROUNDS"); do
  o=$(rps "$DURATION" "$ours_url")
  n=$(rps "$DURATION" "$nginx_url")
  ours+=("$o")
  theirs+=("$n")
  printf 'round %d: ours %10.0f req/s   nginx %10.0f req/s   ratio %.3f\n' "$round" "$o" "$n" "$(echo "$o $n" | awk '{print $1/$2}')"
done
mo=$(printf '%s\n' "${ours[@]}" | median)
mn=$(printf '%s\n' "${theirs[@]}" | median)
printf 'median: ours %.0f req/s, nginx %.0f req/s, ratio %.3f x nginx\n' "$mo" "$mn" "$(echo "$mo $mn" | awk '{print $1/$2}')"

#!/usr/bin/env bash
# Load benchmark of the example apps over loopback, each against its own stack's floor.
#
#   benchmarks/load/run.sh [STACK ...]      STACK: servlet-jetty spring-boot micronaut (default: those present)
#
# For each stack: builds the example jar if it is missing (reactor build, never `mvn install`), starts it
# on a free 127.0.0.1 port with a random shared secret and BENCH_FLOOR=true (which also mounts
# POST /bench/floor: reads the body, answers {}; and where the stack has them, /bench/floor-blocking: the
# same off Micronaut's event loop, and /bench/floor-json: also parses the body with Jackson, the floor of
# any JSON endpoint), waits until it answers, checks both answers, warms both
# endpoints up, then drives each with wrk and the authorization-code fixture as the body: at saturation
# and at fixed rates. Every run is bounded in time; the app is stopped on exit, whatever happens.
#
# Settings (environment):
#   DURATION=15          seconds per measured point
#   WARMUP=20            seconds of unmeasured saturation per endpoint at least, before measuring; the
#                        warm-up then goes on in 5 s windows until three windows in a row lie within 5 %
#                        of each other (the JIT has settled; two, until round 5, stopped on a pause in a
#                        still rising trail), WARMUP_MAX (90) seconds at most. The floor is
#                        compiled in seconds, the hook's decoder and engine take far longer on 2 cores:
#                        a short warm-up measures the hook half-compiled (issue #18, round 4)
#   ROUNDS=2             saturation measured this many times per endpoint, alternating floor and hook, so
#                        a machine that drifts (a noisy neighbour) affects both alike; each round's
#                        hook/floor ratio is reported, and their median
#   RATES="500 1000 2000" fixed rates, requests/s (see post.lua for how wrk is paced)
#   RATE_CONNECTIONS=16  connections at fixed rates
#   SAT_CONNECTIONS=32   connections at saturation
#   WRK_THREADS=1        wrk threads (the client shares the machine's cores with the server)
#   JAVA_OPTS="-Xms1g -Xmx1g"
#   BODY_FIXTURE=request-authorization-code   the testkit fixture posted (request-client-credentials: no user,
#                        so the patient rule returns before its database lookup: the hook without the lookup)
#   REBUILD=0            1: rebuild the example jar even if present (it is otherwise built only when missing)
#   ENDPOINTS            e.g. "hook" to measure only the hook (default: floor, then floor-blocking and
#                        floor-json where served, then hook)
#   HOOK_LOG=on          the level of the hook's logger dev.tokenhook in every stack. on: each stack's own
#                        (INFO: a successful call logs nothing, since successes log at DEBUG; denials and
#                        refusals log at INFO); debug: DEBUG, one line per successful call too (what "on"
#                        meant before successes moved to DEBUG); off: WARN
#   OUT=benchmarks/load/target/<UTC timestamp>   where results.tsv, summary.md and the app logs go
#
# Needs: java 17+, wrk (Debian: apt-get install wrk), curl, python3 (to find a free port).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/benchmarks/load"
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-20}
WARMUP_MAX=${WARMUP_MAX:-90}
ROUNDS=${ROUNDS:-2}
RATES=${RATES-"500 1000 2000"}
RATE_CONNECTIONS=${RATE_CONNECTIONS:-16}
SAT_CONNECTIONS=${SAT_CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-1}
JAVA_OPTS=${JAVA_OPTS:-"-Xms1g -Xmx1g"}
OUT=${OUT:-"$HERE/target/$(date -u +%Y%m%dT%H%M%SZ)"}
BODY_FIXTURE=${BODY_FIXTURE:-request-authorization-code}
BODY="$ROOT/hook-testkit/src/main/resources/dev/tokenhook/testkit/fixtures/$BODY_FIXTURE.json"
HOOK_LOG=${HOOK_LOG:-on}
case "$HOOK_LOG" in
  # Each stack reads its own: Jetty's jetty-slf4j-impl, Spring Boot, Micronaut (logger.levels).
  off) JAVA_OPTS="$JAVA_OPTS -Ddev.tokenhook.LEVEL=WARN -Dlogging.level.dev.tokenhook=WARN -Dlogger.levels.dev.tokenhook=WARN" ;;
  debug) JAVA_OPTS="$JAVA_OPTS -Ddev.tokenhook.LEVEL=DEBUG -Dlogging.level.dev.tokenhook=DEBUG -Dlogger.levels.dev.tokenhook=DEBUG" ;;
  on) ;;
  *) echo "run.sh: HOOK_LOG must be on, debug or off, was '$HOOK_LOG'" >&2; exit 1 ;;
esac
HOOK_PATH=/okta/token-hook
FLOOR_PATH=/bench/floor # and, where the stack has them, /bench/floor-blocking and /bench/floor-json

for tool in java wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is required (wrk: apt-get install wrk)" >&2; exit 1; }
done

if [ "$#" -gt 0 ]; then
  STACKS=("$@")
else
  STACKS=()
  for stack in servlet-jetty spring-boot micronaut; do
    [ -f "$ROOT/examples/$stack/pom.xml" ] && STACKS+=("$stack")
  done
fi

mkdir -p "$OUT"
RESULTS="$OUT/results.tsv"
SECRET="Basic $(head -c 24 /dev/urandom | base64 | tr -d '\n')"
APP_PID=""

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$APP_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
trap stop_app EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

jar_of() {
  echo "$ROOT/examples/$1/target/example-$1.jar"
}

load1() {
  cut -d' ' -f1 /proc/loadavg
}

app_cpu_ticks() { # user + system CPU of the app so far, in clock ticks
  awk '{ print $14 + $15 }' "/proc/$APP_PID/stat" 2>/dev/null || echo 0
}

# stack endpoint: saturation in 5 s windows, at least WARMUP s, until two windows in a row agree within 5 %
warm_up() {
  local stack=$1 endpoint=$2 spent=0 older=0 previous=0 current trail="" low high
  while [ "$spent" -lt "$WARMUP_MAX" ]; do
    current=$(measure "$stack" "$endpoint" warmup 0 "$SAT_CONNECTIONS" 5)
    current=${current%.*}
    current=${current:-0}
    spent=$((spent + 5))
    trail="$trail $current"
    low=$(printf '%s\n' "$older" "$previous" "$current" | sort -n | head -n 1)
    high=$(printf '%s\n' "$older" "$previous" "$current" | sort -n | tail -n 1)
    if [ "$spent" -ge "$WARMUP" ] && [ "$low" -gt 0 ] && [ $(( (high - low) * 100 / low )) -lt 5 ]; then
      break
    fi
    older=$previous
    previous=$current
  done
  echo "  warm-up $endpoint: ${spent}s, req/s per 5 s window:$trail"
}

post() { # url -> prints status and body
  curl -s -m 5 -o "$OUT/answer.json" -w '%{http_code}' -X POST "$1" \
    -H 'Content-Type: application/json' -H "Authorization: $SECRET" --data-binary "@$BODY" || true
}

# stack endpoint mode rate connections seconds
measure() {
  local stack=$1 endpoint=$2 mode=$3 rate=$4 conns=$5 seconds=$6 path url line load
  case "$endpoint" in
    hook) path=$HOOK_PATH ;;
    *) path=/bench/$endpoint ;; # floor, floor-blocking, floor-json
  esac
  url="http://127.0.0.1:$PORT$path"
  load=$(load1)
  cpu_before=$(app_cpu_ticks)
  line=$(BODY_FILE="$BODY" AUTH="$SECRET" RATE="$rate" THREADS="$WRK_THREADS" \
    timeout $((seconds + 30)) wrk -t"$WRK_THREADS" -c"$conns" -d"${seconds}s" --timeout 5s --latency \
    -s "$HERE/post.lua" "$url" | tee -a "$OUT/wrk-$stack.txt" | grep '^RESULT ' || true)
  cpu_after=$(app_cpu_ticks)
  if [ "$mode" = warmup ]; then
    echo "$line" | tr ' ' '\n' | sed -n 's/^rps=//p'
    return
  fi
  if [ -z "$line" ]; then
    echo "run.sh: wrk reported nothing for $stack $endpoint $mode $rate" >&2
    return 1
  fi
  # RESULT requests=.. duration_s=.. rps=.. p50_ms=.. p99_ms=.. p999_ms=.. max_ms=.. non2xx=.. connect=.. read=.. write=.. timeout=..
  echo "$line" | awk -v s="$stack" -v e="$endpoint" -v m="$mode" -v r="$rate" -v c="$conns" -v l="$load" \
      -v cpu="$((cpu_after - cpu_before))" -v hz="$(getconf CLK_TCK)" '{
      for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.1f\n", s, e, m, r, c, l, v["requests"], v["rps"],
        v["p50_ms"], v["p99_ms"], v["p999_ms"], v["max_ms"], v["non2xx"], v["connect"] + v["read"] + v["write"] + v["timeout"],
        (v["requests"] > 0 ? 1e6 * cpu / hz / v["requests"] : 0)
    }' >> "$RESULTS"
  tail -n 1 "$RESULTS" | awk -F'\t' '{ printf "  %-13s %-14s %-10s rate=%-5s c=%-3s  %9.1f req/s  p50 %.3f ms  p99 %.3f ms  p99.9 %.3f ms  non-2xx %s  socket errors %s  app CPU %.1f us/req  (load %s)\n", $1, $2, $3, $4, $5, $8, $9, $10, $11, $13, $14, $15, $6 }'
}

run_stack() {
  local stack=$1 jar status endpoints
  jar=$(jar_of "$stack")
  if [ ! -f "$ROOT/examples/$stack/pom.xml" ]; then
    echo "run.sh: no example app examples/$stack" >&2
    return 1
  fi
  if [ ! -f "$jar" ] || [ "${REBUILD:-0}" = 1 ]; then
    echo "== building examples/$stack"
    (cd "$ROOT" && ./mvnw -B -q -pl "examples/$stack" -am package -DskipTests)
  fi
  PORT=$(free_port)
  echo "== $stack on 127.0.0.1:$PORT ($(basename "$jar"))"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  env PORT="$PORT" TOKENHOOK_AUTH_SECRET="$SECRET" BENCH_FLOOR=true \
    SERVER_ADDRESS=127.0.0.1 MICRONAUT_SERVER_HOST=127.0.0.1 \
    java $JAVA_OPTS -jar "$jar" >"$OUT/app-$stack.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    status=$(post "http://127.0.0.1:$PORT$HOOK_PATH")
    [ "$status" = 200 ] && break
    kill -0 "$APP_PID" 2>/dev/null || { echo "run.sh: $stack exited; see $OUT/app-$stack.log" >&2; return 1; }
    sleep 0.5
  done
  if [ "$status" != 200 ] || { [ "$BODY_FIXTURE" = request-authorization-code ] \
      && ! grep -q '/claims/extPatientId' "$OUT/answer.json"; }; then
    echo "run.sh: $stack hook answered $status $(cat "$OUT/answer.json")" >&2
    return 1
  fi
  status=$(post "http://127.0.0.1:$PORT$FLOOR_PATH")
  if [ "$status" != 200 ] || [ "$(cat "$OUT/answer.json")" != "{}" ]; then
    echo "run.sh: $stack floor answered $status $(cat "$OUT/answer.json"): is BENCH_FLOOR supported?" >&2
    return 1
  fi
  endpoints="floor"
  for extra in floor-blocking floor-json; do
    if [ "$(post "http://127.0.0.1:$PORT/bench/$extra")" = 200 ]; then
      endpoints="$endpoints $extra"
    fi
  done
  endpoints="$endpoints hook"
  endpoints=${ENDPOINTS:-$endpoints}
  for endpoint in $endpoints; do
    warm_up "$stack" "$endpoint"
  done
  for round in $(seq 1 "$ROUNDS"); do
    for endpoint in $endpoints; do
      measure "$stack" "$endpoint" saturation 0 "$SAT_CONNECTIONS" "$DURATION"
    done
  done
  for endpoint in $endpoints; do
    for rate in $RATES; do
      measure "$stack" "$endpoint" fixed-rate "$rate" "$RATE_CONNECTIONS" "$DURATION"
    done
  done
  stop_app
}

{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), nproc $(nproc)"
  echo "memory: $(free -h | awk '/^Mem:/ { print $2 }')"
  echo "java: $(java -version 2>&1 | head -n 2 | tail -n 1)"
  echo "wrk: $(wrk -v 2>&1 | head -n 1)"
  echo "body: $BODY_FIXTURE ($(wc -c < "$BODY") bytes), hook log line: $HOOK_LOG"
  echo "settings: DURATION=$DURATION WARMUP=$WARMUP WARMUP_MAX=$WARMUP_MAX ROUNDS=$ROUNDS RATES='$RATES' RATE_CONNECTIONS=$RATE_CONNECTIONS SAT_CONNECTIONS=$SAT_CONNECTIONS WRK_THREADS=$WRK_THREADS JAVA_OPTS='$JAVA_OPTS'"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/machine.txt"
printf 'stack\tendpoint\tmode\trate\tconnections\tload1\trequests\trps\tp50_ms\tp99_ms\tp999_ms\tmax_ms\tnon2xx\tsocket_errors\tapp_cpu_us_per_req\n' > "$RESULTS"

for stack in "${STACKS[@]}"; do
  run_stack "$stack"
done

# The table for README.md, and the hook/floor throughput ratio per stack: per round (the n-th saturation
# point of the hook against the n-th of the floor, measured next to each other) and their median.
awk -F'\t' 'NR > 1 {
    printf "| %s | %s | %s | %.0f | %.2f | %.2f | %.2f | %d | %d | %.1f |\n", $1, $2, ($3 == "saturation" ? "saturation (" $5 " conn.)" : $4 " req/s (" $5 " conn.)"), $8, $9, $10, $11, $13, $14, $15
    if ($3 == "saturation") { n = ++rounds[$1 "|" $2]; sat[$1 "|" $2 "|" n] = $8; cpu[$1 "|" $2 "|" n] = $15; if (n > most) most = n }
  }
  END {
    for (k in rounds) { split(k, p, "|"); if (p[2] != "hook") {
      floor = p[2]; stack = p[1]; line = ""; count = 0
      for (n = 1; n <= most; n++) {
        h = sat[stack "|hook|" n]; f = sat[stack "|" floor "|" n]
        if (h > 0 && f > 0) { r[++count] = 100 * h / f; line = line sprintf(" %.1f%%", r[count]) }
      }
      if (count == 0) continue
      for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++) if (r[j] < r[i]) { t = r[i]; r[i] = r[j]; r[j] = t }
      median = (count % 2) ? r[(count + 1) / 2] : (r[count / 2] + r[count / 2 + 1]) / 2
      printf "\n%s: hook / %s throughput at saturation, per round:%s; median %.1f%%\n", stack, floor, line, median } }
  }' "$RESULTS" | {
    echo "| stack | endpoint | load | req/s | p50 ms | p99 ms | p99.9 ms | non-2xx | socket errors | app CPU µs/req |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    cat
  } | tee "$OUT/summary.md"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
echo "results: $OUT"

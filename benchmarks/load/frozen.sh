#!/usr/bin/env bash
# The patient scenario with its database frozen: each example app against a separate H2 server (TCP, its own
# JVM), which is stopped with SIGSTOP for FREEZE seconds while patient sign-ins keep arriving at RATE per second.
#
#   benchmarks/load/frozen.sh [STACK ...]    STACK: servlet-jetty spring-boot micronaut (default: all three)
#
# Per stack: starts the H2 server on a free port and the app (built if its jar is missing) pointed at it,
# warms up, then three wrk phases at RATE with the authorization-code fixture (a seeded patient): BEFORE
# seconds, FREEZE seconds with the H2 process stopped (SIGSTOP), AFTER seconds once it runs again (SIGCONT).
# Each phase reports requests, p50/p99/max, non-2xx, socket errors and how many 2xx answers lacked
# extPatientId. Then, with CHANGE=1, the patient's id is changed in the database (H2's Shell, over TCP) and the
# hook is asked every 0.5 s until the new id arrives: the seconds it took, which must be within the
# lookup's freshness (plus one refresh). Everything is stopped on exit.
#
# Settings (environment): RATE=30 CONNECTIONS=8 BEFORE=10 FREEZE=20 AFTER=10 WARMUP=5
#   LOOKUP_FRESH_FOR  optional tokenhook.lookups.patients.fresh-for (e.g. 2s, so the freeze meets refreshes
#                     instead of fresh cache hits); unset: the shipped 5m
#   CHANGE            1: check that a change after the thaw shows within the freshness; the default is 1
#                     when LOOKUP_FRESH_FOR is set, else 0 (with the shipped 5m it takes up to 5 minutes)
#   JAVA_OPTS="-Xms512m -Xmx512m"  OUT=benchmarks/load/target/frozen-<UTC timestamp>
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/benchmarks/load"
RATE=${RATE:-30}
CONNECTIONS=${CONNECTIONS:-8}
BEFORE=${BEFORE:-10}
FREEZE=${FREEZE:-20}
AFTER=${AFTER:-10}
WARMUP=${WARMUP:-5}
CHANGE=${CHANGE:-$([ -n "${LOOKUP_FRESH_FOR:-}" ] && echo 1 || echo 0)}
JAVA_OPTS=${JAVA_OPTS:-"-Xms512m -Xmx512m"}
OUT=${OUT:-"$HERE/target/frozen-$(date -u +%Y%m%dT%H%M%SZ)"}
BODY="$ROOT/hook-testkit/src/main/resources/dev/tokenhook/testkit/fixtures/request-authorization-code.json"
H2_VERSION=$(sed -n 's:.*<h2.version>\(.*\)</h2.version>.*:\1:p' "$ROOT/pom.xml")
H2_JAR="$HOME/.m2/repository/com/h2database/h2/$H2_VERSION/h2-$H2_VERSION.jar"

for tool in java wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "frozen.sh: $tool is required" >&2; exit 1; }
done
[ -f "$H2_JAR" ] || { echo "frozen.sh: $H2_JAR missing: build the examples once (./mvnw -B package)" >&2; exit 1; }
if [ "$#" -gt 0 ]; then STACKS=("$@"); else STACKS=(servlet-jetty spring-boot micronaut); fi

mkdir -p "$OUT"
RESULTS="$OUT/results.tsv"
SECRET="Basic $(head -c 24 /dev/urandom | base64 | tr -d '\n')"
APP_PID=""
DB_PID=""

stop() { # pid
  if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
    kill -CONT "$1" 2>/dev/null || true
    kill "$1" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
  fi
}
stop_all() {
  stop "$APP_PID"; APP_PID=""
  stop "$DB_PID"; DB_PID=""
}
trap stop_all EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

phase() { # stack phase seconds
  local line
  line=$(BODY_FILE="$BODY" AUTH="$SECRET" RATE="$RATE" THREADS=1 EXPECT=extPatientId \
    timeout $(($3 + 30)) wrk -t1 -c"$CONNECTIONS" -d"$3s" --timeout 5s --latency -s "$HERE/post.lua" \
    "http://127.0.0.1:$PORT/okta/token-hook" | tee -a "$OUT/wrk-$1.txt" | grep '^RESULT ' || true)
  [ -n "$line" ] || { echo "frozen.sh: wrk reported nothing for $1 $2" >&2; return 1; }
  echo "$line" | awk -v s="$1" -v p="$2" -v l="$(cut -d' ' -f1 /proc/loadavg)" '{
      for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", s, p, l, v["requests"], v["rps"], v["p50_ms"], v["p99_ms"],
        v["max_ms"], v["non2xx"], v["connect"] + v["read"] + v["write"] + v["timeout"], v["missing"]
    }' >> "$RESULTS"
  tail -n 1 "$RESULTS" | awk -F'\t' '{ printf "  %-13s %-7s %5d requests (%.1f/s)  p50 %.2f ms  p99 %.2f ms  max %.1f ms  non-2xx %s  socket errors %s  without extPatientId %s  (load %s)\n", $1, $2, $4, $5, $6, $7, $8, $9, $10, $11, $3 }'
}

seconds_of() { # a duration as the keys take it (500ms, 2s, 5m, 1h); prints whole seconds, at least 1
  echo "$1" | awk '/ms$/ { print int($0 / 1000) + 1; next } /s$/ { print int($0) + 0; next }
    /m$/ { print 60 * int($0); next } /h$/ { print 3600 * int($0); next } { print 300 }'
}

change_shows() { # stack db-url: changes the patient id, then waits for it in the hook's answers
  local fresh limit start new="$((RANDOM % 9000 + 1000))" elapsed
  fresh=$(seconds_of "${LOOKUP_FRESH_FOR:-5m}")
  limit=$((fresh + 15))
  java -cp "$H2_JAR" org.h2.tools.Shell -url "$2" \
    -sql "UPDATE patients SET patient_id = '$new' WHERE login_key = 'isaac.brock@example.com'" >"$OUT/change-$1.log" 2>&1
  start=$(date +%s)
  while true; do
    curl -s -m 5 -o "$OUT/answer.json" -X POST "http://127.0.0.1:$PORT/okta/token-hook" \
      -H 'Content-Type: application/json' -H "Authorization: $SECRET" --data-binary "@$BODY" || true
    elapsed=$(($(date +%s) - start))
    if grep -q "\"$new\"" "$OUT/answer.json"; then
      echo "  $1 change: the new patient id arrived ${elapsed}s after the update (fresh-for ${fresh}s)"
      printf '%s\tchange\t%s\t%s\n' "$1" "$elapsed" "$fresh" >> "$OUT/changes.tsv"
      return 0
    fi
    if [ "$elapsed" -gt "$limit" ]; then
      echo "  $1 change: the new patient id did NOT arrive within ${limit}s (fresh-for ${fresh}s)" >&2
      printf '%s\tchange\tnever\t%s\n' "$1" "$fresh" >> "$OUT/changes.tsv"
      return 1
    fi
    sleep 0.5
  done
}

run_stack() {
  local stack=$1 jar="$ROOT/examples/$1/target/example-$1.jar" url status
  if [ ! -f "$jar" ]; then
    (cd "$ROOT" && ./mvnw -B -q -pl "examples/$stack" -am package -DskipTests)
  fi
  DB_PORT=$(free_port)
  java -Xmx256m -cp "$H2_JAR" org.h2.tools.Server -tcp -tcpPort "$DB_PORT" -ifNotExists >"$OUT/h2-$stack.log" 2>&1 &
  DB_PID=$!
  url="jdbc:h2:tcp://127.0.0.1:$DB_PORT/mem:patients;DB_CLOSE_DELAY=-1"
  PORT=$(free_port)
  echo "== $stack on 127.0.0.1:$PORT, H2 (pid $DB_PID) on $DB_PORT, fresh-for ${LOOKUP_FRESH_FOR:-5m (shipped)}"
  sleep 2
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  env PORT="$PORT" TOKENHOOK_AUTH_SECRET="$SECRET" SERVER_ADDRESS=127.0.0.1 MICRONAUT_SERVER_HOST=127.0.0.1 \
    TOKENHOOK_EXAMPLE_JDBC_URL="$url" SPRING_DATASOURCE_URL="$url" \
    ${LOOKUP_FRESH_FOR:+TOKENHOOK_LOOKUPS_PATIENTS_FRESH_FOR=$LOOKUP_FRESH_FOR} \
    java $JAVA_OPTS -jar "$jar" >"$OUT/app-$stack.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    status=$(curl -s -m 5 -o "$OUT/answer.json" -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/okta/token-hook" \
      -H 'Content-Type: application/json' -H "Authorization: $SECRET" --data-binary "@$BODY" || true)
    [ "$status" = 200 ] && break
    kill -0 "$APP_PID" 2>/dev/null || { echo "frozen.sh: $stack exited; see $OUT/app-$stack.log" >&2; return 1; }
    sleep 0.5
  done
  grep -q extPatientId "$OUT/answer.json" || { echo "frozen.sh: $stack answered $status $(cat "$OUT/answer.json")" >&2; return 1; }
  phase "$stack" warmup "$WARMUP" >/dev/null
  phase "$stack" before "$BEFORE"
  kill -STOP "$DB_PID"
  phase "$stack" frozen "$FREEZE"
  kill -CONT "$DB_PID"
  phase "$stack" after "$AFTER"
  if [ "$CHANGE" = 1 ]; then
    change_shows "$stack" "$url"
  fi
  stop_all
}

{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  cpu: nproc $(nproc)  java: $(java -version 2>&1 | head -n 1)"
  echo "settings: RATE=$RATE CONNECTIONS=$CONNECTIONS BEFORE=$BEFORE FREEZE=$FREEZE AFTER=$AFTER CHANGE=$CHANGE LOOKUP_FRESH_FOR=${LOOKUP_FRESH_FOR:-} JAVA_OPTS='$JAVA_OPTS'"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/machine.txt"
printf 'stack\tphase\tload1\trequests\trps\tp50_ms\tp99_ms\tmax_ms\tnon2xx\tsocket_errors\twithout_claim\n' > "$RESULTS"
for stack in "${STACKS[@]}"; do
  run_stack "$stack"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
echo "results: $OUT"

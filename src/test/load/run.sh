#!/usr/bin/env bash
# Load test, run on demand (not part of `mvn verify`): drives the packaged server on loopback with
# wrk (Debian package) and prints throughput, p50/p99 latency and errors per target and concurrency.
# Usage: src/test/load/run.sh [seconds per run, default 10]
set -euo pipefail
cd "$(dirname "$0")/../../.."
SECONDS_PER_RUN="${1:-10}"
command -v wrk > /dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 2; }
[ -f target/attention-textbook.jar ] || mvn -q -B package -DskipTests

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -jar target/attention-textbook.jar --host 127.0.0.1 --port "$PORT" --rate-limit 0 > target/load-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2> /dev/null; wait $SERVER 2> /dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/health" > /dev/null && break; sleep 0.1; done

BASE="http://127.0.0.1:$PORT"
PAGE=$(curl -s "$BASE/" | grep -o 'href="/chapters/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)
ASSET=$(curl -s "$BASE/" | grep -o 'href="/static/[^"]*book.css"' | head -1 | cut -d'"' -f2)
BODY=$(mktemp)
# A widget-sized request: the six "journey" tokens, 3 wide, one head, causal.
cat > "$BODY" <<'JSON'
{"x": [[0.43,0.15,0.89],[0.55,0.87,0.66],[0.57,0.85,0.64],[0.22,0.58,0.33],[0.77,0.25,0.10],[0.05,0.80,0.55]],
 "wq": [[1,0,0],[0,1,0],[0,0,1]], "wk": [[1,0,0],[0,1,0],[0,0,1]], "wv": [[1,0,0],[0,1,0],[0,0,1]], "causal": true}
JSON

printf '%-22s %5s %10s %9s %9s %7s %7s\n' target conns "req/s" "p50 ms" "p99 ms" errors non2xx
for CONNS in 50 200; do
  for TARGET in health page asset attention; do
    case $TARGET in
      health) URL="$BASE/health"; FILE="" ;;
      page) URL="$BASE$PAGE"; FILE="" ;;
      asset) URL="$BASE$ASSET"; FILE="" ;;
      attention) URL="$BASE/api/attention"; FILE="$BODY" ;;
    esac
    LINE=$(WRK_BODY_FILE="$FILE" wrk -t2 -c"$CONNS" -d"${SECONDS_PER_RUN}s" --latency -s src/test/load/report.lua "$URL" | grep '^RESULT')
    eval "$(echo "${LINE#RESULT }" | tr ' ' '\n' | sed 's/^/R_/')"
    printf '%-22s %5d %10s %9s %9s %7s %7s\n' "$TARGET" "$CONNS" "$R_rps" "$R_p50_ms" "$R_p99_ms" "$R_errors" "$R_non2xx"
  done
done
grep -c ' 5[0-9][0-9] ' target/load-server.log | sed 's/^/5xx answers in the server log: /' || true

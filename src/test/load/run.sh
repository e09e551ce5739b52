#!/usr/bin/env bash
# Load test, run on demand (not part of `mvn verify`): drives the packaged server on loopback with
# wrk (Debian package) and prints throughput, p50/p99 latency and errors per target and concurrency.
# Usage: [ROUNDS=3] src/test/load/run.sh [seconds per run, default 10]
set -euo pipefail
cd "$(dirname "$0")/../../.."
SECONDS_PER_RUN="${1:-10}"
command -v wrk > /dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 2; }
[ -f target/attention-textbook.jar ] || mvn -q -B package -DskipTests

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -jar target/attention-textbook.jar --host 127.0.0.1 --port "$PORT" --rate-limit 0 > target/load-server.log 2>&1 &
SERVER=$!
SCRATCH=$(mktemp -d) # the request body and the rounds' results, removed on exit
trap 'kill $SERVER 2> /dev/null; wait $SERVER 2> /dev/null || true; rm -rf "$SCRATCH"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/health" > /dev/null && break; sleep 0.1; done

BASE="http://127.0.0.1:$PORT"
PAGE=$(curl -s "$BASE/" | grep -o 'href="/chapters/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)
ASSET=$(curl -s "$BASE/" | grep -o 'href="/static/[^"]*book.css"' | head -1 | cut -d'"' -f2)
BODY="$SCRATCH/body.json"
# A widget-sized request: the six "journey" tokens, 3 wide, one head, causal.
cat > "$BODY" <<'JSON'
{"x": [[0.43,0.15,0.89],[0.55,0.87,0.66],[0.57,0.85,0.64],[0.22,0.58,0.33],[0.77,0.25,0.10],[0.05,0.80,0.55]],
 "wq": [[1,0,0],[0,1,0],[0,0,1]], "wk": [[1,0,0],[0,1,0],[0,0,1]], "wv": [[1,0,0],[0,1,0],[0,0,1]], "causal": true}
JSON

target_url() {
  case $1 in
    health) URL="$BASE/health"; FILE="" ;;
    page) URL="$BASE$PAGE"; FILE="" ;;
    asset) URL="$BASE$ASSET"; FILE="" ;;
    attention) URL="$BASE/api/attention"; FILE="$BODY" ;;
  esac
}
# Warm-up, 10 s a target, not reported: without it the first target measured (/health) runs while the JIT is still
# compiling the server's hot paths and looks slower than the pages behind it.
for TARGET in health page asset attention; do
  target_url "$TARGET"
  WRK_BODY_FILE="$FILE" wrk -t2 -c50 -d10s -s src/test/load/report.lua "$URL" > /dev/null
done

# Rounds: each target is measured ROUNDS times, the targets taking turns, and the median of each column is
# reported. This machine's speed drifts by a third over a minute (a shared virtual machine); taking turns
# puts every target through the same drift, and the median drops a round that a neighbour disturbed.
ROUNDS="${ROUNDS:-3}"
RESULTS="$SCRATCH/results"
for CONNS in 50 200; do
  for _ in $(seq "$ROUNDS"); do
    for TARGET in health page asset attention; do
      target_url "$TARGET"
      LINE=$(WRK_BODY_FILE="$FILE" wrk -t2 -c"$CONNS" -d"${SECONDS_PER_RUN}s" --latency -s src/test/load/report.lua "$URL" | grep '^RESULT')
      echo "$CONNS $TARGET ${LINE#RESULT }" >> "$RESULTS"
    done
  done
done

echo "median of $ROUNDS rounds of ${SECONDS_PER_RUN} s; errors and 4xx/5xx summed over the rounds"
printf '%-10s %5s %10s %9s %9s %7s %7s\n' target conns "req/s" "p50 ms" "p99 ms" errors "4xx/5xx"
awk '
  { split("", v); for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    k = $1 " " $2; n[k]++; rps[k, n[k]] = v["rps"]; p50[k, n[k]] = v["p50_ms"]; p99[k, n[k]] = v["p99_ms"]
    err[k] += v["errors"]; bad[k] += v["status4xx5xx"]; if (!(k in seen)) { seen[k] = 1; order[++keys] = k } }
  function median(a, k, count,   i, j, t, x) {
    for (i = 1; i <= count; i++) x[i] = a[k, i] + 0
    for (i = 2; i <= count; i++) for (j = i; j > 1 && x[j - 1] > x[j]; j--) { t = x[j]; x[j] = x[j - 1]; x[j - 1] = t }
    return count % 2 ? x[(count + 1) / 2] : (x[count / 2] + x[count / 2 + 1]) / 2
  }
  END {
    for (i = 1; i <= keys; i++) {
      k = order[i]; split(k, ct, " ")
      m = median(rps, k, n[k]); rps_median[k] = m
      printf "%-10s %5d %10.0f %9.2f %9.2f %7d %7d\n", ct[2], ct[1], m, median(p50, k, n[k]), median(p99, k, n[k]), err[k], bad[k]
      if (ct[2] == "attention") {
        # The targets: a chapter page at least 80% of /health, the API at least 40% of it.
        h = rps_median[ct[1] " health"]; p = rps_median[ct[1] " page"]
        printf "  at %d connections: page %.0f%% of /health (target 80%%: %s), attention %.0f%% (target 40%%: %s)\n",
          ct[1], 100 * p / h, (p >= 0.8 * h ? "met" : "MISSED"), 100 * m / h, (m >= 0.4 * h ? "met" : "MISSED")
      }
    }
  }' "$RESULTS"
# The access log has a line per answer ("... access - METHOD PATH STATUS TIMEms"): count what was not 2xx.
awk '$3 == "access" { n++; if ($(NF-1) !~ /^2/) bad++ } END { printf "answers in the server log: %d, not 2xx: %d\n", n, bad + 0 }' target/load-server.log

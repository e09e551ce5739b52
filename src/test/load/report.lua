-- wrk script: optional POST body from WRK_BODY_FILE, and a one-line summary that run.sh collects:
-- "RESULT requests=N rps=R p50_ms=A p99_ms=B errors=E status4xx5xx=F".
-- No response() callback: defining one makes wrk hand every body to Lua, which slowed wrk itself
-- most on the targets with large bodies. wrk counts answers with a status of 400 or more itself
-- (summary.errors.status), and none of the targets answers with a 1xx or 3xx.
local body_file = os.getenv("WRK_BODY_FILE")
if body_file ~= nil and body_file ~= "" then
  local f = assert(io.open(body_file, "r"))
  wrk.method = "POST"
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/json"
end
wrk.headers["Accept-Encoding"] = "gzip"

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d status4xx5xx=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors, e.status))
end

-- wrk script: optional POST body from WRK_BODY_FILE, and a one-line summary that run.sh collects:
-- "RESULT requests=N rps=R p50_ms=A p99_ms=B errors=E non2xx=F"
local body_file = os.getenv("WRK_BODY_FILE")
if body_file ~= nil and body_file ~= "" then
  local f = assert(io.open(body_file, "r"))
  wrk.method = "POST"
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/json"
end
wrk.headers["Accept-Encoding"] = "gzip"

non2xx = 0 -- a global, so done() can read it from each thread
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

-- response() runs in each thread; done() sees the threads through their globals.
local threads = {}
function setup(thread) table.insert(threads, thread) end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("non2xx") end
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors, bad + e.status))
end

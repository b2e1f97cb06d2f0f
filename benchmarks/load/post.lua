-- wrk script: POSTs one token hook request body and reports machine-readable results.
--
-- Environment (read by each wrk thread):
--   BODY_FILE  the request body (JSON)
--   AUTH       the Authorization header value (the hook's shared secret)
--   RATE       requests per second for the whole run, 0 or unset = as fast as possible (saturation)
--   THREADS    wrk's -t, to split RATE between wrk's threads
--   EXPECT     optional, fixed-rate runs only: a string every 2xx body should contain (e.g. extPatientId);
--              answers without it are counted and reported as missing=N
--
-- wrk (4.x) has no fixed-rate mode, and wrk2 is not packaged for Debian. With RATE set, each wrk
-- thread hands out send slots RATE/THREADS per second on a monotonic clock, through wrk's delay()
-- hook: a connection that finishes a response waits for the next free slot. Slots that pass while every
-- connection is busy are not made up later (no bursts), so if the server falls behind, the achieved rate
-- drops below RATE (reported) rather than a queue building up in the client: latency is then measured
-- from each request's send, i.e. closed-loop, with the coordinated-omission caveat that implies. At the
-- rates used here the server keeps up and connections are idle most of the time, so it does not bite.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } th_timespec;
  int clock_gettime(int clock_id, th_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local ts = ffi.new("th_timespec")
local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local function read_file(path)
  local f = assert(io.open(path, "rb"), "cannot read BODY_FILE " .. tostring(path))
  local content = f:read("*a")
  f:close()
  return content
end

wrk.method = "POST"
wrk.body = read_file(os.getenv("BODY_FILE"))
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = os.getenv("AUTH")

local rate = tonumber(os.getenv("RATE") or "0") or 0
local threads = tonumber(os.getenv("THREADS") or "1") or 1

-- Every status outside 2xx, counted per wrk thread. Only in fixed-rate runs: a response() callback
-- costs the client CPU that, at saturation on a 2-core machine, the server would miss; there wrk's own
-- count of statuses >= 400 is reported instead (the endpoints here answer 200 or 4xx, never 1xx/3xx).
non2xx = 0
missing = 0
local expect = os.getenv("EXPECT")
if expect == "" then
  expect = nil
end
local all_threads = {}
function setup(thread)
  table.insert(all_threads, thread)
end

if rate > 0 then
  function response(status, headers, body)
    if status < 200 or status > 299 then
      non2xx = non2xx + 1
    elseif expect ~= nil and not string.find(body, expect, 1, true) then
      missing = missing + 1
    end
  end

  local interval = 1000.0 * threads / rate -- ms between this thread's sends
  local next_slot = nil
  function delay()
    local t = now_ms()
    if next_slot == nil or next_slot < t then
      next_slot = t -- behind schedule (or first request): send now, do not burst to catch up
    end
    local wait = next_slot - t
    next_slot = next_slot + interval
    return math.floor(wait + 0.5)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local bad = e.status
  local lacking = 0
  if rate > 0 then
    bad = 0
    for _, thread in ipairs(all_threads) do
      bad = bad + (thread:get("non2xx") or 0)
      lacking = lacking + (thread:get("missing") or 0)
    end
  end
  io.write(string.format(
    "RESULT requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f " ..
    "non2xx=%d connect=%d read=%d write=%d timeout=%d missing=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    latency.max / 1000, bad, e.connect, e.read, e.write, e.timeout, lacking))
end

-- wrk script: POSTs the integration guide's assessment webhook (Christmas.Tests/Fixtures/Webhooks.cs
-- Assessment()) with a unique email per request, so every call creates a contact and a sequence
-- instead of hitting the dedupe path. Usage: wrk -s assessment.lua URL -- <run-tag>
-- Prints one "BENCH ..." line at the end for run.sh to parse.

local next_thread = 0

-- Runs in the main Lua state, once per thread: give each thread its own number.
function setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_number", next_thread)
end

-- Runs in each thread's own Lua state (thread_number was set there by setup).
function init(args)
  run_tag = args[1] or "run"
  counter = 0
  -- The anchor an hour ago: email 1 was sent by the website, emails 2-5 are scheduled days ahead.
  anchor = os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - 3600)
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"email":"bench-%s-%d-%d@example.com","first_name":"Sarah","business_name":"Sarah\'s Salon",' ..
    '"red_systems":2,"orange_systems":1,"yellow_systems":2,"green_systems":3,' ..
    '"weakest_system_1":"GPS","weakest_system_2":"Money","revenue_leak_total":14700,' ..
    '"email_1_sent_at":"%s","email_1_status":"sent"}',
    run_tag, thread_number, counter, anchor)
  return wrk.format("POST", nil, nil, body)
end

-- summary.requests counts completed responses; errors.status counts those with status >= 400
-- (wrk's "Non-2xx or 3xx responses"). Requests still in flight when wrk stops are in neither.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d non2xx=%d socket_errors=%d duration_s=%.3f rps=%.1f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout,
    summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end

#!/usr/bin/env bash
# A rush on one shuttle trip: 10,000 booking attempts by 200 concurrent connections on 200 seats,
# each attempt for a different resident, over loopback with wrk. Writes bench/out/shuttle.json:
# attempts, confirmed, waitlisted, other 4xx, 5xx, attempts/s, p99, and what the database says.
# Usage: bench/shuttle.sh DB (the large benchmark database; a street-wide account `bench`).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
db=$1
out=bench/out
bin=./build/tongxin
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
${PERF:-} "$bin" serve --db "$db" --port "$port" --quiet --workers 4 > "$out/serve-shuttle.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done
token=$(curl -s -X POST "http://127.0.0.1:$port/api/v1/auth/login" -d '{"username":"bench","password":"Bench-pass-2021"}' \
  | python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')
community=$(sqlite3 "$db" "SELECT community_id FROM places WHERE kind = 'building' ORDER BY id DESC LIMIT 1")
api() { curl -s -X POST "http://127.0.0.1:$port/api/v1$1" -H "Authorization: Bearer $token" -d "$2"; }
service=$(api /shuttle/services "{\"community_id\":$community,\"name\":\"压力测试接驳\",\"destination\":\"接种点\"}" \
  | python3 -c 'import sys, json; print(json.load(sys.stdin)["id"])')
# Departure the day after tomorrow at 08:30 China time; booking open until tomorrow.
tomorrow=$(python3 -c 'import datetime as d; t = d.datetime.utcnow() + d.timedelta(hours=8, days=2); print(t.strftime("%Y-%m-%dT08:30:00+08:00"))')
deadline=$(python3 -c 'import datetime as d; t = d.datetime.utcnow() + d.timedelta(hours=8, days=1); print(t.strftime("%Y-%m-%dT%H:%M:00+08:00"))')
trip=$(api /shuttle/trips "{\"service_id\":$service,\"trip_date\":\"${tomorrow:0:10}\",\"departs_at\":\"$tomorrow\",\"booking_deadline\":\"$deadline\",\"vehicle\":\"bench\",\"seats\":200,\"stops\":[{\"name\":\"小区门口\",\"time\":\"08:30\"}]}" \
  | python3 -c 'import sys, json; print(json.load(sys.stdin)["id"])')
stop=$(sqlite3 "$db" "SELECT id FROM shuttle_stops WHERE trip_id = $trip")
sqlite3 "$db" "SELECT id FROM residents WHERE community_id = $community AND moved_out IS NULL ORDER BY id LIMIT 10000" \
  | python3 -c '
import sys
ids = [l.strip() for l in sys.stdin if l.strip()]
print("ids = {" + ",".join(ids) + "}")' > "$out/shuttle.lua"
cat >> "$out/shuttle.lua" <<LUA
-- wrk runs for its whole -d duration even when the threads stop early, so each thread keeps the
-- wall-clock time of its first request and of its last response (LuaJIT ffi: gettimeofday).
local ffi = require("ffi")
ffi.cdef[[ typedef struct { long tv_sec; long tv_usec; } timeval_t; int gettimeofday(timeval_t* t, void* tz); ]]
local function now()
  local t = ffi.new("timeval_t")
  ffi.C.gettimeofday(t, nil)
  return tonumber(t.tv_sec) + tonumber(t.tv_usec) / 1e6
end
local counter = 0
local limit = 5000  -- per thread; two threads make 10,000 attempts
local threads = {}
local next_id = 1
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end
function init(args) counter = 0; first = 0; last = 0; responses = 0 end
request = function()
  counter = counter + 1
  if counter == 1 then first = now() end
  -- Past its share a thread asks for /health (cheap) until the last booking answer is in.
  if counter > limit then return wrk.format("GET", "/api/v1/health") end
  local offset = (id - 1) * limit
  local rid = ids[((offset + counter - 1) % #ids) + 1]
  return wrk.format("POST", "/api/v1/shuttle/trips/$trip/reservations",
    { ["Authorization"] = "Bearer $token", ["Content-Type"] = "application/json" },
    '{"resident_id":' .. rid .. ',"stop_id":$stop}')
end
response = function(status, headers, body)
  if body:find('"stop_time"', 1, true) == nil and status < 300 then return end  -- a /health answer
  last = now()
  responses = responses + 1
  if responses >= limit then wrk.thread:stop() end
end
function done(summary, latency, requests)
  local from, to, answered = math.huge, 0, 0
  for _, t in ipairs(threads) do
    from = math.min(from, t:get("first"))
    to = math.max(to, t:get("last"))
    answered = answered + t:get("responses")
  end
  io.write(string.format("p99_us=%d requests=%d seconds=%.3f\n", latency:percentile(99), answered, to - from))
end
LUA
wrk -t2 -c200 -d10s -s "$out/shuttle.lua" "http://127.0.0.1:$port/" > "$out/wrk-shuttle.txt" 2>&1 || true
kill $pid; wait $pid 2>/dev/null || true
python3 - "$db" "$trip" "$out/wrk-shuttle.txt" > "$out/shuttle.json" <<'PY'
import json, re, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
trip = sys.argv[2]
text = open(sys.argv[3]).read()
m = re.search(r"p99_us=(\d+) requests=(\d+) seconds=([\d.]+)", text)
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
by = dict(c.execute("SELECT status, count(*) FROM shuttle_reservations WHERE trip_id = ? GROUP BY status", (trip,)).fetchall())
booked = c.execute("SELECT booked_count, seats FROM shuttle_trips WHERE id = ?", (trip,)).fetchone()
requests = int(m.group(2)) if m else 0
seconds = float(m.group(3)) if m else 0
print(json.dumps({"attempts": requests, "seconds": seconds, "attempts_per_s": round(requests / seconds, 1) if seconds else 0,
                  "p99_ms": round(int(m.group(1)) / 1000, 2) if m else None, "non_2xx": int(non2xx.group(1)) if non2xx else 0,
                  "confirmed": by.get("confirmed", 0), "waitlisted": by.get("waitlisted", 0), "booked_count": booked[0],
                  "seats": booked[1], "oversold": max(0, by.get("confirmed", 0) - booked[1])}))
PY
cat "$out/shuttle.json"

-- wrk script: requests the paths listed (one per line) in the file named by WRK_PATHS (or
-- the URL given on the command line), counts answers by status class, and prints one JSON
-- line at the end for bench/run.py and bench/soak.py to read.
local paths = {}
local threads = {}
local counter = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local list = os.getenv("WRK_PATHS")
  if list and list ~= "" then
    for line in io.lines(list) do
      if line ~= "" then table.insert(paths, line) end
    end
  end
  s2, s3, s4, s5, s503 = 0, 0, 0, 0, 0
end

function request()
  if #paths == 0 then
    return wrk.format(nil)
  end
  counter = counter + 1
  return wrk.format(nil, paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  if status == 503 then s503 = s503 + 1 end
  if status >= 500 then s5 = s5 + 1
  elseif status >= 400 then s4 = s4 + 1
  elseif status >= 300 then s3 = s3 + 1
  else s2 = s2 + 1 end
end

function done(summary, latency, requests)
  local c2, c3, c4, c5, c503 = 0, 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    c2 = c2 + thread:get("s2")
    c3 = c3 + thread:get("s3")
    c4 = c4 + thread:get("s4")
    c5 = c5 + thread:get("s5")
    c503 = c503 + thread:get("s503")
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, "p95_us": %d, ' ..
    '"p99_us": %d, "max_us": %d, "connect_errors": %d, "read_errors": %d, "write_errors": %d, ' ..
    '"timeouts": %d, "non_2xx_3xx": %d, "status_2xx": %d, "status_3xx": %d, "status_4xx": %d, ' ..
    '"status_5xx": %d, "status_503": %d}\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50),
    latency:percentile(95), latency:percentile(99), latency.max, e.connect, e.read, e.write,
    e.timeout, e.status, c2, c3, c4, c5, c503))
end

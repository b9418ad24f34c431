-- wrk script of bench/load.py: the summary as one JSON line, with the 95th percentile that
-- wrk's own --latency output leaves out. Latencies are in microseconds.
-- With BENCH_PATHS (paths separated by spaces) each request asks for the next of them.
local paths = {}
for path in string.gmatch(os.getenv("BENCH_PATHS") or "", "%S+") do
  paths[#paths + 1] = path
end
if #paths > 0 then
  local next_path = 0
  request = function()
    next_path = next_path % #paths + 1
    return wrk.format(nil, paths[next_path])
  end
end

done = function(summary, latency, requests)
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "connect_errors": %d, '
      .. '"read_errors": %d, "write_errors": %d, "status_errors": %d, "timeouts": %d, '
      .. '"p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f}\n',
    summary.requests, summary.duration, summary.bytes,
    summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max, latency.mean
  ))
end

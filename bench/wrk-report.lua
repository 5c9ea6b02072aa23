-- wrk's done() hook: one line of JSON that bench/wrk.ts parses (marker first,
-- so nothing else wrk prints can be mistaken for it). Latencies in microseconds.
-- os.clock() is the CPU time (user + system, every thread) wrk itself has used:
-- the proof that the generator was not the bottleneck.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\nPARLEY_WRK_JSON {"durationUs":%d,"requests":%d,"bytes":%d,"cpuSeconds":%.6f,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latencyUs":{"mean":%.3f,"stdev":%.3f,"max":%d,"p50":%d,"p90":%d,"p99":%d,"p999":%d}}\n',
    summary.duration, summary.requests, summary.bytes, os.clock(),
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency.stdev, latency.max,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9)))
end

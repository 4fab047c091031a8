-- wrk script for the second half of bench/router.sh: every connection waits GAP_MS after each response
-- before its next request, so each target is offered about the same load (connections / (gap + latency)),
-- below what any of them can carry, and latencies compare at equal load rather than at each one's limit.
-- Prints one line: "PACED rps=… p50=… p99=… p999=…" (milliseconds).
local gap = tonumber(os.getenv("GAP_MS") or "2")

function delay()
  return gap
end

done = function(summary, latency, requests)
  io.write(string.format("PACED rps=%.0f p50=%.2f p99=%.2f p999=%.2f\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000))
end

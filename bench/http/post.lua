-- wrk script for bench/http_bench.py: POST one GraphQL request body.
--   BENCH_BODY         the JSON body sent as is ("repeated": the response cache can answer)
--   BENCH_PREFIX/SUFFIX with BENCH_NONCE_BASE: send PREFIX .. n .. SUFFIX with n counting up from
--                      the base, so every body is new ("first-time": the response cache misses).
-- Run wrk with -t1 so a single Lua state owns the counter.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.body = os.getenv("BENCH_BODY")

local prefix = os.getenv("BENCH_PREFIX")
if prefix ~= nil and prefix ~= "" then
  local suffix = os.getenv("BENCH_SUFFIX")
  local n = tonumber(os.getenv("BENCH_NONCE_BASE"))
  request = function()
    n = n + 1
    return wrk.format(nil, nil, nil, prefix .. n .. suffix)
  end
end

-- wrk: receipts of one line each, into store STORE of an item among ITEM_MIN..ITEM_MAX.
local token = os.getenv("TOKEN")
local store = tonumber(os.getenv("STORE"))
local min_id = tonumber(os.getenv("ITEM_MIN"))
local max_id = tonumber(os.getenv("ITEM_MAX"))
local path = os.getenv("BENCH_PATH") or "/api/v1/supplies/postings"
math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)

request = function()
  local body = string.format(
    '{"kind":"receipt","source":"purchase","store_id":%d,"lines":[{"item_id":%d,"quantity":%d}]}',
    store, math.random(min_id, max_id), math.random(1, 50))
  return wrk.format("POST", path, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end

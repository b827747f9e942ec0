-- wrk: on-behalf check-ins for people MIN_ID..MAX_ID, spread over them at random.
local token = os.getenv("TOKEN")
local min_id = tonumber(os.getenv("MIN_ID"))
local max_id = tonumber(os.getenv("MAX_ID"))
local path = os.getenv("BENCH_PATH") or "/api/v1/health/checkins/on-behalf"
local n = 0
math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)

request = function()
  n = n + 1
  local id = math.random(min_id, max_id)
  local body = string.format(
    '{"person_id":%d,"temperature":36.%d,"method":"armpit","location":"campus","channel":"phone"}', id, n % 10)
  return wrk.format("POST", path, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end

-- The soak's mix, drawn per request (each wrk thread draws its own sequence): 60% GET /api/products/{id} for a random
-- product of the seeded 2,000; 15% a random page (1 to 100) of the products list at a random page size (10, 20 or
-- 50); 10% a random 3-character search; 5% GET /api/stores/{id} for a random store of the seeded 500; 10% POST
-- /api/stores with a valid body (a new store each time). Every answer should be 2xx: a page past the end is an empty
-- list, a store id is one the seeding made.
local threads = 0
local alphabet = "product0123456789"
local page_sizes = { 10, 20, 50 }
local create

function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end

function init(args)
  math.randomseed(os.time() * 100 + seed)
  local headers = { ["Content-Type"] = "application/json" }
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
  create = wrk.format("POST", "/api/stores", headers,
    '{"name":"Soak test store","address":"1 Benchmark Way","city":"Portland","state":"OR","zip_code":"97201"}')
end

local function term()
  local text = ""
  for _ = 1, 3 do
    local at = math.random(1, #alphabet)
    text = text .. alphabet:sub(at, at)
  end
  return text
end

function request()
  local draw = math.random(1, 100)
  if draw <= 60 then
    return wrk.format("GET", "/api/products/" .. math.random(1, 2000))
  elseif draw <= 75 then
    return wrk.format("GET", "/api/products?page=" .. math.random(1, 100) .. "&page_size=" .. page_sizes[math.random(1, #page_sizes)])
  elseif draw <= 85 then
    return wrk.format("GET", "/api/products?search=" .. term() .. "&page=1&page_size=50")
  elseif draw <= 90 then
    return wrk.format("GET", "/api/stores/" .. math.random(1, 500))
  end
  return create
end

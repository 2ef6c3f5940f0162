-- Nine requests in ten GET /api/products/{id} for a random product of the seeded 2,000, one in ten POST /api/stores
-- with a valid body (a new store each time), drawn per request; each wrk thread draws its own sequence.
local threads = 0
local create

function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end

function init(args)
  math.randomseed(os.time() * 100 + seed)
  -- Headers given to wrk.format replace wrk.headers, so the POST takes a copy of them (the bearer token) and its type.
  local headers = { ["Content-Type"] = "application/json" }
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
  create = wrk.format("POST", "/api/stores", headers,
    '{"name":"Load test store","address":"1 Benchmark Way","city":"Portland","state":"OR","zip_code":"97201"}')
end

function request()
  if math.random(1, 10) == 1 then
    return create
  end
  return wrk.format("GET", "/api/products/" .. math.random(1, 2000))
end

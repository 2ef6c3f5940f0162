-- GET /api/products/{id} for a random product of the seeded 2,000; each wrk thread draws its own sequence.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end

function init(args)
  math.randomseed(os.time() * 100 + seed)
end

function request()
  return wrk.format("GET", "/api/products/" .. math.random(1, 2000))
end

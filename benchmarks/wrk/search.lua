-- GET /api/products?search=XYZ, the API's default page: a random 3-character term per request, drawn from the letters
-- and digits of the seeded names ("Product 0001" to "Product 2000", matched ignoring case). All-digit terms match a
-- few products, five letter terms ("pro" to "uct") match all 2,000, and the rest (about four in five) match none.
-- The space is left out: both sides trim the term, and a blank one is the unsearched list. Each thread draws its own.
local threads = 0
local alphabet = "product0123456789"

function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end

function init(args)
  math.randomseed(os.time() * 100 + seed)
end

function request()
  local term = ""
  for _ = 1, 3 do
    local at = math.random(1, #alphabet)
    term = term .. alphabet:sub(at, at)
  end
  return wrk.format("GET", "/api/products?search=" .. term .. "&page=1&page_size=50")
end

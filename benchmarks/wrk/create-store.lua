-- POST /api/stores with a valid body: every request opens a new store.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"name":"Load test store","address":"1 Benchmark Way","city":"Portland","state":"OR","zip_code":"97201"}'

// Load through the local HTTP server with autocannon: requests/s and latency percentiles.
// autocannon reports p50/p90/p97.5/p99 but not p95, which the budgets use: every response time is
// also recorded here and the percentiles computed from the raw samples.
import autocannon from 'autocannon'

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

export async function loadTest({ url, action, payload = {}, openid, connections = 100, duration = 5 }) {
  const samples = []
  let failures = 0
  const result = await autocannon({
    url: `${url}/api`,
    method: 'POST',
    connections,
    duration,
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-demo-openid': openid } : {}) },
    body: JSON.stringify({ action, payload }),
    setupClient(client) {
      client.on('response', (status, _bytes, responseTime) => {
        samples.push(responseTime)
        if (status !== 200) failures += 1
      })
    },
  })
  samples.sort((a, b) => a - b)
  return {
    action,
    connections,
    requests: samples.length,
    requestsPerSecond: result.requests.average,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    non2xx: failures,
    errors: result.errors + result.timeouts,
  }
}

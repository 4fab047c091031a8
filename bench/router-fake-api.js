// Stands in for the api during bench/router.sh: serves one route table on GET /internal/routes (with
// the long-poll: a poll with `since` is held until `wait` runs out, as nothing changes) and takes the
// router's log batches on POST /internal/logs, counting their bytes without parsing them.
const http = require('http');
const [port, backend, token] = [Number(process.argv[2]), process.argv[3], process.argv[4]];
const table = JSON.stringify({revision: 1, apps: [{name: 'bench', hosts: ['bench.localhost'], web_quantity: 1,
  dynos: [{name: 'web.1', address: backend, state: 'up', routable: true, release_version: 1}]}]});
let logBytes = 0, logBatches = 0;
http.createServer((req, res) => {
  if (req.headers.authorization !== `Bearer ${token}`) { res.writeHead(401); return res.end(); }
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/internal/routes') {
    const answer = () => { res.writeHead(200, {'Content-Type': 'application/json'}); res.end(table); };
    if (url.searchParams.has('since')) setTimeout(answer, 1000 * Number(url.searchParams.get('wait') || 30));
    else answer();
  } else if (url.pathname === '/internal/logs') {
    req.on('data', d => { logBytes += d.length; });
    req.on('end', () => { logBatches++; res.writeHead(200, {'Content-Type': 'application/json'}); res.end('{}'); });
  } else { res.writeHead(404); res.end(); }
}).listen(port, '127.0.0.1');
process.on('SIGTERM', () => { console.log(`fake api: ${logBatches} log batches, ${logBytes} bytes`); process.exit(0); });

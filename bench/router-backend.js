// The one backend of bench/router.sh: answers every request with the same small body, kept alive.
// Node's http module, one process: the same dyno behind every proxy under test.
const http = require('http');
const port = Number(process.argv[2] || 18080);
const body = Buffer.from('hello from the benchmark backend\n');
const server = http.createServer((req, res) => {
  req.resume(); // discard any request body
  res.writeHead(200, {'Content-Type': 'text/plain', 'Content-Length': body.length});
  res.end(body);
});
server.keepAliveTimeout = 60000; // longer than every proxy's pool idle time, so none races a close
server.listen(port, '127.0.0.1', () => console.log(`backend listening on 127.0.0.1:${port}`));

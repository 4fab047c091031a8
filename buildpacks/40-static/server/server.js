// The static buildpack's web server: serves the app's static site on $PORT with Node.js's
// standard library alone. The buildpack copies it to /app/.hoist/static/server.js.
//
// static.json (all keys optional), after heroku-buildpack-static:
//   root        folder to serve, relative to the app (default public_html/, public/ or the app)
//   clean_urls  true: /about serves about.html, and /about.html redirects to /about
//   routes      {"/app/**": "app.html"}: files for paths that match no file (an SPA's fallback)
//   redirects   {"/old": {"url": "/new", "status": 301}}
//   headers     {"/assets/**": {"Cache-Control": "public, max-age=31536000"}}
//   error_page  file (in root) sent with 404s
//   https_only  true: requests that came in as http (X-Forwarded-Proto) are redirected to https
//
//   node server.js           serve on $PORT (default 5000)
//   node server.js --check   check the configuration, describe it, exit
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');

const APP_DIR = process.env.HOIST_STATIC_APP_DIR || path.resolve(__dirname, '..', '..');

const TYPES = {
  html: 'text/html', htm: 'text/html', css: 'text/css', js: 'text/javascript', mjs: 'text/javascript',
  json: 'application/json', map: 'application/json', webmanifest: 'application/manifest+json',
  txt: 'text/plain', md: 'text/markdown', csv: 'text/csv', xml: 'application/xml', rss: 'application/rss+xml',
  atom: 'application/atom+xml', yaml: 'text/yaml', yml: 'text/yaml', svg: 'image/svg+xml',
  png: 'image/png', apng: 'image/apng', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif',
  webp: 'image/webp', avif: 'image/avif', ico: 'image/x-icon', bmp: 'image/bmp', tif: 'image/tiff',
  tiff: 'image/tiff', woff: 'font/woff', woff2: 'font/woff2', ttf: 'font/ttf', otf: 'font/otf',
  eot: 'application/vnd.ms-fontobject', pdf: 'application/pdf', wasm: 'application/wasm',
  zip: 'application/zip', gz: 'application/gzip', tar: 'application/x-tar', mp4: 'video/mp4',
  webm: 'video/webm', mov: 'video/quicktime', mp3: 'audio/mpeg', m4a: 'audio/mp4', ogg: 'audio/ogg',
  wav: 'audio/wav', vtt: 'text/vtt',
};
const TEXT = /^text\/|^application\/(json|xml|manifest\+json|rss\+xml|atom\+xml)$|^image\/svg/;

function contentType(file) {
  const type = TYPES[path.extname(file).slice(1).toLowerCase()] || 'application/octet-stream';
  return TEXT.test(type) ? `${type}; charset=utf-8` : type;
}

// "/assets/**" style patterns: ** matches across folders, * within one.
function globToRegExp(glob) {
  const re = glob.split('**').map((part) => part.split('*')
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')).join('.*');
  return new RegExp(`^${re}$`);
}

function loadConfig() {
  const file = path.join(APP_DIR, 'static.json');
  let raw = {};
  if (fs.existsSync(file)) {
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new Error(`static.json is not valid JSON: ${e.message}`);
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('static.json must hold a JSON object');
  }
  const want = (key, type) => {
    if (raw[key] !== undefined && (typeof raw[key] !== type || raw[key] === null)) {
      throw new Error(`static.json: "${key}" must be a ${type === 'object' ? 'JSON object' : type}`);
    }
    return raw[key];
  };
  let root = want('root', 'string');
  if (root === undefined) {
    root = ['public_html', 'public'].find((d) => fs.existsSync(path.join(APP_DIR, d, 'index.html'))) || '.';
  }
  const rootDir = path.resolve(APP_DIR, root);
  if (rootDir !== APP_DIR && !rootDir.startsWith(APP_DIR + path.sep)) {
    throw new Error(`static.json: root "${root}" is outside the app`);
  }
  if (!fs.existsSync(rootDir) || !fs.statSync(rootDir).isDirectory()) {
    throw new Error(`static.json: root "${root}" is not a folder in the app`);
  }
  const entries = (key, check) => Object.entries(want(key, 'object') || {}).map(([k, v]) => {
    if (!check(v)) throw new Error(`static.json: "${key}" has a bad value for "${k}"`);
    return [k, v];
  });
  const redirects = new Map(entries('redirects', (v) => v && typeof v.url === 'string'));
  return {
    root,
    rootDir: fs.realpathSync(rootDir),
    cleanUrls: want('clean_urls', 'boolean') === true,
    httpsOnly: want('https_only', 'boolean') === true,
    errorPage: want('error_page', 'string'),
    routes: entries('routes', (v) => typeof v === 'string').map(([k, v]) => [globToRegExp(k), v]),
    headers: entries('headers', (v) => v && typeof v === 'object').map(([k, v]) => [globToRegExp(k), v]),
    redirects,
  };
}

// A file below the root for a URL path, or null; symbolic links that lead out of the root are not followed.
function fileBelowRoot(config, urlPath) {
  const candidate = path.join(config.rootDir, urlPath);
  try {
    const real = fs.realpathSync(candidate);
    if (real !== config.rootDir && !real.startsWith(config.rootDir + path.sep)) return null;
    const stat = fs.statSync(real);
    return { file: real, stat };
  } catch (e) {
    return null;
  }
}

function send(req, res, status, headers, body) {
  const buf = Buffer.from(body || '');
  res.writeHead(status, { 'Content-Length': buf.length, ...headers });
  res.end(req.method === 'HEAD' ? undefined : buf);
}

function notFound(config, req, res) {
  if (config.errorPage) {
    const page = fileBelowRoot(config, config.errorPage);
    if (page && page.stat.isFile()) return serveFile(config, req, res, page, 404, '/' + config.errorPage);
  }
  return send(req, res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Not Found\n');
}

function serveFile(config, req, res, found, status, urlPath) {
  const { file, stat } = found;
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers = {
    'Content-Type': contentType(file),
    'Last-Modified': stat.mtime.toUTCString(),
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
  };
  for (const [re, extra] of config.headers) if (re.test(urlPath)) Object.assign(headers, extra);
  if (status === 200) {
    const inm = req.headers['if-none-match'];
    const ims = Date.parse(req.headers['if-modified-since'] || '');
    if ((inm && inm.split(/\s*,\s*/).includes(etag)) || (!inm && ims && Math.floor(stat.mtimeMs / 1000) <= ims / 1000)) {
      res.writeHead(304, headers);
      return res.end();
    }
  }
  headers['Content-Length'] = stat.size;
  res.writeHead(status, headers);
  if (req.method === 'HEAD') return res.end();
  const stream = fs.createReadStream(file);
  stream.on('error', () => res.destroy());
  return stream.pipe(res);
}

// A path for a Location header that stays on this host ("//evil.example" would not).
function local(urlPath) {
  return urlPath.replace(/^\/+/, '/');
}

function handle(config, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(req, res, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, 'Method Not Allowed\n');
  }
  const url = req.url || '/';
  const q = url.indexOf('?');
  const rawPath = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? '' : url.slice(q);
  if (config.httpsOnly && req.headers['x-forwarded-proto'] === 'http' && req.headers.host) {
    return send(req, res, 301, { Location: `https://${req.headers.host}${url}` });
  }
  let urlPath;
  try {
    urlPath = decodeURIComponent(rawPath);
  } catch (e) {
    return send(req, res, 400, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Bad Request\n');
  }
  const segments = urlPath.split('/');
  if (!urlPath.startsWith('/') || urlPath.includes('\0') || segments.includes('..')) {
    return send(req, res, 400, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Bad Request\n');
  }
  const redirect = config.redirects.get(urlPath);
  if (redirect) return send(req, res, redirect.status || 301, { Location: redirect.url });
  // Dotfiles stay private (.well-known is meant to be public).
  if (segments.some((s) => s.startsWith('.') && s !== '.well-known')) return notFound(config, req, res);

  let found = fileBelowRoot(config, urlPath);
  if (found && found.stat.isDirectory()) {
    if (!urlPath.endsWith('/')) return send(req, res, 301, { Location: `${encodeURI(local(urlPath))}/${query}` });
    found = fileBelowRoot(config, path.posix.join(urlPath, 'index.html'));
  } else if (found && config.cleanUrls && urlPath.endsWith('.html')) {
    const clean = urlPath.endsWith('/index.html') ? urlPath.slice(0, -'index.html'.length) : urlPath.slice(0, -5);
    return send(req, res, 301, { Location: `${encodeURI(local(clean))}${query}` });
  } else if (!found && config.cleanUrls && !urlPath.endsWith('/')) {
    found = fileBelowRoot(config, `${urlPath}.html`);
  }
  if (found && found.stat.isFile()) return serveFile(config, req, res, found, 200, urlPath);
  for (const [re, target] of config.routes) {
    if (!re.test(urlPath)) continue;
    const routed = fileBelowRoot(config, target.startsWith('/') ? target : `/${target}`);
    if (routed && routed.stat.isFile()) return serveFile(config, req, res, routed, 200, urlPath);
  }
  return notFound(config, req, res);
}

function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
  if (process.argv.includes('--check')) {
    const dir = config.root === '.' ? 'the app folder' : config.root;
    console.log(`Serving ${dir} (clean_urls: ${config.cleanUrls ? 'on' : 'off'}, routes: ${config.routes.length}, redirects: ${config.redirects.size})`);
    return;
  }
  const port = Number(process.env.PORT || 5000);
  const server = http.createServer((req, res) => {
    try {
      handle(config, req, res);
    } catch (e) {
      console.error(`static: ${req.method} ${req.url}: ${e.message}`);
      if (!res.headersSent) send(req, res, 500, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Internal Server Error\n');
      else res.destroy();
    }
  });
  server.keepAliveTimeout = 65000;
  server.listen(port, () => console.log(`static site listening on ${port}, serving ${config.root}`));
  process.on('SIGTERM', () => {
    server.close(() => process.exit(0));
    if (server.closeIdleConnections) server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}

main();

// Reads package.json for the Node.js buildpack, with node alone (no modules from the app).
//   node package.js check FILE             exit 1 with a readable message if FILE is not valid JSON
//   node package.js get FILE a.b.c         print the value at that path (nothing if absent)
//   node package.js satisfies VERSION RANGE   exit 0 if VERSION satisfies the semver RANGE
//   node package.js web FILE               print the default web command (nothing if none)
'use strict';
const fs = require('fs');
const path = require('path');

function readJson(file) {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${path.basename(file)} is not valid JSON: ${describe(e, text)}`);
  }
}

// Node 18 reports a character offset ("at position 20") or nothing at all; say line and column.
function describe(err, text) {
  const m = /at position (\d+)/.exec(err.message);
  const what = err.message.replace(/ in JSON at position \d+.*$/, '');
  if (!m) return /end of JSON input/.test(err.message) ? 'it ends before the JSON value is complete' : what;
  const before = text.slice(0, Number(m[1])).split('\n');
  return `${what} at line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

function get(obj, dotted) {
  return dotted.split('.').reduce((o, k) => (o !== null && typeof o === 'object' ? o[k] : undefined), obj);
}

// npm's own semver module ships with the stack's npm; without it, compare major versions only.
function satisfies(version, range) {
  try {
    return require('semver').satisfies(version, range);
  } catch (e) {
    const major = Number(version.replace(/^v/, '').split('.')[0]);
    const wanted = /(\d+)/.exec(range);
    return !wanted || /[><]/.test(range) || Number(wanted[1]) === major;
  }
}

// `npm start` semantics without npm (the run image has node but not npm): the start script
// (after prestart, if any), else `node server.js` when server.js exists.
function webCommand(file) {
  const pkg = readJson(file);
  const scripts = (pkg && typeof pkg.scripts === 'object' && pkg.scripts) || {};
  if (typeof scripts.start === 'string' && scripts.start.trim()) {
    return typeof scripts.prestart === 'string' && scripts.prestart.trim()
      ? `${scripts.prestart} && ${scripts.start}` : scripts.start;
  }
  return fs.existsSync(path.join(path.dirname(file), 'server.js')) ? 'node server.js' : '';
}

const [cmd, a, b] = process.argv.slice(2);
try {
  switch (cmd) {
    case 'check': {
      const pkg = readJson(a);
      if (pkg === null || typeof pkg !== 'object' || Array.isArray(pkg)) {
        throw new Error(`${path.basename(a)} must hold a JSON object`);
      }
      break;
    }
    case 'get': {
      const v = get(readJson(a), b);
      if (v !== undefined && v !== null) console.log(typeof v === 'object' ? JSON.stringify(v) : String(v));
      break;
    }
    case 'satisfies':
      process.exit(satisfies(a, b) ? 0 : 1);
      break;
    case 'web': {
      const c = webCommand(a);
      if (c) console.log(c);
      break;
    }
    default:
      throw new Error(`unknown command ${cmd}`);
  }
} catch (e) {
  console.error(e.message);
  process.exit(1);
}

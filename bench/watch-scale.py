#!/usr/bin/env python3
"""How the watches scale with many apps, against a running platform.

    bench/watch-scale.py [--apps 1000] [--running 25] [--samples 20]

Creates APPS apps through the public api (each with a released slug of two process types: 2 x APPS
formation rows), scales RUNNING of them to web=2 (a tiny Python web server: 2 x RUNNING running
dynos), then measures:

- GET /internal/state and GET /internal/routes (the whole snapshot, as the dyno manager and the
  router ask it at start): p50 and max;
- a config change (PATCH config-vars, a new release) until a watch long-polling /internal/state
  returns, and a maintenance toggle until a watch on /internal/routes returns: what the dyno
  manager and the router wait for, p50 and max.

It reads the admin's key from $HOIST_HOME/credentials.json and the component token from
$HOIST_HOME/secrets.properties. The apps are named ws-NNNN and are left in place for a rerun
(--cleanup destroys them).
"""
import argparse
import concurrent.futures
import gzip
import io
import json
import os
import statistics
import tarfile
import threading
import time
import urllib.error
import urllib.request

HOME = os.environ.get("HOIST_HOME", os.path.expanduser("~/.hoist"))


def credentials():
    with open(os.path.join(HOME, "credentials.json")) as f:
        c = json.load(f)
    token = None
    with open(os.path.join(HOME, "secrets.properties")) as f:
        for line in f:
            if line.startswith("component_token="):
                token = line.split("=", 1)[1].strip()
    api = os.environ.get("HOIST_API_URL", c["api_url"])
    return api, c["api_key"], token


API, KEY, TOKEN = credentials()


def call(method, path, body=None, token=None, timeout=60, raw=False):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(API + path, data=data, method=method)
    req.add_header("Authorization", "Bearer " + (token or KEY))
    req.add_header("Accept", "application/vnd.heroku+json; version=3")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=timeout) as r:
        payload = r.read()
        return payload if raw else (json.loads(payload) if payload else None)


def tiny_slug():
    """./app with nothing but what a Python web server needs: the command is in the process types."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        info = tarfile.TarInfo("./app/")
        info.type = tarfile.DIRTYPE
        info.mode = 0o755
        tar.addfile(info)
        readme = b"watch-scale benchmark slug\n"
        info = tarfile.TarInfo("./app/README")
        info.size = len(readme)
        tar.addfile(info, io.BytesIO(readme))
    return buf.getvalue()


SLUG = tiny_slug()
WEB = "cd /tmp && exec python3 -m http.server $PORT"


def make_app(i, running):
    name = "ws-%04d" % i
    try:
        call("GET", "/apps/" + name)
        return name  # from an earlier run
    except urllib.error.HTTPError as e:
        if e.code != 404:
            raise
    call("POST", "/apps", {"name": name})
    types = {"web": WEB, "worker": "sleep infinity"} if running else {
        "worker": "sleep infinity", "clock": "sleep infinity"}
    slug = call("POST", "/apps/%s/slugs" % name, {"process_types": types})
    put = urllib.request.Request(slug["blob"]["url"], data=SLUG, method="PUT")
    put.add_header("Content-Type", "application/gzip")
    urllib.request.urlopen(put, timeout=60).read()
    call("POST", "/apps/%s/releases" % name, {"slug": slug["id"]})
    if running:  # a first release runs web=1; these run two
        call("PATCH", "/apps/%s/formation" % name, {"updates": [{"type": "web", "quantity": 2}]})
    return name


def percentiles(xs):
    xs = sorted(xs)
    return "p50 %.1f ms, max %.1f ms (n=%d)" % (statistics.median(xs), xs[-1], len(xs))


def timed_get(path):
    t0 = time.perf_counter()
    body = call("GET", path, token=TOKEN, raw=True)
    return (time.perf_counter() - t0) * 1000, body


def watch_delay(path, change):
    """Starts a long poll on path past the current revision, makes the change, returns ms until it answers."""
    revision = json.loads(call("GET", path, token=TOKEN, raw=True))["revision"]
    answered = {}

    def poll():
        body = call("GET", "%s?since=%d&wait=30" % (path, revision), token=TOKEN, timeout=40, raw=True)
        answered["at"] = time.perf_counter()
        answered["revision"] = json.loads(body)["revision"]

    t = threading.Thread(target=poll)
    t.start()
    time.sleep(0.3)  # let the poll reach the api and start waiting
    t0 = time.perf_counter()
    change()
    t.join()
    if answered.get("revision", revision) <= revision:
        raise RuntimeError("the watch on %s ended without a change" % path)
    return (answered["at"] - t0) * 1000


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--apps", type=int, default=1000)
    p.add_argument("--running", type=int, default=25)
    p.add_argument("--samples", type=int, default=20)
    p.add_argument("--cleanup", action="store_true")
    a = p.parse_args()
    if a.cleanup:
        for i in range(a.apps):
            try:
                call("DELETE", "/apps/ws-%04d" % i)
            except urllib.error.HTTPError:
                pass
        return
    t0 = time.time()
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda i: make_app(i, i < a.running), range(a.apps)))
    print("apps: %d (%d with web=2), made or found in %.0f s" % (a.apps, a.running, time.time() - t0))
    state = json.loads(call("GET", "/internal/state", token=TOKEN, raw=True))
    rows = sum(len(x["formation"]) for x in state["apps"])
    print("state: %d apps, %d formation rows, %d KB" % (len(state["apps"]), rows,
                                                      len(json.dumps(state)) // 1024))
    for path in ("/internal/state", "/internal/routes"):
        times = [timed_get(path)[0] for _ in range(a.samples)]
        print("GET %s: %s" % (path, percentiles(times)))
    target = "ws-%04d" % (a.apps - 1)
    n = [0]

    def config_change():
        n[0] += 1
        call("PATCH", "/apps/%s/config-vars" % target, {"BENCH": str(n[0])})

    call("PATCH", "/apps/%s" % target, {"maintenance": False})  # a known start, whatever a past run left
    flag = [False]

    def maintenance_toggle():
        flag[0] = not flag[0]
        call("PATCH", "/apps/%s" % target, {"maintenance": flag[0]})

    state_delays = [watch_delay("/internal/state", config_change) for _ in range(a.samples)]
    print("config change -> /internal/state watch answers: %s" % percentiles(state_delays))
    routes_delays = [watch_delay("/internal/routes", maintenance_toggle) for _ in range(a.samples)]
    print("maintenance toggle -> /internal/routes watch answers: %s" % percentiles(routes_delays))


if __name__ == "__main__":
    main()

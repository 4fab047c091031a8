#!/usr/bin/env bash
#
# The buildpacks' tests. Each case builds an app with bin/build inside the build image as an
# unprivileged user, then runs the slug in the run image the way a dyno does (unpacked at /app,
# HOME=/app, PORT=5000, .profile.d sourced, the web command under bash -c, a 512 MB memory limit)
# and asks it over HTTP; cases that must not build are checked for the reason they give.
# The apps are the fixtures (buildpacks/fixtures, named after what they test) and the acceptance
# samples (../shared/acceptance/apps).
#
#   buildpacks/test/run.sh [WORD]      only the cases whose name contains WORD
#
# Prints one line per check and ends with "buildpacks: N passed, M failed"; exit 1 if any failed.
# Settings (defaults in brackets):
#   HOIST_BUILD_IMAGE [hoist/stack-build:current]   HOIST_RUN_IMAGE [hoist/stack-run:current]
#   HOIST_BUILDPACKS_TEST_CACHE [~/.cache/hoist-buildpacks-test]: the CACHE_DIR the builds share,
#     kept between runs so Maven and npm download once; delete it for a cold run
#   HOIST_ACCEPTANCE_APPS [the project's ../shared/acceptance/apps]
# Commands and process types below are written for the dyno's shell, in single quotes on purpose.
# shellcheck disable=SC2016
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BP=$(cd "$HERE/.." && pwd)
FIXTURES=$BP/fixtures
TEST_BUILDPACKS=$HERE/buildpacks
APPS=${HOIST_ACCEPTANCE_APPS:-$BP/../../shared/acceptance/apps}
BUILD_IMAGE=${HOIST_BUILD_IMAGE:-hoist/stack-build:current}
RUN_IMAGE=${HOIST_RUN_IMAGE:-hoist/stack-run:current}
CACHE=${HOIST_BUILDPACKS_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/hoist-buildpacks-test}
ONLY=${1:-}
TMP=$(mktemp -d)
chmod 755 "$TMP"
CONTAINERS=()
STARTED=$(date +%s)

cleanup() {
  local c
  for c in "${CONTAINERS[@]}"; do docker rm -f "$c" >/dev/null 2>&1; done
  rm -rf "$TMP"
}
trap cleanup EXIT

pass=0
fail=0
check() { # check "what" command... : one line per check; a failure shows what the command said
  local what=$1 out
  shift
  if out=$("$@" 2>&1); then
    pass=$((pass + 1))
    echo "ok   $what"
  else
    fail=$((fail + 1))
    echo "FAIL $what"
    if [[ -n $out ]]; then tail -n 25 <<<"$out" | sed 's/^/       | /'; fi
  fi
}

# --- building ----------------------------------------------------------------------------------

# stage CASE SRC: a private copy of the app's source in $TMP/CASE/src, which a case may change.
stage() {
  local d=$TMP/$1
  rm -rf "$d"
  mkdir -p "$d/src" "$d/env" "$d/out"
  cp -R "$2/." "$d/src/"
}

# build CASE [--uid N] [--cache DIR] [--vmem MB] [--env KEY=VALUE]... [--docker ARG]... [-- BUILDPACK...]
# Runs bin/build on the staged source; its output, exit status and seconds go to $TMP/CASE.
# --vmem runs it under `ulimit -v`, as the build service does with hoist.build.max-memory-mb.
build() {
  local d=$TMP/$1 uid=1000 cache=$CACHE/shared docker_args=() bps=() start status
  local run=(/buildpacks/bin/build)
  shift
  while (($#)); do
    case $1 in
      --uid) uid=$2; shift 2 ;;
      --vmem) run=(bash -c "ulimit -v $(($2 * 1024)) && exec \"\$@\"" build /buildpacks/bin/build); shift 2 ;;
      --cache) cache=$2; shift 2 ;;
      --env) printf '%s' "${2#*=}" >"$d/env/${2%%=*}"; shift 2 ;;
      --docker) docker_args+=("$2"); shift 2 ;;
      --) shift; bps=("$@"); break ;;
      *) echo "build: unknown option $1" >&2; return 2 ;;
    esac
  done
  mkdir -p "$cache"
  chmod 777 "$cache" "$d/out"
  chmod -R a+rX "$d/src" "$d/env"
  start=$(date +%s.%N)
  docker run --rm --user "$uid:$uid" \
    -v "$BP:/buildpacks:ro" -v "$TEST_BUILDPACKS:/test-buildpacks:ro" \
    -v "$d/src:/src:ro" -v "$d/env:/env:ro" -v "$cache:/cache" -v "$d/out:/out" \
    -e SLUG_OUT=/out/slug.tgz -e PROCESS_TYPES_OUT=/out/process_types.json \
    -e BUILD_INFO_OUT=/out/build_info.json \
    "${docker_args[@]}" "$BUILD_IMAGE" "${run[@]}" /src /cache /env "${bps[@]}" \
    >"$d/build.log" 2>&1
  status=$?
  echo "$status" >"$d/status"
  awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }' >"$d/seconds"
}

seconds() { cat "$TMP/$1/seconds"; }

built() { # the build succeeded and left a slug
  if [[ $(cat "$TMP/$1/status") == 0 && -s $TMP/$1/out/slug.tgz ]]; then return 0; fi
  tail -n 30 "$TMP/$1/build.log"
  return 1
}

refused() { # the build failed, its last line says so, and no slug was written
  local last
  last=$(tail -n 1 "$TMP/$1/build.log")
  if [[ $(cat "$TMP/$1/status") != 0 && $last == " !     Build failed: "* && ! -e $TMP/$1/out/slug.tgz ]]; then
    return 0
  fi
  tail -n 30 "$TMP/$1/build.log"
  return 1
}

said() { # said CASE REGEX: the build output has a line matching REGEX
  grep -Eq -- "$2" "$TMP/$1/build.log" && return 0
  cat "$TMP/$1/build.log"
  return 1
}

not_said() { ! grep -E -- "$2" "$TMP/$1/build.log"; }

types_are() { # types_are CASE JSON: the merged process types, exactly
  local got
  got=$(jq -S -c . "$TMP/$1/out/process_types.json") || return 1
  [[ $got == "$(jq -S -c . <<<"$2")" ]] || { echo "process types: $got"; return 1; }
}

info_has() { # info_has CASE JQ-EXPRESSION: BUILD_INFO_OUT makes it true
  jq -e "$2" "$TMP/$1/out/build_info.json" >/dev/null || { cat "$TMP/$1/out/build_info.json"; return 1; }
}

# (grep -q on a pipe would stop reading early, and pipefail would count tar's SIGPIPE as failure.)
slug_list() { tar -tzf "$TMP/$1/out/slug.tgz" >"$TMP/$1/slug.list" && cat "$TMP/$1/slug.list"; }
slug_has() { slug_list "$1" >/dev/null && grep -Fxq -- "./app/$2" "$TMP/$1/slug.list"; }
slug_lacks() { slug_list "$1" >/dev/null && ! grep -Fx -- "./app/$2" "$TMP/$1/slug.list"; }

slug_entries_in_app() { # every entry is ./app or below it, owned by the dyno user (1000)
  tar -tzvf "$TMP/$1/out/slug.tgz" | awk '
    $6 != "./app/" && index($6, "./app/") != 1 { print "outside ./app: " $6; bad = 1 }
    $2 != "1000/1000" { print "owner " $2 ": " $6; bad = 1 }
    END { exit bad }' | head -n 5
  return "${PIPESTATUS[1]}"
}

# --- running the slug as a dyno would ----------------------------------------------------------

DYNO_PRELUDE='tar -xzf /slug/slug.tgz -C / && cd /app || exit 97
for f in /app/.profile.d/*.sh; do [ -r "$f" ] && . "$f"; done
[ -r /app/.profile ] && . /app/.profile
'

# start_web CASE: the web process of the slug, in a container whose id is in $TMP/CASE/web.
start_web() {
  local d=$TMP/$1 cmd cid
  cmd=$(jq -r '.web // empty' "$d/out/process_types.json" 2>/dev/null)
  if [[ -z $cmd ]]; then
    : >"$d/web"
    return 0
  fi
  cid=$(docker run -d -m 512m --user 1000:1000 -e HOME=/app -e PORT=5000 -e DYNO=web.1 \
    -v "$d/out:/slug:ro" "$RUN_IMAGE" bash -c "$DYNO_PRELUDE$cmd")
  CONTAINERS+=("$cid")
  echo "$cid" >"$d/web"
}

stop_web() {
  local cid
  cid=$(cat "$TMP/$1/web" 2>/dev/null)
  if [[ -n $cid ]]; then docker rm -f "$cid" >/dev/null 2>&1; fi
}

# answers CASE PATH REGEX: within 60 s (the boot timeout) the web process answers PATH with a
# body that matches REGEX.
answers() {
  local cid body deadline=$(($(date +%s) + 60))
  cid=$(cat "$TMP/$1/web")
  [[ -n $cid ]] || { echo "no web process"; return 1; }
  while true; do
    body=$(docker exec "$cid" curl -s --max-time 5 "http://127.0.0.1:5000$2" 2>/dev/null) &&
      grep -Eq -- "$3" <<<"$body" && return 0
    if [[ $(docker inspect -f '{{.State.Running}}' "$cid" 2>/dev/null) != true || $(date +%s) -ge $deadline ]]; then
      echo "last answer: $body"
      docker logs --tail 20 "$cid" 2>&1
      return 1
    fi
    sleep 0.3
  done
}

# status_is CASE PATH CODE [curl args...]: the HTTP status of one request.
status_is() {
  local cid code
  cid=$(cat "$TMP/$1/web")
  code=$(docker exec "$cid" curl -s -o /dev/null -w '%{http_code}' --max-time 5 "${@:4}" "http://127.0.0.1:5000$2")
  [[ $code == "$3" ]] || { echo "status $code, wanted $3"; return 1; }
}

# header_has CASE PATH REGEX [curl args...]: a response header line matches REGEX.
header_has() {
  local cid
  cid=$(cat "$TMP/$1/web")
  local headers
  headers=$(docker exec "$cid" curl -s -o /dev/null -D - --max-time 5 "${@:4}" "http://127.0.0.1:5000$2" | tr -d '\r')
  grep -Eiq -- "$3" <<<"$headers" && return 0
  echo "$headers"
  return 1
}

# runs CASE COMMAND REGEX: a one-off dyno of the slug runs COMMAND; its output matches REGEX.
runs() {
  local out
  out=$(docker run --rm -m 512m --user 1000:1000 -e HOME=/app -e DYNO=run.1 -v "$TMP/$1/out:/slug:ro" \
    "$RUN_IMAGE" bash -c "$DYNO_PRELUDE$2" 2>&1)
  grep -Eq -- "$3" <<<"$out" && return 0
  echo "$out"
  return 1
}

# --- the cases ---------------------------------------------------------------------------------

sample() { # sample NAME REGEX: an acceptance sample builds, answers, and rebuilds offline from the cache
  local name=$1
  stage "$name" "$APPS/$name"
  build "$name"
  check "$name builds ($(seconds "$name") s)" built "$name"
  check "$name slug entries are ./app/..., owned by the dyno user" slug_entries_in_app "$name"
  start_web "$name"
  check "$name answers like the journey expects" answers "$name" / "$2"
  stop_web "$name"
}

case_node_hello() {
  sample node-hello '^hello from web\.1 norid'
  check "node-hello: Procfile and default both declare web" said node-hello 'Procfile declares types -> web'
  stage node-hello-offline "$APPS/node-hello"
  build node-hello-offline --docker --network=none
  check "node-hello rebuilds with no network, from the npm cache ($(seconds node-hello-offline) s)" built node-hello-offline
}

case_java_hello() {
  sample java-hello '^hello from web\.1 java 17'
  check "java-hello: Maven's repository is kept in CACHE_DIR/m2" test -d "$CACHE/shared/m2/repository/org/apache/maven"
  check "java-hello: .profile.d/java.sh is in the slug" slug_has java-hello .profile.d/java.sh
  check "java-hello: test classes and build state are not in the slug" slug_lacks java-hello target/maven-status/
  stage java-hello-offline "$APPS/java-hello"
  build java-hello-offline --docker --network=none
  check "java-hello rebuilds with no network, from the Maven cache ($(seconds java-hello-offline) s)" built java-hello-offline
}

case_python_hello() {
  sample python-hello '^hello from web\.1 python'
  check "python-hello: an empty requirements.txt needs no index" said python-hello 'No packages to install'
}

case_static_hello() {
  sample static-hello 'static-hello'
}

case_node_with_lockfile() {
  local c=node-with-lockfile
  stage $c "$FIXTURES/$c"
  build $c
  check "$c builds ($(seconds $c) s)" built $c
  check "$c installs with npm ci" said $c 'Installing from the lockfile with npm ci'
  check "$c: web is the start script (npm is not in the run image)" types_are $c '{"web":"node index.js"}'
  check "$c: build info names the buildpack" info_has $c '.buildpack_provided_description == "Node.js"'
  check "$c: the npm cache is in CACHE_DIR, not in the slug" slug_lacks $c .npm/
  start_web $c
  check "$c answers, with NODE_ENV=production and its dependency" answers $c / '^node-with-lockfile web\.1 NODE_ENV=production ms=1m'
  stop_web $c
}

case_node_without_start_script() {
  local c=node-without-start-script
  stage $c "$FIXTURES/$c"
  build $c
  check "$c builds ($(seconds $c) s)" built $c
  check "$c installs with npm install (no lockfile)" said $c 'No package-lock.json: npm install'
  check "$c: web is node server.js" types_are $c '{"web":"node server.js"}'
  check "$c: says the default types" said $c 'Default types for buildpack -> web'
  start_web $c
  check "$c answers" answers $c / '^node-without-start-script ms=2s'
  stop_web $c
}

case_node_build_script_prunes_devdeps() {
  local c=node-build-script-prunes-devdeps
  stage $c "$FIXTURES/$c"
  build $c
  check "$c builds ($(seconds $c) s)" built $c
  check "$c runs npm run build" said $c 'Running build'
  check "$c prunes devDependencies" said $c 'Pruning devDependencies'
  check "$c: the devDependency is not in the slug" slug_lacks $c node_modules/ms/
  start_web $c
  check "$c answers with what the build made" answers $c / '^built with a devDependency: 1h; ms at run time: no'
  stop_web $c
}

case_node_broken_package_json() {
  local c=node-broken-package-json
  stage $c "$FIXTURES/$c"
  build $c
  check "$c is refused" refused $c
  check "$c: the error says package.json is not valid JSON" said $c '^ !     package.json is not valid JSON'
}

case_node_engines_mismatch_warns() {
  local c=node-engines-mismatch-warns
  stage $c "$FIXTURES/$c"
  build $c
  check "$c builds anyway ($(seconds $c) s)" built $c
  check "$c warns about engines.node" said $c '^ !     Warning: package.json engines.node asks for "14.x"'
  start_web $c
  check "$c answers on the stack's Node.js" answers $c / '^node-engines-mismatch-warns v18\.'
  stop_web $c
}

case_java_maven_runnable_jar() {
  local c=java-maven-runnable-jar
  stage $c "$FIXTURES/$c"
  build $c
  check "$c builds ($(seconds $c) s)" built $c
  check "$c: web is java -jar of the one runnable jar" \
    types_are $c '{"web":"java $JAVA_OPTS -jar target/java-maven-runnable-jar-1.0.jar"}'
  check "$c: Maven output is only the progress lines" not_said $c 'Downloading|Downloaded'
  start_web $c
  check "$c answers with the heap sized from the 512 MB limit (-Xmx320m)" \
    answers $c / '^java-maven-runnable-jar JAVA_TOOL_OPTIONS=-Xmx320m -Xss512k'
  stop_web $c
}

case_java_maven_wrapper_procfile() {
  local c=java-maven-wrapper-procfile
  stage $c "$FIXTURES/$c"
  build $c
  check "$c builds with ./mvnw ($(seconds $c) s)" built $c
  check "$c uses the Maven wrapper" said $c 'Using the Maven wrapper'
  check "$c: the wrapper's Maven is kept in CACHE_DIR/m2/wrapper" test -d "$CACHE/shared/m2/wrapper"
  check "$c: no runnable jar, so no default types" not_said $c 'Default types for buildpack'
  check "$c: the Procfile decides" types_are $c '{"web":"java $JAVA_OPTS -cp target/classes fixture.Main"}'
  start_web $c
  check "$c answers" answers $c / '^java-maven-wrapper-procfile'
  stop_web $c
}

case_java_compile_error() {
  local c=java-compile-error
  stage $c "$FIXTURES/$c"
  build $c
  check "$c is refused" refused $c
  check "$c: javac's error is shown" said $c "^       \[ERROR\] .*Main\.java.*';' expected"
  check "$c: the reason is Maven's failure" said $c '^ !     Maven failed'
}

case_python_requirements_offline_ok() {
  local c=python-requirements-offline-ok
  stage $c "$FIXTURES/$c"
  build $c
  check "$c builds with PyPI unreachable ($(seconds $c) s)" built $c
  check "$c says the index is unreachable and carries on" said $c 'index is unreachable: offline'
  check "$c: web is python app.py (no Procfile)" types_are $c '{"web":"python app.py"}'
  check "$c: the venv interpreter is a copy, its aliases relative links" runs $c \
    'echo "$(readlink .venv/bin/python3) $(test -f .venv/bin/python -a ! -L .venv/bin/python && echo copy)"' '^python copy$'
  start_web $c
  check "$c answers from the virtualenv" answers $c / '^python-requirements-offline-ok prefix=/app/\.venv$'
  stop_web $c
}

case_python_index_unreachable_fails() {
  local c=python-index-unreachable-fails
  stage $c "$FIXTURES/$c"
  build $c
  check "$c is refused" refused $c
  check "$c: the error names the unreachable index" said $c '^ !     Cannot install .*the package index https://pypi\.org/simple is unreachable'
  check "$c: the error says how to set PIP_INDEX_URL" said $c 'hoist config:set PIP_INDEX_URL='
}

case_python_vendored_wheels_offline() {
  local c=python-vendored-wheels-offline
  stage $c "$FIXTURES/$c"
  build $c
  check "$c builds from the app's wheels ($(seconds $c) s)" built $c
  start_web $c
  check "$c answers with the vendored package" answers $c / '^python-vendored-wheels-offline greeting 1\.0 prefix=/app/\.venv'
  stop_web $c
  check "$c: the package's console script runs in a dyno" runs $c 'greet' '^greeting 1\.0$'
}

# A PEP 503 index served over HTTP from a container, for builds that share its network.
start_index() {
  local dir=$TMP/pyindex cid
  mkdir -p "$dir/simple/greeting"
  cp "$FIXTURES/python-vendored-wheels-offline/wheels/greeting-1.0-py3-none-any.whl" "$dir/simple/greeting/"
  chmod -R a+rX "$dir"
  cid=$(docker run -d --user 1000:1000 -v "$dir:/srv:ro" "$RUN_IMAGE" python3 -m http.server 8000 --directory /srv)
  CONTAINERS+=("$cid")
  for _ in $(seq 50); do
    if docker exec "$cid" curl -sf -o /dev/null http://127.0.0.1:8000/simple/greeting/; then
      INDEX_CONTAINER=$cid
      return 0
    fi
    sleep 0.2
  done
}
INDEX_CONTAINER=""

case_python_pip_index_url() {
  local c=python-pip-index-url
  start_index
  check "a local package index (for PIP_INDEX_URL) starts" test -n "$INDEX_CONTAINER"
  [[ -n $INDEX_CONTAINER ]] || return
  stage $c "$FIXTURES/$c"
  build $c --env PIP_INDEX_URL=http://127.0.0.1:8000/simple/ --docker "--network=container:$INDEX_CONTAINER"
  check "$c builds from PIP_INDEX_URL in the config ($(seconds $c) s)" built $c
  check "$c installs with pip from that index" said $c '^-----> Installing requirements with pip$'
  start_web $c
  check "$c answers with the package from the index" answers $c / '^python-pip-index-url greeting 1\.0'
  stop_web $c

  c=python-pipfile-lock
  stage $c "$FIXTURES/$c"
  build $c --env PIP_INDEX_URL=http://127.0.0.1:8000/simple/ --docker "--network=container:$INDEX_CONTAINER"
  check "$c builds from Pipfile.lock ($(seconds $c) s)" built $c
  start_web $c
  check "$c answers with the locked package" answers $c / '^python-pipfile-lock greeting 1\.0'
  stop_web $c
}

case_python_venv_relocated() {
  local c=python-venv-relocated
  stage $c "$FIXTURES/$c"
  mkdir -p "$TMP/cache-4242"
  # uid 4242 cannot write /app, so the build happens in /tmp and the venv is moved to /app's paths.
  build $c --uid 4242 --cache "$TMP/cache-4242"
  check "$c builds outside /app as another uid ($(seconds $c) s)" built $c
  check "$c says the venv was pointed at /app" said $c 'virtualenv files at /app/\.venv \(built in /tmp/'
  check "$c: slug entries are still owned by the dyno user" slug_entries_in_app $c
  check "$c: console scripts run at /app" runs $c 'echo "$(greet) $(head -n 1 .venv/bin/greet)"' '^greeting 1\.0 #!/app/\.venv/bin/python$'
  check "$c: pip runs at /app" runs $c 'pip --version' 'from /app/\.venv/'
  start_web $c
  check "$c answers" answers $c / '^python-venv-relocated greeting 1\.0 prefix=/app/\.venv'
  stop_web $c
}

case_static_json_root() {
  local c=static-json-root
  stage $c "$FIXTURES/$c"
  build $c
  check "$c builds ($(seconds $c) s)" built $c
  check "$c: web is the buildpack's server" types_are $c '{"web":"node .hoist/static/server.js"}'
  start_web $c
  check "$c serves root's index.html" answers $c / 'static-json-root home'
  check "$c: clean URL /about serves about.html" answers $c /about 'static-json-root about page'
  check "$c: /about.html redirects to /about" header_has $c /about.html '^location: /about$'
  check "$c: a folder without its slash redirects" header_has $c /docs '^location: /docs/$'
  check "$c: a folder serves its index.html" answers $c /docs/ 'docs index'
  check "$c: routes fall back to app.html" answers $c /app/some/page 'single-page app'
  check "$c: redirects from static.json" header_has $c /old '^location: /about$'
  check "$c: a missing file is 404" status_is $c /nope 404
  check "$c: with the error_page" answers $c /nope 'custom 404'
  check "$c: CSS has its MIME type" header_has $c /css/site.css '^content-type: text/css; charset=utf-8$'
  check "$c: headers from static.json" header_has $c /css/site.css '^cache-control: public, max-age=60$'
  check "$c: HEAD has the length and no body" header_has $c /css/site.css '^content-length: 22$' -I
  check "$c: a conditional GET is 304" bash -c "etag=\$(docker exec $(cat "$TMP/$c/web") curl -sI http://127.0.0.1:5000/ | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p'); \
    [ \"\$(docker exec $(cat "$TMP/$c/web") curl -s -o /dev/null -w '%{http_code}' -H \"If-None-Match: \$etag\" http://127.0.0.1:5000/)\" = 304 ]"
  check "$c: POST is 405" status_is $c / 405 -X POST
  check "$c: ../ does not leave the root" status_is $c /../static.json 400 --path-as-is
  check "$c: encoded ../ does not either" status_is $c /%2e%2e/secret.txt 400 --path-as-is
  check "$c: files beside the root are not served" status_is $c /secret.txt 404
  check "$c: dotfiles are not served" status_is $c /.hoist/static/server.js 404
  stop_web $c
}

case_static_public_index() {
  local c=static-public-index
  stage $c "$FIXTURES/$c"
  build $c
  check "$c builds without a static.json ($(seconds $c) s)" built $c
  check "$c is detected as static" said $c '^-----> Static HTML app detected'
  start_web $c
  check "$c serves public/index.html" answers $c / '<h1>static-public-index</h1>'
  stop_web $c
}

case_procfile_only() {
  local c=procfile-only
  stage $c "$FIXTURES/$c"
  build $c
  check "$c builds ($(seconds $c) s)" built $c
  check "$c is detected by its Procfile" said $c '^-----> Procfile app detected'
  check "$c: no default types" not_said $c 'Default types for buildpack'
  start_web $c
  check "$c answers with the Procfile's command" answers $c / 'procfile-only: served by the command'
  stop_web $c
  # The same source (with other mtimes) built twice with SOURCE_DATE_EPOCH: the same slug bytes.
  stage $c-again-1 "$FIXTURES/$c"
  stage $c-again-2 "$FIXTURES/$c"
  find "$TMP/$c-again-2/src" -exec touch -h -d '2001-02-03 04:05:06' {} +
  build $c-again-1 --docker --env=SOURCE_DATE_EPOCH=1700000000
  build $c-again-2 --docker --env=SOURCE_DATE_EPOCH=1700000000
  check "$c: two builds with SOURCE_DATE_EPOCH give identical slugs" \
    cmp "$TMP/$c-again-1/out/slug.tgz" "$TMP/$c-again-2/out/slug.tgz"
}

case_procfile_comments_and_colons() {
  local c=procfile-comments-and-colons
  stage $c "$FIXTURES/$c"
  build $c
  check "$c builds ($(seconds $c) s)" built $c
  check "$c: comments and blank lines skipped; colons, quotes and a trailing # kept" types_are $c \
    '{"web": "python3 -m http.server $PORT --bind 0.0.0.0 --directory www",
      "worker": "bash -c \"echo '"'worker: up at '"'$DYNO\" # the shell drops this comment",
      "clock": "env TZ=UTC:0 date +%Z"}'
  start_web $c
  check "$c answers" answers $c / '^procfile-comments-and-colons: served by the command'
  stop_web $c
  check "$c: the worker's command runs as written in a dyno's shell" \
    runs $c "$(jq -r .worker "$TMP/$c/out/process_types.json")" '^worker: up at run\.1$'
}

# lib/release.py's and lib/release_yaml.py's own tests (test/release_test.py), where bin/build runs
# them: in the build image, and on this machine, where the build service's tests run bin/build too.
unit_tests_passed() { # unit_tests_passed LOG: the tests ran and passed
  tail -n 1 "$1" | grep -q '^OK' && return 0
  tail -n 30 "$1"
  return 1
}

tests_ran() { sed -n 's/^Ran \([0-9]*\) tests.*/\1 tests/p' "$1"; }

case_release_parsing() {
  local d=$TMP/release-parsing
  mkdir -p "$d"
  docker run --rm --user 1000:1000 -v "$BP:/buildpacks:ro" "$BUILD_IMAGE" \
    python3 /buildpacks/test/release_test.py >"$d/image.log" 2>&1
  check "Procfile and bin/release parsing: $(tests_ran "$d/image.log") pass in the build image" unit_tests_passed "$d/image.log"
  if ! command -v python3 >/dev/null; then
    echo "skip Procfile and bin/release parsing on this machine: no python3 here"
    return
  fi
  python3 "$HERE/release_test.py" >"$d/host.log" 2>&1
  check "Procfile and bin/release parsing: $(tests_ran "$d/host.log") pass on this machine ($(python3 -V 2>&1))" \
    unit_tests_passed "$d/host.log"
}

case_slugignore_drops_files() {
  local c=slugignore-drops-files
  stage $c "$FIXTURES/$c"
  mkdir -p "$TMP/$c/src/.git" && echo "ref: refs/heads/main" >"$TMP/$c/src/.git/HEAD"
  build $c
  check "$c builds ($(seconds $c) s)" built $c
  check "$c: .git is never in the slug" slug_lacks $c .git/
  check "$c: *.log is dropped at any depth" bash -c "! grep -E '\\.log$' '$TMP/$c/slug.list'"
  check "$c: /docs is dropped at the root" slug_lacks $c docs/guide.md
  check "$c: but not below it" slug_has $c keep/docs/guide.md
  check "$c: tmp/ is dropped at any depth" bash -c "! grep -E '/tmp/' '$TMP/$c/slug.list'"
  check "$c: a plain name is dropped" slug_lacks $c secret.txt
  check "$c: the rest is kept" slug_has $c index.html
  check "$c: negation is refused with a warning" said $c 'negation is not supported'
}

case_multi_buildpack_export() {
  local c=multi-buildpack-export
  stage $c "$FIXTURES/$c"
  build $c -- /test-buildpacks/export-first /test-buildpacks/export-second
  check "$c builds with two buildpacks ($(seconds $c) s)" built $c
  check "$c: the second was detected after the first compiled" slug_has $c .compiled-by-first
  check "$c: both were detected, in order" bash -c "grep -E '^-----> Export (first|second) app detected' '$TMP/$c/build.log' | tr '\n' ' ' | grep -q 'first.*second'"
  check "$c: the last buildpack's defaults win" types_are $c '{"web":"python3 -m http.server $PORT"}'
  check "$c: its addons are in the build info" info_has $c '.addons == ["fixture-addon:free"]'
  check "$c: config_vars become overridable defaults" runs $c 'echo "[$SECOND_DEFAULT]"' '^\[from the release\]$'
  start_web $c
  check "$c: the second buildpack used the first one's export" answers $c / '^greeting from the first buildpack; FIRST_BUILDPACK=ran'
  stop_web $c
  stage $c-refused "$FIXTURES/node-with-lockfile"
  build $c-refused -- java
  check "a named buildpack whose detect refuses the app aborts the build" refused $c-refused
  check "and says the app is not compatible" said $c-refused 'App not compatible with buildpack: java'
}

case_buildpacks_file_node_then_python() {
  local c=buildpacks-file-node-then-python
  stage $c "$FIXTURES/$c"
  build $c
  check "$c builds with the buildpacks its .buildpacks names ($(seconds $c) s)" built $c
  check "$c: Node.js then Python" bash -c "grep -E '^-----> (Node.js|Python) app detected' '$TMP/$c/build.log' | tr '\n' ' ' | grep -q 'Node.js.*Python'"
  check "$c: the last one (Python) gives the defaults" types_are $c '{"web":"python app.py"}'
  start_web $c
  check "$c answers with the asset Node.js built" answers $c / 'buildpacks-file-node-then-python: asset built by node'
  stop_web $c
}

case_custom_buildpack_url() {
  local c=custom-buildpack-url repo=$TMP/repos/hello-custom.git work=$TMP/repos/work
  # A git repository of the hello-custom buildpack: tag v1, then a newer commit on main.
  mkdir -p "$TMP/repos"
  cp -R "$TEST_BUILDPACKS/hello-custom" "$work"
  git -C "$work" init -q -b main && git -C "$work" add -A &&
    git -C "$work" -c user.name=t -c user.email=t@example.invalid commit -qm v1 && git -C "$work" tag v1 &&
    echo v2 >"$work/VERSION" && git -C "$work" -c user.name=t -c user.email=t@example.invalid commit -qam v2 &&
    git clone -q --bare "$work" "$repo"
  tar -C "$TEST_BUILDPACKS" -czf "$TMP/repos/hello-custom.tgz" hello-custom
  # The repositories belong to the test's user, not the build's: git must be told they are safe.
  # (A global config file, since git drops GIT_CONFIG_COUNT for the upload-pack of a local clone.)
  printf '[safe]\n\tdirectory = *\n' >"$TMP/repos/gitconfig"
  chmod -R a+rX "$TMP/repos"
  local mount=(--docker "--volume=$TMP/repos:/repos:ro" --docker "--env=GIT_CONFIG_GLOBAL=/repos/gitconfig")

  stage $c "$FIXTURES/$c"
  build $c --env "BUILDPACK_URL=file:///repos/hello-custom.git#v1" "${mount[@]}"
  check "$c builds with BUILDPACK_URL=git URL#tag ($(seconds $c) s)" built $c
  start_web $c
  check "$c: the tagged version compiled it" answers $c / 'compiled by hello-custom v1$'
  stop_web $c

  stage $c-commit "$FIXTURES/$c"
  local first
  first=$(git -C "$work" rev-list --max-parents=0 HEAD)
  build $c-commit --env "BUILDPACK_URL=file:///repos/hello-custom.git#$first" "${mount[@]}"
  check "$c builds with BUILDPACK_URL=git URL#commit (full clone, checkout)" built $c-commit
  check "$c: at that commit" runs $c-commit 'cat index.html' 'hello-custom v1$'

  stage $c-head "$FIXTURES/$c"
  build $c-head --env "BUILDPACK_URL=file:///repos/hello-custom.git" "${mount[@]}"
  check "$c builds with BUILDPACK_URL=git URL (default branch)" runs $c-head 'cat index.html' 'hello-custom v2$'

  stage $c-tgz "$FIXTURES/$c"
  build $c-tgz --env "BUILDPACK_URL=file:///repos/hello-custom.tgz" "${mount[@]}"
  check "$c builds with BUILDPACK_URL=tarball URL" runs $c-tgz 'cat index.html' 'hello-custom v1$'

  stage $c-missing "$FIXTURES/$c"
  build $c-missing --env "BUILDPACK_URL=file:///repos/nothing-here.git" "${mount[@]}"
  check "a BUILDPACK_URL that cannot be fetched is refused" refused $c-missing
  check "and says which" said $c-missing 'could not fetch the buildpack file:///repos/nothing-here.git'
}

# The build service may cap a build's virtual memory (ulimit -v): JVMs and pip must still start.
case_under_memory_limit() {
  local c
  for c in java-hello node-hello python-hello; do
    stage $c-vmem "$APPS/$c"
    build $c-vmem --vmem 2048
    check "$c builds under ulimit -v 2048 MB ($(seconds $c-vmem) s)" built $c-vmem
  done
  check "java-hello: Maven's JVM was sized for the limit" said java-hello-vmem "Sized Maven's JVM for the build's 2048 MB"
}

case_no_buildpack_detected() {
  local c=no-buildpack-detected
  stage $c "$FIXTURES/$c"
  build $c
  check "$c is refused" refused $c
  check "$c: the reason is clear" said $c '^ !     Build failed: no buildpack detected'
}

case_procfile_invalid_line() {
  local c=procfile-invalid-line
  stage $c "$FIXTURES/$c"
  build $c
  check "$c is refused" refused $c
  check "$c: the line is named" said $c "Procfile line 1 is not 'type: command'"
}

case_slug_link_outside_app() {
  local c=slug-link-outside-app
  stage $c "$FIXTURES/$c"
  ln -s /etc/passwd "$TMP/$c/src/passwd"
  ln -s ../../etc/hosts "$TMP/$c/src/hosts"
  ln -s README.md "$TMP/$c/src/readme-link"
  build $c
  check "$c is refused" refused $c
  check "$c: the links are named" bash -c "grep -q 'passwd -> /etc/passwd' '$TMP/$c/build.log' && grep -q 'hosts -> ../../etc/hosts' '$TMP/$c/build.log' && ! grep -q readme-link '$TMP/$c/build.log'"
}

# --- main --------------------------------------------------------------------------------------

CASES=(node_hello java_hello python_hello static_hello
  node_with_lockfile node_without_start_script node_build_script_prunes_devdeps
  node_broken_package_json node_engines_mismatch_warns
  java_maven_runnable_jar java_maven_wrapper_procfile java_compile_error
  python_requirements_offline_ok python_index_unreachable_fails python_vendored_wheels_offline
  python_pip_index_url python_venv_relocated
  static_json_root static_public_index procfile_only procfile_comments_and_colons slugignore_drops_files
  multi_buildpack_export buildpacks_file_node_then_python custom_buildpack_url
  under_memory_limit no_buildpack_detected procfile_invalid_line slug_link_outside_app release_parsing)

for image in "$BUILD_IMAGE" "$RUN_IMAGE"; do
  if ! docker image inspect "$image" >/dev/null 2>&1; then
    echo "FAIL the stack image $image is present (deploy/stack/build.sh builds it)"
    echo "buildpacks: 0 passed, 1 failed"
    exit 1
  fi
done
mkdir -p "$CACHE/shared"

for name in "${CASES[@]}"; do
  dashed=${name//_/-}
  if [[ -n $ONLY && $dashed != *"$ONLY"* ]]; then continue; fi
  "case_$name"
done

echo "figure: buildpacks_test_s=$(($(date +%s) - STARTED))"
echo "buildpacks: $pass passed, $fail failed"
[[ $fail -eq 0 ]]

# shellcheck shell=bash
# The jars a Maven build left that run on their own (`java -jar`), and the default web command
# that follows from them. Sourced by bin/compile (to report) and bin/release (to declare).

# Prints "spring-boot" or "plain" for a jar whose manifest names a Main-Class; fails otherwise.
jar_kind() {
  python3 - "$1" <<'PY'
import sys, zipfile
try:
    with zipfile.ZipFile(sys.argv[1]) as z:
        text = z.read("META-INF/MANIFEST.MF").decode("utf-8", "replace")
except Exception:
    sys.exit(1)
attrs, key = {}, None
for line in text.replace("\r\n", "\n").split("\n"):
    if line.startswith(" ") and key:          # a manifest continuation line
        attrs[key] += line[1:]
    elif ":" in line:
        key, _, value = line.partition(":")
        key = key.strip()
        attrs[key] = value.strip()
main = attrs.get("Main-Class", "")
if not main:
    sys.exit(1)
boot = "Spring-Boot-Version" in attrs or main.startswith("org.springframework.boot.loader")
print("spring-boot" if boot else "plain")
PY
}

# One "KIND PATH" line per runnable jar in target/ and in the modules' target/ (run in BUILD_DIR).
runnable_jars() {
  local jar kind
  shopt -s nullglob
  for jar in target/*.jar */target/*.jar; do
    case ${jar##*/} in
      *-sources.jar | *-javadoc.jar | *-tests.jar | original-*.jar) continue ;;
    esac
    [[ -f $jar ]] || continue
    if kind=$(jar_kind "$jar"); then echo "$kind $jar"; fi
  done
  shopt -u nullglob
}

# The web command when there is exactly one runnable jar; fails otherwise.
default_web_command() {
  local jars kind jar
  jars=$(runnable_jars)
  [[ -n $jars && $(wc -l <<<"$jars") -eq 1 ]] || return 1
  read -r kind jar <<<"$jars"
  if [[ $kind == spring-boot ]]; then
    echo "java -Dserver.port=\$PORT \$JAVA_OPTS -jar $jar"
  else
    echo "java \$JAVA_OPTS -jar $jar"
  fi
}

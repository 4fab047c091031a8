"""The slug compiler's last step (called by bin/build): reads what each buildpack's bin/release
printed and the app's Procfile, prints the "Discovering process types" lines, and writes the merged
process types as JSON.

    release.py --procfile FILE --types-out FILE [--info-out FILE] [--description TEXT]
               [--profile-dir DIR] RELEASE_OUTPUT...

Rules (Heroku's): default_process_types and addons come from the last buildpack's release output;
the Procfile overrides the defaults key by key. config_vars (a legacy key) from every buildpack, later
ones winning, become defaults in DIR/00_config_vars.sh: a config var of the app still wins.
Exit 1 with a ` !     ` message on a Procfile or YAML it cannot accept. The YAML is read by
release_yaml.py alone (no PyYAML), so the build image and a developer's machine read it alike.
"""
import argparse
import json
import os
import re
import shlex
import sys

# bin/build may run from a folder the build can write (a builder dyno's /app/buildpacks, a checkout):
# no __pycache__ next to the buildpacks. The reader beside this file is found even under
# PYTHONSAFEPATH, which leaves the script's folder off the path.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from release_yaml import YamlError, load as load_yaml  # noqa: E402 (after the line above)

TYPE = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
PROCFILE_LINE = re.compile(r"^([A-Za-z0-9_-]+)[ \t]*:[ \t]*(.*)$")


class Refused(Exception):
    pass


# --- Procfile ----------------------------------------------------------------------------------

def read_procfile(path):
    """{type: command}, or None without a Procfile. Line by line as Heroku reads it, not as YAML: the
    command is the rest of the line, verbatim (quotes, colons, a trailing # are the shell's)."""
    try:
        with open(path, encoding="utf-8-sig") as f:
            text = f.read()
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        raise Refused("Procfile is not UTF-8 text")
    types = {}
    for n, raw in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = PROCFILE_LINE.match(line)
        if not m or not m.group(2).strip():
            raise Refused(f"Procfile line {n} is not 'type: command': {line[:80]}")
        name, command = m.group(1), m.group(2).strip()
        if not TYPE.match(name):
            raise Refused(f"Procfile line {n}: process type '{name[:40]}' is longer than 128 characters")
        if name in types:
            print(f" !     Warning: Procfile declares '{name}' twice; the last one (line {n}) is used")
        types[name] = command
    return types


def as_types(value, what):
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise Refused(f"{what}: default_process_types is not a mapping")
    out = {}
    for k, v in value.items():
        if not TYPE.match(k) or not isinstance(v, str) or not v.strip():
            raise Refused(f"{what}: bad default process type '{k}'")
        out[k] = v
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--procfile", required=True)
    p.add_argument("--types-out", required=True)
    p.add_argument("--info-out")
    p.add_argument("--description", default="")
    p.add_argument("--profile-dir")
    p.add_argument("releases", nargs="*")
    a = p.parse_args()
    try:
        parsed = []
        for i, path in enumerate(a.releases, 1):
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            try:
                doc = load_yaml(text)
            except YamlError as e:
                raise Refused(f"bin/release of buildpack {i} printed YAML that cannot be read: {e}")
            doc = {} if doc is None else doc
            if not isinstance(doc, dict):
                raise Refused(f"bin/release of buildpack {i} did not print a YAML mapping")
            parsed.append(doc)
        last = parsed[-1] if parsed else {}
        defaults = as_types(last.get("default_process_types"), "bin/release")
        addons = last.get("addons") or []
        if not isinstance(addons, list):
            addons = [addons]
        config_vars = {}
        for doc in parsed:
            if isinstance(doc.get("config_vars"), dict):
                config_vars.update({str(k): "" if v is None else str(v) for k, v in doc["config_vars"].items()})
        procfile = read_procfile(a.procfile)
    except Refused as e:
        print(f" !     {e}", file=sys.stderr)
        return 1

    merged = dict(defaults)
    merged.update(procfile or {})
    print("-----> Discovering process types")
    if procfile is not None:
        print("       Procfile declares types -> " + (", ".join(procfile) or "(none)"))
    if defaults:
        print("       Default types for buildpack -> " + ", ".join(defaults))
    if procfile is None and not defaults:
        print("       No process types found: add a Procfile that declares web (and others)")
    elif "web" not in merged:
        print("       (no web process: the app gets no HTTP traffic)")

    with open(a.types_out, "w", encoding="utf-8") as f:
        json.dump(merged, f, sort_keys=True)
        f.write("\n")
    if a.info_out:
        with open(a.info_out, "w", encoding="utf-8") as f:
            json.dump({"buildpack_provided_description": a.description, "process_types": merged,
                       "addons": [str(x) for x in addons], "config_vars": config_vars}, f, sort_keys=True)
            f.write("\n")
    if config_vars and a.profile_dir:
        with open(f"{a.profile_dir}/00_config_vars.sh", "w", encoding="utf-8") as f:
            f.write("# Default config vars from buildpacks (bin/release config_vars); the app's own win.\n")
            for k, v in sorted(config_vars.items()):
                if re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", k):
                    f.write(f"[ -n \"${{{k}+x}}\" ] || export {k}={shlex.quote(v)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

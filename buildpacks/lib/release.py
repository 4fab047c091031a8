"""The slug compiler's last step (called by bin/build): reads what each buildpack's bin/release
printed and the app's Procfile, prints the "Discovering process types" lines, and writes the merged
process types as JSON.

    release.py --procfile FILE --types-out FILE [--info-out FILE] [--description TEXT]
               [--profile-dir DIR] RELEASE_OUTPUT...

Rules (Heroku's): default_process_types and addons come from the last buildpack's release output;
the Procfile overrides the defaults key by key. config_vars (a legacy key) from every buildpack, later
ones winning, become defaults in DIR/00_config_vars.sh: a config var of the app still wins.
Exit 1 with a ` !     ` message on a Procfile or YAML it cannot accept.
"""
import argparse
import json
import re
import shlex
import sys

TYPE = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
PROCFILE_LINE = re.compile(r"^([A-Za-z0-9_-]+)[ \t]*:[ \t]*(.*)$")


class Refused(Exception):
    pass


# --- a small YAML reader for what bin/release prints -------------------------------------------
# Block mappings and lists by indentation, flow {..} and [..], plain and quoted scalars: the shapes
# buildpacks print. PyYAML is used instead when it is installed.

def strip_comment(line):
    quote = None
    for i, c in enumerate(line):
        if quote:
            if c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i]
    return line


class Flow:
    def __init__(self, text):
        self.s, self.i = text, 0

    def ws(self):
        while self.i < len(self.s) and self.s[self.i] in " \t":
            self.i += 1

    def value(self, stops):
        self.ws()
        c = self.s[self.i] if self.i < len(self.s) else ""
        if c == "{":
            return self.mapping()
        if c == "[":
            return self.sequence()
        if c in "'\"":
            return self.quoted()
        start = self.i
        while self.i < len(self.s) and self.s[self.i] not in stops:
            if self.s[self.i] == ":" and ":" in stops and (self.i + 1 == len(self.s) or self.s[self.i + 1] in " \t"):
                break
            self.i += 1
        return plain(self.s[start:self.i].strip())

    def quoted(self):
        q = self.s[self.i]
        self.i += 1
        out = []
        while self.i < len(self.s):
            c = self.s[self.i]
            if q == "'" and c == "'" and self.s[self.i + 1:self.i + 2] == "'":
                out.append("'")
                self.i += 2
                continue
            if c == q:
                self.i += 1
                return "".join(out)
            if q == '"' and c == "\\" and self.i + 1 < len(self.s):
                nxt = self.s[self.i + 1]
                out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/"}.get(nxt, "\\" + nxt))
                self.i += 2
                continue
            out.append(c)
            self.i += 1
        raise Refused("an unterminated quoted string")

    def expect(self, c):
        self.ws()
        if self.i >= len(self.s) or self.s[self.i] != c:
            raise Refused(f"expected '{c}' in: {self.s.strip()}")
        self.i += 1

    def mapping(self):
        self.expect("{")
        out = {}
        self.ws()
        if self.s[self.i:self.i + 1] == "}":
            self.i += 1
            return out
        while True:
            key = self.value(",}:")
            self.expect(":")
            out[str(key)] = self.value(",}")
            self.ws()
            if self.s[self.i:self.i + 1] == ",":
                self.i += 1
                continue
            self.expect("}")
            return out

    def sequence(self):
        self.expect("[")
        out = []
        self.ws()
        if self.s[self.i:self.i + 1] == "]":
            self.i += 1
            return out
        while True:
            out.append(self.value(",]"))
            self.ws()
            if self.s[self.i:self.i + 1] == ",":
                self.i += 1
                continue
            self.expect("]")
            return out

    def whole(self):
        v = self.value("")
        self.ws()
        if self.i != len(self.s):
            raise Refused(f"unexpected text after a value: {self.s.strip()}")
        return v


def plain(text):
    return None if text in ("", "~", "null", "Null", "NULL") else text


def split_key(content):
    if content[:1] in "'\"":
        f = Flow(content)
        key = f.quoted()
        rest = content[f.i:].lstrip()
        if not rest.startswith(":"):
            raise Refused(f"expected 'key: value', got: {content}")
        return key, rest[1:].strip()
    m = re.match(r"^([^:]+?)\s*:(?:\s+(.*)|$)", content)
    if not m:
        raise Refused(f"expected 'key: value', got: {content}")
    return m.group(1), (m.group(2) or "").strip()


def mini_yaml(text):
    lines = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = strip_comment(raw).rstrip()
        if not line.strip() or line.strip() in ("---", "..."):
            continue
        if line.lstrip().startswith(("|", ">")) or re.search(r":\s+[|>][-+]?$", line):
            raise Refused("block scalars (| and >) are not supported in release output")
        lines.append((len(line) - len(line.lstrip(" ")), line.strip()))
    pos = [0]

    def block(indent):
        if pos[0] >= len(lines):
            return None
        if lines[pos[0]][1].startswith("- ") or lines[pos[0]][1] == "-":
            out = []
            while pos[0] < len(lines) and lines[pos[0]][0] == indent and lines[pos[0]][1][:1] == "-":
                item = lines[pos[0]][1][1:].strip()
                pos[0] += 1
                out.append(Flow(item).whole() if item else nested(indent))
            return out
        out = {}
        while pos[0] < len(lines) and lines[pos[0]][0] == indent:
            key, rest = split_key(lines[pos[0]][1])
            pos[0] += 1
            out[key] = Flow(rest).whole() if rest else nested(indent)
        return out

    def nested(indent):
        if pos[0] < len(lines) and lines[pos[0]][0] > indent:
            return block(lines[pos[0]][0])
        if pos[0] < len(lines) and lines[pos[0]][0] == indent and lines[pos[0]][1][:1] == "-":
            return block(indent)  # a list under a key at the key's own indentation
        return None

    if not lines:
        return {}
    result = block(lines[0][0])
    if pos[0] != len(lines):
        raise Refused(f"unexpected indentation at: {lines[pos[0]][1]}")
    return result


def read_yaml(text):
    try:
        import yaml  # noqa: PLC0415 (optional)
        return yaml.safe_load(text) or {}
    except ImportError:
        return mini_yaml(text) or {}


# --- Procfile ----------------------------------------------------------------------------------

def read_procfile(path):
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
        if not TYPE.match(str(k)) or not isinstance(v, (str, int, float)) or not str(v).strip():
            raise Refused(f"{what}: bad default process type '{k}'")
        out[str(k)] = str(v)
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
                doc = read_yaml(text) if text.strip() else {}
            except Refused as e:
                raise Refused(f"bin/release of buildpack {i} printed YAML that cannot be read: {e}")
            except Exception as e:  # PyYAML's own errors
                raise Refused(f"bin/release of buildpack {i} printed YAML that cannot be read: {e}")
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

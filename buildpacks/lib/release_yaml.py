"""Reads the YAML a buildpack's bin/release prints, with Python's standard library alone.

This is the one reader of that YAML. bin/build runs it in the build image and, in the build service's
tests, on the developer's machine, where PyYAML may be missing: one reader means one meaning in both
places (docs/buildpacks.md, "What bin/release may print"). It reads the shapes buildpacks print:

- block mappings and block lists by indentation (spaces); a list may sit at its key's indentation;
- flow mappings {..} and lists [..] on one line, or a whole document in flow style (JSON) over lines;
- plain, 'single-quoted' and "double-quoted" scalars; # comments; one leading --- (also `--- {}`).

Every scalar is text: `web: 1.0` is "1.0" and `on: yes` is {"on": "yes"} (YAML 1.1 would make a
number and booleans of them); empty, ~ and null are None. A plain value may contain ": ", as commands
do (YAML refuses that). load() raises YamlError, naming the line, on what it does not read: block
scalars (| and >), tabs in indentation, anchors, aliases and tags, mappings inside block lists, a
second document, a line it cannot place.
"""
import re

NULLS = ("", "~", "null", "Null", "NULL")
# YAML reserves these at the start of a plain scalar: anchors, aliases, tags, directives.
RESERVED = "&*!%@`"
ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
           "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\"}
HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}
BLOCK_KEY = re.compile(r"^([^:]+?)\s*:(?:\s+(.*)|$)")


class YamlError(Exception):
    pass


def load(text):
    """The document in text: a dict, list, str or None."""
    lines = _lines(text)
    try:
        if not lines:
            return None
        n, _, first = lines[0]
        if first[:1] in "{[":
            return _Flow(" ".join(content for _, _, content in lines), f"line {n}").whole()
        return _Block(lines).document()
    except RecursionError:
        raise YamlError("the document is nested too deeply") from None


def _lines(text):
    """(line number, indentation, content) of each line that holds something, comments removed."""
    out = []
    started = ended = flow = False
    depth = 0  # flow collections still open at the end of the previous line
    for n, raw in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        line, depth = strip_comment(raw, depth)
        line = line.rstrip()
        content = line.strip()
        if not content:
            continue
        if ended:
            raise YamlError(f"line {n}: text after the end of the document (...)")
        if content == "...":
            ended = True
            continue
        if content == "---" or content.startswith("--- "):
            if started or out:
                raise YamlError(f"line {n}: a second YAML document (---); print one")
            started = True
            content = content[3:].strip()
            if not content:
                continue
            line = content
        if content.startswith("%"):
            raise YamlError(f"line {n}: directives (%) are not supported in release output")
        flow = flow or (not out and content[:1] in "{[")
        indentation = line[:len(line) - len(line.lstrip(" \t"))]
        if not flow and "\t" in indentation:
            raise YamlError(f"line {n}: a tab in the indentation (YAML indents with spaces)")
        if not flow and (content.startswith(("|", ">")) or re.search(r"(:|^-)\s+[|>][-+0-9]*$", content)):
            raise YamlError(f"line {n}: block scalars (| and >) are not supported in release output")
        out.append((n, len(indentation), content))
    return out


def strip_comment(line, depth=0):
    """The line without its # comment, and how many flow collections are open at its end (depth: at
    its start). Quotes count only where a scalar may start (after `key: `, `- `, `,` in a flow
    collection), as in YAML: in `web: echo "a # b"` the comment starts at #."""
    quote = None
    start = True  # could a scalar start here?
    i = 0
    while i < len(line):
        c = line[i]
        nxt = line[i + 1:i + 2]
        if quote:
            if quote == '"' and c == "\\":
                i += 2
                continue
            if c == quote:
                if quote == "'" and nxt == "'":
                    i += 2
                    continue
                quote = None
        elif c == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i], depth
        elif c in " \t":
            pass
        elif start and c in "'\"":
            quote = c
            start = False
        elif (start or depth) and c in "[{":
            depth += 1
            start = True
        elif depth and c in "]}":
            depth -= 1
            start = False
        elif depth and c == ",":
            start = True
        elif c in ":-?" and nxt in ("", " ", "\t") and (c == ":" or start):
            start = True
        else:
            start = False
        i += 1
    return line, depth


class _Block:
    """Block mappings and lists over the prepared lines, by indentation."""

    def __init__(self, lines):
        self.lines, self.pos = lines, 0

    def document(self):
        value = self.block(self.lines[0][1])
        if self.pos != len(self.lines):
            n, _, content = self.lines[self.pos]
            raise YamlError(f"line {n}: unexpected indentation at: {content}")
        return value

    def at(self, indent, item):
        """Is the next line at this indentation, and a list item (item=True) or not?"""
        if self.pos >= len(self.lines):
            return False
        _, ind, content = self.lines[self.pos]
        return ind == indent and (content == "-" or content.startswith("- ")) == item

    def block(self, indent):
        if self.at(indent, item=True):
            out = []
            while self.at(indent, item=True):
                n, _, content = self.lines[self.pos]
                self.pos += 1
                item = content[1:].strip()
                if item[:1] not in "'\"[{" and BLOCK_KEY.match(item):
                    raise YamlError(f"line {n}: mappings inside a list are not supported: {content}")
                out.append(_Flow(item, f"line {n}").whole() if item else self.nested(indent))
            return out
        out = {}
        while self.at(indent, item=False):
            n, _, content = self.lines[self.pos]
            self.pos += 1
            key, rest = split_key(content, f"line {n}")
            out[key] = _Flow(rest, f"line {n}").whole() if rest else self.nested(indent)
        return out

    def nested(self, indent):
        if self.pos < len(self.lines) and self.lines[self.pos][1] > indent:
            return self.block(self.lines[self.pos][1])
        if self.at(indent, item=True):
            return self.block(indent)  # a list under a key at the key's own indentation
        return None


def split_key(content, where):
    """`key: rest` -> (key, rest); the key may be quoted."""
    if content[:1] in "'\"":
        f = _Flow(content, where)
        key = f.quoted()
        rest = content[f.i:].lstrip()
        if not rest.startswith(":"):
            raise YamlError(f"{where}: expected 'key: value', got: {content}")
        return key, rest[1:].strip()
    m = BLOCK_KEY.match(content)
    if not m:
        raise YamlError(f"{where}: expected 'key: value', got: {content}")
    if content[:1] in RESERVED:
        raise YamlError(f"{where}: anchors, aliases, tags and directives ({RESERVED}) are not supported: {content}")
    return m.group(1), (m.group(2) or "").strip()


class _Flow:
    """One value written on a line: {..}, [..], a quoted scalar, or a plain one."""

    def __init__(self, text, where):
        self.s, self.i, self.where = text, 0, where

    def fail(self, what):
        raise YamlError(f"{self.where}: {what}")

    def ws(self):
        while self.i < len(self.s) and self.s[self.i] in " \t":
            self.i += 1

    def whole(self):
        v = self.value("")
        self.ws()
        if self.i != len(self.s):
            self.fail(f"unexpected text after a value: {self.s[self.i:].strip()}")
        return v

    def value(self, stops):
        self.ws()
        c = self.s[self.i:self.i + 1]
        if c == "{":
            return self.collection("{", "}", {})
        if c == "[":
            return self.collection("[", "]", [])
        if c and c in "'\"":
            return self.quoted()
        if c and c in RESERVED:
            self.fail(f"anchors, aliases, tags and directives ({RESERVED}) are not supported: {self.s.strip()}")
        start = self.i
        while self.i < len(self.s) and self.s[self.i] not in stops:
            # In a flow mapping, ": " ends a key; "a:b" stays one scalar (fixture-addon:free).
            if self.s[self.i] == ":" and ":" in stops and self.s[self.i + 1:self.i + 2] in ("", " ", "\t"):
                break
            self.i += 1
        text = self.s[start:self.i].strip()
        return None if text in NULLS else text

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
                # JSON writes a character beyond U+FFFF as two \u escapes (a surrogate pair);
                # a lone one becomes U+FFFD.
                return "".join(out).encode("utf-16", "surrogatepass").decode("utf-16", "replace")
            if q == '"' and c == "\\" and self.i + 1 < len(self.s):
                nxt = self.s[self.i + 1]
                if nxt in HEX_ESCAPES:
                    digits = self.s[self.i + 2:self.i + 2 + HEX_ESCAPES[nxt]]
                    if not re.fullmatch(r"[0-9A-Fa-f]{%d}" % HEX_ESCAPES[nxt], digits):
                        self.fail(f"a bad escape \\{nxt}{digits} in a double-quoted string")
                    out.append(chr(int(digits, 16)))
                    self.i += 2 + len(digits)
                    continue
                if nxt not in ESCAPES:
                    self.fail(f"an unknown escape \\{nxt} in a double-quoted string")
                out.append(ESCAPES[nxt])
                self.i += 2
                continue
            out.append(c)
            self.i += 1
        self.fail("an unterminated quoted string (a quoted string must end on its line)")

    def expect(self, c):
        self.ws()
        if self.s[self.i:self.i + 1] != c:
            self.fail(f"expected '{c}' in: {self.s.strip()}")
        self.i += 1

    def collection(self, open_, close, out):
        self.expect(open_)
        self.ws()
        if self.s[self.i:self.i + 1] == close:
            self.i += 1
            return out
        stops = ",:" + close if open_ == "{" else "," + close
        while True:
            if open_ == "{":
                key = self.value(stops)
                if isinstance(key, (dict, list)):
                    self.fail(f"a key must be a scalar, in: {self.s.strip()}")
                self.expect(":")
                out["" if key is None else key] = self.value("," + close)
            else:
                out.append(self.value(stops))
            self.ws()
            if self.s[self.i:self.i + 1] == ",":
                self.i += 1
                continue
            self.expect(close)
            return out

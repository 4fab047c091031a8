"""Prints the default packages of a Pipfile.lock as requirements.txt lines (pipenv is not on the stack)."""
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    lock = json.load(f)
for name, spec in sorted(lock.get("default", {}).items()):
    if not isinstance(spec, dict):
        continue
    extras = "[" + ",".join(spec["extras"]) + "]" if spec.get("extras") else ""
    if "git" in spec:
        ref = "@" + spec["ref"] if spec.get("ref") else ""
        line = f"{name}{extras} @ git+{spec['git']}{ref}"
    elif "file" in spec or "path" in spec:
        line = spec.get("file") or spec.get("path")
    else:
        line = f"{name}{extras}{spec.get('version', '')}"
    if spec.get("markers"):
        line += f" ; {spec['markers']}"
    print(line)

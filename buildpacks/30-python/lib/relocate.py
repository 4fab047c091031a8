"""Rewrites BUILD_DIR to /app in the text files of a virtualenv (script shebangs, activate scripts,
.pth files, direct_url.json), so a venv built elsewhere works where the slug runs."""
import os
import re
import sys

venv, build_dir, app_dir = sys.argv[1:4]
pattern = re.compile(re.escape(build_dir.encode()) + rb"(?=[/\s\"':]|$)", re.M)
changed = 0
for root, dirs, files in os.walk(venv):
    dirs[:] = [d for d in dirs if d != "__pycache__"]
    for name in files:
        path = os.path.join(root, name)
        if os.path.islink(path):
            continue
        with open(path, "rb") as f:
            data = f.read()
        if b"\0" in data[:8192] or build_dir.encode() not in data:
            continue
        with open(path, "wb") as f:
            f.write(pattern.sub(app_dir.encode(), data))
        changed += 1
print(changed)

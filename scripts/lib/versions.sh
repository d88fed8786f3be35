#!/usr/bin/env bash
# The versions of moto and the aws CLI the project is tested with, from scripts/requirements.txt. Source it; it
# defines functions only.

# One warning line on stderr for each tool in scripts/requirements.txt whose installed version differs (or that is
# missing); never fails: another version may well work, but it is not what the tests ran on.
warn_on_untested_versions() {
    local requirements aws_version
    requirements="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/requirements.txt"
    aws_version="$(aws --version 2>&1 || true)"
    python3 - "${requirements}" "${aws_version}" <<'PY' || true
import importlib.metadata as metadata, re, sys
requirements, aws_version = sys.argv[1], sys.argv[2]
for line in open(requirements):
    pin = re.match(r"\s*([A-Za-z0-9_.-]+)(\[[^]]*\])?==(\S+)", line.split("#")[0])
    if not pin:
        continue
    name, tested = pin.group(1), pin.group(3)
    if name == "awscli":
        # the aws on PATH, whichever Python (or none, for v2) runs it
        found = re.search(r"aws-cli/(\S+)", aws_version)
        installed = found.group(1) if found else None
    else:
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = None
    if installed != tested:
        print(f"warning: {name} {installed or 'is not installed'}; the project is tested with {tested}."
              " To match: python3 -m pip install -r scripts/requirements.txt", file=sys.stderr)
PY
}

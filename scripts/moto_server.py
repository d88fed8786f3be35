#!/usr/bin/env python3
"""moto_server, with one defect of moto 5.2 mended; takes moto_server's arguments.

    scripts/moto_server.py -H 127.0.0.1 -p 5000

moto hands every record put to a Kinesis stream to the functions mapped to the stream, which it would run in
Docker. A published version is a copy of the function that lacks the copy's Docker client attribute (its
__getstate__ leaves it out), so when the mapping invokes a version or an alias (deploy.sh maps the alias `live`),
the hand-off raises AttributeError and PutRecord(s) answer HTTP 500 after storing the record: the producer's
retries then store it again. A class-level default lets the copy look for Docker as the function itself does;
with no Docker engine that fails, quietly as moto intends, and the put succeeds. The local runner, not moto,
plays the event source mapping.
"""
import sys

from moto.utilities.docker_utilities import DockerModel

DockerModel._DockerModel__docker_client = None

from moto.server import main  # noqa: E402 (after the mend, as the server imports the models)

if __name__ == "__main__":
    sys.exit(main())

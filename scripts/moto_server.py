#!/usr/bin/env python3
"""moto's server with its own hand-off of stream records to mapped functions turned off; takes moto_server's
arguments.

    python3 scripts/moto_server.py -H 127.0.0.1 -p 5000

On every Kinesis record put to a stream that an event source mapping reads, and on every item written to a table
whose stream one reads, moto 5 hands the records to the mapped function at once, which it would run in Docker.
Lambda does nothing of the kind: its mappings poll the stream, in batches, and here scripts/run-local.sh plays
them. moto's hand-off only costs: a Docker attempt and an "error running docker" line per record put; an HTTP 500
from PutRecord(s), after the record is stored, when the mapping invokes a version or an alias (deploy.sh maps the
alias `live`; a published version lacks the Docker client attribute), so the producer's retries store it again;
and for a table stream, a successful hand-off deletes the records from the stream before a poller reads them.

So LambdaBackend.send_kinesis_message and send_dynamodb_items (moto/awslambda/models.py, called from
moto/kinesis/models.py Stream.put_record and moto/dynamodb/models/table.py StreamShard.add) become no-ops. A
DynamoDB hand-off that returns nothing leaves the stream's records in place, as moto does when no function is
mapped. Tested with the moto of scripts/requirements.txt.
"""
import sys

from moto.awslambda.models import LambdaBackend


def _no_hand_off(*_args, **_kwargs):
    """The event source mapping is played by the local runner, as Lambda polls: moto hands nothing over."""
    return None


LambdaBackend.send_kinesis_message = _no_hand_off
LambdaBackend.send_dynamodb_items = _no_hand_off

from moto.server import main  # noqa: E402 (after the mend, as the server imports the models)

if __name__ == "__main__":
    sys.exit(main())

"""Compares what the producer made with what SensorData holds, reading for reading, value for value.

Used by scripts/demo.sh and scripts/soak.sh (PYTHONPATH=scripts/lib).
"""
import json
from decimal import Decimal


def expected_readings(path):
    """The producer's --dry-run output (JSON lines), keyed by (sensor_id, current_time)."""
    expected = {}
    with open(path) as lines:
        for line in lines:
            reading = json.loads(line, parse_float=Decimal)
            expected[(reading["sensor_id"], int(reading["current_time"]))] = reading
    return expected


def stored_items(path):
    """The items of an `aws dynamodb scan --output json`, keyed by (SensorId, CurrentTime)."""
    with open(path) as scan:
        items = json.load(scan)["Items"]
    return {(item["SensorId"]["S"], int(item["CurrentTime"]["N"])): item for item in items}


def _same(reading, item):
    return (Decimal(item["Temperature"]["N"]) == Decimal(str(reading["temperature"]))
            and ("humidity" in reading) == ("Humidity" in item)
            and ("humidity" not in reading
                 or Decimal(item["Humidity"]["N"]) == Decimal(str(reading["humidity"]))))


def lost_readings(expected, stored):
    """Keys of readings missing from the table, or stored with other values."""
    return [key for key, reading in expected.items() if key not in stored or not _same(reading, stored[key])]


def stored_count(expected, stored):
    """How many of the expected readings have an item."""
    return sum(1 for key in expected if key in stored)


# The demo's and the soak's second fleet, whose readings travel in KPL-aggregated records.
AGGREGATED_FLEET_PREFIX = "gateway-"


def by_fleet(expected, count):
    """'(N one per record, M KPL-aggregated)': count applied to each fleet's share of the expected readings."""
    aggregated = {key: reading for key, reading in expected.items() if key[0].startswith(AGGREGATED_FLEET_PREFIX)}
    plain = {key: reading for key, reading in expected.items() if key not in aggregated}
    return f"({count(plain)} one per record, {count(aggregated)} KPL-aggregated)"

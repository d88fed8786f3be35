#!/usr/bin/env python3
"""Writes the test payloads: Kinesis events exactly as Lambda delivers them to the function.

Run from anywhere: python3 test-payloads/generate.py. The output is deterministic, so the files only change when
this script does. Each record's data is base64, as in Lambda's event; the function's runtime decodes it.

aggregated.json is not made here but by the producer, whose KPL aggregated records it holds (10 records of 20
readings each), deterministically too; rebuild the producer, then from the checkout's root:

    java -jar producer/target/sensor-producer.jar -n 7 -c 200 --humidity --seed 1 \
        --start-time 2025-11-29T00:00:00Z --aggregate --aggregate-max-bytes 2048 \
        --events-out test-payloads/aggregated.json
"""
import base64
import json
import pathlib
import random

HERE = pathlib.Path(__file__).resolve().parent
REGION = "us-east-1"
ACCOUNT = "123456789012"
STREAM_ARN = f"arn:aws:kinesis:{REGION}:{ACCOUNT}:stream/temperature-sensor-data"
ROLE_ARN = f"arn:aws:iam::{ACCOUNT}:role/sensor-ingest-role"
SHARD = "shardId-000000000000"
FIRST_SEQUENCE = 49656138346014374315573628195263025741183727427425746946


def record(data: bytes, partition_key: str, index: int, arrival: float) -> dict:
    sequence = str(FIRST_SEQUENCE + index * 4294967296)
    return {
        "kinesis": {
            "kinesisSchemaVersion": "1.0",
            "partitionKey": partition_key,
            "sequenceNumber": sequence,
            "data": base64.b64encode(data).decode("ascii"),
            "approximateArrivalTimestamp": arrival,
        },
        "eventSource": "aws:kinesis",
        "eventVersion": "1.0",
        "eventID": f"{SHARD}:{sequence}",
        "eventName": "aws:kinesis:record",
        "invokeIdentityArn": ROLE_ARN,
        "awsRegion": REGION,
        "eventSourceARN": STREAM_ARN,
    }


def reading(sensor: str, time: int, temperature: str, humidity: str | None = None) -> bytes:
    # Numbers are written as text so the payload holds exactly the digits meant.
    text = f'{{"sensor_id":"{sensor}","current_time":{time},"temperature":{temperature}'
    if humidity is not None:
        text += f',"humidity":{humidity}'
    return (text + "}").encode("utf-8")


def event(datas: list[tuple[bytes, str]], start: float = 1764400000.0) -> dict:
    return {"Records": [record(d, key, i, round(start + i * 0.01, 3)) for i, (d, key) in enumerate(datas)]}


def write(name: str, payload: dict) -> None:
    (HERE / name).write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


def book_single_record() -> dict:
    # The book's payload: sensor-1 at 123456789, 99.9 degrees, its data ending in a newline.
    data = b'{"sensor_id":"sensor-1","current_time":123456789,"temperature":99.9}\n'
    return event([(data, "sensor-1")], start=1428537600.0)


def batch_of_100() -> dict:
    rng = random.Random(100)
    datas = []
    for i in range(100):
        sensor = f"sensor-{i % 5 + 1}"
        temperature = f"{rng.uniform(60, 90):.1f}"
        datas.append((reading(sensor, 1764400000 + i // 5, temperature), sensor))
    return event(datas)


def with_humidity() -> dict:
    datas = [
        (reading("sensor-1", 1764400000, "73.2", "41.5"), "sensor-1"),
        (reading("sensor-2", 1764400000, "68.0", "0"), "sensor-2"),
        (reading("sensor-3", 1764400000, "-4.25", "100"), "sensor-3"),
        (reading("sensor-1", 1764400001, "73.3"), "sensor-1"),
    ]
    return event(datas)


BAD_RECORDS = [
    (b"\xff\xfe not utf-8", "not UTF-8"),
    (b"this is not json", "not JSON"),
    (b"[1, 2, 3]", "not an object"),
    (b'{"current_time":1764400000,"temperature":70}', "missing sensor_id"),
    (b'{"sensor_id":"sensor-1","temperature":70}', "missing current_time"),
    (b'{"sensor_id":"sensor-1","current_time":1764400000}', "missing temperature"),
    (b'{"sensor_id":"sensor-1","current_time":"yesterday","temperature":70}', "mistyped current_time"),
    (b'{"sensor_id":"sensor-1","current_time":1764400000,"temperature":"warm"}', "mistyped temperature"),
    (b'{"sensor_id":"","current_time":1764400000,"temperature":70}', "empty sensor_id"),
    (('{"sensor_id":"' + "x" * 2049 + '","current_time":1764400000,"temperature":70}').encode(), "oversized sensor_id"),
    (b'{"sensor_id":"sensor-1","current_time":1764400000,"temperature":NaN}', "not finite"),
    (b'{"sensor_id":"sensor-1","current_time":1764400000,"temperature":1e400}', "outside DynamoDB's range"),
    (b'{"sensor_id":"sensor-1","current_time":-1,"temperature":70}', "negative time"),
    (b'{"sensor_id":"sensor-1","current_time":1764400000,"temperature":70,"humidity":101}', "humidity > 100"),
    (b"", "empty"),
]


def mixed_bad_and_good() -> dict:
    datas = []
    good = 0
    for i, (bad, _label) in enumerate(BAD_RECORDS):
        datas.append((reading("sensor-9", 1764400000 + good, "70.5"), "sensor-9"))
        good += 1
        datas.append((bad, f"bad-{i}"))
    # The same key twice: the later record (72.0) must win.
    datas.append((reading("sensor-9", 1764400000, "72.0"), "sensor-9"))
    return event(datas)


if __name__ == "__main__":
    write("book-single-record.json", book_single_record())
    write("batch-100.json", batch_of_100())
    write("with-humidity.json", with_humidity())
    write("mixed-bad-and-good.json", mixed_bad_and_good())

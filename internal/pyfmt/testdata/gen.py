"""Writes pyfmt.json: Python 3's answers for the pyfmt tests.

Run from this directory: python3 gen.py > pyfmt.json
"""
import json
import random
import struct
from datetime import date, datetime, time, timedelta
from decimal import Decimal

rng = random.Random(4)

floats = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.675, 1e16, 1e15, 9999999999999998.0,
          123456789012345678.0, 1e-4, 1e-5, 0.0001234, 0.00001234, 1e22, 1e100, 1e-100,
          5e-324, 1.7976931348623157e308, 3.141592653589793, 100.0, 1234.5678, 1e-7,
          -2.5e-10, 12345678901234567890.0, 0.3, 1/3, 2/3, 1e308, 4.35, 123456789.0]
for _ in range(150):
    bits = rng.getrandbits(64)
    f = struct.unpack("<d", struct.pack("<Q", bits))[0]
    if f != f or f in (float("inf"), float("-inf")):
        continue
    floats.append(f)
for _ in range(100):
    floats.append(round(rng.uniform(-1e6, 1e6), rng.randint(0, 8)))
    floats.append(rng.uniform(-1, 1) * 10 ** rng.randint(-20, 25))

decimals = ["0", "-0", "1", "-1", "1.50", "0.00", "1E+3", "1e3", "1E-3", "0E-7", "0E+7",
            "0.000001", "0.0000001", "0.00000001", "123.456", "1E+1", "10", "100E-2",
            "1.000E+5", "-1.23E-10", "12345678901234567890.123456789", "5E-6", "5E-7",
            "0.0000012", "-0.00000012", "1E+100", "1E-100", "123E+2", "123E-2", "123E-9",
            "4.2E+0", "0.1", ".5", "5.", "1_000", "-0E-3", "9" * 40, "0." + "0" * 30 + "1"]
for _ in range(100):
    digits = str(rng.randint(0, 10 ** rng.randint(1, 25)))
    decimals.append(("-" if rng.random() < .3 else "") + digits + "E" + str(rng.randint(-30, 30)))

durations = [0, 1, -1, 10 ** 6, -10 ** 6, 86400 * 10 ** 6, -86400 * 10 ** 6, 86400 * 10 ** 6 + 1,
             2 * 86400 * 10 ** 6, 3723 * 10 ** 6 + 500000, -(3723 * 10 ** 6 + 500000),
             10 ** 6 * 86399 + 999999, 9223372036854775]  # Go's largest Duration in µs
for _ in range(80):
    durations.append(rng.randint(-10 ** 12, 10 ** 12))
    durations.append(rng.randint(-10 ** 15, 10 ** 15))

strings = ["", "a", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\tnl\nret\r",
           "\x00\x01\x1f\x7f", "ünïcödé", "\u00a0nbsp", "emoji 😀", "\x80\x9f", "\u2028", "\ufeff",
           "\u200b", "\U000e0001"]

times = [
    ("time", "12:34:56.000000"), ("time", "00:00:00.000000"), ("time", "23:59:59.123456"),
    ("time", "01:02:03.000100"),
    ("date", "2024-02-29"), ("date", "0001-01-01"), ("date", "9999-12-31"),
    ("datetime", "2024-02-29T12:34:56.000000"), ("datetime", "2024-02-29T00:00:00.000001"),
    ("datetime", "1999-12-31T23:59:59.999999"), ("datetime", "2000-01-01T00:00:01.000000"),
    ("datetime", "2022-08-03T00:00:00.000000"), ("datetime", "2022-08-03T10:30:00.000000"),
    ("time", "10:30:00.000000"), ("time", "10:30:00.000001"), ("time", "10:30:05.000000"),
]


def py_time(kind, s):
    if kind == "time":
        return time.fromisoformat(s)
    if kind == "date":
        return date.fromisoformat(s)
    return datetime.fromisoformat(s)


interp = []
params = {"s": "text", "n": 42, "neg": -7, "f": 2.5, "big": 12345678901234567890,
          "d": Decimal("3.70"), "dn": Decimal("-3.7"), "none": None, "t": True, "q": "it's",
          "e": "", "fl": 1e16, "huge": -1.5e20}
kinds = {k: type(v).__name__ for k, v in params.items()}
for fmt in ["plain", "100%%", "%(s)s", "%(n)d", "%(n)s", "%(neg)d", "%(f)s", "%(f)d", "%(d)s",
            "%(d)d", "%(dn)d", "%(none)s", "%(t)s", "%(t)d", "%(q)r", "%(s)r", "%(n)r", "%(d)r",
            "%(e)s|%(e)r", "%(big)d", "%(big)s", "%(fl)s", "%(fl)d", "%(huge)d", "%(huge)s", "%(f)f", "%(n)f", "%(d)f",
            "a %(s)s b %(n)d c %% d", "%(n)i", "Ensure %(limit_value)s" , "%%(s)s",
            "%(s)s%(s)s", "%(none)r", "%(t)r", "x%"]:
    try:
        interp.append({"format": fmt, "out": fmt % params})
    except (KeyError, ValueError, TypeError) as e:
        interp.append({"format": fmt, "error": type(e).__name__})

json.dump({
    "floats": [{"in": f.hex(), "repr": repr(f)} for f in floats],
    "decimals": [{"in": d, "str": str(Decimal(d.replace("_", ""))), "repr": repr(Decimal(d.replace("_", "")))} for d in decimals],
    "durations": [{"us": us, "str": str(timedelta(microseconds=us)), "repr": repr(timedelta(microseconds=us))} for us in durations],
    "strings": [{"in": s, "repr": repr(s)} for s in strings],
    "times": [{"kind": k, "in": s, "str": str(py_time(k, s)), "repr": repr(py_time(k, s))} for k, s in times],
    "interpolate": {"params": {k: (str(v) if isinstance(v, Decimal) or (isinstance(v, int) and not isinstance(v, bool) and abs(v) > 2**53) else v) for k, v in params.items()}, "kinds": kinds, "cases": interp},
}, __import__("sys").stdout, indent=1, ensure_ascii=True)

"""Writes dateparse.json: what django.utils.dateparse and
django.utils.duration make of generated inputs.

Run from this directory with the reference Django importable:
    PYTHONPATH=~/.cache/django-oracle/site python3 gen.py > dateparse.json
"""
import datetime
import json
import random
import sys

from django.conf import settings

settings.configure()
import django  # noqa: E402

django.setup()
from django.utils.dateparse import datetime_re, parse_datetime, parse_duration  # noqa: E402
from django.utils.duration import duration_string  # noqa: E402
from django.utils.timezone import get_fixed_timezone  # noqa: E402

rng = random.Random(5)


def regex_datetime(value):
    """parse_datetime without its first try, datetime.fromisoformat."""
    if match := datetime_re.match(value):
        kw = match.groupdict()
        kw["microsecond"] = kw["microsecond"] and kw["microsecond"].ljust(6, "0")
        tzinfo = kw.pop("tzinfo")
        if tzinfo == "Z":
            tzinfo = datetime.timezone.utc
        elif tzinfo is not None:
            offset_mins = int(tzinfo[-2:]) if len(tzinfo) > 3 else 0
            offset = 60 * int(tzinfo[1:3]) + offset_mins
            if tzinfo[0] == "-":
                offset = -offset
            tzinfo = get_fixed_timezone(offset)
        kw = {k: int(v) for k, v in kw.items() if v is not None}
        return datetime.datetime(**kw, tzinfo=tzinfo)


def describe_dt(f, value):
    try:
        dt = f(value)
    except ValueError:
        return "error"
    if dt is None:
        return None
    off = dt.utcoffset()
    return {"wall": dt.replace(tzinfo=None).isoformat(timespec="microseconds"),
            "offset": None if off is None else off // datetime.timedelta(seconds=1),
            "offset_us": None if off is None else off // datetime.timedelta(microseconds=1)}


dt_inputs = ["2024-02-29 12:34", "2024-02-29T12:34:56", "2024-02-29T12:34:56.789",
             "2024-02-29T12:34:56,789", "2024-02-29T12:34:56.1234567", "2024-02-29T12:34:56.1234567890123",
             "2023-02-29T12:34", "2024-13-01T00:00", "2024-1-2 3:4", "2024-01-02 3:4:5", "2024-01-02T24:00",
             "2024-01-02T23:60", "2024-01-02T23:59:60", "2024-01-02T10:00Z", "2024-01-02T10:00 Z",
             "2024-01-02T10:00  +05:30", "2024-01-02T10:00+0530", "2024-01-02T10:00+05", "2024-01-02T10:00-05:30",
             "2024-01-02T10:00+23:59", "2024-01-02T10:00+24:00", "2024-01-02T10:00+99", "2024-01-02T10:00-00:00",
             "2024-01-02T10:00+05:99", "2024-01-02", "2024-01-02T10", "20240102T1000", "2024-01-02T10:00:00.5+05:30",
             "2024-01-02T10:00\n", "2024-01-02T10:00Z\n", "2024-01-02T10:00\t\n", "\n2024-01-02T10:00",
             "٢٠٢٤-٠١-٠٢T١٠:٠٠", "２０２４-01-02 10:00", "2024-01-02T10:00\u3000Z", "2024-01-02T10:00\x1cZ",
             "2024-01-02T10:00\u00a0+01:00", "2024-01-02x10:00", "2024-01-02T10:00Zjunk", "0000-01-01T00:00",
             "0001-01-01T00:00", "9999-12-31T23:59:59.999999", "2024-01-02 10:00:00.000000", "2024-01-02T1:2:3,4",
             "2024-W01-1T10:00", "2024-002T10:00", "2024-01-02T10:00:00.123+05:30:15", "2024-01-02 10:00:00 +0100",
             "12024-01-02T10:00", "2024-01-02T10:00:00.", "2024-01-02T10:00:", "", " ", "now"]
for _ in range(120):
    s = "%04d-%d-%02d%s%d:%02d" % (rng.randint(0, 9999), rng.randint(0, 13), rng.randint(0, 32),
                                    rng.choice("T "), rng.randint(0, 25), rng.randint(0, 61))
    if rng.random() < .6:
        s += ":%02d" % rng.randint(0, 61)
        if rng.random() < .5:
            s += rng.choice(".,") + str(rng.randint(0, 10 ** rng.randint(1, 9)))
    s += rng.choice(["", "Z", " Z", "+01:00", "-0930", "+14", "-23:59", "+25:00"])
    dt_inputs.append(s)


# datetime.fromisoformat, which parse_datetime tries first: its forms, and
# the quirks of CPython's C parser.
dt_inputs += [
    "2024-01-02", "20240102", "2024-W01", "2024W01", "2024-W01-1", "2024W011", "2024-W01-7", "2024-W01-0",
    "2024-W01-8", "2024-W00-1", "2024-W52-7", "2024-W53-1", "2004-W53-7", "2005-W53-1", "2020-W53-1",
    "2015-W53-7", "2016-W53-1", "0000-W01-1", "0000-W52-7", "0001-W01-1", "9999-W52-5", "9999-W52-6",
    "9999-W52-7", "2024-W01-1T10", "2024W011T10", "2024W01T10", "2024W0110", "2024W01101", "2024W011101",
    "2024W0110101", "2024-W01-10", "2024-W01-1010", "2024-W0110:00", "2024-W01T10:00", "2024-W01-", "2024-W0",
    "2024-W01-1x", "2024W01-1", "2024-W011", "2024-01-02T10", "2024-01-02T1", "2024-01-02T10:0",
    "2024-01-02T1000", "2024-01-02T100000", "2024-01-02T10:00:00", "2024-01-02T1000:00", "2024-01-02T10:0000",
    "2024-01-02T10101055", "2024-01-02T10:10:10:55", "2024-01-02T10:10:10:5", "2024-01-02T1010105",
    "2024-01-02T101010x", "2024-01-02T10.5", "2024-01-02T10,5", "2024-01-02T10:00.5", "2024-01-02T1000.5",
    "2024-01-02T10:00:00.5", "2024-01-02T10:00:00,5", "2024-01-02T10:00:00.", "2024-01-02T10:00:00.12",
    "2024-01-02T10:00:00.123456", "2024-01-02T10:00:00.1234567", "2024-01-02T10:00:00.999999999",
    "2024-01-02T10:00:00.12345678901234567890", "2024-01-02T10:00:00.12a", "2024-01-02T10:00:00.1234567x",
    "2024-01-02T10:00:00.1234567x+05:00", "2024-01-02T10:00x+05:00", "2024-01-02T10:00:+05",
    "2024-01-02T10:00:00.5Z", "2024-01-02T10Z", "2024-01-02T10+05", "2024-01-02T10-05", "2024-01-02T10:00+05",
    "2024-01-02T10:00+0530", "2024-01-02T10:00+05:30", "2024-01-02T10:00+053015", "2024-01-02T10:00+05:30:15",
    "2024-01-02T10:00+05:30:15.5", "2024-01-02T10:00+05:30:15.123456789", "2024-01-02T10:00+053015.5",
    "2024-01-02T10:00+05:3015", "2024-01-02T10:00+0530:15", "2024-01-02T10:00+5", "2024-01-02T10:00+053",
    "2024-01-02T10:00+05:", "2024-01-02T10:00+", "2024-01-02T10:00-", "2024-01-02T10:00Z ", "2024-01-02T10:00ZZ",
    "2024-01-02T10:00+00:00", "2024-01-02T10:00-00:00", "2024-01-02T10:00+00:00:00.5",
    "2024-01-02T10:00-00:00:00.5", "2024-01-02T10:00+00:00:01.5", "2024-01-02T10:00-00:00:01.5",
    "2024-01-02T10:00+23:59:59.999999", "2024-01-02T10:00-23:59:59.9999999", "2024-01-02T10:00+24:00",
    "2024-01-02T10:00-24:00", "2024-01-02T10:00+24", "2024-01-02T10:00+99", "2024-01-02T10:00+05:99",
    "2024-01-02T10:00+05:00:99", "2024-01-02T10:00+05:00:00:99", "2024-01-02T10:00+05:00Z",
    "2024-01-02T10:00Z\x00abc", "2024-01-02T10:00\x00", "2024-01-02T10:00\x00x", "2024-01-02T10\x00:00",
    "2024-01-02\x0010:00", "2024-01-02 10:00", "2024-01-02t10:00", "2024-01-02010:00", "2024-01-02-10:00",
    "2024-01-02+10:00", "2024-01-02Z10:00", "2024-01-02:10:00", "2024-01-02\u00e910:00", "2024-01-02\u300010:00",
    "2024-01-02\U0001F60010:00", "\u00e92024-01-02T10:00", "2024-01-02T\u00e9", "2024-01-02T10:00\u00e9",
    "2024-01-02T", "2024-01-02TT", "20240102T10", "20240102T1000", "20240102 100000.5+0100", "20240102T10:00",
    "2024-0102", "202401-02", "2024-1-02", "2024-01-2", "2024-01-02x", "2024-13-01", "2024-00-01", "2024-02-30",
    "2023-02-29", "2024-02-29", "0000-01-01", "0001-01-01", "9999-12-31", "9999-12-31T23:59:59.999999+01:00",
    "0001-01-01T00:00-01:00", "2024-01-02T24:00", "2024-01-02T23:60", "2024-01-02T23:59:60", "2024-01-02T-1:00",
    "2024-01-02T 10:00", "2024-01-02T10:00 ", " 2024-01-02T10:00", "2024-01-02T10 :00", "2024-01-02T10: 00",
    "+2024-01-02", "-2024-01-02", "2024-001", "2024001", "2024-01", "202401", "2024", "2024-1-2",
    "\uff12\uff10\uff12\uff14-01-02", "2024-\u0660\u0661-02", "2024-01-02T\u0661\u0660:00", "2024-01-02T10:00\n",
    "2024-01-02\n", "2024-01-02T10:00:00.123456789+05:30", "2024-01-02T10:00:00,123456789-05:30",
    "2024_01_02", "2024-01-02T10_00", "20240102T1_00", "2024-W01-1T10:00:00.5+05:30", "2024W011T100000Z",
]
# Its own generator, so that adding cases here leaves the others alone.
iso_rng = random.Random(7)
ALNUM = "0123456789-:.,+ZTW x\x00"
for _ in range(500):
    date = iso_rng.choice(["%04d-%02d-%02d", "%04d%02d%02d", "%04d-W%02d-%d", "%04dW%02d%d", "%04d-W%02d",
                       "%04dW%02d"])
    if "W" in date:
        vals = (iso_rng.randint(0, 10000), iso_rng.randint(0, 54), iso_rng.randint(0, 8))
    else:
        vals = (iso_rng.randint(0, 10000), iso_rng.randint(0, 13), iso_rng.randint(0, 32))
    s = date % vals[:date.count("%")]
    if iso_rng.random() < .85:
        s += iso_rng.choice("TT  t-x0\u00e9")
        clock = iso_rng.choice(["%02d", "%02d:%02d", "%02d%02d", "%02d:%02d:%02d", "%02d%02d%02d"])
        s += clock % tuple(iso_rng.randint(0, 61) for _ in range(clock.count("%")))
        if iso_rng.random() < .4:
            s += iso_rng.choice(".,") + "".join(iso_rng.choice("0123456789") for _ in range(iso_rng.randint(0, 12)))
        if iso_rng.random() < .6:
            tz = iso_rng.choice(["Z", "+%02d", "-%02d", "+%02d:%02d", "-%02d%02d", "+%02d:%02d:%02d",
                             "-%02d%02d%02d", "+%02d:%02d:%02d.%d"])
            s += tz % tuple(iso_rng.randint(0, 25) if i == 0 else iso_rng.randint(0, 99) for i in range(tz.count("%")))
    if iso_rng.random() < .35:
        # A mutation: one character replaced, dropped or inserted.
        i = iso_rng.randrange(len(s) + 1)
        op = iso_rng.random()
        if op < .4 and i < len(s):
            s = s[:i] + iso_rng.choice(ALNUM) + s[i + 1:]
        elif op < .7 and i < len(s):
            s = s[:i] + s[i + 1:]
        else:
            s = s[:i] + iso_rng.choice(ALNUM) + s[i:]
    dt_inputs.append(s)

du_inputs = ["0", "1", "30", "10:30", "1:2:3", "1:02:03.5", "1:02:03,25", "-1:02:03", "-30", "1 1:02:03",
             "1 day, 1:02:03", "2 days, 1:02:03", "-1 day, 23:59:59", "-1 days, 23:59:59", "4 days 0:15:30.1",
             "4 day 0:15:30", "1 days 10:11:12", "1 10:11:12.0000005", "1:2:3.1234567", "1:2:3.1234567890123",
             "15:30.1", "-15:30.1", "- 15:30", "100000000 00:00:00", "999999999 0:0:0", "1000000000 0:0:0",
             "-999999999 0:0:0", "106751 23:47:16.854775", "106752 0:0:0", "P4DT1H15M20S", "P4D", "PT5H",
             "PT5M", "PT5S", "PT0.5S", "PT0,5S", "-P4DT1H", "+P4DT1H", "P-4D", "PT-5S", "P", "PT", "P1.5D",
             "P0.000001D", "PT0.0000001S", "PT1.5H", "P1W", "P1Y", "PT36H", "3 days 04:05:06", "3 days 04:05:06.5",
             "-3 days -04:05:06", "3 days +04:05:06", "3 day 04:05:06", "3 days 4:05:06", "-04:05:06",
             "+04:05:06", "3 days", "3 day", "04:05:06.1234567", "", " ", "abc", "1:2:3\n", "10\n", "P4D\n",
             "١:٢:٣", "٣ days, ١:٠٢:٠٣", "1:2", "1:2:3:4", "1_0", "1.5", "1,5", "-0", "-0:0:0.1",
             "0:0:0.999999", "0:0:0.9999995", "1e3", "99999999999999999999", "P" + "9" * 20 + "D",
             "PT9999999999999S", "PT" + "9" * 20 + "H", "1 -1:00:00", "1 day, -1:00:00"]
for _ in range(120):
    kind = rng.random()
    if kind < .4:
        s = ""
        if rng.random() < .5:
            s = "%d %s" % (rng.randint(-400, 400), rng.choice(["", "day, ", "days, "]))
        s += rng.choice(["", "-"]) + "%d:%02d:%02d" % (rng.randint(0, 30), rng.randint(0, 99), rng.randint(0, 99))
        if rng.random() < .4:
            s += rng.choice(".,") + str(rng.randint(0, 10 ** rng.randint(1, 9)))
    elif kind < .7:
        s = rng.choice(["", "-", "+"]) + "P"
        if rng.random() < .6:
            s += "%s%sD" % (rng.randint(0, 500), rng.choice(["", ".5", ",25"]))
        if rng.random() < .7:
            s += "T"
            for u in "HMS":
                if rng.random() < .6:
                    s += "%d%s%s" % (rng.randint(0, 100), rng.choice(["", ".5", ".000001", ",75"]), u)
    else:
        s = ""
        if rng.random() < .7:
            s = "%d %s" % (rng.randint(-400, 400), rng.choice(["day ", "days ", "days", "day"]))
        s += rng.choice(["", "-", "+"]) + "%d:%02d:%02d" % (rng.randint(0, 99), rng.randint(0, 59), rng.randint(0, 59))
        if rng.random() < .4:
            s += "." + str(rng.randint(0, 10 ** rng.randint(1, 6)))
    du_inputs.append(s)

MAX_US = 2 ** 63 - 1
durations = []
for s in dict.fromkeys(du_inputs):
    try:
        td = parse_duration(s)
    except OverflowError:
        durations.append({"in": s, "result": "overflow"})
        continue
    if td is None:
        durations.append({"in": s, "result": None})
        continue
    us = td // datetime.timedelta(microseconds=1)
    durations.append({"in": s, "result": str(us), "string": duration_string(td)})

strings = []
for us in [0, 1, -1, 999999, 10 ** 6, -10 ** 6, 86400 * 10 ** 6, -86400 * 10 ** 6 + 1, 3723 * 10 ** 6 + 5,
           MAX_US // 1000, -(MAX_US // 1000)] + [rng.randint(-MAX_US // 1000, MAX_US // 1000) for _ in range(80)]:
    strings.append({"us": us, "string": duration_string(datetime.timedelta(microseconds=us))})

json.dump({
    "datetimes": [{"in": s, "regex": describe_dt(regex_datetime, s),
                   "isoformat": describe_dt(datetime.datetime.fromisoformat, s),
                   "django": describe_dt(parse_datetime, s)}
                  for s in dict.fromkeys(dt_inputs)],
    "durations": durations,
    "duration_strings": strings,
}, sys.stdout, indent=1, ensure_ascii=True)

"""Generate cases.json: validator inputs and what Django's validators say.

Run from the validators directory with the Django oracle on the path:

    PYTHONPATH=~/.cache/django-oracle/site python3 testdata/validators/gen_cases.py > testdata/validators/cases.json

Each case is {"validator": NAME, "args": {...}, "value": V, "expect": E}.
Arguments follow validators.ByName's conventions (a Decimal is a string,
a float is never whole). Values are JSON scalars and lists, or typed:
{"$float": "0.5"}, {"$decimal": "1.50"}, {"$date": "2022-08-03"},
{"$file": NAME} (an object with .name). E is null when the value is
valid, {"code", "message", "params"} for a ValidationError (params as
str()), or {"raises": "TypeError"} for another exception.
"""
import datetime
import json
import sys
import types
from decimal import Decimal

import django
from django.conf import settings

settings.configure(USE_I18N=False)
django.setup()

from django.core import validators as V  # noqa: E402
from django.core.exceptions import ValidationError  # noqa: E402


def enc_arg(v):
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, float):
        assert v != int(v), "a whole float argument would read as an int"
        return v
    if isinstance(v, datetime.date):
        return {"$date": v.isoformat()}
    return v


def enc_value(v):
    if isinstance(v, bool) or v is None or isinstance(v, (int, str)):
        return v
    if isinstance(v, float):
        return {"$float": repr(v)}
    if isinstance(v, Decimal):
        return {"$decimal": str(v)}
    if isinstance(v, datetime.date):
        return {"$date": v.isoformat()}
    if isinstance(v, list):
        return [enc_value(x) for x in v]
    if isinstance(v, types.SimpleNamespace):
        return {"$file": v.name}
    raise TypeError(type(v))


def build(name, args):
    obj = getattr(V, name)
    if isinstance(obj, type) or name == "int_list_validator":
        return obj(**args)
    assert not args
    return obj


def run(name, args, value):
    try:
        build(name, args)(value)
    except ValidationError as e:
        params = {k: str(p) for k, p in (e.params or {}).items()}
        return {"code": e.code, "message": e.messages[0], "params": params}
    except Exception as e:  # Django raising anything else
        return {"raises": type(e).__name__}
    return None


CASES = []


def add(name, args, *values):
    for value in values:
        CASES.append({
            "validator": name,
            "args": {k: enc_arg(v) for k, v in args.items()},
            "value": enc_value(value),
            "expect": run(name, args, value),
        })


D = Decimal
F = lambda n: types.SimpleNamespace(name=n)  # noqa: E731

# Limits.
add("MinValueValidator", {"limit_value": 10}, 9, 10, 11, 9.5, 10.0, D("9.99"), D("10"), -11)
add("MinValueValidator", {"limit_value": 2.5}, 2, 3, 2.5, D("2.4"), float("nan"))
add("MinValueValidator", {"limit_value": D("1.5")}, 1, 2, 1.4, D("1.50"), D("1.49"))
add("MinValueValidator", {"limit_value": 5, "message": "Too small: %(limit_value)s < %(show_value)s."}, 4)
add("MinValueValidator", {"limit_value": datetime.date(2022, 8, 3)},
    datetime.date(2022, 8, 2), datetime.date(2022, 8, 3))
add("MinValueValidator", {"limit_value": 10}, "abc")
add("MaxValueValidator", {"limit_value": 10}, 9, 10, 11, 10.5, D("10.01"), D("10.00"))
add("MaxValueValidator", {"limit_value": 0.1}, 0.1, 0.2, D("0.1"), D("0.1000000000000000055511151231257827"), 0)
add("MaxValueValidator", {"limit_value": D("99.99")}, D("100"), 99, 100)
add("MaxValueValidator", {"limit_value": datetime.date(2022, 8, 3)}, datetime.date(2022, 8, 4))
add("StepValueValidator", {"limit_value": 0.25}, 0.8, 0.75, 1.0, -0.5, 3, 0.7500000001)
add("StepValueValidator", {"limit_value": 3}, 9, 10, -9, 0, 9.0, 10.5, D("9"), D("9.5"))
add("StepValueValidator", {"limit_value": 0.1}, 0.3, 0.7, 1.05, 100000.1)
add("StepValueValidator", {"limit_value": 1.1}, 3.3, 3.4)
add("StepValueValidator", {"limit_value": D("0.1")}, D("0.3"), D("0.35"), D("-1.2"), 5, 0.3)
add("StepValueValidator", {"limit_value": D("0.25")}, 1, D("1.30"), D("1.50"), D("0"))
add("StepValueValidator", {"limit_value": 2, "message": "Use steps of %(limit_value)s."}, 3)
add("StepValueValidator", {"limit_value": 0}, 5)
add("MinLengthValidator", {"limit_value": 3}, "xy", "xyz", "héllo", "", [1, 2], [1, 2, 3])
add("MinLengthValidator", {"limit_value": 1}, "")
add("MinLengthValidator", {"limit_value": 3}, 5)
add("MinLengthValidator", {"limit_value": 2, "message": "%(show_value)d of %(limit_value)d"}, "a")
add("MaxLengthValidator", {"limit_value": 1}, "ab", "a", "é")
add("MaxLengthValidator", {"limit_value": 4}, "héllo", "日本語です", "日本語", [1, 2, 3, 4, 5])

# DecimalValidator.
add("DecimalValidator", {"max_digits": 5, "decimal_places": 2},
    D("123.45"), D("1234.5"), D("1.234"), D("123456"), D("0.00001"), D("-123.45"),
    D("0.00"), D("1E+5"), D("1E+2"), D("0E+9"), D("NaN"), D("Infinity"), D("-Infinity"), D("sNaN"))
add("DecimalValidator", {"max_digits": None, "decimal_places": 2}, D("123456789.12"), D("1.123"))
add("DecimalValidator", {"max_digits": 5, "decimal_places": None}, D("1.2345"), D("12345.6"))
add("DecimalValidator", {"max_digits": 1, "decimal_places": 0}, D("12"), D("1"), D("0.5"))
add("DecimalValidator", {"max_digits": 2, "decimal_places": 1}, D("1.23"), D("12.3"), D("1.2"))
add("DecimalValidator", {"max_digits": 3, "decimal_places": 2}, D("12.3"), D("1.23"))

# Regular expressions.
add("RegexValidator", {"regex": "^a"}, "abc", "bca", "", 123)
add("RegexValidator", {"regex": "^a", "inverse_match": True}, "abc", "bca")
add("RegexValidator", {"regex": "^A", "flags": 2}, "abc", "bcd")
add("RegexValidator", {"regex": "^b", "flags": 8}, "a\nb", "ab")
add("RegexValidator", {"regex": "a.b", "flags": 16}, "a\nb")
add("RegexValidator", {"regex": "a.b"}, "a\nb", "axb")
add("RegexValidator", {"regex": r"^\d+$"}, "123", "١٢٣", "12a", "123\n", 456)
add("RegexValidator", {"regex": r"^\w+\Z"}, "héllo", "a b", "日本", "a_1", "hello\n")
add("RegexValidator", {"regex": r"^\w+\Z", "flags": 256}, "héllo", "hello")
add("RegexValidator", {"regex": r"\s"}, "a b", "a\u00a0b", "a\u2003b", "ab", "a\x1cb")
add("RegexValidator", {"regex": r"^[^\d\s]+$"}, "abc", "a1", "a b", "a٣")
add("RegexValidator", {"regex": r"^[]a]+$"}, "]a]", "b")
add("RegexValidator", {"regex": r"^\x41\u00e9\0$"}, "Aé\x00", "Ae")
add("RegexValidator", {"regex": r"^(?i)abc$"}, "ABC")
add("RegexValidator", {"regex": r"^(?P<x>a|b)+(?#comment)c$"}, "abac", "abc", "ac", "c")
add("RegexValidator", {"regex": "^a", "message": "Start with a.", "code": "start"}, "xy")
add("RegexValidator", {"regex": "^[a-z]{2,3}$", "message": "Bad %(value)s"}, "abcd", "ab")
add("validate_slug", {}, "hello-world_1", "héllo", "a b", "", "a.b", "ABC")
add("validate_unicode_slug", {}, "héllo", "日本語", "a b", "a.b", "a-b_c", "٣")
add("validate_integer", {}, "123", "-123", "+1", "1.0", "١٢٣", "12\n", "", "- 1", 12)
add("validate_comma_separated_integer_list", {}, "1,2,3", "1,,2", "1, 2", "-1", "12")
add("int_list_validator", {"sep": ".", "allow_negative": True}, "1.-2.3", "1,2", "-1")
add("int_list_validator", {"message": "Digits!", "code": "digits"}, "a")

# IP addresses.
IPS = ["1.2.3.4", "01.2.3.4", "256.1.1.1", "1.2.3", "1.2.3.4 ", "١.2.3.4", "0.0.0.0",
       "1.2.3.04", "255.255.255.255", "1.2.3.4.5", "", "::1", "fe80::1%eth0", "fe80::1%",
       "2001:db8::", "::ffff:1.2.3.4", "1::2::3", "12345::", "::", ":1::", ":::",
       "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::", "::1:2:3:4:5:6:7",
       "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "g::1", "1:2:3:4:5:6:1.2.3.4",
       "::1.2.3.04", "1:2:3:4:5:6:7:1.2.3.4", "FE80::ABCD", "1:2:3:4:5:6:7:",
       ":2:3:4:5:6:7:8", "fe80::1%aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
       "1111:2222:3333:4444:5555:6666:7777:8888", "::ffff:255.255.255.255", "x"]
add("validate_ipv4_address", {}, *IPS)
add("validate_ipv6_address", {}, *IPS)
add("validate_ipv46_address", {}, *IPS)

# Email addresses.
add("EmailValidator", {},
    "user@example.com", "user@localhost", "user@[127.0.0.1]", "user@[::1]",
    "user@[256.1.1.1]", "user@[IPv6:::1]", "user@example", "user@-example.com",
    "user@example-.com", "user@example.c", "user@example.co-", "user@example.c0",
    '"quoted str"@example.com', '"a\\"b"@example.com', "a..b@example.com",
    ".a@example.com", "a.@example.com", "user@ëxample.com", "user@日本.jp",
    "user@xn--80ak6aa92e.com", "", "no-at", "a@b@example.com", "user@example..com",
    "a" * 64 + "@example.com", "a" * 308 + "@example.com", "a" * 309 + "@example.com",
    "user@exam_ple.com", "user@example.com.", "ſ@example.com", "\u212a@example.com",
    "üser@example.com", "user@" + "a" * 63 + ".com", "user@" + "a" * 64 + ".com",
    "user@EXAMPLE.COM", "user@مثال.إختبار", "user@a\u00adb.com", "user@a\u3002com",
    "user@xn--abc.com", "user@example.xn--p1ai", "user@example.123", "user@1.2.3.4",
    "user@[1.2.3.4", "user@localhost.", "user@Localhost", "us er@example.com",
    "user@.example.com", "user@example.com\n")
add("EmailValidator", {"allowlist": ["example"]}, "user@example", "user@localhost")
add("EmailValidator", {"message": "Bad mail.", "code": "mail"}, "nope")
add("validate_email", {}, "user@example.com", "user@example", None)

# URLs.
long_path = "http://example.com/" + "a" * (2048 - len("http://example.com/"))
long_host = "http://" + ".".join(["a" * 60] * 5) + ".com/"
URLS = [
    "http://www.djangoproject.com/", "http://localhost", "http://localhost:8000/path",
    "https://example.com:65535", "http://example.com:123456", "ftp://example.com",
    "ftps://example.com", "file://x", "HTTP://EXAMPLE.COM", "http://1.2.3.4",
    "http://256.1.1.1", "http://01.2.3.4", "http://[::1]:8080/", "http://[::zz]/",
    "http://[1.2.3.4]/", "http://[::1", "http://::1]", "http://例え.テスト/",
    "http://xn--example.com", "http://-example.com", "http://example-.com",
    "http://exa_mple.com", "http://user:pass@example.com", "http://user@example.com",
    "http://user:@example.com", "http://@example.com", "http://example.com/ spaces",
    "http://example.com\n", "http://example.com\t", "http://", "http://.com",
    "http://example.com.", "http://example", "http://a.b", "http://ab.cd",
    "//example.com", "example.com", long_path, long_path + "a", long_host,
    "http://" + "a" * 63 + ".com", "http://" + "a" * 64 + ".com",
    "http://例え.テスト:8000", "http://a\u2100c.com", "http://日本語.jp/path?q=1#frag",
    "http://مثال.إختبار", "http://xn--ggg.com", "http://[fe80::1%25en0]/",
    "http://[::ffff:1.2.3.4]", "http://[v1.fe]/", "http://example.com?q", "http://example.com#f",
    "http://example.com/p a", "http://exa mple.com", "http://a.b-.com", "http://a.-b.com",
    "http://a.b.c.d.e.f.example.museum", "http://1.1.1.1.1", "http://ex%41mple.com",
    "http://\u00e9.fr", "http://a\u00adb.com", "http://EXAMPLE.xn--P1AI", "http://a.xn--",
    "http://a.xn--p1ai-", 123, "http://0.0.0.0", "http://1.2.3.4:99999",
    "http://[2001:db8::1]:80/path", "http://[::1]x/", "http://a:b@[::1]/",
    "http://localhost.", "http://local-host", "https://测试.中国",
]
add("URLValidator", {}, *URLS)
add("URLValidator", {"schemes": ["git", "git+ssh"]}, "git://example.com", "git+ssh://example.com",
    "http://example.com")
add("URLValidator", {"message": "Bad URL.", "code": "url"}, "nope")

# The rest.
add("ProhibitNullCharactersValidator", {}, "abc", "a\x00b", 5, "")
add("ProhibitNullCharactersValidator", {"message": "No NUL.", "code": "nul"}, "\x00")
add("FileExtensionValidator", {"allowed_extensions": ["txt", "PDF"]},
    F("a.txt"), F("a.TXT"), F("a.pdf"), F("a.exe"), F("noext"), F("archive.tar.gz"),
    F(".bashrc"), F("dir.d/file"), F("a."), F("dir/a.txt/"), F("a..txt"), F(""))
add("FileExtensionValidator", {}, F("a.exe"))
add("FileExtensionValidator", {"allowed_extensions": []}, F("a.txt"))
add("FileExtensionValidator", {"allowed_extensions": ["png"], "message": "No %(extension)s.",
                               "code": "ext"}, F("a.gif"))

json.dump(CASES, sys.stdout, indent=1, ensure_ascii=False)
sys.stdout.write("\n")

#!/usr/bin/env python3
"""Clean the inputs of fields_cases.json's fields with the reference Django
and write the results to fields_clean.json, which fields_test.go checks
formwork's fields against.

usage: PYTHONPATH=~/.cache/django-oracle/site python3 gen_fields.py

Each field is named by a key; fields_test.go builds the same field under
the same key. A cleaned value is written as "type:str(value)" (a list as
"list:" and its items' forms, a JSON value as "json:" and its sorted dump),
so that Go can compare without a Python type system.
"""
import datetime
import decimal
import json
import os
import uuid

import django
from django.conf import settings

settings.configure(USE_I18N=True, USE_TZ=False, LANGUAGE_CODE="en-us",
                   INSTALLED_APPS=["django.forms"])
django.setup()

from django import forms  # noqa: E402
from django.core.exceptions import ValidationError  # noqa: E402

AB = [("a", "A"), ("b", "B")]
NUM = [("1", "One"), ("2", "Two")]

FIELDS = {
    "char": lambda: forms.CharField(),
    "char_opt": lambda: forms.CharField(required=False),
    "char_len": lambda: forms.CharField(min_length=2, max_length=5),
    "char_nostrip": lambda: forms.CharField(required=False, strip=False),
    "char_empty_none": lambda: forms.CharField(required=False, empty_value=None),
    "char_msgs": lambda: forms.CharField(max_length=3, error_messages={
        "required": "Say something.", "max_length": "At most %(limit_value)d, not %(show_value)d."}),
    "int": lambda: forms.IntegerField(),
    "int_opt": lambda: forms.IntegerField(required=False),
    "int_range": lambda: forms.IntegerField(min_value=1, max_value=10),
    "int_step": lambda: forms.IntegerField(step_size=5),
    "float": lambda: forms.FloatField(),
    "float_range": lambda: forms.FloatField(min_value=0.5, max_value=1.5),
    "decimal": lambda: forms.DecimalField(max_digits=5, decimal_places=2),
    "decimal_opt": lambda: forms.DecimalField(required=False),
    "bool": lambda: forms.BooleanField(),
    "bool_opt": lambda: forms.BooleanField(required=False),
    "nullbool": lambda: forms.NullBooleanField(),
    "choice": lambda: forms.ChoiceField(choices=AB),
    "choice_opt": lambda: forms.ChoiceField(choices=AB, required=False),
    "typed_choice": lambda: forms.TypedChoiceField(choices=NUM, coerce=int),
    "typed_choice_none": lambda: forms.TypedChoiceField(choices=NUM, coerce=int, required=False, empty_value=None),
    "multi": lambda: forms.MultipleChoiceField(choices=AB),
    "multi_opt": lambda: forms.MultipleChoiceField(choices=AB, required=False),
    "typed_multi": lambda: forms.TypedMultipleChoiceField(choices=NUM, coerce=int),
    "typed_multi_none": lambda: forms.TypedMultipleChoiceField(choices=NUM, coerce=int, required=False, empty_value=None),
    "email": lambda: forms.EmailField(),
    "url": lambda: forms.URLField(),
    "slug": lambda: forms.SlugField(),
    "slug_unicode": lambda: forms.SlugField(allow_unicode=True),
    "regex": lambda: forms.RegexField(r"^\d{3}$"),
    "uuid": lambda: forms.UUIDField(),
    "ip": lambda: forms.GenericIPAddressField(),
    "ipv4": lambda: forms.GenericIPAddressField(protocol="IPv4"),
    "ip_unpack": lambda: forms.GenericIPAddressField(unpack_ipv4=True),
    "json": lambda: forms.JSONField(),
    "json_opt": lambda: forms.JSONField(required=False),
    "date": lambda: forms.DateField(),
    "date_formats": lambda: forms.DateField(input_formats=["%d/%m/%Y"]),
    "time": lambda: forms.TimeField(),
    "datetime": lambda: forms.DateTimeField(),
    "duration": lambda: forms.DurationField(),
    "combo": lambda: forms.ComboField(fields=[forms.CharField(max_length=20), forms.EmailField()]),
    "split_datetime": lambda: forms.SplitDateTimeField(),
}

CASES = {
    "char": ["hello", "  hi  ", "", "   ", None, "a\x00b"],
    "char_opt": ["x", "", "  "],
    "char_len": ["abc", "a", "abcdef", "  ab  ", ""],
    "char_nostrip": ["  a  ", ""],
    "char_empty_none": ["", "z"],
    "char_msgs": ["", "abcd", "ab"],
    "int": ["42", " 7 ", "-3", "1.0", "1.5", "abc", "", "9999999999999999999999"],
    "int_opt": ["", "5"],
    "int_range": ["0", "1", "10", "11"],
    "int_step": ["10", "7"],
    "float": ["1.5", "1e3", "abc", "inf", "nan", ""],
    "float_range": ["0.4", "1", "1.6"],
    "decimal": ["1.50", "123.45", "1234.5", "1.234", "12345", "abc", "NaN", ""],
    "decimal_opt": ["", "-0.00"],
    "bool": ["on", "true", "false", "0", "", "False"],
    "bool_opt": ["", "false", "1"],
    "nullbool": ["true", "false", "2", "3", "", "unknown"],
    "choice": ["a", "c", ""],
    "choice_opt": ["", "b"],
    "typed_choice": ["1", "3", ""],
    "typed_choice_none": ["", "2"],
    "multi": [["a"], ["a", "b"], ["a", "c"], [], "a"],
    "multi_opt": [[]],
    "typed_multi": [["1", "2"], ["3"], []],
    "typed_multi_none": [[], ["2"], ["3"]],
    "email": ["a@example.com", " b@example.com ", "not-an-email", "a@b", ""],
    "url": ["http://example.com", "example.com", "http://", "ftp://example.com/x", "not a url", ""],
    "slug": ["a-slug_1", "not a slug", "héllo", ""],
    "slug_unicode": ["héllo", "a b"],
    "regex": ["123", "12", " 123 ", ""],
    "uuid": ["12345678-1234-5678-1234-567812345678", "12345678123456781234567812345678", "xyz", ""],
    "ip": ["127.0.0.1", "::1", "2001:0db8::0001", "1.2.3", ""],
    "ipv4": ["10.0.0.1", "::1"],
    "ip_unpack": ["::ffff:10.0.0.1"],
    "json": ['{"b": 1, "a": [true, null]}', "[1, 2]", '"x"', "3", "{bad", ""],
    "json_opt": ["", "null"],
    "date": ["2024-02-29", "2023-02-29", "10/25/2006", "10/25/06", "Oct 25 2006", "nope", ""],
    "date_formats": ["25/10/2006", "2006-10-25"],
    "time": ["13:30", "13:30:05", "13:30:05.000200", "25:00", ""],
    "datetime": ["2006-10-25 14:30:59", "2006-10-25T14:30", "2006-10-25", "10/25/2006 14:30", "nope", ""],
    "duration": ["1 02:03:04", "30", "P1DT2H", "-1:00:00", "xyz", "1000000000 00:00:00", ""],
    "combo": ["a@example.com", "not-an-email", "averyveryverylongname@example.com", ""],
    "split_datetime": [["2006-10-25", "14:30"], ["2006-10-25", ""], ["bad", "bad"], ["", ""], "x"],
}


def canon(v):
    if v is None:
        return "NoneType:None"
    if isinstance(v, bool):
        return "bool:%s" % v
    if isinstance(v, int):
        return "int:%d" % v
    if isinstance(v, float):
        return "float:%r" % v
    if isinstance(v, decimal.Decimal):
        return "Decimal:%s" % v
    if isinstance(v, datetime.datetime):
        return "datetime:%s" % v
    if isinstance(v, datetime.date):
        return "date:%s" % v
    if isinstance(v, datetime.time):
        return "time:%s" % v
    if isinstance(v, datetime.timedelta):
        return "timedelta:%s" % v
    if isinstance(v, uuid.UUID):
        return "UUID:%s" % v
    if isinstance(v, list):
        return "list:[" + ", ".join(canon(x) for x in v) + "]"
    if isinstance(v, str):
        return "str:" + v
    raise TypeError(type(v))


def clean(key, value):
    field = FIELDS[key]()
    try:
        got = field.clean(value)
    except ValidationError as e:
        return {"errors": [{"message": str(m), "code": x.code}
                           for m, x in zip(e.messages, e.error_list)]}
    if key.startswith("json") and got is not None:
        return {"value": "json:" + json.dumps(got, sort_keys=True)}
    return {"value": canon(got)}


def main():
    out = []
    for key, inputs in CASES.items():
        for value in inputs:
            row = {"field": key, "input": value}
            row.update(clean(key, value))
            out.append(row)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fields_clean.json")
    with open(path, "w") as f:
        json.dump({"reference": "Django " + django.get_version(), "cases": out}, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()

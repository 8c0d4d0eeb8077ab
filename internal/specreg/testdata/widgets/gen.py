#!/usr/bin/env python3
"""Writes cases.json: Django's rendering of each widget case, and its
value_from_datadict / value_omitted_from_data / id_for_label answers.

Also writes ../../internal/timefmt/testdata/strtime.json: Python's
strptime and (Django-sanitized) strftime of each layout case.

usage: PYTHONPATH=~/.cache/django-oracle/site python3 gen.py
"""
import datetime
import decimal
import json
import os

from django.conf import settings

settings.configure(
    USE_I18N=True, USE_TZ=False, LANGUAGE_CODE="en-us",
    INSTALLED_APPS=["django.forms"],
    TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True}],
    FORM_RENDERER="django.forms.renderers.DjangoTemplates",
)
import django  # noqa: E402

django.setup()
from django import forms  # noqa: E402
from django.http import QueryDict  # noqa: E402
from django.utils.datastructures import MultiValueDict  # noqa: E402


HERE = os.path.dirname(os.path.abspath(__file__))


def py(v):
    if isinstance(v, dict):
        if "$date" in v:
            return datetime.date.fromisoformat(v["$date"])
        if "$datetime" in v:
            return datetime.datetime.fromisoformat(v["$datetime"])
        if "$time" in v:
            return datetime.time.fromisoformat(v["$time"])
        if "$decimal" in v:
            return decimal.Decimal(v["$decimal"])
        if "$stored" in v:
            return Stored(v["$stored"])
    if isinstance(v, list):
        return [py(x) for x in v]
    return v


class Stored:
    """A stored file, as a FieldFile with a url."""

    def __init__(self, name):
        self.name = name
        self.url = "/media/" + name

    def __str__(self):
        return self.name


def choices_of(spec):
    return [(py(v), [tuple(py(x) for x in c) for c in l]) if isinstance(l, list) else (py(v), l) for v, l in spec]


def build(typ, spec):
    spec = dict(spec or {})
    cls = getattr(forms.widgets, typ)
    if "template_name" in spec:
        cls = type("Spec" + typ, (cls,), {"template_name": spec.pop("template_name")})
    if "widgets" in spec:
        spec["widgets"] = [build(w, None) if isinstance(w, str) else build(w["type"], {k: x for k, x in w.items() if k != "type"}) for w in spec["widgets"]]
    if "choices" in spec:
        spec["choices"] = choices_of(spec["choices"])
    return cls(**spec)


D = {"$date": "2022-08-03"}
DT = {"$datetime": "2022-08-03T10:30:05.123456"}
T = {"$time": "13:45:09"}
GROUPED = [["", "---"], ["Audio", [["vinyl", "Vinyl"], ["cd", "CD"]]], ["Video", [["vhs", "VHS"], ["dvd", "DVD"]]], ["unknown", "Unknown"]]
SIMPLE = [["a", "Apple"], ["b", "B & <b>"], [3, "Three"]]

# (id, type, spec, name, value, attrs, required, localized)
RENDER = [
    ("text_none", "TextInput", None, "f", None, None, False, False),
    ("text_value", "TextInput", None, "f", "a \"q\" & <b>", {"id": "id_f"}, False, False),
    ("text_empty", "TextInput", None, "f", "", None, False, False),
    ("text_attrs", "TextInput", {"attrs": {"class": "wide big", "placeholder": "Ann & Bob", "size": 10}}, "f", "x", {"required": True, "disabled": False, "autofocus": True}, True, False),
    ("text_type_attr", "TextInput", {"attrs": {"type": "search"}}, "f", "x", None, False, False),
    ("text_int", "TextInput", None, "f", 42, None, False, False),
    ("text_float", "TextInput", None, "f", 1.5, None, False, False),
    ("text_bool", "TextInput", None, "f", True, None, False, False),
    ("text_decimal", "TextInput", None, "f", {"$decimal": "1.50"}, None, False, False),
    ("text_decimal_loc", "TextInput", None, "f", {"$decimal": "1E+2"}, None, False, True),
    ("text_float_loc", "TextInput", None, "f", 1e16, None, False, True),
    ("text_date", "TextInput", None, "f", D, None, False, False),
    ("text_date_loc", "TextInput", None, "f", D, None, False, True),
    ("number", "NumberInput", {"attrs": {"step": "any", "min": 0}}, "n", 3, {"id": "id_n"}, True, False),
    ("email", "EmailInput", None, "e", "a@b.c", {"maxlength": 320}, False, False),
    ("url", "URLInput", None, "u", "http://x.test/?a=1&b=2", None, False, False),
    ("password", "PasswordInput", None, "p", "secret", {"id": "id_p"}, True, False),
    ("password_render", "PasswordInput", {"render_value": True}, "p", "secret", None, False, False),
    ("hidden", "HiddenInput", None, "h", "v", {"id": "id_h"}, True, False),
    ("multiple_hidden", "MultipleHiddenInput", None, "m", ["a", "b", 3], {"id": "id_m"}, False, False),
    ("multiple_hidden_noid", "MultipleHiddenInput", None, "m", ["a"], None, False, False),
    ("multiple_hidden_none", "MultipleHiddenInput", None, "m", None, None, False, False),
    ("file", "FileInput", None, "up", "ignored", {"id": "id_up"}, True, False),
    ("clearable_empty", "ClearableFileInput", None, "up", None, {"id": "id_up"}, False, False),
    ("clearable_initial", "ClearableFileInput", None, "up", {"$stored": "a&b.txt"}, {"id": "id_up"}, False, False),
    ("clearable_initial_required", "ClearableFileInput", None, "up", {"$stored": "a.txt"}, None, True, False),
    ("clearable_initial_disabled", "ClearableFileInput", None, "up", {"$stored": "a.txt"}, {"disabled": True}, False, False),
    ("textarea", "Textarea", None, "t", "line1\nline2 & <x>", {"id": "id_t"}, True, False),
    ("textarea_attrs", "Textarea", {"attrs": {"cols": 20, "rows": 3}}, "t", None, None, False, False),
    ("textarea_empty", "Textarea", None, "t", "", None, False, False),
    ("date_date", "DateInput", None, "d", D, {"id": "id_d"}, False, False),
    ("date_str", "DateInput", None, "d", "not a date", None, False, False),
    ("date_empty", "DateInput", None, "d", "", None, False, False),
    ("date_none", "DateInput", None, "d", None, None, False, False),
    ("date_format", "DateInput", {"format": "%d/%m/%Y"}, "d", D, None, False, False),
    ("date_type", "DateInput", {"attrs": {"type": "date"}}, "d", D, None, False, False),
    ("datetime", "DateTimeInput", None, "dt", DT, None, False, False),
    ("datetime_format", "DateTimeInput", {"format": "%b %d %Y %I:%M %p"}, "dt", DT, None, False, False),
    ("time", "TimeInput", None, "t", T, None, False, False),
    ("time_format", "TimeInput", {"format": "%H:%M"}, "t", T, None, False, False),
    ("checkbox_true", "CheckboxInput", None, "c", True, {"id": "id_c"}, True, False),
    ("checkbox_false", "CheckboxInput", None, "c", False, None, False, False),
    ("checkbox_str", "CheckboxInput", None, "c", "on", None, False, False),
    ("checkbox_empty", "CheckboxInput", None, "c", "", None, False, False),
    ("checkbox_zero", "CheckboxInput", None, "c", 0, None, False, False),
    ("select", "Select", {"choices": SIMPLE}, "s", "b", {"id": "id_s"}, True, False),
    ("select_int", "Select", {"choices": SIMPLE}, "s", 3, None, False, False),
    ("select_none", "Select", {"choices": SIMPLE}, "s", None, None, False, False),
    ("select_grouped", "Select", {"choices": GROUPED}, "s", "cd", {"id": "id_s"}, False, False),
    ("select_list_first_only", "Select", {"choices": SIMPLE}, "s", ["a", "b"], None, False, False),
    ("select_none_choice", "Select", {"choices": [[None, "none"], ["x", "X"]]}, "s", "", None, False, False),
    ("select_attrs", "Select", {"choices": SIMPLE, "attrs": {"class": "c"}}, "s", "a", {"id": "id_s", "required": True}, True, False),
    ("select_multiple", "SelectMultiple", {"choices": SIMPLE}, "s", ["a", 3], {"id": "id_s"}, False, False),
    ("select_multiple_none", "SelectMultiple", {"choices": GROUPED}, "s", None, None, False, False),
    ("nullboolean_none", "NullBooleanSelect", None, "nb", None, {"id": "id_nb"}, False, False),
    ("nullboolean_true", "NullBooleanSelect", None, "nb", True, None, False, False),
    ("nullboolean_false_str", "NullBooleanSelect", None, "nb", "false", None, False, False),
    ("radio", "RadioSelect", {"choices": SIMPLE}, "r", "a", {"id": "id_r"}, True, False),
    ("radio_noid", "RadioSelect", {"choices": SIMPLE}, "r", None, None, False, False),
    ("radio_grouped", "RadioSelect", {"choices": GROUPED, "attrs": {"class": "rad"}}, "r", "vhs", {"id": "id_r", "required": True}, True, False),
    ("checkboxes", "CheckboxSelectMultiple", {"choices": SIMPLE}, "cb", ["a", "3"], {"id": "id_cb"}, False, False),
    ("checkboxes_grouped", "CheckboxSelectMultiple", {"choices": GROUPED}, "cb", ["cd", "dvd", "unknown"], {"id": "id_cb"}, False, False),
    ("checkboxes_none", "CheckboxSelectMultiple", {"choices": SIMPLE}, "cb", None, None, False, False),
    ("multi", "MultiWidget", {"widgets": ["TextInput", {"type": "TextInput", "attrs": {"size": 7}}]}, "mw", ["a", "b"], {"id": "id_mw"}, False, False),
    ("multi_noid_short", "MultiWidget", {"widgets": ["TextInput", "NumberInput"]}, "mw", ["a"], None, False, False),
    ("multi_type", "MultiWidget", {"widgets": ["TextInput", "DateInput"]}, "mw", ["a", "b"], {"type": "hidden", "id": "x"}, False, False),
    ("splitdatetime", "SplitDateTimeWidget", None, "sdt", DT, {"id": "id_sdt"}, True, False),
    ("splitdatetime_none", "SplitDateTimeWidget", {"attrs": {"class": "s"}, "date_format": "%d/%m/%Y"}, "sdt", None, None, False, False),
    ("splitdatetime_list", "SplitDateTimeWidget", {"date_attrs": {"type": "date"}, "time_attrs": {"type": "time"}}, "sdt", ["2022-01-02", "10:00"], {"id": "i"}, False, False),
    ("splithidden", "SplitHiddenDateTimeWidget", None, "sdt", DT, {"id": "id_sdt"}, False, False),
    ("selectdate", "SelectDateWidget", {"years": [2020, 2021, 2022]}, "dob", D, {"id": "id_dob"}, False, False),
    ("selectdate_required", "SelectDateWidget", {"years": [2020, 2021, 2022]}, "dob", "2021-2-31", {"id": "id_dob"}, True, False),
    ("selectdate_zero", "SelectDateWidget", {"years": [2020], "empty_label": ["Y", "M", "D"]}, "dob", "0-3-0", None, False, False),
    ("selectdate_label", "SelectDateWidget", {"years": [2020], "empty_label": "pick"}, "dob", "2020-01-05", None, False, False),
    ("selectdate_none", "SelectDateWidget", {"years": [2020]}, "dob", None, None, False, False),
    ("template_override", "TextInput", {"template_name": "django/forms/widgets/hidden.html"}, "f", "x", None, False, False),
]

# (id, type, spec, required, data, files, name)
DATA = [
    ("text_missing", "TextInput", None, False, {}, {}, "f"),
    ("text_last", "TextInput", None, False, {"f": ["1", "2"]}, {}, "f"),
    ("checkbox_missing", "CheckboxInput", None, False, {}, {}, "c"),
    ("checkbox_true", "CheckboxInput", None, False, {"c": ["True"]}, {}, "c"),
    ("checkbox_false", "CheckboxInput", None, False, {"c": ["FALSE"]}, {}, "c"),
    ("checkbox_on", "CheckboxInput", None, False, {"c": ["on"]}, {}, "c"),
    ("checkbox_empty", "CheckboxInput", None, False, {"c": [""]}, {}, "c"),
    ("select_one", "Select", None, False, {"s": ["a", "b"]}, {}, "s"),
    ("select_missing", "Select", None, False, {}, {}, "s"),
    ("selectmultiple", "SelectMultiple", None, False, {"s": ["a", "b"]}, {}, "s"),
    ("selectmultiple_missing", "SelectMultiple", None, False, {}, {}, "s"),
    ("checkboxes_missing", "CheckboxSelectMultiple", None, False, {}, {}, "s"),
    ("radio", "RadioSelect", None, False, {"r": ["x"]}, {}, "r"),
    ("nullboolean_true", "NullBooleanSelect", None, False, {"nb": ["True"]}, {}, "nb"),
    ("nullboolean_false", "NullBooleanSelect", None, False, {"nb": ["false"]}, {}, "nb"),
    ("nullboolean_unknown", "NullBooleanSelect", None, False, {"nb": ["unknown"]}, {}, "nb"),
    ("nullboolean_missing", "NullBooleanSelect", None, False, {}, {}, "nb"),
    ("multiple_hidden", "MultipleHiddenInput", None, False, {"m": ["1", "2"]}, {}, "m"),
    ("multiple_hidden_missing", "MultipleHiddenInput", None, False, {}, {}, "m"),
    ("multi", "MultiWidget", {"widgets": ["TextInput", "TextInput"]}, False, {"mw_0": ["a"]}, {}, "mw"),
    ("multi_missing", "MultiWidget", {"widgets": ["TextInput", "CheckboxInput"]}, False, {}, {}, "mw"),
    ("splitdatetime", "SplitDateTimeWidget", None, False, {"s_0": ["2022-01-02"], "s_1": ["10:00"]}, {}, "s"),
    ("selectdate_valid", "SelectDateWidget", None, False, {"d_year": ["2021"], "d_month": ["2"], "d_day": ["3"]}, {}, "d"),
    ("selectdate_invalid", "SelectDateWidget", None, False, {"d_year": ["2021"], "d_month": ["2"], "d_day": ["31"]}, {}, "d"),
    ("selectdate_partial", "SelectDateWidget", None, False, {"d_year": [""], "d_month": ["2"], "d_day": [""]}, {}, "d"),
    ("selectdate_empty", "SelectDateWidget", None, False, {"d_year": [""], "d_month": [""], "d_day": [""]}, {}, "d"),
    ("selectdate_plain", "SelectDateWidget", None, False, {"d": ["2021-01-01"], "d_year": ["2021"]}, {}, "d"),
    ("selectdate_missing", "SelectDateWidget", None, False, {}, {}, "d"),
    ("file_missing", "FileInput", None, False, {}, {}, "up"),
    ("file_given", "FileInput", None, False, {}, {"up": "a.txt"}, "up"),
    ("clearable_clear", "ClearableFileInput", None, False, {"up-clear": ["on"]}, {}, "up"),
    ("clearable_clear_required", "ClearableFileInput", None, True, {"up-clear": ["on"]}, {}, "up"),
    ("clearable_contradiction", "ClearableFileInput", None, False, {"up-clear": ["on"]}, {"up": "a.txt"}, "up"),
    ("clearable_missing", "ClearableFileInput", None, False, {}, {}, "up"),
]

STRPTIME = [
    ("%Y-%m-%d", "2006-10-25"), ("%Y-%m-%d", "2006-1-5"), ("%Y-%m-%d", "06-10-25"),
    ("%Y-%m-%d", "2006-02-30"), ("%Y-%m-%d", "2006-10-25 "), ("%m/%d/%Y", "10/25/2006"),
    ("%m/%d/%y", "10/25/06"), ("%m/%d/%y", "10/25/69"), ("%m/%d/%y", "10/25/68"),
    ("%b %d %Y", "oct 25 2006"), ("%b %d %Y", "OCT  25   2006"), ("%b %d, %Y", "Oct 25, 2006"),
    ("%B %d %Y", "october 25 2006"), ("%B %d, %Y", "October 5, 2006"), ("%d %B %Y", "25 Sept 2006"),
    ("%d %b %Y", "25 May 2006"), ("%H:%M:%S", "14:30:59"), ("%H:%M:%S", "4:3:9"),
    ("%H:%M:%S.%f", "14:30:59.0002"), ("%H:%M:%S.%f", "14:30:59.1234567"), ("%H:%M", "24:00"),
    ("%Y-%m-%d %H:%M:%S", "2006-10-25 14:30:59"), ("%Y-%m-%d %H:%M", "2006-10-25  14:30"),
    ("%I:%M %p", "2:30 pm"), ("%I:%M %p", "12:30 AM"), ("%j %Y", "060 2024"), ("%d.%m.%Y", "25.10.2006"),
    ("%d.%m.%Y", "25x10x2006"), ("%Y-%m-%d", ""), ("%H:%M:%S", "14:30:60"), ("%Y", "0000"),
]
STRFTIME = [
    ("%Y-%m-%d %H:%M:%S.%f", "2006-10-05T04:03:02.000200"), ("%y %b %B %a %A %p %I %j", "2006-10-05T14:03:02"),
    ("%I %p", "2006-10-05T00:03:02"), ("%d/%m/%Y %%", "0999-01-02T00:00:00"),
]

LABEL_TYPES = ["TextInput", "Select", "SelectMultiple", "RadioSelect", "CheckboxSelectMultiple", "MultiWidget", "SelectDateWidget", "SplitDateTimeWidget", "Textarea", "CheckboxInput", "HiddenInput"]


def jsonable(v):
    if v is forms.widgets.FILE_INPUT_CONTRADICTION:
        return {"$contradiction": True}
    if isinstance(v, list):
        return [jsonable(x) for x in v]
    if hasattr(v, "read"):
        return {"$file": v.name}
    return v


def main():
    from django.core.files.uploadedfile import SimpleUploadedFile

    out = {"render": [], "data": [], "labels": []}
    for cid, typ, spec, name, value, attrs, required, localized in RENDER:
        w = build(typ, spec)
        w.is_required = required
        w.is_localized = localized
        # Asked before rendering: a MultiWidget given a "type" attribute
        # changes its parts for good when it renders.
        flags = {
            "use_required_attribute": w.use_required_attribute(None),
            "is_hidden": w.is_hidden,
            "use_fieldset": w.use_fieldset,
        }
        out["render"].append({
            **flags,
            "id": cid, "type": typ, "spec": spec, "name": name, "value": value,
            "attrs": attrs, "required": required, "localized": localized,
            "html": str(w.render(name, py(value), attrs)),
        })
    for cid, typ, spec, required, data, files, name in DATA:
        w = build(typ, spec)
        w.is_required = required
        qd = QueryDict(mutable=True)
        for k, vs in data.items():
            qd.setlist(k, vs)
        fd = MultiValueDict({k: [SimpleUploadedFile(v, b"x")] for k, v in files.items()})
        out["data"].append({
            "id": cid, "type": typ, "spec": spec, "required": required, "data": data,
            "files": files, "name": name,
            "value": jsonable(w.value_from_datadict(qd, fd, name)),
            "omitted": w.value_omitted_from_data(qd, fd, name),
        })
    for typ in LABEL_TYPES:
        spec = {"widgets": ["TextInput", "TextInput"]} if typ == "MultiWidget" else None
        w = build(typ, spec)
        out["labels"].append({"type": typ, "spec": spec, "id": "id_x", "label": w.id_for_label("id_x"), "empty": w.id_for_label("")})
    write(os.path.join(HERE, "cases.json"), out)
    from django.utils.formats import sanitize_strftime_format

    out = {"strptime": []}
    for layout, text in STRPTIME:
        try:
            got = datetime.datetime.strptime(text, layout).isoformat()
        except ValueError:
            got = None
        out["strptime"].append({"layout": layout, "text": text, "time": got})
    out["strftime"] = []
    for layout, iso in STRFTIME:
        out["strftime"].append({"layout": layout, "time": iso, "text": datetime.datetime.fromisoformat(iso).strftime(sanitize_strftime_format(layout))})
    write(os.path.join(HERE, "..", "..", "internal", "timefmt", "testdata", "strtime.json"), out)


def write(path, doc):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(doc, f, indent=1, sort_keys=True)
        f.write("\n")


main()

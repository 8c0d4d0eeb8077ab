"""Write formwork's own language cases (testdata/cases-extra/l10n_*.json).

Run by hand when the cases should change, then render their golden
results with the reference (never edit those by hand):

    PYTHONPATH=~/.cache/django-oracle/site python3 internal/i18ngen/langcases.py testdata/cases-extra
    python3 ../shared/tools/django-oracle/render.py --out testdata/golden-extra testdata/cases-extra/l10n_*.json

Every language of Django's LANGUAGES gets a bound case: counting messages
(min/max length, max digits, decimal places, whole digits) with counts
chosen per language to reach each of its plural forms across its cases,
a localized decimal and integer typed with the language's separators, a
date typed in the language's first input format, a time, the
NullBooleanSelect's texts. The languages of every plural family get
more counts, formsets counting too few and too many forms, and an unbound
case showing localized initial values (a float, a decimal, a date in a
DateInput, a SelectDateWidget in the language's order with its month
names, a split date and time).
"""
import datetime
import json
import os
import sys

import django
from django.conf import settings

settings.configure(USE_I18N=True, LANGUAGE_CODE="en-us", INSTALLED_APPS=[])
django.setup()

from django.conf import global_settings  # noqa: E402
from django.utils import formats, translation  # noqa: E402
from django.utils.translation import trans_real  # noqa: E402

# The plural families of the issue, and a few more, with counts that
# reach their forms (Arabic: 0 is not a length a field can exceed, so 1,
# 2, 3, 11, 100 and 102 cover its forms one to five).
FAMILIES = {
    "ar": [1, 2, 3, 11, 100, 102], "ar-dz": [2, 3, 11],
    "pl": [1, 2, 5, 22], "ru": [1, 3, 5, 21], "uk": [1, 2, 5, 11], "be": [1, 2, 5],
    "cs": [1, 3, 5], "sk": [1, 3, 5],
    "ga": [1, 2, 3, 7, 11], "cy": [1, 2, 3, 8, 11], "gd": [1, 2, 3, 11, 20],
    "ja": [1, 2], "zh-hans": [1, 3], "zh-hant": [2], "ko": [1, 4], "vi": [2], "th": [3],
    "ro": [1, 2, 20], "lt": [1, 2, 10, 11], "sl": [1, 2, 3, 5, 101], "lv": [1, 2, 10],
    "hsb": [1, 2, 3, 5], "dsb": [1, 2, 3, 5], "sr": [1, 2, 5], "sr-latn": [1, 2, 5],
    "hr": [1, 2, 5], "bs": [1, 3, 5], "mk": [1, 2], "he": [1, 2, 20], "fr": [1, 2],
    "pt-br": [1, 2], "br": [1, 2, 3, 5, 1000000 // 100000], "is": [1, 21],
}
UNBOUND = sorted(set(FAMILIES) | {"de", "es", "it", "nl", "tr", "fa", "ur", "ckb", "hi", "el", "hu", "fi", "en-gb", "en-au", "es-mx", "ka", "eu", "lt", "uz", "km"})
RENDERERS = ["ar", "de", "ja", "pl", "fr", "he"]
FORMSETS = ["ar", "pl", "ru", "uk", "cs", "ga", "cy", "ja", "ro", "lt", "sl", "sr-latn", "he", "fr", "de", "pt-br"]


def languages():
    for code, _ in global_settings.LANGUAGES:
        if trans_real.check_for_language(code):
            yield code


def fmt(lang, kind, value):
    with translation.override(lang):
        return value.strftime(formats.get_format(kind)[0])


def sep(lang):
    with translation.override(lang):
        return formats.get_format("DECIMAL_SEPARATOR")


def bound(lang, n, i):
    d = sep(lang)
    when = fmt(lang, "DATE_INPUT_FORMATS", datetime.date(2006, 10, 25))
    at = fmt(lang, "TIME_INPUT_FORMATS", datetime.time(14, 30))
    # n counts in every message: the name is one short of n+1 characters
    # (min_length n+1), the code n+1 long (max_length n), the decimal has
    # n+1 digits in all (max_digits n), n+1 decimal places, and so on.
    digits = "7" * (n + 1)
    return {
        "description": f"{lang}: counting messages for {n}, localized input typed the language's way",
        "language": lang,
        "renderer": "DjangoDivFormRenderer",
        "form": {"fields": [
            {"name": "name", "type": "CharField", "min_length": n + 1},
            {"name": "code", "type": "CharField", "max_length": n},
            {"name": "total", "type": "DecimalField", "localize": True, "max_digits": n},
            {"name": "cents", "type": "DecimalField", "localize": True, "decimal_places": n},
            {"name": "whole", "type": "DecimalField", "localize": True, "max_digits": n + 3, "decimal_places": 3},
            {"name": "price", "type": "DecimalField", "localize": True, "max_digits": 8, "decimal_places": 2},
            {"name": "qty", "type": "IntegerField", "localize": True, "max_value": 10},
            {"name": "ratio", "type": "FloatField", "localize": True},
            {"name": "when", "type": "DateField"},
            {"name": "at", "type": "TimeField"},
            {"name": "seen", "type": "DateTimeField", "required": False},
            {"name": "ok", "type": "NullBooleanField"},
        ]},
        "bind": {"data": {
            "name": "x" * n, "code": "y" * (n + 1),
            "total": digits, "cents": "0" + d + digits,
            "whole": "8" * (n + 1) + d + "5",
            "price": "1234" + d + "5", "qty": "12", "ratio": "-0" + d + "25",
            "when": when, "at": at, "seen": when + " " + at, "ok": "true",
        }},
        "outputs": ["as_div", "errors", "is_valid", "cleaned_data"],
    }


def valid(lang):
    d = sep(lang)
    when = fmt(lang, "DATE_INPUT_FORMATS", datetime.date(2006, 10, 25))
    at = fmt(lang, "TIME_INPUT_FORMATS", datetime.time(14, 30, 59))
    seen = fmt(lang, "DATETIME_INPUT_FORMATS", datetime.datetime(2006, 10, 25, 14, 30, 59))
    return {
        "description": f"{lang}: valid localized input cleaned, and shown again as typed",
        "language": lang,
        "renderer": "DjangoDivFormRenderer",
        "form": {"fields": [
            {"name": "price", "type": "DecimalField", "localize": True, "max_digits": 8, "decimal_places": 2},
            {"name": "ratio", "type": "FloatField", "localize": True},
            {"name": "qty", "type": "IntegerField", "localize": True},
            {"name": "when", "type": "DateField"},
            {"name": "at", "type": "TimeField"},
            {"name": "seen", "type": "DateTimeField"},
            {"name": "iso", "type": "DateField"},
            {"name": "born", "type": "DateField",
             "widget": {"type": "SelectDateWidget", "years": [2005, 2006]}},
            {"name": "split", "type": "SplitDateTimeField"},
        ]},
        "bind": {"data": {
            "price": "-1234" + d + "5", "ratio": "0" + d + "125", "qty": "42" + d + "0",
            "when": when, "at": at, "seen": seen, "iso": "2006-10-25",
            "born_day": "25", "born_month": "10", "born_year": "2006",
            "split_0": when, "split_1": at,
        }},
        "outputs": ["as_div", "is_valid", "cleaned_data", "changed_data"],
    }


def unbound(lang):
    return {
        "description": f"{lang}: initial values shown localized, SelectDateWidget in the language's order",
        "language": lang,
        "renderer": "DjangoDivFormRenderer",
        "form": {"fields": [
            {"name": "ratio", "type": "FloatField", "localize": True, "initial": 1234.5},
            {"name": "price", "type": "DecimalField", "localize": True, "initial": {"$decimal": "-0.50"}},
            {"name": "plain", "type": "DecimalField", "initial": {"$decimal": "2.25"}},
            {"name": "qty", "type": "IntegerField", "localize": True, "initial": 1234567},
            {"name": "when", "type": "DateField", "initial": {"$date": "2006-10-25"}},
            {"name": "typed", "type": "DateField", "initial": "2006-10-25"},
            {"name": "born", "type": "DateField", "required": False,
             "widget": {"type": "SelectDateWidget", "years": [2005, 2006]}, "initial": {"$date": "2006-10-25"}},
            {"name": "seen", "type": "SplitDateTimeField", "initial": {"$datetime": "2006-10-25T14:30:59"}},
            {"name": "at", "type": "TimeField", "initial": {"$time": "14:30:59"}},
            {"name": "cv", "type": "FileField", "required": False, "widget": "ClearableFileInput"},
            {"name": "ok", "type": "NullBooleanField", "initial": False},
        ]},
        "outputs": ["as_div"],
    }


def formset(lang, kind, n):
    forms_ = n + 1 if kind == "too_many" else n - 1
    data = {"form-TOTAL_FORMS": str(forms_), "form-INITIAL_FORMS": "0"}
    for i in range(forms_):
        data[f"form-{i}-item"] = f"i{i}"
    spec = {"extra": 0}
    if kind == "too_many":
        spec.update(max_num=n, validate_max=True)
    else:
        spec.update(min_num=n, validate_min=True)
    return {
        "description": f"{lang}: a formset with {forms_} forms, {kind.replace('_', ' ')} for {n}",
        "language": lang,
        "renderer": "DjangoDivFormRenderer",
        "form": {"fields": [{"name": "item", "type": "CharField"}]},
        "formset": spec,
        "bind": {"data": data},
        "outputs": ["is_valid", "non_form_errors"],
    }


def write(out, name, case):
    with open(os.path.join(out, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(case, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")


def slug(lang):
    return lang.replace("-", "_")


def main(out):
    for lang in languages():
        counts = FAMILIES.get(lang, [2])
        for i, n in enumerate(counts):
            write(out, f"l10n_{slug(lang)}_{n}", bound(lang, n, i))
        if lang in UNBOUND:
            write(out, f"l10n_unbound_{slug(lang)}", unbound(lang))
            write(out, f"l10n_valid_{slug(lang)}", valid(lang))
        if lang in RENDERERS:
            for r in ["Jinja2", "Jinja2DivFormRenderer", "DjangoTemplates"]:
                c = bound(lang, counts[-1], 0)
                c["renderer"] = r
                c["outputs"] = ["as_div", "as_p", "as_table", "as_ul", "errors_as_text"]
                c["description"] += f", rendered by {r}"
                write(out, f"l10n_{r.lower()}_{slug(lang)}", c)
                c = unbound(lang)
                c["renderer"] = r
                c["outputs"] = ["as_div", "as_p", "as_table", "as_ul"]
                c["description"] += f", rendered by {r}"
                write(out, f"l10n_{r.lower()}_unbound_{slug(lang)}", c)
        if lang in FORMSETS:
            for n in FAMILIES.get(lang, [2])[:4]:
                if n >= 2:
                    write(out, f"l10n_formset_{slug(lang)}_too_few_{n}", formset(lang, "too_few", n))
                write(out, f"l10n_formset_{slug(lang)}_too_many_{n}", formset(lang, "too_many", n))


if __name__ == "__main__":
    main(sys.argv[1])

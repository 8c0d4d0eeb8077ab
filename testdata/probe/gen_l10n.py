#!/usr/bin/env python3
"""Random cases of localized input and display: number, date and time
fields, localized or not, in a random language of Django's, bound with
values written the way that language writes them (its decimal and
thousands separators, its input formats) and the ways others do, and
unbound with typed initials that the language displays (make_case; run.sh
l10n)."""
import ast
import datetime
import os
import random

import gen_forms

rnd = None
LOCALE = os.path.join(gen_forms.ORACLE_HOME, "site", "django", "conf", "locale")


def formats(lang):
    """The assignments of the language's formats.py (its generic
    language's when it has none of its own), as literals."""
    code = lang.replace("-", "_")
    parts = code.split("_")
    if len(parts) > 1:
        code = parts[0] + "_" + parts[1].upper() if len(parts[1]) == 2 else parts[0] + "_" + parts[1].title()
    out = {}
    for d in (code.split("_")[0], code):
        p = os.path.join(LOCALE, d, "formats.py")
        if not os.path.exists(p):
            continue
        for node in ast.parse(open(p, encoding="utf-8").read()).body:
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                try:
                    out[node.targets[0].id] = ast.literal_eval(node.value)
                except ValueError:
                    pass
    return out


def number_texts(fm):
    dec = fm.get("DECIMAL_SEPARATOR", ".")
    th = fm.get("THOUSAND_SEPARATOR", ",")
    texts = [f"1{th}234{dec}5", f"1234{dec}5", f"12{th}345", f"-0{dec}25", f"1{th}234{th}567",
             "1.234,5", "1,234.5", "1 234,5", "1\u202f234,5", "1'234.5", "12.5", "12,5", "7", " 3 ", "", "x",
             f"{dec}5", f"5{dec}", "1e3", f"1{th}2{th}3"]
    return texts


def date_texts(fm, kind):
    d = datetime.datetime(2006, 10, 25, 14, 30, 59)
    key = {"date": "DATE_INPUT_FORMATS", "datetime": "DATETIME_INPUT_FORMATS", "time": "TIME_INPUT_FORMATS"}[kind]
    own = fm.get(key) or []
    texts = [d.strftime(f) for f in own[:3]]
    texts += {"date": ["2006-10-25", "10/25/2006", "25.10.2006", "25/10/2006", "2006-02-30", "", "x"],
              "datetime": ["2006-10-25 14:30", "10/25/2006 14:30:59", "25.10.2006 14:30", "2006-10-25", ""],
              "time": ["14:30", "14:30:59", "2:30 PM", "14.30", "25:00", ""]}[kind]
    return texts


def field(name, fm):
    r = rnd.random
    t = rnd.choice(["DecimalField", "FloatField", "IntegerField", "DateField", "DateTimeField", "TimeField",
                    "SplitDateTimeField", "DateSelect"])
    f = {"name": name, "type": t}
    if t == "DateSelect":
        f = {"name": name, "type": "DateField", "widget": {"type": "SelectDateWidget", "years": [2005, 2006, 2007]}}
        pool = None
    elif t in ("DecimalField", "FloatField", "IntegerField"):
        pool = number_texts(fm)
        if t == "DecimalField":
            if r() < 0.5: f["decimal_places"] = rnd.choice([1, 2])
            if r() < 0.3: f["max_digits"] = 6
            if r() < 0.3: f["initial"] = {"$decimal": rnd.choice(["1234.50", "-0.25", "1234567.891"])}
        elif r() < 0.3:
            f["initial"] = rnd.choice([1234, 0.25, 1234567.5]) if t == "FloatField" else rnd.choice([1234, 1234567])
        if r() < 0.3: f["widget"] = rnd.choice(["TextInput", "NumberInput"])
    elif t == "SplitDateTimeField":
        pool = None
        if r() < 0.4: f["initial"] = {"$datetime": "2006-10-25T14:30:00"}
    else:
        kind = {"DateField": "date", "DateTimeField": "datetime", "TimeField": "time"}[t]
        pool = date_texts(fm, kind)
        if r() < 0.4:
            f["initial"] = {"date": {"$date": "2006-10-25"}, "datetime": {"$datetime": "2006-10-25T14:30:59"},
                            "time": {"$time": "14:30:00"}}[kind]
        if r() < 0.2: f["widget"] = rnd.choice(["TextInput", {"type": {"date": "DateInput", "datetime": "DateTimeInput", "time": "TimeInput"}[kind], "format": {"date": "%d/%m/%Y", "datetime": "%Y-%m-%d %H:%M", "time": "%H:%M"}[kind]}])
    if r() < 0.6: f["localize"] = True
    if r() < 0.3: f["required"] = False
    return f, pool


def make_case(r_, i):
    global rnd
    rnd = r_
    lang = rnd.choice(gen_forms.LANGS + ["de-ch", "fr", "hi", "ar", "pl", "ru", "nb", "es-ar"])
    fm = formats(lang)
    fields, data = [], {}
    bound = rnd.random() < 0.75
    for k in range(rnd.randint(1, 3)):
        name = f"f{k}"
        f, pool = field(name, fm)
        fields.append(f)
        if not bound or rnd.random() < 0.1:
            continue
        if f["type"] == "SplitDateTimeField":
            data[name + "_0"] = rnd.choice(date_texts(fm, "date"))
            data[name + "_1"] = rnd.choice(date_texts(fm, "time"))
        elif isinstance(f.get("widget"), dict) and f["widget"]["type"] == "SelectDateWidget":
            data[name + "_year"] = rnd.choice(["2006", "", "2010"])
            data[name + "_month"] = rnd.choice(["10", "2", "", "13"])
            data[name + "_day"] = rnd.choice(["25", "30", ""])
        else:
            data[name] = rnd.choice(pool)
    c = {"form": {"fields": fields}, "language": lang, "renderer": rnd.choice(gen_forms.RENDERERS),
         "outputs": ["as_div", "is_valid", "errors", "cleaned_data", "has_changed", "changed_data", "bound_fields"]}
    if bound:
        c["bind"] = {"data": data}
    return c


if __name__ == "__main__":
    gen_forms.main("l10n", make_case)

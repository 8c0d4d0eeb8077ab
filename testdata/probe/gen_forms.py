#!/usr/bin/env python3
"""Random form cases: fields of every type with random options and data,
in Django's languages and the four renderers (make_case; run.sh forms)."""
import json, os, random, sys

rnd = None
ORACLE_HOME = os.environ.get("ORACLE_HOME", os.path.expanduser("~/.cache/django-oracle"))
LANGS = [l.replace("_", "-") for l in sorted(os.listdir(os.path.join(ORACLE_HOME, "site", "django", "conf", "locale")))
         if not l.startswith("_")]
RENDERERS = ["DjangoTemplates", "DjangoDivFormRenderer", "Jinja2", "Jinja2DivFormRenderer"]
OUTS = ["as_div", "as_p", "as_table", "as_ul", "is_valid", "errors", "cleaned_data",
        "bound_fields", "has_changed", "changed_data", "errors_as_text", "errors_as_ul", "non_field_errors", "hidden_fields", "media"]

NUMS = ["1", "-3", "0", "12.5", "1,5", "1.234,5", "1 234", "1e3", "", " 7 ", "99999999999999999999", "1.000", "٣", "+4", "abc", "0.001", "-0", "1_000", "1,234.56", "1\xa0234,5"]
DATES = ["2022-08-03", "03/08/2022", "08/03/2022", "3.8.2022", "2022-8-3", "03.08.22", "", "not a date", "2022-02-30", "10/25/06", "25/10/2006", "2006-10-25 14:30", "14:30", "14:30:59", "2:30 PM", "2006-10-25T14:30:00", "2006-10-25 14:30:59.000200", "9999-12-31", "0001-01-01"]
TEXT = ["hello", "", "  padded  ", "<b>x</b>", "a\"b'c&d", "ünïcødé", "x" * 30, "\t", "line1\r\nline2", "a@b.com", "http://example.com", "{\"a\": 1}", "[1, 2", "null", "on", "true", "False", "1", "2", "3", "abc-def", "::1", "192.168.0.1"]


def choices(k):
    base = [["1", "One"], ["2", "Two <&>"], ["3", "Three"], ["a", "Ä"], ["", "---"]]
    c = rnd.sample(base, k=min(k, len(base)))
    if rnd.random() < 0.2:
        c.append(["Group", [["g1", "G one"], ["g2", "G two"]]])
    return c


def common(f):
    r = rnd.random
    if r() < 0.3: f["required"] = False
    if r() < 0.2: f["label"] = rnd.choice(["Your name", "Ünïcode", "<em>x</em>", ""])
    if r() < 0.2: f["help_text"] = rnd.choice(["Help <b>me</b>", "Some help"])
    if r() < 0.1: f["disabled"] = True
    if r() < 0.15: f["localize"] = True
    if r() < 0.1: f["show_hidden_initial"] = True
    if r() < 0.1: f["label_suffix"] = rnd.choice(["", "?", " ->"])
    if r() < 0.1: f["error_messages"] = {"required": "Need it!", "invalid": "Bad %(value)s"}
    return f


def field(name):
    t = rnd.choice(["CharField", "IntegerField", "FloatField", "DecimalField", "BooleanField", "NullBooleanField",
                    "ChoiceField", "TypedChoiceField", "MultipleChoiceField", "TypedMultipleChoiceField",
                    "DateField", "DateTimeField", "TimeField", "DurationField", "EmailField", "URLField",
                    "SlugField", "RegexField", "UUIDField", "GenericIPAddressField", "JSONField", "SplitDateTimeField"])
    f = {"name": name, "type": t}
    r = rnd.random
    pool = TEXT
    if t == "CharField":
        if r() < 0.3: f["max_length"] = rnd.choice([3, 5, 10])
        if r() < 0.3: f["min_length"] = rnd.choice([1, 2, 4])
        if r() < 0.2: f["strip"] = False
        if r() < 0.2: f["widget"] = rnd.choice(["Textarea", "PasswordInput", "HiddenInput", {"type": "TextInput", "attrs": {"placeholder": "P", "class": "c"}}])
    elif t in ("IntegerField", "FloatField", "DecimalField"):
        pool = NUMS
        if t == "DecimalField":
            if r() < 0.6: f["max_digits"] = rnd.choice([3, 5, 8])
            if r() < 0.6: f["decimal_places"] = rnd.choice([0, 1, 2])
            if r() < 0.3: f["min_value"] = "0.5"
            if r() < 0.2: f["step_size"] = "0.25"
        else:
            if r() < 0.3: f["min_value"] = rnd.choice([0, -2])
            if r() < 0.3: f["max_value"] = rnd.choice([10, 100])
            if r() < 0.2: f["step_size"] = rnd.choice([2, 5]) if t == "IntegerField" else 0.5
        if r() < 0.2: f["widget"] = rnd.choice(["TextInput", "HiddenInput"])
    elif t in ("ChoiceField", "TypedChoiceField", "MultipleChoiceField", "TypedMultipleChoiceField"):
        f["choices"] = choices(rnd.randint(1, 5))
        pool = ["1", "2", "3", "a", "", "g1", "zz", "Ä"]
        if t.startswith("Typed"):
            f["coerce"] = rnd.choice(["int", "str", "float"])
            if r() < 0.3: f["empty_value"] = rnd.choice([None, "", -1])
        if "Multiple" in t:
            if r() < 0.4: f["widget"] = "CheckboxSelectMultiple"
        else:
            if r() < 0.4: f["widget"] = "RadioSelect"
    elif t in ("DateField", "DateTimeField", "TimeField", "DurationField", "SplitDateTimeField"):
        pool = DATES + ["1 day", "3 days, 2:00:00", "P1D", "-1:00:00", "10:30"]
        if t == "DateField" and r() < 0.2:
            f["widget"] = {"type": "SelectDateWidget", "years": [2021, 2022, 2023]}
        if t != "DurationField" and t != "SplitDateTimeField" and r() < 0.2:
            f["input_formats"] = rnd.choice([["%d/%m/%Y"], ["%Y-%m-%d %H:%M"], ["%H.%M"]])
    elif t in ("BooleanField", "NullBooleanField"):
        pool = ["on", "", "true", "false", "False", "0", "1", "2", "3", "unknown", "yes"]
        if t == "NullBooleanField" and r() < 0.3: f["widget"] = rnd.choice(["RadioSelect", "CheckboxInput"]) if False else "NullBooleanSelect"
    elif t == "RegexField":
        f["regex"] = rnd.choice(["^[a-z]+$", "\\d{3}", "^(?i)ab"])
        if f["regex"].startswith("^(?i)"): f["regex"] = "^[Aa][Bb]"
    elif t == "GenericIPAddressField":
        pool = ["1.2.3.4", "::ffff:10.0.0.1", "2001:db8::1", "1.2.3", "", "fe80::1%eth0", "01.02.03.04"]
        if r() < 0.3: f["protocol"] = rnd.choice(["ipv4", "ipv6", "both"])
    elif t == "URLField":
        pool = ["example.com", "http://x.com", "https://ü.com/p?q=1", "ftp://a.b", "not a url", "", "http://[::1]/", "//x.com"]
        if r() < 0.3: f["assume_scheme"] = "https" if False else None
        f.pop("assume_scheme", None)
    elif t == "UUIDField":
        pool = ["12345678-1234-5678-1234-567812345678", "1234", "", "{12345678-1234-5678-1234-567812345678}"]
    elif t == "JSONField":
        pool = ["{\"a\": 1}", "[1, 2", "null", "", "3.5", "\"s\"", "[]", "{\"é\": \"<\"}"]
    if r() < 0.25:
        f["initial"] = rnd.choice(pool) if t not in ("MultipleChoiceField", "TypedMultipleChoiceField") else [rnd.choice(pool)]
        if t in ("SplitDateTimeField", "DateTimeField"):
            f["initial"] = {"$datetime": "2022-08-03T10:30:00"}
        if t in ("TimeField",):
            f["initial"] = {"$time": "13:45:00"}
        if t in ("DurationField",):
            f["initial"] = {"$duration": 3600}
        if t in ("DateField",) and rnd.random() < 0.5:
            f["initial"] = {"$date": "2022-08-03"}
        if t in ("DecimalField",):
            f["initial"] = {"$decimal": "1.50"}
        if t in ("IntegerField", "FloatField") and rnd.random() < 0.5:
            f["initial"] = 3
        if t in ("BooleanField", "NullBooleanField"):
            f["initial"] = rnd.choice([True, False, None])
    common(f)
    return f, pool


def make_case(r_, i):
    global rnd
    rnd = r_
    nf = rnd.randint(1, 4)
    fields, data = [], {}
    bound = rnd.random() < 0.75
    for k in range(nf):
        f, pool = field(f"f{k}")
        fields.append(f)
        if bound and rnd.random() < 0.85:
            if f["type"] == "SplitDateTimeField":
                data[f"f{k}_0"] = rnd.choice(DATES)
                data[f"f{k}_1"] = rnd.choice(DATES)
            elif isinstance(f.get("widget"), dict) and f["widget"].get("type") == "SelectDateWidget":
                data[f"f{k}_year"] = rnd.choice(["2022", "", "1999", "x"])
                data[f"f{k}_month"] = rnd.choice(["2", "", "13"])
                data[f"f{k}_day"] = rnd.choice(["30", "1", ""])
            elif "Multiple" in f["type"]:
                data[f"f{k}"] = rnd.sample(pool, k=rnd.randint(0, 2))
            else:
                data[f"f{k}"] = rnd.choice(pool)
    form = {"fields": fields}
    r = rnd.random
    if r() < 0.2: form["prefix"] = "p"
    if r() < 0.1: form["auto_id"] = rnd.choice([False, "x_%s", "id_for_%s"])
    if r() < 0.1: form["label_suffix"] = rnd.choice(["", " =", "!"])
    if r() < 0.1: form["use_required_attribute"] = False
    if r() < 0.15: form["error_css_class"] = "err"
    if r() < 0.15: form["required_css_class"] = "req"
    if r() < 0.1 and form.get("use_required_attribute") is False: form["empty_permitted"] = True
    if bound and r() < 0.15:
        form["clean_errors"] = [{"field": None, "message": "Form-wide <problem>", "code": "x"}]
    if form.get("prefix"):
        data = {f"p-{k}": v for k, v in data.items()}
    c = {"form": form, "outputs": OUTS, "renderer": rnd.choice(RENDERERS)}
    if bound:
        c["bind"] = {"data": data}
    if r() < 0.5:
        c["language"] = rnd.choice(LANGS)
    return c


def main(kind, make):
    """Writes argv's N cases of make into OUT, named after kind and SEED."""
    out, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    os.makedirs(out, exist_ok=True)
    r = random.Random(seed)
    for i in range(n):
        with open(os.path.join(out, f"{kind}{seed}_{i:04d}.json"), "w") as fh:
            json.dump(make(r, i), fh, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main("forms", make_case)

#!/usr/bin/env python3
"""Random model-form cases: model fields of every type, a foreign key and a
many-to-many field to a Tag table, Meta options, new and edited rows."""
import json, os, random, sys
out, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(seed)
os.makedirs(out, exist_ok=True)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_forms import LANGS, RENDERERS  # noqa: E402
OUTS = ["as_div", "as_p", "as_table", "as_ul", "str", "is_valid", "errors", "errors_as_ul", "errors_as_text",
        "non_field_errors", "cleaned_data", "has_changed", "changed_data", "hidden_fields", "bound_fields", "db_after_save", "instance_pk"]

def mfield(name):
    t = rnd.choice(["CharField", "TextField", "EmailField", "SlugField", "URLField", "IntegerField", "SmallIntegerField",
                    "BigIntegerField", "PositiveIntegerField", "PositiveSmallIntegerField", "FloatField", "DecimalField",
                    "BooleanField", "DateField", "DateTimeField", "TimeField", "UUIDField", "JSONField", "ForeignKey", "ManyToManyField"])
    f = {"name": name, "type": t}
    r = rnd.random
    vals = ["x", "", "12", "-1", "abc", "2022-01-01", "a@b.com", "on", "1", "2", "99999999999999999999", "1.5", "{\"a\": 1}"]
    if t in ("CharField", "SlugField", "EmailField", "URLField"):
        f["max_length"] = rnd.choice([5, 20, 100])
        vals = ["x", "", "ok-slug", "a@b.com", "http://x.com", "toolongvaluehere", "dup"]
    if t == "DecimalField":
        f["max_digits"] = rnd.choice([4, 6]); f["decimal_places"] = rnd.choice([1, 2])
        vals = ["1.5", "12.345", "", "abc", "99999", "-0.5"]
    if t in ("ForeignKey", "ManyToManyField"):
        f["to"] = "Tag"
        vals = ["1", "2", "3", "9", "", "x"]
        if r() < 0.2: f["limit_choices_to"] = {"active": True}
    if t == "BooleanField":
        vals = ["on", "", "false"]
        if r() < 0.3: f["null"] = True; vals = ["true", "false", "unknown", ""]
    if t.startswith(("Date", "Time")):
        vals = ["2022-01-01", "2022-01-01 10:00", "10:30", "", "bad", "01/02/2022"]
    if t == "UUIDField":
        vals = ["12345678-1234-5678-1234-567812345678", "", "x"]
    if r() < 0.35 and t != "ManyToManyField":
        f["blank"] = True
        if t not in ("CharField", "TextField", "EmailField", "SlugField", "URLField", "BooleanField"): f["null"] = True
    if r() < 0.15 and t not in ("ManyToManyField", "JSONField", "BooleanField"): f["unique"] = True
    if r() < 0.15: f["verbose_name"] = rnd.choice(["nice name", "ünï"])
    if r() < 0.15: f["help_text"] = "help <b>text</b>"
    if r() < 0.1 and t in ("CharField", "IntegerField"):
        f["choices"] = [["1", "One"], ["2", "Two"]] if t == "CharField" else [[1, "One"], [2, "Two"]]
        vals = ["1", "2", "3", ""]
    if r() < 0.15 and t in ("IntegerField", "CharField", "BooleanField"):
        f["default"] = {"IntegerField": 7, "CharField": "dflt", "BooleanField": True}[t]
    if r() < 0.08: f["editable"] = False
    return f, vals


def case(i):
    tag = {"name": "Tag", "fields": [{"name": "label", "type": "CharField", "max_length": 20}, {"name": "active", "type": "BooleanField", "default": True}],
           "rows": [{"label": "go", "active": True}, {"label": "py", "active": False}, {"label": "rs", "active": True}], "str": "{label}"}
    if rnd.random() < 0.3: tag["ordering"] = ["-label"]
    fields, data = [], {}
    for k in range(rnd.randint(1, 4)):
        f, vals = mfield(f"m{k}")
        fields.append(f)
        if f["type"] == "ManyToManyField":
            data[f["name"]] = rnd.sample(["1", "2", "3", "9", "x"], k=rnd.randint(0, 2))
        elif rnd.random() < 0.85:
            data[f["name"]] = rnd.choice(vals)
    item = {"name": "Item", "fields": fields, "rows": []}
    # a first row, for uniqueness and editing
    row = {}
    ok = True
    for f in fields:
        t = f["type"]
        if t == "ManyToManyField": row[f["name"]] = [1]
        elif t == "ForeignKey": row[f["name"]] = 1
        elif t in ("IntegerField", "SmallIntegerField", "BigIntegerField", "PositiveIntegerField", "PositiveSmallIntegerField"): row[f["name"]] = 12 if not f.get("choices") else 1
        elif t == "FloatField": row[f["name"]] = 1.5
        elif t == "DecimalField": row[f["name"]] = {"$decimal": "1.5"}
        elif t == "BooleanField": row[f["name"]] = True
        elif t == "DateField": row[f["name"]] = {"$date": "2022-01-01"}
        elif t == "DateTimeField": row[f["name"]] = {"$datetime": "2022-01-01T10:00:00"}
        elif t == "TimeField": row[f["name"]] = {"$time": "10:30:00"}
        elif t == "UUIDField": row[f["name"]] = {"$uuid": "12345678-1234-5678-1234-567812345678"}
        elif t == "JSONField": row[f["name"]] = {"a": 1}
        elif t == "EmailField": row[f["name"]] = "a@b.com"
        elif t == "URLField": row[f["name"]] = "http://x.com"
        else: row[f["name"]] = "dup" if not f.get("choices") else "1"
    for f in fields:
        # The seed row fits the field: SQLite would store a longer value,
        # but formwork's ORM refuses it on both backends alike.
        if isinstance(row.get(f["name"]), str) and f.get("max_length"):
            row[f["name"]] = row[f["name"]][:f["max_length"]]
    item["rows"].append(row)
    mf = {"model": "Item"}
    r = rnd.random
    if r() < 0.4: mf["instance"] = 1
    if r() < 0.2:
        mf["fields"] = [f["name"] for f in fields if not f.get("editable") is False][:2] or "__all__"
    if r() < 0.15 and len(fields) > 1: mf["exclude"] = [fields[0]["name"]]; mf.pop("fields", None)
    if r() < 0.15: mf["labels"] = {fields[0]["name"]: "Label <0>"}
    if r() < 0.1: mf["error_messages"] = {fields[0]["name"]: {"unique": "Taken!", "required": "Need!"}}
    if r() < 0.1: mf["widgets"] = {fields[0]["name"]: "HiddenInput"}
    c = {"models": [tag, item], "model_form": mf, "outputs": OUTS, "renderer": rnd.choice(RENDERERS)}
    if r() < 0.85: c["bind"] = {"data": data}
    if r() < 0.3: c["language"] = rnd.choice(LANGS)
    json.dump(c, open(os.path.join(out, f"models{seed}_{i:04d}.json"), "w"), indent=1, ensure_ascii=False)


for i in range(n):
    case(i)

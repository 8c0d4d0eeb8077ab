#!/usr/bin/env python3
"""Random formset cases: factory options, management data and clean_errors."""
import json, os, random, sys
out, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(seed)
os.makedirs(out, exist_ok=True)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_forms import LANGS, RENDERERS  # noqa: E402
OUTS = ["as_div", "as_p", "as_table", "as_ul", "str", "management_form", "is_valid", "errors", "non_form_errors",
        "non_form_errors_html", "total_error_count", "total_form_count", "cleaned_data", "has_changed", "empty_form",
        "deleted_forms", "ordered_forms", "media"]
FIELDS = [
    {"name": "title", "type": "CharField", "max_length": 10},
    {"name": "qty", "type": "IntegerField", "min_value": 1, "required": False},
    {"name": "when", "type": "DateField", "required": False},
    {"name": "kind", "type": "ChoiceField", "choices": [["a", "A"], ["b", "B"]], "required": False},
    {"name": "ok", "type": "BooleanField", "required": False},
]
VALS = {"title": ["x", "", "long title here", "dup", "Dup"], "qty": ["1", "0", "", "x", "5"],
        "when": ["2022-01-01", "", "bad", "01/02/2022"], "kind": ["a", "b", "", "z"], "ok": ["on", ""]}


def case(i):
    fields = rnd.sample(FIELDS, k=rnd.randint(1, 3))
    fs = {}
    r = rnd.random
    for k, vals in [("extra", [0, 1, 2, 3]), ("min_num", [0, 1, 2]), ("max_num", [1, 2, 3, None])]:
        if r() < 0.5: fs[k] = rnd.choice(vals)
    for k in ["can_order", "can_delete", "validate_max", "validate_min", "can_delete_extra"]:
        if r() < 0.3: fs[k] = rnd.choice([True, False])
    if r() < 0.15: fs["absolute_max"] = rnd.choice([2, 3, 5])
    if r() < 0.2: fs["prefix"] = "items"
    if r() < 0.2:
        fs["initial"] = [{f["name"]: rnd.choice([v for v in VALS[f["name"]] if v]) for f in fields} for _ in range(rnd.randint(1, 2))]
    if r() < 0.3:
        cond = rnd.choice([{"duplicate": fields[0]["name"]}, {"fewer_than": 2}, {"duplicate": fields[0]["name"], "ignore_case": True}, None])
        e = {"message": "Formset <bad> \"thing\"", "code": "fs"}
        if cond: e["when"] = cond
        if cond and "duplicate" in cond and r() < 0.4: e["field"] = fields[0]["name"]
        fs["clean_errors"] = [e]
    if r() < 0.1: fs["error_messages"] = {"too_few_forms": "Too few!", "too_many_forms": "Too many!"}
    if "absolute_max" in fs:
        fs["max_num"] = min(fs.get("max_num") or 1, fs["absolute_max"])
    outs = [o for o in OUTS if not (o == "ordered_forms" and not fs.get("can_order")) and not (o == "deleted_forms" and not fs.get("can_delete"))]
    c = {"form": {"fields": fields}, "formset": fs, "outputs": outs, "renderer": rnd.choice(RENDERERS)}
    if r() < 0.8:
        p = fs.get("prefix", "form")
        total = rnd.randint(0, 4)
        data = {f"{p}-TOTAL_FORMS": str(total), f"{p}-INITIAL_FORMS": str(rnd.choice([0, 0, 1])),
                f"{p}-MIN_NUM_FORMS": "0", f"{p}-MAX_NUM_FORMS": "1000"}
        if r() < 0.1: data[f"{p}-TOTAL_FORMS"] = rnd.choice(["x", "-1", "2000", ""])
        if r() < 0.05: del data[f"{p}-INITIAL_FORMS"]
        for j in range(total):
            for f in fields:
                if r() < 0.85:
                    data[f"{p}-{j}-{f['name']}"] = rnd.choice(VALS[f["name"]])
            if fs.get("can_delete") and r() < 0.3: data[f"{p}-{j}-DELETE"] = "on"
            if fs.get("can_order") and r() < 0.6: data[f"{p}-{j}-ORDER"] = rnd.choice(["1", "2", "", "x", "0"])
        c["bind"] = {"data": data}
    if r() < 0.4: c["language"] = rnd.choice(LANGS)
    json.dump(c, open(os.path.join(out, f"formsets{seed}_{i:04d}.json"), "w"), indent=1, ensure_ascii=False)


for i in range(n):
    case(i)

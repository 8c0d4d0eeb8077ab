#!/usr/bin/env python3
"""Random widget and file cases: SelectDateWidget, split and hidden datetimes,
file and clearable inputs, choice widgets, formats."""
import json, os, random, sys
out, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(seed)
os.makedirs(out, exist_ok=True)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_forms import LANGS, RENDERERS  # noqa: E402
OUTS = ["as_div", "as_table", "as_p", "is_valid", "errors", "cleaned_data", "bound_fields", "has_changed", "changed_data", "media"]
ATTRS = [{}, {"class": "x"}, {"placeholder": "P \"q\""}, {"data-x": "1", "autofocus": True}, {"id": "custom"}, {"required": False}]

def field(name):
    r = rnd.random
    kind = rnd.choice(["sdw", "file", "clear", "multi_hidden", "split", "splithidden", "radio", "cbm", "select_mult", "nullbool", "textarea", "date_fmt", "time", "checkbox"])
    data = {}
    attrs = rnd.choice(ATTRS)
    if kind == "sdw":
        w = {"type": "SelectDateWidget", "years": rnd.choice([[2020, 2021], [1999, 2000, 2001]]), "attrs": attrs}
        if r() < 0.3: w["empty_label"] = rnd.choice(["---", ["Y", "M", "D"]])
        f = {"name": name, "type": "DateField", "widget": w}
        if r() < 0.4: f["required"] = False
        if r() < 0.3: f["initial"] = {"$date": "2020-02-29"}
        data = {f"{name}_year": rnd.choice(["2020", "", "1999", "zz"]), f"{name}_month": rnd.choice(["2", "", "13", "12"]), f"{name}_day": rnd.choice(["29", "30", "", "1"])}
        if r() < 0.2: data = {name: rnd.choice(["2020-02-29", "29/02/2020", "x"])}
    elif kind in ("file", "clear"):
        f = {"name": name, "type": rnd.choice(["FileField", "FileField", "ImageField"]) if kind == "file" else "FileField"}
        if r() < 0.5: f["required"] = False
        if r() < 0.5 and f["type"] == "FileField": f["initial"] = {"$file": rnd.choice(["docs/a b.pdf", "x/ü.txt", "c.txt"])}
        if r() < 0.2: f["max_length"] = 5
        if r() < 0.2: f["allow_empty_file"] = True
        if r() < 0.3: f["widget"] = {"type": rnd.choice(["ClearableFileInput", "FileInput"]), "attrs": attrs}
        if r() < 0.5 and f["type"] == "FileField":
            data = {"__files__": {name: {"name": rnd.choice(["new.txt", "longername.txt", ""]), "content": rnd.choice(["hello", ""]), "content_type": "text/plain"}}}
        if r() < 0.3: data[f"{name}-clear"] = "on"
    elif kind == "multi_hidden":
        f = {"name": name, "type": "MultipleChoiceField", "choices": [["a", "A"], ["b", "B"]], "widget": {"type": "MultipleHiddenInput", "attrs": attrs}}
        data = {name: rnd.sample(["a", "b", "c"], k=rnd.randint(0, 2))}
    elif kind in ("split", "splithidden"):
        f = {"name": name, "type": "SplitDateTimeField"}
        if kind == "splithidden": f["widget"] = "SplitHiddenDateTimeWidget"
        elif r() < 0.4: f["widget"] = {"type": "SplitDateTimeWidget", "date_attrs": {"class": "d"}, "time_attrs": {"class": "t"}}
        if r() < 0.3: f["initial"] = {"$datetime": "2022-08-03T10:30:00"}
        data = {f"{name}_0": rnd.choice(["2022-08-03", "", "x"]), f"{name}_1": rnd.choice(["10:30", "", "25:00"])}
    elif kind in ("radio", "cbm", "select_mult"):
        t = "ChoiceField" if kind == "radio" else "MultipleChoiceField"
        wt = {"radio": "RadioSelect", "cbm": "CheckboxSelectMultiple", "select_mult": "SelectMultiple"}[kind]
        ch = [["a", "A & a"], ["b", "B"], ["G", [["g1", "G1"], ["g2", "G2"]]]]
        f = {"name": name, "type": t, "choices": ch, "widget": {"type": wt, "attrs": attrs}}
        if r() < 0.3: f["required"] = False
        if r() < 0.3: f["initial"] = "g1" if t == "ChoiceField" else ["a", "g2"]
        data = {name: rnd.choice(["a", "g2", "zz", ""]) if t == "ChoiceField" else rnd.sample(["a", "g1", "zz"], k=rnd.randint(0, 2))}
    elif kind == "nullbool":
        f = {"name": name, "type": "NullBooleanField", "widget": rnd.choice(["NullBooleanSelect", {"type": "RadioSelect", "choices": [["", "Unknown"], ["true", "Yes"], ["false", "No"]]}, "CheckboxInput"])}
        data = {name: rnd.choice(["true", "false", "unknown", "2", "3", "", "on"])}
    elif kind == "textarea":
        f = {"name": name, "type": "CharField", "widget": {"type": "Textarea", "attrs": rnd.choice([{}, {"rows": 3, "cols": 10}])}}
        if r() < 0.3: f["max_length"] = 5
        data = {name: rnd.choice(["\nx", "line\r\nline", "", "<b>"])}
    elif kind == "date_fmt":
        f = {"name": name, "type": "DateField", "widget": {"type": "DateInput", "format": rnd.choice(["%d/%m/%Y", "%Y.%m.%d"]), "attrs": attrs}}
        if r() < 0.5: f["initial"] = {"$date": "2022-08-03"}
        data = {name: rnd.choice(["03/08/2022", "2022-08-03", "x"])}
    elif kind == "time":
        f = {"name": name, "type": "TimeField", "widget": {"type": "TimeInput", "format": "%H.%M", "attrs": attrs}}
        if r() < 0.5: f["initial"] = {"$time": "13:45:00"}
        data = {name: rnd.choice(["13:45", "1:45 PM", "x", "13.45"])}
    else:
        f = {"name": name, "type": "BooleanField", "widget": {"type": "CheckboxInput", "attrs": attrs}}
        if r() < 0.5: f["required"] = False
        if r() < 0.3: f["initial"] = True
        data = {name: rnd.choice(["on", "", "false", "0", "True"])}
    if r() < 0.15: f["disabled"] = True
    if r() < 0.1: f["show_hidden_initial"] = True
    if r() < 0.2: f["help_text"] = "Help"
    return f, data


def case(i):
    fields, data, files = [], {}, {}
    for k in range(rnd.randint(1, 3)):
        f, d = field(f"w{k}")
        fields.append(f)
        files.update(d.pop("__files__", {}))
        data.update(d)
    form = {"fields": fields}
    if rnd.random() < 0.15: form["prefix"] = "pf"; data = {f"pf-{k}": v for k, v in data.items()}; files = {f"pf-{k}": v for k, v in files.items()}
    if rnd.random() < 0.1: form["auto_id"] = False
    c = {"form": form, "outputs": OUTS, "renderer": rnd.choice(RENDERERS)}
    if rnd.random() < 0.8:
        c["bind"] = {"data": data}
        if files: c["bind"]["files"] = files
    if rnd.random() < 0.25: c["language"] = rnd.choice(LANGS)
    json.dump(c, open(os.path.join(out, f"widgets{seed}_{i:04d}.json"), "w"), indent=1, ensure_ascii=False)


for i in range(n):
    case(i)

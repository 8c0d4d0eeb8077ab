#!/usr/bin/env python3
"""Random model formset, inline formset and model choice field cases over
an Author / Book / Tag database: factory options, unique and
unique_together checks, foreign keys, many-to-many fields, stored and
uploaded files, to_field_name, empty_label, clean_errors and
default_renderer (run.sh modelsets)."""
import json, os, random, sys
out, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(seed)
os.makedirs(out, exist_ok=True)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_forms import LANGS, RENDERERS  # noqa: E402

FS_OUTS = ["as_div", "as_p", "as_table", "as_ul", "str", "management_form", "is_valid", "errors", "non_form_errors",
           "non_form_errors_html", "total_error_count", "total_form_count", "cleaned_data", "has_changed", "empty_form",
           "db_after_save"]
FORM_OUTS = ["as_div", "as_p", "as_table", "as_ul", "str", "is_valid", "errors", "errors_as_ul", "errors_as_text",
             "non_field_errors", "cleaned_data", "has_changed", "changed_data", "hidden_fields", "bound_fields"]


def models():
    r = rnd.random
    tag = {"name": "Tag", "fields": [{"name": "label", "type": "CharField", "max_length": 20, "unique": r() < 0.5},
                                     {"name": "active", "type": "BooleanField", "default": True}],
           "rows": [{"label": "go"}, {"label": "py", "active": False}, {"label": "rs"}, {"label": "<js>"}]}
    if r() < 0.5: tag["str"] = rnd.choice(["{label}", "#{id} {label}", "{label} ({active})"])
    if r() < 0.4: tag["ordering"] = [rnd.choice(["-label", "label", "-id"])]
    author = {"name": "Author", "fields": [
        {"name": "name", "type": "CharField", "max_length": rnd.choice([8, 30]), "unique": r() < 0.5},
        {"name": "age", "type": "IntegerField", "null": True, "blank": r() < 0.6},
        {"name": "email", "type": "EmailField", "max_length": 60, "blank": True},
    ], "rows": [{"name": "Ann", "age": 41, "email": "ann@x.org"}, {"name": "Bob", "age": 29},
                {"name": "Cy & Co", "age": None}]}
    if r() < 0.6: author["str"] = rnd.choice(["{name}", "{name} ({age})", "{name} <{email}>"])
    if r() < 0.4: author["ordering"] = [rnd.choice(["-name", "age", "-age", "name"])]
    book_fields = [
        {"name": "title", "type": "CharField", "max_length": rnd.choice([6, 40])},
        {"name": "author", "type": "ForeignKey", "to": "Author"},
        {"name": "pages", "type": "PositiveIntegerField", "null": True, "blank": True},
    ]
    if r() < 0.3: book_fields[1]["related_name"] = "books"
    if r() < 0.3: book_fields[1]["null"] = True; book_fields[1]["blank"] = True
    if r() < 0.2: book_fields[1]["to_field"] = "name"; author["fields"][0]["unique"] = True
    if r() < 0.5: book_fields.append({"name": "tags", "type": "ManyToManyField", "to": "Tag", "blank": r() < 0.5})
    if r() < 0.3: book_fields.append({"name": "cover", "type": "FileField", "upload_to": "covers/", "blank": r() < 0.7})
    if r() < 0.3: book_fields.append({"name": "published", "type": "DateField", "null": True, "blank": True})
    if r() < 0.2 and any(f["name"] == "published" for f in book_fields):
        book_fields[0]["unique_for_date"] = "published"
    book = {"name": "Book", "fields": book_fields, "rows": []}
    to_name = book_fields[1].get("to_field") == "name"
    for t, a in [("Go 101", 1), ("Py", 2), ("Rust!", 1)]:
        row = {"title": t, "author": ["Ann", "Bob", "Cy & Co"][a - 1] if to_name else a, "pages": rnd.choice([None, 120, 3])}
        if any(f["name"] == "tags" for f in book_fields): row["tags"] = rnd.sample([1, 2, 3], k=rnd.randint(0, 2))
        if any(f["name"] == "cover" for f in book_fields): row["cover"] = rnd.choice(["", "covers/a b.png", "covers/x.jpg"])
        if any(f["name"] == "published" for f in book_fields): row["published"] = rnd.choice([None, {"$date": "2022-01-01"}])
        book["rows"].append(row)
    if r() < 0.3: book["unique_together"] = [["title", "author"]]
    if r() < 0.4: book["ordering"] = [rnd.choice(["-title", "title", "-id"])]
    if r() < 0.5: book["str"] = "{title}"
    return tag, author, book


def value(f, to_name):
    t = f["type"]
    if t == "CharField": return rnd.choice(["Go 101", "Py", "new", "", "x" * 9, "<b>", "Ann"])
    if t == "EmailField": return rnd.choice(["", "a@b.c", "bad"])
    if t in ("IntegerField", "PositiveIntegerField"): return rnd.choice(["", "3", "-1", "x", "99999999999999999999"])
    if t == "ForeignKey": return rnd.choice(["Ann", "Bob", "Zed", ""] if to_name else ["1", "2", "3", "9", "", "x"])
    if t == "ManyToManyField": return rnd.sample(["1", "2", "3", "4", "9", "x"], k=rnd.randint(0, 2))
    if t == "DateField": return rnd.choice(["2022-01-01", "", "bad", "2023-05-06"])
    if t == "FileField": return None
    return ""


def bind_formset(c, fields, prefix, initial_rows, fk_hidden):
    r = rnd.random
    total = rnd.randint(0, initial_rows + 2)
    init = min(initial_rows, total) if r() < 0.85 else rnd.randint(0, total)
    data = {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(init),
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}
    files = {}
    to_name = any(f.get("to_field") == "name" for f in fields)
    for j in range(total):
        if j < init:
            data[f"{prefix}-{j}-id"] = str(j + 1) if r() < 0.9 else rnd.choice(["", "x", "99"])
        for f in fields:
            if f["name"] == fk_hidden: continue
            if f["type"] == "FileField":
                if r() < 0.3:
                    files[f"{prefix}-{j}-{f['name']}"] = {"name": f"up{j}.txt", "content": "hi", "content_type": "text/plain"}
                if r() < 0.2: data[f"{prefix}-{j}-{f['name']}-clear"] = "on"
                continue
            if r() < 0.85:
                data[f"{prefix}-{j}-{f['name']}"] = value(f, to_name)
        if c["model_formset"].get("can_delete") and r() < 0.3: data[f"{prefix}-{j}-DELETE"] = "on"
        if c["model_formset"].get("can_order") and r() < 0.5: data[f"{prefix}-{j}-ORDER"] = rnd.choice(["1", "2", ""])
    c["bind"] = {"data": data}
    if files: c["bind"]["files"] = files


def formset_case():
    r = rnd.random
    tag, author, book = models()
    c = {"models": [tag, author, book], "renderer": rnd.choice(RENDERERS), "outputs": FS_OUTS}
    inline = r() < 0.4
    if inline:
        mf = {"model": "Book", "parent": "Author", "instance": rnd.choice([1, 2, 3])}
        rel = next(f for f in book["fields"] if f["name"] == "author")
        prefix = rel.get("related_name", "book_set")
        parent_key = ["Ann", "Bob", "Cy & Co"][mf["instance"] - 1] if rel.get("to_field") else mf["instance"]
        initial_rows = sum(1 for row in book["rows"] if row["author"] == parent_key)
        fk_hidden = "author"
    else:
        model = rnd.choice(["Book", "Author"])
        mf = {"model": model}
        prefix = "form"
        initial_rows = 3
        fk_hidden = None
        if r() < 0.2 and model == "Author":
            mf["queryset_filter"] = {"age__gte": 30}
            initial_rows = 1
    fields = (book if mf["model"] == "Book" else author)["fields"]
    names = [f["name"] for f in fields if f["name"] != fk_hidden]
    if r() < 0.5:
        mf["fields"] = rnd.sample(names, k=rnd.randint(1, len(names)))
    elif r() < 0.3 and len(names) > 1:
        mf["exclude"] = [rnd.choice(names)]
    else:
        mf["fields"] = "__all__"
    for k, vals in [("extra", [0, 1, 2]), ("max_num", [1, 2, 5]), ("min_num", [0, 1])]:
        if r() < 0.35: mf[k] = rnd.choice(vals)
    for k in ["can_delete", "can_order", "validate_max", "validate_min", "can_delete_extra", "edit_only"]:
        if r() < 0.2: mf[k] = True
    if r() < 0.15: mf["prefix"] = "p"; prefix = "p"
    if r() < 0.15: mf["labels"] = {names[0]: "Label <x>"}
    if r() < 0.1: mf["error_messages"] = {names[0]: {"unique": "Taken!", "required": "Need!"}}
    if r() < 0.1: mf["widgets"] = {names[0]: "HiddenInput"}
    if r() < 0.2:
        e = {"message": "Set <bad>", "code": "dup"}
        if r() < 0.6: e["when"] = {"duplicate": names[0]}
        if "when" in e and r() < 0.4: e["field"] = names[0]
        mf["clean_errors"] = [e]
    c["model_formset"] = mf
    if r() < 0.8:
        bind_formset(c, [f for f in fields if (mf.get("fields") == "__all__" or f["name"] in mf.get("fields", names)) and f["name"] not in mf.get("exclude", [])],
                     prefix, initial_rows, fk_hidden)
    return c


def choice_form_case():
    r = rnd.random
    tag, author, book = models()
    c = {"models": [tag, author, book], "renderer": rnd.choice(RENDERERS), "outputs": FORM_OUTS}
    fields, data = [], {}
    for k in range(rnd.randint(1, 3)):
        multi = r() < 0.4
        qs = rnd.choice(["Author", "Tag", "Book"])
        f = {"name": f"c{k}", "type": "ModelMultipleChoiceField" if multi else "ModelChoiceField", "queryset": qs}
        if r() < 0.3: f["required"] = False
        if r() < 0.2 and qs == "Author": f["queryset_filter"] = {"age__gte": 30}
        if r() < 0.2 and qs == "Tag": f["queryset_filter"] = {"active": True}
        tf = None
        if r() < 0.25:
            tf = {"Author": "name", "Tag": "label", "Book": "title"}[qs]
            f["to_field_name"] = tf
        if not multi and r() < 0.3: f["empty_label"] = rnd.choice([None, "Pick one", "<none>"])
        if not multi and r() < 0.2: f["blank"] = True
        if r() < 0.2: f["widget"] = rnd.choice(["RadioSelect", "HiddenInput"] if not multi else ["CheckboxSelectMultiple", "MultipleHiddenInput"])
        if r() < 0.2: f["initial"] = [{"$pk": 1}, {"$pk": 2}] if multi else rnd.choice([{"$pk": 2}, "1"])
        if r() < 0.1: f["disabled"] = True
        if r() < 0.1: f["error_messages"] = {"invalid_choice": "No %(value)s!", "required": "Need!", "invalid_pk_value": "Bad pk %(pk)s"}
        fields.append(f)
        vals = {"Author": ["Ann", "Bob", "Zed"], "Tag": ["go", "py", "<js>", "zz"], "Book": ["Go 101", "Py", "?"]}[qs] if tf else ["1", "2", "3", "4", "9", "x", ""]
        if multi:
            data[f["name"]] = rnd.sample(vals, k=rnd.randint(0, 2))
        elif r() < 0.85:
            data[f["name"]] = rnd.choice(vals)
    if r() < 0.3: fields.append({"name": "note", "type": "CharField", "required": False})
    c["form"] = {"fields": fields}
    if r() < 0.8: c["bind"] = {"data": data}
    return c


def case(i):
    c = formset_case() if rnd.random() < 0.6 else choice_form_case()
    r = rnd.random
    if r() < 0.2:
        c["default_renderer"] = rnd.choice(RENDERERS)
        if r() < 0.6: del c["renderer"]
    if r() < 0.3: c["language"] = rnd.choice(LANGS)
    json.dump(c, open(os.path.join(out, f"modelsets{seed}_{i:04d}.json"), "w"), indent=1, ensure_ascii=False)


for i in range(n):
    case(i)

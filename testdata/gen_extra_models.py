#!/usr/bin/env python3
"""Write formwork's own model-formset cases into testdata/cases-extra
(golden results from the reference only, see gen_extra_forms.py).

They avoid foreign keys shown as choices and inline formsets: the
reference names its model classes with a process-wide counter, which
leaks into those outputs."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "cases-extra")
OUTS = ["as_div", "as_table", "is_valid", "errors", "non_form_errors", "total_form_count", "cleaned_data", "has_changed", "db_after_save"]

product = {"name": "Product", "fields": [
    {"name": "name", "type": "CharField", "max_length": 30},
    {"name": "sku", "type": "SlugField", "max_length": 20, "unique": True},
    {"name": "price", "type": "DecimalField", "max_digits": 6, "decimal_places": 2},
    {"name": "stock", "type": "PositiveIntegerField", "default": 0},
    {"name": "active", "type": "BooleanField", "default": True},
    {"name": "kind", "type": "CharField", "max_length": 1, "choices": [["b", "Book"], ["m", "Music"]], "blank": True},
    {"name": "notes", "type": "TextField", "blank": True},
    {"name": "email", "type": "EmailField", "blank": True},
    {"name": "released", "type": "DateField", "null": True, "blank": True},
    {"name": "rating", "type": "FloatField", "null": True, "blank": True}],
    "unique_together": [["name", "kind"]],
    "rows": [{"name": "Dune", "sku": "dune", "price": "9.99", "stock": 3, "active": True, "kind": "b", "notes": "", "email": "", "released": {"$date": "1965-08-01"}, "rating": 4.5},
             {"name": "Blue", "sku": "blue", "price": "12.00", "stock": 0, "active": False, "kind": "m", "notes": "LP", "email": "a@b.com", "released": None, "rating": None}]}

row = {"name": "Dune", "sku": "dune", "price": "9.99", "stock": "3", "active": "on", "kind": "b", "notes": "", "email": "", "released": "1965-08-01", "rating": "4.5"}


def bind(rows, total=None, initial=2, prefix="form"):
    d = {f"{prefix}-TOTAL_FORMS": str(total if total is not None else len(rows)), f"{prefix}-INITIAL_FORMS": str(initial)}
    for i, r in enumerate(rows):
        for k, v in r.items():
            d[f"{prefix}-{i}-{k}"] = v
    return {"data": d}


def case(name, mf, b=None, renderer="DjangoDivFormRenderer", outputs=OUTS):
    c = {"models": [product], "model_formset": dict({"model": "Product"}, **mf), "outputs": outputs, "renderer": renderer}
    if b:
        c["bind"] = b
    with open(os.path.join(OUT, f"m_{name}.json"), "w") as fh:
        json.dump(c, fh, indent=1, sort_keys=True, ensure_ascii=False)
        fh.write("\n")


blue = {"id": "2", "name": "Blue", "sku": "blue", "price": "12.00", "stock": "0", "kind": "m", "notes": "LP", "email": "a@b.com", "released": "", "rating": ""}
dune = dict(row, id="1")
case("unbound_all_fields", {"extra": 1})
case("unbound_jinja", {"extra": 0, "fields": ["name", "price", "kind"]}, renderer="Jinja2")
case("unbound_table", {"extra": 2, "fields": ["name", "active", "released"], "can_delete": True, "can_order": True}, renderer="DjangoTemplates")
case("edit_price", {"extra": 0}, bind([dict(dune, price="10.50"), blue]))
case("bad_values", {"extra": 0}, bind([dict(dune, price="1234.567", stock="-1", email="x", released="never", rating="abc"), dict(blue, sku="not a slug")]))
case("unique_sku_db", {"extra": 1}, bind([dune, blue, dict(row, name="New", sku="dune")], initial=2))
case("unique_together_forms", {"extra": 2}, bind([dune, blue, dict(row, name="X", sku="x1", kind="m"), dict(row, name="X", sku="x2", kind="m")], initial=2))
case("unique_together_db", {"extra": 1}, bind([dune, blue, dict(row, name="Blue", sku="b2", kind="m")], initial=2))
case("create_two", {"extra": 2}, bind([dune, blue, dict(row, name="Emma", sku="emma", price="4.5"), dict(row, name="Zed", sku="zed", active="")], initial=2))
case("extra_untouched", {"extra": 2}, bind([dune, blue, {k: "" for k in row}, {k: "" for k in row}], initial=2))
case("delete_one", {"extra": 0, "can_delete": True}, bind([dict(dune, DELETE="on"), blue]))
case("edit_only_new_rows", {"extra": 0, "edit_only": True}, bind([dune, blue, dict(row, name="Sneak", sku="sneak")], initial=2))
case("max_num_validate", {"extra": 0, "max_num": 2, "validate_max": True}, bind([dune, blue, dict(row, name="C", sku="c")], initial=2))
case("min_num_validate", {"extra": 0, "min_num": 3, "validate_min": True}, bind([dune, blue], initial=2))
case("queryset_filter", {"extra": 1, "queryset_filter": {"active": True}, "fields": ["name", "stock"]},
     bind([{"id": "1", "name": "Dune 2", "stock": "5"}, {"id": "", "name": "", "stock": ""}], initial=1))
case("filter_tamper_pk", {"extra": 0, "queryset_filter": {"stock__gte": 1}, "fields": ["name"]},
     bind([{"id": "2", "name": "Hacked"}], initial=1))
case("prefix_custom", {"extra": 1, "prefix": "prod", "fields": ["name", "sku", "price"]},
     bind([{"id": "1", "name": "Dune", "sku": "dune", "price": "9.99"}, {"id": "2", "name": "Blue", "sku": "blue", "price": "12"}, {"id": "", "name": "N", "sku": "n", "price": "1"}], initial=2, prefix="prod"))
case("missing_management", {"extra": 1}, {"data": {"form-0-name": "x"}})
print("ok")

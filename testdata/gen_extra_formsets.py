#!/usr/bin/env python3
"""Write formwork's own formset cases into testdata/cases-extra (fs_*.json).

Their golden results come from the reference Django, never by hand:

    python3 testdata/gen_extra_formsets.py
    python3 ../shared/tools/django-oracle/render.py --out testdata/golden-extra testdata/cases-extra/fs_*.json
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "cases-extra")

FIELDS = [
    {"name": "title", "type": "CharField", "max_length": 30},
    {"name": "qty", "type": "IntegerField", "required": False, "min_value": 1},
]
ALL = ["str", "as_div", "as_p", "as_table", "as_ul", "management_form", "is_valid", "errors",
       "non_form_errors", "non_form_errors_html", "total_error_count", "total_form_count",
       "cleaned_data", "empty_form", "has_changed", "media"]
COUNTS = ["management_form", "is_valid", "errors", "non_form_errors", "non_form_errors_html",
          "total_error_count", "total_form_count", "cleaned_data", "has_changed"]


def mgmt(total, initial, prefix="form"):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial)}


def write(name, formset, data=None, renderer="DjangoDivFormRenderer", outputs=ALL, fields=FIELDS, form_extra=None):
    form = {"fields": fields}
    form.update(form_extra or {})
    c = {"form": form, "formset": formset, "renderer": renderer, "outputs": outputs}
    if data is not None:
        c["bind"] = {"data": data}
    with open(os.path.join(OUT, f"fs_{name}.json"), "w") as fh:
        json.dump(c, fh, indent=1, sort_keys=True)
        fh.write("\n")


# Jinja2 renderers, bound with errors, deletion and ordering.
write("jinja2_div_delete_order", {"extra": 1, "can_delete": True, "can_order": True},
      {**mgmt(3, 2), "form-0-title": "A", "form-0-ORDER": "2", "form-1-title": "", "form-1-DELETE": "on",
       "form-2-title": "C", "form-2-qty": "0"},
      renderer="Jinja2DivFormRenderer", outputs=ALL + ["deleted_forms", "ordered_forms"])
write("jinja2_table_unbound_initial", {"extra": 2, "can_delete": True, "initial": [{"title": "Dune", "qty": 2}]},
      renderer="Jinja2")
write("jinja2_p_too_many", {"extra": 0, "max_num": 1, "validate_max": True},
      {**mgmt(2, 0), "form-0-title": "A", "form-1-title": "B"},
      renderer={"class": "Jinja2", "form_template_name": "django/forms/p.html",
                "formset_template_name": "django/forms/formsets/p.html"})
write("jinja2_template_name", {"extra": 1, "template_name": "django/forms/formsets/ul.html"}, renderer="Jinja2")

# can_delete_extra false: only initial forms get DELETE; the empty form none.
write("no_delete_extra_unbound", {"extra": 2, "can_delete": True, "can_delete_extra": False,
                                  "initial": [{"title": "A"}, {"title": "B"}]})
write("no_delete_extra_bound", {"extra": 1, "can_delete": True, "can_delete_extra": False, "can_order": True},
      {**mgmt(3, 2), "form-0-title": "A", "form-0-DELETE": "on", "form-1-title": "B", "form-1-ORDER": "1",
       "form-2-title": "C", "form-2-DELETE": "on", "form-2-ORDER": "", "form-0-ORDER": "5"},
      renderer="Jinja2DivFormRenderer", outputs=ALL + ["deleted_forms", "ordered_forms"])

# validate_min / validate_max edge cases.
write("min_exact", {"extra": 0, "min_num": 2, "validate_min": True},
      {**mgmt(2, 0), "form-0-title": "A", "form-1-title": "B"}, outputs=COUNTS)
write("min_empty_extra_not_counted", {"extra": 1, "min_num": 1, "validate_min": True},
      {**mgmt(2, 0), "form-0-title": "", "form-1-title": ""}, outputs=COUNTS)
write("min_deleted_drop_below", {"extra": 0, "min_num": 2, "validate_min": True, "can_delete": True},
      {**mgmt(2, 2), "form-0-title": "A", "form-1-title": "B", "form-1-DELETE": "on"},
      outputs=COUNTS + ["deleted_forms"])
write("min_one_singular", {"extra": 0, "min_num": 1, "validate_min": True},
      {**mgmt(1, 0), "form-0-title": ""}, renderer="Jinja2", outputs=COUNTS)
write("max_exact", {"extra": 0, "max_num": 2, "validate_max": True},
      {**mgmt(2, 0), "form-0-title": "A", "form-1-title": "B"}, outputs=COUNTS)
write("max_one_singular", {"extra": 0, "max_num": 1, "validate_max": True},
      {**mgmt(2, 0), "form-0-title": "A", "form-1-title": "B"}, outputs=COUNTS)
write("max_deleted_fits", {"extra": 0, "max_num": 2, "validate_max": True, "can_delete": True},
      {**mgmt(3, 3), "form-0-title": "A", "form-1-title": "B", "form-2-title": "C", "form-2-DELETE": "on"},
      outputs=COUNTS + ["deleted_forms"])
write("max_deleted_invalid_form", {"extra": 0, "max_num": 2, "validate_max": True, "can_delete": True},
      {**mgmt(3, 3), "form-0-title": "", "form-1-title": "B", "form-2-title": "C", "form-2-DELETE": "on"},
      outputs=COUNTS + ["deleted_forms"])
write("max_zero_unbound_initial", {"extra": 3, "max_num": 0, "initial": [{"title": "A"}]}, outputs=ALL)
write("min_and_max_messages", {"extra": 0, "min_num": 3, "validate_min": True, "max_num": 3, "validate_max": True,
                               "error_messages": {"too_few_forms": "Need %(num)d.",
                                                  "missing_management_form": "Broken: %(field_names)s"}},
      {"form-TOTAL_FORMS": "x", "form-0-title": "A"}, outputs=COUNTS)

# Hostile management data.
write("hostile_total", {"extra": 0},
      {**mgmt(1000000, 0), "form-0-title": "A"},
      outputs=["is_valid", "non_form_errors", "total_form_count", "total_error_count", "management_form"])
write("hostile_total_small_absolute", {"extra": 0, "max_num": 2, "absolute_max": 4},
      {**mgmt(99999999999999999999999, 0), "form-0-title": "A"},
      outputs=COUNTS)
write("negative_total", {"extra": 1},
      {**mgmt(-3, -1), "form-0-title": "A"}, outputs=COUNTS)
write("initial_above_total", {"extra": 0, "can_order": True},
      {**mgmt(2, 5), "form-0-title": "A", "form-0-ORDER": "", "form-1-title": "B", "form-1-ORDER": "1"},
      outputs=COUNTS + ["ordered_forms"])
write("tampered_only_initial", {"extra": 0},
      {"form-INITIAL_FORMS": "0", "form-0-title": "A"}, renderer="Jinja2", outputs=ALL)

# form_kwargs and a prefix.
write("form_kwargs", {"extra": 0, "min_num": 1, "prefix": "items",
                      "form_kwargs": {"label_suffix": " =", "use_required_attribute": True}},
      renderer="DjangoTemplates", outputs=ALL)

# Media: the first form's, or the empty form's when there are no forms.
write("media_no_forms", {"extra": 0}, outputs=["media", "as_div", "total_form_count"],
      form_extra={"media": {"js": ["app.js"], "css": {"all": ["app.css"]}}})
write("media_bound", {"extra": 0}, {**mgmt(1, 0), "form-0-title": "A"}, outputs=["media", "is_valid"],
      fields=FIELDS + [{"name": "when", "type": "DateField", "required": False,
                        "widget": {"type": "DateInput", "media": {"js": ["cal.js"]}}}],
      renderer="Jinja2")

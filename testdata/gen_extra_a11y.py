#!/usr/bin/env python3
"""Write formwork's own accessibility cases into testdata/cases-extra: the
situations where a screen reader used to hear too little (forms without
ids, empty labels, formsets with errors in several forms, multi-part
widgets, choice groups, file inputs, hidden fields with errors), each bound
with errors and, for a few, unbound. Golden results come from the
reference only: python3 /work/shared/tools/django-oracle/render.py --out
testdata/golden-extra testdata/cases-extra/a11y_*.json"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "cases-extra")
FORM_OUTS = ["as_div", "as_p", "as_table", "as_ul", "str", "is_valid", "errors"]
FORMSET_OUTS = ["as_div", "is_valid", "errors", "non_form_errors", "total_error_count"]


def write(name, c):
    with open(os.path.join(OUT, f"a11y_{name}.json"), "w") as fh:
        json.dump(c, fh, indent=1, sort_keys=True, ensure_ascii=False)
        fh.write("\n")


def form(name, fields, data=None, renderer="DjangoDivFormRenderer", **form_extra):
    f = {"fields": fields}
    f.update(form_extra)
    c = {"form": f, "outputs": FORM_OUTS, "renderer": renderer}
    if data is not None:
        c["bind"] = {"data": data}
    write(name, c)


def formset(name, fields, data, renderer="DjangoDivFormRenderer", form_extra=None, **fs):
    f = {"fields": fields}
    f.update(form_extra or {})
    c = {"form": f, "formset": fs, "outputs": FORMSET_OUTS, "renderer": renderer, "bind": {"data": data}}
    write(name, c)


def fld(name, type_, **kw):
    d = {"name": name, "type": type_}
    d.update(kw)
    return d


ch = [["1", "One"], ["2", "Two"], ["3", "Three"]]
every = [
    fld("name", "CharField", max_length=5, help_text="Up to five letters"),
    fld("email", "EmailField"),
    fld("topic", "ChoiceField", choices=ch, widget="RadioSelect"),
    fld("tags", "MultipleChoiceField", choices=ch, widget="CheckboxSelectMultiple"),
    fld("colours", "MultipleChoiceField", choices=ch),
    fld("when", "SplitDateTimeField"),
    fld("born", "DateField", widget={"type": "SelectDateWidget", "years": [2000, 2001, 2002]}),
    fld("agree", "BooleanField"),
    fld("notes", "CharField", widget="Textarea", max_length=3),
    fld("size", "ChoiceField", choices=ch),
    fld("count", "IntegerField", max_value=3),
]
bad = {"name": "toolong", "email": "x", "topic": "9", "tags": ["9"], "colours": ["7"], "when_0": "bad", "when_1": "",
       "born_year": "2001", "born_month": "2", "born_day": "30", "notes": "long text", "size": "", "count": "5"}

# Forms without ids: every kind of control, bound with an error in each.
form("no_auto_id_every_control", every, bad, auto_id=False)
form("no_auto_id_every_control_table", every, bad, renderer="DjangoTemplates", auto_id=False)
form("no_auto_id_unbound", every, None, auto_id=False)
form("no_auto_id_help_only", [fld("name", "CharField", help_text="As on your card"), fld("code", "CharField", required=False)], {"name": ""}, auto_id=False)
form("no_auto_id_prefix", [fld("name", "CharField"), fld("topic", "ChoiceField", choices=ch, widget="RadioSelect")], {"p-name": ""}, auto_id=False, prefix="p")

# Empty labels, and a label left to Django (null).
empty = [fld("first_name", "CharField", label=""), fld("topic", "ChoiceField", choices=ch, widget="RadioSelect", label=""),
         fld("when", "SplitDateTimeField", label=""), fld("agree", "BooleanField", label=""),
         fld("default_label", "CharField", label=None), fld("tags", "MultipleChoiceField", choices=ch, label="")]
form("empty_label_bound", empty, {"first_name": "", "topic": "", "when_0": "", "when_1": "", "default_label": "", "tags": []})
form("empty_label_unbound", empty)
form("empty_label_no_auto_id", empty, {"first_name": "", "topic": "9"}, auto_id=False)

# Multi-part widgets, choice groups and files with errors.
form("multiwidget_errors", [fld("when", "SplitDateTimeField", help_text="Date, then time"),
                            fld("parts", "MultiValueField", fields=[fld("_", "CharField"), fld("_", "IntegerField")],
                                widget={"type": "MultiWidget", "widgets": ["TextInput", "NumberInput"]}),
                            fld("born", "DateField", widget={"type": "SelectDateWidget", "years": [2000, 2001]})],
     {"when_0": "2022-01-01", "when_1": "25:00", "parts_0": "", "parts_1": "x", "born_year": "", "born_month": "1", "born_day": ""})
form("choice_groups_errors", [fld("topic", "ChoiceField", choices=ch, widget="RadioSelect", help_text="Pick one"),
                              fld("tags", "MultipleChoiceField", choices=ch, widget="CheckboxSelectMultiple"),
                              fld("grouped", "ChoiceField", choices=[["G", [["a", "A"], ["b", "B"]]], ["c", "C"]], widget="RadioSelect"),
                              fld("nb", "NullBooleanField", widget="NullBooleanSelect"),
                              fld("pick", "MultipleChoiceField", choices=ch)],
     {"topic": "", "tags": [], "grouped": "z", "nb": "unknown", "pick": ["5"]})
form("file_inputs_errors", [fld("doc", "FileField", help_text="A PDF"), fld("pic", "ImageField", required=False),
                            fld("cv", "FileField", required=False, widget="ClearableFileInput", initial={"$file": "cv.pdf"}),
                            fld("name", "CharField")],
     {"name": "", "cv-clear": "on"})
form("hidden_field_errors", [fld("token", "CharField", widget="HiddenInput"), fld("step", "IntegerField", widget="HiddenInput"),
                             fld("name", "CharField")],
     {"token": "", "step": "x", "name": ""})
form("hidden_only_errors", [fld("token", "CharField", widget="HiddenInput")], {"token": ""})

# Formsets with errors in several forms, with and without ids, with the
# formset's own errors.
two = [fld("title", "CharField", max_length=5), fld("pages", "IntegerField", help_text="Whole pages"),
       fld("kind", "ChoiceField", choices=ch, widget="RadioSelect")]
fsdata = {"form-TOTAL_FORMS": "3", "form-INITIAL_FORMS": "0",
          "form-0-title": "toolong", "form-0-pages": "x", "form-0-kind": "1",
          "form-1-title": "ok", "form-1-pages": "2", "form-1-kind": "",
          "form-2-title": "", "form-2-pages": "y", "form-2-kind": "9"}
formset("formset_errors_in_forms", two, fsdata, extra=0)
formset("formset_errors_in_forms_no_auto_id", two, fsdata, extra=0, auto_id=False)
formset("formset_errors_and_max", two, dict(fsdata, **{"form-TOTAL_FORMS": "3"}), extra=0, max_num=2, validate_max=True)
formset("formset_errors_delete_order", two, dict(fsdata, **{"form-0-DELETE": "on", "form-1-ORDER": "x"}), extra=0, can_delete=True, can_order=True)
formset("formset_hidden_errors", [fld("token", "CharField", widget="HiddenInput"), fld("title", "CharField")],
        {"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "0", "form-0-token": "", "form-0-title": "a", "form-1-token": "t", "form-1-title": ""}, extra=0)
formset("formset_empty_labels", [fld("first_name", "CharField", label=""), fld("topic", "ChoiceField", choices=ch, widget="RadioSelect", label="")],
        {"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "0", "form-0-first_name": "", "form-0-topic": "1", "form-1-first_name": "a", "form-1-topic": ""}, extra=0)
formset("formset_duplicates", [fld("email", "EmailField")],
        {"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "0", "form-0-email": "a@example.com", "form-1-email": "a@example.com"}, extra=0,
        clean_errors=[{"message": "Each address once.", "code": "dup", "when": {"duplicate": "email"}}])
formset("formset_missing_management", two, {"form-0-title": "x"})

#!/usr/bin/env python3
"""Render formwork's template test cases with Django's own Jinja2 form
renderer and write them, with the expected HTML, to jinja2_golden.json.

usage: PYTHONPATH=~/.cache/django-oracle/site python3 jinja2_oracle.py

A case is a template name and a context. Context values are JSON, with
these encodings for what JSON lacks (jet_test.go decodes them the same
way into formwork's values):

  {"$safe": "<b>"}          markup (Markup / renderers.Safe)
  {"$attrs": {...}}         HTML attributes (dict / renderers.Attrs)
  {"$object": {...}}        an object: "__html__" is how it prints,
                            "__iter__" what a loop visits, "name()" a
                            method returning the value, anything else an
                            attribute. An empty object is false.
"""
import json
import os

import django
from django.conf import settings

settings.configure(INSTALLED_APPS=["django.forms"], USE_I18N=False)
django.setup()

from django.forms.renderers import Jinja2  # noqa: E402
from django.utils.html import conditional_escape  # noqa: E402
from markupsafe import Markup  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


class Obj:
    def __init__(self, spec):
        self._spec = spec
        for k, v in spec.items():
            if k in ("__html__", "__iter__"):
                continue
            if k.endswith("()"):
                setattr(self, k[:-2], (lambda v: lambda: decode(v))(v))
            else:
                setattr(self, k, decode(v))

    def __html__(self):
        return str(conditional_escape(decode(self._spec.get("__html__", ""))))

    def __str__(self):
        return self.__html__()

    def __iter__(self):
        return iter(decode(self._spec.get("__iter__", [])))

    def __bool__(self):
        return bool(self._spec)


def decode(v):
    if isinstance(v, list):
        return [decode(e) for e in v]
    if isinstance(v, dict):
        if "$safe" in v:
            return Markup(v["$safe"])
        if "$attrs" in v:
            return {k: decode(e) for k, e in v["$attrs"].items()}
        if "$object" in v:
            return Obj(v["$object"])
        return {k: decode(e) for k, e in v.items()}
    return v


# ---------------------------------------------------------------- cases

W = "django/forms/widgets/"


def safe(s):
    return {"$safe": s}


def attrs(**kw):
    return {"$attrs": {k.replace("_", "-"): v for k, v in kw.items()}}


def obj(**kw):
    return {"$object": kw}


def widget(template, **kw):
    kw.setdefault("attrs", attrs())
    kw["template_name"] = W + template
    return kw


cases = []


def case(name, template, **context):
    cases.append({"name": name, "template": template, "context": context})


ATTRS = attrs(id="id_f", required=True, disabled=False, maxlength=10, placeholder="<a & 'b'>")
for t in ["text", "email", "url", "number", "password", "hidden", "date", "datetime", "time", "checkbox"]:
    case(t, W + t + ".html", widget=widget(t + ".html", name="f", type=t, value="v<&>\"'", attrs=ATTRS))
case("input-none", W + "input.html", widget=widget("input.html", name="f", type="text", value=None))
case("input-empty", W + "input.html", widget=widget("input.html", name="f", type="text", value=""))
case("input-safe-attr", W + "input.html",
     widget=widget("input.html", name="f", type="text", value=safe("<i>"),
                   attrs=attrs(title=safe("a &amp; b"), data_n=None, step=3)))
case("file", W + "file.html", widget=widget("file.html", name="up", type="file", value=None, attrs=attrs(multiple=True)))
case("attrs", W + "attrs.html", widget={"attrs": ATTRS})
case("attrs-top", "django/forms/attrs.html", attrs=ATTRS)
case("textarea", W + "textarea.html", widget=widget("textarea.html", name="t", value="line1\n<line2>", attrs=attrs(cols=40, rows=10)))
case("textarea-empty", W + "textarea.html", widget=widget("textarea.html", name="t", value=None))


def option(template, value, label, selected=False, index="0", wrap=True, **a):
    o = widget(template, name="c", value=value, label=label, selected=selected, index=index,
               type="radio" if "radio" in template else "checkbox",
               attrs=attrs(**a), wrap_label=wrap)
    if selected:
        o["attrs"]["$attrs"]["selected" if template == "select_option.html" else "checked"] = True
    return o


case("select_option", W + "select_option.html", widget=option("select_option.html", "a&b", "A <1>", selected=True))
case("select", W + "select.html", widget=widget(
    "select.html", name="s", attrs=attrs(id="id_s", required=True),
    optgroups=[
        [None, [option("select_option.html", "", "---------")], 0],
        ["Group <1>", [option("select_option.html", "1", "One", selected=True),
                       option("select_option.html", 2, safe("<b>Two</b>"))], 1],
        [None, [option("select_option.html", "3", "Three")], 2],
    ]))
case("select-multiple", W + "select.html", widget=widget(
    "select.html", name="s", attrs=attrs(multiple=True),
    optgroups=[[None, [option("select_option.html", "x", "X", selected=True),
                       option("select_option.html", "y", "Y", selected=True)], 0]]))
for kind in ["radio", "checkbox"]:
    tpl = kind + "_option.html"
    case(kind + "_option", W + tpl, widget=option(tpl, "v", "Label <x>", selected=True, id="id_c_0"))
    case(kind + "_option-nowrap", W + tpl, widget=option(tpl, "v", "Label", wrap=False, id="id_c_0"))
    top = "radio.html" if kind == "radio" else "checkbox_select.html"
    case(kind + "_select", W + top, widget=widget(
        top, name="c", attrs=attrs(id="id_c", **{"class": "inline"}),
        optgroups=[
            [None, [option(tpl, "1", "One", id="id_c_0")], 0],
            ["Grp", [option(tpl, "2", "Two", selected=True, id="id_c_1_0"),
                     option(tpl, "3", "Three", id="id_c_1_1")], 1],
        ]))
case("input_option", W + "input_option.html", widget=option("radio_option.html", "v", "L", id="x"))
case("multiple_input-noid", W + "multiple_input.html", widget=widget(
    "multiple_input.html", name="c",
    optgroups=[[None, [option("radio_option.html", "1", "One")], 0]]))

SUB = [
    widget("date.html", name="dt_0", type="text", value="2024-01-02", attrs=attrs(id="id_dt_0")),
    widget("time.html", name="dt_1", type="text", value=None, attrs=attrs(id="id_dt_1")),
]
for t in ["multiwidget", "splitdatetime", "splithiddendatetime", "select_date"]:
    case(t, W + t + ".html", widget=widget(t + ".html", name="dt", subwidgets=SUB))
case("multiple_hidden", W + "multiple_hidden.html", widget=widget("multiple_hidden.html", name="h", subwidgets=[
    widget("hidden.html", name="h", type="hidden", value="1", attrs=attrs(id="id_h_0")),
    widget("hidden.html", name="h", type="hidden", value="2", attrs=attrs(id="id_h_1")),
]))
FILE = obj(__html__="doc <1>.txt", url="/media/doc%201.txt")
case("clearable-initial", W + "clearable_file_input.html", widget=widget(
    "clearable_file_input.html", name="f", type="file", value=FILE, is_initial=True, required=False,
    initial_text="Currently", input_text="Change", clear_checkbox_label="Clear",
    checkbox_name="f-clear", checkbox_id="f-clear_id", attrs=attrs(id="id_f")))
case("clearable-required", W + "clearable_file_input.html", widget=widget(
    "clearable_file_input.html", name="f", type="file", value=FILE, is_initial=True, required=True,
    initial_text="Currently", input_text="Change", clear_checkbox_label="Clear",
    checkbox_name="f-clear", checkbox_id="f-clear_id", attrs=attrs(id="id_f", disabled=True)))
case("clearable-empty", W + "clearable_file_input.html", widget=widget(
    "clearable_file_input.html", name="f", type="file", value=None, is_initial=False, required=False,
    attrs=attrs()))

# ---------------------------------------------------------------- errors, labels

E = "django/forms/errors/"
for t in ["ul.html", "default.html", "text.txt"]:
    case("errors-list-" + t, E + "list/" + t, errors=["Bad <value>", safe("<b>safe</b>")], error_class="errorlist nonfield")
    case("errors-list-empty-" + t, E + "list/" + t, errors=[], error_class="errorlist")
    case("errors-dict-" + t, E + "dict/" + t, error_class="errorlist", errors=[
        ["name", obj(__html__=safe('<ul class="errorlist"><li>Required</li></ul>'), __iter__=["Required"])],
        ["__all__", obj(__html__=safe('<ul class="errorlist"><li>A &amp; B</li></ul>'), __iter__=["A & B", "C"])],
    ])
case("label", "django/forms/label.html", use_tag=True, tag="label", label="Name <x>:", attrs=attrs(**{"for": "id_name", "class": "req"}))
case("label-legend", "django/forms/label.html", use_tag=True, tag="legend", label=safe("<i>Pick</i>:"), attrs=attrs())
case("label-notag", "django/forms/label.html", use_tag=False, tag="label", label="Plain & simple", attrs=attrs())

# ---------------------------------------------------------------- forms


def bound(name, label, html, classes="", help_text="", fieldset=False, hidden=False):
    return obj(**{
        "__html__": safe(html), "name": name, "label": label, "help_text": help_text,
        "use_fieldset": fieldset, "is_hidden": hidden, "auto_id": "id_" + name,
        "id_for_label": "id_" + name,
        "label_tag()": safe('<label for="id_%s">%s:</label>' % (name, label)),
        "legend_tag()": safe('<legend for="id_%s">%s:</legend>' % (name, label)),
        "css_classes()": classes,
    })


ERR = safe('<ul class="errorlist"><li>This field is required.</li></ul>')
NAME = bound("name", "Name", '<input type="text" name="name" id="id_name">', classes="required",
             help_text="Your <b>name</b>")
CHOICE = bound("pick", "Pick", '<div id="id_pick"><div><label><input type="radio" name="pick" value="1"> One</label></div></div>',
               fieldset=True)
NOLABEL = bound("nolabel", "", '<input type="text" name="nolabel">')
HIDDEN = [bound("h", "H", '<input type="hidden" name="h" id="id_h">', hidden=True),
          bound("token", "T", '<input type="hidden" name="token" value="x">', hidden=True)]
TOPERR = obj(__html__=safe('<ul class="errorlist nonfield"><li>Form is wrong.</li></ul>'), __iter__=["Form is wrong."])
FORMS = ["div", "p", "table", "ul", "default"]
for style in FORMS:
    t = "django/forms/%s.html" % style
    case("form-%s" % style, t, form=obj(), errors=obj(), hidden_fields=HIDDEN,
         fields=[[NAME, safe("")], [CHOICE, ERR], [NOLABEL, safe("")]])
    case("form-%s-errors" % style, t, form=obj(), errors=TOPERR, hidden_fields=HIDDEN,
         fields=[[NAME, ERR]])
    case("form-%s-hidden-only" % style, t, form=obj(), errors=obj(), hidden_fields=HIDDEN, fields=[])
    case("form-%s-errors-hidden-only" % style, t, form=obj(), errors=TOPERR, hidden_fields=HIDDEN, fields=[])
    case("form-%s-empty" % style, t, form=obj(), errors=obj(), hidden_fields=[], fields=[])


def form_obj(i):
    html = '<input type="text" name="form-%d-x">' % i
    return obj(**{"__html__": safe("<tr><td>%s</td></tr>" % html),
                  "as_div()": safe("<div>%s</div>" % html), "as_p()": safe("<p>%s</p>" % html),
                  "as_table()": safe("<tr><th>X</th><td>%s</td></tr>" % html),
                  "as_ul()": safe("<li>%s</li>" % html)})


MGMT = obj(__html__=safe('<input type="hidden" name="form-TOTAL_FORMS" value="2"><input type="hidden" name="form-INITIAL_FORMS" value="0">'))
for style in FORMS:
    t = "django/forms/formsets/%s.html" % style
    case("formset-%s" % style, t, formset=obj(management_form=MGMT, __iter__=[form_obj(0), form_obj(1)]))
    case("formset-%s-empty" % style, t, formset=obj(management_form=MGMT, __iter__=[]))


def main():
    renderer = Jinja2()
    out = []
    for c in cases:
        html = renderer.render(c["template"], decode(c["context"]))
        out.append(dict(c, html=html))
    with open(os.path.join(HERE, "jinja2_golden.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote %d cases" % len(out))


if __name__ == "__main__":
    main()

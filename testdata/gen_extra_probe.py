#!/usr/bin/env python3
"""Write formwork's own cases for what a random differential probe against
the reference found (probe_*): FloatField bounds given as whole numbers,
a disabled JSONField's has_changed, and the bytes of an error list drawn
by a Jinja2 renderer (markupsafe's &#34; and &#39;), and Django's tags and
filters in theme templates where pongo2's differ.

Their golden results come from the reference Django, never by hand:

    python3 testdata/gen_extra_probe.py
    python3 ../shared/tools/django-oracle/render.py --out testdata/golden-extra \\
        testdata/cases-extra/probe_*.json
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "cases-extra")
FORM_ALL = ["as_div", "as_p", "as_table", "as_ul", "str", "is_valid", "errors", "errors_as_ul",
            "errors_as_text", "non_field_errors", "cleaned_data", "has_changed", "changed_data",
            "bound_fields"]


def case(name, c):
    c.setdefault("outputs", FORM_ALL)
    with open(os.path.join(OUT, f"probe_{name}.json"), "w") as fh:
        json.dump(c, fh, indent=1, sort_keys=True, ensure_ascii=False)
        fh.write("\n")


# FloatField bounds written as ints, as Django users write them, and as
# floats: min="-2" and "greater than or equal to -2." for the first.
whole = [
    {"name": "rating", "type": "FloatField", "min_value": -2, "max_value": 100, "step_size": 5},
    {"name": "share", "type": "FloatField", "min_value": 0.5, "max_value": 2.5, "required": False},
]
for i, (data, renderer) in enumerate([
        (None, "DjangoTemplates"),
        ({"rating": "7", "share": "3"}, "DjangoDivFormRenderer"),
        ({"rating": "-5", "share": "0.25"}, "Jinja2"),
        ({"rating": "101", "share": ""}, "Jinja2DivFormRenderer"),
        ({"rating": "15"}, "DjangoTemplates")]):
    c = {"form": {"fields": whole}, "renderer": renderer}
    if data is not None:
        c["bind"] = {"data": data}
    case(f"float_whole_bounds_{i}", c)
case("float_whole_bounds_fr", {"form": {"fields": whole}, "renderer": "DjangoDivFormRenderer",
                                "language": "fr", "bind": {"data": {"rating": "7", "share": "3"}}})

# A disabled JSONField's ToPython gives back the posted text, which
# has_changed compares as JSON with the initial.
for i, (field, data) in enumerate([
        ({"name": "meta", "type": "JSONField", "disabled": True, "required": False}, {"meta": "null"}),
        ({"name": "meta", "type": "JSONField", "disabled": True, "required": False}, {"meta": "{\"a\": 1}"}),
        ({"name": "meta", "type": "JSONField", "disabled": True, "required": False}, {}),
        ({"name": "meta", "type": "JSONField", "disabled": True, "required": False, "initial": {"a": 1}}, {}),
        ({"name": "meta", "type": "JSONField", "disabled": True, "required": False, "initial": {"a": 1}}, {"meta": "{\"a\": 1}"}),
        ({"name": "meta", "type": "JSONField", "required": False, "initial": {"a": 1}}, {"meta": "{\"a\":  1}"}),
        ({"name": "meta", "type": "JSONField", "required": False, "initial": True}, {"meta": "1"}),
        ({"name": "meta", "type": "JSONField", "required": False}, {"meta": ""})]):
    case(f"json_changed_{i}", {"form": {"fields": [field, {"name": "note", "type": "CharField", "required": False}]},
                               "bind": {"data": data}, "renderer": "DjangoTemplates"})

# Error messages with quotes, drawn by each renderer: the Jinja2 ones
# print them as markupsafe does, the others as escape().
quoted = [
    {"name": "colour", "type": "ChoiceField", "choices": [["red", "Red"], ["blue", "Blue"]]},
    {"name": "slug", "type": "SlugField"},
    {"name": "code", "type": "CharField", "validators": [{"type": "RegexValidator", "regex": "^x", "message": "Say \"x\" first, don't forget."}]},
]
bad = {"colour": "gr\"e'en", "slug": "not ok", "code": "y"}
for lang in [None, "hu", "uz", "it", "fr"]:
    for renderer in ["Jinja2", "Jinja2DivFormRenderer", "DjangoTemplates"]:
        c = {"form": {"fields": quoted}, "renderer": renderer, "bind": {"data": bad}}
        if lang:
            c["language"] = lang
        case(f"quoted_errors_{renderer.lower()}_{lang or 'en'}", c)
case("quoted_errors_jinja2_nonfield", {"form": {"fields": quoted, "clean_errors": [{"field": None, "message": "Don't \"do\" that", "code": "x"}]},
                                       "renderer": "Jinja2", "bind": {"data": {"colour": "red", "slug": "ok", "code": "x"}},
                                       "outputs": FORM_ALL + ["non_field_errors"]})

# Known differences (testdata/known-differences.json). A float bound
# written as a float: Django prints min="1.0", formwork's float64 cannot
# tell it from the int 1 and prints min="1".
case("float_float_literal_bound", {"form": {"fields": [{"name": "share", "type": "FloatField", "min_value": 1.0}]},
                                   "bind": {"data": {"share": "0.5"}}, "renderer": "DjangoTemplates"})
# An integer step past 2^53: Django's math.remainder rounds both to
# floats (99999999999999999999 becomes a multiple of 2); formwork checks
# steps exactly.
case("int_step_past_float", {"form": {"fields": [{"name": "n", "type": "IntegerField", "step_size": 2}]},
                             "bind": {"data": {"n": "99999999999999999999"}}, "renderer": "DjangoTemplates"})

# Theme templates (Django syntax) reaching into the form as Django's
# template language does: a field by name, the error dict and lists as
# lists, the field's own methods and Django's filters where pongo2's
# differ.
THEMES = {
    "by_name": "{{ form.email }}{{ form.email.errors }}{{ form.email.label_tag }}|{{ form.age.label }}|{{ form.age.html_name }}|{{ form.age.help_text }}",
    "name_over_attr": "{{ form.prefix }}|{{ form.prefix.label }}",
    "errors_dict": "{% if form.errors %}E{{ form.errors|length }}:{% for name in form.errors %}{{ name }},{% endfor %}{% for name, errs in form.errors.items %}[{{ name }}={{ errs|length }}]{% endfor %}{{ form.errors.email }}{% else %}no errors{% endif %}",
    "errors_text": "{{ form.errors.as_text }}|{{ form.errors.as_ul }}|{{ form.email.errors.as_text }}|{{ form.email.errors.as_ul }}",
    "error_list": "{{ form.email.errors|length }}|{{ form.email.errors|first }}|{{ form.email.errors|last }}|{{ form.email.errors|join:' / ' }}|{% if form.email.errors|length > 0 %}bad{% endif %}",
    "as_methods": "{{ form.email.as_hidden }}{{ form.email.as_text }}{{ form.email.as_textarea }}{{ form.email.as_widget }}",
    "form_attrs": "{{ form.label_suffix }}|{{ form.is_bound }}|{{ form.is_valid }}|{{ form.has_changed }}|{% for n in form.changed_data %}{{ n }};{% endfor %}",
    "field_field": "{% for f in form %}{{ f.field.required }}/{{ f.field.widget.is_hidden }}/{{ f.field.widget.attrs.class }}/{% for v, l in f.field.choices %}({{ v }}={{ l }}){% endfor %};{% endfor %}",
    "filters": "{{ form.age.label|slugify }}|{{ form.email.label|truncatechars:4 }}|{{ '3'|add:'4' }}|{{ 3|add:'x' }}|{{ 'a'|add:'b' }}|{{ form.email.label|urlencode }}|{{ 'a b/c'|iriencode }}|{{ form.email.label|escapejs }}|{{ '<i>'|force_escape }}|{{ 2|pluralize }}{{ 1|pluralize }}{{ 'x'|pluralize }}|{{ form.email.errors|pluralize:'y,ies' }}",
    # Django's ifchanged (its state in the loop; pongo2's kept it in the
    # parsed template and crashed without an else), widthratio (Python's
    # round), floatformat (half up on the decimal) and yesno.
    "ifchanged": "{% for f in form %}{% ifchanged f.field.required %}<h3>{{ f.field.required|yesno:'req,opt' }}</h3>{% endifchanged %}{{ f.name }};{% endfor %}",
    "ifchanged_else": "{% for f in form %}{% ifchanged %}{{ f.field.required }}{% else %}-{% endifchanged %}|{% endfor %}",
    "ifchanged_nested": "{% for f in form %}{% for e in f.errors %}{% ifchanged %}{{ f.name }}{% endifchanged %}{{ e }}{% endfor %}{% endfor %}",
    "widthratio": "{% widthratio 7 9 100 %}|{% widthratio 5 10 3 %}|{% widthratio 1 3 10 %}|{% widthratio 15 10 2 %}|{% widthratio 0 0 10 %}",
    "widthratio2": "{% widthratio '7' '9' 100 %}|{% widthratio 'a' 9 100 %}|{% widthratio None 9 100 %}|{% widthratio 2.5 1 1 %}|{% widthratio 3.5 1 1 %}|{% widthratio 1 3 100 as x %}[{{ x }}]",
    "floatformat": "{{ 34.23234|floatformat }}|{{ 34.00000|floatformat }}|{{ 34.26000|floatformat }}|{{ 34.23234|floatformat:3 }}|{{ 34.0|floatformat:'-3' }}|{{ 34.26|floatformat:'-3' }}|{{ 1.5|floatformat:0 }}|{{ 2.5|floatformat:0 }}|{{ 0.4|floatformat:0 }}|{{ 1234.5678|floatformat:'2g' }}|{{ 'x'|floatformat }}|{{ 7|floatformat:2 }}|{{ 0.125|floatformat:2 }}|{{ '3.335'|floatformat:2 }}|{{ 11|floatformat:'-2' }}",
    "floatformat2": "{% widthratio 0 1 1 as w %}{{ '-1234.5678'|floatformat:'2g' }}|{{ '-0.001'|floatformat:2 }}|{{ '1e3'|floatformat }}|{{ ' 3.35 '|floatformat:1 }}|{{ '12345678901234567890.5'|floatformat:'0g' }}|{{ 3|floatformat:'-2g' }}|{{ 1000000|floatformat:'g' }}|{{ 'inf'|floatformat }}|{{ True|floatformat }}|{{ None|floatformat }}|{{ 0.1|floatformat:20 }}|{{ 1.005|floatformat:2 }}|{{ '2.5'|floatformat:'x' }}|[{{ w }}]",
    "yesno": "{{ True|yesno }}|{{ False|yesno }}|{{ None|yesno }}|{{ None|yesno:'a,b' }}|{{ 1|yesno:'a,b,c' }}",
    "yesno2": "{{ ''|yesno:'a,b,c' }}|{{ 'x'|yesno:'a' }}|{{ 0|yesno:'a,b,c,d' }}|{{ form|yesno:'f,nf' }}|{% for f in form %}{{ f.errors|yesno:'err,ok' }}{% endfor %}",
}
THEME_FIELDS = [
    {"name": "email", "type": "EmailField", "label": "E-mail <address>", "widget": {"type": "EmailInput", "attrs": {"class": "wide"}}},
    {"name": "age", "type": "IntegerField", "min_value": 18, "required": False, "help_text": "Years <b>old</b>"},
    {"name": "prefix", "type": "ChoiceField", "choices": [["mr", "Mr"], ["ms", "Ms"]], "required": False},
]
for tname, body in THEMES.items():
    for state, bind in [("unbound", None), ("invalid", {"email": "no \"at\" sign", "age": "7", "prefix": "dr"}),
                        ("valid", {"email": "a@example.com", "age": "30", "prefix": "ms"})]:
        c = {"form": {"fields": THEME_FIELDS}, "templates": {"theme/form.html": body},
             "renderer": {"class": "DjangoDivFormRenderer", "form_template_name": "theme/form.html"},
             "outputs": ["str", "as_div"]}
        if bind is not None:
            c["bind"] = {"data": bind}
        case(f"theme_{tname}_{state}", c)

# The same reach into the form from Jinja2 theme templates: a field is an
# attribute (form.email), its methods are called.
JINJA_THEMES = {
    "by_name": "{{ form.email }}{{ form.email.errors }}{{ form.email.label_tag() }}|{{ form.age.label }}|{{ form.age.html_name }}|{{ form.age.help_text }}",
    "lengths": "{{ form.errors|length }}|{{ form.email.errors|length }}|{% for e in form.email.errors %}!{{ e }}{% endfor %}|{{ form.email.errors|join(' / ') }}",
    "methods": "{{ form.email.as_hidden() }}{{ form.email.as_text() }}|{{ form.label_suffix }}|{{ form.is_bound }}|{% if form.errors %}{{ form.errors.as_text() }}{% endif %}",
}
for tname, body in JINJA_THEMES.items():
    for state, bind in [("unbound", None), ("invalid", {"email": "no \"at\" sign", "age": "7", "prefix": "dr"}),
                        ("valid", {"email": "a@example.com", "age": "30", "prefix": "ms"})]:
        c = {"form": {"fields": THEME_FIELDS}, "templates": {"theme/form.html": body},
             "renderer": {"class": "Jinja2DivFormRenderer", "form_template_name": "theme/form.html"},
             "outputs": ["str", "as_div"]}
        if bind is not None:
            c["bind"] = {"data": bind}
        case(f"jinja_theme_{tname}_{state}", c)

# Jinja2's builtin filters in theme templates (replace, truncate,
# wordcount, striptags, urlencode, int, sum, list, default's boolean), an
# empty error list's as_text() and as_ul(), form.fields and a form
# without ids (auto_id False).
JINJA_FILTERS = {
    "strings": "{{ form.email.label|replace('E', 'G') }}|{{ form.age.help_text|replace('<', '[') }}|{{ form.email.label|truncate(3) }}|{{ form.age.help_text|truncate(9, true) }}|{{ form.email.label|wordcount }}|{{ form.age.help_text|striptags }}",
    "numbers": "{{ form.email.label|urlencode }}|{{ 'a b/c&d'|urlencode }}|{{ 3|string }}{{ '5'|int + 2 }}|{{ '4.7'|int }}|{{ 'x'|int(9) }}|{{ [1,2,3]|sum }}|{{ form.email.label|list|first }}|{{ [1,2]|reverse|join(',') }}|{{ -3|abs }}",
    "errors": "{{ form.errors.as_text() }}|{{ form.email.errors.as_text() }}|{{ form.email.errors.as_ul() }}|{{ form.age.errors.as_ul() }}",
    "default": "{{ form.age.help_text|default('nohelp', true) }}|{{ form.email.help_text|default('nohelp', true) }}|{{ ''|default('empty', false) }}|{{ form.auto_id }}|{{ form.label_suffix }}|{% for field in form %}{{ field.field.widget.attrs|length }}{% endfor %}|{{ form.fields|length }}",
}
for tname, body in JINJA_FILTERS.items():
    for state, bind, extra in [("unbound", None, {}), ("invalid", {"email": "no \"at\" sign", "age": "7"}, {"auto_id": False})]:
        c = {"form": dict({"fields": THEME_FIELDS}, **extra), "templates": {"theme/form.html": body},
             "renderer": {"class": "Jinja2DivFormRenderer", "form_template_name": "theme/form.html"},
             "outputs": ["str"]}
        if bind is not None:
            c["bind"] = {"data": bind}
        case(f"jinja_filters_{tname}_{state}", c)

# Python's None in Jinja2 theme templates (an empty field's value(), a
# field without an initial, an unbound field's data) prints None; it is
# false, "is none" and "== none", default() keeps it and default(x, true)
# replaces it. (Its length is an error, which a golden cannot hold: see
# renderers' TestJinjaNone.)
JINJA_NONE = {
    "print": "{{ form.age.value() }}|{{ form.age.initial }}|{{ form.age.data }}|{{ form.age.field.initial }}|{{ form.email.value() }}|{{ form.missing }}|{{ form.age.value() ~ '!' }}|{{ form.age.value()|string }}|{{ form.age.initial|e }}|{{ form.age.value()|safe }}|{{ form.age.data|lower }}|{{ form.age.data|upper }}",
    "tests": "{{ form.age.value() is none }}|{{ form.age.value() is not none }}|{{ form.age.value() == none }}|{{ form.age.value() != None }}|{{ None == form.age.initial }}|{{ form.age.initial is sameas none }}|{% if form.age.value() %}T{% else %}F{% endif %}|{% if not form.age.data %}N{% endif %}|{{ form.age.value() or 'or' }}|{{ form.age.value() and 'and' }}|{{ form.age.value() == form.age.initial }}",
    "default": "{{ form.age.value()|default('dflt') }}|{{ form.age.value()|default('dflt', true) }}|{{ form.age.initial|d('x') }}|{{ form.age.initial|d('x', true) }}|{{ form.missing|default('m') }}|{{ form.age.data|default('nodata') }}",
}
for tname, body in JINJA_NONE.items():
    for state, bind in [("unbound", None), ("bound", {"email": "a@example.com", "age": "7"})]:
        c = {"form": {"fields": THEME_FIELDS}, "templates": {"theme/form.html": body},
             "renderer": {"class": "Jinja2DivFormRenderer", "form_template_name": "theme/form.html"},
             "outputs": ["str"]}
        if bind is not None:
            c["bind"] = {"data": bind}
        case(f"jinja_none_{tname}_{state}", c)

# Model forms.
TAG = {"name": "Tag", "fields": [{"name": "label", "type": "CharField", "max_length": 20}],
       "rows": [{"label": "go"}, {"label": "py"}, {"label": "rs"}], "str": "{label}"}
MF_OUT = ["as_div", "is_valid", "errors", "cleaned_data", "has_changed", "changed_data", "bound_fields", "db_after_save", "instance_pk"]
# A many-to-many field shown as one hidden input: its value is one
# string, which Django's has_changed measures as a sequence.
for i, (instance, data) in enumerate([(None, {"tags": ["3"]}), (1, {"tags": ["1"]}), (1, {"tags": ["2", "3"]}), (None, {})]):
    mf = {"model": "Item", "widgets": {"tags": "HiddenInput"}}
    if instance:
        mf["instance"] = instance
    case(f"m2m_hidden_changed_{i}", {"models": [TAG, {"name": "Item", "fields": [
        {"name": "tags", "type": "ManyToManyField", "to": "Tag", "blank": True},
        {"name": "title", "type": "CharField", "max_length": 20, "blank": True}],
        "rows": [{"tags": [1], "title": "x"}]}], "model_form": mf, "bind": {"data": data}, "outputs": MF_OUT})
# A JSONField saved with an integer past float64's precision keeps it.
case("json_big_int_saved", {"models": [{"name": "Doc", "fields": [{"name": "body", "type": "JSONField", "null": True, "blank": True}],
                                        "rows": [{"body": {"a": 1}}]}],
                            "model_form": {"model": "Doc", "instance": 1}, "bind": {"data": {"body": "[99999999999999999999, 1.5]"}},
                            "outputs": MF_OUT})
# An integer field past SQLite's INTEGER in a form with another error:
# Django 4.2 on SQLite has no range validator, so only the other error.
case("int_past_sqlite_other_error", {"models": [{"name": "Stock", "fields": [
    {"name": "count", "type": "PositiveIntegerField"}, {"name": "name", "type": "CharField", "max_length": 5}]}],
    "model_form": {"model": "Stock"}, "bind": {"data": {"count": "99999999999999999999", "name": "too long"}},
    "outputs": ["as_div", "is_valid", "errors", "cleaned_data"]})

# A SplitDateTimeField with a datetime initial, posted back unchanged:
# the widget's decompress gives a naive date and time, equal to what the
# inputs clean to, so nothing has changed.
for i, (widget, data) in enumerate([(None, {"at_0": "2022-08-03", "at_1": "10:30"}),
                                    ("SplitHiddenDateTimeWidget", {"at_0": "2022-08-03", "at_1": "10:30"}),
                                    (None, {"at_0": "2022-08-03", "at_1": "10:31"}),
                                    ("SplitHiddenDateTimeWidget", {"at_0": "2022-08-04", "at_1": "10:30"})]):
    fld = {"name": "at", "type": "SplitDateTimeField", "initial": {"$datetime": "2022-08-03T10:30:00"}}
    if widget:
        fld["widget"] = widget
    case(f"split_datetime_unchanged_{i}", {"form": {"fields": [fld]}, "bind": {"data": data},
                                           "outputs": ["as_div", "has_changed", "changed_data", "cleaned_data", "bound_fields"]})

# Model formsets found by the modelsets probe (testdata/probe/gen_modelsets.py).
FS_OUT = ["as_div", "management_form", "is_valid", "errors", "non_form_errors", "total_form_count",
          "cleaned_data", "has_changed", "empty_form", "db_after_save"]
AUTHOR = {"name": "Author", "fields": [{"name": "name", "type": "CharField", "max_length": 30, "unique": True},
                                       {"name": "age", "type": "IntegerField", "null": True, "blank": True}],
          "rows": [{"name": "Ann", "age": 41}, {"name": "Bob", "age": 29}, {"name": "Cy & Co"}]}


def book(to_field=False, related_name=None, tags=False):
    fk = {"name": "author", "type": "ForeignKey", "to": "Author"}
    if to_field:
        fk["to_field"] = "name"
    if related_name:
        fk["related_name"] = related_name
    fields = [{"name": "title", "type": "CharField", "max_length": 40}, fk,
              {"name": "pages", "type": "PositiveIntegerField", "null": True, "blank": True}]
    if tags:
        fields.append({"name": "tags", "type": "ManyToManyField", "to": "Tag", "blank": True})
    rows = [{"title": "Go 101", "author": "Ann" if to_field else 1, "pages": 120},
            {"title": "Py", "author": "Bob" if to_field else 2},
            {"title": "Rust!", "author": "Ann" if to_field else 1, "pages": 3}]
    if tags:
        for r, t in zip(rows, [[1], [1, 2], [2]]):
            r["tags"] = t
    return {"name": "Book", "fields": fields, "rows": rows}


def mgmt(prefix, total, initial, **forms):
    d = {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial)}
    for k, v in forms.items():
        i, name = k[1:].split("_", 1)
        d[f"{prefix}-{i}-{name}"] = v
    return d


# An inline formset whose foreign key has a to_field: its rows are found,
# and new rows saved, by the parent's name, not its id.
for i, (instance, data) in enumerate([
        (1, None),
        (3, None),
        (1, mgmt("book_set", 3, 2, f0_id="1", f0_title="Go 102", f0_author="Ann", f1_id="3", f1_title="Rust!",
                 f1_author="Ann", f2_title="New one", f2_pages="5")),
        (2, mgmt("book_set", 2, 1, f0_id="2", f0_title="Py", f0_author="Ann", f1_title="x")),
        (3, mgmt("book_set", 1, 0, f0_title="Cy's book"))]):
    c = {"models": [AUTHOR, book(to_field=True)], "model_formset": {"model": "Book", "parent": "Author", "instance": instance},
         "outputs": FS_OUT, "renderer": "DjangoDivFormRenderer"}
    if data:
        c["bind"] = {"data": data}
    case(f"inline_to_field_{i}", c)

# Deleting a row through a model formset deletes, as on_delete=CASCADE,
# the rows whose foreign key points at it, and their many-to-many links.
for i, (model, data) in enumerate([
        ("Author", mgmt("form", 3, 3, f0_id="1", f0_name="Ann", f0_DELETE="on", f1_id="2", f1_name="Bob", f2_id="3", f2_name="Cy & Co")),
        ("Author", mgmt("form", 3, 3, f0_id="1", f0_name="Ann", f1_id="2", f1_name="Bob", f1_DELETE="on", f2_id="3", f2_name="Cy & Co", f2_DELETE="on")),
        ("Tag", mgmt("form", 3, 3, f0_id="1", f0_label="go", f0_DELETE="on", f1_id="2", f1_label="py", f2_id="3", f2_label="rs"))]):
    case(f"delete_cascades_{i}", {"models": [TAG, AUTHOR, book(related_name="books" if i == 1 else None, tags=True)],
                                  "model_formset": {"model": model, "can_delete": True, "extra": 0},
                                  "bind": {"data": data}, "outputs": FS_OUT})

# A form marked for deletion is not saved, so an integer past SQLite's
# INTEGER is no error there (Django 4.2 has no range for it on SQLite;
# saving such a form raises OverflowError in the reference, which
# formwork reports as the field's error instead).
for i, delete in enumerate([True]):
    data = mgmt("form", 2, 2, f0_id="1", f0_title="Go 101", f0_author="1", f0_pages="99999999999999999999",
                f1_id="2", f1_title="Py", f1_author="2")
    if delete:
        data["form-0-DELETE"] = "on"
    case(f"deleted_form_int_past_sqlite_{i}", {"models": [AUTHOR, book()], "bind": {"data": data}, "outputs": FS_OUT,
                                               "model_formset": {"model": "Book", "can_delete": True, "extra": 0}})

# ... nor while the formset is invalid otherwise (another form's error,
# its clean()), as Django saves nothing then.
for i, (data, clean) in enumerate([
        (mgmt("form", 2, 2, f0_id="1", f0_title="Go 101", f0_author="1", f0_pages="99999999999999999999",
              f1_id="2", f1_title="", f1_author="2"), None),
        (mgmt("form", 2, 2, f0_id="1", f0_title="Go 101", f0_author="1", f0_pages="99999999999999999999",
              f1_id="2", f1_title="Py", f1_author="2"), [{"message": "Not now", "code": "no"}])]):
    mf = {"model": "Book", "extra": 0}
    if clean:
        mf["clean_errors"] = clean
    case(f"invalid_formset_int_past_sqlite_{i}", {"models": [AUTHOR, book()], "bind": {"data": data}, "outputs": FS_OUT,
                                                  "model_formset": mf})

# A formset clean_errors condition over a field the forms do not have:
# the reference reads it as None, so it never holds.
case("formset_clean_absent_field", {"models": [AUTHOR, book()], "outputs": FS_OUT,
                                    "model_formset": {"model": "Book", "fields": ["pages"], "extra": 1, "clean_errors": [
                                        {"message": "Titles repeat", "code": "dup", "when": {"duplicate": "title"}},
                                        {"message": "Pages over 10", "when": {"sum_over": ["pages", 10]}}]},
                                    "bind": {"data": mgmt("form", 3, 3, f0_id="1", f0_pages="4", f1_id="2", f1_pages="4", f2_id="3", f2_pages="4")}})

# An IntegerField past int64 cleans to Python's int, a JSON integer.
case("int_past_int64_cleaned", {"form": {"fields": [{"name": "n", "type": "IntegerField"},
                                                    {"name": "m", "type": "IntegerField", "required": False, "min_value": 0}]},
                                "bind": {"data": {"n": "99999999999999999999", "m": "-99999999999999999999"}}})
case("int_past_int64_cleaned_valid", {"form": {"fields": [{"name": "n", "type": "IntegerField", "widget": "TextInput"}]},
                                      "bind": {"data": {"n": " 123456789012345678901234567890 "}}})

# What a theme template prints of a bound field's values, as Python's
# str(): None as None, a list as its repr (escaped), a timedelta as
# 1:00:00, a float as 3.5, a widget's attrs as a dict, its input_type;
# None stays None to is None, default_if_none, default, yesno and length;
# an error list's HTML counts characters, not bytes.
PYVAL_FIELDS = [
    {"name": "f0", "type": "DurationField", "initial": {"$duration": 3600}},
    {"name": "f1", "type": "MultipleChoiceField", "choices": [["2", "Two <&>"], ["1", "One"]], "required": False},
    {"name": "f2", "type": "JSONField", "required": False},
    {"name": "f3", "type": "FloatField", "initial": 3.5, "widget": {"type": "TextInput", "attrs": {"class": "wide", "data-x": "a'b"}}},
    {"name": "f4", "type": "TimeField", "error_messages": {"required": "Ünïcödé needed"}},
    {"name": "f5", "type": "CharField", "widget": "Textarea", "required": False},
]
PYVAL_THEMES = {
    "values": "{% for f in form %}[{{ f.value }}|{{ f.data }}|{{ f.initial }}|{{ f.field.initial }}]{% endfor %}",
    "none_tests": "{% for f in form %}{% if f.value is None %}N{% endif %}{% if f.value %}T{% else %}F{% endif %}{{ f.value|default_if_none:'dn' }}/{{ f.value|default:'d' }}/{{ f.value|yesno:'y,n,m' }}/{{ f.value|length }};{% endfor %}",
    "list_filters": "{% for f in form %}{{ f.value|safe }}|{{ f.value|escape }}|{{ f.value|stringformat:'s' }};{% endfor %}",
    "widget": "{% for f in form %}{{ f.field.widget.attrs }}{{ f.field.widget.input_type }};{% endfor %}",
    "errors_length": "{% for field, errors in fields %}{{ field.name }}:{{ errors|length }};{% endfor %}",
}
for tname, body in PYVAL_THEMES.items():
    for state, bind in [("unbound", None), ("bound", {"f0": "10:30", "f1": ["zz", "1"], "f3": "x", "f4": ""})]:
        c = {"form": {"fields": PYVAL_FIELDS}, "templates": {"theme/form.html": body},
             "renderer": {"class": "DjangoDivFormRenderer", "form_template_name": "theme/form.html"},
             "outputs": ["str"]}
        if bind is not None:
            c["bind"] = {"data": bind}
        case(f"theme_pyvalues_{tname}_{state}", c)

# A TypedMultipleChoiceField with empty_value=None cleans no choice to None.
for i, data in enumerate([{}, {"tags": []}, {"tags": ["2"]}]):
    case(f"typed_multi_empty_none_{i}", {"form": {"fields": [
        {"name": "tags", "type": "TypedMultipleChoiceField", "choices": [["1", "One"], ["2", "Two"]],
         "coerce": "int", "empty_value": None, "required": False}]}, "bind": {"data": data}})

# A bound field's subwidgets as an attribute ({% for sub in field.subwidgets %}),
# in both syntaxes, as {% for sub in field %} gives them.
SUB_FIELDS = [{"name": "a", "type": "TypedChoiceField", "coerce": "int", "choices": [["1", "One"], ["2", "Two"]], "widget": "RadioSelect"},
              {"name": "b", "type": "MultipleChoiceField", "choices": [["x", "X <1>"], ["y", "Y"]], "widget": "CheckboxSelectMultiple"},
              {"name": "c", "type": "NullBooleanField", "widget": "RadioSelect"}]
for renderer, snip in [
        ("DjangoDivFormRenderer", "{% for field in form %}{{ field.subwidgets|length }}:{% for sub in field.subwidgets %}<{{ sub.id_for_label }}|{{ sub.choice_label }}|{{ sub.data.selected }}>{{ sub.tag }}{% endfor %};{% endfor %}"),
        ("Jinja2DivFormRenderer", "{% for field in form %}{{ field.subwidgets|length }}:{% for sub in field.subwidgets %}<{{ sub.id_for_label }}|{{ sub.choice_label }}|{{ sub.data.selected }}>{{ sub.tag() }}{% endfor %};{% endfor %}")]:
    for bound in (False, True):
        c = {"form": {"fields": SUB_FIELDS}, "templates": {"theme/form.html": snip},
             "renderer": {"class": renderer, "form_template_name": "theme/form.html"}, "outputs": ["str"]}
        if bound:
            c["bind"] = {"data": {"a": "2", "b": ["x", "y"], "c": "z"}}
        case(f"subwidgets_attr_{'jinja' if renderer.startswith('Jinja') else 'django'}_{'bound' if bound else 'unbound'}", c)

# A select's option has no id (None), and a decimal prints as Python's
# str() of it, in Django-syntax themes.
for bound in (False, True):
    c = {"form": {"fields": [{"name": "ok", "type": "NullBooleanField"},
                             {"name": "price", "type": "DecimalField", "initial": {"$decimal": "1.50"}, "required": False}]},
         "templates": {"theme/form.html": "{% for sub in form.ok %}<{{ sub.id_for_label }}|{{ sub.choice_label }}>{% endfor %}"
                                          "{{ form.price.initial }}|{{ form.price.value }}|{% if form.price.initial %}T{% endif %}"},
         "renderer": {"class": "DjangoDivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]}
    if bound:
        c["bind"] = {"data": {"ok": "true", "price": "2.50"}}
    case(f"theme_pyvalues_option_decimal_{'bound' if bound else 'unbound'}", c)

# ... nor for a row outside the formset's queryset (another author's book
# in an inline formset), which Django's save skips.
case("outside_queryset_int_past_sqlite", {"models": [AUTHOR, book()], "outputs": FS_OUT,
                                          "model_formset": {"model": "Book", "parent": "Author", "instance": 2, "extra": 0},
                                          "bind": {"data": mgmt("book_set", 1, 1, f0_id="1", f0_title="Go 101", f0_pages="99999999999999999999")}})

# floatformat and yesno print in the form's language, as Django's do while
# it is active: the decimal separator, the g suffix's grouping (Hindi's 3,
# 2), u unlocalized (no grouping even with g, in English too), yesno's
# default words; in an included template with only, and in a widget's
# template.
FF_FIELDS = [{"name": "price", "type": "DecimalField", "initial": {"$decimal": "1234567.891"}, "required": False},
             {"name": "ok", "type": "BooleanField", "required": False}]
FF_SNIP = ("{{ form.price.initial|floatformat }}|{{ form.price.initial|floatformat:2 }}|"
           "{{ form.price.initial|floatformat:'2g' }}|{{ form.price.initial|floatformat:'2u' }}|"
           "{{ form.price.initial|floatformat:'gu' }}|{{ 10000|floatformat:'g' }}|{{ '-0.5'|floatformat:'0' }}|"
           "{{ form.ok.field.required|yesno }}|{{ None|yesno }}|{{ True|yesno:'a,b' }}|"
           "{% if form.ok.field.required|yesno == 'no' %}EN{% endif %}|{% include 'theme/inc.html' only %}|{{ form.ok }}")
for lang in (None, "de", "pl", "hi", "ar", "fr"):
    c = {"form": {"fields": FF_FIELDS},
         "templates": {"theme/form.html": FF_SNIP,
                       "theme/inc.html": "{{ 1234.5|floatformat:'1g' }}/{{ False|yesno }}",
                       "theme/checkbox.html": "[{{ widget.required|yesno }}/{{ 0.25|floatformat:2 }}]"},
         "renderer": {"class": "DjangoDivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]}
    c["form"]["fields"] = [dict(FF_FIELDS[0]), dict(FF_FIELDS[1], widget={"type": "CheckboxInput", "template_name": "theme/checkbox.html"})]
    if lang:
        c["language"] = lang
    case(f"theme_localized_filters_{lang or 'en'}", c)
# A number of more than 200 digits and exponent prints as it is.
case("theme_floatformat_long", {"form": {"fields": [{"name": "n", "type": "CharField", "required": False}]},
                                "templates": {"theme/form.html": "{{ '1e999999999'|floatformat:2 }}|{{ '1e199'|floatformat:'g' }}|{{ '1e-250'|floatformat:3 }}"},
                                "renderer": {"class": "DjangoDivFormRenderer", "form_template_name": "theme/form.html"},
                                "outputs": ["str"], "language": "de"})

# A case's int_list_validator is Django's factory function in the field's
# validators, as the reference builds it: called with the value, it makes
# a validator and returns it, rejecting nothing.
case("int_list_validator_as_function", {"form": {"fields": [
    {"name": "ids", "type": "CharField", "validators": [{"type": "int_list_validator", "sep": ";"}]},
    {"name": "nums", "type": "CharField", "validators": [{"type": "int_list_validator"}, {"type": "validate_integer"}]}]},
    "bind": {"data": {"ids": "Abc", "nums": "1,2"}}, "renderer": "DjangoDivFormRenderer"})

# A MultiValueField lists each part's error once, skipping duplicates as
# Django's ValidationError equality has them (message, code, params): two
# invalid addresses are two errors, the same required message is one.
MV_EMAILS = {"name": "pair", "type": "MultiValueField", "fields": [{"type": "EmailField"}, {"type": "EmailField"}, {"type": "IntegerField", "min_value": 0}],
             "widget": {"type": "MultiWidget", "widgets": ["TextInput", "TextInput", "TextInput"]}, "require_all_fields": False}
for i, data in enumerate([{"pair_0": "-1", "pair_1": "a", "pair_2": "-3"},
                          {"pair_0": "same", "pair_1": "same", "pair_2": "x"},
                          {"pair_0": "", "pair_1": "", "pair_2": ""},
                          {"pair_0": "a@b.co", "pair_1": "", "pair_2": "-1"}]):
    case(f"multivalue_duplicate_errors_{i}", {"form": {"fields": [MV_EMAILS]}, "bind": {"data": data},
                                              "renderer": "DjangoDivFormRenderer"})

# A multiple choice field's initial written as a string is, to Django's
# has_changed, the sequence of its characters.
for i, (initial, data) in enumerate([("abc", {}), ("a", {"f0": ["a"]}), ("ab", {"f0": ["a", "b"]}), ("ab", {"f0": ["ab"]})]):
    case(f"multiple_choice_string_initial_{i}", {"form": {"fields": [
        {"name": "f0", "type": "MultipleChoiceField", "choices": [["a", "A"], ["b", "B"], ["ab", "AB"]], "required": False}],
        "initial": {"f0": initial}}, "bind": {"data": data}, "renderer": "DjangoDivFormRenderer",
        "outputs": ["as_div", "has_changed", "changed_data", "cleaned_data"]})

# A date, a date and time and a time of day print as Django's localize()
# prints them, in the form's language (DATE_FORMAT, DATETIME_FORMAT,
# TIME_FORMAT), and the date and time filters take Django's format
# characters and named formats.
DATE_FIELDS = [{"name": "d", "type": "DateField", "initial": {"$date": "2022-08-03"}, "required": False},
               {"name": "dt", "type": "DateTimeField", "initial": {"$datetime": "2006-10-05T14:30:59"}, "required": False},
               {"name": "t", "type": "TimeField", "initial": {"$time": "12:00:00"}, "required": False},
               {"name": "m", "type": "TimeField", "initial": {"$time": "00:00:00"}, "required": False},
               {"name": "am", "type": "DateTimeField", "initial": {"$datetime": "2021-01-11T09:05:00"}, "required": False}]
DATE_SNIP = ("{{ form.d.initial }}|{{ form.dt.initial }}|{{ form.t.initial }}|{{ form.m.initial }}|{{ form.am.initial }}|"
             "{{ form.d.initial|date }}|{{ form.dt.initial|date:'SHORT_DATETIME_FORMAT' }}|{{ form.d.initial|date:'SHORT_DATE_FORMAT' }}|"
             "{{ form.dt.initial|date:'D, d M Y H:i:s \\\\a\\\\t jS F, N, E, l, b, n/j/y, w W z t L o' }}|"
             "{{ form.am.initial|date:'g:i a A P f h G u c' }}|{{ form.am.initial|date:'YEAR_MONTH_FORMAT' }}|"
             "{{ form.am.initial|date:'MONTH_DAY_FORMAT' }}|{{ form.dt.initial|time }}|{{ form.dt.initial|time:'H:i' }}|"
             "{{ form.t.initial|time:'P' }}|{{ form.t.initial|date:'H' }}|{{ form.t.initial|date:'Y' }}|{{ form.d.initial|time }}|"
             "{{ form.dt.initial|time:'Y' }}|{{ None|date }}|{{ ''|date:'Y' }}|{{ 'x'|date:'Y' }}")
for lang in (None, "de", "pl", "ru", "ja", "fr", "es", "hi", "ar", "nl"):
    c = {"form": {"fields": DATE_FIELDS}, "templates": {"theme/form.html": DATE_SNIP},
         "renderer": {"class": "DjangoDivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]}
    if lang:
        c["language"] = lang
    case(f"theme_dates_{lang or 'en'}", c)

# truncatechars ends with the language's truncation text ("..." in
# Chinese), within the length.
for lang in (None, "zh-hans", "zh-hant", "ja", "de", "hy"):
    c = {"form": {"fields": [{"name": "f0", "type": "CharField", "label": "Your name is long"}]},
         "templates": {"theme/form.html": "{{ form.f0.label|truncatechars:5 }}|{{ form.f0.label|truncatechars:2 }}|"
                                          "{{ form.f0.label|truncatechars:0 }}|{{ form.f0.label|truncatechars:17 }}|{{ form.f0.label|truncatechars:16 }}"},
         "renderer": {"class": "DjangoDivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]}
    if lang:
        c["language"] = lang
    case(f"theme_truncatechars_{lang or 'en'}", c)

# An error list's and an error dict's as_data print as Django's repr of
# them, empty ones too.
for lang in (None, "sq"):
    c = {"form": {"fields": [{"name": "name", "type": "CharField", "max_length": 3},
                             {"name": "age", "type": "IntegerField", "required": False}],
                  "clean_errors": [{"field": None, "message": "Don't <do> that", "code": "x"}]},
         "bind": {"data": {"name": "abcd", "age": ""}},
         "templates": {"theme/form.html": "{% for field in form %}{{ field.errors.as_data }};{% endfor %}"
                                          "{{ form.errors.as_data }}|{{ form.non_field_errors.as_data }}|"
                                          "{{ form.errors.as_data|safe }}|{% if form.age.errors.as_data %}T{% endif %}"},
         "renderer": {"class": "DjangoDivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]}
    if lang:
        c["language"] = lang
    case(f"theme_errors_as_data_{lang or 'en'}", c)

# A SelectDateWidget's input_type is "select", as Django's class says.
case("theme_select_date_input_type", {"form": {"fields": [
    {"name": "d", "type": "DateField", "widget": {"type": "SelectDateWidget", "years": [2021, 2022]}, "required": False},
    {"name": "s", "type": "SplitDateTimeField", "required": False}]},
    "templates": {"theme/form.html": "{% for field in form %}[{{ field.field.widget.input_type }}]{% endfor %}"},
    "renderer": {"class": "DjangoDivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]})

# An error list's and an error dict's as_json and get_json_data: Python's
# json.dumps (non-ASCII escaped) and the repr of the data, iterated by
# their items, in both template languages.
JSON_FORM = {"fields": [{"name": "name", "type": "CharField", "max_length": 3},
                        {"name": "age", "type": "IntegerField", "required": False}],
             "clean_errors": [{"field": None, "message": "Don't <do> that é", "code": "x"}]}
case("theme_errors_as_json", {"form": JSON_FORM, "bind": {"data": {"name": "abcd", "age": "x"}},
     "templates": {"theme/form.html": "{% for field in form %}{{ field.errors.as_json }};{{ field.errors.get_json_data }};{% endfor %}"
                                      "{{ form.errors.as_json }}|{{ form.non_field_errors.as_json }}|{{ form.errors.get_json_data }}|"
                                      "{{ form.errors.as_json|safe }}|{% if form.age.errors.as_json %}T{% endif %}"
                                      "{% for k, v in form.errors.get_json_data.items %}{{ k }}={% for e in v %}{{ e.code }}{% endfor %};{% endfor %}"
                                      "{% for e in form.errors.get_json_data.name %}{{ e.message }}{{ e }}{% endfor %}"},
     "renderer": {"class": "DjangoDivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]})
case("jinja_errors_as_json", {"form": JSON_FORM, "bind": {"data": {"name": "abcd", "age": "x"}},
     "templates": {"theme/form.html": "{% for field in form %}{{ field.errors.as_json() }};{{ field.errors.get_json_data() }};{% endfor %}"
                                      "{{ form.errors.as_json() }}|{{ form.errors.get_json_data() }}|{{ form.errors.as_json()|safe }}|"
                                      "{% if form.age.errors.as_json() %}T{% endif %}"
                                      "{% for k, v in form.errors.get_json_data().items() %}{{ k }}={% for e in v %}{{ e.code }}{% endfor %};{% endfor %}"},
     "renderer": {"class": "Jinja2DivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]})

# A choice group's choices print as Python's repr of them (a list of
# tuples), iterate as pairs and print unescaped with |safe.
GROUP_FORM = {"fields": [{"name": "f1", "type": "ChoiceField", "choices": [["1", "One"], ["Group 'x'", [["g1", "G <one>"], [2, "G two"]]]]},
                         {"name": "f2", "type": "MultipleChoiceField", "choices": [["G", [["a", "A"]]], ["b", "B"]]}]}
case("theme_group_choices", {"form": GROUP_FORM,
     "templates": {"theme/form.html": "{% for field in form %}{% for v, l in field.field.choices %}({{ v }}={{ l }})"
                                      "{% if v == 'G' or v == \"Group 'x'\" %}{% for a, b in l %}[{{ a }}:{{ b }}]{% endfor %}{{ l|safe }}{% endif %}"
                                      "{% endfor %}{% endfor %}"},
     "renderer": {"class": "DjangoDivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]})
case("jinja_group_choices", {"form": GROUP_FORM,
     "templates": {"theme/form.html": "{% for field in form %}{% for v, l in field.field.choices %}({{ v }}={{ l }})"
                                      "{% if l is not string %}{% for a, b in l %}[{{ a }}:{{ b }}]{% endfor %}{% endif %}{% endfor %}{% endfor %}"},
     "renderer": {"class": "Jinja2DivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]})

# Jinja's built-in tests (string, number, mapping, divisibleby, in, the
# comparisons...) on a form's values.
case("jinja_tests", {"form": {"fields": [{"name": "f0", "type": "CharField", "label": "Name"}, {"name": "n", "type": "IntegerField", "initial": 7}]},
     "bind": {"data": {"f0": "", "n": "8"}},
     "templates": {"theme/form.html": "{{ form.f0.label is string }}{{ 3 is number }}{{ 3 is integer }}{{ 3 is float }}{{ true is boolean }}"
                                      "{{ true is number }}{{ form.errors is mapping }}{{ form.f0.errors is mapping }}{{ form.f0.errors is iterable }}"
                                      "{{ 'ab' is sequence }}{{ 3 is odd }}{{ 4 is even }}{{ 'abc' is lower }}{{ 'ABC' is upper }}{{ 'Ab' is upper }}"
                                      "{{ form.f0.label_tag() is escaped }}{{ 'x' is escaped }}{{ 9 is divisibleby 3 }}{{ 9 is divisibleby(4) }}"
                                      "{{ 'a' is in 'abc' }}{{ 'f0' is in form.errors }}{{ 3 is ne 4 }}{{ 3 is lt 4 }}{{ 3 is ge 4 }}{{ 3 is gt(2) }}"
                                      "{{ 3 is le 3 }}{{ form.f0.label is not string }}{{ form.f0.label_tag is callable }}{{ form.fields is mapping }}"
                                      "{{ form.n.value() is string }}{{ form.n.initial is integer }}{{ none is string }}{{ form.f0.errors is sequence }}"
                                      "{{ [1] is iterable }}{{ {'a': 1} is mapping }}"},
     "renderer": {"class": "Jinja2DivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]})

# form.fields is a mapping: its items are the fields by name; a field's
# own label is None when made from the name, "" when hidden.
FIELDS_FORM = {"fields": [{"name": "f0", "type": "CharField", "label": "Name", "help_text": "h <b>"},
                          {"name": "n", "type": "IntegerField", "initial": 7, "required": False},
                          {"name": "h", "type": "CharField", "label": "", "required": False}]}
case("theme_fields_items", {"form": FIELDS_FORM,
     "templates": {"theme/form.html": "{% for name, f in form.fields.items %}{{ name }}:{{ f.label }}:{{ f.help_text }}:{{ f.required }};{% endfor %}"
                                      "{{ form.fields|length }}{% for k in form.fields %}{{ k }}{% endfor %}{{ form.fields.n.initial }}"},
     "renderer": {"class": "DjangoDivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]})
case("jinja_fields_items", {"form": FIELDS_FORM,
     "templates": {"theme/form.html": "{% for name, f in form.fields.items() %}{{ name }}:{{ f.label }}:{{ f.help_text }}:{{ f.required }};{% endfor %}"
                                      "{{ form.fields|length }}{{ form.fields is mapping }}{% for k in form.fields %}{{ k }}{% endfor %}{{ form.fields.n.initial }}"},
     "renderer": {"class": "Jinja2DivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]})

# wordwrap wraps at a width of characters (Django's wrap), truncatewords
# ends with " …", both keep markup safe; a stringfilter (upper, title...)
# sees a list's repr as text, which is escaped once.
case("theme_wordwrap_truncatewords", {"form": {"fields": [
    {"name": "f0", "type": "CharField", "label": "A rather long label <b>here</b>", "help_text": "one  two\tthree four five six"}]},
    "templates": {"theme/form.html": "{{ form.f0.label|wordwrap:6 }}|{{ form.f0.help_text|wordwrap:9 }}|{{ form.f0.label_tag|wordwrap:20 }}|"
                                     "{{ form.f0.label|truncatewords:2 }}|{{ form.f0.help_text|truncatewords:9 }}|{{ form.f0.label_tag|truncatewords:3 }}|"
                                     "{{ form.f0.label|truncatewords:0 }}|{{ form.f0.label|truncatewords:'x' }}"},
    "renderer": {"class": "DjangoDivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]})
case("theme_stringfilter_of_list", {"form": {"fields": [
    {"name": "f0", "type": "MultipleChoiceField", "choices": [["a'b", "A"], ["c", "C"]]}]},
    "bind": {"data": {"f0": ["a'b", "c"]}},
    "templates": {"theme/form.html": "{{ form.f0.value|upper }}|{{ form.f0.value|title }}|{{ form.f0.value|cut:'c' }}|{{ form.f0.value|truncatechars:6 }}|"
                                     "{{ form.f0.value|wordwrap:4 }}|{{ form.f0.value|addslashes }}|{{ form.f0.value|length }}|{{ form.f0.value|first }}"},
    "renderer": {"class": "DjangoDivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]})

# A printed float or Decimal is localized as Django's localize() does:
# plain notation (1e16 in full, Decimal 1E+2 as 100), the language's
# decimal separator; a float still compares as a number.
for lang in ("en", "cs"):
    case(f"theme_numbers_{lang}", {"form": {"fields": [
        {"name": "d", "type": "DecimalField", "initial": {"$decimal": "1.50"}},
        {"name": "e", "type": "DecimalField", "initial": {"$decimal": "1E+2"}, "required": False},
        {"name": "f", "type": "FloatField", "initial": 1.5},
        {"name": "g", "type": "FloatField", "initial": 1e16, "required": False},
        {"name": "h", "type": "FloatField", "initial": 0.00001, "required": False}]},
        "language": lang,
        "templates": {"theme/form.html": "{% for field in form %}{{ field.initial }}|{{ field.value }};{% endfor %}"
                                         "{% if form.f.initial > 1 %}gt{% endif %}{% if form.h.initial < 1 %}lt{% endif %}{{ form.f.initial|floatformat }}"},
        "renderer": {"class": "DjangoDivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]})

# In Jinja a Decimal and a float are numbers, not strings, and print as
# Python's str() (no localization).
case("jinja_number_tests", {"form": {"fields": [
    {"name": "d", "type": "DecimalField", "initial": {"$decimal": "1E+2"}},
    {"name": "f", "type": "FloatField", "initial": 1.5}]},
    "language": "cs",
    "templates": {"theme/form.html": "{% for field in form %}{{ field.initial }}|{{ field.value() is string }}{{ field.initial is number }}"
                                     "{{ field.initial is float }}{{ field.initial is integer }};{% endfor %}"},
    "renderer": {"class": "Jinja2DivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]})

# clean()'s "present" condition is Python's bool() of the cleaned value:
# Decimal("0"), 0, 0.0 and timedelta(0) are false, so no error is added.
case("clean_present_zero", {"form": {"fields": [
    {"name": "d", "type": "DecimalField"},
    {"name": "i", "type": "IntegerField"},
    {"name": "f", "type": "FloatField"},
    {"name": "t", "type": "DurationField"},
    {"name": "s", "type": "CharField"}],
    "clean_errors": [{"field": None, "message": f"Check {n}", "code": "c", "when": {"present": n}} for n in ("d", "i", "f", "t", "s")]},
    "bind": {"data": {"d": "0.00", "i": "0", "f": "0.0", "t": "00:00:00", "s": "0"}},
    "outputs": ["errors", "non_field_errors"]})

# A stringfilter (|upper, |safe, |escape...) reads Python's str() of a
# date, a time, a float or a Decimal, not the localized text {{ v }}
# prints; |stringformat:'r' is Python's repr (datetime.date(2022, 8, 3),
# datetime.timedelta(seconds=3600)). A naive datetime at midnight is a
# datetime.
for lang in ("en", "pl", "cs"):
    case(f"theme_stringfilter_of_times_{lang}", {"form": {"fields": [
        {"name": "dt", "type": "DateTimeField", "initial": {"$datetime": "2022-08-03T10:30:00"}},
        {"name": "mid", "type": "DateTimeField", "initial": {"$datetime": "2022-08-03T00:00:00"}},
        {"name": "d", "type": "DateField", "initial": {"$date": "2022-08-03"}},
        {"name": "t", "type": "TimeField", "initial": {"$time": "10:30:05"}},
        {"name": "du", "type": "DurationField", "initial": {"$duration": 3600.5}},
        {"name": "f", "type": "FloatField", "initial": 1.5},
        {"name": "dec", "type": "DecimalField", "initial": {"$decimal": "1E+2"}},
        {"name": "c", "type": "CharField", "initial": {"$datetime": "2022-08-03T00:00:00"}}]},
        "language": lang,
        "templates": {"theme/form.html": "{% for field in form %}{{ field.initial }}|{{ field.initial|upper }}|{{ field.initial|safe }}|"
                                         "{{ field.initial|escape }}|{{ field.initial|stringformat:'r' }}|{{ field.initial|stringformat:'s' }}|"
                                         "{{ field.value|default:'-'|lower }}|{{ field.value }};\n{% endfor %}{{ form.c }}"},
        "renderer": {"class": "DjangoDivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]})

# In Jinja a date, a time and a timedelta are no strings to the tests, and
# print as Python's str().
case("jinja_time_tests", {"form": {"fields": [
    {"name": "dt", "type": "DateTimeField", "initial": {"$datetime": "2022-08-03T00:00:00"}},
    {"name": "d", "type": "DateField", "initial": {"$date": "2022-08-03"}},
    {"name": "t", "type": "TimeField", "initial": {"$time": "10:30:05"}},
    {"name": "du", "type": "DurationField", "initial": {"$duration": 3600}}]},
    "language": "pl",
    "templates": {"theme/form.html": "{% for field in form %}{{ field.initial }}|{{ field.value() }}|{{ field.initial is string }}"
                                     "{{ field.value() is string }}{{ field.initial is number }}|{{ field.initial|upper }};{% endfor %}"},
    "renderer": {"class": "Jinja2DivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]})

# A name submitted with an empty list of values is QueryDict.get's
# default, None: not "", for a text input, a select of dates, a checkbox.
case("data_empty_list", {"form": {"fields": [
    {"name": "c", "type": "CharField", "required": False},
    {"name": "h", "type": "CharField", "widget": "HiddenInput", "required": False},
    {"name": "d", "type": "DateField", "widget": "SelectDateWidget", "required": False},
    {"name": "b", "type": "BooleanField", "required": False},
    {"name": "n", "type": "NullBooleanField"}]},
    "bind": {"data": {"c": [], "h": [], "d_year": [], "d_month": "2", "d_day": "3", "b": [], "n": []}},
    "outputs": ["bound_fields", "errors", "cleaned_data", "changed_data"]})

# Django's l10n library: |localize, |unlocalize and {% localize off %}
# (English's formats and separators, the language's month names), nested
# {% localize on %}.
for lang in ("cs", "de", "en"):
    case(f"theme_localize_{lang}", {"form": {"fields": [
        {"name": "d", "type": "DateField", "initial": {"$date": "2022-08-03"}},
        {"name": "dt", "type": "DateTimeField", "initial": {"$datetime": "2022-08-03T10:30:00"}},
        {"name": "t", "type": "TimeField", "initial": {"$time": "10:30:00"}},
        {"name": "f", "type": "FloatField", "initial": 1.5},
        {"name": "dec", "type": "DecimalField", "initial": {"$decimal": "1234.50"}},
        {"name": "i", "type": "IntegerField", "initial": 1234},
        {"name": "c", "type": "MultipleChoiceField", "choices": [["a", "A"]], "initial": ["a"]}]},
        "language": lang,
        "templates": {"theme/form.html": "{% load l10n %}{% for field in form %}{{ field.initial }}|{{ field.initial|localize }}|{{ field.initial|unlocalize }}|"
                                         "{% localize off %}{{ field.initial }}|{{ field.value }}{% localize on %}[{{ field.initial }}]{% endlocalize %}{{ field.initial|date:'DATE_FORMAT' }}{% endlocalize %};\n{% endfor %}"},
        "renderer": {"class": "DjangoDivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]})

# Django's i18n tags: blocktranslate with count and {% plural %}, with,
# trimmed, asvar, a message of Django's catalog translated; trans;
# get_current_language and its _bidi.
for lang in (None, "fr", "ar", "pl"):
    c = {"form": {"fields": [
        {"name": "f0", "type": "CharField", "label": "Name <b>"},
        {"name": "f1", "type": "IntegerField"}]},
        "bind": {"data": {"f0": "", "f1": "x"}},
        "templates": {"theme/form.html": "{% load i18n %}{% blocktranslate count n=form.errors|length %}one error{% plural %}{{ n }} errors{% endblocktranslate %}|"
                                         "{% blocktrans with name=form.f0.label tag=form.f0.label_tag %}Field {{ name }} {{ tag }} & 100%{% endblocktrans %}|"
                                         "{% blocktranslate trimmed %}\n  This field\n  is required.\n{% endblocktranslate %}|"
                                         "{% blocktranslate asvar msg %}Enter a whole number.{% endblocktranslate %}[{{ msg }}]|{% trans \"Enter a valid date.\" %}|"
                                         "{% get_current_language as L %}{% get_current_language_bidi as B %}{{ L }}{{ B }}|"
                                         "{% for field in form %}{% blocktranslate count c=field.errors|length with f=field.name %}{{ f }}: {{ c }} problem{% plural %}{{ f }}: {{ c }} problems{% endblocktranslate %};{% endfor %}"},
        "renderer": {"class": "DjangoDivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]}
    if lang:
        c["language"] = lang
    case(f"theme_blocktranslate_{lang or 'default'}", c)

# {% regroup %} by a dotted attribute, in runs of equal values.
case("theme_regroup", {"form": {"fields": [
    {"name": "a", "type": "CharField"},
    {"name": "b", "type": "CharField", "required": False},
    {"name": "c", "type": "IntegerField", "required": False},
    {"name": "d", "type": "EmailField"},
    {"name": "e", "type": "CharField", "widget": "HiddenInput"}]},
    "templates": {"theme/form.html": "{% regroup form.visible_fields by field.required as groups %}{% for g in groups %}{{ g.grouper }}:{% for f in g.list %}{{ f.name }},{% endfor %};{% endfor %}|"
                                     "{% regroup form by widget_type as w %}{% for g in w %}{{ g.grouper }}={{ g.list|length }};{% endfor %}|{% regroup form.missing by x as none %}{{ none|length }}"},
    "renderer": {"class": "DjangoDivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]})

# Django's safeseq, dictsort, dictsortreversed, unordered_list and json_script
# on a form's values, fields, choices and errors.
case("theme_dictsort", {'form': {'fields': [{'name': 'zeta', 'type': 'MultipleChoiceField', 'choices': [['x', 'X <1>'], ['a', 'A & 2'], ['m', 'M']], 'initial': ['x', 'a'], 'label': 'Zed'}, {'name': 'alpha', 'type': 'CharField', 'label': 'Alpha <b>', 'initial': 'q<"\'&'}, {'name': 'mid', 'type': 'IntegerField', 'required': False, 'initial': 7}, {'name': 'hid', 'type': 'CharField', 'widget': 'HiddenInput', 'initial': 'h'}]}, 'templates': {'theme/form.html': "<p>{% for n, f in form.fields.items|dictsort:0 %}[{{ n }}]{% endfor %}</p><p>{% for n, f in form.fields.items|dictsortreversed:0 %}[{{ n }}]{% endfor %}</p><p>{% for f in form.visible_fields|dictsort:'label' %}[{{ f.name }}={{ f.label }}]{% endfor %}</p><p>{% for f in form.visible_fields|dictsortreversed:'name' %}[{{ f.name }}]{% endfor %}</p><p>{% for f in form|dictsort:'html_name' %}[{{ f.name }}]{% endfor %}</p><p>{% for f in form.visible_fields|dictsort:'field.required' %}[{{ f.name }}]{% endfor %}</p><p>{% for f in form.visible_fields|dictsort:'is_hidden' %}[{{ f.name }}]{% endfor %}</p><p>a{{ form.visible_fields|dictsort:'field.label' }}b{{ form.visible_fields|dictsort:'value' }}c{{ form.visible_fields|dictsort:'initial' }}d{{ form.fields.items|dictsort:1 }}e{{ form.mid.value|dictsort:0 }}f{{ form.visible_fields|dictsort:'_x' }}g{{ form.visible_fields|dictsort:'nope' }}h{{ form.fields.items|dictsort:'0' }}</p><p>{{ form.zeta.field.choices|dictsort:1 }}</p><p>{{ form.zeta.field.choices|dictsortreversed:0 }}</p><p>{{ form.zeta.value|dictsort:0 }}|{{ form.zeta.value|dictsortreversed:0|join:'+' }}|{{ form.alpha.value|dictsort:0 }}</p><p>{% for w in form.zeta|dictsort:'choice_label' %}[{{ w.choice_label }}]{% endfor %}{% for w in form.zeta.subwidgets|dictsortreversed:'data.value' %}[{{ w.data.value }}]{% endfor %}</p><p>{{ form.zeta.field.choices|dictsort:True }}|{{ form.zeta.field.choices|dictsort:'1.5' }}|{{ form.fields|dictsort:0 }}</p>"}, 'renderer': {'class': 'DjangoDivFormRenderer', 'form_template_name': 'theme/form.html'}, 'outputs': ['str']})
case("theme_list_filters_errors", {'form': {'fields': [{'name': 'zeta', 'type': 'MultipleChoiceField', 'choices': [['x', 'X <1>'], ['a', 'A & 2'], ['m', 'M']], 'initial': ['x', 'a'], 'label': 'Zed'}, {'name': 'alpha', 'type': 'CharField', 'label': 'Alpha <b>', 'initial': 'q<"\'&'}, {'name': 'mid', 'type': 'IntegerField', 'required': False, 'initial': 7}, {'name': 'hid', 'type': 'CharField', 'widget': 'HiddenInput', 'initial': 'h'}]}, 'templates': {'theme/form.html': "{{ form.errors|json_script:'errs' }}{{ form.alpha.errors|json_script:'ae' }}{{ form.zeta.errors|json_script }}<ul>{{ form.errors|unordered_list }}</ul><ul>{{ form.alpha.errors|unordered_list }}</ul><ul>{{ form.errors.items|unordered_list }}</ul><p>{{ form.errors|dictsort:0 }}|{{ form.alpha.errors|dictsort:0 }}|{{ form.errors.items|safeseq }}</p><p>{% for n, e in form.errors.items|dictsortreversed:0 %}[{{ n }}:{{ e|join:',' }}]{% endfor %}</p><p>{% for f in form.visible_fields|dictsort:'errors' %}[{{ f.name }}]{% endfor %}</p>{{ form.errors.get_json_data|json_script:'gj' }}{{ form.alpha.errors.get_json_data|json_script:'agj' }}"}, 'renderer': {'class': 'DjangoDivFormRenderer', 'form_template_name': 'theme/form.html'}, 'outputs': ['str'], 'bind': {'data': {'zeta': ['zz'], 'alpha': '', 'mid': 'x', 'hid': ''}}})
case("theme_json_script_types", {'form': {'fields': [{'name': 'd', 'type': 'DateField', 'initial': {'$date': '2022-08-03'}}, {'name': 'dt', 'type': 'DateTimeField', 'initial': {'$datetime': '2022-08-03T10:30:00.123456'}}, {'name': 't', 'type': 'TimeField', 'initial': {'$time': '13:45:00'}}, {'name': 'dur', 'type': 'DurationField', 'initial': {'$duration': -3605}}, {'name': 'dec', 'type': 'DecimalField', 'initial': {'$decimal': '1.50'}}, {'name': 'fl', 'type': 'FloatField', 'initial': 2.5}, {'name': 'u', 'type': 'CharField', 'initial': 'é😀 <\u2028>'}, {'name': 'b', 'type': 'BooleanField', 'initial': True, 'required': False}, {'name': 'g', 'type': 'ChoiceField', 'choices': [['G1', [['a', 'A<'], ['b', 'B']]], ['c', 'C']]}]}, 'templates': {'theme/form.html': "{% for f in form %}{{ f.value|json_script:f.name }}{% endfor %}{{ form.g.field.choices|json_script:'gc' }}<ul>{{ form.g.field.choices|unordered_list }}</ul><p>{{ form.g.field.choices|dictsort:0 }}|{{ form.g.field.choices|safeseq }}</p><p>{% for f in form.visible_fields|dictsort:'initial' %}{{ f.name }}{% endfor %}|{% for f in form.visible_fields|dictsort:'widget_type' %}[{{ f.name }}]{% endfor %}</p>"}, 'renderer': {'class': 'DjangoDivFormRenderer', 'form_template_name': 'theme/form.html'}, 'outputs': ['str']})
case("theme_unordered_list_safeseq", {'form': {'fields': [{'name': 'zeta', 'type': 'MultipleChoiceField', 'choices': [['x', 'X <1>'], ['a', 'A & 2'], ['m', 'M']], 'initial': ['x', 'a'], 'label': 'Zed'}, {'name': 'alpha', 'type': 'CharField', 'label': 'Alpha <b>', 'initial': 'q<"\'&'}, {'name': 'mid', 'type': 'IntegerField', 'required': False, 'initial': 7}, {'name': 'hid', 'type': 'CharField', 'widget': 'HiddenInput', 'initial': 'h'}]}, 'templates': {'theme/form.html': "<ul>{{ form.zeta.value|unordered_list }}</ul><ul>{{ form.alpha.value|unordered_list }}</ul><ul>{{ form.zeta.field.choices|unordered_list }}</ul><ul>{{ form.visible_fields|unordered_list }}</ul><ul>{{ form.zeta|unordered_list }}</ul><ul>{{ form.fields|unordered_list }}</ul><ul>{{ form.zeta.value|safeseq|unordered_list }}</ul><ul>{{ form.zeta.field.choices|dictsort:1|unordered_list }}</ul><p>{{ form.zeta.value|safeseq }}|{{ form.zeta.value|safeseq|join:', ' }}|{{ form.alpha.value|safeseq }}|{{ form.alpha.value|safeseq|join:'' }}</p><p>{{ form.zeta.field.choices|safeseq }}</p><p>{{ form.zeta.field.choices|safeseq|join:' / ' }}</p><div>{{ form.visible_fields|safeseq|join:'' }}</div><div>{{ form.zeta|safeseq|join:'' }}</div><p>{% for x in form.zeta.value|safeseq %}[{{ x }}]{% endfor %}{{ form.zeta.value|safeseq|length }}{{ form.zeta.value|safeseq|first }}{% if form.zeta.value|safeseq %}T{% endif %}</p><p>{{ form.fields|safeseq }}|{{ form.zeta.value|safeseq|dictsort:0 }}</p>"}, 'renderer': {'class': 'DjangoDivFormRenderer', 'form_template_name': 'theme/form.html'}, 'outputs': ['str']})

# A pair |first or |last takes from a field's choices prints as Python's
# repr of the tuple, and stringfilters read that repr.
case("theme_first_of_pairs", {"form": {"fields": [
    {"name": "f0", "type": "ChoiceField", "choices": [["a", "A <x>"], ["b", "B"]]},
    {"name": "f1", "type": "CharField", "label": "L'1"}]},
    "templates": {"theme/form.html": "{{ form.f0.field.choices|first }}|{{ form.f0.field.choices|last }}|{{ form.f0.field.choices|last|last }}|"
                                     "{{ form.f0.field.choices|first|safe }}|{{ form.f0.field.choices|first|length }}|{{ form.f0.field.choices|first|upper }}"},
    "renderer": {"class": "DjangoDivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]})

# Jinja2's built-in filters a theme uses (selectattr, groupby, batch, sort,
# xmlattr, tojson, round, format, wordwrap...), with keyword arguments.
JINJA_FILTER_CASES = [
("jinja_filters_select_groupby", {'form': {'fields': [{'name': 'email', 'type': 'EmailField', 'label': 'E-mail <address>'}, {'name': 'age', 'type': 'IntegerField', 'min_value': 18, 'required': False}, {'name': 'color', 'type': 'ChoiceField', 'choices': [['r', 'Red'], ['g', 'Green & <Lime>']], 'widget': 'RadioSelect'}, {'name': 'token', 'type': 'CharField', 'widget': 'HiddenInput', 'required': False}, {'name': 'notes', 'type': 'CharField', 'widget': 'Textarea', 'required': False}]}, 'bind': {'data': {'email': 'nope', 'age': '7', 'token': 't<'}}, 'templates': {'theme/form.html': '{% if form.errors %}<ul class="summary">{% for f in form|selectattr(\'errors\') %}<li><a href="#{{ f.auto_id }}">{{ f.label }}</a>: {{ f.errors|join(\'; \') }}</li>{% endfor %}</ul>{% endif %}{% for hidden, fields in form|groupby(\'is_hidden\') %}<fieldset data-hidden="{{ hidden }}">{% for f in fields %}{{ f.label_tag() }}{{ f }}{% endfor %}</fieldset>{% endfor %}{% for g in form|groupby(\'widget_type\') %}{{ g.grouper }}={{ g.list|map(attribute=\'name\')|join(\'+\') }};{% endfor %}|{{ form|rejectattr(\'is_hidden\')|map(attribute=\'name\')|join(\', \') }}|{{ form|selectattr(\'field.required\')|map(attribute=\'label\')|join(\' & \') }}|{{ form|map(attribute=\'errors\')|map(\'length\')|sum }}'}, 'renderer': {'class': 'Jinja2DivFormRenderer', 'form_template_name': 'theme/form.html'}, 'outputs': ['str']}),
("jinja_filters_batch_sort", {'form': {'fields': [{'name': 'f0', 'type': 'CharField', 'label': 'First', 'required': True}, {'name': 'f1', 'type': 'CharField', 'label': 'second <2>', 'required': False}, {'name': 'f2', 'type': 'CharField', 'label': 'Third', 'required': True}, {'name': 'f3', 'type': 'CharField', 'label': 'fourth', 'required': False}, {'name': 'f4', 'type': 'CharField', 'label': 'Fifth & last', 'required': True}]}, 'templates': {'theme/form.html': '{% for row in form|batch(2, \'\') %}<div class="row r{{ loop.index }}">{% for f in row %}<div class="col">{% if f %}{{ f.label|center(14) }}|{{ f.name }}{% else %}&nbsp;{% endif %}</div>{% endfor %}</div>{% endfor %}{% for col in form|slice(2) %}<ul>{% for f in col %}<li>{{ loop.index }}:{{ f.label|truncate(8, true, \'…\', 0) }}</li>{% endfor %}</ul>{% endfor %}{% for a, b in form.f1.field.widget.attrs|dictsort %}[{{ a }}={{ b }}]{% endfor %}|{{ form|sort(attribute=\'label\')|map(attribute=\'name\')|join(\',\') }}|{{ form|sort(attribute=\'field.required,label\', reverse=true)|map(attribute=\'name\')|join(\',\') }}|{{ form|map(attribute=\'label\')|map(\'lower\')|unique|list|length }}|{{ (form|min(attribute=\'label\')).name }}/{{ (form|max(attribute=\'label\', case_sensitive=true)).name }}'}, 'renderer': {'class': 'Jinja2DivFormRenderer', 'form_template_name': 'theme/form.html'}, 'outputs': ['str']}),
("jinja_filters_xmlattr", {'form': {'fields': [{'name': 'name', 'type': 'CharField', 'max_length': 30, 'label': 'Name <b>', 'widget': {'type': 'TextInput', 'attrs': {'class': 'wide'}}}, {'name': 'age', 'type': 'IntegerField', 'min_value': 18, 'required': False}, {'name': 'token', 'type': 'CharField', 'widget': 'HiddenInput', 'initial': 'a"b<c>'}]}, 'bind': {'data': {'name': "O'Brien & <Co>", 'age': '21', 'token': 'x"<y>'}}, 'templates': {'django/forms/widgets/input.html': '<input type="{{ widget.type }}" name="{{ widget.name }}"{{ {\'value\': widget.value}|xmlattr }}{{ widget.attrs|xmlattr }}>{{ widget.attrs|tojson }}|{{ widget.attrs|dictsort|map(\'join\', \'=\')|join(\' \') }}|{{ widget.attrs|items|list|length }}'}, 'renderer': 'Jinja2DivFormRenderer', 'outputs': ['as_div']}),
("jinja_filters_numbers", {'form': {'fields': [{'name': 'price', 'type': 'DecimalField', 'initial': {'$decimal': '12.345'}, 'max_digits': 6, 'decimal_places': 3}, {'name': 'ratio', 'type': 'FloatField', 'initial': 2.675}, {'name': 'size', 'type': 'IntegerField', 'initial': 1536000}, {'name': 'count', 'type': 'IntegerField', 'initial': 7}]}, 'templates': {'theme/form.html': "{% set p = form.price.initial %}{% set r = form.ratio.initial %}{% set s = form.size.initial %}{{ p|round }}|{{ p|round(2) }}|{{ p|round(1, 'ceil') }}|{{ p|round(precision=1, method='floor') }}|{{ r|round(2) }}|{{ r|round }}|{{ r|round(1, 'floor') }}|{{ form.count.initial|round(1) }}|{{ s|filesizeformat }}|{{ s|filesizeformat(true) }}|{{ form.count.initial|filesizeformat }}|{{ 1|filesizeformat }}|{{ '%.2f'|format(p) }}|{{ '%05.1f|%x|%s'|format(r, s, p) }}|{{ '%(n)d items at %(p)s'|format(n=form.count.initial, p=p) }}|{{ [p, 1]|sum }}|{{ [r, s]|sum(start=1) }}|{{ p|float|round(1) }}|{{ r|int }}|{{ p|abs }}|{{ [p, r|string]|map('string')|join(' ') }}|{{ form|map(attribute='initial')|map('round', 1)|list }}"}, 'renderer': {'class': 'Jinja2', 'form_template_name': 'theme/form.html'}, 'outputs': ['str']}),
("jinja_filters_text", {'form': {'fields': [{'name': 'bio', 'type': 'CharField', 'label': 'Your <em>bio</em>', 'help_text': 'Tell us about yourself & your work; keep it short, please - one paragraph is plenty.', 'widget': 'Textarea'}, {'name': 'nick', 'type': 'CharField', 'label': 'nick-name', 'required': False}]}, 'bind': {'data': {'nick': 'x'}}, 'templates': {'theme/form.html': "<pre>{{ form.bio.help_text|wordwrap(20) }}</pre><pre>{{ form.bio.help_text|wordwrap(24, wrapstring='<br>'|safe) }}</pre>{{ form.bio.help_text|truncate(30) }}|{{ form.bio.label|center(24) }}|{{ form.bio.label_tag()|upper }}|{{ form.bio.label_tag()|forceescape }}|{{ (form.bio.label|e)|forceescape }}|{{ '%s'|format(form.bio.label_tag()) }}|{{ '<b>%s</b>'|format(form.bio.label) }}|{{ ('<b>%s</b>'|safe)|format(form.bio.label) }}|{{ form.bio.errors|join|indent(2, true) }}|{{ (form.bio.label|safe)|indent('> ', first=true) }}|{{ form.bio.label|title }}|{{ form.bio.errors|tojson }}|{{ form.nick.label|replace('-', ' ')|capitalize }}|{{ form.bio.label_tag()|replace('label', 'span') }}|{{ form.bio.label|tojson }}|{{ form.bio.help_text|wordcount }}"}, 'renderer': {'class': 'Jinja2DivFormRenderer', 'form_template_name': 'theme/form.html'}, 'outputs': ['str']}),
]
for name, c in JINJA_FILTER_CASES:
    case(name, c)

# Django's linebreaks, linenumbers, truncatechars_html, truncatewords_html,
# filesizeformat (localized), title, capfirst, striptags, get_digit,
# phone2numeric and make_list where pongo2's differ.
TEXT_FILTER_CASES = [
("theme_linebreaks_filesize_fr", {'form': {'fields': [{'name': 'f0', 'type': 'CharField', 'label': 'F0', 'help_text': "Line one\nline <b>two</b>\r\n\r\nPara & 'more'"}]}, 'language': 'fr', 'templates': {'theme/form.html': "{{ form.f0.help_text|linebreaks }}|{{ form.f0.help_text|safe|linebreaks }}|{{ form.f0.help_text|linenumbers }}|{{ form.f0.help_text|truncatewords_html:2 }}|{{ ''|linebreaks }}|{{ 1024|filesizeformat }}|{{ 0|filesizeformat }}|{{ 'x'|filesizeformat }}|{{ 1536|filesizeformat }}|{{ '-5000000'|filesizeformat }}|{{ 1125899906842624|filesizeformat }}"}, 'renderer': {'class': 'DjangoDivFormRenderer', 'form_template_name': 'theme/form.html'}, 'outputs': ['str']}),
("theme_truncate_html", {'form': {'fields': [{'name': 'f0', 'type': 'CharField', 'label': 'F0', 'help_text': '<p>Hello <b>bold <i>it</i></b> world</p> & more'}]}, 'templates': {'theme/form.html': "{{ form.f0.help_text|truncatechars_html:8 }}|{{ form.f0.help_text|safe|truncatechars_html:8 }}|{{ form.f0.help_text|truncatechars_html:0 }}|{{ form.f0.help_text|truncatewords_html:3 }}|{{ form.f0.help_text|truncatewords_html:0 }}|{{ form.f0.label_tag|truncatechars_html:2 }}|{{ 'F0'|truncatechars_html:4 }}|{% autoescape off %}{{ form.f0.help_text|truncatewords_html:2 }}{% endautoescape %}|{{ form.f0.help_text|striptags }}|{{ form.f0.help_text|truncatechars_html:'x' }}"}, 'renderer': {'class': 'DjangoDivFormRenderer', 'form_template_name': 'theme/form.html'}, 'outputs': ['str']}),
("theme_case_digits_cs", {'form': {'fields': [{'name': 'f0', 'type': 'CharField', 'label': 'straße', 'help_text': "they're bill's 1st <b>ßtraße</b> &amp ΑΣ o'NEIL"}]}, 'language': 'cs', 'templates': {'theme/form.html': "{{ form.f0.help_text|title }}|{{ form.f0.help_text|capfirst }}|{{ form.f0.label|capfirst }}|{{ form.f0.help_text|striptags }}|{{ 'abc'|make_list }}|{{ 12345|get_digit:2 }}|{{ 12345|get_digit:9 }}|{{ 'abc'|get_digit:1 }}|{{ '1-800-COLLECT'|phone2numeric }}|{{ 1|filesizeformat }}|{{ 2|filesizeformat }}|{{ 5|filesizeformat }}|{{ 1572864|filesizeformat }}|{{ 1099511627776|filesizeformat }}"}, 'renderer': {'class': 'DjangoDivFormRenderer', 'form_template_name': 'theme/form.html'}, 'outputs': ['str']}),
("theme_striptags_de", {'form': {'fields': [{'name': 'f0', 'type': 'CharField', 'label': 'F0', 'help_text': "<script>alert(1)</script><!-- c -->a < b &amp; <a href='x>y'>link</a> &copy <![CDATA[ x ]]>z"}]}, 'language': 'de', 'templates': {'theme/form.html': "{{ form.f0.help_text|striptags }}|{{ form.f0.help_text|safe|striptags }}|{{ form.f0.help_text|striptags|truncatechars:12 }}|{{ 1023|filesizeformat }}|{{ 1024|filesizeformat }}|{{ '1_048_576'|filesizeformat }}|{{ None|filesizeformat }}"}, 'renderer': {'class': 'DjangoDivFormRenderer', 'form_template_name': 'theme/form.html'}, 'outputs': ['str']}),
]
for name, c in TEXT_FILTER_CASES:
    case(name, c)

# A string literal of a Django template is a SafeString: {{ "<b>" }},
# |default:"&mdash;", {% firstof %} and {% with %} print it unescaped, the
# filters Django marks is_safe keep it safe (cut, lower, center,
# linebreaksbr, slice, stringformat...), the others do not (upper); and
# |escape leaves markup as it is (conditional_escape).
case('theme_safe_literals', {"form": {"fields": [{"name": "f0", "type": "CharField", "help_text": ""}]}, "templates": {"theme/form.html": "{{ \"a <b> &amp;\" }}|{{ form.f0.help_text|default:\"&mdash; <i>none</i>\" }}|{% firstof form.f0.help_text \"<f>\" %}|{% for f in form %}{% cycle \"<c>\" \"d\" %}{% endfor %}|{% with x=\"<w>\" %}{{ x }}{% endwith %}|{{ \"<u>\"|upper }}|{{ \"<s>\"|safe }}|{{ form.f0.help_text|default:'<q>'|upper }}|{{ '<a>'|add:'<b>' }}|{{ form.f0.label|add:'<b>' }}"}, "renderer": {"class": "DjangoDivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]})
case('theme_escape_markup', {"form": {"fields": [{"name": "f0", "type": "CharField", "help_text": "<h>", "label": "L<"}, {"name": "f1", "type": "MultipleChoiceField", "choices": [["a", "A"]], "initial": ["a"]}]}, "bind": {"data": {"f0": ""}}, "templates": {"theme/form.html": "{{ form.f0.label_tag|escape }}|{{ form.f0|escape }}|{{ form.f0.help_text|escape }}|{{ form.f0.errors|escape }}|{{ form.f0.label|escape }}|{{ form.f1.value|escape }}|{{ form.f0.help_text|safe|escape }}|{% firstof form.f0.missing \"<f>\" %}|{% firstof form.f0.label %}|{{ form.f0.errors.as_text|escape }}|{{ form.f0.label_tag|force_escape }}"}, "renderer": {"class": "DjangoDivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]})
case('theme_literal_filters', {"form": {"fields": [{"name": "f0", "type": "CharField"}]}, "templates": {"theme/form.html": "{{ 'a <b> c'|wordwrap:1 }}|{{ '<b>'|force_escape }}|{{ 'a<b'|truncatechars:2 }}|{{ 'x<y>&\"z\"'|slugify }}|{{ '<i>x</i>'|striptags }}|{{ '<a>'|cut:'x' }}|{{ '<a>'|lower }}|{{ '<a> b'|title }}|{{ '<p>'|linebreaksbr }}|{{ '<a>'|center:5 }}|{{ '<a>'|truncatewords:1 }}|{{ '<a>'|add:'x' }}|{{ '<a>'|urlencode }}|{{ '<a>'|stringformat:'s' }}|{{ '<a>'|slice:':2' }}|{{ '<a>'|first }}|{{ '<a>'|make_list }}|{{ '<a>,<b>'|yesno }}|{{ '<a>'|capfirst }}|{{ '<a>'|escapejs }}|{{ '<a>'|default:'x' }}|{{ ''|default:'<d>' }}|{{ '<a>'|ljust:4 }}|{{ '<a>'|addslashes }}|{{ '<a>'|iriencode }}|{{ '<a>'|wordcount }}|{{ '<a>'|length }}|{{ '<a> <b>'|truncatechars_html:3 }}|{{ '<a>'|linebreaks }}|{{ '<a>'|linenumbers }}|{{ '<a>'|phone2numeric }}"}, "renderer": {"class": "DjangoDivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]})

# What {% verbatim %} holds prints as written, named blocks too: no
# rewriting of its literals, filters or tags.
case('theme_verbatim', {"form": {"fields": [{"name": "f0", "type": "CharField", "label": "L<"}]}, "templates": {"theme/form.html": "{{ 'a<'|upper }}|{% verbatim %}{{ \"x\" }}{{ x|upper }}{% if a is None %}{% endverbatim %}|{{ form.f0.label|lower }}|{% verbatim v2 %}{% blocktranslate %}b{% endblocktranslate %}{% endverbatim v2 %}|{{ \"<y>\" }}"}, "renderer": {"class": "DjangoDivFormRenderer", "form_template_name": "theme/form.html"}, "outputs": ["str"]})

# Django's {% if %} compares as Python does ("b" > "a", not "10" > "9",
# 1 == 1.0, Decimal == int), a comparison Python refuses (None > -1,
# "5" > 3) is false, comparisons bind tighter than not, and == of two
# lists or two objects is no error; number literals pongo2 cannot read
# (|add:-2, |floatformat:-2, .5) are read as Django reads them; and a
# numeric lookup indexes an error list or a bound field's subwidgets
# (field.errors.0, field.0).
COMPARE_FIELDS = [{"name": "a", "type": "CharField"}, {"name": "b", "type": "BooleanField", "required": False},
                  {"name": "c", "type": "DecimalField", "initial": 2},
                  {"name": "d", "type": "MultipleChoiceField", "choices": [["x", "X"], ["y", "Y"]], "required": False},
                  {"name": "e", "type": "ChoiceField", "choices": [["p", "P"], ["q", "Q"]], "widget": "RadioSelect"}]
COMPARE_TEMPLATES = {
    "order": "{% if missing > -1 %}y{% else %}n{% endif %}{% if \"b\" > \"a\" %}y{% else %}n{% endif %}{% if \"10\" > \"9\" %}y{% else %}n{% endif %}{% if \"5\" > 3 %}y{% else %}n{% endif %}{% if \"5\" == 5 %}y{% else %}n{% endif %}{% if 1 < 2 < 3 %}y{% else %}n{% endif %}",
    "numbers": "{% if 1 == 1.0 %}y{% else %}n{% endif %}{% if 2 >= 2.0 %}y{% else %}n{% endif %}{% if 1 != 1.0 %}y{% else %}n{% endif %}{% if True > 0 %}y{% endif %}{% if False == 0 %}z{% endif %}{% if None == None %}n{% endif %}{% if None != False %}m{% endif %}{% for f in form %}{% if f.initial > 1 %}G{% endif %}{% if f.initial == 2 %}E{% endif %}{% if f.initial < 2.5 %}L{% endif %}{% endfor %}",
    "not_and": "{% if not missing > 1 %}y{% else %}n{% endif %}{% if not 2 > 1 %}y{% else %}n{% endif %}{% if 2 > 1 and 3 > 2 %}y{% else %}n{% endif %}{% if 2 > 1 or missing > 2 %}y{% else %}n{% endif %}{% if missing > 2 or 1 < 2 %}y{% else %}n{% endif %}",
    "objects": "{% if form.errors == form.errors %}same{% else %}diff{% endif %}{% for f in form %}{% if f.value == f.value %}s{% endif %}{% if f.label_tag == f.label_tag %}l{% endif %}{% if f.help_text == \"\" %}h{% endif %}{% if f.widget_type == \"checkbox\" %}C{% elif f.widget_type != \"text\" %}O{% else %}T{% endif %}{% endfor %}",
    "membership": "{% if \"a\" in \"abc\" %}y{% endif %}{% if 1 in 2 %}x{% else %}n{% endif %}{% if 1 not in 2 %}x{% else %}n{% endif %}{% for f in form %}{% if 'x' in f.value %}X{% endif %}{% if f.name not in form.errors %}ok{% endif %}{% if f.errors.0 in f.errors %}E{% endif %}{% endfor %}",
    "literals": "{{ 5|add:-2 }}|{{ \"x\"|add:-2 }}|{{ \"a b c d\"|truncatewords:-2 }}|{{ 3.14159|floatformat:-2 }}|{{ 3|floatformat:-2 }}|{{ 12345|get_digit:-1 }}|{{ 10|divisibleby:-5 }}|{{ missing|default:-3 }}|{{ 1.5|add:-0.5 }}|{{ 2|add:.5 }}|{% with n=-4 %}{{ n }}{% endwith %}",
    "index": "{% for f in form %}[{{ f.errors.0 }}|{{ f.0 }}|{{ f.value.0 }}|{{ f.errors.5 }}]{% endfor %}|{{ form.errors.0 }}|{% if form.a.errors.0 %}first{% endif %}",
}
for name, tpl in COMPARE_TEMPLATES.items():
    for suffix, bind in (("unbound", None), ("bound", {"data": {"a": "", "b": "on", "c": "2.50", "d": ["x", "y"], "e": "z"}})):
        c = {"form": {"fields": COMPARE_FIELDS}, "templates": {"theme/form.html": tpl},
             "renderer": {"class": "DjangoTemplates", "form_template_name": "theme/form.html"}, "outputs": ["str"]}
        if bind:
            c["bind"] = bind
        case(f"theme_if_{name}_{suffix}", c)

# Jinja2 compares as Python does: strings by code point ("b" > "a", not
# "10" > "9"), numbers of every kind by value (a Decimal initial against
# an int), chains (1 < 2 < 3) as Python's and; the tests lt, ge... too.
JINJA_COMPARE_TEMPLATES = {
    "order": "{% if \"b\" > \"a\" %}y{% else %}n{% endif %}{% if \"10\" > \"9\" %}y{% else %}n{% endif %}{% if True > 0 %}y{% endif %}{% if False == 0 %}z{% endif %}{% if None == None %}n{% endif %}{% if None != False %}m{% endif %}{% if 1 < 2 < 3 %}c{% endif %}{% if 3 < 2 < 1 %}C{% endif %}{% if 1 == 1.0 %}f{% endif %}",
    "fields": "{% for f in form %}{% if f.initial is number and f.initial > 1 %}G{% endif %}{% if f.initial == 2 %}E{% endif %}{% if f.initial is number and f.initial is lt 2.5 %}L{% endif %}{% if f.name >= 'c' %}N{% endif %}{% if f.value() == f.value() %}s{% endif %}{% if f.label_tag() == f.label_tag() %}l{% endif %}{% endfor %}{% if form.errors == form.errors %}same{% endif %}",
}
for name, tpl in JINJA_COMPARE_TEMPLATES.items():
    for suffix, bind in (("unbound", None), ("bound", {"data": {"a": "", "b": "on", "c": "2.50", "d": ["x", "y"], "e": "p"}})):
        c = {"form": {"fields": COMPARE_FIELDS}, "templates": {"theme/form.html": tpl},
             "renderer": {"class": "Jinja2", "form_template_name": "theme/form.html"}, "outputs": ["str"]}
        if bind:
            c["bind"] = bind
        case(f"jinja_compare_{name}_{suffix}", c)

# |add reads a Decimal as Python's int() does (truncated): Decimal("1.50")|add:-1
# is 0, as the add filter tries int(value) + int(arg) first.
case("theme_add_decimal", {"form": {"fields": [{"name": "f0", "type": "DecimalField", "initial": {"$decimal": "1.50"}, "required": False},
                                               {"name": "f1", "type": "DecimalField", "initial": {"$decimal": "-2.75"}, "disabled": True}]},
                           "templates": {"theme/form.html": "{% for f in form %}{{ f.value|add:-1 }}|{{ f.initial|add:'1' }}|{{ f.initial|add:f.initial }}|{{ f.initial|divisibleby:2 }};{% endfor %}"},
                           "renderer": {"class": "DjangoTemplates", "form_template_name": "theme/form.html"}, "outputs": ["str"]})

# A Decimal zero is false, as Python's Decimal("0.00") is: in {% if %},
# not, and, |default, {% firstof %} and |yesno; it still prints 0.00.
TRUTH_FIELDS = [{"name": "a", "type": "CharField", "required": False},
                {"name": "c", "type": "DecimalField", "initial": {"$decimal": "0.00"}, "required": False},
                {"name": "d", "type": "IntegerField", "initial": 0, "required": False},
                {"name": "h", "type": "MultipleChoiceField", "choices": [["x", "X"]], "required": False, "initial": []},
                {"name": "i", "type": "NullBooleanField", "required": False}]
for suffix, bind in (("unbound", None), ("bound", {"data": {"a": "", "c": "0", "d": "0", "h": [], "i": "unknown"}})):
    c = {"form": {"fields": TRUTH_FIELDS}, "outputs": ["str"],
         "renderer": {"class": "DjangoTemplates", "form_template_name": "theme/form.html"},
         "templates": {"theme/form.html": "{% for f in form %}[{% if f.value %}V{% else %}v{% endif %}{% if f.initial %}I{% else %}i{% endif %}{% if not f.initial %}N{% endif %}{% if f.initial and f.name %}A{% endif %}{{ f.initial|default:\"dft\" }}|{% firstof f.initial \"fo\" %}|{{ f.initial|yesno:\"y,n,u\" }}|{{ f.initial }}|{{ f.initial|length }}]{% endfor %}"}}
    if bind:
        c["bind"] = bind
    case(f"theme_decimal_zero_false_{suffix}", c)

# Jinja2's conditions read Python's bool(): a Decimal or float zero is
# false in if, not, and, or, a conditional expression and default(x, true).
for suffix, bind in (("unbound", None), ("bound", {"data": {"a": "", "c": "0", "d": "0", "h": [], "i": "unknown"}})):
    c = {"form": {"fields": TRUTH_FIELDS + [{"name": "e", "type": "FloatField", "initial": 0.0, "required": False}]}, "outputs": ["str"],
         "renderer": {"class": "Jinja2", "form_template_name": "theme/form.html"},
         "templates": {"theme/form.html": "{% for f in form %}[{% if f.value() %}V{% else %}v{% endif %}{% if f.initial %}I{% else %}i{% endif %}{% if not f.initial %}N{% endif %}{% if f.initial and f.name %}A{% endif %}{{ f.initial|default(\"dft\", true) }}|{{ f.initial or \"or\" }}|{{ \"t\" if f.initial else \"f\" }}|{{ f.initial }}]{% endfor %}"}}
    if bind:
        c["bind"] = bind
    case(f"jinja_decimal_zero_false_{suffix}", c)

# Django's {{ block.super }} through two levels of extends, {{ form.media.js }}
# and .css, |slice with a step or a negative end, {% firstof ... as x %},
# {% cycle %} per render with {% resetcycle %} and silent named cycles, a
# widget's template_name, an include with only.
THEME_TAG_FIELDS = [{"name": "a", "type": "CharField", "label": "Alpha", "widget": {"type": "TextInput", "attrs": {"placeholder": "Ph"}}},
                    {"name": "b", "type": "BooleanField", "required": False},
                    {"name": "c", "type": "ChoiceField", "choices": [["p", "P"], ["q", "Q"]], "widget": "RadioSelect", "help_text": "pick"}]
THEME_TAG_TEMPLATES = {
    "block_super": {"theme/form.html": "{% extends \"theme/b2.html\" %}{% block a %}A{{ block.super }}{% endblock %}{% block body %}[{{ block.super }}|{{ form.a.name }}]{% endblock %}",
                    "theme/b2.html": "{% extends \"theme/b1.html\" %}{% block a %}B{{ block.super }}{% endblock %}",
                    "theme/b1.html": "<{% block a %}C{% endblock %}><main>{% block body %}base{% endblock %}{% block tail %}T{% endblock %}</main>"},
    "media_parts": {"theme/form.html": "[{{ form.media.js }}][{{ form.media.css }}][{{ form.media|safe }}]"},
    "slice_steps": {"theme/form.html": "{% for f in form %}{{ f.label|slice:\"1:\" }}{{ f.label|slice:\":-1\" }}{{ f.label|slice:\"::2\" }}{{ f.label|slice:\"::-1\" }}{{ f.label|slice:\"2\" }}|{% endfor %}{{ form.visible_fields|slice:\"::2\"|length }}"},
    "firstof_cycle": {"theme/form.html": "{% firstof form.a.help_text form.a.label as x %}<{{ x }}>{% firstof \"\" None 0 \"z\" %}|{% for f in form %}<{% cycle \"a\" \"b\" %}>{% endfor %}{% for f in form %}{% cycle f.label \"p\" %}{% resetcycle %}{% endfor %}|{% for f in form %}{% cycle \"x\" \"y\" as c silent %}{{ c }}{% cycle c %}{% endfor %}{% resetcycle c %}"},
    "widget_names": {"theme/form.html": "{% for f in form %}{{ f.field.widget.template_name }}|{{ f.field.widget.input_type|default:\"-\" }};{% include \"theme/row.html\" with field=f only %}{% endfor %}",
                     "theme/row.html": "<{{ field.name }}|{{ form.a.name }}|{{ forloop.counter }}>"},
}
for name, tpls in THEME_TAG_TEMPLATES.items():
    c = {"form": {"fields": THEME_TAG_FIELDS, "media": {"js": ["a.js"], "css": {"all": ["s.css"]}}}, "outputs": ["str"],
         "renderer": {"class": "DjangoTemplates", "form_template_name": "theme/form.html"}, "templates": tpls}
    case(f"theme_tags_{name}", c)

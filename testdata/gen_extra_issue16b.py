#!/usr/bin/env python3
"""Write formwork's own cases for issue #16's formset clean(), formset
auto_id, default_renderer, Jinja2-syntax templates and the behaviours
missed on Django's own test suite into testdata/cases-extra
(formset_clean_x_*, default_renderer_x_*, jinja_theme_x_*, miss_*).

Their golden results come from the reference Django, never by hand:

    python3 testdata/gen_extra_issue16b.py
    python3 ../shared/tools/django-oracle/render.py --out testdata/golden-extra \\
        testdata/cases-extra/{formset_clean_x,default_renderer_x,jinja_theme_x,miss}_*.json
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "cases-extra")

FS_ALL = ["str", "as_div", "as_p", "as_table", "as_ul", "management_form", "is_valid", "errors",
          "non_form_errors", "non_form_errors_html", "total_error_count", "total_form_count",
          "cleaned_data", "has_changed", "empty_form", "media"]
FS_SHORT = ["as_div", "management_form", "is_valid", "errors", "non_form_errors", "non_form_errors_html",
            "total_error_count", "cleaned_data", "has_changed", "empty_form"]
FORM_ALL = ["as_div", "as_p", "as_table", "as_ul", "str", "is_valid", "errors", "errors_as_ul",
            "errors_as_text", "non_field_errors", "cleaned_data", "has_changed", "changed_data",
            "bound_fields"]

GUEST = [
    {"name": "email", "type": "EmailField"},
    {"name": "name", "type": "CharField", "max_length": 40, "required": False},
]
PERSON = [
    {"name": "first", "type": "CharField", "max_length": 20},
    {"name": "last", "type": "CharField", "max_length": 20},
]
SHARE = [
    {"name": "partner", "type": "CharField", "max_length": 30},
    {"name": "percent", "type": "DecimalField", "max_digits": 5, "decimal_places": 2,
     "min_value": "0", "max_value": "100"},
]
CONTACT = [
    {"name": "subject", "type": "CharField", "max_length": 60},
    {"name": "email", "type": "EmailField", "help_text": "We reply within a day."},
    {"name": "urgent", "type": "BooleanField", "required": False},
    {"name": "ref", "type": "CharField", "required": False, "widget": "HiddenInput"},
]


def mgmt(total, initial, prefix="form"):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial)}


def write(name, case):
    with open(os.path.join(OUT, name + ".json"), "w") as fh:
        json.dump(case, fh, indent=1, sort_keys=True, ensure_ascii=False)
        fh.write("\n")


def formset_case(name, fields, formset, data=None, renderer="DjangoDivFormRenderer", outputs=FS_ALL, **extra):
    c = {"form": {"fields": fields}, "formset": formset, "outputs": outputs}
    if renderer is not None:
        c["renderer"] = renderer
    if data is not None:
        c["bind"] = {"data": data}
    c.update(extra)
    write(name, c)


def dup(field, message="Duplicates.", code="dup", **kw):
    return {"message": message, "code": code, "when": {"duplicate": field, **kw}}


# ---------------------------------------------------------------- formset clean()

formset_case("formset_clean_x_two_fields_ignore_case", PERSON,
             {"extra": 0, "clean_errors": [dup(["first", "last"], "Each person once.", "person", ignore_case=True)]},
             {**mgmt(3, 0), "form-0-first": "Ann", "form-0-last": "Lee", "form-1-first": "ann",
              "form-1-last": "Kim", "form-2-first": "ANN", "form-2-last": "lee"})
formset_case("formset_clean_x_two_fields_no_repeat", PERSON,
             {"extra": 0, "clean_errors": [dup(["first", "last"], "Each person once.", "person")]},
             {**mgmt(2, 0), "form-0-first": "Ann", "form-0-last": "Lee", "form-1-first": "Ann",
              "form-1-last": "Kim"}, outputs=FS_SHORT)
formset_case("formset_clean_x_fewer_than_blank_extras", GUEST,
             {"extra": 3, "clean_errors": [{"message": "Invite at least two guests.", "code": "few",
                                            "when": {"fewer_than": 2}}]},
             {**mgmt(3, 0), "form-0-email": "a@example.com"}, outputs=FS_SHORT)
formset_case("formset_clean_x_fewer_than_met", GUEST,
             {"extra": 2, "clean_errors": [{"message": "Invite at least two guests.", "code": "few",
                                            "when": {"fewer_than": 2}}]},
             {**mgmt(2, 0), "form-0-email": "a@example.com", "form-1-email": "b@example.com"},
             outputs=FS_SHORT)
formset_case("formset_clean_x_always_error_unbound", GUEST,
             {"extra": 1, "clean_errors": [{"message": "Never shown unbound.", "code": "always"}]},
             outputs=FS_SHORT)
formset_case("formset_clean_x_always_error_jinja2", GUEST,
             {"extra": 0, "clean_errors": [{"message": "Closed for the season.", "code": "closed"},
                                           {"message": "Come back in May.", "code": "may"}]},
             {**mgmt(1, 0), "form-0-email": "a@example.com"}, renderer="Jinja2")
formset_case("formset_clean_x_sum_over_integers", [
    {"name": "item", "type": "CharField", "max_length": 20},
    {"name": "qty", "type": "IntegerField", "min_value": 0},
], {"extra": 1, "clean_errors": [{"message": "At most 10 in all.", "code": "max", "when": {"sum_over": ["qty", 10]}}]},
    {**mgmt(3, 0), "form-0-item": "a", "form-0-qty": "6", "form-1-item": "b", "form-1-qty": "5"},
    outputs=FS_SHORT)
formset_case("formset_clean_x_sum_not_float_exact", [
    {"name": "part", "type": "CharField", "max_length": 20},
    {"name": "weight", "type": "FloatField"},
], {"extra": 0, "clean_errors": [{"message": "Weights must add up to 0.3.", "code": "w",
                                  "when": {"sum_not": ["weight", 0.3]}}]},
    {**mgmt(2, 0), "form-0-part": "a", "form-0-weight": "0.1", "form-1-part": "b", "form-1-weight": "0.2"},
    outputs=FS_SHORT)
formset_case("formset_clean_x_sum_not_decimal_ok", SHARE,
             {"extra": 0, "clean_errors": [{"message": "Must add up to 100%.", "code": "total",
                                            "when": {"sum_not": ["percent", "100"]}}]},
             {**mgmt(2, 0), "form-0-partner": "N", "form-0-percent": "60.50", "form-1-partner": "S",
              "form-1-percent": "39.5"}, outputs=FS_SHORT)
formset_case("formset_clean_x_field_error_then_duplicate", GUEST,
             {"extra": 0, "clean_errors": [
                 {**dup("email", "Listed above.", "above"), "field": "email"},
                 dup("email", "Some guests repeat.", "repeat")]},
             {**mgmt(3, 0), "form-0-email": "a@example.com", "form-1-email": "a@example.com",
              "form-2-email": "b@example.com"})
formset_case("formset_clean_x_deleted_and_ordered", GUEST,
             {"extra": 1, "can_delete": True, "can_order": True,
              "clean_errors": [dup("email", "Repeated email.", "dup")]},
             {**mgmt(3, 2), "form-0-email": "a@example.com", "form-0-ORDER": "2",
              "form-1-email": "a@example.com", "form-1-DELETE": "on", "form-2-email": "b@example.com",
              "form-2-ORDER": "1"}, outputs=FS_SHORT + ["deleted_forms", "ordered_forms"])
formset_case("formset_clean_x_too_few_skips_clean", GUEST,
             {"extra": 0, "min_num": 2, "validate_min": True,
              "clean_errors": [{"message": "Never reached.", "code": "never"}]},
             {**mgmt(1, 0), "form-0-email": "a@example.com"}, outputs=FS_SHORT)
formset_case("formset_clean_x_replaces_management_error", GUEST,
             {"extra": 0, "clean_errors": [{"message": "Invite someone.", "code": "few",
                                            "when": {"fewer_than": 1}}]},
             {"form-0-email": "a@example.com"}, outputs=FS_SHORT)
formset_case("formset_clean_x_auto_id_false", GUEST,
             {"extra": 1, "auto_id": False,
              "clean_errors": [{**dup("email", "Listed above.", "above"), "field": "email"}]},
             {**mgmt(2, 0), "form-0-email": "a@example.com", "form-1-email": "a@example.com"})
formset_case("formset_clean_x_auto_id_pattern_unbound", GUEST,
             {"extra": 2, "auto_id": "guest_%s", "prefix": "g", "form_kwargs": {"auto_id": "x_%s"}},
             outputs=["str", "as_div", "management_form", "empty_form"])
formset_case("formset_clean_x_auto_id_no_placeholder", GUEST,
             {"extra": 1, "auto_id": "fs", "initial": [{"email": "a@example.com"}]},
             outputs=["as_div", "management_form", "empty_form"])
formset_case("formset_clean_x_custom_messages_and_clean", GUEST,
             {"extra": 0, "max_num": 1, "validate_max": True,
              "error_messages": {"too_many_forms": "One guest only."},
              "clean_errors": [dup("email")]},
             {**mgmt(2, 0), "form-0-email": "a@example.com", "form-1-email": "a@example.com"},
             outputs=FS_SHORT)

BOOK_MODELS = [
    {"name": "Shelf", "fields": [{"name": "label", "type": "CharField", "max_length": 20}],
     "rows": [{"label": "A"}, {"label": "B"}]},
    {"name": "Book", "fields": [
        {"name": "shelf", "type": "ForeignKey", "to": "Shelf", "null": True, "blank": True},
        {"name": "title", "type": "CharField", "max_length": 40},
        {"name": "code", "type": "CharField", "max_length": 10, "unique": True},
        {"name": "pages", "type": "IntegerField"},
    ], "rows": [{"shelf": 1, "title": "Dune", "code": "D1", "pages": 400}]},
]
MODEL_OUT = ["as_div", "management_form", "is_valid", "errors", "non_form_errors", "non_form_errors_html",
             "total_error_count", "cleaned_data", "has_changed", "empty_form", "db_after_save"]


def model_case(name, mf, data, outputs=MODEL_OUT, renderer="DjangoDivFormRenderer", **extra):
    c = {"models": BOOK_MODELS, "model_formset": mf, "outputs": outputs, "bind": {"data": data}}
    if renderer is not None:
        c["renderer"] = renderer
    c.update(extra)
    write(name, c)


model_case("formset_clean_x_model_duplicate_titles",
           {"model": "Book", "fields": ["title", "code", "pages"], "extra": 1,
            "clean_errors": [dup("title", "One copy per title.", "title", ignore_case=True)]},
           {**mgmt(2, 1), "form-0-id": "1", "form-0-title": "Dune", "form-0-code": "D1", "form-0-pages": "400",
            "form-1-title": "DUNE", "form-1-code": "D2", "form-1-pages": "380"})
model_case("formset_clean_x_model_unique_fails_first",
           {"model": "Book", "fields": ["title", "code", "pages"], "extra": 1,
            "clean_errors": [{"message": "Never reached.", "code": "never"}]},
           {**mgmt(2, 1), "form-0-id": "1", "form-0-title": "Dune", "form-0-code": "X9", "form-0-pages": "400",
            "form-1-title": "Emma", "form-1-code": "X9", "form-1-pages": "380"})
model_case("formset_clean_x_model_sum_ok_saved",
           {"model": "Book", "fields": ["title", "code", "pages"], "extra": 1, "auto_id": "bk_%s",
            "clean_errors": [{"message": "Too long to carry.", "code": "pages", "when": {"sum_over": ["pages", 1000]}}]},
           {**mgmt(2, 1), "form-0-id": "1", "form-0-title": "Dune", "form-0-code": "D1", "form-0-pages": "400",
            "form-1-title": "Emma", "form-1-code": "E1", "form-1-pages": "300"})
model_case("formset_clean_x_inline_field_error",
           {"model": "Book", "parent": "Shelf", "instance": 1, "fields": ["title", "code", "pages"], "extra": 2,
            "clean_errors": [{**dup("title", "Already on this shelf.", "shelved"), "field": "title"}]},
           {**mgmt(3, 1, "book_set"), "book_set-0-id": "1", "book_set-0-shelf": "1", "book_set-0-title": "Dune",
            "book_set-0-code": "D1", "book_set-0-pages": "400", "book_set-1-title": "Dune",
            "book_set-1-code": "D2", "book_set-1-pages": "10"})

# ---------------------------------------------------------------- default_renderer

def form_case(name, fields, data=None, outputs=FORM_ALL, form_extra=None, **extra):
    form = {"fields": fields}
    form.update(form_extra or {})
    c = {"form": form, "outputs": outputs}
    if data is not None:
        c["bind"] = {"data": data}
    c.update(extra)
    write(name, c)


CONTACT_BAD = {"subject": "", "email": "nope", "ref": "x"}
CLEAN_ALL = {"clean_errors": [{"field": None, "message": "Check the form.", "code": "check"},
                              {"field": "ref", "message": "Unknown reference.", "code": "ref"}]}

form_case("default_renderer_x_jinja2div_bound", CONTACT, CONTACT_BAD, form_extra=CLEAN_ALL,
          default_renderer="Jinja2DivFormRenderer")
form_case("default_renderer_x_table_explicit_renderer_p", CONTACT, CONTACT_BAD, form_extra=CLEAN_ALL,
          default_renderer="DjangoTemplates",
          renderer={"class": "DjangoTemplates", "form_template_name": "django/forms/p.html"})
form_case("default_renderer_x_errors_dict_template", CONTACT, CONTACT_BAD, form_extra=CLEAN_ALL,
          outputs=["str", "errors_as_ul", "errors_as_text", "non_field_errors", "bound_fields"],
          default_renderer="DjangoTemplates", renderer="DjangoDivFormRenderer",
          templates={"django/forms/errors/dict/ul.html":
                     '{% if errors %}<dl class="project">{% for field, error in errors %}<dt>{{ field }}</dt><dd>{{ error }}</dd>{% endfor %}</dl>{% endif %}',
                     "django/forms/errors/list/ul.html":
                     '{% if errors %}<ol class="{{ error_class }}">{% for error in errors %}<li>{{ error }}</li>{% endfor %}</ol>{% endif %}'})
form_case("default_renderer_x_jinja2_errors_dict_template", CONTACT, CONTACT_BAD, form_extra=CLEAN_ALL,
          outputs=["str", "errors_as_ul", "errors_as_text", "non_field_errors"],
          default_renderer="Jinja2", renderer="DjangoDivFormRenderer",
          templates={"django/forms/errors/dict/ul.html":
                     '{% if errors %}<dl class="jinja">{% for field, error in errors %}<dt>{{ field }}</dt><dd>{{ error }}</dd>{% endfor %}</dl>{% endif %}'})
form_case("default_renderer_x_form_template_name_wins", CONTACT, {"subject": "Hi", "email": "a@example.com"},
          form_extra={"template_name": "django/forms/ul.html"},
          outputs=["str", "as_div", "is_valid"], default_renderer="DjangoDivFormRenderer")
form_case("default_renderer_x_unbound_jinja2_p", CONTACT, outputs=["str", "as_table", "bound_fields"],
          default_renderer={"class": "Jinja2", "form_template_name": "django/forms/p.html"})
formset_case("default_renderer_x_formset_div", GUEST, {"extra": 1, "can_delete": True},
             {**mgmt(2, 0), "form-0-email": "bad", "form-1-email": ""}, renderer=None,
             default_renderer="DjangoDivFormRenderer")
formset_case("default_renderer_x_formset_template", GUEST, {"extra": 2, "initial": [{"email": "a@example.com"}]},
             renderer=None, outputs=["str", "as_div", "empty_form", "management_form"],
             default_renderer={"class": "DjangoTemplates", "formset_template_name": "project/formset.html"},
             templates={"project/formset.html":
                        '{{ formset.management_form }}<ol>{% for form in formset %}<li>{{ form.as_p }}</li>{% endfor %}</ol>'})
formset_case("default_renderer_x_formset_own_renderer_wins", GUEST, {"extra": 1},
             {**mgmt(1, 0), "form-0-email": "bad"}, renderer="Jinja2",
             default_renderer="DjangoDivFormRenderer")
formset_case("default_renderer_x_formset_clean_jinja2div", GUEST,
             {"extra": 0, "clean_errors": [dup("email", "Repeated.", "rep")]},
             {**mgmt(2, 0), "form-0-email": "a@example.com", "form-1-email": "a@example.com"},
             renderer=None, default_renderer="Jinja2DivFormRenderer")
model_case("default_renderer_x_model_formset_jinja2",
           {"model": "Book", "fields": ["title", "pages"], "extra": 1},
           {**mgmt(2, 1), "form-0-id": "1", "form-0-title": "", "form-0-pages": "x"},
           renderer=None, default_renderer="Jinja2")
model_case("default_renderer_x_inline_div",
           {"model": "Book", "parent": "Shelf", "instance": 2, "fields": ["title", "pages"], "extra": 1},
           {**mgmt(1, 0, "book_set"), "book_set-0-title": "Emma", "book_set-0-pages": "300"},
           renderer=None, default_renderer="DjangoDivFormRenderer")

# ---------------------------------------------------------------- Jinja2 templates

form_case("jinja_theme_x_loop_vars", CONTACT, CONTACT_BAD, form_extra=CLEAN_ALL, renderer="Jinja2DivFormRenderer",
          outputs=["str", "as_div", "is_valid"],
          templates={"django/forms/div.html":
                     '{{ errors }}<ol>{% for field, errors in fields %}<li data-n="{{ loop.index }}/{{ loop.length }}"'
                     '{% if loop.first %} class="first"{% elif loop.last %} class="last"{% endif %}>'
                     '{{ field.label_tag(label_suffix="") }} {{ field }}{{ errors }}'
                     '{% if loop.last %}{% for h in hidden_fields %}{{ h }}{% endfor %}{% endif %}</li>{% endfor %}</ol>'})
form_case("jinja_theme_x_set_and_filters", CONTACT, {"subject": "Hi", "email": "a@example.com", "urgent": "on"},
          renderer="Jinja2", outputs=["str", "as_table", "is_valid"],
          templates={"django/forms/table.html":
                     '{% set n = fields|length %}<table data-fields="{{ n }}">{# the visible fields #}'
                     '{% for field, errors in fields -%}\n  <tr class="{{ field.name|upper }}'
                     '{{ " req" if field.field.required else "" }}">'
                     '<th>{{ field.label|lower }}</th><td>{{ field }}</td></tr>\n  {%- endfor %}</table>'
                     '{% for field in hidden_fields %}{{ field }}{% endfor %}'})
form_case("jinja_theme_x_widget_attrs_items", [
    {"name": "name", "type": "CharField", "max_length": 20,
     "widget": {"type": "TextInput", "attrs": {"class": "input", "placeholder": "Your name", "data-x": "1"}}},
], {"name": "Ann"}, renderer="Jinja2DivFormRenderer", outputs=["as_div", "bound_fields"],
    templates={"django/forms/widgets/attrs.html":
               '{% for name, value in widget.attrs.items() %}{% if value is not sameas False %} '
               '{{ name }}{% if value is not sameas True %}="{{ value }}"{% endif %}{% endif %}{% endfor %}'
               '{% if "placeholder" in widget.attrs %} aria-label="{{ widget.attrs.placeholder }}"{% endif %}'})
form_case("jinja_theme_x_choice_widgets", [
    {"name": "size", "type": "ChoiceField", "choices": [["s", "Small"], ["m", "Medium"], ["l", "Large"]],
     "widget": "RadioSelect"},
    {"name": "extras", "type": "MultipleChoiceField", "required": False,
     "choices": [["a", "Apple"], ["b", "Banana"]], "widget": "CheckboxSelectMultiple"},
], {"size": "m", "extras": ["b"]}, renderer="Jinja2", outputs=["as_div", "as_p", "bound_fields"],
    templates={"django/forms/widgets/multiple_input.html":
               '{% set id = widget.attrs.id %}<div class="choices"{% if id %} id="{{ id }}"{% endif %}>'
               '{% for group, options, index in widget.optgroups %}{% for widget in options %}'
               '<span class="opt-{{ loop.index0 }}">{% include widget.template_name %}</span>'
               '{% endfor %}{% endfor %}</div>'})
form_case("jinja_theme_x_error_list_text", CONTACT, CONTACT_BAD, form_extra=CLEAN_ALL, renderer="Jinja2",
          outputs=["as_div", "errors_as_text", "errors_as_ul", "non_field_errors"],
          templates={"django/forms/errors/list/text.txt": '{% for error in errors %}- {{ error }}\n{% endfor %}',
                     "django/forms/errors/list/ul.html":
                     '{% if errors %}<div class="{{ error_class }}">'
                     '{{ errors|join(" / ") }}</div>{% endif %}'})
formset_case("jinja_theme_x_formset_table_rows", GUEST, {"extra": 1, "can_delete": True},
             {**mgmt(2, 0), "form-0-email": "a@example.com", "form-1-email": "bad"},
             renderer="Jinja2", outputs=["str", "as_table", "is_valid", "errors"],
             templates={"django/forms/formsets/default.html":
                        '{{ formset.management_form }}{{ formset.non_form_errors() }}<table>'
                        '{% for form in formset %}<tbody id="row-{{ loop.index0 }}">{{ form.as_table() }}</tbody>'
                        '{% else %}<tbody></tbody>{% endfor %}</table>'})
formset_case("jinja_theme_x_formset_empty_form", GUEST, {"extra": 0, "prefix": "g"},
             renderer="Jinja2DivFormRenderer", outputs=["str", "empty_form", "management_form"],
             templates={"django/forms/formsets/div.html":
                        '{{ formset.management_form }}{% for form in formset %}{{ form.as_div() }}'
                        '{% else %}<p class="none">No guests yet.</p>{% endfor %}'
                        '<template id="{{ formset.prefix }}-empty">{{ formset.empty_form.as_div() }}</template>'})
form_case("jinja_theme_x_label_template", CONTACT, CONTACT_BAD, renderer="Jinja2DivFormRenderer",
          outputs=["as_div", "bound_fields"],
          templates={"django/forms/label.html":
                     '{% if use_tag %}<{{ tag }}{% include "django/forms/attrs.html" %}>{{ label }}'
                     '{% if field.field.required %}<span class="req" aria-hidden="true">*</span>{% endif %}'
                     '</{{ tag }}>{% else %}{{ label }}{% endif %}'})
form_case("jinja_theme_x_whitespace_control", GUEST, {"email": "a@example.com"}, renderer="Jinja2DivFormRenderer",
          outputs=["as_div", "str"],
          templates={"django/forms/div.html":
                     '{%- for field, errors in fields -%}\n  <div>\n    {{- field.label_tag() -}}\n    {{- field -}}\n  </div>\n'
                     '{%- endfor -%}\n{%- for field in hidden_fields %}{{ field }}{% endfor -%}\n'})
form_case("jinja_theme_x_textarea_widget", [
    {"name": "bio", "type": "CharField", "widget": {"type": "Textarea", "attrs": {"rows": 3}}, "initial": "a < b"},
], renderer="Jinja2", outputs=["as_div", "as_p", "bound_fields"],
    templates={"django/forms/widgets/textarea.html":
               '<textarea name="{{ widget.name }}"{% include "django/forms/widgets/attrs.html" %}>'
               '{{ widget.value if widget.value else "" }}</textarea>'
               '<small>{{ (widget.value or "")|length }} characters</small>'})
form_case("jinja_theme_x_default_renderer_templates", CONTACT, CONTACT_BAD, form_extra=CLEAN_ALL,
          outputs=["str", "as_p", "errors_as_ul"], default_renderer="Jinja2DivFormRenderer",
          templates={"django/forms/errors/list/ul.html":
                     '{% if errors %}<ul class="{{ error_class }} theme">{% for e in errors %}<li>{{ e }}</li>'
                     '{% endfor %}</ul>{% endif %}'})
model_case("jinja_theme_x_model_formset_rows",
           {"model": "Book", "fields": ["title", "pages"], "extra": 1},
           {**mgmt(2, 1), "form-0-id": "1", "form-0-title": "Dune", "form-0-pages": "401",
            "form-1-title": "Emma", "form-1-pages": "300"},
           renderer="Jinja2DivFormRenderer",
           outputs=["str", "is_valid", "errors", "db_after_save"],
           templates={"django/forms/formsets/div.html":
                      '{{ formset.management_form }}{% for form in formset %}<section class="book">'
                      '<h3>{{ loop.index }}. {{ form.prefix }}{{ " (new)" if loop.last else "" }}</h3>{{ form.as_div() }}'
                      '</section>{% endfor %}'})

# ---------------------------------------------------------------- misses on Django's own tests

formset_case("miss_empty_permitted_false_extra_required", GUEST,
             {"extra": 2, "form_kwargs": {"empty_permitted": False}},
             {**mgmt(2, 0), "form-0-email": "a@example.com"}, outputs=FS_SHORT)
formset_case("miss_empty_permitted_false_unchanged_initial", GUEST,
             {"extra": 1, "form_kwargs": {"empty_permitted": False}, "initial": [{"email": "a@example.com"}]},
             {**mgmt(2, 1), "form-0-email": "a@example.com"}, outputs=FS_SHORT)
formset_case("miss_empty_permitted_true_all_optional", GUEST,
             {"extra": 0, "form_kwargs": {"empty_permitted": True, "use_required_attribute": False}},
             {**mgmt(2, 2), "form-0-email": "", "form-1-email": "a@example.com"}, outputs=FS_SHORT)
JSON_FIELDS = [
    {"name": "name", "type": "CharField", "max_length": 20},
    {"name": "meta", "type": "JSONField", "required": False},
]
formset_case("miss_json_initial_untouched_extra", JSON_FIELDS,
             {"extra": 0, "initial": [{"meta": {"b": [1, 2], "a": True}}]},
             {**mgmt(1, 0), "form-0-name": "", "form-0-meta": '{"b": [1, 2], "a": true}'},
             outputs=FS_SHORT)
formset_case("miss_json_initial_key_order", JSON_FIELDS,
             {"extra": 0, "initial": [{"name": "x", "meta": {"b": 1, "a": {"c": None}}}]},
             {**mgmt(1, 0), "form-0-name": "x", "form-0-meta": '{"a": {"c": null}, "b": 1}'},
             outputs=FS_SHORT)
form_case("miss_json_true_is_not_one", JSON_FIELDS, {"name": "x", "meta": "1"},
          form_extra={"initial": {"name": "x", "meta": True}},
          outputs=["is_valid", "has_changed", "changed_data", "cleaned_data"])
form_case("miss_json_same_value_unchanged", JSON_FIELDS, {"name": "x", "meta": '[1, {"k": "v"}]'},
          form_extra={"initial": {"name": "x", "meta": [1, {"k": "v"}]}},
          outputs=["is_valid", "has_changed", "changed_data", "cleaned_data", "bound_fields"])
DT_FIELDS = [
    {"name": "day", "type": "DateField", "required": False},
    {"name": "at", "type": "TimeField", "required": False},
]
form_case("miss_datetime_initial_on_date_time_unbound", DT_FIELDS,
          form_extra={"initial": {"day": {"$datetime": "2022-08-03T00:00:00"},
                                  "at": {"$datetime": "2022-08-03T13:45:00"}}},
          outputs=["as_div", "bound_fields"])
form_case("miss_datetime_initial_on_date_time_bound", DT_FIELDS, {"day": "2022-08-03", "at": "13:45:00"},
          form_extra={"initial": {"day": {"$datetime": "2022-08-03T00:00:00"},
                                  "at": {"$datetime": "2022-08-03T13:45:00"}}},
          outputs=["is_valid", "has_changed", "changed_data", "cleaned_data", "bound_fields"])
form_case("miss_date_initial_unchanged", DT_FIELDS, {"day": "2022-08-03", "at": "13:45"},
          form_extra={"initial": {"day": {"$date": "2022-08-03"}, "at": {"$time": "13:45:00"}}},
          outputs=["is_valid", "has_changed", "changed_data", "bound_fields"])
formset_case("miss_datetime_initial_extra_form_changed", DT_FIELDS,
             {"extra": 0, "initial": [{"day": {"$datetime": "2022-08-03T00:00:00"}}]},
             {**mgmt(1, 0), "form-0-day": "2022-08-03"}, outputs=FS_SHORT)
form_case("miss_text_errors_apostrophe", [
    {"name": "name", "type": "CharField", "max_length": 3,
     "error_messages": {"max_length": "Don't exceed %(limit_value)d \"chars\" & <tags>."}},
], {"name": "abcd"}, form_extra={"clean_errors": [{"field": None, "message": "It's <b>bad</b> & \"wrong\".",
                                                   "code": "bad"}]},
    outputs=["errors_as_text", "errors_as_ul", "errors", "as_div"])
form_case("miss_text_errors_apostrophe_jinja2", [
    {"name": "name", "type": "CharField", "max_length": 3,
     "error_messages": {"max_length": "Don't exceed %(limit_value)d chars."}},
], {"name": "abcd"}, renderer="Jinja2", outputs=["errors_as_text", "errors_as_ul"])
formset_case("miss_text_errors_apostrophe_formset", GUEST,
             {"extra": 0, "clean_errors": [{"message": "Guests' emails repeat.", "code": "rep",
                                            "when": {"duplicate": "email"}}]},
             {**mgmt(2, 0), "form-0-email": "a@example.com", "form-1-email": "a@example.com"},
             outputs=["non_form_errors", "non_form_errors_html", "as_div"])
form_case("default_renderer_x_jinja2_text_escape", [
    {"name": "name", "type": "CharField", "max_length": 3,
     "error_messages": {"max_length": "Don't \"exceed\" %(limit_value)d & <stop>."}},
], {"name": "abcd"}, default_renderer="Jinja2", outputs=["errors_as_text", "errors_as_ul", "as_div"])

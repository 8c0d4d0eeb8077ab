#!/usr/bin/env python3
"""Random renderer cases: the case's renderer and default_renderer (names,
or objects naming form and formset templates), a form's template_name and
template_name_* attributes, and templates overriding built-in ones (error
lists, labels, a widget), over random forms and formsets (run.sh renderers)."""
import json, os, random, sys
out, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(seed)
os.makedirs(out, exist_ok=True)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_forms  # noqa: E402
from gen_forms import LANGS, RENDERERS  # noqa: E402

FORM_TEMPLATES = ["django/forms/div.html", "django/forms/p.html", "django/forms/table.html", "django/forms/ul.html",
                  "django/forms/default.html", "custom/form.html"]
FORMSET_TEMPLATES = ["django/forms/formsets/div.html", "django/forms/formsets/p.html", "django/forms/formsets/table.html",
                     "django/forms/formsets/ul.html", "django/forms/formsets/default.html", "custom/formset.html"]
FORM_OUTS = ["as_div", "as_p", "as_table", "as_ul", "str", "errors_as_ul", "errors_as_text", "non_field_errors", "bound_fields"]
FORMSET_OUTS = ["as_div", "as_p", "as_table", "as_ul", "str", "management_form", "non_form_errors_html", "empty_form"]

# Overrides in Django syntax and in Jinja2 syntax, by template name.
OVERRIDES = {
    "custom/form.html": ("<form-x>{% for field in form %}{{ field.label_tag }}{{ field }}{{ field.errors }}{% endfor %}{{ form.non_field_errors }}</form-x>",
                         "<form-x>{% for field in form %}{{ field.label_tag() }}{{ field }}{{ field.errors }}{% endfor %}{{ form.non_field_errors() }}</form-x>"),
    "custom/formset.html": ("<fs-x>{{ formset.management_form }}{{ formset.non_form_errors }}{% for form in formset %}<f>{{ form }}</f>{% endfor %}</fs-x>",
                            "<fs-x>{{ formset.management_form }}{{ formset.non_form_errors() }}{% for form in formset %}<f>{{ form }}</f>{% endfor %}</fs-x>"),
    "django/forms/errors/list/ul.html": ("{% if errors %}<ol class=\"{{ error_class }}\">{% for error in errors %}<li>!{{ error }}</li>{% endfor %}</ol>{% endif %}",
                                         "{% if errors %}<ol class=\"{{ error_class }}\">{% for error in errors %}<li>!{{ error }}</li>{% endfor %}</ol>{% endif %}"),
    "django/forms/errors/list/default.html": ("{% include \"django/forms/errors/list/ul.html\" %}",
                                              "{% include \"django/forms/errors/list/ul.html\" %}"),
    "django/forms/label.html": ("{% if use_tag %}<label{% if attrs.for %} for=\"{{ attrs.for }}\"{% endif %} data-l>{{ label }}</label>{% else %}{{ label }}{% endif %}",
                                "{% if use_tag %}<label{% if attrs.for %} for=\"{{ attrs.for }}\"{% endif %} data-l>{{ label }}</label>{% else %}{{ label }}{% endif %}"),
    "django/forms/widgets/input.html": ("<input data-w type=\"{{ widget.type }}\" name=\"{{ widget.name }}\"{% if widget.value != None %} value=\"{{ widget.value|stringformat:'s' }}\"{% endif %}{% include \"django/forms/widgets/attrs.html\" %}>",
                                        "<input data-w type=\"{{ widget.type }}\" name=\"{{ widget.name }}\"{% if widget.value != None %} value=\"{{ widget.value }}\"{% endif %}{% include \"django/forms/widgets/attrs.html\" %}>"),
}


def renderer_spec(jinja_ok=True):
    r = rnd.random
    names = RENDERERS if jinja_ok else ["DjangoTemplates", "DjangoDivFormRenderer"]
    if r() < 0.6:
        return rnd.choice(names)
    spec = {"class": rnd.choice(names)}
    if r() < 0.7: spec["form_template_name"] = rnd.choice(FORM_TEMPLATES)
    if r() < 0.5: spec["formset_template_name"] = rnd.choice(FORMSET_TEMPLATES)
    return spec


def is_jinja(spec):
    name = spec["class"] if isinstance(spec, dict) else spec
    return name.startswith("Jinja2")


def case(i):
    r = rnd.random
    c = gen_forms.make_case(rnd, i)
    c.pop("language", None)
    form = c["form"]
    if r() < 0.3: form["template_name"] = rnd.choice(FORM_TEMPLATES)
    if r() < 0.2: form["class"] = {rnd.choice(["template_name_div", "template_name_p", "template_name_table", "template_name_ul"]): rnd.choice(FORM_TEMPLATES)}
    c["renderer"] = renderer_spec()
    if r() < 0.5:
        c["default_renderer"] = renderer_spec()
        if r() < 0.4: del c["renderer"]
    used = [s for s in (c.get("renderer"), c.get("default_renderer")) if s]
    jinja = any(is_jinja(s) for s in used)
    django = any(not is_jinja(s) for s in used) or "default_renderer" not in c
    # One template source serves both syntaxes only where the two agree;
    # with both kinds of renderer in a case, only such overrides are used.
    keys = [k for k in OVERRIDES if r() < 0.35]
    templates = {}
    for k in keys:
        dj, jj = OVERRIDES[k]
        if jinja and django and dj != jj:
            continue
        templates[k] = jj if jinja else dj
    for name in ("custom/form.html", "custom/formset.html"):
        mentioned = json.dumps(c).count(name) > 0
        if mentioned and name not in templates:
            dj, jj = OVERRIDES[name]
            if jinja and django:
                # Give the custom template a source both syntaxes read.
                templates[name] = "<x-custom>{% for field in form %}{{ field }}{% endfor %}</x-custom>" if name == "custom/form.html" else "<x-custom>{{ formset.management_form }}{% for form in formset %}{{ form }}{% endfor %}</x-custom>"
            else:
                templates[name] = jj if jinja else dj
    if templates:
        c["templates"] = templates
    if r() < 0.35:
        fs = {}
        if r() < 0.5: fs["extra"] = rnd.choice([0, 1, 2])
        if r() < 0.3: fs["template_name"] = rnd.choice(FORMSET_TEMPLATES)
        if r() < 0.3: fs["can_delete"] = True
        if r() < 0.3: fs["clean_errors"] = [{"message": "Formset <bad>", "code": "x"}]
        c["formset"] = fs
        c["outputs"] = FORMSET_OUTS
        if "custom/formset.html" in json.dumps(c) and "custom/formset.html" not in c.get("templates", {}):
            c.setdefault("templates", {})["custom/formset.html"] = "<x-custom>{{ formset.management_form }}{% for form in formset %}{{ form }}{% endfor %}</x-custom>"
        if "bind" in c:
            data = c["bind"]["data"]
            p = "form"
            c["bind"]["data"] = {f"{p}-TOTAL_FORMS": "2", f"{p}-INITIAL_FORMS": "0",
                                 **{f"{p}-0-{k}": v for k, v in data.items()}, **{f"{p}-1-{k}": v for k, v in data.items()}}
        form.pop("prefix", None)
        form.pop("clean_errors", None)
    else:
        c["outputs"] = FORM_OUTS
    if r() < 0.3:
        c["language"] = rnd.choice(LANGS)
    json.dump(c, open(os.path.join(out, f"renderers{seed}_{i:04d}.json"), "w"), indent=1, ensure_ascii=False)


for i in range(n):
    case(i)

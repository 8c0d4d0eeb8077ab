#!/usr/bin/env python3
"""Theme-template cases (Django syntax): each snippet, a form template reaching
into the form with Django's template language, rendered with random forms.

usage: gen_themes.py OUT_DIR N SEED  (every snippet with N random forms of gen_forms)
"""
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_forms  # noqa: E402

SNIPS = [
    "{{ form.non_field_errors }}",
    "{% for field in form %}[{{ field.label }}|{{ field.name }}|{{ field.html_name }}|{{ field.id_for_label }}|{{ field.auto_id }}|{{ field.help_text }}|{{ field.value }}|{{ field.is_hidden }}|{{ field.field.required }}|{{ field.widget_type }}]{% endfor %}",
    "{% for field in form.visible_fields %}{{ forloop.counter }}/{{ forloop.revcounter0 }}{% if forloop.first %}F{% endif %}{% if forloop.last %}L{% endif %}:{{ field.label_tag }}{% endfor %}",
    "{% for field in form %}{% for sub in field %}<{{ sub.tag }}|{{ sub.choice_label }}|{{ sub.data.value }}|{{ sub.id_for_label }}>{% endfor %}{% endfor %}",
    "{% for field in form.hidden_fields %}{{ field }}{% empty %}no hidden{% endfor %}",
    "{{ form.f0 }}{{ form.f0.errors }}{{ form.f0.label_tag }}{{ form.f0.legend_tag }}",
    "{{ form.f0.errors.as_text }}|{{ form.f0.errors.as_ul }}|{{ form.errors.as_text }}",
    "{{ form.f0.as_hidden }}{{ form.f0.as_text }}{{ form.f0.as_textarea }}",
    "{{ form.f0.label|upper }}{{ form.f0.label|lower }}{{ form.f0.label|title }}{{ form.f0.label|length }}{{ form.f0.label|capfirst }}",
    "{{ form.f0.help_text|default:\"none\" }}|{{ form.missing|default:\"dflt\" }}|{{ form.f0.value|default_if_none:\"nil\" }}",
    "{{ form.is_bound|yesno:\"bound,unbound\" }}|{{ form.f0.field.required|yesno }}|{{ form.f0.field.disabled|yesno:\"d,e,u\" }}",
    "{{ form.f0.label|slugify }}|{{ form.f0.label|truncatechars:5 }}|{{ form.f0.label|cut:\" \" }}|{{ form.f0.label|striptags }}",
    "{{ form.f0.help_text|safe }}|{{ form.f0.help_text|escape }}|{{ form.f0.help_text|force_escape }}",
    "{% if form.errors %}E{% elif form.is_bound %}B{% else %}U{% endif %}",
    "{% with n=form.f0.name l=form.f0.label %}{{ n }}={{ l }}{% endwith %}",
    "{% firstof form.f0.help_text form.f0.label \"x\" %}",
    "{% for field in form %}<i class=\"{% cycle 'odd' 'even' %}\">{{ field.name }}</i>{% endfor %}",
    "{% spaceless %} <p> <b>{{ form.f0.name }}</b> </p> {% endspaceless %}",
    "{% comment %}hidden {{ form }}{% endcomment %}{# also hidden #}",
    "{% filter upper %}{{ form.f0.label }}{% endfilter %}",
    "{% autoescape off %}{{ form.f0.label }}{% endautoescape %}",
    "{% verbatim %}{{ not rendered }}{% endverbatim %}",
    "{% templatetag openblock %}{% templatetag closevariable %}",
    "{% widthratio 3 4 100 %}",
    "{{ form.f0.errors|length }}|{{ form.errors|length }}|{{ form.f0.errors|first }}|{{ form.f0.errors|join:\"; \" }}",
    "{{ form.prefix|default:\"noprefix\" }}|{{ form.auto_id }}|{{ form.label_suffix }}",
    "{% for field, errors in fields %}{{ field.name }}:{{ errors|length }};{% endfor %}",
    "{% for e in errors %}!{{ e }}{% endfor %}",
    "{% for field in form %}{% ifchanged field.field.required %}R{{ field.field.required }}{% endifchanged %}{% endfor %}",
    "{{ form.f0.css_classes }}|{{ form.f0.css_classes:'extra' }}",
    "{% for field in form %}{{ field.use_fieldset|yesno:'fs,nofs' }}{% endfor %}",
    "{% for field in form %}{{ field.field.widget.attrs }}{{ field.field.widget.input_type }}{% endfor %}",
    "{% for field in form %}{% if field.field.choices %}{% for v, l in field.field.choices %}({{ v }}={{ l }}){% endfor %}{% endif %}{% endfor %}",
    "{{ form.f0.value|stringformat:\"s\" }}|{{ 3|add:\"4\" }}|{{ \"a,b\"|length }}|{{ 7|divisibleby:2 }}",
    "{{ form.f0.label|center:15 }}|{{ form.f0.label|ljust:12 }}|{{ form.f0.label|rjust:12 }}",
    "{{ form.f0.label|wordcount }}|{{ form.f0.label|make_list|join:'-' }}|{{ form.f0.label|linebreaksbr }}",
    "{{ form.media }}",
    "{% for field in form %}{{ field.errors.as_data }}{% endfor %}",
    "{% for field in form %}{{ field.initial }}|{{ field.data }}{% endfor %}",
    "{% if form.f0.field.required and not form.f0.field.disabled %}req{% endif %}{% if form.f0.name in 'f0 f1' %}in{% endif %}",
    "{% if form.f0.errors|length > 0 %}has{% endif %}{% if form.f0.label == 'F0' %}eq{% endif %}{% if form.f0.label != 'F0' %}ne{% endif %}",
    "{{ form.f0.label|floatformat }}|{{ '3.14159'|floatformat:2 }}|{{ '2'|floatformat:'-3' }}",
    "{{ form.f0.label|pluralize }}|{{ form.errors|length|pluralize:'y,ies' }}",
    "{{ form.f0.label|urlencode }}|{{ form.f0.label|iriencode }}|{{ form.f0.label|addslashes }}|{{ form.f0.label|escapejs }}",
    "{% if form.errors %}{{ form.errors.as_json }}|{{ form.errors.get_json_data }}{% endif %}{% for field in form %}{% if field.errors %}{{ field.errors.as_json }}{{ field.errors.get_json_data }}{% endif %}{% endfor %}",
    "{% for name, f in form.fields.items %}{{ name }}:{{ f.label }}:{{ f.required }}:{{ f.disabled }}:{{ f.help_text }};{% endfor %}",
    "{% for field in form %}{{ field.field.widget.is_hidden }}{{ field.field.widget.attrs.class|default:'-' }}{{ field.field.show_hidden_initial }}{{ field.field.localize }}{% endfor %}",
    "{% for field in form %}{{ field.label|wordwrap:4 }}|{{ field.label|truncatewords:1 }}|{{ field.label|first }}{{ field.label|last }}|{{ field.label|slice:':2' }}{% endfor %}",
    "{% for field in form %}{{ field.value|length }}|{{ field.value|default:'-'|upper }}|{{ field.value|stringformat:'r' }}{% endfor %}",
    "{% for field in form %}{{ field.name|add:'_x' }}{{ forloop.parentloop.counter|default:'np' }}{% endfor %}",
    "{% for field in form %}{% for sub in field.subwidgets %}{{ sub }}{% endfor %}{{ field.subwidgets|length }}{% endfor %}",
    "{% for field in form %}{{ field.errors.error_class }}{% endfor %}|{{ form.non_field_errors.error_class }}",
    "{% for field in form %}{{ field.initial|date:'Y-m-d H:i' }}|{{ field.initial|date }}|{{ field.initial|time }}|{{ field.value|date:'D d M' }};{% endfor %}",
    "{% for field in form %}{{ field.help_text|linebreaks }}{{ field.help_text|urlize }}{{ field.label|truncatechars_html:4 }}{{ field.help_text|truncatewords_html:1 }}{% endfor %}",
    "{% regroup form.visible_fields by field.required as groups %}{% for g in groups %}{{ g.grouper }}:{% for f in g.list %}{{ f.name }},{% endfor %};{% endfor %}",
    "{% for field in form %}{{ field.value|filesizeformat }}|{{ field.value|get_digit:1 }}|{{ field.label|phone2numeric }}|{{ field.value|unordered_list }};{% endfor %}",
    "{% load l10n %}{% for field in form %}{{ field.initial|unlocalize }}|{{ field.initial|localize }}|{% localize off %}{{ field.initial }}{% endlocalize %};{% endfor %}",
    "{% load i18n %}{% translate 'This field is required.' %}|{% get_current_language as L %}{{ L }}|{% blocktranslate count n=form.errors|length %}one error{% plural %}{{ n }} errors{% endblocktranslate %}",
    "{% for field in form %}{{ field.value|safeseq|join:',' }}|{{ field.label|linenumbers }}|{{ field.label|json_script:'x' }};{% endfor %}",
    "{% for name, f in form.fields.items|dictsortreversed:0 %}{{ name }}{% endfor %}|{{ form.visible_fields|dictsort:'name'|length }}",
    "{% for field in form %}{% if field.value > 'm' %}G{% elif field.value < 5 %}N{% else %}-{% endif %}{% if field.initial >= 1 %}I{% endif %}{% if not field.value > 'm' %}!{% endif %}{% endfor %}",
    "{% for field in form %}{% if field.value == field.initial %}S{% endif %}{% if field.label_tag == field.label_tag %}L{% endif %}{% if field.value != None and field.value|length >= 2 %}2{% endif %}{% endfor %}",
    "{% for field in form %}{% if 'a' in field.value %}A{% endif %}{% if field.name not in form.errors %}ok{% endif %}{% if field.errors.0 in field.errors %}E{% endif %}{% endfor %}",
    "{% for field in form %}{{ field.value|add:-1 }}|{{ field.label|truncatewords:-1 }}|{{ field.initial|floatformat:-2 }}|{% if forloop.counter0 > -1 and 1 == 1.0 %}y{% endif %};{% endfor %}",
    "{% for field in form %}{{ field.label|slice:'::2' }}|{{ field.value|slice:'::-1' }}|{{ field.help_text|slice:'-3:' }}|{% cycle 'odd' field.name as row %}{% cycle row %}{% endfor %}{% resetcycle row %}{% firstof form.f0.help_text form.f0.value 'none' as first %}[{{ first }}]",
    "[{{ form.media.js }}|{{ form.media.css }}]{% for field in form %}{{ field.field.widget.template_name }};{% if field.initial %}I{% endif %}{{ field.initial|default:'d' }}{% endfor %}",
]

def write(out, n, seed, snips, renderer, prefix):
    """Writes every snippet as the form template of n random forms."""
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(seed)
    for si, snip in enumerate(snips):
        for j in range(n):
            c = gen_forms.make_case(rnd, j)
            c["templates"] = {"theme/form.html": snip}
            c["renderer"] = {"class": renderer, "form_template_name": "theme/form.html"}
            c["outputs"] = ["str"]
            with open(os.path.join(out, f"{prefix}{seed}_s{si:02d}_{j}.json"), "w") as fh:
                json.dump(c, fh, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    write(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), SNIPS, "DjangoDivFormRenderer", "themes")

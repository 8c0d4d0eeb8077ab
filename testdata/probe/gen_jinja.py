#!/usr/bin/env python3
"""Theme-template cases (Jinja2 syntax): each snippet, a form template reaching
into the form, rendered with random forms by the Jinja2 renderer.

usage: gen_jinja.py OUT_DIR N SEED  (every snippet with N random forms of gen_forms)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
SNIPS = [
 "{{ form.f0 }}{{ form.f0.errors }}{{ form.f0.label_tag() }}{{ form.f0.legend_tag() }}",
 "{% for field in form %}[{{ field.label }}|{{ field.name }}|{{ field.html_name }}|{{ field.id_for_label }}|{{ field.auto_id }}|{{ field.help_text }}|{{ field.is_hidden }}|{{ field.field.required }}|{{ field.widget_type }}]{% endfor %}",
 "{% for field in form.visible_fields() %}{{ loop.index }}/{{ loop.revindex0 }}{% if loop.first %}F{% endif %}{% if loop.last %}L{% endif %}:{{ field.label_tag() }}{% endfor %}",
 "{% for field in form.hidden_fields() %}{{ field }}{% else %}no hidden{% endfor %}",
 "{{ form.non_field_errors() }}|{{ form.errors|length }}|{{ form.f0.errors|length }}",
 "{% for e in form.f0.errors %}!{{ e }}{% endfor %}|{{ form.f0.errors|join('; ') }}|{{ form.f0.errors|first }}",
 "{{ form.f0.label|upper }}{{ form.f0.label|lower }}{{ form.f0.label|title }}{{ form.f0.label|length }}{{ form.f0.label|capitalize }}",
 "{{ form.f0.help_text|default('none') }}|{{ form.missing|default('dflt') }}|{{ form.f0.label|e }}|{{ form.f0.help_text|safe }}",
 "{% if form.errors %}E{% elif form.is_bound %}B{% else %}U{% endif %}|{{ 'b' if form.is_bound else 'u' }}",
 "{% set n = form.f0.name %}{{ n }}={{ form.f0.label }}",
 "{{ form.f0.label|replace('F', 'G') }}|{{ form.f0.label|trim }}|{{ form.f0.label|truncate(3) }}|{{ form.f0.label|wordcount }}|{{ form.f0.label|striptags }}",
 "{{ form.f0.as_hidden() }}{{ form.f0.as_text() }}{{ form.f0.as_textarea() }}",
 "{{ form.f0.value() }}|{{ form.f0.css_classes() }}|{{ form.f0.initial }}",
 "{{ form.errors.as_text() }}|{{ form.f0.errors.as_text() }}|{{ form.f0.errors.as_ul() }}",
 "{% for field in form %}{% for sub in field.subwidgets %}<{{ sub.id_for_label }}|{{ sub.choice_label }}>{% endfor %}{% endfor %}",
 "{{ form.prefix|default('noprefix', true) }}|{{ form.auto_id }}|{{ form.label_suffix }}",
 "{% for field in form %}{{ field.field.widget.attrs|length }}{% endfor %}|{{ form.fields|length }}",
 "{{ form.f0.label|urlencode }}|{{ 3|string }}{{ '5'|int + 2 }}|{{ [1,2,3]|sum }}|{{ form.f0.label|list|first }}",
 "{% for field in form %}[{{ field.data }}|{{ field.initial }}|{{ field.field.initial }}|{{ field.value() is none }}|{{ field.data == none }}|{{ field.initial != None }}]{% endfor %}",
 "{% if form.errors %}{{ form.errors.as_json() }}|{{ form.errors.get_json_data() }}{% endif %}{% for field in form %}{% if field.errors %}{{ field.errors.as_json() }}{{ field.errors.get_json_data() }}{% endif %}{% endfor %}",
 "{% for name, f in form.fields.items() %}{{ name }}:{{ f.label }}:{{ f.required }}:{{ f.disabled }};{% endfor %}",
 "{% for field in form %}{{ field.value() is string }}{{ field.value() is none }}{{ field.initial is number }}{{ field.errors is iterable }}{{ field.label is lower }}{{ loop.index is odd }}{% endfor %}",
 "{% for field in form %}{% for v, l in field.field.choices %}({{ v }}={{ l }}){% endfor %}{% endfor %}",
 "{% for field in form %}{% for sub in field.subwidgets %}{{ sub }}{% endfor %}{{ field.subwidgets|length }}{% endfor %}",
 "{% for field in form %}[{{ field.value()|default('D') }}|{{ field.data|default('D', true) }}|{{ field.initial|d('I') }}|{% if field.value() %}T{% else %}F{% endif %}|{{ field.data ~ '!' }}|{{ field.initial|string|lower }}]{% endfor %}",
 "{% for field in form %}{% if field.name > 'f0' %}G{% endif %}{% if field.label >= field.name %}L{% endif %}{% if field.initial is number and field.initial > 1 %}N{% endif %}{% if field.initial == 2 %}E{% endif %}{% if 0 <= loop.index0 < 2 %}F{% endif %}{% endfor %}",
 "{% for field in form %}{% if field.value() == field.value() %}s{% endif %}{% if field.label_tag() != field.label_tag() %}D{% endif %}{% if field.errors|length is ge 1 %}e{% endif %}{% endfor %}",
]

if __name__ == "__main__":
    import gen_themes  # noqa: E402
    gen_themes.write(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), SNIPS, "Jinja2DivFormRenderer", "jinja")

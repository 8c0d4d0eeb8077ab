#!/usr/bin/env python3
"""Random form cases for what gen_forms leaves out: explicit validators
lists, ComboField and MultiValueField (require_all_fields),
a form's initial and field_order, its class template names, and clean()
errors with conditions (make_case; run.sh formopts)."""

import gen_forms

rnd = None
VALIDATORS = [
    {"type": "MinLengthValidator", "limit_value": 3},
    {"type": "MaxLengthValidator", "limit_value": 5, "message": "At most %(limit_value)d, not %(show_value)d."},
    {"type": "RegexValidator", "regex": "^a", "message": "Starts with a.", "code": "no_a"},
    {"type": "RegexValidator", "regex": "x", "inverse_match": True},
    {"type": "RegexValidator", "regex": "^[A-Z]", "flags": 2},
    {"type": "EmailValidator", "allowlist": ["localhost", "intra"]},
    {"type": "URLValidator", "schemes": ["ftp"]},
    {"type": "ProhibitNullCharactersValidator"},
    {"type": "int_list_validator", "allow_negative": True},
    {"type": "int_list_validator", "sep": ";"},
    {"type": "validate_slug"},
    {"type": "validate_unicode_slug"},
    {"type": "validate_integer"},
    {"type": "validate_comma_separated_integer_list"},
    {"type": "validate_ipv4_address"},
    {"type": "validate_ipv6_address"},
    {"type": "validate_ipv46_address"},
    {"type": "validate_email"},
]
TEXT = ["abc", "a", "Abcdef", "x-y", "ab\x00c", "1,2,-3", "1;2", "1,,2", "ü-slug", "a b", "1.2.3.4", "::1",
        "me@localhost", "me@intra", "me@example.com", "ftp://example.com", "http://example.com", "", " ", "abcdefghij",
        "file.txt", "<a>", "12", "-4"]
NUM_VALIDATORS = [
    {"type": "MinValueValidator", "limit_value": 2},
    {"type": "MaxValueValidator", "limit_value": 10, "message": "No more than %(limit_value)s."},
    {"type": "StepValueValidator", "limit_value": 3},
    {"type": "StepValueValidator", "limit_value": 0.5},
]
NUMS = ["1", "2", "3", "9", "10", "11", "12", "1.5", "-3", "", "x", "0"]


def validated_field(name):
    if rnd.random() < 0.65:
        f = {"name": name, "type": rnd.choice(["CharField", "CharField", "SlugField", "EmailField", "URLField"]),
             "validators": rnd.sample(VALIDATORS, k=rnd.randint(1, 3))}
        if rnd.random() < 0.3: f["max_length"] = 6
        if rnd.random() < 0.2 and f["type"] == "CharField": f["strip"] = False
        return f, TEXT
    f = {"name": name, "type": rnd.choice(["IntegerField", "FloatField", "DecimalField"]),
         "validators": rnd.sample(NUM_VALIDATORS, k=rnd.randint(1, 2))}
    if f["type"] == "DecimalField":
        f["validators"] = [dict(v, limit_value={"$decimal": str(v["limit_value"])}) for v in f["validators"]]
    return f, NUMS


SUB = [
    lambda: {"type": "CharField", "max_length": 3},
    lambda: {"type": "CharField", "required": False},
    lambda: {"type": "IntegerField", "min_value": 0},
    lambda: {"type": "EmailField"},
    lambda: {"type": "ChoiceField", "choices": [["a", "A"], ["b", "B"]]},
    lambda: {"type": "DateField"},
]
SUB_DATA = ["abc", "abcd", "", "5", "-1", "x@y.com", "nope", "a", "c", "2022-08-03", "3/8/2022"]


def compound_field(name):
    if rnd.random() < 0.4:
        f = {"name": name, "type": "ComboField",
             "fields": rnd.sample([{"type": "CharField", "max_length": 12}, {"type": "EmailField"},
                                   {"type": "SlugField"}, {"type": "CharField", "min_length": 4}], k=2)}
        return f, {name: rnd.choice(["ab@cd.com", "averyverylong@example.com", "slug-x", "", "abc", "x@y.co"])}
    subs = [rnd.choice(SUB)() for _ in range(rnd.randint(2, 3))]
    f = {"name": name, "type": "MultiValueField", "fields": subs,
         "widget": {"type": "MultiWidget", "widgets": ["TextInput"] * len(subs)}}
    if rnd.random() < 0.4: f["require_all_fields"] = False
    if rnd.random() < 0.3: f["required"] = False
    data = {}
    for i in range(len(subs)):
        if rnd.random() < 0.85:
            data[f"{name}_{i}"] = rnd.choice(SUB_DATA)
    return f, data


def make_case(r_, i):
    global rnd
    rnd = r_
    gen_forms.rnd = r_
    fields, data = [], {}
    bound = rnd.random() < 0.8
    for k in range(rnd.randint(1, 4)):
        name = f"f{k}"
        kind = rnd.random()
        if kind < 0.4:
            f, pool = validated_field(name)
            if bound and rnd.random() < 0.9: data[name] = rnd.choice(pool)
        elif kind < 0.7:
            f, d = compound_field(name)
            if bound: data.update(d)
        else:
            f, pool = gen_forms.field(name)
            if bound and rnd.random() < 0.85 and f["type"] != "SplitDateTimeField" and not isinstance(f.get("widget"), dict):
                data[name] = rnd.sample(pool, k=rnd.randint(0, 2)) if "Multiple" in f["type"] else rnd.choice(pool)
        if rnd.random() < 0.2: f["required"] = False
        fields.append(f)
    names = [f["name"] for f in fields]
    form = {"fields": fields}
    r = rnd.random
    if r() < 0.4:
        order = rnd.sample(names, k=rnd.randint(1, len(names)))
        if r() < 0.3: order.append("nope")
        form["field_order"] = order
    plain = [f["name"] for f in fields if f["type"] != "MultiValueField"]
    if plain and r() < 0.35:
        # (a MultiValueField's initial needs the widget's decompress,
        # which a case's MultiWidget does not have)
        form["initial"] = {rnd.choice(plain): rnd.choice(["abc", "5", "2022-08-03", "a", ""])}
    if r() < 0.25:
        form["class"] = {"template_name_label": "django/forms/label.html"} if r() < 0.5 else \
            {rnd.choice(["template_name_div", "template_name_p"]): "django/forms/ul.html"}
    if r() < 0.1: form["auto_id"] = rnd.choice([False, "x_%s"])
    if r() < 0.2: form["prefix"] = "p"
    if bound and r() < 0.4:
        a, b = rnd.choice(names), rnd.choice(names)
        cond = rnd.choice([{"equal": [a, b]}, {"different": [a, b]}, {"present": a}])
        form["clean_errors"] = [{"field": rnd.choice([None, a]), "message": "Check %s <x>" % a, "code": "c", "when": cond}]
    if form.get("prefix"):
        data = {f"p-{k}": v for k, v in data.items()}
    c = {"form": form, "outputs": ["as_div", "as_table", "str", "is_valid", "errors", "cleaned_data", "bound_fields",
                                   "has_changed", "changed_data", "errors_as_text", "non_field_errors"],
         "renderer": rnd.choice(gen_forms.RENDERERS)}
    if bound:
        c["bind"] = {"data": data}
    if r() < 0.3:
        c["language"] = rnd.choice(gen_forms.LANGS)
    return c


if __name__ == "__main__":
    gen_forms.main("formopts", make_case)

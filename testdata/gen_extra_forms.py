#!/usr/bin/env python3
"""Write formwork's own form cases into testdata/cases-extra.

Their golden results come from the reference Django, never by hand:

    python3 testdata/gen_extra_forms.py
    python3 ../shared/tools/django-oracle/render.py --out testdata/golden-extra testdata/cases-extra/*.json
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "cases-extra")
ALL = ["as_div", "as_p", "as_table", "as_ul", "str", "is_valid", "errors", "cleaned_data",
       "bound_fields", "has_changed", "changed_data", "errors_as_text", "non_field_errors", "hidden_fields", "media"]
RENDERERS = ["DjangoTemplates", "DjangoDivFormRenderer", "Jinja2", "Jinja2DivFormRenderer"]
n = [0]


def case(name, fields, data=None, renderer=None, form_extra=None, outputs=ALL, files=None):
    form = {"fields": fields}
    form.update(form_extra or {})
    c = {"form": form, "outputs": outputs}
    if data is not None or files is not None:
        c["bind"] = {"data": data or {}}
        if files:
            c["bind"]["files"] = files
    r = renderer or RENDERERS[n[0] % len(RENDERERS)]
    n[0] += 1
    c["renderer"] = r
    with open(os.path.join(OUT, f"x_{name}.json"), "w") as fh:
        json.dump(c, fh, indent=1, sort_keys=True, ensure_ascii=False)
        fh.write("\n")


def fld(name, type_, **kw):
    d = {"name": name, "type": type_}
    d.update(kw)
    return d


note = fld("note", "CharField", required=False)

# One field type, several inputs each.
inputs = {
    "int": (fld("f", "IntegerField", min_value=-5, max_value=1000), ["1.0", " 12 ", "1_000", "١٢", "1e3", "", "9" * 25, "-6", "+7"]),
    "float": (fld("f", "FloatField"), ["inf", "1e400", "nan", " 2.5 ", "1_0.5", "0x10", ".5", "5."]),
    "decimal": (fld("f", "DecimalField", max_digits=5, decimal_places=2), ["1e3", "NaN", " 1.50 ", "123.456", "1234.5", "-0.00", "12345", "Infinity", "0.1e1"]),
    "decimal_step": (fld("f", "DecimalField", step_size="0.05", min_value="0.10"), ["0.15", "0.17", "0.05", "1", "0.1000"]),
    "float_step": (fld("f", "FloatField", step_size=0.1), ["0.3", "0.35", "1.1"]),
    "int_step": (fld("f", "IntegerField", step_size=3), ["9", "10", "-3", "0"]),
    "char": (fld("f", "CharField", min_length=2, max_length=5), ["a", "abcdef", "  ab  ", "a\x00b", "ééééé"]),
    "char_nostrip": (fld("f", "CharField", strip=False, max_length=4), ["  a  ", "   "]),
    "char_empty_none": (fld("f", "CharField", required=False, empty_value=None), ["", "x"]),
    "email": (fld("f", "EmailField"), ["a@b", "a@localhost", "user@пример.рф", "x@example.com ", "bad@@x.com", "a@[127.0.0.1]", "a@b.c-"]),
    "url": (fld("f", "URLField"), ["example.com", "http://[::1]:8000/x", "//x.com", "http://exa mple.com", "http://пример.рф", "ftp://x.com/a?b#c", "http://[1.2.3.4]/", "mailto:a@b.com", "example.com:8080"]),
    "slug": (fld("f", "SlugField"), ["ok-slug_1", "not ok", "ümlaut"]),
    "uslug": (fld("f", "SlugField", allow_unicode=True), ["ümlaut", "a b"]),
    "uuid": (fld("f", "UUIDField"), ["{12345678-1234-5678-1234-567812345678}", "urn:uuid:12345678123456781234567812345678", "1234", "12345678-1234-5678-1234-56781234567G"]),
    "ip": (fld("f", "GenericIPAddressField", unpack_ipv4=True), ["::ffff:1.2.3.4", "1.2.3", "2001:0DB8::0001", "256.1.1.1", " 10.0.0.1 "]),
    "ipv4": (fld("f", "GenericIPAddressField", protocol="IPv4"), ["::1", "1.2.3.4"]),
    "json": (fld("f", "JSONField"), ['{"b": 1, "a": [true, null, 1.5]}', "{bad", '"str"', "3", "[]"]),
    "regex": (fld("f", "RegexField", regex="^[a-z]+$", max_length=6), ["abc", "ABC", "abcdefgh"]),
    "date": (fld("f", "DateField"), ["2022-08-03", "08/03/2022", "8/3/22", "Aug 3 2022", "August 3, 2022", "2022-02-30", "3 Aug 2022", "garbage"]),
    "date_formats": (fld("f", "DateField", input_formats=["%d.%m.%Y"]), ["03.08.2022", "2022-08-03"]),
    "datetime": (fld("f", "DateTimeField"), ["2022-08-03T10:30", "2022-08-03 10:30:15.123", "2022-08-03T10:30:00Z", "2022-08-03", "08/03/2022 10:30", "2022-08-03 25:00"]),
    "time": (fld("f", "TimeField"), ["13:45", "13:45:10.5", "1:45 PM", "25:00", "7:5"]),
    "duration": (fld("f", "DurationField"), ["1 02:03:04", "P1DT2H", "-1:00:00", "10", "3 days, 1:00:00", "1:2:3.456", "bad", "999999999 00:00:00"]),
    "bool": (fld("f", "BooleanField", required=False), ["false", "0", "False", "on", ""]),
    "nullbool": (fld("f", "NullBooleanField", widget="RadioSelect"), ["true", "false", "unknown", "2"]),
    "typed_int": (fld("f", "TypedChoiceField", coerce="int", choices=[[1, "One"], [2, "Two"], ["x", "Ex"]]), ["1", "2", "x", "3"]),
    "typed_float": (fld("f", "TypedChoiceField", coerce="float", required=False, choices=[["1.5", "a"], ["", "none"]]), ["1.5", ""]),
    "choice_groups_radio": (fld("f", "ChoiceField", widget="RadioSelect", choices=[["Audio", [["v", "Vinyl"], ["c", "CD"]]], ["u", "Unknown"]]), ["c", "u", "z"]),
}
for key, (field, values) in inputs.items():
    for i, v in enumerate(values):
        case(f"{key}_{i}", [field, note], data={"f": v, "note": "n"})
    case(f"{key}_unbound", [field])

# Multi-valued inputs.
case("multi_checkbox_groups", [fld("f", "MultipleChoiceField", widget="CheckboxSelectMultiple",
                                   choices=[["G", [["a", "A"], ["b", "B"]]], ["c", "C"]])], data={"f": ["a", "c"]})
case("multi_checkbox_invalid", [fld("f", "MultipleChoiceField", widget="CheckboxSelectMultiple",
                                    choices=[["a", "A"], ["b", "B"]])], data={"f": ["a", "z"]})
case("multi_hidden", [fld("f", "MultipleChoiceField", widget="MultipleHiddenInput",
                          choices=[["a", "A"], ["b", "B"]])], data={"f": ["a", "b"]})
case("multi_select_empty", [fld("f", "MultipleChoiceField", choices=[["a", "A"]])], data={})
case("typed_multi_int", [fld("f", "TypedMultipleChoiceField", coerce="int", choices=[[1, "1"], [2, "2"]])], data={"f": ["1", "2"]})
case("split_dt_valid", [fld("f", "SplitDateTimeField")], data={"f_0": "2022-08-03", "f_1": "10:30"})
case("split_dt_bad", [fld("f", "SplitDateTimeField", required=False)], data={"f_0": "x", "f_1": "y"})
case("split_dt_unbound_initial", [fld("f", "SplitDateTimeField", initial={"$datetime": "2022-08-03T10:30:00"})])
case("multivalue_partial", [fld("f", "MultiValueField", require_all_fields=False,
                                fields=[fld("_", "CharField"), fld("_", "CharField", required=False)],
                                widget={"type": "MultiWidget", "widgets": ["TextInput", "TextInput"]})],
     data={"f_0": "", "f_1": "x"})
case("multivalue_ok", [fld("f", "MultiValueField",
                           fields=[fld("_", "IntegerField"), fld("_", "CharField")],
                           widget={"type": "MultiWidget", "widgets": ["NumberInput", "TextInput"]})],
     data={"f_0": "3", "f_1": "x"})
case("combo_ok", [fld("f", "ComboField", fields=[fld("_", "CharField", max_length=20), fld("_", "EmailField")])], data={"f": "a@b.com"})
case("select_date_bad", [fld("f", "DateField", widget={"type": "SelectDateWidget", "years": [2020, 2021]})],
     data={"f_year": "2021", "f_month": "2", "f_day": "31"})
case("select_date_empty", [fld("f", "DateField", required=False, widget={"type": "SelectDateWidget", "years": [2020]})],
     data={"f_year": "", "f_month": "", "f_day": ""})
case("file_ok", [fld("f", "FileField")], files={"f": {"name": "a.txt", "content": "hello"}})
case("file_empty", [fld("f", "FileField")], files={"f": {"name": "a.txt", "content": ""}})
case("file_missing", [fld("f", "FileField")], data={})
case("file_name_long", [fld("f", "FileField", max_length=5)], files={"f": {"name": "abcdef.txt", "content": "x"}})
case("file_plain_input", [fld("f", "FileField", required=False, widget="FileInput")], data={})

# Form-level behaviour.
contact = [fld("name", "CharField", max_length=20, help_text="Your <b>name</b>"),
           fld("email", "EmailField", label="E-mail <address>"),
           fld("age", "IntegerField", required=False, min_value=0),
           fld("agree", "BooleanField"),
           fld("secret", "CharField", widget="HiddenInput", required=False)]
for r in RENDERERS:
    case(f"contact_bad_{r}", contact, data={"name": "x" * 30, "email": "nope", "age": "-1", "secret": "s"}, renderer=r)
    case(f"contact_prefix_{r}", contact, renderer=r,
         form_extra={"prefix": "p", "auto_id": "field_%s", "label_suffix": " →", "initial": {"name": "Ann", "age": 3}})
case("auto_id_true", contact, form_extra={"auto_id": True})
case("auto_id_plain", contact, form_extra={"auto_id": "x"})
case("label_empty", [fld("f", "CharField", label=""), fld("g", "CharField", label="Why?"), fld("h", "CharField", label_suffix="!")])
case("field_order_partial", contact, form_extra={"field_order": ["agree", "nope", "email"]})
case("css_required_p", contact, data={"email": "a@b.com"}, renderer={"class": "DjangoTemplates", "form_template_name": "django/forms/p.html"},
     form_extra={"required_css_class": "req", "error_css_class": "err"})
case("css_required_ul_jinja", contact, data={"email": "a@b.com"}, renderer={"class": "Jinja2", "form_template_name": "django/forms/ul.html"},
     form_extra={"required_css_class": "req"})
case("hidden_errors_only", [fld("h", "IntegerField", widget="HiddenInput")], data={"h": "x"})
case("hidden_and_visible_errors", [fld("h", "IntegerField", widget="HiddenInput"), fld("v", "CharField")], data={"h": "x"})
case("no_required_attr_class", contact, form_extra={"class": {"use_required_attribute": False}})
case("disabled_posted", [fld("f", "CharField", disabled=True, initial="keep"), note], data={"f": "changed", "note": "x"})
case("show_hidden_initial_changed", [fld("f", "CharField", show_hidden_initial=True, initial="a")], data={"f": "b", "initial-f": "a"})
case("show_hidden_initial_same", [fld("f", "IntegerField", show_hidden_initial=True, initial=1)], data={"f": "1", "initial-f": "1"})
case("initial_typed", [fld("d", "DateField"), fld("t", "TimeField"), fld("dt", "DateTimeField"), fld("dec", "DecimalField"),
                       fld("dur", "DurationField"), fld("u", "UUIDField"), fld("j", "JSONField")],
     form_extra={"initial": {"d": {"$date": "2022-08-03"}, "t": {"$time": "13:45:00"}, "dt": {"$datetime": "2022-08-03T10:30:00"},
                             "dec": {"$decimal": "1.50"}, "dur": {"$duration": 3725.5}, "u": {"$uuid": "12345678-1234-5678-1234-567812345678"},
                             "j": {"a": [1, 2]}}})
case("changed_typed", [fld("d", "DateField", initial={"$date": "2022-08-03"}), fld("n", "IntegerField", initial=3),
                       fld("c", "MultipleChoiceField", choices=[["a", "A"], ["b", "B"]], initial=["a"])],
     data={"d": "2022-08-03", "n": "3", "c": ["a"]})
case("template_label_override", contact, form_extra={"class": {"template_name_label": "django/forms/label.html"}})
case("media_form_and_widgets", [fld("f", "CharField", widget={"type": "TextInput", "media": {"js": ["a.js", "b.js"], "css": {"all": ["x.css"]}}}),
                                fld("g", "CharField", widget={"type": "Textarea", "media": {"js": ["b.js", "c.js"], "css": {"print": ["p.css"], "all": ["y.css"]}}})],
     form_extra={"media": {"js": ["https://cdn.example.com/z.js", {"html": "<script src=\"/h.js\" defer></script>"}], "css": {"screen": ["/s.css"]}}})
case("clean_errors_conditions", [fld("a", "CharField"), fld("b", "CharField")], data={"a": "x", "b": "x"},
     form_extra={"clean_errors": [{"field": None, "message": "Same <values>", "code": "same", "when": {"equal": ["a", "b"]}},
                                  {"field": "b", "message": "b was given", "when": {"present": "b"}},
                                  {"field": "a", "message": "never", "when": {"different": ["a", "b"]}}]})
case("escaping_everywhere", [fld("f", "ChoiceField", label="<i>L</i>", help_text="<b>help</b>",
                                 choices=[["<v>", "<label & \"q\">"], ["x", "X"]],
                                 widget={"type": "Select", "attrs": {"data-x": "\"'<>"}})],
     data={"f": "<script>"})
case("textarea_attrs", [fld("f", "CharField", max_length=10, widget={"type": "Textarea", "attrs": {"rows": 3, "class": "b a"}})], data={"f": "line1\r\nline2"})
case("password_no_render", [fld("f", "CharField", widget="PasswordInput")], data={"f": "secret"})
case("checkbox_initial_true", [fld("f", "BooleanField", required=False, initial=True)])
case("number_localized", [fld("f", "IntegerField", localize=True), fld("g", "DecimalField", localize=True)], data={"f": "1,000", "g": "1,234.5"})
print(n[0], "cases")

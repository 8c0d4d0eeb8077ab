#!/usr/bin/env python3
"""Write formwork's own widget-focused cases into testdata/cases-extra
(golden results from the reference only, see gen_extra_forms.py)."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "cases-extra")
OUTS = ["as_div", "as_p", "as_table", "as_ul", "str", "is_valid", "errors", "cleaned_data",
        "bound_fields", "has_changed", "changed_data", "errors_as_ul", "media"]
RENDERERS = ["DjangoTemplates", "DjangoDivFormRenderer", "Jinja2", "Jinja2DivFormRenderer"]


def case(name, fields, data=None, form_extra=None, renderers=RENDERERS):
    for r in renderers:
        form = {"fields": fields}
        form.update(form_extra or {})
        c = {"form": form, "outputs": OUTS, "renderer": r}
        if data is not None:
            c["bind"] = {"data": data}
        with open(os.path.join(OUT, f"w_{name}_{r}.json"), "w") as fh:
            json.dump(c, fh, indent=1, sort_keys=True, ensure_ascii=False)
            fh.write("\n")


def fld(name, type_, **kw):
    d = {"name": name, "type": type_}
    d.update(kw)
    return d


ch = [["1", "One"], ["2", "Two"], ["3", "Three"]]
case("radio_attrs_id", [fld("f", "ChoiceField", choices=ch, widget={"type": "RadioSelect", "attrs": {"id": "custom", "class": "r"}}, help_text="Pick one")], data={"f": "2"})
case("radio_disabled", [fld("f", "ChoiceField", choices=ch, disabled=True, initial="3", widget="RadioSelect")], data={"f": "1"})
case("checkboxes_initial", [fld("f", "MultipleChoiceField", choices=ch, initial=["1", "3"], widget="CheckboxSelectMultiple", required=False)])
case("select_int_initial", [fld("f", "TypedChoiceField", coerce="int", choices=[[1, "One"], [2, "Two"]], initial=2)])
case("select_multiple_bound", [fld("f", "MultipleChoiceField", choices=[["G", [["a", "A"], ["b", "B"]]], ["c", "C"]])], data={"f": ["b", "c"]})
case("nullbool_select", [fld("a", "NullBooleanField"), fld("b", "NullBooleanField", initial=True), fld("c", "NullBooleanField", initial=False)], data={"a": "unknown", "b": "true", "c": "false"})
case("dateinput_format", [fld("f", "DateField", initial={"$date": "2022-08-03"}, widget={"type": "DateInput", "format": "%d/%m/%Y"}),
                          fld("g", "DateTimeField", initial={"$datetime": "2022-08-03T10:30:05"}, widget={"type": "DateTimeInput", "format": "%Y-%m-%d %H:%M"}),
                          fld("h", "TimeField", initial={"$time": "13:45:10"}, widget={"type": "TimeInput", "format": "%H:%M"})])
case("split_dt_widget_formats", [fld("f", "SplitDateTimeField", initial={"$datetime": "2022-08-03T10:30:00"},
                                     widget={"type": "SplitDateTimeWidget", "date_format": "%d.%m.%Y", "time_format": "%H:%M"})])
case("password_render_value", [fld("f", "CharField", widget={"type": "PasswordInput", "render_value": True})], data={"f": "s3cret"})
case("clearable_file_required", [fld("f", "FileField", widget="ClearableFileInput"), fld("g", "ImageField", required=False)], data={})
case("hidden_initial_int", [fld("f", "IntegerField", initial=7, widget="HiddenInput"), fld("g", "MultipleChoiceField", choices=ch, initial=["1", "2"], widget="MultipleHiddenInput")])
case("textarea_initial", [fld("f", "CharField", initial="a <b> & \"c\"", widget={"type": "Textarea", "attrs": {"cols": 20}})])
case("select_date_initial", [fld("f", "DateField", initial={"$date": "2021-02-03"}, widget={"type": "SelectDateWidget", "years": [2020, 2021, 2022]})])
case("select_date_optional", [fld("f", "DateField", required=False, widget={"type": "SelectDateWidget", "years": [2020, 2021], "empty_label": ["Y", "M", "D"]})])
case("multiwidget_unbound", [fld("f", "MultiValueField", fields=[fld("_", "CharField"), fld("_", "IntegerField")],
                                 widget={"type": "MultiWidget", "widgets": ["TextInput", {"type": "NumberInput", "attrs": {"min": 0}}]})])
case("checkbox_values", [fld("a", "BooleanField", required=False), fld("b", "BooleanField", required=False), fld("c", "BooleanField")], data={"a": "on", "b": "false", "c": ""})
case("widget_media_html", [fld("f", "CharField", widget={"type": "TextInput", "media": {"js": [{"html": "<script type=\"module\" src=\"/m.js\"></script>"}, "a.js"], "css": {"all": ["/x.css"]}}}),
                           fld("g", "DateField", widget={"type": "DateInput", "media": {"js": ["a.js", "b.js"]}})])
case("no_auto_id_radio", [fld("f", "ChoiceField", choices=ch, widget="RadioSelect"), fld("g", "MultipleChoiceField", choices=ch, widget="CheckboxSelectMultiple")],
     data={"f": "9"}, form_extra={"auto_id": False})
case("prefix_multiwidget", [fld("f", "SplitDateTimeField")], data={"pre-f_0": "2022-01-01", "pre-f_1": "bad"}, form_extra={"prefix": "pre"})
case("unicode_labels", [fld("名前", "CharField", help_text="Ünïcödé"), fld("email", "EmailField", label="Correo electrónico")], data={"名前": "太郎", "email": "x"})
case("number_attrs", [fld("a", "IntegerField", min_value=1, max_value=10, step_size=2), fld("b", "FloatField", min_value=0.5),
                      fld("c", "DecimalField", max_digits=4, decimal_places=1), fld("d", "DecimalField", decimal_places=0)], data={"a": "3", "b": "0.4", "c": "12.34", "d": "1.0"})
case("email_url_widgets", [fld("e", "EmailField", max_length=50, min_length=5), fld("u", "URLField", max_length=100)], data={"e": "a@b", "u": "x"})
print("ok")

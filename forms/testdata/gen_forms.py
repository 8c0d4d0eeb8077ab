#!/usr/bin/env python3
"""Render and clean the forms of forms_test.go with the reference Django and
write the results to forms_expected.json, which forms_test.go compares
formwork's against, key for key.

usage: PYTHONPATH=~/.cache/django-oracle/site python3 gen_forms.py
"""
import json
import os

import django
from django.conf import settings
settings.configure(USE_I18N=True, USE_TZ=False, LANGUAGE_CODE="en-us", INSTALLED_APPS=["django.forms"],
    TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True}],
    FORM_RENDERER="django.forms.renderers.DjangoTemplates")
django.setup()
from django import forms
from django.core.exceptions import ValidationError

class Contact(forms.Form):
    error_css_class = "err"
    required_css_class = "req"
    name = forms.CharField(max_length=10)
    email = forms.EmailField(required=False, help_text="We never share it.")
    token = forms.CharField(widget=forms.HiddenInput)

    def clean_name(self):
        v = self.cleaned_data["name"]
        return v.upper()

    def clean(self):
        cd = super().clean()
        if cd.get("name") == "BOB":
            self.add_error("name", "Not Bob.")
            raise ValidationError("Try again.", code="again")
        return cd

out = {}
f = Contact(data={"p-name": "", "p-email": "x", "p-token": ""}, prefix="p", auto_id="f_%s", label_suffix=" ->")
out["invalid_div"] = f.as_div()
out["invalid_p"] = f.as_p()
out["errors_ul"] = str(f.errors.as_ul())
out["errors_text"] = f.errors.as_text()
out["errors_json"] = f.errors.get_json_data()
out["errors_as_json"] = f.errors.as_json()
out["name_errors_as_json"] = f["name"].errors.as_json()
out["name_errors_ul"] = str(f["name"].errors)
out["name_errors_text"] = f["name"].errors.as_text()
# css_classes joins a set: compare sorted classes.
out["css_name"] = sorted(f["name"].css_classes("x").split())
out["css_email"] = sorted(f["email"].css_classes("a b").split())
out["label_name"] = f["name"].label_tag()
out["label_attrs"] = f["email"].label_tag(contents="E <mail>", attrs={"class": "x"}, label_suffix="!")
out["legend_name"] = f["name"].legend_tag()
out["label_noid"] = Contact(auto_id=False)["name"].label_tag()

b = Contact(data={"name": "bob", "email": "", "token": "t"})
out["bob_valid"] = b.is_valid()
out["bob_cleaned"] = sorted(b.cleaned_data.items())
out["bob_errors"] = b.errors.get_json_data()
out["bob_nonfield"] = str(b.non_field_errors())
out["bob_div"] = b.as_div()

ok = Contact(data={"name": " ann ", "email": "a@example.com", "token": "t"})
out["ok_valid"] = ok.is_valid()
out["ok_cleaned"] = sorted(ok.cleaned_data.items())

class Ordered(forms.Form):
    a = forms.CharField()
    b = forms.CharField()
    c = forms.CharField()
    field_order = ["c", "a"]
out["order"] = list(Ordered().fields)
out["order2"] = list(Ordered(field_order=["b", "zz"]).fields)

class Init(forms.Form):
    a = forms.CharField(initial="one")
    n = forms.IntegerField(required=False)
ui = Init(initial={"n": 3})
out["init_values"] = [ui["a"].value(), ui["n"].value()]
bi = Init(data={"a": "one", "n": "4"}, initial={"n": 3})
out["bound_values"] = [bi["a"].value(), bi["n"].value()]
out["changed"] = bi.changed_data
out["has_changed"] = bi.has_changed()
bi2 = Init(data={"a": "one", "n": "3"}, initial={"n": 3})
out["changed2"] = bi2.changed_data
ep = Init(data={"a": "one"}, empty_permitted=True, use_required_attribute=False)
out["ep_valid"] = ep.is_valid(); out["ep_cleaned"] = ep.cleaned_data
ep2 = Init(data={"a": "two", "n": "x"}, empty_permitted=True, use_required_attribute=False)
out["ep2_valid"] = ep2.is_valid(); out["ep2_errors"] = ep2.errors.get_json_data()
out["ep_div"] = Init(empty_permitted=True, use_required_attribute=False).as_div()

class Med(forms.Form):
    a = forms.CharField(widget=forms.TextInput())
    f = forms.FileField()
    class Media:
        js = ["form.js"]
        css = {"all": ["form.css"]}
class W1(forms.TextInput):
    class Media:
        js = ["w1.js", "shared.js"]
class W2(forms.TextInput):
    class Media:
        js = ["shared.js", "w2.js"]
        css = {"screen": ["w2.css"]}
class Med2(Med):
    b = forms.CharField(widget=W1)
    c = forms.CharField(widget=W2)
m = Med2()
out["media"] = str(m.media)
out["multipart"] = [m.is_multipart(), Init().is_multipart()]
out["unbound_p_noid"] = Init(auto_id=False).as_p()
out["table"] = Init(auto_id="%s").as_table()
out["ul"] = Init().as_ul()
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "forms_expected.json")
with open(path, "w") as fh:
    json.dump(out, fh, indent=1, default=str, ensure_ascii=False)
    fh.write("\n")

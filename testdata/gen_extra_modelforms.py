#!/usr/bin/env python3
"""Write formwork's own cases of model forms (mf_), many-to-many fields
(mm_), model choice fields in plain forms and formsets (mc_) and stored
files (fi_) into testdata/cases-extra. Their golden results come from the
reference only:

    python3 testdata/gen_extra_modelforms.py
    python3 ../shared/tools/django-oracle/render.py --out testdata/golden-extra testdata/cases-extra/{mf,mm,mc,fi}_*.json

The cases avoid what the reference cannot answer the same way twice:
ImageField uploads (it has no Pillow), uploads of a name already stored
(a random suffix), several invalid choices of one ModelMultipleChoiceField
(it checks them in a set's order), an upload name longer than its
field's max_length (cut with a random suffix)."""
import copy
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "cases-extra")

FORM_OUTS = ["as_div", "as_p", "as_table", "as_ul", "str", "is_valid", "errors", "errors_as_ul", "errors_as_text",
             "non_field_errors", "cleaned_data", "has_changed", "changed_data", "media", "hidden_fields", "bound_fields"]
MODEL_OUTS = FORM_OUTS + ["db_after_save", "instance_pk"]
UNBOUND_OUTS = ["as_div", "as_p", "as_table", "str", "has_changed", "bound_fields", "hidden_fields"]
FORMSET_OUTS = ["str", "as_div", "as_table", "management_form", "is_valid", "errors", "non_form_errors",
                "non_form_errors_html", "total_error_count", "total_form_count", "cleaned_data", "has_changed", "empty_form"]


def write(name, case):
    with open(os.path.join(OUT, name + ".json"), "w") as fh:
        json.dump(case, fh, indent=1, sort_keys=True, ensure_ascii=False)
        fh.write("\n")


def bound(data=None, files=None):
    b = {"data": data or {}}
    if files:
        b["files"] = files
    return b


# --- models -----------------------------------------------------------------

profile = {"name": "Profile", "str": "@{username}", "fields": [
    {"name": "username", "type": "SlugField", "max_length": 30, "unique": True},
    {"name": "display_name", "type": "CharField", "max_length": 60, "verbose_name": "public name"},
    {"name": "bio", "type": "TextField", "blank": True, "help_text": "A few words about you."},
    {"name": "website", "type": "URLField", "blank": True},
    {"name": "birth_date", "type": "DateField", "null": True, "blank": True},
    {"name": "newsletter", "type": "BooleanField", "default": True},
    {"name": "theme", "type": "CharField", "max_length": 10, "default": "auto",
     "choices": [["light", "Light"], ["dark", "Dark"], ["auto", "Follow system"]]}],
    "rows": [{"username": "ann", "display_name": "Ann A.", "bio": "Gardener & coder.", "website": "https://ann.example",
              "birth_date": {"$date": "1990-04-12"}, "newsletter": True, "theme": "dark"},
             {"username": "bob", "display_name": "Bob", "bio": "", "website": "", "birth_date": None, "newsletter": False, "theme": "auto"}]}
profile_data = {"username": "cy", "display_name": "Cy", "bio": "", "website": "", "birth_date": "", "newsletter": "on", "theme": "light"}

post = {"name": "Post", "fields": [
    {"name": "pub", "type": "DateField", "verbose_name": "publication date"},
    {"name": "title", "type": "CharField", "max_length": 40, "unique_for_month": "pub"},
    {"name": "slug", "type": "SlugField", "max_length": 40, "unique_for_year": "pub"},
    {"name": "headline", "type": "CharField", "max_length": 40, "unique_for_date": "pub", "blank": True}],
    "rows": [{"pub": {"$date": "2024-03-10"}, "title": "Spring", "slug": "spring", "headline": "Buds"}]}

event = {"name": "Event", "fields": [
    {"name": "starts", "type": "DateTimeField"},
    {"name": "room", "type": "CharField", "max_length": 10, "unique_for_date": "starts"}],
    "rows": [{"starts": {"$datetime": "2024-05-10T09:00:00"}, "room": "A1"}]}

student = {"name": "Student", "str": "{name}", "fields": [{"name": "name", "type": "CharField", "max_length": 20}],
           "rows": [{"name": "Ann"}, {"name": "Bob"}]}
course = {"name": "Course", "str": "{code}", "fields": [{"name": "code", "type": "CharField", "max_length": 8, "unique": True}],
          "rows": [{"code": "MATH1"}, {"code": "ART2"}]}
enrollment = {"name": "Enrollment", "unique_together": [["student", "course"]], "fields": [
    {"name": "student", "type": "ForeignKey", "to": "Student"},
    {"name": "course", "type": "ForeignKey", "to": "Course", "to_field": "code"},
    {"name": "grade", "type": "SmallIntegerField", "null": True, "blank": True}],
    "rows": [{"student": 1, "course": "MATH1", "grade": 3}]}

meetup = {"name": "Meetup", "fields": [
    {"name": "title", "type": "CharField", "max_length": 50},
    {"name": "starts_at", "type": "DateTimeField"},
    {"name": "doors", "type": "TimeField", "null": True, "blank": True},
    {"name": "ticket_id", "type": "UUIDField", "null": True, "blank": True},
    {"name": "capacity", "type": "BigIntegerField"},
    {"name": "offset", "type": "SmallIntegerField", "default": 0},
    {"name": "stream_url", "type": "URLField", "blank": True},
    {"name": "extra", "type": "JSONField", "null": True, "blank": True}],
    "rows": [{"title": "Go night", "starts_at": {"$datetime": "2024-06-01T19:00:00"}, "capacity": 80,
              "ticket_id": {"$uuid": "12345678-1234-5678-1234-567812345678"}, "doors": {"$time": "18:30:00"},
              "extra": {"food": "pizza"}}]}
meetup_data = {"title": "Go night", "starts_at": "2024-06-01 19:00", "doors": "", "ticket_id": "", "capacity": "80",
               "offset": "0", "stream_url": "", "extra": ""}

settings = {"name": "AccountSettings", "fields": [
    {"name": "owner", "type": "CharField", "max_length": 40},
    {"name": "plan", "type": "CharField", "max_length": 8, "default": "free", "choices": [["free", "Free"], ["pro", "Pro"], ["team", "Team"]]},
    {"name": "seats", "type": "PositiveSmallIntegerField", "default": 1, "help_text": "Billed per seat."},
    {"name": "beta", "type": "BooleanField", "null": True, "verbose_name": "beta features"},
    {"name": "api_key", "type": "UUIDField", "default": {"$uuid": "0f8fad5b-d9cb-469f-a165-70867728950e"}, "editable": False},
    {"name": "budget", "type": "DecimalField", "max_digits": 6, "decimal_places": 2, "default": "10.00"}],
    "rows": []}

room = {"name": "Room", "str": "{name} (floor {floor})", "fields": [
    {"name": "code", "type": "SlugField", "max_length": 8, "unique": True},
    {"name": "name", "type": "CharField", "max_length": 20},
    {"name": "floor", "type": "SmallIntegerField", "default": 0}],
    "rows": [{"code": "lagoon", "name": "Lagoon", "floor": 1}, {"code": "attic", "name": "Attic", "floor": 3}]}
booking = {"name": "Booking", "fields": [
    {"name": "room", "type": "ForeignKey", "to": "Room", "to_field": "code"},
    {"name": "day", "type": "DateField"},
    {"name": "guest", "type": "CharField", "max_length": 20, "unique_for_date": "day"}],
    "rows": [{"room": "lagoon", "day": {"$date": "2024-05-10"}, "guest": "kim"}]}

writer = {"name": "Writer", "str": "{name}", "ordering": ["name"], "fields": [
    {"name": "name", "type": "CharField", "max_length": 40}, {"name": "active", "type": "BooleanField", "default": True}],
    "rows": [{"name": "Ada"}, {"name": "Brian", "active": False}, {"name": "Chen"}]}
tag = {"name": "Tag", "str": "#{slug}", "ordering": ["slug"], "fields": [
    {"name": "slug", "type": "SlugField", "max_length": 20, "unique": True}, {"name": "archived", "type": "BooleanField", "default": False}],
    "rows": [{"slug": "python"}, {"slug": "go"}, {"slug": "legacy", "archived": True}, {"slug": "web"}]}
article = {"name": "Article", "str": "{title}", "fields": [
    {"name": "title", "type": "CharField", "max_length": 80},
    {"name": "author", "type": "ForeignKey", "to": "Writer", "related_name": "articles", "limit_choices_to": {"active": True}},
    {"name": "tags", "type": "ManyToManyField", "to": "Tag", "related_name": "articles", "blank": True,
     "limit_choices_to": {"archived": False}, "verbose_name": "topics", "help_text": "Any number."},
    {"name": "published", "type": "DateTimeField", "null": True, "blank": True}],
    "rows": [{"title": "Hello Go", "author": 1, "tags": [2, 4], "published": {"$datetime": "2024-01-15T08:00:00"}},
             {"title": "Old notes", "author": 2, "tags": [3]}]}
blog = [writer, tag, article]

topic = {"name": "Topic", "str": "{name}", "ordering": ["-name"], "fields": [
    {"name": "name", "type": "CharField", "max_length": 30}, {"name": "retired", "type": "BooleanField", "default": False}],
    "rows": [{"name": "Algebra"}, {"name": "Latin", "retired": True}, {"name": "Physics"}]}
lesson = {"name": "Lesson", "fields": [
    {"name": "title", "type": "CharField", "max_length": 60},
    {"name": "topics", "type": "ManyToManyField", "to": "Topic", "limit_choices_to": {"retired": False}}],
    "rows": [{"title": "Intro", "topics": [1, 3]}]}

product = {"name": "Product", "str": "{name} — {price} €", "ordering": ["name"], "fields": [
    {"name": "sku", "type": "CharField", "max_length": 12, "unique": True},
    {"name": "name", "type": "CharField", "max_length": 40},
    {"name": "price", "type": "DecimalField", "max_digits": 7, "decimal_places": 2},
    {"name": "in_stock", "type": "BooleanField", "default": True}],
    "rows": [{"sku": "MUG-01", "name": "Mug", "price": {"$decimal": "8.50"}},
             {"sku": "TEE-M", "name": "T-shirt (M)", "price": {"$decimal": "19.00"}},
             {"sku": "CAP-9", "name": "Cap", "price": {"$decimal": "12.00"}, "in_stock": False},
             {"sku": "BAG-2", "name": "Tote bag", "price": {"$decimal": "15.00"}}]}
plain = {"name": "Color", "ordering": ["-id"], "fields": [{"name": "name", "type": "CharField", "max_length": 10}],
         "rows": [{"name": "red"}, {"name": "green"}, {"name": "blue"}]}

report = {"name": "Report", "fields": [
    {"name": "name", "type": "CharField", "max_length": 40},
    {"name": "pdf", "type": "FileField", "upload_to": "reports/", "blank": True, "verbose_name": "PDF file"},
    {"name": "cover", "type": "ImageField", "upload_to": "covers/", "blank": True},
    {"name": "appendix", "type": "FileField", "upload_to": "appendix", "max_length": 30, "help_text": "Required."}],
    "rows": [{"name": "Q1", "pdf": "reports/q1.pdf", "cover": "covers/q1.jpg", "appendix": "appendix/q1 data.csv"},
             {"name": "Q2", "pdf": "", "cover": "", "appendix": "appendix/q2.csv"}]}


def mf(name, models, form, data=None, files=None, renderer="DjangoDivFormRenderer", outputs=None):
    c = {"models": copy.deepcopy(models), "model_form": form, "renderer": renderer,
         "outputs": outputs or (MODEL_OUTS if data is not None else UNBOUND_OUTS + ["instance_pk"])}
    if data is not None:
        c["bind"] = bound(data, files)
    write(name, c)


# --- model forms ------------------------------------------------------------

P = {"model": "Profile", "fields": ["username", "display_name", "bio", "website", "birth_date", "newsletter", "theme"]}
mf("mf_profile_create_valid", [profile], P, profile_data)
mf("mf_profile_create_username_taken", [profile], dict(P, error_messages={"username": {"unique": "That name is taken."}}), dict(profile_data, username="bob"))
mf("mf_profile_create_unique_default_message", [profile], P, dict(profile_data, username="ann", display_name=""))
mf("mf_profile_edit_bad_choice", [profile], dict(P, instance=1), dict(profile_data, username="ann", theme="sepia", website="ftp://x"))
mf("mf_profile_unbound_new_initial", [profile], dict(P, initial={"display_name": "Guest", "newsletter": False}), renderer="DjangoTemplates")
mf("mf_profile_exclude", [profile], {"model": "Profile", "exclude": ["bio", "website", "birth_date"], "instance": 2},
   {"username": "bob", "display_name": "Bobby", "theme": "dark"})
mf("mf_profile_meta_overrides", [profile], dict(P, labels={"username": "Handle", "birth_date": "Born"},
   help_texts={"theme": "How pages look."}, widgets={"theme": "RadioSelect", "bio": {"type": "Textarea", "attrs": {"rows": 3, "cols": 20}},
   "birth_date": {"type": "DateInput", "attrs": {"type": "date"}}}, instance=1), renderer="DjangoTemplates")
mf("mf_profile_field_classes", [profile], dict(P, field_classes={"display_name": "SlugField", "bio": "CharField"}),
   dict(profile_data, display_name="not a slug!", bio="x" * 5))
mf("mf_profile_declared_replaces", [profile], dict(P, declared_fields=[
    {"name": "bio", "type": "CharField", "max_length": 10, "required": True, "label": "Short bio"},
    {"name": "agree", "type": "BooleanField", "label": "I agree"}]),
   dict(profile_data, bio="far too long for ten"))
mf("mf_profile_jinja_unbound", [profile], dict(P, instance=1), renderer="Jinja2")
mf("mf_profile_prefix_no_auto_id", [profile], dict(P, prefix="p", auto_id=False, instance=2),
   {"p-username": "bob", "p-display_name": "Bob B", "p-theme": "auto"}, renderer="DjangoTemplates")
mf("mf_profile_clean_errors", [profile], dict(P, clean_errors=[
    {"field": None, "message": "Public name must differ from the username.", "code": "same", "when": {"equal": ["username", "display_name"]}},
    {"field": "website", "message": "Newsletter readers need a website.", "code": "site", "when": {"present": "newsletter"}}]),
   dict(profile_data, username="dee", display_name="dee"))
mf("mf_post_unique_for_month", [post], {"model": "Post"}, {"pub": "2024-03-28", "title": "Spring", "slug": "spring-2", "headline": ""})
mf("mf_post_unique_for_year", [post], {"model": "Post"}, {"pub": "2024-11-02", "title": "Autumn", "slug": "spring", "headline": ""})
mf("mf_post_unique_for_date_custom", [post], {"model": "Post", "error_messages": {"headline": {"unique_for_date": "One such headline a day."}}},
   {"pub": "2024-03-10", "title": "Winter", "slug": "winter", "headline": "Buds"})
mf("mf_post_next_year_ok", [post], {"model": "Post"}, {"pub": "2025-03-10", "title": "Spring", "slug": "spring", "headline": "Buds"})
mf("mf_post_edit_self_ok", [post], {"model": "Post", "instance": 1}, {"pub": "2024-03-10", "title": "Spring", "slug": "spring", "headline": "Buds"})
mf("mf_post_date_invalid_skips", [post], {"model": "Post"}, {"pub": "soon", "title": "Spring", "slug": "spring", "headline": "Buds"})
mf("mf_event_datetime_unique_for_date", [event], {"model": "Event"}, {"starts": "2024-05-10 17:45", "room": "A1"})
mf("mf_enrollment_unique_together", [student, course, enrollment], {"model": "Enrollment", "fields": "__all__"},
   {"student": "1", "course": "MATH1", "grade": "4"})
mf("mf_enrollment_create_to_field", [student, course, enrollment], {"model": "Enrollment", "fields": "__all__"},
   {"student": "2", "course": "ART2", "grade": "40000"})
mf("mf_enrollment_bad_choices", [student, course, enrollment], {"model": "Enrollment", "fields": "__all__", "widgets": {"course": "RadioSelect"}},
   {"student": "7", "course": "1", "grade": "x"})
mf("mf_enrollment_unbound_edit", [student, course, enrollment], {"model": "Enrollment", "fields": "__all__", "instance": 1}, renderer="DjangoTemplates")
mf("mf_meetup_edit_types", [meetup], {"model": "Meetup", "fields": "__all__", "instance": 1},
   dict(meetup_data, ticket_id="{12345678-1234-5678-1234-567812345679}", extra='[1, 2.5, "three", null]', doors="18:45:30", capacity="-9223372036854775808"))
mf("mf_meetup_bad_types", [meetup], {"model": "Meetup", "fields": "__all__", "instance": 1},
   dict(meetup_data, ticket_id="nope", extra="{'single': 1}", doors="noon", capacity="-9223372036854775809", offset="1.5", stream_url="example"))
mf("mf_meetup_unbound_instance", [meetup], {"model": "Meetup", "fields": "__all__", "instance": 1}, renderer="DjangoTemplates")
mf("mf_meetup_create_blank_optional", [meetup], {"model": "Meetup", "exclude": ["offset"]}, dict(meetup_data, starts_at="2024-07-01T20:00:00"))
mf("mf_settings_create_defaults_saved", [settings], {"model": "AccountSettings"}, {"owner": "Ann", "plan": "pro", "seats": "3", "beta": "true", "budget": "99.50"})
mf("mf_settings_bad_values", [settings], {"model": "AccountSettings"}, {"owner": "", "plan": "gold", "seats": "-2", "beta": "maybe", "budget": "12345.678"})
mf("mf_settings_nullboolean_unknown", [settings], {"model": "AccountSettings", "fields": ["owner", "beta"]}, {"owner": "Bo", "beta": "unknown"},
   renderer="DjangoTemplates")
mf("mf_booking_to_field_create", [room, booking], {"model": "Booking"}, {"room": "attic", "day": "2024-05-10", "guest": "lee"})
mf("mf_booking_to_field_invalid", [room, booking], {"model": "Booking"}, {"room": "2", "day": "2024-05-10", "guest": "kim"})
mf("mf_booking_unique_for_date_conflict", [room, booking], {"model": "Booking"}, {"room": "lagoon", "day": "2024-05-10", "guest": "kim"})

# --- many-to-many -----------------------------------------------------------

A = {"model": "Article", "fields": ["title", "author", "tags", "published"]}
mf("mm_article_create_with_tags", blog, A, {"title": "New", "author": "1", "tags": ["4", "1"], "published": ""})
mf("mm_article_create_no_tags", blog, A, {"title": "Bare", "author": "3"})
mf("mm_article_tag_bad_pk", blog, A, {"title": "Bad", "author": "1", "tags": ["1", "x1"]})
mf("mm_article_tag_archived", blog, A, {"title": "Old", "author": "1", "tags": ["3"]})
mf("mm_article_tag_missing", blog, A, {"title": "Gone", "author": "1", "tags": ["2", "42"]})
mf("mm_article_edit_duplicates", blog, dict(A, instance=2), {"title": "Old notes", "author": "3", "tags": ["2", "2", "1"]})
mf("mm_article_unbound_new", blog, A, renderer="DjangoTemplates")
mf("mm_article_unbound_edit_jinja", blog, dict(A, instance=1, widgets={"tags": "CheckboxSelectMultiple"}), renderer="Jinja2DivFormRenderer")
mf("mm_article_meta_labels", blog, dict(A, labels={"tags": "Tags"}, help_texts={"tags": "Pick some."}, instance=1),
   {"title": "Hello Go", "author": "1", "tags": ["2", "4"], "published": "2024-01-15 08:00"})
mf("mm_article_edit_unchanged", blog, dict(A, instance=1), {"title": "Hello Go", "author": "1", "tags": ["4", "2"], "published": "2024-01-15 08:00:00"})
mf("mm_lesson_create_valid", [topic, lesson], {"model": "Lesson", "fields": "__all__"}, {"title": "Waves", "topics": ["3"]})
mf("mm_lesson_edit_replace", [topic, lesson], {"model": "Lesson", "fields": "__all__", "instance": 1, "widgets": {"topics": "CheckboxSelectMultiple"}},
   {"title": "Intro", "topics": ["3", "1"]}, renderer="DjangoTemplates")
mf("mm_lesson_required_message", [topic, lesson], {"model": "Lesson", "fields": "__all__",
   "error_messages": {"topics": {"required": "Pick a topic.", "invalid_choice": "%(value)s is not offered."}}}, {"title": "Latin", "topics": ["2"]})
mf("mm_lesson_required_custom", [topic, lesson], {"model": "Lesson", "fields": "__all__",
   "error_messages": {"topics": {"required": "Pick a topic."}}}, {"title": "Latin"})


def mfs(name, models, fs, data, renderer="DjangoDivFormRenderer"):
    c = {"models": copy.deepcopy(models), "model_formset": fs, "renderer": renderer, "outputs": FORMSET_OUTS + ["db_after_save"]}
    if data is not None:
        c["bind"] = bound(data)
    write(name, c)


mfs("mm_formset_tags_create_edit", blog, {"model": "Article", "fields": ["title", "author", "tags"], "extra": 1}, {
    "form-TOTAL_FORMS": "3", "form-INITIAL_FORMS": "2",
    "form-0-id": "1", "form-0-title": "Hello Go", "form-0-author": "1", "form-0-tags": ["1"],
    "form-1-id": "2", "form-1-title": "Old notes", "form-1-author": "3", "form-1-tags": ["2", "4"],
    "form-2-title": "Third", "form-2-author": "3", "form-2-tags": []})
mfs("mm_formset_tags_invalid", blog, {"model": "Article", "fields": ["title", "tags"], "extra": 0}, {
    "form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "2",
    "form-0-id": "1", "form-0-title": "Hello Go", "form-0-tags": ["3"],
    "form-1-id": "2", "form-1-title": "", "form-1-tags": ["1"]})
mfs("mm_formset_unbound", [topic, lesson], {"model": "Lesson", "fields": "__all__", "extra": 1}, None, renderer="DjangoTemplates")


# --- model choice fields in forms -------------------------------------------

def mc(name, models, fields, data=None, renderer="DjangoDivFormRenderer", formset=None, outputs=None):
    c = {"models": copy.deepcopy(models), "form": {"fields": fields}, "renderer": renderer,
         "outputs": outputs or (FORM_OUTS if data is not None else UNBOUND_OUTS)}
    if formset is not None:
        c["formset"] = formset
        c["outputs"] = FORMSET_OUTS
    if data is not None:
        c["bind"] = bound(data)
    write(name, c)


PF = {"name": "product", "type": "ModelChoiceField", "queryset": "Product"}
mc("mc_required_missing", [product], [PF], {})
mc("mc_bad_pk", [product], [PF], {"product": "abc"})
mc("mc_valid_pk", [product], [PF], {"product": " 3 "})
mc("mc_custom_invalid_message", [product], [dict(PF, error_messages={"invalid_choice": "No such product: %(value)s."})], {"product": "99"})
mc("mc_to_field_invalid", [product], [dict(PF, to_field_name="sku")], {"product": "3"})
mc("mc_optional_empty", [product], [dict(PF, required=False, empty_label="(none)")], {"product": ""})
mc("mc_initial_raw_value", [product], [dict(PF, initial=2), dict(PF, name="other", initial="BAG-2", to_field_name="sku", required=False)],
   renderer="DjangoTemplates")
mc("mc_radio_blank", [product], [dict(PF, widget="RadioSelect", blank=True, required=False, queryset_filter={"price__gte": "12"})],
   {"product": "4"})
mc("mc_radio_not_blank_unbound", [product], [dict(PF, widget="RadioSelect"), dict(PF, name="pick", initial={"$pk": 1})])
mc("mc_hidden_widget", [product], [dict(PF, widget="HiddenInput", to_field_name="sku")], {"product": "MUG-01"})
mc("mc_disabled_initial", [product], [dict(PF, disabled=True, initial={"$pk": 2})], {"product": "1"})
mc("mc_default_str_labels", [plain], [{"name": "color", "type": "ModelChoiceField", "queryset": "Color"}], {"color": "2"})
mc("mc_limit_choices_ignored", [product], [dict(PF, limit_choices_to={"in_stock": True})], {"product": "3"}, renderer="Jinja2")
MM = {"name": "items", "type": "ModelMultipleChoiceField", "queryset": "Product"}
mc("mcm_required_missing", [product], [MM], {})
mc("mcm_optional_empty", [product], [dict(MM, required=False)], {})
mc("mcm_ordering_not_submission", [product], [MM], {"items": ["4", "2", "1"]})
mc("mcm_to_field_sku", [product], [dict(MM, to_field_name="sku", queryset_filter={"in_stock": True})], {"items": ["TEE-M", "MUG-01"]})
mc("mcm_to_field_outside", [product], [dict(MM, to_field_name="sku", queryset_filter={"in_stock": True})], {"items": ["CAP-9"]})
mc("mcm_custom_messages", [product], [dict(MM, error_messages={"invalid_pk_value": "Bad id %(pk)s.", "required": "Pick items."})], {"items": ["1", "1.5"]})
mc("mcm_checkboxes_unbound_initial", [product, plain], [dict(MM, widget="CheckboxSelectMultiple", initial=[{"$pk": 2}, 4]),
   dict(MM, name="plain", queryset="Color")] , renderer="Jinja2DivFormRenderer")
mc("mcm_hidden_widget", [product], [dict(MM, widget="MultipleHiddenInput")], {"items": ["1", "3"]}, renderer="DjangoTemplates")
mc("mc_formset_orders", [product], [dict(PF, to_field_name="sku", queryset_filter={"in_stock": True}),
   {"name": "qty", "type": "IntegerField", "min_value": 1}], {
    "form-TOTAL_FORMS": "3", "form-INITIAL_FORMS": "0",
    "form-0-product": "MUG-01", "form-0-qty": "2", "form-1-product": "CAP-9", "form-1-qty": "1", "form-2-product": "", "form-2-qty": ""},
   formset={"extra": 1})
mc("mcm_formset_bundles", [product], [dict(MM, required=False), {"name": "label", "type": "CharField", "max_length": 10}], {
    "form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "0",
    "form-0-items": ["1", "2"], "form-0-label": "Pair", "form-1-label": "Empty"},
   formset={"extra": 0}, renderer="DjangoTemplates")


# --- stored files -----------------------------------------------------------

def fi(name, fields, data=None, files=None, renderer="DjangoDivFormRenderer", formset=None, prefix=None):
    form = {"fields": fields}
    if prefix:
        form["prefix"] = prefix
    c = {"form": form, "renderer": renderer, "outputs": FORM_OUTS if data is not None else UNBOUND_OUTS}
    if formset is not None:
        c["formset"] = formset
        c["outputs"] = FORMSET_OUTS
    if data is not None:
        c["bind"] = bound(data, files)
    write(name, c)


DOC = {"name": "doc", "type": "FileField", "initial": {"$file": "docs/plan v2.pdf"}}
pdf = {"name": "new plan.pdf", "content": "%PDF-1.7 new", "content_type": "application/pdf"}
fi("fi_required_clear_ignored", [DOC], {"doc-clear": "on"})
fi("fi_required_kept", [DOC], {})
fi("fi_upload_replaces", [dict(DOC, required=False)], {}, {"doc": pdf})
fi("fi_optional_no_initial_clear", [{"name": "doc", "type": "FileField", "required": False}], {"doc-clear": "on"})
fi("fi_file_input_widget", [dict(DOC, widget="FileInput", required=False)], {"doc-clear": "on"})
fi("fi_special_chars_url", [{"name": "doc", "type": "FileField", "required": False, "initial": {"$file": "d/a b#c?&d=é%.txt"}}])
fi("fi_jinja_attrs", [dict(DOC, required=False, widget={"type": "ClearableFileInput", "attrs": {"class": "upload", "accept": ".pdf"}},
   help_text="PDF only.")], renderer="Jinja2")
fi("fi_prefixed_contradiction", [dict(DOC, required=False)], {"up-doc-clear": "on"}, {"up-doc": pdf}, prefix="up")
fi("fi_max_length_upload", [dict(DOC, required=False, max_length=8)], {}, {"doc": pdf})
fi("fi_empty_upload", [dict(DOC, required=False)], {}, {"doc": {"name": "empty.txt", "content": "", "content_type": "text/plain"}})
fi("fi_disabled_unbound", [dict(DOC, disabled=True), {"name": "pic", "type": "ImageField", "required": False, "initial": {"$file": "img/me.png"}}],
   renderer="DjangoTemplates")
fi("fi_formset_upload_and_clear", [{"name": "doc", "type": "FileField", "required": False}, {"name": "note", "type": "CharField", "required": False}],
   {"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "2", "form-0-doc-clear": "on", "form-0-note": "cleared", "form-1-note": "replaced"},
   {"form-1-doc": pdf}, formset={"initial": [{"doc": {"$file": "a/one.txt"}, "note": "one"}, {"doc": {"$file": "a/two.txt"}, "note": "two"}], "extra": 0})

R = {"model": "Report", "fields": "__all__"}
csv = {"name": "q3.csv", "content": "a,b\n1,2\n", "content_type": "text/csv"}
mf("fi_model_create_uploads", [report], R, {"name": "Q3"}, {"pdf": pdf, "appendix": csv})
mf("fi_model_create_missing_required", [report], R, {"name": "Q3"}, {"pdf": pdf})
mf("fi_model_edit_clear_pdf", [report], dict(R, instance=1), {"name": "Q1", "pdf-clear": "on"})
mf("fi_model_edit_required_kept", [report], dict(R, instance=2), {"name": "Q2 final", "appendix-clear": "on"})
mf("fi_model_edit_unchanged", [report], dict(R, instance=1), {"name": "Q1"}, renderer="DjangoTemplates")
mf("fi_model_unbound_edit", [report], dict(R, instance=1), renderer="Jinja2DivFormRenderer")


def mfs_files(name, fs, data, files=None, renderer="DjangoDivFormRenderer"):
    c = {"models": [copy.deepcopy(report)], "model_formset": fs, "renderer": renderer,
         "outputs": FORMSET_OUTS + ["db_after_save"], "bind": bound(data, files)}
    write(name, c)


mfs_files("fi_model_formset_clear_and_upload", {"model": "Report", "fields": ["name", "pdf"], "extra": 0}, {
    "form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "2",
    "form-0-id": "1", "form-0-name": "Q1", "form-0-pdf-clear": "on",
    "form-1-id": "2", "form-1-name": "Q2"}, {"form-1-pdf": pdf})
mfs_files("fi_model_formset_new_row_upload", {"model": "Report", "fields": "__all__", "extra": 1}, {
    "form-TOTAL_FORMS": "3", "form-INITIAL_FORMS": "2",
    "form-0-id": "1", "form-0-name": "Q1", "form-1-id": "2", "form-1-name": "Q2", "form-1-appendix-clear": "on",
    "form-2-name": "Q3"}, {"form-2-appendix": csv}, renderer="DjangoTemplates")


# --- edge semantics -----------------------------------------------------------

event_log = {"name": "Entry", "str": "{day} {done} {score} {kind}", "ordering": ["-score", "day"], "fields": [
    {"name": "day", "type": "DateField"},
    {"name": "done", "type": "BooleanField", "default": False},
    {"name": "score", "type": "DecimalField", "max_digits": 5, "decimal_places": 2},
    {"name": "kind", "type": "IntegerField", "choices": [[1, "One"], [2, "Two"]], "default": 1}],
    "rows": [{"day": {"$date": "2024-01-02"}, "score": "1.50"}, {"day": {"$date": "2023-12-31"}, "done": True, "score": "10.00", "kind": 2},
             {"day": {"$date": "2024-02-01"}, "score": "1.50"}]}
EF = {"name": "entry", "type": "ModelChoiceField", "queryset": "Entry"}
mc("mc_str_types_ordering", [event_log], [EF, dict(EF, name="entries", type="ModelMultipleChoiceField", required=False)],
   {"entry": "3", "entries": ["1", "2", "3"]})
mc("mc_to_field_integer", [event_log], [dict(EF, to_field_name="kind", queryset_filter={"done": True})], {"entry": "2"})
mc("mc_filter_decimal_date", [event_log], [dict(EF, queryset_filter={"score__lt": "5", "day__gte": "2024-01-15"})], {"entry": "1"})
mf("mf_entry_int_choices", [event_log], {"model": "Entry", "fields": "__all__", "instance": 2},
   {"day": "2023-12-31", "done": "", "score": "10", "kind": "3"})
mf("mf_entry_initial_and_disabled", [event_log], {"model": "Entry", "fields": "__all__", "initial": {"score": "2.25", "kind": 2},
   "declared_fields": [{"name": "done", "type": "BooleanField", "disabled": True, "required": False, "initial": True}]},
   {"day": "2024-03-01", "score": "2.25", "kind": "2"})
mf("mm_initial_over_instance", blog, dict(A, instance=1, initial={"tags": [{"$pk": 1}]}), renderer="DjangoTemplates")
mf("mm_formfield_hidden_widget", blog, dict(A, widgets={"tags": "MultipleHiddenInput", "author": "HiddenInput"}),
   {"title": "H", "author": "1", "tags": ["1", "4"]})
mf("mf_exclude_all_but_one", [settings], {"model": "AccountSettings", "exclude": ["plan", "seats", "beta", "budget"]}, {"owner": "Zed"})
c = {"models": [product], "form": {"fields": [dict(PF, to_field_name="sku"), dict(MM, required=False)],
     "initial": {"product": {"$pk": 2}, "items": [{"$pk": 4}, {"$pk": 1}]}}, "renderer": "DjangoTemplates", "outputs": UNBOUND_OUTS}
write("mc_form_initial_pks", c)
mfs("mf_formset_meta_overrides", [profile], {"model": "Profile", "fields": ["username", "display_name", "theme"], "extra": 1,
    "labels": {"username": "Handle"}, "help_texts": {"display_name": "Shown to others."},
    "error_messages": {"username": {"unique": "Handle taken.", "required": "Pick a handle."}},
    "field_classes": {"display_name": "SlugField"}, "widgets": {"theme": "RadioSelect"}}, {
    "form-TOTAL_FORMS": "3", "form-INITIAL_FORMS": "2",
    "form-0-id": "1", "form-0-username": "ann", "form-0-display_name": "not a slug", "form-0-theme": "dark",
    "form-1-id": "2", "form-1-username": "", "form-1-display_name": "bob", "form-1-theme": "auto",
    "form-2-username": "ann", "form-2-display_name": "ann2", "form-2-theme": "light"})
mfs("mf_formset_exclude_unbound", [meetup], {"model": "Meetup", "exclude": ["extra", "stream_url"], "extra": 1}, None, renderer="Jinja2")
counter = {"name": "Counter", "fields": [{"name": "hits", "type": "IntegerField"}, {"name": "views", "type": "PositiveIntegerField", "default": 0}],
           "rows": [{"hits": 1, "views": 2}]}
mf("mf_integer_no_range_sqlite", [counter], {"model": "Counter", "fields": "__all__"}, {"hits": "-3000000000", "views": "4000000000"})

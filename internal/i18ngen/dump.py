"""Dump what the reference Django knows of its languages as JSON on stdout.

Run by i18ngen (never by hand): for every language of settings.LANGUAGES
that has a catalog, its name, whether it is written right to left, its
LANG_INFO fallbacks, the .mo files gettext chains for it (primary first:
es_AR, then es) and the formats Django's get_format gives while it is
active (formats.py of the language, then of its generic language, then
the global settings; ISO input formats appended as Django appends them).
The .mo files' catalogs are dumped too, for the generator to check its
reading of the .po files against what gettext itself reads.
"""
import gettext
import json
import os
import sys

import django
from django.conf import settings

settings.configure(USE_I18N=True, LANGUAGE_CODE="en-us", INSTALLED_APPS=[])
django.setup()

from django.conf import global_settings  # noqa: E402
from django.conf.locale import LANG_INFO  # noqa: E402
from django.utils import formats, translation  # noqa: E402
from django.utils.translation import trans_real  # noqa: E402

FORMATS = [
    "DECIMAL_SEPARATOR", "THOUSAND_SEPARATOR", "NUMBER_GROUPING",
    "DATE_INPUT_FORMATS", "DATETIME_INPUT_FORMATS", "TIME_INPUT_FORMATS",
    "FIRST_DAY_OF_WEEK", "DATE_FORMAT", "DATETIME_FORMAT", "TIME_FORMAT",
    "SHORT_DATE_FORMAT", "SHORT_DATETIME_FORMAT", "YEAR_MONTH_FORMAT", "MONTH_DAY_FORMAT",
]
localedir = os.path.join(os.path.dirname(django.__file__), "conf", "locale")


def mo_catalog(path):
    with open(path, "rb") as f:
        t = gettext.GNUTranslations(f)
    cat = {}
    for k, v in t._catalog.items():
        if isinstance(k, tuple):
            cat.setdefault(k[0], {})[str(k[1])] = v
        elif k:
            cat[k] = v
    return {"plural": t._info.get("plural-forms", ""), "messages": cat}


out = {"django": django.get_version(), "languages": []}
for code, name in global_settings.LANGUAGES:
    if not trans_real.check_for_language(code):
        continue
    locale = translation.to_locale(code)
    chain = gettext.find("django", localedir, [locale], all=True)
    fmts = {}
    with translation.override(code):
        for f in FORMATS:
            v = formats.get_format(f, code)
            if isinstance(v, tuple):
                v = list(v)
            fmts[f] = v
    info = LANG_INFO.get(code, {})
    out["languages"].append({
        "code": code,
        "name": name,
        "name_local": info.get("name_local", ""),
        "bidi": code in settings.LANGUAGES_BIDI,
        "fallback": info.get("fallback", []),
        "chain": [os.path.relpath(p, localedir) for p in chain],
        "mo": [mo_catalog(p) for p in chain],
        "formats": fmts,
    })
# LANG_INFO fallbacks of codes that are not themselves languages (zh-cn).
out["fallbacks"] = {c: i["fallback"] for c, i in sorted(LANG_INFO.items()) if "fallback" in i}
json.dump(out, sys.stdout, ensure_ascii=False, sort_keys=True, indent=1)

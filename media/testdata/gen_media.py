"""Generate cases.json: media expressions and what Django's forms.Media makes of them.

Run from the media directory with the Django oracle on the path:

    PYTHONPATH=~/.cache/django-oracle/site python3 testdata/gen_media.py > testdata/cases.json

A case is {"name", "static_url", "media": EXPR, "expect": {...}} or
{"name", "merge": [LIST, ...], "expect": {"result", "warning"}}.

EXPR is one of
  {"css": [[MEDIUM, [ASSET, ...]], ...], "js": [ASSET, ...]}  Media(css=..., js=...)
  {"add": [EXPR, ...]}                                        EXPR + EXPR + ...
  {"inherit": [DEF or null, ...]}    media of the last of a chain of Widget
                                     subclasses, each with the Media DEF
  {"form": {"widgets": [DEF, ...], "def": DEF or null}}
                                     media of a Form with one field per widget
                                     (a Widget subclass with that Media) and
                                     its own Media DEF
DEF is {"css": ..., "js": ..., "extend": true | false | ["css", ...]} (keys
optional). An ASSET is a path or {"html": HTML}, an object with __html__.
"""
import json
import sys
import warnings

import django
from django.conf import settings

settings.configure(USE_I18N=False)
django.setup()

from django import forms  # noqa: E402
from django.test.utils import override_settings  # noqa: E402


class HTMLAsset:
    """An html-safe media object; one instance per HTML, so equal HTML is the same asset."""

    cache = {}

    def __new__(cls, html):
        if html not in cls.cache:
            obj = super().__new__(cls)
            obj.html = html
            cls.cache[html] = obj
        return cls.cache[html]

    def __html__(self):
        return self.html


def asset(a):
    return HTMLAsset(a["html"]) if isinstance(a, dict) else a


def unasset(a):
    return {"html": a.html} if isinstance(a, HTMLAsset) else a


def media_def(d):
    attrs = {}
    if "css" in d:
        attrs["css"] = {m: [asset(a) for a in assets] for m, assets in d["css"]}
    if "js" in d:
        attrs["js"] = [asset(a) for a in d["js"]]
    if "extend" in d:
        ext = d["extend"]
        attrs["extend"] = tuple(ext) if isinstance(ext, list) else ext
    return type("Media", (), attrs)


def widget_class(base, d, i):
    attrs = {} if d is None else {"Media": media_def(d)}
    return type("W%d" % i, (base,), attrs)


def build(e):
    if "add" in e:
        m = build(e["add"][0])
        for other in e["add"][1:]:
            m = m + build(other)
        return m
    if "inherit" in e:
        cls = forms.Widget
        for i, d in enumerate(e["inherit"]):
            cls = widget_class(cls, d, i)
        return cls().media
    if "form" in e:
        f = e["form"]
        attrs = {
            "f%d" % i: forms.CharField(widget=widget_class(forms.TextInput, d, i))
            for i, d in enumerate(f["widgets"])
        }
        if f.get("def") is not None:
            attrs["Media"] = media_def(f["def"])
        return type("F", (forms.Form,), attrs)().media
    css = {m: [asset(a) for a in assets] for m, assets in e.get("css", [])}
    return forms.Media(css=css, js=[asset(a) for a in e.get("js", [])])


def has_html(e):
    return '"html"' in json.dumps(e)


def run(case):
    with override_settings(STATIC_URL=case.get("static_url")):
        m = build(case["media"])
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            css = m._css
            js = m._js
        with warnings.catch_warnings():
            # Rendering merges again; its warnings were recorded above.
            warnings.simplefilter("ignore")
            rendered = str(m), str(m["css"]), str(m["js"]), repr(m)
        out = {
            "render": rendered[0],
            "css": [[medium, [unasset(a) for a in assets]] for medium, assets in css.items()],
            "js": [unasset(a) for a in js],
            "warnings": [str(w.message) for w in caught],
            "subset_css": rendered[1],
            "subset_js": rendered[2],
        }
        if not has_html(case["media"]):
            out["repr"] = rendered[3]
    return out


def run_merge(lists):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = forms.Media.merge(*lists)
    return {"result": result, "warning": str(caught[0].message) if caught else None}


def js(*paths):
    return {"js": list(paths)}


def css(medium, *paths):
    return {"css": [[medium, list(paths)]]}


CASES = []


def add(name, media, static_url=None):
    case = {"name": name, "static_url": static_url, "media": media}
    case["expect"] = run(case)
    CASES.append(case)


def add_merge(name, *lists):
    CASES.append({"name": name, "merge": [list(l) for l in lists], "expect": run_merge(lists)})


# Merge, straight from the lists.
add_merge("django test_merge 1", *[[str(i) for i in l] for l in [[1, 2], [1, 3], [2, 3], [5, 7], [5, 6], [6, 7, 9], [8, 9]]])
add_merge("django test_merge 2", ["1", "2"], ["3"], ["2", "3"])
add_merge("opposite order", ["a", "b"], ["b", "a"])
add_merge("opposite order with others", ["x"], ["a", "b", "c"], ["c", "b"], [])
add_merge("empty lists", [], [], ["a"], [])
add_merge("no lists")
add_merge("duplicates in one list", ["a", "b", "a"], ["b", "c"])
add_merge("independent", ["c", "d"], ["a", "b"])
add_merge("interleaved", ["a", "c"], ["b", "c"], ["a", "b"])
add_merge("three-way cycle", ["a", "b"], ["b", "c"], ["c", "a"])

# Building and adding.
add("empty", {"add": [{}]})
add("js and css", {"css": [["all", ["a.css", "b.css"]], ["print", ["p.css"]]], "js": ["a.js", "b.js"]})
add("css by medium, sorted when rendered",
    {"css": [["screen", ["s.css"]], ["all", ["a.css"]], ["screen, print", ["sp.css"]], ["print", ["p.css"]]]})
add("add keeps order", {"add": [js("jquery.js", "a.js"), js("jquery.js", "b.js"), js("a.js", "b.js")]})
add("add duplicate lists once", {"add": [js("a.js"), js("a.js"), js("b.js"), js("a.js")]})
add("js conflict", {"add": [js("a.js", "b.js"), js("b.js", "a.js")]})
add("js conflict three", {"add": [js("a.js", "b.js", "c.js"), js("c.js", "a.js"), js("d.js")]})
add("css conflict in one medium", {"add": [
    css("all", "a.css", "b.css"), css("print", "x.css", "y.css"), css("all", "b.css", "a.css"),
    css("print", "y.css", "x.css"), js("1.js", "2.js"), js("2.js", "1.js")]})
add("css merged per medium", {"add": [
    css("screen", "base.css"), css("all", "reset.css"), css("screen", "base.css", "theme.css"),
    css("all", "reset.css", "grid.css")]})
add("empty medium kept", {"add": [{"css": [["all", []]]}, css("print", "p.css")]})
add("django test_combine_media", {"add": [
    {"css": [["all", ["path/to/css1", "/path/to/css2"]]],
     "js": ["/path/to/js1", "http://media.other.com/path/to/js2", "https://secure.other.com/path/to/js3"]},
    {"css": [["screen", ["/path/to/css3"]], ["print", ["/path/to/css4"]]], "js": ["/path/to/js1", "/path/to/js4"]},
    {"css": [["all", ["/path/to/css2", "path/to/css1"]]]}]})

# Paths.
PATHS = ["rel.js", "/abs.js", "http://x.example/y.js", "https://x.example/y.js", "//cdn.example/x.js",
         "HTTP://X.EXAMPLE/y.js", "path with space.js", "ünïcode.js", "a?b=1&c=2.js", "../up.js",
         "./here.js", "data.js#frag", '/q"uote&amp.js', "dir/sub/x.js", "100%.js"]
for url in [None, "/static/", "http://media.example.com/static/", "static/", "https://cdn.example.com/a b/ü/",
            "/static"]:
    add("paths with STATIC_URL %r" % url, {"css": [["all", ["s.css", "/s.css"]]], "js": PATHS}, static_url=url)

# html-safe assets (Django 4.1).
add("html assets", {"css": [["all", [{"html": '<link rel="stylesheet" href="/x.css">'}, "a.css"]]],
                    "js": ["a.js", {"html": '<script type="module" src="/m.js"></script>'}, "b.js"]})
add("html assets merge", {"add": [
    js({"html": "<script>1</script>"}, "a.js"),
    js("a.js", {"html": "<script>2</script>"}),
    js({"html": "<script>1</script>"}, {"html": "<script>2</script>"})]})
add("html asset conflict", {"add": [js({"html": "<i>"}, "a.js"), js("a.js", {"html": "<i>"})]})

# Inheritance and forms.
W1 = {"css": [["all", ["w1.css"]]], "js": ["w1.js"]}
add("inherit extend", {"inherit": [W1, {"js": ["w2.js"]}]})
add("inherit no definition", {"inherit": [W1, None, None]})
add("inherit extend false", {"inherit": [W1, {"js": ["w2.js"], "extend": False}]})
add("inherit extend css", {"inherit": [W1, {"js": ["w2.js"], "extend": ["css"]}]})
add("inherit extend js", {"inherit": [W1, {"css": [["print", ["p.css"]]], "extend": ["js"]}]})
add("inherit extend empty tuple", {"inherit": [W1, {"js": ["w2.js"], "extend": []}]})
add("inherit chain", {"inherit": [W1, {"js": ["w2.js", "w1.js"]}, {"css": [["all", ["w3.css", "w1.css"]]]}]})
add("form with widgets", {"form": {"widgets": [
    {"js": ["jquery.js", "calendar.js"], "css": [["all", ["calendar.css"]]]},
    {"js": ["jquery.js", "select.js"]},
    None], "def": {"js": ["form.js"], "css": [["screen", ["form.css"]]]}}})
add("form media without definition", {"form": {"widgets": [{"js": ["a.js"]}, {"js": ["a.js"]}], "def": None}})
add("form widget conflict", {"form": {"widgets": [{"js": ["a.js", "b.js"]}, {"js": ["b.js", "a.js"]}],
                                      "def": {"js": ["a.js"], "extend": False}}})
add("form extend css only", {"form": {"widgets": [W1], "def": {"js": ["f.js"], "extend": ["css"]}}})

json.dump(CASES, sys.stdout, indent=1, ensure_ascii=False)
sys.stdout.write("\n")

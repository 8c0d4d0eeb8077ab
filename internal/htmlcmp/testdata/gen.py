"""Writes htmlcmp.json: whether django.test.html.parse_html (what
assertHTMLEqual uses) finds pairs of fragments equal, and which fragments
it cannot parse.

Run from this directory with the reference Django importable:
    PYTHONPATH=~/.cache/django-oracle/site python3 gen.py > htmlcmp.json
"""
import json
import sys

from django.conf import settings

settings.configure()
import django  # noqa: E402

django.setup()
from django.test.html import HTMLParseError, parse_html  # noqa: E402

pairs = [
    # attribute order, quoting, case
    ('<a href="x" class="y">t</a>', '<a class="y" href="x">t</a>'),
    ('<a href="x">t</a>', "<a href='x'>t</a>"),
    ('<a href=x>t</a>', '<a href="x">t</a>'),
    ('<A HREF="x">t</A>', '<a href="x">t</a>'),
    ('<a href="x">t</a>', '<a href="X">t</a>'),
    ('<a href="x" id="i">t</a>', '<a href="x">t</a>'),
    ('<a href = "x">t</a>', '<a href="x">t</a>'),
    ('<input name="a" value="">', '<input value="" name="a">'),
    ('<input value="">', '<input value>'),
    ('<input value="">', '<input>'),
    ('<div data-x="1" data-x="2"></div>', '<div data-x="1"></div>'),
    ('<div data-x="1" data-x="2"></div>', '<div data-x="2" data-x="1"></div>'),
    # class order and whitespace
    ('<p class="a b">x</p>', '<p class="b a">x</p>'),
    ('<p class="a  b ">x</p>', '<p class="b a">x</p>'),
    ('<p class="a b a">x</p>', '<p class="a b">x</p>'),
    ('<p class="">x</p>', '<p class>x</p>'),
    ('<p class="">x</p>', '<p>x</p>'),
    ('<p class="a\tb\nc">x</p>', '<p class="c b a">x</p>'),
    ('<p id="a b">x</p>', '<p id="b a">x</p>'),
    # boolean attributes
    ('<input checked>', '<input checked="checked">'),
    ('<input checked>', '<input checked="">'),
    ('<input checked>', '<input checked="true">'),
    ('<input checked="CHECKED">', '<input checked>'),
    ('<input required disabled>', '<input disabled="disabled" required="">'),
    ('<option selected>a</option>', '<option selected="selected">a</option>'),
    ('<input multiple>', '<input multiple="multiple">'),
    ('<input hidden>', '<input hidden="hidden">'),
    ('<script defer></script>', '<script defer="defer"></script>'),
    ('<script async></script>', '<script async="async"></script>'),
    ('<input readonly>', '<input readonly="readonly">'),
    ('<input novalidate>', '<input novalidate="">'),
    ('<input foo>', '<input foo="">'),
    ('<input foo>', '<input foo="foo">'),
    ('<details open>', '<details open="open"></details>'),
    # whitespace
    ('<p>a  b</p>', '<p>a b</p>'),
    ('<p>a\n\tb</p>', '<p>a b</p>'),
    ('<p> a </p>', '<p>a</p>'),
    ('<p>a</p> ', '<p>a</p>'),
    ('<div> <p>a</p> </div>', '<div><p>a</p></div>'),
    ('<div><p>a</p> b</div>', '<div><p>a</p>b</div>'),
    ('<div>a <b>x</b></div>', '<div>a<b>x</b></div>'),
    ('<div><b>x</b> a</div>', '<div><b>x</b>a</div>'),
    ('<p>a\u00a0b</p>', '<p>a b</p>'),
    ('<p>a&nbsp;b</p>', '<p>a\u00a0b</p>'),
    ('<p>a\u3000 b</p>', '<p>a b</p>'),
    ('<pre> x  y </pre>', '<pre>x y</pre>'),
    ('<span>a</span> <span>b</span>', '<span>a</span><span>b</span>'),
    ('<p>a\r\nb</p>', '<p>a b</p>'),
    ('<p>a\x0bb</p>', '<p>a b</p>'),
    ('<p>a\x0cb</p>', '<p>a b</p>'),
    # entities
    ('<p>&amp;</p>', '<p>&</p>'),
    ('<p>&lt;b&gt;</p>', '<p>&#60;b&#62;</p>'),
    ('<p>&#x27;</p>', "<p>'</p>"),
    ('<p>&#39;</p>', "<p>&apos;</p>"),
    ('<p>&quot;</p>', '<p>"</p>'),
    ('<a title="&quot;x&quot;">t</a>', "<a title='\"x\"'>t</a>"),
    ('<a title="a&amp;b">t</a>', '<a title="a&b">t</a>'),
    ('<p>&eacute;</p>', '<p>\u00e9</p>'),
    ('<p>&notanentity;</p>', '<p>&amp;notanentity;</p>'),
    ('<p>&amp</p>', '<p>&</p>'),
    ('<p>&copy</p>', '<p>\u00a9</p>'),
    ('<p>&#0;</p>', '<p>\ufffd</p>'),
    ('<a title="&lt;">t</a>', '<a title="<">t</a>'),
    ('<a title="x&amp;y">t</a>', '<a title="x&amp;amp;y">t</a>'),
    ('<p>&lt;</p>', '<p><</p>'),
    # nesting and structure
    ('<div><p>a</p><p>b</p></div>', '<div><p>b</p><p>a</p></div>'),
    ('<div><p>a</p></div>', '<div><span>a</span></div>'),
    ('<ul><li>a</li><li>b</li></ul>', '<ul><li>a</li><li>b</li></ul>'),
    ('<ul><li>a<li>b</ul>', '<ul><li>a</li><li>b</li></ul>'),
    ('<p>a<p>b', '<p>a</p><p>b</p>'),
    ('<div><p>a</div>', '<div><p>a</p></div>'),
    ('<b><i>x</b></i>', '<b><i>x</i></b>'),
    ('<table><tr><td>1</td></tr></table>', '<table><tbody><tr><td>1</td></tr></tbody></table>'),
    ('<select><option value="1">a</option></select>', '<select><option value="1">a</option></select>'),
    ('<label for="id">L</label><input id="id">', '<label for="id">L</label> <input id="id">'),
    # void and self-closing tags
    ('<br>', '<br/>'),
    ('<br>', '<br />'),
    ('<input type="text">', '<input type="text" />'),
    ('<input type="text"></input>', '<input type="text">'),
    ('<img src="a">', '<img src="a"></img>'),
    ('<div/>', '<div></div>'),
    ('<span/>x', '<span>x</span>'),
    ('<p>a<br>b</p>', '<p>a<br/>b</p>'),
    ('<hr><hr>', '<hr/><hr/>'),
    ('<wbr>', '<wbr></wbr>'),
    ('<source src=a>', '<source src="a">'),
    ('<link rel=x>', '<link rel="x"/>'),
    ('<meta charset=utf-8>', '<meta charset="utf-8">'),
    ('<col>', '<col/>'),
    ('<embed>', '<embed>'),
    ('<keygen>', '<keygen></keygen>'),
    ('<command>', '<command></command>'),
    # text-only and multiple roots
    ('hello', 'hello'),
    ('hello', 'hello '),
    ('hello', 'Hello'),
    ('', ''),
    ('', ' '),
    ('a<b>c</b>', 'a <b>c</b>'),
    ('<p>a</p><p>b</p>', '<p>a</p> <p>b</p>'),
    ('<p>a</p>', '<p>a</p><p>a</p>'),
    ('<p>a</p>', 'a'),
    ('<p>x</p>', '<div>x</div>'),
    ('text <br> more', 'text<br>more'),
    # unclosed and mismatched
    ('<p>a', '<p>a</p>'),
    ('<div><span>x', '<div><span>x</span></div>'),
    ('</p>', ''),
    ('<p>a</p></p>', '<p>a</p>'),
    ('<p>a</div>', '<p>a</p>'),
    ('<div><p>a</p></span></div>', '<div><p>a</p></div>'),
    ('a < b', 'a &lt; b'),
    ('a <3', 'a &lt;3'),
    ('<p', '<p>'),
    ('<p class="x>y</p>', '<p>y</p>'),
    ('<>', '&lt;&gt;'),
    ('< p>x</p>', 'x'),
    ('<p>x</ p>', '<p>x</p>'),
    ('<p>x</p >', '<p>x</p>'),
    ('<p>x</P>', '<p>x</p>'),
    # script, style, comments, doctype
    ('<script>if (a < b) {}</script>', '<script>if (a &lt; b) {}</script>'),
    ('<script>var x = "<p>";</script>', '<script>var x = "<p>";</script>'),
    ('<script>a</script>', '<script> a </script>'),
    ('<script>a  b</script>', '<script>a b</script>'),
    ('<script>"</div>"</script>', '<script>"</div>"</script>'),
    ('<style>p { color: red }</style>', '<style>p {  color: red }</style>'),
    ('<script type="text/javascript">x</script>', '<script type="text/javascript">x</script>'),
    ('<script></SCRIPT>', '<script></script>'),
    ('<textarea><b>x</b></textarea>', '<textarea>&lt;b&gt;x&lt;/b&gt;</textarea>'),
    ('<title><b></title>', '<title>&lt;b&gt;</title>'),
    ('<p><!-- c -->a</p>', '<p>a</p>'),
    ('<!-- c --><p>a</p>', '<p>a</p>'),
    ('<p>a<!-- c -->b</p>', '<p>ab</p>'),
    ('<p>a <!-- c --> b</p>', '<p>a b</p>'),
    ('<!-- unterminated', ''),
    ('<!DOCTYPE html><p>a</p>', '<p>a</p>'),
    ('<?xml version="1.0"?><p>a</p>', '<p>a</p>'),
    ('<![CDATA[x]]><p>a</p>', '<p>a</p>'),
    ('<p>a</p><!---->', '<p>a</p>'),
    # forms-like output
    ('<input type="checkbox" name="c" id="id_c" checked required>',
     '<input checked="" id="id_c" name="c" required type="checkbox">'),
    ('<select name="s" multiple><option value="1" selected>One</option></select>',
     '<select multiple="multiple" name="s"><option selected="selected" value="1">One</option></select>'),
    ('<div><label>A:</label><input type="text" name="a" required></div>',
     '<div>\n  <label>A:</label>\n  <input name="a" required type="text">\n</div>'),
    ('<ul class="errorlist"><li>Err</li></ul>', '<ul class="errorlist">\n<li>Err</li>\n</ul>'),
    ('<textarea name="t">\nx</textarea>', '<textarea name="t">x</textarea>'),
    ('<textarea name="t">\n\nx</textarea>', '<textarea name="t">\nx</textarea>'),
    ('<option value="">---------</option>', '<option value="">---------</option>'),
    ('<fieldset><legend for="x">L</legend></fieldset>', '<fieldset><legend>L</legend></fieldset>'),
    ('<p>\u00e9</p>', '<p>&#233;</p>'),
    ('<p>a\u2028b</p>', '<p>a b</p>'),
    ('<p>a\x1cb</p>', '<p>a b</p>'),
    ('<p>a\x85b</p>', '<p>a b</p>'),
    ('<a\thref="x">t</a>', '<a href="x">t</a>'),
    ('<a href="x"/>', '<a href="x"></a>'),
    ('<a href="x"/ >', '<a href="x"></a>'),
    ('<a href=x/>', '<a href="x/"></a>'),
    ('<a b=c d>', '<a d b="c">'),
    ('<a "x">', '<a>'),
    ('<a =x>', '<a>'),
    ('<div id="1"><div id="2"></div></div>', '<div id="1"><div id="2"></div></div>'),
    # numeric and legacy character references
    ('<p>&#x80;</p>', '<p>\u20ac</p>'),
    ('<p>&#xd800;</p>', '<p>\ufffd</p>'),
    ('<p>&#x110000;</p>', '<p>\ufffd</p>'),
    ('<p>&#65</p>', '<p>A</p>'),
    ('<p>&ampx</p>', '<p>&x</p>'),
    ('<p>&AMP;</p>', '<p>&</p>'),
    ('<p>&ltx</p>', '<p><x</p>'),
    ('<p>&#x1;</p>', '<p>\x01</p>'),
    ('<p>&#xfffe;</p>', '<p>\ufffe</p>'),
    ('<p>&NotEqualTilde;</p>', '<p>\u2242\u0338</p>'),
    ('<a title="&ampx">t</a>', '<a title="&x">t</a>'),
    ('<a title="&copy=1">t</a>', '<a title="\u00a9=1">t</a>'),
    # input ending inside a construct: the rest is text
    ('<p>x</p', '<p>x&lt;/p</p>'),
    ('<div>a<p', '<div>a&lt;p</div>'),
    ('x <p', 'x &lt;p'),
    ('<a href=x', '&lt;a href=x'),
    ('<p class="a', '&lt;p class="a'),
    ('<!--x--', '&lt;!--x--'),
    ('<!-- a > b', '&lt;!-- a &gt; b'),
    ('<!DOCTYPE', '&lt;!DOCTYPE'),
    ('<?pi', '&lt;?pi'),
    ('a<', 'a&lt;'),
    ('<p>a<!-- c', '<p>a&lt;!-- c</p>'),
    ('<a title="x>y', '&lt;a title="x&gt;y'),
    ('<p>a</p><b', '<p>a</p>&lt;b'),
    ('<p>a</p><b <i>x</i>', '<p>a</p><b <i>x</i>'),
]


def parse(s):
    try:
        return parse_html(s)
    except HTMLParseError as e:
        return e


out = []
for a, b in pairs:
    pa, pb = parse(a), parse(b)
    errs = [isinstance(p, Exception) for p in (pa, pb)]
    verdict = "error" if any(errs) else ("equal" if pa == pb else "unequal")
    out.append({"a": a, "b": b, "verdict": verdict, "a_error": errs[0], "b_error": errs[1]})
json.dump(out, sys.stdout, indent=1, ensure_ascii=True)

"""Writes pyurl.json: Python's urllib.parse.urlsplit and urlunsplit over
generated URLs. The reference is Python 3.11 (checked below).

Run from this directory: python3 gen.py > pyurl.json
"""
import json
import random
import sys
from urllib.parse import urlsplit, urlunsplit

assert sys.version_info[:2] == (3, 11), sys.version

rng = random.Random(11)
schemes = ["", "http:", "HTTPS:", "ftp:", "mailto:", "git+ssh:", "a.b-c+d:", "1http:", "ht tp:",
           "h_t:", "javascript:", "file:", "urn:", "xn--:", "é:", ":"]
netlocs = ["", "//", "//example.com", "//EXAMPLE.com:8080", "//user:pw@host", "//[::1]",
           "//[::1]:80", "//[fe80::1%25eth0]", "//[v1.fe]", "//[vz.x]", "//[1.2.3.4]", "//[::1",
           "//::1]", "//[]", "//[not-ip]", "//a[::1]b", "//[::ffff:1.2.3.4]", "//ex\u2100ample.com",
           "//ex\uff03ample.com", "//\u00e9xample.com", "//ex\u2488.com", "//ex\ufe6bample",
           "//\uff20host", "//host:\uff11", "//a@b@c", "//host?", "///", "//host#x", "//[v1.]",
           "//[V1.a]", "//[::1]]", "//[[::1]", "//h\tost", "//h\nost"]
paths = ["", "/", "/path", "path", "/a/b;c", "//double", "/%20x", "/ü", "/a:b", "\\x\\y", "/a b"]
queries = ["", "?", "?a=1&b=2", "?q=a?b", "?#"]
frags = ["", "#", "#frag", "#a#b", "#?x"]
specials = ["", " ", "  http://x", "\x00\x1fhttp://x", "\thttp://x", "ht\ntp://x", "http://x\r/y",
            "www.example.com", "example.com/path", "//example.com", "example.com:80", "localhost:8000",
            "mailto:a@b", "http:", "http:/x", "http:///x", "http://", "?q", "#f", "a:b:c", "1:2",
            "C:\\path", "http://[::1]:port", "http://u@[::1]", "http://[::1]@host", "HTTP://X/Y",
            "http://\u30c6\u30b9\u30c8.jp/", "http://a\u0301.com", "http://x/\u2100", "ftp://\u2100@x",
            "http://[2001:db8::7]/c=GB?objectClass?one", "http://[v7.:]", "http://[v7.x]:80",
            "data:text/plain,hi", "a\u00a0b://x", "\u00a0http://x"]

urls = list(specials)
for _ in range(400):
    urls.append(rng.choice(schemes) + rng.choice(netlocs) + rng.choice(paths) +
                rng.choice(queries) + rng.choice(frags))
urls = list(dict.fromkeys(urls))

split_cases = []
for u in urls:
    try:
        p = urlsplit(u)
    except ValueError as e:
        split_cases.append({"in": u, "error": str(e)})
        continue
    parts = [p.scheme, p.netloc, p.path, p.query, p.fragment]
    split_cases.append({"in": u, "parts": parts, "join": urlunsplit(parts)})

join_cases = []
for _ in range(150):
    parts = [rng.choice(["", "http", "mailto", "file", "custom", "svn+ssh"]),
             rng.choice(["", "host", "u@h:1"]), rng.choice(["", "p", "/p", "//p", "a/b", "///x"]),
             rng.choice(["", "q=1"]), rng.choice(["", "f"])]
    join_cases.append({"parts": parts, "join": urlunsplit(parts)})

json.dump({"split": split_cases, "join": join_cases}, sys.stdout, indent=1, ensure_ascii=True)

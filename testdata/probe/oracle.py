#!/usr/bin/env python3
"""Render cases with the reference, one by one: oracle.py OUT_DIR CASE.json...

Unlike render.py, a case the reference fails on (Django raises) is named on
stderr and skipped, so that one bad random case does not stop the rest.
"""
import os
import sys, json, importlib.util
spec = importlib.util.spec_from_file_location("render", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "tools", "django-oracle", "render.py"))
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
out = sys.argv[1]
for p in sys.argv[2:]:
    case = json.load(open(p))
    try:
        res = {"outputs": m.run_case(case)}
    except Exception as e:
        print("ORACLE-ERR", p, type(e).__name__, e, file=sys.stderr); continue
    open(os.path.join(out, os.path.basename(p)), "w").write(json.dumps(res, indent=1, sort_keys=True, ensure_ascii=False) + "\n")

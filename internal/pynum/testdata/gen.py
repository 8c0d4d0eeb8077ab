"""Writes pynum.json: what Python 3's int(), float() and Decimal() make of
a few hundred strings.

Run from this directory: python3 gen.py > pynum.json
"""
import json
import random
import sys
from decimal import Decimal, InvalidOperation

rng = random.Random(7)

spaces = ["", " ", "\t", "\n", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85",
          "\u00a0", "\u1680", "\u2003", "\u2028", "\u3000", "\u200b", "\ufeff", " \t "]
signs = ["", "+", "-", "--", "+-", "- "]
bodies = ["0", "1", "42", "007", "1_000", "1__000", "_1", "1_", "1_0_0", "12345678901234567890123",
          "9223372036854775807", "9223372036854775808", "1.5", ".5", "5.", ".", "1e3", "1E3",
          "1e+3", "1e-3", "1.5e-7", "1e", "e3", "1e_3", "1e3_0", "1_0e1_0", "1._5", "1_.5",
          "1.5_5", "0x10", "0o7", "0b1", "1,5", "1.2.3", "inf", "INF", "Infinity", "iNfInItY",
          "infinit", "infinityy", "nan", "NaN", "nan(1)", "sNaN", "snan", "NaN123", "sNaN45",
          "nan_1", "١٢", "١٢.٥", "1٢", "１２", "１２.５", "߁", "٣e٢", "𝟙𝟚", "²", "½", "",
          "1e400", "1e-400", "123456789012345678901234567890.123456789", "0.000", "0e0",
          "0E-7", "-0", "00", "1 2", "1\x002", "abc", "1e3.5", "1.e3", ".e3", "1_e3", "١_٢",
          "1" * 30, "nans1", "in_f", "_", "__", "1_e3", "Na_N", "sNaN_1", "._5", "nan1e", "Infinity_", "1e1_", "\x1c1", "0" * 5 + "1", "1e999999999", "1E+1", "100e-2", "3.14159", "9" * 20 + ".5"]

inputs = []
for b in bodies:
    inputs.append(b)
    inputs.append("-" + b)
    inputs.append(" " + b + " ")
for _ in range(250):
    inputs.append(rng.choice(spaces) + rng.choice(signs) + rng.choice(bodies) + rng.choice(spaces))
inputs = list(dict.fromkeys(inputs))


def attempt(f, s):
    try:
        return f(s), None
    except (ValueError, InvalidOperation) as e:
        return None, type(e).__name__


out = []
for s in inputs:
    case = {"in": s}
    v, _ = attempt(int, s)
    case["int"] = None if v is None else str(v)
    v, _ = attempt(float, s)
    case["float"] = None if v is None else (v.hex() if v == v else "nan")
    v, _ = attempt(Decimal, s)
    if v is None:
        case["decimal"] = None
    elif not v.is_finite():
        case["decimal"] = "nonfinite"
    else:
        t = v.as_tuple()
        case["decimal"] = {"str": str(v), "sign": t.sign,
                           "digits": "".join(map(str, t.digits)), "exp": t.exponent}
    out.append(case)
json.dump(out, sys.stdout, indent=1, ensure_ascii=True)

#!/usr/bin/env python3
"""Time formwork against the reference Django on the benchmark workloads.

usage: compare.py [-benchtime D] [-count N] [CASE_NAME ...]

For each case of testdata/cases, the reference Django binds, validates and
renders the case's first output with the form class and renderer built
once (the functions of shared/tools/django-oracle/render.py), timed with
timeit; then `go test -bench` runs BenchmarkRender and BenchmarkFloor
together, -count rounds, keeping the best of each. Prints one row per
case: reference ns/op, formwork ns/op, their ratio, the floor's ns/op and
Render/Floor, the geometric means, and the load average (the machine may
be shared). Cases formwork cannot render are listed as skipped.

Needs the reference Django (shared/tools/django-oracle/install.sh, or
ORACLE_HOME) and Go.
"""
import json
import math
import os
import re
import subprocess
import sys
import timeit

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ORACLE = os.environ.get("DJANGO_ORACLE", os.path.join(ROOT, "..", "shared", "tools", "django-oracle"))
if not os.path.isdir(ORACLE):
    sys.exit(f"compare.py: the reference tools are not at {ORACLE}; set DJANGO_ORACLE")
CASES = os.path.join(HERE, "testdata", "cases")


def reference_runner(case):
    """Return a callable doing one bind + validate + render, built once."""
    sys.path.insert(0, ORACLE)
    import render  # the oracle's module: settings, form and renderer builders
    from django import forms

    renderer = render.build_renderer(case.get("renderer"), case.get("templates"))
    fspec = case["form"]
    form_class = render.build_form_class(fspec)
    data, files = render.bound_data(case.get("bind"))
    wanted = case.get("outputs", ["as_div"])[:1]
    if "formset" in case:
        fsspec = dict(case["formset"])
        kw = {k: fsspec[k] for k in ("extra", "can_order", "can_delete", "max_num", "validate_max",
                                      "min_num", "validate_min", "absolute_max", "can_delete_extra")
              if k in fsspec}
        FS = forms.formset_factory(form_class, renderer=renderer, **kw)
        prefix = fsspec.get("prefix")

        def run():
            fs = FS(data, files, prefix=prefix)
            fs.is_valid()
            return render.formset_outputs(fs, wanted)
        return run
    kw = render.form_kwargs(fspec)

    def run():
        if data is not None:
            form = form_class(data, files, renderer=renderer, **kw)
        else:
            form = form_class(renderer=renderer, **kw)
        form.is_valid()
        return render.form_outputs(form, wanted)
    return run


def time_reference(case):
    run = reference_runner(case)
    run()  # warm the template caches, as a running server has
    timer = timeit.Timer(run)
    number, _ = timer.autorange()  # at least 0.2 s per repeat
    best = min(timer.repeat(repeat=3, number=number))
    return best / number * 1e9


BENCH_RE = re.compile(r"^Benchmark(Render|Floor)/(\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op")


def time_formwork(benchtime, count):
    # count rounds of one run each rather than one run of -count: the
    # rounds interleave Render and Floor in time, so that a burst of load
    # on a shared machine does not fall on one side of the ratio only.
    cmd = ["go", "test", "-run", "^$", "-bench", "^Benchmark(Render|Floor)$",
           "-benchtime", benchtime, "-count", "1", "./benchmarks"]
    res = {}
    for _ in range(count):
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        if proc.returncode != 0:
            sys.stderr.write(proc.stdout + proc.stderr)
            sys.exit("go test -bench failed")
        for line in proc.stdout.splitlines():
            m = BENCH_RE.match(line)
            if m:
                kind, name, ns = m.group(1), m.group(2), float(m.group(3))
                key = (kind, name)
                res[key] = min(res.get(key, ns), ns)  # best of the rounds
    return res


def geomean(xs):
    xs = [x for x in xs if x and x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def main(argv):
    benchtime, count, only = "1s", 3, []
    while argv:
        a = argv.pop(0)
        if a == "-benchtime":
            benchtime = argv.pop(0)
        elif a == "-count":
            count = int(argv.pop(0))
        else:
            only.append(a)
    names = sorted(f[:-5] for f in os.listdir(CASES) if f.endswith(".json"))
    if only:
        names = [n for n in names if n in only]
    go = time_formwork(benchtime, count)
    rows = []
    for name in names:
        with open(os.path.join(CASES, name + ".json")) as fh:
            case = json.load(fh)
        ref = time_reference(case)
        fw, fl = go.get(("Render", name)), go.get(("Floor", name))
        rows.append((name, ref, fw, fl))
    head = f"{'case':<28} {'reference ns/op':>16} {'formwork ns/op':>15} {'ref/formwork':>13} {'floor ns/op':>12} {'Render/Floor':>13}"
    print(head)
    print("-" * len(head))
    speedups, overheads = [], []
    for name, ref, fw, fl in rows:
        if fw is None:
            print(f"{name:<28} {ref:>16.0f} {'skipped':>15} {'-':>13} {'-':>12} {'-':>13}")
            continue
        sp = ref / fw
        speedups.append(sp)
        ov = fw / fl if fl else None
        if ov:
            overheads.append(ov)
        print(f"{name:<28} {ref:>16.0f} {fw:>15.0f} {sp:>12.1f}x {fl or 0:>12.0f} {ov or 0:>12.2f}x")
    print("-" * len(head))
    print(f"{'geometric mean':<28} {'':>16} {'':>15} {geomean(speedups):>12.1f}x {'':>12} {geomean(overheads):>12.2f}x")
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

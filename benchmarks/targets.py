#!/usr/bin/env python3
"""Print issue #14's targets table in one run.

usage: python3 benchmarks/targets.py [-benchtime D] [-count N]

Runs, in one go, formwork's theme benchmarks (BenchmarkTheme: bind,
validate and render of the contact form, invalid POST, div style;
BenchmarkThemeRender: rendering alone), the hand-written floor
(BenchmarkFloor), the Render benchmarks of every workload, and the peer
stack of benchmarks/peer (gorilla/schema + go-playground/validator +
html/template, a module of its own), keeping the best of -count rounds.
Prints each path's ns/op against the peer and against the built-in path,
Render/Floor per workload and their geometric mean, the cold start of a
one-form program (benchmarks/coldstart) against a minimal html/template
program, the growth of a full cycle in fields, choices and forms (1 to
1000, BenchmarkGrowth) with allocations per field and per form against
the commit that added the growth benchmark (-growth-base REV, built in a
temporary git worktree in the same run), and whether each target holds.
The machine may be shared: the load average is printed.
"""
import math
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GROWTH = re.compile(r"^BenchmarkGrowth/(\w+)=(\d+)(?:-\d+)?\s+\d+\s+[\d.]+ ns/op\s+([\d.]+) allocs/(\w+)\s+([\d.]+) ns/\w+")
# The commit that added BenchmarkGrowth: allocations per field and per form
# are compared with it.
GROWTH_BASE = "b98d5c9"
LINE = re.compile(r"^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op\s+([\d.]+) B/op\s+([\d.]+) allocs/op")


def bench(dirname, pattern, benchtime, count):
    out = subprocess.run(
        ["go", "test", "-run", "^$", "-bench", pattern, "-benchmem",
         "-benchtime", benchtime, "-count", str(count), "."],
        cwd=dirname, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"targets.py: go test in {dirname} failed:\n{out.stdout}{out.stderr}")
    best = {}
    for line in out.stdout.splitlines():
        m = LINE.match(line)
        if m:
            name, ns = m.group(1), float(m.group(2))
            if name not in best or ns < best[name][0]:
                best[name] = (ns, float(m.group(3)), float(m.group(4)))
    return best


def growth(dirname, pattern, benchtime):
    """{(unit, n): (allocs per unit, ns per unit)} of BenchmarkGrowth."""
    out = subprocess.run(
        ["go", "test", "-run", "^$", "-bench", pattern, "-benchtime", benchtime, "."],
        cwd=dirname, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"targets.py: BenchmarkGrowth in {dirname} failed:\n{out.stdout}{out.stderr}")
    res = {}
    for line in out.stdout.splitlines():
        m = GROWTH.match(line)
        if m:
            res[(m.group(1), int(m.group(2)))] = (float(m.group(3)), float(m.group(5)))
    return res


def growth_base(rev, benchtime):
    """BenchmarkGrowth's 1000-field and 1000-form rows at rev, or None when
    the repository or the commit is not at hand."""
    top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=HERE, capture_output=True, text=True)
    if top.returncode != 0:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        wt = os.path.join(tmp, "base")
        add = subprocess.run(["git", "worktree", "add", "--detach", wt, rev], cwd=HERE, capture_output=True, text=True)
        if add.returncode != 0:
            return None
        try:
            return growth(os.path.join(wt, "benchmarks"), "^BenchmarkGrowth/(fields|forms)=1000$", benchtime)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", wt], cwd=HERE, capture_output=True)


def cold_start(runs=40):
    """Median wall time and median CPU time (user + system, which a busy
    machine inflates less) of starting each cold-start program once."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("formwork", "htmltemplate", "nethttp"):
            exe = os.path.join(tmp, name)
            subprocess.run(["go", "build", "-o", exe, "./coldstart/" + name], cwd=HERE, check=True)
            out[name] = exe
        wall = {n: [] for n in out}
        cpu = {n: [] for n in out}
        for _ in range(runs):
            for n, exe in out.items():
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                t = time.perf_counter()
                subprocess.run([exe], check=True, stdout=subprocess.DEVNULL)
                wall[n].append(time.perf_counter() - t)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu[n].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return ({n: statistics.median(v) for n, v in wall.items()},
            {n: statistics.median(v) for n, v in cpu.items()})


def main():
    benchtime, count, base_rev = "1s", 3, GROWTH_BASE
    args = sys.argv[1:]
    while args:
        a = args.pop(0)
        if a == "-benchtime":
            benchtime = args.pop(0)
        elif a == "-growth-base":
            base_rev = args.pop(0)
        elif a == "-count":
            count = int(args.pop(0))
        else:
            sys.exit(__doc__)
    fw = bench(HERE, "^(BenchmarkTheme|BenchmarkThemeRender|BenchmarkRender|BenchmarkFloor)$", benchtime, count)
    peer = bench(os.path.join(HERE, "peer"), ".", benchtime, count)
    pf, pr = peer["BenchmarkPeer"][0], peer["BenchmarkPeerRender"][0]
    base_f = fw["BenchmarkTheme/builtin"][0]
    base_r = fw["BenchmarkThemeRender/builtin"][0]
    print(f"load average: {os.getloadavg()[0]:.2f} (2 CPUs shared)")
    print()
    print("| path | full cycle ns/op | vs peer | vs built-in | render ns/op | vs peer | vs built-in | allocs (full) |")
    print("|---|---|---|---|---|---|---|---|")
    print(f"| peer: gorilla/schema + validator + html/template | {pf:.0f} | 1.00× | | {pr:.0f} | 1.00× | | {peer['BenchmarkPeer'][2]:.0f} |")
    names = {
        "builtin": "formwork, built-in templates (generated writers)",
        "theme_div_pongo2": "theme overriding django/forms/div.html (pongo2, embedded)",
        "theme_div_pongo2_disk": "the same theme from a directory on disk",
        "theme_div_jet": "the same theme in jet (directory)",
        "theme_all_pongo2": "every template overridden (pongo2)",
        "theme_all_jet": "every template overridden (jet)",
    }
    ratios = {}
    for key, label in names.items():
        f = fw[f"BenchmarkTheme/{key}"]
        r = fw[f"BenchmarkThemeRender/{key}"][0]
        ratios[key] = (f[0] / base_f, r / base_r)
        print(f"| {label} | {f[0]:.0f} | {f[0]/pf:.2f}× | {f[0]/base_f:.2f}× | {r:.0f} | {r/pr:.2f}× | {r/base_r:.2f}× | {f[2]:.0f} |")
    print()
    print("| workload | Render ns/op | Floor ns/op | Render/Floor | Render allocs |")
    print("|---|---|---|---|---|")
    logs = []
    for name in sorted(k for k in fw if k.startswith("BenchmarkRender/")):
        case = name.split("/", 1)[1]
        fl = fw.get("BenchmarkFloor/" + case)
        if not fl:
            continue
        rr = fw[name][0] / fl[0]
        logs.append(math.log(rr))
        print(f"| {case} | {fw[name][0]:.0f} | {fl[0]:.0f} | {rr:.2f} | {fw[name][2]:.0f} |")
    geo = math.exp(sum(logs) / len(logs))
    print(f"| geometric mean | | | {geo:.2f} | |")
    cold, cold_cpu = cold_start()
    print()
    print("| cold start (median of 40 runs) | wall ms | vs html/template | CPU ms | vs html/template |")
    print("|---|---|---|---|---|")
    for n, label in (("htmltemplate", "minimal html/template program"),
                     ("nethttp", "the same, importing net/http"),
                     ("formwork", "one-form formwork program")):
        print(f"| {label} | {cold[n]*1000:.2f} | {cold[n]/cold['htmltemplate']:.2f}× | "
              f"{cold_cpu[n]*1000:.2f} | {cold_cpu[n]/cold_cpu['htmltemplate']:.2f}× |")
    grow = growth(HERE, "^BenchmarkGrowth$", benchtime)
    base = growth_base(base_rev, benchtime)
    print()
    print(f"| growth (full cycle) | n=1 | n=10 | n=100 | n=1000 | ns/unit 1000 vs 100 | allocs/unit at 1000 | at {base_rev} |")
    print("|---|---|---|---|---|---|---|---|")
    linear = 0.0
    for unit in ("fields", "choices", "forms"):
        row = [grow.get((unit, n)) for n in (1, 10, 100, 1000)]
        if None in row:
            sys.exit(f"targets.py: BenchmarkGrowth printed no {unit} row")
        lin = row[3][1] / row[2][1]
        linear = max(linear, lin)
        was = base.get((unit, 1000)) if base else None
        cells = " | ".join(f"{r[1]:.0f} ns, {r[0]:.3g} allocs" for r in row)
        print(f"| per {unit[:-1]} | {cells} | {lin:.2f}× | {row[3][0]:.3g} | {f'{was[0]:.3g}' if was else '–'} |")
    def halved(unit):
        was = base.get((unit, 1000)) if base else None
        return grow[(unit, 1000)][0] / was[0] if was else float("inf")
    print()
    checks = [
        ("built-in full cycle <= 0.33x the peer", base_f / pf, 0.33),
        ("Render/Floor geomean <= 1.5", geo, 1.5),
        ("form-template-only theme <= 1.5x built-in (pongo2)", ratios["theme_div_pongo2"][0], 1.5),
        ("the same theme on disk <= embedded x1.1", fw["BenchmarkTheme/theme_div_pongo2_disk"][0] / fw["BenchmarkTheme/theme_div_pongo2"][0], 1.1),
        ("every template overridden <= 4x built-in (pongo2)", ratios["theme_all_pongo2"][0], 4),
        ("every template overridden <= 4x built-in (jet)", ratios["theme_all_jet"][0], 4),
        ("cold start <= 1.5x a minimal html/template program", cold["formwork"] / cold["htmltemplate"], 1.5),
        ("growth linear: ns per unit at 1000 <= 1.5x at 100", linear, 1.5),
        (f"allocations per field halved (1000 fields vs {base_rev})", halved("fields"), 0.5),
    ]
    for label, got, limit in checks:
        print(f"{'MET ' if got <= limit else 'MISS'}  {label}: {got:.2f}")


if __name__ == "__main__":
    main()

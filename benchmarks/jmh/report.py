#!/usr/bin/env python3
"""Turns JMH's JSON result (-rf json, with -prof gc) into the Markdown tables of benchmarks/README.md.

usage: report.py RESULT.json [BASELINE.json]
Per request size: ns/op with JMH's 99.9% error, bytes allocated per op (gc.alloc.rate.norm), and the
time ratio to jacksonFloor of the same size. With a baseline, a before/after column for time and bytes.
"""
import json, sys
from collections import defaultdict

ORDER = ["jacksonFloor", "jacksonHook", "endpoint", "endpointInline", "endpointLogged", "decode", "process",
         "processInline", "rulesInline", "encode"]

def load(path):
    rows = {}
    for r in json.load(open(path)):
        name = r["benchmark"].rsplit(".", 1)[1]
        size = (r.get("params") or {}).get("size", "TYPICAL")
        alloc = r["secondaryMetrics"].get("gc.alloc.rate.norm", {}).get("score")
        rows[(size, name)] = (r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"], alloc)
    return rows

def main():
    rows = load(sys.argv[1])
    base = load(sys.argv[2]) if len(sys.argv) > 2 else {}
    sizes = [s for s in ("SMALL", "TYPICAL", "LARGE") if any(k[0] == s for k in rows)]
    for size in sizes:
        floor = rows.get((size, "jacksonFloor"), (None,))[0]
        print(f"\n**{size}**\n")
        head = "| benchmark | ns/op (± 99.9 %) | × floor | B/op |"
        sep = "|---|---|---|---|"
        if base:
            head += " before: ns/op | before: B/op |"
            sep += "---|---|"
        print(head)
        print(sep)
        names = sorted({k[1] for k in rows if k[0] == size}, key=lambda n: ORDER.index(n) if n in ORDER else 99)
        for name in names:
            score, err, alloc = rows[(size, name)]
            ratio = f"{score / floor:.2f}" if floor else "-"
            line = f"| `{name}` | {score:,.0f} ± {err:,.0f} | {ratio} | {alloc:,.0f} |" if alloc is not None \
                else f"| `{name}` | {score:,.0f} ± {err:,.0f} | {ratio} | - |"
            if base:
                b = base.get((size, name))
                line += f" {b[0]:,.0f} ± {b[1]:,.0f} | {b[2]:,.0f} |" if b else " - | - |"
            print(line)

main()

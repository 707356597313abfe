#!/usr/bin/python3
"""Table of medians per variant from flags.sh's raw files (vNN__rR.txt and vNN.label)."""
import glob
import os
import statistics
import sys
from collections import defaultdict

out = sys.argv[1]
rows = [["variant", "Q3 median (min)", "Q4 median", "Q4: Pool(4) created", "Q4: first map", "map 200k tasks/s",
         "chunksize 1 tasks/s"]]
for label_file in sorted(glob.glob(os.path.join(out, "v*.label"))):
    variant = os.path.basename(label_file)[:-len(".label")]
    samples = defaultdict(list)
    for raw in glob.glob(os.path.join(out, variant + "__r*.txt")):
        for line in open(raw):
            parts = line.split()
            if parts and parts[0] == "RESULT" and parts[1] == "java":
                samples[parts[2]].append(float(parts[3]))

    def m(metric):
        return statistics.median(samples[metric]) if samples[metric] else None

    def ms(metric):
        return "—" if m(metric) is None else f"{m(metric) * 1000:.0f} ms"

    q3 = "—" if m("q3") is None else f"{m('q3') * 1000:.0f} ms ({min(samples['q3']) * 1000:.0f})"
    rate = lambda metric, n: "—" if m(metric) is None else f"{n / m(metric):,.0f}"
    rows.append([open(label_file).read().strip(), q3, ms("q4"), ms("q4.start"), ms("q4.map"),
                 rate("map200k", 200_000), rate("map20k.c1", 20_000)])
widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
for n, r in enumerate(rows):
    print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |")
    if n == 0:
        print("|" + "|".join("-" * (w + 2) for w in widths) + "|")

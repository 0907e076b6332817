"""Re-check the gold files (standard library only):  python3 eval/check_evidence.py

For every eval/gold/*.json: each evidence / extra_evidence string is an exact substring of the
article named in metadata.source_file, lies before the page chrome, and every span /
extra_spans / repeat_spans / figure_span slices back to its string; the set of 《》 titles in
the article equals the set of annotated documents. Exits 1 on any failure.
"""
import glob
import json
import os
import re
import sys

GOLD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gold")
REPO = os.path.dirname(os.path.dirname(GOLD))  # source_file is relative to the repository root
fail = 0
total = 0


def err(*a):
    global fail
    fail += 1
    print("FAIL", *a)


for gf in sorted(glob.glob(os.path.join(GOLD, "*.json"))):
    g = json.load(open(gf, encoding="utf-8"))
    md = g["metadata"]
    src = os.path.join(REPO, md["source_file"])
    t = open(src, encoding="utf-8").read()
    cs, ce = md["content_span"]
    nonlocal_n = [0]

    def chk(ev, span, where):
        global total
        nonlocal_n[0] += 1
        total += 1
        if ev not in t[cs:ce]:
            err(os.path.basename(gf), where, "not in article content:", repr(ev))
        if span is not None and t[span[0]:span[1]] != ev:
            err(os.path.basename(gf), where, "span does not slice back:", span)

    def walk(x, path):
        if isinstance(x, dict):
            if isinstance(x.get("evidence"), str):
                chk(x["evidence"], x.get("span"), path)
                for rs in x.get("repeat_spans", []):
                    if t[rs[0]:rs[1]] != x["evidence"]:
                        err(os.path.basename(gf), path, "repeat span mismatch", rs)
            spans = x.get("extra_spans") or []
            for i, ev in enumerate(x.get("extra_evidence", [])):
                chk(ev, spans[i] if i < len(spans) else None, path + ".extra_evidence")
            if "figure_span" in x and t[x["figure_span"][0]:x["figure_span"][1]] != x["printed"]:
                err(os.path.basename(gf), path, "figure_span mismatch")
            for k, v in x.items():
                if k not in ("evidence", "extra_evidence"):
                    walk(v, path + "." + k)
        elif isinstance(x, list):
            for i, v in enumerate(x):
                walk(v, "%s[%d]" % (path, i))

    walk({k: v for k, v in g.items() if k != "metadata"}, "")
    for k, ev in md["evidence"].items():
        chk(ev, md["evidence_spans"].get(k), "metadata.evidence." + k)
    in_text = set(re.findall(r"《[^《》]*》", t[cs:ce]))
    annotated = {d["printed"] for d in g["documents"]}
    if in_text != annotated:
        err(os.path.basename(gf), "documents differ from the 《》 titles in the text:", in_text ^ annotated)
    print("%-12s %4d evidence strings checked" % (os.path.basename(gf), nonlocal_n[0]))

print("checked", total, "evidence strings;", "all ok" if not fail else "%d failures" % fail)
sys.exit(1 if fail else 0)

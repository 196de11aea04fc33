#!/usr/bin/env python3
"""Calibration of extraction confidences against gold: for every predicted participant, resolution
and document, whether it is right (matched to a gold item of the matched meeting, by the team
scorer's own matching), bucketed by the confidence the extractor gave it.

usage: calibration.py --scorer score.py --gold DIR --pred DIR [--by-kind]
Prints "bucket items right share" rows; the last line is "calibration: >=0.9 items=N right=R share=S".
"""
import argparse
import importlib.util
import json
import os

BUCKETS = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def items(S, gold_dir, pred_dir):
    """Yields (kind, confidence, right) for every predicted item."""
    for f in sorted(os.listdir(gold_dir)):
        if not f.endswith(".gold.json"):
            continue
        name = f[: -len(".gold.json")]
        gold = S.load(os.path.join(gold_dir, f)) or {}
        pred = S.load(os.path.join(pred_dir, name + ".json")) or {}
        gm = gold.get("meetings") or []
        pm = [m for m in (pred.get("meetings") or []) if isinstance(m, dict)]
        pairs = dict((pi, gi) for gi, pi in S.greedy_match(gm, pm, S.meeting_sim, 0.5))
        for pi, p in enumerate(pm):
            g = gm[pairs[pi]] if pi in pairs else {}
            gp = S.participants(g)
            for x in p.get("participants") or []:
                n = S.norm_name(x.get("name") or "")
                yield "participant", x.get("confidence", 0.0), n in gp and gp[n] == x.get("role")
            grs = g.get("resolutions") or []
            details = p.get("resolution_details") or [{"text": r, "confidence": p.get("confidence", 0.0)} for r in p.get("resolutions") or []]
            matched = {pi2 for _, pi2 in S.greedy_match([S.content(r) for r in grs], [S.content(d.get("text") or "") for d in details], S.text_sim, 0.5)}
            for k, d in enumerate(details):
                yield "resolution", d.get("confidence", 0.0), k in matched
            gds, pds = g.get("documents") or [], p.get("documents") or []
            pairs_d = dict((b, a) for a, b in S.greedy_match([S.content(S.doc_title(x)) for x in gds], [S.content(S.doc_title(x)) for x in pds], S.doc_sim, 0.6))
            for k, d in enumerate(pds):
                yield "document", d.get("confidence", 0.0), k in pairs_d and S.doc_action(gds[pairs_d[k]]) == d.get("action")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scorer", required=True)
    ap.add_argument("--gold", action="append", required=True, help="repeatable; with --pred in the same order")
    ap.add_argument("--pred", action="append", required=True)
    ap.add_argument("--by-kind", action="store_true")
    args = ap.parse_args()
    S = load_scorer(args.scorer)
    rows = []
    for gold, pred in zip(args.gold, args.pred):
        rows.extend(items(S, gold, pred))
    kinds = sorted({k for k, _, _ in rows}) if args.by_kind else [None]
    for kind in kinds:
        print(f"{'confidence':12s} {'kind':12s} {'items':>6s} {'right':>6s} {'share':>6s}")
        for lo, hi in BUCKETS:
            sel = [r for k, c, r in rows if lo <= c < hi and (kind is None or k == kind)]
            if sel:
                label = f"{lo:.1f}-{min(hi, 1.0):.1f}"
                print(f"{label:12s} {kind or 'all':12s} {len(sel):6d} {sum(sel):6d} {sum(sel) / len(sel):6.2f}")
    top = [r for _, c, r in rows if c >= 0.9]
    share = sum(top) / len(top) if top else 1.0
    print(f"calibration: >=0.9 items={len(top)} right={sum(top)} share={share:.3f}")


if __name__ == "__main__":
    main()

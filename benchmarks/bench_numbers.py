"""Numbers benchmark: money / percent F1 against gold, the labelled sentence set, and throughput.

Usage: python benchmarks/bench_numbers.py [--verbose]

Gold sources: ``../shared/corpus/real`` and ``../shared/seed`` (when present beside the checkout) and
``corpus/sentences/*.jsonl``. A predicted mention matches a gold one when kind and value are equal
and their surfaces overlap; matching keeps document order (dynamic programming over both lists).
Throughput is the mention stage alone (scanner + unit governance over already-read documents),
in characters per second, beside the time to segment the same text with the bare jieba pipeline.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.scoring_numbers import f1, score_file  # noqa: E402
from docparse.numbers import BlockView, govern, scan  # noqa: E402
from docparse.readers.text import document_from_text  # noqa: E402

SHARED = ROOT.parent / "shared"


def gold_files() -> list[tuple[str, Path, Path]]:
    out = []
    real = SHARED / "corpus" / "real"
    if (real / "gold").is_dir():
        for g in sorted((real / "gold").glob("*.json")):
            out.append((g.stem, real / "texts" / f"{g.stem}.txt", g))
    seed = SHARED / "seed"
    for g in sorted(seed.glob("*.gold.json")) if seed.is_dir() else []:
        out.append((g.name.removesuffix(".gold.json"), seed / g.name.replace(".gold.json", ".txt"), g))
    return out


def evaluate_gold(verbose: bool) -> dict[str, tuple[int, int, int]]:
    totals: dict[str, list[int]] = {"money": [0, 0, 0], "percent": [0, 0, 0], "count": [0, 0, 0],
                                    "fused_gold": [0, 0, 0]}
    for name, text_path, gold_path in gold_files():
        text = text_path.read_text(encoding="utf-8-sig")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for kind, (_, _, _, g_spans, p_list, pairs) in score_file(text, gold).items():
            totals[kind][0] += len(pairs)
            totals[kind][1] += len(g_spans)
            totals[kind][2] += len(p_list)
            fused = [i for i, g in enumerate(g_spans) if g.get("fused")]
            totals["fused_gold"][0] += sum(1 for i, _ in pairs if i in fused)
            totals["fused_gold"][1] += len(fused)
            if verbose and (len(pairs) != len(g_spans) or len(pairs) != len(p_list)):
                got_g = {i for i, _ in pairs}
                got_p = {j for _, j in pairs}
                for i, g in enumerate(g_spans):
                    if i not in got_g:
                        print(f"  {name} MISS {kind}: {g['text']!r} {g['value']} @{g['start']}")
                for j, p in enumerate(p_list):
                    if j not in got_p:
                        print(f"  {name} EXTRA {kind}: {p['text']!r} {p['value']} @{p['start']}")
    return {k: (v[0], v[1], v[2]) for k, v in totals.items()}


def evaluate_sentences(verbose: bool) -> dict[str, tuple[int, int]]:
    """Right and total labelled sentences per file of corpus/sentences/ (handwritten, provincial, …)."""
    from benchmarks.casecheck import check_case

    out: dict[str, tuple[int, int]] = {}
    for path in sorted((ROOT / "corpus" / "sentences").glob("*.jsonl")):
        right = total = 0
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            total += 1
            problems = check_case(case)
            if problems:
                if verbose:
                    print(f"  sentence {case.get('id')}: {problems}")
            else:
                right += 1
        out[path.stem] = (right, total)
    return out


def evaluate_fixtures() -> dict[str, tuple[int, int, int]]:
    """Money and percent mentions of the generated reports (every format) against their gold."""
    import docparse
    from benchmarks.scoring_numbers import match
    from docparse.errors import DocparseError

    totals = {"money": [0, 0, 0], "percent": [0, 0, 0], "count": [0, 0, 0]}
    for gold_path in sorted((ROOT / "corpus" / "fixtures").glob("*.gold.json")):
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except FileNotFoundError:  # the fixture set is being regenerated
            continue
        if gold.get("fault"):
            continue
        stem = gold_path.name.removesuffix(".gold.json")
        for source in sorted(gold_path.parent.glob(stem + ".*")):
            if source.suffix not in (".txt", ".docx", ".pdf", ".doc", ".wps"):
                continue
            try:
                mentions = [m.to_dict() for m in docparse.parse(source).mentions]
            except (DocparseError, FileNotFoundError):
                continue
            for kind, kinds, key in (("money", ("money",), "money"),
                                     ("percent", ("percent", "ratio_points"), "percents"),
                                     ("count", ("count",), "counts")):
                g = [{**x, "kind": x.get("kind", kind), "start": 0, "end": 1} for x in gold.get(key, [])]
                p = [{**m, "start": 0, "end": 1} for m in mentions if m["kind"] in kinds]
                totals[kind][0] += len(match(g, p))
                totals[kind][1] += len(g)
                totals[kind][2] += len(p)
    return {k: (v[0], v[1], v[2]) for k, v in totals.items()}


def throughput() -> tuple[float, float, float, int]:
    """Characters per second: the mention stage alone (scanner + unit governance), the spaCy pipeline
    with the docparse_mentions component, and the bare jieba segmentation it runs on (the baseline)."""
    texts = [p.read_text(encoding="utf-8-sig") for _, p, _ in gold_files()]
    for path in sorted((ROOT / "corpus" / "sentences").glob("*.jsonl")):
        texts += [json.loads(x)["text"] for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    if not texts:
        return 0.0, 0.0, 0.0, 0
    docs = [document_from_text(t) for t in texts]
    chars = sum(len(b.text) for d in docs for b in d.blocks)
    rounds = 5
    t0 = time.perf_counter()
    for _ in range(rounds):
        for d in docs:
            views = [BlockView(i, b.text, scan(b.text)) for i, b in enumerate(d.blocks)]
            govern(views)
    stage = time.perf_counter() - t0
    from docparse.nlp.pipeline import build_nlp

    with_component = build_nlp()
    bare = build_nlp()
    for name in list(bare.pipe_names):
        bare.remove_pipe(name)
    timings = []
    for nlp in (with_component, bare):
        t0 = time.perf_counter()
        for _ in range(rounds):
            for d in docs:
                list(nlp.pipe(b.text for b in d.blocks))
        timings.append(time.perf_counter() - t0)
    return chars * rounds / stage, chars * rounds / timings[0], chars * rounds / timings[1], chars


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    if gold_files():
        totals = evaluate_gold(args.verbose)
        for kind in ("money", "percent", "count"):
            tp, n_gold, n_pred = totals[kind]
            p, r, f = f1(tp, n_gold, n_pred)
            if kind == "count":
                print("(counts: only the seed's gold lists them)")
            print(f"{kind:8s} gold={n_gold:4d} pred={n_pred:4d} tp={tp:4d}  P={p:.3f} R={r:.3f} F1={f:.3f}")
        tp, n, _ = totals["fused_gold"]
        print(f"fused cells found: {tp}/{n}")
    else:
        print("../shared not present: gold figures skipped")
    fixtures = evaluate_fixtures()
    for kind in ("money", "percent", "count"):
        tp, n_gold, n_pred = fixtures[kind]
        p, r, f = f1(tp, n_gold, n_pred)
        print(f"generated {kind:8s} gold={n_gold:4d} pred={n_pred:4d} tp={tp:4d}  P={p:.3f} R={r:.3f} F1={f:.3f}")
    per_file = evaluate_sentences(args.verbose)
    right, total = (sum(v[i] for v in per_file.values()) for i in (0, 1))
    print(f"labelled sentences: {right}/{total} right ("
          + ", ".join(f"{name} {r}/{t}" for name, (r, t) in per_file.items()) + ")")
    stage, piped, seg, chars = throughput()
    print(f"mention stage alone: {stage:,.0f} chars/s over {chars:,} chars")
    print(f"spaCy pipeline with docparse_mentions: {piped:,.0f} chars/s; "
          f"bare jieba segmentation (baseline, same run): {seg:,.0f} chars/s; "
          f"stage / baseline = {stage / seg if seg else 0:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

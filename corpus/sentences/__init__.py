

def write_cases(name: str, cases: list[dict]) -> None:
    """Write labelled cases to ``corpus/sentences/NAME.jsonl``, one JSON object a line."""
    import json
    from pathlib import Path

    out = Path(__file__).resolve().parent / f"{name}.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for case in cases:
            fh.write(json.dumps(case, ensure_ascii=False) + "\n")
    print(f"{len(cases)} cases → {out}")

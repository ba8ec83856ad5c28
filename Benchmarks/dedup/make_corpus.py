#!/usr/bin/env python3
"""Makes a synthetic news corpus for `fenci dedup` timing: N documents of 1–3 KB built from
sentences of the seed articles (and the SIGHAN texts when ../shared is present), with one
document in 50 a light edit of an earlier one (a sentence dropped or added). Deterministic.

Usage: python3 Benchmarks/dedup/make_corpus.py OUT_DIR [--documents 10000]
"""
import argparse
import pathlib
import random
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--documents", type=int, default=10_000)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for name in ("pku_test.utf8", "msr_test.utf8"):
        path = ROOT.parent / "shared" / "data" / "sighan2005" / name
        if path.exists():
            texts.append(path.read_text(encoding="utf-8"))
    sentences = [s for text in texts for s in re.findall(r"[^。！？\n]+[。！？]", text) if len(s) > 8]
    rng = random.Random(42)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    documents = []
    for index in range(args.documents):
        if index % 50 == 49 and documents:
            base = list(rng.choice(documents))
            if len(base) > 3:
                del base[rng.randrange(len(base))]
            base.insert(rng.randrange(len(base) + 1), rng.choice(sentences))
            body = base
        else:
            body = []
            while sum(len(s.encode()) for s in body) < rng.randint(1000, 3000):
                body.append(rng.choice(sentences))
        documents.append(body)
        (out / f"{index:05d}.txt").write_text("".join(body), encoding="utf-8")
    print(f"{args.documents} documents in {out}")


if __name__ == "__main__":
    main()

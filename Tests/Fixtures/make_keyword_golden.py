#!/usr/bin/env python3
"""Writes jieba 0.42.1's keywords for the seed articles: the golden file FenciAnalysis is
tested against. Run with jieba installed (e.g. Benchmarks/peers/.venv/bin/python):

    python Tests/Fixtures/make_keyword_golden.py > Tests/Fixtures/jieba-keywords/seeds.json

For each seed: jieba.analyse.extract_tags(text, topK=20, withWeight=True) and
jieba.analyse.textrank(text, topK=20, withWeight=True) (window 5, POS ns/n/vn/v, damping 0.85).
"""
import json
import pathlib

import jieba
import jieba.analyse

jieba.setLogLevel(60)
root = pathlib.Path(__file__).resolve().parents[2]
golden = {"jieba": jieba.__version__, "seeds": []}
for path in sorted((root / "seeds").glob("*.txt")):
    text = path.read_text(encoding="utf-8")
    golden["seeds"].append({
        "file": path.name,
        "tfidf": [[word, weight] for word, weight in jieba.analyse.extract_tags(text, topK=20, withWeight=True)],
        "textrank": [[word, weight] for word, weight in jieba.analyse.textrank(text, topK=20, withWeight=True)],
    })
print(json.dumps(golden, ensure_ascii=False, indent=1))

#!/usr/bin/env python3
"""Side-by-side: Fenci vs jieba-rs (PyPI rjieba) vs jieba, on the same text, one core.

Usage: python3 Benchmarks/peers/compare.py [--fenci PATH] [--shared DIR] [--megabytes 8]

Builds the benchmark text from the seed articles and the SIGHAN 2005 PKU/MSR test texts
(../shared), repeated to at least --megabytes MB, and prints a Markdown table:
throughput per mode (median of runs), cold start and peak RSS, with ratios to jieba-rs.
jieba-rs and jieba are measured in-process on the whole text in one call; so is Fenci
(`fenci benchmark`, the same text cut in one call). Fenci is also measured as a whole
process (`fenci tokenize FILE -o /dev/null`: startup, reading, line splitting, segmenting
and formatting), the figure a command-line user sees.
"""
import argparse
import json
import os
import pathlib
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]


def corpus_text(shared: pathlib.Path, megabytes: float) -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for name in ("pku_test.utf8", "msr_test.utf8"):
        path = shared / "data" / "sighan2005" / name
        if path.exists():
            parts.append(path.read_text(encoding="utf-8"))
    base = "\n".join(parts)
    text = base
    while len(text.encode("utf-8")) < megabytes * 1e6:
        text += "\n" + base
    return text


def median_seconds(function, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def child_peak_rss_mb(command, stdin_text: str, env=None):
    """Runs a command once in a fresh process; returns (seconds, peak RSS in MB) of that child."""
    script = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        f"subprocess.run({command!r}, input={stdin_text.encode()!r}, stdout=subprocess.DEVNULL, check=True)\n"
        "elapsed = time.perf_counter() - start\n"
        "print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env).stdout.split()
    return float(out[0]), float(out[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fenci", default=str(ROOT / ".build" / "release" / "fenci"))
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--megabytes", type=float, default=8)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-jieba", action="store_true", help="skip pure-Python jieba (slow)")
    args = parser.parse_args()

    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, for everyone (children inherit)
    import jieba
    import rjieba

    jieba.setLogLevel(60)
    text = corpus_text(pathlib.Path(args.shared), args.megabytes)
    size_mb = len(text.encode("utf-8")) / 1e6
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
        handle.write(text)
        text_path = handle.name
    env = dict(os.environ, FENCI_CACHE_DIR=tempfile.mkdtemp(prefix="fenci-bench-cache-"))
    subprocess.run([args.fenci, "tokenize", "-o", "/dev/null"], input=b"warm the cache\n", env=env, check=True)

    rows = []
    for label, fenci_flags, rjieba_call, jieba_call in [
        ("default, HMM", [], lambda: rjieba.cut(text, True), lambda: jieba.lcut(text, HMM=True)),
        ("default, no HMM", ["--no-hmm"], lambda: rjieba.cut(text, False), lambda: jieba.lcut(text, HMM=False)),
        ("search, HMM", ["--mode", "search"], lambda: rjieba.cut_for_search(text, True), lambda: jieba.lcut_for_search(text)),
        ("full", ["--mode", "full"], lambda: rjieba.cut_all(text), lambda: jieba.lcut(text, cut_all=True)),
    ]:
        process_seconds = median_seconds(
            lambda: subprocess.run([args.fenci, "tokenize", *fenci_flags, text_path, "-o", "/dev/null"], env=env, check=True), args.runs)
        report = subprocess.run([args.fenci, "benchmark", *fenci_flags, "--runs", str(args.runs), text_path],
                                env=env, check=True, capture_output=True, text=True).stdout
        in_process = json.loads(report)["megabytesPerSecond"]
        rjieba_seconds = median_seconds(rjieba_call, args.runs)
        jieba_seconds = None if args.skip_jieba else median_seconds(jieba_call, 1)
        rows.append((label, in_process, size_mb / process_seconds, size_mb / rjieba_seconds,
                     None if jieba_seconds is None else size_mb / jieba_seconds))

    start_runs = [child_peak_rss_mb([args.fenci, "tokenize"], "中文分词\n", env) for _ in range(20)]
    fenci_start = statistics.median(s for s, _ in start_runs)
    fenci_rss = max(r for _, r in start_runs)
    rjieba_start, rjieba_rss = child_peak_rss_mb([sys.executable, "-c", "import rjieba, sys; print(rjieba.cut(sys.stdin.read()))"], "中文分词\n")
    python_start, _ = child_peak_rss_mb([sys.executable, "-c", "import sys; sys.stdin.read()"], "中文分词\n")

    print(f"Text: {size_mb:.1f} MB (seeds + SIGHAN PKU/MSR test text, repeated); one core; median of {args.runs} runs.\n")
    print("| mode | fenci in-process MB/s | fenci whole process MB/s | jieba-rs MB/s | jieba MB/s | fenci ÷ jieba-rs (in-process) |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, fenci, process, rjieba_speed, jieba_speed in rows:
        jieba_cell = "—" if jieba_speed is None else f"{jieba_speed:.2f}"
        print(f"| {label} | {fenci:.1f} | {process:.1f} | {rjieba_speed:.1f} | {jieba_cell} | {fenci / rjieba_speed:.2f}× |")
    print()
    print("| cold start (`echo 中文分词 \\| … tokenize`) | wall, median | peak RSS |")
    print("|---|---:|---:|")
    print(f"| fenci (cached image) | {fenci_start * 1000:.1f} ms | {fenci_rss:.1f} MB |")
    print(f"| jieba-rs via Python (incl. {python_start * 1000:.0f} ms interpreter start) | {rjieba_start * 1000:.0f} ms | {rjieba_rss:.1f} MB |")
    os.unlink(text_path)


if __name__ == "__main__":
    main()

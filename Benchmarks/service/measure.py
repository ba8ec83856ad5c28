#!/usr/bin/env python3
"""Service figures for the README, measured in one run on this machine.

Usage: python3 Benchmarks/service/measure.py [--fenci PATH] [--load PATH] [--seconds 10]

- startup: time from spawning `fenci serve --tcp 127.0.0.1:0` to its `listening on` line;
- small requests: 32 connections, 64 pipelined requests each, tokenize of a 20-character
  sentence with format "words": requests/s and latency percentiles;
- a 1 MB document of news text per request on one connection: MB/s end to end, against
  in-process `fenci benchmark` (cutting only) on the same text;
- 200 concurrent connections: the server's peak RSS (VmHWM).
The load generator (Benchmarks/Tools/LoadGenerator) runs as a second process on loopback.
"""
import argparse
import json
import os
import pathlib
import re
import statistics
import subprocess
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]


def start_server(fenci, env, extra=()):
    started = time.perf_counter()
    process = subprocess.Popen([fenci, "serve", "--tcp", "127.0.0.1:0", "--log-level", "warning", *extra],
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env)
    line = process.stderr.readline().decode()
    elapsed = time.perf_counter() - started
    match = re.search(r"listening on 127\.0\.0\.1:(\d+)", line)
    if not match:
        raise SystemExit(f"server did not start: {line!r}")
    return process, int(match.group(1)), elapsed


def news_megabyte():
    """A 1 MB document of real news text: the seed articles (and SIGHAN text when present)."""
    parts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for name in ("pku_test.utf8", "msr_test.utf8"):
        path = ROOT.parent / "shared" / "data" / "sighan2005" / name
        if path.exists():
            parts.append(path.read_text(encoding="utf-8"))
    text = "\n".join(parts)
    while len(text.encode()) < 1_000_000:
        text += "\n" + text
    data = text.encode()[:1_000_000].decode("utf-8", errors="ignore")
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
        handle.write(data)
    return handle.name


def peak_rss_mb(pid):
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def load(generator, port, **options):
    arguments = [generator, "--port", str(port)]
    for key, value in options.items():
        arguments += ["--" + key.replace("_", "-"), str(value)]
    return json.loads(subprocess.run(arguments, check=True, capture_output=True, text=True).stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fenci", default=str(ROOT / ".build/release/fenci"))
    parser.add_argument("--load", default=str(ROOT / "Benchmarks/.build/release/LoadGenerator"))
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    env = dict(os.environ, FENCI_CACHE_DIR=tempfile.mkdtemp(prefix="fenci-service-bench-"))
    subprocess.run([args.fenci, "tokenize"], input=b"warm\n", env=env, check=True, stdout=subprocess.DEVNULL)

    startups = []
    for _ in range(10):
        process, _, elapsed = start_server(args.fenci, env)
        startups.append(elapsed)
        process.terminate()
        process.wait()

    process, port, _ = start_server(args.fenci, env)
    small = load(args.load, port, connections=32, window=64, seconds=args.seconds)
    document_path = news_megabyte()
    document = load(args.load, port, connections=1, window=1, seconds=args.seconds, document_file=document_path)
    many = load(args.load, port, connections=200, window=4, seconds=args.seconds)
    rss = peak_rss_mb(process.pid)
    process.terminate()
    process.wait()

    in_process = json.loads(subprocess.run([args.fenci, "benchmark", "--runs", "9", document_path], env=env,
                                           check=True, capture_output=True, text=True).stdout)["megabytesPerSecond"]
    os.unlink(document_path)

    print("| measure | result |")
    print("|---|---:|")
    print(f"| `serve --tcp` start → `listening on` (median of 10) | {statistics.median(startups) * 1000:.1f} ms |")
    print(f"| small requests, 32 connections × 64 pipelined: requests/s | {small['requestsPerSecond']:,.0f} |")
    print(f"| … latency p50 / p99 | {small['latencyMs']['p50']:.1f} ms / {small['latencyMs']['p99']:.1f} ms |")
    print(f"| 1 MB document per request, one connection: MB/s end to end | {document['megabytesPerSecond']:.1f} |")
    print(f"| … in-process `fenci benchmark` on the same text | {in_process:.1f} MB/s ({document['megabytesPerSecond'] / in_process:.0%}) |")
    print(f"| 200 connections × 4 pipelined: requests/s, p99 | {many['requestsPerSecond']:,.0f}, {many['latencyMs']['p99']:.1f} ms |")
    print(f"| server peak RSS over the whole run (incl. 200 connections) | {rss:.0f} MB |")
    errors = small["errors"] + document["errors"] + many["errors"]
    print(f"\nErrors: {errors}. Load generator: Benchmarks/Tools/LoadGenerator, {args.seconds:.0f} s per row.")


if __name__ == "__main__":
    main()

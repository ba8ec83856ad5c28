#!/usr/bin/env python3
"""Service figures for the README, measured in one run on this machine.

Usage: python3 Benchmarks/service/measure.py [--fenci PATH] [--load PATH] [--seconds 10]
                                             [--allocators SYSTEM_MALLOC_FENCI] [--scaling] [--skip-main]

- startup: time from spawning `fenci serve --tcp 127.0.0.1:0` to its `listening on` line;
- small requests: 32 connections, 64 pipelined requests each, tokenize of a 20-character
  sentence with format "words": requests/s and latency percentiles;
- a 1 MB document of news text per request on one connection: MB/s end to end, against
  in-process `fenci benchmark` (cutting only) on the same text;
- 200 concurrent connections: the server's peak RSS (VmHWM).
--allocators: the same server built with and without jemalloc (`swift build -c release
  --disable-default-traits --scratch-path .build-system-malloc`) under the same loads, run
  alternately three times each: requests/s, p99 and peak RSS, medians;
--scaling: tokenize throughput of 20 KB news documents (8 connections x 2 in flight) with
  --workers 1 and --workers 2, alternately three times each: MB/s medians and their ratio.
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


def news_document(size):
    """A file holding `size` bytes of the seed articles' text (cut at a character boundary)."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    while len(text.encode()) < size:
        text += "\n" + text
    data = text.encode()[:size].decode("utf-8", errors="ignore")
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
        handle.write(data)
    return handle.name


def compare_allocators(binaries, generator, env, seconds):
    """Small requests, 200 connections and 10 KB documents against each binary, alternating."""
    document = news_document(10_000)
    runs = {label: [] for label in binaries}
    for _ in range(3):
        for label, binary in binaries.items():
            process, port, _ = start_server(binary, env)
            small = load(generator, port, connections=32, window=64, seconds=seconds)
            many = load(generator, port, connections=200, window=4, seconds=seconds)
            documents = load(generator, port, connections=8, window=4, seconds=seconds, document_file=document)
            runs[label].append((small, many, documents, peak_rss_mb(process.pid)))
            process.terminate()
            process.wait()
    os.unlink(document)

    def median(label, pick):
        return statistics.median(pick(run) for run in runs[label])

    print("| allocator | small requests/s | p99 | 200 connections: requests/s | p99 | 10 KB documents/s | p99 | peak RSS |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label in binaries:
        print(f"| {label} | {median(label, lambda r: r[0]['requestsPerSecond']):,.0f}"
              f" | {median(label, lambda r: r[0]['latencyMs']['p99']):.1f} ms"
              f" | {median(label, lambda r: r[1]['requestsPerSecond']):,.0f}"
              f" | {median(label, lambda r: r[1]['latencyMs']['p99']):.1f} ms"
              f" | {median(label, lambda r: r[2]['requestsPerSecond']):,.0f}"
              f" | {median(label, lambda r: r[2]['latencyMs']['p99']):.1f} ms"
              f" | {median(label, lambda r: r[3]):.0f} MB |")
    errors = sum(r[0]["errors"] + r[1]["errors"] + r[2]["errors"] for label in runs for r in runs[label])
    print(f"\nMedians of 3 alternating runs, {seconds:.0f} s per load. Errors: {errors}.")


def worker_scaling(binary, generator, env, seconds):
    """Throughput with one and with two worker threads: tokenize of 20 KB documents, summarize
    of 10 KB documents, and the segmenter alone (`fenci benchmark --threads`) as the ceiling
    the two cores allow."""
    documents = {"tokenize": news_document(20_000), "summarize": news_document(10_000)}
    rates = {(method, workers): [] for method in documents for workers in (1, 2)}
    for _ in range(3):
        for method, document in documents.items():
            for workers in (1, 2):
                process, port, _ = start_server(binary, env, ["--workers", str(workers)])
                result = load(generator, port, connections=8, window=2, seconds=seconds, document_file=document, method=method)
                rates[(method, workers)].append(result["megabytesPerSecond"] if method == "tokenize" else result["requestsPerSecond"])
                process.terminate()
                process.wait()
    for path in documents.values():
        os.unlink(path)
    ceiling = {}
    big = news_document(4_000_000)
    for threads in (1, 2):
        runs = [json.loads(subprocess.run([binary, "benchmark", "--runs", "9", "--threads", str(threads), big], env=env,
                                          check=True, capture_output=True, text=True).stdout)["megabytesPerSecond"] for _ in range(3)]
        ceiling[threads] = statistics.median(runs)
    os.unlink(big)

    def row(label, unit, one, two):
        print(f"| {label} | {one:,.1f} {unit} | {two:,.1f} {unit} | {two / one:.2f}x |")

    print("| workload | 1 worker thread | 2 worker threads | scaling |")
    print("|---|---:|---:|---:|")
    row("`tokenize`, 20 KB news documents, over TCP", "MB/s",
        statistics.median(rates[("tokenize", 1)]), statistics.median(rates[("tokenize", 2)]))
    row("`summarize`, 10 KB news documents, over TCP", "req/s",
        statistics.median(rates[("summarize", 1)]), statistics.median(rates[("summarize", 2)]))
    row("segmenter in-process (`fenci benchmark --threads`), 4 MB", "MB/s", ceiling[1], ceiling[2])
    print(f"\nMedians of 3 alternating runs, {seconds:.0f} s each, 8 connections x 2 in flight; the load generator shares the 2 cores.")
    print("runs:", {f"{method}/{workers}": [round(r, 1) for r in values] for (method, workers), values in rates.items()})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fenci", default=str(ROOT / ".build/release/fenci"))
    parser.add_argument("--load", default=str(ROOT / "Benchmarks/.build/release/LoadGenerator"))
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--allocators", metavar="SYSTEM_MALLOC_FENCI",
                        help="a fenci built with --disable-default-traits, to compare with --fenci (jemalloc)")
    parser.add_argument("--scaling", action="store_true", help="measure --workers 1 against --workers 2")
    parser.add_argument("--skip-main", action="store_true", help="only the --allocators / --scaling tables")
    args = parser.parse_args()
    env = dict(os.environ, FENCI_CACHE_DIR=tempfile.mkdtemp(prefix="fenci-service-bench-"))
    subprocess.run([args.fenci, "tokenize"], input=b"warm\n", env=env, check=True, stdout=subprocess.DEVNULL)
    if args.allocators:
        subprocess.run([args.allocators, "tokenize"], input=b"warm\n", env=env, check=True, stdout=subprocess.DEVNULL)
        compare_allocators({"jemalloc (default)": args.fenci, "system (glibc malloc)": args.allocators},
                           args.load, env, args.seconds)
    if args.scaling:
        worker_scaling(args.fenci, args.load, env, args.seconds)
    if args.skip_main:
        return

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

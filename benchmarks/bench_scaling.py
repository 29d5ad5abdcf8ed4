"""Benchmark: what one article costs as it grows, coded whole and in parts, and which steps of
the coder cost more than linearly in its length.

    python benchmarks/bench_scaling.py [--sizes 12500,25000,50000,100000,200000]

One article of each size is built from news paragraphs (the sentences of ../shared's
evaluation sets, as in bench_coder.py, or the bundled samples), then coded, each in a fresh
process: (a) whole, as one spaCy Doc (``PART_CHARS`` set past its length), (b) as tacitus
codes it, in parts of ``PART_CHARS`` characters. Prints seconds per 10,000 characters and
peak memory; a linear coder keeps the first flat. Then profiles (a) at the two largest sizes
and lists the functions whose own time grows faster than the text: the ones to fix so that
the coder is linear without parts (issue 13).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_coder import corpus


def article(chars: int) -> str:
    """About ``chars`` characters of distinct news paragraphs."""
    paragraphs: list[str] = []
    size = 0
    for text in corpus(max(chars // 300, 50)):
        paragraphs.append(text)
        size += len(text) + 2
        if size >= chars:
            break
    return "\n\n".join(paragraphs)[:chars]


def run(mode: str, chars: int, profile: str | None) -> dict:
    from tacitus import limits
    from tacitus.ingest import from_text
    from tacitus.pipeline import Coder

    coder = Coder()
    coder.warm_up()
    document = from_text(article(chars), id="long")
    if mode == "whole":
        limits.PART_CHARS = len(document.text) + 1
    profiler = cProfile.Profile() if profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    coded = coder.code_document(document)
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    return {"mode": mode, "chars": len(document.text), "seconds": time.perf_counter() - start,
            "events": len(coded.events),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def child(mode: str, chars: int, profile: str | None = None) -> dict:
    command = [sys.executable, __file__, "--child", mode, "--sizes", str(chars)]
    if profile:
        command += ["--profile", profile]
    out = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def own_times(path: str) -> dict[str, float]:
    """Seconds spent in each function itself (cumulative for tacitus's own functions, whose
    callees are mostly spaCy's attribute getters)."""
    stats = pstats.Stats(path).stats  # type: ignore[attr-defined]
    out: dict[str, float] = {}
    for (filename, line, name), (_, _, own, cumulative, _) in stats.items():
        if "tacitus" in filename:
            where = filename[filename.rindex("tacitus"):]
            out[f"{where}:{line} {name}"] = cumulative
        else:
            out[f"{Path(filename).name}:{line} {name}"] = own
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="12500,25000,50000,100000,200000")
    ap.add_argument("--child", choices=["whole", "parts"], help=argparse.SUPPRESS)
    ap.add_argument("--profile", help=argparse.SUPPRESS)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.child:
        print(json.dumps(run(args.child, sizes[0], args.profile)))
        return
    print(f"{'characters':>10}  {'whole s':>8} {'s/10k':>6} {'peak MB':>7}   "
          f"{'parts s':>8} {'s/10k':>6} {'peak MB':>7}")
    for chars in sizes:
        whole, parts = child("whole", chars), child("parts", chars)
        print(f"{whole['chars']:>10,}  {whole['seconds']:8.1f} "
              f"{whole['seconds'] / whole['chars'] * 1e4:6.2f} {whole['peak_mb']:7.0f}   "
              f"{parts['seconds']:8.1f} {parts['seconds'] / parts['chars'] * 1e4:6.2f} "
              f"{parts['peak_mb']:7.0f}")
    small, large = sizes[-2], sizes[-1]
    with tempfile.TemporaryDirectory() as tmp:
        a, b = f"{tmp}/small.prof", f"{tmp}/large.prof"
        child("whole", small, a)
        child("whole", large, b)
        before, after = own_times(a), own_times(b)
    growth = large / small
    print(f"\nsuperlinear in one Doc ({small:,} -> {large:,} characters, x{growth:g}): "
          "functions whose time grew by more than x{:.1f}".format(growth * 1.5))
    rows = [(after[k] - before.get(k, 0.0), k, after[k] / before[k])
            for k in after if before.get(k, 0) > 0.02 and after[k] / before[k] > growth * 1.5
            and "tacitus/pipeline.py" not in k]  # the wrappers around everything
    for extra, name, ratio in sorted(rows, reverse=True)[:10]:
        print(f"  x{ratio:5.1f}  +{extra:6.2f} s  {name}")


if __name__ == "__main__":
    main()

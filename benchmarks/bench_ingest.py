"""Benchmark: ``tacitus ingest`` throughput and memory, locally and on a Dask LocalCluster.

    python benchmarks/bench_ingest.py [--articles 2000] [--modes local:1,local:2,dask:2]

Builds a corpus deterministically from the package's own sample articles (tacitus/data/
samples, original texts written for the project): each article is one sample with a paragraph
of another appended, some countries swapped for others, and its numbers and date shifted, so
that every text is distinct. Then, each in a fresh process and a fresh database, it runs
``tacitus ingest`` with one local worker, two local workers and a two-worker Dask
LocalCluster, and once more over the first database (every article already stored).

Prints articles/s over the whole command (start-up and model loading included, as a user
sees it), peak memory of all the run's processes together (sampled from /proc every 0.2 s)
and of its largest process (``getrusage(RUSAGE_CHILDREN)`` in a per-run measuring process),
and the speed-up over one worker.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tacitus" / "data" / "samples"
SWAPS = [  # each row: names replaced by others the actor dictionary also knows
    {},
    {"Pakistani": "Bangladeshi", "Pakistan": "Bangladesh", "Islamabad": "Dhaka"},
    {"Malian": "Nigerien", "Mali": "Niger", "Bamako": "Niamey"},
    {"Peruvian": "Bolivian", "Peru": "Bolivia", "Lima": "La Paz"},
    {"Qatari": "Omani", "Qatar": "Oman", "Doha": "Muscat"},
    {"Venezuelan": "Ecuadorian", "Venezuela": "Ecuador", "Caracas": "Quito"},
    {"Nigerian": "Cameroonian", "Nigeria": "Cameroon", "Abuja": "Yaounde"},
]
_NUMBER = re.compile(r"\b\d{1,3}\b")


def base_articles() -> list[dict]:
    """The samples as cleaned documents (text, title, date), read by tacitus's own readers."""
    from tacitus.ingest import read_path

    found = []
    for path in sorted(SAMPLES.iterdir()):
        if path.name == "README.md":
            continue
        for item in read_path(path):
            if hasattr(item, "text"):
                found.append({"text": item.text, "title": item.title,
                              "published": item.published or "2015-01-01"})
    return found


def corpus(n: int) -> list[dict]:
    """``n`` distinct articles, the same ones on every run."""
    bases = base_articles()
    out: list[dict] = []
    seen: set[str] = set()
    i = 0
    while len(out) < n:
        base = bases[i % len(bases)]
        other = bases[(i // len(bases) + 1 + i) % len(bases)]
        extra = other["text"].split("\n\n")[0]
        text = base["text"] + "\n\n" + extra
        for old, new in SWAPS[(i // len(bases)) % len(SWAPS)].items():
            text = re.sub(rf"\b{old}\b", new, text)
        shift = i // (len(bases) * len(SWAPS))
        text = _NUMBER.sub(lambda m, s=shift: str(int(m.group()) + s), text)
        i += 1
        if text in seen:
            continue
        seen.add(text)
        day = date.fromisoformat(base["published"]) + timedelta(days=i % 365)
        out.append({"id": f"bench{len(out):05d}", "text": text, "title": base["title"],
                    "published": day.isoformat(), "source": f"Bench Wire {i % 5}"})
    return out


def _tree_rss(root: int) -> tuple[int, int]:
    """Resident memory (bytes) of ``root`` and all its descendants: total and largest."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            fields = stat.rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    family, frontier = {root}, [root]
    while frontier:
        children = [p for p, pp in parents.items() if pp in frontier and p not in family]
        family.update(children)
        frontier = children
    sizes = [rss.get(p, 0) for p in family]
    return sum(sizes), max(sizes, default=0)


def measure(args: list[str]) -> dict:
    """Run one ``tacitus ingest`` command as a child; time it and sample its memory."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", "from tacitus.cli import app; app()",
                             "ingest", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid)[0])
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = proc.communicate()
    done.set()
    sampler.join()
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"ingest failed: {stderr}")
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return {"seconds": seconds, "peak_total": peak, "peak_largest": largest,
            "summary": stderr.strip().splitlines()[-1]}


MODES = {
    "local:1": ["--workers", "1"],
    "local:2": ["--workers", "2"],
    "dask:2": ["--cluster", "local:2"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--modes", default="local:1,local:2,dask:2")
    parser.add_argument("--measure", nargs=argparse.REMAINDER,
                        help=argparse.SUPPRESS)  # internal: one run in a fresh process
    args = parser.parse_args()
    if args.measure is not None:
        print(json.dumps(measure(args.measure)))
        return

    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        path = Path(tmp) / "corpus.jsonl"
        articles = corpus(args.articles)
        path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
        words = sum(len(a["text"].split()) for a in articles)
        print(f"corpus: {len(articles):,} articles, {words:,} words, "
              f"{path.stat().st_size / 1e6:.1f} MB; {os.cpu_count()} CPU cores")

        def run(label: str, db: str, extra: list[str]) -> dict:
            out = subprocess.run([sys.executable, __file__, "--measure", str(path), "--db",
                                  str(Path(tmp) / db), *extra], capture_output=True,
                                 text=True, check=True)
            result = json.loads(out.stdout)
            print(f"{label:<28} {len(articles) / result['seconds']:>8.1f} articles/s "
                  f"{result['seconds']:>7.1f} s   peak {result['peak_total'] / 1e6:>6.0f} MB "
                  f"all processes, {result['peak_largest'] / 1e6:>4.0f} MB largest   "
                  f"[{result['summary']}]", flush=True)
            return result

        results = {}
        for mode in args.modes.split(","):
            results[mode] = run(f"ingest {mode}", f"{mode.replace(':', '-')}.duckdb",
                                MODES[mode])
        first = args.modes.split(",")[0]
        run(f"again, all stored ({first})", f"{first.replace(':', '-')}.duckdb", MODES[first])
        if "local:1" in results:
            base = results["local:1"]["seconds"]
            for mode, result in results.items():
                if mode != "local:1":
                    print(f"speed-up {mode} over local:1: {base / result['seconds']:.2f}x")


if __name__ == "__main__":
    main()

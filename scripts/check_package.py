"""Check a built wheel: it holds every file of the package, installs without the network into
a fresh virtual environment, and the tacitus installed from it codes a bundled sample.

    python -m build --wheel --no-isolation --outdir dist .
    python scripts/check_package.py dist/

`make test` runs both. The fresh environment gets the wheel alone (`pip install --no-index
--no-deps`); for the dependencies it reads this environment's site-packages through a .pth
line, so nothing is downloaded and the check takes seconds. The sample is coded from a
folder outside the source tree, with the sample file taken from the installed package, so
a file the wheel lacks cannot be found in the checkout instead.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Sources of bundled files, not needed at run time: the npm project that builds
# tacitus/serve/static/vendor (see tacitus/serve/frontend/package.json).
NOT_SHIPPED = ("tacitus/serve/frontend/",)
SAMPLE = "tacitus/data/samples/kabul_talks_2012.txt"


def package_files() -> set[str]:
    """Every file of the tacitus package as the repository holds it (git's list where there is
    one, so that stray local files do not count)."""
    try:
        out = subprocess.run(["git", "ls-files", "tacitus"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        out = [p.relative_to(ROOT).as_posix() for p in (ROOT / "tacitus").rglob("*")
               if p.is_file() and "__pycache__" not in p.parts]
    return {p for p in out if not p.startswith(NOT_SHIPPED)}


def fail(message: str) -> None:
    print(f"package check failed: {message}", file=sys.stderr)
    raise SystemExit(1)


def main(dist: Path) -> None:
    wheels = sorted(dist.glob("tacitus-*.whl"))
    if len(wheels) != 1:
        fail(f"expected one tacitus wheel in {dist}, found {len(wheels)}")
    wheel = wheels[0]
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    missing = sorted(package_files() - names)
    if missing:
        fail(f"{wheel.name} lacks {len(missing)} file(s): {', '.join(missing[:10])}")
    licences = {n.rsplit("/", 1)[-1] for n in names if ".dist-info/licenses/" in n}
    if not {"LICENSE", "NOTICE"} <= licences:
        fail(f"{wheel.name} lacks LICENSE or NOTICE in its .dist-info")

    with tempfile.TemporaryDirectory(prefix="tacitus-wheel-") as tmp:
        venv, work = Path(tmp) / "venv", Path(tmp) / "work"
        work.mkdir()
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
        python = venv / "bin" / "python"
        site = Path(subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True, capture_output=True, text=True).stdout.strip())
        subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                        "--quiet", "--no-index", "--no-deps", str(wheel)], check=True)
        # after the wheel's own site-packages: the dependencies of this environment
        (site / "_tacitus_check_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
        env["PYTHONNOUSERSITE"] = "1"

        def run(*args: str) -> str:
            done = subprocess.run(args, cwd=work, env=env, capture_output=True, text=True)
            if done.returncode != 0:
                fail(f"{' '.join(args[:2])} exited {done.returncode}: {done.stderr[-2000:]}")
            return done.stdout

        where = run(str(python), "-c", "import tacitus; print(tacitus.__file__)").strip()
        if not Path(where).is_relative_to(site):
            fail(f"tacitus was imported from {where}, not from the installed wheel")
        version = run(str(venv / "bin" / "tacitus"), "--version").strip()
        sample = site / SAMPLE
        coded = json.loads(run(str(venv / "bin" / "tacitus"), "code", str(sample)))
        if not coded.get("events"):
            fail(f"the installed tacitus coded no event in {sample.name}")
    size = wheel.stat().st_size / 1e6
    print(f"{wheel.name} ({len(names)} files, {size:.1f} MB): all package files, LICENSE and "
          f"NOTICE; installed offline into a fresh venv ({version}); coded {sample.name}: "
          f"{len(coded['events'])} events")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]))

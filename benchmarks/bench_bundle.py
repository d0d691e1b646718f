"""Start-up of the BUILT program (dist/desk), and the size of the folder.

    pyinstaller --noconfirm build.spec && python benchmarks/bench_bundle.py [--runs 7]

Each run starts ``dist/desk/desk --demo --db <demo office> --snapshot <png>``
offscreen: the frozen program starts, opens the database, signs the demo clerk
in, shows the main window, waits for its lists, saves the picture and ends. The
time is from spawning the process to its end, so the bootloader, imports and
the window's first full paint all count. A cold first run (files not yet in
the disk cache) is reported apart.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "desk"


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--dossiers", type=int, default=3000)
    ap.add_argument(
        "--db", type=Path, help="an office database to open instead (benchmarks/data/1m.sqlite3)"
    )
    args = ap.parse_args()
    exe = DIST / ("desk.exe" if os.name == "nt" else "desk")
    cmd = DIST / ("desk-cmd.exe" if os.name == "nt" else "desk-cmd")
    work = Path(tempfile.mkdtemp(prefix="desk-bench-bundle-"))
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(work / "data"),
        XDG_STATE_HOME=str(work / "state"),
    )
    db = work / "demo.sqlite3"
    subprocess.run(
        [str(cmd), "demo", "--db", str(db), "--dossiers", str(args.dossiers)],
        env=env,
        check=True,
        capture_output=True,
    )
    print(f"bundle: {folder_size(DIST) / 1e6:.0f} MB in {sum(1 for _ in DIST.rglob('*'))} files")
    times = []
    for _ in range(args.runs + 1):
        started = time.perf_counter()
        subprocess.run(
            [str(exe), "--demo", "--db", str(db), "--snapshot", str(work / "w.png")],
            env=env,
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - started)
    print(f"first run: {times[0] * 1000:.0f} ms")
    rest = times[1:]
    print(
        f"start to window shown and pictured: median {statistics.median(rest) * 1000:.0f} ms, "
        f"min {min(rest) * 1000:.0f}, max {max(rest) * 1000:.0f} ({len(rest)} runs)"
    )
    started = time.perf_counter()
    subprocess.run([str(cmd), "--version"], env=env, check=True, capture_output=True)
    print(f"desk-cmd --version: {(time.perf_counter() - started) * 1000:.0f} ms")


if __name__ == "__main__":
    main()

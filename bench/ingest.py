"""Prints how fast Sklaida ingests camera photos, against libvips' own thumbnails of the same files.

Generates `--count` camera-like 24-megapixel JPEGs (6000×4000, 5–10 MB, with the EXIF a
camera writes) once into a temporary folder, in child processes, untimed; or takes the
JPEGs of `--photos FOLDER`. The database is a throw-away SQLite file, migrated by a child
process. Then times, on the same files, first (b) Sklaida's complete ingest of each file
(`SklaidaIngest`: the ingest service with its renditions job), then (a)
libvips' own way to make the same three renditions: `pyvips.Image.thumbnail(path, 2048)`,
`(…, 1024)` and `(…, 320)`, each saved as a JPEG. Each side runs in `--workers` fresh
processes (default 1, one per core makes sense), set up and warmed up on a file of their
own before the clock starts; peak memory is a worker's peak resident size (ru_maxrss).
The last line is `images=… sklaida_per_s=… libvips_per_s=… ratio=… peak_mb=…`.
Run with `.venv/bin/python bench/ingest.py --count 20`.
"""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The renditions' JPEG quality, the same for both sides so that only the work differs.
QUALITY = 82
SIZES = (2048, 1024, 320)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20, help="photos to ingest")
    parser.add_argument(
        "--workers", type=int, default=1, help="processes ingesting at once (one per core)"
    )
    parser.add_argument("--photos", type=Path, help="ingest the JPEGs of this folder instead")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    return parser.parse_args()


def configure_django(workdir: Path) -> dict:
    environment = {
        "DATABASE_URL": f"sqlite:///{workdir}/bench.sqlite3",
        "DJANGO_SETTINGS_MODULE": "sklaida.settings",
        "MEDIA_ROOT": str(workdir / "media"),
        # Renditions are a background job; run it at once, inside the timed ingest.
        "TASKS_BACKEND": "immediate",
        "LOG_LEVEL": "WARNING",
        # Not DEBUG: Django would keep every query it runs.
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-not-secret",
    }
    os.environ.update(environment)
    os.environ.pop("REDIS_URL", None)
    return environment


def generate_photo(path: Path, seed: int) -> Path:
    from sklaida.archive.tests.media_files import photo_jpeg

    return photo_jpeg(path, width=6000, height=4000, seed=seed)


def generate_photos(folder: Path, count: int) -> list[Path]:
    """Camera-like photos, two at a time (one per core), in fresh processes: their memory
    is not this process's."""
    folder.mkdir(parents=True)
    paths = [folder / f"IMG_{number:04d}.JPG" for number in range(count)]
    with ProcessPoolExecutor(max_workers=2, mp_context=get_context("spawn")) as pool:
        return list(pool.map(generate_photo, paths, range(count)))


def libvips_renditions(path: Path, out_dir: Path) -> None:
    """libvips' own way: one thumbnail call per size, each from the original file."""
    import pyvips

    for size in SIZES:
        pyvips.Image.thumbnail(str(path), size).jpegsave(
            str(out_dir / f"{path.stem}-{size}.jpg"), Q=QUALITY, strip=True
        )


class SklaidaIngest:
    """Sklaida's complete ingest of one file through the ingest service: hash, type, store,
    metadata, the Asset row and its search index, then the renditions job (the immediate
    task backend runs it at commit)."""

    kind = "sklaida.archive.services.ingest.ingest_path"

    def __init__(self) -> None:
        from sklaida.archive.services.ingest import ingest_path, start_batch

        self.ingest_path = ingest_path
        self.batch = start_batch(actor=None, label="bench")

    def __call__(self, path: Path) -> None:
        from sklaida.archive.models import Asset

        item = self.ingest_path(path, batch=self.batch, actor=None)
        if not Asset.objects.filter(pk=item.asset_id, rendition_status="ready").exists():
            sys.exit(f"{path.name} was not ingested: {item.outcome} {item.message}")


def run_worker(side: str, warm_up: Path, paths: list[Path], workdir: Path, ready, results) -> None:
    """One worker process: set up, warm up on its own file, wait for the others, then
    time its share of the photos. Reports (side, start, end, peak MB, step seconds)."""
    if side == "sklaida":
        import django

        django.setup()
        run = SklaidaIngest()
    else:
        out_dir = workdir / "libvips" / warm_up.stem
        out_dir.mkdir(parents=True)

        def run(path: Path) -> None:
            libvips_renditions(path, out_dir)

    run(warm_up)
    ready.wait()
    started = time.monotonic()
    for path in paths:
        run(path)
    finished = time.monotonic()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results.put((side, started, finished, peak_mb, getattr(run, "kind", "")))


def run_side(side: str, warm_ups: list[Path], paths: list[Path], workdir: Path) -> dict:
    """Time one side with one worker process per warm-up file, each on every n-th photo."""
    context = get_context("spawn")
    workers = len(warm_ups)
    ready, results = context.Barrier(workers), context.Queue()
    processes = [
        context.Process(
            target=run_worker,
            args=(side, warm_up, paths[number::workers], workdir, ready, results),
        )
        for number, warm_up in enumerate(warm_ups)
    ]
    for process in processes:
        process.start()
    reports = [results.get() for _ in processes]
    for process in processes:
        process.join()
        if process.exitcode:
            sys.exit(f"a {side} worker failed")
    return {
        "seconds": max(report[2] for report in reports) - min(report[1] for report in reports),
        "peak_mb": max(report[3] for report in reports),
        "kind": reports[0][4],
    }


def main() -> None:
    options = arguments()
    workdir = Path(tempfile.mkdtemp(prefix="sklaida-bench-ingest-"))
    environment = configure_django(workdir)
    try:
        started = time.perf_counter()
        # One more a worker than counted: each worker's first file warms it up.
        wanted = options.count + options.workers
        if options.photos:
            photos = sorted(options.photos.glob("*.[jJ][pP][gG]"))[:wanted]
        else:
            photos = generate_photos(workdir / "photos", wanted)
        warm_ups, paths = photos[: options.workers], photos[options.workers :]
        megabytes = sum(path.stat().st_size for path in paths) / 2**20
        print(
            f"{len(paths)} photos, {megabytes / len(paths):.1f} MB each, ready in "
            f"{time.perf_counter() - started:.0f} s (not counted)"
        )
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--verbosity", "0"],
            cwd=ROOT,
            env={**os.environ, **environment},
            check=True,
        )

        sklaida = run_side("sklaida", warm_ups, paths, workdir)
        libvips = run_side("libvips", warm_ups, paths, workdir)

        count = len(paths)
        each = f"{options.workers} worker{'s' if options.workers > 1 else ''}"
        print(f"libvips: {libvips['seconds'] / count * 1000:.0f} ms a photo, {each}")
        print(f"sklaida: {sklaida['seconds'] / count * 1000:.0f} ms a photo, {each}")
        print(f"  ({sklaida['kind']})")
        print(
            f"peak memory of a worker: {sklaida['peak_mb']:.0f} MB Sklaida, "
            f"{libvips['peak_mb']:.0f} MB libvips"
        )
        sklaida_rate, libvips_rate = count / sklaida["seconds"], count / libvips["seconds"]
        print(
            f"images={count} sklaida_per_s={sklaida_rate:.2f} libvips_per_s={libvips_rate:.2f} "
            f"ratio={sklaida_rate / libvips_rate:.2f} peak_mb={sklaida['peak_mb']:.0f}"
        )
    finally:
        if not options.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Prints how fast the layout engine makes posters (PDF) and social images (PNG).

One event with a 12-megapixel photo (4000 × 3000, as a phone or a camera gives it) in each
template: ROUNDS posters on A4 and A3, and ROUNDS sets of the four social sizes
(`social_pngs`, which shares the photo's scaling and renders the sizes in parallel). The
goals: a poster in under 1 s, the four social sizes of one event in under 1 s, on two cores.
Run with `make bench`; `--rounds N` sets how many of each.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sklaida.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ["DEBUG"] = "1"

import django

django.setup()

import pyvips  # noqa: E402

from sklaida.design.layouts import (  # noqa: E402
    SOCIAL_SIZES,
    TEMPLATES,
    LayoutContent,
    default_style,
    poster_pdf,
    social_pngs,
)


def make_photo(folder: Path) -> Path:
    """A 4000 × 3000 JPEG with fine detail everywhere, so it compresses like a photo."""
    path = folder / "photo.jpg"
    # Noise softened to the grain of a real photo; raw noise would not compress at all.
    noise = pyvips.Image.gaussnoise(4000, 3000, sigma=40, mean=128).gaussblur(2)
    gradient = pyvips.Image.xyz(4000, 3000)[0] / 16
    (noise.bandjoin([noise + gradient, noise - gradient]).cast("uchar")).jpegsave(str(path), Q=88)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=6)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory(prefix="sklaida-bench-") as folder:
        content = LayoutContent(
            title="Ąžuolų šešėliai: Česlovo Milošo eilės ir dainos",
            when="2026 m. gruodžio 3 d., 17 val.",
            place="Kauno apskrities viešoji biblioteka, Radastų g. 2, Kaunas",
            text="Poezijos vakaras su aktoriais ir muzikantais. Įėjimas nemokamas.",
            image=make_photo(Path(folder)),
            image_credit="Nuotr. Jonas Jonaitis",
            image_alt="Ąžuolai rudenį",
            organiser="Kauno apskrities viešoji biblioteka",
        )
        kits = [
            default_style().__class__(**{**default_style().__dict__, "template": name})
            for name in TEMPLATES
        ]
        poster_pdf(content, kits[0])  # the font book is built once per process
        posters, sets = [], []
        by_template: dict[str, list[float]] = {name: [] for name in TEMPLATES}
        for n in range(rounds):
            kit = kits[n % len(kits)]
            for paper in ("A4", "A3"):
                started = time.perf_counter()
                poster_pdf(content, kit, paper=paper)
                posters.append(time.perf_counter() - started)
            started = time.perf_counter()
            social_pngs(content, kit, SOCIAL_SIZES)
            sets.append(time.perf_counter() - started)
            by_template[kit.template].append(sets[-1])
    print(
        f"{len(posters)} posters (A4, A3), {len(sets)} sets of {len(SOCIAL_SIZES)} social "
        f"sizes, {len(TEMPLATES)} templates, {os.cpu_count()} cores"
    )
    print(
        f"poster median {statistics.median(posters) * 1000:.0f} ms, max "
        f"{max(posters) * 1000:.0f} ms; social set median {statistics.median(sets) * 1000:.0f} "
        f"ms, max {max(sets) * 1000:.0f} ms"
    )
    # The photo's templates cost the most: their pixels are what the PNG must compress.
    print(
        "social set median by template: "
        + ", ".join(
            f"{name} {statistics.median(times) * 1000:.0f} ms"
            for name, times in by_template.items()
            if times
        )
    )
    print(
        f"posters_per_s={len(posters) / sum(posters):.1f} "
        f"social_per_s={len(sets) * len(SOCIAL_SIZES) / sum(sets):.1f}"
    )


if __name__ == "__main__":
    main()

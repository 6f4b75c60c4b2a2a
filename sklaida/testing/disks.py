"""A real small disk for tests of what happens when uploads meet a full or read-only one.

A tmpfs of a few kilobytes is mounted on a folder of the test's own (root may mount; CI
runs as root). Where mounting is not allowed the test is skipped with the reason, except
on CI, where it fails: CI promises the real thing.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - the system's mount with our own arguments
        ["/usr/bin/mount", *arguments], capture_output=True, text=True, check=False
    )


@contextmanager
def small_disk(folder: Path, *, kilobytes: int = 64, read_only: bool = False) -> Iterator[Path]:
    """`folder` as a disk of `kilobytes`, made full (or read-only) before the block runs."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = _mount("-t", "tmpfs", "-o", f"size={kilobytes}k", "tmpfs", str(folder))
    if mounted.returncode != 0:
        reason = f"mounting a small disk needs root: {mounted.stderr.strip()}"
        if os.environ.get("CI"):
            pytest.fail(f"CI must allow it: {reason}")
        pytest.skip(reason)
    try:
        if read_only:
            _mount("-o", "remount,ro", str(folder))
        else:
            filler = folder / ".filler"
            with filler.open("wb", buffering=0) as handle:
                try:
                    while True:
                        handle.write(b"\0" * 4096)
                except OSError:
                    pass  # the disk is full now
        yield folder
    finally:
        subprocess.run(["/usr/bin/umount", str(folder)], check=False)  # noqa: S603

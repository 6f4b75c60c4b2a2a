"""ffprobe and ffmpeg as subprocesses with timeouts; the probe of a file is cached briefly."""

from __future__ import annotations

import json
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

PROBE_TIMEOUT = 30  # seconds; reading a container's header never takes longer


class ToolFailed(Exception):
    """ffprobe or ffmpeg ended with an error, timed out, or is missing."""


def _binary(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise ToolFailed(f"{name} is not installed")
    return found


def run_ffmpeg(arguments: list[str], *, timeout: float) -> None:
    """Run ffmpeg quietly; raise ToolFailed with its last error line when it fails."""
    command = [_binary("ffmpeg"), "-nostdin", "-hide_banner", "-loglevel", "error", "-y"]
    try:
        finished = subprocess.run(  # noqa: S603 - fixed binary, arguments as a list
            command + arguments, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise ToolFailed(f"ffmpeg took longer than {timeout:.0f} s") from error
    if finished.returncode != 0:
        raise ToolFailed(_last_line(finished.stderr) or f"ffmpeg exit {finished.returncode}")


def probe(path: Path) -> dict:
    """ffprobe's view of the file: {"format": {...}, "streams": [...]}.

    The answer is cached by path, size and modification time, because detection,
    metadata and renditions of one file each ask in turn.
    """
    stat = path.stat()
    return json.loads(_probe_text(str(path), stat.st_size, stat.st_mtime_ns))


@lru_cache(maxsize=16)
def _probe_text(path: str, size: int, mtime_ns: int) -> str:
    command = [
        _binary("ffprobe"),
        "-hide_banner",
        "-loglevel",
        "error",
        "-print_format",
        "json",
        "-show_format",
        "-show_streams",
        path,
    ]
    try:
        finished = subprocess.run(  # noqa: S603 - fixed binary, arguments as a list
            command, capture_output=True, timeout=PROBE_TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise ToolFailed("ffprobe timed out") from error
    if finished.returncode != 0:
        raise ToolFailed(_last_line(finished.stderr) or f"ffprobe exit {finished.returncode}")
    text = finished.stdout.decode("utf-8", "replace")
    try:
        answer = json.loads(text)
    except ValueError as error:
        raise ToolFailed("ffprobe gave no answer") from error
    if not answer.get("streams"):
        raise ToolFailed("no streams")
    return text


def _last_line(stderr: bytes) -> str:
    lines = [
        line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()
    ]
    return lines[-1][:300] if lines else ""


def picture_streams(probed: dict) -> list[dict]:
    """Video streams that are moving pictures, not cover art in a music file."""
    return [
        stream
        for stream in probed.get("streams", [])
        if stream.get("codec_type") == "video"
        and not stream.get("disposition", {}).get("attached_pic")
    ]


def sound_streams(probed: dict) -> list[dict]:
    return [s for s in probed.get("streams", []) if s.get("codec_type") == "audio"]


def duration_of(probed: dict) -> float | None:
    """Seconds, from the container or else the longest stream."""
    candidates = [probed.get("format", {}).get("duration")]
    candidates += [stream.get("duration") for stream in probed.get("streams", [])]
    seconds = []
    for value in candidates:
        try:
            number = float(value)
        except (TypeError, ValueError):
            continue
        if number > 0 and number == number:  # not NaN
            seconds.append(number)
    return max(seconds) if seconds else None

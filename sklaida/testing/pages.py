"""Reading a page as a person does in tests: the text without tags."""

import re


def text_of(response) -> str:
    """The page's text: scripts and styles dropped, tags removed, spaces (also non-breaking
    ones) collapsed into one."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html).replace("\xa0", " "))

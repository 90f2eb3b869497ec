"""HTML pages: main text and page metadata (title, date, author, site) via trafilatura."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import trafilatura

from .errors import InputError

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


@dataclass(slots=True)
class Page:
    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    publisher: str | None = None


def extract(html: str, url: str | None = None) -> Page:
    """The article of an HTML page, one paragraph per block, or InputError if none."""
    try:
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            favor_precision=True,
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(f"cannot parse HTML ({exc.__class__.__name__})") from exc
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise InputError("no article text found in the HTML page")
    paragraphs = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    return Page(
        text=paragraphs,
        title=_clean(getattr(result, "title", None)),
        published=_clean(getattr(result, "date", None)),
        author=_clean(getattr(result, "author", None)),
        publisher=_clean(getattr(result, "sitename", None)),
    )


def _clean(value: str | None) -> str | None:
    return value.strip() or None if isinstance(value, str) else None

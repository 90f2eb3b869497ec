"""Read inputs: files, folders, ``http(s)`` URLs, JSONL article files and manifests.

Everything here yields ``Source`` records (raw content plus what is known about it) or
``Problem`` records for inputs that cannot be read; nothing is parsed beyond that.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from .errors import InputError
from .models import Problem, Source

TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_EXT | HTML_EXT | JSONL_EXT
FETCH_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
META_FIELDS = ("published", "publisher", "title")
USER_AGENT = "stancemap/0.1 (+https://github.com/stancemap/stancemap)"


def iter_sources(
    inputs: Iterable[str], manifest: Path | None = None, max_bytes: int = 20 << 20,
    timeout: float = 20.0,
) -> Iterator[Source | Problem]:
    """Every readable input, in order: the manifest's entries first, then ``inputs``."""
    if manifest is not None:
        yield from _manifest(manifest, max_bytes, timeout)
    for item in inputs:
        if is_url(item):
            yield _guard(item, lambda u=item: fetch(u, max_bytes, timeout))
        else:
            yield from _path(Path(item), max_bytes)


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _guard(uri: str, make: Any) -> Source | Problem:
    try:
        return make()
    except InputError as exc:
        return Problem(uri, str(exc))


def _path(path: Path, max_bytes: int) -> Iterator[Source | Problem]:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p, path))
        if not files:
            yield Problem(str(path), "folder holds no .txt, .html or .jsonl files")
        for file in files:
            yield from _path(file, max_bytes)
    elif not path.exists():
        yield Problem(str(path), "no such file or folder")
    elif path.suffix.lower() in JSONL_EXT:
        yield from _jsonl(path, max_bytes)
    else:
        yield _guard(str(path), lambda: read_file(path, max_bytes))


def _wanted(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    return path.suffix.lower() in SUPPORTED and not any(p.startswith(".") for p in parts)


def read_file(path: Path, max_bytes: int, overrides: dict[str, str] | None = None) -> Source:
    """One file as a Source; its kind from the extension, else from its first bytes."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"file too large ({size / 1e6:.1f} MB > {max_bytes / 1e6:.0f} MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}") from exc
    return Source(uri=str(path), data=data, kind=_kind(path.suffix.lower(), data),
                  overrides=overrides or {})


def _kind(suffix: str, data: bytes) -> Any:
    if suffix in HTML_EXT:
        return "html"
    if suffix in TEXT_EXT:
        return "text"
    head = data[:512].lstrip().lower()
    return "html" if head.startswith((b"<!doctype html", b"<html")) else "text"


def fetch(url: str, max_bytes: int, timeout: float, overrides: dict[str, str] | None = None
          ) -> Source:
    """Download one page with a timeout, a size cap and a content-type check."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:  # noqa: S310
            ctype = (resp.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype and not ctype.startswith(FETCH_TYPES):
                raise InputError(f"unsupported content type {ctype!r} (want HTML or text)")
            data = resp.read(max_bytes + 1)
    except InputError:
        raise
    except urllib.error.HTTPError as exc:
        raise InputError(f"HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise InputError(f"cannot fetch: {reason}") from exc
    if len(data) > max_bytes:
        raise InputError(f"page larger than the {max_bytes / 1e6:.0f} MB limit")
    kind = "text" if ctype == "text/plain" else "html"
    return Source(uri=url, data=data, kind=kind, overrides=overrides or {})


def _jsonl(path: Path, max_bytes: int) -> Iterator[Source | Problem]:
    """Articles stored one JSON object per line (``text`` or ``html`` plus metadata)."""
    try:
        if path.stat().st_size > max_bytes * 50:
            yield Problem(str(path), "JSONL file too large")
            return
        handle = path.open("rb")
    except OSError as exc:
        yield Problem(str(path), f"cannot read file: {exc.strerror or exc}")
        return
    with handle:
        for lineno, raw in enumerate(handle, 1):
            if raw.strip():
                yield _guard(f"{path}:{lineno}", lambda r=raw, n=lineno: _record(path, n, r))


def _record(path: Path, lineno: int, raw: bytes) -> Source:
    obj = _json_object(raw)
    body = obj.get("text") if obj.get("text") else obj.get("html")
    if not isinstance(body, str) or not body.strip():
        raise InputError("article object has no 'text' or 'html'")
    kind = "text" if obj.get("text") else "html"
    meta = _meta(obj)
    return Source(uri=str(obj.get("url") or f"{path}#{lineno}"), data=body, kind=kind,
                  overrides=meta)


def _json_object(raw: bytes) -> dict[str, Any]:
    try:
        obj = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not a valid JSON line ({exc.__class__.__name__})") from exc
    if not isinstance(obj, dict):
        raise InputError("line is not a JSON object")
    return obj


def _meta(obj: dict[str, Any]) -> dict[str, str]:
    meta: dict[str, str] = {}
    for key in META_FIELDS:
        value = obj.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise InputError(f"'{key}' must be a string")
        if key == "published" and not DATE_RE.match(value[:10]):
            raise InputError(f"'published' must be YYYY-MM-DD, got {value!r}")
        meta[key] = value[:10] if key == "published" else value.strip()
    return meta


def _manifest(manifest: Path, max_bytes: int, timeout: float) -> Iterator[Source | Problem]:
    """The manifest's articles; a bad line is reported and skipped."""
    try:
        lines = manifest.read_bytes().splitlines()
    except OSError as exc:
        yield Problem(str(manifest), f"cannot read manifest: {exc.strerror or exc}")
        return
    for lineno, raw in enumerate(lines, 1):
        if raw.strip():
            where = f"{manifest}:{lineno}"
            yield _guard(where, lambda r=raw: _manifest_entry(manifest, r, max_bytes, timeout))


def _manifest_entry(manifest: Path, raw: bytes, max_bytes: int, timeout: float) -> Source:
    obj = _json_object(raw)
    meta = _meta(obj)
    path, url = obj.get("path"), obj.get("url")
    if path:
        file = Path(path) if Path(path).is_absolute() else manifest.parent / path
        if not file.is_file():
            raise InputError(f"manifest path not found: {path}")
        source = read_file(file, max_bytes, meta)
        if url:
            source.overrides["url"] = str(url)
        return source
    if url and is_url(str(url)):
        return fetch(str(url), max_bytes, timeout, meta)
    raise InputError("manifest entry needs a 'path' or an http(s) 'url'")


_CONTROLS = bytes(b for b in range(32) if b < 9 or b > 13)  # control bytes text never has


def decode(data: bytes | str) -> tuple[str, str | None]:
    """Text of ``data`` and a warning if it was not UTF-8; binary data is refused."""
    if isinstance(data, str):
        return data, None
    if not data.strip():
        raise InputError("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), None
    head = data[:8192]
    controls = len(head) - len(head.translate(None, _CONTROLS))
    if b"\x00" in head or controls > len(head) * 0.05:
        raise InputError("binary file, not text or HTML")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        bad = exc.start
    best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "ascii") or best.chaos > 0.1:
        raise InputError(f"not valid UTF-8 (bad byte at offset {bad}) and no other encoding fits")
    return str(best), f"not UTF-8; decoded as {best.encoding}"

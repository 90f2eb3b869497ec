"""Turn a scraped plain-text page into clean article text plus metadata.

The page is split into units (paragraphs, or lines that do not wrap into each other).
Each unit is described by cheap signals (see :mod:`stancemap.textsignals`). Furniture
that can be told anywhere (breadcrumbs, footnote lists, images, other-language lines,
UI words, repeats, bylines) goes first; then a comments/related block at the end is
cut; then non-prose lines of the header zone (before the first prose paragraph) and of
the footer zone (after the last one) go. Each removed unit is kept in ``dropped``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from stancemap import textsignals as ts

_ODD_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_BYLINE = re.compile(r"^(?:By|BY|(?:Written|Words|Posted|Story|Text) by|Authors?:)\s*:?\s+(.+)$")
_PUBLISHED = re.compile(r"^(published|posted|updated|last updated|modified|date|first published"
                        r"|released)(?:\s+on)?\s*:?\s*(.+)$", re.I)
_DATELINE = re.compile(
    r"^[A-Z][A-Z'’.\- ]{1,30}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30}){0,2}?"
    r"(?:,\s*(?P<date>" + ts.MONTH_PAT + r"\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+"
    + ts.MONTH_PAT + r"(?:\s+\d{4})?))?"
    r"\s*(?:\((?P<agency>[A-Z][\w&.'’ /-]{1,30})\))?\s*[-–—]+\s+(?=\S)")
_META_FILLER = ts.word_set("published posted updated last modified on at am pm by and gmt utc "
                           "first date time local")
_SPLIT_AUTHOR = re.compile(r"\s*(?:[|•·,;/]|\s[-–—]\s)\s*")
_KEEP_IN_TAIL = ("copyright", "source")  # metadata that survives a cut comments/related block


@dataclass(slots=True)
class Cleaned:
    text: str  # the article: paragraphs joined by "\n\n"
    title: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD from in-text bylines/datelines, else None
    publisher: str | None = None  # from source lines, wire datelines, copyright lines
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (line, reason)


@dataclass(slots=True)
class _Unit:
    text: str
    ws: list[str]
    sentence: bool
    prose: bool
    reason: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


def normalize_whitespace(text: str) -> str:
    """Normalise odd spaces, zero-width characters, CRLF, trailing spaces, blank runs."""
    text = _ZERO_WIDTH.sub("", _ODD_SPACES.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n")))
    text = "\n".join(line.rstrip() for line in re.sub(r"  +", " ", text).split("\n"))
    return re.sub(r"\n\n\n+", "\n\n", text).strip("\n")


def _continues(prev: str, nxt: str) -> bool:
    """Does ``nxt`` continue the sentence that ``prev`` (a wrapped line) breaks off?"""
    if ts.ends_sentence(prev) or prev.endswith(":") or ts.LIST_RE.match(nxt) or _BYLINE.match(nxt):
        return False
    if nxt[0].islower():
        return True
    last = prev.rsplit(None, 1)[-1]
    return len(prev) >= 40 and (last[-1] in ",;-–—" or last in ts.STOPWORDS_SETS["en"])


def _split_units(text: str) -> list[str]:
    """Paragraphs (blank-line separated), split into their lines unless those wrap."""
    units: list[str] = []
    for block in text.split("\n\n"):
        cur: str | None = None
        for line in (ln.strip() for ln in block.split("\n")):
            if not line:
                continue
            if cur is not None and _continues(cur, line):
                cur = f"{cur} {line}"
            else:
                if cur is not None:
                    units.append(cur)
                cur = line
        if cur is not None:
            units.append(cur)
    return units


def _guess_language(sample: str) -> str:
    """py3langid; when it is unsure, the language whose stopwords fit best."""
    if not sample:
        return "en"
    lang, conf = ts.detect_language(sample)
    if conf >= 0.9:
        return lang
    ws = ts.words(sample)
    return max(ts.STOPWORDS_SETS, key=lambda k: ts.stop_ratio(ws, k)) if ws else lang


def _make_unit(s: str, lang: str) -> _Unit:
    ws = ts.words(s[:400])  # enough to judge a long paragraph; keeps this fast
    sentence = ts.ends_sentence(s)
    prose = (sentence and len(ws) >= 10 and not ts.FOOTNOTE_LINE_RE.match(s)
             and (lang not in ts.STOPWORDS_SETS or ts.stop_ratio(ws, lang) >= 0.12))
    return _Unit(s, ws, sentence, prose)


def _lede_like(u: _Unit, lang: str) -> bool:
    """A sentence-case line with stopwords and a verb, even without final punctuation."""
    return (len(u.ws) >= 8 and ts.stop_ratio(u.ws, lang) >= 0.15 and ts.cap_ratio(u.ws) < 0.5
            and ts.has_verb(u.ws))


def _is_ui(u: _Unit, lang: str) -> bool:
    """A short line made (mostly) of web-UI words, a bare URL or a reading time."""
    if ts.URL_RE.match(u.text) or re.fullmatch(r"\d+\s*min(?:ute)?s?(?: read)?", u.text, re.I):
        return True
    if not u.ws or len(u.ws) > 12:
        return False
    ratio = ts.ui_ratio(u.ws, lang)
    return ratio == 1.0 or (ratio > 0.5 and len(u.ws) <= 8 and not u.sentence)


def _other_language(u: _Unit, lang: str, doc_script: str | None) -> bool:
    """Another script than the article's, or (5+ words) confidently another language."""
    script = ts.script_of(u.text) if ts.NON_LATIN_RE.search(u.text) else "latin"
    if script and doc_script and script != doc_script:
        return True
    if len(u.ws) < 5 or u.prose or lang not in ts.STOPWORDS_SETS:
        return False
    if ts.stop_ratio(u.ws, lang) >= 0.1:
        return False
    other, conf = ts.detect_language(u.text)
    return other != lang and conf >= 0.95 and ts.stop_ratio(u.ws, other) >= 0.2


def _metadata(u: _Unit, top: bool) -> bool:
    """Bylines, date lines (``top``: near the start only) and copyright lines -> ``u.meta``."""
    s, n, meta = u.text, len(u.ws), u.meta
    if n > 14 or len(s) > 160:
        return False
    if m := _BYLINE.match(s):
        rest = m.group(1)
        chunk = _SPLIT_AUTHOR.split(ts.strip_dates(rest).strip(" ,|-–—"))[0].strip()
        chunk = re.sub(r"\s+and\s+.*$", "", chunk)
        if date := ts.find_date(rest)[0]:
            meta["published"] = date
        if ts.is_name(chunk):
            meta["author"] = chunk
        return bool(meta)
    if m := _PUBLISHED.match(s):
        value = m.group(2)
        date = ts.find_date(value)[0] or ts.parse_date_fallback(ts.CLOCK_RE.sub("", value))
        if not date:
            return False
        updated = m.group(1).lower() in ("updated", "last updated", "modified")
        meta["updated" if updated else "published"] = date
        by = re.search(r"\bby\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})", value)
        if by and ts.is_name(by.group(1)):
            meta["author"] = by.group(1)
        return True
    if re.match(r"(?:©|\(c\)|copyright)", s, re.I) and (m := ts.COPYRIGHT_RE.match(s)):
        if year := re.search(r"\b(?:19|20)\d{2}\b", s):
            meta["year"] = year.group(0)
        pub = m.group(1).strip(" .,")
        if pub and len(pub.split()) <= 8:
            meta["copyright"] = pub
        return True
    date = ts.find_date(s)[0] if top else None
    if date and not (u.sentence and n > 6):
        left = [w for w in ts.words(ts.strip_dates(s)) if w.lower() not in _META_FILLER]
        if len(left) <= 1 or ts.ui_ratio(left, "en") == 1.0:
            meta["published"] = date
            return True
    return False


def _tail_is_comments(rest: list[_Unit]) -> bool:
    return any(len(v.ws) <= 12 and (ts.COMMENT_RE.search(v.text) or v.text.lower() == "reply"
                                    or ts.find_date(v.text)[0] and ts.CLOCK_RE.search(v.text))
               for v in rest)


def _truncate(units: list[_Unit]) -> None:
    """Cut a comments / other-stories block that starts after most of the article."""
    prose = [len(u.text) if u.prose and u.reason is None else 0 for u in units]
    total, before = sum(prose), 0
    for i, u in enumerate(units):
        before += prose[i]
        comment_like = len(u.ws) <= 12 and bool(ts.COMMENT_RE.search(u.text))
        marker = (len(u.ws) <= 6 and not u.text.endswith((".", "!"))
                  and bool(ts.MARKER_RE.match(u.text)))
        if not (marker or comment_like) or before < 0.5 * total or u.reason not in (None, "ui"):
            continue
        rest = [v for v in units[i + 1:] if v.reason is None]
        after = sum(len(v.text) for v in rest if v.prose)
        comments = comment_like or _tail_is_comments(rest)
        teasers = sum(not v.prose for v in rest) >= sum(v.prose for v in rest)
        if comments or (teasers and after < 0.5 * before):
            is_comment = comments or re.search(r"comment|repl|respon|discuss", u.text, re.I)
            for v in units[i:]:
                if v.reason in (None, "ui", "repeated", "related", "tags", "metadata") and not any(
                        k in v.meta for k in _KEEP_IN_TAIL):
                    v.reason = "comments" if is_comment else "related"
            return


def _holds(line: str, title: str) -> bool:
    """Is ``line`` the title plus a separated prefix or suffix ("Home » T", "T | Site")?"""
    if line == title or title not in line:
        return False
    if line.startswith(title):
        return line[len(title):].lstrip()[:1] in "|-–—:·•"
    return line.endswith(title) and line[:-len(title)].rstrip()[-1:] in "|-–—:·•»›>/"


def _find_title(units: list[_Unit], first: int, lang: str) -> int | None:
    """The header's heading-like line: the one a breadcrumb repeats, else the longest."""
    cands = [i for i, u in enumerate(units[:first])
             if u.reason is None and 2 <= len(u.ws) <= 30 and len(u.text) <= 250
             and not re.search(r"[.:;,]$", u.text) and not ts.LIST_RE.match(u.text)
             and not ts.is_name(u.text)]
    crumbs = [u.text for u in units if u.reason in ("breadcrumb", "repeated")]
    for i in cands:
        if any(_holds(c, units[i].text) or c == units[i].text for c in crumbs):
            return i
    texts = [units[i].text for i in cands]  # "Title | Site" holds the title: skip it
    cands = [i for i in cands if not any(_holds(units[i].text, t) for t in texts)]
    best: int | None = None
    for i in cands:
        if best is not None and len(units[best].ws) >= 4 and _lede_like(units[i], lang):
            continue  # a subtitle under the title
        if best is None or len(units[i].text) > len(units[best].text):
            best = i
    return best


def _keep_outside(u: _Unit, lang: str, title: str | None, lead_in: bool) -> str | None:
    """Reason to drop a header/footer-zone unit, or None to keep it (sentences, ledes, and
    with ``lead_in`` a section heading standing right before the first paragraph)."""
    if ts.is_tags(u.text, u.ws, lang):
        return "tags"
    if title and _holds(u.text, title):
        return "breadcrumb"
    if u.sentence and len(u.ws) >= 2 and (ts.has_verb(u.ws) or ts.cap_ratio(u.ws) < 0.7):
        return None
    if lead_in and 1 <= len(u.ws) <= 6 and not re.search(r"\d", u.text) and not ts.is_name(
            u.text) and not all(w.lower() in ts.SECTION_WORDS for w in u.ws):
        return None
    return None if _lede_like(u, lang) else "zone"


def _dateline(u: _Unit, meta: dict[str, str], cleaned: Cleaned) -> None:
    """Strip a wire dateline ("ALMATY, Sept 26 (Reuters) - ") and record what it says."""
    m = _DATELINE.match(u.text)
    if not m or "dateline" in meta or not re.match(r"[A-Z]{2}", u.text):
        return  # one dateline per article, and only an upper-case place ("NEW YORK -")
    meta["dateline"] = m.group(0).strip()
    if m.group("agency"):
        meta["agency"] = m.group("agency").strip()
    if m.group("date"):
        date, md = ts.find_date(m.group("date"))
        if date:
            meta.setdefault("published", date)
        elif md:
            meta["md"] = f"{md[0]:02d}-{md[1]:02d}"
    cleaned.dropped.append((m.group(0).strip(), "metadata"))
    u.text = u.text[m.end():]


def clean_text(raw: str, language: str | None = None) -> Cleaned:
    """Drop page furniture from ``raw``, keep every article sentence, extract metadata."""
    texts = _split_units(normalize_whitespace(raw))
    sample = " ".join(sorted(texts, key=len, reverse=True))[:1200]
    lang = language or _guess_language(sample)
    units = [_make_unit(s, lang) for s in texts]
    doc_script = ts.script_of(sample)
    seen: set[str] = set()
    top = next((i for i, u in enumerate(units) if u.prose), len(units))
    for i, u in enumerate(units):  # furniture that can be told wherever it stands
        s, key = u.text, " ".join(u.text.lower().split())
        if not re.search(r"\w", s):
            u.reason = "ui"
        elif ts.FOOTNOTE_LINE_RE.match(s):
            u.reason = "footnotes"
        elif len(u.ws) <= 40 and ts.IMAGE_RE.search(s):
            u.reason = "image"
        elif ts.is_breadcrumb(s):
            u.reason = "breadcrumb"
        elif _other_language(u, lang, doc_script):
            u.reason = "other-language"
        elif key and key in seen:
            u.reason = "repeated"
        elif ts.TAGS_PREFIX_RE.match(s):
            u.reason = "tags"
        elif ts.RELATED_PREFIX_RE.match(s) and not u.prose:
            u.reason = "related"
        elif not u.prose and _metadata(u, i < top or i > 0 and units[i - 1].reason == "metadata"):
            u.reason = "metadata"
        elif _is_ui(u, lang):
            u.reason = "ui"
        if u.reason is None:
            seen.add(key)
    _truncate(units)

    prose_idx = [i for i, u in enumerate(units) if u.prose and u.reason is None]
    first, last = (prose_idx[0], prose_idx[-1]) if prose_idx else (len(units), len(units) - 1)
    while (last + 1 < len(units) and units[last + 1].reason is None
           and ts.LIST_RE.match(units[last + 1].text) and len(units[last + 1].ws) >= 4
           and ts.cap_ratio(units[last + 1].ws) < 0.6):
        last += 1  # list items that close the article
    title_i = _find_title(units, first, lang)
    title = units[title_i].text if title_i is not None else None
    after_title = -1 if title_i is None else title_i
    for i, u in enumerate(units):  # header and footer zones
        if u.reason is not None or first <= i <= last or i == title_i:
            continue
        if i < first and title_i is not None and title_i < i <= title_i + 3 and ts.is_name(u.text):
            u.meta["author"] = u.text
            u.reason = "metadata"
        elif (m := ts.SOURCE_RE.match(u.text)) and len(u.ws) <= 8:
            u.meta["source"] = m.group(1).strip(" .")
            u.reason = "metadata"
        elif why := _keep_outside(u, lang, title, i == first - 1 and after_title < i):
            u.reason = why if why != "zone" else ("header" if i < first else "footer")

    cleaned = Cleaned(text="", title=title)
    meta: dict[str, str] = {}
    for u in units:
        if u.reason == "metadata":
            for k, v in u.meta.items():
                meta.setdefault(k, v)
    for i in prose_idx[:3]:
        _dateline(units[i], meta, cleaned)
    published = meta.get("published") or meta.get("updated")
    year = meta.get("year") or (published or "")[:4]
    if not published and "md" in meta and year:
        published = f"{year}-{meta['md']}"
    cleaned.published = published
    cleaned.author = meta.get("author")
    cleaned.publisher = meta.get("source") or meta.get("agency") or meta.get("copyright")
    kept = []
    for u in units:
        if u.reason is None:
            kept.append(ts.FOOTNOTE_MARK_RE.sub("", u.text) if "[" in u.text else u.text)
        else:
            cleaned.dropped.append((u.text, u.reason))
    cleaned.text = "\n\n".join(kept)
    return cleaned

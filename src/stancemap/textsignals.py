"""Cheap per-line text signals used by :mod:`stancemap.clean`.

Everything here is a small, general heuristic over one line of text: word counts,
sentence punctuation, capitalisation, stopwords, web-UI vocabulary, scripts, dates
and names. Nothing refers to a particular site.
"""

from __future__ import annotations

import re

WORD_RE = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*", re.UNICODE)
END_RE = re.compile(r"[.!?…](?:[\"'”’»)\]]|\[\d{1,3}\])*$")
LIST_RE = re.compile(r"^(?:[-•*–·▪◦]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+")
URL_RE = re.compile(r"^(?:https?://|www\.)\S+$")
FOOTNOTE_LINE_RE = re.compile(r"^\[\d{1,3}\]\s*(?:\S.*)?$|^\^?\d{1,3}[.)]?\s+https?://\S+$")
FOOTNOTE_MARK_RE = re.compile(r"(?<=\S)\s?\[\d{1,3}\]")
IMAGE_RE = re.compile(
    r"^\[(?:image|photo|picture|img|figure|video|graphic)\b[^\]]*\]$"
    r"|^(?:image|photo|photograph|picture|caption|illustration|video|credit|file photo)s?"
    r"(?: credit)?\s*(?::|by\b)"
    r"|\((?:photo|image|picture)s?\s*(?:by|:|credit)[^)]*\)\s*$"
    r"|\s/\s*(?:getty|afp|reuters|ap|epa|shutterstock|tass|ria)\b[\w ]*$",
    re.I,
)
BREADCRUMB_SEP_RE = re.compile(r"\s(?:»|›|>|→)\s|\s[|/]\s")
HOME_RE = re.compile(r"^(?:home|start|main|homepage|accueil|startseite|главная)\s*(?:»|›|>|→|\||/)",
                     re.I)
TAGS_PREFIX_RE = re.compile(r"^(?:tags?|topics?|categor(?:y|ies)|filed under|keywords)\s*:",
                            re.I)
SOURCE_RE = re.compile(r"^(?:source|sources|via|originally published (?:by|in|at))\s*:?\s+(.+)$",
                       re.I)
COPYRIGHT_RE = re.compile(r"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*"
                          r"(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[,\s]*(.*?)"
                          r"(?:[.,]?\s*all rights reserved.*)?$", re.I)
RELATED_PREFIX_RE = re.compile(
    r"^(?:read more|read also|also read|see also|related|more|watch|listen|recommended)"
    r"\s*[:|-]\s*\S", re.I)
MARKER_RE = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|reactions?)\b"
    r"|^(?:leave|post|add|write)\s+(?:a|your)\s+(?:comment|reply|response)"
    r"|^(?:related|popular|recommended|trending|latest|most read|most popular|read more"
    r"|read also|see also|also read|you may also like|you might also like|other stories"
    r"|more (?:from|on|in|stories|news|articles|like this|to read)"
    r"|join the (?:discussion|conversation)|what do you think)\b",
    re.I)
COMMENT_RE = re.compile(r"\b(?:says|said|wrote|commented)\s*:", re.I)
CLOCK_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|CET|CEST|EET|EEST"
                      r"|BST|EST|EDT|PST|PDT|MSK|ALMT)\b)?(?:\s*[+-]\d{2}:?\d{2})?", re.I)


def word_set(s: str) -> frozenset[str]:
    """The whitespace-separated words of ``s`` as a set."""
    return frozenset(s.split())


_MONTH_NAMES = "jan feb mar apr may jun jul aug sep oct nov dec"
MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES.split(), 1)}
MONTH_PAT = (r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
        r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?")
DATE_RES = [
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), "ymd"),
    (re.compile(MONTH_PAT + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I), "mdy"),
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH_PAT + r",?\s+(\d{4})\b", re.I),
     "dmy"),
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), "dmy#"),
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"), "slash"),
    (re.compile(r"\b" + MONTH_PAT + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d{4})", re.I), "md"),
]
WEEKDAY_RE = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?", re.I)

STOPWORDS = {
    "en": "the a an of to in on for and or but with by at from as is are was were be been has have "
          "had that this these those it its he she they we you his her their our not no will would "
          "can could should may might must which who whom what when where while than then there "
          "also into about after before over under between against during if so do does did "
          "said says more most other such only own same very just",
    "fr": "le la les un une des du de et ou en dans sur pour par avec est sont été que qui ne pas "
          "au aux ce cette ses son sa leur nous vous il elle ils se plus",
    "de": "der die das den dem des ein eine einen und oder in im auf für mit von zu ist sind war "
          "wurde dass nicht sich auch es er sie wir ihr bei nach aus um",
    "es": "el la los las un una de del y o en con por para es son fue que no se su sus al como "
          "más pero este esta",
    "it": "il lo la i gli le un una di del della e o in con per è sono che non si suo sua al come",
    "pt": "o a os as um uma de do da dos das e ou em no na com por para é são que não se seu sua",
    "nl": "de het een en of in op voor met van is zijn was dat niet zich ook er hij zij wij",
    "ru": "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по "
          "только ее мне было вот от меня еще нет о из ему это при",
}
STOPWORDS_SETS = {k: word_set(v) for k, v in STOPWORDS.items()}
UI_WORDS = word_set(
    "share shares shared sharing comment comments search close menu subscribe subscription "
    "newsletter newsletters related popular read more also advertisement advertisements advert ad "
    "ads sponsored toolbar accessibility cookie cookies login logout log sign signin signup "
    "register follow us print email e-mail tags tag trending previous prev next back top home skip "
    "content navigation nav toggle click here download pdf view watch listen gallery facebook "
    "twitter telegram whatsapp linkedin instagram youtube reddit vk rss copy link links reply "
    "cancel submit loading continue reading editor's editors choice most box button font size "
    "contrast sitemap privacy contact donate article articles story stories min post posts "
    "comment's highlight underline grayscale reset readable cart account "
    "notifications notification enable disable settings open website"
)
SECTION_WORDS = word_set(
    "news world politics opinion analysis featured global local national international business "
    "economy markets security defense defence society culture sport sports science tech technology "
    "health region regions asia europe africa americas america middle east eurasia pacific "
    "editorial editorials blog blogs commentary commentaries features latest top headlines "
    "video videos podcast podcasts interview interviews explainer reports report research "
    "publications events experts program programs insights perspectives central south north west"
)
VERB_WORDS = word_set(
    "is are was were be been being has have had do does did will would can could shall should "
    "may might must said says say told tells according"
)
NAME_PARTICLES = word_set("de da del della di van von der den le la al el bin ibn y dos du")

_SCRIPTS = [
    ("latin", r"A-Za-z\u00C0-\u024F\u1E00-\u1EFF"),
    ("cyrillic", r"\u0400-\u052F"),
    ("greek", r"\u0370-\u03FF"),
    ("hebrew", r"\u0590-\u05FF"),
    ("arabic", r"\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF"),
    ("armenian", r"\u0530-\u058F"),
    ("georgian", r"\u10A0-\u10FF"),
    ("cjk", r"\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF"),
    ("indic", r"\u0900-\u0DFF"),
    ("thai", r"\u0E00-\u0E7F"),
]
SCRIPT_RES = [(name, re.compile(f"[{chars}]")) for name, chars in _SCRIPTS]
NON_LATIN_RE = re.compile(r"[^\x00-\u024F\u1E00-\u1EFF\u2000-\u206F\u20A0-\u20CF\u2100-\u214F]")


def words(s: str) -> list[str]:
    """Alphabetic word tokens (apostrophes, dots and hyphens inside words kept)."""
    return WORD_RE.findall(s)


def ends_sentence(s: str) -> bool:
    """Does the line end like a sentence (., !, ?, … with optional closing quotes)?"""
    return bool(END_RE.search(s[-16:].rstrip()))


def cap_ratio(ws: list[str]) -> float:
    """Share of words that start with a capital letter."""
    return sum(w[0].isupper() for w in ws) / len(ws) if ws else 0.0


def stop_ratio(ws: list[str], lang: str) -> float:
    """Share of words that are stopwords of ``lang`` (0 when unknown)."""
    sw = STOPWORDS_SETS.get(lang)
    return sum(map(sw.__contains__, map(str.lower, ws))) / len(ws) if ws and sw else 0.0


def has_verb(ws: list[str]) -> bool:
    """A crude verb detector: auxiliaries or lowercase words with verb endings."""
    return any(w.lower() in VERB_WORDS or (w.islower() and len(w) > 3 and w.endswith(
        ("ed", "ing", "es", "ize", "ise", "ate"))) for w in ws)


def ui_ratio(ws: list[str], lang: str) -> float:
    """Share of non-stopword words that belong to the web-UI vocabulary."""
    sw = STOPWORDS_SETS.get(lang, frozenset())
    content = [w.lower().replace("’", "'") for w in ws if w.lower() not in sw or w.lower() == "us"]
    return sum(w in UI_WORDS for w in content) / len(content) if content else 0.0


def script_of(s: str) -> str | None:
    """The script most letters of ``s`` are written in (None for no letters)."""
    if not NON_LATIN_RE.search(s):
        return "latin" if re.search(r"[A-Za-z]", s) else None
    counts = {name: len(rx.findall(s)) for name, rx in SCRIPT_RES}
    name, n = max(counts.items(), key=lambda kv: kv[1])
    return name if n else None


def is_breadcrumb(s: str) -> bool:
    """Navigation trail such as ``Home » World » Asia``."""
    if HOME_RE.match(s):
        return True
    if len(s) > 400 or re.match(r"(?i)by\s", s):  # "By Staff | 4 October 2022": a byline
        return False
    seps = BREADCRUMB_SEP_RE.findall(s)
    if not seps:
        return False
    strong = sum(sep.strip() in "»›>→" for sep in seps)
    parts = re.split(BREADCRUMB_SEP_RE, s)
    short = all(len(p.split()) <= 12 for p in parts)
    return short and (strong >= 1 and not ends_sentence(s) or len(seps) >= 2 and
                      all(len(p.split()) <= 4 for p in parts))


def is_tags(s: str, ws: list[str], lang: str) -> bool:
    """Category/tag lines: capitalised keywords without sentence structure."""
    if TAGS_PREFIX_RE.match(s):
        return True
    if ends_sentence(s) or len(ws) < 3 or cap_ratio(ws) < 1.0 or stop_ratio(ws, lang) > 0:
        return False
    low = [w.lower() for w in ws]
    items = [p.strip() for p in s.split(",")]
    if len(items) >= 3 and all(0 < len(p.split()) <= 3 for p in items):
        return True
    return len(set(low)) < len(low) or sum(w in SECTION_WORDS for w in low) >= 2


def is_name(s: str) -> bool:
    """A lone person name: 2-4 capitalised words (initials and particles allowed)."""
    if len(s) > 60 or re.search(r"\d|[:;!?@]", s):
        return False
    toks = s.replace(",", " ").split()
    if not 2 <= len(toks) <= 5:
        return False
    caps = 0
    for t in toks:
        if t.lower() in NAME_PARTICLES:
            continue
        if not (t[0].isupper() and (re.fullmatch(r"[A-Z]\.", t) or WORD_RE.fullmatch(t))):
            return False
        if t.lower() in SECTION_WORDS or t.lower() in UI_WORDS or t.lower() in STOPWORDS_SETS["en"]:
            return False
        caps += 1
    return caps >= 2


def find_date(s: str) -> tuple[str | None, tuple[int, int] | None]:
    """First date in ``s`` as YYYY-MM-DD; else a (month, day) pair for yearless dates."""
    for rx, kind in DATE_RES:
        m = rx.search(s)
        if not m:
            continue
        g = m.groups()
        if kind == "ymd":
            y, mo, d = int(g[0]), int(g[1]), int(g[2])
        elif kind == "mdy":
            y, mo, d = int(g[2]), MONTHS[g[0][:3].lower()], int(g[1])
        elif kind == "dmy":
            y, mo, d = int(g[2]), MONTHS[g[1][:3].lower()], int(g[0])
        elif kind == "dmy#":
            y, mo, d = int(g[2]), int(g[1]), int(g[0])
        elif kind == "slash":
            a, b = int(g[0]), int(g[1])
            y, mo, d = int(g[2]), *((b, a) if a > 12 else (a, b))
        else:
            return None, (MONTHS[g[0][:3].lower()], int(g[1]))
        if 1 <= mo <= 12 and 1 <= d <= 31 and 1900 < y < 2100:
            return f"{y:04d}-{mo:02d}-{d:02d}", None
    return None, None


def strip_dates(s: str) -> str:
    """``s`` without dates, clock times and weekday names."""
    for rx, _ in DATE_RES:
        s = rx.sub(" ", s)
    return WEEKDAY_RE.sub(" ", CLOCK_RE.sub(" ", s))


def parse_date_fallback(s: str) -> str | None:
    """dateparser for what the regexes miss (absolute dates only, English)."""
    import dateparser

    dt = dateparser.parse(s, languages=["en"], settings={
        "PREFER_DAY_OF_MONTH": "first", "PARSERS": ["absolute-time"],
        "REQUIRE_PARTS": ["year", "month"]})
    return dt.strftime("%Y-%m-%d") if dt else None


def detect_language(s: str) -> tuple[str, float]:
    """(language, confidence) from py3langid (the shared model, loaded once on first use)."""
    from stancemap.langid import detect

    return detect(s)

"""Normalising names for matching: transliteration, case, punctuation, spelling folds."""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

_TOKEN = re.compile(r"[\w.'’]+")
_POSSESSIVE = re.compile(r"['’]s?$")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Transliteration families of Russian/Turkic/Persian names: Zhaparov/Japarov/Dzhaparov,
# Tokayev/Tokaev/Toqaev, Berdymukhamedov/Berdimuhamedow, Rahmon/Rakhmon.
_FOLDS = [("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("q", "k"), ("w", "v"),
          ("yy", "i"), ("iy", "i"), ("ye", "e"), ("yo", "o"), ("y", "i"), ("ou", "u"),
          ("ph", "f"), ("ck", "k")]
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def norm(token: str) -> str:
    """ASCII, lower-case, no punctuation: 'Erdoğan' -> 'erdogan', 'U.S.' -> 'us'."""
    return _NON_ALNUM.sub("", anyascii(_POSSESSIVE.sub("", token)).lower())


def tokens(text: str) -> tuple[str, ...]:
    """Normalised tokens of a name, splitting on spaces, hyphens and other punctuation."""
    out = []
    for raw in _TOKEN.findall(text.replace("-", " ").replace("/", " ")):
        token = norm(raw)
        if token:
            out.append(token)
    return tuple(out)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """A spelling-insensitive key for fuzzy name matching."""
    s = " ".join(tokens(text))
    for a, b in _FOLDS:
        s = s.replace(a, b)
    return _DOUBLE.sub(r"\1", s)


def slug(text: str) -> str:
    return "-".join(tokens(text))


def plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    return word + "s"

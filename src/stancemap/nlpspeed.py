"""Faster equivalents of two spaCy costs, with identical output.

- thinc's default CPU ops multiply matrices with the BLIS build bundled with spaCy, which on
  this machine runs its generic reference kernel; numpy's BLAS (OpenBLAS) is about three
  times faster. ``numpy_ops`` switches the tok2vec and parser models to it (the parser's
  step-by-step prediction keeps its own BLIS calls).
- the attribute_ruler (tag map and exceptions, ~180 patterns) runs spaCy's general Matcher,
  which tries every pattern at every token. ``index_attribute_ruler`` matches the same
  patterns through dictionaries keyed by the first token's TAG, LOWER or DEP and applies
  the matches in spaCy's own order with spaCy's own code. Patterns it cannot index (an
  operator, an unknown attribute) leave the component as it was.
- the rule lemmatizer looks each token up in Python; ``cache_lemmas`` reads and writes the
  lemmas as arrays and asks the lemmatizer only once per (word, POS, morphology), the key
  spaCy's own cache uses.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import product
from operator import itemgetter
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController

ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_COLUMNS = [TAG, LOWER, DEP, IS_SPACE]
Check = tuple[int, str, Any]  # (column, kind, value): kind eq, in, not_in or regex
Pattern = tuple[int, int, list[list[Check]]]  # (attr_id, match key, token checks)


def single_threaded_blas() -> None:
    """One BLAS thread per process: spaCy's matrices are small, and analysis runs a process
    per core."""
    ThreadpoolController().limit(limits=1, user_api="blas")


def numpy_ops(nlp: Language) -> None:
    """Multiply matrices with numpy instead of BLIS in every model of the pipeline."""
    ops = NumpyOps(use_blis=False)
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


def index_attribute_ruler(nlp: Language) -> bool:
    """Replace the attribute_ruler's matching by an indexed one; False if not possible."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        return False
    try:
        index = _RuleIndex(ruler)
    except _Unsupported:
        return False
    ruler.match = index.match  # type: ignore[method-assign]
    ruler.set_annotations = index.set_annotations  # type: ignore[method-assign]
    return True


class _Unsupported(Exception):
    pass


class _RuleIndex:
    """The attribute_ruler's patterns, indexed by the values their first token requires."""

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        self.strings = strings
        self.ruler = ruler
        # columns a first token is keyed on -> {key values: patterns}; the rest is checked
        self.tables: dict[tuple[int, ...], dict[Any, list[Pattern]]] = {}
        self.general: list[Pattern] = []
        for attr_id, entry in enumerate(ruler.patterns):
            key = strings.add(str(attr_id))
            for tokens in entry["patterns"]:
                checks = [[self._check(a, v) for a, v in spec.items()] for spec in tokens]
                if not checks or not all(checks):
                    raise _Unsupported
                self._index(attr_id, key, checks)
        self.kinds = [(itemgetter(*cols), table) for cols, table in sorted(self.tables.items())]
        self._regex_cache: dict[tuple[int, int], bool] = {}
        self._memo: dict[tuple[int, ...], list[Pattern]] = {}

    def _check(self, attr: str, value: Any) -> Check:
        if attr not in ATTRS:
            raise _Unsupported(attr)
        col = ATTRS.index(attr)
        conv = (lambda v: int(bool(v))) if attr == "IS_SPACE" else self.strings.add
        if not isinstance(value, dict):
            return (col, "eq", conv(value))
        if len(value) != 1:
            raise _Unsupported(value)
        (op, arg), = value.items()
        if op == "IN":
            return (col, "in", frozenset(conv(v) for v in arg))
        if op == "NOT_IN":
            return (col, "not_in", frozenset(conv(v) for v in arg))
        if op == "REGEX" and attr != "IS_SPACE":
            return (col, "regex", re.compile(arg))
        raise _Unsupported(op)

    def _index(self, attr_id: int, key: int, checks: list[list[Check]]) -> None:
        first = checks[0]
        keyed = sorted((c for c in first if c[1] in ("eq", "in")), key=lambda c: c[0])
        if len({c[0] for c in keyed}) != len(keyed):
            keyed = []  # two conditions on one attribute: check them the slow way
        if not keyed:
            self.general.append((attr_id, key, checks))
            return
        rest = [c for c in first if c not in keyed]
        pattern = (attr_id, key, [rest, *checks[1:]])
        cols = tuple(c[0] for c in keyed)
        table = self.tables.setdefault(cols, defaultdict(list))
        for values in product(*([c[2]] if c[1] == "eq" else sorted(c[2]) for c in keyed)):
            table[values if len(values) > 1 else values[0]].append(pattern)

    def _ok(self, checks: list[Check], row: tuple[int, ...]) -> bool:
        for col, kind, value in checks:
            x = row[col]
            if kind == "eq":
                if x != value:
                    return False
            elif kind == "in":
                if x not in value:
                    return False
            elif kind == "not_in":
                if x in value:
                    return False
            else:
                cache_key = (id(value), x)
                hit = self._regex_cache.get(cache_key)
                if hit is None:
                    hit = self._regex_cache[cache_key] = bool(value.search(self.strings[x]))
                if not hit:
                    return False
        return True

    def _first(self, row: tuple[int, ...]) -> list[Pattern]:
        """Patterns whose first token matches a token with these attributes."""
        found = []
        for getter, table in self.kinds:
            hit = table.get(getter(row))
            if hit:
                found += [p for p in hit if self._ok(p[2][0], row)]
        found += [p for p in self.general if self._ok(p[2][0], row)]
        return found

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """Every (attr_id, key, start, end) spaCy's Matcher finds, sorted as the ruler
        sorts them."""
        rows = [tuple(r) for r in doc.to_array(_COLUMNS).tolist()] if len(doc) else []
        n = len(rows)
        out = []
        memo = self._memo
        if len(memo) > 200_000:
            memo.clear()
        for i, row in enumerate(rows):
            found = memo.get(row)
            if found is None:
                found = memo[row] = self._first(row)
            for attr_id, key, checks in found:
                end = i + len(checks)
                if end == i + 1 or end <= n and all(
                        self._ok(c, rows[i + k]) for k, c in enumerate(checks[1:], 1)):
                    out.append((attr_id, key, i, end))
        out.sort()
        return out

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        """As AttributeRuler.set_annotations, without building a Span per match."""
        ruler = self.ruler
        for attr_id, _key, start, end in matches:
            index = ruler.indices[attr_id]
            pos = start + index if index >= 0 else end + index
            if not start <= pos < end:
                AttributeRuler.set_annotations(ruler, doc, [(attr_id, _key, start, end)])
                continue
            set_token_attrs(doc[pos], ruler.attrs[attr_id])


def cache_lemmas(nlp: Language) -> bool:
    """Make the rule lemmatizer array-based and cached; False if it is not one."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule":
        return False
    base = type(lemmatizer)
    lemmatizer.__class__ = type(f"Cached{base.__name__}", (_CachedLemmas, base), {})
    return True


class _CachedLemmas(Lemmatizer):
    """Lemmatizer.__call__ over arrays, with lemmas cached by (ORTH, POS, MORPH)."""

    _lemma_ids: dict[tuple[int, int, int], int]

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        if not self._validated:
            return super().__call__(doc)
        if not hasattr(self, "_lemma_ids") or len(self._lemma_ids) > 500_000:
            self._lemma_ids = {}
        ids = self._lemma_ids
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if self.overwrite or lemma == 0:
                key = (orth, pos, morph)
                found = ids.get(key)
                if found is None:
                    found = ids[key] = self.vocab.strings.add(self.lemmatize(doc[i])[0])
                lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

"""Statistical fallback classifier: event type and stance of one news sentence.

Covers what the dependency patterns and the predicate lexicon miss. Trained at run time
(about 1 s) on the project's own ``data/training/statements.jsonl``; no pickles.

Features: word uni+bigram TF-IDF over lower-cased tokens in which numbers become ``<num>``,
capitalised words become ``<name>`` (sentence-initially only when the word never occurs in
lower case in the training text), ``-ize`` is spelt ``-ise``, and up to three words after a
negator (not, never, n't, no, refuse, decline, ...) in the same clause are prefixed ``NEG_``;
plus character 3-5-gram TF-IDF (word-bounded) over the same text without negation marks.
Models: one ``LinearSVC(C=1, class_weight="balanced")`` per head (event type; stance with
classes support/oppose/neutral/no_comment/none); probabilities are a softmax over the margins
with one temperature fitted on 3-fold out-of-fold margins of the training data.

5-fold cross-validation stratified by event type on the 1,350 training sentences (``--cv``):

    event type (19 classes)  macro-F1 0.706  accuracy 0.709   (seeds 1, 2: 0.706/0.710, 0.708/0.711)
    stance (5 classes)       macro-F1 0.616  accuracy 0.776   (seeds 1, 2: 0.638/0.778, 0.624/0.776)
"""

from __future__ import annotations

import argparse
import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
from scipy.optimize import minimize_scalar
from scipy.sparse import csr_matrix, hstack
from scipy.special import log_softmax, softmax
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import LinearSVC

_TOK = re.compile(r"n't|\d+(?:[.,]\d+)*|[^\W\d_]+(?:['-][^\W\d_]+)*|[^\w\s]")
_IZE = re.compile(r"(?<=\w\w)iz(?=e|ed|es|ing|ation|ations)$")
_NEG = frozenset({"not", "never", "no", "neither", "nor", "n't", "without", "cannot", "refuse",
                  "refused", "refuses", "refusing", "decline", "declined", "declines", "declining"})
_CLAUSE = frozenset({",", ";", ":", ".", "!", "?", "but", "although", "while", "whereas"})
_NEG_WINDOW = 3
NO_STANCE = "none"


@dataclass(frozen=True, slots=True)
class Prediction:
    """Most probable event type and stance of one sentence, with their probabilities."""

    event_type: str
    event_prob: float
    stance: str | None
    stance_prob: float


class _Normaliser:
    """Tokenises and normalises sentences; remembers which words occur in lower case."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.lower = {w for t in texts for w in _TOK.findall(t.replace("’", "'")) if w.islower()}

    def tokens(self, text: str) -> list[str]:
        out: list[str] = []
        text = text.replace("’", "'").replace("n't", " n't")
        for i, w in enumerate(_TOK.findall(text)):
            if w[0].isdigit():
                out.append("<num>")
            elif w[0].isupper() and (i > 0 or w.lower() not in self.lower):
                if not out or out[-1] != "<name>":
                    out.append("<name>")
            else:
                out.append(_IZE.sub("is", w.lower()))
        return out

    def docs(self, texts: Sequence[str]) -> tuple[list[str], list[str]]:
        """Return (negation-marked, plain) normalised strings."""
        marked, plain = [], []
        for text in texts:
            toks, neg, left = self.tokens(text), [], 0
            for w in toks:
                if w in _CLAUSE:
                    left = 0
                if w in _NEG:
                    neg.append(w)
                    left = _NEG_WINDOW
                    continue
                neg.append("NEG_" + w if left > 0 and w[0].isalpha() else w)
                left -= 1
            marked.append(" ".join(neg))
            plain.append(" ".join(toks))
        return marked, plain


class _Head:
    """Linear SVM whose margins are turned into probabilities by a fitted softmax temperature."""

    def __init__(self, x: csr_matrix, y: np.ndarray, seed: int, c: float = 1.0) -> None:
        def svm() -> LinearSVC:
            return LinearSVC(C=c, class_weight="balanced", random_state=seed)

        self.svm = svm().fit(x, y)
        self.classes: np.ndarray = self.svm.classes_
        margins = np.zeros((len(y), len(self.classes)))
        for fit, held in StratifiedKFold(3, shuffle=True, random_state=seed).split(x, y):
            inner = svm().fit(x[fit], y[fit])
            cols = np.searchsorted(self.classes, inner.classes_)
            margins[np.ix_(held, cols)] = inner.decision_function(x[held])
        gold = (np.arange(len(y)), np.searchsorted(self.classes, y))

        def nll(log_t: float) -> float:
            return float(-log_softmax(margins * np.exp(log_t), axis=1)[gold].mean())

        self.temperature = float(np.exp(minimize_scalar(nll, bounds=(-3, 5), method="bounded").x))

    def proba(self, x: csr_matrix) -> np.ndarray:
        return softmax(self.svm.decision_function(x) * self.temperature, axis=1)


class StatementClassifier:
    """Event-type and stance classifier over plain sentences."""

    def __init__(self, texts: Sequence[str], events: Sequence[str], stances: Sequence[str],
                 seed: int = 0) -> None:
        self._norm = _Normaliser(texts)
        marked, plain = self._norm.docs(texts)
        self._words = TfidfVectorizer(token_pattern=r"\S+", lowercase=False, ngram_range=(1, 2),
                                      sublinear_tf=True).fit(marked)
        self._chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2,
                                      sublinear_tf=True).fit(plain)
        x = self._features(texts)
        self._event = _Head(x, np.asarray(events), seed)
        self._stance = _Head(x, np.asarray(stances), seed)

    @classmethod
    def train(cls, path: Path | None = None, seed: int = 0) -> StatementClassifier:
        """Train on a statements JSONL file (default: the bundled training data)."""
        texts, events, stances = load_training(path)
        return cls(texts, events, stances, seed)

    def _features(self, texts: Sequence[str]) -> csr_matrix:
        marked, plain = self._norm.docs(texts)
        return hstack([self._words.transform(marked), self._chars.transform(plain)]).tocsr()

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        """Predict event type and stance for each sentence."""
        if not texts:
            return []
        x = self._features(list(texts))
        pe, ps = self._event.proba(x), self._stance.proba(x)
        ie, is_ = pe.argmax(axis=1), ps.argmax(axis=1)
        stances = [str(self._stance.classes[s]) for s in is_]
        return [Prediction(str(self._event.classes[e]), float(pe[row, e]),
                           None if stance == NO_STANCE else stance, float(ps[row, s]))
                for row, (e, s, stance) in enumerate(zip(ie, is_, stances, strict=True))]

    def predict_one(self, text: str) -> Prediction:
        """Predict event type and stance for one sentence."""
        return self.predict([text])[0]


def load_training(path: Path | None = None) -> tuple[list[str], list[str], list[str]]:
    """Read (texts, event types, stances) from a statements JSONL file; null stance -> 'none'."""
    res = resources.files("stancemap.data") / "training" / "statements.jsonl"
    raw = Path(path).read_text("utf-8") if path else res.read_text("utf-8")
    rows = [json.loads(line) for line in raw.splitlines() if line.strip()]
    return ([r["text"] for r in rows], [r["event_type"] for r in rows],
            [r.get("stance") or NO_STANCE for r in rows])


@functools.lru_cache(maxsize=1)
def default_classifier() -> StatementClassifier:
    """The classifier trained on the bundled data, once per process."""
    return StatementClassifier.train()


def cross_validate(path: Path | None = None, folds: int = 5, seed: int = 0) -> dict[str, float]:
    """Stratified (by event type) k-fold macro-F1 and accuracy for both heads."""
    texts, events, stances = (np.asarray(v, dtype=object) for v in load_training(path))
    pred_e, pred_s = np.empty_like(events), np.empty_like(stances)
    for fit, held in StratifiedKFold(folds, shuffle=True, random_state=seed).split(texts, events):
        clf = StatementClassifier(list(texts[fit]), list(events[fit]), list(stances[fit]), seed)
        preds = clf.predict(list(texts[held]))
        pred_e[held] = [p.event_type for p in preds]
        pred_s[held] = [p.stance or NO_STANCE for p in preds]
    ye, pe, ys, ps = (a.astype(str) for a in (events, pred_e, stances, pred_s))
    return {"event_macro_f1": f1_score(ye, pe, average="macro"),
            "event_accuracy": accuracy_score(ye, pe),
            "stance_macro_f1": f1_score(ys, ps, average="macro"),
            "stance_accuracy": accuracy_score(ys, ps)}


def main(argv: Sequence[str] | None = None) -> None:
    """CLI: ``--cv`` prints cross-validation figures; otherwise classifies the given sentences."""
    ap = argparse.ArgumentParser(prog="python -m stancemap.classify", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv", action="store_true", help="print stratified k-fold CV figures")
    ap.add_argument("--folds", type=int, default=5, help="CV folds (default 5)")
    ap.add_argument("--seed", type=int, default=0, help="training/CV seed (default 0)")
    ap.add_argument("--data", type=Path, default=None, help="statements JSONL (default: bundled)")
    ap.add_argument("sentences", nargs="*", help="sentences to classify")
    args = ap.parse_args(argv)
    if args.cv:
        m = cross_validate(args.data, args.folds, args.seed)
        print(f"{args.folds}-fold stratified CV (seed {args.seed})")
        for head in ("event", "stance"):
            f1, acc = m[f"{head}_macro_f1"], m[f"{head}_accuracy"]
            print(f"{head:<7} macro-F1 {f1:.3f}  accuracy {acc:.3f}")
    if args.sentences:
        clf = StatementClassifier.train(args.data, args.seed)
        for text, p in zip(args.sentences, clf.predict(args.sentences), strict=True):
            print(f"{p.event_type}\t{p.event_prob:.2f}\t{p.stance}\t{p.stance_prob:.2f}\t{text}")


if __name__ == "__main__":
    main()

"""The trained statement classifier, kept on disk between runs.

Training takes about a second; loading the pickled model a few milliseconds. The cache key
covers everything training depends on (the bundled training data, the classifier's source,
the library versions), so a change to any of them retrains. The cache lives in
``$STANCEMAP_CACHE`` or ``$XDG_CACHE_HOME/stancemap`` (``~/.cache/stancemap``); any problem
reading or writing it falls back to training in memory.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import os
import pickle
import sys
import tempfile
from importlib import resources
from pathlib import Path

import numpy
import scipy
import sklearn

from . import classify
from .classify import StatementClassifier


def cache_dir() -> Path:
    if os.environ.get("STANCEMAP_CACHE"):
        return Path(os.environ["STANCEMAP_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "stancemap"


def _key() -> str:
    training = resources.files("stancemap.data") / "training" / "statements.jsonl"
    h = hashlib.sha256()
    for part in (training.read_bytes(), inspect.getsource(classify).encode(),
                 f"{sys.version}|{numpy.__version__}|{scipy.__version__}|"
                 f"{sklearn.__version__}".encode()):
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()[:24]


@functools.lru_cache(maxsize=1)
def classifier() -> StatementClassifier:
    """The classifier trained on the bundled data: from the cache, else trained (and
    cached)."""
    try:
        path = cache_dir() / f"classifier-{_key()}.pickle"
    except OSError:
        return classify.default_classifier()
    try:
        with path.open("rb") as fh:
            model = pickle.load(fh)
        if isinstance(model, StatementClassifier):
            return model
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    model = classify.default_classifier()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as tmp:
            pickle.dump(model, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)
    except OSError:
        pass
    return model

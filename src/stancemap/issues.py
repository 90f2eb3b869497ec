"""The user's issues file (YAML): the issues to track and the actors to watch."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .errors import StancemapError
from .models import Issue
from .yamlio import load_yaml

_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@dataclass(slots=True)
class IssuesFile:
    issues: list[Issue] = field(default_factory=list)
    watch: list[str] = field(default_factory=list)


def load_issues(path: Path) -> IssuesFile:
    """Parse and validate an issues file; errors name the file and the problem."""
    try:
        data = load_yaml(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise StancemapError(f"cannot read issues file {path}: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise StancemapError(f"{path}: not valid YAML ({exc.__class__.__name__})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("issues"), list):
        raise StancemapError(f"{path}: expected a mapping with an 'issues' list")
    issues = [_issue(path, n, item) for n, item in enumerate(data["issues"], 1)]
    ids = [i.id for i in issues]
    if len(set(ids)) != len(ids):
        raise StancemapError(f"{path}: issue ids must be unique")
    watch = (data.get("watch") or {}).get("actors") or []
    return IssuesFile(issues, [str(a) for a in watch])


def _issue(path: Path, n: int, item: Any) -> Issue:
    if not isinstance(item, dict) or not item.get("id") or not item.get("title"):
        raise StancemapError(f"{path}: issue {n} needs an 'id' and a 'title'")
    issue_id = str(item["id"])
    if not _SLUG.match(issue_id):
        raise StancemapError(f"{path}: issue id {issue_id!r} must be a lower-case slug")
    since = item.get("since")
    if isinstance(since, date):
        since = since.isoformat()
    keywords = item.get("keywords") or []
    if not isinstance(keywords, list):
        raise StancemapError(f"{path}: keywords of {issue_id} must be a list")
    return Issue(issue_id, str(item["title"]), str(item.get("description") or ""),
                 [str(k) for k in keywords], str(since) if since else None)

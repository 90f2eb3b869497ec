"""The actor knowledge base: states, organisations, people with dated roles, and the
institution and role phrases that attach to them. Loaded from the project's data files
(``stancemap/data``) plus any user files (YAML, or PETRARCH/Phoenix actor dictionaries).
"""

from __future__ import annotations

import csv
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from . import petrarch
from .errors import StancemapError
from .models import Actor, Alias, Role
from .textnorm import plural, slug, tokens
from .yamlio import load_yaml

METONYM_KINDS = {"capital", "seat"}


@dataclass(frozen=True, slots=True)
class Entry:
    """What one normalised alias may refer to."""

    actor: str
    kind: str


@dataclass
class KnowledgeBase:
    actors: dict[str, Actor] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    sectors: dict[str, str] = field(default_factory=dict)
    institutions: dict[tuple[str, ...], str] = field(default_factory=dict)
    role_phrases: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)
    fingerprint: str = ""

    def __post_init__(self) -> None:
        self.index: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
        self.offices: dict[tuple[str | None, str], list[Role]] = defaultdict(list)
        self.person_roles: dict[str, list[Role]] = defaultdict(list)
        self.plurals: set[str] = set()  # plural last words of role phrases ("presidents")
        self.cased: set[tuple[str, ...]] = set()  # acronyms: "UN" matches, "un" does not
        self.members: dict[str, list[str]] = {}  # region group -> member states

    # --- building ---------------------------------------------------------------------

    def add_actor(self, actor: Actor, origin: str) -> None:
        """Add an actor; one already known keeps its values where the new one has none."""
        old = self.actors.get(actor.id)
        if old is not None:
            actor = Actor(actor.id, actor.name or old.name, old.type if origin == "text"
                          else actor.type, old.country or actor.country, old.sector or actor.sector)
        self.actors[actor.id] = actor
        self.origin.setdefault(actor.id, origin)

    def add_alias(self, alias: Alias) -> None:
        key = tokens(alias.text)
        if not key:
            return
        self.aliases.append(alias)
        bare = alias.text.replace(".", "")
        if len(key) == 1 and len(bare) <= 5 and bare.isupper():
            self.cased.add(key)
        entry = Entry(alias.actor, alias.kind)
        if entry not in self.index[key]:
            self.index[key].append(entry)

    def add_role(self, role: Role) -> None:
        self.roles.append(role)
        self.offices[(role.country, role.role)].append(role)
        self.person_roles[role.person].append(role)

    # --- lookups ----------------------------------------------------------------------

    def lookup(self, text: str) -> list[Entry]:
        return list(self.index.get(tokens(text), []))

    def sector_actor(self, country: str, sector: str | None) -> Actor:
        """The state itself, or one of its sectors ("KAZGOV": Kazakhstan government)."""
        state = self.actors[country]
        if not sector:
            return state
        actor_id = f"{country}{sector}"
        if actor_id not in self.actors:
            name = f"{state.name} {self.sectors.get(sector, sector.lower())}"
            self.add_actor(Actor(actor_id, name, "state", country, sector), "kb")
        return self.actors[actor_id]

    def holder(self, country: str | None, role: str, day: str | None) -> Actor | None:
        """Who held ``role`` for ``country`` on ``day`` (the latest holder if no day)."""
        held = self.offices.get((country, role), [])
        if day:
            held = [r for r in held if r.holds_on(day)]
        if not held:
            return None
        best = max(held, key=lambda r: r.start or "")
        return self.actors.get(best.person)

    def holds_any(self, person: str, day: str | None, role: str | None = None) -> bool:
        return any((day is None or r.holds_on(day)) and (role is None or r.role == role)
                   for r in self.person_roles.get(person, []))



# --- loading --------------------------------------------------------------------------


def load(user_files: Iterable[Path] = ()) -> KnowledgeBase:
    """The bundled knowledge base, extended by the user's files."""
    kb = KnowledgeBase()
    digest = hashlib.sha256()
    data = resources.files("stancemap.data")
    _load_lexicon(kb, load_yaml((data / "institutions.yaml").read_text("utf-8")))
    states_csv = (data / "states.csv").read_text("utf-8")
    digest.update(states_csv.encode())
    _load_states(kb, csv.DictReader(states_csv.splitlines()))
    for item in sorted(data.iterdir(), key=lambda p: p.name):
        if item.name.startswith(("organizations", "people")) and item.name.endswith(".yaml"):
            text = item.read_text("utf-8")
            digest.update(text.encode())
            _load_entries(kb, load_yaml(text) or [], origin="kb")
    regions = (data / "regions.yaml").read_text("utf-8")
    digest.update(regions.encode())
    for region in load_yaml(regions):
        kb.add_actor(Actor(region["id"], region["name"], "group"), "kb")
        kb.members[region["id"]] = list(region["members"])
        for text in region["aliases"]:
            kb.add_alias(Alias(region["id"], text, "name"))
    for path in user_files:
        digest.update(_load_user_file(kb, Path(path)))
    digest.update((data / "institutions.yaml").read_bytes())
    kb.fingerprint = digest.hexdigest()[:16]
    return kb


def _load_lexicon(kb: KnowledgeBase, lex: dict[str, Any]) -> None:
    kb.sectors = dict(lex["sectors"])
    for phrase, sector in lex["phrases"].items():
        for form in _forms(phrase):
            kb.institutions[form] = sector
    for phrase, (role, sector) in lex["roles"].items():
        for form in _forms(phrase):
            kb.role_phrases[form] = (role, sector)
        kb.plurals.add(_forms(phrase)[1][-1])


def _forms(phrase: str) -> list[tuple[str, ...]]:
    key = tokens(phrase)
    return [key, (*key[:-1], plural(key[-1]))]


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _load_states(kb: KnowledgeBase, rows: Iterable[dict[str, str]]) -> None:
    for row in rows:
        iso3 = row["iso3"].strip()
        kb.add_actor(Actor(iso3, row["name"].strip(), "state", iso3, None), "kb")
        kb.add_alias(Alias(iso3, row["name"].strip(), "name"))
        for kind, column in (("name", "aliases"), ("demonym", "demonyms"),
                             ("capital", "capitals"), ("seat", "seats")):
            for text in _split(row.get(column)):
                kb.add_alias(Alias(iso3, text, kind))
        for item in _split(row.get("former_capitals")):
            name, _, years = item.partition("@")
            start, _, end = years.partition("-")
            kb.add_alias(Alias(iso3, name, "capital", start or None, end or None))


def _load_entries(kb: KnowledgeBase, entries: list[dict[str, Any]], origin: str) -> None:
    for entry in entries:
        actor = _actor(entry)
        kb.add_actor(actor, origin)
        names = [actor.name, *(entry.get("aliases") or [])]
        for text in dict.fromkeys(str(n) for n in names):
            kind = "surname" if actor.type == "person" and len(tokens(text)) == 1 else "name"
            kb.add_alias(Alias(actor.id, text, kind))
        for text in entry.get("seats") or []:
            kb.add_alias(Alias(actor.id, str(text), "seat"))
        for role in entry.get("roles") or []:
            kb.add_role(Role(actor.id, str(role["role"]), role.get("country") or actor.country,
                             str(role.get("title") or role["role"]), _date(role.get("start")),
                             _date(role.get("end"))))


def _actor(entry: dict[str, Any]) -> Actor:
    try:
        name = str(entry["name"])
    except (KeyError, TypeError) as exc:
        raise StancemapError(f"knowledge-base entry without a name: {entry!r:.80}") from exc
    kind = entry.get("type") or ("person" if entry.get("roles") or
                                 str(entry.get("id", "")).startswith("person:") else "organization")
    actor_id = entry.get("id") or f"{'person' if kind == 'person' else 'org'}:{slug(name)}"
    sector = entry.get("sector") or ("GOV" if kind == "person" and entry.get("roles") else None)
    return Actor(str(actor_id), name, kind, entry.get("country"), sector)


def _date(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def _load_user_file(kb: KnowledgeBase, path: Path) -> bytes:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise StancemapError(f"cannot read knowledge-base file {path}: {exc.strerror}") from exc
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            data = load_yaml(raw) or []
        except yaml.YAMLError as exc:
            raise StancemapError(f"{path}: not valid YAML ({exc.__class__.__name__})") from exc
        entries = data.get("actors", []) if isinstance(data, dict) else data
        _load_entries(kb, entries, origin=f"user:{path.name}")
    else:
        entries = petrarch.parse(raw.decode("utf-8", errors="replace"))
        _load_entries(kb, [e for e in entries if e["name"]], origin=f"petrarch:{path.name}")
    return raw

"""The data model: every record stancemap reads, derives, stores and exports.

One file on purpose: read it top to bottom to know what flows between the stages
(ingest -> nlp -> extract -> link -> store -> export). Every record derived from text
carries the document id and character offsets into ``Document.text``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ActorType = Literal["state", "person", "organization", "group", "other"]
Stance = Literal["support", "oppose", "neutral", "no_comment", "ambiguous", "contested"]
Modality = Literal["asserted", "reported", "informal", "denied", "hypothetical"]


# --- knowledge base -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Actor:
    """A state, person, organisation or group, as the contract's Actor object."""

    id: str
    name: str
    type: ActorType
    country: str | None = None
    sector: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "country": self.country,
            "sector": self.sector,
        }


@dataclass(frozen=True, slots=True)
class Alias:
    """One surface form of an actor. ``kind`` says what sort of name it is.

    kinds: name, short, former, acronym, demonym, capital, seat, surname, given.
    ``valid_from``/``valid_to`` (YYYY-MM-DD) bound names that held only for a time.
    """

    actor: str
    text: str
    kind: str = "name"
    valid_from: str | None = None
    valid_to: str | None = None


@dataclass(frozen=True, slots=True)
class Role:
    """An office a person held: ``role`` is a code such as head_of_state."""

    person: str
    role: str
    country: str | None
    title: str
    start: str | None = None
    end: str | None = None

    def holds_on(self, day: str) -> bool:
        """True if the role was held on ``day`` (YYYY, YYYY-MM or YYYY-MM-DD); dates of
        different precision are compared on what both give."""
        if self.start and day[: len(self.start)] < self.start[: len(day)]:
            return False
        return not (self.end and day[: len(self.end)] > self.end[: len(day)])


@dataclass(slots=True)
class Issue:
    """A question of position from the user's issues file."""

    id: str
    title: str
    description: str = ""
    keywords: list[str] = field(default_factory=list)
    since: str | None = None


# --- ingest ---------------------------------------------------------------------------


@dataclass(slots=True)
class Source:
    """One input as read, before cleaning: raw bytes or text plus what is known of it."""

    uri: str
    data: bytes | str
    kind: Literal["text", "html"]
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    overrides: dict[str, str] = field(default_factory=dict)  # manifest values win


@dataclass(slots=True)
class Document:
    """A cleaned article; ``text`` is what all offsets refer to."""

    id: str
    uri: str
    text: str
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    author: str | None = None
    language: str | None = None
    duplicate_of: str | None = None

    @property
    def chars(self) -> int:
        return len(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "uri": self.uri,
            "title": self.title,
            "published": self.published,
            "publisher": self.publisher,
            "language": self.language,
            "chars": self.chars,
            "duplicate_of": self.duplicate_of,
            "text": self.text,
        }


# --- nlp ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sentence:
    doc: str
    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a document resolved to an actor, with how it was resolved."""

    doc: str
    start: int
    end: int
    text: str
    actor: Actor
    method: str
    sentence: int = -1
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "actor": self.actor.to_dict(),
            "method": self.method,
        }


# --- extract and link (filled by later stages) ----------------------------------------


@dataclass(slots=True)
class Statement:
    id: str
    doc: str
    sentence: str
    start: int
    end: int
    actor: Actor
    event_type: str
    target: Actor | None = None
    issue: str | None = None
    stance: str | None = None
    date: str | None = None
    reported_by: Actor | None = None
    modality: str = "asserted"
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for key in ("actor", "target", "reported_by"):
            value = getattr(self, key)
            d[key] = value.to_dict() if value else None
        return d


@dataclass(slots=True)
class Position:
    actor: Actor
    issue: str
    stance: str
    as_of: str | None
    confidence: float
    evidence: list[str] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["actor"] = self.actor.to_dict()
        return d


@dataclass(slots=True)
class Event:
    id: str
    event_type: str
    date: str | None
    actors: list[Actor] = field(default_factory=list)
    statements: list[str] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    kind: str = "statement"  # call, meeting, visit, summit, vote, statement or an act
    label: str = ""  # "call: Kyrgyzstan, Russia"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["actors"] = [a.to_dict() for a in self.actors]
        return d


@dataclass(slots=True)
class Discrepancy:
    id: str
    kind: str
    summary: str
    date: str | None
    statements: list[str] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    issue: str | None = None
    claims: list[str] = field(default_factory=list)  # numeric: the claim ids
    sides: list[dict[str, Any]] = field(default_factory=list)  # who says what, quoted
    score: float = 0.0  # significance, for ordering

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["actors"] = [a.to_dict() for a in self.actors]
        return d


@dataclass(slots=True)
class Claim:
    id: str
    doc: str
    sentence: str
    subject: str
    value: float
    unit: str
    as_of: str | None
    source: Actor | None
    group: str | None = None
    start: int = 0  # the sentence's character offsets in the document text
    end: int = 0
    qualifier: str | None = None  # hedge before the figure: "about", "more than" ...
    since: str | None = None  # start of the counted period, when the text gives one
    period: str = "total"  # "since" a date, one "day", or a "total"
    text: str = ""  # the figure as written: "About 98,000 Russian citizens"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["source"] = self.source.to_dict() if self.source else None
        return d


@dataclass(slots=True)
class Problem:
    """A bad input that was reported and skipped."""

    uri: str
    message: str

    def __str__(self) -> str:
        return f"{self.uri}: {self.message}"

"""Synthetic news corpus generator for benchmarks (``make bench``).

Writes realistic, varied articles about Central Asian diplomacy: stance statements with
negation and silence, reported readouts that disagree, analysts' commentary, numeric claims
with sources, relative and explicit dates, spelling variants and capital metonyms, and, with
probability ``messy``, scraped-page furniture. Sentence templates and vocabularies live in
``stancemap/data/corpusgen.yaml``. Output is deterministic for a seed and streamed to disk.
The content is synthetic: real officials appear with made-up statements, for testing only.

    python -m stancemap.corpusgen OUT_DIR N [--seed S] [--messy P]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .yamlio import load_yaml

MIN_WORDS, MAX_WORDS = 400, 900
_SLOT = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_ALT = re.compile(r"\[([^\[\]|]*(?:\|[^\[\]|]*)+)\]")
_KINDS = ("statement", "statement", "neutral", "silence", "call", "numbers", "analysis")
_POOL = ("background",) * 6 + ("analyst", "numeric") * 2 + ("quote", "meeting", "other")


@cache
def load_data() -> dict[str, Any]:
    """The template data (parsed once)."""
    res = resources.files("stancemap") / "data" / "corpusgen.yaml"
    return load_yaml(res.read_text(encoding="utf-8"))


def _valid(entry: dict[str, Any], day: date) -> bool:
    return entry.get("from", date.min) <= day <= entry.get("to", date.max)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _date_phrase(rng: random.Random, pub: date, day: date, dates: dict[str, Any]) -> str:
    """A relative or explicit phrase for ``day`` as written on ``pub``."""
    delta, wd = (pub - day).days, dates["weekdays"][day.weekday()]
    rel = {0: ["today", f"on {wd}"], 1: ["yesterday", "a day earlier", f"on {wd}"]}.get(delta)
    rel = rel or ([f"on {wd}"] if 2 <= delta <= 6 else [f"last {wd}"] if delta <= 13 else [])
    if rel and rng.random() < 0.65:
        return rng.choice(rel)
    with_year = day.year != pub.year or rng.random() < 0.2
    form = rng.choice(dates["explicit_year" if with_year else "explicit"])
    return form.format(d=day.day, m=dates["months"][day.month - 1], y=day.year)


class Ctx:
    """Slot values for one document: actors, issue, stances, dates, analyst."""

    def __init__(
        self, rng: random.Random, pub: date, data: dict[str, Any], counterpart: str | None = None
    ) -> None:
        self.rng, self.pub, self.data = rng, pub, data
        self.used: set[str] = set()
        self.spelling: dict[str, int] = {}
        states, a = data["states"], rng.choice(data["watch"])
        others = [c for c in data["counterparts"] if c != a]
        b = counterpart if counterpart and counterpart != a else rng.choice(others)
        c = rng.choice([s for s in sorted(states) if s not in (a, b)])
        self.actors = {"A": states[a], "B": states[b], "C": states[c]}
        self.codes = {"A": a, "B": b, "C": c}
        issues = {k: v for k, v in data["issues"].items() if v.get("since", date.min) <= pub}
        self.issue_id = rng.choice(sorted(issues))
        self.issue = issues[self.issue_id]
        fixed = data.get("stances", {})
        self.stance: dict[str, str] = {}
        for k, code in self.codes.items():
            rule = fixed.get(code, {})
            stance = rule.get(self.issue_id, rule.get("default"))
            self.stance[k] = stance or rng.choice(["support", "oppose"])
        self.vp = {k: self._vp(self.stance[k]) for k in "ABC"}
        an = data["analysts"]
        first, last = rng.choice(an["names"])
        self.analyst = (rng.choice(first), rng.choice(last))
        self.analyst_role, self.institute = rng.choice(an["roles"]), rng.choice(an["institutes"])

    def _vp(self, stance: str) -> str:
        return self.rng.choice(self.issue["sup" if stance == "support" else "opp"])

    def set_stance(self, stance: str) -> None:
        self.stance["A"] = stance
        if stance in ("support", "oppose"):
            self.vp["A"] = self._vp(stance)

    def act_date(self) -> date:
        lo, hi, _ = self.rng.choices(
            self.data["dates"]["act_delta"], [w for *_, w in self.data["dates"]["act_delta"]]
        )[0]
        return self.pub - timedelta(days=self.rng.randint(lo, hi))

    def _person(self, actor: dict[str, Any], role: str) -> dict[str, Any] | None:
        found = [p for p in actor.get("people", []) if p["role"] == role and _valid(p, self.pub)]
        return found[0] if found else None

    def _spell(self, person: dict[str, Any], field: str) -> str:
        """One spelling per person and document (variants differ across documents)."""
        key = person["names"][0]
        if key not in self.spelling:
            self.spelling[key] = self.rng.randrange(len(person["names"]))
        options = person[field]
        return options[self.spelling[key] % len(options)]

    def _capital(self, actor: dict[str, Any]) -> str:
        return next(c["name"] for c in actor["capitals"] if _valid(c, self.pub))

    def actor_slot(self, key: str, field: str) -> str:
        rng, actor = self.rng, self.actors[key]
        adj = rng.choice(actor["adj"])
        if field == "":
            return actor["names"][0] if rng.random() < 0.8 else rng.choice(actor["names"])
        if field == "adj":
            return adj
        if field == "capcity":
            return self._capital(actor)
        if field == "cap":
            return rng.choice([self._capital(actor)] * 3 + actor.get("metonyms", []))
        if field == "city":
            return rng.choice(actor["cities"] + [self._capital(actor)])
        if field == "org":
            return rng.choice(actor["orgs"]) if actor["orgs"] else self.fail()
        if field == "leader_role":
            return f"the {adj} {actor['leader_role']}"
        if field in ("leader", "leader_s", "fm"):
            person = self._person(actor, "fm" if field == "fm" else "leader")
            if person is None:
                return f"the {adj} {'foreign minister' if field == 'fm' else actor['leader_role']}"
            if field == "leader_s":
                return self._spell(person, "surnames")
            title, name = person["title"], self._spell(person, "names")
            form = rng.choice(self.data["forms"][field])
            return form.format(title=title, title_lc=title.lower(), name=name, adj=adj)
        if field == "mfa":
            form = rng.choice(actor.get("mfa") or self.data["forms"]["mfa"])
            return form.format(adj=adj, country=actor["names"][0])
        if field == "speaker":
            spox = [p for p in actor.get("people", []) if p["role"] == "spox"]
            voices = ["leader", "leader", "fm", "mfa", "leader_role"]
            pick = rng.choice(voices)
            if spox and rng.random() < 0.3:
                p = rng.choice(spox)
                return f"{p['title']} {self._spell(p, 'names')}"
            return self.actor_slot(key, pick)
        if field == "vp":
            return self.vp[key]
        return self.fail()

    @staticmethod
    def fail() -> str:
        raise KeyError("slot unavailable")

    def number(self, kind: str) -> str:
        spec = self.data["numbers"][kind]
        lo, hi = spec["range"]
        x = self.rng.randrange(lo, hi, spec["step"]) if "step" in spec else self.rng.uniform(lo, hi)
        xs = f"{x:,.0f}".replace(",", " ")
        return self.rng.choice(spec["formats"]).format(x=x, xs=xs, k=x / 1000, m=x / 1e6)

    def get(self, name: str) -> str:
        """Resolve one slot; raises KeyError if it cannot be filled."""
        d, rng = self.data, self.rng
        if name[0] in "ABC" and (len(name) == 1 or name[1] == "_"):
            return self.actor_slot(name[0], name[2:])
        months = d["dates"]["months"]
        simple: dict[str, Callable[[], str]] = {
            "issue": lambda: rng.choice(self.issue["np"]),
            "issue_short": lambda: rng.choice(self.issue["short"]),
            "sup": lambda: rng.choice(self.issue["sup"]),
            "opp": lambda: rng.choice(self.issue["opp"]),
            "date": lambda: _date_phrase(rng, self.pub, self.act_date(), d["dates"]),
            "date_long": lambda: self._long_date(months),
            "month": lambda: months[(self.pub.month - 2) % 12],
            "year": lambda: str(self.pub.year + 1),
            "analyst": lambda: " ".join(self.analyst),
            "analyst_s": lambda: self.analyst[1],
            "analyst_role": lambda: self.analyst_role,
            "institute": lambda: self.institute,
            "topic": lambda: rng.choice(d["topics"]),
            "head": lambda: rng.choice(d["heads"].get(self.stance["A"], ["on"])),
        }
        if name in simple:
            return simple[name]()
        if name.startswith("src_"):
            base = name[4:].removesuffix("_cap")
            text = self.fill(rng.choice(d["sources"][base]))
            return _cap(text) if name.endswith("_cap") else text
        return self.number(name)

    def _long_date(self, months: Sequence[str]) -> str:
        day = self.pub - timedelta(days=self.rng.randint(20, 200))
        form = self.rng.choice(self.data["dates"]["long"])
        return form.format(d=day.day, m=months[day.month - 1], y=day.year)

    def fill(self, template: str) -> str:
        text = _ALT.sub(lambda m: self.rng.choice(m.group(1).split("|")), template)
        return _SLOT.sub(lambda m: self.get(m.group(1)), text)

    def sentence(self, category: str, tries: int = 8) -> str:
        """A filled sentence from ``category`` (templates needing missing slots are skipped)."""
        templates = self.data["templates"][category]
        fresh = [t for t in templates if t not in self.used] or templates
        for _ in range(tries):
            template = self.rng.choice(fresh)
            try:
                text = self.fill(template)
            except KeyError:
                continue
            self.used.add(template)
            text = re.sub(r"(\w)s's\b", r"\1s'", text).replace(",,", ",")
            return _cap(text)
        return ""


def _recipe(ctx: Ctx, kind: str) -> list[str]:
    """The opening sentence categories for an article of ``kind``."""
    rng = ctx.rng
    if kind == "statement":
        ctx.set_stance(rng.choice(["support", "oppose", "oppose"]))
        extra = "denial" if ctx.stance["A"] == "oppose" and rng.random() < 0.4 else "quote"
        return ["lead", extra, "other", "analyst"]
    if kind == "neutral":
        ctx.set_stance("neutral")
        return ["neutral", "quote", "other", "hypothetical"]
    if kind == "silence":
        ctx.set_stance("no_comment")
        return ["silence", "other", "silence", "analyst"]
    if kind == "call":
        ctx.set_stance("support")
        gap = ["readout_gap"] if rng.random() < 0.5 else []
        return ["call", "readout", "readout_own", *gap, "meeting"]
    if kind == "numbers":
        return ["numeric", "numeric", "analyst", "numeric"]
    return ["analyst", "analyst", "lead" if rng.random() < 0.5 else "silence", "analyst"]


def _title(ctx: Ctx, kind: str) -> str:
    titles = ctx.data["titles"]
    key = kind if kind in ("call", "numbers", "analysis") else ctx.stance["A"]
    for _ in range(8):
        try:
            return _cap(ctx.fill(ctx.rng.choice(titles[key])))
        except KeyError:
            continue
    return _cap(ctx.fill("{A} and {B}: {issue_short}"))


def _words(text: str) -> int:
    return len(text.split())


def _furniture(
    ctx: Ctx, title: str, messy: bool, outlet: str, date_in_byline: bool
) -> tuple[list[str], list[str]]:
    """Header and footer lines (page furniture when ``messy``)."""
    rng, f = ctx.rng, ctx.data["furniture"]
    stamp = f"{ctx.pub.day:02d} {ctx.data['dates']['months'][ctx.pub.month - 1]} {ctx.pub.year}"
    byline = ctx.fill(rng.choice(f["bylines"]))
    if date_in_byline:
        byline += f" | {stamp}, {rng.randint(7, 22):02d}:{rng.choice(['00', '15', '40'])}"
    if not messy:
        head = [title, ""] + ([f"{byline} | {outlet}", ""] if rng.random() < 0.5 else [])
        return head, []
    sep, section = rng.choice(f["crumb_sep"]), rng.choice(f["sections"])
    tags = [ctx.actors[k]["names"][0] for k in "AB"] + [section, ctx.get("issue_short")]
    head = [
        sep.join(["Home", section, title]),
        f"Tags: {', '.join(tags)}",
        "",
        title,
        "",
        f"{byline} | {outlet}",
        "",
        rng.choice(f["share"]),
        "",
    ]
    related = [_title(ctx, rng.choice(_KINDS)) for _ in range(rng.randint(2, 4))]
    links = [f"[{i}] {rng.choice(f['footlinks'])}" for i in range(1, rng.randint(2, 4))]
    foot = [
        "",
        rng.choice(f["comments"]),
        "",
        rng.choice(f["related"]),
        *[f"- {r}" for r in related],
        "",
        rng.choice(f["footnotes"]),
        *links,
        "",
        f"{outlet} © {ctx.pub.year}. {rng.choice(f['script_lines'])}",
    ]
    return head, foot


def _article(
    rng: random.Random, pub: date, data: dict[str, Any], messy: bool, date_in_byline: bool
) -> tuple[str, str, str]:
    """Return (title, outlet, text) for one synthetic article."""
    kind = rng.choice(_KINDS)
    ctx = Ctx(rng, pub, data, "RUS" if kind == "call" and rng.random() < 0.7 else None)
    recipe = _recipe(ctx, kind)
    title, outlet = _title(ctx, kind), rng.choice(data["outlets"])
    head, foot = _furniture(ctx, title, messy, outlet, date_in_byline)
    budget = rng.randint(MIN_WORDS + 30, MAX_WORDS - 40) - _words("\n".join(head + foot))
    sentences = [s for s in (ctx.sentence(c) for c in recipe) if s]
    while sum(map(_words, sentences)) < budget:
        sentences.append(ctx.sentence(rng.choice(_POOL)))
    if rng.random() < 0.5:
        sentences.append(ctx.sentence("closing"))
    if rng.random() < 0.35:
        city = ctx.get("A_capcity").removeprefix("the ").upper()
        sentences[0] = f"{city} - {sentences[0]}"
    paras: list[str] = []
    i, notes = 0, 1
    while i < len(sentences):
        n = rng.choice((1, 2, 2, 3))
        chunk = [s for s in sentences[i : i + n] if s]
        i += n
        if messy and chunk and rng.random() < 0.2:
            chunk[-1] += f"[{notes}]"
            notes += 1
        if chunk:
            paras.append(" ".join(chunk))
        if messy and rng.random() < 0.08:
            paras.append(rng.choice(data["furniture"]["ads"]))
    while True:
        text = "\n".join([*head, "\n\n".join(paras), *foot])
        if _words(text) <= MAX_WORDS or len(paras) <= 2:
            return title, outlet, text.strip() + "\n"
        paras.pop(-2)


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:48].rstrip("-") or "article"


def generate(out_dir: Path, n_docs: int, seed: int = 0, messy: float = 0.3) -> Path:
    """Write n_docs synthetic articles (.txt) and a manifest.jsonl into out_dir.

    Returns the manifest path. Files are written one by one as they are generated.
    """
    data, out_dir = load_data(), Path(out_dir)
    start, span = data["period"]["start"], (data["period"]["end"] - data["period"]["start"]).days
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest = out_dir / "manifest.jsonl"
    with manifest.open("w", encoding="utf-8") as mf:
        for i in range(1, n_docs + 1):
            rng = random.Random(f"stancemap-corpusgen:{seed}:{i}")
            pub = start + timedelta(days=rng.randint(0, span))
            is_messy = rng.random() < messy
            undated = is_messy and rng.random() < 0.25
            title, outlet, text = _article(rng, pub, data, is_messy, undated)
            name = f"{i:06d}-{_slug(title)}.txt"
            (out_dir / name).write_text(text, encoding="utf-8")
            row: dict[str, str] = {"path": name}
            if not undated:
                row["published"] = pub.isoformat()
            row |= {"publisher": outlet, "title": title}
            if rng.random() < 0.5:
                row["url"] = f"https://{_slug(outlet)}.example/{pub:%Y/%m}/{_slug(title)}-{i}"
            mf.write(json.dumps(row, ensure_ascii=False) + "\n")
    return manifest


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m stancemap.corpusgen OUT_DIR N [--seed S] [--messy P]``."""
    parser = argparse.ArgumentParser(
        "python -m stancemap.corpusgen", description="Write a synthetic benchmark corpus."
    )
    parser.add_argument("out_dir", type=Path, help="folder for the articles and manifest.jsonl")
    parser.add_argument("n_docs", type=int, help="number of articles")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--messy",
        type=float,
        default=0.3,
        help="probability that an article carries scraped-page furniture",
    )
    args = parser.parse_args(argv)
    if args.n_docs < 0 or not 0.0 <= args.messy <= 1.0:
        parser.error("N must be >= 0 and --messy between 0 and 1")
    print(generate(args.out_dir, args.n_docs, seed=args.seed, messy=args.messy))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The two real scraped articles in ../shared/samples, end to end (skipped without them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SAMPLES
from stancemap.api import Stancemap

pytestmark = pytest.mark.skipif(not (SAMPLES / "manifest.jsonl").exists(),
                                reason="../shared/samples not present")


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict]]:  # type: ignore[type-arg]
    root = tmp_path_factory.mktemp("samples")
    with Stancemap(str(root / "s.db")) as app:
        report = app.ingest([], manifest=SAMPLES / "manifest.jsonl")
        assert report.added == 2 and not report.problems
        app.analyze()
        app.export(root / "out")
    return {name: [json.loads(x) for x in (root / "out" / f"{name}.jsonl").read_text().splitlines()]
            for name in ("documents", "mentions")}


def doc(export, prefix: str) -> dict:  # type: ignore[no-untyped-def, type-arg]
    return next(d for d in export["documents"] if Path(d["uri"]).name.startswith(prefix))


def resolved(export, prefix: str) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    d = doc(export, prefix)
    return {(m["text"], m["actor"]["id"]) for m in export["mentions"] if m["doc"] == d["id"]}


def test_documents_keep_manifest_dates_and_lose_furniture(export) -> None:  # type: ignore[no-untyped-def]
    azattyq, besa = doc(export, "azattyq"), doc(export, "besa")
    assert (azattyq["published"], besa["published"]) == ("2022-10-05", "2023-09-27")
    assert azattyq["publisher"] == "Azattyq (RFE/RL)"
    for d in (azattyq, besa):
        raw = (SAMPLES / Path(d["uri"]).name).read_text(encoding="utf-8")
        prose = [ln.strip() for ln in raw.splitlines()
                 if len(ln.split()) >= 12 and ln.rstrip().endswith((".", "”", "\"", ":"))]
        text = " ".join(d["text"].split())
        for line in prose:
            assert " ".join(line.split()).replace("[1]", "")[:60] in text
        for furniture in ("Home »", "Featured Global News", "Close this search box",
                          "Share this article", "Accessibility Toolbar", "Reference link",
                          "השארו"):
            assert furniture not in d["text"]


def test_names_variants_demonyms_and_capitals_resolve(export) -> None:  # type: ignore[no-untyped-def]
    azattyq = resolved(export, "azattyq")
    for pair in [
        ("Vladimir Putin", "person:vladimir-putin"), ("Kazakhstan", "KAZ"),
        ("Kazakh Foreign Ministry", "KAZGOV"), ("Aibek Smadiyarov", "person:aibek-smadiyarov"),
        ("Foreign Ministry of Uzbekistan", "UZBGOV"), ("Kyrgyzstan", "KGZ"),
        ("Tajikistan", "TJK"), ("Turkmenistan", "TKM"),
        ("official in the Kyrgyz government", "KGZGOV"), ("RFE/RL", "org:rferl"),
        ("Kassym-Jomart Tokayev", "person:kassym-jomart-tokayev"), ("Kyiv", "UKRGOV"),
        ("Tokayev’s administration", "KAZGOV"), ("CSTO", "org:csto"),
        ("Abdulaziz Komilov", "person:abdulaziz-kamilov"), ("Komilov", "person:abdulaziz-kamilov"),
        ("Tashkent", "UZBGOV"), ("Uzbek security forces", "UZBCOP"),
        ("Dmitry Medvedev", "person:dmitry-medvedev"), ("Shanghai Cooperation Organization",
                                                         "org:sco"),
        ("Beijing", "CHNGOV"), ("Moscow", "RUSGOV"), ("Kremlin", "RUSGOV"),
        ("Xi Jinping", "person:xi-jinping"), ("Kazakh authorities", "KAZGOV"),
        ("Abkhazia", "group:abkhazia"), ("Russian Federation", "RUS"),
    ]:
        assert pair in azattyq, pair
    besa = resolved(export, "besa")
    for pair in [
        ("Emomali Rahmon", "person:emomali-rahmon"), ("Rahmon", "person:emomali-rahmon"),
        ("Gurbanguly Berdymukhamedov", "person:gurbanguly-berdymukhamedov"),
        ("Serdar Berdymukhamedov", "person:serdar-berdymukhamedov"),
        ("Sadyr Zhaparov", "person:sadyr-japarov"), ("Mirziyoyev", "person:shavkat-mirziyoyev"),
        ("Abdulaziz Kamilov", "person:abdulaziz-kamilov"), ("Nazarbayev",
                                                            "person:nursultan-nazarbayev"),
        ("Uzbek foreign minister", "person:bakhtiyor-saidov"), ("Erdogan",
                                                                "person:recep-tayyip-erdogan"),
        ("Atambayev", "person:almazbek-atambayev"), ("Niyazov", "person:saparmurat-niyazov"),
        ("Nikol Pashinyan", "person:nikol-pashinyan"), ("Ashgabat", "TKMGOV"),
        ("EAEU", "org:eaeu"), ("CICA", "org:cica"), ("LNR", "group:lnr"), ("DNR", "group:dnr"),
        ("Parliament of Kazakhstan", "KAZLEG"), ("Russian Foreign Ministry", "RUSGOV"),
        ("Taiwan", "TWN"), ("Turkey", "TUR"), ("Israel", "ISR"),
    ]:
        assert pair in besa, pair
    assert ("Evgeniy Fedorov", "person:evgeniy-fedorov") in besa
    assert not any(a == "person:mykhailo-fedorov" for _, a in besa)


def test_offsets_match_the_cleaned_text(export) -> None:  # type: ignore[no-untyped-def]
    texts = {d["id"]: d["text"] for d in export["documents"]}
    for m in export["mentions"]:
        assert texts[m["doc"]][m["start"]:m["end"]] == m["text"]

"""The knowledge base: coverage, lookups, dated roles, user files, PETRARCH import."""

from __future__ import annotations

from pathlib import Path

import pytest

from stancemap import kb as kb_module
from stancemap.errors import StancemapError
from stancemap.kb import KnowledgeBase


def ids(kb: KnowledgeBase, text: str) -> set[str]:
    return {e.actor for e in kb.lookup(text)}


def test_every_un_member_and_observer_is_a_state(kb: KnowledgeBase) -> None:
    states = [a for a in kb.actors.values() if a.type == "state" and not a.sector]
    assert len(states) >= 195
    assert {"KAZ", "UZB", "KGZ", "TJK", "TKM", "VAT", "PSE"} <= {a.id for a in states}
    assert all(a.country == a.id for a in states)


@pytest.mark.parametrize(("text", "actor"), [
    ("Kazakhstan", "KAZ"), ("Kazakh", "KAZ"), ("Kazakhstani", "KAZ"), ("Kirghizia", "KGZ"),
    ("Kyrgyz Republic", "KGZ"), ("Uzbekistani", "UZB"), ("Tajik", "TJK"), ("Turkmen", "TKM"),
    ("Nur-Sultan", "KAZ"), ("Astana", "KAZ"), ("Tashkent", "UZB"), ("Ashgabat", "TKM"),
    ("Ashkhabad", "TKM"), ("Kremlin", "RUS"), ("Russian Federation", "RUS"), ("Kiev", "UKR"),
    ("Beijing", "CHN"), ("Washington", "USA"), ("U.S.", "USA"), ("Brussels", "org:eu"),
    ("CSTO", "org:csto"), ("Eurasian Economic Union", "org:eaeu"), ("SCO", "org:sco"),
    ("CICA", "org:cica"), ("OSCE", "org:osce"), ("CIS", "org:cis"), ("NATO", "org:nato"),
    ("DNR", "group:dnr"), ("Lugansk People's Republic", "group:lnr"),
])
def test_names_demonyms_capitals_and_organisations(kb: KnowledgeBase, text: str, actor: str
                                                   ) -> None:
    assert actor in ids(kb, text)


@pytest.mark.parametrize("variant", ["Tokayev", "Tokaev", "Kassym-Jomart Tokayev",
                                     "Kassym-Zhomart Tokayev", "Kasym-Zhomart Tokaev"])
def test_tokayev_variants(kb: KnowledgeBase, variant: str) -> None:
    assert ids(kb, variant) == {"person:kassym-jomart-tokayev"}


def test_people_sharing_a_name_stay_apart(kb: KnowledgeBase) -> None:
    rahmon, rustam = ids(kb, "Emomali Rahmon"), ids(kb, "Rustam Emomali")
    assert len(rahmon) == 1 and len(rustam) == 1 and rahmon != rustam
    serdar, gurbanguly = ids(kb, "Serdar Berdymukhamedov"), ids(kb, "Gurbanguly Berdymukhamedov")
    assert len(serdar) == 1 and len(gurbanguly) == 1 and serdar != gurbanguly
    assert ids(kb, "Berdymukhamedov") == serdar | gurbanguly


@pytest.mark.parametrize(("country", "role", "day", "name"), [
    ("KAZ", "head_of_state", "2014-03-18", "Nursultan Nazarbayev"),
    ("KAZ", "head_of_state", "2022-09-26", "Kassym-Jomart Tokayev"),
    ("TKM", "head_of_state", "2015", "Gurbanguly Berdymukhamedov"),
    ("TKM", "head_of_state", "2023-01-01", "Serdar Berdymukhamedov"),
    ("UZB", "foreign_minister", "2022-03-17", "Abdulaziz Kamilov"),
    ("RUS", "head_of_state", "2009-06-01", "Dmitry Medvedev"),
    ("USA", "foreign_minister", "2022-06-01", "Antony Blinken"),
])
def test_role_holders_by_date(kb: KnowledgeBase, country: str, role: str, day: str, name: str
                              ) -> None:
    holder = kb.holder(country, role, day)
    assert holder is not None and holder.name == name


def test_sector_actors_are_made_on_demand(kb: KnowledgeBase) -> None:
    gov = kb.sector_actor("KAZ", "GOV")
    assert (gov.id, gov.type, gov.country, gov.sector) == ("KAZGOV", "state", "KAZ", "GOV")


def test_user_yaml_extends_the_kb(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("""
actors:
  - name: Aigerim Seitkali
    country: KAZ
    aliases: [Seitkali, Aigerim Seytkali]
    roles:
      - {role: spokesperson, title: Spokesperson, country: KAZ, start: 2024-01-01}
  - id: org:steppe-forum
    name: Steppe Forum
    type: organization
    aliases: [SF]
""", encoding="utf-8")
    kb = kb_module.load([path])
    assert ids(kb, "Aigerim Seytkali") == {"person:aigerim-seitkali"}
    assert kb.holder("KAZ", "spokesperson", "2024-05-01").name == "Aigerim Seitkali"
    assert kb.actors["org:steppe-forum"].type == "organization"
    assert kb.fingerprint != kb_module.load().fingerprint


def test_petrarch_dictionary_import(tmp_path: Path) -> None:
    path = tmp_path / "actors.txt"
    path.write_text("""# Phoenix-style actor dictionary
ZHANNA_EXAMPLEOVA_
+Z._EXAMPLEOVA_
    [KAZGOV 150101-191231]
    [KAZELI >200101]
BOLAT_TESTBAYEV_  [UZBGOV]   ; comment
""", encoding="utf-8")
    kb = kb_module.load([path])
    assert ids(kb, "Zhanna Exampleova") == {"person:zhanna-exampleova"}
    assert ids(kb, "Z. Exampleova") == {"person:zhanna-exampleova"}
    assert kb.actors["person:zhanna-exampleova"].country == "KAZ"
    roles = kb.person_roles["person:zhanna-exampleova"]
    assert [(r.start, r.end) for r in roles] == [("2015-01-01", "2019-12-31"), ("2020-01-01", None)]
    assert kb.actors["person:bolat-testbayev"].country == "UZB"


def test_bad_user_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors: [ {name: x", encoding="utf-8")
    with pytest.raises(StancemapError, match="not valid YAML"):
        kb_module.load([bad])
    with pytest.raises(StancemapError, match="cannot read"):
        kb_module.load([tmp_path / "missing.yaml"])

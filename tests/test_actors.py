"""Actor resolution on sentences written for these tests."""

from __future__ import annotations

from conftest import pairs


def actor_of(mentions, text: str) -> str | None:  # type: ignore[no-untyped-def]
    found = [m.actor.id for m in mentions if m.text == text]
    return found[0] if found else None


def test_role_phrase_resolves_on_the_sentence_date(resolve) -> None:  # type: ignore[no-untyped-def]
    m = resolve("In 2014, the Kazakh president met business leaders in Almaty.", "2023-01-10")
    assert actor_of(m, "Kazakh president") == "person:nursultan-nazarbayev"
    m = resolve("The Kazakh president spoke at the forum on Friday.", "2022-06-20")
    assert actor_of(m, "Kazakh president") == "person:kassym-jomart-tokayev"
    m = resolve("Uzbekistan's foreign minister said the talks were useful.", "2022-03-20")
    assert actor_of(m, "Uzbekistan's foreign minister") == "person:abdulaziz-kamilov"


def test_capitals_are_metonyms_unless_they_are_places(resolve) -> None:  # type: ignore[no-untyped-def]
    m = resolve("Tashkent has been silent, and Ashgabat declined to comment.")
    assert actor_of(m, "Tashkent") == "UZBGOV"
    assert actor_of(m, "Ashgabat") == "TKMGOV"
    assert {x.method for x in m} == {"metonymy"}
    m = resolve("A rally was held outside the embassy in Tashkent by a Bishkek-based group.")
    assert actor_of(m, "Tashkent") is None and actor_of(m, "Bishkek") is None
    m = resolve("The Kremlin said Moscow's position had not changed.")
    assert actor_of(m, "Kremlin") == "RUSGOV" and actor_of(m, "Moscow") == "RUSGOV"


def test_institutions_resolve_to_state_sectors(resolve) -> None:  # type: ignore[no-untyped-def]
    m = resolve("The Kazakh Foreign Ministry issued a statement. Uzbek security forces "
                "dispersed the crowd. The press service of the President of Kyrgyzstan "
                "released a readout. The Ministry of Foreign Affairs of Tajikistan was silent.")
    got = dict(pairs(m))
    assert got["Kazakh Foreign Ministry"] == "KAZGOV"
    assert got["Uzbek security forces"] == "UZBCOP"
    assert got["press service of the President of Kyrgyzstan"] == "KGZGOV"
    assert got["Ministry of Foreign Affairs of Tajikistan"] == "TJKGOV"


def test_a_consul_in_another_country_is_not_its_official(resolve) -> None:  # type: ignore[no-untyped-def]
    m = resolve("Russia recalled its consul in Kazakhstan after the remarks.")
    assert "KAZGOV" not in {x.actor.id for x in m}


def test_name_with_title_and_demonym(resolve) -> None:  # type: ignore[no-untyped-def]
    m = resolve("Kazakh President Kassym-Jomart Tokayev met Russian President Vladimir Putin.")
    ids = [x.actor.id for x in m]
    assert "person:kassym-jomart-tokayev" in ids and "person:vladimir-putin" in ids
    assert "KAZGOV" not in ids and "RUSGOV" not in ids


def test_spelling_variants_not_listed_resolve_fuzzily(resolve) -> None:  # type: ignore[no-untyped-def]
    m = resolve("Kassym-Zhomart Tokaeff and Shavkat Mirzijoyev held talks in Samarkand.")
    got = {x.actor.id: x.method for x in m}
    assert got.get("person:kassym-jomart-tokayev") == "fuzzy"
    assert got.get("person:shavkat-mirziyoyev") == "fuzzy"


def test_father_and_son_never_merge(resolve) -> None:  # type: ignore[no-untyped-def]
    m = resolve("Emomali Rahmon praised his son Rustam Emomali. Serdar Berdymukhamedov "
                "succeeded his father Gurbanguly Berdymukhamedov in 2022. Later, "
                "Berdymukhamedov thanked the delegates.")
    got = pairs(m)
    assert ("Emomali Rahmon", "person:emomali-rahmon") in got
    assert ("Rustam Emomali", "person:rustam-emomali") in got
    assert ("Serdar Berdymukhamedov", "person:serdar-berdymukhamedov") in got
    assert ("Gurbanguly Berdymukhamedov", "person:gurbanguly-berdymukhamedov") in got
    # the bare surname goes to the one named last
    assert got[-1] == ("Berdymukhamedov", "person:gurbanguly-berdymukhamedov")


def test_surname_with_another_given_name_is_someone_else(resolve) -> None:  # type: ignore[no-untyped-def]
    m = resolve("Duma deputy Yevgeny Lavrov, no relation, criticised the plan.")
    assert "person:sergey-lavrov" not in {x.actor.id for x in m}


def test_acronyms_are_case_sensitive(resolve) -> None:  # type: ignore[no-untyped-def]
    m = resolve("The UN said the US would help us.")
    assert [x.actor.id for x in m] == ["org:un", "USA"]


def test_unknown_people_become_actors_linked_by_surname(resolve) -> None:  # type: ignore[no-untyped-def]
    m = resolve("Analyst Dana Kairatova of the Steppe Institute spoke first. "
                "Kairatova said the region was cautious.")
    ids = [x.actor.id for x in m if x.actor.type == "person"]
    assert ids == ["person:dana-kairatova", "person:dana-kairatova"]
    assert [x.method for x in m if x.actor.type == "person"] == ["ner", "partial"]


def test_offsets_point_at_the_text(resolve) -> None:  # type: ignore[no-untyped-def]
    text = "After talks, Japarov and Mirziyoyev signed a border deal in Tashkent."
    for x in resolve(text):
        assert text[x.start:x.end] == x.text


def test_new_officials_take_the_state_their_title_names(resolve) -> None:  # type: ignore[no-untyped-def]
    found = {m.text: m.actor for m in resolve(
        "Timur Suleimenov, the deputy head of Kazakhstan's presidential administration, "
        "spoke in Brussels.", "2022-04-04")}
    assert found["Timur Suleimenov"].country == "KAZ"
    assert found["Timur Suleimenov"].sector == "GOV"
    titled = {m.text: m.actor for m in resolve("Kyrgyz official Almaz Isakov said so.")}
    assert titled["Almaz Isakov"].country == "KGZ"
    analyst = {m.text: m.actor for m in resolve(
        "Dana Seitkali, an analyst at Kazakhstan's Institute of Strategic Studies, said so.")}
    assert analyst["Dana Seitkali"].country is None


def test_sources_after_according_to_and_sentence_initial_surnames(resolve) -> None:  # type: ignore[no-untyped-def]
    assert pairs_of(resolve("According to Tashkent, the talks went well.")) == [
        ("Tashkent", "UZBGOV")]
    assert pairs_of(resolve("He arrived in Tashkent on Monday.")) == []  # a place
    assert ("Mirziyoyev", "person:shavkat-mirziyoyev") in pairs_of(
        resolve("Mirziyoyev expressed understanding of Russia's actions."))


def pairs_of(mentions):  # type: ignore[no-untyped-def]
    return [(m.text, m.actor.id) for m in mentions]


def test_what_one_article_says_of_a_person_stays_in_that_article(resolve) -> None:  # type: ignore[no-untyped-def]
    alone = {m.text: m.actor for m in resolve("Sanjar Tokhtarov said so.")}
    resolve("Kazakh official Sanjar Tokhtarov said the talks went well.")
    after = {m.text: m.actor for m in resolve("Sanjar Tokhtarov said so.")}
    assert alone["Sanjar Tokhtarov"] == after["Sanjar Tokhtarov"]
    assert after["Sanjar Tokhtarov"].country is None

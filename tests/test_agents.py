"""Officials stand for their state on the date of the act; analysts stand for themselves."""

from stancemap.agents import Agents
from stancemap.models import Actor


def test_officials_represent_their_government_on_the_date(kb) -> None:  # type: ignore[no-untyped-def]
    agents = Agents(kb)
    tokayev = kb.actors["person:kassym-jomart-tokayev"]
    assert agents.represent(tokayev, "2022-06-17").id == "KAZGOV"
    assert agents.represent(tokayev, "2012-01-01") == tokayev  # at the UN then, not in office
    analyst = Actor("person:dana-kairatova", "Dana Kairatova", "person")
    assert agents.represent(analyst, "2022-06-17") is analyst
    spokesman = Actor("person:x-y", "X Y", "person", "UZB", "GOV")  # affiliated by a role phrase
    assert agents.represent(spokesman, None).id == "UZBGOV"
    assert agents.represent(kb.actors["KAZ"], None).id == "KAZ"

"""The MUC-4 evaluation: the answer-key format, the matching of templates to events, scoring.

The fixtures are invented messages and templates written in the MUC-4 file formats.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tacitus.errors import InputError
from tacitus.eval import muc4
from tacitus.model import CodedDocument, Document, Event, EventDate, Location, Quantity, Span

SLOTS = [
    "MESSAGE: ID", "MESSAGE: TEMPLATE", "INCIDENT: DATE", "INCIDENT: LOCATION",
    "INCIDENT: TYPE", "INCIDENT: STAGE OF EXECUTION", "INCIDENT: INSTRUMENT ID",
    "INCIDENT: INSTRUMENT TYPE", "PERP: INCIDENT CATEGORY", "PERP: INDIVIDUAL ID",
    "PERP: ORGANIZATION ID", "PERP: ORGANIZATION CONFIDENCE", "PHYS TGT: ID",
    "PHYS TGT: TYPE", "PHYS TGT: NUMBER", "PHYS TGT: FOREIGN NATION",
    "PHYS TGT: EFFECT OF INCIDENT", "PHYS TGT: TOTAL NUMBER", "HUM TGT: NAME",
    "HUM TGT: DESCRIPTION", "HUM TGT: TYPE", "HUM TGT: NUMBER", "HUM TGT: FOREIGN NATION",
    "HUM TGT: EFFECT OF INCIDENT", "HUM TGT: TOTAL NUMBER",
]


def template(message: str, fills: dict[int, list[str]]) -> str:
    """One key block in the MUC-4 layout: slot label, value at column 36, one fill a line."""
    lines = []
    for n, label in enumerate(SLOTS):
        values = fills.get(n, ["*" if fills.get(1, ["*"])[0] == "*" else "-"])
        if n == 0:
            values = [f"{message} (NCCOSC)"]
        head = f"{n}.".ljust(4) + label
        lines.append(head.ljust(36) + values[0])
        lines += [" " * 36 + v for v in values[1:]]
    return "\n".join(lines) + "\n"


KEY = (
    template("TST9-MUC4-0001", {
        1: ["1"], 2: ["14 MAR 90"], 3: ["EL SALVADOR: SAN MIGUEL (DEPARTMENT): ALDEA NUEVA (TOWN)"],
        4: ["BOMBING"], 5: ["ACCOMPLISHED"],
        21: ['3: "FARM WORKERS"', '1: "MAYOR OF ALDEA NUEVA"'],
        23: ['DEATH: "FARM WORKERS"', 'INJURY: "MAYOR OF ALDEA NUEVA"'],
    })
    + ";;; a comment line the reader skips\n"
    + template("TST9-MUC4-0001", {
        1: ["2 (OPTIONAL)"], 2: ["- 15 MAR 90"], 3: ["EL SALVADOR"], 4: ["ATTACK"],
        5: ["ACCOMPLISHED"], 21: ['PLURAL: "SOLDIERS"'], 23: ['DEATH: "SOLDIERS"'],
    })
    + template("TST9-MUC4-0002", {1: ["*"]})
    + template("TST9-MUC4-0003", {
        1: ["1"], 2: ["(10 MAR 90 - 12 MAR 90) / (- 12 MAR 90)"],
        3: ["COLOMBIA: CUCUTA (CITY) - PIEDRA LARGA (RURAL AREA)"],
        4: ["KIDNAPPING / ATTACK"], 5: ["THREATENED"],
        21: ['~4: "ENGINEERS"'], 23: ["-"],
    })
)

TEXT = """TST9-MUC4-0001

   SAN SALVADOR, 15 MAR 90 (INVENTED RADIO 2) -- [REPORT] [A CORRESPONDENT] [TEXT] A BOMB
EXPLODED YESTERDAY IN ALDEA NUEVA, KILLING THREE FARM WORKERS AND WOUNDING THE MAYOR.


TST9-MUC4-0002

   LIMA (PERU), 15 MAR 90 -- [TEXT] THE MINISTER OF TRADE OPENED A NEW MARKET TODAY.


TST9-MUC4-0003

   BOGOTA, 13 MAR 90 (EFE)-- GUERRILLAS THREATENED TO KIDNAP FOUR ENGINEERS NEAR CUCUTA.
"""


def test_slots_keep_continuation_lines_and_drop_comments() -> None:
    slots = muc4.parse_slots(KEY.split("\n0.  MESSAGE: ID")[0])
    assert slots[21] == ['3: "FARM WORKERS"', '1: "MAYOR OF ALDEA NUEVA"']
    assert slots[4] == ["BOMBING"]


def test_key_templates() -> None:
    parsed = muc4.parse_key(KEY)
    assert [m for m, _ in parsed] == ["TST9-MUC4-0001", "TST9-MUC4-0001", "TST9-MUC4-0002",
                                      "TST9-MUC4-0003"]
    first, optional, none, third = (t for _, t in parsed)
    assert none is None
    assert first.types == ["BOMBING"] and not first.optional
    assert first.dates == [(date(1990, 3, 14), date(1990, 3, 14))]
    assert first.countries == ["EL SALVADOR"]
    assert first.places == ["SAN MIGUEL", "ALDEA NUEVA"]
    assert (first.killed, first.wounded) == ((3, 3), (1, 1))
    assert optional.optional and optional.dates == [(None, date(1990, 3, 15))]
    assert optional.killed is None  # "PLURAL" is no number
    assert third.types == ["KIDNAPPING", "ATTACK"] and third.stage == "THREATENED"
    assert third.dates == [(date(1990, 3, 10), date(1990, 3, 12)), (None, date(1990, 3, 12))]
    assert third.places == ["CUCUTA", "PIEDRA LARGA"]
    assert third.killed is None and third.wounded is None


def test_victims_sum_the_targets_with_the_effect() -> None:
    numbers = ['2: "GUARDS"', '5-7: "PASSERSBY"', '1: "DRIVER"']
    effects = ['DEATH: "GUARDS"', 'DEATH: "PASSERSBY"', 'NO INJURY OR DEATH: "DRIVER"']
    assert muc4.victims(numbers, effects, "DEATH") == (7, 9)
    assert muc4.victims(numbers, effects, "INJURY") is None
    assert muc4.victims(['PLURAL: "GUARDS"'], ['DEATH: "GUARDS"'], "DEATH") is None


def test_messages_keep_the_dateline_and_drop_the_header_tags() -> None:
    messages = muc4.parse_messages(TEXT)
    assert [m.id for m in messages] == ["TST9-MUC4-0001", "TST9-MUC4-0002", "TST9-MUC4-0003"]
    first = messages[0]
    assert first.text.startswith("SAN SALVADOR, 15 MAR 90 (INVENTED RADIO 2) -- A BOMB")
    assert "[REPORT]" not in first.text
    assert messages[1].dateline_country == "PERU"
    assert muc4.dateline_country(messages[1]) == "PER"
    assert muc4.dateline_country(first) == "SLV"  # San Salvador is El Salvador's capital
    assert messages[2].dateline_place == "BOGOTA"


def test_the_cleaner_takes_such_datelines() -> None:
    from tacitus.ingest import from_text

    doc = from_text(muc4.parse_messages(TEXT)[0].text)
    assert doc.published == "1990-03-15"
    assert doc.dateline.startswith("SAN SALVADOR")
    assert doc.text.startswith("A bomb exploded yesterday")


def event(cameo: str, *, day: str | None = None, precision: str = "day",
          quantities: list[Quantity] | None = None, location: Location | None = None,
          modality: str = "asserted") -> Event:
    return Event(id="e", source=None, target=None, cameo=cameo, root=cameo[:2], quad_class=4,
                 goldstein=-10.0, evidence=Span(start=0, end=1, text="x"), sentence=0,
                 date=EventDate(value=day, precision=precision, text=None) if day else None,
                 quantities=quantities or [], location=location, modality=modality,
                 confidence=0.9)


def test_dates_agree_at_the_templates_precision() -> None:
    day = [(date(1990, 3, 14), date(1990, 3, 14))]
    assert muc4.date_agrees(EventDate(value="1990-03-14", precision="day", text="x"), day)
    assert not muc4.date_agrees(EventDate(value="1990-03-13", precision="day", text="x"), day)
    # a month is vaguer than the day the key gives
    assert not muc4.date_agrees(EventDate(value="1990-03", precision="month", text="x"), day)
    # the week of a current report overlaps the day and is no vaguer than a week
    assert muc4.date_agrees(EventDate(value="1990-03-12", precision="week", text=None), day)
    before = [(None, date(1990, 3, 15))]
    assert muc4.date_agrees(EventDate(value="1990-03-01", precision="day", text="x"), before)
    assert not muc4.date_agrees(EventDate(value="1989-12-01", precision="day", text="x"),
                                before)
    assert not muc4.date_agrees(None, day)


def test_counts_agree_by_value_or_range() -> None:
    killed = Quantity(kind="killed", value=3, text="three")
    vague = Quantity(kind="wounded", value=None, text="dozens", low=24, high=99,
                     approximate=True)
    e = event("183", quantities=[killed, vague])
    assert muc4.count_agrees(e, "killed", (3, 3))
    assert not muc4.count_agrees(e, "killed", (4, 5))
    assert muc4.count_agrees(e, "wounded", (30, 30))
    assert not muc4.count_agrees(e, "wounded", (2, 2))


def test_families_and_threats() -> None:
    parsed = [t for _, t in muc4.parse_key(KEY) if t]
    bombing, _, threatened = parsed
    assert muc4._covers("1833", muc4.family(bombing))
    assert muc4._covers("1833", muc4.family(bombing, specific=True))
    assert not muc4._covers("193", muc4.family(bombing, specific=True))
    assert not muc4._covers("173", muc4.family(bombing))
    assert muc4._covers("1383", muc4.family(threatened))  # a threat of a threatened incident


def test_matching_is_one_to_one_and_prefers_agreement() -> None:
    first, optional, _, _ = (t for _, t in muc4.parse_key(KEY))
    vague = event("190")
    right = event("183", day="1990-03-14",
                  quantities=[Quantity(kind="killed", value=3, text="three")])
    matched = muc4.match([first, optional], [vague, right])
    assert matched[0] is right and matched[1] is vague
    assert muc4.match([first], [event("173")]) == {}


def test_location_figures_when_events_carry_one() -> None:
    first = next(t for _, t in muc4.parse_key(KEY) if t)
    here = Location(name="Aldea Nueva", lat=None, lon=None, country="SLV", geonames_id=None)
    elsewhere = Location(name="Santa Ana", lat=None, lon=None, country="El Salvador",
                         geonames_id=None)
    assert muc4.country_agrees(event("183", location=here), first)
    assert muc4.place_agrees(event("183", location=here), first)
    assert muc4.country_agrees(event("183", location=elsewhere), first)
    assert not muc4.place_agrees(event("183", location=elsewhere), first)
    assert not muc4.country_agrees(event("183"), first)


def coded(events: list[Event]) -> CodedDocument:
    return CodedDocument(document=Document(id="m", text="x"), events=events)


def test_scoring_recall_precision_and_optional_templates() -> None:
    keys = {m: [] for m, _ in muc4.parse_key(KEY)}
    for m, t in muc4.parse_key(KEY):
        if t:
            keys[m].append(t)
    messages = {m.id: m for m in muc4.parse_messages(TEXT)}
    result = muc4.Muc4Result()
    hit = event("1833", day="1990-03-14",
                quantities=[Quantity(kind="killed", value=3, text="three")])
    muc4.score(result, messages["TST9-MUC4-0001"], keys["TST9-MUC4-0001"], coded([hit]))
    # a fight coded in a message with no incident counts against precision
    muc4.score(result, messages["TST9-MUC4-0002"], [], coded([event("193")]))
    # a negated kidnapping is no candidate
    muc4.score(result, messages["TST9-MUC4-0003"], keys["TST9-MUC4-0003"],
               coded([event("181", modality="negated")]))
    f = result.figures()
    assert (result.templates, result.optional, result.found) == (2, 1, 1)
    assert f["muc4_event_recall"] == 0.5
    assert f["muc4_event_precision"] == 0.5
    assert f["muc4_date_accuracy"] == 1.0
    assert (result.counts, result.counts_right) == (2, 1)  # killed right, wounded missing
    assert f["muc4_country_accuracy"] == 0.0  # no location yet
    assert result.dateline_country_right == 2  # the capitals San Salvador and Bogota
    assert result.by_type == {"BOMBING": [1, 1], "KIDNAPPING": [1, 0]}


@pytest.fixture
def split(tmp_path: Path) -> Path:
    folder = tmp_path / "tst9"
    folder.mkdir()
    (folder / "tst9-muc4").write_text(TEXT, encoding="latin-1")
    (folder / "key-tst9.v1").write_text(KEY, encoding="latin-1")
    return tmp_path


def test_evaluate_codes_the_messages(split: Path) -> None:
    result = muc4.evaluate(split, split="tst9", step=1)
    assert result.messages == 3 and result.templates == 2
    assert result.found >= 1  # the bomb that exploded in Aldea Nueva
    with pytest.raises(InputError):
        muc4.evaluate(split / "nothing")


@pytest.mark.shared
def test_muc4_test_split_scores(shared: Path) -> None:
    folder = shared / "eval" / "events" / "muc4"
    if not folder.is_dir():
        pytest.skip("MUC-4 data absent")
    result = muc4.evaluate(folder, split="tst3", step=5)
    f = result.figures()
    assert result.messages == 20 and result.templates > 0
    assert 0.0 <= f["muc4_event_recall"] <= 1.0

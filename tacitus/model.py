"""The output contract: plain data classes for one coded document (``schema_version`` "1").

Everything downstream (the JSON output, the database, the web UI) is built from these classes,
so the field names are fixed: fields may be added, never renamed. This module imports nothing
else from tacitus, so any consumer can depend on it alone.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

Modality = Literal["asserted", "reported", "disputed", "planned", "hypothetical", "negated"]
ActorKind = Literal["country", "government", "organization", "armed_group", "person", "group"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A piece of the cleaned text: ``text == document.text[start:end]`` always holds."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Mention(Span):
    """One passage that reports an event, with the modality that passage gives it: an
    article may plan talks in one sentence and report them held in another, and the merged
    record keeps each passage's own word on it."""

    modality: Modality | None = Field(None, description="what this passage says of the "
                                      "event (the record's ``modality`` is the most factual "
                                      "of its mentions')")


class Document(_Model):
    """The article as tacitus read it; ``text`` is the cleaned text all offsets refer to."""

    id: str
    title: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD")
    author: str | None = None
    source: str | None = None
    url: str | None = None
    text: str
    dateline: str | None = Field(None, description="wire dateline removed from the text")


class Actor(_Model):
    """One participant, resolved to a canonical identity with a CAMEO-style code."""

    id: str
    name: str
    code: str | None
    country: str | None = Field(None, description="ISO3")
    kind: ActorKind
    mentions: list[Span] = Field(default_factory=list)
    role: str | None = Field(None, description="the dated role a person was coded by")
    code_basis: Literal["dictionary", "text"] | None = Field(
        None, description="where the code came from: a dictionary entry (a country, an "
                          "organization, a person's dated role), or the words of the text "
                          "(\"Afghan officials\", \"Norway's ambassador, Lars Eide\")")
    code_span: Span | None = Field(None, description="the words that gave the code, when "
                                   "code_basis is text")


class EventDate(_Model):
    value: str = Field(description="YYYY[-MM[-DD]]")
    precision: str = Field(description="day, week (value: its Monday), month, season (value: "
                                       "its first month) or year")
    text: str | None = Field(description="the time expression; null when the event takes "
                                         "the publication date as a current report")
    start: int | None = Field(None, description="offsets of the expression in the text")
    end: int | None = None
    qualifier: str | None = Field(None, description="before, since, until, within, duration; "
                                                    "null for a point in time")
    attached: str | None = Field(
        None, description="how the event got its date: clause (an expression of its own "
                          "clause or phrase), clause above (of a clause that governs it), "
                          "beside (of a participle or temporal clause beside it), event (of "
                          "the dated event noun it tells the outcome of: 'the Aug. 7 "
                          "bombings killed'), sentence "
                          "(the one date its sentence gives its verbs), story (the "
                          "time an earlier sentence put the story's events on), mention (the "
                          "date of an earlier mention of the event: 'the shooting' after "
                          "'was shot on Oct. 23'), publication "
                          "(a current report)")


class Timex(_Model):
    """One time expression of the text, as a TimeML TIMEX3: what the tagger found, so that
    it can be checked on its own."""

    id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None = Field(None, description="the TimeML value: 2012-01-04, 2011-W52, "
                                                "2012-Q1, 2012-SU, 199X, 2012-01-04T10:30, "
                                                "P3Y, PT5H, PRESENT_REF, PAST_REF, FUTURE_REF")
    anchor: str | None = Field(None, description="what a relative expression was resolved "
                                                 "against: 'publication', or the id of the "
                                                 "expression whose date it follows ('the day "
                                                 "before'); null for an absolute one")


class Location(_Model):
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    geonames_id: int | None


class Quantity(_Model):
    kind: str = Field(description="killed, wounded, arrested, missing, displaced, troops, "
                                  "protesters, money or other")
    value: float | None = Field(description="the number; null for a vague amount (see low/high)")
    text: str
    start: int | None = None
    end: int | None = None
    low: float | None = Field(None, description="range of a vague amount ('dozens': 24-99)")
    high: float | None = None
    qualifier: str | None = Field(None, description="at least, more than, about, up to")
    approximate: bool = False


class Dyad(_Model):
    """One source-target pair of an act that has several (``Event.dyads``)."""

    source: str | None
    target: str | None
    source_span: Span | None = None
    target_span: Span | None = None


class Event(_Model):
    """Who did what to whom, read from ``evidence``; ``source``/``target`` are actor ids."""

    id: str
    source: str | None
    target: str | None
    cameo: str
    root: str
    quad_class: int = Field(ge=1, le=4)
    goldstein: float
    evidence: Span
    sentence: int = Field(ge=0)
    date: EventDate | None = None
    location: Location | None = None
    modality: Modality = "asserted"
    attributed_to: str | None = None
    quantities: list[Quantity] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
    name: str = Field("", description="the CAMEO code's name")
    plover: str | None = None
    trigger: Span | None = Field(None, description="the verb or noun the event was read from")
    pattern: str | None = Field(None, description="which data pattern coded it")
    source_span: Span | None = Field(None, description="the words of the evidence that name "
                                     "the source (a pronoun or description whose actor chain "
                                     "gives ``source``)")
    target_span: Span | None = Field(None, description="the words that name the target")
    mentions: list[Mention] = Field(default_factory=list, description="every passage that "
                                 "reports this same event in the article (``evidence`` is the "
                                 "most informative); one entry when it is reported once")
    modality_basis: list[Span] = Field(
        default_factory=list, description="the words that give the modality: a negation, a "
                                          "modal, a planning verb or noun, a conditional, "
                                          "the verb that reports or disputes the event")
    evidence_in: Literal["text", "title"] = Field(
        "text", description="title: the event is read from the headline alone, and its "
                            "offsets (evidence, mentions, trigger, source_span, target_span, "
                            "modality_basis, its quantities' and date's) are offsets into "
                            "document.title")
    title_evidence: Span | None = Field(
        None, description="the headline's words for this event, offsets into "
                          "document.title (an event in the headline and the text is one "
                          "event with both)")
    target_basis: Literal["text", "place"] | None = Field(
        None, description="text: the target is named in the sentence; place: CAMEO's "
                          "convention, an event with a place and no other target is coded "
                          "against the place's country (``target_span`` is the place)")
    dyads: list[Dyad] = Field(
        default_factory=list, description="when one act has several sources or targets "
                                          "('gunmen killed a police officer and two "
                                          "soldiers'), every source-target pair, the event's "
                                          "own source and target first; empty when the act "
                                          "has that one pair only (see ``pairs``)")

    def pairs(self) -> list[Dyad]:
        """Every source-target pair of this act: ``dyads``, or the event's own pair."""
        return self.dyads or [Dyad(source=self.source, target=self.target,
                                   source_span=self.source_span, target_span=self.target_span)]


class LeftOut(_Model):
    """A reading the coder found and did not keep as an event, with the reason: so that a
    missed event can be told from a filtered one (``tacitus code --explain`` lists them)."""

    cameo: str
    trigger: Span
    reason: str = Field(description="content: the statement's content is coded instead; "
                                    "commentary: a remark by someone with no political role; "
                                    "attribution: a bare 'reported' that says where the "
                                    "article's facts come from; "
                                    "sense: the word is used in another sense; generic: a "
                                    "habitual or generic statement, no event; merged: "
                                    "one event with another record, whose code was kept "
                                    "(the detail says why)")
    detail: str | None = None


class Quote(_Model):
    speaker: str | None
    text: str
    start: int
    end: int
    direct: bool


class Place(_Model):
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    geonames_id: int | None
    mentions: list[Span] = Field(default_factory=list)


class CodedDocument(_Model):
    """The whole result for one article: the unit of JSON output."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    document: Document
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list, description="every time expression "
                                 "of the text, in reading order")
    left_out: list[LeftOut] = Field(default_factory=list, description="readings not kept as "
                                    "events, and why")
    data_version: str | None = Field(None, description="versions of the data files that coded it")


def json_schema() -> dict:
    """The published JSON Schema (``schema/tacitus-v1.schema.json`` is this, committed)."""
    schema = CodedDocument.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://tacitus.invalid/schema/tacitus-v1.schema.json"
    return schema

"""Load the packaged domain knowledge: one cached, schema-checked ``load_*()`` per data file.

The files next to this module are hand-edited data (actor dictionary, verb patterns, CAMEO
table, boilerplate lines), each with a ``version``. A malformed entry raises
``DataFileError`` naming the file and every bad entry, so a broken edit fails loudly at load
time rather than coding quietly worse.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from tacitus.errors import DataFileError

DATA_DIR = Path(__file__).parent

_CODE = re.compile(r"^\d{2,4}$")
_T = TypeVar("_T", bound=BaseModel)


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Metonym(_Entry):
    text: str
    agent: str


class Country(_Entry):
    code: str = Field(pattern=r"^[A-Z]{3}$")
    name: str
    aliases: list[str] = Field(default_factory=list)
    adjectives: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)
    capital: str | None = None
    metonyms: list[Metonym] = Field(default_factory=list)
    descriptors: list[str] = Field(default_factory=list)
    un_member: bool = False
    iso3_official: bool = True


class Agent(_Entry):
    code: str = Field(pattern=r"^[A-Z]{3}$")
    label: str
    nouns: list[str]


class Organization(_Entry):
    code: str
    name: str
    kind: str
    country: str | None = None
    aliases: list[str] = Field(default_factory=list)
    descriptors: list[str] = Field(default_factory=list)


class Role(_Entry):
    title: str
    code: str
    start: str
    end: str | None = None

    @field_validator("start", "end", mode="before")
    @classmethod
    def _as_text(cls, value: Any) -> Any:
        return None if value is None else str(value)


class Person(_Entry):
    name: str
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None
    roles: list[Role]


class VerbPattern(_Entry):
    verb: str
    code: str = Field(pattern=_CODE.pattern)
    object: list[str] = Field(default_factory=list)
    xcomp: list[str] = Field(default_factory=list)
    prep: str | None = None
    # an adjective that completes the verb or its object ("left 24 soldiers dead", "found
    # the minister guilty")
    complement: list[str] = Field(default_factory=list)
    # what the pattern's preposition must govern ("went on strike", "took to the streets")
    pobj: list[str] = Field(default_factory=list)
    target: list[str] = Field(default_factory=lambda: ["dobj"])
    speech: bool = False


class NounPattern(_Entry):
    noun: str
    code: str = Field(pattern=_CODE.pattern)
    target: list[str] = Field(default_factory=lambda: ["on", "against"])
    # "the envoy's assassination": whose the act is done to, when no "of" phrase says so
    possessor: Literal["source", "target"] = "source"
    # words one of which must modify the noun ("joint drills", "military exercises")
    near: list[str] = Field(default_factory=list)


class Instrument(_Entry):
    """Means named with a violent event that make its code specific (a bombing: 183)."""

    words: list[str]
    near: list[str] = Field(default_factory=list)
    code: str = Field(pattern=_CODE.pattern)


class Frame(_Entry):
    """A word whose complement's event is recoded through a family (see frames.yaml)."""

    lemma: str
    family: str
    control: Literal["subject", "object", "clause"] = "subject"
    prep: str | None = None


class FrameFamily(_Entry):
    default: str = Field(pattern=_CODE.pattern)
    hostile: str | None = None
    hostile_roots: list[str] = Field(default_factory=list)
    codes: dict[str, str] = Field(default_factory=dict)

    def recode(self, code: str) -> str:
        """The family's code for a complement coded ``code``: longest prefix first."""
        for n in range(len(code), 1, -1):
            if code[:n] in self.codes:
                return self.codes[code[:n]]
        return self.default


@dataclass(frozen=True)
class Frames:
    families: dict[str, FrameFamily]
    verbs: dict[str, list[Frame]]
    adjectives: dict[str, Frame]
    modals: dict[str, str]


class CameoCode(_Entry):
    code: str = Field(pattern=_CODE.pattern)
    name: str
    goldstein: float
    quad_class: int = Field(ge=1, le=4)
    plover: str | None
    description: str = ""

    @property
    def root(self) -> str:
        return self.code[:2]


class _Loader(yaml.SafeLoader):
    """YAML 1.2 booleans only: "on", "off", "yes", "no" stay words.

    Patterns name prepositions ("target: [on, against]") and codes ("NO"), which YAML 1.1
    would silently turn into booleans.
    """


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def _read_yaml(name: str) -> dict[str, Any]:
    """Read one packaged YAML file; a missing or unparsable file is a DataFileError too."""
    path = DATA_DIR / name
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_Loader)  # a SafeLoader subclass
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataFileError(name, [f"unreadable: {exc}".replace("\n", " ")]) from exc
    if not isinstance(data, dict) or "version" not in data:
        raise DataFileError(name, ["the file must be a mapping with a 'version' key"])
    return data


def _words(name: str, key: str) -> list[str]:
    """A plain list of words or phrases under ``key`` in a YAML data file."""
    words = _read_yaml(name).get(key) or []
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise DataFileError(name, [f"{key}: expected a list of words"])
    return words


def _sections(name: str, keys: tuple[str, ...]) -> dict[str, Any]:
    """A YAML data file that must have every one of ``keys``, non-empty."""
    data = _read_yaml(name)
    problems = [f"{k}: missing" for k in keys if not data.get(k)]
    if problems:
        raise DataFileError(name, problems)
    return data


def _entries(name: str, key: str, model: type[_T]) -> list[_T]:
    """Validate every entry under ``key``, collecting all problems before raising."""
    data = _read_yaml(name)
    entries, problems = [], []
    for i, raw in enumerate(data.get(key) or []):
        try:
            entries.append(model.model_validate(raw))
        except ValidationError as exc:
            first = exc.errors()[0]
            label = (raw.get("verb") or raw.get("noun") or raw.get("name") or raw.get("code")
                     if isinstance(raw, dict) else raw)
            problems.append(f"{key}[{i}] ({label}): {'.'.join(map(str, first['loc']))} "
                            f"{first['msg']}")
    if problems:
        raise DataFileError(name, problems)
    return entries


def data_version(name: str) -> str:
    """The ``version`` of one YAML data file."""
    return str(_read_yaml(name)["version"])


@cache
def load_boilerplate(key: str = "patterns") -> list[re.Pattern[str]]:
    """Site boilerplate: whole lines ("patterns") or credits inside a paragraph ("inline")."""
    data = _read_yaml("boilerplate.yaml")
    problems, patterns = [], []
    for i, text in enumerate(data.get(key) or []):
        try:
            patterns.append(re.compile(text, re.I))
        except re.error as exc:
            problems.append(f"{key}[{i}] {text!r}: {exc}")
    if problems:
        raise DataFileError("boilerplate.yaml", problems)
    return patterns


@cache
def load_modality() -> dict[str, list[str]]:
    """Cue words for modality: auxiliaries, adverbs, disputing verbs, conditional marks."""
    data = _read_yaml("modality.yaml")
    keys = ("hypothetical_aux", "planned_aux", "reported_adverbs", "disputing_verbs",
            "conditional_marks", "planning_verbs", "planning_nouns", "hypothetical_adjectives",
            "planned_adjectives")
    problems = [f"{k}: expected a list of words" for k in keys
                if not isinstance(data.get(k), list)]
    if problems:
        raise DataFileError("modality.yaml", problems)
    return {k: [str(w).lower() for w in data[k]] for k in keys}


@cache
def load_modality_words() -> dict[str, list[str]]:
    """The cue words the modality reader adds to those of ``load_modality`` (modality.yaml):
    negators, negative pronouns, wish verbs, planning adjectives, occurrence verbs,
    implicative verbs."""
    data = _read_yaml("modality.yaml")
    keys = ("negators", "negative_pronouns", "wish_verbs", "planning_adjectives",
            "occurrence_verbs", "implicative_verbs")
    problems = [f"{k}: expected a list of words" for k in keys
                if not isinstance(data.get(k), list)]
    if problems:
        raise DataFileError("modality.yaml", problems)
    return {k: [str(w).lower() for w in data[k]] for k in keys}


@dataclass(frozen=True)
class ChainWords:
    """What actor chains read (chains.yaml, given_names.yaml): genders of titles, nouns and
    given names, the nouns that name one person, and the pronouns by kind."""

    titles: dict[str, str]  # word -> "m" / "f"
    gendered: dict[str, str]
    given: dict[str, str]  # given name (ASCII, lowercase) -> "m" / "f"
    given_either: frozenset[str]  # names given to both: a person's, of unknown gender
    person_nouns: frozenset[str]
    abbreviations: dict[str, str]  # "sen" -> "senator"
    pronouns: dict[str, frozenset[str]]  # masculine, feminine, thing, plural, first_...
    weights: dict[str, float]  # salience features of a pronoun's antecedent


@cache
def load_chain_words() -> ChainWords:
    data = _sections("chains.yaml", ("titles", "gendered_nouns", "person_nouns", "pronouns",
                                     "weights"))
    names = _sections("given_names.yaml", ("female", "male"))
    problems = []

    def by_gender(name: str, key: str, section: dict) -> dict[str, str]:
        out: dict[str, str] = {}
        for gender in ("m", "f"):
            for word in section.get(gender) or []:
                if str(word).lower() in out:
                    problems.append(f"{key}: {word!r} is both masculine and feminine")
                out[str(word).lower()] = gender
        return out

    titles = by_gender("chains.yaml", "titles", data["titles"])
    gendered = by_gender("chains.yaml", "gendered_nouns", data["gendered_nouns"])
    given = by_gender("given_names.yaml", "names",
                      {"m": names["male"], "f": names["female"]})
    kinds = ("masculine", "feminine", "thing", "plural", "first_singular", "first_plural")
    problems += [f"pronouns.{k}: missing" for k in kinds if not data["pronouns"].get(k)]
    problems += [f"weights.{k}: not a number" for k, v in data["weights"].items()
                 if not isinstance(v, int | float)]
    if problems:
        raise DataFileError("chains.yaml", problems)
    return ChainWords(titles, gendered, given, frozenset(names.get("either") or []),
                      frozenset(w.lower() for w in data["person_nouns"]),
                      {str(k).lower(): str(v).lower()
                       for k, v in (data.get("abbreviations") or {}).items()},
                      {k: frozenset(data["pronouns"][k]) for k in kinds},
                      {k: float(v) for k, v in data["weights"].items()})


@cache
def load_countries() -> list[Country]:
    return _entries("actors/countries.yaml", "countries", Country)


@cache
def load_not_actors() -> list[str]:
    """Phrases that contain an actor's name but name no actor ("Latin America")."""
    return _words("actors/countries.yaml", "not_actors")


@cache
def load_agents() -> list[Agent]:
    return _entries("actors/agents.yaml", "agents", Agent)


@cache
def load_partitives() -> frozenset[str]:
    """Heads whose "of" phrase names the actor ("thousands of students")."""
    return frozenset(w.lower() for w in _words("actors/agents.yaml", "partitives"))


@cache
def load_quote_verbs() -> frozenset[str]:
    """Verbs that attribute a quote to its speaker ("she asked", "he wrote")."""
    return frozenset(w.lower() for w in _words("quotes.yaml", "verbs"))


@cache
def load_commentators() -> frozenset[str]:
    """Words for people whose remarks are no events: analysts, professors, experts."""
    return frozenset(w.lower() for w in _words("actors/agents.yaml", "commentators"))


@cache
def load_organizations() -> list[Organization]:
    return _entries("actors/organizations.yaml", "organizations", Organization)


@cache
def load_persons() -> list[Person]:
    return _entries("actors/persons.yaml", "persons", Person)


@cache
def load_verb_patterns() -> list[VerbPattern]:
    return _entries("verb_patterns.yaml", "verbs", VerbPattern)


@cache
def load_light_verbs() -> frozenset[str]:
    """Verbs whose subject acts the event noun they govern ("carried out a raid")."""
    return frozenset(w.lower() for w in _words("verb_patterns.yaml", "light_verbs"))


@cache
def load_light_objects() -> frozenset[str]:
    """Object heads whose compound modifier carries the meaning ("aid deliveries")."""
    return frozenset(w.lower() for w in _words("verb_patterns.yaml", "light_objects"))


@cache
def load_symmetric_verbs() -> frozenset[str]:
    """Verbs whose coordinated subjects act on each other ("Iran and Iraq met")."""
    return frozenset(w.lower() for w in _words("verb_patterns.yaml", "symmetric"))


@cache
def load_symmetric_roots() -> frozenset[str]:
    """CAMEO roots whose coordinated actors act on each other when the text names no target
    ("Jordan and Britain agreed to hold exercises": JOR -> GBR and GBR -> JOR)."""
    return frozenset(_words("verb_patterns.yaml", "symmetric_roots"))


@cache
def load_instruments() -> list[Instrument]:
    return _entries("verb_patterns.yaml", "instruments", Instrument)


@cache
def load_noun_patterns() -> list[NounPattern]:
    return _entries("verb_patterns.yaml", "nouns", NounPattern)


@cache
def load_frames() -> Frames:
    """Complement frames: families with their recoding tables, and the words that open them."""
    name = "frames.yaml"
    data = _read_yaml(name)
    families = {k: FrameFamily.model_validate(v) for k, v in (data.get("families") or {}).items()}
    verbs: dict[str, list[Frame]] = {}
    for f in _entries(name, "verbs", Frame):
        verbs.setdefault(f.lemma, []).append(f)
    adjectives = {f.lemma: f for f in _entries(name, "adjectives", Frame)}
    modals = dict(data.get("modals") or {})
    problems = [f"{f.lemma}: unknown family {f.family!r}"
                for f in [*(x for v in verbs.values() for x in v), *adjectives.values()]
                if f.family not in families]
    problems += [f"modals.{k}: unknown family {v!r}" for k, v in modals.items()
                 if v not in families]
    problems += [f"families.{k}.hostile: unknown family {f.hostile!r}"
                 for k, f in families.items() if f.hostile and f.hostile not in families]
    if problems:
        raise DataFileError(name, problems)
    return Frames(families, verbs, adjectives, modals)


@cache
def load_time_words() -> dict[str, Any]:
    """Month, weekday, season, number and unit words of time expressions (time.yaml)."""
    return _sections("time.yaml", ("months", "weekdays", "seasons", "numbers", "units",
                                   "quarters", "present", "recent", "future"))


@cache
def load_quantity_words() -> dict[str, Any]:
    """Kinds, scales, vague amounts and qualifiers of counted numbers (quantities.yaml)."""
    return _sections("quantities.yaml", ("verbs", "nouns", "scales", "vague", "qualifiers",
                                         "numbers", "currencies"))


@cache
def load_cameo() -> dict[str, CameoCode]:
    """The CAMEO table, keyed by code ("190", "0311")."""
    name = "cameo_codes.tsv"
    with (DATA_DIR / name).open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        table, problems = {}, []
        for row in rows:
            try:
                entry = CameoCode.model_validate({**row, "plover": row.get("plover") or None})
            except ValidationError as exc:
                problems.append(f"{row.get('code')}: {exc.errors()[0]['msg']}")
                continue
            if entry.code in table:
                problems.append(f"{entry.code}: duplicate code")
            table[entry.code] = entry
    if problems:
        raise DataFileError(name, problems)
    return table


@cache
def cameo_version() -> str:
    with (DATA_DIR / "cameo_codes.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("# version:"):
                return line.split(":", 1)[1].strip()
    return "unknown"


@cache
def versions() -> str:
    """One string naming the version of every data file, stored with each coded document."""
    parts = [f"cameo={cameo_version()}"]
    for name in ("actors/countries.yaml", "actors/agents.yaml", "actors/organizations.yaml",
                 "actors/persons.yaml", "verb_patterns.yaml", "frames.yaml", "modality.yaml",
                 "time.yaml", "quantities.yaml", "truecase.yaml", "chains.yaml",
                 "given_names.yaml", "quotes.yaml", "merge.yaml"):
        parts.append(f"{Path(name).stem}={data_version(name)}")
    return ";".join(parts)

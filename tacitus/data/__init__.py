"""The domain knowledge: hand-edited data files, loaded once into one ``Knowledge`` object.

The files next to this module are hand-edited data (actor dictionary, verb patterns, CAMEO
table, word lists), each with a ``version``. A ``Knowledge`` reads them (and a user's data
folder laid over them, ``--data DIR`` or TACITUS_DATA) and holds everything the ``load_*()``
functions make of them, so a stage given one ``Knowledge`` reads one consistent set of data,
and a test that changes the files clears one cache (``default_knowledge``). A malformed entry
raises ``DataFileError`` naming the file, the line and every bad entry, so a broken edit fails
loudly at load time rather than coding quietly worse.
"""

from __future__ import annotations

import csv
import functools
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from tacitus.errors import DataFileError

DATA_DIR = Path(__file__).parent

_CODE = re.compile(r"^\d{2,4}$")
_T = TypeVar("_T", bound=BaseModel)
_R = TypeVar("_R")


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
    peoples: list[str] = Field(default_factory=list)
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
    # the agents its subject must be ("troops left": MIL), for verbs with a dominant
    # non-political sense ("the minister left Kabul" is no withdrawal)
    source_agent: list[str] = Field(default_factory=list)
    # objects that take the verb out of its political sense ("fought the epidemic",
    # "protect jobs"): with one of them as its object (or the noun of its "against"), the
    # entry does not apply
    unless_object: list[str] = Field(default_factory=list)
    # the object must name an actor, for verbs whose sense that decides ("called the Iranian
    # president" is a telephone call; "called an election" or "called him a liar" is none)
    object_actor: bool = False
    # words one of which must head the subject, for verbs whose sense the subject decides
    # ("a missile hit a hospital" is an attack; "the storm hit the coast" is none)
    subject: list[str] = Field(default_factory=list)
    # what the subject of the passive is: the target ("was arrested"), or the source of an
    # act the verb names of its agent ("troops are to be withdrawn": the force withdraws)
    passive_subject: Literal["target", "source"] = "target"
    target: list[str] = Field(default_factory=lambda: ["dobj"])
    speech: bool = False
    # the verb names the act from its receiver's side ("Yemen received aid from Saudi
    # Arabia": Saudi Arabia gives, Yemen gets): the subject is the target and the actor
    # found in the target slots the source
    converse: bool = False


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
    # verbs whose object (or "for" phrase) is an event noun they ask for, offer or threaten
    nouns: dict[str, list[Frame]] = field(default_factory=dict)
    # phrases of a copula that make its gerund subject's act the reporter's frame
    # ("out of the question": a refusal)
    predicates: dict[str, str] = field(default_factory=dict)


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


# Files a user's data folder may add to or replace entries of (``--data DIR``, TACITUS_DATA),
# with the field that says two entries are the same (a user's entry replaces the packaged one)
# or None for a list of words (a user's words are added).
OVERLAYS: dict[str, dict[str, tuple[str, ...] | None]] = {
    "actors/countries.yaml": {"countries": ("code",), "not_actors": None},
    "actors/organizations.yaml": {"organizations": ("code",)},
    "actors/persons.yaml": {"persons": ("name",)},
    "actors/agents.yaml": {"agents": ("code",), "partitives": None, "commentators": None,
                           "held": None, "residence_verbs": None, "stance_prefixes": None},
    "verb_patterns.yaml": {
        "verbs": ("verb", "object", "xcomp", "prep", "complement", "pobj", "source_agent",
                  "subject"),
        "nouns": ("noun", "near"), "instruments": ("words", "near"),
        "light_verbs": None, "light_objects": None, "symmetric": None,
        "symmetric_roots": None,
    },
}


def _line_of(path: Path, key: str, index: int) -> int | None:
    """The line of entry ``index`` under ``key`` in a YAML file (for error messages only)."""
    try:
        with path.open(encoding="utf-8") as fh:
            root = yaml.compose(fh, Loader=_Loader)
        seq = next(v for k, v in root.value if k.value == key)
        return seq.value[index].start_mark.line + 1
    except (OSError, yaml.YAMLError, StopIteration, IndexError, AttributeError, TypeError):
        return None


def _load_yaml(path: Path, name: str) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_Loader)  # a SafeLoader subclass
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataFileError(name, [f"unreadable: {exc}".replace("\n", " ")]) from exc
    if not isinstance(data, dict) or "version" not in data:
        raise DataFileError(name, ["the file must be a mapping with a 'version' key"])
    return data


def _identity(raw: object, fields: tuple[str, ...]) -> tuple:
    if not isinstance(raw, dict):
        return (raw,)
    return tuple(tuple(v) if isinstance(v := raw.get(f), list) else v for f in fields)


class Knowledge:
    """All the domain knowledge a coder reads, loaded once per process (each file on first
    use) and passed to every stage: the packaged data files, and optionally a user's data
    folder laid over them (``overlay``), whose files add entries or replace packaged ones with
    the same key (an organization's code, a person's name, a pattern's conditions). A broken
    entry, packaged or the user's, raises ``DataFileError`` naming the file and its line.
    """

    def __init__(self, overlay: str | Path | None = None) -> None:
        self.base = DATA_DIR  # read at construction: tests point it at a broken copy
        self.overlay = Path(overlay) if overlay else None
        self._files: dict[tuple[str, bool], dict[str, Any] | None] = {}
        self._made: dict[tuple, Any] = {}  # what each loader made of these files
        if self.overlay is not None:
            if not self.overlay.is_dir():
                raise DataFileError(str(self.overlay), ["no such data folder"])
            extra = sorted(str(p.relative_to(self.overlay)) for p in self.overlay.rglob("*.yaml")
                           if str(p.relative_to(self.overlay)) not in OVERLAYS)
            if extra:
                raise DataFileError(str(self.overlay), [
                    f"{name}: a data folder may only hold {', '.join(sorted(OVERLAYS))}"
                    for name in extra])

    # -- files ------------------------------------------------------------------------
    def read(self, name: str, user: bool = False) -> dict[str, Any] | None:
        """The packaged file ``name`` (or the user's, when ``user``; None if it has none)."""
        if (name, user) not in self._files:
            if user:
                path = self.overlay / name if self.overlay is not None else None
                self._files[(name, user)] = _load_yaml(path, f"{path}") \
                    if path is not None and path.exists() else None
            else:
                self._files[(name, user)] = _load_yaml(self.base / name, name)
        return self._files[(name, user)]

    def words(self, name: str, key: str) -> list[str]:
        """A list of words or phrases under ``key``, the user's added to the packaged ones."""
        out: list[str] = []
        for user in (False, True):
            data = self.read(name, user)
            if data is None:
                continue
            words = data.get(key) or []
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                where = str(self.overlay / name) if user and self.overlay else name
                raise DataFileError(where, [f"{key}: expected a list of words"])
            out += words
        return out

    def sections(self, name: str, keys: tuple[str, ...]) -> dict[str, Any]:
        """A packaged file that must have every one of ``keys``, non-empty."""
        data = self.read(name) or {}
        problems = [f"{k}: missing" for k in keys if not data.get(k)]
        if problems:
            raise DataFileError(name, problems)
        return data

    def entries(self, name: str, key: str, model: type[_T]) -> list[_T]:
        """Every entry under ``key`` validated (all problems collected, with their line);
        the user's entries replace packaged ones with the same identity, or are added."""
        fields = OVERLAYS.get(name, {}).get(key)
        out: dict[tuple, _T] = {}
        for user in (False, True):
            data = self.read(name, user)
            if data is None:
                continue
            path = (self.overlay if user else self.base) / name  # type: ignore[operator]
            where = str(path) if user else name
            problems = []
            for i, raw in enumerate(data.get(key) or []):
                try:
                    entry = model.model_validate(raw)
                except ValidationError as exc:
                    first = exc.errors()[0]
                    label = (raw.get("verb") or raw.get("noun") or raw.get("name")
                             or raw.get("code") or raw.get("lemma")
                             if isinstance(raw, dict) else raw)
                    line = _line_of(path, key, i)
                    at = f"line {line}, " if line else ""
                    problems.append(f"{at}{key}[{i}] ({label}): "
                                    f"{'.'.join(map(str, first['loc']))} {first['msg']}")
                    continue
                ident = _identity(raw, fields) if fields else (user, i)
                out[ident if fields else (user, i)] = entry
            if problems:
                raise DataFileError(where, problems)
        return list(out.values())

    def version(self, name: str) -> str:
        """The ``version`` of a packaged file, and the user's when a data folder has one."""
        own = str((self.read(name) or {})["version"])
        user = self.read(name, user=True) if name in OVERLAYS else None
        return f"{own}+user:{user['version']}" if user else own

_current: ContextVar[Knowledge | None] = ContextVar("tacitus_knowledge", default=None)


@cache
def default_knowledge() -> Knowledge:
    """The knowledge of this process: the packaged files, with the data folder that the
    TACITUS_DATA environment variable names laid over them."""
    return Knowledge(os.environ.get("TACITUS_DATA") or None)


def _k() -> Knowledge:
    return _current.get() or default_knowledge()


@contextmanager
def using(knowledge: Knowledge) -> Iterator[Knowledge]:
    """Read every loader called inside from ``knowledge`` (a stage building its tables)."""
    token = _current.set(knowledge)
    try:
        yield knowledge
    finally:
        _current.reset(token)


def knowledge_cached(make: Callable[..., _R]) -> Callable[..., _R]:
    """A loader of one piece of knowledge, made once per ``Knowledge`` (the process default
    unless a stage passes its own ``knowledge=``) from that knowledge's files."""

    @functools.wraps(make)
    def load(*args: Any, knowledge: Knowledge | None = None) -> _R:
        k = knowledge or _k()
        key = (make.__name__, args)
        if key not in k._made:
            with using(k):
                k._made[key] = make(*args)
        return k._made[key]

    return load


def _read_yaml(name: str) -> dict[str, Any]:
    """One packaged YAML file, as the current knowledge read it."""
    return _k().read(name)  # type: ignore[return-value]


def _words(name: str, key: str) -> list[str]:
    return _k().words(name, key)


def _word_set(name: str, key: str) -> frozenset[str]:
    """A word list of a data file, lower-cased, as a set: what most cue lists are read as."""
    return frozenset(w.lower() for w in _words(name, key))


def _sections(name: str, keys: tuple[str, ...]) -> dict[str, Any]:
    return _k().sections(name, keys)


def _entries(name: str, key: str, model: type[_T]) -> list[_T]:
    return _k().entries(name, key, model)


def data_version(name: str) -> str:
    """The ``version`` of one data file (with the user's, when a data folder overrides it)."""
    return _k().version(name)


@knowledge_cached
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


@knowledge_cached
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


@knowledge_cached
def load_modality_words() -> dict[str, list[str]]:
    """The cue words the modality reader adds to those of ``load_modality`` (modality.yaml):
    negators and the adverbs they deny through, "yet", focus adverbs, negative pronouns,
    wish verbs and the speech acts a wish performs, planning adjectives, occurrence, deciding
    and copular verbs, implicative, negating, refusing and preventing verbs, negating
    adjectives, marks of pending clauses, participle marks, verbs that weigh an act, marks of
    an embedded question, nouns an event is the purpose of, nouns whose clause is a claim,
    adverbs that make a condition a concession, verbs that bring about their event noun and
    the determiners that name a known one, and the prepositions of an aim."""
    data = _read_yaml("modality.yaml")
    keys = ("negators", "negated_adverbs", "still_to_adverbs", "focus_adverbs",
            "negative_pronouns", "wish_verbs", "planning_adjectives", "occurrence_verbs",
            "deciding_verbs", "copular_verbs", "implicative_verbs", "negating_verbs",
            "negating_adjectives", "refusing_verbs", "preventing_verbs", "pending_marks",
            "participle_marks", "considering_verbs", "question_marks", "purpose_nouns",
            "performative_verbs", "claim_nouns", "concessive_adverbs", "bringing_verbs",
            "definite", "aim_preps")
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
    person_verbs: frozenset[str] = frozenset()  # verbs only people do ("sing", "marry")

    @cached_property
    def terms(self) -> tuple[tuple[str, str | None, float], ...]:
        """The weights as (feature, second feature or None, weight): a weight named "a*b"
        weighs the product of two features (the ranker's pair terms), read once."""
        return tuple((*(k.split("*", 1) if "*" in k else (k, None)), v)
                     for k, v in self.weights.items())


@knowledge_cached
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
                      {k: float(v) for k, v in data["weights"].items()},
                      frozenset(str(w).lower() for w in data.get("person_verbs") or []))


@dataclass(frozen=True)
class ArgumentWords:
    """The words the coder and resolver read to find arguments (arguments.yaml)."""

    documents: frozenset[str]
    manner_preps: frozenset[str]
    verb_target_preps: tuple[str, ...]  # in the order they are tried
    loose_preps: frozenset[str]
    aim_verbs: frozenset[str]
    benefit_verbs: frozenset[str]
    sending_verbs: frozenset[str]
    benefit_roots: frozenset[str]
    theme_codes: frozenset[str]
    condition_marks: frozenset[str]
    member_verbs: frozenset[str]
    enabling_roots: frozenset[str]
    object_preps: tuple[str, ...]
    direction_preps: frozenset[str]
    locative_preps: frozenset[str]
    bare_statements: frozenset[str]
    comment_codes: frozenset[str]
    refinable_violence: frozenset[str]
    peacekeeping_codes: frozenset[str]
    addressed_roots: frozenset[str]
    receiving_verbs: frozenset[str]
    expelling_verbs: frozenset[str]
    custody_verbs: frozenset[str]
    mediation_codes: frozenset[str]
    refusal_roots: frozenset[str]
    pressing_preps: frozenset[str]
    peacekeeping_words: frozenset[str]
    mission_nouns: frozenset[str]
    instrument_preps: tuple[str, ...]
    modal_aux: frozenset[str]
    suspicion: frozenset[str]
    blame: frozenset[str]
    state_agents: frozenset[str]
    relative_pronouns: frozenset[str]
    origin_verbs: frozenset[str]
    leading: frozenset[str]
    backing: frozenset[str]
    group_nouns: frozenset[str]
    ethnic_marks: frozenset[str]
    local_agents: frozenset[str]
    abroad_offices: frozenset[str]
    attribution_verbs: frozenset[str]
    attribution_sources: frozenset[str]
    habitual_adverbs: frozenset[str]
    habitual_verbs: frozenset[str]
    continuing_verbs: frozenset[str]
    stative_verbs: frozenset[str]
    preposition_participles: frozenset[str]
    tail_reports: frozenset[str]
    place_name_heads: frozenset[str]
    span_verbs: frozenset[str]
    result_verbs: frozenset[str]
    finding_verbs: frozenset[str]
    ordering_verbs: frozenset[str]
    followers: frozenset[str]
    relations: frozenset[str]
    question_verbs: frozenset[str]
    verbal_partners: frozenset[str]
    weapon_names: frozenset[str]
    former_marks: frozenset[str]
    back_matter: frozenset[str]
    numbers: dict[str, int]
    demands: dict[str, str]
    joint_acts: dict[str, str]
    attitudes: dict[str, str]
    attitude_preps: tuple[str, ...]
    document_nouns: frozenset[str]


@knowledge_cached
def load_argument_words() -> ArgumentWords:
    name = "arguments.yaml"
    lists = ("documents", "manner_preps", "verb_target_preps", "loose_preps", "aim_verbs",
             "benefit_verbs", "sending_verbs", "benefit_roots", "theme_codes",
             "condition_marks", "member_verbs", "enabling_roots",
             "object_preps",
             "direction_preps", "locative_preps", "bare_statements", "comment_codes",
             "refinable_violence", "peacekeeping_codes", "peacekeeping_words", "mission_nouns",
             "addressed_roots", "receiving_verbs", "expelling_verbs", "custody_verbs",
             "mediation_codes",
             "refusal_roots", "pressing_preps", "instrument_preps",
             "modal_aux", "suspicion", "blame", "state_agents",
             "relative_pronouns", "origin_verbs", "leading", "backing", "group_nouns",
             "document_nouns", "ethnic_marks", "local_agents", "abroad_offices",
             "attribution_verbs",
             "attribution_sources", "habitual_adverbs", "habitual_verbs", "continuing_verbs",
             "stative_verbs", "preposition_participles", "tail_reports", "place_name_heads",
             "span_verbs", "question_verbs", "result_verbs", "finding_verbs",
             "ordering_verbs",
             "followers", "relations",
             "verbal_partners", "weapon_names", "former_marks",
             "back_matter", "attitude_preps")
    data = _sections(name, (*lists, "numbers", "demands", "joint_acts", "attitudes"))
    problems = [f"{k}: expected a list of words" for k in lists
                if not all(isinstance(w, str) for w in data[k])]
    numbers = data["numbers"]
    if not isinstance(numbers, dict) or not all(isinstance(v, int) for v in numbers.values()):
        problems.append("numbers: expected word: number")
    demands = data["demands"]
    if not isinstance(demands, dict) or not all(isinstance(v, str) for v in demands.values()):
        problems.append("demands: expected modal: CAMEO code (a string)")
    joint = data["joint_acts"]
    if not isinstance(joint, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                              for k, v in joint.items()):
        problems.append("joint_acts: expected CAMEO code: CAMEO code (strings)")
    attitudes = data["attitudes"]
    if not isinstance(attitudes, dict) or not all(isinstance(v, str)
                                                  for v in attitudes.values()):
        problems.append("attitudes: expected adjective: CAMEO code (a string)")
    if problems:
        raise DataFileError(name, problems)
    ordered = {"verb_target_preps", "object_preps", "instrument_preps", "attitude_preps"}
    return ArgumentWords(**{k: tuple(data[k]) if k in ordered else frozenset(data[k])
                            for k in lists}, numbers={str(k): v for k, v in numbers.items()},
                         demands={str(k).lower(): v for k, v in demands.items()},
                         joint_acts=dict(joint),
                         attitudes={str(k).lower(): v for k, v in attitudes.items()})


@knowledge_cached
def load_countries() -> list[Country]:
    return _entries("actors/countries.yaml", "countries", Country)


@knowledge_cached
def load_not_actors() -> list[str]:
    """Phrases that contain an actor's name but name no actor ("Latin America")."""
    return _words("actors/countries.yaml", "not_actors")


@knowledge_cached
def load_agents() -> list[Agent]:
    return _entries("actors/agents.yaml", "agents", Agent)


@knowledge_cached
def load_partitives() -> frozenset[str]:
    """Heads whose "of" phrase names the actor ("thousands of students")."""
    return _word_set("actors/agents.yaml", "partitives")


@knowledge_cached
def load_held() -> frozenset[str]:
    """Nouns for people held by others ("prisoners", "hostages"): the place they are held in
    says nothing of whose they are."""
    return _word_set("actors/agents.yaml", "held")


@knowledge_cached
def load_stance_prefixes() -> frozenset[str]:
    """Prefixes that make a country a stance ("anti-Syria"), not the actor's side."""
    return _word_set("actors/agents.yaml", "stance_prefixes")


@knowledge_cached
def load_residence_verbs() -> frozenset[str]:
    """Participles that say where a group lives or works ("based in", "operating in")."""
    return _word_set("actors/agents.yaml", "residence_verbs")


@knowledge_cached
def load_quote_verbs() -> frozenset[str]:
    """Verbs that attribute a quote to its speaker ("she asked", "he wrote")."""
    return _word_set("quotes.yaml", "verbs")


@knowledge_cached
def load_source_phrases() -> frozenset[tuple[str, ...]]:
    """Phrases that name the source of a clause ("according to the report"), as words."""
    return frozenset(tuple(w.lower().split()) for w in _words("quotes.yaml", "sources"))


@knowledge_cached
def load_commentators() -> frozenset[str]:
    """Words for people whose remarks are no events: analysts, professors, experts."""
    return _word_set("actors/agents.yaml", "commentators")


@knowledge_cached
def load_organizations() -> list[Organization]:
    return _entries("actors/organizations.yaml", "organizations", Organization)


@knowledge_cached
def load_persons() -> list[Person]:
    return _entries("actors/persons.yaml", "persons", Person)


@knowledge_cached
def load_verb_patterns() -> list[VerbPattern]:
    return _entries("verb_patterns.yaml", "verbs", VerbPattern)


@knowledge_cached
def load_light_verbs() -> frozenset[str]:
    """Verbs whose subject acts the event noun they govern ("carried out a raid")."""
    return _word_set("verb_patterns.yaml", "light_verbs")


@knowledge_cached
def load_light_objects() -> frozenset[str]:
    """Object heads whose compound modifier carries the meaning ("aid deliveries")."""
    return _word_set("verb_patterns.yaml", "light_objects")


@knowledge_cached
def load_nominal_acts() -> dict[str, str]:
    """Nouns that tell an act as its verb would ("a suspension of aid"), with that verb."""
    data = _sections("verb_patterns.yaml", ("nominal_acts",))
    return {str(k).lower(): str(v).lower() for k, v in data["nominal_acts"].items()}


@knowledge_cached
def load_event_partitives() -> frozenset[str]:
    """Counting heads through which a light verb reaches its event noun ("a round of")."""
    return _word_set("verb_patterns.yaml", "event_partitives")


@knowledge_cached
def load_symmetric_verbs() -> frozenset[str]:
    """Verbs whose coordinated subjects act on each other ("Iran and Iraq met")."""
    return _word_set("verb_patterns.yaml", "symmetric")


@knowledge_cached
def load_symmetric_roots() -> frozenset[str]:
    """CAMEO roots whose coordinated actors act on each other when the text names no target
    ("Jordan and Britain agreed to hold exercises": JOR -> GBR and GBR -> JOR)."""
    return frozenset(_words("verb_patterns.yaml", "symmetric_roots"))


@knowledge_cached
def load_instruments() -> list[Instrument]:
    return _entries("verb_patterns.yaml", "instruments", Instrument)


@knowledge_cached
def load_noun_patterns() -> list[NounPattern]:
    return _entries("verb_patterns.yaml", "nouns", NounPattern)


@knowledge_cached
def load_frames() -> Frames:
    """Complement frames: families with their recoding tables, and the words that open them."""
    name = "frames.yaml"
    data = _read_yaml(name)
    families = {k: FrameFamily.model_validate(v) for k, v in (data.get("families") or {}).items()}
    verbs: dict[str, list[Frame]] = {}
    for f in _entries(name, "verbs", Frame):
        verbs.setdefault(f.lemma, []).append(f)
    adjectives = {f.lemma: f for f in _entries(name, "adjectives", Frame)}
    nouns: dict[str, list[Frame]] = {}
    for f in _entries(name, "nouns", Frame):
        nouns.setdefault(f.lemma, []).append(f)
    modals = dict(data.get("modals") or {})
    predicates = {str(k).lower(): str(v) for k, v in (data.get("predicates") or {}).items()}
    problems = [f"{f.lemma}: unknown family {f.family!r}"
                for f in [*(x for v in [*verbs.values(), *nouns.values()] for x in v),
                          *adjectives.values()]
                if f.family not in families]
    problems += [f"modals.{k}: unknown family {v!r}" for k, v in modals.items()
                 if v not in families]
    problems += [f"predicates.{k}: unknown family {v!r}" for k, v in predicates.items()
                 if v not in families]
    problems += [f"families.{k}.hostile: unknown family {f.hostile!r}"
                 for k, f in families.items() if f.hostile and f.hostile not in families]
    if problems:
        raise DataFileError(name, problems)
    return Frames(families, verbs, adjectives, modals, nouns, predicates)


@knowledge_cached
def load_time_words() -> dict[str, Any]:
    """Month, weekday, season, number and unit words of time expressions (time.yaml)."""
    return _sections("time.yaml", ("months", "weekdays", "seasons", "numbers", "units",
                                   "quarters", "present", "recent", "future"))


@knowledge_cached
def load_quantity_words() -> dict[str, Any]:
    """Kinds, scales, vague amounts and qualifiers of counted numbers (quantities.yaml)."""
    return _sections("quantities.yaml", ("verbs", "nouns", "scales", "vague", "qualifiers",
                                         "numbers", "currencies"))


@knowledge_cached
def load_cameo() -> dict[str, CameoCode]:
    """The CAMEO table, keyed by code ("190", "0311")."""
    name = "cameo_codes.tsv"
    with (_k().base / name).open(encoding="utf-8") as fh:
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


@knowledge_cached
def cameo_version() -> str:
    with (_k().base / "cameo_codes.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("# version:"):
                return line.split(":", 1)[1].strip()
    return "unknown"


@knowledge_cached
def versions() -> str:
    """One string naming the version of every data file, stored with each coded document."""
    parts = [f"cameo={cameo_version()}"]
    for name in ("actors/countries.yaml", "actors/agents.yaml", "actors/organizations.yaml",
                 "actors/persons.yaml", "verb_patterns.yaml", "frames.yaml", "modality.yaml",
                 "time.yaml", "quantities.yaml", "truecase.yaml", "chains.yaml",
                 "given_names.yaml", "quotes.yaml", "merge.yaml", "arguments.yaml"):
        parts.append(f"{Path(name).stem}={data_version(name)}")
    return ";".join(parts)

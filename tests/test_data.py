"""The hand-edited data files: schema-valid, consistent with each other, and loud when broken."""

from __future__ import annotations

from collections import Counter

import pytest

import tacitus.data as data
from tacitus.errors import DataFileError


def test_every_file_loads_with_a_version() -> None:
    assert data.load_cameo() and data.load_countries() and data.load_agents()
    assert data.load_organizations() and data.load_persons() and data.load_verb_patterns()
    assert data.load_noun_patterns() and data.load_boilerplate() and data.load_modality()
    assert "cameo=" in data.versions() and "verb_patterns=" in data.versions()


def test_cameo_table_is_a_complete_tree() -> None:
    table = data.load_cameo()
    roots = {c for c in table if len(c) == 2}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    quad = {**dict.fromkeys(range(1, 6), 1), **dict.fromkeys(range(6, 9), 2),
            **dict.fromkeys(range(9, 14), 3), **dict.fromkeys(range(14, 21), 4)}
    for code, row in table.items():
        parent = code[:2] if len(code) == 3 else code[:3]
        assert len(code) == 2 or parent in table, f"{code} has no parent"
        assert row.quad_class == quad[int(code[:2])], code
        assert -10 <= row.goldstein <= 10
    assert len(table) > 250


def test_every_un_member_is_there_once() -> None:
    countries = data.load_countries()
    codes = Counter(c.code for c in countries)
    assert not [c for c, n in codes.items() if n > 1]
    assert sum(c.un_member for c in countries) == 193
    for needed in ("USA", "AFG", "PAK", "QAT", "PSE", "TWN", "RUS", "CHN"):
        assert needed in codes


def test_no_name_points_to_two_countries() -> None:
    owner: dict[str, str] = {}
    clashes = []
    for c in data.load_countries():
        for name in {c.name, *c.aliases, *c.adjectives, *c.demonyms}:
            if owner.setdefault(name, c.code) != c.code:
                clashes.append((name, owner[name], c.code))
    assert not clashes


def test_codes_used_by_persons_and_organizations_exist() -> None:
    countries = {c.code for c in data.load_countries()}
    agents = {a.code for a in data.load_agents()} | {"ELI"}
    orgs = {o.code for o in data.load_organizations()}
    bad = []
    for p in data.load_persons():
        for r in p.roles:
            ok = r.code in orgs or (r.code[:3] in countries and r.code[3:] in agents)
            if not ok:
                bad.append((p.name, r.code))
            assert r.end is None or r.start <= r.end, (p.name, r.title)
    assert not bad
    assert all(o.country is None or o.country in countries for o in data.load_organizations())


def test_agent_lists_of_the_argument_words_name_known_agents() -> None:
    agents = {a.code for a in data.load_agents()}
    words = data.load_argument_words()
    assert words.state_agents <= agents and words.local_agents <= agents
    assert words.ethnic_marks


def test_a_people_of_a_state_is_no_demonym_of_its_region() -> None:
    # "Iraqi Kurds" are Iraq's people; only "Iraqi Kurdish" names the regional government
    kurdistan = next(c for c in data.load_countries() if c.code == "XKR")
    assert "Iraqi Kurds" not in kurdistan.demonyms
    assert "Iraqi Kurdish" in kurdistan.adjectives


def test_a_former_country_name_brings_its_adjective() -> None:
    cambodia = next(c for c in data.load_countries() if c.code == "KHM")
    assert "Kampuchea" in cambodia.aliases and "Kampuchean" in cambodia.adjectives


def test_agent_nouns_are_unambiguous() -> None:
    seen = Counter(n.lower() for a in data.load_agents() for n in a.nouns)
    assert not [n for n, k in seen.items() if k > 1]


def test_patterns_use_codes_of_the_table() -> None:
    from tacitus.events import load_patterns

    table = data.load_cameo()
    patterns = load_patterns()
    assert all(p.code in table for ps in patterns.verbs.values() for p in ps)
    assert patterns.speech  # some verbs report speech


def test_a_broken_pattern_names_file_and_entry(broken_data) -> None:
    path = broken_data / "verb_patterns.yaml"
    path.write_text(path.read_text().replace(
        "verbs:\n", "verbs:\n  - {verb: smite, code: '9x9'}\n  - {code: '190'}\n", 1))
    with pytest.raises(DataFileError) as info:
        data.load_verb_patterns()
    message = str(info.value)
    assert "verb_patterns.yaml" in message and "2 bad entries" in message
    assert "smite" in message


def test_a_pattern_with_an_unknown_code_is_refused(broken_data) -> None:
    from tacitus.events.coder import load_patterns

    path = broken_data / "verb_patterns.yaml"
    smite = "verbs:\n  - {verb: smite, code: '2099'}\n"
    path.write_text(path.read_text().replace("verbs:\n", smite, 1))
    with pytest.raises(DataFileError, match="smite: code 2099"):
        load_patterns()


def test_every_chain_weight_weighs_a_feature_the_chains_read() -> None:
    # a weight named "a*b" weighs the product of two features: both must exist, or the ranker
    # would fail on the first pronoun (a misspelt plain name would silently weigh nothing)
    import spacy

    from tacitus.actors.chains import Chains, Mention

    words = data.load_chain_words()
    doc = spacy.blank("en")("Ana met Eva. She left.")
    for t in doc:
        t.is_sent_start = t.i in (0, 4)
    chains = Chains(doc, words)
    features = chains.features(doc[4], Mention(0, "A", 0, "subj", True, False, "f", True))
    for first, second, _ in words.terms:
        assert first in features and (second is None or second in features), (first, second)

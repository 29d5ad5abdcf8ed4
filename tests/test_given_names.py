"""The given-names data file: well formed, and each name in the list of its usual gender."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
import yaml

import tacitus.data

LISTS = ("female", "male", "either")
NAME = re.compile(r"[a-z]+(?:[-'][a-z]+)*")


@cache
def given_names() -> dict[str, Any]:
    path = Path(tacitus.data.__file__).parent / "given_names.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_version_description_and_lists() -> None:
    data = given_names()
    assert re.fullmatch(r"\d{4}\.\d{1,2}\.\d+", data["version"])
    assert data["description"].strip()
    for key in LISTS:
        assert isinstance(data[key], list) and data[key], key
    # the coverage the file was written for: a name list, not a sample
    assert len(data["female"]) >= 1500 and len(data["male"]) >= 1500
    assert len(data["either"]) >= 100


@pytest.mark.parametrize("key", LISTS)
def test_entries_are_lowercase_ascii_words(key: str) -> None:
    bad = [n for n in given_names()[key] if not (isinstance(n, str) and NAME.fullmatch(n))]
    assert not bad, f"{key}: {bad}"


@pytest.mark.parametrize("key", LISTS)
def test_no_duplicates_and_sorted(key: str) -> None:
    names = given_names()[key]
    assert not [n for n, k in Counter(names).items() if k > 1], key
    unsorted = [(a, b) for a, b in pairwise(names) if a > b]
    assert not unsorted, f"{key} not sorted at {unsorted[:5]}"


def test_lists_are_disjoint() -> None:
    data = given_names()
    female, male, either = (set(data[k]) for k in LISTS)
    assert not female & male, sorted(female & male)
    assert not female & either, sorted(female & either)
    assert not male & either, sorted(male & either)


# Well-known names from several cultures, and the list each must be in.
SPOT_CHECKS = {
    "female": [
        "mary", "elizabeth", "margaret", "angela", "ursula", "marine", "segolene", "giorgia",
        "dolores", "ingrid", "svetlana", "yulia", "agnieszka", "jelena", "eleni", "zeynep",
        "fatima", "aisha", "maryam", "narges", "yael", "indira", "priyanka", "benazir",
        "ngozi", "chimamanda", "wangari", "nkosazana", "megawati", "corazon", "yoko", "michiko",
    ],
    "male": [
        "john", "william", "emmanuel", "francois", "olaf", "helmut", "giuseppe", "matteo",
        "pedro", "joao", "vladimir", "volodymyr", "andrzej", "slobodan", "kyriakos", "recep",
        "mohammed", "muhammad", "mohamed", "abdel", "abdul", "hassan", "mahmoud", "benjamin",
        "yitzhak", "narendra", "rahul", "nawaz", "kwame", "olusegun", "uhuru", "nelson",
        "joko", "rodrigo", "hiroshi", "takeshi",
    ],
    "either": [
        "jean", "andrea", "kim", "robin", "jordan", "taylor", "alexis", "sasha", "dominique",
        "claude", "camille", "noa", "ariel", "eden", "nikola", "nicola", "simone", "karen",
        "tunde", "kiran", "nour", "iman", "deniz", "kehinde",
    ],
}


@pytest.mark.parametrize(("key", "name"), [(k, n) for k, ns in SPOT_CHECKS.items() for n in ns])
def test_well_known_names_are_in_their_list(key: str, name: str) -> None:
    found = [k for k in LISTS if name in given_names()[k]]
    assert found == [key], f"{name}: in {found}, expected {key}"


def test_first_names_of_compounds_and_variants() -> None:
    data = given_names()
    # hyphenated French and German compounds carry the gender their bare first part lacks
    assert {"jean-pierre", "jean-marie", "hans-dietrich"} <= set(data["male"])
    assert {"marie-france", "anne-sophie"} <= set(data["female"])
    # transliteration variants are listed one by one
    assert {"yevgeny", "evgeny", "yevhen", "oleksandr", "aleksandr"} <= set(data["male"])
    assert {"yekaterina", "ekaterina", "kateryna", "tatiana", "tetiana"} <= set(data["female"])

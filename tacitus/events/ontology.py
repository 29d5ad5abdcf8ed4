"""The CAMEO ontology (``data/cameo_codes.tsv``): names, Goldstein scores, QuadClass, PLOVER."""

from __future__ import annotations

from tacitus.data import CameoCode, load_cameo
from tacitus.errors import TacitusError


class UnknownCode(TacitusError, KeyError):
    """A CAMEO code that is not in the table."""


def lookup(code: str) -> CameoCode:
    """The table row for ``code``; a code missing from the table is an error, never guessed."""
    table = load_cameo()
    try:
        return table[code]
    except KeyError:
        raise UnknownCode(f"{code!r} is not a CAMEO code (see `tacitus explain`)") from None


def children(code: str) -> list[CameoCode]:
    """The codes directly below ``code`` ("19" -> "190".."196")."""
    return [c for c in load_cameo().values()
            if len(c.code) == len(code) + 1 and c.code.startswith(code)]

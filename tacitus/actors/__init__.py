"""actors: the dictionary (data files) and the resolution of noun phrases to actors."""

from tacitus.actors.dictionary import Dictionary, Entry, dictionary_for, role_on
from tacitus.actors.resolver import ActorBook

__all__ = ["ActorBook", "Dictionary", "Entry", "dictionary_for", "role_on"]

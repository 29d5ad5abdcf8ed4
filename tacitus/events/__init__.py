"""events: the CAMEO ontology and the pattern coder over the dependency parse."""

from tacitus.events.coder import EventCoder, Found, load_patterns
from tacitus.events.ontology import UnknownCode, children, lookup

__all__ = ["EventCoder", "Found", "UnknownCode", "children", "load_patterns", "lookup"]

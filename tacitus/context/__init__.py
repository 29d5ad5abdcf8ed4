"""context: when, where, how sure and how many, for every coded event."""

from tacitus.context.quantities import Counter
from tacitus.context.time import Dater, TimeExpr, find_times

__all__ = ["Counter", "Dater", "TimeExpr", "find_times"]

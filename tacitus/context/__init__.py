"""context: when, where, how sure and how many, for every coded event."""

from tacitus.context.time import Dater, TimeExpr, find_times

__all__ = ["Dater", "TimeExpr", "find_times"]

"""eval: accuracy on published gold data (the files in ../shared/eval)."""


def share(part: int, whole: int) -> float:
    """``part / whole`` rounded as the figures are stored (0.0 for an empty whole)."""
    return round(part / whole, 4) if whole else 0.0

"""eval: accuracy on published gold data (the files in ../shared/eval)."""


def share(part: int, whole: int) -> float:
    """``part / whole`` rounded as the figures are stored (0.0 for an empty whole)."""
    return round(part / whole, 4) if whole else 0.0


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """How many characters two ``(start, end)`` spans share (0: they do not overlap)."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))

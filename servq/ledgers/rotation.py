"""Taking turns: who is next when a rota continues from where it stopped."""

from collections.abc import Sequence
from typing import TypeVar

Person = TypeVar("Person")


def rotate(people: Sequence[Person], turns: int, *, after: Person | None = None) -> list[Person]:
    """The next `turns` people in order, starting after `after` (from the first if None or if
    `after` is no longer in the list), wrapping around."""
    if not people:
        raise ValueError("a rota needs at least one person")
    start = people.index(after) + 1 if after in people else 0
    return [people[(start + turn) % len(people)] for turn in range(turns)]

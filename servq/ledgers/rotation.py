"""Taking turns: who is next when a rota continues from where it stopped."""

from collections.abc import Collection, Sequence
from typing import TypeVar

Person = TypeVar("Person")


def rotate(people: Sequence[Person], turns: int, *, after: Person | None = None,
           skip: Collection[Person] = ()) -> list[Person]:
    """The next `turns` people in order, starting after `after` (from the first if None or if
    `after` is no longer in the list), wrapping around, each at most once and none of `skip`
    (e.g. those already on duty that day). ValueError if there are not that many."""
    people = list(dict.fromkeys(people))
    if not people:
        raise ValueError("a rota needs at least one person")
    start = people.index(after) + 1 if after in people else 0
    order = [people[(start + turn) % len(people)] for turn in range(len(people))]
    chosen = [person for person in order if person not in skip][:turns]
    if len(chosen) < turns:
        raise ValueError(f"{turns} turns need {turns} different people, not {len(chosen)}")
    return chosen

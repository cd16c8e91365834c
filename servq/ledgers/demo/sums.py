"""Deterministic made-up numbers that add up exactly to the seed's totals."""

import random


def split_total(total: int, weights: list[float]) -> list[int]:
    """Integers proportional to `weights` summing to `total` (largest remainders)."""
    scale = sum(weights)
    exact = [total * w / scale for w in weights]
    parts = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: exact[i] - parts[i], reverse=True)
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def values_with_sum(rng: random.Random, count: int, total: int, low: int, high: int,
                    draw=None) -> list[int]:
    """`count` integers in [low, high] summing to `total`, drawn by `draw(rng)` then nudged."""
    if not low * count <= total <= high * count:
        raise ValueError("the total cannot be reached within the bounds")
    draw = draw or (lambda r: r.randint(low, high))
    values = [min(high, max(low, int(draw(rng)))) for _ in range(count)]
    diff = total - sum(values)
    while diff:
        i = rng.randrange(count)
        step = min(diff, high - values[i]) if diff > 0 else max(diff, low - values[i])
        step = step if abs(step) <= 500 else (500 if step > 0 else -500)
        values[i] += step
        diff -= step
    return values


def skewed(mean: float, low: int):
    """Many small amounts, few large ones (exponential above `low`), averaging about `mean`."""
    return lambda rng: low + rng.expovariate(1 / (mean - low))

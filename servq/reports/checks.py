"""Checks before issuing, on the figures a report uses:

- a percentage distribution (a mapping named `percent`) that does not sum to 100 within
  rounding (each value rounded half-up to d decimals may be off by half a unit, so k values
  may together be off by k/2 units of the last decimal);
- a year-to-date figure smaller than its quarter (`x_ytd` below `x`, or a value below the same
  key under its `quarter` mapping), for counts (whole numbers) only: averages and percentages
  may well fall;
- a figure with no data (None, or an empty list of records).

Only the figures a template refers to (and the mappings around them) are checked.
"""

from decimal import Decimal

from .document import Check


def _is_count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _places(value) -> int:
    exponent = Decimal(str(value)).as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _node(tree, path):
    node = tree
    for segment in path:
        if isinstance(node, dict) and segment in node:
            node = node[segment]
        elif isinstance(node, dict) and segment.isdigit() and int(segment) in node:
            node = node[int(segment)]
        else:
            return None
    return node


def _name(path) -> str:
    return ".".join(str(part) for part in path)


def percent_sum_check(path, mapping: dict) -> Check | None:
    values = [v for v in mapping.values() if _is_number(v)]
    if not values or len(values) != len(mapping):
        return None
    total = sum(Decimal(str(v)) for v in values)
    places = max(_places(v) for v in values)
    tolerance = Decimal(len(values)) * Decimal(5) * Decimal(10) ** -(places + 1)
    if abs(total - 100) > tolerance:
        return Check("percent_sum", _name(path),
                     f"「{_name(path)}」各項百分比合計為 {total}%，不是 100%（四捨五入容許 ±{tolerance}）")
    return None


def ytd_checks(path, mapping: dict) -> list[Check]:
    checks = []
    for key, value in mapping.items():
        key = str(key)
        if key.endswith("_ytd"):
            quarter = mapping.get(key[: -len("_ytd")])
            if _is_count(value) and _is_count(quarter) and value < quarter:
                checks.append(Check("ytd_below_quarter", _name(path + (key,)),
                                    f"「{_name(path + (key,))}」累計數 {value} 小於本期數 {quarter}"))
    quarter = mapping.get("quarter")
    if isinstance(quarter, dict):
        for key, value in quarter.items():
            total = mapping.get(key)
            if _is_count(value) and _is_count(total) and total < value:
                checks.append(Check("ytd_below_quarter", _name(path + (str(key),)),
                                    f"「{_name(path + (str(key),))}」累計數 {total} 小於本季數 {value}"))
    return checks


def _descendant_mappings(path, node):
    stack = [(path, node)]
    while stack:
        here, value = stack.pop()
        if isinstance(value, dict):
            yield here, value
            stack.extend((here + (str(k),), v) for k, v in value.items() if isinstance(v, dict))


def run_checks(figures: dict, referenced: set[tuple[str, ...]]) -> list[Check]:
    checks: list[Check] = []
    seen_mappings: set[tuple] = set()
    for path in sorted(referenced):
        value = _node(figures, path)
        if value is None or (isinstance(value, list) and not value):
            checks.append(Check("no_data", _name(path), f"「{_name(path)}」本期沒有資料"))
        candidates = [(path, value)] if isinstance(value, dict) else []
        for cut in (1, 2):
            if len(path) - cut >= 1:
                parent = path[:-cut]
                candidates.append((parent, _node(figures, parent)))
        for root, node in candidates:
            if not isinstance(node, dict):
                continue
            subtree = _descendant_mappings(root, node) if root == path else [(root, node)]
            for here, mapping in subtree:
                if here in seen_mappings:
                    continue
                seen_mappings.add(here)
                if here[-1:] == ("percent",):
                    found = percent_sum_check(here, mapping)
                    if found:
                        checks.append(found)
                elif isinstance(mapping.get("percent"), dict) and here + ("percent",) not in seen_mappings:
                    seen_mappings.add(here + ("percent",))
                    found = percent_sum_check(here + ("percent",), mapping["percent"])
                    if found:
                        checks.append(found)
                checks.extend(ytd_checks(here, mapping))
    return checks

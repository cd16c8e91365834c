"""Heading numbers as government documents write them: 壹、 一、 （一） 1. （1） a.

A numbering style is written as an example of its first number, e.g. "壹、", "（一）", "1.",
"(a)", "第一章": the numeral tells the kind (formal Chinese, Chinese, Arabic, Latin) and the
text around it is kept as prefix and suffix.
"""

import re
from dataclasses import dataclass

DEFAULT_STYLES = ("壹、", "一、", "（一）", "1.", "（1）", "a.")

_DIGITS = "零一二三四五六七八九"
_FORMAL_DIGITS = "零壹貳參肆伍陸柒捌玖"
_NUMERAL = re.compile(r"壹|一|1|a|A")


def chinese_number(n: int, *, formal: bool = False) -> str:
    """1 一, 10 十, 11 十一, 21 二十一, 105 一百零五 (formal: 壹, 拾, 拾壹, 貳拾壹, 壹佰零伍)."""
    if n <= 0:
        raise ValueError(f"numbering starts at 1, not {n}")
    digits = _FORMAL_DIGITS if formal else _DIGITS
    ten, hundred = ("拾", "佰") if formal else ("十", "百")
    if n >= 1000:
        raise ValueError(f"{n} is too large for a heading number")
    parts, h, rest = [], n // 100, n % 100
    if h:
        parts.append(digits[h] + hundred)
        if 0 < rest < 10:
            parts.append(digits[0])
    t, u = rest // 10, rest % 10
    if t:
        parts.append(ten if (t == 1 and not h and not formal) else digits[t] + ten)
    if u:
        parts.append(digits[u])
    return "".join(parts)


def latin_number(n: int, *, upper: bool = False) -> str:
    """1 a, 26 z, 27 aa (as spreadsheet columns)."""
    letters = ""
    while n > 0:
        n, remainder = divmod(n - 1, 26)
        letters = chr(ord("a") + remainder) + letters
    return letters.upper() if upper else letters


@dataclass(frozen=True)
class NumberingStyle:
    prefix: str
    kind: str  # formal | chinese | arabic | latin | latin_upper
    suffix: str

    @classmethod
    def parse(cls, example: str) -> "NumberingStyle":
        example = example.strip()
        match = _NUMERAL.search(example)
        if not match:
            raise ValueError(
                f"編號樣式「{example}」中找不到編號（請以第一個編號為例，如 壹、 一、 （一） 1. （1） a.）")
        kind = {"壹": "formal", "一": "chinese", "1": "arabic", "a": "latin",
                "A": "latin_upper"}[match.group()]
        return cls(example[: match.start()], kind, example[match.end():])

    def format(self, n: int) -> str:
        if self.kind == "formal":
            numeral = chinese_number(n, formal=True)
        elif self.kind == "chinese":
            numeral = chinese_number(n)
        elif self.kind == "arabic":
            numeral = str(n)
        else:
            numeral = latin_number(n, upper=self.kind == "latin_upper")
        return f"{self.prefix}{numeral}{self.suffix}"


class Numbering:
    """Counters per heading level; numbering a heading resets the levels below it."""

    def __init__(self, styles: list[NumberingStyle]):
        self.styles = styles
        self.counters = [0] * len(styles)

    def style_for(self, level: int) -> NumberingStyle:
        # Levels deeper than the styles given reuse the last style.
        return self.styles[min(level, len(self.styles)) - 1]

    def next(self, level: int) -> str:
        index = min(level, len(self.styles)) - 1
        self.counters[index] += 1
        for deeper in range(index + 1, len(self.counters)):
            self.counters[deeper] = 0
        return self.style_for(level).format(self.counters[index])

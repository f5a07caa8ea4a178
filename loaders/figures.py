"""The figure grammar: money, percentages, counts and ranges, with what they measure.

``price-parser`` turned "£40-45m" into 40 and "£175m" into 175 (measured), so the grammar is
our own: currency, thousands separators, ranges ("40-45", "20 – 25", "to"), multipliers
(k, m, million, bn), approximation cues, "%"/"per cent" and "N <noun>" counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from loaders.cues import load_cues

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_DASH = r"[ \u00a0]*(?:-|–|—|to)[ \u00a0]*"
# A minus sign written straight before a figure ("-£0.8m", "-5.5%" in a table of changes);
# not after a word, digit or bracket, where a hyphen joins a range or a compound.
_NEGATIVE = r"(?P<neg>(?<![\w.,£$€%)\-])[-\u2212](?=[£$€\d]))?"


@dataclass(frozen=True)
class FigureMatch:
    """A figure found in text.

    Attributes
    ----------
    start, end : int
        Span of the figure expression, approximation cue included.
    kind : str
        ``money``, ``percentage`` or ``count``.
    value, minimum, maximum : Decimal or None
        A point value, or a range.
    currency : str or None
        ISO code for money.
    unit : str or None
        ``%`` or the counted noun ("children").
    approximate : bool
        An approximation cue preceded the figure.
    """

    start: int
    end: int
    kind: str
    value: Decimal | None
    minimum: Decimal | None
    maximum: Decimal | None
    currency: str | None = None
    unit: str | None = None
    approximate: bool = False


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    cues = load_cues("figures")
    approx = "|".join(re.escape(a) for a in sorted(cues["approximation"], key=len, reverse=True))
    mult = "|".join(sorted(cues["multipliers"], key=len, reverse=True))
    cur = "|".join(re.escape(c) for c in cues["currencies"])
    lead = rf"(?:(?P<approx>\b(?:{approx}))[ \u00a0]+)?"
    money = re.compile(
        rf"{lead}{_NEGATIVE}(?P<cur>{cur})[ \u00a0]?(?P<a>{_NUM})(?:[ \u00a0]?(?P<ma>(?:{mult})\b))?"
        rf"(?:{_DASH}(?:{cur})?[ \u00a0]?(?P<b>{_NUM})(?:[ \u00a0]?(?P<mb>(?:{mult})\b))?)?", re.I)
    percent = re.compile(
        rf"{lead}{_NEGATIVE}(?P<a>{_NUM})(?:[ \u00a0]?%|[ \u00a0]per[ \u00a0]?cent)?(?:{_DASH}(?P<b>{_NUM}))?"
        rf"[ \u00a0]?(?:%|per[ \u00a0]?cent\b)", re.I)
    nouns = "|".join(re.escape(n) for n in sorted(cues["count_nouns"], key=len, reverse=True))
    count = re.compile(
        rf"{lead}(?<![£$€\d.,-])(?P<a>{_NUM})(?![\d%]|[ \u00a0]?(?:%|per cent|[-–]))"
        rf"[ \u00a0]+(?P<adj>(?:[a-z-]+[ \u00a0]){{0,2}}?)(?P<noun>{nouns})\b", re.I)
    return money, percent, count


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _scale(mult: str | None) -> Decimal:
    if not mult:
        return Decimal(1)
    return Decimal(load_cues("figures")["multipliers"][mult.lower()])


def find_figures(text: str, offset: int = 0) -> list[FigureMatch]:
    """Find money, percentage and count figures in ``text``.

    Parameters
    ----------
    text : str
        A passage.
    offset : int
        Where the passage starts in the document.

    Returns
    -------
    list of FigureMatch
        In text order, without overlaps.

    Examples
    --------
    >>> [(f.kind, f.value, f.minimum, f.maximum, f.approximate)
    ...  for f in find_figures("Approximately £175m; of this £40-45m, 20 – 25 % and 119 children")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('money', Decimal('175000000'), None, None, True),
     ('money', None, Decimal('40000000'), Decimal('45000000'), False),
     ('percentage', None, Decimal('20'), Decimal('25'), False),
     ('count', Decimal('119'), None, None, False)]
    >>> [str(f.value) for f in find_figures("| -£0.8m | -5.5% | 2024-25 |")]
    ['-800000.0', '-5.5']
    >>> [f.end for f in find_figures("£45,000 comes")]
    [7]
    """
    money, percent, count = _patterns()
    cues = load_cues("figures")
    found: list[FigureMatch] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for match in money.finditer(text):
        a, b = _number(match.group("a")), match.group("b")
        if match.group("neg"):
            a = -a
        scale_b = _scale(match.group("mb"))
        scale_a = _scale(match.group("ma")) if match.group("ma") else scale_b
        currency = cues["currencies"].get(match.group("cur"), cues["currencies"].get(
            match.group("cur").upper()))
        if b is None:
            figure = FigureMatch(match.start(), match.end(), "money", a * scale_a, None, None,
                                 currency=currency, approximate=bool(match.group("approx")))
        else:
            figure = FigureMatch(match.start(), match.end(), "money", None, a * scale_a,
                                 _number(b) * scale_b, currency=currency,
                                 approximate=bool(match.group("approx")))
        found.append(figure)
        taken.append((match.start(), match.end()))
    for match in percent.finditer(text):
        if not free(match.start(), match.end()):
            continue
        a, b = _number(match.group("a")), match.group("b")
        if match.group("neg") and b is None:
            a = -a
        found.append(FigureMatch(match.start(), match.end(), "percentage",
                                 a if b is None else None, None if b is None else a,
                                 None if b is None else _number(b), unit="%",
                                 approximate=bool(match.group("approx"))))
        taken.append((match.start(), match.end()))
    for match in count.finditer(text):
        if not free(match.start(), match.end()):
            continue
        number = _number(match.group("a"))
        # A year is not a count ("in 2011 organisations were invited").
        if 1900 <= number <= 2100 and "," not in match.group("a"):
            continue
        found.append(FigureMatch(match.start(), match.end(), "count", number, None, None,
                                 unit=match.group("noun").lower(),
                                 approximate=bool(match.group("approx"))))
        taken.append((match.start(), match.end()))
    found.sort(key=lambda f: f.start)
    return [FigureMatch(f.start + offset, f.end + offset, f.kind, f.value, f.minimum, f.maximum,
                        f.currency, f.unit, f.approximate) for f in found]


_CLAUSE_END = re.compile(r"[.;:!?]|,(?=\s+(?:and|but|covering|which|however|therefore)\b)|"
                         r"\.\s|\s(?:and|but)\s(?=[£$€]?\d)")


def measured_phrase(sentence: str, start: int, end: int) -> str:
    """Name what a figure measures from the sentence around it.

    Parameters
    ----------
    sentence : str
        The sentence holding the figure.
    start, end : int
        The figure's span inside ``sentence``.

    Returns
    -------
    str
        A short phrase such as ``spent on Specialist Children’s Services``.

    Examples
    --------
    >>> s = "Approximately £175m is spent on Specialist Children’s Services"
    >>> measured_phrase(s, 0, 19)
    'spent on Specialist Children’s Services'
    >>> s = "Other commissioned services and grants account for £20m, covering care leavers"
    >>> measured_phrase(s, 51, 55)
    'Other commissioned services and grants'
    """
    before, after = sentence[:start], sentence[end:]
    if before.rstrip().endswith("(") and after.lstrip().startswith(")"):
        before, after = before.rstrip()[:-1], after.lstrip()[1:]
    account = re.search(r"([A-Z][^.;:]*?)\s+(?:account(?:s|ed)? for|total(?:s|led)?|cost(?:s)?|"
                        r"amount(?:s|ed)? to|(?:is|are|was|were) worth)\s*$", before)
    if account:
        return account.group(1).strip()
    stop = _CLAUSE_END.search(after)
    tail = after[: stop.start()] if stop else after
    tail = re.sub(r"^\s*(?:is|are|was|were|has been|have been)\s+", "", tail).strip(" ,")
    verb = re.search(r"\b(?:spend|spends|spent|spending|invest|invests|invested)\s*$", before, re.I)
    if verb and re.match(r"(?:on|with|in)\b", tail):
        return f"spend {tail}"
    if tail and re.match(r"(?:spent|spend|spending|invested|allocated|of|on|with|for|in|"
                         r"have|has|had|are|were|been|placed|found)\b", tail):
        return tail
    head = re.split(r"[.;:!?]\s", before)[-1]
    head = re.sub(r"\b(?:we|they|it|the council|kcc)\s+(?:currently\s+)?(?:spend|spends|spent)\s*$", "spend",
                  head, flags=re.I).strip(" ,")
    return (head + (" " + tail if tail else "")).strip() or tail

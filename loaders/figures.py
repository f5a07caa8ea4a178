"""The figure grammar: money, percentages, counts and ranges, with what they measure.

``price-parser`` turned "£40-45m" into 40 and "£175m" into 175 (measured), so the grammar is
our own: currency, thousands separators, ranges ("40-45", "20 – 25", "to"), multipliers
(k, m, million, bn), approximation cues, "%"/"per cent" and "N <noun>" counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from evidence_graph.loaders.cues import load_cues

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


# Words that never sit between a number and its counted noun ("rules 4.47 to 4.54 by members").
_FUNCTION_WORDS = "by|of|to|the|and|or|in|on|for|with|at|from|as|than|per|a|an|is|are|was|were"


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
        rf"[ \u00a0]+(?P<adj>(?:(?!(?:{_FUNCTION_WORDS})[ \u00a0])[a-z-]+[ \u00a0]){{0,2}}?)(?P<noun>{nouns})\b", re.I)
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
        # A numbered heading is not a count ("5.2 Responses to …" at the head of a line).
        if "." in match.group("a") and not text[text.rfind("\n", 0, match.start()) + 1:match.start()].strip():
            continue
        # "8 million people": the multiplier scales the count.
        multipliers = "|".join(cues["multipliers"])
        scale = re.match(rf"(?:{multipliers})\b", match.group("adj"), re.I)
        if scale:
            number *= _scale(scale.group())
        found.append(FigureMatch(match.start(), match.end(), "count", number, None, None,
                                 unit=match.group("noun").lower(),
                                 approximate=bool(match.group("approx"))))
        taken.append((match.start(), match.end()))
    found.sort(key=lambda f: f.start)
    return [FigureMatch(f.start + offset, f.end + offset, f.kind, f.value, f.minimum, f.maximum,
                        f.currency, f.unit, f.approximate) for f in found]


# -- what a figure measures ---------------------------------------------------------------------

Span = tuple[int, int]
#: A topic span that holds nothing: the figure is about no named thing.
_NOTHING: Span = (-1, -1)

# Clause boundaries inside a sentence: strong punctuation, a dash set off by spaces, and a
# comma (commas inside capitalised lists such as "Design, Supply, Installation" are kept).
_BOUNDARY = re.compile(r"[;:!?]|\s[-–—]\s|\.\s|,")
# "and £10m on …", "with 20% being …": a coordinated figure starts its own clause.
_COORDINATED = re.compile(r"\s(?:and|or|with|but|while|whilst)\s+$", re.I)
_WORD_RE = re.compile(r"[\w£$€%'’/&.-]*[\w%)]|\(\w[^()]*\)")
_YEAR = re.compile(r"\b(?:in|for|during|by|from)\s+(?:the\s+)?(?:financial\s+year\s+|year\s+)?"
                   r"(?:19|20)\d\d(?:\s?[/–-]\s?(?:19|20)?\d\d)?\b"
                   r"|\b(?:per\s+(?:year|annum|month|week)|a\s+year|each\s+year|every\s+year|annually)\b",
                   re.I)
_NUMBER_LEAD = re.compile(rf"^.*?(?:{_NUM})(?:\s*(?:[-–—]|to)\s*(?:{_NUM}))?\s*", re.S)


@dataclass(frozen=True)
class Measure:
    """What a figure measures, and where in its sentence to look for what it is about.

    Attributes
    ----------
    phrase : str
        A noun phrase ("spend on Specialist Children’s Services"), or the clause itself with
        the figure in place when no rule reads it.
    topic : tuple of (int, int)
        Spans of the sentence the phrase was built from, the most telling first (what is spent
        on, the subject that costs, the counted noun's modifiers).
    clause : (int, int)
        The clause holding the figure.
    excluded : tuple of (int, int)
        Spans set against the figure ("unlike in adult services"): never what it is about.
    anaphoric : bool
        The figure is a part of something named before ("Of this £40m", "25% of the spend",
        "In this time 119 children").
    """

    phrase: str
    topic: tuple[Span, ...] = ()
    clause: Span = (0, 0)
    excluded: tuple[Span, ...] = ()
    anaphoric: bool = False


#: Auxiliaries that are adverbs: skipped after a figure but no end of a phrase.
_ADVERBS = frozenset({"currently", "now", "also", "only", "still", "already"})


@cache
def _lexicon() -> dict[str, frozenset[str]]:
    cues = load_cues("figures")
    return {name: frozenset(w.lower() for w in cues[name]) for name in (
        "auxiliaries", "phrase_stops", "prepositions", "determiners", "personal_nouns", "durations")}


def _alternation(words: object) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


def _words(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(lo + m.start(), lo + m.end(), m.group()) for m in _WORD_RE.finditer(text[lo:hi])]


def _boundaries(sentence: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """Clause boundaries; a comma inside a capitalised list ("Design, Supply, Installation") is none."""
    for match in _BOUNDARY.finditer(sentence, lo, hi):
        if match.group() == "," and re.search(r"(?:^|\s)[A-Z][\w’'&]*$", sentence[:match.start()]) \
                and re.match(r",\s*[A-Z][\w’'&]*(?:,|\s+(?:and|&)\s)", sentence[match.start():]):
            continue
        yield match


def _clause(sentence: str, start: int, end: int) -> Span:
    """The clause around ``sentence[start:end]``: from the last boundary before it to the next."""
    lo = 0
    for match in _boundaries(sentence, 0, start):
        lo = match.end()
    coordinated = _COORDINATED.search(sentence, lo, start)
    # "… £9m on X and £10m on Y": a figure coordinated with an earlier one opens its own clause.
    if coordinated and re.search(r"[£$€%]|per\s?cent", sentence[lo:coordinated.start()]):
        lo = coordinated.start()
    stop = next(_boundaries(sentence, end, len(sentence)), None)
    return lo, stop.start() if stop else len(sentence)


def _noun_phrase_before(sentence: str, pos: int, floor: int, limit: int = 16) -> Span:
    """The noun phrase that ends at ``pos``, read backwards to a verb, subordinator or boundary."""
    lex = _lexicon()
    words = _words(sentence, floor, pos)
    start = pos
    for i in range(len(words) - 1, -1, -1):
        a, _, word = words[i]
        low = word.lower()
        following = words[i + 1][2] if i + 1 < len(words) else ""
        # "to implement this scheme" ends a phrase; "grants to parishes" does not (a plural noun).
        infinitive = low == "to" and following[:1].islower() and following.lower() not in lex["determiners"] \
            and not (following.endswith("s") and not following.endswith("ss"))
        # A capitalised word inside a sentence is part of a name ("Carers Support Programme").
        stop = low in lex["phrase_stops"] and (word[:1].islower() or a == 0)
        if stop or low in lex["auxiliaries"] or infinitive or len(words) - i > limit:
            break
        if "," in sentence[a:start] and not word[:1].isupper():
            break
        start = a
    # "implement this scheme": one lower-case word before a determiner is a verb, not the phrase.
    verb = re.match(rf"\s*[a-z][\w’']*\s+(?=(?:{_alternation(lex['determiners'])})\s)", sentence[start:pos])
    if verb and verb.group().strip().lower() not in lex["prepositions"]:
        start += verb.end()
    # A phrase opens on a content word, not on a preposition or conjunction left at its edge.
    while True:
        first = re.match(r"\s*([\w’']+)\s+", sentence[start:pos])
        if not first or first.group(1).lower() not in lex["prepositions"] | {"and", "or", "but"}:
            break
        start += first.end()
    return start, pos


def _strip_aux(sentence: str, pos: int, hi: int) -> int:
    """Skip auxiliaries and adverbs after ``pos`` ("is", "has been", "currently")."""
    aux = _alternation(_lexicon()["auxiliaries"])
    match = re.compile(rf"(?:\s*(?:{aux})\b)*\s*", re.I).match(sentence, pos, hi)
    return match.end() if match else pos


def _tail(sentence: str, pos: int, hi: int, limit: int = 18, predicate: bool = False) -> Span:
    """The phrase after ``pos`` to the clause end, cut before a new clause or after ``limit`` words.

    A phrase ends before an auxiliary ("… to CK Ltd be approved"); a ``predicate`` keeps them.
    """
    aux = "|" + _alternation(_lexicon()["auxiliaries"] - _ADVERBS) if not predicate else ""
    stop = re.compile(rf"\s(?:(?:which|but|so|as|because|although|whilst|while|whereas|due\s+to|thereby|this|it{aux})"
                      r"\s|(?:and|or)\s+(?:[£$€]|\d))", re.I).search(sentence, pos, hi)
    hi = stop.start() if stop else hi
    words = _words(sentence, pos, hi)
    if len(words) > limit:
        hi = words[limit - 1][1]
    while hi > pos and sentence[hi - 1] in " ,;.\u00a0":
        hi -= 1
    return (pos, hi) if hi > pos else (pos, pos)


def _text(sentence: str, span: Span) -> str:
    return re.sub(r"\s+", " ", sentence[span[0]:span[1]]).strip(" ,;")


def _starts_preposition(sentence: str, pos: int, hi: int) -> bool:
    first = re.match(r"\s*([\w’']+)", sentence[pos:hi])
    return bool(first) and first.group(1).lower() in _lexicon()["prepositions"]


def _lower_determiner(text: str) -> str:
    """"The scheme" inside a longer phrase is "the scheme"."""
    return re.sub(rf"^(?:{_alternation(_lexicon()['determiners'])})\b", lambda m: m.group().lower(), text,
                  flags=re.I)


def _relative(noun_phrase: str) -> str:
    """"who" after a noun of people, "that" after others."""
    low = noun_phrase.lower()
    return "who" if any(low == n or low.endswith(" " + n) for n in _lexicon()["personal_nouns"]) else "that"


def _tidy(phrase: str) -> str:
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,;:-–")
    determiners = _alternation(_lexicon()["determiners"])
    phrase = re.sub(rf"^(?:{determiners})\s+", "", phrase, flags=re.I)
    # A phrase never ends on a preposition or a conjunction left behind by a cut.
    while True:
        last = re.search(r"\s([\w’']+)$", phrase)
        if not last or last.group(1).lower() not in _lexicon()["prepositions"] | {"and", "or", "the", "a"}:
            return phrase
        phrase = phrase[: last.start()].rstrip(" ,")


def _money(sentence: str, start: int, end: int, lo: int, hi: int) -> tuple[str, list[Span]] | None:
    cues = load_cues("figures")
    verbs: dict[str, str] = cues["money_verbs"]
    left = sentence[lo:start]
    after = _strip_aux(sentence, end, hi)
    # "£40m is spent with external providers", "£5m has been allocated to X".
    verb = re.match(r"([A-Za-z]+)\b\s*", sentence[after:hi])
    if verb and verb.group(1).lower() in verbs and _starts_preposition(sentence, after + verb.end(), hi):
        tail = _tail(sentence, after + verb.end(), hi)
        return f"{verbs[verb.group(1).lower()]} {_text(sentence, tail)}", [tail]
    # "we currently spend £9m on X", and a figure coordinated with one ("… and £10m on Y").
    spoken = re.search(r"\b([A-Za-z]+)\s+(?:(?:a|an)\s+(?:further|additional|extra)\s+|(?:a\s+)?total\s+of\s+)?$",
                       left)
    if not (spoken and spoken.group(1).lower() in verbs) and _COORDINATED.search(sentence, 0, start):
        spoken = next((m for m in re.finditer(r"\b([A-Za-z]+)\s+(?=[£$€])", sentence[:lo])
                       if m.group(1).lower() in verbs), None)
    if spoken and spoken.group(1).lower() in verbs and _starts_preposition(sentence, end, hi):
        tail = _tail(sentence, end, hi)
        return f"{verbs[spoken.group(1).lower()]} {_text(sentence, tail)}", [tail]
    return None


def _subject_link(sentence: str, start: int, end: int, lo: int, hi: int) -> tuple[str, list[Span]] | None:
    """"X accounts for £20m", "X costs £5m", "the budget for X is £5m", "X rose by 5%"."""
    cues = load_cues("figures")
    left = sentence[lo:start]
    links = {**cues["subject_links"], **{f"{k} by": v for k, v in cues["change_verbs"].items()}}
    aux = _alternation(_lexicon()["auxiliaries"] - _ADVERBS)
    pattern = re.compile(rf"\s(?P<link>{_alternation(links)}|(?:{aux})(?:\s+(?:estimated|expected|forecast|"
                         rf"projected|budgeted|set|capped|put)(?:\s+(?:at|to\s+be))?)?(?:\s+(?:at|of))?)\s*$",
                         re.I)
    match = pattern.search(" " + left)
    if not match:
        return None
    link_start = lo + match.start() - 1 + 1
    subject = _noun_phrase_before(sentence, link_start, lo)
    if not _text(sentence, subject):
        return None
    link = re.sub(r"\s+", " ", match.group("link").lower())
    head = links.get(link, "")
    phrase = _text(sentence, subject)
    if head:
        phrase = f"{head} {_lower_determiner(phrase)}"
    return phrase, [subject]


def _of_head(sentence: str, start: int, end: int, lo: int, hi: int) -> tuple[str, list[Span]] | None:
    """"a total estimated cost of £229k", "funding of £133m", "a budget for £85,814"."""
    left = sentence[lo:start]
    match = re.search(r"\s(of|for|worth|totalling|valued at)\s*$", " " + left)
    if not match:
        return None
    link_at = lo + match.start() - 1 + 1
    head = _noun_phrase_before(sentence, link_at, lo, limit=5)
    # The head is the phrase its determiner opens ("… Network for the value of" -> "the value").
    determiners = _alternation(_lexicon()["determiners"])
    opened = list(re.finditer(rf"\b(?:{determiners})\s", sentence[head[0]:head[1]], re.I))
    if opened:
        head = (head[0] + opened[-1].start(), head[1])
    head_text = _text(sentence, head)
    if not head_text or not re.search(r"[a-z]", head_text):
        return None
    phrase, topic = _tidy(head_text), [head]
    rest: list[Span] = []
    # "… to implement this scheme, at a total estimated cost of": what the cost is of.
    holder = re.search(r"(?:,\s*)?\b(at|for|with)\s+$", sentence[:head[0]])
    if holder and holder.start() > 0:
        thing = _noun_phrase_before(sentence, holder.start(), 0, limit=24)
        if _text(sentence, thing):
            phrase += " of " + _text(sentence, thing)
            rest.append(thing)
    if _starts_preposition(sentence, end, hi):
        tail = _tail(sentence, end, hi)
        phrase += " " + _text(sentence, tail)
        # What a sum is for ("funding of £2m for the Youth Service") before whom it goes to.
        rest.insert(0 if not rest else 1, tail)
    return phrase, [*rest, *topic]


def _percentage(sentence: str, start: int, end: int, lo: int, hi: int) -> tuple[str, list[Span]] | None:
    lex = _lexicon()
    of = re.match(r"\s*of\s+", sentence[end:hi])
    if of:
        # "25% of the spend is with the external market": share of X + its predicate.
        what_start = end + of.end()
        auxiliaries = _alternation(lex["auxiliaries"] - _ADVERBS)
        aux = re.compile(rf"\s(?:{auxiliaries})\b", re.I).search(sentence, what_start, hi)
        verb = re.compile(r"\s[a-z]+ed\b").search(sentence, what_start, hi)
        if aux and re.match(r"\s*(?:is|are|was|were|being)\s+(?!\w+ed\b)", sentence[aux.start():hi]):
            # "… of the spend is with the external market": the copula goes.
            what = (what_start, aux.start())
            rest = _tail(sentence, _strip_aux(sentence, aux.start(), hi), hi)
            return f"share of {_text(sentence, what)} {_text(sentence, rest)}".strip(), [what, rest]
        split = min((m.start() for m in (aux, verb) if m), default=None)
        if split is not None:
            # "… of residents responded to the survey": the share of those who did.
            what = (what_start, split)
            rest = _tail(sentence, split, hi, predicate=True)
            return f"share of {_text(sentence, what)} {_relative(_text(sentence, what))} {_text(sentence, rest)}", \
                [what, rest]
        what = _tail(sentence, what_start, hi)
        return f"share of {_text(sentence, what)}", [what]
    if sentence[:start].rstrip().endswith("(") and sentence[end:].lstrip().startswith(")"):
        # "the majority of foster placements (approximately 80%) are with X".
        bracket = sentence.rindex("(", 0, start)
        close = sentence.index(")", end) + 1
        what = _noun_phrase_before(sentence, bracket, 0)
        quantifier = re.match(rf"(?:{_alternation(load_cues('figures')['quantifiers'])})\s+",
                              sentence[what[0]:what[1]], re.I)
        if quantifier:
            what = (what[0] + quantifier.end(), what[1])
        stop = _BOUNDARY.search(sentence, close)
        rest = _tail(sentence, _strip_aux(sentence, close, stop.start() if stop else len(sentence)),
                     stop.start() if stop else len(sentence))
        return f"share of {_text(sentence, what)} {_text(sentence, rest)}".strip(), [rest, what]
    # "with 20% being in-house": the share of what an earlier "N% of X" in the sentence shares.
    earlier = list(re.finditer(r"%\s*of\s+(?P<what>.+?)\s(?:is|are|was|were|being)\b", sentence[:start]))
    after = _strip_aux(sentence, end, hi)
    if earlier and after > end:
        rest = _tail(sentence, after, hi)
        return f"share of {earlier[-1].group('what')} {_text(sentence, rest)}".strip(), [rest]
    # "Of the 120 households, 30% have been rehoused": the share of what the sentence opens on.
    opening = re.match(r"\s*of\s+(?P<what>[^,]{3,80}?)\s*,", sentence[:start], re.I)
    if opening and after > end:
        rest = _tail(sentence, end, hi, predicate=True)
        what = _lower_determiner(opening.group("what"))
        return (f"share of {what} {_relative(what)} {_text(sentence, rest)}",
                [(opening.start("what"), opening.end("what")), rest])
    # "a 10 per cent pay increase for council workers": the figure qualifies the noun after it.
    noun = re.match(r"\s*([A-Za-z][\w’'-]*)", sentence[end:hi])
    if noun and noun.group(1).lower() not in lex["prepositions"] | lex["auxiliaries"] | {"and", "or"}:
        tail = _tail(sentence, end, hi)
        return _text(sentence, tail), [tail]
    return None


def _count(sentence: str, start: int, end: int, lo: int, hi: int, unit: str | None) -> tuple[str, list[Span]] | None:
    lex = _lexicon()
    lead = _NUMBER_LEAD.match(sentence[start:end])
    counted = (start + lead.end(), end) if lead else (start, end)
    multipliers = _alternation(load_cues("figures")["multipliers"])
    noun = re.sub(rf"^(?:{multipliers})\s+", "", _text(sentence, counted), flags=re.I)
    relative = _relative(noun)
    left_span = (lo, start)
    anaphoric_leads = _alternation(load_cues("figures")["anaphoric_leads"])
    lead_words = re.match(rf"\s*(?:(?:{anaphoric_leads}|there\s+(?:are|were|is|was|have\s+been)|"
                          rf"in\s+total|overall|in\s+all|and|but|with|of\s+whom|of\s+which|however|so)\b[\s,]*)*",
                          sentence[lo:start], re.I)
    subject = not sentence[lo + (lead_words.end() if lead_words else 0):start].strip()
    if (unit or "") in lex["durations"] and not re.match(r"\s*of\b", sentence[end:hi]):
        if re.match(r"\s*ago\b", sentence[end:hi]):
            # The age of what the clause did: about the nearest name (no topic of its own).
            return f"time since {_lower_determiner(_text(sentence, (lo, start)))}", []
        if re.match(r"\s*(?:in\s+length|long|in\s+duration)\b", sentence[end:hi]):
            holder = re.search(r"\b(?:to|of|for|at)\s*$", sentence[lo:start])
            thing = _noun_phrase_before(sentence, lo + holder.start() if holder else start, lo)
            return f"length of {_text(sentence, thing)}", [thing]
        holder = re.search(r"\b(for|within|over|after|in)\s+(?:(?:a|the)\s+(?:period|term)\s+of\s+)?$",
                           sentence[lo:start])
        if holder:
            # "for a period of 6 months" after a noun phrase: the period of that thing; after a
            # verb ("will be archived … for 12 months", "respond …, within 15 days"): the time
            # within which the clause happens.
            floor = lo if sentence[lo:lo + holder.start()].strip() else \
                (max((m.end() for m in _boundaries(sentence, 0, max(lo - 1, 0))), default=0))
            thing = _noun_phrase_before(sentence, lo + holder.start(), floor, limit=24)
            before = [w for w in sentence[floor:thing[0]].lower().split()
                      if w not in lex["prepositions"] | {"and", "or", "but"}]
            word = "time" if holder.group(1).lower() in ("within", "after") else "period"
            if _text(sentence, thing) and not before:
                return f"{word} of {_text(sentence, thing)}", [thing]
            clause = (floor, lo + holder.start())
            body = _lower_determiner(_text(sentence, clause))
            # A time limit or a period of an action measures no named thing.
            return f"{word} {holder.group(1).lower()} which {body}", [_NOTHING]
    after = _strip_aux(sentence, end, hi)
    postmodifier = (end, end)
    if _starts_preposition(sentence, end, hi):
        aux = re.compile(rf"\s(?:{_alternation(lex['auxiliaries'] - _ADVERBS)})\b",
                         re.I).search(sentence, end, hi)
        postmodifier = _tail(sentence, end, aux.start() if aux else hi)
        after = _strip_aux(sentence, postmodifier[1], hi)
    phrase = noun + (" " + _text(sentence, postmodifier) if postmodifier[1] > postmodifier[0] else "")
    topic = [postmodifier]
    if subject:
        predicate = _tail(sentence, max(end, postmodifier[1]), hi, predicate=True)
        if after > max(end, postmodifier[1]) and _text(sentence, predicate):
            # "119 children have been found placements": the counted noun and what it did.
            phrase += f" {relative} {_text(sentence, predicate)}"
            topic.append(predicate)
        return phrase, topic
    if postmodifier[1] > postmodifier[0]:
        # "resulted in 4 rounds of staff being put at risk": the whole phrase after the noun.
        full = _tail(sentence, end, hi, predicate=True)
        if full[1] > postmodifier[1] and re.match(r"\s*being\b", sentence[postmodifier[1]:hi]):
            phrase, topic = f"{noun} {_text(sentence, full)}", [full]
        return phrase, [*topic, left_span]
    # "… found placements with 33 organisations": the counted noun and the clause it ends.
    clause = (lo + (lead_words.end() if lead_words else 0), start)
    passive = re.search(r"\b([a-z]+ed)\s+by\s*$", sentence[clause[0]:start])
    if passive:
        agent = _noun_phrase_before(sentence, clause[0] + passive.start(), clause[0])
        return f"{phrase} {relative} {passive.group(1)} {_text(sentence, agent)}", [agent]
    # "Of the 120 households": a count inside a phrase that only opens the clause is the noun alone.
    while True:
        edge = re.search(r"(?:^|\s)([A-Za-z]+)\s*$", sentence[clause[0]:clause[1]])
        if not edge or edge.group(1).lower() not in lex["determiners"]:
            break
        clause = (clause[0], clause[0] + edge.start())
    if all(w in lex["prepositions"] | lex["determiners"] for w in sentence[clause[0]:clause[1]].lower().split()):
        return phrase, [left_span]
    preposition = re.search(r"\b([a-z]+)\s*$", sentence[clause[0]:clause[1]])
    body = _lower_determiner(_text(sentence, clause))
    if preposition and preposition.group(1) in lex["prepositions"]:
        pronoun = "whom" if relative == "who" else "which"
        body = body[: -len(preposition.group(1))].rstrip()
        return f"{phrase} {preposition.group(1)} {pronoun} {body}", [clause]
    return (f"{phrase} that {body}" if body else phrase), [clause]


def _scope_and_time(sentence: str, start: int, lo: int, hi: int, phrase: str) -> tuple[str, list[Span]]:
    """Add a sentence's comma-set scope ("in adult social care, …") and a year to the phrase."""
    topic: list[Span] = []
    scopes = _alternation(load_cues("figures")["scope_prepositions"])
    scope = None
    # The scope is set off near the figure, not at the head of a long sentence.
    for match in re.finditer(rf"(?:^|,)\s*(?P<scope>(?:{scopes})\s+[^,;:]{{3,60}}?)\s*,", sentence[:start], re.I):
        if start - match.end() > 120:
            continue
        scope = match
    aux = re.compile(rf"\b(?:{_alternation(_lexicon()['auxiliaries'] - _ADVERBS)})\b", re.I)
    if scope and scope.group("scope").lower() not in phrase.lower() and not re.search(r"\d", scope.group("scope")) \
            and not aux.search(scope.group("scope")) and len(scope.group("scope").split()) <= 6 \
            and scope.group("scope").lower().strip() not in load_cues("figures")["scope_idioms"]:
        words = scope.group("scope").strip()
        phrase += " " + words[0].lower() + words[1:]
        topic.append((scope.start("scope"), scope.end("scope")))
    years = [m for m in _YEAR.finditer(sentence)]
    near = [m for m in years if lo <= m.start() < hi] or (years if len({m.group().lower() for m in years}) == 1
                                                         else [])
    if near and near[0].group().lower() not in phrase.lower():
        when = re.sub(r"\s+", " ", near[0].group())
        # "a year", "each year", "annually" all say "per year".
        when = re.sub(r"^(?:a|each|every)\s+year$|^annually$", "per year", when, flags=re.I)
        if when.lower() not in phrase.lower():
            phrase += " " + when
    return phrase, topic


def describe_figure(sentence: str, start: int, end: int, figure: FigureMatch | None = None) -> Measure:
    """Read what a figure measures from the clause around it, as a noun phrase.

    Money takes its head from a verb or noun beside it ("spend on X", "cost of X", "budget
    for X"); a percentage is a share of what follows "of" or of the phrase it stands in brackets
    after; a count is the counted noun with its modifiers and what the clause says of it. A
    comma-set scope of the sentence ("in adult social care, …") and a year are added. With no
    rule the clause itself is kept, figure included, so the measure never loses its number.

    Parameters
    ----------
    sentence : str
        The sentence holding the figure.
    start, end : int
        The figure's span inside ``sentence``.
    figure : FigureMatch, optional
        The parsed figure (its kind and unit); read from the span when absent.

    Returns
    -------
    Measure

    Examples
    --------
    >>> s = "We currently spend £9m on foster agencies and £10m on residential placements in 2012/13."
    >>> at = s.index("£10m")
    >>> describe_figure(s, at, at + 4).phrase
    'spend on residential placements in 2012/13'
    >>> s = "In adult social care, some 80% of spending is with the external market."
    >>> at = s.index("some 80%")
    >>> describe_figure(s, at, at + 8).phrase
    'share of spending with the external market in adult social care'
    >>> s = "There are 1,000 children in care in the county, and the figure is rising."
    >>> at = s.index("1,000")
    >>> describe_figure(s, at, at + 14).phrase
    'children in care in the county'
    """
    if figure is None:
        found = find_figures(sentence[start:end])
        figure = found[0] if found else None
    kind = figure.kind if figure else "count"
    lo, hi = _clause(sentence, start, end)
    read: tuple[str, list[Span]] | None = None
    if kind == "money":
        read = _money(sentence, start, end, lo, hi)
    elif kind == "percentage":
        read = _percentage(sentence, start, end, lo, hi)
    else:
        read = _count(sentence, start, end, lo, hi, figure.unit if figure else None)
    if read is None and kind != "count":
        read = _subject_link(sentence, start, end, lo, hi) or _of_head(sentence, start, end, lo, hi)
    if read is None or not read[0].strip():
        # No rule reads it: keep the clause, figure and all.
        clause = _tail(sentence, lo, hi, limit=30)
        read = (_text(sentence, (clause[0], max(clause[1], end))), [(lo, hi)])
        phrase, topic = read[0], read[1]
    else:
        phrase, topic = _scope_and_time(sentence, start, lo, hi, _tidy(read[0]))
        topic = [t for t in read[1] if t[1] > t[0] or t == _NOTHING] + topic
    contrasts = _alternation(load_cues("figures")["contrasts"])
    excluded = tuple((m.start(), _tail(sentence, m.end(), _clause(sentence, m.start(), m.end())[1], limit=6)[1])
                     for m in re.finditer(rf"\b(?:{contrasts})\b", sentence, re.I))
    cues = load_cues("figures")
    lead = sentence[:start].lower()
    anaphoric = (any(cue in lead for cue in cues["part_of"])
                 or any(re.match(rf"\W*{re.escape(cue)}\b", lead) for cue in cues["anaphoric_leads"])
                 or bool(re.match(r"\s*of\s+(?:the|this|that|these|those)\s", sentence[end:])))
    return Measure(phrase, tuple(topic), (lo, hi), excluded, anaphoric)


def measured_phrase(sentence: str, start: int, end: int, figure: FigureMatch | None = None) -> str:
    """Name what a figure measures from the sentence around it (see :func:`describe_figure`).

    Examples
    --------
    >>> s = "Approximately £175m is spent on Specialist Children’s Services"
    >>> measured_phrase(s, 0, 19)
    'spend on Specialist Children’s Services'
    >>> s = "Other commissioned services and grants account for £20m, covering care leavers"
    >>> measured_phrase(s, 51, 55)
    'Other commissioned services and grants'
    """
    return describe_figure(sentence, start, end, figure).phrase


def choose_about(measure: Measure, candidates: list[Span], figure: Span) -> int | None:
    """Which named entity of the sentence a figure is about.

    Parameters
    ----------
    measure : Measure
        From :func:`describe_figure` on the same sentence.
    candidates : list of (int, int)
        Spans, in the sentence, of services, programmes, organisations and places named in it.
    figure : (int, int)
        The figure's span in the sentence.

    Returns
    -------
    int or None
        The index of the chosen candidate: one inside the phrase's topic spans (the most telling
        first), else the nearest in the figure's clause, else none. Candidates set against the
        figure ("unlike X") are never chosen.

    Examples
    --------
    >>> s = "Unlike Northshire, Southshire spends £5m on Home Care."
    >>> m = describe_figure(s, 37, 40)
    >>> choose_about(m, [(7, 17), (19, 29), (44, 53)], (37, 40))
    2
    """
    if _NOTHING in measure.topic:
        return None
    # A contrast that holds the figure itself ("compared to funding of £133m") excludes nothing.
    excluded = [(a, b) for a, b in measure.excluded if not a <= figure[0] < b]

    def allowed(span: Span) -> bool:
        return not any(a <= span[0] < b for a, b in excluded)

    usable = [(i, c) for i, c in enumerate(candidates) if allowed(c)]
    for a, b in measure.topic:
        inside = [(i, c) for i, c in usable if a <= c[0] and c[1] <= b]
        if inside:
            # The longest name first: "framework for IFAs" rather than "IFAs" inside it.
            return min(inside, key=lambda item: (item[1][0], -(item[1][1] - item[1][0])))[0]
    lo, hi = measure.clause
    near = [(i, c) for i, c in usable if lo <= c[0] and c[1] <= hi]
    if near:
        return min(near, key=lambda item: min(abs(item[1][0] - figure[1]), abs(figure[0] - item[1][1])))[0]
    return None


def sentence_around(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> Span:
    """The sentence of ``text[lo:hi]`` holding the figure at ``start``–``end``.

    A sentence ends at a full stop followed by white space or the passage end, or at a line break
    (bullets and table lines are sentences of their own).

    Examples
    --------
    >>> t = "Intro. We spend £5m on parks. More."
    >>> a, b = sentence_around(t, 16, 19)
    >>> t[a:b]
    'We spend £5m on parks'
    """
    hi = len(text) if hi is None else hi
    before = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start))
    a = before + (2 if text.startswith(". ", before) else 1) if before >= lo else lo
    stop = re.compile(r"\.(?:\s|$)|\n").search(text, end, hi)
    return a, stop.start() if stop else hi

"""Stage 3: mentions. Spans of text that name a person, post, organisation, service,
programme, framework, legislation, place, issue or figure, found by structure, gazetteers and
patterns (never by names hard-wired here: every cue is in ``cues/``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from evidence_graph.graph.entities import normalise_label
from evidence_graph.loaders.acronyms import acronym_definitions
from evidence_graph.loaders.blocks import Block, ParsedDocument
from evidence_graph.loaders.casing import (
    blank_attachment_sizes,
    restore_case,
    separate_item_numbers,
    separate_name_columns,
)
from evidence_graph.loaders.components import ComponentRegistry
from evidence_graph.loaders.context import (
    FUZZY_ALIAS_CUTOFF,
    CorpusContext,
    is_generic_authority_name,
    name_pattern,
    registered_apart,
)
from evidence_graph.loaders.cues import load_cues, organisation_gazetteer
from evidence_graph.loaders.figures import FigureMatch, find_figures, measured_phrase, sentence_around
from evidence_graph.loaders.names import (
    common_given_name,
    find_honorific_names,
    honorific_name_pattern,
    known_given_name,
    parse_person_name,
)

#: Block kinds that are furniture, not passages: no mentions are taken from them.
NON_PASSAGES = frozenset({"label", "furniture"})

ENTITY_KINDS = ("person", "post", "organisation", "unit", "committee", "service", "programme",
                "framework", "legislation", "place", "venue", "issue", "figure", "former-name")


@dataclass(frozen=True)
class Mention:
    """A span that names something.

    Attributes
    ----------
    start, end : int
        The span in the document text.
    kind : str
        One of :data:`ENTITY_KINDS`.
    label : str
        The name to resolve (normalised surface, gazetteer name, issue key …).
    block : int
        Index of the block holding the span.
    method : str
        How it was found: ``structure``, ``gazetteer``, ``pattern``, ``acronym``, ``cast`` …
    role : str or None
        For structural mentions: the field name (``chair``, ``member``, ``contact`` …).
    figure : FigureMatch or None
        For figures: the parsed value.
    measure : str or None
        For figures: what is measured.
    """

    start: int
    end: int
    kind: str
    label: str
    block: int
    method: str
    role: str | None = None
    figure: FigureMatch | None = None
    measure: str | None = None


_FIELD_KINDS = {"person": "person", "chair": "person", "vice-chair": "person", "member": "person",
                "contact": "person", "speaker": "person", "post": "post",
                "organisation": "organisation", "unit": "unit", "committee": "committee",
                "venue": "venue"}
_CAP_WORD = r"[A-Z][\w’'&-]*"
_ACRONYM = r"[A-Z][A-Za-z&]{1,7}?s?"
#: The space between two words of a name, which a line may break ("Tarn Hospitals NHS\nFoundation Trust").
_WRAPPED_SPACE = r"(?:[ \u00a0]+|[ \u00a0]*\n(?!\n)[ \u00a0]*)"
#: Words a name found by its cue noun may have before the noun: a bound, so that a long run of
#: capitalised words with no cue noun (a list of names in capitals) costs linear time, not
#: quadratic (each start would scan the run to its end).
_MAX_NAME_WORDS = 16


def _words(kind: str, key: str) -> list[str]:
    return load_cues("entities")[kind][key]


@cache
def _span_pattern(nouns: tuple[str, ...], allow_lower: bool) -> re.Pattern[str]:
    joiners = "|".join(re.escape(j) for j in _words("services", "joiners"))
    noun = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    flags = re.I if allow_lower else 0
    noun_group = f"(?i:{noun})" if allow_lower else f"(?:{noun})"
    del flags
    return re.compile(
        rf"(?<![\w’'])(?P<span>(?:{_CAP_WORD}|‘[^’]{{2,30}}’|“[^”]{{2,30}}”)(?:[ \u00a0](?:(?:{joiners})[ \u00a0])?"
        rf"(?:{_CAP_WORD}|\({_ACRONYM}\)|[0-9]+(?:-[0-9]+)?)){{0,{_MAX_NAME_WORDS}}}[ \u00a0]{noun_group})\b")


def _trim_bad_start(span: str) -> tuple[int, str]:
    """Drop leading words that cannot start a name ("The", "Our")."""
    bad = set(_words("services", "bad_starts"))
    offset = 0
    words = span.split(" ")
    while words and words[0] in bad:
        offset += len(words[0]) + 1
        words = words[1:]
    return offset, " ".join(words)


def _phrase_regex(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])")


@cache
def _gazetteer() -> list[tuple[str, str, str]]:
    """(phrase, kind, canonical name) for organisations, legislation and places."""
    entries: list[tuple[str, str, str]] = []
    for org in organisation_gazetteer():
        for phrase in (org["name"], *org["aliases"]):
            entries.append((phrase, "organisation", org["name"]))
    for law in load_cues("legislation")["legislation"]:
        for phrase in (law["name"], *law.get("aliases", [])):
            entries.append((phrase, "legislation", law["name"]))
    return sorted(entries, key=lambda e: len(e[0]), reverse=True)


@cache
def _modifiers() -> frozenset[str]:
    """Gazetteer bodies whose acronym is used as an adjective (``modifier = true``)."""
    return frozenset(org["name"] for org in organisation_gazetteer() if org.get("modifier"))


def _acronym_qualifies(chunk: str, start: int, end: int, modifier: bool) -> bool:
    """Whether the acronym at ``chunk[start:end]`` of a gazetteer body that is used as an
    adjective as often as a name (``modifier``) qualifies the words after it instead of naming
    the body: a capitalised word follows (another body's name or a post, "NHS Grampian", "NHS
    Chief Executive"), or a lower-case word with no "the" before ("NHS service reconfiguration").

    Examples
    --------
    >>> _acronym_qualifies("the voting membership of NHS Grampian", 25, 28, True)
    True
    >>> _acronym_qualifies("the LGA Peer Review", 4, 7, False)
    False
    >>> _acronym_qualifies("proposals for NHS service reconfiguration", 14, 17, True)
    True
    >>> _acronym_qualifies("the future of the NHS is", 18, 21, True), _acronym_qualifies("the NHS said", 4, 7, True)
    (False, False)
    >>> _acronym_qualifies("outside Tarn Hospitals NHS\\nFoundation Trust", 23, 26, True)
    True
    """
    if not modifier:
        return False  # "the LGA Peer Review", "the LGA Conference": the body's own, a reference to it
    after = chunk[end:end + 40]
    # A line may break inside the longer name ("Sherwood Forest Hospitals NHS\nFoundation Trust").
    if re.match(rf"{_WRAPPED_SPACE}[A-Z][a-z]", after):
        return True
    return re.match(r"[ \u00a0]+[a-z]", after) is not None and not re.search(
        r"\b[Tt]he[ \u00a0]+$", chunk[max(0, start - 8):start]) and not _CLAUSE_GOES_ON.match(after)


#: Words after a body's name that go on with the sentence, not qualify a noun ("NHS and …").
_CLAUSE_GOES_ON = re.compile(r"[ \u00a0]+(?:and|or|in|is|was|has|had|have|will|would|to|for|of|on|at|by|as|which"
                             r"|who|that|were|are)\b")


@cache
def gazetteer_places() -> dict[str, str]:
    """Every name and alias of the gazetteer's places, with the place's name.

    Examples
    --------
    >>> names = gazetteer_places()
    >>> all(names[name] in names for name in names)
    True
    """
    places: dict[str, str] = {}
    for place in load_cues("places")["place"]:
        places[place["name"]] = place["name"]
        for alias in place.get("aliases", []):
            places[alias] = place["name"]
    return places


@dataclass(frozen=True)
class Passage:
    """What a mention finder reads: one passage block of a parsed document, with its context.

    Attributes
    ----------
    parsed : ParsedDocument
        The whole document (for finders that look at parts or neighbouring blocks), its text
        restored like :attr:`text`.
    index : int
        Index of the block in ``parsed.blocks``.
    block : Block
        The block.
    start : int
        Where :attr:`text` starts in the document text (mention spans are document offsets).
    text : str
        The block's body text, ``parsed.document.text[start:block.end]`` with text in capitals
        restored to title case (:func:`loaders.casing.restore_case`; same length, same offsets).
    context : CorpusContext
        The meeting's authority, cast and known organisations.
    acronyms : dict of str to str
        Acronyms defined in the document or its context, with their expansions.
    """

    parsed: ParsedDocument
    index: int
    block: Block
    start: int
    text: str
    context: CorpusContext
    acronyms: dict[str, str]

    def mention(self, start: int, end: int, kind: str, label: str, method: str, **extra: object) -> Mention:
        """A mention of ``text[start:end]`` (offsets within the passage), placed in the document."""
        return Mention(self.start + start, self.start + end, kind, label, self.index, method, **extra)  # type: ignore[arg-type]


#: Finders that read the document as printed, not case-restored (:func:`loaders.casing.restore_case`):
#: they read capitals themselves ("DRAFT MINUTES HARBOUR PLANNING COMMITTEE" is the committee
#: after the document words), or take capitals as their sign that a line is no name (a heading
#: "YOUTH CLUBS" under a date line is no witness; "EXECUTIVE SUMMARY" no place).
AS_PRINTED_FINDERS = frozenset({"committees", "statistical"})

#: Methods whose mentions a finder gives from the document as printed, the rest from the restored
#: text: rules that judge a line by its shape, where capitals are the sign of a heading ("GRANT
#: FUNDING" under a date line is no witness), while "CONTACT OFFICER: JANET ROSS" is read restored.
AS_PRINTED_METHODS = {"people-in-context": frozenset({"person:list-line", "person:name-list"})}

#: A mention finder: reads a passage, yields the mentions it finds there.
MentionFinder = Callable[[Passage], Iterable[Mention]]

#: Every mention finder, in running order. Register new ones with
#: ``@MENTION_FINDERS.register("name")`` (modules in :mod:`loaders.finders` do).
MENTION_FINDERS: ComponentRegistry[MentionFinder] = ComponentRegistry("mention finder")


def passages(parsed: ParsedDocument) -> Iterator[tuple[int, Block]]:
    """Blocks that carry text worth annotating, with their indexes."""
    for index, block in enumerate(parsed.blocks):
        if block.kind not in NON_PASSAGES:
            yield index, block


def find_mentions(parsed: ParsedDocument, context: CorpusContext,
                  finders: Sequence[str] | None = None) -> list[Mention]:
    """Find every mention in a parsed document.

    Parameters
    ----------
    parsed : ParsedDocument
        The structure stage's output.
    context : CorpusContext
        The build's authority, cast and known organisations (for gazetteer look-ups).
    finders : sequence of str, optional
        Run only these registered finders (default: all of :data:`MENTION_FINDERS`, in order).

    Returns
    -------
    list of Mention
        Sorted by position; a span inside a longer span of the same kind is dropped.

    Examples
    --------
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.structure import parse_document
    >>> doc = Document("m.txt", "m", "Minutes\\n\\n(1) Cllr Jones said TUPE costs £2m.\\n", "0")
    >>> sorted({(m.kind, m.label) for m in find_mentions(parse_document(doc), CorpusContext())})
    [('figure', '£2m'), ('issue', 'tupe'), ('legislation', 'Transfer of Undertakings (Protection of Employment) \
Regulations 2006'), ('person', 'Cllr Jones')]
    >>> [m.label for m in find_mentions(parse_document(doc), CorpusContext(), finders=["figures"])]
    ['£2m']
    """
    text = parsed.document.text
    chosen = [(name, MENTION_FINDERS.get(name)) for name in finders] if finders is not None else list(MENTION_FINDERS)
    found: list[Mention] = []
    # Finders read text printed in capitals ("CUPAR COMMON GOOD FUND") in title case; the restored
    # text has the document's length, so spans stay document offsets and quotes its own text.
    # Page furniture inside a line (a glued item number, an attachment's size) becomes spaces in
    # the copies finders read, which keep the text's length: offsets and quotes stay the document's.
    printed = separate_name_columns(blank_attachment_sizes(separate_item_numbers(text)))
    restored = restore_case(printed, {*context.acronyms, *acronym_definitions([text])})
    acronyms = {**context.acronyms, **acronym_definitions([restored])}
    # Finders that read the whole document (lists of people, the names a paper uses) read it
    # restored too; only the mentions' offsets leave this function, never this copy.
    restored_parsed = replace(parsed, document=replace(parsed.document, text=restored)) if restored != text else parsed
    printed_parsed = replace(parsed, document=replace(parsed.document, text=printed)) if printed != text else parsed
    for index, block in passages(parsed):
        start = block.body
        passage = Passage(restored_parsed, index, block, start, restored[start:block.end], context, acronyms)
        as_printed = Passage(printed_parsed, index, block, start, printed[start:block.end], context, acronyms)
        for name, finder in chosen:
            if name in AS_PRINTED_FINDERS:
                found.extend(finder(as_printed))
                continue
            printed_methods = AS_PRINTED_METHODS.get(name, frozenset())
            found.extend(mention for mention in finder(passage) if mention.method not in printed_methods)
            if printed_methods:
                found.extend(mention for mention in finder(as_printed) if mention.method in printed_methods)
    if restored != printed:
        # A label that is the printed text ("NORTH AREA COMMITTEE" from a header field or a finder
        # that reads capitals) is named as the restored text reads ("North Area Committee").
        found = [replace(mention, label=restored[mention.start:mention.end])
                 if mention.label == printed[mention.start:mention.end] else mention for mention in found]
    if re.search(r"(?<![\w’'-])[A-Za-z]{1,2}$", text):
        # A copy that stops mid-word ("… Cartmel with Upper H", "the Head of Fi"): a name
        # running into its last fragment is cut off, not a name (docs/ANNOTATION.md, settled
        # case "Cut-off names").
        found = [m for m in found if not (m.end >= len(text) and m.kind in _NAME_KINDS)]
    return _drop_nested(found)


@MENTION_FINDERS.register("structure")
def structural_mentions(passage: Passage) -> Iterator[Mention]:
    """People, posts, organisations, committees and venues in the block's structural fields."""
    return _structural(passage.block, passage.index)


@MENTION_FINDERS.register("people")
def honorific_people(passage: Passage) -> Iterator[Mention]:
    """People named with an honorific ("Cllr Jones"), and the meeting's cast by full name."""
    return _people(passage.text, passage.start, passage.index, passage.context)


@MENTION_FINDERS.register("organisations")
def organisation_mentions(passage: Passage) -> Iterator[Mention]:
    """The host authority and its aliases, gazetteer bodies, suffixed names and acronyms."""
    return _organisations(passage.text, passage.start, passage.index, passage.context, passage.acronyms)


@MENTION_FINDERS.register("named-things")
def named_things(passage: Passage) -> Iterator[Mention]:
    """Services, programmes, frameworks and legislation by cue noun, quotes and gazetteer."""
    return _named_things(passage.text, passage.start, passage.index, passage.acronyms)


@MENTION_FINDERS.register("places")
def place_mentions(passage: Passage) -> Iterator[Mention]:
    """Gazetteer places after a place cue ("in Ashford and Dover")."""
    return _places_in(passage.text, passage.start, passage.index)


@MENTION_FINDERS.register("issues")
def issue_mentions(passage: Passage) -> Iterator[Mention]:
    """Issues from the issue scheme's phrases."""
    return _issues(passage.text, passage.start, passage.index)


@MENTION_FINDERS.register("figures")
def figure_mentions(passage: Passage) -> Iterator[Mention]:
    """Money, percentages and counts, with what they measure."""
    return _figures(passage.text, passage.start, passage.index, passage.block)


@MENTION_FINDERS.register("former-names")
def former_name_mentions(passage: Passage) -> Iterator[Mention]:
    """Former names ("previously known as X")."""
    return _former_names(passage.text, passage.start, passage.index)


@MENTION_FINDERS.register("lead-ins")
def lead_in_mentions(passage: Passage) -> Iterator[Mention]:
    """Bold lead-ins: issues in evidence, services in lists, activities in reports."""
    return _leads(passage.parsed, passage.index, passage.block)


def _structural(block: Block, index: int) -> Iterator[Mention]:
    for f in block.fields:
        kind = _FIELD_KINDS.get(f.name)
        if kind == "person" and parse_person_name(f.value) is None:
            continue  # a post standing for its holder ("The Licensing Manager said …")
        if kind:
            yield Mention(f.start, f.end, kind, f.value, index, "structure", role=f.name)


def _people(chunk: str, offset: int, index: int, context: CorpusContext) -> Iterator[Mention]:
    # Run-on lists are split and names in capitals title-cased (loaders.names).
    for name in find_honorific_names(chunk):
        yield Mention(offset + name.start, offset + name.end, "person", name.label, index,
                      "person:honorific" if name.honorific else "person:run-on")
    for member in context.cast:
        full = member.name.display
        if member.name.given:
            for start, end in _phrase_spans(full, chunk):
                yield Mention(offset + start, offset + end, "person", full, index, "cast")


def _phrase_spans(phrase: str, chunk: str) -> Iterator[tuple[int, int]]:
    """Where ``phrase`` stands as whole words in ``chunk`` (as :func:`_phrase_regex` finds it).

    A plain substring search, not a regex: a 5,000-member cast searched in a 5,000-name
    attendance list stays fast.

    Examples
    --------
    >>> list(_phrase_spans("Ann Lee", "Ann Lee, Ann Leeson and Ann Lee-Smith; Ann Lee."))
    [(0, 7), (39, 46)]
    """
    def word(ch: str) -> bool:
        return ch.isalnum() or ch in "_-"

    at = chunk.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        if (at == 0 or not word(chunk[at - 1])) and (end == len(chunk) or not word(chunk[end])):
            yield at, end
        at = chunk.find(phrase, at + 1)


def _organisations(chunk: str, offset: int, index: int, context: CorpusContext,
                   acronyms: dict[str, str]) -> Iterator[Mention]:
    authority = context.authority
    if authority is not None:
        compounds = "|".join(re.escape(w) for w in load_cues("authorities")["alias_compounds"]["followed_by"])
        for phrase in (authority.name, *authority.aliases):
            flags = 0 if phrase.isupper() else re.I
            spaced = name_pattern(phrase, _WRAPPED_SPACE)
            for match in re.finditer(rf"(?<![\w-]){spaced}(?![\w-])(?![ \u00a0]+(?i:{compounds})\b)",
                                     chunk, flags):
                if phrase.lower().startswith("the ") or match.group()[0].isupper() or phrase.isupper():
                    yield Mention(offset + match.start(), offset + match.end(), "organisation",
                                  authority.name, index, "gazetteer:authority-alias")
        # Typos of the authority's names ("County Copuncil"): a run of as many words that is
        # close in spelling (rapidfuzz ratio, case-folded) and starts with the same letter.
        bare = {a.removeprefix("the ") for a in (authority.name, *authority.aliases)}
        for alias in sorted(a for a in bare if " " in a):
            words = len(alias.split())
            window = re.compile(rf"(?=\b([A-Z][\w’']*(?: [A-Za-z][\w’']*){{{words - 1}}})\b)")
            for match in window.finditer(chunk):
                candidate = match.group(1)
                # "County Councillor" is a post: a name made longer is another word, not a typo.
                if candidate != alias and candidate[0] == alias[0] and _close(candidate, alias) and \
                        not candidate.lower().startswith(alias.lower()) and \
                        not registered_apart(candidate, authority.name):
                    yield Mention(offset + match.start(1), offset + match.end(1), "organisation",
                                  authority.name, index, "fuzzy:authority-alias")
    for phrase, kind, name in _gazetteer():
        if kind != "organisation":
            continue
        if phrase not in chunk:
            continue  # a thousand names: most are in no passage
        if phrase in acronyms and normalise_label(acronyms[phrase]) != normalise_label(name):
            continue  # the document defines the acronym as a body of its own ("NHS X CCG (CCG)")
        for match in _phrase_regex(phrase).finditer(chunk):
            before = chunk[max(0, match.start() - 8):match.start()]
            if " " not in phrase and not phrase.isupper() and (
                    re.search(r"[’']s[ \u00a0]+$", before) or
                    (re.search(r"\b(?:a|an|the|The|A|An)[ \u00a0]+$", before)
                     and not re.match(r"[ \u00a0]+[a-z]", chunk[match.end():]))):
                # "the Museum Garden’s Shelter", "a Shelter": a one-word name used as a common
                # noun; "the Ofsted inspection" names the body before its noun.
                continue
            if phrase.isupper() and _acronym_qualifies(chunk, match.start(), match.end(), name in _modifiers()):
                continue  # "NHS Grampian", "NHS Chief Executive", "NHS waiting lists": no reference to the body
            yield Mention(offset + match.start(), offset + match.end(), "organisation", name,
                          index, "gazetteer")
    for name in context.organisations:
        forms = {name}
        head = name.split()[0]
        generic = set(_words("organisations", "suffixes"))
        if len(name.split()) == 2 and name.split()[1] in generic and len(head) > 4:
            forms.add(head)
        for form in forms:
            for match in _phrase_regex(form).finditer(chunk):
                yield Mention(offset + match.start(), offset + match.end(), "organisation", name,
                              index, "gazetteer:context")
    yield from _suffixed_organisations(chunk, offset, index, context)
    for acronym, expansion in acronyms.items():
        kind = _kind_of_name(expansion) or "organisation"
        if kind != "organisation" or not _may_name_organisation(expansion):
            continue
        if re.search(rf"\({re.escape(acronym)}\)[ \u00a0]+(?:service|services|funding|fund|grant|programme|scheme)\b",
                     chunk):
            continue  # "Tarn Advocacy (TA) service": the expansion names what is provided, not a body
        for match in re.finditer(rf"(?<![\w-]){re.escape(acronym)}s?(?![\w-])", chunk):
            yield Mention(offset + match.start(), offset + match.end(), "organisation", expansion,
                          index, "acronym")


def _suffixed_organisations(chunk: str, offset: int, index: int, context: CorpusContext) -> Iterator[Mention]:
    """Capitalised names ending in an organisation suffix ("Harbourne Homes Trust"), cut to the
    name: a post or document phrase before it ("Director of CK Communications Ltd"), a
    possessive ("the Council’s"), a second name joined by "and the" are not part of it; a name
    ending in a committee head is a committee's ("Licensing Board"), and one after "a" is a
    kind of body, not a name ("set up a Members Board")."""
    from evidence_graph.loaders.finders.spans import preceded_by_article, run_parts, trim_start

    authority = context.authority
    suffixes = "|".join(re.escape(s) for s in sorted(_words("organisations", "suffixes"), key=len, reverse=True))
    committee_heads = tuple(load_cues("entities")["committees"]["heads"])
    organisation_heads = tuple(load_cues("entities")["committees"]["organisation_heads"])
    for match in re.finditer(
            rf"(?<![\w’'])(?:{_CAP_WORD}[ \u00a0](?:(?:of|and|for|the|&)[ \u00a0])?){{1,6}}(?:{suffixes})\b", chunk):
        # "Borough Council Cllr R Henry Stevenage Borough Council": the body's name is what
        # follows the last person the run names; a person is never part of a body's name.
        cut = _after_last_person(match.group())
        run, run_start = match.group()[cut:], match.start() + cut
        for at, part in run_parts(run):
            skip, span = _trim_bad_start(part)
            more, span = trim_start(span)
            before_body = _words_before_body(span)
            more, span = more + before_body, span[before_body:]
            start = run_start + at + skip + more
            end = start + len(span)
            if len(span.split()) < 2 or not span[:1].isupper() or not re.search(rf"(?:{suffixes})$", span):
                continue
            cut = glued_verb_cut(span)
            start, span = start + cut, span[cut:]
            national = re.match(rf"(?P<body>(?:{_CAP_WORD}[ \u00a0]){{1,4}}(?:{_nation_ends()}))"
                                rf"[ \u00a0]+(?:and|&)[ \u00a0]+(?=(?:{_CAP_WORD}[ \u00a0]){{1,}}\S)", span)
            if national:
                # "Highways England and Dorset County Council": a nation's name ends a national
                # body's name, so the run is two bodies.
                yield Mention(offset + start, offset + start + len(national.group("body")), "organisation",
                              national.group("body"), index, "pattern:national-body")
                start, span = start + national.end(), span[national.end():]
            if (span.endswith(committee_heads) and not span.endswith(organisation_heads)) or \
                    span in load_cues("entities")["committees"]["standalone"] or _council_meeting_words(span):
                continue
            if names_a_place_after(chunk, end) or _party_before_council(span) or _name_runs_on(chunk, end):
                continue
            if _weak_suffix_in_post(span, chunk, end):
                continue  # "Senior Committee Support Officer": a post's words, no body
            if not _suffix_is_a_name(span) or is_generic_authority_name(span) or names_a_class(span):
                continue  # "the County Council" names the host only, through its aliases
            if preceded_by_article(chunk, start) and not _person_of_body_after(span, chunk, end):
                continue
            tail = _organisation_tail().match(chunk, end)
            if tail is not None and span.split()[-1] in ("Council", "Commission", "Centre", "Institute", "Society",
                                                         "Association", "Foundation", "Trust", "Alliance", "Forum"):
                end = tail.end()  # "Scottish Council on Deafness", "Centre for Governance and Scrutiny"
                span = chunk[start:end]
            if authority is not None and span in (authority.name, *authority.aliases):
                continue
            if _political_group_label(span) or _power_not_body(span, chunk, end):
                continue
            yield Mention(offset + start, offset + end, "organisation", span, index, "pattern:org-suffix")


def _after_last_person(run: str) -> int:
    """Where what follows the last person a run of capitalised words names with an honorific
    starts, past spaces and commas ("Stevenage Borough Council" after "Cllr R Henry"), or 0
    when it names none."""
    if not honorific_name_pattern().search(run):
        return 0
    end = max((span.end for span in find_honorific_names(run)), default=0)
    return len(run) - len(run[end:].lstrip(" \u00a0,")) if end else 0


def _person_of_body_after(span: str, chunk: str, end: int) -> bool:
    """Whether a body's name after "a"/"an" is followed by a post or a noun of its people, so the
    article is the person's: "an Essex Police Officer", "a Tarn Homes Trust employee" (a strong
    suffix only: "a Business Support Officer" names no body).

    Examples
    --------
    >>> _person_of_body_after("Essex Police", "an Essex Police Officer working", 15)
    True
    >>> _person_of_body_after("Tarn Homes Trust", "a Tarn Homes Trust employee", 18)
    True
    >>> _person_of_body_after("Members Trust", "set up a Members Trust to", 22)
    False
    """
    from evidence_graph.loaders.finders.spans import strong_suffixes
    from evidence_graph.loaders.structure.fields import looks_like_post

    if span.split()[-1] not in strong_suffixes():
        return False
    after = chunk[end:end + 60]
    return bool(_people_nouns_after().match(after)) or (after[:1] in (" ", "\u00a0") and looks_like_post(after.strip()))


@cache
def _people_nouns_after() -> re.Pattern[str]:
    """A noun of a body's people after its name (cue ``people_nouns``: " officer", " employees")."""
    from evidence_graph.loaders.finders.spans import alternation

    return re.compile(rf"[ \u00a0]+(?:{alternation(_words('organisations', 'people_nouns'))})\b")


def _council_meeting_words(span: str) -> bool:
    """Whether a name ends in words of the council meeting ("Confirmation of Annual Council",
    "the Extraordinary Council"; cue ``council_meeting_leads``), not of a body."""
    words = span.split()
    leads = load_cues("entities")["committees"]["council_meeting_leads"]
    return len(words) >= 2 and words[-1] == "Council" and words[-2].lower() in leads


@cache
def _runs_on_pattern() -> re.Pattern[str]:
    entities = load_cues("entities")
    heads = {*entities["committees"]["heads"], *entities["posts"]["heads"], *_words("services", "programme"),
             *_words("services", "service"), *entities["services_more"]["programme"]}
    alternation = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(rf"[ \u00a0]+(?:and|&)[ \u00a0]+[A-Z][\w’'-]+[ \u00a0]+(?:{alternation})(?![\w-])")


@cache
def _post_nouns_after() -> re.Pattern[str]:
    nouns = [*load_cues("entities")["committees"]["joined_post_nouns"], "Team", "Teams", "Worker", "Workers", "Lead"]
    alternatives = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"[ \u00a0]+(?:{alternatives})(?![\w-])")


def _weak_suffix_in_post(span: str, chunk: str, end: int) -> bool:
    """Whether a name ending in an everyday suffix ("Support", "Care") runs on into an officer's
    post or a team ("Committee Support Officer", "Business Support Team"): words of the post.

    Examples
    --------
    >>> _weak_suffix_in_post("Committee Support", "Ann Lee, Committee Support Officer", 26)
    True
    >>> _weak_suffix_in_post("Tarn Carers Support", "Tarn Carers Support Officer", 19)
    True
    >>> _weak_suffix_in_post("Tarn Homes Trust", "Tarn Homes Trust Officer", 16)
    False
    """
    return span.split()[-1] in _words("organisations", "weak_suffixes") and bool(_post_nouns_after().match(chunk, end))


def _name_runs_on(chunk: str, end: int) -> bool:
    """Whether a body's suffix is only the first of two words a longer name joins: "Police" in
    "the Police and Crime Plan", "Police and Crime Panel", "Police and Crime Commissioner"."""
    return bool(_runs_on_pattern().match(chunk, end))


@cache
def _area_words() -> frozenset[str]:
    """Words of council types and areas ("Borough", "County", "City"), no part of a person's name."""
    return frozenset(load_cues("authorities")["host"]["not_places"])


def _words_before_body(span: str) -> int:
    """How many characters at the start of a suffixed run are no part of the body's name: a
    heading's capitals and "of" ("MEETING of Stirling Council"), everything up to a "The" inside
    the run ("Disclosure of Exempt Information The Council"), or a person and "of" ("Abigail
    Taylor of Lurgan College")."""
    cut = 0
    inner_the = list(re.finditer(r"[ \u00a0]The[ \u00a0]+", span))
    if inner_the:
        cut = inner_the[-1].end()
    shouted = re.match(r"(?:[A-Z]{2,}[ \u00a0]+)+(?:of|for|to)[ \u00a0]+(?:the[ \u00a0]+)?", span[cut:])
    if shouted:
        return cut + shouted.end()
    person = re.match(r"(?P<person>[A-Z][a-z]+[ \u00a0]+[A-Z][\w’'-]+)[ \u00a0]+(?:of|from|at)[ \u00a0]+", span[cut:])
    words = person.group("person").split() if person else []
    if person and common_given_name(words[0]) and parse_person_name(person.group("person")) is not None \
            and not any(w in gazetteer_places() or w in _area_words() for w in words):
        return cut + person.end()  # not "London Borough of Croydon Council"
    return cut


def _political_group_label(span: str) -> bool:
    """Whether a run ending in "Group" is a council's political group named by its standing
    ("Minority Group", "the Opposition Groups"), which is no organisation.

    Examples
    --------
    >>> [_political_group_label(s) for s in ("Minority Group", "Main Opposition Group", "Tarn Action Group")]
    [True, True, False]
    """
    standings = set(load_cues("organisations")["political_groups"]["standings"])
    words = span.split()
    return words[-1] in ("Group", "Groups") and all(w in standings for w in words[:-1])


def _power_not_body(span: str, chunk: str, end: int) -> bool:
    """Whether "Authority" ending a run is a power given ("… Funding and Authority to Procure a
    Contract"), not a body: "to" and a word follow it.

    Examples
    --------
    >>> _power_not_body("Funding and Authority", "Funding and Authority to Procure", 21)
    True
    >>> _power_not_body("Tarn Combined Authority", "Tarn Combined Authority to meet", 23)
    False
    """
    words = span.split()
    if words[-1] != "Authority" or not re.match(r"[ \u00a0]+to[ \u00a0]+[A-Za-z]", chunk[end:]):
        return False
    # A named authority ("Tarn Combined Authority to meet") has no "and" or "of" joining common nouns before it.
    return any(w in ("and", "&", "of") for w in words[:-1])


@cache
def _nation_ends() -> str:
    from evidence_graph.loaders.finders.spans import alternation

    return alternation(load_cues("organisations")["run_on"]["nation_ends"])


@cache
def _organisation_tail() -> re.Pattern[str]:
    dates = ("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
             "July|August|September|October|November|December|Behalf|Page|Pages|Item|Items")
    return re.compile(rf"[ \u00a0](?:on|for)[ \u00a0](?:the[ \u00a0])?(?!(?:{dates})\b)[A-Z][\w’'-]+"
                      rf"(?:[ \u00a0](?:(?:and|of|&)[ \u00a0])?[A-Z][\w’'-]+){{0,4}}(?![\w-])")


def _suffix_is_a_name(span: str) -> bool:
    """Whether a capitalised run ending in an organisation suffix names an organisation: not
    "… for Council" (a meeting), "… of Office" (a phrase), a council's thing ("Cardiff Council
    CCTV …"), a post ("Lay Member for …"), an everyday phrase ending in a weak suffix ("Cost
    of Living Support"), nor headings run together by "and" twice ("Planning and Commissioning
    and Patient Partnership").

    Examples
    --------
    >>> [_suffix_is_a_name(s) for s in ("Stepahead Support", "Cost of Living Support", "Pay Increase for Council")]
    [True, False, False]
    """
    from evidence_graph.loaders.structure.fields import looks_like_post

    words = span.split()
    if len(words) >= 2 and words[-2] in ("for", "of", "to", "at", "and", "&") and words[-1] in ("Council", "Office"):
        return False
    if words[0] in ("Special", "Extraordinary", "Annual", "Full", "Ordinary", "Adjourned", "Reconvened",
                    "Hybrid", "Virtual", "Remote", "Online") and words[-1] == "Council":
        return False  # "the Special County Council meeting", "the Hybrid Council meeting": the meeting as a body
    if re.search(r"(?<!\bof)(?<!\bfor)(?<!\band)(?<!\bon)[ \u00a0]the[ \u00a0]", span):
        return False  # "Tackling the School …": a phrase, not a name
    if words.count("and") + words.count("&") >= 2 and not any(w in ("of", "for") for w in words):
        return False  # "Strategy Planning and Commissioning and Patient Partnership": headings run together
    if re.search(r"\bCouncil(?:[’']s)?[ \u00a0](?!of\b|for\b|and\b)[A-Za-z]", span) or looks_like_post(span):
        return False
    cues = load_cues("entities")["organisations"]
    if words[-1] in cues["weak_suffixes"]:
        return not any(w in cues["weak_suffix_stops"] for w in words[:-1]) and not any(
            w in ("of", "for", "and", "&") for w in words)
    return True


def names_a_class(name: str) -> bool:
    """Whether a capitalised name ending in a plural organisation word is a class of bodies
    ("Independent Foster Care Agencies", "Town and Parish Councils", "Housing Associations"),
    not one body; a plural after "of" or "for" belongs to one body's name ("Association of
    Local Councils").

    Examples
    --------
    >>> [names_a_class(n) for n in ("Housing Associations", "Association of Local Councils", "Tarn Trust")]
    [True, False, False]
    """
    words = name.split()
    if len(words) < 2 or any(w in ("of", "for") for w in words):
        return False
    last = words[-1]
    # Single-word suffixes only: "Services" is no plural of a body word ("Fire and Rescue Service").
    singular = {s for s in _words("organisations", "suffixes") if " " not in s} - set(_plural_suffixes())
    return last in _plural_suffixes() or (last not in singular and (
        (last.endswith("s") and last[:-1] in singular) or (last.endswith("ies") and last[:-3] + "y" in singular)))


@cache
def _plural_suffixes() -> frozenset[str]:
    """The suffix words that are plurals of other suffix words ("Councils", "Agencies")."""
    lasts = {s.split()[-1] for s in _words("organisations", "suffixes")}
    return frozenset(w for w in lasts if (w.endswith("s") and w[:-1] in lasts)
                     or (w.endswith("ies") and w[:-3] + "y" in lasts))


def glued_verb_cut(span: str) -> int:
    """Where a body's name starts when a sentence's subject and verb run into it: "Ann Joined
    Tarn Fire & Rescue Service" (a verb the people cues know, capitalised, as the second or
    third word) starts at the word after the verb; 0 when nothing is glued.

    Examples
    --------
    >>> span = "Ann Joined Tarn Fire & Rescue Service"
    >>> span[glued_verb_cut(span):], glued_verb_cut("Tarn Fire & Rescue Service")
    ('Tarn Fire & Rescue Service', 0)
    """
    verbs = {v for v in load_cues("people")["context"]["verbs"] if " " not in v}
    words = span.split(" ")
    for at in (1, 2):
        if len(words) > at + 2 and words[at][:1].isupper() and words[at].lower() in verbs:
            return len(" ".join(words[:at + 1])) + 1
    return 0


def names_a_place_after(chunk: str, end: int) -> bool:
    """Whether the body's name ending at ``end`` is part of a place's or building's name that
    goes on ("Tarn Fire Service Headquarters", "the Tarn Police area or …"): a place word
    follows, with no capitalised word after it ("Police Area Commander" is a post of the body).

    Examples
    --------
    >>> text = "at Tarn Police Headquarters, in the Tarn Police area; the Tarn Police Area Commander"
    >>> [names_a_place_after(text, at) for at in (14, 47, 69)]
    [True, True, False]
    """
    from evidence_graph.loaders.finders.spans import alternation

    heads = alternation(load_cues("organisations")["run_on"]["place_heads_after"])
    return bool(re.match(rf"[ \u00a0]+(?:{heads})(?![\w’'-])(?![ \u00a0]+[A-Z])", chunk[end:end + 40]))


def _party_before_council(span: str) -> bool:
    """ "Tarnside Conservative County Council Members": a party word straight before the council
    type names members of a party, never a body."""
    from evidence_graph.loaders.finders.spans import alternation

    parties = alternation(load_cues("entities")["organisation_context"]["parties"])
    return bool(re.search(rf"(?:^|[ \u00a0])(?:{parties})[ \u00a0]+(?:(?:County|Borough|District|City|Town|Parish)"
                          rf"[ \u00a0]+)?Council$", span))


@cache
def _post_last_words() -> frozenset[str]:
    """Last words of post titles that end no organisation's name ("Commissioner", "Officer")."""
    suffixes = {s.split()[-1] for s in _words("organisations", "suffixes")}
    # "Health and Safety Executive", "the Scottish Executive": bodies of state.
    return frozenset(h.split()[-1] for h in _words("posts", "heads")) - suffixes - {"Executive"}


def _may_name_organisation(expansion: str) -> bool:
    """Whether an acronym's expansion can name an organisation: a capitalised name that is not
    a person's ("Julian Corner (JC)"); a lower-case class ("small and medium-sized enterprises
    (SMEs)") is a concept, not a body.

    Examples
    --------
    >>> [_may_name_organisation(e) for e in ("Care Quality Commission", "Julian Corner", "small businesses")]
    [True, False, False]
    >>> _may_name_organisation("Police and Crime Commissioner")
    False
    """
    if not expansion[:1].isupper() or names_a_class(expansion):
        return False
    last = expansion.split()[-1]
    if last in _post_last_words():
        return False  # "Police and Crime Commissioner (PCC)": a post, held by a person
    suffixes = {s.split()[-1] for s in _words("organisations", "suffixes")}
    if last in suffixes or last.rstrip("s") in suffixes:
        return True
    return not (len(expansion.split()) <= 3 and parse_person_name(expansion) is not None)


def _close(a: str, b: str) -> bool:
    from rapidfuzz.fuzz import ratio

    return ratio(a.lower(), b.lower()) >= FUZZY_ALIAS_CUTOFF


def _kind_of_name(name: str) -> str | None:
    """Service, programme, framework or legislation, by the name's last word."""
    last = re.sub(r"\s*\([^)]*\)\s*", " ", name).split()[-1] if name.split() else ""
    more = load_cues("entities")["services_more"]
    for kind, nouns_of in (("framework", _words("services", "framework")),
                           ("legislation", _words("services", "legislation")),
                           ("programme", _words("services", "programme") + more["programme"]),
                           ("service", _words("services", "service") + more["service"])):
        nouns = [n.split()[-1].lower() for n in nouns_of]
        if last.lower() in nouns:
            return kind
    suffixes = [s.split()[-1] for s in _words("organisations", "suffixes")]
    if last in suffixes or last.rstrip("s") in suffixes or last.endswith("ies"):
        return "organisation"
    return None


@cache
def _legislation_title() -> re.Pattern[str]:
    """An Act's, order's or regulations' title with its year, brackets and all: "Local
    Authorities and Police and Crime Panels (Coronavirus) (Flexibility of … Meetings) (England
    and Wales) Regulations 2020", "Town and Country Planning (Use Classes) Order 1987"."""
    joiners = "|".join(re.escape(j) for j in _words("services", "joiners"))
    bracket = rf"\([A-Z][\w’'&-]*(?:[ \u00a0](?:{joiners}|{_CAP_WORD}|[0-9]+))*\)"
    word = rf"(?:{_CAP_WORD}|{bracket}|[0-9]+)"
    return re.compile(rf"(?<![\w’'])(?P<span>{_CAP_WORD}(?:[ \u00a0](?:(?:{joiners})[ \u00a0])?{word}){{0,30}}"
                      rf"[ \u00a0](?:Act|Regulations|Order|Rules|Measure)"
                      rf"(?:[ \u00a0]\((?:Northern Ireland|Scotland|Wales)\))?"
                      rf"[ \u00a0](?:1[89]|20)[0-9]{{2}})(?![\w/-])")


def _named_things(chunk: str, offset: int, index: int,
                  acronyms: dict[str, str]) -> Iterator[Mention]:
    for kind in ("framework", "programme", "service", "legislation"):
        nouns = tuple(_words("services", kind))
        for match in _span_pattern(nouns, kind in ("framework", "programme")).finditer(chunk):
            skip, span = _trim_bad_start(match.group("span"))
            # "By Mrs Ann Lee Project Director": a person is no part of a programme's name.
            cut = _after_last_person(span)
            skip, span = skip + cut, span[cut:]
            if len(span.split()) < 2 or (not span[:1].isupper() and not span.startswith(("‘", "“"))):
                continue
            judged = judge_named_thing(chunk, match.start("span") + skip, span, kind)
            if judged is not None:
                start, kind_of_span, name = judged
                yield Mention(offset + start, offset + match.end("span"), kind_of_span, name, index,
                              "pattern:cue-noun")
    # A quoted name before a lower-case cue noun: the “0-11” transformation programme.
    for match in re.finditer(r"[‘“][^’”]{2,30}[’”](?:[ \u00a0][a-z]+){0,2}[ \u00a0]"
                             r"(?:programme|framework|strategy|project|initiative|review)\b", chunk):
        kind = "framework" if match.group().endswith("framework") else "programme"
        yield Mention(offset + match.start(), offset + match.end(), kind, match.group(), index,
                      "pattern:quoted-name")
    # "a framework for IFAs": the framework named by what it is for.
    for match in re.finditer(rf"\bframework for ((?:{_ACRONYM}))\b", chunk):
        acronym = match.group(1).rstrip("s")
        if acronym in acronyms:
            yield Mention(offset + match.start(), offset + match.end(), "framework",
                          f"{acronyms[acronym]} framework", index, "acronym")
    for match in _legislation_title().finditer(chunk):
        skip, span = _trim_bad_start(match.group("span"))
        lead = re.match(r"(?:(?:Under|Following|Pursuant to|Per|Section|Part|Schedule)[ \u00a0]+(?:[0-9]+[ \u00a0]+)?"
                        r"(?:of[ \u00a0]+)?(?:the[ \u00a0]+)?)+", span)
        if lead:  # "Under the Town and Country Planning … Order 2015"
            skip, span = skip + lead.end(), span[lead.end():]
        if len(span.split()) >= 3:
            yield Mention(offset + match.start("span") + skip, offset + match.end("span"), "legislation", span, index,
                          "grammar:legislation-title")
    for phrase, kind, name in _gazetteer():
        if kind != "legislation":
            continue
        for match in _phrase_regex(phrase).finditer(chunk):
            yield Mention(offset + match.start(), offset + match.end(), "legislation", name, index,
                          "gazetteer")


@cache
def _body_then_to() -> re.Pattern[str]:
    """A body's name and "to" at the start of a span: "Exeter Strategic Board to Devon Fire and
    Rescue Service" is one body writing to another, not one name."""
    entities = load_cues("entities")
    heads = {*entities["committees"]["heads"], *(s.split()[-1] for s in entities["organisations"]["suffixes"])}
    alternation = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(rf"(?:[\w’'&-]+[ \u00a0]){{1,6}}?(?:{alternation})[ \u00a0]+to[ \u00a0]+(?=[A-Z])")


def _without_leading(name: str, start: int, words: set[str]) -> tuple[str, int]:
    """``name`` without its leading words that are in ``words``, two words always kept, and
    where it then starts."""
    while len(name.split()) > 2 and name.split()[0] in words:
        start += len(name.split()[0]) + 1
        name = name.split(" ", 1)[1]
    return name, start


def judge_named_thing(chunk: str, start: int, span: str, kind: str) -> tuple[int, str, str] | None:
    """Cut a name found by its cue noun to the name, and type it by its words and context.

    A person, a possessive or a post before the name are not part of it ("Grace Anderson -
    Democratic Services", "the Welsh Government’s Clean Air Plan", "Head of Legal and Democratic
    Services"); a name after "Director of"/"Head of" and a department named for a service
    ("Democratic Services", "X and Y Services") are units (inside a post title, they are the
    post's and dropped); a body whose name ends in
    "Service" is an organisation ("Fire & Rescue Service"); a building is a venue, and a
    heading in capitals names nothing.

    Returns
    -------
    tuple or None
        Where the name starts (in ``chunk``), its kind and the name; None to drop it.

    Examples
    --------
    >>> text = "the Head of Legal and Democratic Services and the Welsh Government’s Clean Air Plan"
    >>> judge_named_thing(text, 4, "Head of Legal and Democratic Services", "service") is None
    True
    >>> judge_named_thing("Contact: Legal and Democratic Services.", 9, "Legal and Democratic Services", "service")
    (9, 'unit', 'Legal and Democratic Services')
    >>> judge_named_thing(text, 50, "Welsh Government’s Clean Air Plan", "programme")
    (69, 'programme', 'Clean Air Plan')
    """
    from evidence_graph.loaders.finders.services import cut_after_document_word, names_no_service
    from evidence_graph.loaders.finders.spans import is_heading_line, preceded_by_article, run_parts, trim_start
    from evidence_graph.loaders.structure.fields import looks_like_post

    cues = load_cues("entities")["services"]
    at, part = run_parts(span)[-1]
    start += at
    dash = re.match(r"(.+?)[ \u00a0]+[-–][ \u00a0]+", part)
    if dash and (parse_person_name(dash.group(1)) is not None or looks_like_post(dash.group(1))):
        start, part = start + dash.end(), part[dash.end():]  # "Grace Anderson - Democratic Services"
    person = re.match(r"[A-Z][a-z]+[ \u00a0][A-Z][a-z]+[ \u00a0]", part)
    if person and kind == "service" and part[person.end():] in cues["department_services"]:
        start, part = start + person.end(), part[person.end():]  # "Ashley Kendrick Democratic Services"
    quoted = re.fullmatch(r"[‘“](?P<name>[A-Z][^’”]{1,30})[’”][ \u00a0]+(?P<noun>[A-Z][\w’'-]+)", part)
    if quoted and kind != "legislation":
        # The “Safer Together” Programme: a quoted name and its cue noun, the quotes dropped.
        return start, kind, f"{quoted.group('name')} {quoted.group('noun')}"
    cut, name = trim_start(part)
    start += cut
    to_body = _body_then_to().match(name)
    if to_body:
        start, name = start + to_body.end(), name[to_body.end():]  # "response from the Tarn Board to Tarn Service"
    not_first = load_cues("entities")["services_more"]["not_first"]
    joiners = set(cues["joiners"])
    # "Draft Homelessness Strategy", "Post Consultation Report"; a joiner after a cut word goes
    # with it ("Budget and Medium Term Financial Strategy").
    name, start = _without_leading(name, start, {*not_first, *joiners})
    name, start = cut_after_document_word(name, start)
    name, start = _without_leading(name, start, joiners)  # "PCC Annual Report and Police and Crime Plan"
    actions = "|".join(load_cues("entities")["services_more"]["title_actions"])
    action = re.match(rf"(?:{actions})[ \u00a0]of[ \u00a0](?:the[ \u00a0])?", name)
    if action and kind != "legislation":
        start, name = start + action.end(), name[action.end():]  # "Adoption of the Fellside Local Plan"
    if len(name.split()) < 2 and name not in cues["department_services"]:
        return None
    if len(name.split()) == 2 and name.split()[0] in not_first:
        return None
    if is_heading_line(chunk, start, start + len(name)) or any(w in name for w in cues["facility_words"]):
        return None
    if names_no_service(chunk, start, name):
        return None
    if kind != "legislation" and (preceded_by_article(chunk, start) or
                                  re.match(r"[ \u00a0]+Documents?\b", chunk[start + len(name):])):
        # A kind ("a Joint Development Plan") or a kind of document ("… Plan Document"); a
        # report on a named thing keeps the name ("Community Support Funding Update").
        return None
    if kind == "service" and re.match(r"[ \u00a0]+(?:Centres?|Centers?|Points?|Desks?|Offices?|Shops?|Buildings?)\b",
                                      chunk[start + len(name):]):
        return None  # a building the service is given in: "the Customer Service Centres"
    listed = re.search(r"(?:^|\n)[ \u00a0]*(?:[0-9]+[.)]?[0-9]*[ \u00a0]+)?"
                       r"(?P<list>(?:[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?, )+)$", chunk[max(0, start - 80):start])
    if listed and re.search(r" (?:and|&) ", name):
        # An item's title that lists its subjects ("5. Parks, Streets and Open Spaces Annual
        # Review") is one name, commas and all.
        start -= len(listed.group("list"))
        name = chunk[start:start + len(listed.group("list")) + len(name)]
    heads = tuple(load_cues("entities")["committees"]["heads"]) + tuple(_words("organisations", "suffixes"))
    if name.split()[-1].islower() and name.rsplit(" ", 1)[0].endswith(heads):
        return None  # "the X Task and Finish Group review the contract": a body, then a verb
    if name.endswith(tuple(cues["service_bodies"])):
        cut = glued_verb_cut(name)
        if names_a_place_after(chunk, start + len(name)) or len(name[cut:].split()) < 2:
            return None  # "Fire Service Headquarters": a building's name
        return start + cut, "organisation", name[cut:]
    after_post = re.search(r"(?:Director|Head|Manager|Officer|Lead|Spokesperson|Member)(?:[ \u00a0]+(?:of|for))?"
                           r"[ \u00a0]+(?:the[ \u00a0]+)?$", chunk[max(0, start - 40):start])
    if after_post or re.match(r"(?:[ \u00a0]+[A-Z][a-z]+){0,2}[ \u00a0]+(?:Officer|Officers|Manager|Team Leader|Lead|"
                              r"Assistant|Adviser|Advisor)\b", chunk[start + len(name):]):
        # The department inside a post title ("Head of Legal and Democratic Services",
        # "Democratic Services Officer") is the post's, not a mention of its own.
        return None
    agency = rf"(?:{'|'.join(cues['agency_leads'])}) (?:[A-Z][\w’'-]+ ){{1,4}}Services?"
    if kind == "service" and re.fullmatch(agency, name):
        return start, "organisation", name  # a government agency: "National Probation Service"
    speech = "|".join(load_cues("entities")["people"]["speech_verbs"])
    if kind == "service" and re.fullmatch(r"(?:[A-Z][\w’']+ ){1,2}Services", name) and \
            re.match(rf"[ \u00a0]+(?:{speech})\b", chunk[start + len(name):]):
        return start, "unit", name  # a department speaks: "Technical Services reported …"
    line_start = chunk.rfind("\n", 0, start) + 1
    line_end = chunk.find("\n", start + len(name))
    alone_on_line = re.fullmatch(r"[ \u00a0]*(?:[0-9]+[.)]?[0-9]*[ \u00a0]+)?",
                                 chunk[line_start:start]) is not None and \
        not chunk[start + len(name):line_end if line_end >= 0 else len(chunk)].strip(" \u00a0:")
    if kind == "service" and (name in cues["department_services"]
                              or re.fullmatch(r"[A-Z][\w’']+(?: [A-Z][\w’']+)? (?:and|&) [A-Z][\w’']+ Services", name)
                              or (alone_on_line and re.fullmatch(r"(?:[A-Z][\w’']+ ){1,2}Services", name))):
        # A department heading alone on its line ("Technical Services") is a unit too.
        return start, "unit", name
    return start, kind, name


@cache
def _place_names() -> dict[str, str]:
    """The names a place cue may be followed by, with the place's name: the gazetteer's, then
    the areas of the register of local authorities (``cues/uk_local_authorities.csv``: its
    councils' places, "Wigan", "Ceredigion", "North Yorkshire"), which are places wherever a
    paper writes them after "in", "across" … (but stay out of :func:`gazetteer_places`, which
    other rules read as words no person's name holds: "Hart" is a district and a surname)."""
    from evidence_graph.loaders.context import NOT_COUNCIL_TYPES, authority_register

    places = dict(gazetteer_places())
    for entry in authority_register():
        if entry.kind in NOT_COUNCIL_TYPES:
            continue
        place = " ".join(entry.nice.split())
        for form in (place, *entry.names):
            # (Not the source's mis-encoded or "UA"-suffixed alternative names.)
            if form[:1].isupper() and not form.isupper() and len(form) > 3 and " Council" not in form and \
                    "\ufffd" not in form and "ï¿½" not in form and not form.endswith(" UA"):
                places.setdefault(form, place)
    return places


@cache
def _places_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The list of places after a place cue, and each place in it (see :func:`_places_in`)."""
    cues = "|".join(_words("places", "cues"))
    names = "|".join(re.escape(p) for p in sorted(_place_names(), key=len, reverse=True))
    separator = r"(?:,[ \u00a0]*|[ \u00a0]+and[ \u00a0]+|[ \u00a0]+or[ \u00a0]+)?"
    listed = re.compile(rf"\b(?:{cues})[ \u00a0]+(?:the[ \u00a0]+)?(?P<list>(?:(?:{names}){separator})+)")
    return listed, re.compile(rf"(?<![\w-])(?:{names})(?![\w-])")


def _places_in(chunk: str, offset: int, index: int) -> Iterator[Mention]:
    places = _place_names()
    listed, each = _places_patterns()
    for match in listed.finditer(chunk):
        for place in each.finditer(match.group("list")):
            start = offset + match.start("list") + place.start()
            following = chunk[match.start("list") + place.end():][:12]
            if re.match(r"[ \u00a0]+(?:County|Borough|District|City)?[ \u00a0]*Council", following):
                continue
            yield Mention(start, start + len(place.group()), "place", places[place.group()], index,
                          "gazetteer:place")
    for match in re.finditer(r"\b(East|West|North|South) and (East|West|North|South) ([A-Z][a-z]+)\b", chunk):
        for direction in (match.group(1), match.group(2)):
            name = f"{direction} {match.group(3)}"
            if name in places:
                yield Mention(offset + match.start(), offset + match.end(), "place", name, index,
                              "pattern:place-pair")


@cache
def _issue_patterns() -> list[tuple[re.Pattern[str], str]]:
    patterns = []
    for issue in load_cues("issues")["issue"]:
        for phrase in issue["phrases"]:
            flags = 0 if phrase.isupper() else re.I
            patterns.append((re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", flags), issue["key"]))
    return patterns


def _issues(chunk: str, offset: int, index: int) -> Iterator[Mention]:
    for pattern, key in _issue_patterns():
        for match in pattern.finditer(chunk):
            yield Mention(offset + match.start(), offset + match.end(), "issue", key, index,
                          "gazetteer:issue")


def table_measure(block: Block, start: int, end: int) -> str | None:
    """What a figure in a table cell measures: its row label and its column header.

    Examples
    --------
    >>> from evidence_graph.loaders.blocks import Field
    >>> row = Block("table-row", 0, 24, 0, fields=(Field("row", "Parks", 2, 7),
    ...             Field("column", "2025/26 budget", 10, 15)))
    >>> table_measure(row, 10, 15)
    'Parks – 2025/26 budget'
    """
    row = block.field("row")
    column = next((f for f in block.fields if f.name == "column" and f.start <= start and end <= f.end),
                  None)
    parts = [f.value for f in (row, column) if f is not None and f.value]
    return " – ".join(parts) or None


def _figures(chunk: str, offset: int, index: int, block: Block) -> Iterator[Mention]:
    for figure in find_figures(chunk):
        if block.kind == "table-row":
            yield Mention(offset + figure.start, offset + figure.end, "figure",
                          chunk[figure.start:figure.end], index, "grammar:figure", figure=figure,
                          measure=table_measure(block, offset + figure.start, offset + figure.end))
            continue
        sentence_start, sentence_end = sentence_around(chunk, figure.start, figure.end)
        sentence = chunk[sentence_start:sentence_end]
        measure = measured_phrase(sentence, figure.start - sentence_start, figure.end - sentence_start, figure)
        yield Mention(offset + figure.start, offset + figure.end, "figure",
                      chunk[figure.start:figure.end], index, "grammar:figure", figure=figure,
                      measure=measure.strip() or None)


def _former_names(chunk: str, offset: int, index: int) -> Iterator[Mention]:
    introducers = "|".join(re.escape(i) for i in ("previously known as", "formerly known as",
                                                   "were known as", "was known as", "formerly"))
    for match in re.finditer(rf"\b(?:{introducers})[ \u00a0]+(?P<names>{_CAP_WORD}(?:[ \u00a0]{_CAP_WORD})*"
                             rf"(?:[ \u00a0](?:and|or)[ \u00a0]{_CAP_WORD}(?:[ \u00a0]{_CAP_WORD})*)?)", chunk):
        names = match.group("names")
        # "Moving Forward and Breakthrough": two former names joined by "and".
        pieces = re.split(r"[ \u00a0](?:and|or)[ \u00a0]", names) if "known as" in match.group() else [names]
        position = match.start("names")
        for piece in pieces:
            at = chunk.index(piece, position)
            yield Mention(offset + at, offset + at + len(piece), "former-name", piece, index,
                          "pattern:former-name")
            position = at + len(piece)


def _leads(parsed: ParsedDocument, index: int, block: Block) -> Iterator[Mention]:
    """Bold lead-ins: issue candidates in evidence, services in lists, activities in reports."""
    lead = block.field("lead")
    if lead is None or block.kind in ("agenda-item", "signature"):
        return
    part = parsed.parts[block.part]
    kind = _kind_of_name(lead.value)
    if part.kind == "written-evidence" and block.kind == "paragraph" and lead.value.lower() not in {
            "summary", "conclusion", "background", "introduction"}:
        yield Mention(lead.start, lead.end, "issue", lead.value, index, "structure:lead-in")
    elif block.kind == "list-item" and part.kind in ("biography", "written-evidence", "generic") and kind in (
            None, "service"):
        yield Mention(lead.start, lead.end, "service", lead.value, index, "structure:service-list")
    elif part.kind == "officer-report":
        yield Mention(lead.start, lead.end, kind if kind in ("framework", "service") else "programme",
                      lead.value, index, "structure:activity")


#: Which finder wins when spans of different kinds overlap: structure, then curated lists,
#: then patterns (longer first).
_METHOD_RANK = {"structure": 0, "cast": 1, "gazetteer": 1, "acronym": 1, "fuzzy": 1, "grammar": 1,
                # A personal name the context supports (loaders.finders.people) beats a
                # capitalised run that a cue noun ends ("Ann Lee Democratic Services").
                "person": 1, "pattern": 2}
#: Kinds whose spans are names (an overlap between two of them is a conflict to settle).
_NAME_KINDS = frozenset({"person", "post", "organisation", "unit", "committee", "service",
                         "programme", "framework", "legislation"})


#: Kinds that name a body (a name inside one is part of it).
_BODY_KINDS = frozenset({"organisation", "unit", "committee"})


def _rank(mention: Mention) -> tuple[int, int, int]:
    # Between equals, a unit's head noun beats an organisation suffix on the same words ("the
    # Planning Department" is a part of the body, whose name ends in "Department" too).
    return (_METHOD_RANK.get(mention.method.split(":")[0], 2), -(mention.end - mention.start),
            0 if mention.kind == "unit" else 1)


def _owner_inside(mention: Mention, other: Mention) -> bool:
    """Whether an organisation is named, with its possessive, at the start of another name
    ("Local Government Ombudsman" in "Local Government Ombudsman's Annual Review"), or is the
    body whose board a committee's name is: the owner is a mention of its own beside the name
    of what it owns."""
    if mention.kind != "organisation" or other.kind == "organisation" or mention.start != other.start or \
            mention.end >= other.end:
        return False
    # "the Pitzhanger Manor Trust Board": the board's body, found with the board.
    return other.label[mention.end - other.start:][:2] in ("'s", "’s") or mention.method == "pattern:body-of-board"


def _drop_nested(mentions: list[Mention]) -> list[Mention]:
    unique = {(m.start, m.end, m.kind, m.label): m for m in
              sorted(mentions, key=lambda m: 0 if m.method == "structure" else 1, reverse=True)}
    candidates = [_as_post(_split_pair(m)) for m in unique.values()]
    kept: list[Mention] = []
    # Kept mentions indexed by the 64-character cells they touch, so that each mention is
    # checked against its neighbours only (a 5,000-name attendance list stays linear).
    cells: dict[int, list[Mention]] = {}
    for mention in sorted((m for group in candidates for m in group), key=_rank):
        clash = False
        near = {id(o): o for c in range(mention.start >> 6, (max(mention.end - 1, mention.start) >> 6) + 1)
                for o in cells.get(c, ())}
        for other in near.values():  # any clash drops the mention: the order does not matter
            if other.end <= mention.start or mention.end <= other.start:
                continue
            same_kind = other.kind == mention.kind
            inside = other.start <= mention.start and mention.end <= other.end
            contains = mention.start <= other.start and other.end <= mention.end
            if (same_kind and inside) or (mention.kind in _NAME_KINDS and other.kind in _NAME_KINDS
                  and mention.method.startswith("pattern") and not (contains and not inside)
                  and not _owner_inside(mention, other)):
                clash = True
            if clash:
                break
        if not clash:
            kept.append(mention)
            for c in range(mention.start >> 6, (max(mention.end - 1, mention.start) >> 6) + 1):
                cells.setdefault(c, []).append(mention)
    kept = _unglue_people(kept, cells)
    cells = {}
    for mention in kept:
        for c in range(mention.start >> 6, (max(mention.end - 1, mention.start) >> 6) + 1):
            cells.setdefault(c, []).append(mention)
    # "NHS" inside "NHS Highland", "CCG" inside "Derby and Derbyshire CCG": a body named
    # inside a longer body's name is part of that name, not a mention of its own.
    kept = [m for m in kept if not (m.kind == "organisation" and m.method != "structure" and any(
        o.kind in _BODY_KINDS and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
        and not _owner_inside(m, o) for o in cells.get(m.start >> 6, ())))]
    # "on behalf of Daniel Cameron, Tamsin Gold and the Youth Parliament": a cue that a person
    # may follow as well as a body reads no body in a name the document reads as a person.
    people = {m.label.casefold() for m in kept if m.kind == "person" and not m.method.startswith("pattern")
              and known_given_name(m.label.split()[0])}
    # The same holds where a people finder reads the very words as a person ("Councillors Ann
    # Lee and Tom Reed, from …"), whatever honorific its label keeps.
    spans = {(m.start, m.end) for m in kept if m.kind == "person" and not m.method.startswith("pattern")}
    kept = [m for m in kept if not (m.method in _EITHER_CUE and (m.label.casefold() in people or (
        (m.start, m.end) in spans and known_given_name(m.label.split()[0]))))]
    return sorted(kept, key=lambda m: (m.start, -(m.end - m.start), m.kind))


#: Organisation methods whose cue a person may follow as well as a body ("on behalf of", "by").
_EITHER_CUE = frozenset({"context:organisation"})
#: Organisation methods whose context says a body, not a person, stands there.
_BODY_EVIDENCE = frozenset({"context:body-cue", "context:person-line"})
#: Person methods that read a name from one context word only ("with Ann Lee", "Ann Lee said").
_WEAK_PERSON = frozenset({"person:before", "person:verb", "person:bracket"})


def _unglue_people(kept: list[Mention], cells: dict[int, list[Mention]]) -> list[Mention]:
    """Cut a person found by structure or context out of a body's name that runs into them.

    A body's name never holds a person the people finders found: "Ann Lee Harbour Support"
    (an agenda line with no comma) is the person and "Harbour Support"; "Frodsham, Malpas
    and Ian Wilson" ends in a person and is no body. A person at the start is cut off when two
    words of name are left (the body found by structure in the same place wins); one word left
    is a body named after a person ("Alan Turing Institute"), kept whole.
    """
    # A body named after a cue that only bodies follow, or in the body's place in "Name, Post,
    # Body", beats a person read only from a weak context word on the same words.
    outweighed = {id(o) for m in kept if m.method in _BODY_EVIDENCE
                  for c in range(m.start >> 6, (max(m.end - 1, m.start) >> 6) + 1) for o in cells.get(c, ())
                  if o.kind == "person" and o.method in _WEAK_PERSON and o.start < m.end and m.start < o.end}
    # The structure's field is the body's kind where a finder reads the same words otherwise.
    structured = {(m.start, m.end) for m in kept if m.method == "structure" and m.kind in ("organisation", "unit")}
    # "Scottish Executive Justice Department" read as a body of state and its unit is not one
    # body; "Members of the Tarn Labour Group": the party's group on the council is a unit.
    parted = [(m.start, m.end) for m in kept if m.method == "grammar:state-unit"]
    groups = [(m.start, m.end) for m in kept if m.method == "grammar:political-group"]
    units = {(m.start, m.end) for m in kept if m.kind == "unit"}
    unglued: list[Mention] = []
    for mention in (m for m in kept if id(m) not in outweighed):
        if mention.kind not in ("organisation", "unit") or mention.method == "structure":
            unglued.append(mention)
            continue
        if (mention.start, mention.end) in structured:
            continue
        if mention.kind == "organisation" and ((mention.start, mention.end) in units or any(
                start < mention.end and mention.start < end for start, end in groups)):
            continue  # one body on these words, and its head noun says a unit
        if mention.method != "grammar:state-unit" and any(
                mention.start <= start and end <= mention.end and (start, end) != (mention.start, mention.end)
                for start, end in parted):
            continue
        # Each person once, though a name across two cells is indexed in both.
        people = list({id(o): o for c in range(mention.start >> 6, (max(mention.end - 1, mention.start) >> 6) + 1)
                       for o in cells.get(c, ()) if o.kind == "person" and not o.method.startswith("pattern")
                       and id(o) not in outweighed
                       and mention.start <= o.start and o.end <= mention.end and (o.start, o.end) != (
                           mention.start, mention.end)}.values())
        if not people:
            unglued.append(mention)
            continue
        first = min(people, key=lambda p: p.start)
        rest = mention.label[first.end - mention.start:].lstrip(" \u00a0,")
        if not rest[:1].isupper():
            continue  # "Blue Fox in May": what is left is no name
        surface = len(mention.label) == mention.end - mention.start
        if first.start != mention.start or len(people) > 1 or not surface or len(rest.split()) < 2:
            if first.start == mention.start and len(people) == 1 and len(rest.split()) == 1 and (
                    first.method != "person:post-after"):
                unglued.append(mention)  # "Alan Turing Institute", not "Gary Macdonald Group Director"
            continue
        start = mention.end - len(rest)
        if any(o.kind == mention.kind and (o.start, o.end) == (start, mention.end) for o in kept):
            continue  # the same name found on its own already
        unglued.append(Mention(start, mention.end, mention.kind, rest, mention.block, mention.method))
    return unglued


def _as_post(mentions: list[Mention]) -> list[Mention]:
    """A name found by cue noun that starts like a post title is a post."""
    from evidence_graph.loaders.structure.fields import looks_like_post

    return [Mention(m.start, m.end, "post", m.label, m.block, m.method) if (
        m.method.startswith("pattern") and m.kind in ("service", "programme", "organisation")
        and looks_like_post(m.label) and not _programme_after_post_word(m)) else m for m in mentions]


def _programme_after_post_word(mention: Mention) -> bool:
    """Whether a programme's name only starts with members' words: "Elected Member Development
    Charter" is a charter ("Member" a modifier there, no field after "of" or "for"), where
    "Director Strategic Programmes" is a post."""
    posts = load_cues("entities")["posts"]
    words = mention.label.split()
    return mention.kind == "programme" and len(words) > 3 and words[1] in ("Member", "Members") and \
        words[0] not in {*posts["heads"], *posts["qualifiers"]} and \
        re.search(r"[ \u00a0](?:of|for|to)[ \u00a0]", mention.label) is None


def and_joins_an_object(left: str) -> bool:
    """Whether "and" after ``left`` joins the object of its "of"/"for" ("Office of the Police |
    and Crime Commissioner", "Department of Health | and Social Care"), not a second name.

    Examples
    --------
    >>> [and_joins_an_object(s) for s in ("Office of the Police", "Tarn Police", "Friends of Tarn Park Trust")]
    [True, False, False]
    """
    return bool(re.search(r"(?:^|\s)(?:of|for)\s(?:the\s)?\S+$", left))


def _split_pair(mention: Mention) -> list[Mention]:
    """Split "Specialist Children's Services and Integrated Youth Services" (or "Workforce
    Strategy & Council Workforce Plan") in two."""
    joiner = next((j for j in (" and ", " & ") if j in mention.label), None)
    if not mention.method.startswith("pattern") or joiner is None:
        return [mention]
    left, _, right = mention.label.partition(joiner)
    if _kind_of_name(left) != mention.kind or len(left.split()) < 2 or and_joins_an_object(left):
        return [mention]
    if " " not in right and "," in left:
        return [mention]  # "Department of Levelling Up, Housing and Communities": the last item of one name's list
    right_start = mention.start + len(left) + len(joiner)
    return [Mention(mention.start, mention.start + len(left), mention.kind, left, mention.block,
                    mention.method),
            Mention(right_start, mention.end, mention.kind, right, mention.block, mention.method)]


# Finders beyond the core ones register themselves when their package is imported.
from evidence_graph.loaders import finders as _finders  # noqa: E402,F401

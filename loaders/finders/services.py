"""Services, programmes, policies, strategies, funds, charters, contracts and the like named in
a passage, beyond the core cue nouns of :func:`loaders.mentions.named_things`.

- **Named ones by head noun**: a name run ending in a fund, grant, charter, compact, portal,
  policy, contract, policy statement, week … ("UK Community Renewal Fund", "End Violence at Work
  Charter", "Race Equality Week"), cut and typed as the core ones are
  (:func:`loaders.mentions.judge_named_thing`).
- **Lower-case service phrases in service contexts**: "the leisure management contract",
  "saving the mobile library service", "the provision of community pharmacy services", "the
  Council’s ethical governance framework", "an inquiry into the advertising industry"; a proper
  name or acronym may lead one ("an Oxfordshire CCTV hub", "the X Limited business plan").
- **Names with no cue noun**: a programme named by what it does ("Tackling the School Places
  Gap", "Transforming Home Care": a gerund of change and a title-case object), and a review
  titled by its subject ("Resident Engagement in Planning – Scrutiny Review").
- **Projects and reviews by their object**: works at a place ("Improvements at M4 Junction 16"),
  a phase of a named scheme ("Aberfeldy Estate Phase 2"), a review titled by what it reviews
  ("Review of Select Committee activity in 2017–18"), planning-obligation money ("Section 106
  funding") and a named operation ("Operation Sceptre").
- **Quoted campaigns**: a quoted name by a campaign noun ("the ‘Bin It Right’ campaign").
- **Campaigns, consultations and rounds with no head noun**: a call to the reader ("Make Your
  Mark", "Have Your Say!"), a consultation by its title-case subject ("the Clean Air
  consultation"), a commissioning or planning round ("DAAT Commissioning", "Strategic and
  Resource Planning 2014/15").
- **Decision titles**: the title of a published decision names the project or scheme decided on
  when it is a name in title case and no procedure, body or building ("26/07/2024 - Harbour Wall
  Repairs ref: 2910" names a project; "Apologies for Absence" and "Audit Committee - 29 January"
  do not).

Heads and the modifiers that make a phrase generic are cue data (``services_more`` in
``cues/entities.toml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import pairwise

from evidence_graph.loaders.cues import load_cues
from evidence_graph.loaders.finders.spans import (
    CAP_WORD,
    JOINERS,
    NAME_END,
    alternation,
    cues,
    headed_run,
    is_heading_line,
    preceded_by_article,
    run_parts,
    trim_start,
)
from evidence_graph.loaders.mentions import MENTION_FINDERS, Mention, Passage, gazetteer_places, judge_named_thing
from evidence_graph.loaders.names import never_name_words
from evidence_graph.loaders.structure.fields import looks_like_post

_SP = r"[ \u00a0]"


@MENTION_FINDERS.register("services", after="named-things")
def named_services(passage: Passage) -> Iterator[Mention]:
    """Named services, programmes, funds, charters … by head noun, and a programme joined to a
    budget ("the Revenue Budget and Capital Programme" names the Capital Programme).

    Examples
    --------
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> text = "Minutes\\n\\nThe UK Community Renewal Fund and the End Violence at Work Charter were noted.\\n"
    >>> parsed = parse_document(Document("m.txt", "m", text, "0"))
    >>> sorted(m.label for m in find_mentions(parsed, CorpusContext(), finders=["services"]))
    ['End Violence at Work Charter', 'UK Community Renewal Fund']
    """
    text = passage.text
    for kind in ("service", "programme"):
        heads = tuple(cues("services_more", kind))
        ends_in_head = re.compile(rf"(?:^|.*{_SP})(?:{alternation(heads)})$")
        for match in headed_run(heads).finditer(text):
            for at, part in run_parts(match.group("span")):
                if ends_in_head.match(part):
                    yield from _named(passage, kind, match.start("span") + at, part)
    for match in _after_budget().finditer(text):
        name = match.group("name")
        if name.split()[0] not in cues("services_more", "not_first") and not is_heading_line(name, 0, len(name)):
            yield passage.mention(match.start("name"), match.end("name"), "programme", name, "grammar:budget-pair")


@cache
def _after_budget() -> re.Pattern[str]:
    """A programme or plan joined to a budget: "the Revenue Budget and Capital Programme", "the
    Budget and Medium Term Financial Strategy" (a budget is no service, so the run that holds both
    is one name only by its last words)."""
    heads = alternation([*cues("services", "programme"), *cues("services_more", "programme")])
    return re.compile(rf"(?<=Budget{_SP}and{_SP})(?P<name>{CAP_WORD}(?:{_SP}{CAP_WORD}){{0,4}}?{_SP}(?:{heads}))"
                      r"(?![\w-])")


def _named(passage: Passage, kind: str, start: int, span: str) -> Iterator[Mention]:
    """The service or programme a name run at ``start`` names, if any (see :func:`named_services`)."""
    text = passage.text
    end = start + len(span)
    not_first = set(cues("services_more", "not_first"))
    words = span.split()
    while words and words[0] in not_first:
        start += len(words[0]) + 1
        words = words[1:]
    action = re.match(rf"(?:{alternation(cues('services_more', 'title_actions'))}) of (?:the )?", " ".join(words))
    if action:
        # "Recommissioning of the Day Care Contract" names the contract; "Recommissioning of
        # Contract" none.
        start += action.end()
        words = " ".join(words)[action.end():].split()
    if len(words) < 2 or preceded_by_article(text, start):
        return
    # A period after the name is in the span, not the label: "Plan 2023 - 2025" and "the Plan"
    # are one plan.
    period = _period().match(text, end)
    if period is not None:
        end = period.end()
    judged = judge_named_thing(text, start, " ".join(words), kind)
    if judged is not None:
        at, kind_of_span, name = judged
        if kind_of_span in ("service", "programme") and name.split()[0] in not_first:
            return
        if name.split()[-1] in ("Payment", "Payments") and len(name.split()) < 3:
            return  # a kind of payment ("Severance Payments"); "Winter Fuel Payment" is named
        if kind_of_span == "programme" and _appointed_to().match(text, end):
            # A body members are appointed to ("Ship Fund - Councillor Rome" in a list of outside
            # bodies) is a charity or trust, not a programme.
            kind_of_span = "organisation"
        yield passage.mention(at, end, kind_of_span, name, "pattern:service-head")


@cache
def _appointed_to() -> re.Pattern[str]:
    """A dash and a member after a name: the name is of a body the member is appointed to."""
    members = alternation(["Councillor", "Councillors", "Cllr", "Cllrs", "Bailie", "Depute", "Provost",
                           "Lord Provost", "Lord Mayor", "Mayor", "Alderman"])
    return re.compile(rf"{_SP}*[-–—]{_SP}*(?:\([^)]{{1,40}}\){_SP}*[-–—]?{_SP}*)?(?:{members})\b")


@cache
def _period() -> re.Pattern[str]:
    """A period or phase after a name ("… Plan 2023 - 2025", "… Statement 2024/25", "(Phase 1)")."""
    year = r"(?:19|20)\d\d"
    return re.compile(rf"{_SP}(?:for{_SP})?(?:{year}{_SP}?[-–/]{_SP}?(?:{year}|\d\d)|{year}|\(Phase{_SP}\d+\)|"
                      rf"Phase{_SP}\d+)(?![\w/-])")


@cache
def _lower_phrases() -> re.Pattern[str]:
    heads = alternation(cues("services_more", "lower_heads"))
    lead = (r"(?:\b(?:[Tt]he|a|an|its|our|their|supports?|supporting|[Cc]ouncil[’']s|[A-Z][a-z]+[’']s|of|for|"
            r"commissioned|commissioning|providing|provide|provides|delivering|deliver|delivers|saving|save|"
            r"include|includes|including|such as|new|existing|proposed|fund|funds|funding|run|runs|"
            r"operate|operates|extend|extending|award|awarding|retender|re-tender|tender|procure|"
            r"procuring|cut|cuts to|close|closing|review of|reviewing|support for|access to|agreed|approved|"
            r"endorsed|welcomed))")
    word = r"(?:[a-z][a-z-]+|[A-Z]{2,6})"
    # A proper name may lead the modifiers ("an Oxfordshire CCTV hub", "the proposed Fellside
    # Leisure Limited (FLL) business plan"), each word judged in service_phrases.
    # A possessive is a lead, not a modifier ("the Council’s ethical governance framework").
    proper = rf"(?P<proper>(?:[A-Z][\w&-]*{_SP}+){{1,4}}(?:\([A-Z]{{2,6}}s?\){_SP}+)?)"
    modifiers = rf"(?:{proper}(?:{word}{_SP}+){{0,3}}|(?:{word}{_SP}+){{1,3}})"
    return re.compile(rf"{lead}{_SP}+(?P<name>{modifiers}(?:{heads}))(?![\w-])"
                      rf"(?P<tail>{_SP}+for{_SP}+(?:20\d\d(?:[/–-]\d{{2,4}})?|[a-z]+(?:{_SP}[a-z]+)?{_SP}(?:children|adults|"
                      rf"people|residents|families|carers)))?")


@cache
def _money_after() -> re.Pattern[str]:
    """The money of a service phrase after it, an acronym between: " (CSP) funding"."""
    return re.compile(rf"(?:{_SP}\([A-Z]{{2,6}}s?\))?{_SP}(?:funding|fund|grants?|monies)(?![\w-])")


@cache
def _common_service() -> re.Pattern[str]:
    """A service every council of a kind provides, in lower case after a word of providing,
    funding or reviewing it: "the review of home to school transport", "funding for supported
    living for adults with learning disabilities"."""
    services = alternation(cues("services_more", "common_services"))
    leads = (r"(?:the|of|for|on|to|in|provide|provides|provided|providing|commission|commissioned|commissioning|"
             r"deliver|delivers|delivered|delivering|fund|funds|funded|funding|review|reviewed|reviewing|"
             r"including|include|includes|such as|cuts to|changes to|about|and)")
    whom = r"(?:children|adults|people|residents|families|carers|pupils|students|young people|older people)"
    # A head after it makes the phrase a contract or scheme of that service ("supported living
    # contracts").
    heads = alternation(cues("services_more", "lower_heads"))
    return re.compile(rf"(?:\b{leads}|:){_SP}+(?P<name>(?:{services})(?P<head>{_SP}(?:{heads}))?"
                      rf"(?:{_SP}for{_SP}(?:[a-z]+{_SP}){{0,2}}{whom}"
                      rf"(?:{_SP}with{_SP}(?:[a-z-]+{_SP})?[a-z-]+{_SP}?(?:disabilities|needs|difficulties))?)?)"
                      r"(?![\w-])")


@cache
def _contract_for_supply() -> re.Pattern[str]:
    """A contract titled by what it supplies: "Contract Arrangements for the Supply of
    Residential Care Home Placements"."""
    joiners = alternation(["and", "&", "of", "for", "the", "in", "to", "with"])
    run = rf"{CAP_WORD}(?:{_SP}(?:(?:{joiners}){_SP}){{0,2}}{CAP_WORD}){{0,8}}"
    return re.compile(rf"(?<![\w’'-])(?P<name>(?:{CAP_WORD}{_SP}){{0,3}}Contracts?(?:{_SP}Arrangements)?{_SP}for"
                      rf"{_SP}(?:the{_SP})?(?:Supply|Provision|Delivery|Purchase|Procurement){_SP}of{_SP}{run})"
                      + NAME_END)


@cache
def _financial_plan() -> re.Pattern[str]:
    """A financial plan every council keeps, in lower case after "the" and its modifiers: "the
    overall capital programme", "the flexible use of capital receipts strategy"."""
    plans = alternation(cues("services_more", "financial_plans"))
    modifiers = r"(?:(?:overall|approved|revised|current|proposed|draft|updated|council[’']s|new|annual)" + _SP + ")"
    return re.compile(rf"\b(?:[Tt]he|[Ii]ts|[Oo]ur|[Tt]heir|[A-Z][a-z]+[’']s){_SP}+{modifiers}{{0,2}}"
                      rf"(?P<name>{plans})(?![\w-])")


@cache
def _served_pair() -> re.Pattern[str]:
    """A short lower-case service after a word of providing, running or debating it: "the
    provision of public space CCTV", "the management of council leisure facilities", "a motion
    on maternity services"."""
    nouns = alternation(cues("services_more", "serving_nouns"))
    word = r"(?:[a-z][a-z-]+)"
    return re.compile(rf"\b(?:{nouns}){_SP}(?:of|on|for|to){_SP}(?:the{_SP}|its{_SP}|our{_SP})?"
                      rf"(?P<name>(?:{word}{_SP}){{1,3}}(?:services|service|facilities|CCTV))(?![\w-])")


@cache
def _numbered_route() -> re.Pattern[str]:
    """A transport service named by its route numbers: "bus services 188 & 190", "the X7 bus
    service", "ferry route 4"."""
    modes = r"(?:[Bb]us|[Cc]oach|[Ff]erry|[Tt]ram|[Rr]ail|[Tt]rain)"
    kinds = r"(?:service|services|route|routes)"
    number = r"(?:[A-Z]{0,2}[0-9]{1,3}[A-Z]?)"
    numbers = rf"{number}(?:(?:,{_SP}|{_SP}(?:&|and|or){_SP}|/){number}){{0,5}}"
    return re.compile(rf"\b(?P<name>{modes}{_SP}{kinds}{_SP}(?:[Nn]o\.?{_SP}|[Nn]umbers?{_SP})?{numbers}"
                      rf"|(?<=the{_SP}){numbers}{_SP}{modes}{_SP}{kinds})(?![\w-])")


@cache
def _services_listed() -> re.Pattern[str]:
    """Lower-case services listed as what is provided: "Other services provided were bus pass
    applications and photocopying"."""
    return re.compile(rf"\bservices{_SP}(?:provided|offered|available|delivered){_SP}(?:here{_SP}|there{_SP})?"
                      rf"(?:were|are|included|include|including){_SP}(?P<list>[a-z][a-z ,-]{{3,120}}?)(?=[.;:]|$)")


@cache
def _scrutiny_item() -> re.Pattern[str]:
    """A scrutiny exercise titled in lower case by its subject at the head of an item: "6. Joint
    scrutiny on flooding – Representative"."""
    word = r"[a-z][a-z-]+"
    return re.compile(rf"(?m)^(?:\(?[0-9]+[.)]?[0-9]*{_SP}+)?(?P<name>[A-Z][a-z]+{_SP}scrutiny(?:{_SP}review)?{_SP}"
                      rf"(?:on|of|into){_SP}(?!the\b){word}(?:{_SP}(?:and{_SP})?{word}){{0,3}})"
                      rf"(?={_SP}*(?:[–—-]|[.:;,]|$))")


@cache
def _inquiry() -> re.Pattern[str]:
    return re.compile(rf"\b(?P<name>inquiry{_SP}into{_SP}(?:the{_SP}+)?(?:[a-z][a-z-]+{_SP}+){{0,4}}[a-z][a-z-]+)"
                      rf"(?=[,.;:)]|{_SP}(?:and|which|that|has|was|is|in|by|to|as|with|for|from|on){NAME_END})")


#: A committee's inquiry by its title: what it resolves to inquire into, or its inquiry into, to
#: the end of the sentence ("Resolved, That the Committee inquire into value for money in higher
#: education.", "our inquiry into British foreign policy and the Arab Spring.").
_INQUIRY_TITLE = re.compile(rf"\b(?:[Cc]ommittee{_SP}+(?:will{_SP}+|should{_SP}+)?inquire|(?:our|its|their|the"
                            rf"{_SP}+Committee[’']s){_SP}+inquiry){_SP}+into{_SP}+(?P<name>(?:the{_SP}+)?[\w’'-]+"
                            rf"(?:{_SP}+[\w’'—-]+){{1,14}}?)(?=[.;:)?](?:\s|$)|,{_SP}|\s*$)")
#: The title line of a transcript of oral evidence: "Oral evidence: Select Committees and
#: Contempts, HC 826".
_EVIDENCE_TITLE = re.compile(rf"^[ \t]*Oral{_SP}+evidence:{_SP}*(?P<name>[A-Z][^\n]{{3,160}}?),{_SP}*HC{_SP}*\d+",
                             re.MULTILINE)


@MENTION_FINDERS.register("service-phrases", after="services")
def service_phrases(passage: Passage) -> Iterator[Mention]:
    """Lower-case service phrases in service contexts, and inquiries by their subject.

    A phrase needs a context word before it ("the", "commissioned", "saving", "provision of" …)
    and at least one modifier that is not generic ("the new service" is no name). After a noun of
    providing, running or debating a service (``serving_nouns``: "the provision of", "a motion
    on") one specific modifier is enough: "public space CCTV", "maternity services". An item
    titled by a scrutiny exercise and its subject ("6. Joint scrutiny on flooding") names it; so
    do route numbers ("bus services 188 & 190") and a list of what is provided ("other services
    provided were bus pass applications and photocopying").

    Examples
    --------
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> text = ("Minutes\\n\\nA petition on saving the mobile library service and the new service; "
    ...         "the leisure management contract; an inquiry into the advertising industry.\\n")
    >>> parsed = parse_document(Document("m.txt", "m", text, "0"))
    >>> sorted(m.label for m in find_mentions(parsed, CorpusContext(), finders=["service-phrases"]))
    ['inquiry into the advertising industry', 'leisure management contract', 'mobile library service']
    """
    text = passage.text
    generic = set(cues("services_more", "generic_modifiers"))
    function = set(cues("services_more", "function_words"))
    bodies = (*cues("committees", "heads"), *cues("organisations", "government_words"), "Cabinet", "Executive")
    company = tuple(cues("organisations", "suffixes"))
    at = 0
    while (match := _lower_phrases().search(text, at)) is not None:
        at = match.end()
        name = match.group("name")
        proper = (match.group("proper") or "").strip()
        if proper and re.search(rf"(?<![\w-])(?:{alternation(bodies)})(?![\w-])", proper):
            # "the County Council contract" names no service, but a phrase may follow the body
            # ("The Council commissioned smoking cessation services"): look again after it.
            at = match.start("name") + 1
            continue
        owner = re.sub(r"\s*\([A-Z]{2,6}s?\)$", "", proper)
        if proper and owner.endswith(company):
            # A body's plan or contract ("the Fellside Leisure Limited business plan"): the
            # body keeps its own mention, the span is the phrase after it.
            rest = match.start("name") + len(proper)
            while text[rest] in " \u00a0":
                rest += 1
            label = f"{owner} {text[rest:match.end('name')]}"
            yield passage.mention(rest, match.end("name"), "programme", label, "grammar:service-phrase")
            continue
        words = name.split()
        head_words = 1 if words[-1] != "plan" else 2
        lower = [w for w in words[len(proper.split()):-head_words]]
        if proper and lower and all(w in generic for w in lower):
            # "PCC commissioned services": an owner and a generic word name no service.
            continue
        if proper and not lower and words[-1] in ("contract", "contracts") and len(proper.split()) == 1 and \
                proper not in never_name_words() and not proper.endswith("ing") and \
                re.search(rf"\b[Tt]he{_SP}+$", text[:match.start("name")]):
            # A company's contract: "the Widgetco contract".
            yield passage.mention(match.start("name"), match.end("name"), "programme", name, "grammar:service-phrase")
            continue
        modifiers = words[:-head_words]
        # Only a lower-case word is generic: "Individual" leads a name ("the Individual Widget
        # Accounts (IWAs) scheme").
        while modifiers and modifiers[0] in generic:
            modifiers = modifiers[1:]
        # Two modifiers at least ("mobile library service"; "housing services" is a department
        # as often as a service), one of them specific, and no function word in between.
        if len(modifiers) + head_words < 3 or all(m in generic for m in modifiers) or \
                any(m in function for m in modifiers):
            continue
        if any(a.endswith("ly") and b.endswith("ed") for a, b in pairwise(modifiers)):
            continue  # "a highly valued service", "the jointly funded service": praise or a manner, no name
        start = match.end("name") - len(" ".join(modifiers + words[-head_words:]))
        end = match.end("tail") if match.group("tail") else match.end("name")
        money = _money_after().match(text, end)
        if money and not match.group("tail"):
            end = money.end()  # a partnership's or scheme's money: "community safety partnership (CSP) funding"
        label = text[start:end]
        service_heads = ("service", "services", "helpline", "hub", "travel", "provision")
        kind = "service" if words[-1] in service_heads and not money else "programme"
        yield passage.mention(start, end, kind, label, "grammar:service-phrase")
    for match in _common_service().finditer(text):
        kind = "programme" if match.group("head") and not match.group("head").strip().startswith("service") \
            else "service"
        yield passage.mention(match.start("name"), match.end("name"), kind, match.group("name"),
                              "grammar:common-service")
    for match in _contract_for_supply().finditer(text):
        yield passage.mention(match.start("name"), match.end("name"), "programme", match.group("name"),
                              "grammar:contract-for-supply")
    for match in _financial_plan().finditer(text):
        yield passage.mention(match.start("name"), match.end("name"), "programme", match.group("name"),
                              "grammar:financial-plan")
    departments = {w.lower() for name in cues("services", "department_services") for w in name.split()[:-1]}
    for match in _served_pair().finditer(text):
        # After a word of providing or running, one specific modifier is enough ("the provision
        # of public space CCTV", "a motion on maternity services"); a department's word is not
        # ("the management of legal services").
        words = match.group("name").split()
        while words and words[0] in ("new", "existing", "current", "future", "proposed"):
            words = words[1:]
        modifiers = words[:-1]
        if not modifiers or any(m in function or m in departments for m in modifiers) or \
                all(m in generic for m in modifiers):
            continue
        start = match.end("name") - len(" ".join(words))
        kind = "programme" if words[-1] == "CCTV" else "service"
        yield passage.mention(start, match.end("name"), kind, " ".join(words), "grammar:served-pair")
    for match in _numbered_route().finditer(text):
        yield passage.mention(match.start("name"), match.end("name"), "service", match.group("name"),
                              "grammar:numbered-route")
    for match in _services_listed().finditer(text):
        # Each item of two words or more that holds no function word: "bus pass applications"
        # (one word, "photocopying", is an activity as often as a service).
        at = match.start("list")
        for item in re.split(r",\s*|\s+and\s+|\s+or\s+", match.group("list")):
            words = item.split()
            start = text.index(item, at) if item else at
            at = start + len(item)
            if 2 <= len(words) <= 4 and not any(w in function or w in generic for w in words):
                yield passage.mention(start, start + len(item), "service", item, "grammar:services-listed")
    for match in _scrutiny_item().finditer(text):
        subject = match.group("name").split()[4 if " review " in match.group("name") else 3:]
        if not any(w in function or w in generic for w in subject):
            yield passage.mention(match.start("name"), match.end("name"), "programme", match.group("name"),
                                  "grammar:scrutiny-item")
    for match in _inquiry().finditer(text):
        yield passage.mention(match.start("name"), match.end("name"), "programme", match.group("name"),
                              "grammar:inquiry")
    for pattern in (_INQUIRY_TITLE, _EVIDENCE_TITLE):
        for match in pattern.finditer(text):
            name = match.group("name").rstrip(" ,")
            if set(name.split()) & set(cues("services", "document_words")):
                continue  # a session on a document ("HMT’s Annual Report and Accounts 2015-2016")
            if len([w for w in name.split() if w.lower() not in ("the", "of", "and", "in", "for", "to")]) >= 2:
                yield passage.mention(match.start("name"), match.start("name") + len(name), "programme", name,
                                      "grammar:inquiry-title")
    for match in _lower_review_of().finditer(text):
        # Two words of object not generic at least: "the review of the committee timetable and
        # remits", not "the review of the minutes".
        content = [w for w in match.group("object").split() if w not in function and w not in generic]
        if len(content) >= 2:
            yield passage.mention(match.start("name"), match.end("name"), "programme", match.group("name"),
                                  "grammar:review-of")


@cache
def _lower_review_of() -> re.Pattern[str]:
    """A review named in lower case by its object after "the": "the review of targets and
    indicators in health and social care was pending"; the object ends at a clause's edge."""
    ends = rf"(?:was|is|has|had|will|would|which|that|were|are|be|being|to{_SP}be)"
    word = rf"(?!{ends}\b)[a-z][a-z-]+"
    joiner = r"(?:and|in|of|for)"
    return re.compile(rf"\b[Tt]he{_SP}(?P<name>review{_SP}of{_SP}(?:the{_SP})?(?P<object>{word}"
                      rf"(?:{_SP}(?:{joiner}{_SP})?{word}){{1,6}}))"
                      rf"(?=[,.;:)]|{_SP}{ends}\b)")


@cache
def _title_name() -> re.Pattern[str]:
    """A name in title case: capitalised words, the joiners names hold, numbers, a phase."""
    joiners = alternation([*JOINERS, "a"])
    word = rf"(?:{CAP_WORD}|[0-9]+(?:{_SP}?[-/–]{_SP}?[0-9]+)*|\(Phase{_SP}\d+\))"
    return re.compile(rf"{CAP_WORD}(?:{_SP}+(?:(?:{joiners}){_SP}+){{0,2}}{word})+")


def title_names_programme(title: str) -> str | None:
    """The programme or project a decision title names, or None when it names a procedure,
    a report or a body.

    The title is cut at a dash or colon ("Race Equality Week - Update from the Taskforce") and
    after an action on it ("Adoption of the …"); what is left must be all in title case, at
    least two words, start with no furniture or procedure word, end with no document or
    building word ("Performance Report", "Update", "Leisure Centre"), hold no body's head noun
    ("Audit, Risk & Assurance Committee") and be no gazetteer place.

    Examples
    --------
    >>> title_names_programme("Harbour Wall Repairs")
    'Harbour Wall Repairs'
    >>> title_names_programme("Moorside Depot Relocation - Update from the Director")
    'Moorside Depot Relocation'
    >>> title_names_programme("Adoption of the Fellside Local Plan")
    'Fellside Local Plan'
    >>> [title_names_programme(t) for t in ("Apologies for Absence", "Regional Activity & Delivery Update",
    ...  "Audit, Risk & Assurance Committee - 29 January 2024", "Temporary change in delegated powers",
    ...  "Moorside Leisure Centre")]
    [None, None, None, None, None]
    """
    # A dash between years is the name's period ("Plan 2023 - 2025"), any other ends the name.
    name = re.split(rf"(?<![0-9]){_SP}+[-–—]{_SP}+|:{_SP}", title, maxsplit=1)[0].strip()
    name = re.sub(rf"{_SP}*\((?!Phase)[^)]*\)$", "", name)  # a reference: "(ODD/023/2024)"
    action = re.match(rf"(?:{alternation(cues('services_more', 'title_actions'))}){_SP}of{_SP}(?:the{_SP})?", name)
    if action:
        name = name[action.end():]
    words = name.split()
    if len(words) < 2 or _title_name().fullmatch(name) is None or is_heading_line(name, 0, len(name)):
        return None
    last = next(w for w in reversed(words) if w[:1].isalpha())
    no_first = {*cues("services_more", "not_first"), *cues("services_more", "title_not_first")}
    weak = set(cues("organisations", "weak_suffixes"))  # everyday words too ("Household Support Fund")
    bodies = (*cues("committees", "heads"), *(w for w in cues("organisations", "suffixes") if w not in weak))
    if words[0] in no_first or last in cues("services_more", "title_not_last") or looks_like_post(name):
        return None
    if re.search(rf"(?<![\w-])(?:{alternation(bodies)})(?![\w-])", name) or name in gazetteer_places():
        return None  # a body's or a place's name: "Audit Committee", "North Tarnside"
    return name


@MENTION_FINDERS.register("decision-titles", after="service-phrases")
def decision_titles(passage: Passage) -> Iterator[Mention]:
    """The project or scheme a published decision's title names (see :func:`title_names_programme`).

    Examples
    --------
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> text = ("Decisions\\n\\n26/07/2024 - Harbour Wall Repairs ref: 2910    Recommendations Approved\\n\\n"
    ...         "Decision Maker: Director of Place\\n")
    >>> parsed = parse_document(Document("d.txt", "d", text, "0"))
    >>> [m.label for m in find_mentions(parsed, CorpusContext(), finders=["decision-titles"])]
    ['Harbour Wall Repairs']
    """
    if passage.block.kind != "decision-notice":
        return
    for field in passage.block.fields:
        if field.name != "title":
            continue
        name = title_names_programme(field.value)
        if name is not None:
            start = field.start - passage.start + field.value.find(name)
            # The period is in the span, not the label: the title's "Plan 2023 - 2025" and the
            # text's "the Plan" are one plan.
            label = name
            for period in _period().finditer(name):
                if period.end() == len(name):
                    label = name[:period.start()]
            yield passage.mention(start, start + len(name), "programme", label, "grammar:decision-title")


@cache
def _gerund_name() -> re.Pattern[str]:
    """A gerund of change and a title-case object: "Tackling the School Places Gap"."""
    gerunds = alternation(cues("services_more", "programme_gerunds"))
    joiners = alternation(["of", "for", "and", "the", "in", "to", "&"])
    return re.compile(rf"(?<![\w’'-])(?P<name>(?:{gerunds})(?:{_SP}the)?{_SP}{CAP_WORD}"
                      rf"(?:{_SP}(?:(?:{joiners}){_SP}){{0,2}}(?!(?:{gerunds}){_SP}){CAP_WORD}){{1,7}})" + NAME_END)


@cache
def _titled_review() -> re.Pattern[str]:
    """A title-case subject, a dash and "Scrutiny Review": the title of a scrutiny review."""
    joiners = alternation(["of", "for", "and", "the", "in", "to", "&", "with", "on", "at", "from", "by"])
    return re.compile(rf"(?:^|(?<=[–·:(\n])|(?<=[–·:(]{_SP})|(?<=\d{_SP}))(?P<name>{CAP_WORD}"
                      rf"(?:{_SP}(?:(?:{joiners}){_SP}){{0,2}}{CAP_WORD}){{1,14}}{_SP}[–—-]{_SP}"
                      rf"(?:Scrutiny{_SP}|Task{_SP}and{_SP}Finish{_SP})?(?:Review|Inquiry|Challenge{_SP}Session))"
                      + NAME_END)


@cache
def _quoted_campaign() -> re.Pattern[str]:
    """A quoted name before or after a campaign noun: "the ‘Bin It Right’ campaign", "the
    slogan ‘hands, face and space’"."""
    nouns = r"(?:campaign|campaigns|message|slogan|pledge|challenge|pilot|scheme|movement)"
    quoted = r"[‘“](?P<name>[^’”\n]{3,60}?)[’”]"
    after = quoted.replace("name", "after")
    return re.compile(rf"(?:{quoted}{_SP}+(?:[a-z]+{_SP}+)?{nouns}\b|\b{nouns}{_SP}+(?:of{_SP}+)?{after})")


def _names_no_body(name: str) -> bool:
    """Whether a name is no body's and no building's: no committee head or council word in it,
    and no organisation suffix ending it ("Tackling the School Places Gap" is a programme)."""
    bodies = (*cues("committees", "heads"), "Council", "Councils", "Authority", *cues("services", "facility_words"))
    last = name.split()[-1]
    weak = cues("organisations", "weak_suffixes")  # everyday words too ("Transforming Day Care")
    return (last in weak or last not in cues("organisations", "suffixes")) and re.search(
        rf"(?<![\w-])(?:{alternation(bodies)})(?![\w-])", name) is None


@MENTION_FINDERS.register("uncued-programmes", after="decision-titles")
def uncued_programmes(passage: Passage) -> Iterator[Mention]:
    """Programmes named with no cue noun: by a gerund of change, as a quoted campaign name, or as
    a titled scrutiny review.

    Examples
    --------
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> text = ("Minutes\\n\\nThe Board noted progress on Tackling the Rural Bus Gap and Transforming Day "
    ...         "Care. Items: 4.1 – Tenant Voice in Estate Repairs – Scrutiny Review.\\n")
    >>> parsed = parse_document(Document("m.txt", "m", text, "0"))
    >>> [m.label for m in find_mentions(parsed, CorpusContext(), finders=["uncued-programmes"])]
    ['Tackling the Rural Bus Gap', 'Transforming Day Care', 'Tenant Voice in Estate Repairs – Scrutiny Review']
    """
    text = passage.text
    for match in _gerund_name().finditer(text):
        name = match.group("name")
        if _names_no_body(name) and not is_heading_line(name, 0, len(name)):
            yield passage.mention(match.start("name"), match.end("name"), "programme", name, "grammar:gerund-name")
    for match in _quoted_campaign().finditer(text):
        group = "name" if match.group("name") else "after"
        # Two words at least, as a name is: "‘Bin It Right’", not "‘new’ scheme".
        if len(match.group(group).split()) >= 2:
            yield passage.mention(match.start(group), match.end(group), "programme", match.group(group),
                                  "grammar:quoted-campaign")
    for match in _titled_review().finditer(text):
        name = match.group("name")
        # The body whose approach is reviewed may be named in the title ("X Council’s Approach
        # to …"); a body as the subject itself is not ("Audit Committee – Review").
        subject = re.sub(r"^(?:\S+ ){0,4}\S+[’']s ", "", re.split(rf"{_SP}[–—-]{_SP}", name)[0])
        if trim_start(subject)[1] != subject or len(subject.split()) < 2 or is_heading_line(name, 0, len(name)):
            continue
        if _names_no_body(subject):
            yield passage.mention(match.start("name"), match.end("name"), "programme", name, "grammar:titled-review")


@cache
def _object_run(with_in: bool = True) -> str:
    """A title-case object: capitalised words and road or junction numbers ("M4 Junction 16")."""
    joiners = alternation(["of", "and", "the", "&", "on", "for", "to", *(["in"] if with_in else [])])
    word = rf"(?:{CAP_WORD}|[A-Z]?[0-9]+[A-Z]?)"
    return rf"{word}(?:{_SP}(?:(?:{joiners}){_SP}){{0,2}}{word}){{0,7}}"


@cache
def _works_at() -> re.Pattern[str]:
    """Works named by where they are done: "Improvements at M4 Junction 16"."""
    works = alternation(cues("services_more", "works_heads"))
    return re.compile(rf"(?<![\w’'-])(?P<name>(?:{works}){_SP}(?:at|to|on){_SP}(?:the{_SP})?"
                      rf"(?P<object>{_object_run()}))" + NAME_END)


@cache
def _phase_of() -> re.Pattern[str]:
    """A phase of a named scheme: "Aberfeldy Estate Phase 2"."""
    number = r"(?:[0-9]+[A-Za-z]?|[A-Z]|One|Two|Three|Four|I{1,3}|IV)"
    return re.compile(rf"(?<![\w’'-])(?P<name>{CAP_WORD}(?:{_SP}{CAP_WORD}){{0,4}}{_SP}Phase{_SP}{number})(?![\w-])")


@cache
def _review_of() -> re.Pattern[str]:
    """A review titled by its object: "Review of Select Committee activity in 2017–18"."""
    period = rf"{_SP}in{_SP}(?:19|20)[0-9][0-9](?:{_SP}?[-–/]{_SP}?[0-9]{{2,4}})?"
    # The review's own name may come first ("LGA Peer Review of …"); "in" before a place or a
    # period ends the object ("… Social Care in the Borough").
    return re.compile(rf"(?<![\w’'-])(?P<name>(?:{CAP_WORD}{_SP}){{0,3}}Review{_SP}of{_SP}(?:the{_SP})?"
                      rf"(?P<object>{_object_run(False)})"
                      rf"(?:(?:{_SP}[a-z]+)?{period})?)" + NAME_END)


@cache
def _section_106() -> re.Pattern[str]:
    """Planning-obligation money: "Section 106 funding", "S106 monies"."""
    return re.compile(rf"\b(?:Section|S\.?){_SP}?106{_SP}(?:funding|monies|funds?)\b")


@cache
def _operation() -> re.Pattern[str]:
    """A named operation of a police or fire service: "Operation Sceptre", "Operation Safe Harbour"."""
    word = r"[A-Z][a-z]+"
    # An exercise is named the same way ("Exercise Odin"), by one word that no name goes on
    # from ("Exercise Referral Scheme" is a scheme).
    return re.compile(rf"(?<![\w’'-])(?:Operation{_SP}(?!(?:of|and|Manager|Managers|Director|Lead|Team)\b){word}"
                      rf"(?:{_SP}{word})?|Exercise{_SP}(?!(?:of|and|Referral|Class|Classes)\b){word}"
                      rf"(?!{_SP}[A-Z]))(?![\w’'-])")


@MENTION_FINDERS.register("projects", after="uncued-programmes")
def projects(passage: Passage) -> Iterator[Mention]:
    """Projects and reviews named by their object, planning-obligation money and named operations.

    Examples
    --------
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> text = ("Minutes\\n\\nThe item on Improvements at A59 Junction 4 was deferred; Brackley Estate Phase 3 "
    ...         "and the Review of Investigative Select Committee activity in 2019–20 were noted, with "
    ...         "Section 106 funding.\\n")
    >>> parsed = parse_document(Document("m.txt", "m", text, "0"))
    >>> for mention in find_mentions(parsed, CorpusContext(), finders=["projects"]):
    ...     print(mention.label)
    Improvements at A59 Junction 4
    Brackley Estate Phase 3
    Review of Investigative Select Committee activity in 2019–20
    Section 106 funding
    """
    text = passage.text
    for match in _phase_of().finditer(text):
        cut, name = trim_start(match.group("name"))
        # Two words of name before the phase ("Aberfeldy Estate Phase 2"; "Consultation Phase 2"
        # is a stage of a process).
        if len(name.split()) >= 4 and not is_heading_line(name, 0, len(name)):
            yield passage.mention(match.start() + cut, match.end(), "programme", name, "grammar:phase")
    for match in _review_of().finditer(text):
        cut, name = trim_start(match.group("name"), of_leads=())
        # Two words of object at least: "Review of Polling Districts", not "Review of Minutes".
        if len([w for w in match.group("object").split() if w[:1].isupper()]) >= 2 and \
                not is_heading_line(name, 0, len(name)):
            yield passage.mention(match.start() + cut, match.end("name"), "programme", name, "grammar:review-of")
    # Works at a place of two words at least ("Works to Harbour Bridge"; "Improvements to the
    # Service" name no project).
    works = [m for m in _works_at().finditer(text) if len(m.group("object").split()) >= 2]
    for match in (*works, *_section_106().finditer(text), *_operation().finditer(text)):
        if not is_heading_line(match.group(), 0, len(match.group())):
            yield passage.mention(match.start(), match.end(), "programme", match.group(), "grammar:object-name")


@cache
def _service_area() -> re.Pattern[str]:
    """A title-case service area before a word of its money or market: "the Adult Social Care
    budget", "the Children’s Services overspend"."""
    heads = alternation(cues("services_more", "service_area_heads"))
    joiners = alternation(["and", "&", "of", "for", "to"])
    run = rf"{CAP_WORD}(?:{_SP}(?:(?:{joiners}){_SP})?{CAP_WORD}){{1,6}}"
    return re.compile(rf"\b(?:the|a|its|their|our|[A-Z][\w-]*[’']s){_SP}+(?P<run>{run}){_SP}+(?:{heads})(?![\w-])")


@MENTION_FINDERS.register("service-areas", after="projects")
def service_areas(passage: Passage) -> Iterator[Mention]:
    """A service area named by its budget or market ("the NHS Highland Adult Social Care budget":
    the owner before it, an acronym or a place, is not part of the name).

    Examples
    --------
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> text = "Minutes\\n\\nReserves will support the NHS Kent Adult Social Care budget.\\n"
    >>> parsed = parse_document(Document("m.txt", "m", text, "0"))
    >>> [m.label for m in find_mentions(parsed, CorpusContext(), finders=["service-areas"])]
    ['Adult Social Care']
    """
    text = passage.text
    places = gazetteer_places()
    weak = set(cues("organisations", "weak_suffixes"))
    bodies = (*cues("committees", "heads"), *cues("organisations", "government_words"),
              *(w for w in cues("organisations", "suffixes") if w not in weak), "Cabinet", "Executive")
    not_first = set(cues("services_more", "not_first"))
    stops = set(cues("organisation_context", "nhs_stops"))
    for match in _service_area().finditer(text):
        start, words = match.start("run"), match.group("run").split(" ")
        # The owner before the area is no part of its name: a place ("Kent"), or an acronym and
        # the words of its name up to the area's ("NHS Highland", as the organisation finder
        # reads it, cue nhs_stops).
        owner = words and words[0].isupper()
        while words and (words[0] in places or (owner and words[0] not in stops)):
            start += len(words[0]) + 1
            words = words[1:]
        name = " ".join(words)
        if len(words) < 2 or words[0] in not_first or words[0].lower() in JOINERS or looks_like_post(name) or \
                re.search(rf"(?<![\w-])(?:{alternation(bodies)})(?![\w-])", name):
            continue
        yield passage.mention(start, start + len(name), "service", name, "grammar:service-area")


#: The end of a name that no longer name goes on from: "KCC Commissioning" and "the Budget
#: Consultation" are not cut from "KCC Commissioning and Procurement Select Committee" or "the
#: Budget Consultation Panel", which keep their own mentions.
_NAME_GOES_ON = rf"(?![\w-])(?!{_SP}(?:(?:and|&|of|for|the|on|to|in){_SP})?[A-Z])"


@cache
def _campaign_call() -> re.Pattern[str]:
    """A campaign named by a call to its reader: an imperative, a possessive of the reader and
    a title-case object ("Make Your Mark", "Have Your Say!", "Love Our Streets")."""
    verbs = alternation(cues("services_more", "campaign_imperatives"))
    return re.compile(rf"(?<![\w’'-])(?P<name>(?:{verbs}){_SP}(?:Your|Our|My){_SP}{CAP_WORD}"
                      rf"(?:{_SP}{CAP_WORD}){{0,2}})(?P<bang>!)?(?![\w-])")


@cache
def _titled_call() -> re.Pattern[str]:
    """An item titled by a name and a call to the reader after a colon: "Fenmoor’s Future: Be
    Part Of It"."""
    verbs = alternation(cues("services_more", "campaign_imperatives"))
    return re.compile(rf"(?m)^(?:[0-9]+[.)]?{_SP}+)?(?P<name>(?P<lead>{CAP_WORD}(?:{_SP}{CAP_WORD}){{0,3}}):{_SP}"
                      rf"(?:{verbs})(?:{_SP}{CAP_WORD}){{2,4}}!?){_SP}*$")


@cache
def _named_consultation() -> re.Pattern[str]:
    """A consultation named by its subject in title case: "the Clean Air consultation",
    "Leisure Facilities - Public Consultation"."""
    joiners = alternation(["and", "&", "of", "for", "the", "in", "to", "on"])
    run = rf"{CAP_WORD}(?:{_SP}(?:(?:{joiners}){_SP}){{0,2}}{CAP_WORD}){{1,8}}"
    return re.compile(rf"(?<![\w’'-])(?P<name>(?P<run>{run})(?:{_SP}[-–—])?{_SP}(?:Public{_SP})?[Cc]onsultation)"
                      + _NAME_GOES_ON)


@cache
def _planning_round() -> re.Pattern[str]:
    """A commissioning or planning round named in title case ("DAAT Commissioning", "Strategic
    and Resource Planning 2014/15"): planning needs its period, commissioning does not."""
    joiners = alternation(["and", "&", "of", "for"])
    run = rf"(?:{CAP_WORD}|[A-Z]{{2,6}})(?:{_SP}(?:(?:{joiners}){_SP})?{CAP_WORD}){{0,5}}"
    # A financial year, not a bare year ("Town Planning 2020" is a service area's year).
    period = rf"{_SP}(?:19|20)\d\d{_SP}?[-–/]{_SP}?(?:(?:19|20)\d\d|\d\d)(?![\w/-])"
    return re.compile(rf"(?<![\w’'-])(?P<name>(?P<run>{run}){_SP}(?:Commissioning(?:{period})?"
                      rf"|Planning(?P<planning_period>{period})))" + _NAME_GOES_ON)


def _names_a_kind_of_body_or_thing(run: str) -> bool:
    """Whether a title-case run is a body's name, a named thing's (it has its own mention), a
    place, or starts with a furniture word: no subject of a consultation or a round of its own."""
    words = run.split()
    heads = {*cues("services", "service"), *cues("services", "programme"), *cues("services", "framework"),
             *cues("services_more", "service"), *cues("services_more", "programme")}
    weak = set(cues("organisations", "weak_suffixes"))
    bodies = (*cues("committees", "heads"), *cues("organisations", "government_words"), "Council", "Councils",
              "Authority", "Cabinet", "Executive", *(w for w in cues("organisations", "suffixes") if w not in weak))
    no_first = {*cues("services_more", "not_first"), *cues("services_more", "title_not_first")}
    return (words[-1] in heads or words[0] in no_first or run in gazetteer_places()
            or re.search(rf"(?<![\w-])(?:{alternation(bodies)})(?![\w-])", run) is not None
            or is_heading_line(run, 0, len(run)) or looks_like_post(run))


@cache
def _after_post() -> re.Pattern[str]:
    """A post head and "of"/"for" just before a name: the name is the post's remit."""
    return re.compile(rf"(?:Director|Head|Manager|Officer|Lead|Commissioner|Member|Portfolio Holder|Champion)"
                      rf"(?:{_SP}+(?:of|for))?{_SP}+(?:the{_SP}+)?$")


@MENTION_FINDERS.register("campaigns", after="service-areas")
def campaigns(passage: Passage) -> Iterator[Mention]:
    """Campaigns, consultations and planning rounds named with no head noun of a service.

    - a call to the reader ("Make Your Mark", "Have Your Say!"), cut before a document word
      ("Make Your Mark Results"), or an item titled by a name and a call ("Fenmoor’s Future: Be
      Part Of It");
    - a consultation by its title-case subject ("the Clean Air consultation", "Leisure
      Facilities - Public Consultation"), not by a body ("the Council consultation") nor on a
      thing named by its own head noun ("the Local Plan consultation" is the plan's);
    - a commissioning or planning round ("DAAT Commissioning", "Strategic and Resource Planning
      2014/15").

    Examples
    --------
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> text = ("Minutes\\n\\nThe Youth Forum backed Shape Your Town Results and the Quiet Lanes consultation; "
    ...         "items: Drug Services Commissioning, Workforce and Estate Planning 2025/26.\\n")
    >>> parsed = parse_document(Document("m.txt", "m", text, "0"))
    >>> [m.label for m in find_mentions(parsed, CorpusContext(), finders=["campaigns"])]
    ['Shape Your Town', 'Quiet Lanes consultation', 'Drug Services Commissioning', 'Workforce and Estate Planning']
    """
    text = passage.text
    document_words = set(cues("services_more", "title_not_last"))
    for match in _campaign_call().finditer(text):
        words = match.group("name").split()
        while len(words) > 3 and words[-1] in document_words:
            words = words[:-1]
        name = " ".join(words)
        if words[-1] in document_words or is_heading_line(name, 0, len(name)) or not _names_no_body(name):
            continue  # "Have Your Say Forum" is a body
        end = match.start("name") + len(name) + (1 if match.group("bang") and name == match.group("name") else 0)
        yield passage.mention(match.start("name"), end, "programme", name, "grammar:campaign-call")
    no_first = {*cues("services_more", "not_first"), *cues("services_more", "title_not_first")}
    for match in _titled_call().finditer(text):
        lead = match.group("lead")
        # The lead names the campaign, not a document or a procedure ("Petition: Save …" is
        # the petition's, found by its own rules).
        if lead.split()[0] not in no_first and lead.split()[-1] not in document_words and _names_no_body(lead):
            yield passage.mention(match.start("name"), match.end("name"), "programme", match.group("name"),
                                  "grammar:titled-call")
    for match in _named_consultation().finditer(text):
        # The last of the names a run joins is the subject ("… Results and the Quiet Lanes").
        at, part = run_parts(match.group("run"))[-1]
        cut, run = trim_start(part)
        cut += at
        words = run.split()
        if len(words) > 2 and words[1] == "the":
            # A word and "the" start a clause, not a subject ("Following the Public Consultation").
            cut += len(words[0]) + len(" the ")
            words = words[2:]
        while words and (words[-1] == "Public" or words[-1] in JOINERS):
            words = words[:-1]
        run = " ".join(words)
        if len([w for w in words if w[:1].isupper()]) < 2 or _names_a_kind_of_body_or_thing(run):
            continue
        start = match.start("run") + cut
        yield passage.mention(start, match.end("name"), "programme", text[start:match.end("name")],
                              "grammar:named-consultation")
    generic = {*cues("services_more", "generic_modifiers"), *(q.lower() for q in cues("posts", "qualifiers"))}
    for match in _planning_round().finditer(text):
        cut, run = trim_start(match.group("run"))
        # A post's remit is no round ("Head of Strategic Commissioning"), nor is a kind of
        # round ("Joint Commissioning", "Strategic Planning 2025/26").
        pieces = re.split(rf"{_SP}(?:and|&){_SP}", run)
        if not run or run.split()[0] in cues("services_more", "not_first") or is_heading_line(run, 0, len(run)) \
                or any(looks_like_post(p) for p in pieces if p) or all(w.lower() in generic for w in run.split()) \
                or _after_post().search(text, 0, match.start("run") + cut):
            continue
        start = match.start("run") + cut
        head = "Planning" if match.group("planning_period") else "Commissioning"
        yield passage.mention(start, match.end("name"), "programme", f"{run} {head}", "grammar:planning-round")


@cache
def _post_remit() -> re.Pattern[str]:
    """A post with a service remit, alone or joined to another post: "Portfolio Holder for
    Leisure Services", "Borough Lawyer and Head of Legal Services"."""
    posts = cues("posts", "heads")
    qualifiers = alternation(cues("posts", "qualifiers"))
    joiners = alternation(["and", "&", "of", "for"])
    remit = rf"{CAP_WORD}(?:{_SP}(?:(?:{joiners}){_SP})?{CAP_WORD}){{0,5}}"
    # "Head of Public Services Support Unit": the remit is a unit whose name runs on.
    unit = rf"(?!{_SP}(?:{CAP_WORD}{_SP}){{0,2}}(?:{alternation(cues('organisation_context', 'unit_heads'))})(?![\w-]))"
    # The second post may stand alone ("Portfolio Holder for Leisure Services").
    return re.compile(rf"(?<![\w’'-])(?P<post>(?:{CAP_WORD}(?:{_SP}{CAP_WORD}){{0,3}}{_SP}(?:and|&){_SP})?"
                      rf"(?:(?:{qualifiers}){_SP})*(?:{alternation(posts)}){_SP}(?:of|for){_SP}(?:the{_SP})?"
                      rf"(?={remit}{_SP}Services?(?![\w-]){unit}){remit}{_SP}Services?)(?![\w-]){unit}")


@cache
def _post_department() -> re.Pattern[str]:
    """A department after a post, in brackets or after a comma or a dash, or in brackets after a
    named person: "Chief Officer (Social Services)", "Principal Youth Officer, Youth Service",
    "Corporate Director – Adult Social Services", "Ms J Innes (Youth Service)"."""
    posts = alternation(cues("posts", "heads"))
    department = rf"{CAP_WORD}(?:{_SP}(?:(?:and|&){_SP})?{CAP_WORD}){{0,4}}{_SP}Services?"
    honorifics = alternation([h for h in cues("people", "honorifics") if h[:1].isupper()])
    person = rf"(?:{honorifics})\.?{_SP}(?:[A-Z]\.?{_SP}){{0,3}}(?:[A-Z][a-z]+{_SP}){{0,2}}[A-Z][\w’'-]+"
    return re.compile(rf"(?<![\w’'-])(?:(?:{CAP_WORD}{_SP}){{0,4}}(?:{posts})(?:{_SP}\(|,{_SP}|{_SP}[-–—]{_SP})"
                      rf"|{person}{_SP}\()"
                      rf"(?P<department>{department})(?=\)|{_SP}*[,;\n]|{_SP}*$)")


@cache
def _post_with_remit_list() -> re.Pattern[str]:
    """A post head straight before its remit, a list ending in a service cue noun: "Service
    Director Governance, Member and Business Support"."""
    heads = alternation([h for h in cues("posts", "heads") if re.search(r"Director|Head|Manager|Officer", h)])
    cue_nouns = alternation(["Services", "Service", "Support"])
    part = rf"{CAP_WORD}(?:{_SP}{CAP_WORD}){{0,3}}"
    return re.compile(rf"(?<![\w’'-])(?P<post>(?:{heads}){_SP}(?!(?:of|for|the){_SP})"
                      rf"{part}(?:,{_SP}{part}){{0,4}}{_SP}(?:and|&){_SP}(?:{part}{_SP})?(?:{cue_nouns}))(?![\w-])")


@MENTION_FINDERS.register("post-remits", after="campaigns")
def post_remits(passage: Passage) -> Iterator[Mention]:
    """Service names that are a post's remit: the whole post title ("Borough Lawyer and Head of
    Legal Services", "Service Director Governance, Member and Business Support") is a post, and
    a department after a post ("Chief Officer (Social Services)", "Principal Youth Officer,
    Youth Service") is a unit; neither is a service.

    Their spans are the service name's, found by the cue noun, so they stand in its place.

    Examples
    --------
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> text = ("Minutes\\n\\nThe report of the Borough Solicitor and Head of Legal Services was noted. "
    ...         "Present: Ann Lee (Principal Officer, Youth Service).\\n")
    >>> parsed = parse_document(Document("m.txt", "m", text, "0"))
    >>> [(m.kind, m.label) for m in find_mentions(parsed, CorpusContext(), finders=["post-remits"])]
    [('post', 'Borough Solicitor and Head of Legal Services'), ('unit', 'Youth Service')]
    """
    text = passage.text
    for match in (*_post_remit().finditer(text), *_post_with_remit_list().finditer(text)):
        _, label = trim_start(match.group("post"), of_leads=())
        yield passage.mention(match.start("post"), match.end("post"), "post", label, "grammar:post-remit")
    service_bodies = tuple(cues("services", "service_bodies"))
    for match in _post_department().finditer(text):
        department = match.group("department")
        if not department.endswith(service_bodies):  # "Officer, Tarnshire Fire and Rescue Service"
            yield passage.mention(match.start("department"), match.end("department"), "unit", department,
                                  "grammar:post-department")


def cut_after_document_word(name: str, start: int) -> tuple[str, int]:
    """A name cut after a report number and a document word inside it: "A10 Report
    Procurement Strategy" names the "Procurement Strategy".

    Examples
    --------
    >>> cut_after_document_word("A10 Report Procurement Strategy", 4)
    ('Procurement Strategy', 15)
    """
    words = name.split(" ")
    documents = set(cues("services", "document_words"))
    for index in range(len(words) - 2, 0, -1):
        if words[index] in documents and len(words) - index - 1 >= 2:
            cut = len(" ".join(words[:index + 1])) + 1
            return name[cut:], start + cut
    return name, start


def names_no_service(chunk: str, start: int, name: str) -> bool:
    """Whether a name found by its cue noun names no service, programme or policy: a run of
    person names (an attendance list without commas), a religious or civic occasion ("Carol
    Service"), an accounting charge ("Minimum Revenue Provision"), a meeting's procedure
    ("Public Speaking Scheme"), a kind with no name ("Forward Work Programme", "Policy
    Framework"), or the first words of a piece of legislation's title ("Public Services" in
    "Public Services Reform (Consequential Provisions) Order 2020").

    Examples
    --------
    >>> names_no_service("The Carol Service is on Friday.", 4, "Carol Service")
    True
    >>> names_no_service("The Harbour Ferry Service is on Friday.", 4, "Harbour Ferry Service")
    False
    """
    entities = load_cues("entities")
    words = name.split()
    if len(words) < 2:
        return False
    head = words[-1]
    before = words[:-1]
    joiners = set(entities["services"]["joiners"])
    # Person names run together with no joiner: long, or after an attendance label.
    name_run = re.match(rf"(?:{CAP_WORD}[ \u00a0]+)+", name)
    run_words = len(name_run.group().split()) if name_run else 0
    line_start = chunk.rfind("\n", 0, start) + 1
    attendance = re.match(rf"[ \u00a0]*(?:{'|'.join(entities['services']['attendance_labels'])})\b[^\n]{{0,3}}$",
                          chunk[line_start:start], re.I)
    if run_words >= 8 or (attendance and run_words >= 4 and not joiners & set(words)):
        return True
    if head in ("Service", "Services") and before[-1] in entities["services"]["occasion_words"]:
        return True
    if head in ("Provision", "Provisions") and before[-1] in entities["services"]["charge_words"]:
        return True
    if any(w in entities["services"]["procedure_words"] for w in before):
        return True
    more = entities["services_more"]
    generic = set(more["generic_modifiers"])
    kind_words = {n.lower() for key in ("service", "programme", "framework") for n in entities["services"][key]}
    kind_words |= {n.lower() for key in ("service", "programme") for n in more[key] if " " not in n}
    lowered = [w.lower() for w in before]
    if head in entities["services"]["legislation"]:
        return False  # "Health and Social Care Bill": a title, all its words generic
    if all(w in kind_words for w in [*lowered, head.lower()]) or \
            (len(before) >= 2 and all(w in generic for w in lowered)):
        return True  # "Policy Framework", "Service Plan", "Forward Work Programme"
    legislation = "|".join(entities["services"]["legislation"])
    # Capitalised words and brackets only, so that a joined Act ("the Capital Programme and
    # the Finance Act") leaves the name whole.
    return head not in entities["services"]["legislation"] and re.match(
        rf"(?:[ \u00a0]+(?:{CAP_WORD}|\([^)\n]{{1,60}}\)))+?[ \u00a0]+(?:{legislation})\b",
        chunk[start + len(name):start + len(name) + 160]) is not None

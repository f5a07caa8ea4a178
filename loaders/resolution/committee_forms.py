"""Short forms of committee names: "the Overview and Scrutiny Committee" in a paper that names
one longer committee ending so ("Sustainable Harbours Overview and Scrutiny Committee") is that
committee, said short, not a second one.

Only a short form of three words or more is read so ("Planning Committee" beside "Strategic
Planning Committee" may well be two bodies), and only when exactly one longer committee name of
the paper ends with it: beside two ("Adult Overview and Scrutiny Committee" and "Children's
Overview and Scrutiny Committee") it names neither for certain, and stays a committee of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from evidence_graph.graph.entities import normalise_label
from evidence_graph.loaders.mentions import Mention

#: The fewest words a short form has (after a leading "the").
MIN_SHORT_FORM_WORDS = 3


def _form(label: str) -> str:
    """A committee name as compared: normalised ("&" read as "and"; articles go)."""
    return normalise_label(label.replace("&", " and "))


def _without_select(label: str) -> str:
    """A House committee's name without "Select" before its head or "House of Commons"/"House of
    Lords" before it ("House of Commons Widgets Select Committee" → "Widgets Committee")."""
    plain = re.sub(r"^(?:the[ \u00a0]+)?House[ \u00a0]+of[ \u00a0]+(?:Commons|Lords)[ \u00a0]+", "", label)
    return re.sub(r"(?<=\S)[ \u00a0]+Select[ \u00a0]+(?=Committee$)", " ", plain)


def longer_committee_name(label: str, mentions: Iterable[Mention]) -> str:
    """The committee name ``label`` is a short form of in a document, else ``label`` itself.

    Parameters
    ----------
    label : str
        A committee mention's name.
    mentions : iterable of Mention
        The document's mentions; its committee names are the ones compared.

    Returns
    -------
    str
        The one longer committee name of the document that ends with ``label`` (as whole
        words); the document's name without "Select" or "House of Commons" for a House
        committee said with them; else ``label``.

    Examples
    --------
    >>> from evidence_graph.loaders.mentions import Mention
    >>> def named(*labels):
    ...     return [Mention(0, len(x), "committee", x, 0, "pattern:committee") for x in labels]
    >>> longer_committee_name("Overview and Scrutiny Committee",
    ...                       named("Harbours Overview and Scrutiny Committee", "Overview and Scrutiny Committee"))
    'Harbours Overview and Scrutiny Committee'
    >>> longer_committee_name("Overview and Scrutiny Committee",
    ...                       named("Adult Overview and Scrutiny Committee", "Harbours Overview and Scrutiny"
    ...                             " Committee"))
    'Overview and Scrutiny Committee'
    >>> longer_committee_name("Planning Committee", named("Strategic Planning Committee"))
    'Planning Committee'
    >>> longer_committee_name("Widgets Select Committee", named("Widgets Committee", "Widgets Select Committee"))
    'Widgets Committee'
    """
    plain = _without_select(label)
    if plain != label and any(mention.kind == "committee" and _form(mention.label) == _form(plain)
                              for mention in mentions):
        # "the Widgets and Pensions Select Committee" beside "Widgets and Pensions Committee":
        # one committee of the House, said with its kind or without it.
        return plain
    short = _form(label)
    if len(short.split()) < MIN_SHORT_FORM_WORDS:
        return label
    longer: dict[str, str] = {}
    for mention in mentions:
        if mention.kind != "committee":
            continue
        form = _form(mention.label)
        if form.endswith(" " + short):
            longer.setdefault(form, mention.label)
    return next(iter(longer.values())) if len(longer) == 1 else label

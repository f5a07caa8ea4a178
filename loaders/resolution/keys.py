"""Registry keys of the nodes resolution creates: roles, document types, the host authority, its
committee and meeting, posts and places (docs/MODEL.md §4: keys are scoped by what owns them)."""

from __future__ import annotations

import re

from evidence_graph.graph.entities import slugify
from evidence_graph.loaders.context import CorpusContext, authority_key_of

#: Roles a passage's speaker or a membership may have (``concept/role/{role}``).
ROLE_KEYS = ("chair", "vice-chair", "member", "witness", "oral-witness", "written-submitter",
             "contact-officer", "officer", "committee", "narrative", "author")


def role_key(role: str) -> str:
    """Key of a role concept.

    Examples
    --------
    >>> role_key("chair")
    'concept/role/chair'
    """
    return f"concept/role/{role}"


def doc_type_key(kind: str) -> str:
    """Key of a document-type concept.

    Examples
    --------
    >>> doc_type_key("minutes")
    'concept/doc-type/minutes'
    """
    return f"concept/doc-type/{kind}"


def authority_key(context: CorpusContext) -> str | None:
    """Key of the host authority: its org-id (``org/gb-lae-ken``) or its name's slug."""
    return None if context.authority is None else authority_key_of(context.authority)


def host_scope(context: CorpusContext, document_key: str = "") -> str:
    """Key of the body that owns a meeting's committees, units and posts: the host authority,
    else an unknown body of these papers alone (``org/unknown-{folder or document}``), so that
    two unrelated papers' "Cabinet" with no host never become one committee.

    Examples
    --------
    >>> host_scope(CorpusContext(folder="leeds/exec"), "leeds/exec/minutes")
    'org/unknown-leeds-exec'
    >>> host_scope(CorpusContext(), "conwy-cabinet")
    'org/unknown-conwy-cabinet'
    """
    return authority_key(context) or f"org/unknown-{slugify(context.folder or document_key) or 'papers'}"


def committee_key(context: CorpusContext, document_key: str = "") -> str | None:
    """Key of the committee, scoped by its authority (docs/MODEL.md §4 rule 3), or by the papers
    when no host is known (:func:`host_scope`).

    Examples
    --------
    >>> committee_key(CorpusContext(committee="Audit Committee"), "audit")
    'committee/unknown-audit/audit-committee'
    """
    if not context.committee:
        return None
    scope = host_scope(context, document_key).split("/", 1)[1]
    return f"committee/{scope}/{slugify(context.committee)}"


def meeting_key(context: CorpusContext, document_key: str = "") -> str | None:
    """Key of the meeting: committee key plus its ISO date.

    A meeting whose papers state a date that is no date ("Date: TBC") is named by the folder
    of its papers instead: the stated text never goes into a key.

    Examples
    --------
    >>> meeting_key(CorpusContext(committee="Audit Committee", meeting_date="2014-01-30"), "c/audit/minutes")
    'meeting/unknown-c-audit-minutes/audit-committee/2014-01-30'
    >>> meeting_key(CorpusContext(committee="Audit Committee", meeting_date_text="TBC", folder="c/audit"))
    'meeting/unknown-c-audit/audit-committee/undated-c-audit'
    """
    committee = committee_key(context, document_key)
    if committee is None:
        return None
    if context.meeting_date:
        return f"meeting/{committee.split('/', 1)[1]}/{context.meeting_date}"
    if context.meeting_date_text:
        return f"meeting/{committee.split('/', 1)[1]}/undated" + (
            f"-{slugify(context.folder)}" if context.folder else "")
    return None


def meeting_name(context: CorpusContext) -> str:
    """The meeting's display name: committee and date (or the date as stated).

    Examples
    --------
    >>> meeting_name(CorpusContext(committee="Audit Committee", meeting_date="2014-01-30"))
    'Audit Committee, 2014-01-30'
    """
    return f"{context.committee}, {context.meeting_date or context.meeting_date_text}"


def post_slug(title: str) -> str:
    """Registry key part of a post title; spellings of one post agree.

    Examples
    --------
    >>> post_slug("Head of Strategic Commissioning (Children's Services)")
    'head-of-strategic-commissioning-children'
    >>> post_slug("Head of Strategic Commissioning – Children")
    'head-of-strategic-commissioning-children'
    """
    text = re.sub(r"['’]s\b", "", title)
    words = [w for w in re.findall(r"[A-Za-z0-9]+", text) if w.lower() not in {"services", "service"}]
    return slugify(" ".join(words))


def place_key(place: dict[str, str]) -> str:
    """``place/gss-{code}`` when the GSS code is known, else ``place/{slug}``.

    Examples
    --------
    >>> place_key({"name": "Kent", "gss": "E10000016"}), place_key({"name": "Town Hall"})
    ('place/gss-E10000016', 'place/town-hall')
    """
    return f"place/gss-{place['gss']}" if place.get("gss") else f"place/{slugify(place['name'])}"

"""A synthetic corpus for benchmarks: the sample meeting's papers rewritten as many meetings.

Each synthetic meeting is a copy of the bundled sample folder (agenda pack, minutes, manifest)
with its particulars rewritten deterministically from a seeded random generator: the host
authority (its name, initials and the place it serves), the committee's subject, the meeting
date (and the dates derived from it), the committee members, the officers, the witnesses, the
provider organisations and every money amount and percentage. Members and officers are drawn
once per authority, so the same people recur across that authority's meetings, as they do in
real papers; witnesses and providers are new for each meeting. Resolution and the registry
therefore grow with the corpus instead of seeing one document a hundred times.

Run alone to write a corpus for inspection::

    .venv/bin/python bench/synthetic_corpus.py OUT_FOLDER [--meetings 100] [--seed 2014]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
from dataclasses import dataclass
from pathlib import Path

#: The bundled sample meeting that every synthetic meeting is rewritten from.
SAMPLE_FOLDER = Path(__file__).resolve().parent.parent / "corpus" / "kcc-commissioning-select-committee"
SAMPLE_DATE = dt.date(2014, 1, 30)

#: Host authorities: the council's name and the place it serves (in the place gazetteer).
#: One council of each kind: a second "… City Council" (or County, Borough, District) in one
#: store trips a resolver bug — its name fuzzy-matches the bare alias "City Council" recorded
#: for the first one, and ``meeting_facts`` stops the build with a KeyError.
AUTHORITIES = (("Kent County Council", "Kent"), ("Norwich City Council", "Norwich"),
               ("Maidstone Borough Council", "Maidstone"), ("Dover District Council", "Dover"))
#: Subjects of select committees (each authority has a few; meetings recur per committee).
SUBJECTS = ("Commissioning and Procurement", "Adult Social Care", "Highways and Transport",
            "Children's Services", "Public Health", "Housing and Homelessness", "Libraries and Culture",
            "Economic Development", "Flood Risk", "Waste Management")
MALE_NAMES = ("Adam", "Alan", "Andrew", "Ben", "Colin", "Daniel", "David", "Edward", "Gareth", "Graham",
              "Ian", "James", "Keith", "Liam", "Martin", "Neil", "Owen", "Patrick", "Robert", "Simon",
              "Stuart", "Tom", "Victor", "William")
FEMALE_NAMES = ("Alison", "Anna", "Beth", "Carol", "Claire", "Diane", "Elaine", "Fiona", "Gillian",
                "Helen", "Irene", "Jane", "Karen", "Laura", "Margaret", "Nadia", "Olivia", "Pauline",
                "Rachel", "Sarah", "Tessa", "Ursula", "Wendy", "Yvonne")
SURNAMES = ("Abbott", "Ashworth", "Bainbridge", "Barraclough", "Blakemore", "Brightwell", "Calloway",
            "Cartwright", "Catterall", "Dalrymple", "Denholm", "Eastwood", "Ellerby", "Fairbairn",
            "Fenwick", "Gilchrist", "Goodall", "Greenhalgh", "Hargreaves", "Haslam", "Holroyd",
            "Iredale", "Kettlewell", "Lambourne", "Lockwood", "Maddox", "Merriman", "Moorcroft",
            "Nettleton", "Oakshott", "Ormerod", "Pennington", "Pickering", "Quarmby", "Ramsbottom",
            "Rowntree", "Sanderson", "Scholes", "Sowerby", "Stanhope", "Thackeray", "Threlfall",
            "Tollemache", "Underwood", "Wainwright", "Whitaker", "Wolstenholme", "Yardley")
PROVIDER_STEMS = ("Bright", "Clear", "Fresh", "Green", "Hope", "Kind", "Next", "Open", "Safe", "True",
                  "Wise", "Bold", "Fair", "Warm")
PROVIDER_ENDS = ("path", "way", "step", "stride", "start", "bridge", "haven", "field", "light", "gate")
PROJECT_NAMES = ("Aurora", "Beacon", "Compass", "Meridian", "Horizon", "Lantern", "Harbour", "Keystone",
                 "Summit", "Evergreen", "Anchor", "Northstar", "Tandem", "Kestrel", "Willow", "Juniper")

#: The sample's committee members, as they appear in its membership line (honorific, initials, surname).
_SAMPLE_MEMBERS = ("Mr M J Angell", "Mr M Baldock", "Mr M A C Balfour", "Mr H Birkby", "Mr N J D Chard",
                   "Mr G Cowan", "Mr T Gates", "Mr C R Pearman", "Mr M J Vye")
_MONEY = re.compile(r"£(\d+)(m\b|million\b)?")
_PERCENT = re.compile(r"\b(\d+)( ?%)")


@dataclass(frozen=True)
class Person:
    """A generated person: honorific, given name, surname."""

    honorific: str
    given: str
    surname: str

    @property
    def name(self) -> str:
        """Given name and surname."""
        return f"{self.given} {self.surname}"

    @property
    def initials(self) -> str:
        """The given name's initial, spaced as in membership lines."""
        return self.given[0]


def _person(rng: random.Random, male: bool | None = None, surname: str | None = None) -> Person:
    if male is None:
        male = rng.random() < 0.5
    given = rng.choice(MALE_NAMES if male else FEMALE_NAMES)
    honorific = "Mr" if male else rng.choice(("Mrs", "Ms", "Miss"))
    return Person(honorific, given, surname or rng.choice(SURNAMES))


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _long_date(day: dt.date, ordinal: bool = False) -> str:
    return f"{_ordinal(day.day) if ordinal else day.day} {day:%B} {day.year}"


def _meeting_date(rng: random.Random) -> dt.date:
    """A weekday between 2012 and 2019."""
    day = dt.date(2012, 1, 2) + dt.timedelta(days=rng.randrange(8 * 365))
    return day + dt.timedelta(days=(7 - day.weekday()) % 7 if day.weekday() > 4 else 0)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")


def meeting_substitutions(rng: random.Random, authority: tuple[str, str], subject: str,
                          members: list[Person], officers: tuple[Person, Person]) -> dict[str, str]:
    """Old string → new string for one synthetic meeting (applied in one pass, longest first).

    Parameters
    ----------
    rng : random.Random
        Draws the meeting's date, witnesses and providers.
    authority : tuple of str
        The council's name and the place it serves.
    subject : str
        The committee's subject (replaces "Commissioning and Procurement").
    members, officers : list of Person, tuple of Person
        The authority's committee members (nine) and its clerk and head of democratic services.

    Returns
    -------
    dict
        Literal replacements; money amounts and percentages are rewritten separately.
    """
    council, place = authority
    kind = council.split()[-2]  # County, City, Borough, District
    initials = "".join(word[0] for word in council.split() if word[0].isupper())
    date = _meeting_date(rng)
    published = date - dt.timedelta(days=8)
    terms = date - dt.timedelta(days=45)
    heckel, mcvitte, wilson = _person(rng, male=True), _person(rng, male=False), _person(rng, male=True)
    salus = f"Project {rng.choice(PROJECT_NAMES)}"
    stepahead = rng.choice(PROVIDER_STEMS) + rng.choice(PROVIDER_ENDS)
    clerk, head = officers
    subs = {
        "Kent County Council": council, "County Council": f"{kind} Council",
        "County Copuncil": f"{kind} Copuncil", "Kent": place, "KCC": initials,
        "SELECT COMMITTEE - COMMISSIONING": f"SELECT COMMITTEE - {subject.upper()}",
        "Select Committee – Commissioning": f"Select Committee – {subject}",
        "Select Committee – Commissioning and Procurement": f"Select Committee – {subject}",
        "Commissioning and Procurement": subject,
        "Thursday, 30th January, 2014": f"{date:%A}, {_ordinal(date.day)} {date:%B}, {date.year}",
        "30th January 2014": _long_date(date, ordinal=True), "30 January 2014": _long_date(date),
        "Wednesday, 22 January 2014": f"{published:%A}, {_long_date(published)}",
        "16/12/13": f"{terms:%d/%m/%y}", "2014-01-30": date.isoformat(),
        "Peter Heckel": heckel.name, "Heckel": heckel.surname,
        "Carolyn Mcvitte": mcvitte.name, "Mcvitte": mcvitte.surname,
        "Thom Wilson": wilson.name, "Mr Wilson": f"{wilson.honorific} {wilson.surname}",
        "thom-wilson": _slug(wilson.name),
        "Denise Fitch": clerk.name, "Peter Sass": head.name,
        "Project Salus": salus, "Stepahead": stepahead,
    }
    for old, member in zip(_SAMPLE_MEMBERS, members, strict=True):
        subs[old] = f"{member.honorific} {member.initials} {member.surname}"
    return subs


def rewrite(text: str, subs: dict[str, str], rng: random.Random) -> str:
    """Apply literal substitutions in one pass, then redraw money amounts and percentages.

    Examples
    --------
    >>> rewrite("Kent spent £9m (80%).", {"Kent": "Essex"}, random.Random(1))
    'Essex spent £5m (13%).'
    """
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(old)}(?!\w)"
                                  for old in sorted(subs, key=len, reverse=True)))
    text = pattern.sub(lambda m: subs[m.group(0)], text)
    text = _MONEY.sub(lambda m: f"£{max(1, round(int(m.group(1)) * rng.uniform(0.3, 2.5)))}{m.group(2) or ''}",
                      text)
    return _PERCENT.sub(lambda m: f"{rng.randint(5, 95)}{m.group(2)}", text)


def write_corpus(out: Path, meetings: int = 100, seed: int = 2014) -> list[Path]:
    """Write ``meetings`` synthetic meeting folders under ``out``.

    Parameters
    ----------
    out : Path
        Folder to write into (created if missing).
    meetings : int
        How many meetings (each: agenda pack, minutes, manifest).
    seed : int
        Seed of the random generator: the same seed writes the same bytes.

    Returns
    -------
    list of Path
        The meeting folders, in order.
    """
    rng = random.Random(seed)
    sources = {p.name: p.read_text(encoding="utf-8") for p in sorted(SAMPLE_FOLDER.iterdir()) if p.is_file()
               and p.name != "README.md"}
    staff = {a[0]: ([_person(rng, surname=s) for s in rng.sample(SURNAMES, len(_SAMPLE_MEMBERS))],
                    (_person(rng), _person(rng))) for a in AUTHORITIES}
    # Each subject belongs to one authority: two authorities' committees of the same name trip
    # the same resolver bug as two councils of the same kind (the name is found, the key is not).
    shuffled = rng.sample(SUBJECTS, len(SUBJECTS))
    subjects = {a[0]: shuffled[i::len(AUTHORITIES)] for i, a in enumerate(AUTHORITIES)}
    folders = []
    for number in range(meetings):
        authority = AUTHORITIES[number % len(AUTHORITIES)]
        subject = rng.choice(subjects[authority[0]])
        members, officers = staff[authority[0]]
        subs = meeting_substitutions(rng, authority, subject, members, officers)
        folder = out / f"{number:03d}-{_slug(authority[1])}-{_slug(subject)}-{subs['2014-01-30']}"
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in sources.items():
            (folder / rewrite(name, subs, rng)).write_text(rewrite(text, subs, rng), encoding="utf-8")
        folders.append(folder)
    return folders


def main() -> None:
    """Write a synthetic corpus to the folder named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--meetings", type=int, default=100)
    parser.add_argument("--seed", type=int, default=2014)
    args = parser.parse_args()
    folders = write_corpus(args.out, args.meetings, args.seed)
    print(f"wrote {len(folders)} meetings under {args.out}")


if __name__ == "__main__":
    main()

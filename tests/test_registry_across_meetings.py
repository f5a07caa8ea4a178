"""One registry across committees and bodies: a person of one meeting is the person of another
only on strong evidence (the publisher's identifier, or the same full name and a shared body),
never on a name alone; what the resolver weighed is kept, so a later build decides the same."""

from __future__ import annotations

from pathlib import Path

from evidence_graph.graph.store import EvidenceStore
from evidence_graph.graph.vocabulary import RDF, SCHEMA
from evidence_graph.pipeline.build import build_into_store
from evidence_graph.pipeline.ingest import ingest_paths

MINUTES = """{council}

{committee}

Minutes of the meeting held on {date}

Present: Councillor Ann Lee (Chair), Councillor {other} and Councillor Omar Reyes.

Witnesses: Dr Hana Ito, Director, Tarnside Harbour Trust

1. Dr Hana Ito gave evidence on the harbour wall.

2. Councillor Ann Lee thanked Dr Ito. Mr Smith asked about the budget.

3. RESOLVED that the report be noted.
"""


def meeting(root: Path, folder: str, council: str, committee: str, date: str, other: str = "Bo Chan") -> Path:
    path = root / folder
    path.mkdir(parents=True)
    (path / f"{date}-minutes.txt").write_text(MINUTES.format(council=council, committee=committee, date=date,
                                                              other=other), encoding="utf-8")
    return path


def people(store: EvidenceStore, label: str) -> set[str]:
    """The stored person nodes with this name."""
    persons = {s for s, p, o, _ in store.quads() if p == RDF.type and o == SCHEMA.Person}
    return {str(s) for s, p, o, _ in store.quads() if s in persons and p == SCHEMA.name and str(o) == label}


def test_namesakes_at_two_councils_stay_two_and_one_council_s_meetings_share_them(tmp_path: Path) -> None:
    store = EvidenceStore()
    first = meeting(tmp_path, "tarnside-harbour-2025-05", "Tarnside Borough Council", "Harbour Committee",
                    "12 May 2025")
    second = meeting(tmp_path, "tarnside-harbour-2025-07", "Tarnside Borough Council", "Harbour Committee",
                     "14 July 2025")
    other_council = meeting(tmp_path, "fenmoor-licensing-2025-06", "Fenmoor District Council",
                            "Licensing Committee", "3 June 2025", other="Ravi Patel")
    result = build_into_store(store, [first, second, other_council])
    assert not result.errors, result.errors
    # The Tarnside councillor of both Tarnside meetings is one person; Fenmoor's Ann Lee another.
    assert len(people(store, "Ann Lee")) == 2
    assert len(people(store, "Omar Reyes")) == 2
    assert len(people(store, "Bo Chan")) == 1
    # The witness of the same trust at both councils is one person: the same name and body.
    assert len(people(store, "Hana Ito")) == 1
    # A surname alone is a person of its own document, never joined across documents.
    assert len(people(store, "Smith")) == 3


def test_what_decided_survives_a_reload_and_a_later_build_decides_the_same(tmp_path: Path) -> None:
    path = tmp_path / "store"
    tarnside = meeting(tmp_path / "a", "tarnside-harbour-2025-05", "Tarnside Borough Council", "Harbour Committee",
                       "12 May 2025")
    with EvidenceStore(path) as store:
        assert not ingest_paths(store, [tarnside]).errors
        tarnside_ann = people(store, "Ann Lee")
    fenmoor = meeting(tmp_path / "b", "fenmoor-licensing-2025-06", "Fenmoor District Council",
                      "Licensing Committee", "3 June 2025")
    later = meeting(tmp_path / "c", "tarnside-harbour-2025-07", "Tarnside Borough Council", "Harbour Committee",
                    "14 July 2025")
    with EvidenceStore(path) as store:  # a new process would read the same store
        assert not ingest_paths(store, [fenmoor]).errors
        assert not ingest_paths(store, [later]).errors
        both = people(store, "Ann Lee")
    assert len(both) == 2 and tarnside_ann <= both


ATTENDED = """Harbour Committee

Minutes of the meeting held on {date}

1. {name} opened the meeting and the committee noted the harbour report.
"""


def fetched_meeting(root: Path, folder: str, date: str, name: str, member: str) -> Path:
    """A meeting folder as ``evidence-graph fetch`` writes it: minutes and a manifest naming the
    attendee with the publisher's member page."""
    path = root / folder
    path.mkdir(parents=True)
    (path / "minutes.txt").write_text(ATTENDED.format(date=date, name=name), encoding="utf-8")
    (path / "manifest.toml").write_text(f"""[committee]
name = "Harbour Committee"
authority = "Tarnside Borough Council"

[[documents]]
path = "minutes.txt"
kind = "minutes"
meeting_date = "{date}"

[[attendees]]
name = "{name}"
role = "Chair"
attendance = "Present"
source_id = "https://democracy.tarnside.example/mgUserInfo.aspx?UID={member}"
""", encoding="utf-8")
    return path


def test_the_publishers_member_id_is_trusted_before_a_name(tmp_path: Path) -> None:
    store = EvidenceStore()
    one = fetched_meeting(tmp_path, "m1", "2025-05-12", "Councillor Ann Lee", "41")
    two = fetched_meeting(tmp_path, "m2", "2025-07-14", "Councillor Ann Lee", "41")
    namesake = fetched_meeting(tmp_path, "m3", "2025-09-08", "Councillor Ann Lee", "77")
    assert not build_into_store(store, [one, two]).errors
    assert len(people(store, "Ann Lee")) == 1
    # The same name under another member id of the same council is another person.
    assert not build_into_store(store, [namesake]).errors
    assert len(people(store, "Ann Lee")) == 2


def test_a_reviewer_merges_and_separates_and_the_decisions_hold(tmp_path: Path) -> None:
    """`evidence-graph registry` lists the namesakes with their evidence; a merge keeps the old
    IRI answering as the kept entity (GraphQL `entity`), survives a reload and steers later builds;
    a 'different' decision takes the pair off the list and refuses a merge."""
    import asyncio
    import os
    import subprocess
    import sys

    from evidence_graph.schema import build_schema
    from evidence_graph.schema.context import GraphSnapshot, RequestContext

    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ)
    store = tmp_path / "store"

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "evidence_graph.cli", "--store", str(store), *args], capture_output=True,
                              text=True, cwd=root, env=env, timeout=300)

    papers = tmp_path / "papers"
    meeting(papers, "tarnside-harbour-2025-05", "Tarnside Borough Council", "Harbour Committee", "12 May 2025")
    meeting(papers, "fenmoor-licensing-2025-06", "Fenmoor District Council", "Licensing Committee", "3 June 2025")
    assert cli("build", "--quiet", str(papers)).returncode == 0
    listed = cli("registry")
    assert listed.returncode == 0, listed.stderr
    assert "Person 'Ann Lee':" in listed.stdout and "bodies: org/fenmoor-district-council" in listed.stdout
    assert "person/tarnside-borough-council/ann-lee" in listed.stdout

    merged = cli("registry", "merge", "person/ann-lee", "http://127.0.0.1:8000/id/person/tarnside-borough-council/ann-lee")
    assert merged.returncode == 0, merged.stderr
    assert cli("registry", "merge", "person/ann-lee", "person/tarnside-borough-council/ann-lee").returncode == 1
    apart = cli("registry", "different", "person/omar-reyes", "person/tarnside-borough-council/omar-reyes")
    assert apart.returncode == 0, apart.stderr
    refused = cli("registry", "merge", "person/omar-reyes", "person/tarnside-borough-council/omar-reyes")
    assert refused.returncode == 1 and "decided different" in refused.stderr
    after = cli("registry").stdout
    assert "'Ann Lee'" not in after and "'Omar Reyes'" not in after

    # A later meeting of Tarnside names Ann Lee: she is the merged person, not a third.
    meeting(papers, "tarnside-harbour-2025-07", "Tarnside Borough Council", "Harbour Committee", "14 July 2025")
    assert cli("ingest", str(papers / "tarnside-harbour-2025-07")).returncode == 0
    with EvidenceStore(store, read_only=True) as reopened:
        snapshot = GraphSnapshot.from_quads(reopened.quads())
        assert len(people(reopened, "Ann Lee")) == 2  # two IRIs stored; the views make them one
    query = ('{ entity(iri: "http://127.0.0.1:8000/id/person/tarnside-borough-council/ann-lee") { iri } '
             'people(where: {label: {equals: "Ann Lee"}}) { totalCount } }')
    answer = asyncio.run(build_schema().execute(query, context_value=RequestContext(snapshot)))
    assert answer.errors is None, answer.errors
    assert answer.data["entity"]["iri"] == "http://127.0.0.1:8000/id/person/ann-lee"
    assert answer.data["people"]["totalCount"] == 1


def test_a_reviewer_records_unsure_and_splits_and_the_decisions_hold(tmp_path: Path) -> None:
    """'unsure' keeps a pair apart and lists it again, marked; 'split OLD' withdraws a merge;
    'split ENTITY --document DOC' makes the entity as that document names it another one, in the
    stored graph at once and in every later build of that document."""
    import asyncio
    import subprocess
    import sys

    from evidence_graph.schema import build_schema
    from evidence_graph.schema.context import GraphSnapshot, RequestContext

    store = tmp_path / "store"

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "evidence_graph.cli", "--store", str(store), *args],
                              capture_output=True, text=True, cwd=tmp_path, timeout=300)

    def counted(label: str) -> int:
        with EvidenceStore(store, read_only=True) as reopened:
            snapshot = GraphSnapshot.from_quads(reopened.quads())
        query = '{ people(where: {label: {equals: "%s"}}) { totalCount } }' % label
        answer = asyncio.run(build_schema().execute(query, context_value=RequestContext(snapshot)))
        assert answer.errors is None, answer.errors
        return answer.data["people"]["totalCount"]

    papers = tmp_path / "papers"
    may = meeting(papers, "tarnside-harbour-2025-05", "Tarnside Borough Council", "Harbour Committee", "12 May 2025")
    july = meeting(papers, "tarnside-harbour-2025-07", "Tarnside Borough Council", "Harbour Committee", "14 July 2025")
    meeting(papers, "fenmoor-licensing-2025-06", "Fenmoor District Council", "Licensing Committee", "3 June 2025")
    assert cli("build", "--quiet", str(papers)).returncode == 0
    assert counted("Ann Lee") == 2 and counted("Omar Reyes") == 2

    # Unsure: kept apart, listed again with the decision; a firmer decision replaces it.
    unsure = cli("registry", "unsure", "person/omar-reyes", "person/tarnside-borough-council/omar-reyes")
    assert unsure.returncode == 0, unsure.stderr
    assert "Person 'Omar Reyes': (decided unsure)" in cli("registry").stdout
    assert counted("Omar Reyes") == 2

    # A merge, then split: the old IRI answers for itself again, and the pair is decided different.
    assert cli("registry", "merge", "person/ann-lee", "person/tarnside-borough-council/ann-lee").returncode == 0
    assert counted("Ann Lee") == 1
    split = cli("registry", "split", "person/tarnside-borough-council/ann-lee")
    assert split.returncode == 0 and "answers for itself again" in split.stdout, split.stderr
    assert counted("Ann Lee") == 2 and "'Ann Lee'" not in cli("registry").stdout
    refused = cli("registry", "split", "person/tarnside-borough-council/ann-lee")
    assert refused.returncode == 1 and "was not merged" in refused.stderr

    # Tarnside's May and July Ann Lee were joined (one name, one council); July's is another.
    # (Fenmoor's folder is built first, so its people have the plain keys.)
    minutes = next(july.glob("*.txt"))
    by_document = cli("registry", "split", "person/tarnside-borough-council/ann-lee", "--document", str(minutes))
    assert by_document.returncode == 0, by_document.stderr
    assert counted("Ann Lee") == 3
    with EvidenceStore(store, read_only=True) as reopened:
        names = {str(s).rsplit("/id/", 1)[1] for s in people(reopened, "Ann Lee")}
    assert names == {"person/ann-lee", "person/tarnside-borough-council/ann-lee",
                     "person/tarnside-borough-council/ann-lee-2"}
    # A changed July paper is built again: its Ann Lee is still the split one; May's is not.
    minutes.write_text(minutes.read_text(encoding="utf-8") + "\n4. The meeting closed at 8pm.\n", encoding="utf-8")
    assert cli("ingest", str(minutes)).returncode == 0
    assert cli("build", "--quiet", str(may)).returncode == 0
    with EvidenceStore(store, read_only=True) as reopened:
        assert {str(s).rsplit("/id/", 1)[1] for s in people(reopened, "Ann Lee")} == names
    assert counted("Ann Lee") == 3
    # Bad requests are refused by name, and nothing changes.
    assert "no such entity" in cli("registry", "split", "person/nobody", "--document", str(minutes)).stderr
    wrong = cli("registry", "split", "person/ann-lee", "--document", str(minutes))
    assert wrong.returncode == 1 and "does not name" in wrong.stderr
    assert cli("registry", "unsure", "person/ann-lee").returncode == 1

"""The facts the sample corpus must yield (issue #2), each with a quote that re-anchors.

Each test states one fact an analyst reads in the papers and checks it in the built graph.
"""

from __future__ import annotations

from conftest import MINUTES, PACK, GraphQuery

MEETING = "id:meeting/gb-lae-ken/select-committee-commissioning/2014-01-30"
KCC = "id:org/gb-lae-ken"


def evidenced(sample: GraphQuery, subject: str, predicate: str, obj: str) -> list[str]:
    """Quotes of the reified statements that support ``subject predicate obj``."""
    return sample.values(f"""
        SELECT ?exact WHERE {{
          ?st a rdf:Statement ; rdf:subject {subject} ; rdf:predicate {predicate} ; rdf:object {obj} ;
              prov:wasQuotedFrom/oa:hasSelector/oa:exact ?exact }}""")


def test_meeting_date_time_venue_and_contact(sample: GraphQuery) -> None:
    assert sample.ask(f'{MEETING} a eg:Meeting ; schema:organizer ?c . ?c skos:prefLabel "Select Committee – Commissioning"')
    assert sample.values(f"SELECT ?d WHERE {{ {MEETING} schema:startDate ?d }}") == ["2014-01-30T10:00:00"]
    assert sample.values(f"SELECT ?n WHERE {{ {MEETING} schema:location/schema:name ?n }}") == [
        "Wantsum Room, Sessions House, County Hall, Maidstone"]
    assert sample.ask(f"{MEETING} schema:location/schema:containedInPlace ?town . ?town schema:name 'Maidstone'")
    assert evidenced(sample, MEETING, "eg:contactOfficer", "id:person/denise-fitch") == ["Denise Fitch"]
    assert evidenced(sample, MEETING, "schema:location",
                     "id:place/wantsum-room-sessions-house-county-hall-maidstone") == [
        "Wantsum Room, Sessions House, County Hall"]


def test_agenda_items_with_times(sample: GraphQuery) -> None:
    rows = sample.rows(f"""SELECT ?n ?t WHERE {{ ?i schema:superEvent {MEETING} ; schema:position ?n .
                           OPTIONAL {{ ?i schema:startDate ?t }} }} ORDER BY xsd:integer(?n)""")
    assert [r[0] for r in rows] == ["1", "2", "3", "4", "5", "6"]
    assert dict(rows)["3"] == "2014-01-30T10:00:00"
    assert dict(rows)["4"] == "2014-01-30T11:00:00"
    assert dict(rows)["5"] == "2014-01-30T12:00:00"
    names = sample.values(f"SELECT ?name WHERE {{ {MEETING}/item/6 schema:name ?name }}".replace(
        f"{MEETING}/item/6", "<http://127.0.0.1:8000/id/meeting/gb-lae-ken/"
        "select-committee-commissioning/2014-01-30/item/6>"))
    assert names == ["Wrap up/key points"]


def test_head_of_democratic_services(sample: GraphQuery) -> None:
    assert sample.ask(f"""id:person/peter-sass org:holds ?post . ?post skos:prefLabel "Head of Democratic Services" ;
                          org:postIn {KCC}""")
    assert evidenced(sample, "id:person/peter-sass", "org:holds",
                     "id:post/gb-lae-ken/head-of-democratic") == ["Peter Sass  \nHead of Democratic Services"]


def test_nine_members_and_the_chairman(sample: GraphQuery) -> None:
    committee = "id:committee/gb-lae-ken/select-committee-commissioning"
    members = sample.values(f"""SELECT DISTINCT ?name WHERE {{ ?m a org:Membership ; org:organization {committee} ;
                                 org:member/schema:familyName ?name }} ORDER BY ?name""")
    assert members == ["Angell", "Baldock", "Balfour", "Birkby", "Chard", "Cowan", "Gates", "Pearman", "Vye"]
    chair = sample.values(f"""SELECT ?p WHERE {{ ?m org:organization {committee} ; org:role id:concept/role/chair ;
                               org:member ?p }}""")
    assert chair == ["http://127.0.0.1:8000/id/person/m-j-angell"]
    assert evidenced(sample, "id:person/m-j-angell", "org:memberOf", committee) == ["Mr M J Angell"]


def test_three_witnesses_with_post_organisation_and_item(sample: GraphQuery) -> None:
    expected = {
        "Peter Heckel": ("Director", "Project Salus", "3"),
        "Carolyn Mcvitte": ("Managing Director", "Stepahead Support", "4"),
        "Thom Wilson": ("Head of Strategic Commissioning (Children's)", "Kent County Council", "5"),
    }
    rows = sample.rows("""SELECT DISTINCT ?name ?post ?org ?n WHERE {
        ?c pcon:hasContributionRole id:concept/role/oral-witness ; pcon:inCapacity ?m ; eg:agendaItem ?item .
        ?who pcon:makesContribution ?c ; schema:name ?name .
        ?m eg:post/skos:prefLabel ?post ; org:organization/skos:prefLabel ?org .
        ?item schema:position ?n }""")
    found = {r[0]: (r[1], r[2], r[3]) for r in rows}
    assert found == expected


def test_terms_of_reference_themes_form_a_skos_scheme(sample: GraphQuery) -> None:
    rows = sample.rows("""SELECT DISTINCT ?n ?label WHERE { ?t skos:inScheme ?s ; skos:notation ?n ; skos:prefLabel ?label .
                          ?s a skos:ConceptScheme . FILTER(CONTAINS(STR(?t), "/concept/tor/")) } ORDER BY ?n""")
    assert [r[0] for r in rows] == list("abcdefg")
    assert dict(rows)["e"] == "How KCC can best discharge its responsibilities through the Social Value Act"


def test_every_question_bullet_is_linked_to_its_theme(sample: GraphQuery) -> None:
    rows = sample.rows(f"""SELECT ?text ?n WHERE {{ ?q a schema:Question ; dcterms:type "tor-question" ; schema:text ?text ;
                           schema:about/skos:notation ?n ; dcterms:isPartOf/dcterms:isPartOf <{PACK.replace('doc/', 'http://127.0.0.1:8000/id/doc/')}> }}""")
    by_question: dict[str, set[str]] = {}
    for text, letter in rows:
        by_question.setdefault(text, set()).add(letter)
    assert by_question["What is Commissioning?"] == {"a"}
    assert by_question["What does this mean from a provider perspective?"] == {"b"}
    assert by_question["Do we decommission / re-commission services based on performance?"] == {"d"}
    assert by_question["Are we meeting the duties of the social value act?"] == {"e", "f"}
    total = sample.values(f"""SELECT (COUNT(DISTINCT ?q) AS ?n) WHERE {{ ?q dcterms:type "tor-question" ;
                             dcterms:isPartOf/dcterms:isPartOf <{PACK.replace('doc/', 'http://127.0.0.1:8000/id/doc/')}> }}""")
    assert total == [str(len(by_question))]
    assert len(by_question) == 40  # 9 + 3 + 9 + 14 (one in bold) + 6 shared by e) and f)


def test_project_salus_former_name_and_issues(sample: GraphQuery) -> None:
    salus = "id:org/project-salus"
    assert evidenced(sample, salus, "eg:formerName", '"Kent Safe Schools"') == [
        "Project Salus, previously known as Kent Safe Schools"]
    issues = set(sample.values(f"SELECT ?i WHERE {{ {salus} eg:raisedIssue ?i }}"))
    for key in ("unified-commissioning", "tupe", "prescriptive-specifications",
                "barriers-small-organisations", "adversarial-processes", "quality-of-feedback"):
        assert f"http://127.0.0.1:8000/id/concept/issue/{key}" in issues, key


def test_stepahead_services_commissioner_operator_and_places(sample: GraphQuery) -> None:
    services = dict(sample.rows("""SELECT ?name ?s WHERE { ?s schema:serviceOperator id:org/stepahead-support ;
                                   skos:prefLabel ?name }"""))
    assert set(services) >= {"Family Mediation", "Young Healthy Minds"}
    for name in ("Family Mediation", "Young Healthy Minds"):
        assert sample.ask(f"<{services[name]}> eg:commissionedBy {KCC}")
    places = set(sample.values(f"SELECT ?n WHERE {{ <{services['Young Healthy Minds']}> schema:areaServed/schema:name ?n }}"))
    assert {"Canterbury", "Dover", "Thanet"} <= places
    assert evidenced(sample, f"<{services['Young Healthy Minds']}>", "eg:commissionedBy", KCC) == ["commissioned by KCC"]


def test_stepahead_former_names_and_issues(sample: GraphQuery) -> None:
    stepahead = "id:org/stepahead-support"
    former = set(sample.values(f"SELECT ?n WHERE {{ {stepahead} eg:formerName ?n }}"))
    assert former == {"Moving Forward", "Breakthrough"}
    issues = set(sample.values(f"SELECT ?i WHERE {{ {stepahead} eg:raisedIssue ?i }}"))
    for key in ("decommissioning-before-recommissioning", "contract-monitoring", "contract-length",
                "barriers-small-organisations", "price-emphasis"):
        assert f"http://127.0.0.1:8000/id/concept/issue/{key}" in issues, key


def test_conflicting_start_dates_are_both_kept_with_quotes(sample: GraphQuery) -> None:
    rows = sample.rows("""SELECT ?year ?text WHERE { ?c a schema:Claim ; schema:about id:org/stepahead-support ;
                          schema:startDate ?year ; schema:text ?text }""")
    years = {year for year, _ in rows}
    assert years == {"1995", "1999"}
    assert any(text.startswith("Operating since 1995") for _, text in rows)


def _figure(sample: GraphQuery, description: str) -> dict[str, str]:
    rows = sample.rows(f"""SELECT ?p ?o WHERE {{ ?f a eg:Figure ; schema:description "{description}"@en ; ?p ?o .
                            ?f schema:appearance/dcterms:isPartOf*/dcterms:isPartOf
                            <http://127.0.0.1:8000/id/{PACK}> }}""")
    found: dict[str, str] = {}
    for p, o in rows:
        found.setdefault(p.rsplit("/", 1)[-1].rsplit("#", 1)[-1], o)
    return found


def test_officer_report_figures_with_what_they_measure(sample: GraphQuery) -> None:
    spend = _figure(sample, "Approximately £175m")
    assert spend["value"] == "175000000" and spend["currency"] == "GBP" and spend["approximate"] == "true"
    assert spend["about"].endswith("service/specialist-childrens-services")
    external = _figure(sample, "£40-45m")
    assert (external["minValue"], external["maxValue"]) == ("40000000", "45000000")
    assert "external providers" in external["measure"]
    assert external["about"].endswith("service/specialist-childrens-services")
    assert _figure(sample, "25%")["value"] == "25"
    assert "Independent Foster Care Agencies" in _figure(sample, "£9m")["measure"]
    assert "residential placements" in _figure(sample, "£10m")["measure"]
    in_house = _figure(sample, "approximately 80%")
    assert in_house["approximate"] == "true" and "In-House fostering" in in_house["measure"]
    children = _figure(sample, "119 children")
    assert children["value"] == "119" and children["unitText"] == "children"
    assert _figure(sample, "33 separate organisations")["value"] == "33"
    assert "Other commissioned services and grants" in _figure(sample, "£20m")["measure"]


def test_officer_report_activities(sample: GraphQuery) -> None:
    assert sample.ask('?f a eg:ProcurementFramework ; skos:prefLabel "Independent Foster Agency Framework"')
    assert sample.ask('?p a eg:Programme ; skos:prefLabel "Children\'s Centre Market Review"')
    assert sample.ask('?p a eg:Programme ; skos:prefLabel "Early Help Reviews"')


def test_minutes_have_29_numbered_paragraphs(sample: GraphQuery) -> None:
    numbers = sample.values(f"""SELECT ?n WHERE {{ ?p dcterms:type "numbered-paragraph" ; schema:position ?n ;
                               dcterms:isPartOf <http://127.0.0.1:8000/id/{MINUTES}> }}""")
    assert sorted(numbers, key=int) == [str(n) for n in range(1, 30)]


def test_speaker_of_each_numbered_paragraph(sample: GraphQuery) -> None:
    rows = dict(sample.rows(f"""SELECT ?n ?role WHERE {{ ?p dcterms:type "numbered-paragraph" ; schema:position ?n ;
                                eg:speakerRole ?role ; dcterms:isPartOf <http://127.0.0.1:8000/id/{MINUTES}> }}"""))
    narrative = {n for n, role in rows.items() if role.endswith("/narrative")}
    assert narrative == {"1", "2", "29"}
    authors = dict(sample.rows(f"""SELECT ?n ?a WHERE {{ ?p dcterms:type "numbered-paragraph" ; schema:position ?n ;
                                   schema:author ?a ; dcterms:isPartOf <http://127.0.0.1:8000/id/{MINUTES}> }}"""))
    assert set(authors) == {str(n) for n in range(3, 29)}
    assert set(authors.values()) == {"http://127.0.0.1:8000/id/person/thom-wilson"}


def test_unnumbered_paragraphs_are_questions_comments_or_continuations(sample: GraphQuery) -> None:
    base = f"<http://127.0.0.1:8000/id/{MINUTES}"
    questions = sample.values(f"SELECT ?t WHERE {{ ?q a schema:Question ; schema:text ?t ; dcterms:isPartOf {base}> }}")
    assert "Please tell us about your role." in questions
    assert len(questions) == 12
    assert sample.ask(f"""{base}#para_3> schema:parentItem ?q . ?q schema:text "Please tell us about your role."@en """)
    assert sample.ask(f"""{base}#q_1> schema:suggestedAnswer {base}#para_3>""")
    continuation = sample.rows(f"""SELECT ?role ?a WHERE {{ ?p schema:text ?t ; eg:speakerRole ?role ; schema:author ?a ;
                                  dcterms:isPartOf {base}> . FILTER(STRSTARTS(?t, "I attended a")) }}""")
    assert continuation == [("http://127.0.0.1:8000/id/concept/role/witness",
                             "http://127.0.0.1:8000/id/person/thom-wilson")]


def test_organisations_named_in_passing_and_children_in_care(sample: GraphQuery) -> None:
    def named_in(doc: str) -> set[str]:
        return set(sample.values(f"""SELECT DISTINCT ?label WHERE {{
            GRAPH <http://127.0.0.1:8000/id/graph/doc/{doc[4:]}> {{ ?a a oa:Annotation ; oa:hasBody ?o }}
            ?o a org:FormalOrganization ; skos:prefLabel ?label }}"""))

    for label in ("Ofsted", "London Borough of Croydon Council", "Kent County Council"):
        assert label in named_in(MINUTES), label
    # "the seven clinical commissioning groups (CCGs)" is a class of bodies, not one (issue #9).
    assert not {label for label in named_in(MINUTES) if "ommissioning Group" in label}
    assert "Child and Adolescent Mental Health Services" in named_in(PACK)
    assert sample.ask(f"""?f a eg:Figure ; schema:value ?v ; schema:unitText "children" ;
                          schema:appearance/dcterms:isPartOf <http://127.0.0.1:8000/id/{MINUTES}> .
                          FILTER(?v = 1000)""")


def test_resolution_of_aliases(sample: GraphQuery) -> None:
    names = set(sample.values("SELECT ?n WHERE { id:person/thom-wilson skos:altLabel|skos:prefLabel ?n }"))
    assert "Mr Wilson" in names
    assert not sample.ask("?p a schema:Person ; schema:familyName 'Wilson' . FILTER(?p != id:person/thom-wilson)")
    kcc = set(sample.values(f"SELECT ?n WHERE {{ {KCC} skos:altLabel|skos:hiddenLabel|skos:prefLabel ?n }}"))
    assert {"Kent County Council", "KCC", "County Copuncil"} <= kcc
    assert sample.ask(f"{KCC} skos:hiddenLabel 'County Copuncil'")
    assert sample.ask(f"?a oa:hasBody {KCC} ; oa:hasTarget/oa:hasSelector/oa:exact 'the County Council'")
    frameworks = sample.values("SELECT ?f WHERE { ?f a eg:ProcurementFramework ; skos:prefLabel|skos:altLabel ?n . "
                               "FILTER(CONTAINS(LCASE(?n), 'independent foster')) }")
    assert len(set(frameworks)) == 1
    labels = set(sample.values(f"SELECT ?n WHERE {{ <{frameworks[0]}> skos:altLabel|skos:prefLabel ?n }}"))
    assert {"Independent Foster Agency Framework", "Independent Fostering Agency (IFA) framework"} <= labels


def test_the_sample_keys_are_their_own_iris_and_nothing_was_dropped(sample: GraphQuery) -> None:
    # Every key the sample mints is a slug: the one IRI encoder (graph/iris.py) leaves it as it was.
    from evidence_graph.graph.iris import key_of, safe_key

    nodes = sample.values("SELECT DISTINCT ?n WHERE { GRAPH ?g { { ?n ?p ?o } UNION { ?s ?p ?n } } FILTER(isIRI(?n)) }")
    keys = [key for key in map(key_of, nodes) if key is not None]
    assert len(keys) > 1_000
    assert [key for key in keys if safe_key(key) != key] == []
    # No fact of the sample fails its shape: the build dropped none (issue 8).
    assert sample.values("SELECT ?x WHERE { ?a prov:invalidated ?x }") == []


def test_every_quote_points_at_the_paragraph_that_holds_it(sample: GraphQuery) -> None:
    # A fact read in one paragraph may quote words elsewhere (a witness's organisation, named in the
    # agenda line above her biography): the quote's passage is the one its words are in.
    segments = sample.rows("""
        SELECT ?segment ?start ?end ?from ?to WHERE {
          ?segment a oa:SpecificResource ; dcterms:isPartOf ?passage ;
                   oa:hasSelector [ oa:start ?start ; oa:end ?end ] .
          ?passage eg:startOffset ?from ; eg:endOffset ?to }""")
    assert len(segments) > 400
    outside = [s for s, start, end, lo, hi in segments if not int(lo) <= int(start) < int(end) <= int(hi)]
    assert outside == []
    assert sample.values("SELECT ?s WHERE { ?s a oa:SpecificResource FILTER NOT EXISTS { ?s dcterms:isPartOf ?p } }") == []
    # Each reified statement names the passage its quote is part of.
    mismatched = sample.values("""
        SELECT ?st WHERE { ?st eg:evidence ?passage ; prov:wasQuotedFrom/dcterms:isPartOf ?part FILTER(?part != ?passage) }""")
    assert mismatched == []

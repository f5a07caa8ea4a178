// The explorer: every piece of data comes from the public GraphQL API (POST /graphql).
// State the browser test reads is kept in window.explorer and in data-* attributes of the canvases.
"use strict";

(function () {
  const COLOURS = {
    Person: "#e76f51", Organisation: "#2a9d8f", OrganisationalUnit: "#52b69a", Committee: "#264653",
    Post: "#8d99ae", Membership: "#adb5bd", Contribution: "#b5838d", Meeting: "#6d597a", AgendaItem: "#9d8189",
    Service: "#f4a261", Programme: "#e9c46a", Framework: "#d4a373", Legislation: "#7f5539", Issue: "#c1121f",
    Theme: "#780000", Place: "#588157", Figure: "#3a86ff", Claim: "#bdb2ff", Passage: "#ced4da",
    Question: "#a0c4ff", Document: "#495057", Concept: "#ff99c8", Role: "#cdb4db",
  };
  // Text nodes are many and each links one speaker to one topic: hidden unless asked for.
  const TEXT_TYPES = new Set(["Passage", "Claim"]);

  const QUOTE = `fragment Quote on Evidence { quote start end documentIri document { iri label }
    passage { iri text start end position document { iri label } } speaker { iri label } }`;
  const SUGGEST = `query Suggest($text: String!) { search(text: $text, first: 10) {
    nodes { snippet matchedIn node { __typename iri label } } } }`;
  const NEIGHBOURHOOD = `query Neighbourhood($iri: String!) { neighbourhood(iri: $iri) { nodeCount edgeCount
    nodes { __typename iri label degree centrality } edges { id predicate predicateName subject { iri } object { iri } } } }`;
  const ENTITY = `query Entity($iri: String!) { entity(iri: $iri) { __typename iri key label aliases degree centrality
    ... on TextPassage { text position document { iri label } speaker { iri label } }
    ... on Claim { text author { iri label } }
    mentions(first: 100) { totalCount nodes { ...Quote } }
    relations(first: 100) { totalCount nodes { id predicateName subject { iri label } object { iri label }
      value { lexical } evidence { ...Quote } } } } } ${QUOTE}`;
  const STATEMENT = `query Statement($id: ID!) { node(id: $id) { ... on Statement { id predicateName
    subject { iri label } object { iri label } value { lexical } document { iri label } evidence { ...Quote } } } } ${QUOTE}`;
  const PATH = `query Path($source: String!, $target: String!) { shortestPath(source: $source, target: $target, maxLength: 6) {
    length nodes { __typename iri label degree centrality } hops { forward predicate source { iri label } target { iri label }
    statement { id predicateName evidence { ...Quote } } } } } ${QUOTE}`;
  const THEMES = `query Themes { themes(first: 50, sort: [{field: LABEL}]) { nodes { iri label ... on Theme { notation } } } }`;
  const THEME = `query Theme($iri: String!) { entity(iri: $iri) { iri label ... on Theme { notation definition
    questions { iri text kind position speaker { iri label } document { iri label }
      answers { iri text position speaker { iri label } document { iri label } } }
    passages { iri text position speaker { iri label } document { iri label } } } } }`;
  const DOCUMENTS = `query Documents { documents(first: 100, sort: [{field: LABEL}]) { nodes { iri label
    ... on Document { kind date partOf { iri } } } } }`;
  const DOCUMENT = `query DocumentText($iri: String!, $after: String) { entity(iri: $iri) { iri label
    ... on Document { title kind date partOf { iri label } authors { iri label }
      passages(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
        nodes { iri text start end position kind speaker { iri label } } } } } }`;
  const MENTIONS = `query DocumentMentions($document: String!, $after: String) {
    entities(where: {inDocument: [$document]}, first: 100, after: $after) { pageInfo { hasNextPage endCursor }
      nodes { __typename iri label mentions(first: 100) { nodes { start end documentIri } } } } }`;

  const explorer = window.explorer = {
    graph: { nodeCount: 0, edgeCount: 0, selected: null, expanded: [] },
    path: { hops: 0, nodes: [] }, theme: null, document: null, requests: 0, errors: [],
  };
  const $ = (id) => document.getElementById(id);
  const status = $("status");

  async function api(query, variables) {
    explorer.requests += 1;
    const response = await fetch("/graphql", {
      method: "POST", body: JSON.stringify({ query, variables: variables || {} }),
      headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
    });
    const body = await response.json();
    if (body.errors && !body.data) throw new Error(body.errors.map((e) => e.message).join("; "));
    return body.data;
  }

  function say(message, isError) {
    status.textContent = message;
    status.classList.toggle("error", !!isError);
    if (isError) explorer.errors.push(message);
  }

  async function guarded(what, work) {
    say(what + "…");
    try {
      const result = await work();
      say("");
      return result;
    } catch (error) {
      say(what + " failed: " + error.message, true);
      return null;
    }
  }

  // -- small DOM helpers ------------------------------------------------------------------------
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "onclick") node.addEventListener("click", value);
      else if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children.flat(Infinity)) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }
  // replaceChildren with el's rules: arrays flattened, null and undefined left out.
  function fill(node, ...children) {
    node.replaceChildren(...children.flat(Infinity).filter((child) => child !== null && child !== undefined));
    return node;
  }
  const colourOf = (type) => COLOURS[type] || "#999";
  const typeBadge = (type) => el("span", { class: "type" }, el("span", { class: "type-dot", style: `background:${colourOf(type)}` }), type);
  const short = (text, length) => (text.length > length ? text.slice(0, length - 1) + "…" : text);
  // A local address for an IRI minted under any base: the server answers {base}id/… at /id/….
  const linkedDataPath = (iri) => { const at = iri.indexOf("/id/"); return at < 0 ? iri : iri.slice(at).split("#")[0] + (iri.includes("#") ? "#" + iri.split("#")[1] : ""); };
  const entityButton = (entity) => (entity
    ? el("button", { type: "button", class: "link-button", onclick: () => openEntity(entity.iri), text: entity.label })
    : null);

  // Offsets count Python code points; JavaScript strings count UTF-16 units, so slice by code points.
  function withinPassage(evidence) {
    const passage = evidence.passage;
    if (!passage || passage.start === null || passage.start === undefined) return null;
    const points = Array.from(passage.text);
    const from = evidence.start - passage.start;
    const to = evidence.end - passage.start;
    if (from < 0 || to > points.length || points.slice(from, to).join("") !== evidence.quote) return null;
    return { before: points.slice(0, from).join(""), after: points.slice(to).join("") };
  }

  function documentHref(documentIri, passage, evidence) {
    const parameters = new URLSearchParams({ view: "documents", document: documentIri });
    if (passage) parameters.set("passage", passage.iri);
    if (evidence) { parameters.set("start", evidence.start); parameters.set("end", evidence.end); }
    return "#" + parameters.toString();
  }

  function renderQuote(evidence) {
    const context = withinPassage(evidence);
    const blockquote = context
      ? el("blockquote", {}, context.before.length > 240 ? "…" + context.before.slice(-240) : context.before,
          el("mark", { text: evidence.quote }), context.after.length > 240 ? context.after.slice(0, 240) + "…" : context.after)
      : el("blockquote", {}, el("mark", { text: evidence.quote }));
    const passage = evidence.passage && context ? evidence.passage : null;
    const doc = (passage && passage.document) || evidence.document;
    const caption = el("figcaption", {});
    if (evidence.speaker) caption.append(evidence.speaker.label, " · ");
    if (doc) {
      caption.append(el("a", { href: documentHref(doc.iri, passage, evidence),
        text: doc.label + (passage && passage.position !== null ? `, ¶ ${passage.position}` : "") }));
      caption.append(" · ", el("a", { href: linkedDataPath(passage ? passage.iri : doc.iri), text: "linked data" }));
    }
    return el("figure", { class: "quote" }, blockquote, caption);
  }

  // -- search boxes with suggestions (WAI-ARIA combobox, keyboard usable) -------------------------
  function combobox(input, list, onChoose) {
    let options = [], active = -1, asked = 0, timer = null;
    const close = () => { list.hidden = true; input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant"); active = -1; };
    const highlight = (index) => {
      active = index;
      list.querySelectorAll("[role=option]").forEach((option, i) => option.setAttribute("aria-selected", i === index ? "true" : "false"));
      if (index >= 0) input.setAttribute("aria-activedescendant", `${list.id}-${index}`);
    };
    const choose = (index) => {
      const hit = options[index];
      if (!hit) return;
      input.value = hit.node.label;
      input.dataset.iri = hit.node.iri;
      close();
      onChoose(hit.node);
    };
    async function suggest() {
      const text = input.value.trim();
      const mine = ++asked;
      if (text.length < 2) { close(); return; }
      let data;
      try { data = await api(SUGGEST, { text }); } catch (error) { say("search failed: " + error.message, true); return; }
      if (mine !== asked) return;  // a later keystroke has asked again
      const seen = new Set();
      options = data.search.nodes.filter((hit) => !seen.has(hit.node.iri) && seen.add(hit.node.iri));
      fill(list, ...options.map((hit, i) => {
        const option = el("li", { role: "option", id: `${list.id}-${i}`, "aria-selected": "false", "data-iri": hit.node.iri },
          el("span", { text: short(hit.node.label, 70) }), typeBadge(hit.node.__typename));
        option.addEventListener("mousedown", (event) => { event.preventDefault(); choose(i); });
        return option;
      }));
      if (!options.length) fill(list, el("li", { class: "hint", text: "no match" }));
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
    }
    input.addEventListener("input", () => { delete input.dataset.iri; clearTimeout(timer); timer = setTimeout(suggest, 150); });
    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown" && options.length) { event.preventDefault(); if (list.hidden) suggest(); highlight((active + 1) % options.length); }
      else if (event.key === "ArrowUp" && options.length) { event.preventDefault(); highlight((active - 1 + options.length) % options.length); }
      else if (event.key === "Enter" && !list.hidden && options.length) { event.preventDefault(); choose(active >= 0 ? active : 0); }
      else if (event.key === "Escape") close();
    });
    input.addEventListener("blur", () => setTimeout(close, 100));
  }

  // -- the neighbourhood graph ----------------------------------------------------------------------
  const STYLE = [
    { selector: "node", style: { "background-color": "data(colour)", width: "data(size)", height: "data(size)",
      label: "data(short)", "font-size": 9, "text-valign": "bottom", "text-margin-y": 2, color: "#222",
      "text-outline-color": "#fff", "text-outline-width": 2, "min-zoomed-font-size": 6 } },
    { selector: "node.seed", style: { "border-width": 3, "border-color": "#111" } },
    { selector: "node:selected", style: { "border-width": 4, "border-color": "#f77f00" } },
    { selector: "edge", style: { width: 1.2, "line-color": "#bbb", "target-arrow-color": "#bbb",
      "target-arrow-shape": "triangle", "arrow-scale": 0.7, "curve-style": "bezier" } },
    { selector: "edge:selected, edge.hop", style: { width: 3, "line-color": "#f77f00", "target-arrow-color": "#f77f00",
      label: "data(label)", "font-size": 9, "text-rotation": "autorotate", "text-outline-color": "#fff", "text-outline-width": 2 } },
  ];
  function nodeData(node) {
    return { id: node.iri, label: node.label, short: short(node.label, 32), type: node.__typename,
      colour: colourOf(node.__typename), degree: node.degree || 0, centrality: node.centrality || 0, size: 14 };
  }
  // Sized by PageRank centrality over the whole graph (the API's Entity.centrality), on a
  // square-root scale relative to the most central node drawn, so sizes compare within a view.
  // Without scores (null: the measure is over its node limit on a large graph, or busy), by degree.
  function sizeByCentrality(view) {
    const top = Math.max(0, ...view.nodes().map((n) => n.data("centrality")));
    view.nodes().forEach((n) => { n.data("size", top > 0 ? 14 + 46 * Math.sqrt(n.data("centrality") / top)
      : Math.min(70, 14 + 5 * Math.sqrt(n.data("degree")))); });
  }
  const cy = cytoscape({ container: $("graph"), style: STYLE, minZoom: 0.15, maxZoom: 4 });
  explorer.cy = cy;
  const showTextNodes = $("show-text-nodes");

  function countGraph() {
    explorer.graph.nodeCount = cy.nodes().length;
    explorer.graph.edgeCount = cy.edges().length;
    $("graph").dataset.nodeCount = explorer.graph.nodeCount;
    $("graph").dataset.edgeCount = explorer.graph.edgeCount;
    $("graph-counts").textContent = `${explorer.graph.nodeCount} nodes, ${explorer.graph.edgeCount} statements`;
    const types = {};
    cy.nodes().forEach((node) => { types[node.data("type")] = (types[node.data("type")] || 0) + 1; });
    fill($("legend"), ...Object.keys(types).sort().map((type) => el("li", {}, typeBadge(type), ` ${types[type]}`)));
  }

  async function addNeighbourhood(iri) {
    const data = await api(NEIGHBOURHOOD, { iri });
    const keep = (node) => node.iri === iri || showTextNodes.checked || !TEXT_TYPES.has(node.__typename);
    const nodes = data.neighbourhood.nodes.filter(keep);
    const centre = cy.getElementById(iri);
    const origin = centre.nonempty() ? centre.position() : { x: 0, y: 0 };
    const added = [];
    nodes.forEach((node, i) => {
      if (cy.getElementById(node.iri).nonempty()) return;
      const angle = (2 * Math.PI * i) / nodes.length;
      added.push({ group: "nodes", data: nodeData(node), position: { x: origin.x + 160 * Math.cos(angle), y: origin.y + 160 * Math.sin(angle) } });
    });
    cy.add(added);
    const edges = data.neighbourhood.edges.filter((edge) => edge.object
      && cy.getElementById(edge.subject.iri).nonempty() && cy.getElementById(edge.object.iri).nonempty()
      && cy.getElementById(edge.id).empty());
    cy.add(edges.map((edge) => ({ group: "edges", data: { id: edge.id, source: edge.subject.iri, target: edge.object.iri, label: edge.predicateName } })));
    explorer.graph.expanded.push(iri);
    sizeByCentrality(cy);
    cy.layout({ name: "cose", animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, fit: true, padding: 30 }).run();
    countGraph();
    return added.length;
  }

  async function openEntity(iri) {
    showView("graph", false);
    history.replaceState(null, "", "#" + new URLSearchParams({ view: "graph", entity: iri }).toString());
    await guarded("Loading the neighbourhood", async () => {
      cy.elements().remove();
      explorer.graph.expanded = [];
      await addNeighbourhood(iri);
      cy.getElementById(iri).addClass("seed").select();
      await showNode(iri);
    });
  }

  async function expand(iri) {
    return guarded("Adding neighbours", () => addNeighbourhood(iri));
  }

  function statementBlock(statement, fromIri) {
    const other = statement.subject && statement.subject.iri !== fromIri ? statement.subject : statement.object;
    const head = el("div", {}, el("strong", { text: statement.predicateName }), " ",
      other ? entityButton(other) : el("span", { text: statement.value ? statement.value.lexical : "" }));
    return el("div", { class: "statement" }, head, statement.evidence.map(renderQuote));
  }

  async function showNode(iri) {
    const details = $("details");
    const data = await api(ENTITY, { iri });
    const entity = data.entity;
    if (!entity) { fill(details, el("p", { text: "Nothing has that IRI." })); return; }
    explorer.graph.selected = { iri, quotes: details.querySelectorAll(".quote").length };
    const withEvidence = entity.relations.nodes.filter((s) => s.evidence.length);
    const without = entity.relations.nodes.filter((s) => !s.evidence.length);
    fill(details, 
      el("h2", { text: entity.label }), typeBadge(entity.__typename),
      el("p", {}, el("code", { text: entity.iri })),
      entity.aliases.length ? el("p", { text: "Also called: " + entity.aliases.join("; ") }) : null,
      el("p", { text: `Degree ${entity.degree}; PageRank ${entity.centrality == null ? "not computed" : entity.centrality.toPrecision(3)}; ${entity.relations.totalCount} statements; ${entity.mentions.totalCount} mentions.` }),
      el("div", { class: "actions" },
        el("button", { type: "button", id: "expand-selected", onclick: () => expand(iri), text: "Add its neighbours" }),
        el("button", { type: "button", onclick: () => choosePathEnd("path-from", entity), text: "Path from here" }),
        el("button", { type: "button", onclick: () => choosePathEnd("path-to", entity), text: "Path to here" }),
        el("a", { href: linkedDataPath(entity.iri), text: "linked data" })),
      entity.text ? el("blockquote", { text: entity.text }) : null,
      entity.document ? el("p", {}, el("a", { href: documentHref(entity.document.iri, entity), text: "In " + entity.document.label })) : null,
      el("h3", { text: `Statements with evidence (${withEvidence.length})` }), withEvidence.map((s) => statementBlock(s, iri)),
      el("h3", { text: `Mentions (${entity.mentions.nodes.length} of ${entity.mentions.totalCount})` }), entity.mentions.nodes.map(renderQuote),
      without.length ? el("h3", { text: `Other statements (${without.length})` }) : null, without.map((s) => statementBlock(s, iri)),
    );
    explorer.graph.selected.quotes = details.querySelectorAll(".quote").length;
  }

  async function showStatement(id) {
    const data = await api(STATEMENT, { id });
    const statement = data.node;
    fill($("details"), el("h2", { text: statement.predicateName }),
      el("p", {}, entityButton(statement.subject), " → ", statement.object ? entityButton(statement.object) : (statement.value || {}).lexical),
      statement.document ? el("p", { text: "Asserted in " + statement.document.label }) : null,
      el("h3", { text: `Evidence (${statement.evidence.length})` }), statement.evidence.map(renderQuote));
  }

  cy.on("tap", "node", (event) => guarded("Loading details", () => showNode(event.target.id())));
  cy.on("dbltap", "node", (event) => expand(event.target.id()));
  cy.on("tap", "edge", (event) => guarded("Loading evidence", () => showStatement(event.target.id())));
  $("fit-graph").addEventListener("click", () => cy.fit(undefined, 30));
  showTextNodes.addEventListener("change", () => { const seed = cy.nodes(".seed"); if (seed.nonempty()) openEntity(seed.id()); });

  // -- the path tool --------------------------------------------------------------------------------
  const pathCy = cytoscape({ container: $("path-graph"), style: STYLE, minZoom: 0.2, maxZoom: 3 });
  explorer.pathCy = pathCy;
  function choosePathEnd(inputId, entity) {
    const input = $(inputId);
    input.value = entity.label;
    input.dataset.iri = entity.iri;
    showView("path");
  }

  async function findPath(source, target) {
    const data = await api(PATH, { source, target });
    const path = data.shortestPath;
    pathCy.elements().remove();
    const details = $("path-details");
    if (!path) {
      explorer.path = { hops: 0, nodes: [] };
      $("path-graph").dataset.hopCount = 0;
      fill(details, el("p", { text: "No path of six hops or fewer joins them." }));
      return;
    }
    pathCy.add(path.nodes.map((node, i) => ({ group: "nodes", data: nodeData(node), position: { x: i * 170, y: (i % 2) * 70 } })));
    pathCy.add(path.hops.map((hop) => ({ group: "edges", classes: "hop", data: { id: hop.statement.id,
      source: hop.forward ? hop.source.iri : hop.target.iri, target: hop.forward ? hop.target.iri : hop.source.iri,
      label: hop.statement.predicateName } })));
    sizeByCentrality(pathCy);
    pathCy.nodes().first().addClass("seed");
    pathCy.nodes().last().addClass("seed");
    pathCy.fit(undefined, 40);
    explorer.path = { hops: path.hops.length, nodes: path.nodes.map((n) => n.label) };
    $("path-graph").dataset.nodeCount = path.nodes.length;
    $("path-graph").dataset.hopCount = path.hops.length;
    fill(details, el("h2", { text: `${path.length} hops` }), el("ol", { class: "hops" }, path.hops.map((hop) =>
      el("li", { class: "hop" }, el("div", {}, entityButton(hop.source), " ", el("strong", { text: (hop.forward ? "" : "← ") + hop.statement.predicateName + (hop.forward ? " →" : "") }), " ", entityButton(hop.target)),
        hop.statement.evidence.length ? hop.statement.evidence.map(renderQuote) : el("p", { class: "hint", text: "no quote of its own" })))));
  }
  pathCy.on("tap", "node", (event) => openEntity(event.target.id()));
  $("path-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const source = $("path-from").dataset.iri, target = $("path-to").dataset.iri;
    if (!source || !target) { say("Choose both ends from the suggestions.", false); return; }
    history.replaceState(null, "", "#" + new URLSearchParams({ view: "path", from: source, to: target }).toString());
    guarded("Finding the shortest path", () => findPath(source, target));
  });

  // -- themes ---------------------------------------------------------------------------------------
  function passageItem(passage) {
    return el("div", { class: "passage" },
      el("div", { class: "where" }, passage.speaker ? passage.speaker.label + " · " : "",
        passage.document ? el("a", { href: documentHref(passage.document.iri, passage), text: passage.document.label + (passage.position !== null ? `, ¶ ${passage.position}` : "") }) : null),
      el("div", { text: passage.text }));
  }
  async function showThemes() {
    if ($("theme-list").children.length) return;
    const data = await api(THEMES);
    fill($("theme-list"), ...data.themes.nodes.map((theme) => el("li", {},
      el("button", { type: "button", "data-iri": theme.iri, onclick: () => openTheme(theme.iri), text: (theme.notation ? theme.notation + ") " : "") + theme.label }))));
  }
  async function openTheme(iri) {
    showView("themes", false);
    history.replaceState(null, "", "#" + new URLSearchParams({ view: "themes", theme: iri }).toString());
    await guarded("Loading the theme", async () => {
      await showThemes();
      const theme = (await api(THEME, { iri })).entity;
      document.querySelectorAll("#theme-list button").forEach((b) => b.setAttribute("aria-current", b.dataset.iri === iri ? "true" : "false"));
      explorer.theme = { iri, questions: theme.questions.length, passages: theme.passages.length };
      fill($("theme"), el("h2", { text: (theme.notation ? theme.notation + ") " : "") + theme.label }),
        theme.definition ? el("p", { text: theme.definition }) : null,
        el("h3", { text: `Questions (${theme.questions.length})` }),
        theme.questions.map((question) => {
          const answerers = [...new Map(question.answers.filter((a) => a.speaker).map((a) => [a.speaker.iri, a.speaker])).values()];
          return el("div", { class: "question" }, el("p", { text: question.text }),
            el("div", { class: "where" }, question.speaker ? "Asked by " + question.speaker.label + " · " : "",
              answerers.length ? el("span", {}, "Answered by ", answerers.map((a, i) => [i ? ", " : "", entityButton(a)])) : "No recorded answer"),
            question.answers.length ? el("details", {}, el("summary", { text: `${question.answers.length} answering passages` }), question.answers.map(passageItem)) : null);
        }),
        el("h3", { text: `Passages addressing the theme (${theme.passages.length})` }), theme.passages.map(passageItem));
    });
  }

  // -- documents ------------------------------------------------------------------------------------
  async function showDocuments() {
    if ($("document-list").children.length) return;
    const documents = (await api(DOCUMENTS)).documents.nodes;
    const parts = (pack) => documents.filter((d) => d.partOf && d.partOf.iri === pack.iri);
    const item = (doc, isPart) => el("li", { class: isPart ? "part" : null },
      el("button", { type: "button", "data-iri": doc.iri, onclick: () => openDocument(doc.iri), text: `${doc.label}${doc.kind ? " (" + doc.kind + ")" : ""}` }));
    fill($("document-list"), ...documents.filter((d) => !d.partOf).flatMap((doc) => [item(doc, false), ...parts(doc).map((p) => item(p, true))]));
  }

  async function pages(query, variables, pick) {
    const found = [];
    let after = null;
    for (let page = 0; page < 50; page += 1) {
      const connection = pick(await api(query, { ...variables, after }));
      if (!connection) break;
      found.push(...connection.nodes);
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    return found;
  }

  function markedText(passage, mentions, quoted) {
    // Mentions are marked where they fall in the passage; an overlapping later one is skipped.
    const points = Array.from(passage.text);
    const spans = mentions.filter((m) => m.start >= passage.start && m.end <= passage.end).sort((a, b) => a.start - b.start || b.end - a.end);
    if (quoted && quoted.start >= passage.start && quoted.end <= passage.end) spans.push({ ...quoted, quoted: true });
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
    const out = [];
    let at = passage.start;
    for (const span of spans) {
      if (span.start < at) continue;
      out.push(points.slice(at - passage.start, span.start - passage.start).join(""));
      const words = points.slice(span.start - passage.start, span.end - passage.start).join("");
      out.push(span.quoted ? el("mark", { class: "quoted", text: words })
        : el("mark", { class: "mention", tabindex: "0", role: "button", title: `${span.entity.label} (${span.entity.__typename})`,
          style: `--type-colour:${colourOf(span.entity.__typename)}`, "data-iri": span.entity.iri, text: words }));
      at = span.end;
    }
    out.push(points.slice(at - passage.start).join(""));
    return out;
  }

  async function openDocument(iri, passageIri, quoted) {
    showView("documents", false);
    const parameters = new URLSearchParams({ view: "documents", document: iri });
    if (passageIri) parameters.set("passage", passageIri);
    if (quoted) { parameters.set("start", quoted.start); parameters.set("end", quoted.end); }
    history.replaceState(null, "", "#" + parameters.toString());
    await guarded("Loading the document", async () => {
      await showDocuments();
      document.querySelectorAll("#document-list button").forEach((b) => b.setAttribute("aria-current", b.dataset.iri === iri ? "true" : "false"));
      let entity = null;
      const passages = await pages(DOCUMENT, { iri }, (data) => { entity = entity || data.entity; return data.entity && data.entity.passages; });
      if (!entity) { fill($("document"), el("p", { text: "No document has that IRI." })); return; }
      // Offsets count in the stored text of the pack a part belongs to, where the mentions are recorded too.
      const textOf = entity.partOf ? entity.partOf.iri : entity.iri;
      const entities = await pages(MENTIONS, { document: iri }, (data) => data.entities);
      const mentions = entities.flatMap((e) => e.mentions.nodes.filter((m) => m.documentIri === textOf).map((m) => ({ ...m, entity: e })));
      const article = $("document");
      fill(article, el("h2", { text: entity.title || entity.label }),
        el("p", { class: "where" }, [entity.kind, entity.date].filter(Boolean).join(" · "),
          entity.partOf ? el("span", {}, " · part of ", el("button", { type: "button", class: "link-button", onclick: () => openDocument(entity.partOf.iri), text: entity.partOf.label })) : null,
          " · ", el("a", { href: linkedDataPath(entity.iri), text: "linked data" })),
        passages.length ? null : el("p", { class: "hint", text: "This pack's text is in its parts (listed on the left)." }),
        passages.map((passage) => el("div", { class: "passage" + (passage.iri === passageIri ? " target" : ""), id: "p-" + passage.iri.split("#").pop() },
          el("div", { class: "where" }, passage.position !== null ? `¶ ${passage.position}` : "", passage.speaker ? " · " + passage.speaker.label : ""),
          el("div", {}, markedText(passage, mentions, passage.iri === passageIri ? quoted : null)))));
      const marks = article.querySelectorAll("mark.mention").length;
      article.dataset.mentionCount = marks;
      explorer.document = { iri, passages: passages.length, mentions: marks };
      const target = article.querySelector(".passage.target");
      if (target) target.scrollIntoView({ block: "center" });
    });
  }
  function openMark(event) {
    const mark = event.target.closest("mark.mention");
    if (mark && (event.type === "click" || event.key === "Enter" || event.key === " ")) { event.preventDefault(); openEntity(mark.dataset.iri); }
  }
  $("document").addEventListener("click", openMark);
  $("document").addEventListener("keydown", openMark);

  // -- the cookbook ---------------------------------------------------------------------------------
  const cookbook = JSON.parse($("cookbook-queries").textContent);
  fill($("cookbook"), ...cookbook.map((entry) => el("li", {},
    el("a", { href: "/graphql?" + new URLSearchParams({ q: entry.query }).toString(), "data-name": entry.name, text: entry.title.replace(/^\d+\.\s*/, "") }))));

  // -- views and addresses --------------------------------------------------------------------------
  function showView(name, load = true) {
    document.querySelectorAll("section.view").forEach((section) => { section.hidden = section.id !== "view-" + name; });
    document.querySelectorAll("nav [data-view]").forEach((b) => b.setAttribute("aria-pressed", b.dataset.view === name ? "true" : "false"));
    explorer.view = name;
    if (name === "graph") cy.resize();
    if (name === "path") pathCy.resize();
    if (load && name === "themes") guarded("Loading themes", showThemes);
    if (load && name === "documents") guarded("Loading documents", showDocuments);
  }
  document.querySelectorAll("nav [data-view]").forEach((button) => button.addEventListener("click", () => {
    history.replaceState(null, "", "#view=" + button.dataset.view);
    showView(button.dataset.view);
  }));

  function route() {
    const parameters = new URLSearchParams(location.hash.slice(1));
    const view = parameters.get("view") || "graph";
    if (view === "graph" && parameters.get("entity")) return openEntity(parameters.get("entity"));
    if (view === "themes" && parameters.get("theme")) return openTheme(parameters.get("theme"));
    if (view === "documents" && parameters.get("document")) {
      const start = parameters.get("start");
      return openDocument(parameters.get("document"), parameters.get("passage"),
        start !== null ? { start: Number(start), end: Number(parameters.get("end")) } : null);
    }
    if (view === "path" && parameters.get("from") && parameters.get("to")) {
      showView("path");
      return guarded("Finding the shortest path", () => findPath(parameters.get("from"), parameters.get("to")));
    }
    showView(view);
  }
  window.addEventListener("hashchange", route);

  combobox($("search"), $("search-options"), (node) => openEntity(node.iri));
  combobox($("path-from"), $("path-from-options"), () => {});
  combobox($("path-to"), $("path-to-options"), () => {});
  Object.assign(explorer, { openEntity, expand, findPath, openTheme, openDocument, ready: true });
  route();
})();

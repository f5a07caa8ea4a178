// graphql-js reference server for bench/http_bench.py --node.
// Same SDL as our server (schema.graphql at the repository root) and plain resolvers over a JSON
// dump of the same graph (entities in label order, each with its statements in our server's order
// and their evidence),
// served by graphql-http on node:http: the stock graphql-js stack, no parse/validation cache.
// Resolves what the benchmark's queries ask of entities and statements; fields without a value in
// the dump resolve to null. Usage: PORT=… SDL=schema.graphql DATA=dump.json node node_server.mjs
import { readFileSync } from "node:fs";
import http from "node:http";
import { buildSchema } from "graphql";
import { createHandler } from "graphql-http/lib/use/http";

const schema = buildSchema(readFileSync(process.env.SDL, "utf8"));
const dump = JSON.parse(readFileSync(process.env.DATA, "utf8"));
const PAGE_CAP = 100, DEFAULT_PAGE = 20;

const cursorOf = (key) => Buffer.from(JSON.stringify(key)).toString("base64url");

// One page of a list already in order, as a Relay connection (first/after only, as the queries use).
function paginate(items, keyOf, args) {
  const first = args.first ?? DEFAULT_PAGE;
  if (first < 0 || first > PAGE_CAP) throw new Error(`first: ${first} is above the page cap of ${PAGE_CAP}`);
  let start = 0;
  if (args.after) {
    const after = JSON.stringify(JSON.parse(Buffer.from(args.after, "base64url").toString()));
    start = items.findIndex((item) => JSON.stringify(keyOf(item)) === after) + 1;
  }
  const page = items.slice(start, start + first);
  const edges = page.map((item) => ({ node: item, cursor: () => cursorOf(keyOf(item)), score: null }));
  return {
    edges, nodes: page, totalCount: items.length,
    pageInfo: {
      hasNextPage: start + first < items.length, hasPreviousPage: start > 0,
      startCursor: edges.length ? edges[0].cursor() : null, endCursor: edges.length ? edges.at(-1).cursor() : null,
    },
  };
}

const byIri = new Map();
class Evidence {
  constructor(e) { Object.assign(this, e); }
  document() { return this.documentIri ? byIri.get(this.documentIri) ?? null : null; }
}
class Statement {
  constructor({ evidence = [], ...rest }) { Object.assign(this, rest); this.evidenceList = evidence.map((e) => new Evidence(e)); }
  object() { return this.objectIsNode ? byIri.get(this.objectIri) ?? null : null; }
  subject() { return byIri.get(this.subjectIri) ?? null; }
  evidence() { return this.evidenceList; }
}
const statementKey = (s) => [s.predicate, s.subjectIri, s.objectIri, s.graph, s.statementId];
class Entity {
  constructor(e) { Object.assign(this, e); this.statements = e.statements.map((s) => new Statement(s)); }
  relations(args) { return paginate(this.statements, statementKey, args); }
}
const entities = dump.entities.map((e) => new Entity(e));
for (const e of entities) byIri.set(e.iri, e);
const entityKey = (e) => [e.label.toLowerCase(), e.iri];

const rootValue = {
  entity: ({ iri }) => byIri.get(iri) ?? null,
  entities: (args) => paginate(entities, entityKey, args),
};

const handler = createHandler({ schema, rootValue });
http.createServer((req, res) => {
  if (req.url.startsWith("/graphql")) return handler(req, res);
  res.writeHead(404).end();
}).listen(Number(process.env.PORT), "127.0.0.1");

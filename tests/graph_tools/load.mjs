// Load one of our exports into a real graph library, as its users would, and report what it made
// of it: node load.mjs cytoscape|graphology FILE. Everything the library prints through
// console.warn or console.error is collected, so that a test can require there be none.
import { readFileSync } from "node:fs";
import cytoscape from "cytoscape";
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";

const [format, file] = process.argv.slice(2);
const warnings = [];
console.warn = (...args) => warnings.push(args.map(String).join(" "));
console.error = (...args) => warnings.push(args.map(String).join(" "));
const data = JSON.parse(readFileSync(file, "utf8"));
let result;
if (format === "cytoscape") {
  // As Cytoscape.js's own documentation loads elements JSON; headless, as in Node.
  const cy = cytoscape({ headless: true, styleEnabled: true, elements: data.elements });
  const positioned = cy.nodes().filter((n) => Number.isFinite(n.position("x")) && Number.isFinite(n.position("y")));
  result = {
    nodes: cy.nodes().length, edges: cy.edges().length, positioned: positioned.length,
    dangling: cy.edges().filter((e) => e.source().empty() || e.target().empty()).length,
    first: cy.nodes().length ? cy.nodes()[0].data() : null,
  };
} else if (format === "graphology") {
  const graph = Graph.from(data);
  // The layout sigma.js users run in the browser, on the positions we precomputed.
  forceAtlas2.assign(graph, { iterations: 20, settings: forceAtlas2.inferSettings(graph) });
  let finite = 0;
  graph.forEachNode((_, a) => { if (Number.isFinite(a.x) && Number.isFinite(a.y)) finite += 1; });
  result = {
    nodes: graph.order, edges: graph.size, type: graph.type, multi: graph.multi, finite,
    first: graph.order ? graph.getNodeAttributes(graph.nodes()[0]) : null,
  };
} else {
  throw new Error(`unknown format ${format}`);
}
result.warnings = warnings;
// Cytoscape.js keeps timers running in Node, so the process is ended once the answer is written.
process.stdout.write(JSON.stringify(result), () => process.exit(0));

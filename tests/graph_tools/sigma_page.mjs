// Bundled by esbuild (npm run build) into dist/sigma_page.js, which a page in headless Chromium
// loads: it imports one of our graphology exports and draws it with sigma.js's WebGL renderer.
import Graph from "graphology";
import Sigma from "sigma";

window.renderGraphology = (data, container) => {
  const graph = Graph.from(data);
  const renderer = new Sigma(graph, container);
  renderer.refresh();
  const first = graph.nodes()[0];
  return { nodes: graph.order, edges: graph.size, drawn: first ? renderer.getNodeDisplayData(first) != null : false };
};

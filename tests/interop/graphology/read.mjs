// Reads a GEXF or GraphML export with Gephi Lite's own parsers (graphology-gexf,
// graphology-graphml) and prints, as JSON, what each node carries: position, size, colour.
//
// Usage: node read.mjs gexf|graphml FILE
// Output: {"order": n, "size": m, "nodes": {id: {"x": .., "y": .., "size": .., "color": ..}}}
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const Graph = require("graphology");
const gexf = require("graphology-gexf");
const graphml = require("graphology-graphml");

const [format, path] = process.argv.slice(2);
if (!["gexf", "graphml"].includes(format) || !path) {
  console.error("usage: node read.mjs gexf|graphml FILE");
  process.exit(2);
}
const text = readFileSync(path, "utf8");
const parser = format === "gexf" ? gexf : graphml;
const graph = parser.parse(Graph.MultiGraph, text);
const nodes = {};
graph.forEachNode((id, a) => {
  const color = a.color ?? (a.r !== undefined ? `rgb(${a.r},${a.g},${a.b})` : undefined);
  nodes[id] = { x: a.x, y: a.y, size: a.size, color };
});
console.log(JSON.stringify({ order: graph.order, size: graph.size, nodes }));

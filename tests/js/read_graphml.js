// Parse a GraphML file with graphology + graphology-graphml (readers graphx did not write)
// and print what they found as JSON: counts, node and edge attributes keyed by id.
// Usage: node read_graphml.js FILE.graphml
'use strict';
const fs = require('fs');
const {MultiDirectedGraph} = require('graphology');
const {parse} = require('graphology-graphml');

const xml = fs.readFileSync(process.argv[2], 'utf8');
const graph = parse(MultiDirectedGraph, xml);
const nodes = {};
graph.forEachNode((id, attrs) => { nodes[id] = attrs; });
const edges = {};
graph.forEachEdge((id, attrs, source, target) => { edges[id] = {source, target, attrs}; });
process.stdout.write(JSON.stringify({
  type: graph.type, multi: graph.multi, order: graph.order, size: graph.size, nodes, edges,
}));

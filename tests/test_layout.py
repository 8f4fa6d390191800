"""The page's precomputed layout (graphx/export/layout.py): deterministic, and the same floats as the
plain forms of its two steps that were rewritten for speed (issue 17), so a page's bytes did not
change with them."""

import random

import networkx as nx
import numpy as np
import pytest

from graphx.export import layout
from graphx.export.layout import sampled_spring_layout


def _actors_graph():
    """Named nodes added out of sorted order, edges both ways, parallel edges and loops, as a build's."""
    r = random.Random(4)
    names = [f"actor_{i:03d}" for i in range(300)]
    r.shuffle(names)
    G = nx.MultiDiGraph()
    G.add_nodes_from(names)
    for _ in range(500):
        u, v = r.choice(names), r.choice(names)
        G.add_edge(u, v, key=r.choice(["contacted", "refused", "mediated", "fled-to"]))
    return G


GRAPHS = [nx.path_graph(2), nx.gnm_random_graph(57, 80, seed=1), nx.barabasi_albert_graph(400, 2, seed=2),
          nx.MultiDiGraph(nx.gnm_random_graph(1500, 1200, seed=3, directed=True)),  # most alone, as in an archive
          _actors_graph()]
IDS = ["2", "57", "400", "1500", "actors"]


def _plain_repulsion(pos, idx, k):
    """The repulsion as first written: every node against the sample in one (n, s, 2) array."""
    delta = pos[:, None, :] - pos[idx][None, :, :]
    dist2 = np.maximum((delta ** 2).sum(axis=2), 1e-6)
    return (delta * (k * k / dist2)[:, :, None]).sum(axis=1)


@pytest.mark.parametrize("G", GRAPHS, ids=IDS)
def test_the_layout_is_its_plain_repulsion_to_the_last_digit(G, monkeypatch):
    kw = {"iterations": 40} if len(G) > 1000 else {}
    fast = sampled_spring_layout(G, **kw)
    monkeypatch.setattr(layout, "_repulsion", _plain_repulsion)
    assert fast == sampled_spring_layout(G, **kw)


@pytest.mark.parametrize("G", GRAPHS, ids=IDS)
def test_neighbour_pairs_are_the_undirected_views_edges(G):
    index = {v: i for i, v in enumerate(sorted(G.nodes, key=str))}
    view = sorted({(index[u], index[v]) for u, v in G.to_undirected(as_view=True).edges() if u != v})
    assert layout._neighbour_pairs(G, index) == view


def test_the_layout_is_deterministic_and_pulls_neighbours_together():
    G = nx.connected_caveman_graph(8, 6)
    pos = sampled_spring_layout(G)
    assert pos == sampled_spring_layout(G.copy())
    xy = {v: np.array(p) for v, p in pos.items()}
    near = np.mean([np.linalg.norm(xy[u] - xy[v]) for u, v in G.edges()])
    far = np.mean([np.linalg.norm(xy[u] - xy[v]) for u in G for v in G if u < v and not G.has_edge(u, v)])
    assert near < far / 2

"""The page's precomputed layout (graphx/export/layout.py): deterministic, and the same floats as the
plain (n, s, 2) form of its repulsion step that it replaced for speed (issue 17), so a page's bytes
did not change with it."""

import networkx as nx
import numpy as np
import pytest

from graphx.export.layout import sampled_spring_layout


def _plain(G, *, iterations=100, sample=100, seed=0):
    """The layout as first written: every node against the sample in one (n, s, 2) array."""
    nodes = sorted(G.nodes, key=str)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    pairs = sorted({(index[u], index[v]) for u, v in G.to_undirected(as_view=True).edges() if u != v})
    edges = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    pos = rng.uniform(-1.0, 1.0, size=(n, 2))
    k = np.sqrt(4.0 / n)
    s = min(sample, n)
    for step in range(iterations):
        temp = 0.2 * (1.0 - step / iterations) + 1e-4
        idx = rng.choice(n, size=s, replace=False)
        delta = pos[:, None, :] - pos[idx][None, :, :]
        dist2 = np.maximum((delta ** 2).sum(axis=2), 1e-6)
        disp = (delta * (k * k / dist2)[:, :, None]).sum(axis=1) * (n / s)
        if len(edges):
            d = pos[edges[:, 0]] - pos[edges[:, 1]]
            dist = np.sqrt(np.maximum((d ** 2).sum(axis=1), 1e-9))
            f = d * (dist / k)[:, None]
            np.add.at(disp, edges[:, 0], -f)
            np.add.at(disp, edges[:, 1], f)
        disp -= pos * (0.05 * n * k)
        length = np.sqrt(np.maximum((disp ** 2).sum(axis=1), 1e-12))
        pos += disp * (np.minimum(length, temp) / length)[:, None]
    pos -= pos.mean(axis=0)
    pos *= 40.0 * np.sqrt(n) / (np.abs(pos).max() or 1.0)
    return {v: (round(float(x), 1), round(float(y), 1)) for v, (x, y) in zip(nodes, pos)}


def _actors_graph():
    """Named nodes added out of sorted order, edges both ways, parallel edges and loops, as a build's."""
    import random

    r = random.Random(4)
    names = [f"actor_{i:03d}" for i in range(300)]
    r.shuffle(names)
    G = nx.MultiDiGraph()
    G.add_nodes_from(names)
    for _ in range(500):
        u, v = r.choice(names), r.choice(names)
        G.add_edge(u, v, key=r.choice(["contacted", "refused", "mediated", "fled-to"]))
    return G


@pytest.mark.parametrize("G", [
    nx.path_graph(2), nx.gnm_random_graph(57, 80, seed=1), nx.barabasi_albert_graph(400, 2, seed=2),
    nx.MultiDiGraph(nx.gnm_random_graph(1500, 1200, seed=3, directed=True)),  # most nodes alone, as in an archive
    _actors_graph(),
], ids=["2", "57", "400", "1500", "actors"])
def test_the_layout_is_the_plain_form_to_the_last_digit(G):
    kw = {"iterations": 40} if len(G) > 1000 else {}
    assert sampled_spring_layout(G, **kw) == _plain(G, **kw)


def test_the_layout_is_deterministic_and_pulls_neighbours_together():
    G = nx.connected_caveman_graph(8, 6)
    pos = sampled_spring_layout(G)
    assert pos == sampled_spring_layout(G.copy())
    xy = {v: np.array(p) for v, p in pos.items()}
    near = np.mean([np.linalg.norm(xy[u] - xy[v]) for u, v in G.edges()])
    far = np.mean([np.linalg.norm(xy[u] - xy[v]) for u in G for v in G if u < v and not G.has_edge(u, v)])
    assert near < far / 2

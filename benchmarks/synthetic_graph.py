"""A deterministic synthetic actor graph of any size, for the page benchmark and tests.

Actors come in communities (a crisis has camps), degrees are skewed (a few
hubs), every edge carries 1-4 citations with dates, outlets and offsets that
slice their own sentence, like a real build.
"""

from __future__ import annotations

import random

from graphx.graph import build_graph
from graphx.lexicon import load_lexicon
from graphx.records import Actor, Evidence

KINDS = ["person"] * 6 + ["state", "organisation", "armed_group", "place"]
TYPES = ["contacted"] * 5 + ["mediated", "refused", "fled-to"]
OUTLETS = ["Reuters", "AP", "AFP", "Al Jazeera", "BBC", "Asharq Al-Awsat", "TASS", "Anadolu"]


def synthetic_graph(n_nodes: int = 2000, n_edges: int = 6000, seed: int = 0, communities: int = 20):
    rng = random.Random(seed)
    actors = [Actor(id=f"a{i:05d}", label=f"Actor {i}", kind=rng.choice(KINDS),
                    aliases=(f"Actor {i}", f"A{i}"), discovered=rng.random() < 0.1)
              for i in range(n_nodes)]
    group = [i % communities for i in range(n_nodes)]
    members = [[i for i in range(n_nodes) if group[i] == g] for g in range(communities)]
    # preferential weights: a few hubs
    weight = [1.0 / (1 + (i // communities)) ** 0.7 for i in range(n_nodes)]
    seen, evidence = set(), []
    while len(seen) < n_edges:
        s = rng.choices(range(n_nodes), weights=weight)[0]
        pool = members[group[s]] if rng.random() < 0.85 else range(n_nodes)
        t = rng.choice(pool)
        rel = rng.choice(TYPES)
        if s == t or (s, t, rel) in seen:
            continue
        seen.add((s, t, rel))
        for c in range(rng.randint(1, 4)):
            a, b = actors[s].label, actors[t].label
            text = f"{a} {rel.replace('-', ' ')} {b} on day {c}."
            start = rng.randint(0, 50_000)
            day = 1 + rng.randint(0, 30)
            evidence.append(Evidence(
                source=actors[s].id, relation=rel, target=actors[t].id, doc=f"doc{rng.randint(0, 9999):05d}.txt",
                start=start, end=start + len(text), text=text, trigger=rel, trigger_start=start + len(a) + 1,
                trigger_end=start + len(a) + 1 + len(rel), rule="synthetic", source_text=a,
                source_start=start, source_end=start + len(a), target_text=b,
                target_start=start + len(a) + len(rel) + 2, target_end=start + len(a) + len(rel) + 2 + len(b),
                asserted=rng.random() > 0.1, hedged=rng.random() < 0.2,
                date=f"2024-{11 + (day > 30):02d}-{(day - 1) % 30 + 1:02d}", outlet=rng.choice(OUTLETS)))
    lex = load_lexicon()
    G = build_graph(actors, evidence, relations=lex.relations)
    G.graph["relations"] = {name: {"color": r.color, "cameo": r.cameo, "plover": r.plover,
                                   "description": r.description} for name, r in lex.relations.items()}
    return G

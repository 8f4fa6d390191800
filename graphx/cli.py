"""The ``graphx`` command: a thin click skin over the library.

Each command parses options, calls one library function and turns
:class:`~graphx.errors.GraphxError` into a one-line message. Exit codes:
0 success; 1 error (nothing written); 2 bad usage; 3 built, but some input
files were skipped (listed with the reason).
"""

from __future__ import annotations

import sys
from collections import Counter

import click

EXIT_SKIPPED = 3
DEFAULT_GRAPH = "output/graph.json"


def _fail(exc) -> click.ClickException:
    return click.ClickException(str(exc))


def graph_option(f):
    return click.option("--graph", "-g", "graph_path", default=DEFAULT_GRAPH, show_default=True,
                        type=click.Path(dir_okay=False), help="A graph written by `graphx build` (.json or .graphml).")(f)


def _load(graph_path):
    from .errors import GraphxError
    from .query import load

    try:
        return load(graph_path)
    except GraphxError as exc:
        raise _fail(exc) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="graphx")
def main():
    """Turn news reports into a cited actor graph: who contacted, refused,
    mediated for, or fled to whom, each edge with the sentences that say so.

    \b
    Example:
      graphx build                     # the reports in seeds/ -> output/
      graphx path Assad Erdogan        # how two actors are linked, with quotes
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-o", "--output", "outdir", default="output", show_default=True, type=click.Path(file_okay=False),
              help="Folder for graph.json, graph.graphml and graph.html.")
@click.option("--aliases", multiple=True, type=click.Path(dir_okay=False),
              help="Alias table (TOML) read on top of the shipped one; repeatable.")
@click.option("--lexicon", type=click.Path(dir_okay=False), help="Cue lexicon (TOML) replacing the shipped one.")
@click.option("--model", help="Installed trained spaCy pipeline (name or path) whose NER adds actors.")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1),
              help="Processes extracting in parallel (same output as 1).")
@click.option("--no-cache", is_flag=True,
              help="Extract every report again and do not touch the output folder's cache.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run extraction as Dask tasks on this scheduler ('local': a LocalCluster here with "
                   "--jobs worker processes, one per CPU if --jobs is 1). Needs pip install 'graphx[dask]'.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary.")
def build(paths, outdir, aliases, lexicon, model, jobs, no_cache, scheduler, quiet):
    """Build the graph from report files and folders (default: seeds/).

    Reads .txt and .md files (folders recursively), finds actors with the alias
    table (and a trained model's NER with --model), extracts typed edges with
    their citations, and writes graph.json, graph.graphml and graph.html.

    \b
    Examples:
      graphx build
      graphx build reports/ extra.txt -o out/
      graphx build --aliases my_actors.toml --model en_core_web_sm
      graphx build archive/ -o out/ --jobs 2          # only changed reports are re-read
      graphx build archive/ --scheduler tcp://10.0.0.5:8786
    Exit status: 0 ok, 1 error, 2 bad usage, 3 built but some files skipped.
    """
    from .builder import BuildReport
    from .builder import build as run_build
    from .cache import cache_path
    from .errors import GraphxError
    from .export import write_all

    paths = list(paths) or ["seeds"]
    report = BuildReport()
    bar = None

    def progress(done, total, doc_id):
        nonlocal bar
        if quiet:
            return
        if bar is None:
            bar = click.progressbar(length=total, label="Reading reports", file=sys.stderr,
                                    show_pos=True, item_show_func=lambda x: x)
            bar.__enter__()
        bar.update(1, doc_id)

    try:
        G = run_build(paths, aliases=list(aliases), model=model, lexicon=lexicon, progress=progress,
                      report=report, cache=None if no_cache else cache_path(outdir), jobs=jobs,
                      scheduler=scheduler)
        written = write_all(G, outdir)
    except GraphxError as exc:
        raise _fail(exc) from None
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    for w in report.warnings:
        click.echo(f"warning: {w}", err=True)
    if not quiet:
        _summary(G, report, written)
    for s in report.skipped:
        click.echo(f"skipped: {s.path}: {s.reason}", err=True)
    if report.skipped:
        sys.exit(EXIT_SKIPPED)


def _summary(G, report, written):
    types = Counter(k for _, _, k, d in G.edges(keys=True, data=True) if d.get("asserted"))
    unasserted = sum(1 for *_, d in G.edges(keys=True, data=True) if not d.get("asserted"))
    rate = report.tokens / report.seconds if report.seconds else 0
    click.echo(f"Read {len(report.documents)} document(s), {report.tokens:,} tokens in "
               f"{report.seconds:.2f}s ({rate:,.0f} tokens/s) with {report.model}"
               + (f"; {report.cached} from the cache." if report.cached else "."))
    click.echo(f"{G.number_of_nodes()} actors, {sum(types.values())} edges "
               + "(" + ", ".join(f"{k} {v}" for k, v in sorted(types.items())) + ")"
               + (f", plus {unasserted} negated or unconfirmed" if unasserted else "")
               + f", {report.evidence} citations.")
    if report.discovered:
        click.echo(f"Discovered {len(report.discovered)} actor(s) not in the alias table (review them, "
                   "then add them with --aliases):")
        for a in report.discovered:
            click.echo(f"  {a.label} ({a.kind})")
    for p in written:
        click.echo(f"Wrote {p}")


@main.command()
@click.argument("a")
@click.argument("b")
@graph_option
@click.option("--type", "types", multiple=True, help="Only edges of this type; repeatable.")
@click.option("--min-sources", default=1, show_default=True, type=click.IntRange(1),
              help="Only edges with at least this many asserted citations.")
@click.option("--max-hops", default=4, show_default=True, type=click.IntRange(1, 8))
@click.option("-n", "--limit", default=3, show_default=True, type=click.IntRange(1), help="How many paths.")
def path(a, b, graph_path, types, min_sources, max_hops, limit):
    """Show how actor A is linked to actor B, each hop with its quotes.

    A and B may be any alias ("Assad", "the Kremlin", "Khmeimim").

    \b
    Examples:
      graphx path Assad Erdogan
      graphx path Assad Moscow --type fled-to
    """
    from .errors import GraphxError
    from .query import actor, explain, paths

    G = _load(graph_path)
    try:
        found = paths(G, a, b, types=types or None, min_sources=min_sources, max_hops=max_hops, limit=limit)
        u, v = actor(G, a), actor(G, b)
    except GraphxError as exc:
        raise _fail(exc) from None
    if not found:
        click.echo(f"No path from {G.nodes[u]['label']} to {G.nodes[v]['label']} within {max_hops} hops.")
        sys.exit(1)
    for i, p in enumerate(found, 1):
        click.echo(f"Path {i} ({len(p)} hop(s)):")
        click.echo(explain(p, G))


@main.command()
@graph_option
@click.option("--kind", help="Only actors of this kind (person, state, place, ...).")
def actors(graph_path, kind):
    """List the actors in a built graph with their kind, mentions and edges.

    \b
    Example:
      graphx actors --kind person
    """
    G = _load(graph_path)
    rows = [(n, d) for n, d in G.nodes(data=True) if not kind or d.get("kind") == kind]
    if not rows:
        click.echo("No actors." if not kind else f"No actors of kind {kind!r}.")
        return
    rows.sort(key=lambda r: (-r[1].get("mentions", 0), r[0]))
    click.echo(f"{'actor':<32}{'kind':<13}{'mentions':>9}{'edges':>7}  id")
    for n, d in rows:
        flag = " (discovered)" if d.get("discovered") else ""
        click.echo(f"{d.get('label', n)[:31]:<32}{d.get('kind', ''):<13}{d.get('mentions', 0):>9}"
                   f"{G.degree(n):>7}  {n}{flag}")


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--implied", is_flag=True, help="Also score the edges gold marks as only implied.")
@click.option("--lang", multiple=True,
              help="Score only gold edges and evidence in this language (en, ar); repeatable.")
@click.option("--aliases", multiple=True, type=click.Path(dir_okay=False),
              help="Extra alias table (TOML) merged over the shipped one; repeatable.")
@click.option("--model", help="Installed trained spaCy pipeline (name or path).")
def eval_(gold, paths, implied, lang, aliases, model):
    """Score extraction against gold edges: precision, recall, F1 per type.

    GOLD is a TOML file of [[edge]] tables, one per (document, sentence, edge):

    \b
      [[edge]]
      doc = "002_report.txt"        # path relative to the input folder
      source = "Bashar al-Assad"    # any alias (or actor id); unknown names
      type = "contacted"            #   are matched to discovered actors
      target = "Buthaina Shaaban"
      sentence = "He called his media adviser, Buthaina Shaaban."
      explicit = true               # false: only implied
      lang = "en"                   # optional

    Precision counts a predicted edge right when the gold has it (plainly
    stated or implied); recall is over the plainly stated edges (--implied:
    all). False positives and misses are listed with their sentences.
    PATHS default to seeds/.

    \b
    Example:
      graphx eval tests/gold/seeds.toml seeds/ --lang en
    """
    from .actors import load_aliases
    from .builder import build as run_build
    from .errors import GraphxError
    from .evaluate import evaluate, format_table, load_gold

    try:
        table = load_aliases(*aliases)
        langs = list(lang) or None
        gold_edges = load_gold(gold, table, include_implied=implied, langs=langs)
        G = run_build(list(paths) or ["seeds"], aliases=list(aliases), model=model)
    except GraphxError as exc:
        raise _fail(exc) from None
    docs = {d["id"] for d in G.graph["documents"]}
    ev = evaluate(G, gold_edges, docs, langs=langs)
    click.echo(format_table(ev))
    click.echo(f"citations on a gold sentence: {ev.citations_on_target}/{ev.citations_total}")
    for title, rows in (("False positives", ev.false_positives), ("Missed", ev.misses)):
        if rows:
            click.echo(f"\n{title}:")
        for (doc, s, t, o), sents in rows:
            click.echo(f"  {s} -{t}-> {o}  [{doc}]\n    “{' '.join(sents[0].split())}”")


@main.group()
def cache():
    """The per-document extraction cache kept in an output folder.

    `graphx build` stores each report's extraction in <output>/.graphx-cache.sqlite
    and re-extracts only reports whose text changed (or everything, when the alias
    table, cue lexicon, model or graphx itself changed).

    \b
    Examples:
      graphx cache info -o out/
      graphx cache clear -o out/
    """


@cache.command("clear")
@click.option("-o", "--output", "outdir", default="output", show_default=True, type=click.Path(file_okay=False),
              help="The output folder whose cache to delete.")
def cache_clear(outdir):
    """Delete the cache: the next build extracts every report.

    \b
    Example:
      graphx cache clear -o out/
    """
    from .cache import cache_path, clear_cache

    if clear_cache(outdir):
        click.echo(f"Deleted {cache_path(outdir)}")
    else:
        click.echo(f"No cache in {outdir}")


@cache.command("info")
@click.option("-o", "--output", "outdir", default="output", show_default=True, type=click.Path(file_okay=False),
              help="The output folder whose cache to describe.")
def cache_info_cmd(outdir):
    """How many reports the cache holds and its size.

    \b
    Example:
      graphx cache info -o out/
    """
    from .cache import cache_info

    info = cache_info(outdir)
    if not info:
        click.echo(f"No cache in {outdir}")
        return
    for w in info["warnings"]:
        click.echo(f"warning: {w}", err=True)
    click.echo(f"{info['path']}: {info['documents']} report(s), {info['bytes']:,} bytes")


if __name__ == "__main__":  # pragma: no cover
    main()

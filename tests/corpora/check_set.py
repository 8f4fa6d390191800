"""Self-check for an evaluation set's gold (no graphx): evidence verbatim, ids in actors.tsv, tab-separated
columns, report headers well formed. ``python3 tests/corpora/check_set.py tests/corpora/fifth-crises``."""
import glob, os, sys, re


def main(here: str) -> int:
    HERE = os.path.abspath(here)
    docs = {}
    for p in glob.glob(os.path.join(HERE, "corpus", "*.txt")):
        docs[os.path.basename(p).split("_")[0]] = open(p, encoding="utf-8").read()
    ids, problems = set(), []
    for n, line in enumerate(open(os.path.join(HERE, "actors.tsv"), encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[1]:
            problems.append(f"actors.tsv:{n}: expected 2 tab-separated columns: {line!r}")
            continue
        if parts[1] != parts[1].lower():
            problems.append(f"actors.tsv:{n}: aliases not lower case")
        if parts[0] in ids:
            problems.append(f"actors.tsv:{n}: duplicate id {parts[0]}")
        ids.add(parts[0])
    counts = {}
    for n, line in enumerate(open(os.path.join(HERE, "gold.tsv"), encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line or line.startswith("#") or line.startswith("src\t"):
            continue
        parts = line.split("\t")
        if len(parts) != 7:
            problems.append(f"gold.tsv:{n}: {len(parts)} columns")
            continue
        src, typ, tgt, sym, req, doc, ev = parts
        if typ not in ("contacted", "refused", "mediated", "fled-to"):
            problems.append(f"gold.tsv:{n}: bad type {typ}")
        if sym not in "01" or req not in "01":
            problems.append(f"gold.tsv:{n}: bad sym/req")
        for a in src.split("|") + tgt.split("|"):
            if a not in ids:
                problems.append(f"gold.tsv:{n}: id {a!r} not in actors.tsv")
        if doc not in docs:
            problems.append(f"gold.tsv:{n}: no corpus file for {doc}")
            continue
        text = re.sub(r"\s+", " ", docs[doc]).lower()
        for frag in ev.split("|"):
            if re.sub(r"\s+", " ", frag).lower() not in text:
                problems.append(f"gold.tsv:{n}: evidence not in {doc}: {frag!r}")
        c = counts.setdefault(typ, [0, 0]); c[1] += 1; c[0] += req == "1"
    for t in ("contacted", "refused", "mediated", "fled-to"):
        r, a = counts.get(t, [0, 0]); print(f"{t:10s} req1 {r:3d}  all {a:3d}")
    print(f"{'total':10s} req1 {sum(c[0] for c in counts.values()):3d}  all {sum(c[1] for c in counts.values()):3d}")
    for d, t in docs.items():
        head = t.split("\n\n", 1)[0].split("\n")
        if not (head[0].startswith("Title: ") and head[1].startswith("Source: ") and head[2].startswith("URL: ") and re.match(r"Date: \d{4}-\d\d-\d\d$", head[3])):
            problems.append(f"{d}: bad header")
    print("\n".join(problems) or "OK: no problems")
    return 1 if problems else 0


if __name__ == "__main__":  # (pytest --doctest-modules imports this file: it must not run then)
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))

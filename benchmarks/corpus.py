"""A deterministic corpus of N realistic reports for the scale benchmark.

Reports have a header (title, source, date), 12-30 sentences mixing the kinds
graphx extracts (calls and meetings, refusals and denials, mediation, flights,
titled people the alias table lacks) with plain narrative, and about one in
eight is partly in Arabic. Actors come from the shipped alias table plus
invented names behind titles (discovered actors), so the graph grows with N.

    python benchmarks/corpus.py OUTDIR N [SEED]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from graphx.actors import load_aliases

FIRST = ["Karim", "Samir", "Leila", "Omar", "Nadia", "Yusuf", "Rania", "Tariq", "Huda", "Fadi", "Mona",
         "Walid", "Salma", "Ziad", "Amal", "Bilal", "Dana", "Hassan", "Ines", "Jamal"]
LAST = ["Haddad", "Nasser", "Khoury", "Mansour", "Saleh", "Darwish", "Rahman", "Bakri", "Aziz", "Farah",
        "Qasim", "Tamimi", "Halabi", "Shami", "Jaber", "Mahmoud", "Sabbagh", "Ayoub", "Karam", "Zein"]
TITLES = ["minister", "commander", "spokesman", "envoy", "ambassador", "general", "adviser"]
OUTLETS = ["Reuters", "AP", "AFP", "Al Jazeera", "BBC", "Asharq Al-Awsat", "TASS", "Anadolu", "Enab Baladi"]
PLACES = ["Moscow", "Doha", "Ankara", "Tehran", "Baghdad", "Amman", "Beirut", "Damascus", "Riyadh", "Abu Dhabi"]
DAYS = ["on Monday", "on Tuesday", "late on Wednesday", "on Thursday", "on Friday", "over the weekend",
        "earlier this week", "last month", "on 3 December", "on 7 December"]

CONTACT = [
    "{a} called {b} {day} to discuss the situation in northern Syria.",
    "{a} held talks with {b} in {place} {day}.",
    "{a} met {b} on the sidelines of the Doha Forum.",
    "In a phone call {day}, {a} and {b} discussed the ceasefire.",
    "{a} spoke by phone with {b}, the ministry said in a statement.",
    "{a} received {b} in {place}, according to state media.",
]
REFUSE = [
    "{a} refused to meet {b}, two sources familiar with the matter said.",
    "{a} rejected a request from {b} for military support.",
    "{a} declined to receive {b} {day}.",
]
MEDIATE = [
    "{a} mediated between {b} and {c} during the talks in {place}.",
    "{a} brokered a deal between {b} and {c}, officials said.",
]
FLEE = [
    "{p} fled to {place} {day} as the rebels advanced.",
    "{p} flew to {place} with his family, according to a former aide.",
]
DENY = [
    "{a} denied that it had contacted {b}.",
    "{a} did not call {b}, a spokesman said.",
]
FILLER = [
    "Fighting continued along the front lines north of Hama {day}.",
    "Prices of bread and fuel rose sharply in the capital as the currency fell.",
    "Thousands of people crossed the border in the days that followed, aid groups said.",
    "The statement gave no further details about the timing of the operation.",
    "Analysts said the speed of the advance had surprised many observers in the region.",
    "Residents reported heavy shelling and long queues outside bakeries.",
    "The United Nations called for the protection of civilians and of public institutions.",
    "Officials would not say how many troops remained at the bases on the coast.",
    "Satellite images showed damage to several buildings near the airport.",
    "It was not immediately possible to verify the reports independently.",
]
ARABIC = [
    "اتصل {a} ب{b} هاتفياً {day_ar}.",
    "وأكد مصدر مطلع أن {a} التقى {b} في {place_ar}.",
    "وقالت مصادر إن الوضع الميداني تغير بسرعة خلال الأيام الماضية.",
    "غادر {p} إلى موسكو بعد سقوط دمشق.",
]
ARABIC_PLACES = ["موسكو", "الدوحة", "أنقرة", "طهران", "بغداد"]
ARABIC_DAYS = ["يوم الأحد", "يوم الاثنين", "أمس", "الأسبوع الماضي"]


def _pools(table):
    people = sorted(a.id for a in table.actors.values() if a.kind == "person")
    parties = sorted(a.id for a in table.actors.values() if a.kind in ("person", "state", "organisation",
                                                                       "armed_group"))
    arabic = {a.id: [x for x in a.aliases if any("\u0600" <= c <= "\u06ff" for c in x)]
              for a in table.actors.values()}
    return people, parties, {k: v for k, v in arabic.items() if v}


def make_report(rng: random.Random, table, pools, n: int) -> str:
    people, parties, arabic = pools
    def name(aid):  # English sentences name actors in Latin script
        actor = table.actors[aid]
        return rng.choice([actor.label] + [x for x in actor.aliases[:4] if x.isascii()])

    invented = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(3)]

    def party():
        if rng.random() < 0.15:
            return f"{rng.choice(TITLES).capitalize()} {rng.choice(invented)}"
        return name(rng.choice(parties))

    lines = [f"Title: Report {n}: talks, refusals and flights", f"Source: {rng.choice(OUTLETS)}",
             f"Date: 2024-12-{1 + n % 28:02d}", ""]
    sentences = []
    for _ in range(rng.randint(12, 30)):
        kind = rng.choices(["contact", "refuse", "mediate", "flee", "deny", "filler"], [5, 2, 1, 1, 1, 7])[0]
        slots = {"a": party(), "b": party(), "c": party(), "p": name(rng.choice(people)),
                 "day": rng.choice(DAYS), "place": rng.choice(PLACES)}
        template = rng.choice({"contact": CONTACT, "refuse": REFUSE, "mediate": MEDIATE, "flee": FLEE,
                               "deny": DENY, "filler": FILLER}[kind])
        sentences.append(template.format(**slots))
    if rng.random() < 0.125:
        ids = sorted(arabic)
        for _ in range(rng.randint(2, 6)):
            a, b, p = (rng.choice(arabic[rng.choice(ids)]) for _ in range(3))
            sentences.append(rng.choice(ARABIC).format(a=a, b=b, p=p, day_ar=rng.choice(ARABIC_DAYS),
                                                       place_ar=rng.choice(ARABIC_PLACES)))
    # paragraphs of 2-5 sentences
    body, i = [], 0
    while i < len(sentences):
        k = rng.randint(2, 5)
        body.append(" ".join(sentences[i:i + k]))
        i += k
    return "\n".join(lines) + "\n" + "\n\n".join(body) + "\n"


def generate(outdir, n: int, seed: int = 0) -> list[Path]:
    """Write reports ``r000000.txt``.. into ``outdir``; report i is the same for any N > i."""
    table = load_aliases()
    pools = _pools(table)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        rng = random.Random(f"{seed}:{i}")
        p = outdir / f"r{i:06d}.txt"
        p.write_text(make_report(rng, table, pools, i), encoding="utf-8")
        paths.append(p)
    return paths


if __name__ == "__main__":
    generate(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 0)

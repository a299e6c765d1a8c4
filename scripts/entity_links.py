"""Draw, and score, the hand-judged sample of the archive's entity links (tests/data/entity_links.jsonl).

    python scripts/entity_links.py draw ANT.db > sample.jsonl     # then judge each row by hand ("gold")
    python scripts/entity_links.py score ANT.db tests/data/entity_links.jsonl

The unit is one article's entity (a row of ``doc_entities``) whose name could be another archive entity's:
a shorter form of a longer name ("ترامب" / "دونالد ترامب", any words in order), a spelling with the same
skeleton ("دونالد ترمب"), or the same name under another label. Candidates are found by the shape of the
names alone, not by the resolver, so that the rows it did not link measure its recall. Three strata, drawn
with a fixed seed from an archive of all of ANT: rows the resolver linked to another name (``linked``),
rows it kept under their own name though candidates exist (``kept``), rows whose label differs from their
entity's (``label``). Each row keeps the article id, the name, a stretch of text around its first mention,
the candidates and the resolver's choice when drawn. Judged by reading the text: ``same`` lists the
candidates (and any other identity, such as the commoner name of the same body) that are the same real-world
entity as the row; ``own_same`` (label stratum) says whether the row is the entity most articles mean by its
name at all.

Scores are pairwise: for each row and each of its candidates, "merged" when the archive puts them in one
entity, "same" when the judge does; precision = merged and same / merged, recall = merged and same / same,
each stratum's pairs weighed by its share of all rows.
"""

from __future__ import annotations

import json
import random
import sqlite3
import sys
from collections import defaultdict

from khabar.store.names import name_identity
from khabar.store.variants import skeleton

SEED = 21
SIZES = {"linked": 80, "kept": 80, "label": 20}
MIN_DOCUMENTS = 3
CONTEXT_CHARS = 110


def _identities(conn: sqlite3.Connection) -> tuple[dict[str, tuple[int, str]], dict[str, list[str]], dict[tuple[str, ...], list[str]]]:
    """Name identities with 3+ articles: identity -> (articles, key); key -> identities of longer names
    holding its words in order; skeleton -> identities."""
    counts: dict[str, tuple[int, str]] = {}
    for key, documents in conn.execute("SELECT key, count(DISTINCT document) FROM doc_entities GROUP BY key"):
        if documents >= MIN_DOCUMENTS:
            counts[name_identity(key)] = (documents, key)
    longer: dict[str, list[str]] = defaultdict(list)
    shapes: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for identity, (_, key) in counts.items():
        words = key.split()
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                if (i, j) != (0, len(words)):
                    longer[" ".join(words[i:j])].append(identity)
        if len(words) >= 2:
            shapes[skeleton(key)].append(identity)
    return counts, longer, shapes


def _candidates(key: str, counts: dict[str, tuple[int, str]], longer: dict[str, list[str]],
                shapes: dict[tuple[str, ...], list[str]]) -> list[str]:
    own = name_identity(key)
    found = set(longer.get(key, ())) | {i for i in shapes.get(skeleton(key), ()) if i != own}
    return sorted(found, key=lambda identity: -counts[identity][0])[:4]


def _context(text: str, name: str) -> str:
    at = max(text.find(name), 0)
    return text[max(0, at - CONTEXT_CHARS) : at + len(name) + CONTEXT_CHARS].replace("\n", " ")


def draw(db: str) -> None:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    counts, longer, shapes = _identities(conn)
    rows = conn.execute(
        "SELECT d.document, d.local_id, d.label, d.name, d.key, e.identity, e.label, e.name "
        "FROM doc_entities d JOIN entities e ON e.rowid = d.entity ORDER BY d.document, d.local_id"
    ).fetchall()
    strata: dict[str, list[tuple]] = defaultdict(list)
    for row in rows:
        document, local_id, label, name, key, identity, entity_label, entity_name = row
        candidates = _candidates(key, counts, longer, shapes)
        own = name_identity(key)
        if identity.startswith("name:") and identity != own:
            strata["linked"].append((row, candidates))
        elif candidates and identity == own:
            strata["kept"].append((row, candidates))
        elif label != entity_label and identity == own:
            strata["label"].append((row, candidates))
    chooser = random.Random(SEED)
    print(json.dumps({"strata": {name: len(found) for name, found in strata.items()}, "seed": SEED}, ensure_ascii=False),
          file=sys.stderr)
    for stratum, size in SIZES.items():
        for row, candidates in chooser.sample(strata[stratum], min(size, len(strata[stratum]))):
            document, local_id, label, name, key, identity, entity_label, entity_name = row
            doc_id, text = conn.execute("SELECT id, text FROM documents WHERE rowid = ?", (document,)).fetchone()
            print(json.dumps({
                "stratum": stratum, "stratum_rows": len(strata[stratum]), "document": doc_id, "key": key,
                "label": label, "name": name, "context": _context(text, name),
                "candidates": {c: counts[c][1] for c in candidates}, "resolver": identity,
                "resolver_name": entity_name, "same": [], "own_same": True,
            }, ensure_ascii=False))


def score(db: str, sample: str) -> None:
    """Pairwise precision and recall of the archive's merges on the judged rows (see the module docstring)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    with open(sample, encoding="utf-8") as lines:
        judged = [json.loads(line) for line in lines if line.strip()]
    totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for item in judged:
        found = conn.execute(
            "SELECT d.entity FROM doc_entities d JOIN documents doc ON doc.rowid = d.document "
            "WHERE doc.id = ? AND d.key = ? ORDER BY d.local_id LIMIT 1", (item["document"], item["key"]),
        ).fetchone()
        stats = totals[item["stratum"]]
        stats["rows"] += 1
        stats["weight"] = item["stratum_rows"]
        if found is None:  # the article no longer has this entity (another model tagged it otherwise)
            stats["missing"] += 1
            continue
        pairs = [(other, other in item["same"]) for other in dict.fromkeys([*item["candidates"], *item["same"]])]
        if item["stratum"] == "label":
            pairs.append((name_identity(item["key"]), item["own_same"]))
        for other, same in pairs:
            merged = _entity(conn, other) == found[0]
            stats["merged"] += merged
            stats["right"] += merged and same
            stats["same"] += same
    _report(totals)


def _entity(conn: sqlite3.Connection, identity: str) -> int | None:
    """The archive entity an identity's articles are in now (following merges)."""
    row = conn.execute("SELECT rowid, merged_into FROM entities WHERE identity = ?", (identity,)).fetchone()
    while row is not None and row[1] is not None:
        row = conn.execute("SELECT rowid, merged_into FROM entities WHERE rowid = ?", (row[1],)).fetchone()
    return row[0] if row else None


def _report(totals: dict[str, dict[str, float]]) -> None:
    merged = right = same = 0.0
    for stratum, stats in sorted(totals.items()):
        scale = stats["weight"] / stats["rows"]
        print(f"{stratum}: {stats['rows']:.0f} rows judged of {stats['weight']:.0f} ({stats['missing']:.0f} no longer found); "
              f"pairs merged {stats['merged']:.0f}, rightly {stats['right']:.0f}; pairs that are one entity {stats['same']:.0f}; "
              f"P {stats['right'] / max(stats['merged'], 1):.3f} R {stats['right'] / max(stats['same'], 1):.3f}")
        merged, right, same = merged + stats["merged"] * scale, right + stats["right"] * scale, same + stats["same"] * scale
    print(f"merges, pairwise, strata weighed by size: precision {right / merged if merged else 0:.3f}, "
          f"recall {right / same if same else 0:.3f}")


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("draw", "score"):
        sys.exit(__doc__)
    draw(sys.argv[2]) if sys.argv[1] == "draw" else score(sys.argv[2], sys.argv[3])

"""One organisation under the names articles give it: "وكالة رويترز" and "رويترز", "حزب الله اللبناني" and
"حزب الله", "مانشستر يونايتد الإنجليزي" and "مانشستر يونايتد".

A word that only says what kind of body follows (``DESIGNATORS``: وكالة، حركة، نادي ...) and a nationality
adjective after the name (from the places stage's demonyms) leave the same organisation. But a name that
the archive's articles complete with the adjectives of several countries is a kind of body, not one:
"وزارة الخارجية الأمريكية" is not "وزارة الخارجية" (which the articles also make روسية، تركية ...), and
"المنتخب السعودي" is not "المنتخب". The group takes the name most articles use.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping

from khabar.stages.places.gazetteer import load_demonyms
from khabar.store.names import name_identity

# "تنظيم داعش" is "داعش", "حركة حماس" is "حماس": words that only say what kind of body follows.
DESIGNATORS = frozenset(
    "تنظيم حركه حزب جماعه منظمه ميليشيا ميليشيات مليشيا مليشيات شركه جمعيه مجموعه جبهه وكاله صحيفه جريده "
    "قناه مؤسسه موسسه نادي".split()
)
# ... and words after the name that only describe it: "وكالة الأناضول الرسمية"، "وكالة رويترز للأنباء".
DESCRIPTORS = frozenset("للانباء الرسميه الحكوميه".split())
MAX_COUNTRIES = 1  # a name completed with the adjectives of more countries than this is a kind of body


def shorter_names(words: list[str], demonyms: Mapping[str, str]) -> Iterator[tuple[str, str | None]]:
    """The names a body's name leaves without its designator or its nationality, with that country."""
    while len(words) > 2 and words[-1] in DESCRIPTORS:
        words = words[:-1]
        yield " ".join(words), None
    start = 1 if len(words) > 1 and words[0] in DESIGNATORS else 0
    country = demonyms.get(words[-1]) if len(words) - start > 1 else None
    if start:
        yield " ".join(words[start:]), None
    if country:
        yield " ".join(words[start:-1]), country
        if start:
            yield " ".join(words[:-1]), country


def organisation_heads(
    keys: Mapping[str, str], documents: Mapping[str, set[int]], refused: Iterable[tuple[str, str]] = ()
) -> dict[str, str]:
    """Organisation identity -> the identity of the name most articles give the same body.

    ``keys``: the organisations' identities and keys; ``documents``: each identity's articles;
    ``refused``: (key, identity) pairs people split apart.
    """
    demonyms = load_demonyms()
    pairs: list[tuple[str, str, str | None]] = []
    countries: dict[str, set[str]] = defaultdict(set)
    for identity, key in keys.items():
        for shorter, country in shorter_names(key.split(), demonyms):
            other = name_identity(shorter)
            if other in keys and other != identity:
                pairs.append((identity, other, country))
                if country:
                    countries[other].add(country)
    refused = set(refused)
    parent: dict[str, str] = {}

    def root(identity: str) -> str:
        while parent.get(identity, identity) != identity:
            identity = parent[identity]
        return identity

    for longer, shorter, country in pairs:
        if country and len(countries[shorter]) > MAX_COUNTRIES:
            continue
        if (keys[longer], shorter) in refused or (keys[shorter], longer) in refused:
            continue
        a, b = root(longer), root(shorter)
        if a != b:
            parent[a] = b
    groups: dict[str, list[str]] = defaultdict(list)
    for identity in {i for pair in pairs for i in pair[:2]}:
        groups[root(identity)].append(identity)
    heads: dict[str, str] = {}
    for members in groups.values():
        head = max(members, key=lambda identity: (len(documents.get(identity, ())), identity))
        heads.update({member: head for member in members if member != head})
    return heads

"""The quote finder's lexicons, loaded once from ``resources/quotes/`` (data, not code).

``cue_forms.tsv`` holds every person, gender and number of the reporting verbs in ``verbs.tsv`` (built
by ``khabar.training.quote_cues`` with counts from the ANT corpus), ``attributions.tsv`` the nominal
attributions (حسب، وفقا لـ، نقلا عن) and ``words.tsv`` the closed word classes (complementisers,
stop words, titles, unnamed sources ...). Every entry is normalised like the text's view, so matching
is one dictionary lookup on the normalised token.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from khabar.errors import ResourceError
from khabar.stages.entities.roles import load_titles
from khabar.stages.normalise import normalise_query
from khabar.stages.resources import Source, resource, resource_rows
from khabar.stages.trie import trie_pattern

RESOURCE_DIR = resource("quotes")
CONJUNCTIONS = ("و", "ف")
ARABIC_LETTERS = "\u0621-\u064a"  # the letters of the normalised view
OBJECT = "obj"  # in the np_preps column: the verb's object may be its content


class CueKind(StrEnum):
    """How a cue word reports speech."""

    PAST = "past"  # قال، أكدت: a finite verb
    PRESENT = "present"  # يقول، تؤكد
    PARTICIPLE = "participle"  # مضيفا، مشيرة: continues the clause's speaker
    MASDAR = "masdar"  # قوله، تأكيده: after "نقل X عن Y"


class Role(StrEnum):
    """Where a reporting verb finds its speaker."""

    SAY = "say"  # the subject speaks, also in quotation marks or after a colon
    THINK = "think"  # وجد، توقع، أظهر: content only after أن or a governed preposition
    WRITE = "write"  # كتب: a quotation after a colon, or after a writer or a medium ("كتب على ذراعه "..."" is a tattoo)
    RELAY = "relay"  # "نقلت وكالة X عن Y": Y speaks
    CONTAINER = "container"  # "جاء في البيان أن": the document after في speaks
    LEAD = "lead"  # مضى، ذهب: a report only before القول/قائلا ("مضى في القول إن", "ذهب إلى القول")


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting word: its lemma and how its content and speaker are found."""

    lemma: str
    kind: CueKind
    role: Role
    that_preps: frozenset[str]  # "أشار إلى أن": prepositions before a complementiser
    np_preps: frozenset[str]  # "دعا إلى الوحدة": prepositions that start content on their own
    takes_object: bool = False  # "أكدت الوحدات الاثنين مصرع ...": the object after a named subject

    @property
    def is_verb(self) -> bool:
        return self.kind in (CueKind.PAST, CueKind.PRESENT)


@dataclass(frozen=True, slots=True)
class Attribution:
    """A nominal attribution lead ("حسب", "وفقا لـ"): what must follow and where the speaker is."""

    lead: str
    link: str  # "" nothing, "ل" a (glued) لـ, or a word such as "عن"
    pronoun: bool  # "على حد تعبيره": the speaker is a pronoun suffix


def _preps(cell: str) -> frozenset[str]:
    return frozenset() if cell == "-" else frozenset(normalise_query(p) for p in cell.split(","))


def _read_verbs(path: Source) -> dict[str, tuple[Role, frozenset[str], frozenset[str]]]:
    out = {}
    for row in resource_rows(path):
        if len(row) < 10:
            raise ResourceError(f"{path}: expected 10 columns, got {row!r}")
        out[row[0]] = (Role(row[9]), _preps(row[7]), _preps(row[8]))
    return out


def _read_pasts(path: Source) -> dict[str, str]:
    """Each lemma's past in the third person masculine singular, normalised (قال -> قال، أكد -> اكد)."""
    return {row[0]: normalise_query(row[2]) for row in resource_rows(path)}


def _read_cues(forms_path: Source, verbs_path: Source, excluded: frozenset[str]) -> tuple[dict[str, Cue], dict[str, Cue]]:
    """The cue forms, and apart from them the forms that are mostly other words (``not_cue``)."""
    verbs = _read_verbs(verbs_path)
    cues: dict[str, Cue] = {}
    for row in resource_rows(forms_path):
        form, lemma, kind = row[0], row[1], row[2]
        if lemma not in verbs:
            raise ResourceError(f"{forms_path}: {form!r} names lemma {lemma!r}, which {verbs_path.name} lacks")
        role, that_preps, np_preps = verbs[lemma]
        cue = Cue(lemma, CueKind(kind), role, that_preps, np_preps - {OBJECT}, OBJECT in np_preps)
        cues.setdefault(form, cue)
    for form, cue in list(cues.items()):
        if cue.kind is CueKind.MASDAR:  # "، بقوله:": the verbal noun after بـ goes on with the clause's speaker
            cues.setdefault("ب" + form, dataclasses.replace(cue, kind=CueKind.PARTICIPLE))
        for conjunction in CONJUNCTIONS:
            cues.setdefault(conjunction + form, cue)
    doubtful: dict[str, Cue] = {}
    for form in excluded:
        for variant in (form, *(c + form for c in CONJUNCTIONS)):
            if variant in cues:
                doubtful[variant] = cues.pop(variant)
    return cues, doubtful


def _read_words(path: Source) -> dict[str, frozenset[str]]:
    classes: dict[str, set[str]] = {}
    for row in resource_rows(path):
        if len(row) != 2:
            raise ResourceError(f"{path}: expected 'class<TAB>word', got {row!r}")
        classes.setdefault(row[0], set()).add(normalise_query(row[1]))
    return {name: frozenset(words) for name, words in classes.items()}


def _read_attributions(path: Source) -> dict[str, Attribution]:
    out: dict[str, Attribution] = {}
    for row in resource_rows(path):
        lead, link, speaker = (normalise_query(cell) for cell in row[:3])
        entry = Attribution(lead, "" if link == "-" else link, speaker == "pronoun")
        for variant in (lead, *(c + lead for c in CONJUNCTIONS)):
            out.setdefault(variant, entry)
    return out


@dataclass(frozen=True, slots=True)
class QuoteLexicon:
    """Everything the quote finder looks words up in, keyed by normalised form."""

    cues: Mapping[str, Cue]
    attributions: Mapping[str, Attribution]
    words: Mapping[str, frozenset[str]]
    finder: re.Pattern[str]  # every cue and attribution lead as a whole word of the normalised view
    past_of: Mapping[str, str]  # lemma -> its past, third person masculine singular (tells قالت from قال)
    # not_cue forms, mostly other words ("عبر" via, "داعية" preacher): a cue only where the text says so
    # (a shadda, "عبّر"; or after a comma right before the verb's preposition, "، داعية إلى")
    doubtful: Mapping[str, Cue] = dataclasses.field(default_factory=dict)

    @classmethod
    def load(cls, directory: Source | None = None) -> QuoteLexicon:
        """Read the lexicon files; ``ResourceError`` names a missing or malformed one."""
        directory = directory or RESOURCE_DIR
        words = dict(_read_words(directory / "words.tsv"))
        words["title"] = words.get("title", frozenset()) | load_titles()  # one list of titles, the entity stage's
        cues, doubtful = _read_cues(directory / "cue_forms.tsv", directory / "verbs.tsv", words.get("not_cue", frozenset()))
        attributions = _read_attributions(directory / "attributions.tsv")
        pattern = trie_pattern(sorted({*cues, *doubtful, *attributions}))
        finder = re.compile(f"(?<![{ARABIC_LETTERS}]){pattern}(?![{ARABIC_LETTERS}])")
        return cls(cues, attributions, words, finder, _read_pasts(directory / "verbs.tsv"), doubtful)

    def is_a(self, word_class: str, word: str) -> bool:
        """Whether the normalised ``word`` (or phrase) belongs to ``word_class`` in words.tsv.

        >>> QuoteLexicon.load().is_a("complementiser", "انه")
        True
        """
        return word in self.words.get(word_class, ())

"""The one thing pyproject.toml cannot say: khabar's C extensions.

``khabar.stages._normalise`` maps a text to its normalised view by the table ``stages/normalise.py`` builds;
``khabar.stages.segment._layout`` runs the tokeniser's loop over whitespace-separated chunks and splits new
words by the rules ``segment/clitics.py`` hands it; ``khabar.stages.entities._features`` computes the NER's
static features and scores and ``khabar.stages.entities._viterbi`` decodes its label paths. Each is the one
implementation of what it does (its tables and rules come from Python as data), so each is required: an
install without a C compiler fails here rather than running without them, and ``tests/test_extensions.py``
fails when one is missing.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("khabar.stages._normalise", ["src/khabar/stages/_normalise.c"]),
        Extension("khabar.stages.segment._layout", ["src/khabar/stages/segment/_layout.c"]),
        Extension("khabar.stages.entities._features", ["src/khabar/stages/entities/_features.c"]),
        Extension("khabar.stages.entities._viterbi", ["src/khabar/stages/entities/_viterbi.c"]),
    ]
)

"""The one thing pyproject.toml cannot say: khabar's optional C extensions.

``khabar.stages.entities._viterbi`` decodes the NER model's label paths; ``khabar.stages.segment._layout`` runs
the tokeniser's loop over whitespace-separated chunks (and splits new words); ``khabar.stages._normalise``
maps a text to its normalised view. All are optional: without a C compiler the build goes on without them,
and khabar runs the Python/numpy code they mirror (same output, slower).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "khabar.stages.entities._viterbi",
            ["src/khabar/stages/entities/_viterbi.c"],
            optional=True,
        ),
        Extension(
            "khabar.stages.segment._layout",
            ["src/khabar/stages/segment/_layout.c"],
            optional=True,
        ),
        Extension(
            "khabar.stages._normalise",
            ["src/khabar/stages/_normalise.c"],
            optional=True,
        ),
    ]
)

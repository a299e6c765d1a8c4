"""The one thing pyproject.toml cannot say: khabar's optional C extension.

``khabar.stages.entities._viterbi`` decodes the CRF's label paths in C. It is optional: without a C
compiler the build goes on without it, and khabar decodes with numpy (same labels, slower).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "khabar.stages.entities._viterbi",
            ["src/khabar/stages/entities/_viterbi.c"],
            optional=True,
        )
    ]
)

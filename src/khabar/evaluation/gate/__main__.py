"""``python -m khabar.evaluation.gate``: run the quality gate (see ``khabar.evaluation.gate``)."""

import sys

from khabar.evaluation.gate.command import main

sys.exit(main())

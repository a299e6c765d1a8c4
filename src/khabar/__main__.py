"""``python -m khabar``: the same as the ``khabar`` command."""

from khabar.interfaces.cli import main

main()

"""``python -m peacewatch.cli``: the same as the ``peacewatch`` command."""

from . import main

main()

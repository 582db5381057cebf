"""Import every built-in component module so that its ``register`` decorator runs.

Third-party components register the same way, from their own package, and are found through the
``peacewatch.components`` entry-point group.
"""

from . import actors, commitments, events, ner, places, quotes, timex  # noqa: F401

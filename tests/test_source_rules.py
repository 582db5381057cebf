"""Rules over the package's own source that no linter checks for us.

spaCy builds a new ``Token`` object on every access (``doc[3] is doc[3]`` is false), so an identity
test between tokens is never true: a walk up the parse that stops on ``t.head is t`` never stops at
the root. Tokens are compared by index (``t.head.i == t.i``). Since the type of an operand cannot be
known from the source, the rule is stricter than the bug: ``is`` / ``is not`` may only compare with a
constant (``None``, ``True``, ``False``) or a builtin type (``kind is int``).
"""

from __future__ import annotations

import ast
import builtins
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "peacewatch"
_TYPES = {name for name, value in vars(builtins).items() if isinstance(value, type)}


def _allowed(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) or (isinstance(node, ast.Name) and node.id in _TYPES)


def identity_comparisons(source: str) -> list[tuple[int, str]]:
    """(line, expression) of every ``is`` / ``is not`` between two objects that are not constants or types."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare):
            continue
        left = node.left
        for op, right in zip(node.ops, node.comparators, strict=True):
            if isinstance(op, ast.Is | ast.IsNot) and not (_allowed(left) or _allowed(right)):
                found.append((node.lineno, ast.unparse(node)))
            left = right
    return found


def test_the_rule_catches_a_walk_that_never_stops() -> None:
    source = "while t.head is not t:\n    t = t.head\nif x is None or kind is int:\n    pass\n"
    assert identity_comparisons(source) == [(1, "t.head is not t")]


def test_no_identity_comparison_between_objects_in_the_package() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {expr}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line, expr in identity_comparisons(path.read_text("utf-8"))
    ]
    assert offenders == [], "compare spaCy tokens by index (t.head.i == t.i):\n" + "\n".join(offenders)

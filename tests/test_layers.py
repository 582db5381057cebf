"""The layers of the package point one way, and no import closes a circle (deferred imports too).

Read from the source with ``ast``: every ``import`` and ``from … import`` anywhere in a module (at
the top or deferred inside a function) is an edge; only those under ``if TYPE_CHECKING:`` are not,
since they never run (annotations only). ``docs/architecture.md`` draws the
same picture.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import peacewatch

PACKAGE = Path(peacewatch.__file__).parent

# Each part of the package and its floor; a part imports only from lower floors (and itself).
# Parts on one floor (the three stages; store and engines; evaluate and serve) never import each other.
FLOORS = {
    "peacewatch": 0, "types": 0, "errors": 0, "config": 0, "contract": 0, "timespan": 0, "tables": 0, "inputs": 0,
    "ingest": 1, "extract": 1, "resolve": 1,
    "registrations": 2, "pieces": 2,
    "pipeline": 3,
    "store": 4, "engines": 4,
    "flow": 5,
    "evaluate": 6, "serve": 6,
    "cli": 7,
}
GROUND = 0


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that one module imports, wherever the import statement stands."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    tree = ast.parse(path.read_text("utf-8"))
    typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If) and _type_checking(block.test)
                   for stmt in block.body for n in ast.walk(stmt)}
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            submodules = {f"{base}.{a.name}" for a in node.names} & known
            found.update(submodules)
            # "from . import work" loads the submodule, not (again) the package being initialised
            if node.module or len(submodules) < len(node.names):
                found.add(base)
    return {m for m in found if m in known and m != name}


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: imports(name, path, known) for name, path in found.items()}


def part(module: str) -> str:
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else "peacewatch"


def test_every_part_of_the_package_has_a_floor() -> None:
    assert sorted({part(m) for m in modules()} - set(FLOORS)) == []


def test_imports_point_down() -> None:
    wrong = []
    for source, targets in graph().items():
        for target in sorted(targets):
            a, b = part(source), part(target)
            if a == b:
                continue
            if not (FLOORS[b] < FLOORS[a] or FLOORS[a] == FLOORS[b] == GROUND):
                wrong.append(f"{source} -> {target} ({a} on floor {FLOORS[a]}, {b} on floor {FLOORS[b]})")
    assert wrong == []


def test_the_named_rules_of_the_layering_hold() -> None:
    """The rules docs/architecture.md names, checked one by one (the floors imply them)."""
    edges = {(part(s), part(t)) for s, targets in graph().items() for t in targets}
    for a, b in [("store", "serve"), ("extract", "resolve"), ("resolve", "extract"), ("config", "resolve"),
                 ("serve", "evaluate"), ("resolve", "store"), ("extract", "pipeline"), ("resolve", "pipeline")]:
        assert (a, b) not in edges, f"{a} imports {b}"


def test_no_import_cycles() -> None:
    edges = graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = defaultdict(int)  # 0 new, 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state[nxt] == 1:
                cycles.append(path[path.index(nxt):] + [nxt])
            elif state[nxt] == 0:
                visit(nxt)
        path.pop()
        state[node] = 2

    for node in sorted(edges):
        if state[node] == 0:
            visit(node)
    assert cycles == []


def test_the_checker_sees_deferred_imports_and_skips_typing_only_ones(tmp_path: Path) -> None:
    """The check itself: an import inside a function counts, one under TYPE_CHECKING does not."""
    pkg = tmp_path / "peacewatch" / "store"
    pkg.mkdir(parents=True)
    (pkg / "a.py").write_text("def f():\n    from .b import g\n", "utf-8")
    (pkg / "b.py").write_text("from typing import TYPE_CHECKING\nfrom . import a\nif TYPE_CHECKING:\n"
                              "    from .c import T\n", "utf-8")
    known = {"peacewatch.store.a", "peacewatch.store.b", "peacewatch.store.c"}
    assert imports("peacewatch.store.a", pkg / "a.py", known) == {"peacewatch.store.b"}
    assert imports("peacewatch.store.b", pkg / "b.py", known) == {"peacewatch.store.a"}

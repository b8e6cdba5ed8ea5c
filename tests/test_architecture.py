"""The architecture, checked on the source: one-way layers, the public names, no Arabic in
code, and stages that declare what they need and make."""

from __future__ import annotations

import ast
import importlib
import re
from dataclasses import dataclass
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

import marsad
import marsad.coding.clauses
import marsad.matcher
import marsad.stages.events
from marsad.stages import STAGES

SRC = Path(marsad.__file__).resolve().parent
MODULE_FILES = sorted(SRC.rglob("*.py"))

# Low to high. A module may import its own layer and the layers below, never one above.
# ``pipeline`` sits low: stages/__init__ imports it for the Stage protocol. ``actors`` (the
# resolution cascade) sits with coding, which it shares cue data with. The package root
# ``marsad`` re-exports the api, so it ranks with api. Parts the architecture plans but that do
# not exist yet (config, ner, backends, eval, web) are placed already.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset(
        {
            "types",
            "offsets",
            "errors",
            "ids",
            "ontology",
            "matcher",
            "pipeline",
            "config",
            "workers",
        }
    ),
    frozenset({"text", "lang", "kb"}),
    frozenset({"coding", "temporal", "actors", "ner", "places"}),
    frozenset({"stages"}),
    frozenset({"io"}),
    frozenset({"store"}),
    frozenset({"api", "ingest", "corpus", "backends", "eval", "query", "marsad"}),
    frozenset({"cli", "web"}),
)
RANK = {name: rank for rank, layer in enumerate(LAYERS) for name in layer}

ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def top(module: str) -> str:
    """The part of marsad a module belongs to: ``marsad.text.normalize`` -> ``text``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


@dataclass(frozen=True)
class Import:
    source: str  # importing module
    target: str  # imported marsad module
    line: int


def is_module(name: str) -> bool:
    """Whether ``marsad.<name>`` is a module or package (not a name the root re-exports)."""
    return (SRC / f"{name}.py").is_file() or (SRC / name / "__init__.py").is_file()


def imports_in(source: str, is_package: bool, code: str) -> list[Import]:
    """Every import of a marsad module in ``code`` (the text of module ``source``): at the
    top, inside functions, under TYPE_CHECKING, absolute or relative."""
    package = source.split(".") if is_package else source.split(".")[:-1]
    found: list[Import] = []
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            targets = [module]
            if module == "marsad":  # «from marsad import api» imports marsad.api
                targets = [
                    f"marsad.{a.name}" if is_module(a.name) else "marsad" for a in node.names
                ]
        else:
            continue
        found.extend(Import(source, t, node.lineno) for t in targets if t.split(".")[0] == "marsad")
    return found


def marsad_imports(path: Path) -> list[Import]:
    return imports_in(module_name(path), path.name == "__init__.py", path.read_text("utf-8"))


ALL_IMPORTS = [imp for path in MODULE_FILES for imp in marsad_imports(path)]


def test_the_walk_sees_imports_at_every_depth() -> None:
    """Guard the guard: lazy, relative and type-checking imports are all found."""
    code = (
        "from typing import TYPE_CHECKING\n"
        "import marsad.types\n"
        "from . import pipeline\n"
        "from ..kb import load\n"
        "from .sentences import split\n"
        "from marsad import api, Pipeline, __version__\n"
        "if TYPE_CHECKING:\n"
        "    from marsad.store import Store\n"
        "def f() -> None:\n"
        "    import json\n"
        "    from marsad.cli import main\n"
    )
    found = imports_in("marsad.text.normalize", False, code)
    assert [(i.target, i.line) for i in found] == [
        ("marsad.types", 2),
        ("marsad.text", 3),
        ("marsad.kb", 4),
        ("marsad.text.sentences", 5),
        ("marsad.api", 6),
        ("marsad", 6),
        ("marsad", 6),
        ("marsad.store", 8),
        ("marsad.cli", 11),
    ]
    assert imports_in("marsad.stages", True, "from .tokens import T\n")[0].target == (
        "marsad.stages.tokens"
    )
    # and on the real source: marsad.api imports the stages inside load()
    assert ("marsad.api", "marsad.stages") in {(i.source, i.target) for i in ALL_IMPORTS}


def test_every_part_of_marsad_has_a_layer() -> None:
    parts = {top(module_name(p)) for p in MODULE_FILES} | {top(i.target) for i in ALL_IMPORTS}
    missing = sorted(parts - set(RANK))
    assert not missing, f"place {missing} in LAYERS of tests/test_architecture.py"


def upward(imports: list[Import]) -> list[str]:
    """The imports that reach from a layer up to a higher one."""
    return [
        f"{imp.source} (line {imp.line}) imports {imp.target}"
        for imp in imports
        if RANK.get(top(imp.target), -1) > RANK.get(top(imp.source), len(LAYERS))
    ]


def test_the_layer_rule_flags_an_upward_import() -> None:
    assert upward(imports_in("marsad.stages.events", False, "from marsad.store import x\n"))
    assert upward(imports_in("marsad.types", False, "def f():\n    import marsad.kb\n"))
    assert upward(imports_in("marsad.kb.load", False, "from marsad import load\n"))
    assert not upward(imports_in("marsad.cli", True, "from marsad.stages import STAGES\n"))
    assert not upward(imports_in("marsad.coding.x", False, "from marsad.actors import y\n"))


def test_lower_layers_never_import_higher_ones() -> None:
    wrong = upward(ALL_IMPORTS)
    assert not wrong, "layering broken:\n" + "\n".join(wrong)


def test_every_imported_marsad_module_exists() -> None:
    for target in sorted({i.target for i in ALL_IMPORTS}):
        importlib.import_module(target)


# -- the public API --------------------------------------------------------------------------


def test_all_is_sorted_and_unique() -> None:
    assert list(marsad.__all__) == sorted(marsad.__all__)
    assert len(set(marsad.__all__)) == len(marsad.__all__)


def test_every_name_in_all_exists() -> None:
    missing = [name for name in marsad.__all__ if not hasattr(marsad, name)]
    assert not missing


def test_build_says_whether_the_hot_modules_are_compiled() -> None:
    hot = (marsad.pipeline, marsad.matcher, marsad.coding.clauses, marsad.stages.events)
    compiled = [(module.__file__ or "").endswith(tuple(EXTENSION_SUFFIXES)) for module in hot]
    assert compiled == [marsad.build() == "compiled"] * len(hot)


def test_star_import_gives_exactly_all() -> None:
    namespace: dict[str, object] = {}
    exec("from marsad import *", namespace)
    assert sorted(k for k in namespace if k != "__builtins__") == sorted(marsad.__all__)


# -- no Arabic in code -----------------------------------------------------------------------


def docstring_nodes(tree: ast.AST) -> set[int]:
    """ids of the string constants that are docstrings (of a module, class or function)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if (
                body
                and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)
            ):
                found.add(id(body[0].value))
    return found


def arabic_literals(source: str) -> list[tuple[int, str]]:
    tree = ast.parse(source)
    docs = docstring_nodes(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docs
        and ARABIC.search(node.value)
    ]


def test_the_arabic_check_tells_literals_from_docstrings_and_comments() -> None:
    source = (
        '"""وحدة."""\n'
        "# تعليق\n"
        "def f() -> str:\n"
        '    """دالة «بحث»."""\n'
        '    return "كلمة"\n'
        "class C:\n"
        '    """صنف."""\n'
        '    x = f"{1}ب"\n'
        "ok = 'plain «» text'\n"
    )
    assert [line for line, _ in arabic_literals(source)] == [5, 8]
    assert arabic_literals("x = 'ﻻ'\n") != []  # presentation forms count too


@pytest.mark.parametrize("path", MODULE_FILES, ids=[module_name(p) for p in MODULE_FILES])
def test_no_arabic_string_literals_in_code(path: Path) -> None:
    found = arabic_literals(path.read_text(encoding="utf-8"))
    assert not found, f"Arabic belongs in data files under lang/ar or kb/data: {found}"


# -- stages declare what they need and make ---------------------------------------------------

STAGE_FILES = sorted(p for p in (SRC / "stages").glob("*.py") if p.name != "__init__.py")
DECLARED = ("name", "requires", "produces")


def class_attributes(cls: ast.ClassDef) -> set[str]:
    names: set[str] = set()
    for item in cls.body:
        if isinstance(item, ast.Assign):
            names |= {t.id for t in item.targets if isinstance(t, ast.Name)}
        elif (
            isinstance(item, ast.AnnAssign)
            and isinstance(item.target, ast.Name)
            and item.value is not None
        ):
            names.add(item.target.id)
    return names


def stage_classes(path: Path) -> list[ast.ClassDef]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node
        for node in tree.body
        if isinstance(node, ast.ClassDef)
        and any(isinstance(f, ast.FunctionDef) and f.name == "__call__" for f in node.body)
    ]


@pytest.mark.parametrize("path", STAGE_FILES, ids=[p.stem for p in STAGE_FILES])
def test_every_stage_module_has_a_class_that_declares_name_requires_produces(
    path: Path,
) -> None:
    classes = stage_classes(path)
    assert classes, f"{path.name} defines no stage class"
    for cls in classes:
        missing = [a for a in DECLARED if a not in class_attributes(cls)]
        assert not missing, f"{path.name}: {cls.name} does not declare {missing}"


def test_every_stage_module_is_registered() -> None:
    assert sorted(p.stem for p in STAGE_FILES) == sorted(STAGES)


@pytest.mark.parametrize("name", sorted(STAGES))
def test_registered_stage_classes_carry_the_declarations_at_class_level(name: str) -> None:
    declared = vars(type(STAGES[name]()))  # the class's own dict, compiled by mypyc or not
    assert declared["name"] == name
    assert isinstance(declared["requires"], frozenset)
    assert isinstance(declared["produces"], frozenset)

"""``make lint`` fails on an import loop or an import against the layers (import-linter).

Each test copies the package, breaks it in one place, and runs ``lint-imports`` with the
contracts of ``pyproject.toml`` on the copy: the contract that guards the rule must break.
"""

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT = Path(sys.executable).parent / "lint-imports"


@pytest.fixture(scope="module")
def contracts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pyproject's contracts as a config file of their own."""
    folder = tmp_path_factory.mktemp("contracts")
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    config = settings["tool"]["importlinter"]
    lines = [
        "[tool.importlinter]",
        'root_packages = ["korrektur"]',
        "include_external_packages = true",
    ]
    for contract in config["contracts"]:
        lines.append("\n[[tool.importlinter.contracts]]")
        lines.extend(f"{key} = {_toml(value)}" for key, value in contract.items())
    path = folder / "contracts.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return '"' + str(value) + '"'


def lint(package_root: Path, contracts: Path) -> tuple[int, str]:
    """``lint-imports`` on the package under ``package_root``: (exit code, output)."""
    environment = {**os.environ, "PYTHONPATH": str(package_root)}
    done = subprocess.run(
        [str(LINT), "--no-cache", "--no-logo", str(contracts)],
        capture_output=True,
        text=True,
        cwd=package_root,
        env=environment,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the package to break."""
    shutil.copytree(ROOT / "app" / "korrektur", tmp_path / "korrektur")
    return tmp_path


def append(copy: Path, module: str, line: str) -> None:
    path = copy / "korrektur" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def test_the_code_as_it_is_keeps_every_contract(copy: Path, contracts: Path) -> None:
    code, output = lint(copy, contracts)
    assert code == 0, output
    assert "BROKEN" not in output


LAYERS = "Layers: cli | ui | corpus | workspace | formats | store | engine | model"

BROKEN_RULES = {
    # model.session imports model.suggestion: the other way round closes a loop
    "a loop between two modules": (
        "model/suggestion.py",
        "import korrektur.model.session  # noqa",
        "No import loops",
        ".suggestion -> .session",
    ),
    "a loop through a function-level import": (
        "store/atomic.py",
        "def _late():\n    import korrektur.store.reviewfile  # noqa",
        "No import loops",
        "No cycles are allowed in korrektur.store.",
    ),
    "an import up the layers": (
        "model/document.py",
        "import korrektur.store.atomic  # noqa",
        LAYERS,
        "korrektur.model is not allowed to import korrektur.store",
    ),
    "the engine's parts from outside it": (
        "formats/export_plain.py",
        "import korrektur.engine.words.lexicon  # noqa",
        "The engine's parts are the engine's",
        "korrektur.formats.export_plain -> korrektur.engine.words.lexicon",
    ),
    "Qt in the core": (
        "model/document.py",
        "import PySide6.QtCore  # noqa",
        "The core is Qt-free",
        "korrektur.model.document -> PySide6",
    ),
    "a source reader from outside the formats": (
        "corpus/project.py",
        "import korrektur.formats.alto  # noqa",
        "The source readers are the formats'",
        "korrektur.corpus.project -> korrektur.formats.alto",
    ),
    "the review file's YAML from outside the store": (
        "cli.py",
        "import korrektur.store.yamlio  # noqa",
        "The review file's YAML is the store's",
        "korrektur.cli -> korrektur.store.yamlio",
    ),
}


@pytest.mark.parametrize("rule", list(BROKEN_RULES))
def test_breaking_a_rule_breaks_its_contract(copy: Path, contracts: Path, rule: str) -> None:
    module, line, contract, said = BROKEN_RULES[rule]
    append(copy, module, line)
    code, output = lint(copy, contracts)
    assert code == 1
    assert f"{contract} BROKEN" in output
    assert said in output


def test_a_private_module_stays_in_its_package(copy: Path, contracts: Path) -> None:
    (copy / "korrektur" / "store" / "_inner.py").write_text('"""Inner."""\n', encoding="utf-8")
    append(copy, "formats/export_plain.py", "import korrektur.store._inner  # noqa")
    code, output = lint(copy, contracts)
    assert code == 1
    assert "Private modules stay in their package BROKEN" in output
    assert "korrektur.formats.export_plain -> korrektur.store._inner" in output


@pytest.mark.parametrize(("imported", "kept"), [("formats.sources", True), ("corpus", False)])
def test_the_workspace_sits_between_corpus_and_formats(
    copy: Path, contracts: Path, imported: str, kept: bool
) -> None:
    """The workspace layer (one open document, commands run in the worker process)."""
    package = copy / "korrektur" / "workspace"
    package.mkdir(exist_ok=True)
    if not (package / "__init__.py").exists():
        (package / "__init__.py").write_text('"""Workspace."""\n', encoding="utf-8")
    (package / "probe.py").write_text(f'"""Probe."""\n\nimport korrektur.{imported}  # noqa\n')
    code, output = lint(copy, contracts)
    assert (code == 0) is kept, output
    if not kept:
        assert "korrektur.workspace is not allowed to import korrektur.corpus" in output


def test_a_new_package_must_find_its_layer(copy: Path, contracts: Path) -> None:
    (copy / "korrektur" / "newpart").mkdir()
    (copy / "korrektur" / "newpart" / "__init__.py").write_text('"""New."""\n', encoding="utf-8")
    code, output = lint(copy, contracts)
    assert code == 1
    assert f"{LAYERS} BROKEN" in output
    assert "newpart" in output

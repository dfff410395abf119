"""Every command, option and config key is documented in the README."""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from pydantic import BaseModel

from publisher import cli
from publisher.config import Config

README = Path(__file__).resolve().parents[1] / "README.md"
UNDOCUMENTED = {"base_dir"}  # set by the loader, not by users


def models_in(annotation: object) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    for arg in typing.get_args(annotation):
        yield from models_in(arg)


def config_keys(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    for name, field in model.model_fields.items():
        if name in UNDOCUMENTED:
            continue
        nested = list(models_in(field.annotation))
        is_list = typing.get_origin(field.annotation) is list
        path = f"{prefix}{name}"
        yield path
        for sub in nested:
            yield from config_keys(sub, f"{path}[]." if is_list else f"{path}.")


def commands() -> Iterator[tuple[str, click.Command]]:
    def walk(group: click.Group, prefix: str) -> Iterator[tuple[str, click.Command]]:
        for name, command in group.commands.items():
            yield f"{prefix}{name}", command
            if isinstance(command, click.Group):
                yield from walk(command, f"{prefix}{name} ")

    yield from walk(cli.cli, "")


def section(text: str, heading: str) -> str:
    match = re.search(rf"^### {re.escape(heading)}\n(.*?)(?=^#{{2,3}} |\Z)", text, re.M | re.S)
    return match.group(1) if match else ""


@pytest.mark.parametrize("key", sorted(set(config_keys(Config))))
def test_every_config_key_is_documented(key: str) -> None:
    assert f"`{key}`" in README.read_text(encoding="utf-8"), f"README does not document config key {key}"


@pytest.mark.parametrize(("name", "command"), list(commands()), ids=[n for n, _ in commands()])
def test_every_command_and_option_is_documented(name: str, command: click.Command) -> None:
    text = README.read_text(encoding="utf-8")
    body = section(text, f"publisher {name}")
    assert body, f"README has no '### publisher {name}' section"
    shared = section(text, "Commands") + text.split("### publisher", 1)[0]
    for param in command.params:
        if isinstance(param, click.Option):
            flag = max(param.opts, key=len)
            assert flag in body or flag in shared, f"README does not document {flag} of publisher {name}"


def test_documented_keys_exist() -> None:
    """The table must not describe settings that are gone."""
    known = set(config_keys(Config))
    table = re.findall(r"^\| `([a-z_\[\].]+)` \|", README.read_text(encoding="utf-8"), re.M)
    assert set(table) <= known, set(table) - known

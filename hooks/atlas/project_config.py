"""Read a project's mkdocs.yml without MkDocs: its own tags (!ENV, !relative) resolved as MkDocs resolves them."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from atlas.layout import CONFIG_FILE, ProjectLayout
from atlas.problems import AtlasProblems, Problem


class _ConfigLoader(yaml.SafeLoader):
    """Safe YAML plus MkDocs' !ENV (an environment variable, or a fallback) and !relative (a path, kept as written)."""


def _env(loader: _ConfigLoader, node: yaml.Node) -> Any:
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]  # type: ignore[arg-type]
    *variables, fallback = names if len(names) > 1 else (*names, None)
    for variable in variables:
        if str(variable) in os.environ:
            return yaml.safe_load(os.environ[str(variable)])
    return fallback


def _relative(loader: _ConfigLoader, node: yaml.Node) -> Any:
    return loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else None


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_constructor("!relative", _relative)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: f"!!python/name:{suffix}")


def _load(text: str) -> Any:
    loader = _ConfigLoader(text)  # a SafeLoader: only plain values and the two tags above
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def read_config(project: Path) -> tuple[dict[str, Any], ProjectLayout]:
    """The settings of the project in `project` and where its sources are; raises AtlasProblems with one line when
    there is no project there or its mkdocs.yml cannot be read."""
    config_file = project / CONFIG_FILE
    label = config_file.as_posix()
    if not project.is_dir():
        raise AtlasProblems([Problem(project.as_posix(), 0, "project", "is not a folder; expected the folder that holds mkdocs.yml")])
    try:
        config = _load(config_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AtlasProblems([Problem(label, 0, "file", "is missing; expected the project's mkdocs.yml (use --project FOLDER)")]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise AtlasProblems([Problem(label, 0, "file", f"cannot be read ({getattr(error, 'strerror', None) or error})")]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise AtlasProblems([Problem(label, mark.line + 1 if mark else 0, "yaml", f"{getattr(error, 'problem', None) or 'invalid YAML'}; "
                                     "expected valid YAML")]) from None
    if not isinstance(config, dict):
        raise AtlasProblems([Problem(label, 1, "(config)", "is not a mapping of settings; expected site_name: and other settings")])
    theme = config.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    watch = config.get("watch")
    watch = watch if isinstance(watch, list) else []
    return config, ProjectLayout.of_settings(config_file.parent, str(config.get("docs_dir") or "docs"),
                                             str(custom_dir) if custom_dir else None, [str(path) for path in watch],
                                             str(config.get("site_url") or ""))

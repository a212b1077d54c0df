"""Command line: `upper-back-atlas check` checks every source; `export OUT` writes a hook-free copy; `schema` writes the schema files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from .export import export_site
from .generation import build_atlas
from .layout import ProjectLayout
from .problems import AtlasProblems
from .schema_files import SCHEMA_DIR, write_schema_files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="upper-back-atlas", description=__doc__)
    parser.add_argument("--project", type=Path, default=Path("."), help="the folder with mkdocs.yml (default: here)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="check every record and article; print each problem")
    export = commands.add_parser("export", help="write the site as plain Markdown plus JSON, buildable without hooks")
    export.add_argument("out", type=Path, help="the folder to write (replaced if it exists)")
    commands.add_parser("schema", help="write the JSON Schema files in hooks/atlas/schema/ from the record model")
    arguments = parser.parse_args(argv)
    if arguments.command == "schema":
        print(f"Wrote {', '.join(write_schema_files())} in {SCHEMA_DIR}.")
        return 0

    config_file = arguments.project.resolve() / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    layout = ProjectLayout(config_file.parent, config_file.parent / config.get("docs_dir", "docs"), config.get("site_url") or "")
    try:
        if arguments.command == "check":
            atlas = build_atlas(layout)
            print(f"{len(atlas.exercises)} exercises, {len(atlas.routines)} routines, {len(atlas.articles)} articles: no problems.")
        else:
            sources = export_site(layout, config_file, arguments.out.resolve())
            print(f"Wrote {len(sources.pages)} generated pages and {len(sources.articles)} articles to {arguments.out}.")
    except AtlasProblems as problems:
        for problem in problems.problems:
            print(problem, file=sys.stderr)
        print(problems.summary(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

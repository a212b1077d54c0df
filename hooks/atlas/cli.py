"""Command line: `upper-back-atlas check` checks every source; `export OUT` writes a hook-free copy; `schema` writes the schema
files; `import FILE` writes draft records from free-exercise-db; `address` checks that site_url is an address to publish at,
not a placeholder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from atlas.engines.engine_messages import describe_failure
from atlas.engines.export import export_site
from atlas.generation import build_atlas
from atlas.layout import ProjectLayout
from atlas.problems import AtlasProblems, printable
from atlas.project_config import read_config
from atlas.records.drafts import draft_notices
from atlas.records.free_exercise_db import ImportProblem, import_drafts
from atlas.records.schema_files import SCHEMA_DIR, write_schema_files
from atlas.site.site_address import address_problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="upper-back-atlas", description=__doc__)
    parser.add_argument("--project", type=Path, default=Path("."), help="the folder with mkdocs.yml (default: here)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="check every record and article; print each problem")
    export = commands.add_parser("export", help="write the site as plain Markdown plus JSON, buildable without hooks")
    export.add_argument("out", type=Path, help="the folder to write: new, empty or an earlier export (replaced whole)")
    commands.add_parser("schema", help="write the JSON Schema files in hooks/atlas/schema/ from the record model")
    commands.add_parser("address", help="check that site_url (from the environment when deploying) is no placeholder")
    importing = commands.add_parser("import", help="write draft records in exercises/drafts/ from free-exercise-db's JSON")
    importing.add_argument("file", type=Path, help="a free-exercise-db JSON file (one record or a list of records)")
    arguments = parser.parse_args(argv)
    if arguments.command == "schema":
        print(f"Wrote {', '.join(write_schema_files())} in {SCHEMA_DIR}.")
        return 0
    project = arguments.project.resolve()
    try:
        config, layout = read_config(project)
        if arguments.command == "import":
            atlas = build_atlas(layout)
            linked = {exercise.ids.free_exercise_db for exercise in atlas.exercises.values()
                      if exercise.ids and exercise.ids.free_exercise_db}
            imported = import_drafts(arguments.file, layout, set(atlas.exercises) | set(atlas.drafts), linked)
            for line in imported.skipped:
                print(printable(line), file=sys.stderr)
            print(f"Wrote {len(imported.written)} drafts to {layout.label(layout.drafts_dir)}/; {len(imported.skipped)} left out.")
            return 0
        if arguments.command == "address":
            if problems := address_problems(layout.site_url, f"{printable(str(arguments.project))}/mkdocs.yml"):
                raise AtlasProblems(problems)
            print(f"site_url: {layout.site_url}")
            return 0
        if arguments.command == "check":
            atlas = build_atlas(layout)
            notices = draft_notices(atlas.drafts)
            for notice in notices:
                print(notice, file=sys.stderr)
            print(f"{len(atlas.exercises)} exercises, {len(atlas.routines)} routines, {len(atlas.articles)} articles: "
                  + (f"{len(notices)} unfinished drafts, not published." if notices else "no problems."))
            return 1 if notices else 0
        else:
            sources = export_site(layout, config, arguments.out.resolve())
            print(f"Wrote {len(sources.pages)} generated pages and {len(sources.articles)} articles to {printable(str(arguments.out))}.")
    except ImportProblem as unreadable:
        print(unreadable.problem, file=sys.stderr)
        return 1
    except AtlasProblems as problems:
        for problem in problems.problems:
            print(problem, file=sys.stderr)
        print(problems.summary(), file=sys.stderr)
        return 1
    except Exception as error:  # the command line never shows a traceback: one line with the place, then stop
        print(describe_failure(error, ProjectLayout(project, project)), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

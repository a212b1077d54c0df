"""Messages nobody can forge (control characters escaped, one line each), and every problem of every kind of source
reported in one run, sorted by file and line."""

from __future__ import annotations

from pathlib import Path

from conftest import build

ERROR = "ERROR   -  "


def _errors(output: str) -> list[str]:
    return [line[len(ERROR):] for line in output.splitlines() if line.startswith(ERROR)]


def test_yaml_keys_cannot_forge_lines_or_send_terminal_codes(project: Path) -> None:
    shrug = project / "exercises/shrug.yml"
    shrug.write_text(shrug.read_text() + '"cue\\nERROR   -  exercises/face-pull.yml:1: forged": 1\n"\\e[2J\\e[31mred\\u202e": 2\n')
    result = build(project)
    assert result.returncode == 1 and "Traceback" not in result.output
    assert "\x1b" not in result.output and "\u202e" not in result.output
    assert not any(line.startswith(ERROR + "exercises/face-pull.yml:1: forged") for line in result.output.splitlines())
    first = len(shrug.read_text().splitlines()) - 1  # the two keys are the file's last lines
    escaped = (f"exercises/shrug.yml:{first}: cue\\x0aERROR   -  exercises/face-pull.yml:1: forged: ",
               f"exercises/shrug.yml:{first + 1}: \\x1b[2J\\x1b[31mred\\u202e: ")
    errors = _errors(result.output)[:-1]
    assert errors and all(error.startswith(escaped) for error in errors), errors
    assert {prefix for prefix in escaped if any(error.startswith(prefix) for error in errors)} == set(escaped)


def test_every_problem_of_every_kind_of_source_in_one_run_sorted(project: Path) -> None:
    shrug = project / "exercises/shrug.yml"
    shrug.write_text(shrug.read_text().replace("level: beginner", "level: expert"))
    guide = project / "content/guides/sample.md"
    guide.write_text(guide.read_text().replace("red_flag: true", "red-flag: true") + "\nSee [[exercise:nope]] and [x](nowhere.md).\n")
    (project / "content/index.md").write_text("---\ntitle: Home\ndescription: Home.\n---\n\n[[muscle:nope]]\n")
    result = build(project)
    assert result.returncode == 1 and "Traceback" not in result.output
    assert _errors(result.output) == [
        "content/guides/sample.md:4: front matter: red-flag: unknown field; did you mean 'red_flag'? "
        "expected one of title, description, red_flag, neck, sources, template, hide, search_terms, search, reviewed",
        "content/guides/sample.md:32: [[exercise:nope]]: unknown exercise 'nope'; expected the id of an existing exercise",
        "content/guides/sample.md:32: link 'nowhere.md': is not a page or file of the site; expected a path relative to this file, "
        "such as ../exercises/face-pull.md",
        "content/index.md:6: [[muscle:nope]]: unknown muscle 'nope'; expected the id of an existing muscle",
        "exercises/shrug.yml:3: level: 'expert' is not one of beginner, intermediate, advanced",
        "Upper Back Atlas: 5 problems in the sources; nothing was built.",
    ]


def test_a_broken_record_does_not_hide_links_to_it_or_to_others(project: Path) -> None:
    shrug = project / "exercises/shrug.yml"
    shrug.write_text(shrug.read_text().replace("level: beginner", "level: expert"))
    guide = project / "content/guides/sample.md"
    guide.write_text(guide.read_text() + "\n[[exercise:shrug]], [[exercise:face-pull]], [[muscle:upper-traps]], [[routine:quick-pull]].\n")
    assert _errors(build(project).output) == [
        "exercises/shrug.yml:3: level: 'expert' is not one of beginner, intermediate, advanced",
        "Upper Back Atlas: 1 problem in the sources; nothing was built.",
    ]

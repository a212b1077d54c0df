"""Session mode in real Chromium on a phone: start a routine's session, tick sets, the rest timer, log loads, reload
and resume, finish offline, export and import the log in a fresh browser, "last time" on the exercise page, the next
load by double progression, and a store or file that is not ours."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from browser import PHONE, fresh_page
from conftest import BuildResult

ROUTINE = "routines/upper-back-strength-gym/"
LOG_KEY = "uba-training-log"


def _start(page: Page, url: str) -> None:
    page.goto(url + ROUTINE)
    page.get_by_role("button", name="Start session").click()
    expect(page.locator(".uba-session")).to_be_visible()


def _go_to(page: Page, name: str) -> None:
    while page.locator(".uba-session__name").inner_text() != name:
        page.get_by_role("button", name="Next exercise").click()


def _log_set(page: Page, number: int, load: str, reps: str) -> None:
    row = page.locator(".uba-session__set").nth(number - 1)
    row.get_by_label("kg").fill(load)
    row.get_by_label("reps").fill(reps)
    row.get_by_role("button", name=f"Set {number} done").click()


def _stored(page: Page) -> dict[str, object]:
    return json.loads(page.evaluate(f"window.localStorage.getItem({LOG_KEY!r})"))


def test_a_whole_session_on_a_phone_saves_resumes_finishes_offline_and_comes_back_as_last_time(
        browser: Browser, real_site: BuildResult, real_site_url: str, tmp_path: Path) -> None:
    with fresh_page(browser, viewport=PHONE, has_touch=True, is_mobile=True, accept_downloads=True) as watched:
        page = watched.page
        _start(page, real_site_url)
        expect(page.locator(".uba-session__progress")).to_have_text("Exercise 1 of 10")
        ticks = page.locator(".uba-session__tick")
        assert all(box["height"] >= 48 and box["width"] >= 48 for box in (tick.bounding_box() for tick in ticks.all()))  # type: ignore[index]
        _go_to(page, "Bent-over row")
        _log_set(page, 1, "40", "10")
        timer = page.locator(".uba-session__timer")
        expect(timer).to_be_visible()
        expect(timer).to_contain_text("Rest 2:00")
        expect(timer).to_contain_text("Rest 1:5")  # it counts down
        _log_set(page, 2, "40", "9")

        page.reload()  # mid-session: the page forgets, the browser does not
        resume = page.get_by_role("button", name="Resume session")
        resume.click()
        expect(page.locator(".uba-session__name")).to_have_text("Bent-over row")
        expect(page.locator(".uba-session__set").nth(1).get_by_label("reps")).to_have_value("9")
        expect(page.locator(".uba-session__set").nth(0).get_by_role("button", name="Set 1 done")).to_have_attribute("aria-pressed", "true")

        page.context.set_offline(True)  # no signal in the gym: the rest is done in the page and saved in the browser
        _log_set(page, 3, "40", "8")
        page.locator(".uba-session__note-field textarea").fill("Grip <b>gave</b> out")
        while page.get_by_role("button", name="Next exercise").count():
            page.get_by_role("button", name="Next exercise").click()
        page.get_by_role("button", name="Finish session").click()
        expect(page.get_by_role("heading", name="Session saved")).to_be_visible()
        expect(page.locator(".uba-session__summary")).to_contain_text("Bent-over row: 10, 9, 8 at 40 kg")
        log = _stored(page)
        assert log["current"] is None and len(log["sessions"]) == 1  # type: ignore[arg-type]
        entries = log["sessions"][0]["entries"]  # type: ignore[index]
        assert [entry["exercise"] for entry in entries] == ["bent-over-row"]
        assert [(s["load"], s["reps"], s["done"]) for s in entries[0]["sets"]] == [(40, 10, True), (40, 9, True), (40, 8, True),
                                                                                  (None, None, False)]
        assert entries[0]["note"] == "Grip <b>gave</b> out"
        page.context.set_offline(False)
        page.get_by_role("button", name="Close").click()

        page.locator(".uba-log summary").click()
        with page.expect_download() as download:
            page.get_by_role("button", name="Export JSON").click()
        exported = tmp_path / "log.json"
        download.value.save_as(exported)
        with page.expect_download() as download:
            page.get_by_role("button", name="Export CSV").click()
        csv_lines = Path(download.value.path()).read_text().splitlines()
        assert csv_lines[0] == "date,routine,exercise,set,side,load_kg,reps,seconds,note"
        assert [line.split(",")[2:7] for line in csv_lines[1:]] == [["bent-over-row", "1", "", "40", "10"],
                                                                     ["bent-over-row", "2", "", "40", "9"],
                                                                     ["bent-over-row", "3", "", "40", "8"]]
        assert watched.foreign_requests() == [] and watched.errors == []

    with fresh_page(browser, viewport=PHONE) as watched:  # a new phone: import the exported log
        page = watched.page
        page.goto(real_site_url + ROUTINE)
        page.locator(".uba-log summary").click()
        page.locator("[data-uba-log-import]").set_input_files(str(exported))
        expect(page.locator("[data-uba-log-status]")).to_have_text("Imported 1 session; 0 were already here.")
        page.locator("[data-uba-log-import]").set_input_files(str(exported))
        expect(page.locator("[data-uba-log-status]")).to_have_text("Imported 0 sessions; 1 were already here.")
        page.goto(real_site_url + "exercises/bent-over-row/")
        expect(page.locator(".uba-last-time")).to_contain_text("10, 9, 8 at 40 kg")
        page.goto(real_site_url + ROUTINE)
        page.get_by_role("button", name="Start session").click()
        _go_to(page, "Bent-over row")
        expect(page.locator(".uba-session__suggestion")).to_have_text("Stay at 40 kg and add a rep or two (up to 10).")
        expect(page.locator(".uba-session__set").nth(0).get_by_label("kg")).to_have_value("40")  # prefilled from last time
        assert watched.errors == []


def test_reaching_the_top_of_the_range_on_every_set_suggests_the_exercises_load_step(
        browser: Browser, real_site: BuildResult, real_site_url: str) -> None:
    with fresh_page(browser, viewport=PHONE) as watched:
        page = watched.page
        _start(page, real_site_url)
        _go_to(page, "Bent-over row")
        for number in range(1, 5):
            _log_set(page, number, "40", "10")
        while page.get_by_role("button", name="Next exercise").count():
            page.get_by_role("button", name="Next exercise").click()
        page.get_by_role("button", name="Finish session").click()
        page.get_by_role("button", name="Close").click()
        page.get_by_role("button", name="Start session").click()
        _go_to(page, "Bent-over row")
        expect(page.locator(".uba-session__suggestion")).to_have_text("You reached 10 on every set: try 42.5 kg (+2.5 kg).")
        move_up = page.locator(".uba-session__move-up")  # the row ladder's next step, with its criterion
        expect(move_up).to_have_text("Ready to move up? Next on Rows: from the chest-supported row to the Pendlay row: Pendlay row, "
                                     "once you can do this: 4 × 10 with the back flat and the trunk angle unchanged through every rep.")
        expect(move_up.get_by_role("link", name="Pendlay row")).to_have_attribute("href", real_site_url + "exercises/pendlay-row/")
        expect(page.locator(".uba-session__set").nth(0).get_by_label("kg")).to_have_value("42.5")
        assert watched.errors == []


def test_a_damaged_store_a_foreign_file_and_a_changed_routine_lose_nothing_and_run_nothing(
        browser: Browser, real_site: BuildResult, real_site_url: str, tmp_path: Path) -> None:
    with fresh_page(browser, viewport=PHONE) as watched:
        page = watched.page
        page.goto(real_site_url + ROUTINE)
        page.evaluate(f"window.localStorage.setItem({LOG_KEY!r}, '{{\"format\": \"upper-back-atlas-training-log\", \"version\": 1, ')")
        page.reload()
        page.locator(".uba-log summary").click()
        expect(page.locator("[data-uba-log-status]")).to_contain_text("could not be read, so it was kept aside")
        kept = page.evaluate("Object.keys(window.localStorage).filter(k => k.startsWith('uba-training-log-unreadable-'))"
                             ".map(k => window.localStorage.getItem(k))")
        assert kept == ['{"format": "upper-back-atlas-training-log", "version": 1, ']

        foreign = tmp_path / "foreign.json"
        foreign.write_text(json.dumps({"format": "something-else", "sessions": [{"id": "x<img src=x onerror=alert(1)>"}]}))
        page.locator("[data-uba-log-import]").set_input_files(str(foreign))
        expect(page.locator("[data-uba-log-status]")).to_have_text("This is not an Upper Back Atlas training log. Nothing was changed.")
        hostile = tmp_path / "hostile.json"
        hostile.write_text(json.dumps({"format": "upper-back-atlas-training-log", "version": 1, "current": None, "sessions": [
            {"id": "abcdef1", "routine": "<script>", "started": "2026-12-01T10:00:00Z", "finished": "2026-12-01T11:00:00Z"},
            {"id": "abcdef2", "routine": "upper-back-strength-gym", "started": "2026-12-01T10:00:00Z", "finished": "2026-12-01T11:00:00Z",
             "entries": [{"exercise": "bent-over-row", "note": "<img src=x onerror=alert(1)>",
                          "sets": [{"load": 1e999, "reps": "12", "done": True}, {"load": 30, "reps": 12, "done": True}]}]}]})
                           .replace("Infinity", "1e999"))  # valid JSON that JavaScript reads as Infinity
        page.locator("[data-uba-log-import]").set_input_files(str(hostile))
        expect(page.locator("[data-uba-log-status]")).to_have_text("Imported 1 session; 0 were already here.")
        sets = _stored(page)["sessions"][0]["entries"][0]["sets"]  # type: ignore[index]
        assert [(s["load"], s["reps"]) for s in sets] == [(None, None), (30, 12)]  # not numbers: dropped, not guessed

        changed = {"format": "upper-back-atlas-training-log", "version": 1, "sessions": [], "current": {
            "id": "abcdef3", "routine": "upper-back-strength-gym", "name": "Upper back strength, gym", "started": "2026-12-02T10:00:00Z",
            "signature": "000000000000", "position": {"item": 3}, "entries": [{"exercise": "bent-over-row", "sets": [
                {"load": 20, "reps": 5, "done": True}]}]}}
        page.evaluate(f"window.localStorage.setItem({LOG_KEY!r}, {json.dumps(json.dumps(changed))})")
        page.reload()
        start = page.locator("[data-uba-session-start]")
        expect(start).to_have_text("Start session")  # the routine changed: not resumed into the wrong exercises
        start.click()
        expect(page.locator("[data-uba-session-message]")).to_contain_text("has changed since that session began")
        expect(page.locator(".uba-session__progress")).to_have_text("Exercise 1 of 10")
        log = _stored(page)
        assert [session["id"] for session in log["sessions"]][-1] == "abcdef3"  # type: ignore[index]  # kept, not lost
        assert watched.dialogs == [] and watched.errors == []


def test_programme_pages_start_each_session_and_exercise_pages_stay_quiet_without_a_log(
        browser: Browser, real_site: BuildResult, real_site_url: str) -> None:
    with fresh_page(browser, viewport=PHONE) as watched:
        page = watched.page
        page.goto(real_site_url + "routines/upper-back-four-weeks/")
        expect(page.get_by_role("button", name="Start session A")).to_be_visible()
        page.get_by_role("button", name="Start session B").click()
        expect(page.locator(".uba-session__routine")).to_contain_text("session B")
        page.goto(real_site_url + "exercises/bent-over-row/")
        expect(page.locator(".uba-last-time")).to_be_hidden()
        assert watched.errors == []


def test_a_routine_from_the_builder_runs_in_session_mode_and_is_logged_under_its_name(
        browser: Browser, real_site: BuildResult, real_site_url: str) -> None:
    with fresh_page(browser, viewport=PHONE) as watched:
        page = watched.page
        page.goto(real_site_url + "routines/builder/?n=Pull%20%3Cb%3Eday%3C%2Fb%3E&b=Main"
                  "&x=face-pull_2_12_0_60_0&x=band-pull-apart_2_15_0_30_0")
        expect(page.locator(".uba-builder-item")).to_have_count(2)
        page.get_by_role("button", name="Start session").click()
        expect(page.locator(".uba-session__routine")).to_have_text("Pull <b>day</b>")  # the name stays text
        expect(page.locator(".uba-session__progress")).to_have_text("Exercise 1 of 2")
        expect(page.locator(".uba-session__dose")).to_have_text("2 × 12 · rest 1:00")
        _log_set(page, 1, "7.5", "12")
        page.get_by_role("button", name="Next exercise").click()
        expect(page.locator(".uba-session__name")).to_have_text("Band pull-apart")
        assert page.locator(".uba-session__set").nth(0).get_by_label("kg").count() == 0  # a band has no kilograms to log
        page.get_by_role("button", name="Finish session").click()
        session = _stored(page)["sessions"][0]  # type: ignore[index]
        assert (session["routine"], session["name"]) == ("builder", "Pull <b>day</b>")
        assert [(s["load"], s["reps"]) for s in session["entries"][0]["sets"] if s["done"]] == [(7.5, 12)]
        assert watched.errors == []

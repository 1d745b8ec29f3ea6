"""``assistant dingtalk ...``: push a meeting's approved to-dos, run the fake DingTalk by hand."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from assistant.config import PROJECT_ROOT, get_settings

FAKE_SERVER = PROJECT_ROOT / "tests" / "dingtalk" / "fake_server.py"
_POLL_S = 0.5


@click.group()
def dingtalk() -> None:
    """DingTalk: push approved to-dos as DingTalk to-dos, DING and follow up."""


@dingtalk.command()
@click.argument("meeting")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), help="Database and audio folder.")
@click.option("--approve", is_flag=True, help="Approve the meeting's to-do table first.")
@click.option("--wait", "wait_s", type=float, default=300.0, show_default=True,
              help="Seconds to wait for the push to finish.")
def push(meeting: str, data_dir: Path | None, approve: bool, wait_s: float) -> None:
    """Push MEETING (a stored meeting id, or a minutes.json file) and print the per-item report.

    The push goes through the outbox: when `assistant serve` runs on the same data folder, its
    worker sends it; otherwise this command does. A minutes.json counts as approved.
    """
    from assistant.dingtalk.delivery import import_minutes, report
    from assistant.dingtalk.runtime import DingTalkRuntime, configured
    from assistant.store import deliveries
    from assistant.store.errors import Conflict, Invalid, NotFound
    from assistant.store.meetings import get_meeting, set_approved
    from assistant.store.store import Store

    settings = get_settings()
    if data_dir is not None:
        settings = settings.model_copy(update={"service": settings.service.model_copy(update={"data_dir": data_dir})})
    if not configured(settings):
        raise click.ClickException("DingTalk is not configured: set ASSISTANT_DINGTALK_APP_KEY, "
                                   "ASSISTANT_DINGTALK_APP_SECRET, ASSISTANT_DINGTALK_ROBOT_CODE, ...")
    store = Store(settings.service)
    runtime = DingTalkRuntime(store, settings)
    try:
        with store.session() as session:
            path = Path(meeting)
            if path.suffix == ".json" and path.is_file():
                meeting_id = import_minutes(session, path).id
            else:
                meeting_id = get_meeting(session, meeting).id
                if approve:
                    set_approved(get_meeting(session, meeting_id), True)
            session.commit()
        runtime.start(stream=False)
        runtime.push(meeting_id)
        deadline = time.monotonic() + wait_s
        while True:
            with store.session() as session:
                if deliveries.open_operations(session, meeting_id) == 0 or time.monotonic() > deadline:
                    items = report(session, meeting_id)
                    break
            time.sleep(_POLL_S)
    except (NotFound, Conflict, Invalid) as e:
        raise click.ClickException(str(e)) from None
    finally:
        runtime.stop()
        store.close()
    for d in items:
        click.echo(_line(d))
    if any(d.status in ("failed", "unresolved", "pending") for d in items):
        sys.exit(1)


def _line(d) -> str:
    head = f"#{d.position} {d.owner}: "
    if d.status in ("created", "already_existed"):
        ding = ""
        if d.ding:
            ding = f", {d.ding} DING" + (" (downgraded: no SMS/phone DING package)" if d.ding_downgraded else "")
        return head + f"{d.status.replace('_', ' ')} (to-do {d.task_id}{ding})"
    if d.status == "unresolved":
        names = ", ".join(f"{c['name']} [{c['person_id'] or c['user_id']}]" for c in d.candidates) or "none"
        return head + f"unresolved: {d.reason}; candidates: {names} (choose in the review page)"
    if d.status == "pending":
        return head + "still pending (the worker will keep trying)"
    return head + f"failed: {d.reason}"


@dingtalk.command("fake-server")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8080, show_default=True)
@click.option("--paid", is_flag=True, help="The fake organisation has the SMS/phone DING package.")
def fake_server(host: str, port: int, paid: bool) -> None:
    """Run the fake DingTalk (test code, from a source checkout) for trying the assistant by hand."""
    if not FAKE_SERVER.is_file():
        raise click.ClickException("the fake DingTalk server is test code: it ships only with a source checkout "
                                   f"({FAKE_SERVER.relative_to(PROJECT_ROOT)} is missing)")
    sys.path.insert(0, str(PROJECT_ROOT))
    from tests.dingtalk.fake_server import main as run

    run(["--host", host, "--port", str(port), *(["--paid"] if paid else [])])

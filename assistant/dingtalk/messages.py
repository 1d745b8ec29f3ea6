"""User-facing DingTalk text, in Traditional Chinese (Hong Kong)."""

from __future__ import annotations

from assistant.minutes import ActionItem

CONFIRM_LABEL = "確認執行"
DISPUTE_LABEL = "提出異議"


def _when(item: ActionItem, when: str | None) -> str:
    """The deadline as shown (``assistant.deadlines.display``: with the owner's local time), or as stored."""
    return when or item.deadline or "未定"


def todo_subject(item: ActionItem) -> str:
    return item.task[:1024]


def todo_description(item: ActionItem, meeting_title: str, when: str | None = None) -> str:
    return f"會議：{meeting_title}\n負責人：{item.owner}\n限期：{_when(item, when)}"[:4096]


def ding_text(item: ActionItem, when: str | None = None) -> str:
    deadline = f"，限期 {_when(item, when)}" if item.deadline else ""
    return f"【會議跟進】請處理：{item.task}{deadline}。請喺釘釘待辦確認。"


def confirm_card_params(item: ActionItem, source_id: str, when: str | None = None) -> dict[str, str]:
    """cardParamMap for the confirm/dispute card template; all values must be strings."""
    return {
        "title": "會議行動項目",
        "task": item.task,
        "owner": item.owner,
        "deadline": _when(item, when),
        "sourceId": source_id,
        "confirmLabel": CONFIRM_LABEL,
        "disputeLabel": DISPUTE_LABEL,
    }


def reminder_text(item: ActionItem, pushed_at: str, when: str | None = None) -> tuple[str, str]:
    """(title, markdown) of the second-phase reminder. Its wording differs from the first
    message because DingTalk silently drops identical work notifications to the same user."""
    deadline = f"，限期 {_when(item, when)}" if item.deadline else ""
    title = "第二次提醒：請確認會議跟進事項"
    text = (f"### {title}\n\n{item.owner}，{pushed_at} 發出嘅跟進事項「{item.task}」{deadline}，"
            f"你仲未確認。請喺卡片揀「{CONFIRM_LABEL}」或者「{DISPUTE_LABEL}」。你嘅直屬主管亦已收到通知。")
    return title, text


def escalation_subject(item: ActionItem) -> str:
    return f"【失聯風險】{item.owner} 未確認：{item.task}"[:1024]


def escalation_description(item: ActionItem, meeting_title: str, pushed_at: str, when: str | None = None) -> str:
    return (f"會議：{meeting_title}\n負責人：{item.owner}（{pushed_at} 已通知，仍未確認或提出異議）\n"
            f"事項：{item.task}\n限期：{_when(item, when)}\n請跟進。")[:4096]

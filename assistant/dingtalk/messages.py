"""User-facing DingTalk text, in Traditional Chinese (Hong Kong)."""

from __future__ import annotations

from assistant.minutes import ActionItem

CONFIRM_LABEL = "確認執行"
DISPUTE_LABEL = "提出異議"


def todo_subject(item: ActionItem) -> str:
    return item.task[:1024]


def todo_description(item: ActionItem, meeting_title: str) -> str:
    deadline = item.deadline or "未定"
    return f"會議：{meeting_title}\n負責人：{item.owner}\n限期：{deadline}"[:4096]


def ding_text(item: ActionItem) -> str:
    deadline = f"，限期 {item.deadline}" if item.deadline else ""
    return f"【會議跟進】請處理：{item.task}{deadline}。請喺釘釘待辦確認。"


def confirm_card_params(item: ActionItem, source_id: str) -> dict[str, str]:
    """cardParamMap for the confirm/dispute card template; all values must be strings."""
    return {
        "title": "會議行動項目",
        "task": item.task,
        "owner": item.owner,
        "deadline": item.deadline or "未定",
        "sourceId": source_id,
        "confirmLabel": CONFIRM_LABEL,
        "disputeLabel": DISPUTE_LABEL,
    }

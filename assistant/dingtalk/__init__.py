"""DingTalk client layer: tokens, typed errors, people lookup and pushing action items."""

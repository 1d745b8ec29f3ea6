"""Meetings from the calendar: events from iCalendar feeds and DingTalk Calendar, synced into the
store, and recordings matched to the event they are of.

``events`` (the typed event), ``ical`` and ``dingtalk`` (the sources), ``matching`` (recording →
event), ``sync`` (sources → store, on a schedule and on demand).
"""

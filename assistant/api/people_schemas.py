"""Request and response bodies of the people directory and voiceprints."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from assistant.api.schemas import DB_INT_MAX, TimeZone
from assistant.store.models import Person


class PersonFields(BaseModel):
    model_config = ConfigDict(extra="forbid")
    aliases: list[str] = Field(default_factory=list, description="Other names: 陳生, Peter Chan, 阿 Peter.")
    role: str | None = Field(None, max_length=200)
    team: str | None = Field(None, max_length=200)
    mobile: str | None = Field(None, max_length=32)
    dingtalk_user_id: str | None = Field(None, max_length=64)
    dingtalk_union_id: str | None = Field(None, max_length=64)
    manager_user_id: str | None = Field(None, max_length=64, description="DingTalk userId of the direct manager.")
    timezone: TimeZone | None = Field(None, description="IANA zone where they work; null: Hong Kong.")


class PersonIn(PersonFields):
    name: str = Field(min_length=1, max_length=200)


class PersonPatch(PersonFields):
    version: int = Field(ge=0, le=DB_INT_MAX, description="The version you last read; a different current version gives 409.")
    name: str | None = Field(None, min_length=1, max_length=200)
    aliases: list[str] | None = None


class PersonOut(PersonIn):
    model_config = ConfigDict(from_attributes=True)
    id: str
    voiceprints: int = Field(description="How many voiceprints the person has (the prints are admin-only).")
    created_at: datetime
    updated_at: datetime
    version: int

    @classmethod
    def of(cls, person: Person, voiceprints: int) -> PersonOut:
        fields = {k: getattr(person, k) for k in (*PersonIn.model_fields, "id", "created_at", "updated_at", "version")}
        return cls(**fields, voiceprints=voiceprints)


class VoiceprintOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    person_id: str
    model: str = Field(description="Embedding model; prints are only compared with embeddings of this model.")
    speech_s: float
    source: str = Field(description="clip | meeting | folder")
    source_ref: str | None = Field(description="File name, or the meeting id.")
    consent_by: str | None
    consent_at: datetime | None
    created_at: datetime


class Consent(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    consent: bool = Field(description="The person agreed that their voice is kept to recognise them.")

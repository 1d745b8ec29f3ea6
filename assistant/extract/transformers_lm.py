"""Any Hugging Face causal LM with a chat template (local folder or hub name); GPU when present.

transformers has no grammar-constrained decoding, so the reply is free text: the prompt shows
the JSON shape and the caller validates, repairs or retries.
"""

from __future__ import annotations

from typing import Any

from assistant.config import ExtractionSettings
from assistant.extract.backends import Messages
from assistant.loading import resolve_device


class TransformersModel:
    def __init__(self, settings: ExtractionSettings):
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        self.torch = torch
        self.settings = settings
        self.device = resolve_device(settings.device)
        cuda = self.device == "cuda"
        extra = {"gguf_file": settings.hf_gguf_file} if settings.hf_gguf_file else {}
        self.tokenizer = AutoTokenizer.from_pretrained(settings.hf_model, **extra)
        self.model = AutoModelForCausalLM.from_pretrained(
            settings.hf_model, dtype=torch.float16 if cuda else torch.float32, **extra
        ).to(self.device)
        self.model.eval()

    def chat(self, messages: Messages, schema: dict[str, Any]) -> str:
        inputs = self.tokenizer.apply_chat_template(
            messages, add_generation_prompt=True, return_tensors="pt", return_dict=True
        ).to(self.device)
        sampling = self.settings.temperature > 0
        self.torch.manual_seed(self.settings.seed)
        with self.torch.inference_mode():
            output = self.model.generate(
                **inputs,
                max_new_tokens=self.settings.max_tokens,
                do_sample=sampling,
                temperature=self.settings.temperature if sampling else None,
                top_p=None,
                top_k=None,
                pad_token_id=self.tokenizer.pad_token_id or self.tokenizer.eos_token_id,
            )
        return self.tokenizer.decode(output[0, inputs["input_ids"].shape[1] :], skip_special_tokens=True)

"""The three model backends, each for real: the packaged GGUF through llama.cpp, a local
OpenAI-compatible HTTP server, and transformers with a tiny random model built offline
(it checks the code path and the JSON handling, not quality: its replies are noise)."""

from __future__ import annotations

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant.config import ExtractionSettings
from assistant.extract import extract_transcript
from assistant.extract.backends import gguf_path, load_model
from assistant.weights import WeightsError

SHORT = {
    "date": "2026-05-06",  # a Wednesday
    "attendees": [{"name": "梁生", "role": "經理"}, {"name": "Ivy", "role": "主任"}],
    "turns": [
        {"speaker": "梁生", "text": "展覽攤位決定用藍色做主調。"},
        {"speaker": "梁生", "text": "報名表個格式有啲舊，要改。"},
        {"speaker": "Ivy", "text": "呢個我自己搞，我禮拜五前改好佢。"},  # a fragment: the model is asked about it
        {"speaker": "Ivy", "text": "我聽日同印刷公司確認海報。"},  # a clear item: the model is not asked
    ],
}


# --- llama.cpp -------------------------------------------------------------------------------

LLAMA = ExtractionSettings(backend="llama_cpp", max_tokens=120)


@pytest.fixture(scope="session")
def llama_settings():
    try:
        if not gguf_path(LLAMA).is_file():
            pytest.skip("packaged GGUF model not installed")
    except WeightsError as exc:
        pytest.skip(str(exc))
    load_model(LLAMA)  # loaded once per session, cached by settings
    return LLAMA


def test_llama_cpp_reviews_with_the_packaged_model(llama_settings, caplog):
    with caplog.at_level(logging.DEBUG, logger="assistant.extract"):
        out = extract_transcript(SHORT, llama_settings)
    assert any("raw review" in r.message for r in caplog.records)  # the real model answered
    items = {a["turn"]: a for a in out["action_items"]}
    # Code owns dates and owners; the model may only reword the fragment with words from its turns.
    assert (items[2]["owner"], items[2]["deadline"]) == ("Ivy", "2026-05-08")
    assert (items[3]["owner"], items[3]["deadline"], items[3]["task"]) == ("Ivy", "2026-05-07", "同印刷公司確認海報")
    assert any(d["turn"] == 0 and "藍色" in d["text"] for d in out["decisions"])


# --- OpenAI-compatible HTTP ------------------------------------------------------------------


class ScriptedServer:
    """A real HTTP server on 127.0.0.1 replying to /v1/chat/completions from a script."""

    def __init__(self, replies: list[tuple[int, str]]):
        self.replies = list(replies)
        self.requests: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
                status, content = server.replies.pop(0)
                payload = {"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]}
                data = json.dumps(payload if status == 200 else {"error": "bad request"}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


VALID = json.dumps({"items": [{"n": 1, "keep": True, "owner": "Ivy", "task": "改好報名表格式"}]}, ensure_ascii=False)


def _openai(base_url: str, **extra) -> ExtractionSettings:
    return ExtractionSettings(backend="openai", openai_base_url=base_url, openai_model="test-model",
                              openai_api_key="sk-test", openai_timeout=10, **extra)


def _by_turn(out: dict) -> dict[int, dict]:
    return {a["turn"]: a for a in out["action_items"]}


def test_openai_review_rewrites_a_fragment_and_broken_json_is_retried(caplog):
    with ScriptedServer([(200, '{"items": [{"n": 1, "keep": '), (200, VALID)]) as server:
        with caplog.at_level(logging.DEBUG, logger="assistant.extract"):
            out = extract_transcript(SHORT, _openai(server.base_url))
    item = _by_turn(out)[2]
    assert (item["owner"], item["task"], item["deadline"]) == ("Ivy", "改好報名表格式", "2026-05-08")
    assert item["needs_review"] is False
    assert _by_turn(out)[3]["task"] == "同印刷公司確認海報"
    assert out["decisions"] == [{"text": "展覽攤位決定用藍色做主調", "turn": 0}]
    first, second = server.requests
    assert first["path"] == "/v1/chat/completions"
    assert first["auth"] == "Bearer sk-test"
    assert first["body"]["model"] == "test-model" and first["body"]["temperature"] == 0.0
    assert first["body"]["response_format"]["type"] == "json_schema"
    assert "Item 1 draft: owner=Ivy" in first["body"]["messages"][-1]["content"]
    assert "Item 2" not in first["body"]["messages"][-1]["content"]  # the clear item is not sent
    assert second["body"]["messages"][-1]["role"] == "user"  # the retry asks again
    assert any("invalid review output" in r.message for r in caplog.records)
    assert any("raw review" in r.message for r in caplog.records)


def test_openai_review_all_sends_every_item():
    reply = json.dumps({"items": [{"n": 1, "keep": True, "owner": "", "task": ""},
                                  {"n": 2, "keep": True, "owner": "", "task": ""}]})
    with ScriptedServer([(200, reply)]) as server:
        out = extract_transcript(SHORT, _openai(server.base_url, review="all"))
    assert "Item 2 draft: owner=Ivy task=同印刷公司確認海報" in server.requests[0]["body"]["messages"][-1]["content"]
    assert [a["owner"] for a in out["action_items"]] == ["Ivy", "Ivy"]  # empty answers keep the rules' items


def test_openai_review_cannot_invent_tasks_or_owners():
    reply = json.dumps({"items": [{"n": 1, "keep": True, "owner": "Bob", "task": "訂機票去東京開會"}]}, ensure_ascii=False)
    with ScriptedServer([(200, reply)]) as server:
        out = extract_transcript(SHORT, _openai(server.base_url))
    item = _by_turn(out)[2]
    assert item["owner"] == "Ivy"  # Bob is no attendee
    assert "東京" not in item["task"]  # not said in the turns shown


def test_openai_without_structured_output_support_gets_plain_json():
    with ScriptedServer([(400, ""), (200, "```json\n" + VALID + "\n```")]) as server:
        out = extract_transcript(SHORT, _openai(server.base_url))
    assert _by_turn(out)[2]["task"] == "改好報名表格式"
    assert "response_format" not in server.requests[1]["body"]


def test_openai_always_broken_keeps_the_rules_answer():
    with ScriptedServer([(200, "not json at all")] * 2) as server:
        out = extract_transcript(SHORT, _openai(server.base_url))
    assert len(server.requests) == 2  # retries=1
    assert [(a["owner"], a["deadline"]) for a in out["action_items"]] == [("Ivy", "2026-05-08"), ("Ivy", "2026-05-07")]


def test_openai_unreachable_keeps_the_rules_answer():
    out = extract_transcript(SHORT, _openai("http://127.0.0.1:9/v1"))
    assert [a["owner"] for a in out["action_items"]] == ["Ivy", "Ivy"]


def test_openai_not_asked_without_candidates():
    chat = {"date": "2026-05-06", "turns": [{"speaker": "梁生", "text": "今日天氣好好。"}]}
    with ScriptedServer([]) as server:
        assert extract_transcript(chat, _openai(server.base_url)) == {"decisions": [], "action_items": []}
        assert extract_transcript({"turns": []}, _openai(server.base_url)) == {"decisions": [], "action_items": []}
    assert server.requests == []


# --- transformers ----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory):
    """A random 2-layer Qwen2 and a byte-level BPE tokenizer with a chat template, saved offline."""
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    folder = tmp_path_factory.mktemp("tiny-qwen")
    specials = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=400, special_tokens=specials,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tok.train_from_iterator([VALID, json.dumps(SHORT, ensure_ascii=False)] * 3, trainer)
    fast = transformers.PreTrainedTokenizerFast(
        tokenizer_object=tok, eos_token="<|im_end|>", pad_token="<|endoftext|>",
        chat_template="{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}"
                      "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}",
    )
    fast.save_pretrained(folder)
    config = transformers.Qwen2Config(
        vocab_size=len(fast), hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=2,
        num_key_value_heads=1, max_position_embeddings=4096, eos_token_id=fast.eos_token_id,
        pad_token_id=fast.pad_token_id,
    )
    torch.manual_seed(0)
    transformers.Qwen2ForCausalLM(config).save_pretrained(folder)
    return folder


def test_transformers_backend_runs_a_local_model(tiny_model_dir, caplog):
    settings = ExtractionSettings(backend="transformers", hf_model=str(tiny_model_dir), device="cpu", max_tokens=16)
    model = load_model(settings)
    reply = model.chat([{"role": "user", "content": "hi"}], {})
    assert isinstance(reply, str) and reply == model.chat([{"role": "user", "content": "hi"}], {})  # greedy
    with caplog.at_level(logging.WARNING, logger="assistant.extract"):
        out = extract_transcript(SHORT, settings)
    # A random model writes no valid JSON: retried, logged, and the rules' items stand.
    assert any("invalid review output" in r.message for r in caplog.records)
    assert [(a["owner"], a["deadline"]) for a in out["action_items"]] == [("Ivy", "2026-05-08"), ("Ivy", "2026-05-07")]

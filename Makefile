# Two commands for a new machine: `make run` (set up, then process the bundled sample)
# and `make test`. Every target is idempotent; downloads and builds are cached.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
CACHE ?= $(HOME)/.cache/assistant
WHEELS := $(CACHE)/wheels
LLAMA := llama-cpp-python==0.3.36
LLAMA_WHEEL := $(WHEELS)/llama_cpp_python-0.3.36-py3-none-linux_x86_64.whl
SAMPLE := samples/meeting_yue.wav
OUT := out

.PHONY: setup run test bench models clean ffmpeg

setup: $(VENV)/.installed models

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip wheel

# llama-cpp-python ships only as source on PyPI; build it once (about 10 minutes on 2 cores) and keep the wheel.
$(LLAMA_WHEEL): | $(VENV)/bin/python
	mkdir -p $(WHEELS)
	CMAKE_ARGS="-DGGML_NATIVE=OFF" $(PIP) wheel --no-deps -w $(WHEELS) $(LLAMA)

$(VENV)/.installed: pyproject.toml constraints.txt $(LLAMA_WHEEL) | $(VENV)/bin/python
	$(PIP) install --quiet -c constraints.txt -e ".[test]" $(LLAMA_WHEEL)
	touch $@

models: $(VENV)/.installed
	$(PY) -m assistant.weights install

# Decoding audio needs ffmpeg: say so before the long install, not after it.
ffmpeg:
	@command -v ffprobe >/dev/null 2>&1 || { echo "ffmpeg is not installed: apt-get install ffmpeg (see README)" >&2; exit 1; }

# Process the sample from the command line, then serve the review page; the server's inbox
# picks the sample up once (by content hash, also across restarts). Stop with Ctrl-C.
run: ffmpeg setup
	$(VENV)/bin/assistant process $(SAMPLE) --out $(OUT)/meeting_yue
	@echo "Minutes: $(OUT)/meeting_yue/minutes.md"
	@echo "Review page: http://127.0.0.1:$${ASSISTANT_SERVICE__PORT:-8000}/ (the sample appears there once processed)"
	@echo "Sign in as admin: the first start prints a one-time password (else: $(VENV)/bin/assistant admin set-password admin)"
	$(VENV)/bin/assistant serve --watch samples

test: setup
	$(PY) -m pytest

bench: setup
	$(PY) -m bench

clean:
	rm -rf $(OUT) .pytest_cache test-artifacts

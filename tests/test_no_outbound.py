"""No outbound connection (issue 13, PDPO): `assistant process` on a real clip with the real models, under
strace, connects to nothing but loopback and local sockets and makes no DNS query.

The child gets none of the telemetry switches in its environment, so the test proves that the
package sets them itself (``assistant/__init__.py``) before the model libraries load.
"""

from __future__ import annotations

import ipaddress
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from assistant import OFFLINE_ENVIRONMENT

ROOT = Path(__file__).resolve().parent.parent
CLIP = ROOT / "samples" / "eval" / "asr" / "gd0015582_0_4280.wav"  # 4.3 s of Cantonese
CALL = re.compile(r"^\d+\s+(connect|sendto|sendmsg|sendmmsg)\((.*)$")
FAMILY = re.compile(r"sa_family=(AF_\w+)")
PORT = re.compile(r"sin6?_port=htons\((\d+)\)")
ADDRESS = re.compile(r'inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6, "([^"]+)"')
UNIX_PATH = re.compile(r'sun_path="([^"]*)"')
NAME_SERVICE_SOCKETS = ("/var/run/nscd/socket", "/run/nscd/socket", "/run/systemd/resolve/io.systemd.Resolve")


def outbound(trace: str) -> list[str]:
    """strace lines that reach past this machine, or look a name up (DNS on any address, nscd, resolved)."""
    found = []
    for line in trace.splitlines():
        call = CALL.match(line)
        family = FAMILY.search(line) if call else None
        if family is None:  # no address: a connected socket, whose connect() was checked
            continue
        if family.group(1) == "AF_UNIX":
            path = UNIX_PATH.search(line)
            if path and path.group(1) in NAME_SERVICE_SOCKETS:
                found.append(line)
            continue
        if family.group(1) not in ("AF_INET", "AF_INET6"):
            continue  # netlink and friends stay in the kernel
        port, address = PORT.search(line), ADDRESS.search(line)
        host = address and (address.group(1) or address.group(2))
        loopback = host is not None and ipaddress.ip_address(host.removeprefix("::ffff:")).is_loopback
        if not loopback or (port and port.group(1) == "53"):
            found.append(line)
    return found


def test_outbound_finds_dns_and_remote_connections():
    trace = "\n".join([
        '7 connect(3, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16) = 0',
        '7 connect(3, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), '
        'inet_pton(AF_INET6, "2603:1000::1", &sin6_addr), sin6_scope_id=0}, 28) = 0',
        '7 connect(3, {sa_family=AF_UNIX, sun_path="/var/run/nscd/socket"}, 110) = -1 ENOENT',
        '7 connect(3, {sa_family=AF_INET, sin_port=htons(8000), sin_addr=inet_addr("127.0.0.1")}, 16) = 0',
        '7 connect(3, {sa_family=AF_UNIX, sun_path="/run/x.sock"}, 110) = 0',
        '7 sendto(3, "x", 1, 0, NULL, 0) = 1',
    ])
    assert len(outbound(trace)) == 3


def test_processing_a_clip_makes_no_outbound_connection(tmp_path):
    strace = shutil.which("strace")
    assert strace, "install strace (apt-get install strace; .ci/run does)"
    env = {k: v for k, v in os.environ.items() if k not in OFFLINE_ENVIRONMENT}
    log = tmp_path / "strace.log"
    result = subprocess.run(
        [strace, "-f", "-qq", "-e", "trace=connect,sendto,sendmsg,sendmmsg", "-o", str(log),
         sys.executable, "-m", "assistant.cli", "process", str(CLIP), "--out", str(tmp_path / "out"), "--quiet"],
        env=env, capture_output=True, text=True, timeout=1200, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "out" / "minutes.json").is_file()
    reached = outbound(log.read_text(errors="replace"))
    assert not reached, "\n".join(reached[:20])

#!/usr/bin/env python3
"""Process measurements for bench/run.mjs that Node cannot make without a native addon.

Node has no pseudo-terminal of its own (node-pty is a native addon), and it cannot read a child's
peak memory; Python's standard library does both. Every mode prints one JSON object on stdout.

  proc.py frame NEEDLE COLS ROWS -- CMD...    time until NEEDLE shows on a pseudo-terminal
  proc.py run -- CMD...                        wall time, CPU time and peak RSS of a command
  proc.py idle SPEC -- CMD...                  CPU and memory of a long-running screen (see idle())
"""
import json
import os
import pty
import re
import select
import signal
import struct
import sys
import time
import fcntl
import termios

# Escape sequences (CSI, OSC, charset and keypad modes) are removed before looking for the needle,
# so that colours or cursor moves between two words do not hide it.
ANSI = re.compile(rb"\x1b\[[0-9;?<=>]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78NOMc]")
CLK_TCK = os.sysconf("SC_CLK_TCK")


def spawn_pty(cmd, cols, rows):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ.pop("CI", None)  # Ink writes only the last frame when CI is set
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd


def read_until(fd, needle, deadline, seen=b""):
    """Reads the terminal until NEEDLE shows (True) or the deadline/EOF comes (False)."""
    buf = seen
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            break
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        buf += data
        if needle and needle in ANSI.sub(b"", buf[-200000:]):
            return True, buf
    return (not needle), buf


def drain(fd, seconds):
    """Keeps reading (and discarding) output, so that the program never blocks on a full terminal."""
    end = time.monotonic() + seconds
    while True:
        left = end - time.monotonic()
        if left <= 0:
            return
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                if not os.read(fd, 65536):
                    time.sleep(left)
            except OSError:
                time.sleep(max(0.0, end - time.monotonic()))
                return


def finish(pid, fd):
    """Ends the program as a user would (SIGTERM: drill closes its journal and saves its code
    cache on the way out), and kills it if it has not gone after a few seconds."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            os.close(fd)
            return usage
        drain(fd, 0.05)
    os.kill(pid, signal.SIGKILL)
    _, status, usage = os.wait4(pid, 0)
    os.close(fd)
    return usage


def frame(needle, cols, rows, cmd):
    start = time.perf_counter()
    pid, fd = spawn_pty(cmd, int(cols), int(rows))
    found, buf = read_until(fd, needle.encode(), time.monotonic() + 30)
    elapsed = time.perf_counter() - start
    finish(pid, fd)
    out = {"ms": elapsed * 1000, "found": found}
    if not found:
        out["tail"] = ANSI.sub(b"", buf[-600:]).decode("utf-8", "replace")
    return out


def run(cmd):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    return {
        "ms": elapsed * 1000,
        "cpu_ms": (usage.ru_utime + usage.ru_stime) * 1000,
        "max_rss_mb": usage.ru_maxrss / 1024,  # Linux reports KiB
        "exit": os.waitstatus_to_exitcode(status),
    }


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def idle(spec, cmd):
    """Starts a drill screen, waits for SPEC.needle, types SPEC.keys, lets it settle for
    SPEC.settle seconds, then measures CPU time over SPEC.seconds and samples RSS every
    SPEC.every seconds."""
    pid, fd = spawn_pty(cmd, spec.get("cols", 100), spec.get("rows", 30))
    found, buf = read_until(fd, spec["needle"].encode(), time.monotonic() + 30)
    if not found:
        finish(pid, fd)
        return {"error": "the screen never showed " + spec["needle"], "tail": ANSI.sub(b"", buf[-600:]).decode("utf-8", "replace")}
    # Keys typed before the program has put the terminal in raw mode arrive cooked (Enter as
    # "\n", not "\r") and do nothing: with SPEC.until, type them again until that text shows.
    until = spec.get("until")
    for attempt in range(5 if until else 1):
        for key in spec.get("keys", []):
            os.write(fd, key.encode())
            drain(fd, 0.5)
        if not until:
            break
        shown, buf = read_until(fd, until.encode(), time.monotonic() + 1.5)
        if shown:
            break
    else:
        finish(pid, fd)
        return {"error": "the screen never showed " + until + " after typing the keys", "tail": ANSI.sub(b"", buf[-600:]).decode("utf-8", "replace")}
    drain(fd, spec.get("settle", 2))
    samples = []
    t0 = time.monotonic()
    c0 = cpu_ticks(pid)
    while True:
        samples.append({"s": round(time.monotonic() - t0, 2), "rss_mb": round(rss_mb(pid), 1)})
        left = spec["seconds"] - (time.monotonic() - t0)
        if left <= 0:
            break
        drain(fd, min(spec.get("every", 5), left))
    cpu = (cpu_ticks(pid) - c0) / CLK_TCK
    wall = time.monotonic() - t0
    alive = os.waitpid(pid, os.WNOHANG) == (0, 0)
    finish(pid, fd)
    return {"cpu_s": cpu, "wall_s": wall, "cpu_percent": 100 * cpu / wall, "alive": alive, "samples": samples}


def main(argv):
    sep = argv.index("--")
    mode, args, cmd = argv[0], argv[1:sep], argv[sep + 1 :]
    if mode == "frame":
        result = frame(args[0], args[1], args[2], cmd)
    elif mode == "run":
        result = run(cmd)
    elif mode == "idle":
        result = idle(json.loads(args[0]), cmd)
    else:
        raise SystemExit(f"unknown mode {mode}")
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])

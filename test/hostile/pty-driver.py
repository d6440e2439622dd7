#!/usr/bin/env python3
"""Runs a command in a pseudo-terminal for the crash and hostile-input tests (no native addons).

Usage: pty-driver.py ROWS COLS COMMAND [ARGS...]

Everything the command writes to its terminal is copied to stdout, byte for byte. Each line read
from stdin is a JSON command: {"keys": "text"} types text into the terminal, {"signal": "SIGTERM"}
sends a signal to the command. When the command exits, one JSON line goes to stderr:
{"exit": code (or -signal), "raw": whether the terminal was left in raw mode (null if unknown)}.
"""
import fcntl
import json
import os
import pty
import select
import signal
import struct
import sys
import termios
import time


def main() -> None:
    rows, cols = int(sys.argv[1]), int(sys.argv[2])
    argv = sys.argv[3:]
    pid, fd = pty.fork()
    if pid == 0:
        os.environ['TERM'] = 'xterm-256color'
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    out = sys.stdout.buffer
    stdin = sys.stdin.fileno()
    stdin_open = True
    pending = b''
    while True:
        ready, _, _ = select.select([fd] + ([stdin] if stdin_open else []), [], [], 0.02)
        if fd in ready:
            copy(fd, out)
        if stdin_open and stdin in ready:
            # os.read, not readline: a buffered reader would keep a second command that arrived in
            # the same chunk (keys, then a signal right after) where select() never sees it again.
            chunk = os.read(stdin, 65536)
            if not chunk:
                stdin_open = False
            pending += chunk
            while b'\n' in pending:
                line, pending = pending.split(b'\n', 1)
                command = json.loads(line)
                if 'keys' in command:
                    os.write(fd, command['keys'].encode())
                if 'signal' in command:
                    os.kill(pid, getattr(signal, command['signal']))
        done, status = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            # Raw mode is a property of the terminal, which outlives the process: read it now.
            try:
                raw = not (termios.tcgetattr(fd)[3] & termios.ICANON)
            except termios.error:
                raw = None
            deadline = time.time() + 1
            while time.time() < deadline and select.select([fd], [], [], 0.05)[0]:
                if not copy(fd, out):
                    break
            code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -os.WTERMSIG(status)
            sys.stderr.write(json.dumps({'exit': code, 'raw': raw}) + '\n')
            return


def copy(fd: int, out) -> bool:
    try:
        data = os.read(fd, 65536)
    except OSError:
        return False
    out.write(data)
    out.flush()
    return len(data) > 0


main()

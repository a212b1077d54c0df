"""What the engine's process and a second process it forks say to each other through a pipe: each message is its length
in bytes, then its bytes (or only a length, when the bytes go another way); a negative length says the sender stopped."""

from __future__ import annotations

import contextlib
import fcntl
import os
import struct
import sys
from typing import BinaryIO

LENGTH = struct.Struct("<q")
"""How a message's length is written."""
STOPPED = LENGTH.pack(-1)
"""What a process sends instead of a message when it stops."""
PIPE_BYTES = 1 << 20
"""The room asked for in a pipe (Linux): a sender writes this much ahead of the reader before it waits."""


def can_fork() -> bool:
    """Whether this system starts a second process by forking (not Windows)."""
    return hasattr(os, "fork")


def pipe() -> tuple[int, int]:
    """A pipe's reading and writing ends, with PIPE_BYTES of room where the system allows it."""
    reads, writes = os.pipe()
    if hasattr(fcntl, "F_SETPIPE_SZ"):
        with contextlib.suppress(OSError):
            fcntl.fcntl(writes, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    return reads, writes


def flush_output() -> None:
    """Write out what this process's output holds before it forks: else the second process would hold a copy of what is
    unwritten, and write it again."""
    for stream in (sys.stdout, sys.stderr):
        stream.flush()


def send(stream: BinaryIO, data: bytes) -> None:
    stream.write(LENGTH.pack(len(data)))
    stream.write(data)
    stream.flush()


def send_length(stream: BinaryIO, length: int) -> None:
    """Say that `length` bytes were written elsewhere (a page of that length follows the last one in a spool)."""
    stream.write(LENGTH.pack(length))
    stream.flush()


def receive_length(stream: BinaryIO) -> int | None:
    """The length of the next message, or None when the sender stopped."""
    header = stream.read(LENGTH.size)
    if len(header) != LENGTH.size:
        return None
    length: int = LENGTH.unpack(header)[0]
    return length if length >= 0 else None


def receive(stream: BinaryIO) -> bytes | None:
    """The next message, or None when the sender stopped."""
    length = receive_length(stream)
    if length is None:
        return None
    data = stream.read(length)
    return data if len(data) == length else None

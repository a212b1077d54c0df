"""What the engine's process and a second process it forks say to each other through a pipe: each message is its length
in bytes, then its bytes (or only a length, when the bytes go another way); a negative length says the sender stopped."""

from __future__ import annotations

import contextlib
import fcntl
import os
import struct
import sys
from collections.abc import Callable
from typing import IO, BinaryIO

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
    widen(writes)
    return reads, writes


def widen(end: IO[bytes] | int | None) -> None:
    """Ask for PIPE_BYTES of room in the pipe of this end (Linux; elsewhere, or when refused, it keeps its room)."""
    if end is not None and hasattr(fcntl, "F_SETPIPE_SZ"):
        with contextlib.suppress(OSError):
            fcntl.fcntl(end if isinstance(end, int) else end.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)


def flush_output() -> None:
    """Write out what this process's output holds before it forks: else the second process would hold a copy of what is
    unwritten, and write it again."""
    for stream in (sys.stdout, sys.stderr):
        stream.flush()


def send(stream: IO[bytes], data: bytes) -> None:
    stream.write(LENGTH.pack(len(data)))
    stream.write(data)
    stream.flush()


def send_length(stream: IO[bytes], length: int) -> None:
    """Say that `length` bytes were written elsewhere (a page of that length follows the last one in a spool)."""
    stream.write(LENGTH.pack(length))
    stream.flush()


def receive_length(stream: IO[bytes]) -> int | None:
    """The length of the next message, or None when the sender stopped."""
    header = stream.read(LENGTH.size)
    if len(header) != LENGTH.size:
        return None
    length: int = LENGTH.unpack(header)[0]
    return length if length >= 0 else None


def receive(stream: IO[bytes]) -> bytes | None:
    """The next message, or None when the sender stopped."""
    length = receive_length(stream)
    if length is None:
        return None
    data = stream.read(length)
    return data if len(data) == length else None


def fork_with_pipes(work: Callable[[BinaryIO, BinaryIO], None]) -> tuple[int, BinaryIO, BinaryIO]:
    """Fork a second process that runs `work` with its ends of two pipes (what it reads, what it writes) and then ends,
    never returning into the engine. Returns its id and this process's ends (what it writes to it, what it reads from
    it); OSError when no pipe or process can be had."""
    descriptors: list[int] = []
    try:
        for _ in range(2):
            descriptors += pipe()
        child_reads, parent_writes, parent_reads, child_writes = descriptors
        flush_output()
        pid = os.fork()
    except OSError:
        for descriptor in descriptors:
            os.close(descriptor)
        raise
    if pid == 0:
        status = 1
        try:
            os.close(parent_writes)
            os.close(parent_reads)
            with open(child_reads, "rb") as reads, open(child_writes, "wb") as writes:
                work(reads, writes)
            status = 0
        finally:
            os._exit(status)
    os.close(child_reads)
    os.close(child_writes)
    return pid, open(parent_writes, "wb"), open(parent_reads, "rb")

"""One message at a time over a pipe, pickled straight into frames and unpickled as they come.

A 300-page review is tens of megabytes of pickle. Sent as one piece, the receiving window
would unpickle it in one call that keeps the interpreter lock to itself for a second; here
it is read a frame (64 kB) at a time through ``read`` calls in Python, so the window's own
thread gets the lock between frames. The sender writes frames as pickle makes them, so no
whole copy of a large message is held either.
"""

from __future__ import annotations

from multiprocessing.connection import Connection
from typing import Any

from korrektur.workspace import transfer

FRAME = 1 << 16
_END = b""  # an empty frame ends a message


class _FrameWriter:
    """A file for ``pickle`` that sends full frames as it fills them."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._buffer = bytearray()

    def write(self, data: bytes | bytearray | memoryview) -> int:
        self._buffer += data
        if len(self._buffer) >= FRAME:
            self._connection.send_bytes(self._buffer)
            self._buffer = bytearray()
        return len(data)

    def close(self) -> None:
        if self._buffer:
            self._connection.send_bytes(self._buffer)
        self._connection.send_bytes(_END)


class _FrameReader:
    """A file for ``pickle`` that receives frames as they are asked for."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._frame = b""
        self._position = 0
        self._ended = False
        self.size = 0  # bytes received

    def _next(self) -> bool:
        if self._ended:
            return False
        self._frame, self._position = self._connection.recv_bytes(), 0
        self.size += len(self._frame)
        self._ended = not self._frame
        return not self._ended

    def read(self, size: int = -1) -> bytes:
        parts = []
        wanted = size
        while wanted:
            if self._position >= len(self._frame) and not self._next():
                break
            piece = self._frame[self._position : self._position + wanted if wanted > 0 else None]
            self._position += len(piece)
            parts.append(piece)
            if wanted > 0:
                wanted -= len(piece)
        return b"".join(parts)

    def readinto(self, buffer: memoryview) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def readline(self) -> bytes:
        parts = []
        while True:
            if self._position >= len(self._frame) and not self._next():
                break
            end = self._frame.find(b"\n", self._position)
            stop = len(self._frame) if end < 0 else end + 1
            parts.append(self._frame[self._position : stop])
            self._position = stop
            if end >= 0:
                break
        return b"".join(parts)

    def drain(self) -> None:
        """Skip what is left of the message."""
        while self._next():
            pass


def send(connection: Connection, message: object, held: transfer.Held | None = None) -> None:
    """Send ``message`` (``held``: what the other side holds, named instead of sent).

    Raises:
        OSError: the other side is gone.
    """
    writer = _FrameWriter(connection)
    transfer.dump(message, writer, held)  # type: ignore[arg-type]
    writer.close()


def receive(connection: Connection) -> Any:
    """The next message.

    Raises:
        EOFError, OSError: the other side is gone.
    """
    return receive_sized(connection)[0]


def receive_sized(connection: Connection) -> tuple[Any, int]:
    """The next message and its size in bytes (see ``receive``)."""
    reader = _FrameReader(connection)
    try:
        return transfer.load(reader), reader.size  # type: ignore[arg-type]
    finally:
        reader.drain()

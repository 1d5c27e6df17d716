"""Messages between ``kg serve``'s supervisor and its worker processes (:mod:`kg.web.supervisor`,
:mod:`kg.web.worker`): pickled objects, each framed by its length, over a socket pair.

Only control messages and the network page's JSON go this way; SPARQL queries never do
(a worker answers them itself).
"""

from __future__ import annotations

import asyncio
import pickle
import socket
import struct

_HEADER = struct.Struct(">Q")


def frame(message: object) -> bytes:
    """``message`` pickled, after its length."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(data)) + data


class Channel:
    """One end of a socket pair, inside an event loop."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """A channel over an open stream pair (see :meth:`open`)."""
        self.reader = reader
        self.writer = writer

    @classmethod
    async def open(cls, sock: socket.socket) -> Channel:
        """The channel over ``sock`` (which it takes over)."""
        reader, writer = await asyncio.open_connection(sock=sock)
        return cls(reader, writer)

    async def send(self, message: object) -> None:
        """Send ``message`` (in one write, so that messages sent by several tasks never interleave)."""
        self.writer.write(frame(message))
        await self.writer.drain()

    async def receive(self) -> object:
        """The next message; :class:`asyncio.IncompleteReadError` once the other end has closed."""
        (size,) = _HEADER.unpack(await self.reader.readexactly(_HEADER.size))
        message: object = pickle.loads(await self.reader.readexactly(size))
        return message

    def close(self) -> None:
        """Close this end (the other end reads the end of the stream)."""
        self.writer.close()


__all__ = ["Channel", "frame"]

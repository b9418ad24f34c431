"""Real services that tests start and stop: a fault is a process that goes away."""

import shutil
import socket
import subprocess
import time


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """A private redis-server that the test stops and starts."""

    def __init__(self, tmp_path):
        self.port = free_port()
        self.dir = tmp_path
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                shutil.which("redis-server"),
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.dir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


class SmtpSink:
    """A small SMTP server in a thread that keeps what it is given, or refuses it.

    `accepting = False` makes it answer every connection with 421 (service not available),
    as a mail server does that is down for maintenance; `received` holds the raw messages.
    """

    def __init__(self):
        import socketserver
        import threading

        sink = self
        self.accepting = False
        self.received = []
        self.connections = 0

        class Handler(socketserver.StreamRequestHandler):
            def reply(self, line):
                self.wfile.write(line.encode() + b"\r\n")

            def handle(self):
                sink.connections += 1
                if not sink.accepting:
                    self.reply("421 mail.example.org Service not available, try again later")
                    return
                self.reply("220 mail.example.org ESMTP sink")
                while line := self.rfile.readline():
                    command = line.decode("latin-1").strip().upper()
                    if command.startswith(("EHLO", "HELO")):
                        self.reply("250 mail.example.org")
                    elif command == "DATA":
                        self.reply("354 go ahead")
                        lines = []
                        while (data := self.rfile.readline()) not in (b".\r\n", b""):
                            lines.append(data)
                        sink.received.append(b"".join(lines).decode("utf-8", "replace"))
                        self.reply("250 queued")
                    elif command == "QUIT":
                        self.reply("221 bye")
                        return
                    else:  # MAIL FROM, RCPT TO, RSET, NOOP
                        self.reply("250 ok")

        class Server(socketserver.ThreadingTCPServer):
            allow_reuse_address = True
            daemon_threads = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def mailer(self):
        """A MAILERS entry for this sink, as settings.mailer_from_url builds one."""
        return {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": self.port, "timeout": 5},
        }

    def close(self):
        self.server.shutdown()
        self.server.server_close()

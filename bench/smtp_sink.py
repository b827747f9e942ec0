#!/usr/bin/env python3
"""An SMTP sink for benchmarks: accepts every message on 127.0.0.1:PORT and appends one
line per message (recipient, size) to COUNT_FILE. Threaded, enough of RFC 5321 for libcurl."""
import socketserver
import sys
import threading

port, count_file = int(sys.argv[1]), sys.argv[2]
lock = threading.Lock()


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        self.wfile.write(b"220 sink ESMTP\r\n")
        rcpt = ""
        while True:
            line = self.rfile.readline()
            if not line:
                return
            cmd = line.strip().upper()
            if cmd.startswith(b"EHLO") or cmd.startswith(b"HELO"):
                self.wfile.write(b"250-sink\r\n250 SIZE 52428800\r\n")
            elif cmd.startswith(b"MAIL"):
                self.wfile.write(b"250 ok\r\n")
            elif cmd.startswith(b"RCPT"):
                rcpt = line.strip()[8:].decode(errors="replace")
                self.wfile.write(b"250 ok\r\n")
            elif cmd == b"DATA":
                self.wfile.write(b"354 go\r\n")
                size = 0
                while True:
                    data = self.rfile.readline()
                    if not data or data == b".\r\n":
                        break
                    size += len(data)
                with lock, open(count_file, "a") as f:
                    f.write(f"{rcpt} {size}\n")
                self.wfile.write(b"250 queued\r\n")
            elif cmd == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


Server(("127.0.0.1", port), Handler).serve_forever()

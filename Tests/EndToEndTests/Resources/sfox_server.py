#!/usr/bin/env python3
"""A stand-in for api.sfox.com on loopback, for the URLSession end-to-end test.

Serves POST /v1/enterprise/users/send-verification/<user_id> with the documented example answers
(200 for email and sms, 422 for the user id "verified_user"), records every request it receives,
and answers GET /__requests with that record as JSON. Prints the port it listens on, then serves
until stdin closes or it is terminated. Listens on 127.0.0.1 only.
"""
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RECEIVED = []
EXAMPLES = {
    "email": {"data": {"user_id": "client_account_1", "type": "email", "email": "sfox_connect@email.com"}},
    "sms": {"data": {"user_id": "client_account_1", "type": "sms", "phone_number": "+12223334444"}},
}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/__requests":
            self.answer(200, RECEIVED)
        else:
            self.answer(404, {"error": "not found"})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode()
        RECEIVED.append({
            "method": self.command,
            "path": self.path,
            "headers": {k.lower(): v for k, v in self.headers.items()},
            "body": body,
        })
        prefix = "/v1/enterprise/users/send-verification/"
        if not self.path.startswith(prefix):
            return self.answer(404, {"error": "not found"})
        if self.path.endswith("/verified_user"):
            return self.answer(422, {"error": "Email already verified"})
        kind = json.loads(body or "{}").get("type")
        self.answer(200, EXAMPLES.get(kind, {"error": "bad type"}))


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()  # the test closes stdin (or terminates us) when it is done
    server.shutdown()


if __name__ == "__main__":
    main()
